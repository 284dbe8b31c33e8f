"""The JSON API: start, answer, result, and problem+json errors with the field at fault."""

from __future__ import annotations

import json
from typing import Any

import pytest

from haelguiden.engine.assess import assess
from haelguiden.engine.model import KnowledgeBase

from .conftest import ACHILLES, RUNNER, CheckedClient, complete_answers

URL = "/api/v1/assessments"
VALUE_HELP = (
    "must be text, a whole number, true/false, a list of texts, an object of true/false/null, or null"
)
UNKNOWN_AGEE = "is not a question id. Did you mean 'age'? Use the id of a question from an earlier response"
INJURIES = "['none', 'fall_from_height', 'hard_landing', 'twisted_foot', 'sudden_push_off', " + (
    "'stepped_on_sharp_object', 'blow_to_heel', 'other']"
)


def body_of(kb: KnowledgeBase, facts: dict[str, Any]) -> list[dict[str, Any]]:
    """Every answer of a complete interview in the API's shape."""
    return complete_answers(kb, facts).to_dict()["answers"]  # type: ignore[return-value]


def test_no_answers_gives_the_first_question(client: CheckedClient, kb: KnowledgeBase) -> None:
    response = client.post(URL, json={"lang": "da", "answers": []})

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    data = response.json()
    assert data["status"] == "question"
    assert data["answers"] == {"version": 1, "answers": []}
    assert data["question"] == {
        "id": "age",
        "kind": "number",
        "text": "Hvor gammel er du?",
        "hint": kb.question("age").hint.da,  # type: ignore[union-attr]
        "why": kb.question("age").why.da,
        "phase": "core",
        "options": None,
        "items": None,
        "none_label": None,
        "unit": "years",
        "minimum": 0,
        "maximum": 110,
        "dont_know_label": "Ved ikke",
    }
    assert data["result"] is None


def test_an_empty_body_object_starts_in_danish(client: CheckedClient) -> None:
    assert client.post(URL, json={}).json()["question"]["text"] == "Hvor gammel er du?"


def test_an_answer_gives_the_next_question_with_its_options_in_english(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    data = client.post(URL, json={"lang": "en", "answers": [{"question": "age", "value": 38}]}).json()
    assert data["progress"]["asked"] == 1
    assert data["answers"]["answers"] == [{"question": "age", "value": 38}]
    question = data["question"]
    assert question["id"] == "pain_site"
    assert question["text"] == "Where does it hurt?"
    assert question["options"] == [
        {"value": o.value, "label": o.label.en} for o in kb.question("pain_site").options
    ]
    assert question["dont_know_label"] == "Don't know"


def test_all_answers_give_the_result_with_triage_first(client: CheckedClient, kb: KnowledgeBase) -> None:
    answers = body_of(kb, RUNNER)
    data = client.post(URL, json={"lang": "da", "answers": answers}).json()

    assert data["status"] == "done"
    assert data["question"] is None
    result = data["result"]
    assert result["triage"]["level"] == "self_care"
    assert result["triage"]["title"] == kb.care["self_care"].title.da
    causes = result["possible_causes"]
    assert causes[0]["id"] == "plantar_fasciitis"
    assert causes[0]["article"] == "haelspore"
    assert causes[0]["likelihood"] == {"code": "most_likely", "text": "Mest sandsynlig"}
    assert causes[0]["for"]
    assert result["disclaimer"].startswith("Mulige årsager – ikke en diagnose.")
    expected = assess(kb, complete_answers(kb, RUNNER))
    assert [c["id"] for c in causes] == [r.condition.id for r in expected.listed]


def test_a_postcode_picks_the_after_hours_number(client: CheckedClient, kb: KnowledgeBase) -> None:
    answers = body_of(kb, ACHILLES)
    everywhere = client.post(URL, json={"answers": answers}).json()["result"]["triage"]
    aarhus = client.post(URL, json={"answers": answers, "postcode": "8000"}).json()["result"]["triage"]
    assert everywhere["level"] == aarhus["level"] == "urgent"
    assert "1813 (Region Hovedstaden)" in everywhere["action"]
    assert "70 11 31 31 (Region Midtjylland)" in aarhus["action"]
    assert "1813" not in aarhus["action"]


def test_the_body_is_compact_utf8_json_without_unused_story_fields(client: CheckedClient) -> None:
    response = client.post(URL, json={"lang": "da", "answers": [{"question": "age", "value": 38}]})

    data = response.json()
    assert response.content == json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    assert data["question"]["text"] == "Hvor gør det ondt?"
    assert "ø".encode() in response.content  # written as UTF-8, not as a \u escape
    assert "story_facts" not in data
    assert "story_statements" not in data
    assert data["answers"] == {"version": 1, "answers": [{"question": "age", "value": 38}]}


def test_the_api_is_stateless_and_sets_no_cookie(client: CheckedClient) -> None:
    response = client.post(URL, json={})
    assert "set-cookie" not in response.headers


def problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    data: dict[str, Any] = response.json()
    assert set(data) == {"type", "title", "status", "detail", "errors"}
    assert data["status"] == status
    return data


def test_bad_json_is_400_with_the_body_at_fault(client: CheckedClient) -> None:
    data = problem(client.post(URL, content=b'{"lang": ', headers={"content-type": "application/json"}), 400)
    assert data["type"] == "/api/v1/problems/invalid-json"
    assert data["title"] == "Bad Request"
    assert [e["field"] for e in data["errors"]] == ["body"]
    assert data["errors"][0]["message"].startswith("is not valid JSON (")


def test_a_body_that_is_not_json_is_415(client: CheckedClient) -> None:
    data = problem(client.post(URL, content=b"lang=da", headers={"content-type": "text/plain"}), 415)
    assert data["detail"] == "Send the body as JSON with Content-Type: application/json."


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ([], [{"field": "body", "message": "must be a JSON object with 'lang' and 'answers'"}]),
        ({"lang": "fr"}, [{"field": "lang", "message": "Input should be 'da' or 'en'"}]),
        ({"answers": "age=42"}, [{"field": "answers", "message": "Input should be a valid list"}]),
        ({"answers": [{"value": 42}]}, [{"field": "answers[0].question", "message": "is required"}]),
        (
            {"answers": [{"question": 7, "value": 42}]},
            [{"field": "answers[0].question", "message": "Input should be a valid string"}],
        ),
        (
            {"answers": [{"question": "age", "value": 42, "note": "x"}]},
            [{"field": "answers[0].note", "message": "is not a known field; remove it"}],
        ),
        (
            {"answers": [{"question": "age", "value": 4.5}]},
            [{"field": "answers[0].value", "message": VALUE_HELP}],
        ),
        (
            {"postcode": "21"},
            [{"field": "postcode", "message": "must be a Danish postcode of 4 digits, e.g. 2100"}],
        ),
        ({"extra": 1}, [{"field": "extra", "message": "is not a known field; remove it"}]),
    ],
)
def test_schema_mistakes_are_422_with_each_field(
    client: CheckedClient, body: Any, errors: list[dict[str, str]]
) -> None:
    data = problem(client.post(URL, json=body), 422)
    assert data["type"] == "/api/v1/problems/invalid-request"
    assert data["errors"] == errors


@pytest.mark.parametrize(
    ("answers", "errors"),
    [
        ([{"question": "agee", "value": 42}], [{"field": "answers[0].question", "message": UNKNOWN_AGEE}]),
        (
            [{"question": "age", "value": 400}],
            [{"field": "answers[0].value", "message": "age: 400 is outside 0–110"}],
        ),
        (
            [{"question": "age", "value": 42}, {"question": "age", "value": 43}],
            [{"field": "answers[1].question", "message": "'age' is answered twice; give it once"}],
        ),
        (  # an answer that did not fit does not count, so the next one for that question is checked
            [{"question": "age", "value": 400}, {"question": "age", "value": 401}],
            [
                {"field": "answers[0].value", "message": "age: 400 is outside 0–110"},
                {"field": "answers[1].value", "message": "age: 401 is outside 0–110"},
            ],
        ),
        (
            [{"question": "injury", "value": "meteor"}],
            [
                {
                    "field": "answers[0].value",
                    "message": f"injury: 'meteor' is not an answer here; choose one of {INJURIES} or null",
                }
            ],
        ),
        (
            [{"question": "age", "value": True}],
            [{"field": "answers[0].value", "message": "age: expected a whole number from 0 to 110, or null"}],
        ),
    ],
)
def test_answers_that_do_not_fit_are_422_with_the_answer_at_fault(
    client: CheckedClient, answers: list[dict[str, Any]], errors: list[dict[str, str]]
) -> None:
    data = problem(client.post(URL, json={"answers": answers}), 422)
    assert data["type"] == "/api/v1/problems/invalid-answers"
    assert data["detail"] == "One or more answers do not fit their question; see errors."
    assert data["errors"] == errors


def test_an_unknown_api_path_is_404_problem(client: CheckedClient) -> None:
    assert problem(client.get("/api/v1/nothing"), 404)["type"] == "about:blank"


def test_a_wrong_method_is_405_problem_with_allow(client: CheckedClient) -> None:
    response = client.get(URL)
    problem(response, 405)
    assert response.headers["allow"] == "POST"


def test_health(client: CheckedClient) -> None:
    assert client.get("/api/v1/health").json() == {"status": "ok"}


def test_the_openapi_document_declares_problem_json_errors(client: CheckedClient) -> None:
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/api/v1/assessments"]["post"]
    assert set(operation["responses"]) == {"200", "400", "413", "415", "422", "429"}
    for status in ("400", "413", "415", "422", "429"):
        assert operation["responses"][status]["content"] == {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        }
    assert "HTTPValidationError" not in document["components"]["schemas"]
    assert not [p for p in document["paths"] if not p.startswith("/api/v1/")]


def test_no_swagger_ui_and_a_docs_page_without_third_party_assets(client: CheckedClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    codes = [c.get_text() for c in client.soup.select(".api-op h3 code")]
    assert {"POST /api/v1/assessments", "GET /api/v1/health"} <= set(codes)
    assert "cdn" not in response.text.lower()

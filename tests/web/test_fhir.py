"""FHIR SDC $next-question: the self-check as QuestionnaireResponse in, QuestionnaireResponse out.

Every response is parsed back with fhir.resources' R4B models: a QuestionnaireResponse when the request
was good, an OperationOutcome naming the element at fault when it was not.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import pytest
from fhir.resources.R4B.operationoutcome import OperationOutcome
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haelguiden.engine.assess import assess
from haelguiden.engine.model import KnowledgeBase, Question
from haelguiden.engine.state import Answers, AnswerValue
from haelguiden.evaluation.harness import simulated_answer
from haelguiden.web import fhir

from .conftest import ACHILLES, LADDER, RUNNER, CheckedClient, complete_answers

URL = "/api/v1/fhir/Questionnaire/$next-question"
FHIR_JSON = "application/fhir+json"
EMPTY = {"resourceType": "QuestionnaireResponse", "status": "in-progress"}
DONT_KNOW = {"system": fhir.SPECIAL_SYSTEM, "code": "ved-ikke"}


def post(client: CheckedClient, body: Any, content_type: str = FHIR_JSON) -> Any:
    """POST a body (JSON-encoded unless already bytes)."""
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return client.post(URL, content=content, headers={"content-type": content_type})


def response_of(response: Any) -> dict[str, Any]:
    """The QuestionnaireResponse of a 200 response, checked against the FHIR R4B model."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == FHIR_JSON
    data: dict[str, Any] = response.json()
    QuestionnaireResponse.model_validate(data)
    Questionnaire.model_validate(data["contained"][0])
    return data


def issues_of(response: Any, status: int) -> list[dict[str, Any]]:
    """The issues of an OperationOutcome response, checked against the FHIR R4B model."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == FHIR_JSON
    data = response.json()
    OperationOutcome.model_validate(data)
    issues: list[dict[str, Any]] = data["issue"]
    return [{k: v for k, v in i.items() if k != "severity"} for i in issues]


def next_question(data: Mapping[str, Any]) -> dict[str, Any]:
    """The question to answer: the last item of the contained Questionnaire."""
    item: dict[str, Any] = data["contained"][0]["item"][-1]
    return item


def fhir_item(question: Question, value: AnswerValue) -> dict[str, Any]:
    """An engine answer as the QuestionnaireResponse item a client sends."""
    item: dict[str, Any] = {"linkId": question.id}
    system = fhir.option_system(question.id)
    if value is None:
        return item  # an item without an answer is "ved ikke"
    if question.kind == "checklist":
        assert isinstance(value, Mapping)
        item["item"] = [
            {"linkId": f"{question.id}.{line}", "answer": [{"valueBoolean": tick}]}
            for line, tick in value.items()
            if tick is not None
        ]
    elif question.kind == "number":
        item["answer"] = [{"valueInteger": value}]
    elif isinstance(value, tuple):
        codings = [{"system": system, "code": v} for v in value] or [
            {"system": fhir.SPECIAL_SYSTEM, "code": "none"}
        ]
        item["answer"] = [{"valueCoding": c} for c in codings]
    else:
        item["answer"] = [{"valueCoding": {"system": system, "code": value}}]
    return item


def interview(client: CheckedClient, kb: KnowledgeBase, facts: Mapping[str, Any], lang: str = "da") -> Any:
    """Answer every question the endpoint asks as a person with ``facts``; the last QuestionnaireResponse."""
    data = response_of(post(client, {**EMPTY, "language": lang}))
    for _ in range(60):
        if data["status"] == "completed":
            return data
        question = kb.question(next_question(data)["linkId"])
        data["item"].append(fhir_item(question, simulated_answer(kb, question, facts)))
        data = response_of(post(client, data))  # the server's own response, sent back with one more item
    raise AssertionError("the interview did not end")


def result_of(data: Mapping[str, Any]) -> dict[str, Any]:
    """The result group's items by linkId (causes as a list)."""
    (group,) = [i for i in data["item"] if i["linkId"] == "result"]
    out: dict[str, Any] = {"causes": []}
    for item in group["item"]:
        if item["linkId"] == "result.cause":
            out["causes"].append({sub["linkId"]: sub["answer"][0] for sub in item["item"]})
        else:
            out[item["linkId"]] = item["answer"]
    return out


# --- the interview -----------------------------------------------------------------------------------------


def test_an_empty_response_gets_the_first_question_age(client: CheckedClient) -> None:
    data = response_of(post(client, EMPTY))

    assert data["status"] == "in-progress"
    assert data["language"] == "da"
    assert data["item"] == []
    assert data["questionnaire"] == "#questions"
    assert data["contained"][0]["id"] == "questions"
    assert [i["linkId"] for i in data["contained"][0]["item"]] == ["age"]
    age = next_question(data)
    assert age["type"] == "integer"
    assert age["text"] == "Hvor gammel er du?"
    assert age["required"] is False
    assert age["extension"] == [
        {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0},
        {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 110},
        {
            "url": "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
            "valueCoding": {"system": "http://unitsofmeasure.org", "code": "a", "display": "years"},
        },
    ]
    assert [(i["linkId"], i["type"]) for i in age["item"]] == [
        ("age.hint", "display"),
        ("age.why", "display"),
    ]


def test_plain_application_json_and_english_are_accepted(client: CheckedClient) -> None:
    data = response_of(post(client, {**EMPTY, "language": "en-GB"}, content_type="application/json"))
    assert data["language"] == "en"
    assert next_question(data)["text"] == "How old are you?"


def test_a_parameters_resource_with_the_response_is_accepted(client: CheckedClient) -> None:
    body = {
        "resourceType": "Parameters",
        "parameter": [{"name": "questionnaire-response", "resource": EMPTY}],
    }
    assert next_question(response_of(post(client, body)))["linkId"] == "age"


def test_the_answer_comes_back_with_the_next_choice_question(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    data = response_of(post(client, {**EMPTY, "item": [{"linkId": "age", "answer": [{"valueInteger": 38}]}]}))

    assert data["item"] == [{"linkId": "age", "text": "Hvor gammel er du?", "answer": [{"valueInteger": 38}]}]
    assert [i["linkId"] for i in data["contained"][0]["item"]] == ["age", "pain_site"]
    site = next_question(data)
    assert (site["type"], site["repeats"]) == ("choice", True)
    system = "https://haelguiden.dk/fhir/CodeSystem/pain_site"
    options = [(o["valueCoding"]["system"], o["valueCoding"]["code"]) for o in site["answerOption"]]
    assert options == [(system, o.value) for o in kb.question("pain_site").options] + [
        (fhir.SPECIAL_SYSTEM, "none"),
        (fhir.SPECIAL_SYSTEM, "ved-ikke"),
    ]
    assert site["answerOption"][-1]["valueCoding"]["display"] == "Ved ikke"


def test_a_checklist_is_a_group_of_booleans(client: CheckedClient, kb: KnowledgeBase) -> None:
    answers = Answers().answer(kb, "age", 38).answer(kb, "pain_site", ["heel_underside"])
    answers = answers.answer(kb, "duration", 30).answer(kb, "injury", "none")
    items = [fhir_item(kb.question(q), v) for q, v in answers.items]
    question = next_question(response_of(post(client, {**EMPTY, "item": items})))

    assert (question["linkId"], question["type"]) == ("warning_signs", "group")
    lines = [(i["linkId"], i["type"]) for i in question["item"] if i["type"] != "display"]
    assert lines == [(f"warning_signs.{line.id}", "boolean") for line in kb.question("warning_signs").items]


def test_a_whole_interview_of_classic_plantar_fasciitis_ends_in_self_care(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    data = interview(client, kb, RUNNER)

    assert data["status"] == "completed"
    result = result_of(data)
    assert result["result.triage"] == [
        {
            "valueCoding": {
                "system": fhir.TRIAGE_SYSTEM,
                "code": "self_care",
                "display": kb.care["self_care"].title.da,
            }
        }
    ]
    assert result["causes"][0]["result.cause.condition"]["valueCoding"]["code"] == "plantar_fasciitis"
    assert result["causes"][0]["result.cause.likelihood"]["valueCoding"]["code"] == "most_likely"
    expected = assess(kb, complete_answers(kb, RUNNER))
    assert [c["result.cause.condition"]["valueCoding"]["code"] for c in result["causes"]] == [
        r.condition.id for r in expected.listed
    ]
    assert result["result.disclaimer"][0]["valueString"].startswith("Mulige årsager – ikke en diagnose.")
    assert fhir.read_answers(kb, data) == complete_answers(kb, RUNNER)


def test_fever_in_the_warning_signs_makes_it_urgent(client: CheckedClient, kb: KnowledgeBase) -> None:
    data = interview(client, kb, {**RUNNER, "fever": True}, lang="en")

    (warning_signs,) = [i for i in data["item"] if i["linkId"] == "warning_signs"]
    assert warning_signs["item"][0] == {
        "linkId": "warning_signs.fever",
        "text": "Fever (38 °C or more) or chills",
        "answer": [{"valueBoolean": True}],
    }
    result = result_of(data)
    assert result["result.triage"][0]["valueCoding"]["code"] == "urgent"
    fever_rule = next(r for r in kb.rules if r.id == "fever")
    assert {"valueString": fever_rule.reason.en} in result["result.reason"]


def test_don_t_know_is_an_item_without_an_answer_or_the_ved_ikke_code(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    body = {
        **EMPTY,
        "item": [
            {"linkId": "age"},
            {"linkId": "pain_site", "answer": [{"valueCoding": DONT_KNOW}]},
            {"linkId": "injury", "answer": [{"valueCoding": {"code": "none"}}]},  # the system may be left out
            {"linkId": "warning_signs"},
        ],
    }
    data = response_of(post(client, body))
    assert fhir.read_answers(kb, data).items == (
        ("age", None),
        ("pain_site", None),
        ("injury", "none"),
        ("warning_signs", None),
    )
    assert data["item"][1]["answer"] == [{"valueCoding": {**DONT_KNOW, "display": "Ved ikke"}}]


@pytest.mark.parametrize("facts", [RUNNER, LADDER, ACHILLES])
@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_response_reads_back_as_the_same_answers(
    kb: KnowledgeBase, facts: dict[str, Any], lang: str
) -> None:
    answers = complete_answers(kb, facts)
    data = fhir.questionnaire_response(kb, assess(kb, answers), "da" if lang == "da" else "en")
    QuestionnaireResponse.model_validate(data)
    assert fhir.read_answers(kb, data) == answers


@st.composite
def random_interviews(draw: st.DrawFn, kb: KnowledgeBase) -> Answers:
    """An interview with any allowed answer (including "ved ikke") to each question the engine asks."""
    answers = Answers()
    for _ in range(draw(st.integers(0, 40))):
        result = assess(kb, answers)
        q = result.question
        if q is None:
            break
        values = [o.value for o in result.options]
        value: object
        if q.kind == "single":
            value = draw(st.sampled_from([*values, None]))
        elif q.kind == "multi":
            value = draw(st.none() | st.lists(st.sampled_from(values), unique=True))
        elif q.kind == "number":
            fact = kb.facts[q.fact or ""]
            value = draw(st.none() | st.integers(fact.minimum or 0, fact.maximum or 0))
        else:
            value = draw(
                st.none()
                | st.fixed_dictionaries({i.id: st.sampled_from([True, False, None]) for i in q.items})
            )
        answers = answers.answer(kb, q.id, value)
    return answers


@given(data=st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_interview_round_trips_through_a_valid_questionnaire_response(
    kb: KnowledgeBase, data: st.DataObject
) -> None:
    answers = data.draw(random_interviews(kb))
    response = fhir.questionnaire_response(kb, assess(kb, answers), "da")
    QuestionnaireResponse.model_validate(response)
    assert fhir.read_answers(kb, response) == answers


# --- mistakes ----------------------------------------------------------------------------------------------

QR = "QuestionnaireResponse"


def with_items(*items: dict[str, Any]) -> dict[str, Any]:
    return {**EMPTY, "item": list(items)}


@pytest.mark.parametrize(
    ("body", "status", "issue"),
    [
        (
            b'{"resourceType": ',
            400,
            {
                "code": "structure",
                "diagnostics": "The body is not valid JSON (Expecting value at line 1, column 18). "
                "Send a FHIR QuestionnaireResponse as JSON.",
                "expression": [QR],
            },
        ),
        (
            [],
            400,
            {
                "code": "structure",
                "diagnostics": "The body must be a JSON object: a FHIR QuestionnaireResponse",
                "expression": [QR],
            },
        ),
        (
            {"resourceType": "Patient", "status": "in-progress"},
            400,
            {
                "code": "structure",
                "diagnostics": "resourceType is 'Patient'; send a QuestionnaireResponse (or a Parameters "
                "resource with the parameter 'questionnaire-response')",
                "expression": [f"{QR}.resourceType"],
            },
        ),
        (
            {"resourceType": "QuestionnaireResponse"},
            400,
            {"code": "required", "diagnostics": f"{QR}.status is required", "expression": [f"{QR}.status"]},
        ),
        (
            {**EMPTY, "status": "started"},
            400,
            {
                "code": "structure",
                "diagnostics": f"{QR}.status must be one of ['in-progress', 'completed', 'amended', "
                "'entered-in-error', 'stopped']; start with 'in-progress'",
                "expression": [f"{QR}.status"],
            },
        ),
        (
            {**EMPTY, "answers": []},
            400,
            {
                "code": "structure",
                "diagnostics": f"{QR}.answers is not an element of a QuestionnaireResponse; remove it",
                "expression": [f"{QR}.answers"],
            },
        ),
        (
            with_items({"linkId": "age", "answer": [{"valueInteger": 4.5}]}),
            400,
            {
                "code": "value",
                "diagnostics": f"{QR}.item[0].answer[0].valueInteger: Input should be a valid integer, got a "
                "number with a fractional part",
                "expression": [f"{QR}.item[0].answer[0].valueInteger"],
            },
        ),
        (
            {"resourceType": "Parameters", "parameter": [{"name": "questionnaire", "resource": EMPTY}]},
            400,
            {
                "code": "structure",
                "diagnostics": "Parameters has no parameter named 'questionnaire-response'; put the "
                "QuestionnaireResponse in its 'resource'",
                "expression": ["Parameters.parameter"],
            },
        ),
        (
            {**EMPTY, "language": "fr"},
            422,
            {
                "code": "not-supported",
                "diagnostics": "language must be 'da' (Danish, the default) or 'en' (English)",
                "expression": [f"{QR}.language"],
            },
        ),
        (
            with_items({"linkId": "agee", "answer": [{"valueInteger": 42}]}),
            422,
            {
                "code": "value",
                "diagnostics": "'agee' is not a question. Did you mean 'age'? Use a linkId of the contained "
                "Questionnaire",
                "expression": [f"{QR}.item[0].linkId"],
            },
        ),
        (
            with_items({"linkId": "age", "answer": [{"valueString": "42"}]}),
            422,
            {
                "code": "value",
                "diagnostics": "'age' asks for a number: answer with valueInteger (a whole number), or leave "
                "out the answer for don't know",
                "expression": [f"{QR}.item[0].answer[0]"],
            },
        ),
        (
            with_items({"linkId": "age", "answer": [{"valueInteger": "42"}]}),
            422,
            {
                "code": "value",
                "diagnostics": "'age' asks for a number: answer with valueInteger (a whole number), or leave "
                "out the answer for don't know",
                "expression": [f"{QR}.item[0].answer[0]"],
            },
        ),
        (
            with_items({"linkId": "age", "answer": [{"valueInteger": 400}]}),
            422,
            {
                "code": "value",
                "diagnostics": "age: 400 is outside 0–110",
                "expression": [f"{QR}.item[0].answer"],
            },
        ),
        (
            with_items({"linkId": "injury", "answer": [{"valueBoolean": True}]}),
            422,
            {
                "code": "value",
                "diagnostics": "'injury' is a choice: answer with valueCoding, code one of ['none', "
                "'fall_from_height', 'hard_landing', 'twisted_foot', 'sudden_push_off', "
                "'stepped_on_sharp_object', 'blow_to_heel', 'other']",
                "expression": [f"{QR}.item[0].answer[0]"],
            },
        ),
        (
            with_items({"linkId": "injury", "answer": [{"valueCoding": {"code": "meteor"}}]}),
            422,
            {
                "code": "value",
                "diagnostics": "injury: 'meteor' is not an answer here; choose one of ['none', "
                "'fall_from_height', 'hard_landing', 'twisted_foot', 'sudden_push_off', "
                "'stepped_on_sharp_object', 'blow_to_heel', 'other'] or null",
                "expression": [f"{QR}.item[0].answer"],
            },
        ),
        (
            with_items(
                {
                    "linkId": "injury",
                    "answer": [{"valueCoding": {"system": "http://snomed.info/sct", "code": "1"}}],
                }
            ),
            422,
            {
                "code": "code-invalid",
                "diagnostics": f"{QR}.item[0].answer[0].valueCoding.system must be "
                "https://haelguiden.dk/fhir/CodeSystem/injury (the answer options' system) or "
                f"{fhir.SPECIAL_SYSTEM}",
                "expression": [f"{QR}.item[0].answer[0].valueCoding.system"],
            },
        ),
        (
            with_items(*[{"linkId": "age"}] * 101),
            422,
            {
                "code": "too-long",
                "diagnostics": f"{QR}.item has 101 items; an interview has at most 100",
                "expression": [f"{QR}.item"],
            },
        ),
        (
            with_items({"linkId": "age", "answer": [{"valueInteger": 42}]}, {"linkId": "age"}),
            422,
            {
                "code": "duplicate",
                "diagnostics": "'age' is answered twice; give it once",
                "expression": [f"{QR}.item[1].linkId"],
            },
        ),
        (
            with_items(
                {
                    "linkId": "warning_signs",
                    "item": [{"linkId": "warning_signs.fevr", "answer": [{"valueBoolean": True}]}],
                }
            ),
            422,
            {
                "code": "value",
                "diagnostics": "'warning_signs.fevr' is not a line of 'warning_signs'. Did you mean 'fever'? "
                "A line's linkId is 'warning_signs.' and one of ['fever', 'severely_unwell', "
                "'foot_cold_pale', 'saddle', 'foot_weakness', 'wound']",
                "expression": [f"{QR}.item[0].item[0].linkId"],
            },
        ),
        (
            with_items(
                {
                    "linkId": "warning_signs",
                    "item": [{"linkId": "warning_signs.fever", "answer": [{"valueString": "yes"}]}],
                }
            ),
            422,
            {
                "code": "value",
                "diagnostics": "answer a checklist line with one valueBoolean (true: it applies)",
                "expression": [f"{QR}.item[0].item[0].answer"],
            },
        ),
        (
            with_items({"linkId": "warning_signs", "answer": [{"valueBoolean": True}]}),
            422,
            {
                "code": "structure",
                "diagnostics": "'warning_signs' is a checklist: answer each line as a sub-item in item[] "
                "with valueBoolean",
                "expression": [f"{QR}.item[0].answer"],
            },
        ),
    ],
)
def test_a_mistake_is_an_operation_outcome_naming_the_element(
    client: CheckedClient, body: Any, status: int, issue: dict[str, Any]
) -> None:
    assert issues_of(post(client, body), status) == [issue]


def test_every_wrong_answer_is_reported_at_once(client: CheckedClient) -> None:
    body = with_items(
        {"linkId": "age", "answer": [{"valueInteger": 400}]},
        {"linkId": "onset", "answer": [{"valueCoding": {"code": "slowly"}}]},
    )
    issues = issues_of(post(client, body), 422)
    assert [i["expression"] for i in issues] == [[f"{QR}.item[0].answer"], [f"{QR}.item[1].answer"]]


def test_a_body_that_is_not_json_is_415(client: CheckedClient) -> None:
    assert issues_of(post(client, b"age=42", content_type="text/plain"), 415) == [
        {
            "code": "not-supported",
            "diagnostics": "Send the body as JSON with Content-Type: application/fhir+json "
            "(or application/json).",
            "expression": [QR],
        }
    ]


def test_the_endpoint_is_stateless_and_in_the_openapi_document(client: CheckedClient) -> None:
    response = post(client, EMPTY)
    assert "set-cookie" not in response.headers
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["post"]
    assert set(operation["requestBody"]["content"]) == {FHIR_JSON, "application/json"}
    assert set(operation["responses"]["200"]["content"]) == {FHIR_JSON}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner, max_size=3),
    max_leaves=12,
)
VALUES = st.dictionaries(
    st.sampled_from(["valueInteger", "valueBoolean", "valueCoding", "valueString", "valueDecimal", "item"]),
    JSON
    | st.fixed_dictionaries(
        {"system": st.sampled_from([fhir.SPECIAL_SYSTEM, "x"]), "code": st.text(max_size=9)}
    ),
    max_size=2,
)
ITEMS = st.recursive(
    st.fixed_dictionaries(
        {
            "linkId": st.sampled_from(
                ["age", "pain_site", "injury", "warning_signs", "warning_signs.fever", "x", "result"]
            )
        },
        optional={"answer": st.lists(VALUES, max_size=2)},
    ),
    lambda inner: st.fixed_dictionaries(
        {
            "linkId": st.sampled_from(["warning_signs", "pain_site", "age"]),
            "item": st.lists(inner, max_size=3),
        },
        optional={"answer": st.lists(VALUES, max_size=1)},
    ),
    max_leaves=6,
)
BODIES = JSON | st.fixed_dictionaries(
    {
        "resourceType": st.just("QuestionnaireResponse"),
        "status": st.just("in-progress"),
        "item": st.lists(ITEMS, max_size=4),
    },
    optional={"language": st.sampled_from(["da", "en", "fr", ""])},
)


@given(body=BODIES)
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_body_gets_a_fhir_answer_and_never_a_server_error(client: CheckedClient, body: Any) -> None:
    response = post(client, body)
    assert response.status_code in (200, 400, 422)
    if response.status_code == 200:
        response_of(response)
    else:
        assert issues_of(response, response.status_code)

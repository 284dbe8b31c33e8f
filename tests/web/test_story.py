"""'Fortæl med dine egne ord': the story box, the 'Vi har forstået' page, and the API's story fields.

The pages work without JavaScript (the page contract refuses scripts); the story itself travels only in
the POST body: it is not kept in the cookie, not shown back, and not logged.
"""

from __future__ import annotations

import logging

import pytest
from fastapi import FastAPI

from haelguiden.engine.model import KnowledgeBase
from haelguiden.web.state_cookie import COOKIE_NAME

from .conftest import RUNNER, CheckedClient, complete_answers
from .pagecheck import csrf_token, text_of

STORY = (
    "Jeg er 50 år og har haft ondt under venstre hæl i tre måneder, værst når jeg står op om morgenen. "
    "Der er ingen hævelse. Jeg har feber."
)
SECRET_WORDS = "Min hemmelige sætning om Mågevej 7"


def post_story(client: CheckedClient, text: str, prefix: str = "") -> int:
    client.get(prefix + "/")
    start = "/en/check/start" if prefix else "/tjek/start"
    response = client.post(start, data={"csrf_token": csrf_token(client.soup), "story": text})
    return response.status_code


def statements(client: CheckedClient) -> list[tuple[str, str, bool]]:
    return [
        (
            str(box["value"]),
            text_of(client.soup.select_one(f"label[for={box['id']}]")),
            box.has_attr("checked"),
        )
        for box in client.soup.select("input[name=keep]")
    ]


def test_the_start_page_offers_the_story_box(client: CheckedClient) -> None:
    client.get("/")
    label = client.soup.select_one("label[for=story]")
    assert text_of(label) == "Fortæl med dine egne ord – valgfrit"
    assert client.soup.select_one("textarea#story")["name"] == "story"
    assert client.soup.select_one("textarea#story")["aria-describedby"] == "story-hint"
    client.get("/en/")
    assert text_of(client.soup.select_one("label[for=story]")) == "Tell us in your own words – optional"


def test_an_empty_story_starts_the_questions_as_before(client: CheckedClient) -> None:
    assert post_story(client, "   ") == 200
    assert text_of(client.soup.h1) == "Hvor gammel er du?"


def test_the_confirmation_page_lists_what_was_understood(client: CheckedClient) -> None:
    assert post_story(client, STORY) == 200
    assert str(client.cookies.get(COOKIE_NAME))
    assert text_of(client.soup.h1) == "Vi har forstået"
    assert text_of(client.soup.select_one("#story-lead")) == (
        "Fjern fluebenet ved det, der ikke passer, eller ret det. Kun det med flueben bruges, "
        "og vi spørger om resten."
    )
    assert statements(client) == [
        ("age", "Du er 50 år", True),
        ("side", "Det er venstre fod", True),
        ("pain_site:heel_underside", "Det gør ondt under hælen", True),
        ("duration_days", "Det startede for ca. 90 dage siden", True),
        ("first_steps_pain", "Det er værst ved de første skridt om morgenen eller efter hvile", True),
        ("swelling", "Det ømme sted er ikke hævet", True),
        ("fever", "Du har feber eller kulderystelser", True),
    ]
    # a choice and a number can be changed; a red flag and a yes/no can only be unticked
    assert [s["name"] for s in client.soup.select("select, input[type=text]")] == [
        "change-age",
        "change-side",
        "change-duration_days",
    ]
    assert client.soup.select_one("select#change-side option[selected]")["value"] == "left"
    assert SECRET_WORDS not in client.soup.decode()


def test_untick_and_change_before_it_counts(client: CheckedClient, app: FastAPI) -> None:
    post_story(client, STORY)
    form = {
        "csrf_token": csrf_token(client.soup),
        "keep": ["age", "side", "duration_days", "first_steps_pain"],
        "change-age": "51",
        "change-side": "right",
        "change-duration_days": "60",
    }
    response = client.post("/tjek/forstaaet", data=form)
    assert response.status_code == 200
    # age is known now, the place under the heel was unticked: the interview asks where it hurts
    assert text_of(client.soup.h1) == "Hvor gør det ondt?"
    state = app.state.web.codec.loads(str(client.cookies.get(COOKIE_NAME)))
    assert dict(state.answers.story) == {
        "age": 51,
        "side": "right",
        "duration_days": 60,
        "first_steps_pain": True,
    }
    assert state.pending_story is None


def test_a_wrong_number_shows_an_error_and_keeps_what_was_ticked(client: CheckedClient) -> None:
    post_story(client, STORY)
    form = {"csrf_token": csrf_token(client.soup), "keep": ["age", "fever"], "change-age": "fem"}
    response = client.post("/tjek/forstaaet", data=form)
    assert response.status_code == 400
    assert text_of(client.soup.select_one(".error-summary a")) == (
        "Skriv et helt tal fra 0 til 110, eller fjern fluebenet"
    )
    assert client.soup.select_one(".error-summary a")["href"] == "#change-age"
    assert client.soup.select_one("#change-age")["value"] == "fem"
    assert [(v, checked) for v, _, checked in statements(client)][:2] == [("age", True), ("side", False)]


def test_a_red_flag_from_the_story_counts_at_once(client: CheckedClient, app: FastAPI) -> None:
    post_story(client, "Jeg hørte et smæld bag på hælen, og der er et hul i senen.")
    assert statements(client) == [
        ("pain_site:heel_back", "Det gør ondt bag på hælen", True),
        ("tendon_gap", "Der er en fordybning eller et hul i akillessenen", True),
        ("onset", "Det startede pludseligt", True),
        ("pop_or_kick", "Du mærkede et smæld, eller som om nogen sparkede dig", True),
    ]
    client.post(
        "/tjek/forstaaet", data={"csrf_token": csrf_token(client.soup), "keep": ["pop_or_kick", "tendon_gap"]}
    )
    state = app.state.web.codec.loads(str(client.cookies.get(COOKIE_NAME)))
    assert app.state.web.services.assess(state.answers).triage.level == "urgent"


def test_nothing_understood_says_so_in_english(client: CheckedClient) -> None:
    assert post_story(client, "Hello.", prefix="/en") == 200
    assert text_of(client.soup.h1) == "What we have understood"
    assert text_of(client.soup.select_one(".story__empty")) == (
        "We found nothing in your description we could use. We will ask the questions instead."
    )


def test_a_story_that_is_too_long_is_refused_without_showing_it(client: CheckedClient) -> None:
    text = SECRET_WORDS + " " + "ondt " * 500
    assert post_story(client, text) == 400
    assert text_of(client.soup.select_one(".error-summary a")) == (
        "Din beskrivelse er for lang. Skriv højst 2000 tegn, eller lad feltet stå tomt."
    )
    assert SECRET_WORDS not in client.soup.decode()


def test_the_story_is_never_logged_nor_kept(client: CheckedClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    post_story(client, SECRET_WORDS + ". " + STORY)
    client.post("/tjek/forstaaet", data={"csrf_token": csrf_token(client.soup), "keep": ["age"]})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "hemmelige" not in logged
    assert "Mågevej" not in logged
    assert "hemmelige" not in str(client.cookies.get(COOKIE_NAME))


# --- the JSON API ------------------------------------------------------------------------------------------
def test_api_reads_a_story_and_returns_the_facts(client: CheckedClient) -> None:
    response = client.post("/api/v1/assessments", json={"story": STORY})
    assert response.status_code == 200
    data = response.json()
    assert data["story_facts"] == {
        "age": 50,
        "side": "left",
        "pain_site": ["heel_underside"],
        "duration_days": 90,
        "first_steps_pain": True,
        "swelling": False,
        "fever": True,
    }
    assert [s["text"] for s in data["story_statements"]][:2] == ["Du er 50 år", "Det er venstre fod"]
    assert data["progress"]["asked"] == 0
    assert data["question"]["id"] == "pain_site"


def test_api_takes_confirmed_story_facts_back(client: CheckedClient) -> None:
    body = {"lang": "en", "story_facts": {"age": 50, "pain_site": ["heel_underside", "arch"]}}
    data = client.post("/api/v1/assessments", json=body).json()
    assert data["story_facts"] == {"age": 50, "pain_site": ["heel_underside", "arch"]}
    assert data["story_statements"] == [
        {"fact": "age", "item": None, "text": "You are 50 years old"},
        {"fact": "pain_site", "item": "heel_underside", "text": "It hurts under the heel"},
        {"fact": "pain_site", "item": "arch", "text": "It hurts in the arch"},
    ]


def test_api_refuses_a_reassuring_red_flag_from_a_story(client: CheckedClient) -> None:
    response = client.post("/api/v1/assessments", json={"story_facts": {"fever": False}})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "story_facts",
            "message": "story.fever: a story can only add a red flag (['true']); "
            "whether it is absent is asked as a question",
        }
    ]


def test_api_refuses_story_and_story_facts_together(client: CheckedClient) -> None:
    response = client.post("/api/v1/assessments", json={"story": "ondt", "story_facts": {"age": 5}})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "story",
            "message": "send either story (to read it) or story_facts (the confirmed facts), not both",
        }
    ]


def test_api_without_a_story_has_no_story_fields(client: CheckedClient) -> None:
    data = client.post("/api/v1/assessments", json={}).json()
    assert "story_facts" not in data
    assert "story_statements" not in data
    assert "story" not in data["answers"]


def test_the_check_answers_page_shows_what_came_from_the_story(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    answers = complete_answers(kb, RUNNER).with_story(kb, {"side": "left", "duration_days": 60})
    assert app.state.web.services.assess(answers).done
    client.set_answers(app, answers)
    client.get("/tjek/dine-svar")
    assert text_of(client.soup.select_one("h2.heading-m")) == "Fra din beskrivelse"
    assert [text_of(li) for li in client.soup.select(".story-confirmed li")] == [
        "Det er venstre fod",
        "Det startede for ca. 60 dage siden",
    ]


def test_api_refuses_a_story_that_is_too_long_without_echoing_or_logging_it(
    client: CheckedClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    response = client.post("/api/v1/assessments", json={"story": SECRET_WORDS + " x" * 1100})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "story", "message": "String should have at most 2000 characters"}
    ]
    assert "hemmelige" not in response.text
    assert "hemmelige" not in "\n".join(r.getMessage() for r in caplog.records)

"""Errors on question pages: an error summary linked to the field, an instruction, and the answer kept."""

from __future__ import annotations

from typing import Any

import pytest

from haelguiden.engine.model import KnowledgeBase
from haelguiden.web import forms

from .conftest import RUNNER, CheckedClient, complete_answers
from .pagecheck import csrf_token, text_of


def at_question(client: CheckedClient, app: Any, kb: KnowledgeBase, qid: str) -> str:
    """Open ``qid``'s page (answered earlier, so it can be shown); returns the CSRF token."""
    client.set_answers(app, complete_answers(kb, RUNNER).answer(kb, qid, None))
    response = client.get(f"/tjek/{qid}")
    assert response.status_code == 200
    return csrf_token(client.soup)


def summary(client: CheckedClient) -> list[tuple[str, str]]:
    """The error summary as (link target, message)."""
    return [(str(a["href"]), text_of(a)) for a in client.soup.select(".error-summary a")]


def test_nothing_chosen_on_the_pain_site_page_says_where_to_choose(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    token = at_question(client, app, kb, "pain_site")
    response = client.post("/tjek/pain_site", data={"csrf_token": token})

    assert response.status_code == 400
    assert summary(client) == [("#answer-heel_underside", "Vælg, hvor det gør ondt")]
    assert text_of(client.soup.select_one("title")).startswith("Fejl: Hvor gør det ondt?")
    assert text_of(client.soup.select_one("#answer-error")) == "Fejl: Vælg, hvor det gør ondt"
    assert "answer-error" in str(client.soup.select_one("fieldset")["aria-describedby"])  # type: ignore[index]
    assert client.soup.select_one(".form-group--error") is not None


def test_none_of_these_together_with_a_place_is_refused_and_the_ticks_are_kept(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    token = at_question(client, app, kb, "pain_site")
    client.post("/tjek/pain_site", data={"csrf_token": token, "answer": ["heel_back", forms.NONE]})

    assert summary(client) == [
        (
            "#answer-heel_underside",
            "Vælg enten et eller flere svar, «Ingen af disse» eller «Ved ikke» – ikke flere af dem",
        )
    ]
    assert [i["value"] for i in client.soup.select("input:checked")] == ["heel_back", forms.NONE]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "Skriv et helt tal med cifre, fra 0 til 110, fx 42"),
        ("4,5", "Skriv et helt tal med cifre, fra 0 til 110, fx 42"),
        ("\u0663\u0668", "Skriv et helt tal med cifre, fra 0 til 110, fx 42"),  # Arabic-Indic 38
        ("\uff13\uff18", "Skriv et helt tal med cifre, fra 0 til 110, fx 42"),  # full-width 38
        ("111", "Skriv et tal fra 0 til 110"),
        ("-1", "Skriv et tal fra 0 til 110"),
        ("", "Skriv din alder i hele år, fx 42, eller tryk «Ved ikke»"),
    ],
)
def test_a_bad_age_gets_the_allowed_range_and_is_kept(
    client: CheckedClient, app: Any, kb: KnowledgeBase, typed: str, message: str
) -> None:
    token = at_question(client, app, kb, "age")
    response = client.post("/tjek/age", data={"csrf_token": token, "answer": typed})

    assert response.status_code == 400
    assert summary(client) == [("#answer", message)]
    assert client.soup.select_one("#answer")["value"] == typed  # type: ignore[index]
    assert "answer-error" in str(client.soup.select_one("#answer")["aria-describedby"])  # type: ignore[index]


def test_a_number_with_spaces_is_accepted(client: CheckedClient, app: Any, kb: KnowledgeBase) -> None:
    token = at_question(client, app, kb, "age")
    response = client.post("/tjek/age", data={"csrf_token": token, "answer": " 4 2 "}, follow_redirects=False)
    assert response.status_code == 303


def test_dont_know_on_a_number_question_saves_an_unknown_answer(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    token = at_question(client, app, kb, "age")
    client.post("/tjek/age", data={"csrf_token": token, "answer": "99", "action": "dont_know"})
    client.get("/tjek/dine-svar")
    assert text_of(client.soup.select_one("[data-question-id=age] .summary-list__value")) == "Ved ikke"


def test_a_single_choice_question_refuses_an_option_that_does_not_exist(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    token = at_question(client, app, kb, "injury")
    client.post("/tjek/injury", data={"csrf_token": token, "answer": "meteor"})
    assert summary(client) == [("#answer-none", "Vælg et af svarene på listen")]


def test_two_choices_on_a_single_choice_question_are_refused(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    token = at_question(client, app, kb, "injury")
    client.post("/tjek/injury", data={"csrf_token": token, "answer": ["none", "other"]})
    assert summary(client) == [("#answer-none", "Vælg, om det startede med en skade, eller vælg «Ved ikke»")]


def test_english_errors_are_in_english(client: CheckedClient, app: Any, kb: KnowledgeBase) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    client.get("/en/check/pain_site")
    client.post("/en/check/pain_site", data={"csrf_token": csrf_token(client.soup)})
    assert summary(client) == [("#answer-heel_underside", "Choose where it hurts")]
    assert text_of(client.soup.select_one("title")).startswith("Error: Where does it hurt?")


class TestParseAnswer:
    """``forms.parse_answer`` turns posted values into engine answers (spec table)."""

    @pytest.mark.parametrize(
        ("qid", "posted", "value"),
        [
            ("injury", ["none"], "none"),
            ("injury", [forms.DONT_KNOW], None),
            ("pain_site", ["calf", "heel_back"], ("heel_back", "calf")),
            ("pain_site", [forms.NONE], ()),
            ("pain_site", [forms.DONT_KNOW], None),
            ("warning_signs", ["fever"], {"fever": True, "severely_unwell": False, "foot_cold_pale": False,
                                          "saddle": False, "foot_weakness": False, "wound": False}),
            ("warning_signs", [forms.NONE], dict.fromkeys(
                ["fever", "severely_unwell", "foot_cold_pale", "saddle", "foot_weakness", "wound"], False)),
            ("pain_score", ["7"], 7),
            ("pain_score", [forms.DONT_KNOW], None),
            ("age", ["42"], 42),
        ],
    )  # fmt: skip
    def test_valid_answers(self, kb: KnowledgeBase, qid: str, posted: list[str], value: object) -> None:
        q = kb.question(qid)
        parsed = forms.parse_answer(q, q.options, kb.facts.get(q.fact or ""), posted, None, "da")
        assert parsed.errors == ()
        assert parsed.value == value

    @pytest.mark.parametrize(
        ("qid", "posted"),
        [
            ("injury", []),
            ("pain_site", ["calf", forms.DONT_KNOW]),
            ("pain_site", [forms.NONE, forms.DONT_KNOW]),
            ("warning_signs", ["not_an_item"]),
            ("pain_score", ["11"]),
            ("age", ["1e3"]),
        ],
    )
    def test_invalid_answers_name_the_first_input(
        self, kb: KnowledgeBase, qid: str, posted: list[str]
    ) -> None:
        q = kb.question(qid)
        parsed = forms.parse_answer(q, q.options, kb.facts.get(q.fact or ""), posted, None, "da")
        assert not parsed.ok
        assert [e.target for e in parsed.errors] == [
            forms.first_target(q, q.options, kb.facts.get(q.fact or ""))
        ]

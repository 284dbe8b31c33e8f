"""How long it has hurt is asked the way people say it: a number and days, weeks, months or years.

The form converts the answer to whole days before the engine sees it (the fact stays ``duration_days``),
and shows a saved answer back in the largest whole unit.
"""

from __future__ import annotations

from typing import Any

import pytest

from haelguiden.engine.model import KnowledgeBase
from haelguiden.web.forms import DONT_KNOW
from haelguiden.web.state_cookie import COOKIE_NAME

from .conftest import RUNNER, CheckedClient, complete_answers
from .pagecheck import csrf_token, question_form, text_of


def open_duration(client: CheckedClient, app: Any, kb: KnowledgeBase, lang: str = "da") -> str:
    client.set_answers(app, complete_answers(kb, RUNNER).answer(kb, "duration", None))
    path = "/tjek/duration" if lang == "da" else "/en/check/duration"
    assert client.get(path).status_code == 200
    return csrf_token(client.soup)


@pytest.mark.parametrize(
    ("lang", "units"),
    [("da", ["dage", "uger", "måneder", "år"]), ("en", ["days", "weeks", "months", "years"])],
)
def test_the_page_asks_for_a_number_and_a_unit(
    client: CheckedClient, app: Any, kb: KnowledgeBase, lang: str, units: list[str]
) -> None:
    open_duration(client, app, kb, lang)
    heading = "Hvor længe har du haft ondt?" if lang == "da" else "How long have you had the pain?"
    assert text_of(client.soup.h1) == heading
    assert client.soup.select_one("input#answer") is not None
    assert [text_of(o) for o in client.soup.select("select#unit option")] == units
    assert [o["value"] for o in client.soup.select("select#unit option")] == [
        "days",
        "weeks",
        "months",
        "years",
    ]
    assert client.soup.select_one("select#unit option[selected]")["value"] == "days"  # type: ignore[index]
    label = client.soup.select_one("label[for=unit]")
    assert text_of(label) == (
        "Vælg dage, uger, måneder eller år" if lang == "da" else "Choose days, weeks, months or years"
    )


@pytest.mark.parametrize(
    ("number", "unit", "days", "shown"),
    [
        ("3", "weeks", 21, "3 uger"),
        ("1", "months", 30, "1 måned"),
        ("2", "years", 730, "2 år"),
        ("1", "days", 1, "1 dag"),
        ("0", "days", 0, "0 dage"),
    ],
)
def test_the_answer_is_saved_in_days_and_shown_as_said(
    client: CheckedClient, app: Any, kb: KnowledgeBase, number: str, unit: str, days: int, shown: str
) -> None:
    token = open_duration(client, app, kb)
    response = client.post(
        "/tjek/duration?aendr=1",
        data={"csrf_token": token, "answer": number, "unit": unit},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert app.state.web.codec.loads(response.cookies[COOKIE_NAME]).answers.value("duration") == days
    # a very recent start makes more questions decide the advice (e.g. the skin); "ved ikke" to them
    client.get(response.headers["location"])
    while (form := question_form(client.soup)) is not None:
        data = form.data(action="dont_know") if form.widget == "number" else form.data(DONT_KNOW)
        client.post(form.action, data=data)
    client.get("/tjek/dine-svar")
    assert text_of(client.soup.select_one("[data-question-id=duration] .summary-list__value")) == shown
    # Changing it again shows the same number and unit.
    client.get("/tjek/duration?aendr=1")
    assert client.soup.select_one("input#answer")["value"] == shown.split()[0]  # type: ignore[index]
    assert client.soup.select_one("select#unit option[selected]")["value"] == (unit if days else "days")  # type: ignore[index]


@pytest.mark.parametrize(
    ("data", "target", "message"),
    [
        (
            {"answer": "", "unit": "weeks"},
            "#answer",
            "Skriv, hvor længe det har varet, fx 3 uger, eller tryk «Ved ikke»",
        ),
        (
            {"answer": "tre", "unit": "weeks"},
            "#answer",
            "Skriv et helt tal med cifre, fx 3, og vælg dage, uger, måneder eller år",
        ),
        ({"answer": "3"}, "#unit", "Vælg dage, uger, måneder eller år"),
        ({"answer": "3", "unit": "fortnights"}, "#unit", "Vælg dage, uger, måneder eller år"),
        ({"answer": "101", "unit": "years"}, "#answer", "Skriv et tal fra 0 til 100 år"),
        ({"answer": "1217", "unit": "months"}, "#answer", "Skriv et tal fra 0 til 1216 måneder"),
    ],
)
def test_a_wrong_duration_says_what_to_write_and_keeps_what_was_typed(
    client: CheckedClient, app: Any, kb: KnowledgeBase, data: dict[str, str], target: str, message: str
) -> None:
    token = open_duration(client, app, kb)
    response = client.post("/tjek/duration", data={"csrf_token": token, **data})
    assert response.status_code == 400
    assert [(str(a["href"]), text_of(a)) for a in client.soup.select(".error-summary a")] == [
        (target, message)
    ]
    assert client.soup.select_one("input#answer")["value"] == data["answer"]  # type: ignore[index]

"""The result page: triage first in matching colour and words, why, possible causes, postcode → region."""

from __future__ import annotations

from typing import Any

import pytest

from haelguiden.engine.assess import assess, likelihood
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers
from haelguiden.presenters import reason_text

from .conftest import ACHILLES, LADDER, RUNNER, CheckedClient, complete_answers
from .pagecheck import csrf_token, text_of


def result(
    client: CheckedClient, app: Any, kb: KnowledgeBase, facts: dict[str, Any], lang: str = "da"
) -> None:
    client.set_answers(app, complete_answers(kb, facts))
    response = client.get("/tjek/resultat" if lang == "da" else "/en/check/result")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("facts", "level", "heading"),
    [
        (RUNNER, "self_care", "Du kan starte med at behandle dig selv"),
        (LADDER, "urgent", "Kontakt en læge i dag"),
        (ACHILLES, "urgent", "Kontakt en læge i dag"),
    ],
)
def test_the_outcome_box_colour_and_words_match_the_urgency(
    client: CheckedClient, app: Any, kb: KnowledgeBase, facts: dict[str, Any], level: str, heading: str
) -> None:
    result(client, app, kb, facts)
    panel = client.soup.select_one(".panel")
    assert panel is not None
    assert panel["class"] == ["panel", f"panel--{level}", "outcome"]
    assert text_of(panel.select_one("h1")) == heading
    assert text_of(client.soup.select_one("title")) == f"{heading} – Hælguiden"
    # what to do comes before the possible causes
    html = str(client.soup)
    assert html.index('class="panel ') < html.index("outcome__steps") < html.index('class="causes"')


def test_urgent_shows_every_regions_after_hours_number_until_a_postcode_is_given(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    result(client, app, kb, ACHILLES)
    phones = [(a["href"], text_of(a)) for a in client.soup.select(".outcome__phones a")]
    assert phones == [
        ("tel:1813", "1813 – Region Hovedstaden"),
        ("tel:1818", "1818 – Region Sjælland"),
        ("tel:70110707", "70 11 07 07 – Region Syddanmark"),
        ("tel:70113131", "70 11 31 31 – Region Midtjylland"),
        ("tel:70150300", "70 15 03 00 – Region Nordjylland"),
    ]

    client.post("/tjek/resultat", data={"csrf_token": csrf_token(client.soup), "postcode": "2100"})

    assert [(a["href"], text_of(a)) for a in client.soup.select(".outcome__phones a")] == [
        ("tel:1813", "1813 – Region Hovedstaden")
    ]
    assert text_of(client.soup.select_one(".postcode__note")) == "Nummeret gælder Region Hovedstaden."


@pytest.mark.parametrize("typed", ["", "ved ikke", "Ved ikke"])
def test_an_empty_or_dont_know_postcode_shows_every_region(
    client: CheckedClient, app: Any, kb: KnowledgeBase, typed: str
) -> None:
    result(client, app, kb, ACHILLES)
    client.post("/tjek/resultat", data={"csrf_token": csrf_token(client.soup), "postcode": "8000"})
    client.post("/tjek/resultat", data={"csrf_token": csrf_token(client.soup), "postcode": typed})
    assert len(client.soup.select(".outcome__phones a")) == len(kb.regions)


def test_a_malformed_postcode_gets_an_error_summary(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    result(client, app, kb, ACHILLES)
    response = client.post("/tjek/resultat", data={"csrf_token": csrf_token(client.soup), "postcode": "21OO"})
    assert response.status_code == 400
    message = "Skriv et dansk postnummer med 4 cifre, fx 2100, eller lad feltet stå tomt"
    assert [(a["href"], text_of(a)) for a in client.soup.select(".error-summary a")] == [
        ("#postcode", message)
    ]
    assert client.soup.select_one("#postcode")["value"] == "21OO"  # type: ignore[index]


def test_an_unknown_postcode_says_so_and_shows_every_region(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    result(client, app, kb, ACHILLES)
    client.post("/tjek/resultat", data={"csrf_token": csrf_token(client.soup), "postcode": "0999"})
    assert text_of(client.soup.select_one(".postcode__note")) == (
        "Vi kender ikke postnummer 0999. Her er numrene for alle regioner."
    )
    assert len(client.soup.select(".outcome__phones a")) == len(kb.regions)


def test_self_care_needs_no_postcode(client: CheckedClient, app: Any, kb: KnowledgeBase) -> None:
    result(client, app, kb, RUNNER)
    assert client.soup.select_one("form.postcode") is None


def test_the_reasons_are_the_rules_that_fired(client: CheckedClient, app: Any, kb: KnowledgeBase) -> None:
    result(client, app, kb, ACHILLES)
    assessment = assess(kb, complete_answers(kb, ACHILLES))
    expected = list(dict.fromkeys(r.text.da for r in assessment.triage.reasons if r.kind == "rule"))
    shown = [text_of(li) for li in client.soup.select("ul.outcome__reasons li")]
    assert shown == expected
    assert expected


def test_possible_causes_are_ranked_with_words_reasons_and_articles(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    result(client, app, kb, ACHILLES)
    assessment = assess(kb, complete_answers(kb, ACHILLES))
    causes = client.soup.select(".cause")
    assert [text_of(c.select_one(".cause__name")) for c in causes] == [
        r.condition.name.da for r in assessment.listed
    ]
    first = causes[0]
    assert text_of(first.select_one(".tag")) == "Mest sandsynlig"
    top = assessment.listed[0]
    assert first.select_one(".bar") is None  # no bar and no number: the probabilities are not calibrated
    assert "%" not in text_of(first)
    assert [text_of(li) for li in first.select(".list--for li")] == [
        reason_text(x, "da") for x in top.explanation.for_
    ]
    assert text_of(first.select_one(".advice p")) == top.condition.quick_advice.da
    link = first.select_one("a[href^='/artikler/']")
    assert link is not None
    assert link["href"] == "/artikler/akillessenen-sprunget"
    assert [text_of(p) for p in client.soup.select(".notice")][-1].startswith(
        "Mulige årsager – ikke en diagnose."
    )
    assert [c.select_one(".advice") is not None for c in causes] == [True] + [False] * (len(causes) - 1)


def test_the_english_result_links_to_english_articles(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    result(client, app, kb, ACHILLES, lang="en")
    assert client.soup.html["lang"] == "en"  # type: ignore[index]
    assert text_of(client.soup.select_one(".cause .tag")) == "Most likely"
    assert client.soup.select_one(".cause a[href='/en/articles/achilles-rupture']") is not None


@pytest.mark.parametrize(
    ("position", "probability", "word"),
    [
        (0, 0.3, "most_likely"),
        (1, 0.15, "possible"),
        (1, 0.1499, "less_likely"),
        (3, 0.9, "possible"),
    ],
)
def test_likelihood_words(kb: KnowledgeBase, position: int, probability: float, word: str) -> None:
    assert likelihood(kb, position, probability) == word


def test_a_cautious_result_names_the_unknown_answers_and_links_to_them(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    given = {
        "age": 45,
        "pain_site": ["heel_underside"],
        "duration": 30,
        "injury": "none",
        "warning_signs": None,
        "function_signs": None,
        "history": "none",
        "pain_pattern": None,
    }
    answers = Answers()
    for qid, value in given.items():
        answers = answers.answer(kb, qid, value)
    result_state = assess(kb, answers)
    while result_state.question is not None:
        answers = answers.answer(kb, result_state.question.id, None)
        result_state = assess(kb, answers)
    client.set_answers(app, answers)
    client.get("/tjek/resultat")

    reasons = [text_of(li) for li in client.soup.select("ul.outcome__reasons li")]
    links = [(a["href"], text_of(a)) for a in client.soup.select(".outcome__answer-again a")]
    assert reasons[0].startswith("Fordi du ikke ved, om du har et eller flere af advarselstegnene")
    assert links[:2] == [
        ("/tjek/warning_signs?aendr=1", f"Svar på: {kb.question('warning_signs').text.da}"),
        ("/tjek/function_signs?aendr=1", f"Svar på: {kb.question('function_signs').text.da}"),
    ]


def test_restart_posts_and_clears_the_answers(client: CheckedClient, app: Any, kb: KnowledgeBase) -> None:
    result(client, app, kb, RUNNER)
    form = client.soup.select_one(".actions form[action='/tjek/start']")
    assert form is not None
    assert text_of(form.select_one("button")) == "Start forfra"
    client.post("/tjek/start", data={"csrf_token": csrf_token(client.soup)})
    assert client.soup.select_one("form")["data-question-id"] == "age"  # type: ignore[index]
    assert client.get("/tjek/resultat", follow_redirects=False).headers["location"] == "/tjek/age"

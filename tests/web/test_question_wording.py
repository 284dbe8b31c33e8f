"""The questions read well: every question page has its own heading, and check-your-answers reads as answers.

Two pages with the same heading look as if the page did not move on; a checklist row that says only
"Ingen af disse" says nothing once the list is gone.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from haelguiden.engine.model import KnowledgeBase

from .conftest import RUNNER, CheckedClient, complete_answers
from .pagecheck import text_of


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_two_questions_have_the_same_heading(kb: KnowledgeBase, lang: str) -> None:
    headings = Counter(q.text.get(lang) for q in kb.questions)  # type: ignore[arg-type]
    assert {text: n for text, n in headings.items() if n > 1} == {}


def test_the_checklist_headings_say_what_they_are_about(kb: KnowledgeBase) -> None:
    assert {q.id: q.text.da for q in kb.questions if q.kind == "checklist"} == {
        "warning_signs": "Har du nogen af disse advarselstegn lige nu?",
        "function_signs": "Har du mærket noget af dette i foden?",
        "history": "Gælder noget af dette dit helbred eller din medicin?",
        "pain_pattern": "Hvornår gør det ondt?",
        "back_of_heel": "Passer noget af dette på bagsiden af hælen?",
        "local_signs": "Hvordan ser det ømme sted ud?",
        "load": "Hvad kan belaste din hæl?",
        "nerve_signs": "Har du prikken, følelsesløshed eller ondt i ryggen?",
        "inflammation": "Har du haft noget af dette andre steder i kroppen?",
        "arthritis": "Har du fået stillet en af disse diagnoser?",
    }


def rows(client: CheckedClient) -> dict[str, tuple[str, str, list[str]]]:
    """question id -> (key, lead, listed values) of the check-your-answers page."""
    out = {}
    for row in client.soup.select(".summary-list__row"):
        lead = row.select_one(".summary-list__lead")
        out[str(row["data-question-id"])] = (
            text_of(row.select_one(".summary-list__key")),
            text_of(lead) if lead else "",
            [text_of(li) for li in row.select(".summary-list__value li")],
        )
    return out


@pytest.mark.parametrize(
    ("lang", "path", "lead"),
    [("da", "/tjek/dine-svar", "Ingen af disse:"), ("en", "/en/check/your-answers", "None of these:")],
)
def test_a_checklist_with_nothing_ticked_lists_what_was_answered_no_to(
    client: CheckedClient, app: Any, kb: KnowledgeBase, lang: str, path: str, lead: str
) -> None:
    # The runner ticks none of the warning signs, some of the pain patterns, and does not know the
    # answer to the first of the number questions asked after the checklists (changed to "Ved ikke").
    answers = complete_answers(kb, RUNNER).answer(kb, "self_care_weeks", None)
    client.set_answers(app, answers)
    client.get(path)
    shown = rows(client)
    warning = kb.question("warning_signs")
    assert shown["warning_signs"] == (
        warning.text.get(lang),  # type: ignore[arg-type]
        lead,
        [i.label.get(lang) for i in warning.items],  # type: ignore[arg-type]
    )
    # What was ticked is listed without a lead; "Ved ikke" stays "Ved ikke".
    pattern = kb.question("pain_pattern")
    ticked = [
        i.label.get(lang) for i in pattern.items if i.id in ("first_steps", "warm_up", "during", "after")
    ]  # type: ignore[arg-type]
    assert shown["pain_pattern"][1:] == ("", ticked)
    weeks = client.soup.select_one("[data-question-id=self_care_weeks] .summary-list__value")
    assert text_of(weeks) == ("Ved ikke" if lang == "da" else "Don't know")
    # Every row's key is a different question.
    keys = [key for key, _, _ in shown.values()]
    assert len(keys) == len(set(keys))

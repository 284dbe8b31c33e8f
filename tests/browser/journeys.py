"""Simulated people for the browser journeys, and the helper that takes one through the self-check.

A journey maps question ids to answers. The helper reads each page's h1 and the question id on its form,
answers from the mapping by clicking and typing, and answers "Ved ikke" to anything not in the mapping.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from playwright.sync_api import Page

NONE = "_ingen"
DONT_KNOW = "_ved_ikke"
Answer = str | Sequence[str]


@dataclass(frozen=True)
class Journey:
    """A person: their language, answers, and the result the self-check should give them."""

    name: str
    lang: str
    answers: Mapping[str, Answer]
    levels: tuple[str, ...]
    top_cause: str
    #: Tick the pain sites on the foot drawing instead of in the list.
    use_drawing: bool = False


RUNNER = Journey(
    name="runner-plantar-fasciitis",
    lang="da",
    answers={
        "age": "38",
        "pain_site": ["heel_underside"],
        "injury": "none",
        "warning_signs": [NONE],
        "function_signs": [NONE],
        "history": [NONE],
        "pain_pattern": ["first_steps", "warm_up", "during", "after"],
        "local_signs": [NONE],
        "skin": "none",
        "underside_spot": "front_inner",
        "load": ["more_activity"],
        "sport": ["running"],
        "walking": "normal",
        "tiptoe": "yes_no_pain",
        "squeeze": "false",
        "rest_pain": "none",
        "nerve_pain": "false",
        "numbness": "none",
        "back": "none",
        "onset": "gradual",
        "duration": "30",
        "self_care_weeks": "2",
        "trend": "unchanged",
        "pain_score": "4",
        "sex": "female",
        "side": "left",
        "inflammation": [NONE],
        "arthritis": [NONE],
        "stiffness": "5",
        "xray": "false",
        "back_of_heel": [NONE],
    },
    levels=("self_care",),
    top_cause="plantar_fasciitis",
    use_drawing=True,
)

LADDER = Journey(
    name="ladder-fall",
    lang="da",
    answers={
        "age": "52",
        "pain_site": ["heel_underside", "heel_inner_side", "heel_outer_side"],
        "injury": "fall_from_height",
        "warning_signs": [NONE],
        "function_signs": ["cannot_walk"],
        "history": [NONE],
        "fall_height": "3",
        "nerve_signs": [NONE],
        "back": "none",
        "onset": "sudden",
        "duration": "0",
        "walking": "cannot_walk_four_steps",
        "local_signs": ["swelling"],
        "pain_score": "9",
    },
    levels=("emergency", "urgent"),
    top_cause="calcaneal_fracture",
)

ACHILLES = Journey(
    name="achilles-rupture-english",
    lang="en",
    answers={
        "age": "41",
        "pain_site": ["achilles_tendon", "calf"],
        "injury": "sudden_push_off",
        "warning_signs": [NONE],
        "function_signs": ["pop", "cannot_tiptoe", "tendon_gap"],
        "history": [NONE],
        "onset": "sudden",
        "duration": "1",
        "sport": ["racket_sports"],
        "local_signs": ["swelling", "bruising"],
        "walking": "limping",
        "tiptoe": "cannot",
        "pain_score": "4",
        "sex": "male",
        "back_of_heel": [NONE],
    },
    levels=("urgent",),
    top_cause="achilles_rupture",
)

SEVER = Journey(
    name="young-footballer-severs",
    lang="da",
    answers={
        "age": "11",
        "pain_site": ["heel_back", "heel_underside"],
        "injury": "none",
        "warning_signs": [NONE],
        "function_signs": [NONE],
        "history": [NONE],
        "pain_pattern": ["during", "after"],
        "local_signs": [NONE],
        "growth": "true",
        "squeeze": "true",
        "sport": ["ball_sports"],
        "walking": "limping",
        "onset": "gradual",
        "duration": "42",
        "rest_pain": "none",
        "side": "both",
        "pain_score": "5",
        "sex": "male",
        "back_of_heel": [NONE],
        "inflammation": [NONE],
        "skin": "none",
        "underside_spot": "whole",
    },
    levels=("self_care", "professional", "gp"),
    top_cause="calcaneal_apophysitis",
)

JOURNEYS = (RUNNER, LADDER, ACHILLES, SEVER)


def answer_page(page: Page, journey: Journey) -> tuple[str, str]:
    """Answer the question on the current page by clicking and typing; returns (question id, h1 text)."""
    form = page.locator("form[data-question-id]")
    qid = str(form.get_attribute("data-question-id"))
    widget = str(form.get_attribute("data-widget"))
    heading = page.locator("h1").inner_text().strip()
    answer = journey.answers.get(qid)
    if widget == "number":
        if answer is None:
            page.locator("button[value=dont_know]").click()
        else:
            page.locator("#answer").fill(str(answer))
            page.locator("form.question button:not([value])").click()
        return qid, heading
    values = [DONT_KNOW] if answer is None else [answer] if isinstance(answer, str) else list(answer)
    for value in values:
        if journey.use_drawing and qid == "pain_site" and value not in (NONE, DONT_KNOW):
            page.locator(f"label.hs-{value}").click()
        else:
            page.locator(f"label.choice__label[for='answer-{value}']").click()
    page.locator("form.question > button").click()
    return qid, heading


def start(page: Page, lang: str) -> None:
    """Open the start page and press the start button."""
    page.goto("/" if lang == "da" else "/en/")
    page.locator(".start-form button").click()


def run(page: Page, journey: Journey) -> list[tuple[str, str]]:
    """Take ``journey`` from the start page to the result; returns every (question id, h1) asked."""
    start(page, journey.lang)
    asked: list[tuple[str, str]] = []
    while page.locator("form[data-question-id]").count():
        asked.append(answer_page(page, journey))
        assert len(asked) < 60, "the interview does not end"
    if page.locator(".summary-list").count():  # check your answers (an emergency goes straight on)
        page.locator("main a.button").click()
    return asked

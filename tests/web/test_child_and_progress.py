"""A parent answering for a child reads about the child; the progress line never goes backwards."""

from __future__ import annotations

import re
from typing import Any

import pytest

from haelguiden.engine.model import KnowledgeBase

from .conftest import RUNNER, CheckedClient
from .pagecheck import question_form, text_of
from .test_check_flow import form_values, interview, start

#: A ten-year-old footballer with pain at the back of both heels (Sever's disease, clinical reference §3.5).
CHILD = {
    "age": 10,
    "pain_site": ["heel_back"],
    "side": "both",
    "sport": ["ball_sports"],
    "heel_squeeze_pain": True,
    "growth_spurt": True,
    "fever": False,
    "weight_bearing": "limping",
}

#: A twelve-year-old whose parent knows only where it hurts.
KNOWS_LITTLE_CHILD = {"age": 12, "pain_site": ["heel_underside"]}


def test_after_a_childs_age_every_page_speaks_about_the_child(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    start(client)
    asked = interview(client, kb, CHILD)  # checks each heading is the parent's wording
    assert asked[:2] == ["age", "pain_site"]
    keys = [text_of(k) for k in client.soup.select(".summary-list__key")]
    assert "Hvor har barnet ondt?" in keys
    assert "Hvor gør det ondt?" not in keys


def test_a_parent_is_not_shown_adult_only_lines(client: CheckedClient, kb: KnowledgeBase) -> None:
    start(client)
    seen: dict[str, list[str]] = {}
    while (form := question_form(client.soup)) is not None:
        seen[form.question_id] = form.values
        values, action = form_values(kb, form, KNOWS_LITTLE_CHILD)
        client.post(form.action, data=form.data(*values, action=action))
    assert "military_training" not in seen["sport"]
    assert "running" in seen["sport"]
    adult_only = {
        (q.id, value)
        for q in kb.questions
        for value in [o.value for o in q.options if o.adults_only] + [i.id for i in q.items if i.adults_only]
    }
    assert {(qid, v) for qid, values in seen.items() for v in values} & adult_only == set()


PROGRESS = re.compile(r"Spørgsmål (\d+) af cirka (\d+)")


@pytest.mark.parametrize(
    "facts",
    [RUNNER, CHILD, KNOWS_LITTLE_CHILD, {"age": 55, "pain_site": ["heel_underside"]}],
    ids=["runner", "child", "child-knows-little", "adult-knows-little"],
)
def test_the_progress_line_counts_up_and_its_estimate_never_falls(
    client: CheckedClient, kb: KnowledgeBase, facts: dict[str, Any]
) -> None:
    start(client)
    shown: list[tuple[int, int, int]] = []
    while (form := question_form(client.soup)) is not None:
        match = PROGRESS.search(text_of(client.soup.select_one(".progress__text")))
        assert match is not None
        bar = client.soup.select_one(".progress__bar")
        assert bar is not None
        width = int(re.findall(r"pw-(\d+)", " ".join(bar["class"]))[0])
        shown.append((int(match[1]), int(match[2]), width))
        values, action = form_values(kb, form, facts)
        client.post(form.action, data=form.data(*values, action=action))
    numbers = [n for n, _, _ in shown]
    assert numbers == list(range(1, len(shown) + 1))
    estimates = [m for _, m, _ in shown]
    assert estimates == sorted(estimates)
    assert all(n <= m for n, m, _ in shown)
    widths = [w for _, _, w in shown]
    assert widths == sorted(widths)
    assert widths[0] == 0
    assert widths[-1] < 100

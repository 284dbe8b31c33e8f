"""Spec table for ``evaluate_recovery``: how the diary's pain scores become keep going / seek assessment /
urgent now, with the real rules of ``recovery.yaml`` (MCID 2 points or 30 %, review after 6 weeks,
worsening = the last 2 entries each 2 or more points above the first).

Each row: the week of "today", the entries as (week, first-step pain, worst pain) — None where not
recorded — the check-in's triage level, and the expected outcome and reason.
"""

from __future__ import annotations

import ast
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haelguiden.engine.model import TRIAGE_LEVELS, TRIAGE_RANK
from haelguiden.engine.recovery import OUTCOMES, RecoveryRules, evaluate_recovery
from haelguiden.tracker.model import Entry

START = dt.date(2026, 1, 5)


def at(week: float, first_step: int | None, worst: int | None = None) -> Entry:
    """An entry ``week`` weeks after the start (fractions are days: 2.5 = day 17)."""
    day = START + dt.timedelta(days=round(week * 7))
    worst_pain = worst if worst is not None else (first_step if first_step is not None else 0)
    return Entry(
        id=f"e{day.isoformat()}", diary_id="d", date=day, worst_pain=worst_pain, first_step_pain=first_step
    )


@dataclass(frozen=True)
class Row:
    week: float
    entries: tuple[Entry, ...]
    outcome: str
    reason: str
    triage: str | None = None


SPEC = {
    # --- the rows the brief asks for ---------------------------------------------------------------------
    "week 7, first-step pain 6 -> 6: no improvement after the review point": Row(
        7, (at(0, 6), at(7, 6)), "seek_assessment", "no_improvement"
    ),
    "week 3, improving 7 -> 4": Row(3, (at(0, 7), at(3, 4)), "keep_going", "improving"),
    "week 8, 6 -> 3": Row(8, (at(0, 6), at(4, 5), at(8, 3)), "keep_going", "improving"),
    "week 2, 4 -> 6 -> 7: worse at two entries in a row": Row(
        2, (at(0, 4), at(1, 6), at(2, 7)), "seek_assessment", "worsening"
    ),
    "check-in triage urgent (new fever) at week 1": Row(
        1, (at(0, 7), at(1, 4)), "urgent_now", "checkin_red_flag", triage="urgent"
    ),
    "check-in triage urgent at week 9 while improving": Row(
        9, (at(0, 7), at(9, 1)), "urgent_now", "checkin_red_flag", triage="urgent"
    ),
    "check-in triage urgent with no entries": Row(4, (), "urgent_now", "checkin_red_flag", triage="urgent"),
    "no entries": Row(0, (), "keep_going", "no_entries"),
    "no entries at week 10": Row(10, (), "keep_going", "no_entries"),
    # --- the edges of each rule -----------------------------------------------------------------------------
    "check-in triage emergency wins": Row(
        3, (at(0, 7), at(3, 2)), "urgent_now", "checkin_red_flag", triage="emergency"
    ),
    "check-in triage gp (within days) wins": Row(
        3, (at(0, 7), at(3, 2)), "urgent_now", "checkin_red_flag", triage="gp"
    ),
    "check-in triage professional asks for an assessment": Row(
        3, (at(0, 7), at(3, 2)), "seek_assessment", "checkin_professional", triage="professional"
    ),
    "check-in triage self_care changes nothing": Row(
        3, (at(0, 7), at(3, 4)), "keep_going", "improving", triage="self_care"
    ),
    "one bad day is not worsening: 4 -> 7": Row(2, (at(0, 4), at(2, 7)), "keep_going", "early"),
    "a spike that settles is not worsening: 4 -> 7 -> 4": Row(
        2, (at(0, 4), at(1, 7), at(2, 4)), "keep_going", "early"
    ),
    "rises of 1 point are not clear worsening: 4 -> 5 -> 5": Row(
        2, (at(0, 4), at(1, 5), at(2, 5)), "keep_going", "early"
    ),
    "worsening counts after the review point too": Row(
        9, (at(0, 3), at(8, 6), at(9, 5)), "seek_assessment", "worsening"
    ),
    "week 5, 6 -> 6: too early to judge": Row(5.9, (at(0, 6), at(5, 6)), "keep_going", "early"),
    "week 6 exactly, 6 -> 6: the review point": Row(
        6, (at(0, 6), at(6, 6)), "seek_assessment", "no_improvement"
    ),
    "week 7, 6 -> 5: 1 point and 17 % is not meaningful": Row(
        7, (at(0, 6), at(7, 5)), "seek_assessment", "no_improvement"
    ),
    "week 7, 3 -> 2: 1 point but 33 % is meaningful": Row(7, (at(0, 3), at(7, 2)), "keep_going", "improving"),
    "week 7, 1 -> 1: low pain needs no review": Row(7, (at(0, 1), at(7, 1)), "keep_going", "low_pain"),
    "week 7, a single entry: nothing to compare": Row(7, (at(0, 6),), "keep_going", "one_entry"),
    "no first-step pain recorded: worst pain 6 -> 6 decides": Row(
        7, (at(0, None, 6), at(7, None, 6)), "seek_assessment", "no_improvement"
    ),
    "first-step pain improves but worst pain clearly worsens": Row(
        3, (at(0, 6, 4), at(2, 4, 7), at(3, 3, 7)), "seek_assessment", "worsening"
    ),
    "entries after today are ignored": Row(
        7, (at(0, 6), at(7, 6), at(8, 1)), "seek_assessment", "no_improvement"
    ),
}


@pytest.mark.parametrize("row", SPEC.values(), ids=SPEC.keys())
def test_spec(rules: RecoveryRules, row: Row) -> None:
    today = START + dt.timedelta(days=round(row.week * 7))
    status = evaluate_recovery(rules, START, row.entries, today, checkin_triage=row.triage)
    assert (status.outcome, status.reason_id) == (row.outcome, row.reason)
    assert status.week == int(row.week)
    assert status.advice == rules.advice[status.outcome]  # type: ignore[index]


def test_numbers_behind_no_improvement(rules: RecoveryRules) -> None:
    status = evaluate_recovery(rules, START, [at(7, 6), at(0, 6)], START + dt.timedelta(weeks=7))
    assert status.measure == "first_step_pain"
    assert (status.baseline, status.latest, status.change_points, status.change_percent) == (6, 6, 0, 0.0)
    assert (status.baseline_date, status.latest_date, status.count) == (
        START,
        START + dt.timedelta(weeks=7),
        2,
    )
    assert status.reason.da == (
        "Efter 7 uger er din smerte ved de første skridt om morgenen ikke blevet tydeligt bedre. "
        "Den var 6 ved start og er 6 nu. Når smerten ikke er tydeligt bedre efter 6 ugers egenbehandling, "
        "er det tid til at få hælen undersøgt."
    )
    assert status.reason.en == (
        "After 7 weeks your pain at the first steps in the morning has not clearly improved. "
        "It was 6 at the start and is 6 now. When pain is not clearly better after 6 weeks of self-care, "
        "it is time to have the heel assessed."
    )
    assert status.sources == (
        "ref-77",
        "ref-78",
        "estimate",
        "ref-33",
        "ref-35",
        "ref-36",
        "ref-5",
        "ref-82",
        "ref-74",
    )


def test_numbers_behind_improvement(rules: RecoveryRules) -> None:
    status = evaluate_recovery(rules, START, [at(0, 7), at(3, 4)], START + dt.timedelta(weeks=3))
    assert (status.baseline, status.latest, status.change_points, status.change_percent) == (7, 4, -3, -42.9)
    assert status.reason.da == (
        "Din smerte ved de første skridt om morgenen er faldet fra 7 til 4 på skalaen fra 0 til 10. "
        "Det er 43 % mindre end ved start og en tydelig bedring."
    )
    assert status.advice.en.startswith("Keep going with your plan")


def test_numbers_behind_worsening_name_the_measure_that_worsened(rules: RecoveryRules) -> None:
    entries = [at(0, 6, 4), at(2, 4, 7), at(3, 3, 7)]
    status = evaluate_recovery(rules, START, entries, START + dt.timedelta(weeks=3))
    assert (status.measure, status.baseline, status.latest, status.change_points) == ("worst_pain", 4, 7, 3)
    assert status.reason.en == (
        "Your worst pain has gone up from 4 at the start to 7 now, and the last 2 entries were all clearly "
        "higher than at the start. That is a clear worsening."
    )


def test_no_entries_has_no_numbers(rules: RecoveryRules) -> None:
    status = evaluate_recovery(rules, START, [], START)
    assert (status.measure, status.baseline, status.latest, status.change_percent, status.count) == (
        None,
        None,
        None,
        None,
        0,
    )
    assert status.reason.en == (
        "There are no diary entries yet. Write down how much it hurts today, "
        "so you can follow how it develops."
    )


def test_urgent_check_in_carries_the_triage_level(rules: RecoveryRules) -> None:
    status = evaluate_recovery(
        rules, START, [at(0, 5)], START + dt.timedelta(days=3), checkin_triage="urgent"
    )
    assert (status.outcome, status.triage, status.week) == ("urgent_now", "urgent", 0)
    assert status.reason.da == "Du har svaret ja til et eller flere advarselstegn ved dagens tjek."


def test_a_baseline_of_zero_has_no_percentage(rules: RecoveryRules) -> None:
    status = evaluate_recovery(rules, START, [at(0, 0), at(1, 0)], START + dt.timedelta(weeks=1))
    assert (status.change_points, status.change_percent, status.reason_id) == (0, None, "low_pain")


def test_unknown_triage_level_is_refused(rules: RecoveryRules) -> None:
    with pytest.raises(ValueError, match="checkin_triage 'soon' is not one of"):
        evaluate_recovery(rules, START, [], START, checkin_triage="soon")


pain = st.integers(0, 10)
entry_lists = st.lists(st.tuples(st.integers(0, 70), st.one_of(st.none(), pain), pain), max_size=12).map(
    lambda rows: [
        Entry(id=f"e{i}", diary_id="d", date=START + dt.timedelta(days=d), worst_pain=w, first_step_pain=f)
        for i, (d, f, w) in enumerate(rows)
    ]
)


@given(entries=entry_lists, days=st.integers(0, 80), level=st.sampled_from(TRIAGE_LEVELS))
def test_a_check_in_never_lowers_the_outcome(
    rules: RecoveryRules, entries: list[Entry], days: int, level: str
) -> None:
    today = START + dt.timedelta(days=days)
    without = evaluate_recovery(rules, START, entries, today)
    with_checkin = evaluate_recovery(rules, START, entries, today, checkin_triage=level)
    assert OUTCOMES.index(with_checkin.outcome) >= OUTCOMES.index(without.outcome)
    if TRIAGE_RANK[level] < TRIAGE_RANK["professional"]:
        assert with_checkin.outcome == "urgent_now"


@given(entries=entry_lists, days=st.integers(0, 80))
def test_the_order_of_entries_does_not_matter(rules: RecoveryRules, entries: list[Entry], days: int) -> None:
    today = START + dt.timedelta(days=days)
    assert evaluate_recovery(rules, START, entries, today) == evaluate_recovery(
        rules, START, list(reversed(entries)), today
    )


def test_the_engine_module_imports_only_the_standard_library_and_the_engine() -> None:
    import haelguiden.engine.recovery as module

    tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported == {
        "__future__",
        "datetime",
        "collections.abc",
        "dataclasses",
        "typing",
        "haelguiden.engine.model",
    }

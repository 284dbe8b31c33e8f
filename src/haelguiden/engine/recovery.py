"""Is the recovery on track? A pure judgement over the pain diary.

The rules (how big a change matters, when self-care is due for a review, what counts as clear worsening)
come from ``knowledge_base/recovery.yaml``; each cites its sources there. This module only applies them:

1. A check-in whose red-flag answers gave a triage level more urgent than ``professional`` wins at once
   (``urgent_now``); ``professional`` at a check-in asks for an assessment (``seek_assessment``).
2. Clear worsening (every one of the last few entries at least ``worsening_points`` above the first
   entry) asks for an assessment at any week.
3. From the review week on, pain that has not improved by the minimal clinically important change
   (``mcid_points`` or ``mcid_percent``) asks for an assessment.
4. Otherwise: keep going.

Pain is tracked on one measure: the first of ``rules.measures`` (first-step pain, then worst pain) that
the first entry recorded. Worsening is checked on every measure the first entry recorded.

"Week" is the number of whole weeks since the start date: 0 during the first seven days, 6 from day 42.
No I/O, standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal, Protocol, cast

from haelguiden.engine.model import TRIAGE_RANK, Text, TriageLevel

Outcome = Literal["keep_going", "seek_assessment", "urgent_now"]
OUTCOMES: tuple[Outcome, ...] = ("keep_going", "seek_assessment", "urgent_now")

PainMeasure = Literal["first_step_pain", "worst_pain"]
PAIN_MEASURES: tuple[PainMeasure, ...] = ("first_step_pain", "worst_pain")

ReasonId = Literal[
    "checkin_red_flag",
    "checkin_professional",
    "no_entries",
    "one_entry",
    "worsening",
    "improving",
    "low_pain",
    "no_improvement",
    "early",
]
#: Every reason the evaluation can give, with the rules (keys of ``RecoveryRules.sources``) behind it.
REASON_RULES: Mapping[ReasonId, tuple[str, ...]] = {
    "checkin_red_flag": (),
    "checkin_professional": (),
    "no_entries": (),
    "one_entry": ("measures",),
    "worsening": ("measures", "worsening"),
    "improving": ("measures", "mcid"),
    "low_pain": ("measures", "low_pain"),
    "no_improvement": ("measures", "review", "mcid"),
    "early": ("measures", "review", "mcid"),
}
REASON_IDS: tuple[ReasonId, ...] = tuple(REASON_RULES)
#: Reasons that can be given before any entry exists: their texts may use only ``week`` and ``review_weeks``.
REASONS_WITHOUT_NUMBERS: tuple[ReasonId, ...] = ("checkin_red_flag", "checkin_professional", "no_entries")
#: The placeholders a reason text may use, filled in by :func:`evaluate_recovery`.
PLACEHOLDERS: tuple[str, ...] = (
    "measure",
    "baseline",
    "latest",
    "points",
    "percent",
    "week",
    "review_weeks",
    "count",
)
#: The names that ``RecoveryRules.sources`` covers: every rule, and every outcome's advice.
RULE_NAMES: tuple[str, ...] = ("mcid", "review", "checkins", "worsening", "low_pain", "measures", *OUTCOMES)

_PROFESSIONAL_RANK = TRIAGE_RANK["professional"]


class PainRecord(Protocol):
    """One diary entry as the evaluation sees it (``haelguiden.tracker.model.Entry`` fits)."""

    @property
    def date(self) -> dt.date:
        """The day the pain was felt."""

    @property
    def worst_pain(self) -> int:
        """Worst pain that day, 0–10."""

    @property
    def first_step_pain(self) -> int | None:
        """Pain at the first steps in the morning, 0–10, or None when not recorded."""


@dataclass(frozen=True)
class Measure:
    """A pain measure the diary records, with its name for people."""

    id: PainMeasure
    label: Text


@dataclass(frozen=True)
class RecoveryRules:
    """The recovery rules from ``recovery.yaml`` (see that file for the sources of every number)."""

    #: Minimal clinically important change of NRS pain: this many points, or this percentage.
    mcid_points: int
    mcid_percent: float
    #: Whole weeks of self-care after which no meaningful improvement asks for an assessment.
    review_after_weeks: int
    #: Weeks after the start date at which a check-in is planned (calendar reminders).
    checkin_weeks: tuple[int, ...]
    #: Clear worsening: the last ``worsening_entries`` entries all at least this many points above the start.
    worsening_points: int
    worsening_entries: int
    #: Pain at or below this counts as settled, so no review is needed for lack of change.
    low_pain_max: int
    #: The measures in order of preference; the first one the first entry has is tracked.
    measures: tuple[Measure, ...]
    #: Outcome -> what to do.
    advice: Mapping[Outcome, Text]
    #: Reason id -> text template (placeholders from :data:`PLACEHOLDERS`).
    reasons: Mapping[ReasonId, Text]
    #: Rule name (:data:`RULE_NAMES`) -> source ids.
    sources: Mapping[str, tuple[str, ...]]

    def measure(self, measure_id: str) -> Measure:
        """The measure with this id (KeyError if the rules do not track it)."""
        for m in self.measures:
            if m.id == measure_id:
                return m
        raise KeyError(measure_id)


@dataclass(frozen=True)
class RecoveryStatus:
    """The judgement, the reason for it and the numbers behind it."""

    outcome: Outcome
    reason_id: ReasonId
    #: Why, in words, with the numbers filled in.
    reason: Text
    #: What to do now (the outcome's advice).
    advice: Text
    #: Whole weeks since the start date.
    week: int
    #: The triage level of the check-in, when one was given.
    triage: TriageLevel | None = None
    #: The measure the numbers are about (None without entries).
    measure: PainMeasure | None = None
    baseline: int | None = None
    baseline_date: dt.date | None = None
    latest: int | None = None
    latest_date: dt.date | None = None
    #: latest − baseline: negative means less pain.
    change_points: int | None = None
    #: The change as a percentage of the baseline (one decimal); None when the baseline is 0.
    change_percent: float | None = None
    #: Entries up to today that recorded the measure.
    count: int = 0
    #: Source ids of the rules that decided.
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Series:
    measure: Measure
    points: tuple[tuple[dt.date, int], ...]

    @property
    def baseline(self) -> int:
        return self.points[0][1]

    @property
    def latest(self) -> int:
        return self.points[-1][1]

    @property
    def change(self) -> int:
        return self.latest - self.baseline

    @property
    def percent(self) -> float | None:
        if self.baseline == 0:
            return None
        return round(self.change * 100 / self.baseline, 1)


def evaluate_recovery(
    rules: RecoveryRules,
    start_date: dt.date,
    entries: Iterable[PainRecord],
    today: dt.date,
    checkin_triage: str | None = None,
) -> RecoveryStatus:
    """Judge how the recovery is going, from the diary entries up to ``today``.

    Args:
        rules: The recovery rules (``knowledge_base/recovery.yaml``).
        start_date: The day the diary (and the self-care plan) started.
        entries: The diary entries, in any order; entries after ``today`` are ignored.
        today: The day of the judgement.
        checkin_triage: The triage level the main engine gave for the red-flag answers of today's
            check-in, if there was one ("emergency", "urgent", "gp", "professional", "self_care").

    Returns:
        The outcome (keep_going, seek_assessment or urgent_now), the reason, the numbers behind it (on
        the tracked measure) and the week number.

    Raises:
        ValueError: ``checkin_triage`` is not a triage level.
    """
    if checkin_triage is not None and checkin_triage not in TRIAGE_RANK:
        raise ValueError(f"checkin_triage {checkin_triage!r} is not one of {sorted(TRIAGE_RANK)}")
    triage = cast("TriageLevel | None", checkin_triage)  # checked just above
    week = max(0, (today - start_date).days // 7)
    ordered = sorted((e for e in entries if e.date <= today), key=_order)
    series = _all_series(rules, ordered)
    primary = series[0] if series else None

    def status(outcome: Outcome, reason_id: ReasonId, shown: _Series | None = primary) -> RecoveryStatus:
        return _status(rules, outcome, reason_id, shown, week, triage)

    if triage is not None and TRIAGE_RANK[triage] < _PROFESSIONAL_RANK:
        return status("urgent_now", "checkin_red_flag")
    if triage == "professional":
        return status("seek_assessment", "checkin_professional")
    if primary is None:
        return status("keep_going", "no_entries")
    for candidate in series:
        if _worsening(rules, candidate):
            return status("seek_assessment", "worsening", candidate)
    if len(primary.points) < 2:
        return status("keep_going", "one_entry")
    if _meaningful_improvement(rules, primary):
        return status("keep_going", "improving")
    if primary.latest <= rules.low_pain_max:
        return status("keep_going", "low_pain")
    if week >= rules.review_after_weeks:
        return status("seek_assessment", "no_improvement")
    return status("keep_going", "early")


def _order(entry: PainRecord) -> tuple[dt.date, int, int]:
    # Entries have no time of day; ordering same-day entries by their scores keeps the result independent
    # of the order they were passed in.
    first_step = -1 if entry.first_step_pain is None else entry.first_step_pain
    return (entry.date, entry.worst_pain, first_step)


def _all_series(rules: RecoveryRules, ordered: Sequence[PainRecord]) -> list[_Series]:
    """One series per measure the first entry recorded, in the rules' order of preference."""
    if not ordered:
        return []
    out: list[_Series] = []
    for measure in rules.measures:
        if _value(ordered[0], measure.id) is None:
            continue
        points = tuple((e.date, value) for e in ordered if (value := _value(e, measure.id)) is not None)
        out.append(_Series(measure, points))
    return out


def _value(entry: PainRecord, measure: PainMeasure) -> int | None:
    return entry.first_step_pain if measure == "first_step_pain" else entry.worst_pain


def _meaningful_improvement(rules: RecoveryRules, series: _Series) -> bool:
    """At least the MCID less pain than at the start: ``mcid_points`` points or ``mcid_percent`` %."""
    drop = -series.change
    if drop <= 0:
        return False
    return drop >= rules.mcid_points or drop * 100 >= rules.mcid_percent * series.baseline


def _worsening(rules: RecoveryRules, series: _Series) -> bool:
    """The last ``worsening_entries`` entries after the first all ``worsening_points`` or more above it."""
    later = series.points[1:]
    if len(later) < rules.worsening_entries:
        return False
    recent = later[-rules.worsening_entries :]
    return all(value - series.baseline >= rules.worsening_points for _, value in recent)


def _status(
    rules: RecoveryRules,
    outcome: Outcome,
    reason_id: ReasonId,
    series: _Series | None,
    week: int,
    triage: TriageLevel | None,
) -> RecoveryStatus:
    sources = tuple(
        dict.fromkeys(s for rule in (*REASON_RULES[reason_id], outcome) for s in rules.sources.get(rule, ()))
    )
    template = rules.reasons[reason_id]
    reason = Text(
        _fill(template.da, rules, series, week, "da"), _fill(template.en, rules, series, week, "en")
    )
    base = RecoveryStatus(
        outcome, reason_id, reason, rules.advice[outcome], week, triage=triage, sources=sources
    )
    if series is None:
        return base
    return replace(
        base,
        measure=series.measure.id,
        baseline=series.baseline,
        baseline_date=series.points[0][0],
        latest=series.latest,
        latest_date=series.points[-1][0],
        change_points=series.change,
        change_percent=series.percent,
        count=len(series.points),
    )


def _fill(template: str, rules: RecoveryRules, series: _Series | None, week: int, lang: str) -> str:
    values: dict[str, object] = {"week": week, "review_weeks": rules.review_after_weeks}
    if series is not None:
        percent = series.percent
        values |= {
            "measure": series.measure.label.da if lang == "da" else series.measure.label.en,
            "baseline": series.baseline,
            "latest": series.latest,
            "points": abs(series.change),
            "percent": round(abs(percent)) if percent is not None else 0,
            "count": rules.worsening_entries,
        }
    # The loader checks every placeholder against PLACEHOLDERS and the reason's data; "?" keeps a
    # hand-built rule set from crashing on a placeholder it cannot fill.
    return template.format_map(_Defaults(values))


class _Defaults(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


__all__ = [
    "OUTCOMES",
    "PAIN_MEASURES",
    "PLACEHOLDERS",
    "REASONS_WITHOUT_NUMBERS",
    "REASON_IDS",
    "REASON_RULES",
    "RULE_NAMES",
    "Measure",
    "Outcome",
    "PainMeasure",
    "PainRecord",
    "ReasonId",
    "RecoveryRules",
    "RecoveryStatus",
    "evaluate_recovery",
]

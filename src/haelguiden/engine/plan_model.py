"""The self-care plan library and built plans as frozen objects (pure; see ``engine.plan``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from haelguiden.engine.model import Lang, Text, TriageLevel

Variant = Literal["condition", "child", "interim", "fallback"]
PlanKind = Literal["full", "short", "interim"]
Audience = Literal["adult", "child"]
TimelineKind = Literal["change", "check", "review", "recovery"]

AUDIENCES: tuple[Audience, ...] = ("adult", "child")
PLAN_KINDS: tuple[PlanKind, ...] = ("full", "short", "interim")
TIMELINE_KINDS: tuple[TimelineKind, ...] = ("change", "check", "review", "recovery")


# --------------------------------------------------------------------------------------------- the library


@dataclass(frozen=True)
class TextLines:
    """Several lines (steps, bullet points) in Danish and English; both have the same number of lines."""

    da: tuple[str, ...]
    en: tuple[str, ...]

    def get(self, lang: Lang) -> tuple[str, ...]:
        """The lines in ``lang``."""
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class Amount:
    """A whole number or an inclusive range of them (``10–15`` repetitions)."""

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}–{self.high}"


@dataclass(frozen=True)
class WeekRange:
    """Weeks ``first`` to ``last`` inclusive, counted from 1; ``last`` None means "and onwards"."""

    first: int
    last: int | None = None

    def __contains__(self, week: object) -> bool:
        return isinstance(week, int) and self.first <= week and (self.last is None or week <= self.last)


@dataclass(frozen=True)
class Tempo:
    """Seconds for the lifting, holding and lowering part of one repetition."""

    up: int
    hold: int
    down: int


@dataclass(frozen=True)
class DosePart:
    """One movement of a dose stage (most stages have one; a phased programme has several)."""

    label: Text | None = None
    sets: Amount | None = None
    reps: Amount | None = None
    #: The repetitions are a repetition maximum: heavy enough that ``reps`` is the most you can do.
    repetition_maximum: bool = False
    hold_seconds: Amount | None = None
    minutes: Amount | None = None
    tempo: Tempo | None = None


@dataclass(frozen=True)
class DoseStage:
    """The dose of an exercise during a range of weeks, counted from the week the exercise is started."""

    weeks: WeekRange
    parts: tuple[DosePart, ...]
    sources: tuple[str, ...]
    title: Text | None = None
    per_day: Amount | None = None
    days_per_week: Amount | None = None
    every_other_day: bool = False
    rest_minutes: Amount | None = None
    load: Text | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Exercise:
    """An exercise with plain-language steps, a dose that progresses by week, and when to stop."""

    id: str
    name: Text
    summary: Text
    steps: TextLines
    dosage: tuple[DoseStage, ...]
    feel: Text
    stop_if: TextLines
    drawing: str
    sources: tuple[str, ...]
    #: A heavy loading programme: never in a child's plan or the "until you see the doctor" plan.
    heavy: bool = False
    #: Uses cold (a frozen bottle): left out for people who report numbness.
    avoid_if_numbness: bool = False
    #: The pain-monitoring rules govern how hard to push.
    pain_monitoring: bool = False
    equipment: Text | None = None

    def stage_for_week(self, week: int) -> DoseStage:
        """The dose stage for ``week`` of doing this exercise (KeyError when no stage covers it)."""
        for stage in self.dosage:
            if week in stage.weeks:
                return stage
        raise KeyError(f"{self.id}: no dose for week {week}")


@dataclass(frozen=True)
class AdviceItem:
    """One piece of self-care advice, shared between plans."""

    id: str
    title: Text
    text: Text
    sources: tuple[str, ...]
    avoid_if_numbness: bool = False
    pain_monitoring: bool = False
    #: Given only to people with this trait (``PlanRules.traits``), e.g. running advice for runners.
    only_for: str | None = None


@dataclass(frozen=True)
class SeekHelpItem:
    """A sign that self-care should stop and the person should get help at ``level``."""

    id: str
    level: TriageLevel
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TimelineItem:
    """What to expect, or what to check, at a point in the plan."""

    id: str
    kind: TimelineKind
    when: Text
    text: Text
    sources: tuple[str, ...]
    weeks: WeekRange | None = None


@dataclass(frozen=True)
class PlanExercise:
    """An exercise as used in one phase of a plan."""

    exercise: str
    sources: tuple[str, ...]
    optional: bool = False
    note: Text | None = None


@dataclass(frozen=True)
class PhaseTemplate:
    """A named stretch of weeks in a plan and the exercises done in it."""

    id: str
    title: Text
    goal: Text
    weeks: WeekRange
    exercises: tuple[PlanExercise, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class AlternativeTemplate:
    """Another exercise programme a person may choose instead of the main one."""

    id: str
    title: Text
    text: Text
    phases: tuple[PhaseTemplate, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlanTemplate:
    """A self-care plan as written in a knowledge file."""

    id: str
    kind: PlanKind
    audience: tuple[Audience, ...]
    conditions: tuple[str, ...]
    title: Text
    intro: Text
    advice: tuple[str, ...]
    phases: tuple[PhaseTemplate, ...]
    alternatives: tuple[AlternativeTemplate, ...]
    timeline: tuple[TimelineItem, ...]
    seek_help: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PainZone:
    """A band of the 0–10 pain scale and what it means during exercise."""

    low: int
    high: int
    label: Text


@dataclass(frozen=True)
class PainMonitoring:
    """The pain-monitoring model: how much pain is acceptable during and after loading."""

    title: Text
    zones: tuple[PainZone, ...]
    rules: TextLines
    sources: tuple[str, ...]


@dataclass(frozen=True)
class NoPlanReason:
    """Why a triage level gets no self-care plan."""

    level: TriageLevel
    title: Text
    reason: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlanLabels:
    """Headings and dose wording. Templates use ``{name}`` placeholders, checked by the loader."""

    advice: Text
    exercises: Text
    alternatives: Text
    how_to: Text
    timeline: Text
    seek_help: Text
    feel: Text
    stop_if: Text
    equipment: Text
    optional: Text
    not_a_diagnosis: Text
    week: Text
    weeks: Text
    weeks_from: Text
    sets_reps: Text
    reps: Text
    repetition_maximum: Text
    hold: Text
    minutes: Text
    tempo: Text
    tempo_no_hold: Text
    per_day: Text
    once_a_day: Text
    days_per_week: Text
    every_day: Text
    every_other_day: Text
    rest: Text
    #: Triage level -> what to do, the heading over that level's "seek help" items.
    seek_levels: Mapping[str, Text]
    exercise_column: Text
    dose_column: Text
    #: Said once for an exercise whose every step is a repetition maximum.
    rm_note: Text
    advice_child: Text
    how_to_child: Text
    timeline_child: Text


@dataclass(frozen=True)
class Trait:
    """A trait some advice is only for: it holds when the answers give ``fact`` one of ``values``."""

    id: str
    fact: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class PlanRules:
    """Which plan a person gets, and the variants (from ``plans/_rules.yaml``)."""

    no_plan: tuple[NoPlanReason, ...]
    interim_levels: tuple[TriageLevel, ...]
    interim_plan: str
    interim_child_plan: str
    child_below_age: int
    child_plan: str
    #: Advice or seek-help id -> the version written for a child's parent.
    child_replace: Mapping[str, str]
    traits: Mapping[str, Trait]
    fallback_plan: str
    diabetes_advice: str
    diabetes_seek_help: str
    level_advice: Mapping[str, str]
    pain_monitoring: PainMonitoring
    labels: PlanLabels
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlanLibrary:
    """Everything needed to build plans. Built by the loader, read by ``build_plan``."""

    exercises: Mapping[str, Exercise]
    advice: Mapping[str, AdviceItem]
    seek_help: Mapping[str, SeekHelpItem]
    plans: Mapping[str, PlanTemplate]
    rules: PlanRules

    def plan_for_condition(self, condition_id: str, audience: Audience | None = None) -> PlanTemplate | None:
        """The plan written for ``condition_id`` (and ``audience``, when given), or None.

        Without an audience, the plan for adults comes first (a condition may have one plan for adults and
        one written for a child's parent).
        """
        found = [p for p in self.plans.values() if condition_id in p.conditions]
        if audience is not None:
            found = [p for p in found if audience in p.audience]
        found.sort(key=lambda p: "adult" not in p.audience)
        return found[0] if found else None


# ------------------------------------------------------------------------------------------- built plans


@dataclass(frozen=True)
class ScheduledExercise:
    """An exercise with the dose that applies during one block of weeks."""

    exercise: Exercise
    stage: DoseStage
    optional: bool
    note: Text | None


@dataclass(frozen=True)
class ScheduleBlock:
    """Weeks during which the exercises and their doses stay the same."""

    weeks: WeekRange
    items: tuple[ScheduledExercise, ...]


@dataclass(frozen=True)
class PhaseSchedule:
    """A phase of the plan, split into blocks wherever a dose changes."""

    id: str
    title: Text
    goal: Text
    weeks: WeekRange
    blocks: tuple[ScheduleBlock, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class AlternativeSchedule:
    """Another exercise programme, laid out like the main one."""

    id: str
    title: Text
    text: Text
    phases: tuple[PhaseSchedule, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """A person's self-care plan, ready to show."""

    id: str
    variant: Variant
    kind: PlanKind
    audience: Audience
    condition_id: str | None
    triage_level: TriageLevel
    title: Text
    intro: Text
    advice: tuple[AdviceItem, ...]
    phases: tuple[PhaseSchedule, ...]
    alternatives: tuple[AlternativeSchedule, ...]
    timeline: tuple[TimelineItem, ...]
    seek_help: tuple[SeekHelpItem, ...]
    pain_monitoring: PainMonitoring | None
    labels: PlanLabels
    sources: tuple[str, ...]

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """Every exercise the plan uses (main programme first, then alternatives), each once."""
        seen: dict[str, Exercise] = {}
        phases = [*self.phases, *(p for alt in self.alternatives for p in alt.phases)]
        for phase in phases:
            for block in phase.blocks:
                for item in block.items:
                    seen.setdefault(item.exercise.id, item.exercise)
        return tuple(seen.values())

    @property
    def advice_ids(self) -> tuple[str, ...]:
        """The ids of the advice items, in order."""
        return tuple(a.id for a in self.advice)


@dataclass(frozen=True)
class NoPlan:
    """No self-care plan: a doctor should look first."""

    triage_level: TriageLevel
    title: Text
    reason: Text
    sources: tuple[str, ...]

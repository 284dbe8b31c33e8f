"""Personal self-care plans: pick the right plan and lay out its week-by-week schedule. Pure, no I/O.

The plan library (exercises, plan templates, shared advice and "seek help" items, selection rules) is read
from the knowledge files by ``haelguiden.knowledge.plans``; every dose, timeline and rule in it cites a
source. This module only *selects* and *arranges*:

- ``build_plan()`` turns a condition id, a triage level and a few facts about the person into a ``Plan``
  (or a ``NoPlan`` with the reason when a doctor must look first);
- ``plan_for_lang()`` and ``exercise_for_lang()`` turn those objects into plain strings in Danish or English,
  ready for a page, the API or the PDF.

Which plan a person gets (the selection rules live in ``plans/_rules.yaml``):

1. Triage levels listed under ``no_plan`` (emergency, urgent) get no plan, only the reason.
2. Levels listed under ``interim`` (gp) get the short "until you see the doctor" plan.
3. Otherwise the plan written for the condition, if it suits the person's age group; children get the
   child plan instead of an adult one, adults the general fallback plan.
4. Then the variants: diabetes adds the "get your foot assessed" advice and the diabetic-foot warning;
   numbness removes anything cold (ice, a frozen bottle); some triage levels add their own advice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from haelguiden.engine.model import TRIAGE_LEVELS, TRIAGE_RANK, Lang, Text, TriageLevel

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


@dataclass(frozen=True)
class PlanRules:
    """Which plan a person gets, and the variants (from ``plans/_rules.yaml``)."""

    no_plan: tuple[NoPlanReason, ...]
    interim_levels: tuple[TriageLevel, ...]
    interim_plan: str
    child_below_age: int
    child_plan: str
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

    def plan_for_condition(self, condition_id: str) -> PlanTemplate | None:
        """The plan written for ``condition_id``, or None."""
        for plan in self.plans.values():
            if condition_id in plan.conditions:
                return plan
        return None


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


# ---------------------------------------------------------------------------------------------- building


def build_plan(
    library: PlanLibrary,
    condition_id: str | None,
    triage_level: str,
    age: int | None,
    diabetes: bool,
    numbness: bool,
) -> Plan | NoPlan:
    """Pick the plan and variant for a person and lay out its schedule.

    Args:
        library: the plan library from the knowledge base.
        condition_id: the leading possible cause, or None when there is none; a condition without its
            own plan gets the general fallback plan.
        triage_level: the assessment's triage level (``emergency`` ... ``self_care``).
        age: age in whole years, or None when unknown (treated as an adult).
        diabetes: the person has diabetes: adds advice to be assessed by a professional (NICE NG19,
            ref-69) and the diabetic-foot warning.
        numbness: the person reports numbness or reduced feeling: leaves out ice and cold (ref-32, estimate).

    Returns:
        A ``Plan``, or ``NoPlan`` with the reason for the levels that must see a doctor first.

    Raises:
        ValueError: for a triage level that does not exist or an impossible age.
    """
    level = _triage_level(triage_level)
    if age is not None and not 0 <= age <= 130:
        raise ValueError(f"Age must be a whole number of years from 0 to 130, not {age}.")
    rules = library.rules
    for reason in rules.no_plan:
        if reason.level == level:
            return NoPlan(level, reason.title, reason.reason, reason.sources)

    template, variant = _choose(library, condition_id, level, age)
    advice_ids = [
        *_level_advice(rules, level),
        *([rules.diabetes_advice] if diabetes else []),
        *template.advice,
    ]
    advice = tuple(
        item
        for item in (library.advice[a] for a in dict.fromkeys(advice_ids))
        if not (numbness and item.avoid_if_numbness)
    )
    help_ids = [*template.seek_help, *([rules.diabetes_seek_help] if diabetes else [])]
    seek_help = tuple(
        sorted((library.seek_help[s] for s in dict.fromkeys(help_ids)), key=lambda s: TRIAGE_RANK[s.level])
    )

    def keep(exercise: Exercise) -> bool:
        return not (numbness and exercise.avoid_if_numbness)

    phases = _schedule(library, template.phases, keep)
    alternatives = tuple(
        AlternativeSchedule(alt.id, alt.title, alt.text, _schedule(library, alt.phases, keep), alt.sources)
        for alt in template.alternatives
    )
    alternatives = tuple(alt for alt in alternatives if alt.phases)
    plan = Plan(
        id=template.id,
        variant=variant,
        kind=template.kind,
        condition_id=condition_id,
        triage_level=level,
        title=template.title,
        intro=template.intro,
        advice=advice,
        phases=phases,
        alternatives=alternatives,
        timeline=template.timeline,
        seek_help=seek_help,
        pain_monitoring=None,
        labels=rules.labels,
        sources=(),
    )
    uses_pain_monitoring = any(a.pain_monitoring for a in advice) or any(
        e.pain_monitoring for e in plan.exercises
    )
    pain_monitoring = rules.pain_monitoring if uses_pain_monitoring else None
    return _with_sources(plan, template, pain_monitoring)


def _triage_level(value: str) -> TriageLevel:
    for level in TRIAGE_LEVELS:
        if level == value:
            return level
    raise ValueError(f"Unknown triage level {value!r}. Use one of: {', '.join(TRIAGE_LEVELS)}.")


def _choose(
    library: PlanLibrary, condition_id: str | None, level: TriageLevel, age: int | None
) -> tuple[PlanTemplate, Variant]:
    rules = library.rules
    if level in rules.interim_levels:
        return library.plans[rules.interim_plan], "interim"
    audience: Audience = "child" if age is not None and age < rules.child_below_age else "adult"
    own = library.plan_for_condition(condition_id) if condition_id else None
    if own is not None and audience in own.audience:
        return own, "condition"
    if audience == "child":
        return library.plans[rules.child_plan], "child"
    return library.plans[rules.fallback_plan], "fallback"


def _level_advice(rules: PlanRules, level: TriageLevel) -> list[str]:
    extra = rules.level_advice.get(level)
    return [extra] if extra else []


def _schedule(
    library: PlanLibrary, phases: Iterable[PhaseTemplate], keep: Callable[[Exercise], bool]
) -> tuple[PhaseSchedule, ...]:
    """Split each phase into blocks of weeks with unchanging doses.

    An exercise's own week count starts in the first plan week it appears in any phase, so its progression
    carries on across phases.
    """
    phases = tuple(phases)
    started: dict[str, int] = {}
    for phase in phases:
        for item in phase.exercises:
            started.setdefault(item.exercise, phase.weeks.first)
    result = []
    for phase in phases:
        items = [(library.exercises[i.exercise], i) for i in phase.exercises]
        items = [(e, i) for e, i in items if keep(e)]
        if not items:
            continue
        assert phase.weeks.last is not None, "plan phases always end"
        cuts = {phase.weeks.first}
        for exercise, _ in items:
            offset = started[exercise.id] - 1
            cuts.update(
                s.weeks.first + offset for s in exercise.dosage if phase.weeks.first < s.weeks.first + offset
            )
        starts = sorted(c for c in cuts if c <= phase.weeks.last)
        ends = [s - 1 for s in starts[1:]] + [phase.weeks.last]
        blocks = tuple(
            ScheduleBlock(
                WeekRange(first, last),
                tuple(
                    ScheduledExercise(
                        exercise,
                        exercise.stage_for_week(first - started[exercise.id] + 1),
                        item.optional,
                        item.note,
                    )
                    for exercise, item in items
                ),
            )
            for first, last in zip(starts, ends, strict=True)
        )
        result.append(PhaseSchedule(phase.id, phase.title, phase.goal, phase.weeks, blocks, phase.sources))
    return tuple(result)


def _with_sources(plan: Plan, template: PlanTemplate, pain_monitoring: PainMonitoring | None) -> Plan:
    ids: list[str] = [*template.sources]
    ids += [s for a in plan.advice for s in a.sources]
    ids += [s for h in plan.seek_help for s in h.sources]
    ids += [s for t in plan.timeline for s in t.sources]
    for phase in [*plan.phases, *(p for alt in plan.alternatives for p in alt.phases)]:
        ids += phase.sources
        for block in phase.blocks:
            for item in block.items:
                ids += [*item.exercise.sources, *item.stage.sources]
    if pain_monitoring is not None:
        ids += pain_monitoring.sources
    return replace(plan, pain_monitoring=pain_monitoring, sources=sort_source_ids(ids))


def sort_source_ids(ids: Iterable[str]) -> tuple[str, ...]:
    """Source ids in reading order: ``ref-2`` before ``ref-10``, ``estimate`` last."""

    def key(source: str) -> tuple[int, str]:
        number = source.removeprefix("ref-")
        return (int(number), source) if number.isdigit() else (10**9, source)

    return tuple(sorted(set(ids), key=key))


# -------------------------------------------------------------------------------------- in one language


@dataclass(frozen=True)
class LocalStage:
    """One dose stage of an exercise in one language."""

    weeks: str
    title: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class LocalExercise:
    """An exercise in one language: what to do, how much, how it should feel, when to stop."""

    id: str
    name: str
    summary: str
    equipment: str | None
    steps: tuple[str, ...]
    dosage: tuple[LocalStage, ...]
    feel: str
    stop_if: tuple[str, ...]
    drawing: str


@dataclass(frozen=True)
class LocalScheduledExercise:
    """One line of the schedule: an exercise and its dose for a block of weeks."""

    exercise_id: str
    name: str
    stage_title: str | None
    dose: tuple[str, ...]
    optional: bool
    note: str | None


@dataclass(frozen=True)
class LocalBlock:
    """A block of weeks with unchanging doses."""

    weeks: str
    items: tuple[LocalScheduledExercise, ...]


@dataclass(frozen=True)
class LocalPhase:
    """A phase of the plan in one language."""

    id: str
    title: str
    weeks: str
    goal: str
    blocks: tuple[LocalBlock, ...]


@dataclass(frozen=True)
class LocalAlternative:
    """Another exercise programme in one language."""

    id: str
    title: str
    text: str
    phases: tuple[LocalPhase, ...]


@dataclass(frozen=True)
class LocalAdvice:
    """One advice item in one language."""

    id: str
    title: str
    text: str


@dataclass(frozen=True)
class LocalTimelineItem:
    """One timeline item in one language."""

    id: str
    kind: TimelineKind
    when: str
    text: str


@dataclass(frozen=True)
class LocalSeekHelp:
    """One "stop and get help if" item in one language; ``level`` says where to go."""

    id: str
    level: TriageLevel
    text: str


@dataclass(frozen=True)
class LocalPainMonitoring:
    """The pain-monitoring model in one language; ``zones`` are (range, meaning) pairs."""

    title: str
    zones: tuple[tuple[str, str], ...]
    rules: tuple[str, ...]


@dataclass(frozen=True)
class LocalHeadings:
    """Section headings for a plan."""

    advice: str
    exercises: str
    alternatives: str
    how_to: str
    timeline: str
    seek_help: str
    feel: str
    stop_if: str
    equipment: str
    optional: str


@dataclass(frozen=True)
class LocalPlan:
    """A plan in one language: everything a page or the PDF shows, as plain strings."""

    lang: Lang
    id: str
    variant: Variant
    title: str
    intro: str
    not_a_diagnosis: str
    headings: LocalHeadings
    advice: tuple[LocalAdvice, ...]
    phases: tuple[LocalPhase, ...]
    alternatives: tuple[LocalAlternative, ...]
    exercises: tuple[LocalExercise, ...]
    timeline: tuple[LocalTimelineItem, ...]
    seek_help: tuple[LocalSeekHelp, ...]
    pain_monitoring: LocalPainMonitoring | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class LocalNoPlan:
    """The reason for not giving a plan, in one language."""

    lang: Lang
    triage_level: TriageLevel
    title: str
    reason: str


def plan_for_lang(plan: Plan, lang: Lang) -> LocalPlan:
    """The plan with every text in ``lang`` ("da" or "en") and every dose written out."""
    labels = plan.labels

    def phase(p: PhaseSchedule) -> LocalPhase:
        return LocalPhase(
            p.id,
            p.title.get(lang),
            weeks_label(p.weeks, labels, lang),
            p.goal.get(lang),
            tuple(
                LocalBlock(
                    weeks_label(b.weeks, labels, lang),
                    tuple(
                        LocalScheduledExercise(
                            i.exercise.id,
                            i.exercise.name.get(lang),
                            i.stage.title.get(lang) if i.stage.title else None,
                            dose_lines(i.stage, labels, lang),
                            i.optional,
                            i.note.get(lang) if i.note else None,
                        )
                        for i in b.items
                    ),
                )
                for b in p.blocks
            ),
        )

    pm = plan.pain_monitoring
    return LocalPlan(
        lang=lang,
        id=plan.id,
        variant=plan.variant,
        title=plan.title.get(lang),
        intro=plan.intro.get(lang),
        not_a_diagnosis=labels.not_a_diagnosis.get(lang),
        headings=LocalHeadings(
            *(
                getattr(labels, name).get(lang)
                for name in (
                    "advice",
                    "exercises",
                    "alternatives",
                    "how_to",
                    "timeline",
                    "seek_help",
                    "feel",
                    "stop_if",
                    "equipment",
                    "optional",
                )
            )
        ),
        advice=tuple(LocalAdvice(a.id, a.title.get(lang), a.text.get(lang)) for a in plan.advice),
        phases=tuple(phase(p) for p in plan.phases),
        alternatives=tuple(
            LocalAlternative(a.id, a.title.get(lang), a.text.get(lang), tuple(phase(p) for p in a.phases))
            for a in plan.alternatives
        ),
        exercises=tuple(exercise_for_lang(e, labels, lang) for e in plan.exercises),
        timeline=tuple(
            LocalTimelineItem(t.id, t.kind, t.when.get(lang), t.text.get(lang)) for t in plan.timeline
        ),
        seek_help=tuple(LocalSeekHelp(s.id, s.level, s.text.get(lang)) for s in plan.seek_help),
        pain_monitoring=None
        if pm is None
        else LocalPainMonitoring(
            pm.title.get(lang),
            tuple((str(Amount(z.low, z.high)), z.label.get(lang)) for z in pm.zones),
            pm.rules.get(lang),
        ),
        sources=plan.sources,
    )


def no_plan_for_lang(no_plan: NoPlan, lang: Lang) -> LocalNoPlan:
    """The reason for not giving a plan, in ``lang``."""
    return LocalNoPlan(lang, no_plan.triage_level, no_plan.title.get(lang), no_plan.reason.get(lang))


def exercise_for_lang(exercise: Exercise, labels: PlanLabels, lang: Lang) -> LocalExercise:
    """An exercise with every text in ``lang`` and its whole progression written out."""
    return LocalExercise(
        id=exercise.id,
        name=exercise.name.get(lang),
        summary=exercise.summary.get(lang),
        equipment=exercise.equipment.get(lang) if exercise.equipment else None,
        steps=exercise.steps.get(lang),
        dosage=tuple(
            LocalStage(
                weeks_label(s.weeks, labels, lang),
                s.title.get(lang) if s.title else None,
                dose_lines(s, labels, lang),
            )
            for s in exercise.dosage
        ),
        feel=exercise.feel.get(lang),
        stop_if=exercise.stop_if.get(lang),
        drawing=exercise.drawing,
    )


def weeks_label(weeks: WeekRange, labels: PlanLabels, lang: Lang) -> str:
    """``Uge 3``, ``Uge 3–4`` or ``Fra uge 5`` (and the English equivalents)."""
    if weeks.last is None:
        return labels.weeks_from.get(lang).format(first=weeks.first)
    if weeks.last == weeks.first:
        return labels.week.get(lang).format(n=weeks.first)
    return labels.weeks.get(lang).format(first=weeks.first, last=weeks.last)


def dose_lines(stage: DoseStage, labels: PlanLabels, lang: Lang) -> tuple[str, ...]:
    """The dose of one stage as short lines: one per movement, then how often, rest, load and notes."""
    lines = [_part_line(part, labels, lang) for part in stage.parts]
    often = []
    if stage.per_day is not None:
        if stage.per_day.high == 1:
            often.append(labels.once_a_day.get(lang))
        else:
            often.append(labels.per_day.get(lang).format(n=stage.per_day))
    if stage.days_per_week is not None:
        if stage.days_per_week.low == 7:
            often.append(labels.every_day.get(lang))
        else:
            often.append(labels.days_per_week.get(lang).format(n=stage.days_per_week))
    if stage.every_other_day:
        often.append(labels.every_other_day.get(lang))
    if often:
        lines.append(_capitalise(", ".join(often)))
    if stage.rest_minutes is not None:
        lines.append(_capitalise(labels.rest.get(lang).format(minutes=stage.rest_minutes)))
    lines += [t.get(lang) for t in (stage.load, stage.note) if t is not None]
    return tuple(line for line in lines if line)


def _part_line(part: DosePart, labels: PlanLabels, lang: Lang) -> str:
    bits = []
    if part.sets is not None and part.reps is not None:
        bits.append(labels.sets_reps.get(lang).format(sets=part.sets, reps=part.reps))
    elif part.reps is not None:
        bits.append(labels.reps.get(lang).format(reps=part.reps))
    if part.repetition_maximum and part.reps is not None:
        bits.append(labels.repetition_maximum.get(lang).format(reps=part.reps))
    if part.hold_seconds is not None:
        bits.append(labels.hold.get(lang).format(seconds=part.hold_seconds))
    if part.minutes is not None:
        bits.append(labels.minutes.get(lang).format(minutes=part.minutes))
    if part.tempo is not None:
        t = part.tempo
        template = labels.tempo if t.hold else labels.tempo_no_hold
        bits.append(template.get(lang).format(up=t.up, top=t.hold, down=t.down))
    text = ", ".join(bits)
    if part.label is not None:
        return f"{part.label.get(lang)}: {text}" if text else part.label.get(lang)
    return _capitalise(text)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]

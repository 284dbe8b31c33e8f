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
2. Levels listed under ``interim`` (gp) get the short "until you see the doctor" plan (a child's version
   for children).
3. Otherwise the plan written for the condition, if it suits the person's age group; children get the
   child plan instead of an adult one, adults the general fallback plan.
4. Then the variants: diabetes adds the "get your foot assessed" advice and the diabetic-foot warning;
   numbness removes anything cold (ice, a frozen bottle); some triage levels add their own advice; advice
   marked ``only_for`` a trait (running, overweight) is given only when the answers show that trait; and a
   child's plan swaps shared items for the versions written for the parent (``child.replace``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from haelguiden.engine.model import TRIAGE_LEVELS, TRIAGE_RANK, TriageLevel
from haelguiden.engine.plan_model import (
    AUDIENCES,
    PLAN_KINDS,
    TIMELINE_KINDS,
    AdviceItem,
    AlternativeSchedule,
    AlternativeTemplate,
    Amount,
    Audience,
    DosePart,
    DoseStage,
    Exercise,
    NoPlan,
    NoPlanReason,
    PainMonitoring,
    PainZone,
    PhaseSchedule,
    PhaseTemplate,
    Plan,
    PlanExercise,
    PlanKind,
    PlanLabels,
    PlanLibrary,
    PlanRules,
    PlanTemplate,
    ScheduleBlock,
    ScheduledExercise,
    SeekHelpItem,
    Tempo,
    TextLines,
    TimelineItem,
    TimelineKind,
    Trait,
    Variant,
    WeekRange,
)
from haelguiden.engine.plan_text import (
    LocalAdvice,
    LocalAlternative,
    LocalBlock,
    LocalDose,
    LocalExercise,
    LocalExerciseRow,
    LocalHeadings,
    LocalNoPlan,
    LocalPainMonitoring,
    LocalPhase,
    LocalPhaseSummary,
    LocalPlan,
    LocalProgramme,
    LocalScheduledExercise,
    LocalSeekHelp,
    LocalSeekHelpGroup,
    LocalStage,
    LocalTimelineItem,
    dose_lines,
    exercise_for_lang,
    no_plan_for_lang,
    plan_for_lang,
    weeks_label,
)

__all__ = [
    "AUDIENCES",
    "PLAN_KINDS",
    "TIMELINE_KINDS",
    "AdviceItem",
    "AlternativeSchedule",
    "AlternativeTemplate",
    "Amount",
    "Audience",
    "DosePart",
    "DoseStage",
    "Exercise",
    "LocalAdvice",
    "LocalAlternative",
    "LocalBlock",
    "LocalDose",
    "LocalExercise",
    "LocalExerciseRow",
    "LocalHeadings",
    "LocalNoPlan",
    "LocalPainMonitoring",
    "LocalPhase",
    "LocalPhaseSummary",
    "LocalPlan",
    "LocalProgramme",
    "LocalScheduledExercise",
    "LocalSeekHelp",
    "LocalSeekHelpGroup",
    "LocalStage",
    "LocalTimelineItem",
    "NoPlan",
    "NoPlanReason",
    "PainMonitoring",
    "PainZone",
    "PhaseSchedule",
    "PhaseTemplate",
    "Plan",
    "PlanExercise",
    "PlanKind",
    "PlanLabels",
    "PlanLibrary",
    "PlanRules",
    "PlanTemplate",
    "ScheduleBlock",
    "ScheduledExercise",
    "SeekHelpItem",
    "Tempo",
    "TextLines",
    "TimelineItem",
    "TimelineKind",
    "Trait",
    "Variant",
    "WeekRange",
    "build_plan",
    "dose_lines",
    "exercise_for_lang",
    "no_plan_for_lang",
    "plan_for_lang",
    "sort_source_ids",
    "weeks_label",
]


# ---------------------------------------------------------------------------------------------- building


def build_plan(
    library: PlanLibrary,
    condition_id: str | None,
    triage_level: str,
    age: int | None,
    diabetes: bool,
    numbness: bool,
    traits: Iterable[str] = (),
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
        traits: the traits of ``PlanRules.traits`` the answers show (``runner``, ``overweight``); advice
            marked ``only_for`` a trait is left out for everyone else.

    Returns:
        A ``Plan``, or ``NoPlan`` with the reason for the levels that must see a doctor first.

    Raises:
        ValueError: for a triage level that does not exist, an impossible age or an unknown trait.
    """
    level = _triage_level(triage_level)
    if age is not None and not 0 <= age <= 130:
        raise ValueError(f"Age must be a whole number of years from 0 to 130, not {age}.")
    rules = library.rules
    shown = frozenset(traits)
    unknown = sorted(shown - set(rules.traits))
    if unknown:
        raise ValueError(f"Unknown trait(s) {', '.join(unknown)}. Use: {', '.join(sorted(rules.traits))}.")
    for reason in rules.no_plan:
        if reason.level == level:
            return NoPlan(level, reason.title, reason.reason, reason.sources)

    template, variant, audience = _choose(library, condition_id, level, age)

    def for_audience(item_id: str) -> str:
        return rules.child_replace.get(item_id, item_id) if audience == "child" else item_id

    advice_ids = [
        *_level_advice(rules, level),
        *([rules.diabetes_advice] if diabetes else []),
        *template.advice,
    ]
    advice = tuple(
        item
        for item in (library.advice[a] for a in dict.fromkeys(map(for_audience, advice_ids)))
        if not (numbness and item.avoid_if_numbness) and (item.only_for is None or item.only_for in shown)
    )
    help_ids = [*template.seek_help, *([rules.diabetes_seek_help] if diabetes else [])]
    seek_help = tuple(
        sorted(
            (library.seek_help[s] for s in dict.fromkeys(map(for_audience, help_ids))),
            key=lambda s: TRIAGE_RANK[s.level],
        )
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
        audience=audience,
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
) -> tuple[PlanTemplate, Variant, Audience]:
    rules = library.rules
    audience: Audience = "child" if age is not None and age < rules.child_below_age else "adult"
    if level in rules.interim_levels:
        interim = rules.interim_child_plan if audience == "child" else rules.interim_plan
        return library.plans[interim], "interim", audience
    own = library.plan_for_condition(condition_id, audience) if condition_id else None
    if own is not None:
        return own, "condition", audience
    if audience == "child":
        return library.plans[rules.child_plan], "child", audience
    return library.plans[rules.fallback_plan], "fallback", audience


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

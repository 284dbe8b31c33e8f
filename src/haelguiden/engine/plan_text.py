"""A built plan in one language: plain strings for a page, the API or the PDF (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from haelguiden.engine.model import Lang, TriageLevel
from haelguiden.engine.plan_model import (
    Amount,
    DosePart,
    DoseStage,
    Exercise,
    NoPlan,
    PhaseSchedule,
    Plan,
    PlanLabels,
    TimelineKind,
    Variant,
    WeekRange,
)

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

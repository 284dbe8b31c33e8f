"""A built plan in one language: plain strings for a page, the API or the PDF (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from haelguiden.engine.model import Lang, TriageLevel
from haelguiden.engine.plan_model import (
    Amount,
    Audience,
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
class LocalSeekHelpGroup:
    """The "seek help" items of one level under the heading that says what to do."""

    level: TriageLevel
    heading: str
    items: tuple[LocalSeekHelp, ...]


@dataclass(frozen=True)
class LocalDose:
    """An exercise's dose during some weeks of the plan (the weeks are plan weeks)."""

    weeks: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class LocalExerciseRow:
    """One exercise of a programme with the weeks it is done and its dose week by week.

    ``weeks`` is None when the exercise runs through the whole programme. When the dose changes,
    ``common`` holds what stays the same (tempo, how often) and each dose only what changes.
    """

    exercise_id: str
    name: str
    weeks: str | None
    doses: tuple[LocalDose, ...]
    optional: bool
    note: str | None
    common: tuple[str, ...] = ()

    @property
    def progresses(self) -> bool:
        """Whether the dose changes during the plan (then each dose names its weeks)."""
        return len(self.doses) > 1


@dataclass(frozen=True)
class LocalPhaseSummary:
    """A phase in one line: its weeks, title and goal."""

    id: str
    weeks: str
    title: str
    goal: str


@dataclass(frozen=True)
class LocalProgramme:
    """An exercise programme as one table: each exercise once, with its weekly progression."""

    id: str
    title: str | None
    text: str | None
    phases: tuple[LocalPhaseSummary, ...]
    rows: tuple[LocalExerciseRow, ...]


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
    exercise_column: str
    dose_column: str


@dataclass(frozen=True)
class LocalPlan:
    """A plan in one language: everything a page or the PDF shows, as plain strings."""

    lang: Lang
    id: str
    variant: Variant
    audience: Audience
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
    #: The "seek help" items grouped by level, most urgent first.
    seek_help_groups: tuple[LocalSeekHelpGroup, ...]
    #: The main exercise programme as one table (None without exercises), then the alternatives.
    programme: LocalProgramme | None
    alternative_programmes: tuple[LocalProgramme, ...]


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
    child = plan.audience == "child"
    seek_help = tuple(LocalSeekHelp(s.id, s.level, s.text.get(lang)) for s in plan.seek_help)
    return LocalPlan(
        lang=lang,
        id=plan.id,
        variant=plan.variant,
        audience=plan.audience,
        title=plan.title.get(lang),
        intro=plan.intro.get(lang),
        not_a_diagnosis=labels.not_a_diagnosis.get(lang),
        headings=LocalHeadings(
            advice=(labels.advice_child if child else labels.advice).get(lang),
            exercises=labels.exercises.get(lang),
            alternatives=labels.alternatives.get(lang),
            how_to=(labels.how_to_child if child else labels.how_to).get(lang),
            timeline=(labels.timeline_child if child else labels.timeline).get(lang),
            seek_help=labels.seek_help.get(lang),
            feel=labels.feel.get(lang),
            stop_if=labels.stop_if.get(lang),
            equipment=labels.equipment.get(lang),
            optional=labels.optional.get(lang),
            exercise_column=labels.exercise_column.get(lang),
            dose_column=labels.dose_column.get(lang),
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
        seek_help=seek_help,
        pain_monitoring=None
        if pm is None
        else LocalPainMonitoring(
            pm.title.get(lang),
            tuple((str(Amount(z.low, z.high)), z.label.get(lang)) for z in pm.zones),
            pm.rules.get(lang),
        ),
        sources=plan.sources,
        seek_help_groups=_seek_help_groups(seek_help, labels, lang),
        programme=_programme("main", None, None, plan.phases, labels, lang) if plan.phases else None,
        alternative_programmes=tuple(
            _programme(a.id, a.title.get(lang), a.text.get(lang), a.phases, labels, lang)
            for a in plan.alternatives
        ),
    )


def _seek_help_groups(
    items: tuple[LocalSeekHelp, ...], labels: PlanLabels, lang: Lang
) -> tuple[LocalSeekHelpGroup, ...]:
    """The items grouped by level in the order given (most urgent first), each under what to do."""
    levels = tuple(dict.fromkeys(i.level for i in items))
    return tuple(
        LocalSeekHelpGroup(
            level, labels.seek_levels[level].get(lang), tuple(i for i in items if i.level == level)
        )
        for level in levels
    )


def _programme(
    programme_id: str,
    title: str | None,
    text: str | None,
    phases: tuple[PhaseSchedule, ...],
    labels: PlanLabels,
    lang: Lang,
) -> LocalProgramme:
    """The phases' blocks turned into one row per exercise, in the order the exercises first appear.

    An exercise's plan weeks are the blocks it appears in; consecutive blocks with the same dose are one
    step of its progression.
    """
    steps: dict[str, list[tuple[WeekRange, DoseStage]]] = {}
    first: dict[str, tuple[Exercise, bool, str | None]] = {}
    optional_everywhere: dict[str, bool] = {}
    for phase in phases:
        for block in phase.blocks:
            for item in block.items:
                key = item.exercise.id
                note = item.note.get(lang) if item.note else None
                first.setdefault(key, (item.exercise, item.optional, note))
                optional_everywhere[key] = optional_everywhere.get(key, True) and item.optional
                found = steps.setdefault(key, [])
                last = found[-1] if found else None
                if last and last[1] == item.stage and _joins(last[0], block.weeks):
                    found[-1] = (WeekRange(last[0].first, block.weeks.last), item.stage)
                else:
                    found.append((block.weeks, item.stage))
    whole = WeekRange(phases[0].weeks.first, phases[-1].weeks.last) if phases else None
    rows = []
    for key, found in steps.items():
        exercise, _, note = first[key]
        span = WeekRange(found[0][0].first, found[-1][0].last)
        common, changing = _progression([stage for _, stage in found], labels, lang)
        rows.append(
            LocalExerciseRow(
                exercise_id=key,
                name=exercise.name.get(lang),
                weeks=None if span == whole else weeks_label(span, labels, lang),
                doses=tuple(
                    LocalDose(weeks_label(weeks, labels, lang), lines)
                    for (weeks, _), lines in zip(found, changing, strict=True)
                ),
                optional=optional_everywhere[key],
                note=note,
                common=common,
            )
        )
    return LocalProgramme(
        id=programme_id,
        title=title,
        text=text,
        phases=tuple(
            LocalPhaseSummary(p.id, weeks_label(p.weeks, labels, lang), p.title.get(lang), p.goal.get(lang))
            for p in phases
        ),
        rows=tuple(rows),
    )


def _progression(
    stages: list[DoseStage], labels: PlanLabels, lang: Lang
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """What stays the same over an exercise's dose stages, and what changes in each.

    One stage is written out in full (``dose_lines``). Several are split into short pieces (sets and
    repetitions, tempo, how often, ...); a piece every stage has is said once, and a repetition maximum in
    every stage becomes one general sentence, so each step of the progression reads "4 sæt × 10".
    """
    if len(stages) == 1:
        stage = stages[0]
        return (), [((stage.title.get(lang),) if stage.title else ()) + dose_lines(stage, labels, lang)]
    all_rm = all(part.repetition_maximum for stage in stages for part in stage.parts if part.reps)
    pieces = [_pieces(stage, labels, lang, spell_rm=not all_rm) for stage in stages]
    common = [piece for piece in pieces[0] if all(piece in other for other in pieces[1:])]
    if all_rm:
        common.append(labels.rm_note.get(lang))
    changing = [tuple(piece for piece in own if piece not in common) for own in pieces]
    return tuple(common), changing


def _pieces(stage: DoseStage, labels: PlanLabels, lang: Lang, *, spell_rm: bool) -> list[str]:
    pieces = [stage.title.get(lang)] if stage.title else []
    for part in stage.parts:
        bits = []
        if part.sets is not None and part.reps is not None:
            bits.append(labels.sets_reps.get(lang).format(sets=part.sets, reps=part.reps))
        elif part.reps is not None:
            bits.append(labels.reps.get(lang).format(reps=part.reps))
        if spell_rm and part.repetition_maximum and part.reps is not None:
            bits.append(labels.repetition_maximum.get(lang).format(reps=part.reps))
        if part.hold_seconds is not None:
            bits.append(labels.hold.get(lang).format(seconds=part.hold_seconds))
        if part.minutes is not None:
            bits.append(labels.minutes.get(lang).format(minutes=part.minutes))
        text = ", ".join(bits)
        if part.label is not None:
            text = f"{part.label.get(lang)}: {text}" if text else part.label.get(lang)
        if text:
            pieces.append(_capitalise(text))
        if part.tempo is not None:
            t = part.tempo
            template = labels.tempo if t.hold else labels.tempo_no_hold
            pieces.append(_capitalise(template.get(lang).format(up=t.up, top=t.hold, down=t.down)))
    # How often, rest, load and notes: the same lines as the full dose.
    whole = dose_lines(stage, labels, lang)
    return pieces + list(whole[len(stage.parts) :])


def _joins(before: WeekRange, after: WeekRange) -> bool:
    return before.last is not None and before.last + 1 == after.first


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

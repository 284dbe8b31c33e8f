"""Load the self-care plan library: exercises, plans, shared advice, "seek help" items and selection rules.

Layout of a knowledge directory (``src/haelguiden/knowledge_base/`` ships with the package)::

    sources.yaml            the bibliography: ``sources: [{id: ref-1, ...}, ...]``
    exercises/<id>.yaml     one exercise per file, with its drawing exercises/<id>.svg
    plans/<id>.yaml         one plan per file
    plans/_advice.yaml      advice items shared by plans (``advice: [...]``)
    plans/_seek_help.yaml   "stop and get help if" items shared by plans (``seek_help: [...]``)
    plans/_rules.yaml       which plan a person gets, the pain-monitoring model, headings and dose wording

Every file is checked against the strict schema in ``plan_schema`` (unknown fields are errors), then across
files: ids that must exist, week ranges that must join up, heavy exercises kept out of children's plans and
the interim plan. All problems are collected and raised together as one ``KnowledgeError``; each names the
file, the entry and the field, says what is wrong and how to fix it, and suggests a spelling for unknown
ids. Every clinical item cites ``ref-N`` ids from sources.yaml or ``estimate``.
"""

from __future__ import annotations

import string
import types
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from haelguiden.engine import plan as p
from haelguiden.engine.model import Text
from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.files import Problems, default_directory, read_mapping, source_ids
from haelguiden.knowledge.files import validate as shared_validate
from haelguiden.knowledge.plan_schema import (
    LABEL_PLACEHOLDERS,
    AdviceFileIn,
    AdviceIn,
    ExerciseIn,
    LabelsIn,
    LinesIn,
    PartIn,
    PhaseIn,
    PlanIn,
    RulesIn,
    SeekHelpFileIn,
    SeekHelpIn,
    SeekLevelsIn,
    TextIn,
    suggest,
)

#: The fixed vocabulary of condition ids (the vignette vocabulary, `score.py --vocab`).
CONDITION_IDS = (
    "plantar_fasciitis",
    "plantar_fascia_rupture",
    "achilles_tendinopathy_midportion",
    "achilles_tendinopathy_insertional",
    "achilles_rupture",
    "calcaneal_stress_fracture",
    "calcaneal_fracture",
    "retrocalcaneal_bursitis",
    "fat_pad_syndrome",
    "nerve_entrapment",
    "lumbar_radiculopathy",
    "calcaneal_apophysitis",
    "inflammatory_enthesitis",
    "gout",
    "infection",
    "bone_tumour",
    "peripheral_arterial_disease",
    "skin_lesion",
    "not_heel",
)

_M = TypeVar("_M", bound=BaseModel)
_Item = TypeVar("_Item", AdviceIn, SeekHelpIn)
Loc = tuple[int | str, ...]
#: Maps a file's raw data and an error location to (entry name, location inside the entry).
EntryOf = Callable[[dict[str, Any]], str]
Add = Callable[[str, str], None]


class _Problems(Problems):
    """The shared problem list, with the plan files' entry labels ("plan 'heel'") and field paths."""

    def add_at(self, file: str, entry: str | None, field: str | None, message: str) -> None:
        """Record one problem at file, entry and field (each optional but the file)."""
        self.add(": ".join(part for part in (file, entry, field) if part), message)

    def adder(self, file: str, entry: str) -> Add:
        """``add(field, message)`` for one entry of one file."""
        return lambda field, message: self.add_at(file, entry, field, message)


def load_plan_library(knowledge_dir: Path | None = None) -> p.PlanLibrary:
    """Read and check every exercise and plan file under ``knowledge_dir`` (default: the shipped ones).

    Raises:
        KnowledgeError: listing every problem found, each with file, entry, field and a fix.
    """
    knowledge_dir = knowledge_dir or default_directory()
    problems = _Problems()
    context = {"sources": _read_sources(knowledge_dir, problems)}

    def validate(path: Path, schema: type[_M], entry_of: EntryOf) -> _M | None:
        name = path.relative_to(knowledge_dir).as_posix()
        raw = read_mapping(path, problems, name)
        if raw is None:
            return None
        entry = entry_of(raw)
        return shared_validate(schema, raw, f"{name}: {entry}" if entry else name, problems, context)

    # Ids of files that failed their own checks: references to them are not reported a second time.
    broken: set[str] = set()
    exercises: dict[str, ExerciseIn] = {}
    for path in _files(knowledge_dir / "exercises", "exercise", problems):
        exercise = validate(path, ExerciseIn, _entry("exercise", path))
        if exercise is None:
            broken.add(path.stem)
        else:
            _check_exercise(exercise, path, problems)
            exercises[exercise.id] = exercise

    plan_dir = knowledge_dir / "plans"
    advice_file = validate(plan_dir / "_advice.yaml", AdviceFileIn, lambda _raw: "")
    help_file = validate(plan_dir / "_seek_help.yaml", SeekHelpFileIn, lambda _raw: "")
    rules = validate(plan_dir / "_rules.yaml", RulesIn, lambda _raw: "rules")
    advice = _unique(advice_file.advice, "plans/_advice.yaml", "advice", problems) if advice_file else None
    seek_help = (
        _unique(help_file.seek_help, "plans/_seek_help.yaml", "seek_help", problems) if help_file else None
    )

    plans: dict[str, PlanIn] = {}
    for path in _files(plan_dir, "plan", problems):
        plan = validate(path, PlanIn, _entry("plan", path))
        if plan is None:
            broken.add(path.stem)
        else:
            _check_plan(plan, path, _Refs(exercises, advice, seek_help, plans, broken), problems)
            plans[plan.id] = plan

    if rules is not None:
        _check_rules(rules, _Refs(exercises, advice, seek_help, plans, broken), problems)
    problems.raise_any()
    if rules is None or advice is None or seek_help is None:  # a missing file was reported above
        raise KnowledgeError(problems.items)
    return _to_library(exercises, advice, seek_help, plans, rules)


def _files(folder: Path, kind: str, problems: _Problems) -> list[Path]:
    found = sorted(f for f in folder.glob("*.yaml") if not f.name.startswith("_")) if folder.is_dir() else []
    if not found:
        problems.add_at(
            f"{folder.name}/", None, None, f"has no {kind} files; add one <id>.yaml file per {kind}"
        )
    return found


def _read_sources(knowledge_dir: Path, problems: _Problems) -> frozenset[str] | None:
    known = source_ids(knowledge_dir)
    if not known:
        problems.add_at(
            "sources.yaml", None, "sources", "must be a list of entries, each with an 'id' like ref-1"
        )
        return None
    return known


def _entry(kind: str, path: Path) -> EntryOf:
    """The label of a whole-file entry: "plan 'heel'" (its id, else the file name)."""

    def entry(raw: dict[str, Any]) -> str:
        name = raw.get("id") if isinstance(raw.get("id"), str) else path.stem
        return f"{kind} '{name}'"

    return entry


def _unique(items: list[_Item], file: str, key: str, problems: _Problems) -> dict[str, _Item]:
    found: dict[str, _Item] = {}
    for index, item in enumerate(items):
        if item.id in found:
            problems.add_at(
                file, None, f"{key}[{index}].id", f"repeats the id {item.id!r}. Give each item its own id"
            )
        found[item.id] = item
    return found


# ---------------------------------------------------------------------------------------------- cross-checks


def _check_exercise(model: ExerciseIn, path: Path, problems: _Problems) -> None:
    add = problems.adder(f"exercises/{path.name}", f"exercise '{model.id}'")
    if model.id != path.stem:
        add("id", f"does not match the file name. Rename the file to '{model.id}.yaml' or change the id")
    if model.drawing != f"{model.id}.svg":
        add("drawing", f"must be '{model.id}.svg' (drawings are named after the exercise)")
    elif not (path.parent / model.drawing).is_file():
        add("drawing", f"the file exercises/{model.drawing} does not exist. Draw it, or fix the name")
    _check_weeks([s.weeks for s in model.dosage], "dosage", add)


def _check_weeks(weeks: list[tuple[int, int | None]], key: str, add: Add) -> None:
    """Week ranges must start at week 1 and follow each other without gaps or overlaps."""
    expected = 1
    for index, (first, last) in enumerate(weeks):
        field = f"{key}[{index}].weeks"
        if first != expected:
            before = (
                "the first range must start in week 1"
                if index == 0
                else f"the range before ends in week {expected - 1}"
            )
            add(field, f"starts in week {first}, but {before}. Start it in week {expected}")
        if last is None:
            if index != len(weeks) - 1:
                add(field, "is open-ended, but only the last range may be. Give its last week")
            return
        expected = last + 1


class _Refs:
    """What may be referred to. None: the file was broken, so its ids are not checked (already reported)."""

    def __init__(
        self,
        exercises: Mapping[str, ExerciseIn],
        advice: Mapping[str, AdviceIn] | None,
        seek_help: Mapping[str, SeekHelpIn] | None,
        plans: Mapping[str, PlanIn],
        broken: set[str],
    ) -> None:
        self.exercises, self.advice, self.seek_help, self.plans = exercises, advice, seek_help, plans
        self.broken = broken


def _check_plan(model: PlanIn, path: Path, refs: _Refs, problems: _Problems) -> None:
    add = problems.adder(f"plans/{path.name}", f"plan '{model.id}'")
    if model.id != path.stem:
        add("id", f"does not match the file name. Rename the file to '{model.id}.yaml' or change the id")
    for index, condition in enumerate(model.conditions):
        field = f"conditions[{index}]"
        if condition not in CONDITION_IDS:
            add(
                field,
                suggest(
                    f"unknown condition {condition!r}. Use an id from the fixed list",
                    condition,
                    CONDITION_IDS,
                ),
            )
        for other in refs.plans.values():
            shared = set(other.audience) & set(model.audience)
            if condition in other.conditions and shared:
                add(
                    field,
                    f"{condition!r} already has the plan '{other.id}' for {', '.join(sorted(shared))}. "
                    "Give each condition one plan per audience",
                )
    for index, advice_id in enumerate(model.advice):
        _check_id(advice_id, refs.advice, "advice item", "plans/_advice.yaml", f"advice[{index}]", add)
    for index, help_id in enumerate(model.seek_help):
        _check_id(
            help_id, refs.seek_help, "seek-help item", "plans/_seek_help.yaml", f"seek_help[{index}]", add
        )
    kinds = {t.kind for t in model.timeline}
    for kind in ("change", "check", "recovery") if model.kind == "full" else ("check",):
        if kind not in kinds:
            add("timeline", f"has no item of kind '{kind}', which a {model.kind} plan needs. Add one")
    if model.kind == "full" and not model.phases:
        add(
            "phases",
            "is empty, but a full plan needs exercises. Add a phase, or make the plan's kind 'short'",
        )
    no_heavy = "child" in model.audience or model.kind == "interim"
    programmes = [("phases", model.phases)]
    programmes += [(f"alternatives[{i}].phases", alt.phases) for i, alt in enumerate(model.alternatives)]
    for key, phases in programmes:
        _check_weeks([phase.weeks for phase in phases], key, add)
        _check_phase_exercises(key, phases, refs, no_heavy, add)


def _check_id(
    item: str, known: Mapping[str, object] | None, kind: str, file: str, field: str, add: Add
) -> None:
    if known is not None and item not in known:
        add(field, suggest(f"unknown {kind} {item!r}. Use an id from {file}", item, known))


def _check_phase_exercises(key: str, phases: list[PhaseIn], refs: _Refs, no_heavy: bool, add: Add) -> None:
    exercises, broken = refs.exercises, refs.broken
    started: dict[str, int] = {}
    for i, phase in enumerate(phases):
        for j, item in enumerate(phase.exercises):
            field = f"{key}[{i}].exercises[{j}].exercise"
            exercise = exercises.get(item.exercise)
            if exercise is None and item.exercise in broken:
                continue
            if exercise is None:
                message = f"unknown exercise {item.exercise!r}. Use the id of a file in exercises/"
                add(field, suggest(message, item.exercise, exercises))
                continue
            if no_heavy and exercise.heavy:
                add(
                    field,
                    f"{item.exercise!r} is a heavy loading programme (heavy: true), which a child's plan "
                    "or the interim plan must not contain. Choose a lighter exercise",
                )
            start = started.setdefault(item.exercise, phase.weeks[0])
            dosed = exercise.dosage[-1].weeks[1]
            needed = (phase.weeks[1] or phase.weeks[0]) - start + 1
            if dosed is not None and needed > dosed:
                add(
                    field,
                    f"{item.exercise!r} has a dose for {dosed} weeks, but this phase runs to its week "
                    f"{needed}. End the phase earlier or extend the exercise's dosage",
                )


def _check_rules(rules: RulesIn, refs: _Refs, problems: _Problems) -> None:
    add = problems.adder("plans/_rules.yaml", "rules")
    plans, advice, seek_help = refs.plans, refs.advice, refs.seek_help

    def plan(field: str, plan_id: str, test: Callable[[PlanIn], bool], need: str) -> None:
        found = plans.get(plan_id)
        if found is None and plan_id in refs.broken:
            return
        if found is None:
            add(field, suggest(f"unknown plan {plan_id!r}. Use the id of a file in plans/", plan_id, plans))
        elif not test(found):
            add(field, f"the plan {plan_id!r} does not fit here. Point at a plan {need}")

    plan(
        "interim.plan",
        rules.interim.plan,
        lambda x: x.kind == "interim" and "adult" in x.audience,
        "of kind 'interim' whose audience includes adult",
    )
    plan(
        "interim.child_plan",
        rules.interim.child_plan,
        lambda x: x.kind == "interim" and "child" in x.audience,
        "of kind 'interim' whose audience includes child",
    )
    plan("child.plan", rules.child.plan, lambda x: "child" in x.audience, "whose audience includes child")
    plan(
        "fallback_plan", rules.fallback_plan, lambda x: "adult" in x.audience, "whose audience includes adult"
    )
    levels = [n.level for n in rules.no_plan]
    for index, level in enumerate(levels):
        if levels.index(level) != index or level in rules.interim.levels:
            add(
                f"no_plan[{index}].level",
                f"{level!r} is listed twice (in no_plan or interim). List each level once",
            )
    _check_id(rules.diabetes.advice, advice, "advice item", "plans/_advice.yaml", "diabetes.advice", add)
    _check_id(
        rules.diabetes.seek_help,
        seek_help,
        "seek-help item",
        "plans/_seek_help.yaml",
        "diabetes.seek_help",
        add,
    )
    for level, advice_id in rules.level_advice.items():
        _check_id(advice_id, advice, "advice item", "plans/_advice.yaml", f"level_advice.{level}", add)
    for adult_id, child_id in rules.child.replace.items():
        field = f"child.replace.{adult_id}"
        if advice is not None and adult_id in advice:
            _check_id(child_id, advice, "advice item", "plans/_advice.yaml", field, add)
        elif seek_help is not None and adult_id in seek_help:
            _check_id(child_id, seek_help, "seek-help item", "plans/_seek_help.yaml", field, add)
        elif advice is not None and seek_help is not None:
            add(
                "child.replace",
                suggest(
                    f"unknown item {adult_id!r}. Use an id from plans/_advice.yaml or plans/_seek_help.yaml",
                    adult_id,
                    [*advice, *seek_help],
                ),
            )
    for advice_id, item in (advice or {}).items():
        if item.only_for is not None and item.only_for not in rules.traits:
            problems.add_at(
                "plans/_advice.yaml",
                f"advice {advice_id!r}",
                "only_for",
                suggest(
                    f"unknown trait {item.only_for!r}. Use a key of traits in plans/_rules.yaml",
                    item.only_for,
                    rules.traits,
                ),
            )
    for name, needed in LABEL_PLACEHOLDERS.items():
        label: TextIn = getattr(rules.labels, name)
        for lang in ("da", "en"):
            used = {f for _, f, _, _ in string.Formatter().parse(getattr(label, lang)) if f}
            if used != needed:
                shown = ", ".join("{" + n + "}" for n in sorted(needed))
                add(f"labels.{name}.{lang}", f"must use exactly the placeholders {shown}. Fix the text")


# ------------------------------------------------------------------------------------------------ conversion


def _text(t: TextIn) -> Text:
    return Text(t.da, t.en)


def _maybe(t: TextIn | None) -> Text | None:
    return None if t is None else Text(t.da, t.en)


def _lines(t: LinesIn) -> p.TextLines:
    return p.TextLines(tuple(t.da), tuple(t.en))


def _amount(a: tuple[int, int] | None) -> p.Amount | None:
    return None if a is None else p.Amount(*a)


def _part(part: PartIn) -> p.DosePart:
    tempo = part.tempo
    return p.DosePart(
        label=_maybe(part.label),
        sets=_amount(part.sets),
        reps=_amount(part.reps),
        repetition_maximum=part.rm,
        hold_seconds=_amount(part.hold_seconds),
        minutes=_amount(part.minutes),
        tempo=None if tempo is None else p.Tempo(tempo.up, tempo.hold, tempo.down),
    )


def _exercise(e: ExerciseIn) -> p.Exercise:
    stages = tuple(
        p.DoseStage(
            weeks=p.WeekRange(*s.weeks),
            parts=tuple(_part(x) for x in s.part_list()),
            sources=tuple(s.sources),
            title=_maybe(s.title),
            per_day=_amount(s.per_day),
            days_per_week=_amount(s.days_per_week),
            every_other_day=s.every_other_day,
            rest_minutes=_amount(s.rest_minutes),
            load=_maybe(s.load),
            note=_maybe(s.note),
        )
        for s in e.dosage
    )
    return p.Exercise(
        id=e.id,
        name=_text(e.name),
        summary=_text(e.summary),
        steps=_lines(e.steps),
        dosage=stages,
        feel=_text(e.feel),
        stop_if=_lines(e.stop_if),
        drawing=e.drawing,
        sources=tuple(e.sources),
        heavy=e.heavy,
        avoid_if_numbness=e.avoid_if_numbness,
        pain_monitoring=e.pain_monitoring,
        equipment=_maybe(e.equipment),
    )


def _phases(phases: list[PhaseIn]) -> tuple[p.PhaseTemplate, ...]:
    return tuple(
        p.PhaseTemplate(
            id=ph.id,
            title=_text(ph.title),
            goal=_text(ph.goal),
            weeks=p.WeekRange(*ph.weeks),
            exercises=tuple(
                p.PlanExercise(x.exercise, tuple(x.sources), x.optional, _maybe(x.note)) for x in ph.exercises
            ),
            sources=tuple(ph.sources),
        )
        for ph in phases
    )


def _plan(m: PlanIn) -> p.PlanTemplate:
    # Timeline items are shown in time order; items without weeks (long-term outlook) come last.
    timeline = sorted(m.timeline, key=lambda t: t.weeks[0] if t.weeks else 10**6)
    return p.PlanTemplate(
        id=m.id,
        kind=m.kind,
        audience=tuple(m.audience),
        conditions=tuple(m.conditions),
        title=_text(m.title),
        intro=_text(m.intro),
        advice=tuple(m.advice),
        phases=_phases(m.phases),
        alternatives=tuple(
            p.AlternativeTemplate(a.id, _text(a.title), _text(a.text), _phases(a.phases), tuple(a.sources))
            for a in m.alternatives
        ),
        timeline=tuple(
            p.TimelineItem(
                t.id,
                t.kind,
                _text(t.when),
                _text(t.text),
                tuple(t.sources),
                None if t.weeks is None else p.WeekRange(*t.weeks),
            )
            for t in timeline
        ),
        seek_help=tuple(m.seek_help),
        sources=tuple(m.sources),
    )


def _rules(rules: RulesIn) -> p.PlanRules:
    pm = rules.pain_monitoring
    return p.PlanRules(
        no_plan=tuple(
            p.NoPlanReason(n.level, _text(n.title), _text(n.reason), tuple(n.sources)) for n in rules.no_plan
        ),
        interim_levels=tuple(rules.interim.levels),
        interim_plan=rules.interim.plan,
        interim_child_plan=rules.interim.child_plan,
        child_below_age=rules.child.below_age,
        child_plan=rules.child.plan,
        child_replace=types.MappingProxyType(dict(rules.child.replace)),
        traits=types.MappingProxyType(
            {k: p.Trait(k, t.fact, tuple(t.values)) for k, t in rules.traits.items()}
        ),
        fallback_plan=rules.fallback_plan,
        diabetes_advice=rules.diabetes.advice,
        diabetes_seek_help=rules.diabetes.seek_help,
        level_advice=types.MappingProxyType({str(k): v for k, v in rules.level_advice.items()}),
        pain_monitoring=p.PainMonitoring(
            _text(pm.title),
            tuple(p.PainZone(z.low, z.high, _text(z.label)) for z in pm.zones),
            _lines(pm.rules),
            tuple(pm.sources),
        ),
        labels=p.PlanLabels(
            **{
                name: _text(getattr(rules.labels, name))
                for name in LabelsIn.model_fields
                if name != "seek_levels"
            },
            seek_levels=types.MappingProxyType(
                {
                    level: _text(getattr(rules.labels.seek_levels, level))
                    for level in SeekLevelsIn.model_fields
                }
            ),
        ),
        sources=tuple(rules.sources),
    )


def _to_library(
    exercises: Mapping[str, ExerciseIn],
    advice: Mapping[str, AdviceIn],
    seek_help: Mapping[str, SeekHelpIn],
    plans: Mapping[str, PlanIn],
    rules: RulesIn,
) -> p.PlanLibrary:
    return p.PlanLibrary(
        exercises=types.MappingProxyType({k: _exercise(v) for k, v in exercises.items()}),
        advice=types.MappingProxyType(
            {
                k: p.AdviceItem(
                    k,
                    _text(a.title),
                    _text(a.text),
                    tuple(a.sources),
                    a.avoid_if_numbness,
                    a.pain_monitoring,
                    a.only_for,
                )
                for k, a in advice.items()
            }
        ),
        seek_help=types.MappingProxyType(
            {k: p.SeekHelpItem(k, s.level, _text(s.text), tuple(s.sources)) for k, s in seek_help.items()}
        ),
        plans=types.MappingProxyType({k: _plan(v) for k, v in plans.items()}),
        rules=_rules(rules),
    )


__all__ = ["CONDITION_IDS", "default_directory", "load_plan_library"]

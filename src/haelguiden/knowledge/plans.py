"""Load the self-care plan library: exercises, plans, shared advice, "seek help" items and selection rules.

Layout of a knowledge directory (``src/haelguiden/knowledge_base/`` ships with the package)::

    sources.yaml            the bibliography: ``sources: [{id: ref-1, ...}, ...]``
    exercises/<id>.yaml     one exercise per file, with its drawing exercises/<id>.svg
    plans/<id>.yaml         one plan per file
    plans/_advice.yaml      advice items shared by plans (``advice: [...]``)
    plans/_seek_help.yaml   "stop and get help if" items shared by plans (``seek_help: [...]``)
    plans/_rules.yaml       which plan a person gets, the pain-monitoring model, headings and dose wording

Every file is checked against a strict schema (unknown fields are errors), then across files (ids that
must exist, week ranges that must join up, heavy exercises kept out of children's plans). All problems
are collected and raised together as one ``KnowledgeError``; each names the file, the entry and the field,
says what is wrong and how to fix it, and suggests a spelling for unknown ids. Every clinical item cites
``ref-N`` ids from sources.yaml or ``estimate``.
"""

from __future__ import annotations

import string
import types
import typing
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from haelguiden.engine import plan as p
from haelguiden.engine.model import Text, TriageLevel
from haelguiden.engine.suggest import did_you_mean
from haelguiden.errors import KnowledgeError

ESTIMATE = "estimate"

#: The fixed vocabulary of condition ids (docs/helpers-brief.md).
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

#: The placeholders each dose-wording label must use, in both languages.
LABEL_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    "week": frozenset({"n"}),
    "weeks": frozenset({"first", "last"}),
    "weeks_from": frozenset({"first"}),
    "sets_reps": frozenset({"sets", "reps"}),
    "reps": frozenset({"reps"}),
    "repetition_maximum": frozenset({"reps"}),
    "hold": frozenset({"seconds"}),
    "minutes": frozenset({"minutes"}),
    "tempo": frozenset({"up", "top", "down"}),
    "tempo_no_hold": frozenset({"up", "down"}),
    "per_day": frozenset({"n"}),
    "days_per_week": frozenset({"n"}),
    "rest": frozenset({"minutes"}),
}


# ------------------------------------------------------------------------------------------------ loading


class _Problems:
    """Collects problems; each is one complete sentence naming file, entry and field."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, file: str, entry: str | None, field: str | None, message: str) -> None:
        where = file + (f": {entry}" if entry else "") + (f", field '{field}'" if field else "")
        text = message if message.endswith((".", "?")) else message + "."
        self.items.append(f"{where}: {text}")


def load_plan_library(knowledge_dir: Path) -> p.PlanLibrary:
    """Read and check every exercise and plan file under ``knowledge_dir``.

    Raises:
        KnowledgeError: listing every problem found, each with file, entry, field and a fix.
    """
    problems = _Problems()
    sources = _read_sources(knowledge_dir, problems)
    context = {"sources": sources}

    exercises: dict[str, ExerciseIn] = {}
    exercise_dir = knowledge_dir / "exercises"
    exercise_files = sorted(exercise_dir.glob("*.yaml")) if exercise_dir.is_dir() else []
    if not exercise_files:
        problems.add("exercises/", None, None, "has no exercise files. Add one <id>.yaml file per exercise")
    for path in exercise_files:
        model = _validate(path, knowledge_dir, ExerciseIn, context, problems, _entry("exercise", path))
        if model is not None:
            _check_exercise(model, path, knowledge_dir, problems)
            exercises[model.id] = model

    plan_dir = knowledge_dir / "plans"
    advice_file = _validate(
        plan_dir / "_advice.yaml",
        knowledge_dir,
        AdviceFileIn,
        context,
        problems,
        _list_entry("advice", "advice"),
    )
    help_file = _validate(
        plan_dir / "_seek_help.yaml",
        knowledge_dir,
        SeekHelpFileIn,
        context,
        problems,
        _list_entry("seek_help", "seek-help item"),
    )
    rules = _validate(
        plan_dir / "_rules.yaml", knowledge_dir, RulesIn, context, problems, lambda _r, loc: ("rules", loc)
    )
    advice = _unique(advice_file.advice if advice_file else [], "plans/_advice.yaml", "advice", problems)
    seek_help = _unique(
        help_file.seek_help if help_file else [], "plans/_seek_help.yaml", "seek_help", problems
    )

    plans: dict[str, PlanIn] = {}
    plan_files = (
        sorted(f for f in plan_dir.glob("*.yaml") if not f.name.startswith("_")) if plan_dir.is_dir() else []
    )
    if not plan_files:
        problems.add("plans/", None, None, "has no plan files. Add one <id>.yaml file per plan")
    for path in plan_files:
        model = _validate(path, knowledge_dir, PlanIn, context, problems, _entry("plan", path))
        if model is not None:
            refs = _Refs(exercises, advice, seek_help)
            _check_plan(model, path, knowledge_dir, refs, plans, problems)
            plans[model.id] = model

    if rules is not None:
        _check_rules(rules, plans, advice, seek_help, problems)
    if problems.items or rules is None:
        raise KnowledgeError(problems.items)
    return _to_library(exercises, advice, seek_help, plans, rules)


def _read_sources(knowledge_dir: Path, problems: _Problems) -> frozenset[str] | None:
    path = knowledge_dir / "sources.yaml"
    data = _read_yaml(path, knowledge_dir, problems)
    if data is None:
        return None
    entries = data.get("sources") if isinstance(data, dict) else None
    ids = [e.get("id") for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []
    if not ids or not all(isinstance(i, str) for i in ids):
        problems.add(
            "sources.yaml", None, "sources", "must be a list of entries, each with an 'id' like ref-1"
        )
        return None
    return frozenset(typing.cast(list[str], ids))


def _read_yaml(path: Path, knowledge_dir: Path, problems: _Problems) -> Any:
    name = _rel(path, knowledge_dir)
    if not path.is_file():
        problems.add(name, None, None, "is missing. Create it")
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        problems.add(name, None, None, f"could not be read as YAML{at} ({problem}). Fix the YAML syntax")
        return None
    except UnicodeDecodeError:
        problems.add(name, None, None, "is not UTF-8 text. Save it as UTF-8")
        return None
    if not isinstance(data, dict):
        problems.add(
            name, None, None, "must be a mapping of fields (key: value lines). Check the file's layout"
        )
        return None
    return data


_M = typing.TypeVar("_M", bound=BaseModel)
_Item = typing.TypeVar("_Item", AdviceIn, SeekHelpIn)

EntryOf = typing.Callable[[dict[str, Any], tuple[int | str, ...]], tuple[str, tuple[int | str, ...]]]


def _entry(kind: str, path: Path) -> EntryOf:
    def entry(raw: dict[str, Any], loc: tuple[int | str, ...]) -> tuple[str, tuple[int | str, ...]]:
        name = raw.get("id") if isinstance(raw.get("id"), str) else path.stem
        return f"{kind} '{name}'", loc

    return entry


def _list_entry(key: str, kind: str) -> EntryOf:
    def entry(raw: dict[str, Any], loc: tuple[int | str, ...]) -> tuple[str, tuple[int | str, ...]]:
        if len(loc) >= 2 and loc[0] == key and isinstance(loc[1], int):
            items = raw.get(key)
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            name = item.get("id") if isinstance(item, dict) else None
            label = f"{kind} '{name}'" if isinstance(name, str) else f"{kind} #{loc[1] + 1}"
            return label, loc[2:]
        return key, loc

    return entry


def _validate(
    path: Path,
    knowledge_dir: Path,
    schema: type[_M],
    context: dict[str, Any],
    problems: _Problems,
    entry_of: EntryOf,
) -> _M | None:
    raw = _read_yaml(path, knowledge_dir, problems)
    if raw is None:
        return None
    try:
        return schema.model_validate(raw, context=context)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            entry, loc = entry_of(raw, tuple(detail["loc"]))
            problems.add(_rel(path, knowledge_dir), entry, _path(loc) or None, _describe(schema, detail, loc))
        return None


def _describe(schema: type[BaseModel], detail: Any, loc: tuple[int | str, ...]) -> str:
    kind = detail["type"]
    if kind == "missing":
        return "is missing. Add it"
    if kind == "extra_forbidden":
        known = _fields_at(schema, tuple(detail["loc"])[:-1])
        return _suggest("is not a known field. Remove it or fix its spelling", str(loc[-1]), known)
    message = str(detail["msg"])
    if kind in ("value_error", "assertion_error"):
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    message = message.removeprefix("Input ")
    shown = repr(detail.get("input"))
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    if kind in ("model_type", "dict_type"):
        return f"should be a mapping of fields (key: value lines), not {shown}. Fix the value"
    return f"{message}, not {shown}. Fix the value"


def _fields_at(schema: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model found by following ``loc`` from ``schema`` (for "did you mean")."""
    model: type[BaseModel] | None = schema
    for part in loc:
        if model is None:
            return []
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        model = _model_in(field.annotation) if field is not None else None
    return list(model.model_fields) if model is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _path(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _rel(path: Path, knowledge_dir: Path) -> str:
    try:
        return path.relative_to(knowledge_dir).as_posix()
    except ValueError:
        return path.as_posix()


def _unique(items: list[_Item], file: str, key: str, problems: _Problems) -> dict[str, _Item]:
    found: dict[str, _Item] = {}
    for index, item in enumerate(items):
        if item.id in found:
            problems.add(
                file, None, f"{key}[{index}].id", f"repeats the id {item.id!r}. Give every item its own id"
            )
        found[item.id] = item
    return found


# ---------------------------------------------------------------------------------------- cross-checks


def _check_exercise(model: ExerciseIn, path: Path, knowledge_dir: Path, problems: _Problems) -> None:
    file, entry = _rel(path, knowledge_dir), f"exercise '{model.id}'"
    if model.id != path.stem:
        problems.add(
            file,
            entry,
            "id",
            f"does not match the file name. Rename the file to '{model.id}.yaml' or change the id",
        )
    if model.drawing != f"{model.id}.svg":
        problems.add(
            file, entry, "drawing", f"must be '{model.id}.svg' (drawings are named after the exercise)"
        )
    elif not (path.parent / model.drawing).is_file():
        problems.add(
            file,
            entry,
            "drawing",
            f"the file exercises/{model.drawing} does not exist. Draw it, or fix the name",
        )
    _check_stages([s.weeks for s in model.dosage], "dosage", file, entry, problems)


def _check_stages(
    weeks: list[tuple[int, int | None]], key: str, file: str, entry: str, problems: _Problems
) -> None:
    """Week ranges must start at week 1 and follow each other without gaps or overlaps."""
    expected = 1
    for index, (first, last) in enumerate(weeks):
        field = f"{key}[{index}].weeks"
        if first != expected:
            what = (
                "the first one must start in week 1"
                if index == 0
                else f"the one before ends in week {expected - 1}"
            )
            problems.add(
                file, entry, field, f"starts in week {first}, but {what}. Start it in week {expected}"
            )
        if last is None:
            if index != len(weeks) - 1:
                problems.add(
                    file, entry, field, "is open-ended, but only the last range may be. Give its last week"
                )
            return
        expected = last + 1


class _Refs:
    """The ids a plan may refer to."""

    def __init__(
        self,
        exercises: Mapping[str, ExerciseIn],
        advice: Mapping[str, AdviceIn],
        seek_help: Mapping[str, SeekHelpIn],
    ) -> None:
        self.exercises = exercises
        self.advice = advice
        self.seek_help = seek_help


def _check_plan(
    model: PlanIn,
    path: Path,
    knowledge_dir: Path,
    refs: _Refs,
    earlier: Mapping[str, PlanIn],
    problems: _Problems,
) -> None:
    file, entry = _rel(path, knowledge_dir), f"plan '{model.id}'"

    def add(field: str, message: str) -> None:
        problems.add(file, entry, field, message)

    if model.id != path.stem:
        add("id", f"does not match the file name. Rename the file to '{model.id}.yaml' or change the id")
    for index, condition in enumerate(model.conditions):
        if condition not in CONDITION_IDS:
            add(
                f"conditions[{index}]",
                _suggest(
                    f"unknown condition {condition!r}. Use an id from the fixed list",
                    condition,
                    CONDITION_IDS,
                ),
            )
        for other in earlier.values():
            if condition in other.conditions:
                add(
                    f"conditions[{index}]",
                    f"{condition!r} already has the plan '{other.id}'. Give each condition one plan",
                )
    _check_ids(model.advice, refs.advice, "advice", "advice item", "plans/_advice.yaml", add)
    _check_ids(model.seek_help, refs.seek_help, "seek_help", "seek-help item", "plans/_seek_help.yaml", add)
    kinds = {t.kind for t in model.timeline}
    needed = ("change", "check", "recovery") if model.kind == "full" else ("check",)
    for kind in needed:
        if kind not in kinds:
            add("timeline", f"has no item of kind '{kind}', which a {model.kind} plan needs. Add one")
    if model.kind == "full" and not model.phases:
        add("phases", "is empty, but a full plan needs exercises. Add a phase, or make the plan kind 'short'")
    no_heavy = "child" in model.audience or model.kind == "interim"
    programmes = [("phases", model.phases)] + [
        (f"alternatives[{i}].phases", alt.phases) for i, alt in enumerate(model.alternatives)
    ]
    for key, phases in programmes:
        _check_stages([ph.weeks for ph in phases], key, file, entry, problems)
        _check_phase_exercises(key, phases, refs.exercises, no_heavy, add)


def _check_ids(
    ids: list[str],
    known: Mapping[str, object],
    key: str,
    kind: str,
    file: str,
    add: typing.Callable[[str, str], None],
) -> None:
    for index, item in enumerate(ids):
        if item not in known:
            add(f"{key}[{index}]", _suggest(f"unknown {kind} {item!r}. Use an id from {file}", item, known))


def _check_phase_exercises(
    key: str,
    phases: list[PhaseIn],
    exercises: Mapping[str, ExerciseIn],
    no_heavy: bool,
    add: typing.Callable[[str, str], None],
) -> None:
    started: dict[str, int] = {}
    for i, phase in enumerate(phases):
        for j, item in enumerate(phase.exercises):
            field = f"{key}[{i}].exercises[{j}].exercise"
            exercise = exercises.get(item.exercise)
            if exercise is None:
                message = f"unknown exercise {item.exercise!r}. Use the id of a file in exercises/"
                add(field, _suggest(message, item.exercise, exercises))
                continue
            start = started.setdefault(item.exercise, phase.weeks[0])
            if no_heavy and exercise.heavy:
                add(
                    field,
                    f"{item.exercise!r} is a heavy loading programme (heavy: true), which a child's plan or "
                    "the interim plan must not contain. Choose a lighter exercise",
                )
            last_stage = exercise.dosage[-1].weeks[1]
            needed = (phase.weeks[1] or phase.weeks[0]) - start + 1
            if last_stage is not None and needed > last_stage:
                add(
                    field,
                    f"{item.exercise!r} has a dose for {last_stage} weeks, but this phase runs to its week "
                    f"{needed}. End the phase earlier or extend the exercise's dosage",
                )


def _check_rules(
    rules: RulesIn,
    plans: Mapping[str, PlanIn],
    advice: Mapping[str, AdviceIn],
    seek_help: Mapping[str, SeekHelpIn],
    problems: _Problems,
) -> None:
    file = "plans/_rules.yaml"

    def add(field: str, message: str) -> None:
        problems.add(file, "rules", field, message)

    def plan(field: str, plan_id: str) -> PlanIn | None:
        found = plans.get(plan_id)
        if found is None:
            add(field, _suggest(f"unknown plan {plan_id!r}. Use the id of a file in plans/", plan_id, plans))
        return found

    interim = plan("interim.plan", rules.interim.plan)
    if interim is not None and interim.kind != "interim":
        add(
            "interim.plan",
            f"the plan {interim.id!r} has kind {interim.kind!r}. Point at a plan of kind 'interim'",
        )
    child = plan("child.plan", rules.child.plan)
    if child is not None and "child" not in child.audience:
        add(
            "child.plan",
            f"the plan {child.id!r} is not for children. Point at a plan whose audience includes child",
        )
    fallback = plan("fallback_plan", rules.fallback_plan)
    if fallback is not None and "adult" not in fallback.audience:
        add(
            "fallback_plan",
            f"the plan {fallback.id!r} is not for adults. Point at a plan whose audience includes adult",
        )
    levels = [n.level for n in rules.no_plan]
    for index, level in enumerate(levels):
        if levels.index(level) != index or level in rules.interim.levels:
            add(
                f"no_plan[{index}].level",
                f"{level!r} is listed twice (in no_plan or interim). List each level once",
            )
    _check_ids(
        [rules.diabetes.advice],
        advice,
        "diabetes.advice",
        "advice item",
        "plans/_advice.yaml",
        lambda _f, m: add("diabetes.advice", m),
    )
    _check_ids(
        [rules.diabetes.seek_help],
        seek_help,
        "diabetes.seek_help",
        "seek-help item",
        "plans/_seek_help.yaml",
        lambda _f, m: add("diabetes.seek_help", m),
    )
    for level, advice_id in rules.level_advice.items():
        _check_ids(
            [advice_id],
            advice,
            f"level_advice.{level}",
            "advice item",
            "plans/_advice.yaml",
            lambda _f, m, level=level: add(f"level_advice.{level}", m),
        )
    for name, needed in LABEL_PLACEHOLDERS.items():
        text: TextIn = getattr(rules.labels, name)
        for lang in ("da", "en"):
            used = {f for _, f, _, _ in string.Formatter().parse(getattr(text, lang)) if f}
            if used != needed:
                shown = ", ".join("{" + n + "}" for n in sorted(needed))
                add(f"labels.{name}.{lang}", f"must use exactly the placeholders {shown}. Fix the text")


# ------------------------------------------------------------------------------------------- conversion


def _text(t: TextIn) -> Text:
    return Text(t.da, t.en)


def _opt_text(t: TextIn | None) -> Text | None:
    return None if t is None else _text(t)


def _lines(t: LinesIn) -> p.TextLines:
    return p.TextLines(tuple(t.da), tuple(t.en))


def _amt(a: tuple[int, int] | None) -> p.Amount | None:
    return None if a is None else p.Amount(*a)


def _week_range(w: tuple[int, int | None]) -> p.WeekRange:
    return p.WeekRange(w[0], w[1])


def _part(part: PartIn) -> p.DosePart:
    return p.DosePart(
        label=_opt_text(part.label),
        sets=_amt(part.sets),
        reps=_amt(part.reps),
        repetition_maximum=part.rm,
        hold_seconds=_amt(part.hold_seconds),
        minutes=_amt(part.minutes),
        tempo=None if part.tempo is None else p.Tempo(part.tempo.up, part.tempo.hold, part.tempo.down),
    )


def _exercise(e: ExerciseIn) -> p.Exercise:
    return p.Exercise(
        id=e.id,
        name=_text(e.name),
        summary=_text(e.summary),
        steps=_lines(e.steps),
        dosage=tuple(
            p.DoseStage(
                weeks=_week_range(s.weeks),
                parts=tuple(_part(x) for x in s.part_list()),
                sources=tuple(s.sources),
                title=_opt_text(s.title),
                per_day=_amt(s.per_day),
                days_per_week=_amt(s.days_per_week),
                every_other_day=s.every_other_day,
                rest_minutes=_amt(s.rest_minutes),
                load=_opt_text(s.load),
                note=_opt_text(s.note),
            )
            for s in e.dosage
        ),
        feel=_text(e.feel),
        stop_if=_lines(e.stop_if),
        drawing=e.drawing,
        sources=tuple(e.sources),
        heavy=e.heavy,
        avoid_if_numbness=e.avoid_if_numbness,
        pain_monitoring=e.pain_monitoring,
        equipment=_opt_text(e.equipment),
    )


def _phase(ph: PhaseIn) -> p.PhaseTemplate:
    return p.PhaseTemplate(
        id=ph.id,
        title=_text(ph.title),
        goal=_text(ph.goal),
        weeks=_week_range(ph.weeks),
        exercises=tuple(
            p.PlanExercise(x.exercise, tuple(x.sources), x.optional, _opt_text(x.note)) for x in ph.exercises
        ),
        sources=tuple(ph.sources),
    )


def _plan(m: PlanIn) -> p.PlanTemplate:
    timeline = sorted(m.timeline, key=lambda t: t.weeks[0] if t.weeks else 10**6)
    return p.PlanTemplate(
        id=m.id,
        kind=m.kind,
        audience=tuple(m.audience),
        conditions=tuple(m.conditions),
        title=_text(m.title),
        intro=_text(m.intro),
        advice=tuple(m.advice),
        phases=tuple(_phase(ph) for ph in m.phases),
        alternatives=tuple(
            p.AlternativeTemplate(
                a.id, _text(a.title), _text(a.text), tuple(_phase(ph) for ph in a.phases), tuple(a.sources)
            )
            for a in m.alternatives
        ),
        timeline=tuple(
            p.TimelineItem(
                t.id,
                t.kind,
                _text(t.when),
                _text(t.text),
                tuple(t.sources),
                None if t.weeks is None else _week_range(t.weeks),
            )
            for t in timeline
        ),
        seek_help=tuple(m.seek_help),
        sources=tuple(m.sources),
    )


def _to_library(
    exercises: Mapping[str, ExerciseIn],
    advice: Mapping[str, AdviceIn],
    seek_help: Mapping[str, SeekHelpIn],
    plans: Mapping[str, PlanIn],
    rules: RulesIn,
) -> p.PlanLibrary:
    pm = rules.pain_monitoring
    level_advice: dict[str, str] = {str(k): v for k, v in rules.level_advice.items()}
    return p.PlanLibrary(
        exercises=types.MappingProxyType({k: _exercise(v) for k, v in exercises.items()}),
        advice=types.MappingProxyType(
            {
                k: p.AdviceItem(
                    k, _text(a.title), _text(a.text), tuple(a.sources), a.avoid_if_numbness, a.pain_monitoring
                )
                for k, a in advice.items()
            }
        ),
        seek_help=types.MappingProxyType(
            {
                k: p.SeekHelpItem(k, typing.cast(TriageLevel, s.level), _text(s.text), tuple(s.sources))
                for k, s in seek_help.items()
            }
        ),
        plans=types.MappingProxyType({k: _plan(v) for k, v in plans.items()}),
        rules=p.PlanRules(
            no_plan=tuple(
                p.NoPlanReason(n.level, _text(n.title), _text(n.reason), tuple(n.sources))
                for n in rules.no_plan
            ),
            interim_levels=tuple(rules.interim.levels),
            interim_plan=rules.interim.plan,
            child_below_age=rules.child.below_age,
            child_plan=rules.child.plan,
            fallback_plan=rules.fallback_plan,
            diabetes_advice=rules.diabetes.advice,
            diabetes_seek_help=rules.diabetes.seek_help,
            level_advice=types.MappingProxyType(level_advice),
            pain_monitoring=p.PainMonitoring(
                _text(pm.title),
                tuple(p.PainZone(z.low, z.high, _text(z.label)) for z in pm.zones),
                _lines(pm.rules),
                tuple(pm.sources),
            ),
            labels=p.PlanLabels(
                **{name: _text(getattr(rules.labels, name)) for name in LabelsIn.model_fields}
            ),
            sources=tuple(rules.sources),
        ),
    )


__all__ = ["CONDITION_IDS", "ESTIMATE", "load_plan_library"]

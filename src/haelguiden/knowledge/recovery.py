"""Load ``recovery.yaml`` (the pain-diary recovery rules) into ``engine.recovery.RecoveryRules``.

The file is checked with a strict pydantic schema (``extra="forbid"``) and then for what a schema cannot
say: every source id exists in ``sources.yaml`` (or is ``estimate``), every reason and outcome has a text,
and every text uses only the placeholders it can be given. All problems are collected and raised together
as one :class:`~haelguiden.errors.KnowledgeError`; each names the file, the entry and the field.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from haelguiden.engine.model import Text
from haelguiden.engine.recovery import (
    OUTCOMES,
    PLACEHOLDERS,
    REASON_IDS,
    REASONS_WITHOUT_NUMBERS,
    Measure,
    Outcome,
    PainMeasure,
    ReasonId,
    RecoveryRules,
)
from haelguiden.engine.suggest import did_you_mean
from haelguiden.errors import KnowledgeError

FILE_NAME = "recovery.yaml"
SOURCES_FILE_NAME = "sources.yaml"
ESTIMATE = "estimate"

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
SourceId = Annotated[str, StringConstraints(pattern=r"^(ref-[0-9]+|estimate)$")]
Sources = Annotated[list[SourceId], Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class _Text(_Strict):
    da: NonEmpty
    en: NonEmpty


class _Mcid(_Strict):
    points: Annotated[int, Field(ge=1, le=10)]
    percent: Annotated[float, Field(gt=0, lt=100)]
    sources: Sources
    note: str | None = None


class _Review(_Strict):
    after_weeks: Annotated[int, Field(ge=1, le=52)]
    sources: Sources
    note: str | None = None


class _Checkins(_Strict):
    weeks: Annotated[list[Annotated[int, Field(ge=1, le=52)]], Field(min_length=1)]
    sources: Sources
    note: str | None = None


class _Worsening(_Strict):
    points: Annotated[int, Field(ge=1, le=10)]
    consecutive_entries: Annotated[int, Field(ge=1, le=10)]
    sources: Sources
    note: str | None = None


class _LowPain(_Strict):
    max: Annotated[int, Field(ge=0, le=10)]
    sources: Sources
    note: str | None = None


class _Measure(_Strict):
    id: PainMeasure
    label: _Text


class _Measures(_Strict):
    order: Annotated[list[_Measure], Field(min_length=1)]
    sources: Sources
    note: str | None = None


class _Outcome(_Strict):
    text: _Text
    sources: Sources


class _RecoveryFile(_Strict):
    mcid: _Mcid
    review: _Review
    checkins: _Checkins
    worsening: _Worsening
    low_pain: _LowPain
    measures: _Measures
    outcomes: dict[str, _Outcome]
    reasons: dict[str, _Text]


def load_recovery_rules(knowledge_dir: Path | None = None) -> RecoveryRules:
    """Read and check ``recovery.yaml`` from ``knowledge_dir`` (default: the packaged knowledge base).

    Source ids are checked against ``sources.yaml`` in the same folder.

    Raises:
        KnowledgeError: with every problem found, each naming the file, the entry and the field.
    """
    folder: Traversable = knowledge_dir if knowledge_dir is not None else _packaged_dir()
    path = folder / FILE_NAME
    shown = str(knowledge_dir / FILE_NAME) if knowledge_dir is not None else f"knowledge_base/{FILE_NAME}"
    raw = _read_yaml(path, shown)
    known_sources = _source_ids(folder / SOURCES_FILE_NAME, shown)
    return parse_recovery_rules(raw, known_sources=known_sources, file_name=shown)


def parse_recovery_rules(
    raw: object, *, known_sources: Iterable[str] | None = None, file_name: str = FILE_NAME
) -> RecoveryRules:
    """Check already-parsed YAML data and build the rules (``known_sources=None`` skips the id check).

    Raises:
        KnowledgeError: with every problem found.
    """
    if not isinstance(raw, Mapping):
        raise KnowledgeError([f"{file_name}: the file must be a mapping with the keys {_top_keys()}."])
    try:
        data = _RecoveryFile.model_validate(raw)
    except ValidationError as exc:
        raise KnowledgeError([_describe(file_name, error) for error in exc.errors()]) from None
    problems = _check(data, file_name, None if known_sources is None else set(known_sources))
    if problems:
        raise KnowledgeError(problems)
    return _build(data)


def _packaged_dir() -> Traversable:
    return resources.files("haelguiden") / "knowledge_base"


def _read_yaml(path: Traversable, shown: str) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(
            [f"{shown}: file not found; create it or point KNOWLEDGE_DIR elsewhere."]
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise KnowledgeError([f"{shown}: not valid YAML{where}: {getattr(exc, 'problem', exc)}."]) from None


def _source_ids(path: Traversable, shown: str) -> set[str]:
    raw = _read_yaml(path, str(Path(shown).with_name(SOURCES_FILE_NAME)))
    entries = raw.get("sources") if isinstance(raw, Mapping) else None
    if not isinstance(entries, list):
        raise KnowledgeError([f"{SOURCES_FILE_NAME}: expected a 'sources' list of {{id, citation}} entries."])
    return {str(e["id"]) for e in entries if isinstance(e, Mapping) and "id" in e}


def _top_keys() -> str:
    return ", ".join(_RecoveryFile.model_fields)


def _describe(file_name: str, error: Mapping[str, Any]) -> str:
    loc = tuple(str(part) for part in error["loc"])
    entry = loc[0] if loc else "(top)"
    field = ".".join(loc[1:]) if len(loc) > 1 else None
    where = f"{file_name}: entry '{entry}'" + (f", field '{field}'" if field else "")
    if error["type"] == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        hint = did_you_mean(loc[-1], allowed)
        return f"{where}: unknown key.{hint} Allowed keys here: {', '.join(allowed)}."
    if error["type"] == "missing":
        return f"{where}: is missing; add it."
    if error["type"] == "string_pattern_mismatch" and "sources" in loc:
        return (
            f"{where}: {error.get('input')!r} is not a source id; "
            "write ref-N (see sources.yaml) or 'estimate'."
        )
    return f"{where}: {error['msg']} (got {error.get('input')!r})."


def _allowed_keys(loc: tuple[str, ...]) -> list[str]:
    """The keys the schema allows at ``loc`` (for "did you mean" on an unknown key)."""
    current: Any = _RecoveryFile
    for part in loc:
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(part)
            if field is None:
                return []
            current = field.annotation
        elif get_origin(current) in (list, dict):
            current = get_args(current)[-1]  # a list index or a free dict key (outcome or reason id)
        else:
            return []
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _check(data: _RecoveryFile, file_name: str, known_sources: set[str] | None) -> list[str]:
    problems: list[str] = []

    def at(entry: str, field: str) -> str:
        return f"{file_name}: entry '{entry}', field '{field}'"

    for name, ids in _all_sources(data):
        entry, _, field = name.partition(".")
        for source_id in ids:
            if known_sources is not None and source_id != ESTIMATE and source_id not in known_sources:
                hint = did_you_mean(source_id, sorted(known_sources))
                problems.append(
                    f"{at(entry, field)}: unknown source '{source_id}'.{hint} Use an id from "
                    f"{SOURCES_FILE_NAME} or '{ESTIMATE}'."
                )
        if len(set(ids)) != len(ids):
            problems.append(f"{at(entry, field)}: a source id is listed twice; list each once.")
    weeks = data.checkins.weeks
    if weeks != sorted(set(weeks)):
        problems.append(f"{at('checkins', 'weeks')}: list each week once, in increasing order (got {weeks}).")
    measure_ids = [m.id for m in data.measures.order]
    if len(set(measure_ids)) != len(measure_ids):
        problems.append(f"{at('measures', 'order')}: a measure is listed twice (got {measure_ids}).")
    problems += _check_keys(data.outcomes, OUTCOMES, at, "outcomes")
    problems += _check_keys(data.reasons, REASON_IDS, at, "reasons")
    for reason_id, text in data.reasons.items():
        allowed = ("week", "review_weeks") if reason_id in REASONS_WITHOUT_NUMBERS else PLACEHOLDERS
        for lang in ("da", "en"):
            problems += _check_placeholders(
                getattr(text, lang), allowed, at("reasons", f"{reason_id}.{lang}")
            )
    for outcome_id, outcome in data.outcomes.items():
        for lang in ("da", "en"):
            problems += _check_placeholders(
                getattr(outcome.text, lang), (), at("outcomes", f"{outcome_id}.text.{lang}")
            )
    return problems


def _all_sources(data: _RecoveryFile) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = [
        ("mcid.sources", data.mcid.sources),
        ("review.sources", data.review.sources),
        ("checkins.sources", data.checkins.sources),
        ("worsening.sources", data.worsening.sources),
        ("low_pain.sources", data.low_pain.sources),
        ("measures.sources", data.measures.sources),
    ]
    out += [(f"outcomes.{key}.sources", o.sources) for key, o in data.outcomes.items()]
    return out


def _check_keys(
    found: Mapping[str, object], expected: Iterable[str], at: Callable[[str, str], str], entry: str
) -> list[str]:
    expected = list(expected)
    problems = []
    for key in found:
        if key not in expected:
            hint = did_you_mean(key, expected)
            problems.append(
                f"{at(entry, key)}: unknown {entry[:-1]} id.{hint} Known ids: {', '.join(expected)}."
            )
    for key in expected:
        if key not in found:
            problems.append(
                f"{at(entry, key)}: is missing; add a text for it in Danish (da) and English (en)."
            )
    return problems


def _check_placeholders(text: str, allowed: Iterable[str], where: str) -> list[str]:
    allowed = tuple(allowed)
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as exc:
        return [f"{where}: broken braces ({exc}); write {{{{ and }}}} for literal braces."]
    problems = []
    for name in names:
        if name not in allowed:
            options = ", ".join("{" + a + "}" for a in allowed) if allowed else "none"
            problems.append(
                f"{where}: unknown placeholder '{{{name}}}'. Placeholders allowed here: {options}."
            )
    return problems


def _build(data: _RecoveryFile) -> RecoveryRules:
    def text(t: _Text) -> Text:
        return Text(da=t.da, en=t.en)

    outcomes: dict[Outcome, Text] = {o: text(data.outcomes[o].text) for o in OUTCOMES}
    reasons: dict[ReasonId, Text] = {r: text(data.reasons[r]) for r in REASON_IDS}
    sources: dict[str, tuple[str, ...]] = {
        "mcid": tuple(data.mcid.sources),
        "review": tuple(data.review.sources),
        "checkins": tuple(data.checkins.sources),
        "worsening": tuple(data.worsening.sources),
        "low_pain": tuple(data.low_pain.sources),
        "measures": tuple(data.measures.sources),
    }
    sources |= {o: tuple(data.outcomes[o].sources) for o in OUTCOMES}
    return RecoveryRules(
        mcid_points=data.mcid.points,
        mcid_percent=data.mcid.percent,
        review_after_weeks=data.review.after_weeks,
        checkin_weeks=tuple(data.checkins.weeks),
        worsening_points=data.worsening.points,
        worsening_entries=data.worsening.consecutive_entries,
        low_pain_max=data.low_pain.max,
        measures=tuple(Measure(id=m.id, label=text(m.label)) for m in data.measures.order),
        advice=outcomes,
        reasons=reasons,
        sources=sources,
    )


__all__ = ["FILE_NAME", "load_recovery_rules", "parse_recovery_rules"]

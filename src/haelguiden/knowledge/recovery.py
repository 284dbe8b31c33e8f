"""Load ``recovery.yaml`` (the pain-diary recovery rules) into ``engine.recovery.RecoveryRules``.

The file is checked with a strict pydantic schema (``extra="forbid"``) and then for what a schema cannot
say: every source id exists in ``sources.yaml`` (or is ``estimate``), every reason and outcome has a text,
and every text uses only the placeholders it can be given. All problems are collected and raised together
as one :class:`~haelguiden.errors.KnowledgeError`; each names the file, the entry and the field.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
from haelguiden.knowledge.files import (
    Problems,
    check_sources,
    default_directory,
    read_yaml,
    source_ids,
    validate,
)

FILE_NAME = "recovery.yaml"

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
    folder = knowledge_dir if knowledge_dir is not None else default_directory()
    shown = str(folder / FILE_NAME) if knowledge_dir is not None else f"knowledge_base/{FILE_NAME}"
    problems = Problems()
    raw = read_yaml(folder / FILE_NAME, problems, shown)
    problems.raise_any()
    return parse_recovery_rules(raw, known_sources=source_ids(folder), file_name=shown)


def parse_recovery_rules(
    raw: object, *, known_sources: Iterable[str] | None = None, file_name: str = FILE_NAME
) -> RecoveryRules:
    """Check already-parsed YAML data and build the rules (``known_sources=None`` skips the id check).

    Raises:
        KnowledgeError: with every problem found.
    """
    problems = Problems()
    if not isinstance(raw, Mapping):
        problems.add(
            file_name, f"the file must be a mapping with the keys {', '.join(_RecoveryFile.model_fields)}"
        )
        problems.raise_any()
    data = validate(_RecoveryFile, raw, file_name, problems)
    if data is not None:
        _check(data, file_name, None if known_sources is None else frozenset(known_sources), problems)
    problems.raise_any()
    assert data is not None
    return _build(data)


def _check(
    data: _RecoveryFile, file_name: str, known_sources: frozenset[str] | None, problems: Problems
) -> None:
    def at(entry: str, field: str) -> str:
        return f"{file_name}: {entry}.{field}"

    for name, ids in _all_sources(data):
        entry, _, field = name.partition(".")
        check_sources(at(entry, field), ids, known_sources, problems)
        if len(set(ids)) != len(ids):
            problems.add(at(entry, field), "a source id is listed twice; list each once")
    weeks = data.checkins.weeks
    if weeks != sorted(set(weeks)):
        problems.add(at("checkins", "weeks"), f"list each week once, in increasing order (got {weeks})")
    measure_ids = [m.id for m in data.measures.order]
    if len(set(measure_ids)) != len(measure_ids):
        problems.add(at("measures", "order"), f"a measure is listed twice (got {measure_ids})")
    problems.items += _check_keys(data.outcomes, OUTCOMES, at, "outcomes")
    problems.items += _check_keys(data.reasons, REASON_IDS, at, "reasons")
    for reason_id, text in data.reasons.items():
        allowed = ("week", "review_weeks") if reason_id in REASONS_WITHOUT_NUMBERS else PLACEHOLDERS
        for lang in ("da", "en"):
            problems.items += _check_placeholders(
                getattr(text, lang), allowed, at("reasons", f"{reason_id}.{lang}")
            )
    for outcome_id, outcome in data.outcomes.items():
        for lang in ("da", "en"):
            problems.items += _check_placeholders(
                getattr(outcome.text, lang), (), at("outcomes", f"{outcome_id}.text.{lang}")
            )


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

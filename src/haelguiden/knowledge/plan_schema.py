"""The schema of the plan library's YAML files: strict pydantic models (unknown fields are errors).

Validators raise ``ValueError`` with a message that says what is wrong and how to fix it; the loader in
``haelguiden.knowledge.plans`` adds the file, entry and field. Source ids are checked against the ids in
the validation context (``{"sources": frozenset[str]}``); ``estimate`` is always allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationInfo,
    model_validator,
)

from haelguiden.engine.suggest import did_you_mean

ESTIMATE = "estimate"

Level = Literal["emergency", "urgent", "gp", "professional", "self_care"]

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


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty. Write the text")
    return value


def _snake_id(value: str) -> str:
    if not value or not value.replace("_", "a").isalnum() or not value[0].isalpha() or value != value.lower():
        raise ValueError(
            f"{value!r} is not a valid id. Use lowercase letters, digits and _, like 'calf_stretch'"
        )
    return value


def suggest(message: str, word: str, choices: Iterable[str]) -> str:
    """``message`` with " Did you mean ...?" appended when a choice is close to ``word``."""
    hint = did_you_mean(word, choices)
    return f"{message}.{hint}" if hint else message


def _source_id(value: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("sources")
    if known is not None and value != ESTIMATE and value not in known:
        raise ValueError(
            suggest(
                f"unknown source {value!r}. Use an id from sources.yaml or {ESTIMATE!r}",
                value,
                [*known, ESTIMATE],
            )
        )
    return value


def _amount(value: object) -> object:
    """A positive whole number (3) or a range ([10, 15]) -> (low, high)."""
    hint = "must be a whole number like 3, or a range like [10, 15]"
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 1:
            raise ValueError(f"{hint}, and at least 1; got {value}")
        return (value, value)
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        low, high = value
        if low < 1 or high <= low:
            raise ValueError(f"{hint}; in a range the first number must be at least 1 and below the second")
        return (low, high)
    raise ValueError(f"{hint}; got {value!r}")


def _weeks(value: object) -> object:
    """[first, last] or [first, null] -> (first, last)."""
    hint = "must be [first week, last week], like [1, 6], or [first week, null] for 'and onwards'"
    if not (isinstance(value, list | tuple) and len(value) == 2):
        raise ValueError(f"{hint}; got {value!r}")
    first, last = value
    if not isinstance(first, int) or isinstance(first, bool) or first < 1:
        raise ValueError(f"{hint}; the first week must be a whole number from 1; got {first!r}")
    if last is not None and (not isinstance(last, int) or isinstance(last, bool) or last < first):
        raise ValueError(f"{hint}; the last week must be a whole number not before the first; got {last!r}")
    return (first, last)


NonEmpty = Annotated[StrictStr, AfterValidator(_not_blank)]
Id = Annotated[StrictStr, AfterValidator(_snake_id)]
SourceId = Annotated[StrictStr, AfterValidator(_source_id)]
Sources = Annotated[list[SourceId], Field(min_length=1)]
AmountIn = Annotated[tuple[int, int], BeforeValidator(_amount)]
WeeksIn = Annotated[tuple[int, int | None], BeforeValidator(_weeks)]
Seconds = Annotated[int, Field(strict=True, ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextIn(_Model):
    """A text in Danish and English."""

    da: NonEmpty
    en: NonEmpty


class LinesIn(_Model):
    """A list of lines in Danish and English, the same number in each."""

    da: Annotated[list[NonEmpty], Field(min_length=1)]
    en: Annotated[list[NonEmpty], Field(min_length=1)]

    @model_validator(mode="after")
    def _same_length(self) -> LinesIn:
        if len(self.da) != len(self.en):
            raise ValueError(
                f"has {len(self.da)} Danish and {len(self.en)} English lines. Write each line in both"
            )
        return self


class TempoIn(_Model):
    """Seconds up, held at the top, and down."""

    up: Seconds
    hold: Seconds
    down: Seconds


class PartIn(_Model):
    """One movement of a dose stage."""

    label: TextIn | None = None
    sets: AmountIn | None = None
    reps: AmountIn | None = None
    rm: StrictBool = False
    hold_seconds: AmountIn | None = None
    minutes: AmountIn | None = None
    tempo: TempoIn | None = None

    @model_validator(mode="after")
    def _complete(self) -> PartIn:
        _check_part(self)
        return self


_PART_FIELDS = ("sets", "reps", "rm", "hold_seconds", "minutes", "tempo")


def _check_part(part: PartIn | StageIn) -> None:
    """A movement needs a dose (or at least a label), and sets or rm need reps."""
    label = part.label if isinstance(part, PartIn) else None
    dosed = any(x is not None for x in (part.reps, part.hold_seconds, part.minutes, part.tempo))
    if label is None and not dosed:
        raise ValueError("says nothing. Give reps, hold_seconds or minutes (or a label)")
    if part.sets is not None and part.reps is None:
        raise ValueError("has sets but no reps. Add reps")
    if part.rm and part.reps is None:
        raise ValueError("has rm: true but no reps. Add reps")


class StageIn(_Model):
    """The dose during a range of weeks: one movement (given directly) or several (``parts``)."""

    weeks: WeeksIn
    title: TextIn | None = None
    sets: AmountIn | None = None
    reps: AmountIn | None = None
    rm: StrictBool = False
    hold_seconds: AmountIn | None = None
    minutes: AmountIn | None = None
    tempo: TempoIn | None = None
    parts: Annotated[list[PartIn], Field(min_length=1)] | None = None
    per_day: AmountIn | None = None
    days_per_week: AmountIn | None = None
    every_other_day: StrictBool = False
    rest_minutes: AmountIn | None = None
    load: TextIn | None = None
    note: TextIn | None = None
    sources: Sources

    @model_validator(mode="after")
    def _shape(self) -> StageIn:
        direct = [f for f in _PART_FIELDS if f in self.model_fields_set]
        if self.parts is not None and direct:
            raise ValueError(f"has both parts and {', '.join(direct)}. Move them into the parts")
        if self.parts is None:
            _check_part(self)
        if self.per_day is None and self.days_per_week is None and not self.every_other_day:
            raise ValueError("does not say how often. Add per_day, days_per_week or every_other_day: true")
        if self.every_other_day and self.days_per_week is not None:
            raise ValueError("has both every_other_day and days_per_week. Keep one")
        if self.days_per_week is not None and self.days_per_week[1] > 7:
            raise ValueError("has days_per_week above 7. Use a number from 1 to 7")
        return self

    def part_list(self) -> list[PartIn]:
        """The movements of this stage."""
        if self.parts is not None:
            return self.parts
        return [PartIn.model_construct(**{f: getattr(self, f) for f in _PART_FIELDS})]


class ExerciseIn(_Model):
    """An exercise file."""

    id: Id
    name: TextIn
    summary: TextIn
    equipment: TextIn | None = None
    heavy: StrictBool = False
    avoid_if_numbness: StrictBool = False
    pain_monitoring: StrictBool = False
    steps: LinesIn
    dosage: Annotated[list[StageIn], Field(min_length=1)]
    feel: TextIn
    stop_if: LinesIn
    drawing: NonEmpty
    sources: Sources


class AdviceIn(_Model):
    """A shared advice item."""

    id: Id
    title: TextIn
    text: TextIn
    avoid_if_numbness: StrictBool = False
    pain_monitoring: StrictBool = False
    #: Given only to people with this trait (a key of ``traits`` in _rules.yaml).
    only_for: Id | None = None
    sources: Sources


class SeekHelpIn(_Model):
    """A shared "stop and get help if" item."""

    id: Id
    level: Literal["emergency", "urgent", "gp", "professional"]
    text: TextIn
    sources: Sources


class PlanExerciseIn(_Model):
    """An exercise used in a phase."""

    exercise: Id
    optional: StrictBool = False
    note: TextIn | None = None
    sources: Sources


class PhaseIn(_Model):
    """A phase of a plan."""

    id: Id
    weeks: WeeksIn
    title: TextIn
    goal: TextIn
    exercises: Annotated[list[PlanExerciseIn], Field(min_length=1)]
    sources: Sources

    @model_validator(mode="after")
    def _closed(self) -> PhaseIn:
        if self.weeks[1] is None:
            raise ValueError(
                f"has open-ended weeks. Give the last week of the phase, like [{self.weeks[0]}, 12]"
            )
        return self


class AlternativeIn(_Model):
    """Another exercise programme."""

    id: Id
    title: TextIn
    text: TextIn
    phases: Annotated[list[PhaseIn], Field(min_length=1)]
    sources: Sources


class TimelineIn(_Model):
    """A timeline item."""

    id: Id
    kind: Literal["change", "check", "review", "recovery"]
    weeks: WeeksIn | None = None
    when: TextIn
    text: TextIn
    sources: Sources


class PlanIn(_Model):
    """A plan file."""

    id: Id
    kind: Literal["full", "short", "interim"]
    audience: Annotated[list[Literal["adult", "child"]], Field(min_length=1)]
    conditions: list[Id]
    title: TextIn
    intro: TextIn
    advice: Annotated[list[Id], Field(min_length=1)]
    phases: list[PhaseIn] = []
    alternatives: list[AlternativeIn] = []
    timeline: Annotated[list[TimelineIn], Field(min_length=1)]
    seek_help: Annotated[list[Id], Field(min_length=1)]
    sources: Sources


class AdviceFileIn(_Model):
    """plans/_advice.yaml."""

    advice: Annotated[list[AdviceIn], Field(min_length=1)]


class SeekHelpFileIn(_Model):
    """plans/_seek_help.yaml."""

    seek_help: Annotated[list[SeekHelpIn], Field(min_length=1)]


class NoPlanIn(_Model):
    """A triage level that gets no plan, and why."""

    level: Level
    title: TextIn
    reason: TextIn
    sources: Sources


class InterimIn(_Model):
    """Levels that get the short plan until the doctor's appointment."""

    levels: Annotated[list[Level], Field(min_length=1)]
    plan: Id
    #: The same short plan written for a child's parent.
    child_plan: Id


class ChildIn(_Model):
    """Who counts as a child, and their plan."""

    below_age: Annotated[int, Field(strict=True, ge=1, le=18)]
    plan: Id
    #: Advice or seek-help id -> the version written for a child's parent.
    replace: dict[Id, Id] = {}


class TraitIn(_Model):
    """A trait some advice is only for: the fact has one of ``values`` in the answers."""

    fact: Id
    values: Annotated[list[NonEmpty], Field(min_length=1)]


class SeekLevelsIn(_Model):
    """What to do, as the heading over the "seek help" items of each level."""

    emergency: TextIn
    urgent: TextIn
    gp: TextIn
    professional: TextIn


class DiabetesIn(_Model):
    """What diabetes adds to every plan."""

    advice: Id
    seek_help: Id


class ZoneIn(_Model):
    """A band of the pain scale."""

    low: Annotated[int, Field(strict=True, ge=0, le=10)]
    high: Annotated[int, Field(strict=True, ge=0, le=10)]
    label: TextIn


class PainMonitoringIn(_Model):
    """The pain-monitoring model."""

    title: TextIn
    zones: Annotated[list[ZoneIn], Field(min_length=1)]
    rules: LinesIn
    sources: Sources

    @model_validator(mode="after")
    def _cover_scale(self) -> PainMonitoringIn:
        expected = 0
        for zone in self.zones:
            if zone.low != expected or zone.high < zone.low:
                raise ValueError(
                    f"zones must cover 0 to 10 in order without gaps; the next zone must start at {expected}"
                )
            expected = zone.high + 1
        if expected != 11:
            raise ValueError("zones must cover 0 to 10 in order without gaps; the last zone must end at 10")
        return self


class LabelsIn(_Model):
    """Headings and dose wording (every ``PlanLabels`` field)."""

    advice: TextIn
    exercises: TextIn
    alternatives: TextIn
    how_to: TextIn
    timeline: TextIn
    seek_help: TextIn
    feel: TextIn
    stop_if: TextIn
    equipment: TextIn
    optional: TextIn
    not_a_diagnosis: TextIn
    week: TextIn
    weeks: TextIn
    weeks_from: TextIn
    sets_reps: TextIn
    reps: TextIn
    repetition_maximum: TextIn
    hold: TextIn
    minutes: TextIn
    tempo: TextIn
    tempo_no_hold: TextIn
    per_day: TextIn
    once_a_day: TextIn
    days_per_week: TextIn
    every_day: TextIn
    every_other_day: TextIn
    rest: TextIn
    seek_levels: SeekLevelsIn
    exercise_column: TextIn
    dose_column: TextIn
    rm_note: TextIn
    advice_child: TextIn
    how_to_child: TextIn
    timeline_child: TextIn


class RulesIn(_Model):
    """plans/_rules.yaml."""

    no_plan: list[NoPlanIn]
    interim: InterimIn
    child: ChildIn
    fallback_plan: Id
    diabetes: DiabetesIn
    level_advice: dict[Level, Id] = {}
    traits: dict[Id, TraitIn] = {}
    pain_monitoring: PainMonitoringIn
    labels: LabelsIn
    sources: Sources

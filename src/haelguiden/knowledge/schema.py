"""Pydantic models mirroring each knowledge file. Unknown fields are errors (``extra="forbid"``)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

TriageLevelName = Literal["emergency", "urgent", "gp", "professional", "self_care"]


class Strict(BaseModel):
    """Base: no unknown fields, no silent type coercion of strings into numbers."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TextModel(Strict):
    """A patient-facing text in Danish and English."""

    da: str = Field(min_length=1)
    en: str = Field(min_length=1)


class SourceModel(Strict):
    """One bibliography entry."""

    id: str = Field(pattern=r"^ref-\d+$")
    citation: str = Field(min_length=1)
    url: str | None = None


class SourcesFile(Strict):
    """sources.yaml."""

    sources: list[SourceModel]


class BinModel(Strict):
    """A named range of an integer fact."""

    id: str
    low: int
    high: int
    label: TextModel


class FactModel(Strict):
    """One fact of the vocabulary (facts.yaml)."""

    id: str
    type: Literal["boolean", "enum", "integer", "list"]
    label: TextModel
    values: list[str] = []
    min: int | None = None
    max: int | None = None
    unit: str | None = None
    bins: list[BinModel] = []
    red_flag_values: list[str] = []
    baseline: dict[str, float] = {}
    baseline_sources: list[str] = []
    statements: dict[str, TextModel] = {}
    unknown: TextModel | None = None


class FactsFile(Strict):
    """facts.yaml."""

    facts: list[FactModel]


class OptionModel(Strict):
    """One answer option."""

    value: str
    label: TextModel
    hint: TextModel | None = None
    #: Not offered when the person is a child (e.g. military training).
    adults_only: bool = False
    #: The option as a parent reads it about their child (when the first-person label would be wrong).
    child_label: TextModel | None = None


class ItemModel(Strict):
    """One checklist line."""

    id: str
    fact: str
    values: list[str] = ["true"]
    label: TextModel
    #: The line as a parent reads it about their child (when the first-person label would be wrong).
    child_label: TextModel | None = None
    #: Not shown when the person is a child (the line asks about something only adults have).
    adults_only: bool = False


class ChildWordingModel(Strict):
    """A question's wording for a parent answering about a child."""

    text: TextModel
    hint: TextModel | None = None
    why: TextModel | None = None


class QuestionModel(Strict):
    """One question (questions.yaml)."""

    id: str
    kind: Literal["single", "multi", "number", "checklist"]
    purpose: Literal["core", "safety", "screen", "diagnosis", "triage", "plan"]
    text: TextModel
    why: TextModel
    hint: TextModel | None = None
    fact: str | None = None
    options: list[OptionModel] = []
    items: list[ItemModel] = []
    relevant_when: dict[str, Any] | None = None
    order: int = 100
    none_label: TextModel | None = None
    child: ChildWordingModel | None = None


class QuestionsFile(Strict):
    """questions.yaml."""

    questions: list[QuestionModel]


class EvidenceModel(Strict):
    """How one fact is distributed among people with the condition."""

    p: dict[str, float]
    sources: list[str] = Field(min_length=1)


class PresentationModel(Strict):
    """One way a condition presents (e.g. arterial disease: chronic, or a sudden blockage).

    Its evidence replaces the condition's own for the facts it lists; the others are shared.
    """

    id: str
    weight: float = Field(gt=0, le=1)
    sources: list[str] = Field(min_length=1)
    evidence: dict[str, EvidenceModel] = Field(min_length=1)


class PriorModel(Strict):
    """Relative frequency per age band, with sources."""

    bands: dict[str, float]
    #: Optional: the youngest age at which the condition exists (Sever's disease needs the heel's growth
    #: zone); below it the prior is 0 whatever the band.
    min_age: int | None = Field(default=None, ge=0, le=110)
    sources: list[str] = Field(min_length=1)


class ConditionTriageModel(Strict):
    """The level a condition calls for and the probability from which it applies."""

    level: TriageLevelName
    threshold: float = Field(gt=0, le=1)
    sources: list[str] = Field(min_length=1)
    unless: dict[str, Any] | None = None


class ConditionModel(Strict):
    """One condition file (conditions/<id>.yaml)."""

    id: str
    name: TextModel
    description: TextModel
    location: TextModel
    onset: TextModel
    pattern: TextModel
    who: TextModel
    clinician: TextModel
    quick_advice: TextModel
    prior: PriorModel
    triage: ConditionTriageModel
    dangerous: bool = False
    sources: list[str] = Field(min_length=1)
    article: dict[str, str] | None = None
    plan: str | None = None
    evidence: dict[str, EvidenceModel] = {}
    presentations: list[PresentationModel] = []


class RuleModel(Strict):
    """One triage rule (rules.yaml)."""

    id: str
    level: TriageLevelName
    red_flag: bool
    when: dict[str, Any]
    reason: TextModel
    sources: list[str] = Field(min_length=1)
    #: For a rule that reads "ved ikke" cautiously: what the advice is when it holds only as a precaution.
    precaution: TextModel | None = None
    #: Optional: what was not known, when naming each fact would be too long ("om du har advarselstegn").
    unknown: TextModel | None = None
    #: Optional, with ``unknown``: the facts that phrase stands for (default: every fact read cautiously);
    #: any other fact read cautiously is named by its own phrase.
    unknown_facts: list[str] | None = None


class RulesFile(Strict):
    """rules.yaml."""

    rules: list[RuleModel]


class CareSignModel(Strict):
    """A situation that calls for 112 whatever the questions would find (care.yaml, emergency ``signs``)."""

    text: TextModel
    sources: list[str] = Field(min_length=1)


class CareActionModel(Strict):
    """What to do at one triage level."""

    level: TriageLevelName
    title: TextModel
    action: TextModel
    sources: list[str] = Field(min_length=1)
    signs: list[CareSignModel] = []


class RegionModel(Strict):
    """A Danish region's after-hours service."""

    id: str
    name: TextModel
    phone: str
    postcodes: list[tuple[int, int]]
    note: TextModel
    sources: list[str] = Field(min_length=1)


class RegionWordingModel(Strict):
    """How after-hours numbers are written (care.yaml ``wording``)."""

    number: TextModel
    every: TextModel


class CareFile(Strict):
    """care.yaml."""

    actions: list[CareActionModel]
    regions: list[RegionModel]
    wording: RegionWordingModel


class SettingsModel(Strict):
    """settings.yaml: the interview's tunable numbers."""

    age_fact: str
    age_bands: list[BinModel]
    max_questions: int = Field(ge=3, le=60)
    stop_probability: float = Field(gt=0.5, le=1)
    min_information_gain: float = Field(ge=0)
    likelihood_floor: float = Field(gt=0, lt=0.1)
    list_max: int = Field(ge=1, le=10)
    list_min_probability: float = Field(ge=0, le=1)
    possible_from: float = Field(default=0.15, ge=0, le=1)
    advice_change_chance: float = Field(default=1.0, gt=0, le=1)
    child_below_age: int = Field(default=16, ge=1, le=30)
    sources: list[str] = Field(min_length=1)

"""The engine's view of the clinical knowledge base: plain frozen objects, no I/O.

The loader in ``haelguiden.knowledge`` turns the YAML files into these objects; the engine only ever reads
them. Every clinical number here came from a knowledge file that cites a source (or says ``estimate``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from haelguiden.engine.expressions import Expr

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = ("da", "en")

TriageLevel = Literal["emergency", "urgent", "gp", "professional", "self_care"]
#: Most urgent first; the index is the rank used to compare levels.
TRIAGE_LEVELS: tuple[TriageLevel, ...] = ("emergency", "urgent", "gp", "professional", "self_care")
TRIAGE_RANK: Mapping[str, int] = {level: rank for rank, level in enumerate(TRIAGE_LEVELS)}

FactType = Literal["boolean", "enum", "integer", "list"]
QuestionKind = Literal["single", "multi", "number", "checklist"]
QuestionPurpose = Literal["core", "safety", "screen", "diagnosis", "triage", "plan"]


@dataclass(frozen=True)
class Text:
    """A text a person reads, in Danish (primary) and English."""

    da: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in ``lang``."""
        return self.da if lang == "da" else self.en


@dataclass(frozen=True)
class Bin:
    """A named range of an integer fact, inclusive at both ends."""

    id: str
    low: int
    high: int
    label: Text


@dataclass(frozen=True)
class Fact:
    """One thing the interview can learn about a person (the vignette format's fact vocabulary)."""

    id: str
    type: FactType
    values: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    unit: str | None = None
    bins: tuple[Bin, ...] = ()
    #: Values that are red flags (booleans use "true").
    red_flag_values: tuple[str, ...] = ()
    #: Feature distribution used for a condition whose file says nothing about this fact.
    baseline: Mapping[str, float] = field(default_factory=dict)
    #: Plain-language statement of an answer (value, list item or bin id -> text), for explanations.
    statements: Mapping[str, Text] = field(default_factory=dict)
    label: Text | None = None
    #: What the person did not know, as it ends "Fordi du ikke ved, …" (e.g. "om det bliver bedre").
    unknown: Text | None = None

    def bin_of(self, value: int) -> str:
        """The id of the bin that holds ``value``."""
        for b in self.bins:
            if b.low <= value <= b.high:
                return b.id
        raise ValueError(f"{self.id}: {value} is outside every bin")

    def feature_values(self) -> tuple[str, ...]:
        """The categorical values the ranking model sees for this fact (lists: per item, true/false)."""
        if self.type == "boolean" or self.type == "list":
            return ("true", "false")
        if self.type == "integer":
            return tuple(b.id for b in self.bins)
        return self.values


@dataclass(frozen=True)
class Option:
    """One answer to a single- or multi-choice question."""

    value: str
    label: Text
    hint: Text | None = None
    #: Not offered when the person is a child.
    adults_only: bool = False
    #: The option as a parent reads it about their child.
    child_label: Text | None = None

    def label_for(self, child: bool) -> Text:
        """The label to show: the parent's wording for a child, when there is one."""
        return self.child_label if child and self.child_label is not None else self.label


@dataclass(frozen=True)
class ChecklistItem:
    """One yes/no line of a checklist question.

    Ticking it says the fact has one of ``values``; leaving it unticked says it has none of them.
    Boolean facts use ``("true",)``; list facts name the items.
    """

    id: str
    fact: str
    values: tuple[str, ...]
    label: Text
    #: The line as a parent reads it about their child.
    child_label: Text | None = None
    #: Not shown when the person is a child.
    adults_only: bool = False

    def label_for(self, child: bool) -> Text:
        """The label to show: the parent's wording for a child, when there is one."""
        return self.child_label if child and self.child_label is not None else self.label


@dataclass(frozen=True)
class ChildWording:
    """A question's wording for a parent answering about a child."""

    text: Text
    hint: Text | None = None
    why: Text | None = None


@dataclass(frozen=True)
class Question:
    """A question put to the person. It asks about one fact, or is a checklist over several."""

    id: str
    kind: QuestionKind
    purpose: QuestionPurpose
    text: Text
    why: Text
    hint: Text | None = None
    fact: str | None = None
    options: tuple[Option, ...] = ()
    items: tuple[ChecklistItem, ...] = ()
    relevant_when: Expr | None = None
    #: Lower numbers are asked first among core and safety questions.
    order: int = 100
    #: Checklists may add a "none of these" option; single questions a free number field.
    none_label: Text | None = None
    #: The wording for a parent answering about a child, if it differs.
    child: ChildWording | None = None

    def text_for(self, child: bool) -> Text:
        """The question as shown: the parent's wording when the person is a child."""
        return self.child.text if child and self.child is not None else self.text

    def hint_for(self, child: bool) -> Text | None:
        """The hint as shown (the child wording's hint, when it has one)."""
        if child and self.child is not None and self.child.hint is not None:
            return self.child.hint
        return self.hint

    def why_for(self, child: bool) -> Text:
        """ "Why we ask", as shown."""
        if child and self.child is not None and self.child.why is not None:
            return self.child.why
        return self.why

    @cached_property
    def facts(self) -> tuple[str, ...]:
        """The facts this question asks about."""
        if self.kind == "checklist":
            return tuple(dict.fromkeys(item.fact for item in self.items))
        return (self.fact,) if self.fact else ()


@dataclass(frozen=True)
class Evidence:
    """How one fact is distributed among people who have one condition (a likelihood table row)."""

    fact: str
    #: Feature value -> probability. For list facts: item -> probability that the item is included.
    p: Mapping[str, float]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Presentation:
    """One way a condition presents, with the share of the condition's patients who present so.

    The model treats a condition with presentations as a mixture: its facts are independent within each
    presentation, not across them (a sudden start and a cold, pale foot go together in a blocked artery,
    not in narrowed arteries).
    """

    id: str
    weight: float
    #: The condition's evidence, with this presentation's own tables in place of some.
    evidence: Mapping[str, Evidence]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ConditionTriage:
    """The triage a condition itself calls for, and from which probability it applies."""

    level: TriageLevel
    #: The level applies when the condition's probability reaches this, or when it ranks first.
    threshold: float
    sources: tuple[str, ...]
    #: ...except when this holds (e.g. "already improving"); unknown never counts as holding.
    unless: Expr | None = None


@dataclass(frozen=True)
class Condition:
    """A possible cause of heel pain."""

    id: str
    name: Text
    description: Text
    location: Text
    onset: Text
    pattern: Text
    who: Text
    clinician: Text
    quick_advice: Text
    #: Age band id -> relative frequency among people with heel pain in that band.
    prior: Mapping[str, float]
    prior_sources: tuple[str, ...]
    triage: ConditionTriage
    evidence: Mapping[str, Evidence]
    dangerous: bool
    sources: tuple[str, ...]
    #: Article slug per language ("da", "en"), if the condition has a patient article.
    article: Mapping[str, str] = field(default_factory=dict)
    plan: str | None = None
    #: Empty, or two or more presentations whose weights add up to 1.
    presentations: tuple[Presentation, ...] = ()
    #: The youngest age at which the condition exists (its prior is 0 below it), or None.
    min_age: int | None = None


@dataclass(frozen=True)
class TriageRule:
    """A deterministic rule: when ``when`` holds, triage is at least ``level``."""

    id: str
    level: TriageLevel
    when: Expr
    red_flag: bool
    reason: Text
    sources: tuple[str, ...]
    #: Facts whose "ved ikke" counts the cautious way (tests marked ``if_unknown: true``, and
    #: ``unanswered`` tests): when the person was asked and could not answer, the rule holds as a
    #: precaution unless the rest of ``when`` rules it out.
    if_unknown: frozenset[str] = frozenset()
    #: The advice when the rule holds only as a precaution (required when ``if_unknown`` is not empty).
    precaution: Text | None = None
    #: What was not known, said once for ``unknown_facts`` (else each fact's own phrase is used).
    unknown: Text | None = None
    #: The facts ``unknown`` stands for (all of ``if_unknown`` unless the rule says otherwise).
    unknown_facts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CareSign:
    """A situation that calls for 112 at once, shown before the first question (clinical reference §3.2
    tier 1). Some of them (a bone through the skin, heavy bleeding, a head injury in the same fall) have no
    question: a person in them should not be answering questions at all."""

    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CareAction:
    """What a person should do at one triage level (the Danish route to care)."""

    level: TriageLevel
    title: Text
    action: Text
    sources: tuple[str, ...]
    #: Only for emergency: the situations to call 112 for without answering any question.
    signs: tuple[CareSign, ...] = ()


@dataclass(frozen=True)
class Region:
    """A Danish region and its after-hours number (lægevagten)."""

    id: str
    name: Text
    phone: str
    postcodes: tuple[tuple[int, int], ...]
    note: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class RegionWording:
    """How after-hours numbers are written in a care text (care.yaml ``wording``)."""

    #: One region's number, with ``{phone}`` and ``{region}``.
    number: Text
    #: Every region's number when the region is not known: ``{numbers}`` (all but the last, comma-separated)
    #: and ``{last}``.
    every: Text


@dataclass(frozen=True)
class Source:
    """One entry of the bibliography."""

    id: str
    citation: str
    url: str | None = None


@dataclass(frozen=True)
class EngineSettings:
    """Tunable numbers of the interview (stop rule, probability floor), from the knowledge base."""

    age_fact: str
    age_bands: tuple[Bin, ...]
    max_questions: int
    stop_probability: float
    min_information_gain: float
    likelihood_floor: float
    #: Conditions listed in a result: at most this many, and only those above ``list_min_probability``.
    list_max: int
    list_min_probability: float
    #: Below this age the person is a child: a parent answers, with child wording and no adult-only lines.
    child_below_age: int = 16
    #: Words, not numbers: the first listed cause is "most likely", others from this probability
    #: "possible", below it "less likely" (the model's probabilities are not calibrated).
    possible_from: float = 0.15
    #: Before the interview ends, a diagnostic question is still asked when its answer would lift a cause
    #: over the threshold of a more cautious level with at least this chance (1 = never).
    advice_change_chance: float = 1.0


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the engine knows. Built by the loader, read by the engine."""

    facts: Mapping[str, Fact]
    questions: tuple[Question, ...]
    conditions: Mapping[str, Condition]
    rules: tuple[TriageRule, ...]
    care: Mapping[str, CareAction]
    regions: tuple[Region, ...]
    sources: Mapping[str, Source]
    settings: EngineSettings
    region_wording: RegionWording
    extras: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # an index for question(): looked up many times per engine step
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError if there is none)."""
        by_id: dict[str, Question] = self._by_id  # type: ignore[attr-defined]
        return by_id[question_id]

    @property
    def question_ids(self) -> frozenset[str]:
        """Every question id."""
        return frozenset(q.id for q in self.questions)

"""Load ``outcomes.yaml``: the outcome page of each triage level (what to do now, by when, what next).

The file is checked with a strict pydantic schema (``extra="forbid"``) and then for what a schema cannot
say: every level has exactly one entry, every source id is in ``sources.yaml`` (or is ``estimate``), a tap-
to-call number is digits only, and emergency and urgent outcomes never offer the self-care plan or the
diary (those come after an examination). Every problem is collected and raised together as one
:class:`~haelguiden.errors.KnowledgeError`, each naming the file, the entry and the field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from haelguiden.engine.model import TRIAGE_LEVELS, Text, TriageLevel
from haelguiden.knowledge import schema as s
from haelguiden.knowledge.files import (
    Problems,
    check_sources,
    default_directory,
    read_yaml,
    source_ids,
    validate,
)

FILE_NAME = "outcomes.yaml"
#: Levels whose outcome may never offer the self-care plan or the diary: they need an examination first.
NO_PLAN_LEVELS: frozenset[str] = frozenset({"emergency", "urgent"})


# --- the file's schema ---------------------------------------------------------------------------------
class _Call(s.Strict):
    number: str = Field(min_length=1)
    label: s.TextModel


class _Section(s.Strict):
    title: s.TextModel
    points: list[s.TextModel] = Field(min_length=1)


class _ChildWords(s.Strict):
    """The texts that read differently to the parent of a child (each optional: the rest is shared)."""

    title: s.TextModel | None = None
    lead: s.TextModel | None = None
    steps: list[s.TextModel] | None = None
    say: _Section | None = None
    while_waiting: _Section | None = None
    next: s.TextModel | None = None
    safety_net: s.TextModel | None = None
    later: s.TextModel | None = None


class _Outcome(s.Strict):
    level: s.TriageLevelName
    title: s.TextModel
    lead: s.TextModel
    call: _Call | None = None
    when: s.TextModel | None = None
    steps: list[s.TextModel] = Field(default_factory=list)
    say: _Section | None = None
    while_waiting: _Section | None = None
    after_hours: bool = False
    next: s.TextModel | None = None
    safety_net: s.TextModel | None = None
    offer_plan: bool
    later: s.TextModel | None = None
    child: _ChildWords | None = None
    sources: list[str] = Field(min_length=1)


# --- what the rest of Hælguiden reads ------------------------------------------------------------------
@dataclass(frozen=True)
class PhoneCall:
    """A tap-to-call button: the number (digits only, for ``tel:``) and what the button says."""

    number: str
    label: Text


@dataclass(frozen=True)
class Section:
    """A titled list of short points (what to tell 112, what to do while waiting)."""

    title: Text
    points: tuple[Text, ...]


@dataclass(frozen=True)
class Outcome:
    """The outcome page of one triage level (see ``outcomes.yaml`` for the meaning of each field)."""

    level: TriageLevel
    title: Text
    lead: Text
    call: PhoneCall | None
    when: Text | None
    steps: tuple[Text, ...]
    say: Section | None
    while_waiting: Section | None
    after_hours: bool
    next: Text | None
    safety_net: Text | None
    offer_plan: bool
    later: Text | None
    sources: tuple[str, ...]
    #: The same outcome in the words a parent reads about their child (``child:`` in the file).
    for_child: Outcome | None = None

    def words_for(self, child: bool) -> Outcome:
        """The outcome as the person reads it: for the parent of a ``child``, the child's wording."""
        return self.for_child if child and self.for_child is not None else self


Outcomes = Mapping[TriageLevel, Outcome]


def load_outcomes(directory: Path | None = None) -> Outcomes:
    """Read and check ``outcomes.yaml`` in ``directory`` (default: the packaged knowledge base).

    Source ids are checked against ``sources.yaml`` in the same folder.

    Raises:
        KnowledgeError: with every problem found, each naming the file, the entry and the field.
    """
    folder = directory or default_directory()
    problems = Problems()
    raw = read_yaml(folder / FILE_NAME, problems)
    known = source_ids(folder)
    entries = _entries(raw, problems)
    out: dict[TriageLevel, Outcome] = {}
    for index, entry in enumerate(entries):
        level = entry.get("level") if isinstance(entry, dict) else None
        label = f"entry '{level}'" if isinstance(level, str) and level else f"entry #{index + 1}"
        where = f"{FILE_NAME}: {label}"
        model = validate(_Outcome, entry, where, problems)
        if model is None:
            continue
        if model.level in out:
            problems.add(where, "the level has two entries; keep one")
            continue
        _check(model, where, known, problems)
        out[model.level] = _build(model)
    if raw is not None:
        for level in TRIAGE_LEVELS:
            if level not in out and not any(
                p.startswith(f"{FILE_NAME}: entry '{level}'") for p in problems.items
            ):
                problems.add(f"{FILE_NAME}: outcomes", f"no entry for level '{level}'; add one")
    problems.raise_any()
    return {level: out[level] for level in TRIAGE_LEVELS}


def _entries(raw: object, problems: Problems) -> list[object]:
    if raw is None:
        return []
    if not isinstance(raw, dict) or not isinstance(raw.get("outcomes"), list):
        problems.add(FILE_NAME, "must be a mapping with a list under 'outcomes:'")
        return []
    extra = sorted(set(raw) - {"outcomes"})
    if extra:
        problems.add(FILE_NAME, f"unknown top-level field(s) {extra}; only 'outcomes' is allowed")
    entries: list[object] = raw["outcomes"]
    return entries


def _check(model: _Outcome, where: str, known: frozenset[str] | None, problems: Problems) -> None:
    check_sources(f"{where}: sources", model.sources, known, problems)
    if len(set(model.sources)) != len(model.sources):
        problems.add(f"{where}: sources", "a source id is listed twice; list each once")
    if model.call is not None and not model.call.number.isdigit():
        problems.add(
            f"{where}: call.number",
            f"'{model.call.number}' is not a phone number to dial; write digits only, e.g. \"112\"",
        )
    if model.offer_plan and model.level in NO_PLAN_LEVELS:
        problems.add(
            f"{where}: offer_plan",
            f"must be false for '{model.level}': the plan and the diary come after an examination; "
            "say so in 'later' instead",
        )
    if not model.steps and model.call is None:
        problems.add(f"{where}: steps", "say what to do: give steps, or a number to call")


def _text(t: s.TextModel | None) -> Text | None:
    return Text(da=t.da, en=t.en) if t is not None else None


def _texts(items: list[s.TextModel]) -> tuple[Text, ...]:
    return tuple(Text(da=t.da, en=t.en) for t in items)


def _section(section: _Section | None) -> Section | None:
    if section is None:
        return None
    return Section(title=Text(section.title.da, section.title.en), points=_texts(section.points))


def _build(m: _Outcome) -> Outcome:
    base = _build_one(m)
    c = m.child
    if c is None:
        return base
    child = dataclasses.replace(
        base,
        title=_text(c.title) or base.title,
        lead=_text(c.lead) or base.lead,
        steps=_texts(c.steps) if c.steps is not None else base.steps,
        say=_section(c.say) or base.say,
        while_waiting=_section(c.while_waiting) or base.while_waiting,
        next=_text(c.next) or base.next,
        safety_net=_text(c.safety_net) or base.safety_net,
        later=_text(c.later) or base.later,
    )
    return dataclasses.replace(base, for_child=child)


def _build_one(m: _Outcome) -> Outcome:
    return Outcome(
        level=m.level,
        title=Text(m.title.da, m.title.en),
        lead=Text(m.lead.da, m.lead.en),
        call=PhoneCall(m.call.number, Text(m.call.label.da, m.call.label.en)) if m.call else None,
        when=_text(m.when),
        steps=_texts(m.steps),
        say=_section(m.say),
        while_waiting=_section(m.while_waiting),
        after_hours=m.after_hours,
        next=_text(m.next),
        safety_net=_text(m.safety_net),
        offer_plan=m.offer_plan,
        later=_text(m.later),
        sources=tuple(m.sources),
    )


__all__ = ["FILE_NAME", "NO_PLAN_LEVELS", "Outcome", "Outcomes", "PhoneCall", "Section", "load_outcomes"]

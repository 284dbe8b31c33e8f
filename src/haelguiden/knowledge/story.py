"""The story lexicon: how patients say each fact in their own words (``knowledge_base/story/``).

The files are data a clinician can review: ``language.yaml`` holds the grammar words of each language
(negation, doubt, clause breaks, number words, time units), ``phrases/*.yaml`` the phrases for each fact
value, one file per fact group, and ``statements.yaml`` the sentences that show a number read from a story
("Du er 45 år"). Every file is validated with pydantic and cross-checked against the facts of the
knowledge base; every problem names the file, the entry and the field, and all are reported at once.

Safety is checked here too: a phrase may set a red-flag fact (FORMAT.md section 6) only to a red-flag
value, never to a reassuring one, and a red-flag entry may not have a ``negated`` value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field

from haelguiden.engine.model import Fact, KnowledgeBase, Text
from haelguiden.engine.suggest import did_you_mean
from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.files import Problems, read_yaml, validate
from haelguiden.knowledge.schema import Strict, TextModel

#: The languages a story can be told in.
LANGUAGES = ("da", "en")
#: The placeholders a phrase may hold, for the integer facts.
SLOTS = ("{n}", "{dur}", "{ago}", "{decade}", "{since}")
#: A gap of a few words in a phrase.
GAP = "*"
_WORD = re.compile(r"^[\w'’.,/–-]+$")

StoryValue = bool | str | int | tuple[str, ...]


# --- schema ----------------------------------------------------------------------------------------------
class LanguageModel(Strict):
    """The grammar words of one language (``language.yaml``)."""

    detect: list[str] = Field(min_length=3)
    negation: list[str] = Field(min_length=1)
    #: Negation words that also count right after a phrase ("det vækker mig ikke").
    negation_after: list[str] = Field(default_factory=list)
    doubt: list[str] = Field(min_length=1)
    clause_breaks: list[str] = Field(min_length=1)
    #: Verbs that make what follows a comma a statement of its own, not more items of a negated list.
    clause_verbs: list[str] = Field(default_factory=list)
    sentence_breaks: list[str] = Field(min_length=1)
    other_person: list[str] = Field(default_factory=list)
    cue_sets: dict[str, list[str]] = Field(default_factory=dict)
    numbers: dict[str, float] = Field(min_length=1)
    units: dict[str, float] = Field(min_length=1)
    ago: dict[str, float] = Field(default_factory=dict)
    decades: dict[str, int] = Field(default_factory=dict)
    #: Seasons and holidays -> month (1-12), for "siden sommer"; read only when today's date is known.
    seasons: dict[str, int] = Field(default_factory=dict)
    #: Words before a duration that make it approximate ("cirka", "knap", "godt"): read as part of it.
    approximate: list[str] = Field(default_factory=list)
    #: Words after a number that add a half ("to og en halv måned").
    and_a_half: list[str] = Field(default_factory=list)
    #: Words before a bare time unit that mean one of it ("den sidste måned", "the past year").
    one_unit_after: list[str] = Field(default_factory=list)


class LanguageFile(Strict):
    """``language.yaml``."""

    languages: dict[Literal["da", "en"], LanguageModel]


class EntryModel(Strict):
    """One way of saying one fact value."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    fact: str
    value: bool | int | str | list[str] | None = None
    negated: bool | str | list[str] | None = None
    da: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)
    requires: list[str] = Field(default_factory=list)
    excludes: list[str] = Field(default_factory=list)
    scope: Literal["clause", "sentence"] = "clause"
    self_only: bool = False
    priority: int = 0
    offset: int = 0


class StatementsFile(Strict):
    """``statements.yaml``: how a number read from a story is shown ({n} is the number)."""

    numbers: dict[str, TextModel]
    #: How "none of these" read from a story is shown, for list facts ("Du har ikke prøvet noget endnu").
    empty_lists: dict[str, TextModel] = Field(default_factory=dict)


# --- what the reader gets ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LanguageRules:
    """The grammar words of one language, ready for the reader."""

    lang: str
    detect: tuple[str, ...]
    negation: tuple[str, ...]
    negation_after: tuple[str, ...]
    doubt: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    sentence_breaks: tuple[str, ...]
    other_person: tuple[str, ...]
    cue_sets: Mapping[str, tuple[str, ...]]
    numbers: Mapping[str, float]
    units: Mapping[str, float]
    ago: Mapping[str, float]
    decades: Mapping[str, int]
    seasons: Mapping[str, int]
    approximate: tuple[str, ...] = ()
    and_a_half: tuple[str, ...] = ()
    one_unit_after: tuple[str, ...] = ()
    clause_verbs: tuple[str, ...] = ()


@dataclass(frozen=True)
class PhraseEntry:
    """One fact value and the phrases that say it, per language."""

    id: str
    file: str
    fact: str
    #: None for integer facts: the number comes from the phrase's slot.
    value: StoryValue | None
    #: The value when the phrase is negated ("ingen hævelse"); None: a negated phrase says nothing.
    negated: StoryValue | None
    phrases: Mapping[str, tuple[str, ...]]
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    scope: str = "clause"
    self_only: bool = False
    priority: int = 0
    offset: int = 0
    #: The unit of the fact (integer facts): years, days, weeks, minutes, metres, 0-10.
    unit: str | None = None


@dataclass(frozen=True)
class StoryLexicon:
    """Everything the story reader needs from the knowledge files."""

    languages: Mapping[str, LanguageRules]
    entries: tuple[PhraseEntry, ...]
    #: Integer fact id -> statement with ``{n}``.
    number_statements: Mapping[str, Text] = field(default_factory=dict)
    #: List fact id -> statement for the empty list.
    empty_statements: Mapping[str, Text] = field(default_factory=dict)


# --- loading -----------------------------------------------------------------------------------------------
def story_directory(knowledge_dir: Path) -> Path:
    """The story folder of a knowledge folder."""
    return knowledge_dir / "story"


def load_story_lexicon(knowledge_dir: Path, kb: KnowledgeBase) -> StoryLexicon:
    """Load and check ``story/`` of ``knowledge_dir`` against the facts of ``kb``.

    Raises :class:`KnowledgeError` listing every problem found (file, entry, field, and how to fix it).
    """
    folder = story_directory(knowledge_dir)
    problems = Problems()
    languages = _languages(folder, problems)
    statements, empties = _statements(folder, kb, problems)
    entries: list[PhraseEntry] = []
    seen: dict[str, str] = {}
    files = sorted((folder / "phrases").glob("*.yaml")) if (folder / "phrases").is_dir() else []
    if not files:
        problems.add("story/phrases", "no phrase files; add at least one phrases/<group>.yaml")
    for path in files:
        name = f"story/phrases/{path.name}"
        data = read_yaml(path, problems)
        if data is None:
            continue
        raw_entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(raw_entries, list) or not raw_entries or set(data) != {"entries"}:
            problems.add(name, "must hold only 'entries:', a list of phrase entries")
            continue
        for index, raw in enumerate(raw_entries):
            ident = raw.get("id") if isinstance(raw, dict) else None
            label = f"{name}: entry '{ident}'" if ident else f"{name}: entry #{index + 1}"
            entry = validate(EntryModel, raw, label, problems)
            if entry is None:
                continue
            where = label
            if entry.id in seen:
                problems.add(where, f"id: '{entry.id}' is also used in {seen[entry.id]}; ids must be unique")
            seen[entry.id] = name
            built = _entry(entry, name, where, kb, languages, statements, empties, problems)
            if built is not None:
                entries.append(built)
    if problems.items:
        raise KnowledgeError(problems.items)
    return StoryLexicon(
        languages=languages, entries=tuple(entries), number_statements=statements, empty_statements=empties
    )


def _languages(folder: Path, problems: Problems) -> dict[str, LanguageRules]:
    data = read_yaml(folder / "language.yaml", problems)
    if data is None:
        return {}
    model = validate(LanguageFile, data, "story/language.yaml", problems)
    if model is None:
        return {}
    out: dict[str, LanguageRules] = {}
    for lang, m in model.languages.items():
        out[lang] = LanguageRules(
            lang=lang,
            detect=_lower(m.detect),
            negation=_lower(m.negation),
            negation_after=_lower(m.negation_after),
            doubt=_lower(m.doubt),
            clause_breaks=_lower(m.clause_breaks),
            sentence_breaks=_lower(m.sentence_breaks),
            other_person=_lower(m.other_person),
            cue_sets={k: _lower(v) for k, v in m.cue_sets.items()},
            numbers={k.lower(): v for k, v in m.numbers.items()},
            units={k.lower(): v for k, v in m.units.items()},
            ago={k.lower(): v for k, v in m.ago.items()},
            decades={k.lower(): v for k, v in m.decades.items()},
            seasons={k.lower(): v for k, v in m.seasons.items()},
            approximate=_lower(m.approximate),
            and_a_half=_lower(m.and_a_half),
            one_unit_after=_lower(m.one_unit_after),
            clause_verbs=_lower(m.clause_verbs),
        )
    for name in LANGUAGES:
        if name not in out:
            problems.add("story/language.yaml", f"languages.{name}: missing; add the words for '{name}'")
    return out


def _lower(words: list[str]) -> tuple[str, ...]:
    return tuple(w.strip().lower() for w in words)


def _statements(
    folder: Path, kb: KnowledgeBase, problems: Problems
) -> tuple[dict[str, Text], dict[str, Text]]:
    data = read_yaml(folder / "statements.yaml", problems)
    if data is None:
        return {}, {}
    model = validate(StatementsFile, data, "story/statements.yaml", problems)
    if model is None:
        return {}, {}
    empties: dict[str, Text] = {}
    for fid, text in model.empty_lists.items():
        fact = kb.facts.get(fid)
        if fact is None or fact.type != "list":
            problems.add(f"story/statements.yaml: empty_lists.{fid}", f"'{fid}' is not a list fact")
        else:
            empties[fid] = Text(da=text.da, en=text.en)
    out: dict[str, Text] = {}
    for fid, text in model.numbers.items():
        where = f"story/statements.yaml: numbers.{fid}"
        fact = kb.facts.get(fid)
        if fact is None:
            problems.add(where, f"unknown fact '{fid}'.{did_you_mean(fid, sorted(kb.facts))}")
        elif fact.type != "integer":
            problems.add(where, f"'{fid}' is a {fact.type} fact; only integer facts have number statements")
        elif "{n}" not in text.da or "{n}" not in text.en:
            problems.add(where, "both da and en must contain {n} where the number goes")
        else:
            out[fid] = Text(da=text.da, en=text.en)
    return out, empties


def _entry(
    m: EntryModel,
    file: str,
    where: str,
    kb: KnowledgeBase,
    languages: Mapping[str, LanguageRules],
    statements: Mapping[str, Text],
    empties: Mapping[str, Text],
    problems: Problems,
) -> PhraseEntry | None:
    fact = kb.facts.get(m.fact)
    if fact is None:
        hint = did_you_mean(m.fact, sorted(kb.facts))
        problems.add(f"{where}: fact", f"unknown fact '{m.fact}'; use an id from facts.yaml.{hint}")
        return None
    before = len(problems.items)
    phrases = {lang: tuple(p.strip() for p in getattr(m, lang)) for lang in LANGUAGES}
    if not any(phrases.values()):
        problems.add(where, "no phrases; add at least one under da or en")
    for lang, items in phrases.items():
        for i, phrase in enumerate(items):
            _check_phrase(f"{where}: {lang}[{i}]", phrase, fact, problems)
    value = _value(f"{where}: value", fact, m.value, problems, required=fact.type != "integer")
    negated = _value(f"{where}: negated", fact, m.negated, problems, required=False)
    if fact.red_flag_values:
        if value is not None and not _is_red_flag(fact, value):
            problems.add(
                f"{where}: value",
                f"'{m.fact}' is a red-flag fact; a story may set it only to a red-flag value "
                f"{list(fact.red_flag_values)}, never to a reassuring one (only its question can)",
            )
        if m.negated is not None:
            problems.add(
                f"{where}: negated",
                f"'{m.fact}' is a red-flag fact; a negated phrase must say nothing about it; "
                "remove 'negated'",
            )
    for key in (*m.requires, *m.excludes):
        for lang, rules in languages.items():
            if phrases.get(lang) and key not in rules.cue_sets:
                hint = did_you_mean(key, sorted(rules.cue_sets))
                problems.add(
                    f"{where}: requires/excludes",
                    f"unknown cue set '{key}' for {lang}; add it to language.yaml cue_sets.{hint}",
                )
    for v in (value, negated):
        if v is not None:
            _check_statement(where, fact, v, empties, problems)
    if fact.type == "integer" and fact.id not in statements:
        problems.add(where, f"'{fact.id}' has no number statement; add numbers.{fact.id} to statements.yaml")
    if m.self_only and "other_person" in m.excludes:
        problems.add(f"{where}: self_only", "self_only already excludes other persons; remove one")
    if len(problems.items) > before:
        return None
    return PhraseEntry(
        id=m.id,
        file=file,
        fact=m.fact,
        value=value,
        negated=negated,
        phrases=phrases,
        requires=tuple(m.requires),
        excludes=tuple(m.excludes),
        scope=m.scope,
        self_only=m.self_only,
        priority=m.priority,
        offset=m.offset,
        unit=fact.unit,
    )


def _check_phrase(where: str, phrase: str, fact: Fact, problems: Problems) -> None:
    tokens = phrase.split()
    if not tokens:
        problems.add(where, "empty phrase; remove it")
        return
    if tokens[0] == GAP or tokens[-1] == GAP:
        problems.add(where, f"'{phrase}': a phrase may not start or end with the gap '*'")
    slots = [t for t in tokens if t in SLOTS]
    if fact.type == "integer" and len(slots) != 1:
        problems.add(where, f"'{phrase}': a phrase for a number needs exactly one of {list(SLOTS)}")
    if fact.type != "integer" and len(slots) > 1:
        # a slot in a phrase for a fixed value only says a quantity stands there ("efter {dur}")
        problems.add(where, f"'{phrase}': a phrase for a fixed value may hold at most one of {list(SLOTS)}")
    for token in tokens:
        if token in SLOTS or token == GAP:
            continue
        for alt in token.split("|"):
            word = alt[1:] if alt[:1] in ("~", "=") else alt
            if alt.startswith("~"):
                try:
                    re.compile(word)
                except re.error:
                    problems.add(where, f"'{phrase}': '{alt}' is not a valid pattern after '~'")
                continue
            if not word or not _WORD.match(word):
                problems.add(
                    where, f"'{phrase}': '{alt}' is not a word; use letters, '=exact', '~part' or 'a|b'"
                )


def _value(where: str, fact: Fact, raw: object, problems: Problems, *, required: bool) -> StoryValue | None:
    if raw is None:
        if required:
            problems.add(where, f"missing; give the value of '{fact.id}' this phrase says")
        return None
    if fact.type == "integer":
        problems.add(where, "an integer fact takes its number from the phrase ({n}, {dur}, ...); remove it")
        return None
    if fact.type == "boolean":
        if not isinstance(raw, bool):
            problems.add(where, f"'{raw}' is not a value of '{fact.id}'; write true or false")
            return None
        return raw
    if fact.type == "list":
        if not isinstance(raw, list):
            problems.add(where, f"'{fact.id}' is a list fact; write a list such as [{fact.values[0]}] or []")
            return None
        bad = [v for v in raw if v not in fact.values]
        for v in bad:
            problems.add(where, f"'{v}' is not a value of '{fact.id}'.{did_you_mean(v, list(fact.values))}")
        return None if bad else tuple(raw)
    if not isinstance(raw, str) or raw not in fact.values:
        hint = did_you_mean(str(raw), list(fact.values))
        problems.add(where, f"'{raw}' is not a value of '{fact.id}'; use one of {list(fact.values)}.{hint}")
        return None
    return raw


def _is_red_flag(fact: Fact, value: StoryValue) -> bool:
    if isinstance(value, bool):
        return ("true" if value else "false") in fact.red_flag_values
    return isinstance(value, str) and value in fact.red_flag_values


def _check_statement(
    where: str, fact: Fact, value: StoryValue, empties: Mapping[str, Text], problems: Problems
) -> None:
    keys: list[str]
    if isinstance(value, tuple) and not value:
        if fact.id not in empties:
            problems.add(where, f"[] needs a statement; add empty_lists.{fact.id} to story/statements.yaml")
        return
    if isinstance(value, bool):
        keys = ["true" if value else "false"]
    elif isinstance(value, tuple):
        keys = list(value)
    else:
        keys = [str(value)]
    for key in keys:
        if key not in fact.statements:
            problems.add(
                where,
                f"facts.yaml has no statement for {fact.id} = {key}, which the confirmation page shows; "
                "add one there",
            )

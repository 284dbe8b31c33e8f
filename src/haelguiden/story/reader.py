"""Read a patient's own story into facts, with the phrases of the lexicon.

The language work is spaCy's: a blank Danish or English pipeline (tokeniser) with the lookup lemmatiser
from ``spacy-lookups-data`` (installed from PyPI, nothing is downloaded at run time), and a ``Matcher``
compiled from the lexicon's phrases, matched on lemmas so "hælen", "hælene" and "hæle" are the same word.

How a match becomes a fact, in order (each step can only drop it, except negation):

1. the phrase must lie within one sentence;
2. **doubt**: a doubt word in its clause ("måske", "tror", "ved ikke om", "hvis"), or a question mark at
   the end of the sentence, drops it: a fact read with doubt is not used;
3. **other persons**: for ``self_only`` entries (medical history), a clause about someone else ("min mor
   har diabetes") drops it;
4. **context**: ``requires`` cue sets must occur in the clause (or sentence), ``excludes`` ones must not;
5. **negation**: a negation word earlier in the clause, or right after the phrase, turns the reading into
   the entry's ``negated`` value, or drops it when there is none (always, for red-flag facts). A phrase
   that holds its own negation ("dyrker ikke sport") is not turned by an earlier one.

A match inside a longer match of the same entry is not read on its own, and a short clause that is only
doubt ("Jeg tror, ...") makes the next clause doubtful too.

Readings of one fact that disagree are resolved by ``priority``; a tie drops the fact. Lists collect their
items. Last, a safety filter keeps a red-flag fact only with a red-flag value: a story can add a red flag
but never rule one out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from haelguiden.engine.model import Fact, KnowledgeBase
from haelguiden.story.quantities import mark_quantities, slot_norm
from haelguiden.story.spec import EntrySpec, LanguageSpec, LexiconSpec, StoryValue

Reason = Literal["doubt", "other_person", "negated", "conflict", "out_of_range", "red_flag_safety"]
_GAP = {"OP": "{0,4}"}
_SLOT_KINDS = {"{n}": "num", "{dur}": "dur", "{ago}": "ago", "{decade}": "decade", "{since}": "since"}
_TO_MINUTES = {"days": 24 * 60, "weeks": 7 * 24 * 60, "minutes": 1, "years": 365 * 24 * 60}


@dataclass(frozen=True)
class Finding:
    """One phrase found in the story, and what became of it (for tests and the lexicon's reviewers)."""

    entry: str
    fact: str
    value: StoryValue | None
    words: str
    dropped: Reason | None = None


@dataclass(frozen=True)
class StoryReading:
    """What a story says: the facts the interview may use, in the language it was told in."""

    language: str
    facts: Mapping[str, StoryValue]
    findings: tuple[Finding, ...] = field(default=(), repr=False)


class _Language:
    """One language's pipeline, matcher and cue lookups."""

    def __init__(self, rules: LanguageSpec, entries: Sequence[EntrySpec]) -> None:
        self.rules = rules
        self.nlp: Language = spacy.blank(rules.lang)
        self.nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        self.nlp.initialize()
        self.entries: dict[str, EntrySpec] = {}
        self._compiled: dict[str, re.Pattern[str]] = {}
        # One matcher per entry, run only when the story holds every fixed word of one of its patterns:
        # a story names a handful of the lexicon's things, and the matcher's cost grows with its patterns.
        self.matchers: dict[str, Matcher] = {}
        self.needs: dict[str, list[frozenset[str]]] = {}
        for entry in entries:
            patterns = [pat for p in entry.phrases.get(rules.lang, ()) for pat in self._patterns(p)]
            if patterns:
                self.entries[entry.id] = entry
                matcher = Matcher(self.nlp.vocab)
                matcher.add(entry.id, patterns)
                self.matchers[entry.id] = matcher
                self.needs[entry.id] = [_needs(pattern) for pattern in patterns]
        self.detect = frozenset(rules.detect)
        self.cues: dict[str, list[tuple[str, ...]]] = {
            "negation": self._cue_list(rules.negation),
            "negation_after": self._cue_list(rules.negation_after),
            "doubt": self._cue_list(rules.doubt),
            "clause": self._cue_list(rules.clause_breaks),
            "clause_verb": self._cue_list(rules.clause_verbs),
            "sentence": self._cue_list(rules.sentence_breaks),
            "other_person": self._cue_list(rules.other_person),
        }
        for name, words in rules.cue_sets.items():
            self.cues[f"set:{name}"] = self._cue_list(words)

    def lemma(self, word: str) -> str:
        """The lemma the lookup lemmatiser gives ``word`` on its own."""
        doc = self.nlp(word.lower())
        return doc[0].lemma_ if len(doc) == 1 else word.lower()

    def _cue_list(self, words: Sequence[str]) -> list[tuple[str, ...]]:
        return [(w,) if w.startswith("~") or not w.split() else tuple(self._words(w)) for w in words]

    def _words(self, phrase: str) -> list[str]:
        """The phrase's words as the tokeniser splits them ("can't" is "ca" + "n't")."""
        out: list[str] = []
        for word in phrase.lower().split():
            if word in _SLOT_KINDS or word == "*" or "|" in word or word[0] in "~=":
                out.append(word)
            else:
                out.extend(t.text for t in self.nlp.tokenizer(word))
        return out

    def _patterns(self, phrase: str) -> list[list[dict[str, Any]]]:
        """Matcher patterns for one phrase: one per combination of its alternatives ("a|b").

        Plain equality tests on LEMMA, LOWER or NORM run in spaCy's C code; set and regex tests are
        Python calls per token, so alternatives become separate patterns and only ``~part`` uses a regex.
        """
        options: list[list[dict[str, Any]]] = []
        for token in self._words(phrase):
            if token == "*":
                options.append([dict(_GAP)])
            elif token in _SLOT_KINDS:
                options.append([{"NORM": slot_norm(_SLOT_KINDS[token])}])
            else:
                specs: list[dict[str, Any]] = []
                for alt in token.split("|"):
                    if alt.startswith("~"):
                        specs.append({"LOWER": {"REGEX": alt[1:]}})
                    elif alt.startswith("="):
                        specs.append({"LOWER": alt[1:]})
                    else:
                        specs.append({"LEMMA": self.lemma(alt)})
                options.append(specs)
        return [list(combo) for combo in itertools.product(*options)]

    def doc(self, text: str, today: dt.date | None) -> Doc:
        """The story, lower-cased, tokenised, lemmatised, with its quantities marked."""
        return mark_quantities(self.nlp(text.lower()), self.rules, today)

    def cue_positions(self, doc: Doc) -> dict[str, set[int]]:
        """For every cue list: the token indices covered by any of its cues."""
        words = [t.lower_ for t in doc]
        lemmas = [t.lemma_.lower() for t in doc]
        where: dict[str, list[int]] = {}
        for i, (w, lem) in enumerate(zip(words, lemmas, strict=True)):
            where.setdefault(w, []).append(i)
            if lem != w:
                where.setdefault(lem, []).append(i)
        n = len(doc)
        out: dict[str, set[int]] = {}
        for name, cues in self.cues.items():
            hits: set[int] = set()
            for cue in cues:
                k = len(cue)
                if k == 1 and cue[0].startswith("~"):
                    pattern = self._regex(cue[0][1:])
                    hits.update(i for i, w in enumerate(words) if pattern.search(w))
                    continue
                for i in where.get(cue[0], ()):
                    if i + k <= n and all(
                        words[i + j] == cue[j] or lemmas[i + j] == cue[j] for j in range(1, k)
                    ):
                        hits.update(range(i, i + k))
            out[name] = hits
        return out

    def _regex(self, pattern: str) -> re.Pattern[str]:
        compiled = self._compiled.get(pattern)
        if compiled is None:
            compiled = self._compiled[pattern] = re.compile(pattern)
        return compiled


class StoryReader:
    """Reads stories with one lexicon; build it once (loading spaCy takes a second or two)."""

    def __init__(self, lexicon: LexiconSpec, kb: KnowledgeBase) -> None:
        """Compile the lexicon's phrases for every language it has."""
        self._kb = kb
        self._languages = {
            lang: _Language(rules, lexicon.entries) for lang, rules in lexicon.languages.items()
        }
        self._priorities = {e.id: e.priority for e in lexicon.entries}

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the reader understands."""
        return tuple(self._languages)

    def detect(self, text: str, hint: str | None = None) -> str:
        """The language the story is told in: the one with most of its common words (``hint`` on a tie)."""
        words = [w.strip(".,!?;:") for w in text.lower().split()]
        scores = {lang: sum(w in lng.detect for w in words) for lang, lng in self._languages.items()}
        best = max(scores.values(), default=0)
        leaders = [lang for lang, s in scores.items() if s == best]
        if hint in leaders:
            return hint or leaders[0]
        return leaders[0] if leaders else "da"

    def read(self, text: str, *, lang: str | None = None, today: dt.date | None = None) -> StoryReading:
        """The facts ``text`` states without doubt (see the module docstring for the rules).

        ``lang`` is a hint (the language of the page); ``today`` lets "siden sommer" be read as a
        duration, and is left out when the date of the story is unknown (the vignettes).
        """
        language = self.detect(text, lang)
        lng = self._languages[language]
        doc = lng.doc(text, today)
        findings = self._findings(lng, doc)
        facts = self._combine(findings)
        return StoryReading(language=language, facts=facts, findings=tuple(findings))

    # --- matching ---------------------------------------------------------------------------------------
    def _findings(self, lng: _Language, doc: Doc) -> list[Finding]:
        n = len(doc)
        cues = lng.cue_positions(doc)
        sentence_ends = cues["sentence"]
        clause_ends = cues["clause"] | sentence_ends
        sent_id: list[int] = []
        clause_id: list[int] = []
        s = c = 0
        for i in range(n):
            sent_id.append(s)
            clause_id.append(c)
            if i in sentence_ends:
                s += 1
            if i in clause_ends:
                c += 1
        questions = {sent_id[i] for i in range(n) if doc[i].text == "?"}
        doubtful = _doubtful_clauses(doc, sent_id, clause_id, cues["doubt"])
        carried, carried_first = _carried_negation(
            doc, sent_id, clause_id, cues["negation"], cues["clause_verb"]
        )
        seen: set[tuple[str, int]] = set()
        out: list[Finding] = []
        present = {f"LEMMA:{t.lemma_}" for t in doc} | {f"LOWER:{t.lower_}" for t in doc}
        present |= {f"NORM:{t.norm_}" for t in doc}
        matches = [
            (entry_id, start, end)
            for entry_id, needs in lng.needs.items()
            if any(need <= present for need in needs)
            for _, start, end in lng.matchers[entry_id](doc)
        ]
        matches = [m for m in matches if sent_id[m[1]] == sent_id[m[2] - 1]]
        for entry_id, start, end in sorted(self._longest(lng, matches), key=lambda m: (m[1], m[2])):
            entry = lng.entries[entry_id]
            if (entry.id, start) in seen:
                continue
            seen.add((entry.id, start))
            cs = min(i for i in range(n) if clause_id[i] == clause_id[start])
            ce = max(i for i in range(n) if clause_id[i] == clause_id[end - 1]) + 1
            ss = min(i for i in range(n) if sent_id[i] == sent_id[start])
            se = max(i for i in range(n) if sent_id[i] == sent_id[start]) + 1
            clause = set(range(cs, ce))
            scope = set(range(ss, se)) if entry.scope == "sentence" else clause
            words = doc[start:end].text
            value = self._value(entry, doc[start:end])

            def drop(reason: Reason, entry: EntrySpec = entry, words: str = words) -> Finding:
                return Finding(entry.id, entry.fact, entry.value, words, reason)

            if clause_id[start] in doubtful or sent_id[start] in questions:
                out.append(drop("doubt"))
                continue
            if (entry.self_only or "other_person" in entry.excludes) and clause & cues["other_person"]:
                out.append(drop("other_person"))
                continue
            if entry.requires and not any(scope & cues[f"set:{r}"] for r in entry.requires):
                continue
            if any(scope & cues[f"set:{x}"] for x in entry.excludes if f"set:{x}" in cues):
                continue
            # a phrase that holds its own negation ("dyrker ikke sport") is not turned around again by
            # an earlier one in the clause ("jeg løber ikke og dyrker ikke sport")
            own = bool(set(range(start, end)) & cues["negation"])
            before = not own and (
                bool(set(range(cs, start)) & cues["negation"])
                or clause_id[start] in carried
                or (clause_id[start] in carried_first and start == cs)
            )
            after = end < ce and end in cues["negation_after"]
            if before or after:
                if entry.negated is None:
                    out.append(drop("negated"))
                    continue
                value = entry.negated
            if value is None:
                out.append(drop("out_of_range"))
                continue
            out.append(Finding(entry.id, entry.fact, value, words))
        return out

    def _longest(self, lng: _Language, matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """Drop a match that lies inside a longer match of the same phrase entry (single-valued facts).

        "det gør ikke ondt, når jeg klemmer hælen" holds "klemmer hælen" too; the longer phrase says more
        (here: its negation), so the part alone is not read. List facts keep every item they name.
        """
        spans: dict[str, list[tuple[int, int]]] = {}
        for eid, start, end in matches:
            spans.setdefault(eid, []).append((start, end))
        return [
            (eid, start, end)
            for eid, start, end in matches
            if self._kb.facts[lng.entries[eid].fact].type == "list"
            or not any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans[eid])
        ]

    def _value(self, entry: EntrySpec, span: Any) -> StoryValue | None:
        if entry.value is not None:
            return entry.value
        slot = next((t for t in span if t._.hg_kind), None)
        if slot is None:
            return None
        number = float(slot._.hg_value)
        if slot._.hg_kind in ("dur", "ago", "since"):
            per = _TO_MINUTES.get(entry.unit or "")
            if per is None:
                return None
            if entry.unit == "years" and number % per:
                return None  # "jeg er 11 år" is an age; "jeg er 3 uger henne" is not
            number /= per
        value = round(number) + entry.offset
        fact = self._kb.facts[entry.fact]
        if (fact.minimum is not None and value < fact.minimum) or (
            fact.maximum is not None and value > fact.maximum
        ):
            return None
        return value

    # --- combining ----------------------------------------------------------------------------------------
    def _combine(self, findings: list[Finding]) -> dict[str, StoryValue]:
        by_fact: dict[str, list[tuple[StoryValue, int]]] = {}
        priorities = self._priorities
        for f in findings:
            if f.dropped is None and f.value is not None:
                by_fact.setdefault(f.fact, []).append((f.value, priorities.get(f.entry, 0)))
        facts: dict[str, StoryValue] = {}
        for fid, readings in by_fact.items():
            fact = self._kb.facts[fid]
            value = _list_value(fact, readings) if fact.type == "list" else _one_value(readings)
            if value is None or not _safe(fact, value):
                continue
            facts[fid] = value
        return {fid: facts[fid] for fid in self._kb.facts if fid in facts}


def _needs(pattern: list[dict[str, Any]]) -> frozenset[str]:
    """The fixed words a pattern needs in a story ("LEMMA:hæl", "LOWER:sår", "NORM:hgslotdur")."""
    return frozenset(
        f"{attr}:{value}"
        for spec in pattern
        for attr, value in spec.items()
        if attr in ("LEMMA", "LOWER", "NORM") and isinstance(value, str)
    )


def _doubtful_clauses(doc: Doc, sent_id: list[int], clause_id: list[int], doubt: set[int]) -> set[int]:
    """Clauses with a doubt word, and the clause after a short one that is only doubt.

    "Jeg tror, jeg har feber" and "Måske, det er hævet": the doubt governs what follows the comma. A clause
    of at most four words holding a doubt word passes it on to the next clause of the same sentence.
    """
    clauses: dict[int, list[int]] = {}
    for i, c in enumerate(clause_id):
        clauses.setdefault(c, []).append(i)
    out = {c for c, idx in clauses.items() if set(idx) & doubt}
    for c in sorted(clauses):
        prev = clauses.get(c - 1)
        if not prev or c - 1 not in out or sent_id[prev[0]] != sent_id[clauses[c][0]]:
            continue
        if len([i for i in prev if doc[i].is_alpha]) <= 4:
            out.add(c)
    return out


def _carried_negation(
    doc: Doc, sent_id: list[int], clause_id: list[int], negation: set[int], verbs: set[int]
) -> tuple[set[int], set[int]]:
    """Clauses that continue a negated list after a comma: "ingen sår, rødme eller hævelse".

    Returns the clauses negated as a whole (at most three words after a comma that follows a negated
    clause) and the clauses whose *first word* continues such a list ("..., maveinfektion eller
    symptomer fra urinvejene"). A clause with a verb of its own ("hælen er hævet") is a new statement:
    "han vil ikke støtte på foden, hælen er hævet, rød og varm" says the heel *is* swollen.
    """
    clauses: dict[int, list[int]] = {}
    for i, c in enumerate(clause_id):
        clauses.setdefault(c, []).append(i)
    whole: set[int] = set()
    first: set[int] = set()
    negated = {c for c, idx in clauses.items() if set(idx) & negation}
    for c in sorted(clauses):
        prev = clauses.get(c - 1)
        if not prev or sent_id[prev[0]] != sent_id[clauses[c][0]] or doc[prev[-1]].text != ",":
            continue
        if set(clauses[c]) & verbs:
            continue
        if c - 1 in negated or c - 1 in whole or c - 1 in first:
            words = [i for i in clauses[c] if doc[i].is_alpha]
            if len(words) <= 3:
                whole.add(c)
            else:
                first.add(c)
    return whole, first


def _list_value(fact: Fact, readings: list[tuple[StoryValue, int]]) -> tuple[str, ...] | None:
    items: set[str] = set()
    empty = False
    for value, _ in readings:
        if isinstance(value, tuple):
            items.update(value)
            empty = empty or not value
    if items:
        return tuple(v for v in fact.values if v in items)
    return () if empty else None


def _one_value(readings: list[tuple[StoryValue, int]]) -> StoryValue | None:
    values = {v for v, _ in readings}
    if len(values) == 1:
        return readings[0][0]
    top = max(p for _, p in readings)
    best = {v for v, p in readings if p == top}
    if len(best) == 1:
        (only,) = best
        return only
    return None  # readings that disagree: ask instead


def _safe(fact: Fact, value: StoryValue) -> bool:
    """A red-flag fact only ever with a red-flag value (FORMAT.md section 6)."""
    if not fact.red_flag_values:
        return True
    if isinstance(value, bool):
        return ("true" if value else "false") in fact.red_flag_values
    return isinstance(value, str) and value in fact.red_flag_values

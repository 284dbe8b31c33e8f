"""The answers so far: an immutable, serialisable record of the interview.

``Answers`` is the only state there is. Web pages and the API carry it (signed) from request to request;
the CLI keeps it in memory. ``answer()`` and ``undo()`` return new objects, so any state can be kept,
compared and replayed. "Ved ikke" is stored as ``None``: the question was asked, nothing was learned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from haelguiden.engine.errors import AnswerError
from haelguiden.engine.expressions import Known
from haelguiden.engine.model import KnowledgeBase, Question

#: A single choice (option value), several choices, a number, checklist ticks, or None for "ved ikke".
AnswerValue = str | int | tuple[str, ...] | Mapping[str, bool | None] | None
#: A fact read from the patient's own story and confirmed: boolean, enum value, number or list items.
StoryValue = bool | str | int | tuple[str, ...]

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Answers:
    """The questions asked so far, in order, with their answers."""

    items: tuple[tuple[str, AnswerValue], ...] = ()
    #: Facts the patient confirmed from their own story (fact id -> value). They count as evidence like a
    #: checklist tick (never as the answer to a question), are never counted as questions asked, and a
    #: red-flag fact may only hold a red-flag value: only its question can rule a red flag out.
    story: Mapping[str, StoryValue] = field(default_factory=dict)

    @property
    def asked(self) -> tuple[str, ...]:
        """The ids of the questions asked, in order."""
        return tuple(qid for qid, _ in self.items)

    def value(self, question_id: str) -> AnswerValue:
        """The answer given to ``question_id`` (KeyError if it was not asked)."""
        for qid, value in self.items:
            if qid == question_id:
                return value
        raise KeyError(question_id)

    def answer(self, kb: KnowledgeBase, question_id: str, value: object) -> Answers:
        """A new state with ``value`` as the answer to ``question_id`` (replacing an earlier answer).

        Raises :class:`AnswerError` with a message for the person when the value does not fit.
        """
        question = _question(kb, question_id)
        hidden = frozenset(
            item.id for item in question.items if item.adults_only and is_child(kb, derive_facts(kb, self))
        )
        clean = normalise(kb, question, value, hidden)
        kept = tuple((q, v) for q, v in self.items if q != question_id)
        return Answers((*kept, (question_id, clean)), self.story)

    def undo(self) -> Answers:
        """A new state without the last answer."""
        return Answers(self.items[:-1], self.story)

    def without(self, question_id: str) -> Answers:
        """A new state without the answer to ``question_id``."""
        return Answers(tuple((q, v) for q, v in self.items if q != question_id), self.story)

    def with_story(self, kb: KnowledgeBase, facts: Mapping[str, object]) -> Answers:
        """A new state with ``facts`` (fact id -> value) as the confirmed story, replacing any earlier one.

        Raises :class:`AnswerError` when a fact is unknown, a value does not fit its fact, or a red-flag
        fact is given a value that is not a red flag.
        """
        story: dict[str, StoryValue] = {}
        for fact_id, value in facts.items():
            story[fact_id] = _story_value(kb, fact_id, value)
        ordered = {f: story[f] for f in kb.facts if f in story}
        return Answers(self.items, ordered)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready form: ``{"version": 1, "answers": [{"question": id, "value": ...}]}``."""
        out: list[dict[str, object]] = []
        for qid, value in self.items:
            if isinstance(value, tuple):
                out.append({"question": qid, "value": list(value)})
            elif isinstance(value, Mapping):
                out.append({"question": qid, "value": dict(value)})
            else:
                out.append({"question": qid, "value": value})
        data: dict[str, object] = {"version": FORMAT_VERSION, "answers": out}
        if self.story:
            data["story"] = {f: list(v) if isinstance(v, tuple) else v for f, v in self.story.items()}
        return data

    @classmethod
    def from_dict(cls, kb: KnowledgeBase, data: object) -> Answers:
        """Read the form made by :meth:`to_dict`, checking every answer against the knowledge base."""
        if not isinstance(data, Mapping):
            raise AnswerError("answers: expected an object with 'answers', a list of {question, value}")
        raw = data.get("answers")
        if not isinstance(raw, list):
            raise AnswerError("answers: 'answers' must be a list of {question, value} objects")
        state = cls()
        for index, entry in enumerate(raw):
            if not isinstance(entry, Mapping) or "question" not in entry:
                raise AnswerError(f"answers[{index}]: expected an object with 'question' and 'value'")
            extra = set(entry) - {"question", "value"}
            if extra:
                raise AnswerError(
                    f"answers[{index}]: unknown field(s) {sorted(extra)}; use 'question' and 'value'"
                )
            qid = entry["question"]
            if not isinstance(qid, str):
                raise AnswerError(f"answers[{index}].question: must be a question id (text)")
            if qid in state.asked:
                raise AnswerError(f"answers[{index}]: question '{qid}' is answered twice")
            try:
                state = state.answer(kb, qid, entry.get("value"))
            except AnswerError as exc:
                raise AnswerError(f"answers[{index}]: {exc}") from None
        story = data.get("story")
        if story is not None:
            if not isinstance(story, Mapping):
                raise AnswerError("story: expected an object of fact id -> value")
            state = state.with_story(kb, story)
        return state


def _story_value(kb: KnowledgeBase, fact_id: object, value: object) -> StoryValue:
    """Check one story fact; return its canonical value (lists as tuples in the fact's order)."""
    fact = kb.facts.get(fact_id) if isinstance(fact_id, str) else None
    if fact is None:
        from haelguiden.engine.suggest import did_you_mean

        hint = did_you_mean(str(fact_id), sorted(kb.facts))
        raise AnswerError(f"story.{fact_id}: unknown fact.{hint}")
    where = f"story.{fact.id}"
    clean: StoryValue
    if fact.type == "boolean":
        if not isinstance(value, bool):
            raise AnswerError(f"{where}: expected true or false")
        clean = value
    elif fact.type == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise AnswerError(f"{where}: expected a whole number from {fact.minimum} to {fact.maximum}")
        if (fact.minimum is not None and value < fact.minimum) or (
            fact.maximum is not None and value > fact.maximum
        ):
            raise AnswerError(f"{where}: {value} is outside {fact.minimum}–{fact.maximum}")
        clean = value
    elif fact.type == "list":
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise AnswerError(f"{where}: expected a list of values from {list(fact.values)} ([] for none)")
        bad = [v for v in value if v not in fact.values]
        if bad:
            raise AnswerError(f"{where}: {bad} not allowed; choose from {list(fact.values)}")
        clean = tuple(v for v in fact.values if v in value)
    else:
        if not isinstance(value, str) or value not in fact.values:
            raise AnswerError(f"{where}: '{value}' is not allowed; choose one of {list(fact.values)}")
        clean = value
    if fact.red_flag_values:
        flag = ("true" if clean else "false") if isinstance(clean, bool) else clean
        if not (isinstance(flag, str) and flag in fact.red_flag_values):
            raise AnswerError(
                f"{where}: a story can only add a red flag ({list(fact.red_flag_values)}); "
                "whether it is absent is asked as a question"
            )
    return clean


def _question(kb: KnowledgeBase, question_id: str) -> Question:
    try:
        return kb.question(question_id)
    except KeyError:
        from haelguiden.engine.suggest import did_you_mean

        hint = did_you_mean(question_id, sorted(kb.question_ids))
        raise AnswerError(f"unknown question '{question_id}'.{hint}") from None


def is_child(kb: KnowledgeBase, facts: Mapping[str, Known]) -> bool:
    """True when the person's age is known and below the settings' child age (a parent is answering)."""
    known = facts.get(kb.settings.age_fact)
    age = known.value if known is not None else None
    return isinstance(age, int) and not isinstance(age, bool) and age < kb.settings.child_below_age


def normalise(
    kb: KnowledgeBase, question: Question, value: object, hidden: frozenset[str] = frozenset()
) -> AnswerValue:
    """Check ``value`` against ``question`` and return it in canonical form (None = "ved ikke").

    ``hidden``: checklist lines that were not shown (adult-only lines for a child); a line not shown is
    unknown, never "not ticked".
    """
    if value is None or value == "ved_ikke" or value == "unknown":
        return None
    qid = question.id
    if question.kind == "single":
        allowed = [o.value for o in question.options]
        if isinstance(value, bool):
            value = "true" if value else "false"
        if not isinstance(value, str) or value not in allowed:
            raise AnswerError(f"{qid}: '{value}' is not an answer here; choose one of {allowed} or null")
        return value
    if question.kind == "multi":
        allowed = [o.value for o in question.options]
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise AnswerError(f"{qid}: expected a list of choices from {allowed} ([] for none) or null")
        chosen: list[str] = []
        for v in value:
            if not isinstance(v, str) or v not in allowed:
                raise AnswerError(f"{qid}: '{v}' is not a choice here; choose from {allowed}")
            if v not in chosen:
                chosen.append(v)
        return tuple(sorted(chosen, key=allowed.index))
    if question.kind == "number":
        fact = kb.facts[question.fact or ""]
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value.strip())
        if not isinstance(value, int) or isinstance(value, bool):
            raise AnswerError(
                f"{qid}: expected a whole number from {fact.minimum} to {fact.maximum}, or null"
            )
        if (fact.minimum is not None and value < fact.minimum) or (
            fact.maximum is not None and value > fact.maximum
        ):
            raise AnswerError(f"{qid}: {value} is outside {fact.minimum}–{fact.maximum}")
        return value
    # checklist: item id -> True/False/None; items not given are unknown
    item_ids = [i.id for i in question.items]
    if isinstance(value, str) and value == "none":
        return {i: (None if i in hidden else False) for i in item_ids}
    if isinstance(value, Sequence) and not isinstance(value, str):
        bad = [v for v in value if v not in item_ids]
        if bad:
            raise AnswerError(f"{qid}: unknown item(s) {bad}; items are {item_ids}")
        return {i: (None if i in hidden and i not in value else i in value) for i in item_ids}
    if not isinstance(value, Mapping):
        raise AnswerError(f"{qid}: expected the ticked items as a list (or 'none', or null for 'ved ikke')")
    out: dict[str, bool | None] = {}
    for key, tick in value.items():
        if key not in item_ids:
            raise AnswerError(f"{qid}: unknown item '{key}'; items are {item_ids}")
        if tick is not None and not isinstance(tick, bool):
            raise AnswerError(f"{qid}.{key}: expected true, false or null")
        # A form sends every line; one the person never saw says nothing.
        out[key] = None if key in hidden and tick is False else tick
    if all(v is None for v in out.values()):
        return None
    return {i: out.get(i) for i in item_ids}


def derive_facts(kb: KnowledgeBase, answers: Answers) -> dict[str, Known]:
    """What the answers say about each fact. Unknown answers add nothing.

    Every answer narrows the values a fact can have; the facts are the intersection, so the order of
    the answers does not matter. When two answers contradict each other (a checklist says "no rest
    pain", another "it wakes me at night"), a red-flag value wins, so a contradiction never lowers
    urgency; otherwise the answer to the fact's own question wins; otherwise nothing is concluded.
    """
    # fact -> list of (allowed values, from a direct question?); list facts: fact -> item -> ticks
    allowed: dict[str, list[tuple[frozenset[str], bool]]] = {}
    items: dict[str, dict[str, set[bool]]] = {}
    numbers: dict[str, int] = {}
    for qid, value in answers.items:
        if value is None:
            continue
        question = kb.question(qid)
        if question.kind == "checklist":
            assert isinstance(value, Mapping)
            for item in question.items:
                tick = value.get(item.id)
                if tick is None:
                    continue
                fact = kb.facts[item.fact]
                if fact.type == "list":
                    for v in item.values:
                        items.setdefault(fact.id, {}).setdefault(v, set()).add(tick)
                    continue
                universe = frozenset(fact.feature_values() if fact.type != "boolean" else ("true", "false"))
                chosen = frozenset(item.values)
                allowed.setdefault(fact.id, []).append((chosen if tick else universe - chosen, False))
            continue
        fact = kb.facts[question.fact or ""]
        if fact.type == "integer":
            assert isinstance(value, int)
            numbers[fact.id] = value
        elif fact.type == "list":
            assert isinstance(value, tuple)
            for v in fact.values:
                items.setdefault(fact.id, {}).setdefault(v, set()).add(v in value)
        else:
            assert isinstance(value, str)
            allowed.setdefault(fact.id, []).append((frozenset({value}), True))
    _merge_story(kb, answers, allowed, items, numbers)
    facts: dict[str, Known] = {fid: Known(value=n) for fid, n in numbers.items()}
    for fid, constraints in allowed.items():
        known = _resolve(kb, fid, constraints)
        if known is not None:
            facts[fid] = known
    for fid, per_item in items.items():
        # a contradiction about a list item counts as present: listing it is the safer reading
        merged = {v: (True in ticks) for v, ticks in per_item.items()}
        if set(merged) == set(kb.facts[fid].values):
            facts[fid] = Known(value=frozenset(v for v, inc in merged.items() if inc))
        else:
            facts[fid] = Known(items=merged)
    return facts


def _merge_story(
    kb: KnowledgeBase,
    answers: Answers,
    allowed: dict[str, list[tuple[frozenset[str], bool]]],
    items: dict[str, dict[str, set[bool]]],
    numbers: dict[str, int],
) -> None:
    """Add the confirmed story facts as evidence that is not a direct answer.

    A story fact narrows its fact like a checklist tick, so a contradiction with an answer resolves as
    any other: a red-flag value wins, otherwise the direct answer. A number from the story counts only
    when the question was not answered; a list from the story names every item (the patient saw and
    confirmed the whole list).
    """
    for fid, value in answers.story.items():
        fact = kb.facts[fid]
        if fact.type == "integer":
            assert isinstance(value, int)
            numbers.setdefault(fid, value)
        elif fact.type == "list":
            assert isinstance(value, tuple)
            for v in fact.values:
                if v in value or not value:
                    items.setdefault(fid, {}).setdefault(v, set()).add(v in value)
        elif fact.type == "boolean":
            allowed.setdefault(fid, []).append((frozenset({"true" if value else "false"}), False))
        else:
            assert isinstance(value, str)
            allowed.setdefault(fid, []).append((frozenset({value}), False))


def _resolve(kb: KnowledgeBase, fact_id: str, constraints: list[tuple[frozenset[str], bool]]) -> Known | None:
    fact = kb.facts[fact_id]
    universe = ("true", "false") if fact.type == "boolean" else fact.feature_values()
    possible = frozenset(universe)
    for values, _direct in constraints:
        possible &= values
    if not possible:  # the answers contradict each other
        asserted = [v for values, _ in constraints if len(values) == 1 for v in values]
        flagged = [v for v in universe if v in fact.red_flag_values and v in asserted]
        direct = {v for values, is_direct in constraints if is_direct for v in values}
        if flagged:
            possible = frozenset({flagged[0]})
        elif len(direct) == 1:
            possible = frozenset(direct)
        else:
            return None
    if len(possible) == 1:
        (only,) = possible
        return Known(value=(only == "true") if fact.type == "boolean" else only)
    if len(possible) == len(universe):
        return None
    ordered = frozenset(v for v in universe if v in possible)
    return Known(excluded=frozenset(universe) - ordered, possible=ordered)

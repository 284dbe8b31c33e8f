"""The answers so far: an immutable, serialisable record of the interview.

``Answers`` is the only state there is. Web pages and the API carry it (signed) from request to request;
the CLI keeps it in memory. ``answer()`` and ``undo()`` return new objects, so any state can be kept,
compared and replayed. "Ved ikke" is stored as ``None``: the question was asked, nothing was learned.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Union

from haelguiden.engine.errors import AnswerError
from haelguiden.engine.expressions import Known, Value
from haelguiden.engine.model import KnowledgeBase, Question

#: A single choice (option value), several choices, a number, checklist ticks, or None for "ved ikke".
AnswerValue = Union[str, int, tuple[str, ...], Mapping[str, Union[bool, None]], None]

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Answers:
    """The questions asked so far, in order, with their answers."""

    items: tuple[tuple[str, AnswerValue], ...] = ()

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
        clean = normalise(kb, question, value)
        kept = tuple((q, v) for q, v in self.items if q != question_id)
        return Answers((*kept, (question_id, clean)))

    def undo(self) -> Answers:
        """A new state without the last answer."""
        return Answers(self.items[:-1])

    def without(self, question_id: str) -> Answers:
        """A new state without the answer to ``question_id``."""
        return Answers(tuple((q, v) for q, v in self.items if q != question_id))

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
        return {"version": FORMAT_VERSION, "answers": out}

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
                raise AnswerError(f"answers[{index}]: unknown field(s) {sorted(extra)}; use 'question' and 'value'")
            qid = entry["question"]
            if not isinstance(qid, str):
                raise AnswerError(f"answers[{index}].question: must be a question id (text)")
            if qid in state.asked:
                raise AnswerError(f"answers[{index}]: question '{qid}' is answered twice")
            try:
                state = state.answer(kb, qid, entry.get("value"))
            except AnswerError as exc:
                raise AnswerError(f"answers[{index}]: {exc}") from None
        return state


def _question(kb: KnowledgeBase, question_id: str) -> Question:
    try:
        return kb.question(question_id)
    except KeyError:
        from haelguiden.engine.suggest import did_you_mean

        hint = did_you_mean(question_id, sorted(kb.question_ids))
        raise AnswerError(f"unknown question '{question_id}'.{hint}") from None


def normalise(kb: KnowledgeBase, question: Question, value: object) -> AnswerValue:
    """Check ``value`` against ``question`` and return it in canonical form (None = "ved ikke")."""
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
            raise AnswerError(f"{qid}: expected a whole number from {fact.minimum} to {fact.maximum}, or null")
        if fact.minimum is not None and value < fact.minimum or fact.maximum is not None and value > fact.maximum:
            raise AnswerError(f"{qid}: {value} is outside {fact.minimum}–{fact.maximum}")
        return value
    # checklist: item id -> True/False/None; items not given are unknown
    item_ids = [i.id for i in question.items]
    if isinstance(value, str) and value == "none":
        return dict.fromkeys(item_ids, False)
    if isinstance(value, Sequence) and not isinstance(value, str):
        bad = [v for v in value if v not in item_ids]
        if bad:
            raise AnswerError(f"{qid}: unknown item(s) {bad}; items are {item_ids}")
        return {i: (i in value) for i in item_ids}
    if not isinstance(value, Mapping):
        raise AnswerError(f"{qid}: expected the ticked items as a list (or 'none', or null for 'ved ikke')")
    out: dict[str, bool | None] = {}
    for key, tick in value.items():
        if key not in item_ids:
            raise AnswerError(f"{qid}: unknown item '{key}'; items are {item_ids}")
        if tick is not None and not isinstance(tick, bool):
            raise AnswerError(f"{qid}.{key}: expected true, false or null")
        out[key] = tick
    if all(v is None for v in out.values()):
        return None
    return {i: out.get(i) for i in item_ids}


def derive_facts(kb: KnowledgeBase, answers: Answers) -> dict[str, Known]:
    """What the answers say about each fact. Unknown answers add nothing."""
    facts: dict[str, Known] = {}
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
                facts[item.fact] = _merge_item(kb, facts.get(item.fact), item.fact, item.values, tick)
            continue
        fact = kb.facts[question.fact or ""]
        exact: Value
        if fact.type == "boolean":
            assert isinstance(value, str)
            exact = value == "true"
        elif fact.type == "list":
            assert isinstance(value, tuple)
            exact = frozenset(value)
        else:
            assert isinstance(value, str | int)
            exact = value
        facts[fact.id] = Known(value=exact)
    return facts


def _merge_item(
    kb: KnowledgeBase, known: Known | None, fact_id: str, values: tuple[str, ...], tick: bool
) -> Known:
    fact = kb.facts[fact_id]
    if known is not None and known.value is not None:
        return known  # an exact answer wins over a checklist tick
    if fact.type == "boolean":
        return Known(value=(values == ("true",)) == tick)
    if fact.type == "list":
        items = dict(known.items) if known else {}
        for v in values:
            items[v] = tick
        return Known(items=items)
    excluded = set(known.excluded) if known else set()
    if tick:
        excluded |= set(fact.values) - set(values)
    else:
        excluded |= set(values)
    remaining = [v for v in fact.values if v not in excluded]
    if len(remaining) == 1:
        return Known(value=remaining[0])
    return Known(excluded=frozenset(excluded))

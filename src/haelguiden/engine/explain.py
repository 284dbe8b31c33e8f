"""Why each cause is listed: the answers that pointed to it, and those that pointed away.

An answer's weight for a condition is its likelihood ratio: how much more (or less) often people with that
condition give this answer than people with any of the other conditions (weighted by how common those
are). Ratios above ``FOR_RATIO`` count "for", below ``AGAINST_RATIO`` "against". For a condition with
presentations (a mixture) the answer's likelihood is read given the other answers, as the ranking reads it.

An explanation never states what the person did not say: when all that is known of a fact is that a
checklist line was left unticked, the reason carries that line (``unticked``), so it can be shown as "you
did not tick …" rather than as a statement about the person.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from haelguiden.engine.expressions import Known
from haelguiden.engine.model import KnowledgeBase, Text
from haelguiden.engine.ranking import answer_likelihood, model_for, observations, prior_for
from haelguiden.engine.state import Answers

FOR_RATIO = 1.5
AGAINST_RATIO = 1 / 1.5
MAX_REASONS = 3


@dataclass(frozen=True)
class Reason:
    """One answer and how strongly it speaks for or against a condition."""

    fact: str
    value: str
    text: Text
    ratio: float
    #: The checklist line the person left unticked, when that is all that is known of the fact.
    unticked: Text | None = None


@dataclass(frozen=True)
class Explanation:
    """The strongest answers for and against one condition."""

    condition: str
    for_: tuple[Reason, ...]
    against: tuple[Reason, ...]


def _statement(kb: KnowledgeBase, fact_id: str, key: str, value: str) -> Text | None:
    fact = kb.facts[fact_id]
    if ":" in key:  # a list item: only items that are present are worth saying
        item = key.split(":", 1)[1]
        return fact.statements.get(item) if value == "true" else None
    if value.startswith("!"):
        return fact.statements.get("not:" + value[1:])
    return fact.statements.get(value)


def unticked_lines(kb: KnowledgeBase, answers: Answers) -> dict[str, Text]:
    """Facts known only from checklist lines left unticked, with the (first) line's label.

    A fact that was ticked anywhere, or answered by its own question, is not in the result.
    """
    direct: set[str] = set()
    ticked: set[str] = set()
    out: dict[str, Text] = {}
    for qid, value in answers.items:
        question = kb.question(qid)
        if value is None:
            continue
        if question.kind != "checklist":
            direct.add(question.fact or "")
            continue
        assert isinstance(value, Mapping)
        for item in question.items:
            tick = value.get(item.id)
            if tick is True:
                ticked.add(item.fact)
            elif tick is False:
                out.setdefault(item.fact, item.label)
    return {f: label for f, label in out.items() if f not in direct and f not in ticked}


def explain_all(
    kb: KnowledgeBase,
    facts: Mapping[str, Known],
    condition_ids: Sequence[str],
    answers: Answers | None = None,
) -> dict[str, Explanation]:
    """The answers that raised and lowered each condition most, strongest first.

    With ``answers``, a fact known only from an unticked checklist line is marked as such.
    """
    model = model_for(kb)
    unticked = unticked_lines(kb, answers) if answers is not None else {}
    prior = prior_for(kb, model, facts)
    observed = [
        (fact_id, key, value, vec)
        for fact_id, known in sorted(facts.items())
        for key, value, vec in observations(kb, model, fact_id, known)
    ]
    statements = [_statement(kb, fact_id, key, value) for fact_id, key, value, _ in observed]
    seen = [(key, value) for _, key, value, _ in observed]
    out: dict[str, Explanation] = {}
    for condition_id in condition_ids:
        idx = model.conditions.index(condition_id)
        rest_total = sum(p for i, p in enumerate(prior) if i != idx) or 1.0
        reasons: list[Reason] = []
        for position, ((fact_id, _key, value, vec), text) in enumerate(
            zip(observed, statements, strict=True)
        ):
            if text is None:
                continue
            others = (sum(prior[i] * vec[i] for i in range(len(vec))) - prior[idx] * vec[idx]) / rest_total
            mine = answer_likelihood(model, idx, seen, position, vec[idx])
            ratio = mine / others if others > 0 else 1.0
            reasons.append(
                Reason(fact=fact_id, value=value, text=text, ratio=ratio, unticked=unticked.get(fact_id))
            )
        for_ = sorted((r for r in reasons if r.ratio >= FOR_RATIO), key=lambda r: -r.ratio)[:MAX_REASONS]
        against = sorted((r for r in reasons if r.ratio <= AGAINST_RATIO), key=lambda r: r.ratio)[
            :MAX_REASONS
        ]
        out[condition_id] = Explanation(condition=condition_id, for_=tuple(for_), against=tuple(against))
    return out


def explain(
    kb: KnowledgeBase, facts: Mapping[str, Known], condition_id: str, answers: Answers | None = None
) -> Explanation:
    """The answers that raised and lowered ``condition_id`` most, strongest first."""
    return explain_all(kb, facts, [condition_id], answers)[condition_id]

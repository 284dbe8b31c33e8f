"""Why each cause is listed: the answers that pointed to it, and those that pointed away.

An answer's weight for a condition is its likelihood ratio: how much more (or less) often people with that
condition give this answer than people with any of the other conditions (weighted by how common those
are). Ratios above ``FOR_RATIO`` count "for", below ``AGAINST_RATIO`` "against".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from haelguiden.engine.expressions import Known
from haelguiden.engine.model import KnowledgeBase, Text
from haelguiden.engine.ranking import age_band, model_for, observations

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


def explain_all(
    kb: KnowledgeBase, facts: Mapping[str, Known], condition_ids: Sequence[str]
) -> dict[str, Explanation]:
    """The answers that raised and lowered each condition most, strongest first."""
    model = model_for(kb)
    prior = model.priors[age_band(kb, facts)]
    observed = [
        (fact_id, key, value, vec)
        for fact_id, known in sorted(facts.items())
        for key, value, vec in observations(kb, model, fact_id, known)
    ]
    statements = [_statement(kb, fact_id, key, value) for fact_id, key, value, _ in observed]
    out: dict[str, Explanation] = {}
    for condition_id in condition_ids:
        idx = model.conditions.index(condition_id)
        rest_total = sum(p for i, p in enumerate(prior) if i != idx) or 1.0
        reasons: list[Reason] = []
        for (fact_id, _key, value, vec), text in zip(observed, statements, strict=True):
            if text is None:
                continue
            others = (sum(prior[i] * vec[i] for i in range(len(vec))) - prior[idx] * vec[idx]) / rest_total
            ratio = vec[idx] / others if others > 0 else 1.0
            reasons.append(Reason(fact=fact_id, value=value, text=text, ratio=ratio))
        for_ = sorted((r for r in reasons if r.ratio >= FOR_RATIO), key=lambda r: -r.ratio)[:MAX_REASONS]
        against = sorted((r for r in reasons if r.ratio <= AGAINST_RATIO), key=lambda r: r.ratio)[
            :MAX_REASONS
        ]
        out[condition_id] = Explanation(condition=condition_id, for_=tuple(for_), against=tuple(against))
    return out


def explain(kb: KnowledgeBase, facts: Mapping[str, Known], condition_id: str) -> Explanation:
    """The answers that raised and lowered ``condition_id`` most, strongest first."""
    return explain_all(kb, facts, [condition_id])[condition_id]

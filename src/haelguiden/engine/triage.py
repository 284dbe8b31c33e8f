"""Triage: the most urgent of the deterministic rules and the conditions' own levels.

Order of work, and why it cannot under-triage:

1. Rules (red flags first) are evaluated on the answers alone, before any ranking. A rule that is true
   stays true when more answers arrive (three-valued logic), so answering more can never lower it.
2. Each condition calls for a level. It applies when the condition ranks first, or when its probability
   reaches the condition's threshold; dangerous conditions have low thresholds, so they escalate long
   before they are the most likely cause.
3. That probability is computed *without* the answers that are red flags themselves: those act through
   their own rules. This keeps step 2 from being lowered by a red-flag answer that happens to favour
   another condition.

4. Precautions: a rule may read some facts cautiously (``if_unknown`` in rules.yaml). When the person was
   asked about such a fact and could not answer, and no other question can settle it, the rule holds as
   a precaution unless the rest of its condition rules it out: "ved ikke" never counts as reassurance.
   The reason names the unknown facts, so the result can say which answer made the advice more cautious.

The result is the most urgent level found; nothing is ever subtracted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from haelguiden.engine.expressions import Known, Truth, evaluate, evaluate_cautious, unanswered_tested
from haelguiden.engine.model import TRIAGE_LEVELS, TRIAGE_RANK, KnowledgeBase, Text, TriageLevel
from haelguiden.engine.ranking import Vector, model_for, posterior


@dataclass(frozen=True)
class TriageReason:
    """One thing that called for a triage level: a rule that fired, or a condition that is likely."""

    kind: Literal["rule", "condition", "precaution"]
    id: str
    level: TriageLevel
    red_flag: bool
    text: Text
    probability: float | None = None
    #: For a precaution: the facts the person could not answer that made the rule hold.
    unknown: tuple[str, ...] = ()
    #: For a precaution: what was not known about ``unknown_covers``, said once (when the rule gives it);
    #: every other fact in ``unknown`` is named by its own phrase.
    unknown_text: Text | None = None
    unknown_covers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Triage:
    """How urgent, and why."""

    level: TriageLevel
    reasons: tuple[TriageReason, ...]
    red_flags: tuple[str, ...]

    @property
    def rank(self) -> int:
        """0 = emergency ... 4 = self_care."""
        return TRIAGE_RANK[self.level]


def red_flag_facts(kb: KnowledgeBase, facts: Mapping[str, Known]) -> tuple[str, ...]:
    """The facts whose answer is a red-flag value, in knowledge-base order."""
    out: list[str] = []
    for fact in kb.facts.values():
        known = facts.get(fact.id)
        if known is None or not fact.red_flag_values:
            continue
        value = known.value
        if isinstance(value, bool):
            value = "true" if value else "false"
        if isinstance(value, str) and value in fact.red_flag_values:
            out.append(fact.id)
        elif value is None and known.possible and known.possible <= set(fact.red_flag_values):
            out.append(fact.id)  # e.g. "quinolone now or in the last six months", timing not known
    return tuple(out)


def rule_truths(kb: KnowledgeBase, facts: Mapping[str, Known]) -> tuple[Truth, ...]:
    """Each rule's condition on the answers alone (true, false or unknown), in rule order."""
    return tuple(evaluate(r.when, facts) for r in kb.rules)


def fired_rules(
    kb: KnowledgeBase, facts: Mapping[str, Known], truths: Sequence[Truth] | None = None
) -> tuple[TriageReason, ...]:
    """Every rule whose condition is definitely true (``truths``: from :func:`rule_truths`, if known)."""
    truths = truths if truths is not None else rule_truths(kb, facts)
    return tuple(
        TriageReason(kind="rule", id=r.id, level=r.level, red_flag=r.red_flag, text=r.reason)
        for r, truth in zip(kb.rules, truths, strict=True)
        if truth is True
    )


def precautions(
    kb: KnowledgeBase,
    facts: Mapping[str, Known],
    unanswered: frozenset[str],
    truths: Sequence[Truth] | None = None,
    blank: frozenset[str] = frozenset(),
) -> tuple[TriageReason, ...]:
    """Rules that hold only because an answer stayed "ved ikke" (read cautiously).

    ``unanswered``: the facts the person was asked about, could not answer, and no remaining question can
    settle. ``blank``: facts asked by a question (or a checklist line) answered "ved ikke", which is
    what an ``unanswered`` test reads. A rule that already holds on the answers alone is a plain rule, not a
    precaution.
    """
    out: list[TriageReason] = []
    truths = truths if truths is not None else rule_truths(kb, facts)
    for r, truth in zip(kb.rules, truths, strict=True):
        if not r.if_unknown or truth is not None:
            continue
        assume = r.if_unknown & (unanswered | (blank & unanswered_tested(r.when)))
        if not assume:
            continue
        if evaluate_cautious(r.when, facts, assume) is True:
            # name the unknown answers the precaution needed (each one whose cautious reading matters)
            needed = tuple(
                f for f in sorted(assume) if evaluate_cautious(r.when, facts, assume - {f}) is not True
            ) or tuple(sorted(assume))
            covers = r.unknown_facts & frozenset(needed) if r.unknown is not None else frozenset()
            out.append(
                TriageReason(
                    kind="precaution",
                    id=r.id,
                    level=r.level,
                    red_flag=False,
                    text=r.precaution or r.reason,
                    unknown=needed,
                    unknown_text=r.unknown if covers else None,
                    unknown_covers=covers,
                )
            )
    return tuple(out)


def condition_levels(
    kb: KnowledgeBase,
    facts: Mapping[str, Known],
    full: Vector | None = None,
    flagged: Sequence[str] | None = None,
) -> tuple[TriageReason, ...]:
    """The levels called for by likely conditions (probability without red-flag answers).

    ``full`` is the posterior with every answer, when the caller has it: reused when no answer is a red
    flag, since the two are then the same. ``flagged``: the red-flag facts (:func:`red_flag_facts`), when
    the caller has them.
    """
    flags = frozenset(red_flag_facts(kb, facts) if flagged is None else flagged)
    probs = full if full is not None and not flags else posterior(kb, facts, exclude=flags)
    conditions = model_for(kb).conditions
    top = max(range(len(probs)), key=probs.__getitem__)
    out: list[TriageReason] = []
    for i, cid in enumerate(conditions):
        cond = kb.conditions[cid]
        if cond.triage.unless is not None and evaluate(cond.triage.unless, facts) is True:
            continue
        if i == top or probs[i] >= cond.triage.threshold:
            out.append(
                TriageReason(
                    kind="condition",
                    id=cid,
                    level=cond.triage.level,
                    red_flag=False,
                    text=cond.name,
                    probability=probs[i],
                )
            )
    return tuple(out)


def triage(
    kb: KnowledgeBase,
    facts: Mapping[str, Known],
    full: Vector | None = None,
    unanswered: frozenset[str] = frozenset(),
    truths: Sequence[Truth] | None = None,
    blank: frozenset[str] = frozenset(),
) -> Triage:
    """The triage for what is known now: the most urgent level any rule, condition or precaution calls for.

    ``unanswered``: facts asked about and not answerable (see :func:`precautions`); empty when only the
    answers themselves should count.
    """
    truths = truths if truths is not None else rule_truths(kb, facts)
    flagged = red_flag_facts(kb, facts)
    reasons = (
        fired_rules(kb, facts, truths)
        + precautions(kb, facts, unanswered, truths, blank)
        + condition_levels(kb, facts, full, flagged)
    )
    level: TriageLevel = TRIAGE_LEVELS[-1]
    for r in reasons:
        if TRIAGE_RANK[r.level] < TRIAGE_RANK[level]:
            level = r.level
    kinds = {"rule": 0, "precaution": 1, "condition": 2}
    ordered = tuple(sorted(reasons, key=lambda r: (TRIAGE_RANK[r.level], kinds[r.kind])))
    return Triage(level=level, reasons=ordered, red_flags=flagged)

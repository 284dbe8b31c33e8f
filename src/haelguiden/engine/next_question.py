"""Choosing the next question, and when to stop.

The interview has four phases, each a rule about which questions may come next:

1. **core**: age and where it hurts, in a fixed order (everything else depends on them);
2. **safety**: every red-flag question relevant to this person, in a fixed order. The screening
   checklists apply to everyone; a follow-up (e.g. "does night pain ease when the foot hangs down?") is
   asked when the answer that makes it relevant has been given;
   A ``screen`` question is asked the same way when its clinical trigger holds (e.g. pain at the Achilles
   insertion → screen for inflammatory arthritis), because a low prior would never let information gain
   reach it; not when a rule already calls for same-day or emergency care (a same-day level that
   rests only on a cause's likelihood still screens);
3. **diagnosis**: the question with the highest expected information gain about the cause, plus, for
   each dangerous condition within a factor 3 of the probability that would escalate the triage, the
   expected information about that condition alone (the value of ruling it in or out); until the
   leading cause is clear (``stop_probability``), no question is worth asking (``min_information_gain``)
   or the question budget (``max_questions``) is spent;
4. **triage**: the questions that decide between two levels, asked whatever the budget: any remaining
   question that could still make a same-day or emergency rule fire; the questions that exist for triage
   (weeks of self-care, trend); for a less urgent rule that has already begun to hold, the one question
   that would complete it; every question whose "ved ikke" would make a rule hold as a precaution
   (``if_unknown`` in rules.yaml), so that a cautious result never rests on a question nobody asked; and,
   for an own-GP rule whose deciding sign the person could not answer (the squeeze test of a possible
   stress fracture), the questions of its context (more training, which sport), even two at a time.

An answer that makes the triage an emergency ends the interview at once: the next thing the person sees is
the advice to call 112. A question is never asked twice, and never when everything it asks about is already
known.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from haelguiden.engine.expressions import (
    All,
    AnyOf,
    AtLeast,
    Compare,
    Expr,
    FactIn,
    IsKnown,
    Known,
    Not,
    Truth,
    Unanswered,
    evaluate,
    evaluate_cautious,
    facts_used,
    leaves,
)
from haelguiden.engine.information import Floats, GainMatrix, build_gain_matrix
from haelguiden.engine.model import (
    TRIAGE_RANK,
    ChecklistItem,
    KnowledgeBase,
    Option,
    Question,
    TriageRule,
)
from haelguiden.engine.ranking import Model, Vector, entropy, model_for
from haelguiden.engine.state import is_child

Phase = Literal["core", "safety", "diagnosis", "triage"]
URGENT = "urgent"
URGENT_RANK = TRIAGE_RANK[URGENT]
GP_RANK = TRIAGE_RANK["gp"]
EMERGENCY_RANK = TRIAGE_RANK["emergency"]


@dataclass(frozen=True)
class OpenRule:
    """A rule more urgent than the current level whose condition is still undecided (one engine step)."""

    rule: TriageRule
    reads: frozenset[str]
    rank: int
    #: The facts of this step.
    facts: Mapping[str, Known] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def started(self) -> bool:
        """Some test of the rule already holds (:func:`_started`): worked out once per step, when needed."""
        return _started(self.rule.when, self.facts)

    @cached_property
    def started_plain(self) -> bool:
        """Some test that is not read cautiously already holds: the rule's context."""
        return self.started and _started(self.rule.when, self.facts, plain_only=True)


_READS: dict[int, tuple[KnowledgeBase, tuple[frozenset[str], ...]]] = {}


def _reads(kb: KnowledgeBase) -> tuple[frozenset[str], ...]:
    """The facts each rule reads, in rule order (computed once per knowledge base)."""
    cached = _READS.get(id(kb))
    if cached is None or cached[0] is not kb:
        cached = _READS[id(kb)] = (kb, tuple(facts_used(r.when) for r in kb.rules))
    return cached[1]


def open_rules(
    kb: KnowledgeBase, facts: Mapping[str, Known], current_rank: int, truths: Sequence[Truth] | None = None
) -> list[OpenRule]:
    """The rules that could still raise the triage above ``current_rank`` (undecided, more urgent).

    ``truths``: each rule's condition on the answers, in rule order, when the caller has them.
    """
    truths = truths if truths is not None else tuple(evaluate(r.when, facts) for r in kb.rules)
    out = []
    for rule, reads, truth in zip(kb.rules, _reads(kb), truths, strict=True):
        rank = TRIAGE_RANK[rule.level]
        if rank < current_rank and truth is None:
            out.append(OpenRule(rule, reads, rank, facts))
    return out


@dataclass(frozen=True)
class Choice:
    """The next question and why it was chosen, or ``question=None`` when the interview is over."""

    question: Question | None
    phase: Phase | None
    information_gain: float = 0.0


def _settled(kb: KnowledgeBase, question: Question, facts: Mapping[str, Known]) -> bool:
    """True when everything the question asks about is already known."""
    if question.kind != "checklist":
        known = facts.get(question.fact or "")
        return known is not None and known.value is not None
    for item in question.items:
        known = facts.get(item.fact)
        if known is None:
            return False
        if known.value is not None:
            continue
        fact = kb.facts[item.fact]
        if fact.type == "list" and all(v in known.items for v in item.values):
            continue
        if fact.type == "enum" and set(item.values) <= known.excluded:
            continue
        return False
    return True


_UNITS: dict[tuple[int, str], tuple[Question, frozenset[tuple[str, str]]]] = {}


def _units(kb: KnowledgeBase, question: Question) -> frozenset[tuple[str, str]]:
    """What a question asks about: (fact, "*") for a whole fact, (fact, item) for list-fact items."""
    key = (id(kb), question.id)
    cached = _UNITS.get(key)
    if cached is None or cached[0] is not question:
        cached = _UNITS[key] = (question, frozenset(_units_of(kb, question)))
    return cached[1]


def _units_of(kb: KnowledgeBase, question: Question) -> set[tuple[str, str]]:
    out: set[tuple[str, str]] = set()
    if question.kind == "checklist":
        for item in question.items:
            if kb.facts[item.fact].type == "list":
                out |= {(item.fact, v) for v in item.values}
            else:
                out.add((item.fact, "*"))
        return out
    fact = kb.facts[question.fact or ""]
    if fact.type == "list":
        return {(fact.id, v) for v in fact.values}
    return {(fact.id, "*")}


def covered_units(kb: KnowledgeBase, asked: Sequence[str]) -> frozenset[tuple[str, str]]:
    """Everything the asked questions asked about."""
    out: set[tuple[str, str]] = set()
    for qid in asked:
        out |= _units(kb, kb.question(qid))
    return frozenset(out)


def repeats(
    kb: KnowledgeBase, question: Question, covered: frozenset[tuple[str, str]], facts: Mapping[str, Known]
) -> bool:
    """True when the asked questions (``covered``) already covered everything this one asks.

    A follow-up is not a repeat: when the earlier answer only narrowed a fact down ("I can walk four
    steps"), asking for the exact value ("normally, or limping?") is allowed.
    """
    mine = _units(kb, question)
    if not mine <= covered:
        return False
    return not any(unit == "*" and facts.get(f) is not None and facts[f].excluded for f, unit in mine)


def relevance(
    question: Question, facts: Mapping[str, Known], unanswered: frozenset[str] = frozenset()
) -> bool | None:
    """Whether the question applies to this person (None: not known yet).

    A test marked ``if_unknown`` in ``relevant_when`` reads "ved ikke" about the ``unanswered`` facts the
    cautious way: a screening question is asked when its trigger could not be ruled out.
    """
    if question.relevant_when is None:
        return True
    return evaluate_cautious(question.relevant_when, facts, unanswered)


def available_options(
    kb: KnowledgeBase, question: Question, facts: Mapping[str, Known]
) -> tuple[Option, ...]:
    """The options still possible (an option ruled out by an earlier checklist is not offered again; an
    adult-only option is not offered for a child)."""
    child = is_child(kb, facts)
    known = facts.get(question.fact or "")
    excluded = known.excluded if known is not None else frozenset()
    return tuple(o for o in question.options if o.value not in excluded and not (child and o.adults_only))


def shown_items(
    kb: KnowledgeBase, question: Question, facts: Mapping[str, Known]
) -> tuple[ChecklistItem, ...]:
    """A checklist's lines as shown: without the adult-only lines when the person is a child."""
    child = is_child(kb, facts)
    return tuple(item for item in question.items if not (child and item.adults_only))


_XLOGX: dict[int, tuple[Vector, Vector]] = {}


def _xlog2x(vec: Vector) -> Vector:
    """x·log2(x) of each entry (0 for 0), cached per likelihood vector."""
    cached = _XLOGX.get(id(vec))
    if cached is None or cached[0] is not vec:
        cached = _XLOGX[id(vec)] = (vec, tuple(x * math.log2(x) if x > 0 else 0.0 for x in vec))
    return cached[1]


def _feature_gain(
    probs: Vector,
    table: Mapping[str, Vector],
    allowed: Sequence[str] | None = None,
    prior_h: float | None = None,
) -> float:
    """Expected reduction in entropy of the posterior from observing one feature.

    With j = p·l: pv·H(joint/pv) = -Σ j·log2 j + pv·log2 pv, and Σ j·log2 j = Σ l·(p·log2 p) +
    Σ p·(l·log2 l), so each value costs three dot products and no logarithm of the joint: this runs for
    every candidate question on every step.
    """
    if prior_h is None:
        prior_h = entropy(probs)
    plogp = _xlog2x(probs)
    expected = 0.0
    total = 0.0
    values = table if allowed is None else allowed
    for v in values:
        vec = table[v]
        pv = sum(map(operator.mul, probs, vec))
        if pv <= 0:
            continue
        jlogj = sum(map(operator.mul, vec, plogp)) + sum(map(operator.mul, probs, _xlog2x(vec)))
        expected += pv * math.log2(pv) - jlogj
        total += pv
    if allowed is not None:
        # restrict to the still-possible values: renormalise their total probability
        expected = expected / total if total > 0 else prior_h
    return max(0.0, prior_h - expected)


def _rule_out_gain(probs: Vector, table: Mapping[str, Vector], idx: int) -> float:
    """Expected information about one condition against all the others (a yes/no question about it)."""
    p = probs[idx]
    if p <= 0 or p >= 1:
        return 0.0
    rest = 1 - p
    collapsed = {
        v: (vec[idx], sum(probs[i] * vec[i] for i in range(len(vec)) if i != idx) / rest)
        for v, vec in table.items()
    }
    return _feature_gain((p, rest), collapsed)


_BINARY: dict[tuple[int, tuple[str, ...]], tuple[Mapping[str, Vector], dict[str, Vector]]] = {}


def _binary_table(table: Mapping[str, Vector], values: Sequence[str]) -> dict[str, Vector]:
    """A checklist line's yes/no view of a fact's table (computed once per table and line)."""
    key = (id(table), tuple(values))
    cached = _BINARY.get(key)
    if cached is not None and cached[0] is table:
        return cached[1]
    n = len(next(iter(table.values())))
    yes = tuple(sum(table[v][i] for v in values if v in table) for i in range(n))
    out = {"yes": yes, "no": tuple(1 - y for y in yes)}
    _BINARY[key] = (table, out)
    return out


def _tables(
    kb: KnowledgeBase, model: Model, question: Question, facts: Mapping[str, Known]
) -> list[dict[str, Vector]]:
    """The likelihood tables a question observes: one per line (checklists, multi-choice) or one."""
    if question.kind == "checklist":
        out: list[dict[str, Vector]] = []
        for item in question.items:
            fact = kb.facts[item.fact]
            if fact.type == "list":
                out += [dict(model.features[f"{fact.id}:{v}"].table) for v in item.values]
            elif fact.id != kb.settings.age_fact:
                out.append(_binary_table(model.features[fact.id].table, item.values))
        return out
    fact = kb.facts[question.fact or ""]
    if fact.id == kb.settings.age_fact:
        return []
    if fact.type == "list":
        return [dict(model.features[f"{fact.id}:{v}"].table) for v in fact.values]
    table = model.features[fact.id].table
    known = facts.get(fact.id)
    if known is not None and known.excluded:
        return [{v: table[v] for v in table if v not in known.excluded}]
    return [dict(table)]


def advice_change_chance(
    kb: KnowledgeBase,
    model: Model,
    question: Question,
    probs: Vector,
    facts: Mapping[str, Known],
    risers: Sequence[tuple[int, float]],
) -> float:
    """The chance that the question's answer lifts a cause over the threshold of its own, more cautious level.

    ``risers``: (condition index, threshold) of the causes whose level is above the current advice. Each
    line of a checklist or multi-choice question is read as its own observation; the question's chance is
    its best line's, a lower bound that keeps the test cheap.
    """
    best = 0.0
    for table in _tables(kb, model, question, facts):
        chance = 0.0
        for vec in table.values():
            pv = sum(map(operator.mul, probs, vec))
            if pv > 0 and any(probs[i] * vec[i] >= threshold * pv for i, threshold in risers):
                chance += pv
        best = max(best, chance)
    return best


def risers(
    kb: KnowledgeBase, model: Model, facts: Mapping[str, Known], current_rank: int
) -> list[tuple[int, float]]:
    """The causes whose own level is more cautious than the current advice, with their thresholds."""
    out = []
    for i, cid in enumerate(model.conditions):
        c = kb.conditions[cid]
        if TRIAGE_RANK[c.triage.level] >= current_rank or c.triage.threshold >= 1:
            continue
        if c.triage.unless is not None and evaluate(c.triage.unless, facts) is True:
            continue
        out.append((i, c.triage.threshold))
    return out


def rule_out_gain(
    kb: KnowledgeBase, model: Model, question: Question, probs: Vector, facts: Mapping[str, Known], idx: int
) -> float:
    """Expected information the question gives about one condition (is it this, or not?)."""
    return _watch_gain(kb, model, question, probs, facts, [idx])


_GAIN_MATRICES: dict[int, tuple[Model, GainMatrix]] = {}


def _gain_matrix(kb: KnowledgeBase, model: Model) -> GainMatrix:
    """The diagnostic questions' likelihood tables as one matrix (built once per model)."""
    cached = _GAIN_MATRICES.get(id(model))
    if cached is None or cached[0] is not model:
        tables = {
            q.id: _tables(kb, model, q, {}) for q in kb.questions if q.purpose in ("diagnosis", "screen")
        }
        cached = _GAIN_MATRICES[id(model)] = (model, build_gain_matrix(model, tables))
    return cached[1]


def _gain(
    kb: KnowledgeBase,
    model: Model,
    matrix: GainMatrix,
    gains: Floats,
    question: Question,
    probs: Vector,
    facts: Mapping[str, Known],
    prior_h: float,
    watch: Sequence[int],
) -> float:
    """A candidate's score: :func:`information_gain` plus :func:`rule_out_gain` for each watched cause.

    Read from the step's matrix scores, except for a question whose fact an earlier answer narrowed down
    (its still-possible values are scored one by one, the slow way).
    """
    if _narrowed(question, facts) or question.id not in matrix.index:
        return information_gain(kb, model, question, probs, facts, prior_h) + _watch_gain(
            kb, model, question, probs, facts, watch
        )
    return float(gains[matrix.index[question.id]])


def _narrowed(question: Question, facts: Mapping[str, Known]) -> bool:
    """True when an earlier answer ruled out some values of the question's fact (the matrix has them all)."""
    known = facts.get(question.fact or "") if question.kind != "checklist" else None
    return known is not None and bool(known.excluded)


def _watch_gain(
    kb: KnowledgeBase,
    model: Model,
    question: Question,
    probs: Vector,
    facts: Mapping[str, Known],
    watch: Sequence[int],
) -> float:
    """:func:`rule_out_gain` summed over the watched conditions (the question's tables built once)."""
    if not watch:
        return 0.0
    tables = _tables(kb, model, question, facts)
    return sum(_rule_out_gain(probs, t, i) for i in watch for t in tables)


def near_threshold(kb: KnowledgeBase, model: Model, probs: Vector, current_rank: int) -> list[int]:
    """Dangerous conditions that would raise the triage and are within a factor 3 of their threshold.

    For them, settling "is it this or not?" is worth a question even when the cause ranking is clear.
    """
    out = []
    for i, cid in enumerate(model.conditions):
        c = kb.conditions[cid]
        if c.dangerous and TRIAGE_RANK[c.triage.level] < current_rank and c.triage.threshold / 3 <= probs[i]:
            out.append(i)
    return out


def information_gain(
    kb: KnowledgeBase,
    model: Model,
    question: Question,
    probs: Vector,
    facts: Mapping[str, Known],
    prior_h: float | None = None,
) -> float:
    """Expected information (bits) the question gives about the cause.

    Multi-choice and checklist questions count each line as its own observation and add the gains up;
    that overstates a little when lines are related, and is cheap and good enough to rank questions.
    ``prior_h``: the entropy of ``probs``, when the caller scores many questions on the same step.
    """
    h = entropy(probs) if prior_h is None else prior_h
    if question.kind == "checklist":
        gain = 0.0
        for item in question.items:
            fact = kb.facts[item.fact]
            if fact.id == kb.settings.age_fact:
                continue
            if fact.type == "list":
                for v in item.values:
                    gain += _feature_gain(probs, model.features[f"{fact.id}:{v}"].table, prior_h=h)
            else:
                table = model.features[fact.id].table
                gain += _feature_gain(probs, _binary_table(table, item.values), prior_h=h)
        return gain
    fact = kb.facts[question.fact or ""]
    if fact.id == kb.settings.age_fact:
        return 0.0
    if fact.type == "list":
        return sum(
            _feature_gain(probs, model.features[f"{fact.id}:{v}"].table, prior_h=h) for v in fact.values
        )
    known = facts.get(fact.id)
    allowed = None
    if known is not None and known.excluded:
        allowed = [v for v in model.features[fact.id].table if v not in known.excluded]
    return _feature_gain(probs, model.features[fact.id].table, allowed, prior_h=h)


def _can_be_true(
    expr: Expr, facts: Mapping[str, Known], live: frozenset[str], assume: frozenset[str] = frozenset()
) -> bool:
    """Could the expression still become true, if the facts in ``live`` were answered favourably?

    ``assume``: facts that will stay unknown; a test that reads them cautiously counts as favourable.
    """
    # Only the tests are evaluated: a combination's truth follows from its parts', so evaluating it here
    # too would evaluate every test once per level of nesting.
    if isinstance(expr, Unanswered):
        truth = evaluate(expr, facts)
        return truth if truth is not None else all(f in assume for f in expr.facts)  # answering: false
    if isinstance(expr, FactIn | Compare | IsKnown):
        truth = evaluate(expr, facts)
        if truth is not None:
            return truth
        cautious = isinstance(expr, FactIn | Compare) and expr.cautious and expr.fact in assume
        return cautious or expr.fact in live
    if isinstance(expr, All):
        return all(_can_be_true(p, facts, live, assume) for p in expr.parts)
    if isinstance(expr, AnyOf):
        return any(_can_be_true(p, facts, live, assume) for p in expr.parts)
    if isinstance(expr, AtLeast):
        return sum(_can_be_true(p, facts, live, assume) for p in expr.parts) >= expr.count
    return _can_be_false(expr.part, facts, live, assume)


def _can_be_false(
    expr: Expr, facts: Mapping[str, Known], live: frozenset[str], assume: frozenset[str] = frozenset()
) -> bool:
    if isinstance(expr, FactIn | Compare | IsKnown | Unanswered):
        return evaluate(expr, facts) is not True
    if isinstance(expr, All):
        return any(_can_be_false(p, facts, live, assume) for p in expr.parts)
    if isinstance(expr, AnyOf):
        return all(_can_be_false(p, facts, live, assume) for p in expr.parts)
    if isinstance(expr, AtLeast):
        return sum(_can_be_false(p, facts, live, assume) for p in expr.parts) > len(expr.parts) - expr.count
    assert isinstance(expr, Not)
    return _can_be_true(expr.part, facts, live, assume)


def triage_relevant(
    rules: Sequence[OpenRule],
    question: Question,
    facts: Mapping[str, Known],
    live: frozenset[str],
    unanswered: frozenset[str] = frozenset(),
) -> bool:
    """True when answering this question could make a rule fire that raises urgency above now.

    ``rules``: the open rules of this step (:func:`open_rules`). A question that exists for triage
    (``purpose: triage``: trend, weeks of self-care) is asked when it could help any such rule fire,
    together with the other questions still open. Any other question is asked for a same-day or emergency
    rule that it could make fire on its own, given what is known (and the "ved ikke" answers read
    cautiously): cost-aware, a question that cannot change the level is not asked. Rules of a lesser
    level are left to :func:`decides`.
    """
    mine = frozenset(question.facts) & live
    if not mine:
        return False
    triage_question = question.purpose == "triage"
    for open_rule in rules:
        if not (open_rule.reads & mine):
            continue
        rule = open_rule.rule
        assume = rule.if_unknown & unanswered  # answered "ved ikke": counts the cautious way
        reach = live if triage_question else mine
        if not triage_question and open_rule.rank > URGENT_RANK:
            if open_rule.rank > GP_RANK or not assume or not _decisive_unknown(rule, facts, assume):
                continue
            reach = live  # the deciding sign is unknown: its context is worth asking, question by question
        if _can_be_true(rule.when, facts, reach, assume):
            return True
    return False


def _decisive_unknown(rule: TriageRule, facts: Mapping[str, Known], assume: frozenset[str]) -> bool:
    """True when a sign the rule reads cautiously was asked and could not be answered ("ved ikke")."""
    return any(
        isinstance(leaf, FactIn | Compare)
        and leaf.cautious
        and leaf.fact in assume
        and evaluate(leaf, facts) is None
        for leaf in leaves(rule.when)
    )


def open_questions(
    kb: KnowledgeBase, asked: Sequence[str], facts: Mapping[str, Known], covered: frozenset[tuple[str, str]]
) -> list[Question]:
    """The questions that may still be asked: not asked, not settled, not a repeat, not only for the plan.

    Their relevance is not checked here (it may still be unknown).
    """
    done = set(asked)
    return [
        q
        for q in kb.questions
        if q.id not in done
        and q.purpose != "plan"
        and not _settled(kb, q, facts)
        and not repeats(kb, q, covered, facts)
    ]


def unanswered_facts(
    kb: KnowledgeBase,
    facts: Mapping[str, Known],
    asked: Sequence[str],
    dont_know: frozenset[str],
    remaining: Sequence[Question],
) -> frozenset[str]:
    """Facts the person was asked about and could not answer, which no remaining question can settle.

    "Could not answer" means a question about the fact was answered "ved ikke" as a whole (``dont_know``:
    their ids) and nothing else told anything about it. A checklist answered in part says nothing about
    its untouched lines either way, so on its own it does not count. ``remaining`` are the open questions
    (:func:`open_questions`); one whose relevance is still unknown counts as able to settle its facts.
    """
    asked_blank = {f for qid in asked if qid in dont_know for f in kb.question(qid).facts}
    askable = {f for q in remaining if relevance(q, facts) is not False for f in q.facts}
    return frozenset(
        f for f in asked_blank if f not in askable and (facts.get(f) is None or facts[f].value is None)
    )


def blank_facts(
    kb: KnowledgeBase,
    facts: Mapping[str, Known],
    asked: Sequence[str],
    dont_know: frozenset[str],
    unknown_lines: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """Facts the person could not answer when asked, and that nothing else told.

    Asked by a question answered "ved ikke" as a whole, or by a checklist line answered "ved ikke" on its
    own (``unknown_lines``: their facts, from :func:`unknown_line_facts`), as the JSON API and the
    benchmark's simulated patient can. An ``unanswered`` test ("could not answer the warning-sign
    questions") reads these, whether or not another question might still ask about the same facts.
    """
    whole = {f for qid in asked if qid in dont_know for f in kb.question(qid).facts}
    return frozenset(f for f in whole | unknown_lines if facts.get(f) is None or facts[f].value is None)


def unknown_line_facts(
    kb: KnowledgeBase, items: Sequence[tuple[str, object]], facts: Mapping[str, Known]
) -> frozenset[str]:
    """The facts of checklist lines answered "ved ikke" one by one (a line a child's parent never saw,
    an adults-only line, is not one of them: it was not asked)."""
    child = is_child(kb, facts)
    return frozenset(
        line.fact
        for qid, value in items
        if isinstance(value, Mapping)
        for line in kb.question(qid).items
        if value.get(line.id) is None and not (child and line.adults_only)
    )


def _started(expr: Expr, facts: Mapping[str, Known], plain_only: bool = False) -> bool:
    """True when some test inside the rule already holds: the rule has begun to fire.

    ``plain_only``: count only the tests that do not read "ved ikke" cautiously (the rule's context).
    """
    return any(
        evaluate(leaf, facts) is True
        for leaf in leaves(expr)
        if isinstance(leaf, FactIn | Compare) and not (plain_only and leaf.cautious)
    )


def decides(
    rules: Sequence[OpenRule],
    question: Question,
    facts: Mapping[str, Known],
    askable: frozenset[str],
    unanswered: frozenset[str],
    most_urgent: int = TRIAGE_RANK["self_care"],
) -> bool:
    """True when this question decides between the current level and a more urgent one.

    ``rules``: the open rules of this step (:func:`open_rules`). Two ways: a rule of a lower level than
    same-day that has begun to hold (one of its tests is already true) and that this question alone could
    complete; or a rule that reads some answers cautiously, whose context has begun to hold (a test that
    is not read cautiously is true), and that could hold once this question is answered, even if those
    answers stay "ved ikke" (the facts in ``unanswered``, or still ``askable``: asked about by open
    questions). Only rules at ``most_urgent`` or more urgent count.
    """
    mine = frozenset(question.facts) & askable
    if not mine:
        return False
    for open_rule in rules:
        if open_rule.rank > most_urgent or not (open_rule.reads & mine):
            continue
        rule = open_rule.rule
        if open_rule.started and _can_be_true(rule.when, facts, mine):
            return True
        if rule.if_unknown and open_rule.started_plain:
            # Cautious answers still to be asked count only when this question is one of them; otherwise
            # the rule must hold on the answers that are already "ved ikke".
            pool = unanswered | askable if rule.if_unknown & mine else unanswered
            if _can_be_true(rule.when, facts, mine, rule.if_unknown & pool):
                return True
    return False


def choose(
    kb: KnowledgeBase,
    asked: Sequence[str],
    facts: Mapping[str, Known],
    probs: Vector,
    current_rank: int,
    conditional: frozenset[str] = frozenset(),
    unanswered: frozenset[str] = frozenset(),
    truths: Sequence[Truth] | None = None,
    remaining: Sequence[Question] | None = None,
    ruled_rank: int | None = None,
) -> Choice:
    """The next question to ask, or none when the interview is complete.

    ``conditional``: facts that decide whether the current triage level applies at all (a condition's
    ``unless``, e.g. "already improving"); their triage questions are asked too. ``unanswered``: facts
    asked about and not answerable (:func:`unanswered_facts`). ``truths`` and ``remaining``: each rule's
    condition and the open questions (:func:`open_questions`), when the caller has them. ``ruled_rank``:
    the level the rules alone call for (not the causes' probabilities); the current level when not given.
    """
    if ruled_rank is None:
        ruled_rank = current_rank
    if current_rank == EMERGENCY_RANK:
        return Choice(None, None)  # call 112 now: nothing may stand between the person and that advice
    done = set(asked)
    if remaining is None:
        remaining = open_questions(kb, asked, facts, covered_units(kb, asked))
    first: list[tuple[str, Phase]] = [("core", "core"), ("safety", "safety")]
    if ruled_rank > TRIAGE_RANK[URGENT]:
        # Someone a warning-sign rule sends to a doctor today is not kept for screening questions. A
        # same-day level that rests only on a cause's probability is still open: the diagnostic questions
        # go on, and the screen comes first among them (e.g. other swollen joints with Achilles pain).
        first.append(("screen", "safety"))
    for purpose, phase in first:
        for q in sorted((q for q in remaining if q.purpose == purpose), key=lambda q: q.order):
            if relevance(q, facts, unanswered) is True:
                return Choice(q, phase)

    model = model_for(kb)
    candidates = [
        q
        for q in remaining
        if q.purpose in ("diagnosis", "screen", "triage") and relevance(q, facts, unanswered)
    ]
    if len(asked) < kb.settings.max_questions and max(probs) < kb.settings.stop_probability:
        watch = near_threshold(kb, model, probs, current_rank)
        h = entropy(probs)
        matrix = _gain_matrix(kb, model)
        gains = matrix.scores(probs, h, watch)
        scored = [
            (_gain(kb, model, matrix, gains, q, probs, facts, h, watch), -q.order, q)
            for q in candidates
            if q.purpose in ("diagnosis", "screen")
        ]
        if scored:
            gain, _, best = max(scored, key=lambda s: (s[0], s[1]))
            if gain >= kb.settings.min_information_gain:
                return Choice(best, "diagnosis", gain)

    # A fact is "live" while no asked question has covered it: one already answered (even "ved ikke")
    # is not asked again in another form just to settle a rule.
    covered_facts = {f for f, _ in covered_units(kb, asked)}
    live = frozenset(
        f
        for q in kb.questions
        if q.id not in done and q.purpose != "plan" and relevance(q, facts) is not False
        for f in q.facts
        if f not in covered_facts and (facts.get(f) is None or facts[f].value is None)
    )
    askable = frozenset(f for q in candidates for f in q.facts)
    rules = open_rules(kb, facts, current_rank, truths)
    # The first pending question in interview order is asked; the tests are costly, so the candidates are
    # tried in that order and the search stops at the first that qualifies.
    for q in sorted(candidates, key=_in_order):
        if (
            triage_relevant(rules, q, facts, live, unanswered)
            or (q.purpose == "triage" and frozenset(q.facts) & conditional & live)
            or decides(rules, q, facts, askable, unanswered)
        ):
            return Choice(q, "triage", 0.0)
    # A checklist line left blank (a partly answered checklist) is asked again as its own question when it
    # decides same-day care or 112: e.g. back pain after a fall from a height.
    again = _asked_again(kb, asked, facts, unanswered)
    reachable = askable | frozenset(f for q in again for f in q.facts)
    for q in sorted(again, key=_in_order):
        if decides(rules, q, facts, reachable, unanswered, URGENT_RANK):
            return Choice(q, "triage", 0.0)
    # The ranking may be sure enough to stop while one answer could still change the advice: a likely
    # overload problem (self-care) with a trapped nerve a tingling sole away from its physiotherapist level.
    if len(asked) < kb.settings.max_questions:
        lifts = _advice_changing_question(kb, model, candidates, probs, facts, current_rank)
        if lifts is not None:
            return Choice(lifts, "diagnosis", 0.0)
    return Choice(None, None)


def _advice_changing_question(
    kb: KnowledgeBase,
    model: Model,
    candidates: Sequence[Question],
    probs: Vector,
    facts: Mapping[str, Known],
    current_rank: int,
) -> Question | None:
    """The diagnostic question most likely to lift a cause over a more cautious level's threshold, when that
    chance reaches ``settings.advice_change_chance``; ``None`` otherwise."""
    floor = kb.settings.advice_change_chance
    lifting = risers(kb, model, facts, current_rank)
    # An answer can lift cause i over threshold t only with values of total chance at most p_i / t
    # (p_i·l ≥ t·P(value), summed over the values): when even the sum is too small, nothing can.
    if floor >= 1 or sum(probs[i] / t for i, t in lifting) < floor:
        return None
    matrix = _gain_matrix(kb, model)
    fast = matrix.advice_change(probs, lifting)
    chances = [
        (
            float(fast[matrix.index[q.id]])
            if q.id in matrix.index and not _narrowed(q, facts)
            else advice_change_chance(kb, model, q, probs, facts, lifting),
            -q.order,
            q,
        )
        for q in candidates
        if q.purpose in ("diagnosis", "screen")
    ]
    if not chances:
        return None
    chance, _, best = max(chances, key=lambda c: (c[0], c[1]))
    return best if chance >= floor else None


def _in_order(question: Question) -> tuple[int, str]:
    return (question.order, question.id)


def _asked_again(
    kb: KnowledgeBase, asked: Sequence[str], facts: Mapping[str, Known], unanswered: frozenset[str]
) -> list[Question]:
    """Single questions about a fact that only a partly answered checklist touched, leaving it unknown."""
    done = set(asked)
    blank = {f for qid in asked if kb.question(qid).kind == "checklist" for f in kb.question(qid).facts}
    direct = {kb.question(qid).fact for qid in asked if kb.question(qid).kind != "checklist"}
    return [
        q
        for q in kb.questions
        if q.id not in done
        and q.kind != "checklist"
        and q.purpose in ("diagnosis", "triage")
        and q.fact in blank
        and q.fact not in direct
        and q.fact not in facts
        and q.fact not in unanswered
        and relevance(q, facts, unanswered) is True
    ]


def expected_remaining(kb: KnowledgeBase, asked: Sequence[str], facts: Mapping[str, Known]) -> int:
    """A rough count of the questions still to come, for the progress indicator."""
    done = set(asked)
    pending_safety = sum(
        1
        for q in kb.questions
        if q.id not in done
        and q.purpose in ("core", "safety")
        and relevance(q, facts) is not False
        and not _settled(kb, q, facts)
    )
    return pending_safety + max(0, min(3, kb.settings.max_questions - len(asked) - pending_safety))

"""Conditions over answers, as data, with three-valued logic.

Rules and question relevance are written in the knowledge files as small expressions (``all``, ``any``,
``not``, and tests on one fact). A test on a fact nobody has answered is *unknown* (``None``), never
false: "ved ikke" is no evidence either way, so a rule fires only when its condition is definitely true.

Because ``all``/``any``/``not`` follow Kleene's logic, a rule that is true stays true when more answers
arrive; that is what makes red-flag rules impossible to lower by answering more questions.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Value = bool | str | int | frozenset[str]


@dataclass(frozen=True)
class Known:
    """What is known about one fact: an exact value, or only some values ruled out."""

    value: Value | None = None
    #: Enum values known not to hold (a checklist item left unticked).
    excluded: frozenset[str] = frozenset()
    #: List facts known item by item (checklists): item -> included?
    items: Mapping[str, bool] = field(default_factory=dict)
    #: For a partly known enum: the values still possible (set by whoever knows the fact's values).
    possible: frozenset[str] = frozenset()


Facts = Mapping[str, Known]
Truth = bool | None


@dataclass(frozen=True)
class FactIn:
    """True when the fact's value is one of ``values`` (lists: includes any of them).

    ``cautious``: "ved ikke" about the fact, once the person was asked and nothing more can be asked,
    counts the cautious way (see :func:`evaluate_cautious`); written ``if_unknown: true`` in the files.
    """

    fact: str
    values: tuple[str, ...]
    cautious: bool = False


@dataclass(frozen=True)
class Compare:
    """A comparison of an integer fact with a number."""

    fact: str
    op: Literal["lt", "le", "gt", "ge"]
    number: int
    cautious: bool = False


@dataclass(frozen=True)
class IsKnown:
    """True when something is known about the fact (``known: true``), or nothing (``known: false``)."""

    fact: str
    known: bool


@dataclass(frozen=True)
class Unanswered:
    """About none of ``facts`` is anything known.

    Plain evaluation can only say False (something is known) or unknown: whether the person *could not*
    answer is a matter of the interview (was the question asked?), so it becomes true only in
    :func:`evaluate_cautious`, when every listed fact was asked and stayed unknown.
    """

    facts: tuple[str, ...]


@dataclass(frozen=True)
class All:
    """True when every part is true."""

    parts: tuple[Expr, ...]


@dataclass(frozen=True)
class AnyOf:
    """True when at least one part is true."""

    parts: tuple[Expr, ...]


@dataclass(frozen=True)
class AtLeast:
    """True when at least ``count`` parts are true (false once too few can still be)."""

    count: int
    parts: tuple[Expr, ...]


@dataclass(frozen=True)
class Not:
    """The negation; unknown stays unknown."""

    part: Expr


Expr = FactIn | Compare | IsKnown | Unanswered | All | AnyOf | AtLeast | Not
#: The tests on facts (everything but the combinations).
Leaf = FactIn | Compare | IsKnown | Unanswered


def _fact_in(wanted: frozenset[str], known: Known | None) -> Truth:
    if known is None:
        return None
    value = known.value
    if isinstance(value, frozenset):
        return bool(value & wanted)
    if isinstance(value, bool):
        return ("true" if value else "false") in wanted
    if isinstance(value, str):
        return value in wanted
    if known.items:
        if any(known.items.get(v) for v in wanted):
            return True
        if all(known.items.get(v) is False for v in wanted):
            return False
        return None
    if known.excluded and wanted <= known.excluded:
        return False
    if known.excluded and known.possible and known.possible <= wanted:
        return True
    return None


_OPS: dict[str, Callable[[int, int], bool]] = {
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
}

Evaluator = Callable[[Facts], Truth]

#: Compiled expressions by identity (the knowledge base keeps its expressions for its whole life).
_COMPILED: dict[int, tuple[Expr, Evaluator]] = {}


def _compile(expr: Expr) -> Evaluator:
    """Turn an expression into a function of the facts, so each step evaluates without dispatching on
    types (the engine evaluates every rule and relevance condition on every answer)."""
    if isinstance(expr, FactIn):
        fact_id, wanted = expr.fact, frozenset(expr.values)
        return lambda facts: _fact_in(wanted, facts.get(fact_id))
    if isinstance(expr, Compare):
        fact_id, op, number = expr.fact, _OPS[expr.op], expr.number

        def compare(facts: Facts) -> Truth:
            known = facts.get(fact_id)
            if known is None or not isinstance(known.value, int) or isinstance(known.value, bool):
                return None
            return op(known.value, number)

        return compare
    if isinstance(expr, IsKnown):
        fact_id, want = expr.fact, expr.known
        return lambda facts: (fact_id in facts) == want
    if isinstance(expr, Unanswered):
        listed = expr.facts
        return lambda facts: False if any(f in facts for f in listed) else None
    if isinstance(expr, Not):
        inner = _compile(expr.part)

        def negate(facts: Facts) -> Truth:
            r = inner(facts)
            return None if r is None else not r

        return negate
    parts = tuple(_compile(p) for p in expr.parts)
    if isinstance(expr, All):

        def all_of(facts: Facts) -> Truth:
            undecided = False
            for part in parts:
                r = part(facts)
                if r is False:
                    return False
                undecided = undecided or r is None
            return None if undecided else True

        return all_of
    if isinstance(expr, AnyOf):

        def any_of(facts: Facts) -> Truth:
            undecided = False
            for part in parts:
                r = part(facts)
                if r is True:
                    return True
                undecided = undecided or r is None
            return None if undecided else False

        return any_of
    count = expr.count

    def at_least(facts: Facts) -> Truth:
        results = [part(facts) for part in parts]
        true = sum(r is True for r in results)
        if true >= count:
            return True
        return False if true + sum(r is None for r in results) < count else None

    return at_least


def evaluate(expr: Expr, facts: Facts) -> Truth:
    """Evaluate ``expr`` over what is known: True, False or None (unknown)."""
    compiled = _COMPILED.get(id(expr))
    if compiled is None or compiled[0] is not expr:
        compiled = _COMPILED[id(expr)] = (expr, _compile(expr))
    return compiled[1](facts)


def evaluate_cautious(expr: Expr, facts: Facts, assume: frozenset[str]) -> Truth:
    """Evaluate ``expr`` reading "ved ikke" the cautious way where the knowledge base asks for it.

    ``assume`` holds facts the person was asked about and could not answer (and that no other question
    can settle). A test marked ``cautious`` (or an ``unanswered`` test) on such a fact that is unknown
    takes whichever value makes the whole expression more likely to hold: true in a positive position,
    false under a ``not``. So a rule "when X" holds as a precaution when X could not be ruled out. Every
    other unknown stays unknown, and known answers count as they are.
    """
    if not (assume and cautious_facts(expr) & assume):
        return evaluate(expr, facts)  # nothing to read cautiously: the plain (compiled) evaluation
    return _cautious(expr, facts, assume, positive=True)


def _cautious(expr: Expr, facts: Facts, assume: frozenset[str], positive: bool) -> Truth:
    if isinstance(expr, Unanswered):
        plain = evaluate(expr, facts)
        if plain is None and all(f in assume for f in expr.facts):
            return positive
        return plain
    if isinstance(expr, FactIn | Compare | IsKnown):
        plain = evaluate(expr, facts)
        if plain is None and not isinstance(expr, IsKnown) and expr.cautious and expr.fact in assume:
            return positive
        return plain
    if isinstance(expr, Not):
        inner = _cautious(expr.part, facts, assume, not positive)
        return None if inner is None else not inner
    results = [_cautious(p, facts, assume, positive) for p in expr.parts]
    if isinstance(expr, All):
        if any(r is False for r in results):
            return False
        return True if all(r is True for r in results) else None
    if isinstance(expr, AnyOf):
        if any(r is True for r in results):
            return True
        return False if all(r is False for r in results) else None
    true = sum(r is True for r in results)
    unknown = sum(r is None for r in results)
    if true >= expr.count:
        return True
    return False if true + unknown < expr.count else None


_LEAVES: dict[int, tuple[Expr, tuple[Leaf, ...]]] = {}


def leaves(expr: Expr) -> tuple[Leaf, ...]:
    """The tests on single facts inside ``expr``, in order."""
    cached = _LEAVES.get(id(expr))
    if cached is not None and cached[0] is expr:
        return cached[1]
    out: tuple[Leaf, ...]
    if isinstance(expr, FactIn | Compare | IsKnown | Unanswered):
        out = (expr,)
    elif isinstance(expr, Not):
        out = leaves(expr.part)
    else:
        out = tuple(leaf for p in expr.parts for leaf in leaves(p))
    _LEAVES[id(expr)] = (expr, out)
    return out


def unanswered_tested(expr: Expr) -> frozenset[str]:
    """The facts of the ``unanswered`` tests inside ``expr``."""
    return frozenset(f for leaf in leaves(expr) if isinstance(leaf, Unanswered) for f in leaf.facts)


_CAUTIOUS: dict[int, tuple[Expr, frozenset[str]]] = {}


def cautious_facts(expr: Expr) -> frozenset[str]:
    """The facts the expression reads cautiously (marked tests and ``unanswered`` tests)."""
    cached = _CAUTIOUS.get(id(expr))
    if cached is not None and cached[0] is expr:
        return cached[1]
    out: set[str] = set()
    for leaf in leaves(expr):
        if isinstance(leaf, Unanswered):
            out |= set(leaf.facts)
        elif isinstance(leaf, FactIn | Compare) and leaf.cautious:
            out.add(leaf.fact)
    result = frozenset(out)
    _CAUTIOUS[id(expr)] = (expr, result)
    return result


def facts_used(expr: Expr) -> frozenset[str]:
    """Every fact id the expression reads (for cross-checks in the knowledge loader)."""
    if isinstance(expr, Unanswered):
        return frozenset(expr.facts)
    if isinstance(expr, FactIn | Compare | IsKnown):
        return frozenset({expr.fact})
    if isinstance(expr, All | AnyOf | AtLeast):
        out: frozenset[str] = frozenset()
        for p in expr.parts:
            out |= facts_used(p)
        return out
    return facts_used(expr.part)


def describe(expr: Expr) -> str:
    """A compact, stable text form of the expression (for docs and error messages)."""
    mark = " (ved ikke: cautious)" if isinstance(expr, FactIn | Compare) and expr.cautious else ""
    if isinstance(expr, FactIn):
        return f"{expr.fact} in {list(expr.values)}{mark}"
    if isinstance(expr, Compare):
        return f"{expr.fact} {expr.op} {expr.number}{mark}"
    if isinstance(expr, IsKnown):
        return f"{expr.fact} {'known' if expr.known else 'unknown'}"
    if isinstance(expr, Unanswered):
        return f"unanswered({', '.join(expr.facts)})"
    if isinstance(expr, All):
        return "all(" + ", ".join(describe(p) for p in expr.parts) + ")"
    if isinstance(expr, AnyOf):
        return "any(" + ", ".join(describe(p) for p in expr.parts) + ")"
    if isinstance(expr, AtLeast):
        return f"at_least({expr.count}: " + ", ".join(describe(p) for p in expr.parts) + ")"
    return f"not({describe(expr.part)})"

"""Conditions over answers, as data, with three-valued logic.

Rules and question relevance are written in the knowledge files as small expressions (``all``, ``any``,
``not``, and tests on one fact). A test on a fact nobody has answered is *unknown* (``None``), never
false: "ved ikke" is no evidence either way, so a rule fires only when its condition is definitely true.

Because ``all``/``any``/``not`` follow Kleene's logic, a rule that is true stays true when more answers
arrive; that is what makes red-flag rules impossible to lower by answering more questions.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    """True when the fact's value is one of ``values`` (lists: includes any of them)."""

    fact: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Compare:
    """A comparison of an integer fact with a number."""

    fact: str
    op: Literal["lt", "le", "gt", "ge"]
    number: int


@dataclass(frozen=True)
class IsKnown:
    """True when something is known about the fact (``known: true``), or nothing (``known: false``)."""

    fact: str
    known: bool


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


Expr = FactIn | Compare | IsKnown | All | AnyOf | AtLeast | Not


def _fact_in(expr: FactIn, known: Known | None) -> Truth:
    if known is None:
        return None
    wanted = set(expr.values)
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


def _compare(expr: Compare, known: Known | None) -> Truth:
    if known is None or not isinstance(known.value, int) or isinstance(known.value, bool):
        return None
    v, n = known.value, expr.number
    return {"lt": v < n, "le": v <= n, "gt": v > n, "ge": v >= n}[expr.op]


def evaluate(expr: Expr, facts: Facts) -> Truth:
    """Evaluate ``expr`` over what is known: True, False or None (unknown)."""
    if isinstance(expr, FactIn):
        return _fact_in(expr, facts.get(expr.fact))
    if isinstance(expr, Compare):
        return _compare(expr, facts.get(expr.fact))
    if isinstance(expr, IsKnown):
        return (expr.fact in facts) == expr.known
    if isinstance(expr, All):
        results = [evaluate(p, facts) for p in expr.parts]
        if any(r is False for r in results):
            return False
        return True if all(r is True for r in results) else None
    if isinstance(expr, AnyOf):
        results = [evaluate(p, facts) for p in expr.parts]
        if any(r is True for r in results):
            return True
        return False if all(r is False for r in results) else None
    if isinstance(expr, AtLeast):
        results = [evaluate(p, facts) for p in expr.parts]
        true = sum(r is True for r in results)
        unknown = sum(r is None for r in results)
        if true >= expr.count:
            return True
        return False if true + unknown < expr.count else None
    inner = evaluate(expr.part, facts)
    return None if inner is None else not inner


def facts_used(expr: Expr) -> frozenset[str]:
    """Every fact id the expression reads (for cross-checks in the knowledge loader)."""
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
    if isinstance(expr, FactIn):
        return f"{expr.fact} in {list(expr.values)}"
    if isinstance(expr, Compare):
        return f"{expr.fact} {expr.op} {expr.number}"
    if isinstance(expr, IsKnown):
        return f"{expr.fact} {'known' if expr.known else 'unknown'}"
    if isinstance(expr, All):
        return "all(" + ", ".join(describe(p) for p in expr.parts) + ")"
    if isinstance(expr, AnyOf):
        return "any(" + ", ".join(describe(p) for p in expr.parts) + ")"
    if isinstance(expr, AtLeast):
        return f"at_least({expr.count}: " + ", ".join(describe(p) for p in expr.parts) + ")"
    return f"not({describe(expr.part)})"

"""Three-valued conditions over answers: unknown is never false."""

import pytest

from haelguiden.engine.expressions import All, AnyOf, Compare, FactIn, IsKnown, Known, Not, evaluate

FEVER = FactIn("fever", ("true",))
OLD = Compare("age", "ge", 60)


@pytest.mark.parametrize(
    ("facts", "expr", "expected"),
    [
        ({}, FEVER, None),
        ({"fever": Known(True)}, FEVER, True),
        ({"fever": Known(False)}, FEVER, False),
        ({"age": Known(65)}, OLD, True),
        ({"age": Known(59)}, OLD, False),
        ({}, OLD, None),
        ({"fever": Known(True)}, All((FEVER, OLD)), None),
        ({"fever": Known(False)}, All((FEVER, OLD)), False),
        ({"fever": Known(True)}, AnyOf((FEVER, OLD)), True),
        ({"fever": Known(False)}, AnyOf((FEVER, OLD)), None),
        ({}, Not(FEVER), None),
        ({"fever": Known(False)}, Not(FEVER), True),
        ({}, IsKnown("fever", True), False),
        ({"fever": Known(excluded=frozenset({"x"}))}, IsKnown("fever", True), True),
    ],
)
def test_evaluate(facts: dict[str, Known], expr: object, expected: bool | None) -> None:
    assert evaluate(expr, facts) is expected  # type: ignore[arg-type]


def test_enum_ruled_out_by_a_checklist_is_false() -> None:
    facts = {"weight_bearing": Known(excluded=frozenset({"cannot"}))}
    assert evaluate(FactIn("weight_bearing", ("cannot",)), facts) is False
    assert evaluate(FactIn("weight_bearing", ("normal",)), facts) is None


def test_list_items_known_one_by_one() -> None:
    facts = {"history": Known(items={"psoriasis": True, "eye": False})}
    assert evaluate(FactIn("history", ("psoriasis",)), facts) is True
    assert evaluate(FactIn("history", ("eye",)), facts) is False
    assert evaluate(FactIn("history", ("bowel",)), facts) is None


def test_full_list_answer() -> None:
    facts = {"site": Known(frozenset({"heel_back"}))}
    assert evaluate(FactIn("site", ("heel_back", "calf")), facts) is True
    assert evaluate(FactIn("site", ("calf",)), facts) is False

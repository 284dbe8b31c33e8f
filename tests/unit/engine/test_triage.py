"""Triage on the tiny knowledge base: rules first, conditions' own levels, most urgent wins."""

from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import derive_facts
from haelguiden.engine.triage import red_flag_facts, triage
from tests.conftest import answers_of


def level(kb: KnowledgeBase, given: dict[str, object]) -> str:
    return triage(kb, derive_facts(kb, answers_of(kb, given))).level


def test_no_concern_is_self_care(tiny_kb: KnowledgeBase) -> None:
    assert level(tiny_kb, {"age": 40, "warning": "none", "site": "under"}) == "self_care"


def test_red_flag_rules(tiny_kb: KnowledgeBase) -> None:
    assert level(tiny_kb, {"age": 40, "warning": ["fever"]}) == "urgent"
    assert level(tiny_kb, {"age": 40, "warning": ["fever", "snap"]}) == "emergency"


def test_non_red_flag_rule(tiny_kb: KnowledgeBase) -> None:
    assert level(tiny_kb, {"age": 40, "weeks": 8}) == "professional"
    assert level(tiny_kb, {"age": 40, "weeks": 5}) == "self_care"


def test_dangerous_condition_escalates_below_first_place(tiny_kb: KnowledgeBase) -> None:
    # A child: infection has probability 1/3, above its 0.2 threshold, though it does not rank first.
    result = triage(tiny_kb, derive_facts(tiny_kb, answers_of(tiny_kb, {"age": 10, "site": "under"})))
    assert result.level == "urgent"
    reason = next(r for r in result.reasons if r.id == "infection")
    assert reason.kind == "condition"
    assert reason.probability is not None
    assert 0.2 <= reason.probability < 0.5


def test_red_flags_are_listed(tiny_kb: KnowledgeBase) -> None:
    facts = derive_facts(tiny_kb, answers_of(tiny_kb, {"warning": ["snap"]}))
    assert red_flag_facts(tiny_kb, facts) == ("snap",)


def test_reasons_are_ordered_most_urgent_first(tiny_kb: KnowledgeBase) -> None:
    result = triage(
        tiny_kb, derive_facts(tiny_kb, answers_of(tiny_kb, {"age": 40, "warning": ["fever", "snap"]}))
    )
    assert [r.id for r in result.reasons][:2] == ["snap", "fever"]

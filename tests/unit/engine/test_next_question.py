"""The interview order on the tiny knowledge base: core, safety, information gain, triage, stop."""

from haelguiden.engine.assess import assess, prune
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers
from tests.conftest import answers_of


def next_id(kb: KnowledgeBase, given: dict[str, object]) -> str | None:
    q = assess(kb, answers_of(kb, given)).question
    return q.id if q else None


def test_core_then_safety_first(tiny_kb: KnowledgeBase) -> None:
    assert next_id(tiny_kb, {}) == "age"
    assert next_id(tiny_kb, {"age": 40}) == "warning"


def test_diagnosis_by_information_gain(tiny_kb: KnowledgeBase) -> None:
    a = assess(tiny_kb, answers_of(tiny_kb, {"age": 40, "warning": "none"}))
    assert a.phase == "diagnosis"
    assert a.question is not None
    assert a.question.id == "site"
    assert a.information_gain > 0.3


def test_triage_question_asked_when_it_could_raise_urgency(tiny_kb: KnowledgeBase) -> None:
    a = assess(
        tiny_kb, answers_of(tiny_kb, {"age": 40, "warning": "none", "site": "under", "morning": "true"})
    )
    assert (a.phase, a.question.id if a.question else None) == ("triage", "weeks")


def test_triage_question_skipped_when_urgency_is_already_higher(tiny_kb: KnowledgeBase) -> None:
    a = assess(
        tiny_kb, answers_of(tiny_kb, {"age": 40, "warning": ["fever"], "site": "under", "morning": "true"})
    )
    assert a.done
    assert a.triage.level == "urgent"


def test_interview_ends_with_a_result(tiny_kb: KnowledgeBase) -> None:
    a = assess(
        tiny_kb,
        answers_of(tiny_kb, {"age": 40, "warning": "none", "site": "under", "morning": "true", "weeks": 2}),
    )
    assert a.done
    assert a.triage.level == "self_care"
    assert a.listed[0].condition.id == "fasciitis"
    assert [r.text.en for r in a.listed[0].explanation.for_] == ["Under the heel", "Worst in the morning"]


def test_never_asks_the_same_question_twice(tiny_kb: KnowledgeBase) -> None:
    answers = Answers()
    seen: list[str] = []
    while (q := assess(tiny_kb, answers).question) is not None:
        assert q.id not in seen
        seen.append(q.id)
        answers = answers.answer(tiny_kb, q.id, None)
    # With age unknown, infection (dangerous, threshold 0.2) sits near its threshold, so the question that
    # best rules it in or out ("morning") comes before the one that best separates the causes ("site").
    assert seen == ["age", "warning", "morning", "site", "weeks"]


def test_a_dangerous_condition_near_its_threshold_draws_the_question_that_settles_it(
    tiny_kb: KnowledgeBase,
) -> None:
    a = assess(tiny_kb, answers_of(tiny_kb, {"age": None, "warning": None}))
    assert (a.phase, a.question.id if a.question else None) == ("diagnosis", "morning")


def test_prune_drops_nothing_when_all_apply(tiny_kb: KnowledgeBase) -> None:
    a = answers_of(tiny_kb, {"age": 40, "site": "under"})
    assert prune(tiny_kb, a) == a

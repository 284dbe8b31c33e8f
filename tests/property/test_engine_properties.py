"""Properties that must hold for any answers, checked with Hypothesis on the real knowledge base."""

from __future__ import annotations

import itertools
import math
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haelguiden.engine.assess import assess, interview_progress
from haelguiden.engine.model import TRIAGE_RANK, KnowledgeBase, Question
from haelguiden.engine.ranking import posterior
from haelguiden.engine.state import Answers, derive_facts
from haelguiden.engine.triage import triage
from haelguiden.knowledge.loader import load_knowledge

KB = load_knowledge()
QUESTIONS = [q for q in KB.questions if q.purpose != "plan"]
PROPERTY = settings(
    max_examples=int(__import__("os").environ.get("HAELGUIDEN_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def value_for(q: Question) -> st.SearchStrategy[Any]:
    """Any valid answer to ``q``, including "ved ikke"."""
    if q.kind == "single":
        return st.one_of(st.none(), st.sampled_from([o.value for o in q.options]))
    if q.kind == "multi":
        return st.one_of(st.none(), st.lists(st.sampled_from([o.value for o in q.options]), unique=True))
    if q.kind == "number":
        fact = KB.facts[q.fact or ""]
        return st.one_of(st.none(), st.integers(fact.minimum or 0, min(fact.maximum or 100, 400)))
    return st.one_of(
        st.none(),
        st.just("none"),
        st.fixed_dictionaries({i.id: st.one_of(st.none(), st.booleans()) for i in q.items}),
    )


@st.composite
def answer_sets(draw: st.DrawFn) -> list[tuple[str, Any]]:
    chosen = draw(st.lists(st.sampled_from(QUESTIONS), unique_by=lambda q: q.id, max_size=14))
    return [(q.id, draw(value_for(q))) for q in chosen]


def build(pairs: list[tuple[str, Any]]) -> Answers:
    state = Answers()
    for qid, value in pairs:
        state = state.answer(KB, qid, value)
    return state


@PROPERTY
@given(answer_sets())
def test_posterior_is_a_probability_distribution(pairs: list[tuple[str, Any]]) -> None:
    probs = posterior(KB, derive_facts(KB, build(pairs)))
    assert all(p >= 0 for p in probs)
    assert math.isclose(sum(probs), 1.0, rel_tol=1e-9)


@PROPERTY
@given(answer_sets(), st.randoms(use_true_random=False))
def test_answer_order_does_not_change_the_result(pairs: list[tuple[str, Any]], rnd: Any) -> None:
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    a, b = assess(KB, build(pairs)), assess(KB, build(shuffled))
    assert a.triage.level == b.triage.level
    assert [r.condition.id for r in a.ranking] == [r.condition.id for r in b.ranking]
    pairs_of = zip(a.ranking, b.ranking, strict=True)
    assert all(math.isclose(x.probability, y.probability, abs_tol=1e-12) for x, y in pairs_of)
    assert (a.question.id if a.question else None) == (b.question.id if b.question else None)


@PROPERTY
@given(st.data())
def test_interview_terminates_and_never_repeats_a_question(data: st.DataObject) -> None:
    answers = Answers()
    asked: list[str] = []
    for _ in range(len(QUESTIONS) + 1):
        result = assess(KB, answers)
        if result.question is None:
            break
        q = result.question
        assert q.id not in asked
        asked.append(q.id)
        value = data.draw(value_for(q))
        if q.kind == "single" and value is not None:
            value = data.draw(st.sampled_from([o.value for o in result.options]))
        answers = answers.answer(KB, q.id, value)
    else:  # pragma: no cover - the loop must end by the break
        raise AssertionError("the interview did not end")
    assert assess(KB, answers).done


RED_FLAG_ANSWERS = [
    (q.id, {item.id: True}, item.fact)
    for q in QUESTIONS
    if q.kind == "checklist"
    for item in q.items
    if set(item.values) <= set(KB.facts[item.fact].red_flag_values)
] + [
    (q.id, value, q.fact)
    for q in QUESTIONS
    if q.kind == "single" and q.fact
    for value in KB.facts[q.fact].red_flag_values
    if value in [o.value for o in q.options]
]


@PROPERTY
@given(answer_sets(), st.sampled_from(RED_FLAG_ANSWERS))
def test_adding_a_red_flag_answer_never_lowers_urgency(
    pairs: list[tuple[str, Any]], flag: tuple[str, Any, str]
) -> None:
    qid, value, fact = flag
    covering = {q.id for q in KB.questions if fact in q.facts}
    base = [(q, v) for q, v in pairs if q not in covering]
    before = triage(KB, derive_facts(KB, build(base)))
    after = triage(KB, derive_facts(KB, build([*base, (qid, value)])))
    assert TRIAGE_RANK[after.level] <= TRIAGE_RANK[before.level]
    assert fact in after.red_flags


@PROPERTY
@given(answer_sets())
def test_answers_round_trip_through_json_form(pairs: list[tuple[str, Any]]) -> None:
    state = build(pairs)
    assert Answers.from_dict(KB, state.to_dict()) == state


def test_red_flag_answers_cover_every_red_flag_fact(kb: KnowledgeBase) -> None:
    covered = {fact for _, _, fact in RED_FLAG_ANSWERS}
    assert covered == {f.id for f in kb.facts.values() if f.red_flag_values}


@PROPERTY
@given(data=st.data())
def test_progress_never_goes_backwards_or_past_its_estimate(data: st.DataObject) -> None:
    answers = Answers()
    result = assess(KB, answers)
    shown = []
    while result.question is not None and len(shown) < 30:
        shown.append(interview_progress(KB, answers))
        q = result.question
        answers = answers.answer(KB, q.id, data.draw(value_for(q), label=q.id))
        result = assess(KB, answers)
    for before, after in itertools.pairwise(shown):
        assert after.estimate >= before.estimate
        assert after.fraction >= before.fraction
    assert all(p.number <= p.estimate and p.fraction < 1 for p in shown)

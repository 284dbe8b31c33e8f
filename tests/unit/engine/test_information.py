"""The matrix scorer gives every question the same score as the one-question-at-a-time definition."""

from __future__ import annotations

from pathlib import Path

import pytest

from haelguiden.engine.assess import assess
from haelguiden.engine.information import build_gain_matrix
from haelguiden.engine.model import TRIAGE_RANK, KnowledgeBase
from haelguiden.engine.next_question import (
    _gain_matrix,
    _tables,
    advice_change_chance,
    information_gain,
    near_threshold,
    risers,
    rule_out_gain,
)
from haelguiden.engine.ranking import entropy, model_for, posterior
from haelguiden.engine.state import Answers, derive_facts
from haelguiden.evaluation.harness import simulated_answer
from haelguiden.evaluation.vignettes import read_vignettes
from tests.conftest import shared_file


def _interview_states(kb: KnowledgeBase, path: Path) -> list[Answers]:
    states = []
    for vignette in read_vignettes(kb, path):
        answers = Answers()
        while True:
            states.append(answers)
            result = assess(kb, answers)
            if result.question is None:
                break
            answers = answers.answer(
                kb, result.question.id, simulated_answer(kb, result.question, vignette.facts)
            )
    return states


@pytest.mark.parametrize("watch_all", [False, True], ids=["watch-near-threshold", "watch-every-cause"])
def test_matrix_scores_equal_the_definition_on_every_step_of_the_dev_interviews(
    kb: KnowledgeBase, watch_all: bool
) -> None:
    model = model_for(kb)
    matrix = _gain_matrix(kb, model)
    scored = [q for q in kb.questions if q.id in matrix.index]
    assert len(scored) >= 10
    for answers in _interview_states(kb, shared_file("vignettes", "dev.jsonl")):
        facts = derive_facts(kb, answers)
        probs = posterior(kb, facts)
        watch = (
            list(range(len(probs)))
            if watch_all
            else near_threshold(kb, model, probs, TRIAGE_RANK["self_care"])
        )
        gains = matrix.scores(probs, entropy(probs), watch)
        for q in scored:
            if q.kind != "checklist" and q.fact in facts and facts[q.fact].excluded:
                continue  # scored by the definition itself (see next_question._gain)
            expected = information_gain(kb, model, q, probs, facts) + sum(
                rule_out_gain(kb, model, q, probs, facts, i) for i in watch
            )
            assert gains[matrix.index[q.id]] == pytest.approx(expected, abs=1e-9), q.id


def test_matrix_advice_change_equals_the_definition_on_every_step_of_the_dev_interviews(
    kb: KnowledgeBase,
) -> None:
    model = model_for(kb)
    matrix = _gain_matrix(kb, model)
    scored = [q for q in kb.questions if q.id in matrix.index]
    nonzero = 0
    for answers in _interview_states(kb, shared_file("vignettes", "dev.jsonl")):
        facts = derive_facts(kb, answers)
        probs = posterior(kb, facts)
        lifting = risers(kb, model, facts, TRIAGE_RANK["self_care"])
        chances = matrix.advice_change(probs, lifting)
        for q in scored:
            if q.kind != "checklist" and q.fact in facts and facts[q.fact].excluded:
                continue  # read by the definition itself (see next_question.choose)
            expected = advice_change_chance(kb, model, q, probs, facts, lifting)
            assert chances[matrix.index[q.id]] == pytest.approx(expected, abs=1e-12), q.id
            nonzero += expected > 0
    assert nonzero > 100  # the comparison is not between zeros


def test_the_chance_of_changing_the_advice_is_the_mass_of_the_answers_that_cross_a_threshold(
    kb: KnowledgeBase,
) -> None:
    # Two causes, the second (index 1) a riser with threshold 0.5; one yes/no observation with
    # P(yes | first) = 0.1 and P(yes | second) = 0.9. With priors 0.8 / 0.2: after "yes" the second has
    # 0.18 / (0.08 + 0.18) = 0.69 ≥ 0.5, after "no" 0.02 / 0.74 < 0.5; so the chance is P(yes) = 0.26.
    model = model_for(kb)
    table = {"yes": (0.1, 0.9), "no": (0.9, 0.1)}
    fake = type(model)(conditions=("a", "b"), features={}, priors={})
    matrix = build_gain_matrix(fake, {"q": [table]})
    chances = matrix.advice_change((0.8, 0.2), [(1, 0.5)])
    assert chances.tolist() == pytest.approx([0.26])
    assert matrix.advice_change((0.8, 0.2), [(1, 0.7)]).tolist() == [0.0]


def test_a_question_without_likelihood_tables_is_left_out(kb: KnowledgeBase) -> None:
    model = model_for(kb)
    tables = {qid: _tables(kb, model, kb.question(qid), {}) for qid in ("age", "pain_site")}
    matrix = build_gain_matrix(model, tables)
    assert list(matrix.index) == ["pain_site"]
    uniform = tuple(1 / len(model.conditions) for _ in model.conditions)
    assert matrix.scores(uniform, entropy(uniform)).shape == (1,)


def test_no_questions_give_no_scores(kb: KnowledgeBase) -> None:
    model = model_for(kb)
    matrix = build_gain_matrix(model, {})
    uniform = tuple(1 / len(model.conditions) for _ in model.conditions)
    assert matrix.scores(uniform, entropy(uniform)).shape == (0,)

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
    information_gain,
    near_threshold,
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

"""The naive Bayes ranking on the tiny knowledge base, checked against hand-computed numbers."""

import pytest

from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.ranking import distribution, model_for, posterior
from haelguiden.engine.state import derive_facts
from tests.conftest import answers_of


def test_prior_depends_on_the_age_band(tiny_kb: KnowledgeBase) -> None:
    adult = posterior(tiny_kb, derive_facts(tiny_kb, answers_of(tiny_kb, {"age": 40})))
    child = posterior(tiny_kb, derive_facts(tiny_kb, answers_of(tiny_kb, {"age": 10})))
    order = model_for(tiny_kb).conditions
    assert order == ("fasciitis", "infection", "tendon")
    assert adult == pytest.approx((6 / 9.2, 0.2 / 9.2, 3 / 9.2))
    assert child == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_one_answer_updates_by_its_likelihoods(tiny_kb: KnowledgeBase) -> None:
    facts = derive_facts(tiny_kb, answers_of(tiny_kb, {"age": 40, "site": "under"}))
    weights = (6 * 0.9, 0.2 * 0.5, 3 * 0.1)  # fasciitis, infection (baseline), tendon
    total = sum(weights)
    assert posterior(tiny_kb, facts) == pytest.approx(tuple(w / total for w in weights))


def test_unknown_answers_change_nothing(tiny_kb: KnowledgeBase) -> None:
    base = posterior(tiny_kb, derive_facts(tiny_kb, answers_of(tiny_kb, {"age": 40})))
    with_unknown = posterior(tiny_kb, derive_facts(tiny_kb, answers_of(tiny_kb, {"age": 40, "site": None})))
    assert with_unknown == base


def test_posterior_sums_to_one(tiny_kb: KnowledgeBase) -> None:
    facts = derive_facts(tiny_kb, answers_of(tiny_kb, {"warning": ["fever"], "morning": "false"}))
    assert sum(posterior(tiny_kb, facts)) == pytest.approx(1.0)


def test_partial_distribution_shares_the_rest_equally(tiny_kb: KnowledgeBase) -> None:
    fact = tiny_kb.facts["site"]
    assert distribution(fact, {"under": 0.9}) == pytest.approx({"under": 0.9, "back": 0.1})
    assert distribution(fact, {"under": 2, "back": 2}) == pytest.approx({"under": 0.5, "back": 0.5})


def test_floor_keeps_every_condition_possible(tiny_kb: KnowledgeBase) -> None:
    table = model_for(tiny_kb).features["fever"].table
    assert min(table["true"]) >= 0.01 - 1e-12

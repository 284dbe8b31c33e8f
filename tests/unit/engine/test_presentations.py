"""A condition with presentations is a mixture: facts independent within a presentation, not across."""

from __future__ import annotations

import math
import shutil

import pytest

from haelguiden.engine.explain import explain
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.ranking import answer_likelihood, model_for, posterior
from haelguiden.engine.state import derive_facts
from haelguiden.knowledge.loader import load_knowledge
from tests.conftest import TINY_KB, answers_of

# The tiny tendon condition, told as two presentations: a slow one (pain at the back, rarely worst in the
# morning) and a sudden one (often under the heel, mostly worst in the morning).
PRESENTATIONS = """
presentations:
  - id: slow
    weight: 0.75
    sources: [ref-2]
    evidence:
      site: {p: {back: 0.9}, sources: [ref-2]}
      morning: {p: {true: 0.2}, sources: [estimate]}
  - id: sudden
    weight: 0.25
    sources: [estimate]
    evidence:
      site: {p: {back: 0.5}, sources: [estimate]}
      morning: {p: {true: 0.8}, sources: [estimate]}
"""


@pytest.fixture(scope="module")
def mixed_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    target = tmp_path_factory.mktemp("kb") / "kb"
    shutil.copytree(TINY_KB, target)
    path = target / "conditions" / "tendon.yaml"
    path.write_text(path.read_text(encoding="utf-8") + PRESENTATIONS, encoding="utf-8")
    return load_knowledge(target)


def test_the_feature_tables_are_the_presentations_weighted_average(mixed_kb: KnowledgeBase) -> None:
    model = model_for(mixed_kb)
    tendon = model.conditions.index("tendon")
    assert model.features["site"].table["under"][tendon] == pytest.approx(0.75 * 0.1 + 0.25 * 0.5)
    assert model.features["morning"].table["true"][tendon] == pytest.approx(0.75 * 0.2 + 0.25 * 0.8)


def test_the_posterior_sums_over_presentations_not_over_averaged_facts(mixed_kb: KnowledgeBase) -> None:
    facts = derive_facts(mixed_kb, answers_of(mixed_kb, {"age": 40, "site": "under", "morning": "true"}))
    weights = (
        6 * 0.9 * 0.85,  # fasciitis
        0.2 * 0.5 * 0.1,  # infection (site from the baseline)
        3 * (0.75 * 0.1 * 0.2 + 0.25 * 0.5 * 0.8),  # tendon: 0.115, where averaged tables would give 0.07
    )
    total = sum(weights)
    assert posterior(mixed_kb, facts) == pytest.approx(tuple(w / total for w in weights))


def test_without_answers_about_its_facts_a_mixture_is_its_prior(mixed_kb: KnowledgeBase) -> None:
    facts = derive_facts(mixed_kb, answers_of(mixed_kb, {"age": 40}))
    assert posterior(mixed_kb, facts) == pytest.approx((6 / 9.2, 0.2 / 9.2, 3 / 9.2))


def test_one_answer_alone_counts_by_the_averaged_table(
    mixed_kb: KnowledgeBase,
) -> None:
    facts = derive_facts(mixed_kb, answers_of(mixed_kb, {"age": 40, "morning": "true"}))
    plain = posterior(mixed_kb, facts)
    assert plain[2] == pytest.approx(3 * 0.35 / (6 * 0.85 + 0.2 * 0.1 + 3 * 0.35))


def test_four_real_conditions_are_mixtures_of_two_presentations(kb: KnowledgeBase) -> None:
    assert {c.id: [p.id for p in c.presentations] for c in kb.conditions.values() if c.presentations} == {
        "infection": ["acute_soft_tissue", "smouldering_bone_infection"],
        "inflammatory_enthesitis": ["spondyloarthritis", "reactive_arthritis"],
        "not_heel": ["ankle_or_other_structure", "polyneuropathy"],
        "peripheral_arterial_disease": ["narrowed_arteries", "sudden_blockage"],
    }


def test_burning_soles_numb_like_a_stocking_in_both_feet_rank_polyneuropathy_above_arterial_disease(
    kb: KnowledgeBase,
) -> None:
    # Polyneuropathy is one of the things "elsewhere" (not_heel) gathers; averaged with ankle problems its
    # signs cancelled out and arterial disease, which also burns at night, came first.
    facts = derive_facts(
        kb,
        answers_of(
            kb,
            {
                "age": 63,
                "pain_site": ["heel_underside", "forefoot"],
                "duration": 180,
                "function_signs": {"wakes_at_night": True, "stocking_numbness": True},
                "history": {"diabetes": False},
                "pain_pattern": {"burning": True},
            },
        ),
    )
    model = model_for(kb)
    probs = dict(zip(model.conditions, posterior(kb, facts), strict=True))
    assert max(probs, key=probs.__getitem__) == "not_heel"
    assert probs["not_heel"] > 2 * probs["peripheral_arterial_disease"]


def test_every_presentations_average_stays_close_to_the_conditions_own_evidence(kb: KnowledgeBase) -> None:
    # The model reads the weighted average; the condition's own table is what a reviewer reads as "the
    # condition", so the two must tell the same story (within 0.035 for every value).
    for condition in kb.conditions.values():
        for fact_id in {f for p in condition.presentations for f in p.evidence}:
            own = condition.evidence.get(fact_id)
            if own is None:
                continue
            for value, p in own.p.items():
                average = sum(
                    pr.weight * pr.evidence[fact_id].p.get(value, 0.0) for pr in condition.presentations
                )
                assert average == pytest.approx(p, abs=0.035), (condition.id, fact_id, value)


def test_a_heel_wound_that_has_lasted_months_counts_for_a_smouldering_bone_infection(
    kb: KnowledgeBase,
) -> None:
    # Months of pain and a wound on the heel: together they point to osteomyelitis under the wound, more
    # than the averaged tables (mostly days-long, red and hot infections) would say.
    facts = derive_facts(kb, answers_of(kb, {"age": 56, "duration": 180, "skin": "wound_or_ulcer"}))
    model = model_for(kb)
    i = model.conditions.index("infection")
    mixed = posterior(kb, facts)[i]
    averaged = model.priors["middle"][i]
    for key, value in (("duration_days", "6_weeks_to_6_months"), ("skin_finding", "wound_or_ulcer")):
        averaged *= model.features[key].table[value][i]
    others = [
        model.priors["middle"][j]
        * model.features["duration_days"].table["6_weeks_to_6_months"][j]
        * model.features["skin_finding"].table["wound_or_ulcer"][j]
        for j in range(len(model.conditions))
        if j != i
    ]
    assert mixed > 1.5 * averaged / (averaged + sum(others))


def test_an_answers_weight_in_the_explanation_is_read_through_the_presentations_the_others_point_to(
    kb: KnowledgeBase,
) -> None:
    # Months of pain speak less against infection once a heel wound points to the smouldering kind.
    def duration_ratio(given: dict[str, object]) -> float:
        answers = answers_of(kb, given)
        explanation = explain(kb, derive_facts(kb, answers), "infection", answers)
        (reason,) = [r for r in explanation.for_ + explanation.against if r.fact == "duration_days"]
        return reason.ratio

    alone = duration_ratio({"age": 56, "duration": 180})
    with_wound = duration_ratio({"age": 56, "duration": 180, "skin": "wound_or_ulcer"})
    assert alone == pytest.approx(0.39, abs=0.01)
    assert with_wound == pytest.approx(0.65, abs=0.01)


def test_without_presentations_an_answers_likelihood_is_its_table_value(mixed_kb: KnowledgeBase) -> None:
    model = model_for(mixed_kb)
    seen = [("site", "under"), ("morning", "true")]
    fasciitis = model.conditions.index("fasciitis")
    assert answer_likelihood(model, fasciitis, seen, 1, 0.85) == 0.85
    tendon = model.conditions.index("tendon")
    # P(morning | tendon, under) = (0.75·0.1·0.2 + 0.25·0.5·0.8) / (0.75·0.1 + 0.25·0.5)
    assert answer_likelihood(model, tendon, seen, 1, 0.35) == pytest.approx(0.115 / 0.2)


def test_heel_pain_weeks_after_a_gut_infection_with_other_swollen_joints_points_to_reactive_arthritis(
    kb: KnowledgeBase,
) -> None:
    # Two weeks of pain and an infection a few weeks before go together in a reactive arthritis; averaged
    # with spondyloarthritis (months long) the short course counted against the inflammatory cause.
    given = {
        "age": 25,
        "pain_site": ["heel_back"],
        "duration": 14,
        "inflammation": {"recent_infection": True, "other_joints": True},
    }
    facts = derive_facts(kb, answers_of(kb, given))
    model = model_for(kb)
    i = model.conditions.index("inflammatory_enthesitis")
    seen = [
        ("duration_days", "2_to_6_weeks"),
        ("recent_infection", "true"),
        ("other_joints", "true"),
    ]
    mixture = model.mixtures[i]
    assert mixture.correction(seen) > math.log(3)  # the mixture's likelihood over 3 × the averaged one
    assert posterior(kb, facts)[i] == max(posterior(kb, facts))

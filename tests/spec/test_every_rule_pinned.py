"""Every triage rule, pinned: a person it applies to, and proof that the rule alone sets their level.

For each rule in rules.yaml there is one witness: answers (question id → answer, ``None`` = "ved ikke")
for which the self-check's triage is exactly the rule's level, with the rule among the reasons. A mutation
check then lowers that one rule by a step, and removes it, and requires the witness's triage to drop: so if
anybody lowers a rule's level or stops it from firing, ``test_the_witness_gets_the_rules_level`` fails.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from haelguiden.engine.assess import assess
from haelguiden.engine.model import TRIAGE_LEVELS, TRIAGE_RANK, KnowledgeBase, TriageRule
from tests.conftest import answers_of

#: An adult with ordinary plantar heel pain who said "no" to every warning sign: self-care.
ADULT: dict[str, Any] = {
    "age": 45,
    "pain_site": ["heel_underside"],
    "duration": 30,
    "injury": "none",
    "warning_signs": "none",
    "function_signs": "none",
    "history": "none",
}

WITNESSES: dict[str, dict[str, Any]] = {
    # --- 112 -------------------------------------------------------------------------------------------
    "fall_from_height_with_back_pain": {**ADULT, "injury": "fall_from_height", "back": "back_only"},
    "cauda_equina": {**ADULT, "warning_signs": ["saddle"]},
    "severely_unwell": {**ADULT, "warning_signs": ["severely_unwell"]},
    "acute_ischaemia": {**ADULT, "age": 70, "warning_signs": ["foot_cold_pale"], "onset": "sudden"},
    # --- same day --------------------------------------------------------------------------------------
    "cold_pale_foot": {**ADULT, "age": 70, "warning_signs": ["foot_cold_pale"], "onset": "gradual"},
    "fall_from_height": {**ADULT, "injury": "fall_from_height", "back": "none"},
    "swollen_calf_recent": {**ADULT, "pain_site": ["calf"], "duration": 3, "local_signs": ["swelling"]},
    "cannot_walk": {**ADULT, "function_signs": ["cannot_walk"]},
    "snap_or_kick": {**ADULT, "function_signs": ["pop"]},
    "tendon_gap": {**ADULT, "function_signs": ["tendon_gap"]},
    "cannot_tiptoe": {**ADULT, "function_signs": ["cannot_tiptoe"]},
    "fever": {**ADULT, "warning_signs": ["fever"]},
    # a red, swollen bump where the shoe rubs, three days old: no cause reaches its own same-day threshold
    "hot_red_swollen_recent": {
        **ADULT,
        "age": 25,
        "pain_site": ["heel_back"],
        "duration": 3,
        "onset": "gradual",
        "local_signs": ["redness", "swelling"],
        "skin": "none",
        "back_of_heel": ["shoe", "bump"],
    },
    "fluoroquinolone_now": {**ADULT, "history": ["quinolone"], "quinolone_when": "current"},
    # a course that has ended, Achilles pain, and the signs of a tear could not be answered
    "quinolone_tendon_tear_not_excluded": {
        **ADULT,
        "pain_site": ["achilles_tendon"],
        "history": ["quinolone"],
        "quinolone_when": "recent",
        "function_signs": None,
    },
    # a limping five-year-old whose parent could not answer the warning signs (fever among them)
    "young_child_limp_fever_unknown": {**ADULT, "age": 5, "warning_signs": None, "walking": "limping"},
    "diabetes_foot_signs": {**ADULT, "history": ["diabetes"], "local_signs": ["swelling"], "skin": "none"},
    "wound_with_infection_signs": {
        **ADULT,
        "duration": 60,
        "warning_signs": ["wound"],
        "local_signs": ["redness"],
    },
    "at_risk_foot_signs": {
        **ADULT,
        "nerve_signs": ["numb"],
        "numbness": "both_feet_stocking",
        "local_signs": ["swelling"],
    },
    "at_risk_foot_skin_break_inflamed": {
        **ADULT,
        "history": ["diabetes"],
        "skin": "crack",
        "local_signs": None,
    },
    "wound_fever_unknown": {**ADULT, "duration": 5, "warning_signs": None, "skin": "wound_or_ulcer"},
    "recent_heel_injury": {**ADULT, "injury": "blow_to_heel", "duration": 2, "local_signs": ["bruising"]},
    "sudden_pain_after_heel_injection": {**ADULT, "history": ["heel_injection"], "onset": "sudden"},
    "child_warning_signs": {**ADULT, "age": 10, "function_signs": ["wakes_at_night"]},
    # --- own GP within days ----------------------------------------------------------------------------
    "night_pain": {**ADULT, "function_signs": ["wakes_at_night"], "hanging_foot": "false"},
    "ischaemic_rest_pain": {
        "age": 45,
        "pain_site": ["heel_underside"],
        "duration": 30,
        "warning_signs": "none",
        "hanging_foot": "true",
    },
    "cancer_history": {**ADULT, "history": ["cancer"]},
    "weight_loss": {**ADULT, "history": ["weight_loss"]},
    "fluoroquinolone_recent": {**ADULT, "history": ["quinolone"], "quinolone_when": "recent"},
    "foot_weakness": {**ADULT, "warning_signs": ["foot_weakness"]},
    "wound": {**ADULT, "duration": 60, "warning_signs": ["wound"], "local_signs": "none"},
    "swollen_heel_inflammatory_disease": {
        **ADULT,
        "pain_site": ["heel_back"],
        "duration": 60,
        "inflammation": {
            "other_joints": False,
            "back_stiffness": False,
            "recent_infection": False,
            "psoriasis": True,
            "bowel": False,
            "eye": False,
        },
        "local_signs": ["swelling"],
    },
    "progressive_pain_not_mechanical": {
        **ADULT,
        "duration": 200,
        "trend": "worsening",
        "pain_pattern": {
            "first_steps": False,
            "warm_up": False,
            "during": False,
            "after": False,
            "burning": False,
            "at_rest": False,
        },
        "self_care_weeks": 2,
    },
    "worse_after_heel_injection": {
        **ADULT,
        "duration": 60,
        "history": ["heel_injection"],
        "onset": "gradual",
        "trend": "worsening",
    },
    "stocking_numbness": {
        **ADULT,
        "nerve_signs": ["numb"],
        "numbness": "both_feet_stocking",
        "local_signs": "none",
        "skin": "none",
    },
    "child_rest_pain": {**ADULT, "age": 10, "pain_pattern": ["at_rest", "during"]},
    "child_swollen_heel": {**ADULT, "age": 10, "local_signs": ["swelling"], "duration": 5},
    "inflammatory_pattern": {**ADULT, "side": "both", "stiffness": 60},
    "at_risk_foot_skin_break": {**ADULT, "history": ["diabetes"], "skin": "crack", "local_signs": "none"},
    "rest_pain_older_adult": {**ADULT, "age": 70, "pain_pattern": ["at_rest", "during"]},
    "pain_not_following_load": {**ADULT, "pain_pattern": ["at_rest"], "nerve_signs": "none"},
    "progressive_swelling_without_injury": {
        **ADULT,
        "pain_site": ["heel_back"],  # at the back of the heel, so not swollen_heel_without_injury
        "duration": 90,
        "local_signs": ["swelling"],
        "trend": "worsening",
    },
    "young_child": {**ADULT, "age": 6},
    "swollen_heel_without_injury": {**ADULT, "local_signs": ["swelling"]},
    "other_joints": {**ADULT, "inflammation": ["other_joints"]},
    "after_recent_infection": {**ADULT, "inflammation": ["recent_infection"]},
    "suspected_stress_fracture": {**ADULT, "sport": ["running"], "squeeze": "true"},
    # more running, then heel pain, and the squeeze test could not be done
    "stress_fracture_not_excluded": {
        **ADULT,
        "sport": ["running"],
        "load": {"more_activity": True},
        "squeeze": None,
    },
    # --- physiotherapist or GP, not urgent -------------------------------------------------------------
    "self_care_not_working": {**ADULT, "duration": 50, "self_care_weeks": 8, "trend": "unchanged"},
    "worsening_despite_self_care": {**ADULT, "duration": 40, "self_care_weeks": 4, "trend": "worsening"},
    "long_course_not_improving": {
        **ADULT,
        "duration": 120,
        "trend": None,
        "self_care_weeks": None,
        "self_care_tried": None,
    },
    "structured_self_care_without_known_benefit": {
        **ADULT,
        "duration": 45,
        "self_care_tried": ["stretching"],
        "self_care_weeks": None,
        "trend": None,
    },
    "warning_signs_unanswered": {
        **ADULT,
        "warning_signs": None,
        "function_signs": None,
        "pain_pattern": None,
    },
    "diabetes": {**ADULT, "history": ["diabetes"], "skin": "none", "local_signs": "none"},
}


def level_with(kb: KnowledgeBase, given: dict[str, Any]) -> tuple[str, set[str]]:
    """The triage level of the answers, and the ids of the rules (and precautions) behind it."""
    result = assess(kb, answers_of(kb, given))
    return result.triage.level, {r.id for r in result.triage.reasons if r.kind in ("rule", "precaution")}


def with_rule(kb: KnowledgeBase, rule_id: str, replacement: TriageRule | None) -> KnowledgeBase:
    """A copy of the knowledge base with one rule replaced (or removed, when ``replacement`` is None)."""
    rules = tuple(
        replacement if r.id == rule_id else r for r in kb.rules if r.id != rule_id or replacement is not None
    )
    return dataclasses.replace(kb, rules=rules)


def test_every_rule_has_a_witness(kb: KnowledgeBase) -> None:
    assert sorted(WITNESSES) == sorted(r.id for r in kb.rules)


@pytest.mark.parametrize("rule_id", sorted(WITNESSES))
def test_the_witness_gets_the_rules_level(kb: KnowledgeBase, rule_id: str) -> None:
    rule = next(r for r in kb.rules if r.id == rule_id)
    level, reasons = level_with(kb, WITNESSES[rule_id])
    assert (level, rule_id in reasons) == (rule.level, True)


@pytest.mark.parametrize("rule_id", sorted(WITNESSES))
def test_lowering_or_removing_the_rule_lowers_the_witness(kb: KnowledgeBase, rule_id: str) -> None:
    rule = next(r for r in kb.rules if r.id == rule_id)
    lower = TRIAGE_LEVELS[TRIAGE_RANK[rule.level] + 1]
    lowered, _ = level_with(
        with_rule(kb, rule_id, dataclasses.replace(rule, level=lower)), WITNESSES[rule_id]
    )
    removed, _ = level_with(with_rule(kb, rule_id, None), WITNESSES[rule_id])
    assert TRIAGE_RANK[lowered] > TRIAGE_RANK[rule.level]
    assert TRIAGE_RANK[removed] > TRIAGE_RANK[rule.level]

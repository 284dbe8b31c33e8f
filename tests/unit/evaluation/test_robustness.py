"""Forgetting facts at random: what may be forgotten, and that a run can be repeated exactly."""

from __future__ import annotations

import pytest

from haelguiden.engine.model import KnowledgeBase
from haelguiden.evaluation.robustness import drop_facts, droppable
from haelguiden.evaluation.vignettes import Vignette

PATIENT = Vignette(
    id="p-1",
    facts={
        "age": 41,
        "pain_site": ["achilles_tendon"],
        "pop_or_kick": True,
        "fever": False,
        "onset": "sudden",
        "duration_days": 1,
        "sport": ["racket_sports"],
        "swelling": True,
        "trend": "unchanged",
    },
)


def test_age_site_and_red_flag_values_are_never_forgotten(kb: KnowledgeBase) -> None:
    assert droppable(kb, PATIENT) == ["fever", "onset", "duration_days", "sport", "swelling", "trend"]
    assert set(drop_facts(kb, PATIENT, 1.0, seed=7).facts) == {"age", "pain_site", "pop_or_kick"}


def test_the_share_forgotten_is_rounded_from_the_droppable_facts(kb: KnowledgeBase) -> None:
    kept = drop_facts(kb, PATIENT, 0.5, seed=1).facts
    assert len(kept) == 9 - 3


def test_the_same_seed_forgets_the_same_facts(kb: KnowledgeBase) -> None:
    assert drop_facts(kb, PATIENT, 0.3, seed=4) == drop_facts(kb, PATIENT, 0.3, seed=4)
    assert drop_facts(kb, PATIENT, 0.0, seed=4) == PATIENT


def test_a_share_outside_0_to_1_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="rate must be from 0 to 1"):
        drop_facts(kb, PATIENT, 1.5, seed=1)

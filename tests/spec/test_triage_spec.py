"""Triage on the real knowledge base, as a readable specification (clinical reference §3.2).

Each row is a person's answers (question id → answer) and the triage level the rules must give.
"""

import pytest

from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import derive_facts
from haelguiden.engine.triage import fired_rules, triage
from tests.conftest import answers_of

ADULT_PF = {"age": 45, "pain_site": ["heel_underside"], "injury": "none", "warning_signs": "none"}

SPEC = [
    # (description, answers, expected level)
    (
        "fall from 3 m with back pain → 112",
        {"age": 48, "injury": "fall_from_height", "back": "back_only"},
        "emergency",
    ),
    ("fall from a height alone → same day", {"age": 48, "injury": "fall_from_height"}, "urgent"),
    ("saddle numbness → 112", {"age": 50, "warning_signs": ["saddle"]}, "emergency"),
    ("feeling very unwell → 112", {"age": 50, "warning_signs": ["severely_unwell"]}, "emergency"),
    (
        "sudden cold pale foot → 112",
        {"age": 70, "warning_signs": ["foot_cold_pale"], "onset": "sudden"},
        "emergency",
    ),
    (
        "gradual cold pale foot → same day",
        {"age": 70, "warning_signs": ["foot_cold_pale"], "onset": "gradual"},
        "urgent",
    ),
    ("snap at the back of the leg → same day", {"age": 41, "function_signs": ["pop"]}, "urgent"),
    ("cannot rise on tiptoe → same day", {"age": 41, "function_signs": ["cannot_tiptoe"]}, "urgent"),
    ("cannot take four steps → same day", {"age": 30, "function_signs": ["cannot_walk"]}, "urgent"),
    ("fever → same day", {"age": 30, "warning_signs": ["fever"]}, "urgent"),
    (
        "quinolone now → same day",
        {"age": 67, "history": ["quinolone"], "quinolone_when": "current"},
        "urgent",
    ),
    (
        "quinolone recently → GP in days",
        {**ADULT_PF, "history": ["quinolone"], "quinolone_when": "recent"},
        "gp",
    ),
    ("night pain waking you → GP", {**ADULT_PF, "function_signs": ["wakes_at_night"]}, "gp"),
    ("cancer history → GP", {**ADULT_PF, "history": ["cancer"]}, "gp"),
    ("weight loss → GP", {**ADULT_PF, "history": ["weight_loss"]}, "gp"),
    ("wound → GP at least", {**ADULT_PF, "warning_signs": ["wound"], "local_signs": "none"}, "gp"),
    (
        "wound with diabetes → same day",
        {**ADULT_PF, "warning_signs": ["wound"], "history": ["diabetes"]},
        "urgent",
    ),
    ("diabetes with typical pain → professional", {**ADULT_PF, "history": ["diabetes"]}, "professional"),
    (
        "red hot swollen heel since yesterday → same day",
        {"age": 58, "local_signs": ["swelling", "redness", "warmth"], "duration": 1},
        "urgent",
    ),
    (
        "long-standing red bump where the shoe rubs → not same day",
        {
            "age": 26,
            "pain_site": ["heel_back"],
            "local_signs": ["swelling", "redness"],
            "onset": "gradual",
            "duration": 60,
        },
        "self_care",
    ),
    ("child who cannot walk → same day", {"age": 9, "function_signs": ["cannot_walk"]}, "urgent"),
    (
        "child with rest pain, no fever or redness → GP",
        {
            "age": 9,
            "pain_site": ["heel_back"],
            "warning_signs": "none",
            "function_signs": "none",
            "local_signs": "none",
            "pain_pattern": ["during", "at_rest"],
        },
        "gp",
    ),
    (
        "child with rest pain and nothing else known → same day (infection cannot be excluded)",
        {"age": 9, "pain_pattern": ["at_rest"], "function_signs": "none"},
        "urgent",
    ),
    (
        "six weeks of self-care without improvement → physiotherapist",
        {**ADULT_PF, "self_care_weeks": 6, "trend": "unchanged"},
        "professional",
    ),
    (
        "three weeks of self-care → self-care",
        {**ADULT_PF, "self_care_weeks": 3, "trend": "unchanged"},
        "self_care",
    ),
    (
        "eight weeks of self-care and improving → self-care",
        {**ADULT_PF, "self_care_weeks": 8, "trend": "improving"},
        "self_care",
    ),
    (
        "worse after four weeks of self-care → physiotherapist",
        {**ADULT_PF, "self_care_weeks": 4, "trend": "worsening"},
        "professional",
    ),
]


@pytest.mark.parametrize(("description", "given", "expected"), SPEC, ids=[row[0] for row in SPEC])
def test_triage_spec(kb: KnowledgeBase, description: str, given: dict[str, object], expected: str) -> None:
    result = triage(kb, derive_facts(kb, answers_of(kb, given)))
    assert result.level == expected, [r.id for r in result.reasons]


def test_a_rule_gives_its_reason_in_both_languages(kb: KnowledgeBase) -> None:
    fired = fired_rules(kb, derive_facts(kb, answers_of(kb, {"function_signs": ["pop"]})))
    assert [r.id for r in fired] == ["snap_or_kick"]
    assert fired[0].text.da.startswith("Et smæld")
    assert fired[0].text.en.startswith("A snap")


def test_chest_pain_is_ticked_on_a_warning_sign_line_that_calls_112(kb: KnowledgeBase) -> None:
    # Leg pain with chest pain or breathlessness can be a clot in the lung (clinical reference §3.2 tier 1).
    lines = [i for i in kb.question("warning_signs").items if "ondt i brystet" in i.label.da]
    assert [(i.fact, "chest pain" in i.label.en) for i in lines] == [("severely_unwell", True)]
    result = triage(kb, derive_facts(kb, answers_of(kb, {**ADULT_PF, "warning_signs": [lines[0].id]})))
    assert result.level == "emergency"
    assert "ondt i brystet" in result.reasons[0].text.da


@pytest.mark.parametrize(
    ("signs", "fires"),
    [
        (["redness", "swelling"], True),
        (["warmth", "swelling"], True),  # redness hides on dark skin; warmth and swelling are felt
        (["redness", "warmth"], True),
        (["swelling"], False),
        (["warmth"], False),
    ],
)
def test_two_of_red_warm_and_swollen_within_days_call_for_a_doctor_today(
    kb: KnowledgeBase, signs: list[str], fires: bool
) -> None:
    given = {**ADULT_PF, "duration": 2, "local_signs": signs}
    fired = [r.id for r in fired_rules(kb, derive_facts(kb, answers_of(kb, given)))]
    assert ("hot_red_swollen_recent" in fired) is fires

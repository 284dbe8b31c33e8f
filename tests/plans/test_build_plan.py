"""Which plan a person gets, and its variants: by condition, age, diabetes, numbness and triage level."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haelguiden.engine.model import TRIAGE_LEVELS
from haelguiden.engine.plan import NoPlan, Plan, PlanLibrary, build_plan
from haelguiden.knowledge.plans import CONDITION_IDS


def plan_of(
    library: PlanLibrary,
    condition: str | None,
    level: str = "self_care",
    age: int | None = 45,
    diabetes: bool = False,
    numbness: bool = False,
    traits: tuple[str, ...] = (),
) -> Plan:
    built = build_plan(library, condition, level, age, diabetes, numbness, traits)
    assert isinstance(built, Plan)
    return built


@pytest.mark.parametrize(
    ("condition", "age", "plan_id", "variant"),
    [
        ("plantar_fasciitis", 45, "plantar_fasciitis", "condition"),
        ("achilles_tendinopathy_midportion", 38, "achilles_tendinopathy_midportion", "condition"),
        ("achilles_tendinopathy_insertional", 60, "achilles_tendinopathy_insertional", "condition"),
        ("retrocalcaneal_bursitis", 50, "retrocalcaneal_bursitis", "condition"),
        ("fat_pad_syndrome", 70, "fat_pad_syndrome", "condition"),
        ("nerve_entrapment", 40, "nerve_entrapment", "condition"),
        ("skin_lesion", 30, "skin_lesion", "condition"),
        ("not_heel", 55, "not_heel", "condition"),
        ("calcaneal_apophysitis", 11, "calcaneal_apophysitis", "condition"),
        # Conditions without a self-care plan of their own get the general plan ...
        ("inflammatory_enthesitis", 35, "general", "fallback"),
        ("gout", 65, "general", "fallback"),
        (None, 45, "general", "fallback"),
        # ... and so does an adult whose leading cause only has a children's plan.
        ("calcaneal_apophysitis", 30, "general", "fallback"),
        # Children get the child plan instead of an adult one, but keep the plans written for everyone.
        ("plantar_fasciitis", 12, "calcaneal_apophysitis", "child"),
        ("achilles_tendinopathy_midportion", 15, "calcaneal_apophysitis", "child"),
        ("gout", 9, "calcaneal_apophysitis", "child"),
        ("skin_lesion", 10, "skin_lesion_child", "condition"),
        ("not_heel", 8, "not_heel_child", "condition"),
        # 16 is the first adult age; an unknown age counts as adult.
        ("plantar_fasciitis", 16, "plantar_fasciitis", "condition"),
        ("plantar_fasciitis", None, "plantar_fasciitis", "condition"),
    ],
)
def test_plan_by_condition_and_age(
    library: PlanLibrary, condition: str | None, age: int | None, plan_id: str, variant: str
) -> None:
    plan = plan_of(library, condition, age=age)
    assert (plan.id, plan.variant) == (plan_id, variant)


def test_the_plantar_plan_week_by_week(library: PlanLibrary) -> None:
    plan = plan_of(library, "plantar_fasciitis")
    layout = [
        (phase.id, [(b.weeks.first, b.weeks.last, [i.exercise.id for i in b.items]) for b in phase.blocks])
        for phase in plan.phases
    ]
    everything = [
        "plantar_fascia_stretch",
        "calf_stretch_knee_straight",
        "calf_stretch_knee_bent",
        "sole_roll",
        "towel_heel_raise",
    ]
    assert layout == [
        ("start", [(1, 2, everything), (3, 4, everything), (5, 6, everything)]),
        (
            "build",
            [
                (
                    7,
                    12,
                    [
                        "towel_heel_raise",
                        "plantar_fascia_stretch",
                        "calf_stretch_knee_straight",
                        "calf_stretch_knee_bent",
                    ],
                )
            ],
        ),
    ]
    raises = [
        i for p in plan.phases for b in p.blocks for i in b.items if i.exercise.id == "towel_heel_raise"
    ]
    assert [(str(i.stage.parts[0].sets), str(i.stage.parts[0].reps)) for i in raises] == [
        ("3", "12"),
        ("4", "10"),
        ("5", "8"),
        ("5", "8"),
    ]
    assert [i.optional for i in plan.phases[0].blocks[0].items] == [False, False, False, True, False]


def test_the_achilles_plan_has_phases_alternatives_and_pain_monitoring(library: PlanLibrary) -> None:
    plan = plan_of(library, "achilles_tendinopathy_midportion")
    assert [(p.weeks.first, p.weeks.last) for p in plan.phases] == [(1, 2), (3, 5), (6, 12), (13, 26)]
    assert [p.blocks[0].items[0].stage.weeks.first for p in plan.phases] == [1, 3, 6, 13]
    assert [a.id for a in plan.alternatives] == ["alfredson", "heavy_slow"]
    hsr_blocks = plan.alternatives[1].phases[0].blocks
    assert [(b.weeks.first, b.weeks.last) for b in hsr_blocks] == [(1, 1), (2, 3), (4, 5), (6, 8), (9, 12)]
    assert plan.pain_monitoring is library.rules.pain_monitoring


def test_an_ordinary_adult_plan_has_no_running_or_weight_advice(library: PlanLibrary) -> None:
    plan = plan_of(library, "plantar_fasciitis")
    assert plan.audience == "adult"
    assert plan.advice_ids == (
        "relative_rest",
        "footwear_cushioning",
        "heel_cup",
        "ice",
        "painkillers",
        "physiotherapist",
        "rarely_needed",
    )
    assert [s.level for s in plan.seek_help] == ["urgent"] * 3 + ["gp"] * 5 + ["professional"]
    assert [t.id for t in plan.timeline] == ["two_weeks", "first_change", "check", "review", "recovery"]
    assert plan.pain_monitoring is None  # only the return-to-running advice uses it
    assert plan.sources[0] == "ref-2"
    assert plan.sources[-1] == "estimate"


def test_a_runner_gets_running_advice_and_pain_monitoring(library: PlanLibrary) -> None:
    plan = plan_of(library, "plantar_fasciitis", traits=("runner",))
    assert "running_return" in plan.advice_ids
    assert "weight" not in plan.advice_ids
    assert plan.pain_monitoring is library.rules.pain_monitoring


def test_the_weight_advice_is_only_for_people_who_say_they_are_overweight(library: PlanLibrary) -> None:
    plan = plan_of(library, "plantar_fasciitis", traits=("overweight",))
    assert plan.advice_ids[4] == "weight"
    assert "running_return" not in plan.advice_ids
    both = plan_of(library, "plantar_fasciitis", traits=("overweight", "runner"))
    assert both.advice_ids[4:6] == ("weight", "running_return")


def test_an_unknown_trait_is_refused(library: PlanLibrary) -> None:
    with pytest.raises(ValueError, match=r"^Unknown trait\(s\) swimmer\. Use: overweight, runner\.$"):
        build_plan(library, "plantar_fasciitis", "self_care", 45, False, False, ("swimmer",))


def test_a_child_gets_the_parents_plan_without_heavy_loading(library: PlanLibrary) -> None:
    plan = plan_of(library, "plantar_fasciitis", age=12)
    assert plan.title.da == "Plan for dit barns hæl"
    assert plan.audience == "child"
    assert plan.advice_ids == (
        "child_reassurance",
        "child_activity",
        "child_heel_raise",
        "ice_child",
        "painkillers_child",
    )
    assert [e.id for e in plan.exercises] == ["calf_stretch_knee_straight", "calf_stretch_knee_bent"]
    assert not any(e.heavy for e in plan.exercises)
    assert [s.id for s in plan.seek_help] == ["child_red_flags", "child_limp", "child_not_better"]
    assert plan.pain_monitoring is None


def test_diabetes_without_numbness_keeps_ice_and_adds_assessment(library: PlanLibrary) -> None:
    plan = plan_of(library, "plantar_fasciitis", diabetes=True)
    assert plan.advice_ids[0] == "diabetes_assessment"
    assert "ice" in plan.advice_ids
    assert "diabetes_wound" in [s.id for s in plan.seek_help]
    assert library.advice["diabetes_assessment"].sources == ("ref-69",)


def test_diabetes_with_numbness_gets_no_ice_or_cold(library: PlanLibrary) -> None:
    plan = plan_of(library, "plantar_fasciitis", diabetes=True, numbness=True)
    assert plan.advice_ids == (
        "diabetes_assessment",
        "relative_rest",
        "footwear_cushioning",
        "heel_cup",
        "painkillers",
        "physiotherapist",
        "rarely_needed",
    )
    assert "sole_roll" not in [e.id for e in plan.exercises]
    assert "diabetes_wound" in [s.id for s in plan.seek_help]


def test_numbness_alone_also_leaves_out_ice(library: PlanLibrary) -> None:
    plan = plan_of(library, "nerve_entrapment", numbness=True)
    assert "ice" not in plan.advice_ids
    assert "diabetes_assessment" not in plan.advice_ids


#: Words that address the reader; in a child's plan they must be about the child ("dit barn").
_ADDRESS = re.compile(r"\b(du|dig|din|dine)\b", re.IGNORECASE)
_ABOUT_THE_CHILD = re.compile(r"barn|børn|forælder")


@pytest.mark.parametrize("level", ["self_care", "professional", "gp"])
@pytest.mark.parametrize("condition", [None, *CONDITION_IDS])
def test_every_childs_plan_is_written_for_the_parent(
    library: PlanLibrary, condition: str | None, level: str
) -> None:
    plan = plan_of(library, condition, level, age=11, diabetes=True)
    texts = {
        "intro": plan.intro.da,
        **{a.id: a.text.da for a in plan.advice},
        **{s.id: s.text.da for s in plan.seek_help},
        **{t.id: t.text.da for t in plan.timeline},
    }
    speaks_to_the_child = {
        k for k, text in texts.items() if _ADDRESS.search(text) and not _ABOUT_THE_CHILD.search(text)
    }
    assert speaks_to_the_child == set()
    assert plan.audience == "child"


@pytest.mark.parametrize(
    ("level", "title_da", "reason_en"),
    [
        (
            "emergency",
            "Ring 112 nu",
            "We are not making a self-care plan for you. Your answers suggest that you need help straight "
            "away. Call 112.",
        ),
        (
            "urgent",
            "Kontakt en læge i dag",
            "We are not making a self-care plan for you now. Your answers suggest that a doctor should look "
            "at your foot today, before you start treating it yourself. Contact your own doctor or the "
            "out-of-hours doctor (lægevagten).",
        ),
    ],
)
def test_urgent_levels_get_no_plan_but_the_reason(
    library: PlanLibrary, level: str, title_da: str, reason_en: str
) -> None:
    result = build_plan(library, "plantar_fasciitis", level, 45, False, False)
    assert isinstance(result, NoPlan)
    assert (result.triage_level, result.title.da, result.reason.en) == (level, title_da, reason_en)
    assert result.reason.da.startswith("Vi laver ikke en plan for egenbehandling til dig")


def test_gp_level_gets_the_short_plan_until_the_doctor(library: PlanLibrary) -> None:
    for condition, age in (("calcaneal_stress_fracture", 30), ("plantar_fasciitis", 45)):
        plan = plan_of(library, condition, "gp", age=age)
        assert (plan.id, plan.variant, plan.kind) == ("until_doctor", "interim", "interim")
        assert plan.phases == ()
        assert plan.exercises == ()
        assert plan.advice_ids == ("interim_rest", "footwear_cushioning", "ice", "painkillers")
        assert plan.seek_help[0].level == "emergency"


def test_a_child_at_gp_level_gets_the_short_plan_written_for_the_parent(library: PlanLibrary) -> None:
    plan = plan_of(library, "gout", "gp", age=10, diabetes=True)
    assert (plan.id, plan.variant, plan.audience) == ("until_doctor_child", "interim", "child")
    assert plan.title.da == "Indtil dit barn har været hos lægen"
    assert plan.advice_ids == (
        "diabetes_assessment_child",
        "interim_rest_child",
        "ice_child",
        "painkillers_child",
    )
    assert [s.id for s in plan.seek_help] == [
        "cold_pale_foot",
        "child_red_flags",
        "worse_before_appointment_child",
        "diabetes_wound_child",
    ]


def test_professional_level_is_told_to_get_an_assessment(library: PlanLibrary) -> None:
    plan = plan_of(library, "achilles_tendinopathy_midportion", "professional")
    assert plan.id == "achilles_tendinopathy_midportion"
    assert plan.advice_ids[0] == "professional_assessment"
    with_diabetes = plan_of(library, "achilles_tendinopathy_midportion", "professional", diabetes=True)
    assert with_diabetes.advice_ids[:2] == ("professional_assessment", "diabetes_assessment")
    child = plan_of(library, "calcaneal_apophysitis", "professional", age=11, diabetes=True)
    assert child.advice_ids[:2] == ("professional_assessment_child", "diabetes_assessment_child")
    assert "diabetes_wound_child" in [s.id for s in child.seek_help]


def test_bad_arguments_are_explained(library: PlanLibrary) -> None:
    with pytest.raises(
        ValueError, match=r"^Unknown triage level 'soon'\. Use one of: emergency, urgent, gp, "
    ):
        build_plan(library, "plantar_fasciitis", "soon", 45, False, False)
    with pytest.raises(ValueError, match=r"^Age must be a whole number of years from 0 to 130, not -1\.$"):
        build_plan(library, "plantar_fasciitis", "self_care", -1, False, False)


@settings(max_examples=300, deadline=None)
@given(
    condition=st.one_of(st.none(), st.sampled_from(CONDITION_IDS)),
    level=st.sampled_from(TRIAGE_LEVELS),
    age=st.one_of(st.none(), st.integers(min_value=0, max_value=130)),
    diabetes=st.booleans(),
    numbness=st.booleans(),
)
def test_safety_properties_of_every_plan(
    library: PlanLibrary, condition: str | None, level: str, age: int | None, diabetes: bool, numbness: bool
) -> None:
    result = build_plan(library, condition, level, age, diabetes, numbness)
    if level in ("emergency", "urgent"):
        assert isinstance(result, NoPlan)
        return
    assert isinstance(result, Plan)
    child = age is not None and age < 16
    if child or level == "gp":
        assert not any(e.heavy for e in result.exercises)
    if level == "gp":
        assert result.id == ("until_doctor_child" if child else "until_doctor")
    assert result.audience == ("child" if child else "adult")
    if numbness:
        assert not any(a.avoid_if_numbness for a in result.advice)
        assert not any(e.avoid_if_numbness for e in result.exercises)
    assert (
        ("diabetes_assessment_child" if child else "diabetes_assessment") in result.advice_ids
    ) == diabetes
    ranks = [TRIAGE_LEVELS.index(s.level) for s in result.seek_help]
    assert ranks == sorted(ranks)
    assert result.seek_help
    assert len(result.advice_ids) == len(set(result.advice_ids))

"""The real plan library: it loads, everything it refers to exists, and every item cites a source."""

from __future__ import annotations

import yaml

from haelguiden.engine.plan import Amount, PlanLibrary, WeekRange
from haelguiden.knowledge.plans import CONDITION_IDS, default_directory

KB_DIR = default_directory()
SELF_CARE_CONDITIONS = {
    "plantar_fasciitis",
    "achilles_tendinopathy_midportion",
    "achilles_tendinopathy_insertional",
    "retrocalcaneal_bursitis",
    "fat_pad_syndrome",
    "nerve_entrapment",
    "calcaneal_apophysitis",
    "skin_lesion",
    "not_heel",
}


def known_sources() -> set[str]:
    data = yaml.safe_load((KB_DIR / "sources.yaml").read_text("utf-8"))
    return {entry["id"] for entry in data["sources"]} | {"estimate"}


def test_the_library_has_every_exercise_the_brief_asks_for(library: PlanLibrary) -> None:
    assert sorted(library.exercises) == [
        "alfredson_heel_drop_knee_bent",
        "alfredson_heel_drop_knee_straight",
        "calf_stretch_knee_bent",
        "calf_stretch_knee_straight",
        "heel_raise_two_legs",
        "hsr_seated_heel_raise",
        "hsr_standing_heel_raise",
        "insertional_heel_drop",
        "plantar_fascia_stretch",
        "silbernagel_progression",
        "sole_roll",
        "towel_heel_raise",
    ]


def test_one_plan_per_self_care_condition_and_audience_plus_general_and_interim(library: PlanLibrary) -> None:
    by_condition: dict[tuple[str, str], str] = {}
    for plan in library.plans.values():
        for condition in plan.conditions:
            for audience in plan.audience:
                assert (condition, audience) not in by_condition
                by_condition[condition, audience] = plan.id
    assert {c for c, _ in by_condition} == SELF_CARE_CONDITIONS
    assert all(by_condition.get((c, "adult"), c) == c for c in SELF_CARE_CONDITIONS)
    # The plans a child can get for a condition are written for the parent.
    assert {k: v for k, v in by_condition.items() if k[1] == "child"} == {
        ("calcaneal_apophysitis", "child"): "calcaneal_apophysitis",
        ("skin_lesion", "child"): "skin_lesion_child",
        ("not_heel", "child"): "not_heel_child",
    }
    assert set(library.plans) == SELF_CARE_CONDITIONS | {
        "general",
        "until_doctor",
        "until_doctor_child",
        "skin_lesion_child",
        "not_heel_child",
    }
    assert {c for c, _ in by_condition} <= set(CONDITION_IDS)


def test_the_condition_files_point_at_these_plans(library: PlanLibrary, kb: object) -> None:
    conditions = kb.conditions  # type: ignore[attr-defined]
    for condition in conditions.values():
        if condition.plan is not None:
            assert condition.id in library.plans[condition.plan].conditions


def test_every_exercise_is_used_and_every_used_exercise_exists(library: PlanLibrary) -> None:
    used = {
        item.exercise
        for plan in library.plans.values()
        for phase in (*plan.phases, *(p for alt in plan.alternatives for p in alt.phases))
        for item in phase.exercises
    }
    assert used == set(library.exercises)


def test_every_item_cites_known_sources(library: PlanLibrary) -> None:
    known = known_sources()
    cited: list[tuple[str, tuple[str, ...]]] = []
    for exercise in library.exercises.values():
        cited.append((exercise.id, exercise.sources))
        cited += [(f"{exercise.id} weeks {s.weeks.first}", s.sources) for s in exercise.dosage]
    cited += [(a.id, a.sources) for a in library.advice.values()]
    cited += [(s.id, s.sources) for s in library.seek_help.values()]
    for plan in library.plans.values():
        cited.append((plan.id, plan.sources))
        cited += [(f"{plan.id}: {t.id}", t.sources) for t in plan.timeline]
        for phase in (*plan.phases, *(p for alt in plan.alternatives for p in alt.phases)):
            cited.append((f"{plan.id}: {phase.id}", phase.sources))
            cited += [(f"{plan.id}: {phase.id}: {x.exercise}", x.sources) for x in phase.exercises]
    rules = library.rules
    cited += [(f"no plan {n.level}", n.sources) for n in rules.no_plan]
    cited += [("pain monitoring", rules.pain_monitoring.sources), ("rules", rules.sources)]
    unsourced = [name for name, sources in cited if not sources or not set(sources) <= known]
    assert unsourced == []


def test_the_key_doses_from_the_clinical_reference(library: PlanLibrary) -> None:
    rathleff = library.exercises["towel_heel_raise"]
    assert [(s.weeks.first, s.weeks.last) for s in rathleff.dosage] == [(1, 2), (3, 4), (5, 12)]
    assert [(p.sets.low, p.reps.low) for s in rathleff.dosage for p in s.parts if p.sets and p.reps] == [
        (3, 12),
        (4, 10),
        (5, 8),
    ]
    assert all(s.every_other_day and s.sources == ("ref-6", "ref-7") for s in rathleff.dosage)
    for version in ("alfredson_heel_drop_knee_straight", "alfredson_heel_drop_knee_bent"):
        (stage,) = library.exercises[version].dosage
        (part,) = stage.parts
        assert (stage.weeks, part.sets, part.reps) == (WeekRange(1, 12), Amount(3, 3), Amount(15, 15))
        assert (stage.per_day, stage.days_per_week) == (Amount(2, 2), Amount(7, 7))
        assert stage.sources == ("ref-40", "ref-41")
    beyer = library.exercises["hsr_seated_heel_raise"].dosage
    assert [f"{s.parts[0].sets}x{s.parts[0].reps}" for s in beyer] == ["3x15", "3x12", "4x10", "4x8", "4x6"]
    assert all(str(s.days_per_week) == "3" for s in beyer)
    (insertional,) = library.exercises["insertional_heel_drop"].dosage
    assert insertional.sources == ("ref-42",)
    zones = [(z.low, z.high) for z in library.rules.pain_monitoring.zones]
    assert zones == [(0, 2), (3, 5), (6, 10)]
    assert library.rules.pain_monitoring.sources == ("ref-43",)


def test_heavy_loading_never_reaches_children_or_the_interim_plan(library: PlanLibrary) -> None:
    for plan in library.plans.values():
        if "child" in plan.audience or plan.kind == "interim":
            used = [x.exercise for phase in plan.phases for x in phase.exercises]
            assert not any(library.exercises[e].heavy for e in used), plan.id


def test_the_seed_page_self_care_topics_are_all_in_the_plantar_plan(library: PlanLibrary) -> None:
    plan = library.plans["plantar_fasciitis"]
    assert plan.advice == (
        "relative_rest",
        "footwear_cushioning",
        "heel_cup",
        "ice",
        "weight",
        "running_return",
        "painkillers",
        "physiotherapist",
        "rarely_needed",
    )
    exercises = {x.exercise for phase in plan.phases for x in phase.exercises}
    assert {"plantar_fascia_stretch", "calf_stretch_knee_straight", "sole_roll"} <= exercises
    advice = library.advice
    assert "10–15 minutter, højst 20 minutter" in advice["ice"].text.da
    assert "diabetes med nervepåvirkning" in advice["ice"].text.da
    assert "Stop ikke al bevægelse" in advice["relative_rest"].text.da
    assert "trykbølgebehandling (shockwave)" in advice["physiotherapist"].text.da
    assert "tape" in advice["physiotherapist"].text.da
    assert "fjerner ikke årsagen" in advice["painkillers"].text.da
    assert "Operation er kun for de få" in advice["rarely_needed"].text.da
    assert "før du tager de første skridt om morgenen" in " ".join(
        library.exercises["plantar_fascia_stretch"].steps.da
    )
    assert "6–8 uger" in library.seek_help["not_better_6_8_weeks"].text.da
    assert [t.id for t in plan.timeline if t.kind == "check"] == ["two_weeks", "check"]

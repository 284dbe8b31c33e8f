"""A plan in one language: every dose written out in plain words, headings and timeline ready to show."""

from __future__ import annotations

from haelguiden.engine.plan import (
    Amount,
    DosePart,
    DoseStage,
    NoPlan,
    Plan,
    PlanLibrary,
    Tempo,
    WeekRange,
    build_plan,
    dose_lines,
    exercise_for_lang,
    no_plan_for_lang,
    plan_for_lang,
    weeks_label,
)


def built(library: PlanLibrary, condition: str) -> Plan:
    plan = build_plan(library, condition, "self_care", 45, False, False)
    assert isinstance(plan, Plan)
    return plan


def test_rathleff_doses_in_danish_and_english(library: PlanLibrary) -> None:
    exercise = library.exercises["towel_heel_raise"]
    labels = library.rules.labels
    assert dose_lines(exercise.dosage[1], labels, "da") == (
        "4 sæt × 10 gentagelser, så tungt, at 10 er det meste, du kan, 3 sek. op, 2 sek. stille, 3 sek. ned",
        "Hver anden dag",
        "Tag en rygsæk med bøger på, så 10 gentagelser er det meste, du kan.",
    )
    assert dose_lines(exercise.dosage[0], labels, "en") == (
        "3 sets × 12 repetitions, heavy enough that 12 is the most you can do, 3 s up, 2 s still, 3 s down",
        "Every other day",
    )


def test_stretch_alfredson_and_heavy_slow_doses(library: PlanLibrary) -> None:
    labels = library.rules.labels
    (stretch,) = library.exercises["plantar_fascia_stretch"].dosage
    assert dose_lines(stretch, labels, "da") == (
        "10 gentagelser, hold 10 sekunder",
        "3 gange om dagen",
        "Gerne oftere, og altid før de første skridt om morgenen.",
    )
    (alfredson,) = library.exercises["alfredson_heel_drop_knee_bent"].dosage
    assert dose_lines(alfredson, labels, "en") == ("3 sets × 15 repetitions", "2 times a day, every day")
    beyer = library.exercises["hsr_standing_heel_raise"].dosage[4]
    assert dose_lines(beyer, labels, "da") == (
        "4 sæt × 6 gentagelser, så tungt, at 6 er det meste, du kan, 3 sek. op og 3 sek. ned",
        "3 dage om ugen",
        "2–3 minutters pause mellem sættene",
    )


def test_a_phased_stage_lists_each_movement(library: PlanLibrary) -> None:
    stage = library.exercises["silbernagel_progression"].dosage[0]
    assert dose_lines(stage, library.rules.labels, "en") == (
        "Two-leg heel raise: 3 sets × 10–15 repetitions",
        "One-leg heel raise: 3 sets × 10 repetitions",
        "Seated heel raise: 3 sets × 10 repetitions",
        "Eccentric heel raise: 3 sets × 10 repetitions",
        "Every day",
    )
    maintenance = library.exercises["silbernagel_progression"].dosage[3]
    assert dose_lines(maintenance, library.rules.labels, "da")[:2] == (
        "Vælg øvelserne fra fase 3",
        "2–3 dage om ugen",
    )


def test_small_doses_read_naturally(library: PlanLibrary) -> None:
    labels = library.rules.labels
    once = DoseStage(
        WeekRange(1, 1),
        (DosePart(minutes=Amount(1, 2), tempo=Tempo(2, 0, 2)),),
        ("estimate",),
        per_day=Amount(1, 1),
    )
    assert dose_lines(once, labels, "da") == ("1–2 minutter, 2 sek. op og 2 sek. ned", "1 gang om dagen")
    assert dose_lines(once, labels, "en") == ("1–2 minutes, 2 s up and 2 s down", "Once a day")


def test_week_labels(library: PlanLibrary) -> None:
    labels = library.rules.labels
    assert weeks_label(WeekRange(3, 3), labels, "da") == "Uge 3"
    assert weeks_label(WeekRange(1, 6), labels, "da") == "Uge 1–6"
    assert weeks_label(WeekRange(5, None), labels, "en") == "From week 5"
    assert weeks_label(WeekRange(7, 12), labels, "en") == "Weeks 7–12"


def test_the_plan_in_english(library: PlanLibrary) -> None:
    plan = build_plan(library, "plantar_fasciitis", "self_care", 45, False, False, ("runner",))
    assert isinstance(plan, Plan)
    local = plan_for_lang(plan, "en")
    assert local.title == "Your plan for pain under the heel"
    assert local.headings.seek_help == "Stop and get help"
    assert local.not_a_diagnosis.startswith("Hælguiden does not make a diagnosis.")
    assert [(p.title, p.weeks) for p in local.phases] == [
        ("Getting started", "Weeks 1–6"),
        ("Build on it", "Weeks 7–12"),
    ]
    assert [b.weeks for b in local.phases[0].blocks] == ["Weeks 1–2", "Weeks 3–4", "Weeks 5–6"]
    first = local.phases[0].blocks[0].items[0]
    assert (first.name, first.dose[0], first.optional) == (
        "Plantar fascia stretch",
        "10 repetitions, hold for 10 seconds",
        False,
    )
    assert [(t.when, t.kind) for t in local.timeline] == [
        ("After 2 weeks", "check"),
        ("After 4–6 weeks", "change"),
        ("After 6–8 weeks", "check"),
        ("After 12 weeks", "review"),
        ("Within a year", "recovery"),
    ]
    assert local.pain_monitoring is not None
    assert local.pain_monitoring.zones == (("0–2", "Safe"), ("3–5", "Acceptable"), ("6–10", "Too much"))
    assert [e.id for e in local.exercises][:2] == ["plantar_fascia_stretch", "calf_stretch_knee_straight"]


def test_the_plan_in_danish_keeps_every_advice_item(library: PlanLibrary) -> None:
    plan = built(library, "achilles_tendinopathy_insertional")
    local = plan_for_lang(plan, "da")
    assert [a.title for a in local.advice][:3] == [
        "Senen har brug for belastning",
        "Sko, der ikke trykker bag på hælen",
        "Undgå dybe lægstræk",
    ]
    assert local.seek_help[0].text.startswith("Du mærker et smæld")
    assert local.exercises[0].name == "Excentrisk hælsænkning til gulvniveau"


def test_one_exercise_table_with_each_exercise_once_and_its_weekly_progression(library: PlanLibrary) -> None:
    programme = plan_for_lang(built(library, "plantar_fasciitis"), "da").programme
    assert programme is not None
    rows = {row.exercise_id: row for row in programme.rows}
    assert list(rows) == [
        "plantar_fascia_stretch",
        "calf_stretch_knee_straight",
        "calf_stretch_knee_bent",
        "sole_roll",
        "towel_heel_raise",
    ]
    stretch = rows["plantar_fascia_stretch"]
    assert (stretch.weeks, stretch.progresses, stretch.common) == (None, False, ())
    assert [(d.weeks, d.lines) for d in stretch.doses] == [
        (
            "Uge 1–12",
            (
                "10 gentagelser, hold 10 sekunder",
                "3 gange om dagen",
                "Gerne oftere, og altid før de første skridt om morgenen.",
            ),
        )
    ]
    roll = rows["sole_roll"]
    assert (roll.weeks, roll.optional) == ("Uge 1–6", True)
    raise_ = rows["towel_heel_raise"]
    assert raise_.progresses
    assert raise_.common == (
        "3 sek. op, 2 sek. stille, 3 sek. ned",
        "Hver anden dag",
        "Brug så meget vægt, at du lige netop kan klare gentagelserne",
    )
    assert [(d.weeks, d.lines) for d in raise_.doses] == [
        ("Uge 1–2", ("3 sæt × 12 gentagelser",)),
        (
            "Uge 3–4",
            ("4 sæt × 10 gentagelser", "Tag en rygsæk med bøger på, så 10 gentagelser er det meste, du kan."),
        ),
        (
            "Uge 5–12",
            ("5 sæt × 8 gentagelser", "Læg flere bøger i rygsækken, efterhånden som du bliver stærkere."),
        ),
    ]


def test_the_seek_help_items_are_grouped_under_what_to_do(library: PlanLibrary) -> None:
    local = plan_for_lang(built(library, "plantar_fasciitis"), "da")
    assert [(g.level, g.heading, len(g.items)) for g in local.seek_help_groups] == [
        ("urgent", "Kontakt en læge i dag, hvis …", 3),
        ("gp", "Kontakt egen læge inden for få dage, hvis …", 5),
        ("professional", "Kontakt en fysioterapeut eller egen læge, hvis …", 1),
    ]
    assert local.seek_help_groups[2].items[0].text == "Det er ikke tydeligt bedre efter 6–8 uger med planen."


#: Words that say where to go or how soon: only the level's heading says that, so the two cannot disagree.
_ACTIONS = ("Ring 112", "samme dag", "inden for", "Kontakt", "Tal med", "lægevagten")


def test_no_seek_help_item_says_where_to_go_itself(library: PlanLibrary) -> None:
    saying = {i.id: i.text.da for i in library.seek_help.values() if any(a in i.text.da for a in _ACTIONS)}
    assert saying == {}


def test_a_childs_plan_has_headings_for_the_parent(library: PlanLibrary) -> None:
    plan = build_plan(library, "calcaneal_apophysitis", "self_care", 11, False, False)
    assert isinstance(plan, Plan)
    headings = plan_for_lang(plan, "da").headings
    assert (headings.advice, headings.how_to, headings.timeline) == (
        "Det kan I selv gøre",
        "Sådan laver barnet øvelserne",
        "Hvad kan I forvente?",
    )


def test_an_exercise_in_one_language(library: PlanLibrary) -> None:
    local = exercise_for_lang(library.exercises["towel_heel_raise"], library.rules.labels, "da")
    assert local.drawing == "towel_heel_raise.svg"
    assert [s.weeks for s in local.dosage] == ["Uge 1–2", "Uge 3–4", "Uge 5–12"]
    assert local.steps[0] == "Rul et håndklæde sammen, og læg det på kanten af trinnet."
    assert local.stop_if[0] == "Du mærker en pludselig, skarp smerte eller et smæld under foden."


def test_no_plan_in_one_language(library: PlanLibrary) -> None:
    result = build_plan(library, None, "emergency", 45, False, False)
    assert isinstance(result, NoPlan)
    local = no_plan_for_lang(result, "da")
    assert (local.triage_level, local.title) == ("emergency", "Ring 112 nu")
    assert local.reason.endswith("Ring 112.")

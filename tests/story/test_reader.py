"""What the story reader takes from a sentence, as a table: Danish and English sentences -> exact facts.

Each row is a sentence as a patient might write it and the complete set of facts the reader must return
(nothing more). Negation, doubt, numbers, ages, sides and the red-flag rule each have their own rows.
"""

from __future__ import annotations

import datetime as dt

import pytest

from haelguiden.story import StoryReader

DA: list[tuple[str, dict[str, object]]] = [
    # the issue's own example
    (
        "Jeg har haft ondt under hælen i tre måneder, værst når jeg står op om morgenen. "
        "Jeg løber tre gange om ugen og har ikke slået mig.",
        {
            "pain_site": ("heel_underside",),
            "duration_days": 90,
            "first_steps_pain": True,
            "sport": ("running",),
        },
    ),
    # durations and numbers as people say them
    (
        "For ti uger siden begyndte det at gøre ondt under hælen.",
        {"pain_site": ("heel_underside",), "onset": "gradual", "duration_days": 70},
    ),
    ("Jeg har haft ondt i et par måneder.", {"duration_days": 60}),
    # a bad moment in an older pain does not date its start; "siden i går" does
    (
        "I nogle måneder har jeg haft ondt. I morges gjorde det så ondt, at jeg måtte halte hjem.",
        {"duration_days": 90},
    ),
    ("Siden i går aftes har hælen gjort ondt.", {"duration_days": 1}),
    ("Jeg har haft ondt i halvanden måned.", {"duration_days": 45}),
    ("Jeg har haft ondt i hælen i et halvt år.", {"duration_days": 182}),
    ("De sidste tre-fire uger har det gjort ondt.", {"duration_days": 24}),
    (
        "I går begyndte min akillessene at gøre ondt.",
        {"pain_site": ("achilles_tendon",), "onset": "gradual", "duration_days": 1},
    ),
    ("Jeg har lavet øvelser i seks uger.", {"self_care_weeks": 6}),
    (
        "Jeg har brugt hælindlæg i to måneder.",
        {"self_care_tried": ("insoles_or_heel_cups",), "self_care_weeks": 9},
    ),
    ("Jeg løber 3-4 gange om ugen.", {"sport": ("running",)}),
    ("Om morgenen er jeg stiv i et kvarters tid.", {"morning_stiffness_min": 15}),
    ("Smerten er 7 ud af 10, når den er værst.", {"pain_score": 7}),
    (
        "Jeg faldt ned fra stigen, omkring tre meter.",
        {"onset": "sudden", "injury": "fall_from_height", "fall_height_m": 3},
    ),
    # how it started
    ("Pludselig begyndte det at gøre ondt.", {"onset": "sudden"}),
    ("Det er kommet snigende.", {"onset": "gradual"}),
    # ages
    (
        "Min søn på 9 har ondt i hælene efter fodbold.",
        {"age": 9, "sex": "male", "side": "both", "sport": ("ball_sports",)},
    ),
    ("Jeg er 63 og vejer for meget.", {"age": 63, "overweight": True}),
    ("Jeg er midt i 40'erne og har ondt bag på hælen.", {"age": 45, "pain_site": ("heel_back",)}),
    # sides
    ("Det gør ondt under venstre hæl.", {"side": "left", "pain_site": ("heel_underside",)}),
    ("Begge hæle gør ondt.", {"side": "both"}),
    ("Højre fod gør ondt, og venstre fod gør også ondt.", {}),
    # negation
    ("Der er ingen hævelse.", {"swelling": False}),
    ("Foden er ikke hævet, og den er ikke rød.", {"swelling": False, "redness": False}),
    ("Der er ingen sår, rødme eller hævelse.", {"swelling": False, "redness": False}),
    ("Det er ikke værst om morgenen.", {"first_steps_pain": False}),
    # a negation after the phrase, through "er"/"gør" ...
    ("De første skridt om morgenen er ikke slemme.", {"first_steps_pain": False}),
    # ... but not through a verb of its own: the wound will not heal, it is still at the back of the heel
    ("Et sår bag på hælen vil ikke hele.", {"pain_site": ("heel_back",), "skin_finding": "wound_or_ulcer"}),
    ("Mine indlæg har ikke hjulpet.", {"self_care_tried": ("insoles_or_heel_cups",), "trend": "unchanged"}),
    # after a comma, a clause with its own verb is a new statement, not more of a negated list
    (
        "Han vil ikke støtte på foden, hælen er hævet, rød og varm.",
        # (and a child who will not bear weight is the red flag "cannot walk")
        {"swelling": True, "redness": True, "warmth": True, "weight_bearing": "cannot_walk_four_steps"},
    ),
    # "hæve" is also to raise the body; a fever that has gone says nothing about one now
    ("Jeg kan ikke hæve mig op på tæerne.", {"tiptoe_single": "cannot"}),
    ("Foden hæver op om aftenen.", {"swelling": True}),
    ("Feberen er væk.", {}),
    # a child's "av" when the heel is squeezed; pain during and after training
    (
        "Han har ondt, både når han træner og bagefter, og han siger av, når man klemmer om hælen.",
        {"pain_during_activity": True, "pain_after_activity": True, "heel_squeeze_pain": True},
    ),
    # nothing wrong elsewhere is not arthritis elsewhere; a pill that did not help says nothing of the course
    ("Mine andre led har det fint.", {}),
    ("Panodil har ikke hjulpet.", {"self_care_tried": ("painkillers",)}),
    ("Jeg har ondt, og det bliver værre for hver uge.", {"trend": "worsening"}),
    # pain down the calf with back pain is a root in the back; down the calf alone is not
    (
        "Jeg har ondt i lænden, og det stråler ned i læggen.",
        {"back_pain": "down_leg_below_knee", "pain_site": ("calf",)},
    ),
    ("Det trækker ned i læggen fra hælen.", {"pain_site": ("calf",)}),
    # "gør mere og mere ondt" is the course; "har gjort mere og mere ondt i to måneder" also how it began
    ("Det gør mere og mere ondt.", {"trend": "worsening"}),
    ("Jeg har ikke diabetes.", {"diabetes": False}),
    ("Det er ikke blevet bedre.", {"trend": "unchanged"}),
    ("Jeg har ikke prøvet noget endnu.", {"self_care_tried": ()}),
    # doubt: not used
    ("Måske er den lidt hævet.", {}),
    ("Jeg tror ikke, jeg har feber.", {}),
    ("Jeg ved ikke om jeg har slået mig.", {}),
    ("Kan det være hælspore?", {}),
    ("Hvis jeg får feber, ringer jeg.", {}),
    # someone else's history is not the patient's
    ("Min mor har diabetes.", {}),
    # red flags: read when present ...
    ("Det vækker mig om natten.", {"rest_night_pain": "wakes_at_night"}),
    (
        "Jeg hørte et smæld, og nu kan jeg ikke stå på tæer.",
        {"onset": "sudden", "pop_or_kick": True, "tiptoe_single": "cannot"},
    ),
    ("Jeg kan ikke støtte på foden.", {"weight_bearing": "cannot_walk_four_steps"}),
    ("Jeg har feber og et sår på hælen.", {"fever": True, "skin_finding": "wound_or_ulcer"}),
    (
        "Jeg tager ciprofloxacin for en blærebetændelse.",
        {"fluoroquinolone": "current", "recent_infection": True},
    ),
    ("Jeg har tabt seks kilo uden at prøve.", {"weight_loss": True}),
    ("Jeg stoppede med ciprofloxacin for to måneder siden.", {"fluoroquinolone": "recent"}),
    # ... a course that may still go on is not read as over: the question asks whether it is (same day)
    ("Jeg fik ciprofloxacin. Jeg tager stadig pillerne.", {}),
    # ... and never ruled out by a story: only the question can
    ("Jeg har ikke feber.", {}),
    ("Jeg har ikke slået mig og har ikke mærket noget smæld.", {}),
    ("Det vækker mig ikke om natten.", {}),
    ("Jeg kan godt gå og stå på tæer.", {}),
    ("Jeg har aldrig haft kræft.", {}),
    ("Uden at falde fik jeg ondt i hælen.", {}),
]

EN: list[tuple[str, dict[str, object]]] = [
    (
        "I have had pain under my heel for three months, worst with the first steps in the morning.",
        {"pain_site": ("heel_underside",), "duration_days": 90, "first_steps_pain": True},
    ),
    ("My left heel hurts and it is swollen.", {"side": "left", "swelling": True}),
    ("There is no swelling.", {"swelling": False}),
    ("I don't have a fever.", {}),
    ("It wakes me at night.", {"rest_night_pain": "wakes_at_night"}),
    ("Maybe it is a bit swollen.", {}),
    ("I am 52 years old and I run.", {"age": 52, "sport": ("running",)}),
    # a pop is a moment: the start was sudden, as in Danish
    (
        "I heard a pop and now I can't stand on tiptoe.",
        {"onset": "sudden", "pop_or_kick": True, "tiptoe_single": "cannot"},
    ),
]


@pytest.mark.parametrize(("sentence", "facts"), DA, ids=[s for s, _ in DA])
def test_a_danish_sentence_gives_exactly_these_facts(
    reader: StoryReader, sentence: str, facts: dict[str, object]
) -> None:
    reading = reader.read(sentence, lang="da")
    assert reading.language == "da"
    assert dict(reading.facts) == facts


@pytest.mark.parametrize(("sentence", "facts"), EN, ids=[s for s, _ in EN])
def test_an_english_sentence_gives_exactly_these_facts(
    reader: StoryReader, sentence: str, facts: dict[str, object]
) -> None:
    reading = reader.read(sentence, lang="en")
    assert reading.language == "en"
    assert dict(reading.facts) == facts


def test_the_language_is_detected_from_the_words_not_the_page(reader: StoryReader) -> None:
    assert reader.read("Jeg har ondt under hælen.", lang="en").language == "da"
    assert reader.read("My heel hurts when I walk.", lang="da").language == "en"


def test_since_a_season_is_read_only_when_the_date_is_known(reader: StoryReader) -> None:
    text = "Siden sommer har jeg haft ondt under hælen."
    assert "duration_days" not in reader.read(text).facts
    assert reader.read(text, today=dt.date(2026, 10, 15)).facts["duration_days"] == 90


def test_a_negated_red_flag_is_recorded_as_dropped_not_as_absent(reader: StoryReader) -> None:
    reading = reader.read("Jeg har ikke feber.")
    assert [(f.fact, f.dropped) for f in reading.findings] == [("fever", "negated")]
    assert dict(reading.facts) == {}


def test_a_doubtful_phrase_is_recorded_as_dropped(reader: StoryReader) -> None:
    reading = reader.read("Måske er den hævet.")
    assert [(f.fact, f.dropped) for f in reading.findings] == [("swelling", "doubt")]

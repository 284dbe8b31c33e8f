"""The classes of phrase added to raise story coverage, one table each: sentence -> exactly these facts.

Every class has Danish and English rows, and a negated and a doubtful form where the language has one. The
rows are ordinary ways of saying a fact, not sentences from the vignettes.
"""

from __future__ import annotations

import pytest

from haelguiden.story import StoryReader

Row = tuple[str, str, dict[str, object]]

#: Approximate durations ("knap", "godt", "cirka"), halves and "den sidste måned".
DURATIONS: list[Row] = [
    (
        "da",
        "Jeg har haft ondt under hælen i knap tre uger.",
        {"pain_site": ("heel_underside",), "duration_days": 21},
    ),
    ("da", "Jeg har haft ondt i hælen i godt ti uger.", {"duration_days": 70}),
    ("da", "For cirka to måneder siden fik jeg ondt i hælen.", {"duration_days": 60}),
    ("da", "Jeg har haft ondt i hælen i to og en halv måned.", {"duration_days": 75}),
    ("da", "Jeg har haft ondt i hælen i to en halv måned.", {"duration_days": 75}),
    ("da", "Den sidste måned har jeg haft ondt i hælen.", {"duration_days": 30}),
    ("da", "Det sidste halve år har hælen gjort ondt.", {"duration_days": 182}),
    # minutes and hours say how long a spell lasts, not how long the pain has been there
    ("da", "Om morgenen er jeg stiv og øm i tre kvarter.", {}),
    # doubt
    ("da", "Jeg tror, jeg har haft ondt i knap tre uger.", {}),
    ("en", "I have had pain in my heel for about three weeks.", {"duration_days": 21}),
    ("en", "I have had heel pain for two and a half months.", {"duration_days": 75}),
    ("en", "Over the past year my heel has hurt.", {"duration_days": 365}),
    ("en", "I think I have had pain for about three weeks.", {}),
    # "en ... tid", an aside, "det har jeg haft", a start said of "det", halves in digits
    (
        "da",
        "Siden starten af marts, altså en ti ugers tid, har det stukket under hælen.",
        {"pain_site": ("heel_underside",), "duration_days": 70},
    ),
    (
        "da",
        "Jeg har ondt under hælen, og det har jeg haft i fem uger.",
        {"pain_site": ("heel_underside",), "duration_days": 35},
    ),
    ("da", "Det startede i tæerne for en fem måneders tid siden.", {"duration_days": 150}),
    ("da", "Hælen begyndte at gøre ondt for en 2½ uge siden.", {"onset": "gradual", "duration_days": 18}),
    ("da", "Nu, ti dage efter, gør det stadig ondt.", {"duration_days": 10, "trend": "unchanged"}),
    ("da", "Jeg har løbet i fem år, og altså nu gør det ondt.", {}),
    ("en", "It started about five months ago.", {"duration_days": 150}),
    # a child's age with its unit; the age of a spouse or parent the story is written for
    ("da", "Min søn på 7 år har ondt i hælen.", {"age": 7, "sex": "male"}),
    ("da", "Min kone på 81 har fået ondt i hælen.", {"age": 81}),
]

#: Easing as the foot gets going, said in more ways; and the first steps as the foot meets the floor.
WARM_UP_MORE: list[Row] = [
    (
        "da",
        "Det er værst om morgenen, men det tager af, efter jeg har rørt mig.",
        {"first_steps_pain": True, "eases_with_warm_up": True},
    ),
    (
        "da",
        "De første skridt er værst, så slipper det lidt.",
        {"first_steps_pain": True, "eases_with_warm_up": True},
    ),
    (
        "da",
        "Det jager, når jeg sætter foden på gulvet, men efter et par minutter er det ok.",
        {"first_steps_pain": True, "eases_with_warm_up": True},
    ),
    ("da", "Det går ikke over, når jeg er kommet i gang.", {}),
    ("da", "Det tager ikke af, når jeg har gået lidt.", {}),
    ("da", "Efter ti uger er det bedre.", {"trend": "improving"}),
    # where the tendon meets the heel bone is the back of the heel, not the tendon
    ("da", "Det gør ondt der, hvor akillessenen sætter sig fast på hælen.", {"pain_site": ("heel_back",)}),
    ("da", "Det gør ondt midt i akillessenen.", {"pain_site": ("achilles_tendon",)}),
]


#: Red flags said in everyday words: read when present, as every red flag is (never their absence).
RED_FLAGS_PLAINLY: list[Row] = [
    ("da", "Nu er foden kridhvid og iskold.", {"foot_cold_pale": True}),
    ("da", "I nat kunne jeg ikke komme af med vandet.", {"saddle_numbness_or_bladder": True}),
    ("da", "Det føles følelsesløst omkring numsen.", {"saddle_numbness_or_bladder": True}),
    ("da", "Der er normal følelse i skridtet, og jeg tisser normalt.", {}),
    ("da", "I dag vil han slet ikke gå på den.", {"weight_bearing": "cannot_walk_four_steps"}),
    ("da", "Det føltes som et spark i læggen bagfra.", {"pop_or_kick": True}),
    ("da", "Min mand er faldet ned fra taget.", {"injury": "fall_from_height"}),
    ("da", "Nu er det rødt, hævet og varmt.", {"redness": True, "swelling": True, "warmth": True}),
    ("da", "Når jeg klemmer om hælen fra begge sider, siger hun av.", {"heel_squeeze_pain": True}),
    ("en", "My foot is ice cold and white.", {"foot_cold_pale": True}),
    ("en", "Last night I could not pass urine.", {"saddle_numbness_or_bladder": True}),
]

#: When it started: a fall, a landing or a twist "for fire dage siden"; "begyndte det at stikke".
ONSET: list[Row] = [
    ("da", "For fire dage siden landede jeg hårdt på hælen.", {"onset": "sudden", "duration_days": 4}),
    (
        "da",
        "For tre uger siden begyndte det at stikke under hælen.",
        {"pain_site": ("heel_underside",), "onset": "gradual", "duration_days": 21},
    ),
    ("da", "Jeg tror, jeg vred om på foden for to uger siden.", {}),
    ("da", "Måske begyndte det at stikke for tre uger siden.", {}),
    ("en", "Four days ago I landed hard on my heel.", {"onset": "sudden", "duration_days": 4}),
    ("en", "Three weeks ago my heel began to ache.", {"onset": "gradual", "duration_days": 21}),
    ("en", "It came on suddenly.", {"onset": "sudden"}),
    # after a fronted time the verb comes before the subject: "I går faldt jeg"
    (
        "da",
        "I går faldt jeg ned fra stigen.",
        {"onset": "sudden", "duration_days": 1, "injury": "fall_from_height"},
    ),
    ("da", "For tre uger siden fik jeg et jag i hælen.", {"onset": "sudden", "duration_days": 21}),
    ("da", "I nat vågnede jeg med voldsomme smerter i hælen.", {"onset": "sudden", "duration_days": 0}),
    ("da", "Jeg tror, jeg vrikkede om med foden.", {}),
    ("en", "Suddenly my heel hurt.", {"onset": "sudden"}),
    ("da", "Jeg har haft hælspore i otte måneder.", {"duration_days": 240}),
    # a snap dates the present trouble, not the older heel spur
    (
        "da",
        "Jeg har haft hælspore i et år. I går hørte jeg et smæld under foden.",
        {"onset": "sudden", "duration_days": 1, "pop_or_kick": True},
    ),
    (
        "en",
        "I have had a heel spur for a year. Yesterday I felt a snap under my foot.",
        {"onset": "sudden", "duration_days": 1, "pop_or_kick": True},
    ),
]

#: The course: better, the same, worse.
TREND: list[Row] = [
    ("da", "Det er blevet noget bedre.", {"trend": "improving"}),
    ("da", "Det er ikke blevet noget bedre.", {"trend": "unchanged"}),
    ("da", "Det er præcis det samme.", {"trend": "unchanged"}),
    (
        "da",
        "Indlæggene har ikke hjulpet.",
        {"trend": "unchanged", "self_care_tried": ("insoles_or_heel_cups",)},
    ),
    ("da", "Smerten bliver værre.", {"trend": "worsening"}),
    ("da", "Smerten bliver ikke værre.", {}),
    ("da", "Jeg synes måske, det er blevet noget bedre.", {}),
    ("en", "It is better every week.", {"trend": "improving"}),
    (
        "en",
        "The insoles have not helped.",
        {"trend": "unchanged", "self_care_tried": ("insoles_or_heel_cups",)},
    ),
    ("en", "Maybe it is better every week.", {}),
]

#: Warming up: better after minutes of walking, or not.
WARM_UP: list[Row] = [
    ("da", "Det bliver bedre, når jeg har gået lidt.", {"eases_with_warm_up": True}),
    ("da", "Efter fem minutter er det meste væk.", {"eases_with_warm_up": True}),
    # weeks are the course, not a warm-up
    ("da", "Efter ti uger er det meste væk.", {}),
    ("da", "Det går ikke væk, når jeg er varmet op.", {"eases_with_warm_up": False}),
    ("da", "Det bliver ikke bedre, når jeg har gået lidt.", {"eases_with_warm_up": False}),
    ("da", "Måske bliver det bedre, når jeg har gået lidt.", {}),
    ("da", "Det bliver bedre, når jeg har gået en halv time.", {"eases_with_warm_up": True}),
    ("da", "Det letter lidt efter 10-15 minutters gang.", {"eases_with_warm_up": True}),
    ("da", "Det letter lidt efter to ugers pause.", {}),
    ("da", "Så bliver det bedre efter lidt tid.", {"eases_with_warm_up": True}),
    ("en", "It gets better when I warm up.", {"eases_with_warm_up": True}),
    ("en", "It eases after ten minutes.", {"eases_with_warm_up": True}),
    ("en", "It doesn't go away when I warm up.", {"eases_with_warm_up": False}),
    ("en", "Maybe it gets better when I warm up.", {}),
]

#: Mornings: "men ikke om morgenen" says the first steps are fine; "stiv og øm om morgenen" says they hurt.
MORNING: list[Row] = [
    (
        "da",
        "Det gør ondt, når jeg går, men ikke om morgenen.",
        {"first_steps_pain": False, "pain_during_activity": True},
    ),
    ("da", "Om morgenen er der ikke noget særligt.", {"first_steps_pain": False}),
    ("da", "Senen er stiv og øm om morgenen.", {"first_steps_pain": True}),
    ("da", "Om morgenen gør det ondt.", {"first_steps_pain": True}),
    ("da", "Måske er det ikke værre om morgenen.", {}),
    (
        "en",
        "It hurts when I walk but not in the morning.",
        {"first_steps_pain": False, "pain_during_activity": True},
    ),
]

#: Pain during and after activity, said with "når", "jo længere", "under og efter".
ACTIVITY: list[Row] = [
    ("da", "Det gør ondt, når hun springer.", {"pain_during_activity": True}),
    ("da", "Det bliver værre, jo længere jeg går.", {"pain_during_activity": True}),
    (
        "da",
        "Det gør ondt under og efter træning.",
        {"pain_during_activity": True, "pain_after_activity": True},
    ),
    ("da", "Det gør ikke ondt, når jeg går.", {}),
    ("da", "Det gør ondt, når jeg går op ad bakke.", {"pain_during_activity": True}),
    ("da", "Smerterne kommer, når han er fysisk aktiv.", {"pain_during_activity": True}),
    ("da", "Måske gør det ondt, når jeg springer.", {}),
    ("en", "The pain gets worse the longer I walk.", {"pain_during_activity": True}),
    (
        "en",
        "It hurts during and after training.",
        {"pain_during_activity": True, "pain_after_activity": True},
    ),
]

#: More load than before, or the same load.
LOAD: list[Row] = [
    ("da", "Jeg er begyndt på lange gåture.", {"sport": ("walking_or_hiking",), "activity_increase": True}),
    ("da", "I foråret begyndte jeg at løbe.", {"sport": ("running",), "activity_increase": True}),
    ("da", "Jeg har ikke lavet om på min træning.", {"activity_increase": False}),
    # hard ground the person slipped on once is not hard ground trained on
    ("da", "Jeg gled på de våde fliser på terrassen.", {}),
    ("en", "I slipped on the wet tiles.", {}),
    ("da", "Jeg løber på asfalt.", {"sport": ("running",), "hard_surfaces": True}),
    ("da", "Jeg tror, jeg er begyndt på lange gåture.", {}),
    ("en", "I have not changed my training.", {"activity_increase": False}),
    ("da", "Efter en lang arbejdsdag gør det ondt.", {"pain_after_activity": True}),
    ("da", "Jeg tror, det er værst efter en lang arbejdsdag.", {}),
    ("en", "It is worst after a long day.", {"pain_after_activity": True}),
]

#: Phrases that hold their own negation are not turned around by an earlier one in the clause.
OWN_NEGATION: list[Row] = [
    ("da", "Jeg løber ikke og dyrker ikke sport.", {"sport": ()}),
    ("en", "I do not run and I do no sport.", {"sport": ()}),
    # before, the "ingen" of "ingen feber" dropped the red flag that follows it
    ("da", "Jeg har ingen feber og kan ikke støtte på foden.", {"weight_bearing": "cannot_walk_four_steps"}),
    ("da", "Jeg er 44 år og løber fem dage om ugen.", {"age": 44, "sport": ("running",)}),
    ("da", "Måske løber jeg fem dage om ugen.", {}),
]

#: Squeezing the heel; the whole negated phrase wins over the part inside it.
SQUEEZE: list[Row] = [
    ("da", "Det gør ondt at klemme om hælen.", {"heel_squeeze_pain": True}),
    ("da", "Det gør ikke ondt, når jeg klemmer hælen fra siderne.", {"heel_squeeze_pain": False}),
    ("da", "Jeg ved ikke om det gør ondt at klemme om hælen.", {}),
    ("en", "It does not hurt when I squeeze my heel from both sides.", {"heel_squeeze_pain": False}),
]

#: Self-care named in a list after a verb of using; a bare "is" elsewhere is not self-care.
SELF_CARE: list[Row] = [
    (
        "da",
        "Jeg har prøvet hælløft, is og piller i fem uger.",
        {"self_care_tried": ("ice", "painkillers", "insoles_or_heel_cups"), "self_care_weeks": 5},
    ),
    ("da", "Jeg har brugt sko med blød hælkappe.", {"self_care_tried": ("better_shoes",)}),
    ("da", "Jeg har gået mindre.", {"self_care_tried": ("rest_or_less_load",)}),
    ("da", "Jeg spiste is og fik ondt i maven.", {}),
    ("da", "Jeg har ikke prøvet is.", {}),
    ("da", "Jeg har måske prøvet is og piller.", {}),
    # rest as a time ("when I have rested") is not rest as self-care
    (
        "da",
        "Jeg har hvilet foden i to uger.",
        {"self_care_tried": ("rest_or_less_load",), "self_care_weeks": 2},
    ),
    ("da", "Jeg er stiv, når jeg har hvilet.", {}),
    ("en", "I am stiff when I have rested.", {}),
    (
        "en",
        "I have tried insoles, ice and pills for five weeks.",
        {"self_care_tried": ("ice", "painkillers", "insoles_or_heel_cups"), "self_care_weeks": 5},
    ),
]

#: Places: into the arch; numb soles and toes; feet numb "as in socks".
PLACES: list[Row] = [
    # the front of the inner side of the heel is the tender spot under it, not the heel's inner side
    ("da", "Det ømmeste sted er forrest på indersiden af hælen.", {"underside_spot": "front_inner"}),
    ("da", "Det gør ondt på indersiden af hælen.", {"pain_site": ("heel_inner_side",)}),
    # "bag i benet til hælen" is the back of the leg, down to the heel: not the back of the heel
    ("da", "Smerterne stråler ned bag i benet til hælen.", {"back_pain": "down_leg_below_knee"}),
    ("da", "Jeg har ondt bagpå begge hæle.", {"side": "both", "pain_site": ("heel_back",)}),
    ("da", "Det gør ondt bag i min højre hæl.", {"side": "right", "pain_site": ("heel_back",)}),
    (
        "da",
        "Det gør ondt under hælen og ud i svangen.",
        {"pain_site": ("heel_underside", "arch"), "underside_spot": "front_inner"},
    ),
    (
        "da",
        "Det gør ondt inderst under hælen.",
        {"pain_site": ("heel_underside",), "underside_spot": "front_inner"},
    ),
    ("da", "Det prikker og snurrer i fodsålen og tæerne.", {"numbness_tingling": "sole_and_toes"}),
    ("da", "Begge fødder snurrer og føles som i et par sokker.", {"numbness_tingling": "both_feet_stocking"}),
    ("da", "Måske prikker det i fodsålen og tæerne.", {}),
    ("da", "Det gør ondt på indersiden af anklen.", {"pain_site": ("ankle",)}),
    (
        "da",
        "Det gør ondt bag på hælen, lidt ude mod ydersiden.",
        {"pain_site": ("heel_back", "heel_outer_side")},
    ),
    ("da", "Det gør ikke ondt på indersiden af anklen.", {}),
    ("en", "It hurts under my heel and into the arch.", {"pain_site": ("heel_underside", "arch")}),
]

#: Words with two meanings read by what is said with them: "hælløft" done (heel raises) or used (a lift
#: in the shoe); more running is more load, not self-care; "started hurting" dates the pain even though
#: "started" is also a training word.
TWO_MEANINGS: list[Row] = [
    ("da", "Jeg har lavet tunge hælløft hver dag.", {"self_care_tried": ("strengthening_exercises",)}),
    ("da", "Jeg har brugt hælløft i skoene.", {"self_care_tried": ("insoles_or_heel_cups",)}),
    ("da", "Jeg har lavet hælløft.", {}),
    (
        "da",
        "Jeg har øget min løbetræning, og nu gør hælen ondt.",
        {"sport": ("running",), "activity_increase": True},
    ),
    ("da", "Smerterne startede for tre uger siden.", {"duration_days": 21}),
    ("da", "Jeg tror, smerterne startede for tre uger siden.", {}),
    ("en", "My heel started hurting two months ago.", {"onset": "gradual", "duration_days": 60}),
    ("en", "I started running three months ago.", {"sport": ("running",), "activity_increase": True}),
]

#: Swelling, redness and warmth are about the heel; a clause about another joint or the eyes is not.
OTHER_BODY_PARTS: list[Row] = [
    ("da", "Hælen er hævet og rød.", {"swelling": True, "redness": True}),
    ("da", "Knæet er hævet, og jeg har ondt under hælen.", {"pain_site": ("heel_underside",)}),
    ("da", "Øjnene er røde, og hælen gør ondt.", {}),
    ("da", "Hælen er rød og varm, og knæet gør også ondt.", {"redness": True, "warmth": True}),
    ("en", "The heel is red and swollen.", {"swelling": True, "redness": True}),
    ("en", "My knee is swollen, and my heel hurts.", {}),
]

#: Chest pain is read into the "very ill" warning sign (112), never its reassuring value.
CHEST: list[Row] = [
    ("da", "Jeg har fået trykken i brystet.", {"severely_unwell": True}),
    ("da", "Jeg har ikke ondt i brystet.", {}),
    ("da", "Jeg tror, jeg har trykken for brystet.", {}),
    ("en", "I have chest pain as well.", {"severely_unwell": True}),
]

ALL = (
    TWO_MEANINGS
    + OTHER_BODY_PARTS
    + CHEST
    + DURATIONS
    + RED_FLAGS_PLAINLY
    + WARM_UP_MORE
    + ONSET
    + TREND
    + WARM_UP
    + MORNING
    + ACTIVITY
    + LOAD
    + OWN_NEGATION
    + SQUEEZE
    + SELF_CARE
    + PLACES
)


@pytest.mark.parametrize(("lang", "sentence", "facts"), ALL, ids=[f"{lang}: {s}" for lang, s, _ in ALL])
def test_a_sentence_of_each_new_class_gives_exactly_these_facts(
    reader: StoryReader, lang: str, sentence: str, facts: dict[str, object]
) -> None:
    reading = reader.read(sentence, lang=lang)
    assert reading.language == lang
    assert dict(reading.facts) == facts


def test_a_doubt_clause_of_a_few_words_carries_into_the_next_clause_only(reader: StoryReader) -> None:
    reading = reader.read("Jeg tror, jeg har feber. Hælen er hævet.")
    assert [(f.fact, f.dropped) for f in reading.findings] == [("fever", "doubt"), ("swelling", None)]
    assert dict(reading.facts) == {"swelling": True}


def test_a_long_clause_with_doubt_does_not_carry_past_its_comma(reader: StoryReader) -> None:
    reading = reader.read("Jeg ved ikke om det er hælspore eller noget andet, men hælen er hævet.")
    assert dict(reading.facts) == {"swelling": True}

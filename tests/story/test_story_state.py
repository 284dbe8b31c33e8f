"""Story facts in the interview state: validated, carried, merged as evidence, never counted as questions."""

from __future__ import annotations

import pytest

from haelguiden.engine.assess import assess
from haelguiden.engine.errors import AnswerError
from haelguiden.engine.expressions import Known
from haelguiden.engine.state import Answers, derive_facts
from haelguiden.evaluation.harness import interview
from haelguiden.evaluation.vignettes import Vignette
from haelguiden.services import Services


def test_story_facts_round_trip_and_survive_answers_and_undo(services: Services) -> None:
    kb = services.kb
    answers = Answers().with_story(
        kb, {"side": "left", "pain_site": ["arch", "heel_underside"], "fever": True}
    )
    assert dict(answers.story) == {"side": "left", "pain_site": ("heel_underside", "arch"), "fever": True}
    answered = answers.answer(kb, "age", 40)
    assert answered.story == answers.story
    assert answered.undo().story == answers.story
    data = answered.to_dict()
    assert data == {
        "version": 1,
        "answers": [{"question": "age", "value": 40}],
        "story": {"pain_site": ["heel_underside", "arch"], "side": "left", "fever": True},
    }
    assert Answers.from_dict(kb, data) == answered


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        (
            {"fever": False},
            "story.fever: a story can only add a red flag (['true']); "
            "whether it is absent is asked as a question",
        ),
        (
            {"injury": "none"},
            "story.injury: a story can only add a red flag (['fall_from_height']); "
            "whether it is absent is asked as a question",
        ),
        ({"sweling": True}, "story.sweling: unknown fact. Did you mean 'swelling'?"),
        ({"age": 200}, "story.age: 200 is outside 0–110"),
        ({"side": "up"}, "story.side: 'up' is not allowed; choose one of ['left', 'right', 'both']"),
        ({"swelling": "yes"}, "story.swelling: expected true or false"),
    ],
)
def test_a_story_fact_that_does_not_fit_is_refused_with_a_message(
    services: Services, facts: dict[str, object], message: str
) -> None:
    with pytest.raises(AnswerError) as caught:
        Answers().with_story(services.kb, facts)
    assert str(caught.value) == message


def test_story_facts_are_evidence_but_not_questions_asked(services: Services) -> None:
    kb = services.kb
    answers = Answers().with_story(kb, {"age": 45, "duration_days": 70, "pain_site": ["heel_underside"]})
    result = assess(kb, answers)
    assert result.progress.asked == 0
    # age is known; the place only in part, so its question still comes
    assert result.question is not None
    assert result.question.id == "pain_site"
    facts = derive_facts(kb, answers)
    assert facts["age"] == Known(value=45)
    assert facts["pain_site"] == Known(items={"heel_underside": True})


def test_an_answer_to_the_question_wins_over_the_story_unless_the_story_says_red_flag(
    services: Services,
) -> None:
    kb = services.kb
    story = Answers().with_story(kb, {"onset": "sudden", "rest_night_pain": "wakes_at_night", "age": 30})
    answered = story.answer(kb, "onset", "gradual").answer(kb, "rest_pain", "none").answer(kb, "age", 31)
    facts = derive_facts(kb, answered)
    assert facts["onset"] == Known(value="gradual")
    assert facts["rest_night_pain"] == Known(value="wakes_at_night")
    assert facts["age"] == Known(value=31)


def test_a_red_flag_from_the_story_raises_the_triage_before_any_question(services: Services) -> None:
    kb = services.kb
    plain = assess(kb, Answers())
    flagged = assess(kb, Answers().with_story(kb, {"tendon_gap": True, "pop_or_kick": True}))
    assert plain.triage.level == "self_care"
    assert flagged.triage.level == "urgent"
    assert flagged.triage.red_flags == ("tendon_gap", "pop_or_kick")


def test_a_quinolone_course_the_story_does_not_say_is_over_is_asked_about_and_still_taking_it_is_same_day(
    services: Services,
) -> None:
    story = (
        "Jeg er 84 år og har sukkersyge. Jeg fik ciprofloxacin for en betændelse i urinrøret, og efter tre "
        "dage begyndte det at gøre ondt bag på venstre ankel ved akillessenen. Jeg tager stadig pillerne."
    )
    patient = Vignette(
        id="quinolone",
        facts={"age": 84, "diabetes": True, "fluoroquinolone": "current", "pain_site": ["achilles_tendon"]},
        story_da=story,
    )
    run = interview(services.kb, patient, lambda text: services.story_reader.read(text, lang="da").facts)

    assert "fluoroquinolone" not in (run.story_facts or {})
    assert "quinolone_when" in run.assessment.answers.asked
    assert run.assessment.triage.level == "urgent"
    assert "fluoroquinolone_now" in [r.id for r in run.assessment.triage.reasons]

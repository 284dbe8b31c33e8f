"""What a story alone says about the cause, when an emergency read from it ends the interview at once."""

from __future__ import annotations

import pytest

from haelguiden.engine.assess import assess
from haelguiden.engine.state import Answers
from haelguiden.services import Services


@pytest.mark.parametrize(
    "story",
    [
        "For et par timer siden fik jeg pludselig voldsomme smerter i foden og hælen. "
        "Foden er kold og hvid sammenlignet med den anden.",
        "A couple of hours ago I suddenly got severe pain in my foot and heel. "
        "The foot is cold and white compared with the other one.",
    ],
    ids=["da", "en"],
)
def test_a_foot_suddenly_cold_and_white_for_hours_is_call_112_with_arterial_disease_first(
    services: Services, story: str
) -> None:
    # No age and no answers: the 112 advice comes before any question. Arterial disease ranks first
    # because a blocked artery is sudden and hours old (its presentation), not because of the age.
    lang = "da" if story.startswith("For") else "en"
    facts = services.story_reader.read(story, lang=lang).facts
    assert facts["foot_cold_pale"] is True
    assert (facts["onset"], facts["duration_days"]) == ("sudden", 0)
    result = assess(services.kb, Answers().with_story(services.kb, facts))
    assert result.question is None
    assert result.triage.level == "emergency"
    assert result.ranking[0].condition.id == "peripheral_arterial_disease"

"""Emergency first, in the JSON API and FHIR ``$next-question``: an answer that calls for 112 ends the
interview, and the next response is the result, not another question."""

from __future__ import annotations

from typing import Any

from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers

from .conftest import CheckedClient
from .test_fhir import EMPTY, fhir_item, post, response_of, result_of

#: A 70-year-old whose foot turned cold and pale yesterday: acute limb ischaemia, call 112.
COLD_FOOT = {
    "age": 70,
    "pain_site": ["heel_underside"],
    "duration": 1,
    "injury": "none",
    "warning_signs": ["foot_cold_pale"],
}


def answers(kb: KnowledgeBase, given: dict[str, Any]) -> Answers:
    state = Answers()
    for qid, value in given.items():
        state = state.answer(kb, qid, value)
    return state


def test_the_api_answers_the_112_result_right_after_the_warning_sign(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    body = {"lang": "da", "answers": answers(kb, COLD_FOOT).to_dict()["answers"]}
    data = client.post("/api/v1/assessments", json=body).json()

    assert (data["status"], data["question"]) == ("done", None)
    assert data["result"]["triage"]["level"] == "emergency"
    assert data["result"]["triage"]["reasons"][0]["id"] == "acute_ischaemia"


def test_fhir_next_question_completes_right_after_the_warning_sign(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    items = [fhir_item(kb.question(q), v) for q, v in answers(kb, COLD_FOOT).items]
    data = response_of(post(client, {**EMPTY, "item": items}))

    assert data["status"] == "completed"
    assert result_of(data)["result.triage"][0]["valueCoding"]["code"] == "emergency"

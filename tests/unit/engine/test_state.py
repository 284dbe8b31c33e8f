"""Answers: validation, checklist semantics, serialisation, undo."""

import pytest

from haelguiden.engine.errors import AnswerError
from haelguiden.engine.expressions import Known
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers, derive_facts


def test_answer_and_undo(tiny_kb: KnowledgeBase) -> None:
    a = Answers().answer(tiny_kb, "age", 40).answer(tiny_kb, "site", "under")
    assert a.asked == ("age", "site")
    assert a.undo().asked == ("age",)


def test_answering_again_replaces_the_earlier_answer(tiny_kb: KnowledgeBase) -> None:
    a = Answers().answer(tiny_kb, "site", "under").answer(tiny_kb, "site", "back")
    assert a.items == (("site", "back"),)


def test_dont_know_is_stored_as_none_and_adds_no_fact(tiny_kb: KnowledgeBase) -> None:
    a = Answers().answer(tiny_kb, "site", None).answer(tiny_kb, "morning", "ved_ikke")
    assert a.items == (("site", None), ("morning", None))
    assert derive_facts(tiny_kb, a) == {}


@pytest.mark.parametrize(
    ("question", "value", "message"),
    [
        ("site", "middle", "site: 'middle' is not an answer here; choose one of ['under', 'back'] or null"),
        ("age", 200, "age: 200 is outside 0–110"),
        ("age", "old", "age: expected a whole number from 0 to 110, or null"),
        ("warning", ["cough"], "warning: unknown item(s) ['cough']; items are ['fever', 'snap']"),
        ("sight", "x", "unknown question 'sight'. Did you mean 'site'?"),
    ],
)
def test_bad_answers_are_refused_with_a_clear_message(
    tiny_kb: KnowledgeBase, question: str, value: object, message: str
) -> None:
    with pytest.raises(AnswerError) as err:
        Answers().answer(tiny_kb, question, value)
    assert str(err.value) == message


def test_checklist_unticked_lines_are_no(tiny_kb: KnowledgeBase) -> None:
    a = Answers().answer(tiny_kb, "warning", ["fever"])
    assert derive_facts(tiny_kb, a) == {"fever": Known(True), "snap": Known(False)}


def test_checklist_none_of_these(tiny_kb: KnowledgeBase) -> None:
    a = Answers().answer(tiny_kb, "warning", "none")
    assert derive_facts(tiny_kb, a) == {"fever": Known(False), "snap": Known(False)}


def test_checklist_with_some_lines_unknown(tiny_kb: KnowledgeBase) -> None:
    a = Answers().answer(tiny_kb, "warning", {"fever": True, "snap": None})
    assert derive_facts(tiny_kb, a) == {"fever": Known(True)}


def test_round_trip_through_dict(tiny_kb: KnowledgeBase) -> None:
    a = (
        Answers()
        .answer(tiny_kb, "age", 12)
        .answer(tiny_kb, "warning", ["snap"])
        .answer(tiny_kb, "site", None)
    )
    data = a.to_dict()
    assert data == {
        "version": 1,
        "answers": [
            {"question": "age", "value": 12},
            {"question": "warning", "value": {"fever": False, "snap": True}},
            {"question": "site", "value": None},
        ],
    }
    assert Answers.from_dict(tiny_kb, data) == a


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "answers: expected an object with 'answers', a list of {question, value}"),
        ({"answers": {}}, "answers: 'answers' must be a list of {question, value} objects"),
        ({"answers": [{"value": 1}]}, "answers[0]: expected an object with 'question' and 'value'"),
        (
            {"answers": [{"question": "age", "value": 1}, {"question": "age", "value": 2}]},
            "answers[1]: question 'age' is answered twice",
        ),
        (
            {"answers": [{"question": "age", "value": 1, "extra": 2}]},
            "answers[0]: unknown field(s) ['extra']; use 'question' and 'value'",
        ),
    ],
)
def test_from_dict_refuses_malformed_input(tiny_kb: KnowledgeBase, data: object, message: str) -> None:
    with pytest.raises(AnswerError) as err:
        Answers.from_dict(tiny_kb, data)
    assert str(err.value) == message

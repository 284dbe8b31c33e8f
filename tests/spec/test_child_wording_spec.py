"""A parent answering for a child reads questions about the child, and is not asked adult-only things.

The age is the first question; from then on, below ``settings.child_below_age`` every question, checklist
line and option speaks about "barnet" / "your child" (questions.yaml: ``child``, ``child_label``), and
lines only adults can answer (a working day, military training) are left out.
"""

from __future__ import annotations

import re

import pytest

from haelguiden.engine.assess import assess
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.next_question import available_options, shown_items
from haelguiden.engine.state import Answers, derive_facts
from haelguiden.presenters import question_dict
from tests.conftest import answers_of

#: Words that would make the patient the speaker ("jeg", "I", "my") or the one addressed ("du", "your").
FIRST_PERSON = {
    "da": re.compile(r"\b(jeg|mig|min|mit|mine)\b", re.IGNORECASE),
    "en": re.compile(r"\b(I|me)\b|\bmy\b(?! child)"),
}
SECOND_PERSON_DA = re.compile(r"\b(du|dig|din|dit|dine)\b", re.IGNORECASE)

#: Questions where "du" is right for a parent too: the parent does the looking or squeezing, and the age is
#: asked before anyone knows it is a child.
PARENT_ACTS = {"age", "skin", "squeeze"}


def child_answers(kb: KnowledgeBase, age: int = 10) -> Answers:
    return answers_of(kb, {"age": age})


def test_the_child_threshold_is_the_settings_value(kb: KnowledgeBase) -> None:
    below = kb.settings.child_below_age
    assert assess(kb, child_answers(kb, below - 1)).child is True
    assert assess(kb, child_answers(kb, below)).child is False
    assert assess(kb, Answers()).child is False


@pytest.mark.parametrize("lang", ["da", "en"])
def test_no_line_or_option_shown_to_a_parent_speaks_as_the_patient(kb: KnowledgeBase, lang: str) -> None:
    first = FIRST_PERSON[lang]
    wrong = [
        f"{q.id}.{line.id}: {line.label_for(True).get(lang)}"
        for q in kb.questions
        for line in q.items
        if not line.adults_only and first.search(line.label_for(True).get(lang))
    ] + [
        f"{q.id}.{o.value}: {o.label_for(True).get(lang)}"
        for q in kb.questions
        for o in q.options
        if not o.adults_only and first.search(o.label_for(True).get(lang))
    ]
    assert wrong == []


def test_no_question_shown_to_a_parent_addresses_the_child_as_you(kb: KnowledgeBase) -> None:
    wrong = []
    for q in kb.questions:
        if q.id in PARENT_ACTS:
            continue
        hint = q.hint_for(True)
        for part, text in (("text", q.text_for(True)), ("hint", hint), ("why", q.why_for(True))):
            if text is not None and SECOND_PERSON_DA.search(text.da):
                wrong.append(f"{q.id}.{part}: {text.da}")
    assert wrong == []


def test_the_next_question_for_a_child_uses_the_parents_wording(kb: KnowledgeBase) -> None:
    a = assess(kb, child_answers(kb))
    assert a.question is not None
    assert a.question.id == "pain_site"
    shown = question_dict(a.question, a, "da")
    assert shown["text"] == "Hvor har barnet ondt?"
    assert question_dict(a.question, a, "en")["text"] == "Where does your child hurt?"


def test_an_adult_keeps_the_first_person_wording(kb: KnowledgeBase) -> None:
    a = assess(kb, answers_of(kb, {"age": 40}))
    assert a.question is not None
    assert question_dict(a.question, a, "da")["text"] == "Hvor gør det ondt?"


def test_checklist_lines_and_options_for_a_child(kb: KnowledgeBase) -> None:
    facts = derive_facts(kb, child_answers(kb))
    load = kb.question("load")
    lines = {line.id: line.label_for(True).da for line in shown_items(kb, load, facts)}
    assert "standing" not in lines  # a working day: adults only
    assert lines["more_activity"] == "Inden for to måneder er barnet begyndt at gå, løbe eller træne mere"
    sport = [o.value for o in available_options(kb, kb.question("sport"), facts)]
    assert "military_training" not in sport
    assert "running" in sport
    walking = {o.value: o.label_for(True).da for o in available_options(kb, kb.question("walking"), facts)}
    assert walking["limping"] == "Barnet halter"


def test_an_adult_is_offered_every_line(kb: KnowledgeBase) -> None:
    facts = derive_facts(kb, answers_of(kb, {"age": 30}))
    assert [line.id for line in shown_items(kb, kb.question("load"), facts)] == [
        line.id for line in kb.question("load").items
    ]
    assert "military_training" in [o.value for o in available_options(kb, kb.question("sport"), facts)]


def test_a_parent_can_answer_a_checklist_without_the_hidden_line(kb: KnowledgeBase) -> None:
    answers = child_answers(kb).answer(kb, "load", "none")
    facts = derive_facts(kb, answers)
    assert facts["activity_increase"].value is False
    assert "standing_work" not in facts  # not asked, so not known either way


def test_a_line_a_parent_never_saw_is_unknown_even_when_a_form_sends_it_unticked(kb: KnowledgeBase) -> None:
    form = {line.id: False for line in kb.question("load").items}
    facts = derive_facts(kb, child_answers(kb).answer(kb, "load", form))
    assert facts["activity_increase"].value is False
    assert "standing_work" not in facts

"""Run the real adaptive interview with a simulated patient who answers only from the vignette's facts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from haelguiden.engine.assess import Assessment, assess
from haelguiden.engine.model import TRIAGE_RANK, KnowledgeBase, Question
from haelguiden.engine.next_question import relevance
from haelguiden.engine.state import Answers, AnswerValue, StoryValue, derive_facts
from haelguiden.evaluation.vignettes import Vignette

#: A hard stop so a faulty knowledge base can never loop forever (the engine never re-asks).
MAX_STEPS = 200

#: Reads a story into facts (fact id -> value). The story reader lives in ``haelguiden.story``, which this
#: package may not import; the CLI passes it in.
StoryFn = Callable[[str], Mapping[str, StoryValue]]


def _tick(kb: KnowledgeBase, fact_id: str, values: tuple[str, ...], facts: Mapping[str, Any]) -> bool | None:
    if fact_id not in facts:
        return None
    value = facts[fact_id]
    fact = kb.facts[fact_id]
    if fact.type == "boolean":
        return bool(value) == (values == ("true",))
    if fact.type == "list":
        return any(v in value for v in values)
    return value in values


def simulated_answer(kb: KnowledgeBase, question: Question, facts: Mapping[str, Any]) -> AnswerValue:
    """What a patient who knows only ``facts`` answers; anything else is "ved ikke" (None)."""
    if question.kind == "checklist":
        ticks = {item.id: _tick(kb, item.fact, item.values, facts) for item in question.items}
        return None if all(t is None for t in ticks.values()) else ticks
    fact_id = question.fact or ""
    if fact_id not in facts:
        return None
    value = facts[fact_id]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, str | int):
        return value
    return None


@dataclass(frozen=True)
class Run:
    """One finished interview."""

    vignette_id: str
    assessment: Assessment
    questions_asked: int
    #: Story mode: the facts taken from the story before the first question (None otherwise).
    story_facts: Mapping[str, StoryValue] | None = field(default=None)


def interview(kb: KnowledgeBase, vignette: Vignette, story: StoryFn | None = None) -> Run:
    """Interview the simulated patient until the engine has nothing more to ask.

    Story mode (FORMAT.md section 10), when ``story`` is given: the vignette's ``story_da`` is read first
    and every fact read counts as confirmed (the simulated patient cannot untick); ``questions_asked``
    then counts only the questions put after the story.
    """
    answers = Answers()
    story_facts: Mapping[str, StoryValue] | None = None
    if story is not None:
        if vignette.story_da is None:
            raise ValueError(f"{vignette.id}: story mode needs the vignette's story_da")
        story_facts = dict(story(vignette.story_da))
        answers = answers.with_story(kb, story_facts)
    result = assess(kb, answers)
    for _ in range(MAX_STEPS):
        if result.question is None:
            break
        answers = answers.answer(
            kb, result.question.id, simulated_answer(kb, result.question, vignette.facts)
        )
        result = assess(kb, answers)
    return Run(
        vignette_id=vignette.id,
        assessment=result,
        questions_asked=len(answers.items),
        story_facts=story_facts,
    )


def prediction(run: Run) -> dict[str, object]:
    """The prediction line of the vignette format (section 7), with the red flags found as an extra."""
    a = run.assessment
    out: dict[str, object] = {
        "id": run.vignette_id,
        "conditions": [r.condition.id for r in a.ranking],
        "triage": a.triage.level,
        "questions_asked": run.questions_asked,
    }
    if run.story_facts is not None:
        out["story_facts"] = {f: list(v) if isinstance(v, tuple) else v for f, v in run.story_facts.items()}
    out["x_red_flags"] = list(a.triage.red_flags)
    out["x_probabilities"] = {r.condition.id: round(r.probability, 4) for r in a.ranking[:3]}
    return out


def asked_everything(kb: KnowledgeBase, vignette: Vignette, answers: Answers) -> Answers:
    """``answers`` plus every question still relevant that the vignette's patient can answer.

    The interview stops when nothing more is worth asking; this asks on regardless, to check that what it
    left out could not have set off a rule (``rules_rank``).
    """
    while True:
        facts = derive_facts(kb, answers)
        done = set(answers.asked)
        for question in kb.questions:
            if question.id in done or question.purpose == "plan" or relevance(question, facts) is not True:
                continue
            value = simulated_answer(kb, question, vignette.facts)
            if value is not None:
                answers = answers.answer(kb, question.id, value)
                break
        else:
            return answers


def rules_rank(kb: KnowledgeBase, answers: Answers) -> int:
    """The rank of the most urgent rule or precaution the answers set off (self-care's rank when none)."""
    reasons = assess(kb, answers).triage.reasons
    return min((TRIAGE_RANK[r.level] for r in reasons if r.kind != "condition"), default=len(TRIAGE_RANK) - 1)

"""The single entry point: ``assess(kb, answers)`` → the next question, or the result.

Order of work on every call: derive what the answers say about each fact; evaluate the triage rules (red
flags first) and the conditions' levels; rank the causes; then choose the next question. The same answers
always give the same assessment, whatever order they were given in.
"""

from __future__ import annotations

from dataclasses import dataclass

from haelguiden.engine.explain import Explanation, explain
from haelguiden.engine.model import Condition, KnowledgeBase, Option, Question
from haelguiden.engine.next_question import Phase, available_options, choose, expected_remaining
from haelguiden.engine.ranking import model_for, posterior
from haelguiden.engine.state import Answers, derive_facts
from haelguiden.engine.triage import Triage, triage


@dataclass(frozen=True)
class RankedCondition:
    """A possible cause with its probability and the answers behind it."""

    condition: Condition
    probability: float
    explanation: Explanation


@dataclass(frozen=True)
class Progress:
    """How far the interview has come: questions answered, and a rough count still to come."""

    asked: int
    remaining: int

    @property
    def fraction(self) -> float:
        """Share done, 0–1."""
        total = self.asked + self.remaining
        return self.asked / total if total else 1.0


@dataclass(frozen=True)
class Assessment:
    """Where the interview stands: the next question, or (when ``done``) the result."""

    answers: Answers
    question: Question | None
    phase: Phase | None
    options: tuple[Option, ...]
    information_gain: float
    progress: Progress
    triage: Triage
    ranking: tuple[RankedCondition, ...]
    listed: tuple[RankedCondition, ...]

    @property
    def done(self) -> bool:
        """True when there is nothing more to ask."""
        return self.question is None


def assess(kb: KnowledgeBase, answers: Answers) -> Assessment:
    """Assess the answers so far: triage, ranked possible causes, and the next question (if any)."""
    facts = derive_facts(kb, answers)
    current = triage(kb, facts)
    probs = posterior(kb, facts)
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    conditions = model_for(kb).conditions
    choice = choose(kb, answers.asked, facts, probs, current.rank)
    ranking = tuple(
        RankedCondition(
            condition=kb.conditions[conditions[i]],
            probability=probs[i],
            explanation=explain(kb, facts, conditions[i]),
        )
        for i in order
    )
    settings = kb.settings
    listed = tuple(
        r for n, r in enumerate(ranking) if n == 0 or (n < settings.list_max and r.probability >= settings.list_min_probability)
    )
    options = available_options(kb, choice.question, facts) if choice.question else ()
    return Assessment(
        answers=answers,
        question=choice.question,
        phase=choice.phase,
        options=options,
        information_gain=choice.information_gain,
        progress=Progress(asked=len(answers.items), remaining=expected_remaining(kb, answers.asked, facts)),
        triage=current,
        ranking=ranking,
        listed=listed,
    )

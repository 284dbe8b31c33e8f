"""The single entry point: ``assess(kb, answers)`` → the next question, or the result.

Order of work on every call: derive what the answers say about each fact; evaluate the triage rules (red
flags first) and the conditions' levels; rank the causes; then choose the next question. The same answers
always give the same assessment, whatever order they were given in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from haelguiden.engine.explain import Explanation, explain_all
from haelguiden.engine.expressions import Known, facts_used
from haelguiden.engine.model import (
    TRIAGE_RANK,
    ChecklistItem,
    Condition,
    KnowledgeBase,
    Option,
    Question,
)
from haelguiden.engine.next_question import (
    Phase,
    available_options,
    blank_facts,
    choose,
    covered_units,
    expected_remaining,
    open_questions,
    shown_items,
    unanswered_facts,
    unknown_line_facts,
)
from haelguiden.engine.ranking import model_for, posterior
from haelguiden.engine.state import Answers, derive_facts, is_child
from haelguiden.engine.triage import Triage, rule_truths, triage

Likelihood = Literal["most_likely", "possible", "less_likely"]


@dataclass(frozen=True)
class RankedCondition:
    """A possible cause with its probability and the answers behind it.

    ``explanation`` is filled in for the listed causes once the interview is done; otherwise it is empty.
    ``probability`` is a ranking aid (naive Bayes is over-confident); what a person sees is ``likelihood``,
    in words.
    """

    condition: Condition
    probability: float
    explanation: Explanation
    likelihood: Likelihood = "less_likely"


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
    #: A checklist's lines as shown (adult-only lines left out for a child).
    items: tuple[ChecklistItem, ...]
    #: True when a parent answers about a child: questions use their child wording.
    child: bool
    information_gain: float
    progress: Progress
    triage: Triage
    #: The causes, most likely first, without explanations (see ``ranking``).
    ranked: tuple[RankedCondition, ...]
    #: How many of ``ranked`` a result lists.
    listed_count: int
    #: What the explanations are built from, once the result is shown.
    kb: KnowledgeBase = field(repr=False, compare=False)
    facts: Mapping[str, Known] = field(repr=False, compare=False)

    @property
    def done(self) -> bool:
        """True when there is nothing more to ask."""
        return self.question is None

    @cached_property
    def ranking(self) -> tuple[RankedCondition, ...]:
        """Every cause, most likely first; when done, the listed ones carry their explanations.

        Explanations are built on first use, not in :func:`assess`: an interview step does not need them
        (they cost more than the rest of a step together), and a result page asks for them once.
        """
        if not self.done:
            return self.ranked
        listed_ids = [r.condition.id for r in self.ranked[: self.listed_count]]
        explanations = explain_all(self.kb, self.facts, listed_ids, self.answers)
        return tuple(
            dataclasses.replace(r, explanation=explanations[r.condition.id])
            if r.condition.id in explanations
            else r
            for r in self.ranked
        )

    @cached_property
    def listed(self) -> tuple[RankedCondition, ...]:
        """The causes a result lists (with their explanations when done)."""
        return self.ranking[: self.listed_count]


def assess(kb: KnowledgeBase, answers: Answers) -> Assessment:
    """Assess the answers so far: triage, ranked possible causes, and the next question (if any)."""
    facts = derive_facts(kb, answers)
    probs = posterior(kb, facts)
    covered = covered_units(kb, answers.asked)
    dont_know = frozenset(qid for qid, value in answers.items if value is None)
    remaining = open_questions(kb, answers.asked, facts, covered)
    unanswered = unanswered_facts(kb, facts, answers.asked, dont_know, remaining)
    truths = rule_truths(kb, facts)
    blank = blank_facts(kb, facts, answers.asked, dont_know, unknown_line_facts(kb, answers.items, facts))
    current = triage(kb, facts, probs, unanswered, truths, blank)
    order = sorted(range(len(probs)), key=lambda i: (-probs[i], i))
    conditions = model_for(kb).conditions
    conditional = frozenset(
        f
        for r in current.reasons
        if r.kind == "condition" and r.level == current.level
        for f in _unless_facts(kb, r.id)
    )
    ruled_rank = min(
        (TRIAGE_RANK[r.level] for r in current.reasons if r.kind != "condition"),
        default=len(TRIAGE_RANK) - 1,
    )
    choice = choose(
        kb, answers.asked, facts, probs, current.rank, conditional, unanswered, truths, remaining, ruled_rank
    )
    settings = kb.settings
    listed_ids = [
        conditions[i]
        for n, i in enumerate(order)
        if n == 0 or (n < settings.list_max and probs[i] >= settings.list_min_probability)
    ]
    ranked = tuple(
        RankedCondition(
            condition=kb.conditions[conditions[i]],
            probability=probs[i],
            explanation=Explanation(conditions[i], (), ()),
            likelihood=likelihood(kb, position, probs[i]),
        )
        for position, i in enumerate(order)
    )
    options = available_options(kb, choice.question, facts) if choice.question else ()
    items = shown_items(kb, choice.question, facts) if choice.question else ()
    return Assessment(
        answers=answers,
        question=choice.question,
        phase=choice.phase,
        options=options,
        items=items,
        child=is_child(kb, facts),
        information_gain=choice.information_gain,
        progress=Progress(asked=len(answers.items), remaining=expected_remaining(kb, answers.asked, facts)),
        triage=current,
        ranked=ranked,
        listed_count=len(listed_ids),
        kb=kb,
        facts=facts,
    )


@dataclass(frozen=True)
class InterviewProgress:
    """What a progress indicator shows: "question ``number`` of about ``estimate``", and a bar.

    Computed over the interview so far so that it never goes backwards: the estimate never falls and is
    never below the number of the question shown, and the bar's ``fraction`` never falls and stays below 1
    until the result.
    """

    number: int
    estimate: int
    fraction: float


#: The bar is never shown full while there is still a question.
MAX_FRACTION_BEFORE_END = 0.95


def interview_progress(kb: KnowledgeBase, answers: Answers) -> InterviewProgress:
    """Progress for the question after ``answers`` (replays the earlier steps; cheap, no ranking)."""
    estimate = 0
    fraction = 0.0
    for k in range(len(answers.items) + 1):
        prefix = Answers(answers.items[:k])
        remaining = expected_remaining(kb, prefix.asked, derive_facts(kb, prefix))
        estimate = max(estimate, k + max(remaining, 1))
        fraction = max(fraction, k / estimate)
    return InterviewProgress(
        number=len(answers.items) + 1,
        estimate=estimate,
        fraction=min(fraction, MAX_FRACTION_BEFORE_END),
    )


def likelihood(kb: KnowledgeBase, position: int, probability: float) -> Likelihood:
    """A cause's likelihood in words: the first is "most likely", then "possible" or "less likely"."""
    if position == 0:
        return "most_likely"
    return "possible" if probability >= kb.settings.possible_from else "less_likely"


def _unless_facts(kb: KnowledgeBase, condition_id: str) -> frozenset[str]:
    unless = kb.conditions[condition_id].triage.unless
    return facts_used(unless) if unless is not None else frozenset()


def prune(kb: KnowledgeBase, answers: Answers) -> Answers:
    """Drop answers to questions that no longer apply (after an earlier answer was changed).

    Example: the injury is changed from "fall from a height" to "none"; the fall-height answer goes too,
    so it no longer counts as evidence. Repeats until nothing changes, since one removal can make
    another question irrelevant.
    """
    from haelguiden.engine.next_question import relevance

    current = answers
    while True:
        facts = derive_facts(kb, current)
        stale = [qid for qid in current.asked if relevance(kb.question(qid), facts) is False]
        if not stale:
            return current
        current = current.without(stale[0])

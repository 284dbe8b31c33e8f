"""View models of the self-check: question pages and check your answers (the outcome: ``outcome_views``).

Every decision a page shows is made here or in the engine, never in a template: which options are still
possible, the words for an answer, the likelihood word and bar width of a cause, and which phone numbers
apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.requests import Request

from haelguiden import durations
from haelguiden.engine.assess import Assessment, Likelihood, interview_progress
from haelguiden.engine.model import ChecklistItem, Condition, KnowledgeBase, Lang, Option, Question
from haelguiden.engine.next_question import available_options, shown_items
from haelguiden.engine.state import Answers, AnswerValue, derive_facts, is_child
from haelguiden.i18n import UNITS, count, t, unit_name
from haelguiden.knowledge.story import StoryLexicon
from haelguiden.presenters import story_statements
from haelguiden.web import forms, urls
from haelguiden.web.rendering import chrome, context
from haelguiden.web.viewmodels import (
    CheckAnswersPage,
    Choice,
    ErrorItem,
    Hotspot,
    Link,
    Progress,
    QuestionPage,
    SummaryRow,
)

#: The question whose options are places on the foot, and the places the foot drawing shows.
FOOT_QUESTION = "pain_site"
FOOT_REGIONS = frozenset(
    {
        "heel_underside", "heel_back", "achilles_tendon", "heel_inner_side", "heel_outer_side",
        "arch", "ankle", "calf", "forefoot",
    }
)  # fmt: skip
#: The CSS modifier of each likelihood (the engine decides it: settings.yaml; its words: presenters).
LIKELIHOOD_CLASSES: dict[Likelihood, str] = {
    "most_likely": "most",
    "possible": "possible",
    "less_likely": "less",
}


@dataclass(frozen=True)
class QuestionContext:
    """A question as the page shows it: the options still possible and the answer saved, if any."""

    question: Question
    options: tuple[Option, ...]
    saved: AnswerValue
    answered: bool
    #: A checklist's lines as shown (no adult-only lines for a child).
    items: tuple[ChecklistItem, ...]
    #: A parent answers about a child: the question speaks about the child.
    child: bool


def question_context(
    kb: KnowledgeBase, answers: Answers, assessment: Assessment, qid: str
) -> QuestionContext:
    """The options to offer for ``qid``: as the engine offers them now, or as they were when it was asked."""
    question = kb.question(qid)
    if qid in answers.asked:
        facts = derive_facts(kb, answers.without(qid))
        options = available_options(kb, question, facts) if question.kind in ("single", "multi") else ()
        items = shown_items(kb, question, facts)
        return QuestionContext(question, options, answers.value(qid), True, items, is_child(kb, facts))
    if assessment.question is not None and assessment.question.id == qid:
        return QuestionContext(question, assessment.options, None, False, assessment.items, assessment.child)
    facts = derive_facts(kb, answers)
    options = available_options(kb, question, facts) if question.kind in ("single", "multi") else ()
    return QuestionContext(
        question, options, None, False, shown_items(kb, question, facts), is_child(kb, facts)
    )


def _unit(kb: KnowledgeBase, question: Question, lang: Lang) -> str | None:
    fact = kb.facts.get(question.fact or "")
    unit = fact.unit if fact else None
    return unit_name(lang, unit) if unit in UNITS else None


def back_link(lang: Lang, answers: Answers, qid: str, change: bool) -> Link:
    """Where "Tilbage" goes: the check-answers page when changing, else the previous question or start."""
    text = t(lang, "back")
    if change:
        return Link(urls.check_answers(lang), text)
    asked = answers.asked
    before = asked[: asked.index(qid)] if qid in asked else asked
    return Link(urls.question(lang, before[-1]) if before else urls.home(lang), text)


def _progress(lang: Lang, kb: KnowledgeBase, answers: Answers) -> Progress:
    # Replayed over the interview so far, so the count and the bar never go backwards.
    shown = interview_progress(kb, answers)
    tenths = round(10 * shown.fraction)
    return Progress(t(lang, "progress", n=shown.number, total=shown.estimate), f"pw-{tenths * 10}")


def question_page(
    request: Request,
    lang: Lang,
    kb: KnowledgeBase,
    answers: Answers,
    assessment: Assessment,
    ctx: QuestionContext,
    *,
    change: bool,
    submitted: forms.Submitted | None = None,
    errors: tuple[forms.FieldError, ...] = (),
) -> QuestionPage:
    """The page for one question, showing ``submitted`` (after an error) or the saved answer."""
    q = ctx.question
    fact = kb.facts.get(q.fact or "")
    shown = (
        submitted if submitted is not None else (forms.saved(q, ctx.saved, fact) if ctx.answered else None)
    )
    chosen = shown.chosen if shown else frozenset()

    def choice(value: str, label: str, hint: str | None = None, number: int | None = None) -> Choice:
        return Choice(forms.input_id(value), value, label, value in chosen, hint, number)

    dont_know = choice(forms.DONT_KNOW, t(lang, "dont_know"))
    none = choice(forms.NONE, q.none_label.get(lang) if q.none_label else t(lang, "none_of_these"))
    choices: tuple[Choice, ...] = ()
    exclusive: tuple[Choice, ...] = (dont_know,)
    hotspots: tuple[Hotspot, ...] = ()
    units: tuple[Choice, ...] = ()
    if q.kind == "number" and forms.is_duration(fact):
        widget, exclusive = "number", ()
        picked = shown.unit if shown and shown.unit else "days"
        units = tuple(Choice(f"unit-{u}", u, unit_name(lang, u), u == picked) for u in durations.UNITS)
    elif q.kind == "number" and forms.is_scale(fact):
        assert fact is not None
        assert fact.minimum is not None
        assert fact.maximum is not None
        widget = "scale"
        choices = tuple(choice(str(n), str(n)) for n in range(fact.minimum, fact.maximum + 1))
    elif q.kind == "number":
        widget, exclusive = "number", ()
    elif q.kind == "checklist":
        widget, exclusive = "checkboxes", (none, dont_know)
        choices = tuple(choice(item.id, item.label_for(ctx.child).get(lang)) for item in ctx.items)
    else:
        widget = "radios" if q.kind == "single" else "checkboxes"
        if q.kind == "multi":
            exclusive = (none, dont_know)
        foot = q.id == FOOT_QUESTION
        numbered = {o.value: n for n, o in enumerate(q.options, start=1)} if foot else {}
        choices = tuple(
            choice(
                o.value,
                o.label_for(ctx.child).get(lang),
                o.hint.get(lang) if o.hint else None,
                numbered.get(o.value) if o.value in FOOT_REGIONS else None,
            )
            for o in ctx.options
        )
        hotspots = tuple(
            Hotspot(c.id, c.value, c.region_number) for c in choices if c.region_number is not None
        )
    error_items = tuple(ErrorItem(e.target, e.message) for e in errors)
    heading = q.text_for(ctx.child).get(lang)
    hint = q.hint_for(ctx.child)
    return QuestionPage(
        chrome=chrome(
            request,
            lang,
            title=heading,
            switch_href=urls.question(urls.other(lang), q.id, change=change),
            section="check",
            has_errors=bool(errors),
            noindex=True,
            css=("choices",),
        ),
        question_id=q.id,
        widget=widget,
        input_type="checkbox" if widget == "checkboxes" else "radio",
        heading=heading,
        hint=hint.get(lang) if hint else None,
        why=q.why_for(ctx.child).get(lang),
        why_summary=t(lang, "why_summary"),
        choices=choices,
        exclusive=exclusive,
        number_value=shown.text if shown and widget == "number" else "",
        number_unit=_unit(kb, q, lang) if widget == "number" and not units else None,
        errors=error_items,
        error_message=errors[0].message if errors else None,
        back=back_link(lang, answers, q.id, change),
        progress=None if ctx.answered or change else _progress(lang, kb, answers),
        action=urls.question(lang, q.id, change=change),
        hotspots=hotspots,
        units=units,
        unit_label=t(lang, "unit_label"),
    )


def answer_words(
    kb: KnowledgeBase, question: Question, value: AnswerValue, lang: Lang, *, child: bool = False
) -> tuple[str, ...]:
    """An answer in words, one line per chosen item ("Ved ikke" for an unknown answer).

    When nothing was ticked, the lines are what was offered (see :func:`nothing_ticked`); for a ``child``
    the lines read as the parent saw them.
    """
    if value is None:
        return (t(lang, "dont_know"),)
    labels = {o.value: o.label_for(child).get(lang) for o in question.options}
    if question.kind == "number" and isinstance(value, int):
        fact = kb.facts.get(question.fact or "")
        if forms.is_duration(fact):
            number, unit = durations.largest_unit(value)
            return (count(lang, unit, number),)
        fact_unit = fact.unit if fact else None
        return (count(lang, fact_unit, value) if fact_unit in UNITS else str(value),)
    if isinstance(value, str):
        return (labels.get(value, value),)
    if isinstance(value, tuple):
        return tuple(labels.get(v, v) for v in value) or tuple(labels.values())
    if isinstance(value, Mapping):
        lines = [i for i in question.items if not (child and i.adults_only)]
        ticked = tuple(i.label_for(child).get(lang) for i in lines if value.get(i.id) is True)
        return ticked or tuple(i.label_for(child).get(lang) for i in lines)
    return (str(value),)


def nothing_ticked(value: AnswerValue) -> bool:
    """Whether a list or checklist answer ticks nothing ("Ingen af disse"); "Ved ikke" is not that."""
    if isinstance(value, tuple):
        return not value
    if isinstance(value, Mapping):
        return not any(tick is True for tick in value.values())
    return False


def check_answers_page(
    request: Request, lang: Lang, kb: KnowledgeBase, answers: Answers, lexicon: StoryLexicon | None = None
) -> CheckAnswersPage:
    """Every answer in words, in the order asked, each with a link to change it.

    A list or checklist where nothing was ticked says "Ingen af disse:" and lists what was offered, so the
    row reads as an answer on its own ("Ingen af disse: feber …, kold fod …"). What the patient confirmed
    from their own story comes first (``lexicon`` gives its statements).
    """
    child = is_child(kb, derive_facts(kb, answers))
    rows = tuple(
        SummaryRow(
            question_id=qid,
            key=kb.question(qid).text_for(child).get(lang),
            values=answer_words(kb, kb.question(qid), value, lang, child=child),
            change_href=urls.question(lang, qid, change=True),
            lead=t(lang, "none_of_list") if nothing_ticked(value) else None,
        )
        for qid, value in answers.items
    )
    heading = t(lang, "check_title")
    last = answers.asked[-1] if answers.asked else None
    return CheckAnswersPage(
        chrome=chrome(
            request,
            lang,
            title=heading,
            switch_href=urls.check_answers(urls.other(lang)),
            section="check",
            noindex=True,
        ),
        heading=heading,
        rows=rows,
        result_href=urls.result(lang),
        back=Link(urls.question(lang, last) if last else urls.home(lang), t(lang, "back")),
        story=tuple(s.text for s in story_statements(kb, lexicon, answers.story, lang)) if lexicon else (),
    )


def article_link(request: Request, condition: Condition, lang: Lang) -> Link | None:
    """The link to the patient article of ``condition`` in ``lang``, if there is one."""
    slug = condition.article.get(lang)
    article = context(request).library.get(lang, slug) if slug else None
    if article is None or slug is None:
        return None
    return Link(urls.article(lang, slug), t(lang, "read_more", title=article.title))


def needs_region(kb: KnowledgeBase, level: str) -> bool:
    """Whether the care text of ``level`` names the after-hours number (the diary's status panel uses it)."""
    action = kb.care[level].action
    return "{after_hours}" in action.da or "{after_hours}" in action.en

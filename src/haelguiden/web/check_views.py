"""View models of the self-check: question pages, check your answers, and the result.

Every decision a page shows is made here or in the engine, never in a template: which options are still
possible, the words for an answer, the likelihood word and bar width of a cause, and which phone numbers
apply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.requests import Request

from haelguiden.engine.assess import Assessment
from haelguiden.engine.care import action_text
from haelguiden.engine.model import Condition, KnowledgeBase, Lang, Option, Question, Region
from haelguiden.engine.next_question import available_options
from haelguiden.engine.state import Answers, AnswerValue, derive_facts
from haelguiden.knowledge.story import StoryLexicon
from haelguiden.presenters import story_statements
from haelguiden.web import forms, urls
from haelguiden.web.messages import UI, t
from haelguiden.web.rendering import chrome, context
from haelguiden.web.viewmodels import (
    CauseView,
    CheckAnswersPage,
    Choice,
    ErrorItem,
    Hotspot,
    Link,
    PostcodeForm,
    Progress,
    QuestionPage,
    ResultPage,
    SummaryRow,
    TriagePanel,
)

#: The question whose options are places on the foot, and the places the foot drawing shows.
FOOT_QUESTION = "pain_site"
FOOT_REGIONS = frozenset(
    {
        "heel_underside", "heel_back", "achilles_tendon", "heel_inner_side", "heel_outer_side",
        "arch", "ankle", "calf", "forefoot",
    }
)  # fmt: skip
#: Wording of a cause's likelihood (a presentation choice, not a clinical number): the first listed cause
#: is "mest sandsynlig", others from this probability "mulig", below it "mindre sandsynlig".
POSSIBLE_FROM = 0.15
_UNIT_KEYS = {unit: f"unit_{unit}" for unit in ("years", "days", "metres", "minutes", "weeks")}


@dataclass(frozen=True)
class QuestionContext:
    """A question as the page shows it: the options still possible and the answer saved, if any."""

    question: Question
    options: tuple[Option, ...]
    saved: AnswerValue
    answered: bool


def question_context(
    kb: KnowledgeBase, answers: Answers, assessment: Assessment, qid: str
) -> QuestionContext:
    """The options to offer for ``qid``: as the engine offers them now, or as they were when it was asked."""
    question = kb.question(qid)
    if qid in answers.asked:
        facts = derive_facts(kb, answers.without(qid))
        options = available_options(kb, question, facts) if question.kind in ("single", "multi") else ()
        return QuestionContext(question, options, answers.value(qid), True)
    return QuestionContext(question, assessment.options, None, False)


def _unit(kb: KnowledgeBase, question: Question, lang: Lang) -> str | None:
    fact = kb.facts.get(question.fact or "")
    key = _UNIT_KEYS.get(fact.unit or "") if fact else None
    return t(lang, key) if key else None


def back_link(lang: Lang, answers: Answers, qid: str, change: bool) -> Link:
    """Where "Tilbage" goes: the check-answers page when changing, else the previous question or start."""
    text = t(lang, "back")
    if change:
        return Link(urls.check_answers(lang), text)
    asked = answers.asked
    before = asked[: asked.index(qid)] if qid in asked else asked
    return Link(urls.question(lang, before[-1]) if before else urls.home(lang), text)


def _progress(lang: Lang, assessment: Assessment) -> Progress:
    asked = assessment.progress.asked
    total = max(asked + 1, asked + assessment.progress.remaining)
    tenths = round(10 * asked / total)
    return Progress(t(lang, "progress", n=asked + 1, total=total), f"pw-{tenths * 10}")


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
    shown = submitted if submitted is not None else (forms.saved(q, ctx.saved) if ctx.answered else None)
    chosen = shown.chosen if shown else frozenset()
    fact = kb.facts.get(q.fact or "")
    ui = UI[lang]

    def choice(value: str, label: str, hint: str | None = None, number: int | None = None) -> Choice:
        return Choice(forms.input_id(value), value, label, value in chosen, hint, number)

    dont_know = choice(forms.DONT_KNOW, ui["dont_know"])
    none = choice(forms.NONE, q.none_label.get(lang) if q.none_label else ui["none_of_these"])
    choices: tuple[Choice, ...] = ()
    exclusive: tuple[Choice, ...] = (dont_know,)
    hotspots: tuple[Hotspot, ...] = ()
    if q.kind == "number" and forms.is_scale(fact):
        assert fact is not None
        assert fact.minimum is not None
        assert fact.maximum is not None
        widget = "scale"
        choices = tuple(choice(str(n), str(n)) for n in range(fact.minimum, fact.maximum + 1))
    elif q.kind == "number":
        widget, exclusive = "number", ()
    elif q.kind == "checklist":
        widget, exclusive = "checkboxes", (none, dont_know)
        choices = tuple(choice(item.id, item.label.get(lang)) for item in q.items)
    else:
        widget = "radios" if q.kind == "single" else "checkboxes"
        if q.kind == "multi":
            exclusive = (none, dont_know)
        foot = q.id == FOOT_QUESTION
        numbered = {o.value: n for n, o in enumerate(q.options, start=1)} if foot else {}
        choices = tuple(
            choice(
                o.value,
                o.label.get(lang),
                o.hint.get(lang) if o.hint else None,
                numbered.get(o.value) if o.value in FOOT_REGIONS else None,
            )
            for o in ctx.options
        )
        hotspots = tuple(
            Hotspot(c.id, c.value, c.region_number) for c in choices if c.region_number is not None
        )
    error_items = tuple(ErrorItem(e.target, e.message) for e in errors)
    heading = q.text.get(lang)
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
        hint=q.hint.get(lang) if q.hint else None,
        why=q.why.get(lang),
        why_summary=ui["why_summary"],
        choices=choices,
        exclusive=exclusive,
        number_value=shown.text if shown and widget == "number" else "",
        number_unit=_unit(kb, q, lang) if widget == "number" else None,
        errors=error_items,
        error_message=errors[0].message if errors else None,
        back=back_link(lang, answers, q.id, change),
        progress=None if ctx.answered or change else _progress(lang, assessment),
        action=urls.question(lang, q.id, change=change),
        hotspots=hotspots,
    )


def answer_words(kb: KnowledgeBase, question: Question, value: AnswerValue, lang: Lang) -> tuple[str, ...]:
    """An answer in words, one line per chosen item ("Ved ikke" for an unknown answer)."""
    ui = UI[lang]
    none = question.none_label.get(lang) if question.none_label else ui["none_of_these"]
    if value is None:
        return (ui["dont_know"],)
    labels = {o.value: o.label.get(lang) for o in question.options}
    if question.kind == "number":
        unit = _unit(kb, question, lang)
        return (f"{value} {unit}" if unit else str(value),)
    if isinstance(value, str):
        return (labels.get(value, value),)
    if isinstance(value, tuple):
        return tuple(labels.get(v, v) for v in value) or (none,)
    if isinstance(value, Mapping):
        ticked = tuple(i.label.get(lang) for i in question.items if value.get(i.id) is True)
        return ticked or (none,)
    return (str(value),)


def check_answers_page(
    request: Request, lang: Lang, kb: KnowledgeBase, answers: Answers, lexicon: StoryLexicon | None = None
) -> CheckAnswersPage:
    """Every answer in words, in the order asked, each with a link to change it.

    What the patient confirmed from their own story comes first (``lexicon`` gives its statements).
    """
    rows = tuple(
        SummaryRow(
            question_id=qid,
            key=kb.question(qid).text.get(lang),
            values=answer_words(kb, kb.question(qid), value, lang),
            change_href=urls.question(lang, qid, change=True),
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


def likelihood(position: int, probability: float) -> tuple[str, str]:
    """The message key and CSS modifier for a cause's likelihood in words."""
    if position == 0:
        return "likely_most", "most"
    if probability >= POSSIBLE_FROM:
        return "likely_possible", "possible"
    return "likely_less", "less"


def bar_class(probability: float) -> str:
    """A width class in steps of 5 % (``w-5`` … ``w-100``): the page's CSP allows no inline styles."""
    return f"w-{max(5, min(100, 5 * round(probability * 20)))}"


def _article_link(request: Request, condition: Condition, lang: Lang) -> Link | None:
    slug = condition.article.get(lang)
    article = context(request).library.get(lang, slug) if slug else None
    if article is None or slug is None:
        return None
    return Link(urls.article(lang, slug), t(lang, "read_more", title=article.title))


def needs_region(kb: KnowledgeBase, level: str) -> bool:
    """Whether the care text of ``level`` names the after-hours number (so a postcode helps)."""
    action = kb.care[level].action
    return "{after_hours}" in action.da or "{after_hours}" in action.en


def result_page(
    request: Request,
    lang: Lang,
    kb: KnowledgeBase,
    assessment: Assessment,
    region: Region | None,
    *,
    postcode_value: str = "",
    postcode_error: str | None = None,
    postcode_note: str | None = None,
) -> ResultPage:
    """The result: triage panel, why, possible causes with reasons, advice and the postcode form."""
    level = assessment.triage.level
    care = kb.care[level]
    show_region = needs_region(kb, level)
    phones: tuple[Link, ...] = ()
    if show_region:
        regions = (region,) if region else kb.regions
        phones = tuple(
            Link(f"tel:{r.phone.replace(' ', '')}", f"{r.phone} – {r.name.get(lang)}") for r in regions
        )
    reasons = tuple(dict.fromkeys(r.text.get(lang) for r in assessment.triage.reasons if r.kind == "rule"))
    leading = assessment.listed[0].condition if assessment.listed else None
    advice = leading.quick_advice.get(lang) if leading and level != "emergency" else None
    causes = []
    for position, ranked in enumerate(assessment.listed):
        word, css = likelihood(position, ranked.probability)
        c = ranked.condition
        causes.append(
            CauseView(
                id=c.id,
                name=c.name.get(lang),
                description=c.description.get(lang),
                likelihood=t(lang, word),
                likelihood_class=css,
                bar_class=bar_class(ranked.probability),
                for_=tuple(x.text.get(lang) for x in ranked.explanation.for_),
                against=tuple(x.text.get(lang) for x in ranked.explanation.against),
                clinician=c.clinician.get(lang),
                article=_article_link(request, c, lang),
                advice=advice if position == 0 else None,
            )
        )
    note = postcode_note
    if note is None and region is not None:
        note = t(lang, "postcode_region", region=region.name.get(lang))
    heading = t(lang, "result_title")
    errors = (ErrorItem("postcode", postcode_error),) if postcode_error else ()
    return ResultPage(
        chrome=chrome(
            request,
            lang,
            title=heading,
            switch_href=urls.result(urls.other(lang)),
            section="check",
            has_errors=bool(errors),
            noindex=True,
            css=("result",),
        ),
        heading=heading,
        triage=TriagePanel(level, care.title.get(lang), action_text(kb, level, lang, region), phones),
        reasons=reasons,
        causes=tuple(causes),
        postcode=PostcodeForm(urls.result(lang), postcode_value, postcode_error, note)
        if show_region
        else None,
        errors=errors,
        disclaimer=t(lang, "result_disclaimer"),
        restart_action=urls.start(lang),
        change_href=urls.check_answers(lang),
    )

"""The summary for a doctor or physiotherapist: the document (for the page, the PDF and FHIR) and its page.

:func:`summary_document` turns a finished self-check and, when there is one, a diary into a
:class:`~haelguiden.rendering.summary.SummaryDocument`: the date, the urgency and every reason behind it
(each with its kind and level), the red-flag questions asked (purpose ``safety``) with each checklist line
answered yes, no or "ved ikke", every other answer as given, the possible causes with what speaks for and
against, and the diary's pain trend and last entries. Nothing is decided here that the engine has not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup
from starlette.requests import Request

from haelguiden.engine.assess import Assessment
from haelguiden.engine.model import ChecklistItem, KnowledgeBase, Lang, Question
from haelguiden.engine.state import Answers, AnswerValue
from haelguiden.i18n import N_, long_date, numeric_date, short_date, t, tn
from haelguiden.presenters import likelihood_text, reason_text, triage_reason_text
from haelguiden.rendering.summary import (
    AnswerRow,
    CauseRow,
    ChartPoint,
    CheckPart,
    DiaryPart,
    EntryRow,
    ReasonRow,
    SummaryDocument,
)
from haelguiden.services import Services
from haelguiden.tracker.chart import pain_chart
from haelguiden.tracker.model import Diary, Entry
from haelguiden.web.check_views import answer_words
from haelguiden.web.plan_views import CSS
from haelguiden.web.rendering import chrome
from haelguiden.web.viewmodels import Chrome, Link

#: How many diary entries the summary lists (newest first); the chart shows them all.
LAST_ENTRIES = 5
#: Questions of this purpose screen for red flags; the summary lists them first, line by line.
RED_FLAG_PURPOSE = "safety"


#: The summary's fixed headings and labels that the PDF and FHIR lay out (``SummaryDocument.words``).
SUMMARY_WORDS = (
    N_("summary_title"),
    N_("summary_subtitle"),
    N_("summary_not_diagnosis"),
    N_("summary_date"),
    N_("summary_source"),
    N_("summary_triage"),
    N_("summary_reasons"),
    N_("summary_red_flags"),
    N_("summary_causes"),
    N_("summary_for"),
    N_("summary_against"),
    N_("summary_answers"),
    N_("summary_question"),
    N_("summary_answer"),
    N_("summary_flag"),
    N_("summary_diary"),
    N_("summary_last_entries"),
    N_("summary_worst"),
    N_("summary_first_step"),
    N_("summary_col_date"),
    N_("summary_col_exercises"),
    N_("summary_col_note"),
)
#: What kind of reason a triage reason is, in the summary's words (a cause's reason has none).
_REASON_KINDS = {
    "rule": N_("summary_kind_rule"),
    "condition": N_("summary_kind_condition"),
    "precaution": N_("summary_kind_precaution"),
}
#: Each triage level in a few words ("egen læge inden for få dage").
_LEVELS = {
    "emergency": N_("summary_level_emergency"),
    "urgent": N_("summary_level_urgent"),
    "gp": N_("summary_level_gp"),
    "professional": N_("summary_level_professional"),
    "self_care": N_("summary_level_self_care"),
}


def summary_words(lang: Lang) -> Mapping[str, str]:
    """The summary's fixed headings and labels in ``lang`` (:data:`SUMMARY_WORDS`)."""
    return {key: t(lang, key) for key in SUMMARY_WORDS}


def check_part(services: Services, lang: Lang, assessment: Assessment) -> CheckPart:
    """The self-check part: urgency and reasons, red-flag questions, other answers, possible causes."""
    kb = services.kb
    level = assessment.triage.level
    outcome = services.outcome(level, child=assessment.child)
    red_flags: list[AnswerRow] = []
    others: list[AnswerRow] = []
    flagged_facts = frozenset(assessment.triage.red_flags)
    # The answers as the parent of a child read the questions, so the clinician sees what was asked.
    child = assessment.child
    for qid, value in assessment.answers.items:
        question = kb.question(qid)
        if question.purpose == RED_FLAG_PURPOSE:
            red_flags.extend(_red_flag_rows(kb, question, value, lang, flagged_facts, child))
        else:
            others.append(_answer_row(kb, question, value, lang, child))
    title = outcome.title.get(lang)
    when = outcome.when.get(lang) if outcome.when else None
    return CheckPart(
        level=level,
        level_title=title,
        # "Bestil tid ... inden for få dage (Inden for få dage)" would say it twice
        when=when if when and when.casefold() not in title.casefold() else None,
        reasons=tuple(
            dict.fromkeys(
                _reason(triage_reason_text(kb, r, lang), r.kind, r.level, lang)
                for r in assessment.triage.reasons
            )
        ),
        red_flags=tuple(red_flags),
        answers=tuple(others),
        causes=tuple(
            CauseRow(
                name=r.condition.name.get(lang),
                likelihood=likelihood_text(r.likelihood, lang),
                for_=tuple(reason_text(x, lang) for x in r.explanation.for_),
                against=tuple(reason_text(x, lang) for x in r.explanation.against),
            )
            for r in assessment.listed
        ),
    )


def _reason(text: str, kind: str, level: str, lang: Lang) -> ReasonRow:
    return ReasonRow(
        text=text,
        kind=t(lang, _REASON_KINDS[kind]) if kind in _REASON_KINDS else "",
        level=t(lang, _LEVELS[level]) if level in _LEVELS else level,
    )


def _answer_row(
    kb: KnowledgeBase, question: Question, value: AnswerValue, lang: Lang, child: bool = False
) -> AnswerRow:
    """An answer as given: "Ved ikke" when unknown; for a checklist the lines ticked, and any line unknown.

    For a ``child`` the question and its lines read as the parent saw them, adult-only lines left out.
    """
    words = list(answer_words(kb, question, value, lang, child=child))
    if question.kind == "checklist" and isinstance(value, Mapping):
        unknown = [
            i.label_for(child).get(lang)
            for i in _lines(question, child)
            if i.id in value and value[i.id] is None
        ]
        dont_know = t(lang, "dont_know").lower()
        words += [f"{dont_know}: {label}" for label in unknown]
    return AnswerRow(label=question.text_for(child).get(lang), value="; ".join(words), unknown=value is None)


def _lines(question: Question, child: bool) -> tuple[ChecklistItem, ...]:
    """A checklist's lines as shown: for a child without the adult-only ones."""
    return tuple(i for i in question.items if not (child and i.adults_only))


def _red_flag_rows(
    kb: KnowledgeBase,
    question: Question,
    value: AnswerValue,
    lang: Lang,
    flagged: frozenset[str],
    child: bool = False,
) -> list[AnswerRow]:
    """A red-flag question: each checklist line yes, no or "ved ikke"; a single question as answered."""
    if question.kind != "checklist":
        row = _answer_row(kb, question, value, lang, child)
        return [
            AnswerRow(
                row.label, row.value, row.unknown, flagged=question.fact in flagged and value is not None
            )
        ]
    ticks: Mapping[str, bool | None] = value if isinstance(value, Mapping) else {}
    rows = []
    for item in _lines(question, child):
        tick = ticks.get(item.id)
        if tick is None:
            words, unknown = t(lang, "dont_know"), True
        else:
            words, unknown = (t(lang, "summary_yes") if tick else t(lang, "summary_no")), False
        rows.append(
            AnswerRow(
                item.label_for(child).get(lang),
                words,
                unknown,
                flagged=tick is True and item.fact in flagged,
            )
        )
    return rows


def diary_part(services: Services, lang: Lang, diary: Diary, entries: Sequence[Entry]) -> DiaryPart:
    """The diary part: start date, the pain chart and its trend in words, the last entries."""
    ordered = sorted(entries, key=lambda e: (e.date, e.id))
    chart = pain_chart(ordered, lang, element_id="summary-chart")
    names = services.plans.exercises
    first = ordered[0].date if ordered else diary.start_date
    newest = list(reversed(ordered))[:LAST_ENTRIES]
    rows = tuple(
        EntryRow(
            date=numeric_date(e.date),
            worst=str(e.worst_pain),
            first_step=t(lang, "summary_not_measured")
            if e.first_step_pain is None
            else str(e.first_step_pain),
            exercises=", ".join(names[x].name.get(lang) if x in names else x for x in e.exercises)
            or t(lang, "summary_none"),
            note=e.note or e.activity or "–",
        )
        for e in newest
    )
    earlier = len(ordered) - len(newest)
    return DiaryPart(
        started=t(lang, "summary_diary_started", date=long_date(diary.start_date, lang)),
        chart_svg=chart.svg,
        chart_svg_narrow=chart.svg_narrow,
        trend=chart.description,
        points=tuple(
            ChartPoint(
                day=(e.date - first).days,
                label=short_date(e.date, lang),
                worst=e.worst_pain,
                first_step=e.first_step_pain,
            )
            for e in ordered
        ),
        entries=rows,
        more=tn(lang, "summary_more", earlier) if earlier else None,
    )


def summary_document(
    services: Services,
    lang: Lang,
    *,
    date: dt.date,
    answers: Answers | None,
    diary: Diary | None = None,
    entries: Sequence[Entry] = (),
) -> SummaryDocument:
    """The summary of ``answers`` (when they make a finished self-check) and of ``diary``, dated ``date``."""
    assessment = services.assess(answers) if answers is not None else None
    due = assessment is not None and services.outcome_due(assessment)
    return SummaryDocument(
        lang=lang,
        words=summary_words(lang),
        date=long_date(date, lang),
        check=check_part(services, lang, assessment) if assessment is not None and due else None,
        diary=diary_part(services, lang, diary, entries) if diary is not None else None,
        no_check=None if due else t(lang, "summary_no_check"),
    )


# --- the page ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SummaryPage:
    """The summary as an HTML print view, with a plain link to the PDF (no JavaScript) and to FHIR.

    ``back`` leads to the result (on the patient's own summary); a shared summary has none, so nothing on
    it leads anywhere private. ``chart`` is the diary's chart as escaped SVG from the tracker.
    """

    chrome: Chrome
    doc: SummaryDocument
    chart: Markup | None
    #: The same chart for a phone's width (the page shows one of the two).
    chart_narrow: Markup | None
    pdf: Link
    fhir: Link
    back: Link | None
    #: "Delt af patienten. Kun til læsning." on a shared summary.
    shared_note: str | None


def summary_page(
    request: Request,
    lang: Lang,
    document: SummaryDocument,
    *,
    switch_href: str,
    pdf_href: str,
    fhir_href: str,
    back: Link | None,
    shared_note: str | None = None,
) -> SummaryPage:
    """The page of ``document``."""
    diary = document.diary
    return SummaryPage(
        chrome=chrome(
            request,
            lang,
            title=t(lang, "summary_title"),
            switch_href=switch_href,
            section="check",
            noindex=True,
            css=("result", "summary", *CSS),
        ),
        doc=document,
        chart=Markup(diary.chart_svg) if diary is not None else None,
        chart_narrow=Markup(diary.chart_svg_narrow) if diary is not None else None,
        pdf=Link(pdf_href, t(lang, "summary_print")),
        fhir=Link(fhir_href, t(lang, "summary_fhir")),
        back=back,
        shared_note=shared_note,
    )

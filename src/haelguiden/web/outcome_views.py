"""View models of the outcome pages: the emergency outcome, and the result of every other level.

The texts of each level (what to do, by when, what happens next, what to tell 112, whether the plan and
the diary are offered) come from ``outcomes.yaml`` through ``Services.outcome``; the reasons and possible
causes from the assessment; the after-hours numbers from the care routes. These functions only choose
which of them a page shows and put them into words and links.
"""

from __future__ import annotations

from starlette.requests import Request

from haelguiden.engine.assess import Assessment
from haelguiden.engine.model import KnowledgeBase, Lang, Region, TriageLevel
from haelguiden.i18n import t
from haelguiden.presenters import likelihood_text, questions_about, reason_text, triage_reason_text
from haelguiden.services import Services
from haelguiden.web import urls
from haelguiden.web.check_views import LIKELIHOOD_CLASSES, article_link
from haelguiden.web.rendering import chrome
from haelguiden.web.viewmodels import (
    CauseView,
    EmergencyPage,
    ErrorItem,
    Link,
    PlanOffer,
    PostcodeForm,
    ResultPage,
)


def phone_links(kb: KnowledgeBase, lang: Lang, region: Region | None) -> tuple[Link, ...]:
    """The after-hours number of ``region`` as a ``tel:`` link; every region's when it is not known."""
    regions = (region,) if region else kb.regions
    return tuple(Link(f"tel:{r.phone.replace(' ', '')}", f"{r.phone} – {r.name.get(lang)}") for r in regions)


def reason_texts(
    kb: KnowledgeBase, assessment: Assessment, lang: Lang, level: TriageLevel | None = None
) -> tuple[str, ...]:
    """The answers behind the triage, in words, most urgent first (once each).

    Every kind of reason is shown except the likely conditions, which the page lists as possible causes; a
    precaution says which "ved ikke" made the advice cautious. With ``level``, only the reasons that call for
    that level.
    """
    return tuple(
        dict.fromkeys(
            triage_reason_text(kb, r, lang)
            for r in assessment.triage.reasons
            if r.kind != "condition" and (level is None or r.level == level)
        )
    )


def answer_again_links(kb: KnowledgeBase, assessment: Assessment, lang: Lang) -> tuple[Link, ...]:
    """Links to the questions answered "ved ikke" that made the advice cautious: answer them now."""
    asked = set(assessment.answers.asked)
    out: dict[str, Link] = {}
    for reason in assessment.triage.reasons:
        if reason.kind != "precaution":
            continue
        for fact_id in reason.unknown:
            for qid in questions_about(kb, fact_id):
                if qid in asked and qid not in out:
                    text = kb.question(qid).text_for(assessment.child).get(lang)
                    out[qid] = Link(
                        urls.question(lang, qid, change=True), t(lang, "answer_now", question=text)
                    )
    return tuple(out.values())


def emergency_page(request: Request, services: Services, lang: Lang, assessment: Assessment) -> EmergencyPage:
    """One screen: "Ring 112" first, what to tell the operator, what to do while waiting; nothing else.

    The footer's "call 112 if it is life-threatening" line and the main menu are left out: they would only
    say the same thing twice or compete with the call.
    """
    outcome = services.outcome("emergency", child=assessment.child)
    heading = outcome.title.get(lang)
    page_chrome = chrome(
        request,
        lang,
        title=heading,
        switch_href=urls.result(urls.other(lang)),
        section="check",
        noindex=True,
        css=("result",),
        minimal=True,
    )
    call = outcome.call
    assert call is not None  # the loader requires a number to call or steps; emergency has a number
    say = outcome.say.points if outcome.say else ()
    waiting = outcome.while_waiting.points if outcome.while_waiting else ()
    return EmergencyPage(
        chrome=page_chrome,
        heading=heading,
        call=Link(f"tel:{call.number}", call.label.get(lang)),
        lead=outcome.lead.get(lang),
        say_title=outcome.say.title.get(lang) if outcome.say else "",
        say=tuple(p.get(lang) for p in say),
        reasons=reason_texts(services.kb, assessment, lang, "emergency")
        or reason_texts(services.kb, assessment, lang),
        waiting_title=outcome.while_waiting.title.get(lang) if outcome.while_waiting else "",
        waiting=tuple(p.get(lang) for p in waiting),
        next=outcome.next.get(lang) if outcome.next else None,
        change_href=urls.check_answers(lang),
        summary=Link(urls.summary(lang), t(lang, "summary_link")),
    )


def _causes(request: Request, lang: Lang, assessment: Assessment) -> tuple[CauseView, ...]:
    leading = assessment.listed[0].condition if assessment.listed else None
    advice = leading.quick_advice.get(lang) if leading else None
    causes = []
    for position, ranked in enumerate(assessment.listed):
        c = ranked.condition
        causes.append(
            CauseView(
                id=c.id,
                name=c.name.get(lang),
                description=c.description.get(lang),
                likelihood=likelihood_text(ranked.likelihood, lang),
                likelihood_class=LIKELIHOOD_CLASSES[ranked.likelihood],
                for_=tuple(reason_text(x, lang) for x in ranked.explanation.for_),
                against=tuple(reason_text(x, lang) for x in ranked.explanation.against),
                clinician=c.clinician.get(lang),
                article=article_link(request, c, lang),
                advice=advice if position == 0 else None,
            )
        )
    return tuple(causes)


def result_page(
    request: Request,
    services: Services,
    lang: Lang,
    assessment: Assessment,
    region: Region | None,
    *,
    postcode_value: str = "",
    postcode_error: str | None = None,
    postcode_note: str | None = None,
) -> ResultPage:
    """The outcome of a level other than emergency, then why, the possible causes and the way on."""
    level = assessment.triage.level
    outcome = services.outcome(level, child=assessment.child)
    kb = services.kb
    note = postcode_note
    if note is None and region is not None:
        note = t(lang, "postcode_region", region=region.name.get(lang))
    heading = outcome.title.get(lang)
    errors = (ErrorItem("postcode", postcode_error),) if postcode_error else ()
    plan = (
        PlanOffer(plan_href=urls.plan(lang), diary_action=urls.diary_start(lang))
        if outcome.offer_plan
        else None
    )
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
        level=level,
        lead=outcome.lead.get(lang),
        when=outcome.when.get(lang) if outcome.when else None,
        steps=tuple(s.get(lang) for s in outcome.steps),
        phones=phone_links(kb, lang, region) if outcome.after_hours else (),
        postcode=PostcodeForm(urls.result(lang), postcode_value, postcode_error, note)
        if outcome.after_hours
        else None,
        next=outcome.next.get(lang) if outcome.next else None,
        safety_net=outcome.safety_net.get(lang) if outcome.safety_net else None,
        reasons=reason_texts(kb, assessment, lang),
        answer_again=answer_again_links(kb, assessment, lang),
        causes=_causes(request, lang, assessment),
        plan=plan,
        later=outcome.later.get(lang) if outcome.later else None,
        summary=Link(urls.summary(lang), t(lang, "summary_link")),
        summary_pdf=Link(urls.summary_pdf(lang), t(lang, "summary_pdf_link")),
        errors=errors,
        disclaimer=t(lang, "result_disclaimer"),
        restart_action=urls.start(lang),
        change_href=urls.check_answers(lang),
    )

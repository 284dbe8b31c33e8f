"""The self-check pages: one question per page, check your answers, the result. POST-redirect-GET.

The same routes exist in Danish (``/tjek/...``) and English (``/en/check/...``); the answers cookie is the
same for both, so the language can be switched on any page. Every POST checks the CSRF token first. A
question page can be opened for the question the engine asks next, or for any question already answered
(to change it); any other question id redirects to the current step.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from haelguiden.engine.assess import Assessment, prune
from haelguiden.engine.care import region_for_postcode
from haelguiden.engine.errors import AnswerError
from haelguiden.engine.model import KnowledgeBase, Lang, Region
from haelguiden.engine.state import Answers, AnswerValue
from haelguiden.i18n import t
from haelguiden.services import Services
from haelguiden.web import check_views, forms, outcome_views, story_views, urls
from haelguiden.web.api_schemas import STORY_MAX_CHARS
from haelguiden.web.rendering import WebContext, chrome, context, render
from haelguiden.web.security import CSRF_FIELD
from haelguiden.web.state_cookie import COOKIE_NAME, CheckState, InvalidState
from haelguiden.web.viewmodels import MessagePage

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]
_DONT_KNOW_WORDS = frozenset({"ved ikke", "vedikke", "don't know", "dont know", "don’t know", "?"})


# --- state ---------------------------------------------------------------------------------------------
def load_state(request: Request) -> CheckState | None:
    """The answers in the cookie; ``None`` when the cookie cannot be trusted (start again)."""
    token = request.cookies.get(COOKIE_NAME)
    if not token:
        return CheckState()
    try:
        return context(request).codec.loads(token)
    except InvalidState:
        return None


def save_state(web: WebContext, response: Response, state: CheckState) -> Response:
    """Put ``state`` in the answers cookie of ``response`` (a session cookie, HttpOnly, SameSite=Lax)."""
    response.set_cookie(
        COOKIE_NAME,
        web.codec.dumps(state),
        httponly=True,
        samesite="lax",
        secure=web.secure_cookies,
        path="/",
    )
    return response


def restart_page(request: Request, lang: Lang) -> Response:
    """The friendly "we could not read your answers" page; it also drops the bad cookie."""
    heading = t(lang, "restart_title")
    page = MessagePage(
        chrome=chrome(request, lang, title=heading, switch_href=urls.check(urls.other(lang)), noindex=True),
        heading=heading,
        body=t(lang, "restart_body"),
        action=urls.start(lang),
        button=t(lang, "restart"),
    )
    response = render(request, "message.html", page)
    response.delete_cookie(COOKIE_NAME, path="/", httponly=True, samesite="lax")
    return response


async def read_form(request: Request) -> FormData:
    """The posted form, after the CSRF check (``CsrfError`` is answered by the app's error handler)."""
    form = await request.form()
    context(request).csrf.verify(request, form.get(CSRF_FIELD))
    return form


def redirect(href: str) -> RedirectResponse:
    """See other: the browser GETs the next page (POST-redirect-GET keeps the back button working)."""
    return RedirectResponse(href, status_code=303)


def next_step(services: Services, lang: Lang, assessment: Assessment, *, change: bool = False) -> str:
    """The page the interview continues on: the next question, check your answers when done, or straight
    to the outcome when it is an emergency (no question and no check-your-answers page in between)."""
    if assessment.triage.level == "emergency" and services.outcome_due(assessment):
        return urls.result(lang)
    if assessment.question is None:
        return urls.check_answers(lang)
    return urls.question(lang, assessment.question.id, change=change)


def set_answer(kb: KnowledgeBase, answers: Answers, qid: str, value: AnswerValue) -> Answers:
    """Save an answer; a changed answer keeps its place, so the order asked (and "Tilbage") stays right."""
    updated = answers.answer(kb, qid, value)
    if qid not in answers.asked:
        return updated
    clean = updated.value(qid)
    return Answers(tuple((q, clean if q == qid else v) for q, v in answers.items), answers.story)


def _region(kb: KnowledgeBase, region_id: str | None) -> Region | None:
    return next((r for r in kb.regions if r.id == region_id), None)


# --- routes ------------------------------------------------------------------------------------------------
def _entry(lang: Lang) -> Endpoint:
    async def entry(request: Request) -> Response:
        state = load_state(request)
        if state is None:
            return restart_page(request, lang)
        services = context(request).services
        return redirect(next_step(services, lang, services.assess(state.answers)))

    return entry


def _start(lang: Lang) -> Endpoint:
    async def start(request: Request) -> Response:
        form = await read_form(request)
        web = context(request)
        raw = form.get("story")
        story = raw.strip() if isinstance(raw, str) else ""
        if not story:
            first = next_step(web.services, lang, web.services.start())
            return save_state(web, redirect(first), CheckState())
        if len(story) > STORY_MAX_CHARS:
            from haelguiden.web.routes.pages import start_page_model

            error = t(lang, "story_too_long", limit=STORY_MAX_CHARS)
            return render(request, "start.html", start_page_model(request, lang, error), status=400)
        # The story itself goes no further than this line: only the facts read from it are kept.
        reading = web.services.read_story(story, lang)
        return save_state(web, redirect(urls.story(lang)), CheckState(pending_story=reading.facts))

    return start


def _story(lang: Lang) -> Endpoint:
    async def story(request: Request) -> Response:
        form = await read_form(request) if request.method == "POST" else None
        state = load_state(request)
        if state is None:
            return restart_page(request, lang)
        web = context(request)
        if state.pending_story is None:
            return redirect(next_step(web.services, lang, web.services.assess(state.answers)))
        lexicon = web.services.story_lexicon
        read = state.pending_story
        if form is None:
            page = story_views.confirm_page(request, lang, web.kb, lexicon, read)
            return render(request, "story_confirm.html", page)
        keep = [v for v in form.getlist(story_views.KEEP_FIELD) if isinstance(v, str)]
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        result = story_views.confirmed(web.kb, lang, read, keep, fields)
        if result.errors:
            page = story_views.confirm_page(
                request,
                lang,
                web.kb,
                lexicon,
                read,
                kept=frozenset(keep),
                changed={k.removeprefix(story_views.CHANGE_PREFIX): v for k, v in fields.items()},
                errors=result.errors,
            )
            return render(request, "story_confirm.html", page, status=400)
        try:
            answers = Answers().with_story(web.kb, result.facts)
        except AnswerError:
            return restart_page(request, lang)
        return save_state(
            web, redirect(next_step(web.services, lang, web.services.assess(answers))), CheckState(answers)
        )

    return story


def _check_answers(lang: Lang) -> Endpoint:
    async def check_answers(request: Request) -> Response:
        state = load_state(request)
        if state is None:
            return restart_page(request, lang)
        web = context(request)
        assessment = web.services.assess(state.answers)
        if not web.services.outcome_due(assessment):
            return redirect(next_step(web.services, lang, assessment))
        lexicon = web.services.story_lexicon if state.answers.story else None
        page = check_views.check_answers_page(request, lang, web.kb, state.answers, lexicon)
        return render(request, "check_answers.html", page)

    return check_answers


def _result(lang: Lang) -> Endpoint:
    async def result(request: Request) -> Response:
        form = await read_form(request) if request.method == "POST" else None
        state = load_state(request)
        if state is None:
            return restart_page(request, lang)
        web = context(request)
        services = web.services
        assessment = services.assess(state.answers)
        if not services.outcome_due(assessment):
            return redirect(next_step(services, lang, assessment))
        if assessment.triage.level == "emergency":
            if form is not None:  # the emergency outcome has no form; show it again
                return redirect(urls.result(lang))
            return render(
                request,
                "outcome_emergency.html",
                outcome_views.emergency_page(request, services, lang, assessment),
            )
        if form is None:
            page = outcome_views.result_page(
                request, services, lang, assessment, _region(web.kb, state.region)
            )
            return render(request, "result.html", page)
        raw = str(form.get("postcode") or "").strip()
        if not raw or raw.casefold() in _DONT_KNOW_WORDS:
            return save_state(web, redirect(urls.result(lang)), CheckState(state.answers, None))
        if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
            page = outcome_views.result_page(
                request,
                services,
                lang,
                assessment,
                None,
                postcode_value=raw,
                postcode_error=t(lang, "postcode_error"),
            )
            return render(request, "result.html", page, status=400)
        region = region_for_postcode(web.kb, int(raw))
        if region is None:
            note = t(lang, "postcode_unknown", postcode=raw)
            page = outcome_views.result_page(
                request, services, lang, assessment, None, postcode_value=raw, postcode_note=note
            )
            return save_state(web, render(request, "result.html", page), CheckState(state.answers, None))
        return save_state(web, redirect(urls.result(lang)), CheckState(state.answers, region.id))

    return result


def _question(lang: Lang) -> Endpoint:
    async def question(request: Request, question_id: str) -> Response:
        form = await read_form(request) if request.method == "POST" else None
        web = context(request)
        if question_id not in web.kb.question_ids:
            raise HTTPException(status_code=404)
        state = load_state(request)
        if state is None:
            return restart_page(request, lang)
        answers = state.answers
        assessment = web.services.assess(answers)
        current = assessment.question is not None and assessment.question.id == question_id
        if not current and question_id not in answers.asked:
            return redirect(next_step(web.services, lang, assessment))
        change = urls.CHANGE_PARAM[lang] in request.query_params
        ctx = check_views.question_context(web.kb, answers, assessment, question_id)
        if form is None:
            page = check_views.question_page(request, lang, web.kb, answers, assessment, ctx, change=change)
            return render(request, "question.html", page)
        fact = web.kb.facts.get(ctx.question.fact or "")
        values = [v for v in form.getlist(forms.FIELD) if isinstance(v, str)]
        action = form.get(forms.ACTION_FIELD)
        unit = form.get(forms.UNIT_FIELD)
        parsed = forms.parse_answer(
            ctx.question,
            ctx.options,
            fact,
            values,
            action if isinstance(action, str) else None,
            lang,
            unit if isinstance(unit, str) else None,
        )
        if parsed.ok:
            try:
                updated = prune(web.kb, set_answer(web.kb, answers, question_id, parsed.value))
            except AnswerError:
                parsed = forms.ParsedAnswer(
                    errors=(
                        forms.FieldError(
                            forms.first_target(ctx.question, ctx.options, fact),
                            t(lang, "error_unknown_choice"),
                        ),
                    ),
                    submitted=parsed.submitted,
                )
            else:
                following = web.services.assess(updated)
                return save_state(
                    web,
                    redirect(next_step(web.services, lang, following, change=change)),
                    CheckState(updated, state.region),
                )
        page = check_views.question_page(
            request,
            lang,
            web.kb,
            answers,
            assessment,
            ctx,
            change=change,
            submitted=parsed.submitted,
            errors=parsed.errors,
        )
        return render(request, "question.html", page, status=400)

    return question


def _register() -> None:
    for lang in ("da", "en"):
        prefix = urls.check(lang)
        router.add_api_route(prefix, _entry(lang), methods=["GET"], name=f"check_{lang}")
        router.add_api_route(urls.start(lang), _start(lang), methods=["POST"], name=f"start_{lang}")
        router.add_api_route(urls.story(lang), _story(lang), methods=["GET", "POST"], name=f"story_{lang}")
        router.add_api_route(
            urls.check_answers(lang), _check_answers(lang), methods=["GET"], name=f"check_answers_{lang}"
        )
        router.add_api_route(urls.result(lang), _result(lang), methods=["GET", "POST"], name=f"result_{lang}")
        router.add_api_route(
            prefix + "/{question_id}", _question(lang), methods=["GET", "POST"], name=f"question_{lang}"
        )


_register()

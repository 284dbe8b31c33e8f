"""Sharing a diary with a clinician: a read-only link to the summary and the pain chart.

Under the private diary link (its owner only): ``/dagbog/<token>/del`` shows what a share shows and
cannot do, and the shares made so far; a POST there makes a new one and shows its link once (the token is
not stored, so the page is the POST's answer, not a redirect); ``.../del/<id>/stop`` stops one.
``/dagbog/<token>/resume`` (and ``.pdf``, ``.fhir.json``) is the owner's own summary with the chart.

Under the share's own link (``/delt/<share token>``): the summary and the chart, its PDF and its FHIR
document. Nothing there writes (GET only), and nothing links to the diary: the share token opens no diary
page, and a diary token opens no share. Every token that opens nothing gets the same "not found" page.
Every GET counts towards the rate limit, as the diary's pages do, so tokens cannot be guessed by trying.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from haelguiden.engine.model import Lang
from haelguiden.i18n import t
from haelguiden.rendering.summary import SummaryDocument
from haelguiden.tracker.model import Diary, DiaryNotFound
from haelguiden.tracker.shares import Share
from haelguiden.web import fhir_summary, share_views, summary_views, urls
from haelguiden.web.rendering import WebContext, chrome, context, render
from haelguiden.web.routes.assessment import load_state, read_form, redirect
from haelguiden.web.routes.diary import count_get, not_found
from haelguiden.web.routes.summary import fhir_response, pdf_response
from haelguiden.web.viewmodels import Link, MessagePage

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]


# --- under the private diary link ----------------------------------------------------------------------
def _owner(lang: Lang) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        form = await read_form(request) if request.method == "POST" else None
        return await run_in_threadpool(_manage, request, lang, form)

    return endpoint


def _manage(request: Request, lang: Lang, form: FormData | None) -> Response:
    count_get(request)
    web = context(request)
    token = str(request.path_params["token"])
    try:
        diary = web.services.repository.get_diary(token)
        if form is not None:
            return _create(request, lang, web, diary, token)
        shares = web.services.repository.list_shares(diary.id)
    except DiaryNotFound:
        return not_found(request, lang)
    notice = request.query_params.get(urls.NOTICE_PARAM[lang])
    return render(request, "share.html", share_views.share_page(request, lang, token, shares, notice=notice))


def _create(request: Request, lang: Lang, web: WebContext, diary: Diary, token: str) -> Response:
    state = load_state(request)
    made = web.services.share_diary(diary, state.answers if state is not None else None)
    page = share_views.created_page(request, lang, web.site_url(request), token, made.token)
    return render(request, "share_created.html", page)


def _revoke(lang: Lang) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        await read_form(request)
        return await run_in_threadpool(_stop, request, lang)

    return endpoint


def _stop(request: Request, lang: Lang) -> Response:
    web = context(request)
    token = str(request.path_params["token"])
    try:
        diary = web.services.repository.get_diary(token)
        web.services.repository.revoke_share(diary.id, str(request.path_params["share_id"]))
    except DiaryNotFound:  # ShareNotFound too: a share of another diary, or one already stopped
        return not_found(request, lang)
    done = f"{urls.diary_part(lang, token, 'share')}?{urls.NOTICE_PARAM[lang]}={share_views.REVOKED[lang]}"
    return redirect(done)


def _owner_summary(lang: Lang, part: str | None) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        return await run_in_threadpool(_own_summary, request, lang, part)

    return endpoint


def _own_summary(request: Request, lang: Lang, part: str | None) -> Response:
    """The owner's own summary with the diary: the self-check in this browser (if finished) and the chart."""
    count_get(request)
    web = context(request)
    services = web.services
    token = str(request.path_params["token"])
    try:
        diary = services.repository.get_diary(token)
        entries = services.repository.list_entries(diary.id)
    except DiaryNotFound:
        return not_found(request, lang)
    state = load_state(request)
    answers = state.answers if state is not None else None
    document = summary_views.summary_document(
        services, lang, date=services.today(), answers=answers, diary=diary, entries=entries
    )
    if part == "pdf":
        return pdf_response(document, t(lang, "file_summary_pdf"))
    if part == "fhir":
        assessment = services.assess(answers) if answers is not None else None
        bundle = fhir_summary.summary_bundle(web.kb, assessment, document, dt.datetime.now(dt.UTC))
        return fhir_response(bundle, t(lang, "file_summary_fhir"))
    page = summary_views.summary_page(
        request,
        lang,
        document,
        switch_href=urls.diary_part(urls.other(lang), token, "summary"),
        pdf_href=urls.diary_part(lang, token, "summary_pdf"),
        fhir_href=urls.diary_part(lang, token, "summary_fhir"),
        back=Link(urls.diary(lang, token), t(lang, "back_to_diary")),
    )
    return render(request, "summary.html", page)


# --- under the share's own link ------------------------------------------------------------------------
def _shared_not_found(request: Request, lang: Lang) -> Response:
    heading = t(lang, "shared_not_found_title")
    page = MessagePage(
        chrome=chrome(request, lang, title=heading, switch_href=urls.home(urls.other(lang)), noindex=True),
        heading=heading,
        body=t(lang, "shared_not_found_body"),
        link=Link(urls.home(lang), t(lang, "go_home")),
    )
    return render(request, "message.html", page, status=404)


def _open_share(request: Request, lang: Lang) -> tuple[Share, SummaryDocument] | Response:
    count_get(request)
    web = context(request)
    services = web.services
    try:
        share, diary = services.repository.get_share(str(request.path_params["share_token"]))
        entries = services.repository.list_entries(diary.id)
    except DiaryNotFound:  # ShareNotFound is one
        return _shared_not_found(request, lang)
    document = summary_views.summary_document(
        services,
        lang,
        date=share.created,
        answers=services.shared_answers(share),
        diary=diary,
        entries=entries,
    )
    return share, document


def _shared(lang: Lang, part: str | None) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        return await run_in_threadpool(_show, request, lang, part)

    return endpoint


def _show(request: Request, lang: Lang, part: str | None) -> Response:
    opened = _open_share(request, lang)
    if isinstance(opened, Response):
        return opened
    share, document = opened
    share_token = str(request.path_params["share_token"])
    if part == "pdf":
        return pdf_response(document, t(lang, "file_summary_pdf"))
    if part == "fhir":
        web = context(request)
        answers = web.services.shared_answers(share)
        assessment = web.services.assess(answers) if answers is not None else None
        now = dt.datetime.now(dt.UTC)
        return fhir_response(
            fhir_summary.summary_bundle(web.kb, assessment, document, now), t(lang, "file_summary_fhir")
        )
    page = summary_views.summary_page(
        request,
        lang,
        document,
        switch_href=urls.shared(urls.other(lang), share_token),
        pdf_href=urls.shared(lang, share_token, "pdf"),
        fhir_href=urls.shared(lang, share_token, "fhir"),
        back=None,
        shared_note=t(lang, "shared_note"),
    )
    return render(request, "summary.html", page)


def _register() -> None:
    for lang in ("da", "en"):
        base = urls.diary_start(lang) + "/{token}/" + urls.DIARY_PARTS["share"][lang]
        router.add_api_route(base, _owner(lang), methods=["GET", "POST"], name=f"diary_share_{lang}")
        for part, kind in (("summary", None), ("summary_pdf", "pdf"), ("summary_fhir", "fhir")):
            path = urls.diary_part(lang, "{token}", part)
            router.add_api_route(
                path, _owner_summary(lang, kind), methods=["GET"], name=f"diary_{part}_{lang}"
            )
        revoke = urls.diary_share_revoke(lang, "{token}", "{share_id}")
        router.add_api_route(revoke, _revoke(lang), methods=["POST"], name=f"diary_share_revoke_{lang}")
        shared = urls.shared(lang, "{share_token}")
        router.add_api_route(shared, _shared(lang, None), methods=["GET"], name=f"shared_{lang}")
        for part in urls.SHARED_PARTS:
            router.add_api_route(
                urls.shared(lang, "{share_token}", part),
                _shared(lang, part),
                methods=["GET"],
                name=f"shared_{part}_{lang}",
            )


_register()

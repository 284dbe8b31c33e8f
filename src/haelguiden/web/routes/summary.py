"""The summary for a doctor or physiotherapist, from the finished self-check in the answers cookie.

``/tjek/resultat/til-laegen`` is the HTML print view; ``.pdf`` the same summary as one A4 page (opened in
the browser, to print or save: a plain link, no JavaScript); ``.fhir.json`` a FHIR R4 document Bundle for
the clinic's system. Without a finished self-check each of them leads to where the self-check goes on.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from haelguiden.engine.model import Lang
from haelguiden.i18n import t
from haelguiden.rendering.summary import SummaryDocument
from haelguiden.rendering.summary_pdf import summary_pdf
from haelguiden.web import fhir_summary, summary_views, urls
from haelguiden.web.rendering import context, render
from haelguiden.web.routes.assessment import load_state, next_step, redirect, restart_page
from haelguiden.web.viewmodels import Link

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]
PDF_MEDIA_TYPE = "application/pdf"
FHIR_MEDIA_TYPE = "application/fhir+json"


def pdf_response(document: SummaryDocument, filename: str) -> Response:
    """The summary PDF, shown in the browser (``inline``) so it can be printed straight away."""
    return Response(
        summary_pdf(document),
        media_type=PDF_MEDIA_TYPE,
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


def fhir_response(bundle: dict[str, Any], filename: str) -> Response:
    """A FHIR document Bundle as a download."""
    return Response(
        json.dumps(bundle, ensure_ascii=False, indent=2).encode("utf-8"),
        media_type=FHIR_MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


async def _document(request: Request, lang: Lang) -> SummaryDocument | Response:
    """The summary of the finished self-check, or the response that sends the person on."""
    state = load_state(request)
    if state is None:
        return restart_page(request, lang)
    services = context(request).services
    assessment = services.assess(state.answers)
    if not services.outcome_due(assessment):
        return redirect(next_step(services, lang, assessment))
    return summary_views.summary_document(services, lang, date=services.today(), answers=state.answers)


def _page(lang: Lang) -> Endpoint:
    async def page(request: Request) -> Response:
        document = await _document(request, lang)
        if isinstance(document, Response):
            return document
        view = summary_views.summary_page(
            request,
            lang,
            document,
            switch_href=urls.summary(urls.other(lang)),
            pdf_href=urls.summary_pdf(lang),
            fhir_href=urls.summary_fhir(lang),
            back=Link(urls.result(lang), t(lang, "summary_back")),
        )
        return render(request, "summary.html", view)

    return page


def _pdf(lang: Lang) -> Endpoint:
    async def pdf(request: Request) -> Response:
        document = await _document(request, lang)
        if isinstance(document, Response):
            return document
        return await run_in_threadpool(pdf_response, document, t(lang, "file_summary_pdf"))

    return pdf


def _fhir(lang: Lang) -> Endpoint:
    async def fhir(request: Request) -> Response:
        state = load_state(request)
        document = await _document(request, lang)
        if isinstance(document, Response) or state is None:
            return document if isinstance(document, Response) else restart_page(request, lang)
        web = context(request)
        now = dt.datetime.now(dt.UTC)
        bundle = fhir_summary.summary_bundle(web.kb, web.services.assess(state.answers), document, now)
        return fhir_response(bundle, t(lang, "file_summary_fhir"))

    return fhir


def _register() -> None:
    for lang in ("da", "en"):
        router.add_api_route(urls.summary(lang), _page(lang), methods=["GET"], name=f"summary_{lang}")
        router.add_api_route(urls.summary_pdf(lang), _pdf(lang), methods=["GET"], name=f"summary_pdf_{lang}")
        router.add_api_route(
            urls.summary_fhir(lang), _fhir(lang), methods=["GET"], name=f"summary_fhir_{lang}"
        )


_register()

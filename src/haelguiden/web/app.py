"""The app factory: ``create_app(settings)`` builds the web self-check, the articles and the JSON API.

Nothing happens at import time. The factory loads the knowledge base (through ``build_services``) and the
articles once, then wires routes, static files, error handlers and the security middlewares. Every error
is answered in one of two shapes: an HTML page in the language of the path, or ``application/problem+json``
under ``/api/``. No handler logs a request body, a cookie or a query string.
"""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette_compress import CompressMiddleware

from haelguiden import __version__
from haelguiden.config import Settings
from haelguiden.content import ArticleLibrary, SearchIndex
from haelguiden.errors import StorageError, UserError
from haelguiden.i18n import N_, N_plural, t, tn
from haelguiden.services import Services, articles_directory, build_services
from haelguiden.web import urls
from haelguiden.web.article_directives import kb_resolver
from haelguiden.web.logs import AccessLogMiddleware
from haelguiden.web.problems import problem, validation_errors
from haelguiden.web.rate_limit import RateLimited, RateLimiter, RateLimitMiddleware, RateLimitSettings
from haelguiden.web.rendering import WebContext, chrome, lang_of, render, template_environments
from haelguiden.web.routes import api, articles, assessment, diary, diary_api, pages, plans, share, summary
from haelguiden.web.routes import fhir as fhir_routes
from haelguiden.web.security import (
    DEFAULT_MAX_BODY_BYTES,
    BodySizeLimitMiddleware,
    CsrfError,
    CsrfProtection,
    SecurityHeadersMiddleware,
)
from haelguiden.web.state_cookie import StateCodec
from haelguiden.web.viewmodels import Link, MessagePage

logger = logging.getLogger("haelguiden.web")
STATIC_DIR = Path(__file__).parent / "static"

#: HTML error pages: status → (title key, body key).
#: The heading and the text of each error page (message ids; 429's text is a plural of the seconds).
_PAGES = {
    400: (N_("bad_request_title"), N_("bad_request_body")),
    403: (N_("csrf_title"), N_("csrf_body")),
    404: (N_("not_found_title"), N_("not_found_body")),
    405: (N_("bad_request_title"), N_("bad_request_body")),
    413: (N_("too_large_title"), N_("too_large_body")),
    429: (N_("too_many_title"), N_plural("too_many_body")),
    500: (N_("server_error_title"), N_("server_error_body")),
    503: (N_("server_error_title"), N_("server_error_body")),
}
_API_DETAILS = {
    400: "The request body is not valid JSON.",
    404: "There is nothing at this address. See /api/v1/openapi.json.",
    405: "This method is not allowed here. See /api/v1/openapi.json.",
    413: f"The request body is larger than {DEFAULT_MAX_BODY_BYTES // 1024} KB.",
    415: "Send the body as JSON with Content-Type: application/json.",
    429: "Too many requests. Wait the number of seconds given in Retry-After.",
    500: "Something went wrong on our side. Try again later.",
    503: "The diary storage cannot be reached right now. Try again in a minute.",
}
#: Seconds a client is asked to wait when storage is unavailable.
STORAGE_RETRY_AFTER_S = 30


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(urls.API_PREFIX + "/") or request.url.path == urls.API_PREFIX


def error_response(
    request: Request, status: int, retry_after: int | None = None, extra_headers: dict[str, str] | None = None
) -> Response:
    """The response for a refused or failed request: a page, or problem+json under ``/api/``."""
    headers = dict(extra_headers or {})
    if retry_after:
        headers["Retry-After"] = str(retry_after)
    if _is_api(request):
        detail = _API_DETAILS.get(status, "The request could not be handled.")
        return problem(status, detail=detail, headers=headers or None)
    lang = lang_of(request.url.path)
    title_key, body_key = _PAGES.get(status, _PAGES[400] if status < 500 else _PAGES[500])
    heading = t(lang, title_key)
    page = MessagePage(
        chrome=chrome(request, lang, title=heading, switch_href=urls.home(urls.other(lang)), noindex=True),
        heading=heading,
        body=tn(lang, body_key, retry_after or 60) if status == 429 else t(lang, body_key),
        link=Link(urls.home(lang), t(lang, "go_home")),
    )
    response = render(request, "message.html", page, status=status)
    if headers:
        response.headers.update(headers)
    return response


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(request, exc.status_code, extra_headers=dict(exc.headers or {}))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if not _is_api(request):
        return error_response(request, 400)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return problem(400, detail=_API_DETAILS[400], code="invalid-json", errors=validation_errors(errors))
    content_type = request.headers.get("content-type", "")
    if content_type and "json" not in content_type:
        return problem(415, detail=_API_DETAILS[415], code="unsupported-media-type")
    return problem(
        422,
        code="invalid-request",
        detail="The request does not fit the schema; see errors.",
        errors=validation_errors(errors),
    )


async def _csrf_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 403)


async def _user_error(request: Request, exc: Exception) -> Response:
    if _is_api(request):
        return problem(422, code="invalid-request", detail=str(exc))
    return error_response(request, 400)


async def _rate_limited(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RateLimited)
    return error_response(request, 429, exc.retry_after)


async def _storage_error(request: Request, exc: Exception) -> Response:
    # The message names the database (never its password) and the reason; no request data.
    logger.warning("storage unavailable: %s", exc)
    return error_response(request, 503, STORAGE_RETRY_AFTER_S)


def _server_error(request: Request, status: int, retry_after: int | None) -> Response:
    return error_response(request, status, retry_after)


def create_app(
    settings: Settings | None = None,
    *,
    services: Services | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    rate_limit_namespace: str = "haelguiden",
    limiter: RateLimiter | None = None,
) -> FastAPI:
    """Build the web app.

    Args:
        settings: the settings (default: read from the environment).
        services: already built services (default: ``build_services(settings)``).
        max_body_bytes: larger request bodies are refused with 413.
        rate_limit_namespace: keeps the rate-limit counters of separate deployments (or tests) apart when
            they share one Redis.

    Raises:
        UserError: the knowledge base, an article or a setting is not valid (with a clear message).
    """
    settings = settings or Settings.from_env()
    services = services or build_services(settings)
    kb = services.kb
    library = ArticleLibrary.load(articles_directory(settings), resolver=kb_resolver(kb, services.plans))
    https = settings.https
    key = settings.signing_key()
    limiter = limiter or RateLimiter(
        RateLimitSettings(settings.rate_limit, settings.redis_url, rate_limit_namespace)
    )
    web = WebContext(
        services=services,
        codec=StateCodec(key, kb),
        csrf=CsrfProtection(key, secure=https),
        templates=template_environments(),
        library=library,
        search=SearchIndex.build(library.search_documents()),
        secure_cookies=https,
        info_pages=pages.load_info(settings),
        limiter=limiter,
    )

    app = FastAPI(
        title="Hælguiden",
        version=__version__,
        openapi_url=f"{urls.API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
        # FastAPI's own OpenTelemetry hooks, off: the app exports no traces, metrics or logs, so no request
        # (nor its body) is handed to a provider, and no request pays for looking one up.
        telemetry={"tracing": False, "metrics": False, "logs": False, "operation_spans": False},
    )
    app.state.web = web
    app.openapi = lambda: api.openapi_document(app)  # type: ignore[method-assign]
    app.include_router(api.router)
    app.include_router(fhir_routes.router)
    app.include_router(pages.router)
    app.include_router(assessment.router)
    app.include_router(summary.router)
    app.include_router(articles.router)
    app.include_router(plans.router)
    app.include_router(diary.router)
    app.include_router(share.router)
    app.include_router(diary_api.router)
    app.mount(urls.STATIC_PREFIX, StaticFiles(directory=STATIC_DIR), name="static")

    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(CsrfError, _csrf_error)
    app.add_exception_handler(UserError, _user_error)
    app.add_exception_handler(RateLimited, _rate_limited)
    app.add_exception_handler(StorageError, _storage_error)

    # Added innermost first: the headers middleware wraps everything, including 413, 429 and 500.
    app.add_middleware(
        RateLimitMiddleware, limiter=limiter, responder=error_response, api_prefix=urls.API_PREFIX
    )
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=max_body_bytes, responder=error_response)
    app.add_middleware(SecurityHeadersMiddleware, https=https, on_error=_server_error)
    app.add_middleware(AccessLogMiddleware)
    # Outermost: every response that is worth it goes out compressed (zstd, Brotli or gzip, as the browser
    # accepts), so a page with its stylesheets fits in the first round trip of a new connection.
    app.add_middleware(CompressMiddleware)
    return app

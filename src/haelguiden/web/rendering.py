"""The shared web context, the page chrome and rendering a view model with its template.

``WebContext`` is built once by ``create_app`` and kept on ``app.state.web``; routes reach it through
:func:`context`. :func:`render` is the only way a page is rendered: the template gets ``page`` and nothing
else, and the CSRF cookie is set when the page made a new token.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from haelguiden.content import ArticleLibrary, SearchIndex
from haelguiden.content.info_pages import InfoPage
from haelguiden.engine.model import KnowledgeBase, Lang
from haelguiden.services import Services
from haelguiden.web import urls
from haelguiden.web.messages import UI
from haelguiden.web.rate_limit import RateLimiter
from haelguiden.web.security import CsrfProtection, CsrfToken
from haelguiden.web.state_cookie import StateCodec
from haelguiden.web.viewmodels import Chrome, Link, NavItem

Section = Literal["check", "articles", "search", "none"]


@dataclass
class WebContext:
    """Everything the routes share, built once per app."""

    services: Services
    codec: StateCodec
    csrf: CsrfProtection
    templates: Environment
    library: ArticleLibrary
    search: SearchIndex
    secure_cookies: bool
    #: The pages about Hælguiden (privacy, about, accessibility) by (key, language).
    info_pages: Mapping[tuple[str, Lang], InfoPage] = field(default_factory=dict)
    #: The app's rate limiter (the middleware's), for routes that count requests themselves.
    limiter: RateLimiter | None = None

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base."""
        return self.services.kb

    def site_url(self, request: Request) -> str:
        """The site's public address without a trailing slash, for every link the app prints.

        ``HAELGUIDEN_BASE_URL`` when set; otherwise the address this request reached (scheme, host and
        port as the person typed them; behind a proxy the scheme from trusted forwarded headers, which
        uvicorn applies for the addresses in ``FORWARDED_ALLOW_IPS``). So ``make run PORT=18100`` prints
        links to port 18100.
        """
        configured = self.services.settings.base_url
        if configured:
            return configured
        return str(request.base_url).rstrip("/")


def template_environment() -> Environment:
    """The Jinja environment: package templates, autoescaping, and an error for any undefined name."""
    env = Environment(
        loader=PackageLoader("haelguiden.web", "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def context(request: Request) -> WebContext:
    """The app's :class:`WebContext`."""
    web: WebContext = request.app.state.web
    return web


def lang_of(path: str) -> Lang:
    """The language a path belongs to: English under ``/en``, Danish everywhere else."""
    return "en" if path == "/en" or path.startswith("/en/") else "da"


def chrome(
    request: Request,
    lang: Lang,
    *,
    title: str,
    switch_href: str,
    section: Section = "none",
    has_errors: bool = False,
    css: tuple[str, ...] = (),
    minimal: bool = False,
    **extra: Any,
) -> Chrome:
    """The chrome of a page in ``lang`` whose translation is at ``switch_href``.

    Stylesheets: every page gets ``haelguiden.css`` (layout, type, inputs, buttons, tables); every page
    outside the articles and search also gets ``forms.css`` (errors, hints, details, summary lists, panels,
    tags). ``css`` names any further ones of ``static/``: ``choices`` (question widgets and the foot
    drawing), ``result`` (possible causes), ``article`` (articles and search). Keeping them apart keeps
    every page small. ``minimal`` leaves out the main menu and the footer's emergency line (the emergency
    outcome, where nothing may compete with the call).
    """
    web = context(request)
    t = UI[lang]
    other = urls.other(lang)
    nav = (
        NavItem(urls.check(lang), t["nav_check"], section == "check"),
        NavItem(urls.articles(lang), t["nav_articles"], section == "articles"),
        NavItem(urls.search(lang), t["nav_search"], section == "search"),
    )
    return Chrome(
        lang=lang,
        t=t,
        title=title,
        has_errors=has_errors,
        home_href=urls.home(lang),
        switch=Link(switch_href, t["other_lang_name"]),
        switch_lang=other,
        nav=() if minimal else nav,
        csrf_token=CsrfToken(web.csrf, request),
        footer_links=(
            *(Link(urls.info_page(lang, name), t[f"footer_{name}"]) for name in urls.INFO_PAGES),
            Link(f"{urls.API_PREFIX}/docs", t["footer_api"]),
        ),
        emergency_line="" if minimal else t["emergency_line"].format(emergency=emergency_title(web.kb, lang)),
        stylesheets=tuple(f"{urls.STATIC_PREFIX}/{name}.css" for name in _stylesheets(section, css)),
        **extra,
    )


def _stylesheets(section: Section, css: tuple[str, ...]) -> tuple[str, ...]:
    shared = () if section in ("articles", "search") else ("forms",)
    return tuple(dict.fromkeys(("haelguiden", *shared, *css)))


def emergency_title(kb: KnowledgeBase, lang: Lang) -> str:
    """The emergency level's title from the care routes ("Ring 112 nu")."""
    return kb.care["emergency"].title.get(lang)


def with_errors(value: Chrome, has_errors: bool) -> Chrome:
    """The same chrome, marked as showing form errors (or not)."""
    return replace(value, has_errors=has_errors)


def render(request: Request, template: str, page: object, *, status: int = 200) -> HTMLResponse:
    """Render ``pages/<template>`` with ``page`` as its only variable."""
    web = context(request)
    html = web.templates.get_template(f"pages/{template}").render(page=page)
    response = HTMLResponse(html, status_code=status)
    web.csrf.set_cookie(request, response)
    return response

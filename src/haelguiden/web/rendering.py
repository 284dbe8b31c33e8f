"""The shared web context, the page chrome and rendering a view model with its template.

``WebContext`` is built once by ``create_app`` and kept on ``app.state.web``; routes reach it through
:func:`context`. :func:`render` is the only way a page is rendered: the template gets ``page`` and nothing
else (its words come from the message catalogue through ``_()``, in the page's language), and the CSRF
cookie is set when the page made a new token.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from haelguiden.content import ArticleLibrary, SearchIndex
from haelguiden.content.info_pages import InfoPage
from haelguiden.engine.model import LANGS, KnowledgeBase, Lang
from haelguiden.i18n import N_, t, translations
from haelguiden.services import Services
from haelguiden.web import urls
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
    #: One Jinja environment per language, each with that language's catalogue installed.
    templates: Mapping[Lang, Environment]
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


def template_environment(lang: Lang) -> Environment:
    """The Jinja environment of ``lang``: package templates, autoescaping, an error for any undefined name,
    and the message catalogue of ``lang`` behind ``_()``/``ngettext()`` (``jinja2.ext.i18n``, new style:
    placeholders are filled in and escaped by the call, ``_("key", name=value)``)."""
    env = Environment(
        loader=PackageLoader("haelguiden.web", "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


def template_environments() -> dict[Lang, Environment]:
    """One template environment per language."""
    return {lang: template_environment(lang) for lang in LANGS}


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
    other = urls.other(lang)
    nav = (
        NavItem(urls.check(lang), t(lang, "nav_check"), section == "check"),
        NavItem(urls.articles(lang), t(lang, "nav_articles"), section == "articles"),
        NavItem(urls.search(lang), t(lang, "nav_search"), section == "search"),
    )
    return Chrome(
        lang=lang,
        title=title,
        has_errors=has_errors,
        home_href=urls.home(lang),
        switch=Link(switch_href, t(lang, "other_lang_name")),
        switch_lang=other,
        nav=() if minimal else nav,
        csrf_token=CsrfToken(web.csrf, request),
        footer_links=(
            *(Link(urls.info_page(lang, name), t(lang, key)) for name, key in _FOOTER_KEYS.items()),
            Link(f"{urls.API_PREFIX}/docs", t(lang, "footer_api")),
        ),
        emergency_line="" if minimal else t(lang, "emergency_line", emergency=emergency_title(web.kb, lang)),
        stylesheets=tuple(f"{urls.STATIC_PREFIX}/{name}.css" for name in _stylesheets(section, css)),
        **extra,
    )


#: The footer's link to each page about Hælguiden (``urls.INFO_PAGES``).
_FOOTER_KEYS = {
    "privacy": N_("footer_privacy"),
    "about": N_("footer_about"),
    "accessibility": N_("footer_accessibility"),
}


def _stylesheets(section: Section, css: tuple[str, ...]) -> tuple[str, ...]:
    shared = () if section in ("articles", "search") else ("forms",)
    return tuple(dict.fromkeys(("haelguiden", *shared, *css)))


def emergency_title(kb: KnowledgeBase, lang: Lang) -> str:
    """The emergency level's title from the care routes ("Ring 112 nu")."""
    return kb.care["emergency"].title.get(lang)


def with_errors(value: Chrome, has_errors: bool) -> Chrome:
    """The same chrome, marked as showing form errors (or not)."""
    return replace(value, has_errors=has_errors)


class Page(Protocol):
    """A view model: every page has its chrome, which says the page's language."""

    @property
    def chrome(self) -> Chrome:
        """The page's chrome."""


def render(request: Request, template: str, page: Page, *, status: int = 200) -> HTMLResponse:
    """Render ``pages/<template>`` with ``page`` as its only variable, in the page's language."""
    web = context(request)
    html = web.templates[page.chrome.lang].get_template(f"pages/{template}").render(page=page)
    response = HTMLResponse(html, status_code=status)
    web.csrf.set_cookie(request, response)
    return response

"""The start pages, ``/sitemap.xml`` and ``/robots.txt``."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from fastapi import APIRouter
from limits import parse as parse_limit
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from haelguiden.config import Settings
from haelguiden.content import SitemapEntry, robots_txt, sitemap_xml
from haelguiden.content.info_pages import KEYS, InfoPage, load_info_pages
from haelguiden.engine.care import after_hours_text
from haelguiden.engine.model import LANGS, Lang
from haelguiden.i18n import LOCALES, count, long_date, t
from haelguiden.services import DIARY_KEEP_MONTHS
from haelguiden.web import urls
from haelguiden.web.rendering import chrome, context, emergency_title, render
from haelguiden.web.state_cookie import MAX_AGE_SECONDS
from haelguiden.web.viewmodels import Alternate, ErrorItem, InfoPageView, Link, OpenGraph, StartPage

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]


def start_page_model(request: Request, lang: Lang, story_error: str | None = None) -> StartPage:
    """The start page; ``story_error`` when the story box was filled in wrongly (too long)."""
    web = context(request)
    heading = t(lang, "start_title")
    canonical = web.site_url(request) + urls.home(lang)
    lead = t(lang, "start_lead")
    return StartPage(
        chrome=chrome(
            request,
            lang,
            title=heading,
            switch_href=urls.home(urls.other(lang)),
            section="check",
            has_errors=story_error is not None,
            description=lead,
            canonical=canonical,
            alternates=tuple(Alternate(x, web.site_url(request) + urls.home(x)) for x in ("da", "en")),
            og=OpenGraph(heading, lead, canonical, "website", LOCALES[lang]),
        ),
        heading=heading,
        emergency=t(lang, "start_emergency", after_hours=after_hours_text(web.kb, lang, None)),
        emergency_signs=tuple(sign.text.get(lang) for sign in web.kb.care["emergency"].signs),
        does=(t(lang, "start_does_1"), t(lang, "start_does_2"), t(lang, "start_does_3")),
        does_not=(
            t(lang, "start_not_1"),
            t(lang, "start_not_2", emergency=emergency_title(web.kb, lang)),
            t(lang, "start_not_3"),
        ),
        start_action=urls.start(lang),
        articles=tuple(Link(urls.article(lang, a.slug), a.title) for a in web.library.index(lang)),
        all_articles=Link(urls.articles(lang), t(lang, "start_all_articles")),
        errors=(ErrorItem("story", story_error),) if story_error else (),
        story_error=story_error,
    )


def _start_page(lang: Lang) -> Endpoint:
    async def start_page(request: Request) -> Response:
        return render(request, "start.html", start_page_model(request, lang))

    return start_page


def load_info(settings: Settings) -> Mapping[tuple[str, Lang], InfoPage]:
    """The pages about Hælguiden, with what the code decides filled in (so the privacy page stays true)."""
    window = int(parse_limit(settings.rate_limit).get_expiry())
    unit, number = next(
        (u, window // s) for u, s in (("hours", 3600), ("minutes", 60), ("seconds", 1)) if window % s == 0
    )
    facts = {
        lang: {
            "answers_hours": MAX_AGE_SECONDS // 3600,
            "diary_months": DIARY_KEEP_MONTHS,
            "rate_window": count(lang, unit, number),
            "operator": _markdown_text(settings.operator) if settings.operator else t(lang, "operator_unset"),
        }
        for lang in LANGS
    }
    return load_info_pages(facts)


def _markdown_text(text: str) -> str:
    """``text`` as Markdown that renders as exactly that text (the operator's own words, not markup)."""
    return "".join("\\" + c if c in MARKDOWN_PUNCTUATION else c for c in text)


#: The characters CommonMark lets a backslash escape.
MARKDOWN_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def _info_page(lang: Lang, key: str) -> Endpoint:
    async def info_page(request: Request) -> Response:
        web = context(request)
        found = web.info_pages[key, lang]
        path = urls.info_page(lang, key)
        other = urls.info_page(urls.other(lang), key)
        page = InfoPageView(
            chrome=chrome(
                request,
                lang,
                title=found.title,
                switch_href=other,
                css=("article",),
                description=found.description,
                canonical=web.site_url(request) + path,
                alternates=(
                    Alternate(lang, web.site_url(request) + path),
                    Alternate(urls.other(lang), web.site_url(request) + other),
                ),
            ),
            heading=found.title,
            updated=long_date(found.last_updated, lang),
            body=Markup(found.html),  # sanitised by the content package
        )
        return render(request, "info.html", page)

    return info_page


for _lang in LANGS:
    for _key in KEYS:
        router.add_api_route(
            urls.info_page(_lang, _key), _info_page(_lang, _key), methods=["GET"], name=f"{_key}_{_lang}"
        )

router.add_api_route("/", _start_page("da"), methods=["GET"], name="start_page_da")
router.add_api_route("/en/", _start_page("en"), methods=["GET"], name="start_page_en")


@router.get("/en")
async def english_home() -> Response:
    """``/en`` is the English start page too."""
    return RedirectResponse(urls.home("en"), status_code=308)


@router.get("/sitemap.xml")
async def sitemap(request: Request) -> Response:
    """Every public page: the start pages, the article and exercise indexes, every article and exercise."""
    web = context(request)
    langs: tuple[Lang, ...] = ("da", "en")
    pages = [SitemapEntry(urls.home(lang)) for lang in langs]
    pages += [SitemapEntry(urls.articles(lang)) for lang in langs]
    pages += [SitemapEntry(urls.exercises(lang)) for lang in langs]
    pages += [
        SitemapEntry(urls.exercise(lang, exercise_id))
        for lang in langs
        for exercise_id in web.services.plans.exercises
    ]
    pages += [SitemapEntry(urls.info_page(lang, key)) for lang in langs for key in KEYS]
    xml = sitemap_xml(web.site_url(request), [*pages, *web.library.sitemap_entries()])
    return Response(xml, media_type="application/xml", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/robots.txt")
async def robots(request: Request) -> Response:
    """Allow every crawler; name the sitemap."""
    return PlainTextResponse(
        robots_txt(context(request).site_url(request)), headers={"Cache-Control": "public, max-age=3600"}
    )

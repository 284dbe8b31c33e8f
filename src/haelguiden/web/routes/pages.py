"""The start pages, ``/sitemap.xml`` and ``/robots.txt``."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from haelguiden.content import SitemapEntry, robots_txt, sitemap_xml
from haelguiden.engine.care import after_hours_text
from haelguiden.engine.model import Lang
from haelguiden.web import urls
from haelguiden.web.messages import t
from haelguiden.web.rendering import chrome, context, emergency_title, render
from haelguiden.web.viewmodels import Alternate, ErrorItem, Link, OpenGraph, StartPage

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]


def start_page_model(request: Request, lang: Lang, story_error: str | None = None) -> StartPage:
    """The start page; ``story_error`` when the story box was filled in wrongly (too long)."""
    web = context(request)
    heading = t(lang, "start_title")
    canonical = web.base_url + urls.home(lang)
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
            alternates=tuple(Alternate(x, web.base_url + urls.home(x)) for x in ("da", "en")),
            og=OpenGraph(heading, lead, canonical, "website", "da_DK" if lang == "da" else "en_GB"),
        ),
        heading=heading,
        emergency=t(lang, "start_emergency", after_hours=after_hours_text(web.kb, lang, None)),
        does=tuple(t(lang, f"start_does_{n}") for n in (1, 2, 3)),
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
    xml = sitemap_xml(web.base_url, [*pages, *web.library.sitemap_entries()])
    return Response(xml, media_type="application/xml", headers={"Cache-Control": "public, max-age=3600"})


@router.get("/robots.txt")
async def robots(request: Request) -> Response:
    """Allow every crawler; name the sitemap."""
    return PlainTextResponse(
        robots_txt(context(request).base_url), headers={"Cache-Control": "public, max-age=3600"}
    )

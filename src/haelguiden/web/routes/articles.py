"""Articles, the article index and search, in Danish and English."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from haelguiden.content import Article, TocEntry, faq_page, medical_web_page, script_json
from haelguiden.engine.model import Lang
from haelguiden.i18n import LOCALES, long_date, t, tn
from haelguiden.web import urls
from haelguiden.web.rendering import chrome, context, render
from haelguiden.web.viewmodels import (
    Alternate,
    ArticleIndexPage,
    ArticleItem,
    ArticlePage,
    Link,
    OpenGraph,
    SearchHitView,
    SearchPage,
    TocItem,
)

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]
MAX_QUERY_CHARS = 200
#: Articles change rarely; a short shared cache keeps them fast without serving stale text for long.
_ARTICLE_CACHE = "public, max-age=300"


def _toc(entries: tuple[TocEntry, ...]) -> tuple[TocItem, ...]:
    # Sections only (h2), as on GOV.UK: a short list to scan on a phone, and a lighter page.
    return tuple(TocItem(f"#{e.anchor}", e.text) for e in entries)


def _index(lang: Lang) -> Endpoint:
    async def index(request: Request) -> Response:
        web = context(request)
        heading = t(lang, "articles_title")
        items = tuple(
            ArticleItem(urls.article(lang, a.slug), a.title, a.meta.description)
            for a in web.library.index(lang)
        )
        canonical = web.site_url(request) + urls.articles(lang)
        page = ArticleIndexPage(
            chrome=chrome(
                request,
                lang,
                title=heading,
                switch_href=urls.articles(urls.other(lang)),
                section="articles",
                css=("forms", "article"),
                description=t(lang, "articles_lead"),
                canonical=canonical,
                alternates=tuple(
                    Alternate(x, web.site_url(request) + urls.articles(x)) for x in ("da", "en")
                ),
            ),
            heading=heading,
            lead=t(lang, "articles_lead"),
            items=items,
            search_action=urls.search(lang),
        )
        response = render(request, "article_index.html", page)
        response.headers["Cache-Control"] = _ARTICLE_CACHE
        return response

    return index


def article_page(request: Request, lang: Lang, article: Article) -> ArticlePage:
    """The view model of one article, with its metadata and JSON-LD."""
    web = context(request)
    translation = web.library.translation(article)
    canonical = web.site_url(request) + article.path
    alternates = [Alternate(lang, canonical)]
    if translation is not None:
        alternates.append(Alternate(translation.lang, web.site_url(request) + translation.path))
    names = {cid: c.name.get(lang) for cid, c in web.kb.conditions.items()}
    documents = [medical_web_page(article, base_url=web.site_url(request), condition_names=names)]
    faq = faq_page(article.faq, lang=lang)
    if faq is not None:
        documents.append(faq)
    description = article.meta.description or ""
    meta = article.meta
    return ArticlePage(
        chrome=chrome(
            request,
            lang,
            title=meta.meta_title,
            switch_href=translation.path if translation else urls.articles(urls.other(lang)),
            section="articles",
            css=("article",),
            description=description or None,
            canonical=canonical,
            alternates=tuple(sorted(alternates, key=lambda a: a.lang)),
            og=OpenGraph(meta.meta_title, description, canonical, "article", LOCALES[lang]),
            json_ld=tuple(script_json(d) for d in documents),
        ),
        heading=article.title,
        body=Markup(article.html),  # sanitised by the content package; directives built from the KB
        toc=_toc(article.rendered.toc),
        published=long_date(meta.date_published, lang),
        updated=long_date(meta.last_updated, lang),
        review=(
            t(lang, "reviewed_by", name=meta.reviewed_by, date=long_date(meta.last_reviewed, lang))
            if meta.reviewed_by and meta.last_reviewed
            else t(lang, "not_reviewed")
        ),
        translation=Link(translation.path, t(lang, "article_other_lang")) if translation else None,
    )


def _article(lang: Lang) -> Endpoint:
    async def article(request: Request, slug: str) -> Response:
        found = context(request).library.get(lang, slug)
        if found is None:
            raise HTTPException(status_code=404)
        response = render(request, "article.html", article_page(request, lang, found))
        response.headers["Cache-Control"] = _ARTICLE_CACHE
        return response

    return article


def _search(lang: Lang) -> Endpoint:
    async def search(request: Request) -> Response:
        web = context(request)
        query = " ".join(request.query_params.get("q", "").split())[:MAX_QUERY_CHARS]
        hits = web.search.search(query, lang) if query else []
        summary = None
        if query:
            summary = (
                tn(lang, "search_results", len(hits), query=query)
                if hits
                else t(lang, "search_none", query=query)
            )
        heading = t(lang, "search_title")
        page = SearchPage(
            chrome=chrome(
                request,
                lang,
                title=heading,
                switch_href=urls.search(urls.other(lang), query or None),
                section="search",
                css=("forms", "article"),
                noindex=bool(query),
            ),
            heading=heading,
            action=urls.search(lang),
            query=query,
            summary=summary,
            hits=tuple(
                SearchHitView(urls.article(lang, h.slug), h.title, Markup(h.snippet_html)) for h in hits
            ),
        )
        return render(request, "search.html", page)

    return search


def _register() -> None:
    for lang in ("da", "en"):
        router.add_api_route(urls.articles(lang), _index(lang), methods=["GET"], name=f"articles_{lang}")
        router.add_api_route(
            urls.articles(lang) + "/{slug}", _article(lang), methods=["GET"], name=f"article_{lang}"
        )
        router.add_api_route(urls.search(lang), _search(lang), methods=["GET"], name=f"search_{lang}")


_register()

"""Articles: index, pages with metadata and JSON-LD, knowledge-base directives, sitemap, robots, search."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
from fastapi import FastAPI

from haelguiden.engine.model import KnowledgeBase
from haelguiden.services import build_services

from .conftest import BASE_URL, CheckedClient
from .pagecheck import text_of


def articles(app: FastAPI, lang: str) -> list[str]:
    return [a.slug for a in app.state.web.library.index(lang)]


def test_the_danish_index_lists_every_danish_article(client: CheckedClient, app: FastAPI) -> None:
    client.get("/artikler")
    links = [a["href"] for a in client.soup.select(".article-list a")]
    assert links == [f"/artikler/{slug}" for slug in articles(app, "da")]
    assert len(links) == 11
    assert text_of(client.soup.select_one("h1")) == "Artikler om ondt i hælen"


def test_an_article_page_has_title_description_canonical_and_open_graph(
    client: CheckedClient, app: FastAPI
) -> None:
    article = app.state.web.library.get("da", "haelspore")
    client.get("/artikler/haelspore")
    page = client.soup

    assert text_of(page.select_one("h1")) == article.title
    assert text_of(page.select_one("title")) == f"{article.meta.meta_title} – Hælguiden"
    assert page.select_one("meta[name=description]")["content"] == article.meta.description  # type: ignore[index]
    assert page.select_one("link[rel=canonical]")["href"] == f"{BASE_URL}/artikler/haelspore"  # type: ignore[index]
    og = {m["property"]: m["content"] for m in page.select("meta[property^='og:']")}
    assert og == {
        "og:type": "article",
        "og:title": article.meta.meta_title,
        "og:description": article.meta.description,
        "og:url": f"{BASE_URL}/artikler/haelspore",
        "og:locale": "da_DK",
    }
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[rel=alternate]")}
    assert alternates == {
        "da": f"{BASE_URL}/artikler/haelspore",
        "en": f"{BASE_URL}/en/articles/plantar-fasciitis",
    }
    assert page.select_one(".header__lang")["href"] == "/en/articles/plantar-fasciitis"  # type: ignore[index]


def test_dates_are_written_the_danish_way(client: CheckedClient) -> None:
    client.get("/artikler/haelspore")
    assert text_of(client.soup.select_one(".article__dates")) == (
        "Udgivet 25. november 2026 · Sidst opdateret 25. november 2026"
    )
    client.get("/en/articles/plantar-fasciitis")
    assert text_of(client.soup.select_one(".article__dates")).startswith("Published 25 November 2026")


@pytest.mark.parametrize(
    ("path", "review"),
    [
        ("/artikler/haelspore", "Skrevet ud fra kilderne; endnu ikke gennemgået af en kliniker."),
        ("/en/articles/plantar-fasciitis", "Written from the sources; not yet reviewed by a clinician."),
    ],
)
def test_no_article_claims_a_review_no_clinician_made(client: CheckedClient, path: str, review: str) -> None:
    client.get(path)
    assert text_of(client.soup.select_one(".article__review")) == review
    text = text_of(client.soup.select_one("main")).lower()
    assert "fagligt gennemgået" not in text
    assert "clinically reviewed" not in text
    page = json.loads(client.soup.select("script[type='application/ld+json']")[0].string or "")
    assert "lastReviewed" not in page
    assert "reviewedBy" not in page


def test_json_ld_is_a_medical_web_page_and_a_faq_page(client: CheckedClient, app: FastAPI) -> None:
    client.get("/artikler/ondt-i-haelen")
    documents = [json.loads(s.string or "") for s in client.soup.select("script[type='application/ld+json']")]
    assert [d["@type"] for d in documents] == ["MedicalWebPage", "FAQPage"]
    page, faq = documents
    assert page["url"] == f"{BASE_URL}/artikler/ondt-i-haelen"
    assert page["inLanguage"] == "da"
    assert page["dateModified"] == "2026-11-25"
    article = app.state.web.library.get("da", "ondt-i-haelen")
    assert [q["name"] for q in faq["mainEntity"]] == [e.question for e in article.faq]


def test_the_table_of_contents_points_at_the_headings(client: CheckedClient) -> None:
    client.get("/artikler/haelspore")
    targets = [str(a["href"]).removeprefix("#") for a in client.soup.select(".toc a")]
    assert targets
    for target in targets:
        assert client.soup.find(id=target) is not None


def test_directives_are_filled_from_the_knowledge_base(client: CheckedClient, kb: KnowledgeBase) -> None:
    client.get("/artikler/ondt-i-haelen")
    page = client.soup
    names = [text_of(th) for th in page.select(".table--stack tbody th")]
    assert names == [c.name.da for c in kb.conditions.values() if c.article.get("da")]
    emergency_reasons = [r.reason.da for r in kb.rules if r.red_flag and r.level == "emergency"]
    first_group = page.select_one(".kb-warning ul")
    assert first_group is not None
    assert [text_of(li) for li in first_group.select("li")] == list(dict.fromkeys(emergency_reasons))
    assert text_of(page.select_one(".kb-warning h3")) == kb.care["emergency"].title.da
    phones = [text_of(a) for a in page.select(".kb-regions a")]
    assert phones == [r.phone for r in kb.regions]
    assert text_of(page.select_one(".kb-box p + p")) == kb.conditions["plantar_fasciitis"].quick_advice.da
    timeline = text_of(page.select_one(".kb-timeline"))
    plan = build_services().plans.plan_for_condition("plantar_fasciitis")
    assert plan is not None
    assert [item.text.da in timeline for item in plan.timeline] == [True] * len(plan.timeline)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_article_ends_with_the_self_check_and_its_links_work(
    client: CheckedClient, app: FastAPI, lang: str
) -> None:
    prefix = "/artikler/" if lang == "da" else "/en/articles/"
    check = "/tjek" if lang == "da" else "/en/check"
    for slug in articles(app, lang):
        assert client.get(prefix + slug).status_code == 200
        links = [str(a["href"]) for a in client.soup.select(".prose a")]
        assert links[-1] == check, slug
        for href in {h for h in links if h.startswith("/") and not h.startswith(check)}:
            assert client.get(href.split("#")[0]).status_code == 200, f"{slug} → {href}"


def test_every_condition_article_exists(app: FastAPI, kb: KnowledgeBase) -> None:
    for condition in kb.conditions.values():
        for lang, slug in condition.article.items():
            assert app.state.web.library.get(lang, slug) is not None, (condition.id, lang, slug)


def test_an_unknown_article_is_404(client: CheckedClient) -> None:
    assert client.get("/artikler/findes-ikke").status_code == 404
    assert client.get("/en/articles/nothing").status_code == 404
    assert text_of(client.soup.select_one("h1")) == "Page not found"


def test_the_sitemap_lists_the_public_pages_every_exercise_and_every_article(
    client: CheckedClient, app: FastAPI
) -> None:
    response = client.get("/sitemap.xml")
    assert response.headers["content-type"] == "application/xml"
    root = ElementTree.fromstring(response.text)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text for e in root.findall("s:url/s:loc", ns)]
    expected = [f"{BASE_URL}/", f"{BASE_URL}/en/", f"{BASE_URL}/artikler", f"{BASE_URL}/en/articles"]
    assert locs[:4] == expected
    exercises = list(app.state.web.services.plans.exercises)
    exercise_pages = [f"{BASE_URL}/oevelser", f"{BASE_URL}/en/exercises"]
    exercise_pages += [f"{BASE_URL}/oevelser/{e}" for e in exercises]
    exercise_pages += [f"{BASE_URL}/en/exercises/{e}" for e in exercises]
    assert locs[4 : 4 + len(exercise_pages)] == exercise_pages
    info_pages = [
        f"{BASE_URL}{p}"
        for p in ("/privatliv", "/om", "/tilgaengelighed", "/en/privacy", "/en/about", "/en/accessibility")
    ]
    end = 4 + len(exercise_pages) + len(info_pages)
    assert locs[4 + len(exercise_pages) : end] == info_pages
    assert sorted(locs[end:]) == sorted(BASE_URL + a.path for a in app.state.web.library)


def test_robots_allows_all_and_names_the_sitemap(client: CheckedClient) -> None:
    assert client.get("/robots.txt").text == f"User-agent: *\nAllow: /\n\nSitemap: {BASE_URL}/sitemap.xml\n"


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("traethedsbrud", "/artikler/traethedsbrud-i-haelen"),
        ("træthedsbrud", "/artikler/traethedsbrud-i-haelen"),
        ("haelspore", "/artikler/haelspore"),
        ("akillessenen sprunget", "/artikler/akillessenen-sprunget"),
    ],
)
def test_search_folds_danish_letters_and_puts_title_matches_first(
    client: CheckedClient, query: str, first: str
) -> None:
    client.get("/soeg", params={"q": query})
    assert client.soup.select(".article-list a")[0]["href"] == first


def test_a_word_in_an_articles_description_or_headings_ranks_it_above_body_matches(
    client: CheckedClient,
) -> None:
    # "morgen" is in the description of the heel-spur article and of the arthritis one, and only in the
    # body of six others.
    client.get("/soeg", params={"q": "morgen"})
    hits = [a["href"] for a in client.soup.select(".article-list a")]
    assert sorted(hits[:2]) == ["/artikler/gigt-i-haelen", "/artikler/haelspore"]
    assert len(hits) == 8


def test_search_finds_articles_with_highlighted_snippets(client: CheckedClient) -> None:
    client.get("/soeg", params={"q": "hælspore"})
    hits = [a["href"] for a in client.soup.select(".article-list a")]
    assert "/artikler/haelspore" in hits[:2]
    assert client.soup.select_one(".article-list mark") is not None
    assert text_of(client.soup.select_one(".search-summary")).endswith("for «hælspore»")
    assert client.soup.select_one("#q")["value"] == "hælspore"  # type: ignore[index]


def test_search_without_hits_says_what_to_try(client: CheckedClient) -> None:
    client.get("/soeg", params={"q": "xyzzy"})
    assert client.soup.select(".article-list a") == []
    assert text_of(client.soup.select_one(".search-summary")).startswith("Ingen artikler passer til «xyzzy».")


def test_english_search(client: CheckedClient) -> None:
    client.get("/en/search", params={"q": "Achilles"})
    assert client.soup.html["lang"] == "en"  # type: ignore[index]
    assert all(str(a["href"]).startswith("/en/articles/") for a in client.soup.select(".article-list a"))
    assert client.soup.select(".article-list a")


def test_the_start_page_links_to_every_article(client: CheckedClient, app: FastAPI) -> None:
    client.get("/")
    links = [a["href"] for a in client.soup.select(".list--links a")]
    assert links == [f"/artikler/{slug}" for slug in articles(app, "da")]


def test_articles_set_no_cookie_and_may_be_cached_briefly(client: CheckedClient) -> None:
    response = client.get("/artikler/haelspore")
    assert "set-cookie" not in response.headers
    assert response.headers["cache-control"] == "public, max-age=300"

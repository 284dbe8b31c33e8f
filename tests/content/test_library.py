"""The article library: lookup by language and slug, sorted indexes, translations, and collected problems."""

from datetime import date
from pathlib import Path

import pytest

from haelguiden.content.library import ArticleLibrary, danish_sort_key
from haelguiden.content.problems import ContentProblems
from haelguiden.content.search import SearchIndex
from haelguiden.content.sitemap import SitemapEntry

from .conftest import FIXTURE_SITE, WriteArticle


@pytest.fixture(scope="module")
def library() -> ArticleLibrary:
    return ArticleLibrary.load(FIXTURE_SITE, resolver=lambda name, args, lang: f"<p>[{name} {lang}]</p>")


def test_articles_are_found_by_language_and_slug(library: ArticleLibrary) -> None:
    article = library.get("da", "haelspore")

    assert article is not None
    assert (article.file, article.title, article.path) == (
        "da/haelspore.md",
        "Hælspore",
        "/artikler/haelspore",
    )
    assert library.get("en", "haelspore") is None
    assert library.get("da", "findes-ikke") is None
    assert len(library) == 4


def test_directives_are_filled_in_by_the_resolver_given_to_load(library: ArticleLibrary) -> None:
    article = library.get("da", "haelspore")

    assert article is not None
    assert "<p>[cause-table da]</p>" in article.html


def test_the_index_is_sorted_by_title_in_danish_order(library: ArticleLibrary) -> None:
    assert [a.title for a in library.index("da")] == ["Akillessene", "Hælspore", "Øvelser for hælen"]
    assert [a.slug for a in library.index("en")] == ["heel-spur"]


def test_danish_order_puts_ae_oe_aa_after_z() -> None:
    assert sorted(["Ål", "Æble", "øre", "Zebra", "abe", "Hæl", "Hav"], key=danish_sort_key) == [
        "abe",
        "Hav",
        "Hæl",
        "Zebra",
        "Æble",
        "øre",
        "Ål",
    ]


def test_translations_are_paired(library: ArticleLibrary) -> None:
    pairs = library.translation_pairs()

    assert [(da.slug, en.slug) for da, en in pairs] == [("haelspore", "heel-spur")]
    english = library.get("en", "heel-spur")
    assert english is not None
    assert library.translation(english) is library.get("da", "haelspore")


def test_the_library_gives_sitemap_entries_and_search_documents(library: ArticleLibrary) -> None:
    assert sorted(library.sitemap_entries(), key=lambda e: e.path) == [
        SitemapEntry("/artikler/akillessene", date(2025, 9, 1)),
        SitemapEntry("/artikler/haelspore", date(2025, 10, 12)),
        SitemapEntry("/artikler/oevelser", date(2025, 9, 2)),
        SitemapEntry("/en/articles/heel-spur", date(2025, 10, 12)),
    ]
    index = SearchIndex.build(library.search_documents())
    assert [h.slug for h in index.search("akillessenen", "da")] == ["akillessene", "haelspore"]


def test_problems_of_every_file_are_collected_into_one_error(site: Path, write_article: WriteArticle) -> None:
    write_article("da/god.md")
    write_article("da/a.md", datePublished="2025-09-13")
    write_article("da/b.md", titel="x")
    write_article("da/c.md", slug="god")
    (site / "en" / "d.md").write_text("Ingen front matter\n", encoding="utf-8")
    (site / "README.md").write_text("Not an article", encoding="utf-8")

    with pytest.raises(ContentProblems) as caught:
        ArticleLibrary.load(site)

    assert str(caught.value).splitlines() == [
        "da/a.md: datePublished: '2025-09-13' is not a date in the form DD/MM/YYYY (e.g. 13/09/2025)",
        "da/b.md: titel: is not a known field; remove it or rename it. Did you mean 'title'?",
        "da/god.md: slug: 'god' is also the slug of da/c.md; give each article its own slug",
        "en/d.md:1: front matter: the file must start with a line '---', then the fields (title: "
        "...), then a "
        "line '---'",
    ]


def test_an_unreadable_file_is_a_problem_not_a_crash(site: Path) -> None:
    (site / "da" / "latin1.md").write_bytes('---\ntitle: "Hæl"\n---\n'.encode("latin-1"))

    with pytest.raises(ContentProblems, match=r"^da/latin1.md: is not UTF-8 text; save the file as UTF-8$"):
        ArticleLibrary.load(site)


def test_a_missing_directory_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ContentProblems, match="is not a directory of articles"):
        ArticleLibrary.load(tmp_path / "nope")


def test_an_empty_directory_is_an_empty_library(site: Path) -> None:
    library = ArticleLibrary.load(site)

    assert (len(library), library.index("da"), library.translation_pairs()) == (0, [], [])

"""Search: Danish and English stemming, ranking, snippets and queries that must never raise."""

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haelguiden.content.search import SearchDocument, SearchIndex

DOCUMENTS = [
    SearchDocument(
        "da", "smerter-under-haelen", "Smerter under hælen", "Mange har hælsporer uden at have ondt."
    ),
    SearchDocument("da", "akillessene", "Akillessene", "Ømhed i akillessene og lægmuskler efter løb."),
    SearchDocument(
        "da",
        "haelspore",
        "Hælspore",
        "En knude af knogle. Den <b>ses</b> på røntgen & giver ikke altid ondt.",
    ),
    SearchDocument("en", "heel-spur", "Heel spur", "Many people have heel spurs without any pain."),
]


@pytest.fixture(scope="module")
def index() -> Iterator[SearchIndex]:
    built = SearchIndex.build(DOCUMENTS)
    yield built
    built.close()


def slugs(index: SearchIndex, query: str, lang: str = "da") -> list[str]:
    return [hit.slug for hit in index.search(query, lang)]


def test_a_danish_word_finds_its_inflected_forms(index: SearchIndex) -> None:
    assert slugs(index, "hælsporer") == ["haelspore", "smerter-under-haelen"]
    assert set(slugs(index, "hælspore")) == {"haelspore", "smerter-under-haelen"}
    assert slugs(index, "akillessenen") == ["akillessene"]
    assert slugs(index, "AKILLESSENEN") == ["akillessene"]


def test_danish_letters_may_be_typed_as_ae_oe_and_aa(index: SearchIndex) -> None:
    assert slugs(index, "haelspore") == slugs(index, "hælspore") == ["haelspore", "smerter-under-haelen"]
    assert slugs(index, "oemhed") == ["akillessene"]
    assert slugs(index, "roentgen") == ["haelspore"]
    marked = index.search("roentgen", "da")[0].snippet_html
    assert "<mark>røntgen</mark>" in marked


def test_title_then_headings_then_body() -> None:
    documents = [
        SearchDocument("da", "body", "Hælen", "Morgen, morgen, morgen: stiv om morgenen hver morgen."),
        SearchDocument("da", "heading", "Foden", "Ondt.", headings="Værst om morgenen?"),
        SearchDocument("da", "title", "Stiv om morgenen", "Ondt."),
    ]
    index = SearchIndex.build(documents)
    assert slugs(index, "morgen") == ["title", "heading", "body"]
    index.close()


def test_a_title_match_ranks_above_a_body_match(index: SearchIndex) -> None:
    hits = index.search("hælspore", "da")

    assert [h.slug for h in hits] == ["haelspore", "smerter-under-haelen"]
    assert hits[0].score > hits[1].score


def test_english_articles_are_searched_with_the_english_stemmer_and_kept_apart(index: SearchIndex) -> None:
    assert slugs(index, "spur", "en") == ["heel-spur"]
    assert slugs(index, "spur", "da") == []
    assert slugs(index, "hælspore", "en") == []


def test_all_words_must_match_and_otherwise_any_word_does(index: SearchIndex) -> None:
    assert slugs(index, "ondt røntgen") == ["haelspore"]
    assert set(slugs(index, "røntgen løb")) == {"haelspore", "akillessene"}


def test_a_hit_has_title_and_a_plain_snippet_with_an_escaped_html_twin(index: SearchIndex) -> None:
    [hit] = index.search("røntgen", "da")

    assert (hit.lang, hit.slug, hit.title) == ("da", "haelspore", "Hælspore")
    assert hit.snippet == "… Den <b>ses</b> på røntgen & giver ikke altid ondt."
    assert (
        hit.snippet_html
        == "… Den &lt;b&gt;ses&lt;/b&gt; på <mark>røntgen</mark> &amp; giver ikke altid ondt."
    )


def test_a_long_text_is_cut_around_the_first_match() -> None:
    text = (
        " ".join(f"ord{i}" for i in range(100)) + " hælspore " + " ".join(f"ord{i}" for i in range(100, 200))
    )
    index = SearchIndex.build([SearchDocument("da", "lang", "Lang", text)])

    [hit] = index.search("hælspore", "da")

    assert (
        hit.snippet
        == "… "
        + " ".join(f"ord{i}" for i in range(92, 100))
        + " hælspore "
        + " ".join(f"ord{i}" for i in range(100, 123))
        + " …"
    )


@pytest.mark.parametrize(
    "query",
    ['"', 'hæl"', "NEAR(hæl spore)", "hæl*", "hæl OR", "AND", "(", ")", "'; DROP TABLE docs; --", "^hæl",
     "title:hæl", "-hæl", "+", "{hæl}", "hæl:", "\x00", "   ", ""],
)  # fmt: skip
def test_fts_syntax_and_punctuation_in_a_query_never_raise(index: SearchIndex, query: str) -> None:
    assert isinstance(index.search(query, "da"), list)


def test_a_query_of_only_punctuation_finds_nothing(index: SearchIndex) -> None:
    assert index.search('"*()^:-', "da") == []


@given(st.text(max_size=60))
def test_any_query_text_is_safe(query: str) -> None:
    index = SearchIndex.build(DOCUMENTS)
    try:
        hits = index.search(query, "da")
    finally:
        index.close()
    assert all(h.lang == "da" for h in hits)

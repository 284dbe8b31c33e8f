"""Full-text search over the articles: an in-memory SQLite FTS5 index with Danish and English stemming.

Text and queries go through the same Snowball stemmer (Danish for ``da``, English for ``en``), applied until
the word stops changing: the Danish stemmer alone turns "akillessenen" into "akillessen" but "akillessene"
into "akilles", and stemming again brings both to the same stem. Words are first folded to plain letters
(æ → ae, ø → oe, å → aa), so "traethedsbrud", typed without Danish letters, finds "træthedsbrud". The index
holds only stems; the original text is kept in Python for snippets. Queries are reduced to words before they
reach SQLite, so no query can be FTS syntax.

Ranking: articles whose title holds a word of the query come first, then those whose headings, meta title
or description do, then the rest; BM25 (title weighing most, then headings, then the body) orders each.
"""

import html
import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass

import snowballstemmer  # type: ignore[import-untyped]

_WORD_RE = re.compile(r"[^\W_]+")
_SENTENCE_BREAK_RE = re.compile(r"[.!?:\n]")
_STEMMERS = {"da": "danish", "en": "english"}
MAX_QUERY_WORDS = 12
_SNIPPET_BEFORE = 8
_SNIPPET_AFTER = 24
_TITLE_WEIGHT = 10.0
_HEADINGS_WEIGHT = 4.0
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "ä": "ae", "ö": "oe"})


@dataclass(frozen=True)
class SearchDocument:
    """What the index needs from one article."""

    lang: str
    slug: str
    title: str
    text: str
    #: The headings, meta title and description: a match here ranks above one only in the body.
    headings: str = ""


@dataclass(frozen=True)
class SearchHit:
    """One result. ``snippet`` is plain text; ``snippet_html`` is escaped, with matches in ``<mark>``."""

    lang: str
    slug: str
    title: str
    snippet: str
    snippet_html: str
    score: float


class _Stemmer:
    def __init__(self, lang: str) -> None:
        self._stemmer = snowballstemmer.stemmer(_STEMMERS.get(lang, "danish"))
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        # Folded before stemming, so a word typed with or without Danish letters is the same word.
        word = word.lower().translate(_FOLD)
        cached = self._cache.get(word)
        if cached is None:
            stem = word
            for _ in range(4):  # converges in one or two rounds; the bound guards against a cycle
                shorter = self._stemmer.stemWord(stem)
                if shorter == stem:
                    break
                stem = shorter
            cached = self._cache[word] = stem
        return cached

    def text(self, text: str) -> str:
        return " ".join(self(w) for w in _WORD_RE.findall(text))


class SearchIndex:
    """An in-memory full-text index. Safe to share between threads (queries are serialised)."""

    def __init__(self) -> None:
        """Create an empty index; :meth:`build` creates a filled one."""
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(lang UNINDEXED, title, headings, body, "
            "tokenize = 'unicode61 remove_diacritics 0')"
        )
        self._docs: list[SearchDocument] = []
        # Per document: the stems of its title and of its headings (for ranking title matches first).
        self._title_stems: list[frozenset[str]] = []
        self._heading_stems: list[frozenset[str]] = []
        self._stemmers = {lang: _Stemmer(lang) for lang in _STEMMERS}
        self._lock = threading.Lock()

    @classmethod
    def build(cls, documents: Iterable[SearchDocument]) -> "SearchIndex":
        """Index the documents (e.g. ``ArticleLibrary.search_documents()``)."""
        index = cls()
        for document in documents:
            index.add(document)
        return index

    def add(self, document: SearchDocument) -> None:
        """Add one document to the index."""
        stem = self._stemmer(document.lang)
        with self._lock:
            title, headings = stem.text(document.title), stem.text(document.headings)
            self._db.execute(
                "INSERT INTO docs (rowid, lang, title, headings, body) VALUES (?, ?, ?, ?, ?)",
                (len(self._docs), document.lang, title, headings, stem.text(document.text)),
            )
            self._docs.append(document)
            self._title_stems.append(frozenset(title.split()))
            self._heading_stems.append(frozenset(headings.split()))

    def _stemmer(self, lang: str) -> _Stemmer:
        return self._stemmers.get(lang) or self._stemmers["da"]

    def search(self, query: str, lang: str, *, limit: int = 10) -> list[SearchHit]:
        """Articles of language ``lang`` that match every word of ``query`` (or, if none do, any word).

        Any text is a valid query: punctuation and FTS operators are ignored, an empty query finds nothing.
        Hits whose title matches come first, then those whose headings match, each group by BM25.
        """
        stem = self._stemmer(lang)
        stems = list(dict.fromkeys(stem(w) for w in _WORD_RE.findall(query)[:MAX_QUERY_WORDS]))
        if not stems:
            return []
        terms = [f'"{s}"' for s in stems]
        wanted = set(stems)
        with self._lock:
            rows = self._query(" ".join(terms), lang)
            if not rows and len(terms) > 1:
                rows = self._query(" OR ".join(terms), lang)

            def tier(rowid: int) -> int:
                if wanted & self._title_stems[rowid]:
                    return 0
                return 1 if wanted & self._heading_stems[rowid] else 2

            ranked = sorted(rows, key=lambda row: (tier(row[0]), row[1]))[:limit]
            return [self._hit(self._docs[rowid], score, wanted, stem) for rowid, score in ranked]

    def _query(self, match: str, lang: str) -> list[tuple[int, float]]:
        # Every match (there are few articles): the tiers are sorted in Python before the limit.
        sql = (
            "SELECT rowid, bm25(docs, 0.0, ?, ?, 1.0) AS rank FROM docs "
            "WHERE docs MATCH ? AND lang = ? ORDER BY rank"
        )
        params = (_TITLE_WEIGHT, _HEADINGS_WEIGHT, match, lang)
        return [(int(r), float(s)) for r, s in self._db.execute(sql, params)]

    def _hit(self, doc: SearchDocument, rank: float, stems: set[str], stem: _Stemmer) -> SearchHit:
        snippet, snippet_html = _snippet(doc.text, stems, stem)
        return SearchHit(doc.lang, doc.slug, doc.title, snippet, snippet_html, -rank)

    def close(self) -> None:
        """Free the in-memory database."""
        self._db.close()


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _sentence_start(text: str, words: list[re.Match[str]], hit: int) -> int:
    # Start at the sentence the hit is in when it begins close enough; mid-sentence otherwise.
    for index in range(hit, max(0, hit - _SNIPPET_BEFORE), -1):
        if _SENTENCE_BREAK_RE.search(text, words[index - 1].end(), words[index].start()):
            return index
    return max(0, hit - _SNIPPET_BEFORE)


def _snippet(text: str, stems: set[str], stem: _Stemmer) -> tuple[str, str]:
    words = list(_WORD_RE.finditer(text))
    if not words:
        return "", ""
    hit = next((i for i, m in enumerate(words) if stem(m.group()) in stems), None)
    first = 0 if hit is None else _sentence_start(text, words, hit)
    last = min(len(words), (0 if hit is None else hit) + _SNIPPET_AFTER)
    chosen = words[first:last]
    plain_parts: list[str] = []
    html_parts: list[str] = []
    for index, match in enumerate(chosen):
        if index:
            between = text[chosen[index - 1].end() : match.start()]
            plain_parts.append(_space(between))
            html_parts.append(html.escape(_space(between)))
        word = match.group()
        plain_parts.append(word)
        html_parts.append(f"<mark>{html.escape(word)}</mark>" if stem(word) in stems else html.escape(word))
    tail = text[chosen[-1].end() :]
    closing = tail[:1] if tail[:1] in ".!?" else ""
    prefix = "… " if first else ""
    suffix = closing + (" …" if last < len(words) else "")
    plain = prefix + "".join(plain_parts) + suffix
    return plain, prefix + "".join(html_parts) + html.escape(suffix)

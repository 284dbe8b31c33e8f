"""All articles of the site: ``da/*.md`` and ``en/*.md`` of one directory, looked up by language and slug."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from haelguiden.content.article import Article, read_article
from haelguiden.content.directives import Resolver
from haelguiden.content.frontmatter import LANGS, Lang
from haelguiden.content.problems import ContentProblems, Problem
from haelguiden.content.search import SearchDocument
from haelguiden.content.sitemap import SitemapEntry

# Danish alphabetical order puts æ, ø, å after z; code point order would put å before æ.
_DANISH_ORDER = str.maketrans({"æ": "z\U0010fff0", "ø": "z\U0010fff1", "å": "z\U0010fff2"})


def danish_sort_key(text: str) -> str:
    """A sort key that orders text the Danish way (… x, y, z, æ, ø, å), ignoring case."""
    return text.casefold().translate(_DANISH_ORDER)


@dataclass(frozen=True)
class ScanResult:
    """The articles that could be read, and the problems of the ones that could not."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def scan_articles(directory: Path, *, resolver: Resolver | None = None) -> ScanResult:
    """Read every ``da/*.md`` and ``en/*.md`` under ``directory``, collecting problems instead of stopping.

    Besides each file's own problems, a slug used by two files of the same language is a problem.
    """
    if not directory.is_dir():
        return ScanResult((), (Problem(str(directory), "", "is not a directory of articles (da/ and en/)"),))
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[tuple[Lang, str], Article] = {}
    for lang in LANGS:
        for path in sorted((directory / lang).glob("*.md")):
            try:
                article = read_article(path, file=f"{lang}/{path.name}", resolver=resolver)
            except ContentProblems as exc:
                problems.extend(exc.problems)
                continue
            other = seen.get((article.lang, article.slug))
            if other is not None:
                problems.append(
                    Problem(
                        article.file,
                        "slug",
                        f"{article.slug!r} is also the slug of {other.file}; give each article its own slug",
                    )
                )
                continue
            seen[(article.lang, article.slug)] = article
            articles.append(article)
    return ScanResult(tuple(articles), tuple(problems))


class ArticleLibrary:
    """The site's articles, read once; a web layer keeps one and asks it for pages, indexes and sitemaps."""

    def __init__(self, articles: tuple[Article, ...] = ()) -> None:
        """Hold already parsed articles; use :meth:`load` to read them from a directory."""
        self._by_key: dict[tuple[str, str], Article] = {(a.lang, a.slug): a for a in articles}

    @classmethod
    def load(cls, directory: Path, *, resolver: Resolver | None = None) -> "ArticleLibrary":
        """Read all articles of ``directory`` (``da/*.md`` and ``en/*.md``).

        Args:
            directory: the articles folder, e.g. ``src/haelguiden/knowledge_base/articles``.
            resolver: fills in ``<!-- kb:... -->`` directives; without one they are left out.

        Raises:
            ContentProblems: every problem of every file (front matter, unknown directives, duplicate slugs).
        """
        result = scan_articles(directory, resolver=resolver)
        if result.problems:
            raise ContentProblems(result.problems)
        return cls(result.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def get(self, lang: str, slug: str) -> Article | None:
        """The article with this language and slug, or ``None``."""
        return self._by_key.get((lang, slug))

    def index(self, lang: Lang) -> list[Article]:
        """The articles of one language, sorted by title in Danish alphabetical order."""
        return sorted((a for a in self if a.lang == lang), key=lambda a: danish_sort_key(a.title))

    def translation(self, article: Article) -> Article | None:
        """The other-language version named by the article's ``translation`` field, if it exists."""
        if article.meta.translation is None:
            return None
        other: Lang = "en" if article.lang == "da" else "da"
        return self.get(other, article.meta.translation)

    def translation_pairs(self) -> list[tuple[Article, Article]]:
        """``(Danish, English)`` pairs where the Danish article names an existing English translation."""
        pairs = []
        for article in self.index("da"):
            english = self.translation(article)
            if english is not None:
                pairs.append((article, english))
        return pairs

    def search_documents(self) -> list[SearchDocument]:
        """One search document per article (title, plain body, and headings with the meta title and
        description), for :class:`SearchIndex`."""
        return [
            SearchDocument(
                a.lang,
                a.slug,
                a.title,
                a.rendered.plain_text,
                " ".join(
                    [
                        a.meta.meta_title,
                        a.meta.description or "",
                        *(b.text for b in a.rendered.blocks if b.kind == "heading"),
                    ]
                ),
            )
            for a in self
        ]

    def sitemap_entries(self) -> list[SitemapEntry]:
        """One sitemap entry per article, last modified on its ``lastUpdated`` date."""
        return [SitemapEntry(a.path, a.meta.last_updated) for a in self]

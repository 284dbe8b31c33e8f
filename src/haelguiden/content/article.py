"""One article: front matter, Markdown body and everything rendered from it."""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from haelguiden.content.directives import Resolver
from haelguiden.content.faq import FaqEntry, extract_faq
from haelguiden.content.frontmatter import FrontMatter, Lang, parse_front_matter
from haelguiden.content.lix import LixScore, lix
from haelguiden.content.markdown import RenderedMarkdown, render_markdown
from haelguiden.content.problems import ContentProblems, Problem

ARTICLE_PATH_PREFIXES: dict[Lang, str] = {"da": "/artikler/", "en": "/en/articles/"}
"""Where the web layer serves articles; internal links in articles are checked against these."""


def article_path(lang: Lang, slug: str) -> str:
    """The site path of an article, e.g. ``/artikler/ondt-i-haelen`` or ``/en/articles/heel-pain``."""
    return ARTICLE_PATH_PREFIXES[lang] + slug


@dataclass(frozen=True)
class Article:
    """A parsed article. ``file`` is the name used in messages (``da/ondt-i-haelen.md``)."""

    file: str
    meta: FrontMatter
    source: str
    body_line: int
    rendered: RenderedMarkdown

    @property
    def lang(self) -> Lang:
        """The article's language."""
        return self.meta.lang

    @property
    def slug(self) -> str:
        """The article's slug (last part of its path)."""
        return self.meta.slug

    @property
    def title(self) -> str:
        """The article's title (its h1)."""
        return self.meta.title

    @property
    def path(self) -> str:
        """The article's path on the site."""
        return article_path(self.lang, self.slug)

    @property
    def html(self) -> str:
        """The sanitised body HTML (directives filled in when the article was loaded with a resolver)."""
        return self.rendered.html

    @cached_property
    def faq(self) -> tuple[FaqEntry, ...]:
        """The questions and answers of the article's FAQ section, if any."""
        return extract_faq(self.rendered.blocks)

    @cached_property
    def lix(self) -> LixScore:
        """Readability of the running text."""
        return lix(self.rendered.lix_text)


def default_lang(path: Path) -> Lang:
    """The language given by the folder an article is in (``da``/``en``), else Danish."""
    return "en" if path.parent.name == "en" else "da"


def parse_article(text: str, *, file: str, path: Path, resolver: Resolver | None = None) -> Article:
    """Parse an article's text; ``path`` gives the default slug and language.

    Raises:
        ContentProblems: every problem of the front matter, or an unknown directive when rendering.
    """
    meta, body, body_line = parse_front_matter(
        text, file=file, default_slug=path.stem, default_lang=default_lang(path)
    )
    rendered = render_markdown(body, lang=meta.lang, resolver=resolver, first_line=body_line, file=file)
    return Article(file, meta, body, body_line, rendered)


def read_article(path: Path, *, file: str | None = None, resolver: Resolver | None = None) -> Article:
    """Read and parse one article file; ``file`` defaults to the file's name.

    Raises:
        ContentProblems: the file cannot be read as UTF-8 text, or any problem :func:`parse_article` finds.
    """
    name = file or path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentProblems([Problem(name, "", "is not UTF-8 text; save the file as UTF-8")]) from None
    except OSError as exc:
        raise ContentProblems([Problem(name, "", f"cannot be read ({exc.strerror})")]) from None
    return parse_article(text, file=name, path=path, resolver=resolver)

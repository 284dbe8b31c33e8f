"""Markdown body → sanitised HTML, table of contents, plain-text blocks, links and directives.

The renderer is markdown-it-py in CommonMark mode with tables, and ids on h2/h3 from a Danish-aware slug
(``Hvad er hælspore?`` → ``hvad-er-haelspore``). Its HTML goes through nh3 with an allow-list of exactly
what the renderer produces; only then is the (trusted) HTML of directives put in. External links get
``rel="noopener"``, and images from other hosts are dropped: a page must make no third-party requests.
"""

import re
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin

from haelguiden.content.directives import DIRECTIVE_NAMES, Directive, Resolver, is_directive, parse_directive
from haelguiden.content.problems import ContentProblems, Problem

BlockKind = Literal["heading", "paragraph", "list_item", "table_row", "code"]

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_ALIGN_CLASSES = {"left": "align-left", "center": "align-center", "right": "align-right"}
_HEADINGS = {f"h{n}" for n in range(1, 7)}
_TAGS = _HEADINGS | {
    "p", "ul", "ol", "li", "a", "em", "strong", "code", "pre", "blockquote", "hr", "br",
    "table", "thead", "tbody", "tr", "th", "td", "img",
}  # fmt: skip
_ATTRIBUTES: dict[str, set[str]] = {
    **{h: {"id"} for h in _HEADINGS},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "ol": {"start"},
}
_CLASSES = {"th": set(_ALIGN_CLASSES.values()), "td": set(_ALIGN_CLASSES.values())}
_EXTERNAL_HREF_RE = re.compile(r'<a href="((?:https?:)?//[^"]*)"')


@dataclass(frozen=True)
class TextBlock:
    """One block of plain text: a heading, paragraph, list item paragraph, table row or code block."""

    kind: BlockKind
    text: str
    line: int
    level: int = 0
    anchor: str | None = None


@dataclass(frozen=True)
class TocEntry:
    """A table-of-contents entry: an h2 with its h3s as children."""

    text: str
    anchor: str
    children: tuple["TocEntry", ...] = ()


@dataclass(frozen=True)
class Link:
    """A link in the body, with its visible text and 1-based line."""

    href: str
    text: str
    line: int


@dataclass(frozen=True)
class Image:
    """An image in the body (``![alt](src)``), with its 1-based line."""

    src: str
    alt: str
    line: int


@dataclass(frozen=True)
class RenderedMarkdown:
    """Everything a page, the search index and the content check need from one Markdown body."""

    html: str
    toc: tuple[TocEntry, ...]
    blocks: tuple[TextBlock, ...]
    links: tuple[Link, ...]
    images: tuple[Image, ...]
    directives: tuple[Directive, ...]
    malformed_directive_lines: tuple[int, ...]

    @property
    def anchors(self) -> frozenset[str]:
        """The ids of all headings, the targets ``#anchor`` links may point at."""
        return frozenset(b.anchor for b in self.blocks if b.anchor)

    @property
    def plain_text(self) -> str:
        """The whole body as plain text, one block per line (for search)."""
        return "\n".join(b.text for b in self.blocks)

    @property
    def lix_text(self) -> str:
        """The running text that readability is measured on: no headings and no code, one block per line."""
        return "\n".join(b.text for b in self.blocks if b.kind in ("paragraph", "list_item", "table_row"))


def slugify(text: str) -> str:
    """A heading anchor: lowercase ASCII, æ/ø/å spelled ae/oe/aa, anything else non-alphanumeric a hyphen.

    Example:
        >>> slugify("Hvor i hælen gør det ondt? Under vs. bag hælen")
        'hvor-i-haelen-goer-det-ondt-under-vs-bag-haelen'
    """
    text = unicodedata.normalize("NFKD", text.lower().translate(_DANISH_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "afsnit"


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.use(anchors_plugin, min_level=2, max_level=3, slug_func=slugify)
    return md


_MD = _parser()


def is_local(url: str) -> bool:
    """Whether a URL points at this site (an absolute path, not ``//host``)."""
    return url.startswith("/") and not url.startswith("//")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not is_local(value):
        return None
    return value


def sanitise(html: str) -> str:
    """Sanitise HTML to what the renderer produces; external links get ``rel="noopener"``."""
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        allowed_classes=_CLASSES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        attribute_filter=_keep_attribute,
    )
    # nh3 can only add rel to every link; internal links should stay plain.
    return _EXTERNAL_HREF_RE.sub(r'<a href="\1" rel="noopener"', clean)


def render_markdown(
    source: str, *, lang: str, resolver: Resolver | None = None, first_line: int = 1, file: str = ""
) -> RenderedMarkdown:
    """Render a Markdown body (no front matter).

    Args:
        source: the Markdown text.
        lang: ``da`` or ``en``; passed to the resolver.
        resolver: fills in directives; without one they are left out of the HTML.
        first_line: the line of the file the body starts on, so that reported lines are file lines.
        file: the file name used in error messages.

    Raises:
        ContentProblems: a directive with an unknown name, when a resolver is given.
    """
    tokens = _MD.parse(source)
    offset = first_line - 1
    nonce = secrets.token_hex(8)
    directives: list[Directive] = []
    malformed: list[int] = []
    links: list[Link] = []
    images: list[Image] = []
    for token in tokens:
        line = (token.map[0] if token.map else 0) + 1 + offset
        if token.type == "html_block" and is_directive(token.content):
            directive = parse_directive(token.content, line)
            if directive is None:
                malformed.append(line)
                token.content = ""
            else:
                # A placeholder that survives sanitising; the random part means no article can forge one.
                token.content = f"<p>kb{nonce}x{len(directives)}</p>\n"
                directives.append(directive)
        elif token.type in ("th_open", "td_open"):
            _align_by_class(token)
        elif token.type == "inline" and token.children:
            malformed.extend(
                line for c in token.children if c.type == "html_inline" and is_directive(c.content)
            )
            links.extend(_links(token.children, line))
            images.extend(_images(token.children, line))
    html = sanitise(_MD.renderer.render(tokens, _MD.options, {}))
    for index, directive in enumerate(directives):
        html = html.replace(f"<p>kb{nonce}x{index}</p>", _resolve(directive, lang, resolver, file), 1)
    blocks = tuple(_blocks(tokens, offset))
    return RenderedMarkdown(
        html, _toc(blocks), blocks, tuple(links), tuple(images), tuple(directives), tuple(malformed)
    )


def _resolve(directive: Directive, lang: str, resolver: Resolver | None, file: str) -> str:
    if resolver is None:
        return ""
    if directive.name not in DIRECTIVE_NAMES:
        known = ", ".join(sorted(DIRECTIVE_NAMES))
        raise ContentProblems(
            [
                Problem(
                    file, "body", f"unknown directive kb:{directive.name}; use one of {known}", directive.line
                )
            ]
        )
    return resolver(directive.name, directive.args, lang)


def _align_by_class(token: Token) -> None:
    # markdown-it aligns cells with an inline style; a class keeps a strict Content-Security-Policy possible.
    style = str(token.attrGet("style") or "")
    token.attrs = {}
    align = style.removeprefix("text-align:")
    if align in _ALIGN_CLASSES:
        token.attrSet("class", _ALIGN_CLASSES[align])


def _links(children: list[Token], line: int) -> list[Link]:
    found: list[Link] = []
    href: str | None = None
    text: list[str] = []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        if child.type == "link_open":
            href, text = str(child.attrGet("href") or ""), []
        elif child.type == "link_close" and href is not None:
            found.append(Link(href, _squash(" ".join(text)), line))
            href = None
        elif href is not None and child.type in ("text", "code_inline"):
            text.append(child.content)
    return found


def _images(children: list[Token], line: int) -> list[Image]:
    found: list[Image] = []
    for index, child in enumerate(children):
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        if child.type != "image":
            continue
        src = str(child.attrGet("src") or "")
        found.append(Image(src, child.content, line))
        if not is_local(src):
            # Shown as its alt text: loading it would be a request to another host.
            children[index] = Token("text", "", 0, content=child.content)
    return found


def _squash(text: str) -> str:
    return " ".join(text.split())


def inline_text(children: Sequence[Token]) -> str:
    """The visible text of an inline token's children: link text kept, bare URLs and images left out."""
    parts: list[str] = []
    in_autolink = False
    for child in children:
        if child.type == "link_open" and child.markup == "autolink":
            in_autolink = True
        elif child.type == "link_close":
            in_autolink = False
        elif child.type in ("text", "code_inline") and not in_autolink:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return _squash("".join(parts))


def _blocks(tokens: Sequence[Token], offset: int) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    list_depth = 0
    row: list[str] | None = None
    row_line = 0
    for index, token in enumerate(tokens):
        line = (token.map[0] if token.map else 0) + 1 + offset
        if token.type == "list_item_open":
            list_depth += 1
        elif token.type == "list_item_close":
            list_depth -= 1
        elif token.type == "tr_open":
            row, row_line = [], line
        elif token.type == "tr_close" and row is not None:
            blocks.append(TextBlock("table_row", _squash(" ".join(row)), row_line))
            row = None
        elif token.type in ("fence", "code_block"):
            blocks.append(TextBlock("code", token.content.strip("\n"), line))
        elif token.type == "inline":
            text = inline_text(token.children or [])
            opener = tokens[index - 1]
            if row is not None:
                row.append(text)
            elif opener.type == "heading_open":
                anchor = opener.attrGet("id")
                level = int(opener.tag[1])
                blocks.append(TextBlock("heading", text, line, level, str(anchor) if anchor else None))
            elif text:
                blocks.append(TextBlock("list_item" if list_depth else "paragraph", text, line))
    return [b for b in blocks if b.text]


def _toc(blocks: Sequence[TextBlock]) -> tuple[TocEntry, ...]:
    entries: list[tuple[TocEntry, list[TocEntry]]] = []
    for block in blocks:
        if block.kind != "heading" or block.anchor is None:
            continue
        entry = TocEntry(block.text, block.anchor)
        if block.level == 2 or not entries:
            entries.append((entry, []))
        else:
            entries[-1][1].append(entry)
    return tuple(TocEntry(e.text, e.anchor, tuple(children)) for e, children in entries)

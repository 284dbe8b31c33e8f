"""Directives: a line ``<!-- kb:NAME ARG... -->`` that the knowledge base fills in when a page is shown.

Directives keep clinical facts (likelihoods, timelines, warning signs, care routes) out of the article text:
the article says *where* a table goes, the knowledge base says *what* is in it. The content package only
parses them; a :data:`Resolver` supplied by the caller turns each into HTML.
"""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from haelguiden.content.problems import ContentProblems, Problem

DIRECTIVE_NAMES: frozenset[str] = frozenset(
    {"cause-table", "timeline", "warning-signs", "care-routes", "self-care"}
)

Resolver = Callable[[str, tuple[str, ...], str], str]
"""``(name, args, lang) -> HTML``. Its output is trusted: it is inserted after the article is sanitised."""

Handler = Callable[[tuple[str, ...], str], str]

_DIRECTIVE_RE = re.compile(r"<!--\s*kb:(?P<name>\S*)(?P<args>.*?)\s*-->")
_START_RE = re.compile(r"<!--\s*kb:")


@dataclass(frozen=True)
class Directive:
    """One directive found in an article body; ``line`` is 1-based within the body."""

    name: str
    args: tuple[str, ...]
    line: int


def is_directive(html: str) -> bool:
    """Whether a raw HTML block or inline fragment is meant as a directive (starts with ``<!-- kb:``)."""
    return _START_RE.match(html.strip()) is not None


def parse_directive(html: str, line: int) -> Directive | None:
    """Parse a raw HTML block that holds exactly one directive; ``None`` when it is something else."""
    match = _DIRECTIVE_RE.fullmatch(html.strip())
    if match is None:
        return None
    return Directive(match["name"], tuple(match["args"].split()), line)


def mapping_resolver(handlers: Mapping[str, Handler]) -> Resolver:
    """A :data:`Resolver` that dispatches on the directive name.

    Example:
        >>> resolve = mapping_resolver({"timeline": lambda args, lang: "<p>...</p>"})
        >>> resolve("timeline", ("plantar_fasciitis",), "da")
        '<p>...</p>'

    Raises:
        ContentProblems: from the returned resolver, for a name without a handler.
    """

    def resolve(name: str, args: tuple[str, ...], lang: str) -> str:
        handler = handlers.get(name)
        if handler is None:
            known = ", ".join(sorted(handlers))
            raise ContentProblems([Problem("", "directive", f"unknown directive kb:{name}; known: {known}")])
        return handler(args, lang)

    return resolve

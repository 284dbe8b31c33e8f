"""The pages about Hælguiden itself: privacy, about and intended use, and the accessibility statement.

Each page is a Markdown file in ``content/pages/<lang>/<key>.md`` with a short front matter (``title``,
``description``, ``lastUpdated`` as DD/MM/YYYY), rendered and sanitised like the articles. Facts the code
decides (how long answers and diaries are kept) are ``{placeholders}`` filled in from the code, so the
privacy page cannot drift from what the service really does. Every page exists in Danish and English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

import yaml

from haelguiden.content.frontmatter import LANGS, Lang, parse_date
from haelguiden.content.markdown import TocEntry, render_markdown
from haelguiden.content.problems import ContentProblems, Problem

#: The pages, in the order the footer lists them.
KEYS = ("privacy", "about", "accessibility")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_FIELDS = ("title", "description", "lastUpdated")


@dataclass(frozen=True)
class InfoPage:
    """One page about Hælguiden in one language."""

    key: str
    lang: Lang
    title: str
    description: str
    last_updated: date
    html: str
    toc: tuple[TocEntry, ...]


def default_directory() -> Path:
    """The pages shipped with the package."""
    return Path(str(resources.files("haelguiden.content") / "pages"))


def load_info_pages(
    facts: Mapping[Lang, Mapping[str, object]], directory: Path | None = None
) -> Mapping[tuple[str, Lang], InfoPage]:
    """Read every page in both languages, with ``facts[lang]`` filled in for its ``{placeholders}``.

    Raises:
        ContentProblems: a page is missing, its front matter is wrong, or it uses an unknown placeholder.
    """
    folder = directory or default_directory()
    problems: list[Problem] = []
    pages: dict[tuple[str, Lang], InfoPage] = {}
    for lang in LANGS:
        for key in KEYS:
            file = f"{lang}/{key}.md"
            path = folder / lang / f"{key}.md"
            if not path.is_file():
                problems.append(Problem(file, "file", f"is missing; write the {key} page in {lang}"))
                continue
            page = _read(path, file, key, lang, facts.get(lang, {}), problems)
            if page is not None:
                pages[key, lang] = page
    if problems:
        raise ContentProblems(problems)
    return pages


def _read(
    path: Path, file: str, key: str, lang: Lang, facts: Mapping[str, object], problems: list[Problem]
) -> InfoPage | None:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2) if text.startswith("---\n") else ("", "", text)
    meta = yaml.safe_load(head) if head else None
    if not isinstance(meta, dict) or sorted(meta) != sorted(_FIELDS):
        problems.append(Problem(file, "front matter", f"must have exactly {', '.join(_FIELDS)}"))
        return None
    unknown = sorted(set(_PLACEHOLDER.findall(body)) - set(facts))
    if unknown:
        known = ", ".join(sorted(facts))
        problems.append(
            Problem(file, "body", f"unknown placeholder {', '.join(unknown)}; use one of {known}")
        )
        return None
    try:
        updated = parse_date(str(meta["lastUpdated"]))
    except ValueError as exc:
        problems.append(Problem(file, "lastUpdated", str(exc)))
        return None
    filled = _PLACEHOLDER.sub(lambda m: str(facts[m.group(1)]), body)
    first_line = text[: len(text) - len(body)].count("\n") + 1
    rendered = render_markdown(filled, lang=lang, first_line=first_line, file=file)
    return InfoPage(
        key, lang, str(meta["title"]), str(meta["description"]), updated, rendered.html, rendered.toc
    )


__all__ = ["KEYS", "InfoPage", "default_directory", "load_info_pages"]

"""Load ``source_titles.yaml``: how each source is named to patients (title, publisher, year).

``sources.yaml`` holds the full citation with the working notes a reviewer needs ("as summarised by ...");
a patient sees only what this file gives: the title (in Danish where the source itself is Danish,
otherwise its original English title), the publisher and the year. Every entry must name a source that
exists in ``sources.yaml``; problems are collected and raised together as one ``KnowledgeError``, each
naming the entry and the field.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from haelguiden.engine.model import Lang
from haelguiden.engine.suggest import did_you_mean
from haelguiden.knowledge.files import Problems, default_directory, read_mapping, source_ids, validate

FILE = "source_titles.yaml"


@dataclass(frozen=True)
class SourceTitle:
    """A source as a patient sees it in a list: "Title. Publisher, 2021."."""

    id: str
    title_en: str
    publisher: str
    title_da: str | None = None
    year: int | None = None

    def title(self, lang: Lang) -> tuple[str, Lang]:
        """The title to show on a page in ``lang``, and the language the title is written in."""
        if lang == "da" and self.title_da is not None:
            return self.title_da, "da"
        return self.title_en, "en"

    def line(self, lang: Lang) -> str:
        """The whole entry as one line: ``Title. Publisher, 2021.``."""
        title, _ = self.title(lang)
        end = f"{self.publisher}, {self.year}." if self.year else f"{self.publisher}."
        return f"{title}. {end}" if not title.endswith((".", "?", "!")) else f"{title} {end}"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _TitleIn(_Model):
    en: Annotated[StrictStr, Field(min_length=1)]
    da: Annotated[StrictStr, Field(min_length=1)] | None = None


class _EntryIn(_Model):
    id: StrictStr
    title: _TitleIn
    publisher: Annotated[StrictStr, Field(min_length=1)]
    year: Annotated[StrictInt, Field(ge=1800, le=2100)] | None = None


class _FileIn(_Model):
    titles: Annotated[list[_EntryIn], Field(min_length=1)]


def load_source_titles(knowledge_dir: Path | None = None) -> Mapping[str, SourceTitle]:
    """Read and check ``source_titles.yaml`` (default: the shipped one); source id -> ``SourceTitle``.

    Raises:
        KnowledgeError: listing every problem, each with the entry and the field and how to fix it.
    """
    directory = knowledge_dir or default_directory()
    problems = Problems()
    raw = read_mapping(directory / FILE, problems)
    known = source_ids(directory)
    parsed = validate(_FileIn, raw, FILE, problems) if raw is not None else None
    titles: dict[str, SourceTitle] = {}
    for entry in parsed.titles if parsed else []:
        where = f"{FILE}: entry '{entry.id}'"
        if entry.id in titles:
            problems.add(where, "is listed twice; keep one entry per source")
        elif known is not None and entry.id not in known:
            problems.add(where, f"is not a source in sources.yaml.{did_you_mean(entry.id, sorted(known))}")
        titles[entry.id] = SourceTitle(entry.id, entry.title.en, entry.publisher, entry.title.da, entry.year)
    problems.raise_any()
    return types.MappingProxyType(titles)


__all__ = ["SourceTitle", "load_source_titles"]

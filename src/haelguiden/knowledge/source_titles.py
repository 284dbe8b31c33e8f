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
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError

from haelguiden.engine.model import Lang
from haelguiden.engine.suggest import did_you_mean
from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.plans import default_directory

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
    problems: list[str] = []
    raw = _read(directory / FILE, problems)
    known = _source_ids(directory / "sources.yaml")
    titles: dict[str, SourceTitle] = {}
    if raw is not None:
        try:
            parsed = _FileIn.model_validate(raw)
        except ValidationError as error:
            for detail in error.errors():
                where = ".".join(str(p) for p in detail["loc"])
                problems.append(f"{FILE}: field '{where}': {detail['msg']}. Fix the entry.")
            parsed = None
        for entry in parsed.titles if parsed else []:
            if entry.id in titles:
                problems.append(f"{FILE}: {entry.id}: is listed twice. Keep one entry per source.")
            elif known is not None and entry.id not in known:
                hint = did_you_mean(entry.id, sorted(known))
                problems.append(f"{FILE}: {entry.id}: is not a source in sources.yaml.{hint}")
            titles[entry.id] = SourceTitle(
                entry.id, entry.title.en, entry.publisher, entry.title.da, entry.year
            )
    if problems:
        raise KnowledgeError(problems)
    return types.MappingProxyType(titles)


def _read(path: Path, problems: list[str]) -> Any:
    if not path.is_file():
        problems.append(f"{FILE}: is missing. Create it with a 'titles' list.")
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(f"{FILE}: could not be read ({type(error).__name__}). Fix the YAML syntax.")
        return None


def _source_ids(path: Path) -> frozenset[str] | None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None  # sources.yaml is checked, with a precise message, by the knowledge loader
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return None
    return frozenset(e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str))


__all__ = ["SourceTitle", "load_source_titles"]

"""YAML front matter of an article: split it from the Markdown body and validate it.

An article starts like this (dates are DD/MM/YYYY strings, as in the seed page)::

    ---
    title: "Ondt i hælen"
    metaTitle: "Ondt i hælen: årsager og behandling"
    datePublished: "13/09/2025"
    lastUpdated: "12/10/2025"
    ---

Every problem is reported at once, each naming the file, the field, what is wrong and how to fix it.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, get_args

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from haelguiden.content.problems import ContentProblems, Problem
from haelguiden.engine.suggest import did_you_mean

Lang = Literal["da", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

DATE_EXAMPLE = "13/09/2025"
_DATE_RE = re.compile(r"\d{2}/\d{2}/\d{4}")
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def parse_date(value: str) -> date:
    """Parse a DD/MM/YYYY date string; raise ``ValueError`` with a fix hint when it is not one."""
    if not _DATE_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date in the form DD/MM/YYYY (e.g. {DATE_EXAMPLE})")
    day, month, year = (int(part) for part in value.split("/"))
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(
            f"{value!r} is not a real date; check the day and the month (DD/MM/YYYY, e.g. {DATE_EXAMPLE})"
        ) from None


def format_date(value: date) -> str:
    """Format a date the way front matter writes it (DD/MM/YYYY)."""
    return value.strftime("%d/%m/%Y")


def _danish_date(value: object) -> date:
    if value is None or value == "":
        raise PydanticCustomError(
            "dk_date", f"is empty; write a date in the form DD/MM/YYYY (e.g. {DATE_EXAMPLE})"
        )
    # YAML turns an unquoted 2025-09-13 into a date object: show it as the author wrote it.
    try:
        return parse_date(value if isinstance(value, str) else str(value))
    except ValueError as exc:
        raise PydanticCustomError("dk_date", str(exc)) from None


def _slug(value: object) -> str:
    if not isinstance(value, str) or not SLUG_RE.fullmatch(value):
        raise PydanticCustomError(
            "slug",
            f"{value!r} is not a valid slug; use lowercase letters a-z, digits and single hyphens "
            "(e.g. ondt-i-haelen)",
        )
    return value


DanishDate = Annotated[date, BeforeValidator(_danish_date)]
Slug = Annotated[str, BeforeValidator(_slug)]
NonEmpty = Annotated[str, Field(min_length=1)]


class FrontMatter(BaseModel):
    """The validated front matter of one article. Field names in the file are the aliases (camelCase)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: NonEmpty
    meta_title: NonEmpty = Field(alias="metaTitle")
    date_published: DanishDate = Field(alias="datePublished")
    last_updated: DanishDate = Field(alias="lastUpdated")
    description: NonEmpty | None = None
    slug: Slug
    lang: Lang
    translation: Slug | None = None
    last_reviewed: DanishDate | None = Field(default=None, alias="lastReviewed")
    #: Who reviewed the article clinically ("Navn, titel"); a review without a named reviewer is no review.
    reviewed_by: NonEmpty | None = Field(default=None, alias="reviewedBy")
    about: tuple[NonEmpty, ...] = ()
    sources: tuple[NonEmpty, ...] = ()


FIELD_NAMES: tuple[str, ...] = tuple(f.alias or name for name, f in FrontMatter.model_fields.items())
_REQUIRED_EXAMPLES = {
    "title": 'title: "Ondt i hælen"',
    "metaTitle": 'metaTitle: "Ondt i hælen: årsager og behandling"',
    "datePublished": f'datePublished: "{DATE_EXAMPLE}"',
    "lastUpdated": f'lastUpdated: "{DATE_EXAMPLE}"',
}
_LIST_EXAMPLES = {"about": "about: [plantar_fasciitis]", "sources": "sources: [ref-1, ref-5]"}


@dataclass(frozen=True)
class SplitArticle:
    """An article file cut in two: the front matter mapping and the Markdown body."""

    data: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the file where the body starts


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys instead of silently keeping the last one."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the field {key!r} appears twice; keep only one", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def split_front_matter(text: str, *, file: str) -> SplitArticle:
    """Cut an article into its front matter mapping and Markdown body.

    Raises:
        ContentProblems: the file does not start with ``---``, has no closing ``---``, the YAML is invalid
            or is not a mapping of fields.
    """
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n")
    fence = "front matter"
    if not lines or lines[0].rstrip() != "---":
        raise ContentProblems(
            [
                Problem(
                    file,
                    fence,
                    "the file must start with a line '---', then the fields (title: ...), then a line '---'",
                    1,
                )
            ]
        )
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:
        raise ContentProblems(
            [
                Problem(
                    file,
                    fence,
                    "the front matter starting on line 1 has no closing '---'; "
                    "add a line with only '---' after the last field",
                    1,
                )
            ]
        )
    try:
        data = yaml.load("\n".join(lines[1:end]), Loader=_UniqueKeyLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise ContentProblems(
            [
                Problem(
                    file,
                    fence,
                    f"is not valid YAML ({reason}); write one 'field: value' per line and put values "
                    'that contain a colon or quote in double quotes, e.g. title: "Hæl: smerter"',
                    line,
                )
            ]
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"the single value {data!r}"
        raise ContentProblems(
            [Problem(file, fence, f"must be 'field: value' lines, but it is {kind}; see the seed article", 2)]
        )
    return SplitArticle({str(k): v for k, v in data.items()}, "\n".join(lines[end + 1 :]), end + 2)


def validate_front_matter(
    data: dict[str, Any], *, file: str, default_slug: str, default_lang: Lang
) -> FrontMatter:
    """Validate a front matter mapping, filling ``slug`` and ``lang`` from the file's name and folder.

    Raises:
        ContentProblems: every problem of the mapping, each naming the file and the field.
    """
    values = {"slug": default_slug, "lang": default_lang, **data}
    try:
        return FrontMatter.model_validate(values)
    except ValidationError as exc:
        problems = [_problem(file, error, data, default_slug) for error in exc.errors()]
        raise ContentProblems(sorted(set(problems), key=problems.index)) from None


def parse_front_matter(
    text: str, *, file: str, default_slug: str, default_lang: Lang
) -> tuple[FrontMatter, str, int]:
    """Split and validate an article's text: return its front matter, Markdown body and body start line.

    Raises:
        ContentProblems: every problem of the front matter.
    """
    split = split_front_matter(text, file=file)
    meta = validate_front_matter(split.data, file=file, default_slug=default_slug, default_lang=default_lang)
    return meta, split.body, split.body_line


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    if isinstance(value, int | float):
        return f"{value} (a number)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return repr(value)


def _problem(file: str, error: ErrorDetails, data: dict[str, Any], default_slug: str) -> Problem:
    loc = error["loc"]
    field = str(loc[0]) if loc else ""
    kind = error["type"]
    value = error.get("input")
    if kind == "missing":
        return Problem(file, field, f"is missing; add a line such as {_REQUIRED_EXAMPLES.get(field, field)}")
    if kind == "extra_forbidden":
        hint = did_you_mean(field, FIELD_NAMES) or " The allowed fields are " + ", ".join(FIELD_NAMES) + "."
        return Problem(file, field, f"is not a known field; remove it or rename it.{hint}")
    if len(loc) > 1:
        field = f"{field}[{loc[1]}]"
    if field == "slug" and "slug" not in data:
        return Problem(
            file,
            "slug",
            f"the file name gives the slug {default_slug!r}, which is not valid; rename the file to "
            "lowercase a-z, digits and hyphens (e.g. ondt-i-haelen.md) or add a line slug: ondt-i-haelen",
        )
    if kind in ("tuple_type", "list_type"):
        return Problem(
            file, field, f"must be a list, not {_describe(value)}; write e.g. {_LIST_EXAMPLES[field]}"
        )
    if kind == "string_type":
        return Problem(file, field, f"must be text, not {_describe(value)}; put the value in double quotes")
    if kind == "string_too_short":
        return Problem(file, field, "is empty; write the text or remove the line")
    if kind == "literal_error":
        return Problem(file, field, f"{value!r} is not a supported language; use da or en")
    return Problem(file, field, error["msg"])

"""Reading knowledge files: the one place that turns YAML and pydantic errors into problems for a reviewer.

Every loader (the knowledge base, the plans and exercises, the recovery rules, the outcome pages, the
source titles, the story lexicon) reads its files through these functions and collects every problem
before anything is raised, so a reviewer sees the whole list at once. Each problem is one sentence that
names the file, the entry and the field, says what is wrong and how to fix it, with "did you mean" for
unknown names, as pyxform and click do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from haelguiden.engine.suggest import did_you_mean
from haelguiden.errors import KnowledgeError

M = TypeVar("M", bound=BaseModel)
#: What a claim cites when no source backs it (an expert estimate, to be signed off by a clinician).
ESTIMATE = "estimate"


def default_directory() -> Path:
    """The knowledge files shipped inside the package."""
    return Path(str(resources.files("haelguiden") / "knowledge_base"))


class Problems:
    """Collects problems; each is one sentence that names file, entry and field."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        """Record one problem at ``where`` (file: entry: field)."""
        self.items.append(f"{where}: {message}")

    def raise_any(self) -> None:
        """Raise :class:`KnowledgeError` with every problem, if there is any."""
        if self.items:
            raise KnowledgeError(self.items)


def _string_keys(node: Any) -> Any:
    """YAML reads the keys true/false as booleans; the knowledge files mean the fact values "true"/"false"."""
    if isinstance(node, dict):
        return {
            ("true" if k is True else "false" if k is False else k): _string_keys(v) for k, v in node.items()
        }
    if isinstance(node, list):
        return [_string_keys(v) for v in node]
    return node


def read_yaml(path: Path, problems: Problems, shown: str | None = None) -> Any:
    """Parse one YAML file; a missing file, a syntax error (with line and column) or a file that is not
    UTF-8 becomes a problem, and the result is None. ``shown`` is the name used in messages (default: the
    file name)."""
    name = shown or path.name
    try:
        return _string_keys(yaml.safe_load(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        problems.add(name, "file is missing; it is required in the knowledge folder")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problems.add(name, f"is not valid YAML{at}: {getattr(exc, 'problem', exc)}")
    except UnicodeDecodeError:
        problems.add(name, "is not UTF-8 text; save it as UTF-8")
    return None


def read_mapping(path: Path, problems: Problems, shown: str | None = None) -> dict[str, Any] | None:
    """:func:`read_yaml` for a file whose top level must be a mapping of fields."""
    data = read_yaml(path, problems, shown)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(shown or path.name, "must be a mapping of fields (key: value lines); check the layout")
        return None
    return data


def _location(loc: tuple[int | str, ...], data: Any) -> str:
    """Turn a pydantic error location into "entry 'id': field.sub[2]", naming list entries by their id."""
    text = ""
    node = data
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and key < len(node):
            node = node[key]
            ident = node.get("id") if isinstance(node, dict) else None
            if isinstance(ident, str) and ident:
                label = f"entry '{ident}'"
                text = f"{text}: {label}:" if text else f"{label}:"
            else:
                text += f"[{key}]"
        else:
            node = node.get(key) if isinstance(node, dict) else None
            if not text:
                text = str(key)
            elif text.endswith(":"):
                text += f" {key}"
            else:
                text += f".{key}"
    return text.rstrip(":")


_FIXES = {
    "extra_forbidden": "remove it or check its spelling",
    "missing": "add it",
    "string_type": "write it as text",
    "int_type": "write a whole number",
    "float_type": "write a number",
    "bool_type": "write true or false",
    "literal_error": "use one of the allowed values",
    "list_type": "write a list",
    "dict_type": "write a mapping (key: value)",
}


def _fields_at(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names of the model reached by following ``loc`` from ``model`` (for "did you mean")."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return []
        field = current.model_fields.get(part) if isinstance(part, str) else None
        if field is not None:
            current = _model_in(field.annotation)
        # otherwise a list index or a free mapping key: the model stays the entries' model
    return list(current.model_fields) if current is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def validate(
    model: type[M],
    data: Any,
    where: str,
    problems: Problems,
    context: Mapping[str, Any] | None = None,
) -> M | None:
    """Validate ``data`` against ``model``; every error becomes a problem naming the entry and field.

    ``where`` is the file (and entry) the data came from. An unknown field gets a "did you mean" from the
    fields allowed there; a validator's own message is kept as it is written.
    """
    try:
        return model.model_validate(data, context=dict(context) if context is not None else None)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            at = _location(loc, data)
            kind = err["type"]
            if kind == "extra_forbidden":
                known = _fields_at(model, tuple(p for p in loc[:-1] if isinstance(p, str)))
                hint = did_you_mean(str(loc[-1]), known)
                # the allowed fields are worth listing when they are few enough to read at a glance
                allowed = f" Allowed here: {', '.join(known)}." if 0 < len(known) <= 6 else ""
                message = "unknown field; remove it or check its spelling"
                message += f".{hint}{allowed}" if hint or allowed else ""
            elif kind == "value_error":
                message = str(err["msg"]).removeprefix("Value error, ")
            elif kind == "string_pattern_mismatch" and "sources" in loc:
                message = (
                    f"{err.get('input')!r} is not a source id; write ref-N (see sources.yaml) or 'estimate'"
                )
            elif kind == "missing":
                message = "is missing; add it"
            else:
                fix = _FIXES.get(kind, "")
                got = f" (got {_shown(err.get('input'))})"
                message = str(err["msg"])[0].lower() + str(err["msg"])[1:] + got + (f"; {fix}" if fix else "")
            problems.add(f"{where}: {at}" if at else where, message)
        return None


def _shown(value: object) -> str:
    """A value as it was written, shortened for a message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def source_ids(folder: Path, problems: Problems | None = None) -> frozenset[str] | None:
    """The ids of ``sources.yaml`` in ``folder``; None when the file cannot be read (the knowledge loader
    reports that with a precise message, so other loaders need not report it again)."""
    raw = read_yaml(folder / "sources.yaml", problems if problems is not None else Problems())
    entries = raw.get("sources") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        return None
    return frozenset(str(e["id"]) for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str))


def check_sources(where: str, cited: Iterable[str], known: frozenset[str] | None, problems: Problems) -> None:
    """Every cited id must be in ``sources.yaml`` (``known``; None: not checked), or be ``estimate``."""
    if known is None:
        return
    for sid in cited:
        if sid != ESTIMATE and sid not in known:
            hint = did_you_mean(sid, sorted(known | {ESTIMATE}))
            problems.add(
                where, f"unknown source '{sid}'; cite an id from sources.yaml or write 'estimate'.{hint}"
            )

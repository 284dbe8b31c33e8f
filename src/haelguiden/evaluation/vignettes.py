"""Reading vignette files, taking only ``id`` and ``facts`` (never ``gold`` or ``source``).

``story_da`` is read only in story mode (FORMAT.md section 10), when the caller asks for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from haelguiden.engine.model import KnowledgeBase
from haelguiden.errors import VignetteError

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True)
class Vignette:
    """A simulated patient: an id and the facts they can answer from."""

    id: str
    facts: Mapping[str, Any]
    #: The patient's own words; read only in story mode, otherwise None.
    story_da: str | None = None


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _check_value(kb: KnowledgeBase, where: str, fact_id: str, value: object) -> None:
    fact = kb.facts.get(fact_id)
    if fact is None:
        raise VignetteError(f"{where}: facts.{fact_id}: unknown fact")
    ok: bool
    if fact.type == "boolean":
        ok = isinstance(value, bool)
    elif fact.type == "integer":
        ok = (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (fact.minimum is None or value >= fact.minimum)
            and (fact.maximum is None or value <= fact.maximum)
        )
    elif fact.type == "enum":
        ok = isinstance(value, str) and value in fact.values
    else:
        ok = isinstance(value, list) and all(isinstance(v, str) and v in fact.values for v in value)
    if not ok:
        raise VignetteError(f"{where}: facts.{fact_id}: {json.dumps(value)} is not a valid {fact.type} value")


def read_vignettes(kb: KnowledgeBase, path: Path, *, story: bool = False) -> Iterator[Vignette]:
    """Yield the vignettes of a JSON Lines file, checking ids and facts; errors name the line.

    With ``story`` (story mode) each line's ``story_da`` is read too, and must be non-empty text.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise VignetteError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise VignetteError(f"{path}: cannot be read as UTF-8 text ({exc.__class__.__name__})") from None
    seen: set[str] = set()
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line, parse_constant=_reject_constant)
        except ValueError as exc:
            raise VignetteError(f"{where}: not valid JSON ({exc})") from None
        if not isinstance(obj, dict):
            raise VignetteError(f"{where}: a vignette line must be a JSON object")
        vid = obj.get("id")
        if not isinstance(vid, str) or not ID_PATTERN.match(vid):
            raise VignetteError(f"{where}: id: missing or not a valid vignette id")
        if vid in seen:
            raise VignetteError(f"{where}: id: '{vid}' appears twice")
        seen.add(vid)
        facts = obj.get("facts")
        if not isinstance(facts, dict) or not facts:
            raise VignetteError(f"{where}: facts: must be a non-empty object")
        for fact_id, value in facts.items():
            _check_value(kb, where, fact_id, value)
        story_da: str | None = None
        if story:
            raw = obj.get("story_da")
            if not isinstance(raw, str) or not raw.strip():
                raise VignetteError(
                    f"{where}: story_da: story mode needs the patient's story as non-empty text"
                )
            story_da = raw
        count += 1
        yield Vignette(id=vid, facts=dict(facts), story_da=story_da)
    if count == 0:
        raise VignetteError(f"{path}: no vignettes in the file")

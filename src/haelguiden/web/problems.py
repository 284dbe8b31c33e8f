"""Errors of the JSON API as ``application/problem+json`` (RFC 9457), with the fields at fault.

Every client mistake gets a 4xx with ``type``, ``title``, ``status``, ``detail`` and ``errors: [{field,
message}]``; fields are written as a path into the request body (``answers[2].value``). Messages never
repeat a submitted value beyond naming the field.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any

from starlette.responses import JSONResponse

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "/api/v1/problems/"
_VALUE_MESSAGE = (
    "must be text, a whole number, true/false, a list of texts, an object of true/false/null, or null"
)
_FRIENDLY = {
    "missing": "is required",
    "extra_forbidden": "is not a known field; remove it",
    "literal_error": None,  # pydantic's own message names the allowed values
    "string_pattern_mismatch": "must be a Danish postcode of 4 digits, e.g. 2100",
    "too_long": "has too many entries",
}


class ProblemResponse(JSONResponse):
    """A JSON response with the problem+json media type."""

    media_type = MEDIA_TYPE


def problem(
    status: int,
    *,
    detail: str,
    code: str | None = None,
    errors: Sequence[Mapping[str, str]] = (),
    headers: Mapping[str, str] | None = None,
) -> ProblemResponse:
    """A problem response; ``code`` names a documented problem type, else ``about:blank``."""
    body: dict[str, Any] = {
        "type": TYPE_BASE + code if code else "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": [dict(e) for e in errors],
    }
    return ProblemResponse(body, status_code=status, headers=dict(headers) if headers else None)


def field_path(loc: Sequence[int | str]) -> str:
    """``("body", "answers", 0, "value", "str")`` → ``answers[0].value``.

    A value's path stops at ``value``: the union's member names are not fields a client can fix.
    """
    parts = list(loc)
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    out = ""
    for index, part in enumerate(parts):
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
        if part == "value" and index == 2:
            break
    return out or "body"


def validation_errors(errors: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Pydantic's errors as ``{field, message}``, one per field, in the order found."""
    out: dict[str, str] = {}
    for error in errors:
        loc = tuple(error.get("loc", ()))
        kind = str(error.get("type", ""))
        field = "body" if kind == "json_invalid" else field_path(loc)
        if kind == "json_invalid":
            position = loc[-1] if loc and isinstance(loc[-1], int) else "?"
            reason = error.get("ctx", {}).get("error", "invalid JSON")
            message = f"is not valid JSON ({reason} at character {position})"
        elif field.endswith(".value") and kind != "missing":
            message = _VALUE_MESSAGE
        elif field == "body" and kind in ("dict_type", "model_attributes_type"):
            message = "must be a JSON object with 'lang' and 'answers'"
        else:
            message = _FRIENDLY.get(kind) or str(error.get("msg", "is not valid"))
        out.setdefault(field, message)
    return [{"field": f, "message": m} for f, m in out.items()]

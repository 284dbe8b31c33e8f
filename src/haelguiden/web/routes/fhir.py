"""FHIR SDC ``$next-question``: the self-check as FHIR R4B, one QuestionnaireResponse at a time.

``POST /api/v1/fhir/Questionnaire/$next-question`` takes a QuestionnaireResponse (``application/fhir+json``
or ``application/json``; bare or in a ``Parameters`` resource) and answers with the next
QuestionnaireResponse as ``application/fhir+json``; the format is described in :mod:`haelguiden.web.fhir`.
Mistakes are answered with an OperationOutcome that names the element at fault (400: not a valid
QuestionnaireResponse; 415: not JSON; 422: an answer that does not fit its question). Refusals made before
the route runs (413 too large, 429 too many requests, 404, 405) are problem+json like the rest of the API.
Like the JSON API it is stateless and logs nothing of the body.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from haelguiden.web import fhir, urls
from haelguiden.web.rendering import context

MEDIA_TYPE = "application/fhir+json"
_ACCEPTED = ("application/fhir+json", "application/json")

router = APIRouter(prefix=urls.API_PREFIX)


class FhirResponse(JSONResponse):
    """A JSON response with the FHIR media type."""

    media_type = MEDIA_TYPE


def outcome(status: int, issues: list[fhir.Issue] | tuple[fhir.Issue, ...]) -> FhirResponse:
    """An OperationOutcome response."""
    return FhirResponse(fhir.operation_outcome(issues), status_code=status)


_BODY_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A FHIR R4B QuestionnaireResponse (or Parameters with 'questionnaire-response').",
    "required": ["resourceType", "status"],
    "properties": {
        "resourceType": {"type": "string", "enum": ["QuestionnaireResponse", "Parameters"]},
        "status": {"type": "string", "example": "in-progress"},
        "language": {"type": "string", "enum": ["da", "en"], "default": "da"},
        "item": {"type": "array", "items": {"type": "object"}},
    },
}


_OUTCOME_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "A FHIR R4B OperationOutcome: each issue names the element at fault and what to do.",
    "required": ["resourceType", "issue"],
    "properties": {
        "resourceType": {"type": "string", "enum": ["OperationOutcome"]},
        "issue": {"type": "array", "items": {"type": "object"}},
    },
}


def _outcome(description: str) -> dict[str, Any]:
    return {
        "description": description + " (OperationOutcome)",
        "content": {MEDIA_TYPE: {"schema": _OUTCOME_SCHEMA}},
    }


@router.post(
    "/fhir/Questionnaire/$next-question",
    response_class=FhirResponse,
    summary="FHIR SDC $next-question: the next question, or the result",
    description=(
        "The self-check as FHIR R4B Structured Data Capture (adaptive form). Send a QuestionnaireResponse "
        "(status in-progress, no items to start; language da or en) and get it back with a contained "
        "Questionnaire holding the questions so far and the next one; answer it by adding an item and send "
        "the response back. When nothing more is to be asked, status is completed and the read-only "
        "result group holds the triage level, what to do, and the possible causes with their probabilities "
        "(not a diagnosis). Errors are OperationOutcome resources (application/fhir+json) naming the "
        "element at fault: 400 not a valid QuestionnaireResponse, 415 not JSON, 422 an answer that does "
        "not fit its question."
    ),
    responses={
        200: {"description": "The QuestionnaireResponse with the next question, or completed."},
        400: _outcome("The body is not JSON, or not a valid QuestionnaireResponse."),
        413: {"description": "The body is larger than 64 KB."},
        415: _outcome("The body is not JSON (send Content-Type: application/fhir+json)."),
        422: _outcome("An answer does not fit its question; the issue names the item."),
        429: {"description": "Too many requests; wait the seconds given in Retry-After."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {media: {"schema": _BODY_SCHEMA} for media in _ACCEPTED},
        }
    },
    tags=["fhir"],
)
async def next_question(request: Request) -> Response:
    """The QuestionnaireResponse with the next question, or the completed one with the result."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media and media not in _ACCEPTED:
        detail = f"Send the body as JSON with Content-Type: {MEDIA_TYPE} (or application/json)."
        return outcome(415, [fhir.Issue("not-supported", "QuestionnaireResponse", detail)])
    try:
        data = json.loads(await request.body())
    except (ValueError, RecursionError) as exc:
        # JSONDecodeError and UnicodeDecodeError are ValueErrors; very deep nesting is a RecursionError
        where = (
            f" ({exc.msg} at line {exc.lineno}, column {exc.colno})"
            if isinstance(exc, json.JSONDecodeError)
            else ""
        )
        detail = f"The body is not valid JSON{where}. Send a FHIR QuestionnaireResponse as JSON."
        return outcome(400, [fhir.Issue("structure", "QuestionnaireResponse", detail)])
    web = context(request)
    try:
        qr, root = fhir.unwrap(data)
        lang = fhir.read_language(qr, root)
        answers = fhir.read_answers(web.kb, qr, root)
    except fhir.FhirInputError as exc:
        return outcome(exc.status, exc.issues)
    return FhirResponse(fhir.questionnaire_response(web.kb, web.services.assess(answers), lang))

"""The JSON API: ``POST /api/v1/assessments`` answers with the next question or the result.

Stateless: the client sends every answer so far with each request and gets the normalised answers back.
The OpenAPI document is served at ``/api/v1/openapi.json`` and rendered as a plain page at
``/api/v1/docs`` (no Swagger UI: it would load scripts from a CDN).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.requests import Request
from starlette.responses import Response

from haelguiden.engine.care import region_for_postcode
from haelguiden.engine.errors import AnswerError
from haelguiden.engine.model import KnowledgeBase, Lang
from haelguiden.engine.state import Answers
from haelguiden.engine.suggest import did_you_mean
from haelguiden.errors import StorageError
from haelguiden.i18n import t
from haelguiden.presenters import assessment_dict, story_facts_json, story_statements
from haelguiden.web import urls
from haelguiden.web.api_schemas import AnswerIn, AssessmentRequest, AssessmentResponse, Health, Problem, Ready
from haelguiden.web.problems import MEDIA_TYPE, problem
from haelguiden.web.rendering import chrome, context, render
from haelguiden.web.viewmodels import ApiDocsPage, ApiOperation, ApiSchema

router = APIRouter(prefix=urls.API_PREFIX)

_PROBLEM = {"model": Problem}
_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {**_PROBLEM, "description": "The body is not valid JSON."},
    413: {**_PROBLEM, "description": "The body is larger than 64 KB."},
    415: {**_PROBLEM, "description": "The body is not JSON (send Content-Type: application/json)."},
    422: {
        **_PROBLEM,
        "description": "A field is missing or wrong; `errors` names each field and what to do.",
    },
    429: {**_PROBLEM, "description": "Too many requests; wait the seconds given in Retry-After."},
}


def read_answers(kb: KnowledgeBase, entries: Sequence[AnswerIn]) -> tuple[Answers, list[dict[str, str]]]:
    """The answers as engine state, and every problem found (each with its field)."""
    state = Answers()
    errors: list[dict[str, str]] = []
    given: set[str] = set()
    for index, entry in enumerate(entries):
        qid = entry.question
        try:
            kb.question(qid)  # the knowledge base's index (``question_ids`` makes a new set on each access)
        except KeyError:
            hint = did_you_mean(qid, sorted(kb.question_ids))
            message = f"is not a question id.{hint} Use the id of a question from an earlier response"
            errors.append({"field": f"answers[{index}].question", "message": message})
            continue
        if qid in given:
            errors.append(
                {"field": f"answers[{index}].question", "message": f"'{qid}' is answered twice; give it once"}
            )
            continue
        try:
            state = state.answer(kb, qid, entry.value)
        except AnswerError as exc:
            errors.append({"field": f"answers[{index}].value", "message": str(exc)})
        else:
            given.add(qid)  # the same as ``qid in state.asked``, without a new tuple per answer
    return state, errors


@router.post(
    "/assessments",
    response_model=AssessmentResponse,
    summary="The next question, or the result",
    description=(
        "Send every answer so far (none to start). The response holds the next question to ask, or, when "
        "there is nothing more to ask, the result: triage (how urgent, what to do and why) first, then the "
        "possible causes with their probabilities and the answers for and against each. Possible causes "
        "are not a diagnosis."
    ),
    responses=_ERRORS,
    tags=["self-check"],
)
async def create_assessment(body: AssessmentRequest, request: Request) -> Response | dict[str, Any]:
    """Assess the answers sent."""
    web = context(request)
    kb = web.kb
    answers, errors = read_answers(kb, body.answers)
    story: dict[str, Any] | None = None
    if body.story is not None and body.story_facts is not None:
        errors.append(
            {
                "field": "story",
                "message": "send either story (to read it) or story_facts (the confirmed facts), not both",
            }
        )
    elif body.story is not None:
        story = dict(web.services.read_story(body.story, body.lang).facts)
    elif body.story_facts is not None:
        story = dict(body.story_facts)
    if story is not None and not errors:
        try:
            answers = answers.with_story(kb, story)
        except AnswerError as exc:
            errors.append({"field": "story_facts", "message": str(exc)})
    if errors:
        return problem(
            422,
            code="invalid-answers",
            detail="One or more answers do not fit their question; see errors.",
            errors=errors,
        )
    region = region_for_postcode(kb, int(body.postcode)) if body.postcode else None
    assessment = web.services.assess(answers)
    data = assessment_dict(kb, assessment, body.lang, region)
    question = assessment.question
    if question is not None and question.kind == "number":
        fact = kb.facts[question.fact or ""]
        data["question"].update(unit=fact.unit, minimum=fact.minimum, maximum=fact.maximum)
    if story is not None:
        data["story_facts"] = story_facts_json(answers.story)
        data["story_statements"] = [
            {"fact": s.fact, "item": s.item, "text": s.text}
            for s in story_statements(kb, web.services.story_lexicon, answers.story, body.lang)
        ]
    # Checked against the documented response, then written as JSON by pydantic in one pass (no dict of
    # the model and no second encoder), without the story fields a client did not use.
    response = AssessmentResponse.model_validate(data)
    return Response(
        response.model_dump_json(by_alias=True, exclude=_unused_story_fields(response)),
        media_type="application/json",
    )


def _unused_story_fields(response: AssessmentResponse) -> dict[str, Any]:
    """The story fields of ``response`` that are empty (left out of the JSON rather than sent as null)."""
    unused: dict[str, Any] = {
        key: True for key in ("story_facts", "story_statements") if getattr(response, key) is None
    }
    if response.answers.story is None:
        unused["answers"] = {"story"}
    return unused


@router.get(
    "/health",
    response_model=Health,
    summary="Whether the process is alive",
    description="Always 200 while the process runs. Not rate-limited and not logged. See /ready for storage.",
    tags=["operations"],
)
async def health() -> dict[str, str]:
    """A trivial answer: the process is alive (also the baseline of the throughput benchmark)."""
    return {"status": "ok"}


@router.get(
    "/ready",
    response_model=Ready,
    summary="Whether this instance can serve every request",
    description=(
        "200 when the diary database answers (migrated on first use) and, when REDIS_URL is set, Redis "
        "answers too; 503 otherwise, with `errors` naming what does not answer. A load balancer should send "
        "patients only to instances that are ready. Not rate-limited and not logged."
    ),
    responses={503: {**_PROBLEM, "description": "Storage or Redis does not answer; see errors."}},
    tags=["operations"],
)
def ready(request: Request) -> Response | dict[str, str]:
    """Check storage (and Redis when configured); runs in the thread pool, as both calls block."""
    web = context(request)
    errors: list[dict[str, str]] = []
    try:
        web.services.repository.ping()
    except StorageError:
        errors.append({"field": "storage", "message": "the diary database does not answer"})
    configured = web.limiter is not None and web.limiter.storage is not None
    if web.limiter is not None and not web.limiter.ping():
        errors.append({"field": "redis", "message": "the rate-limit storage (Redis) does not answer"})
    if errors:
        return problem(
            503, code="not-ready", detail="This instance cannot serve every request.", errors=errors
        )
    return {"status": "ready", "storage": "ok", "redis": "ok" if configured else "not configured"}


@router.get("/docs", include_in_schema=False)
async def docs(request: Request) -> Response:
    """The API documentation as a plain page, built from the OpenAPI document."""
    document = request.app.openapi()
    lang: Lang = "en"  # the OpenAPI document it shows is in English
    heading = t(lang, "api_docs_title")
    operations = []
    for path, methods in document.get("paths", {}).items():
        for method, op in methods.items():
            operations.append(
                ApiOperation(
                    method=method.upper(),
                    path=path,
                    summary=op.get("summary", ""),
                    description=op.get("description", ""),
                    responses=tuple(
                        f"{code} {r.get('description', '')}" for code, r in op["responses"].items()
                    ),
                )
            )
    schemas = tuple(
        ApiSchema(
            name=name,
            description=schema.get("description", ""),
            fields=tuple(
                (field, prop.get("description", "")) for field, prop in schema.get("properties", {}).items()
            ),
        )
        for name, schema in document.get("components", {}).get("schemas", {}).items()
    )
    page = ApiDocsPage(
        chrome=chrome(request, lang, title=heading, switch_href=urls.home("da"), css=("article",)),
        heading=heading,
        lead=t(lang, "api_docs_lead"),
        openapi_href=f"{urls.API_PREFIX}/openapi.json",
        operations=tuple(operations),
        schemas=schemas,
    )
    return render(request, "api_docs.html", page)


def openapi_document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with every error response declared as ``application/problem+json``."""
    if app.openapi_schema:
        return app.openapi_schema
    document = get_openapi(
        title="Hælguiden API",
        version=app.version,
        summary="The heel-pain self-check as JSON: next question, or triage and possible causes.",
        description=(
            "Stateless: send every answer so far with each request. Errors are RFC 9457 problem details "
            "(application/problem+json) with `errors: [{field, message}]`."
        ),
        routes=app.routes,
    )
    for operation in (op for methods in document["paths"].values() for op in methods.values()):
        for status, response in operation["responses"].items():
            # FHIR's own errors are OperationOutcomes (declared by its route); every other is a problem.
            if status.startswith(("4", "5")) and "application/fhir+json" not in response.get("content", {}):
                schema = {"$ref": "#/components/schemas/Problem"}
                response["content"] = {MEDIA_TYPE: {"schema": schema}}
    app.openapi_schema = document
    return document

"""The diary as JSON: ``POST /api/v1/diaries`` makes one, ``/api/v1/diaries/{token}/entries`` lists and adds.

The token in the path is the diary's private link token, returned once when the diary is made. Any token
that does not open a diary gets the same 404 problem. Entries are checked by the tracker's
``validate_entry``, so a wrong field gets the same instruction as on the diary's page (in English here),
in ``errors: [{field, message}]`` of an ``application/problem+json`` answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr
from starlette.requests import Request
from starlette.responses import Response

from haelguiden.engine.suggest import did_you_mean
from haelguiden.i18n import t
from haelguiden.tracker.export import diary_to_dict
from haelguiden.tracker.model import Diary, DiaryInputError, DiaryNotFound, validate_entry
from haelguiden.web import diary_views, urls
from haelguiden.web.api_schemas import Problem, TriageLevelOut
from haelguiden.web.problems import problem
from haelguiden.web.rendering import WebContext, context

router = APIRouter(prefix=urls.API_PREFIX, tags=["diary"])

_PROBLEM = {"model": Problem}
_COMMON: dict[int | str, dict[str, Any]] = {
    400: {**_PROBLEM, "description": "The body is not valid JSON."},
    413: {**_PROBLEM, "description": "The body is larger than 64 KB."},
    415: {**_PROBLEM, "description": "The body is not JSON (send Content-Type: application/json)."},
    422: {
        **_PROBLEM,
        "description": "A field is missing or wrong; `errors` names each field and what to do.",
    },
    429: {**_PROBLEM, "description": "Too many requests; wait the seconds given in Retry-After."},
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {**_PROBLEM, "description": "No diary opens with this token (the same answer for any such token)."}
}
Token = Path(
    description="The diary's private link token, as returned when the diary was made.", max_length=200
)


class DiaryIn(BaseModel):
    """A new diary: its language, and the self-check result its plan follows (both optional)."""

    model_config = ConfigDict(extra="forbid")

    lang: Literal["da", "en"] = Field("da", description="The diary's language (its link and calendar).")
    condition_id: StrictStr | None = Field(
        None, max_length=64, description="The leading possible cause of the self-check (a condition id)."
    )
    triage_level: TriageLevelOut | None = Field(None, description="The self-check's triage level.")
    age_group: Literal["child", "adult"] | None = Field(
        None, description="The person's age group (as the self-check found it); default: unknown."
    )
    diabetes: StrictBool = Field(False, description="The person has diabetes (adds foot advice to the plan).")
    numbness: StrictBool = Field(
        False, description="The person has numbness or reduced feeling (the plan leaves out ice and cold)."
    )
    traits: list[StrictStr] = Field(
        [],
        max_length=10,
        description="The plan traits the self-check showed, e.g. ['runner', 'overweight']: advice only some "
        "people need.",
    )
    start_date: StrictStr | None = Field(
        None,
        pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        json_schema_extra={"format": "date"},
        description="The day the plan started, ISO (2026-03-01); default: today.",
    )


class DiaryOut(BaseModel):
    """A diary's settings (never its token hash or internal id)."""

    created: dt.date
    start_date: dt.date
    lang: Literal["da", "en"]
    condition_id: str | None
    triage_level: TriageLevelOut | None
    last_activity: dt.date
    age_group: Literal["child", "adult"] | None
    diabetes: bool
    numbness: bool
    traits: list[str]


class DiaryCreated(BaseModel):
    """The new diary and its private link. The token is shown this once: store it."""

    token: str = Field(description="The private token; whoever has it can read and write the diary.")
    url: str = Field(description="The diary's page (the private link).")
    diary: DiaryOut


class EntryIn(BaseModel):
    """One day in the diary."""

    model_config = ConfigDict(extra="forbid")

    date: StrictStr = Field(
        description="The day, ISO (2026-03-05) or Danish (05.03.2026); from the diary's start until today.",
        examples=["2026-03-05"],
    )
    worst_pain: StrictInt = Field(description="Worst pain that day, 0 (none) to 10 (worst imaginable).")
    first_step_pain: StrictInt | None = Field(
        None, description="Pain at the first steps in the morning, 0 to 10, or null when not measured."
    )
    exercises: list[StrictStr] = Field(
        default_factory=list, max_length=50, description="Ids of the plan's exercises done that day."
    )
    activity: StrictStr = Field("", description="What else was done (at most 200 characters).")
    note: StrictStr = Field("", description="A note (at most 1000 characters).")


class EntryOut(BaseModel):
    """An entry as stored."""

    date: dt.date
    worst_pain: int
    first_step_pain: int | None
    exercises: list[str]
    activity: str
    note: str


class DiaryDocument(BaseModel):
    """The diary and its entries, oldest first (the same document as the JSON export)."""

    format: Literal["haelguiden-diary"]
    version: int
    diary: DiaryOut
    entries: list[EntryOut]


def _input_problem(exc: DiaryInputError) -> Response:
    errors = [{"field": name, "message": message.en} for name, message in exc.errors.items()]
    return problem(
        422, code="invalid-diary-input", detail="One or more fields are wrong; see errors.", errors=errors
    )


def _not_found() -> Response:
    return problem(404, code="diary-not-found", detail=t("en", "diary_link_broken"))


def _diary_out(diary: Diary) -> dict[str, Any]:
    data = diary_to_dict(diary, ())["diary"]
    assert isinstance(data, dict)
    return data


@router.post(
    "/diaries",
    status_code=201,
    response_model=DiaryCreated,
    summary="Start a diary",
    description=(
        "Makes a private recovery diary and returns its token and link, once. Give the self-check's "
        "leading condition and triage level, and the person's age group, diabetes, numbness and plan traits, "
        "to follow that plan."
    ),
    responses=_COMMON,
)
def create_diary(body: DiaryIn, request: Request) -> Response | dict[str, Any]:
    """Make a diary."""
    web: WebContext = context(request)
    services = web.services
    if body.condition_id is not None and body.condition_id not in web.kb.conditions:
        hint = did_you_mean(body.condition_id, sorted(web.kb.conditions))
        message = f"is not a condition id.{hint} Leave it out for no particular plan"
        field = {"field": "condition_id", "message": message}
        return problem(422, code="invalid-diary-input", detail="The condition is unknown.", errors=[field])
    unknown = sorted(set(body.traits) - set(services.plans.rules.traits))
    if unknown:
        known = ", ".join(sorted(services.plans.rules.traits))
        field = {"field": "traits", "message": f"{', '.join(unknown)} is not a plan trait; use {known}"}
        return problem(422, code="invalid-diary-input", detail="A plan trait is unknown.", errors=[field])
    try:
        start = dt.date.fromisoformat(body.start_date) if body.start_date else services.today()
    except ValueError:
        field = {"field": "start_date", "message": "is not a date; write it like 2026-03-01"}
        return problem(422, code="invalid-diary-input", detail="The start date is wrong.", errors=[field])
    try:
        created = services.repository.create_diary(
            start_date=start,
            lang=body.lang,
            condition_id=body.condition_id,
            triage_level=body.triage_level,
            age_group=body.age_group,
            diabetes=body.diabetes,
            numbness=body.numbness,
            traits=tuple(sorted(set(body.traits))),
        )
    except DiaryInputError as exc:
        return _input_problem(exc)
    return {
        "token": created.token,
        "url": web.site_url(request) + urls.diary(body.lang, created.token),
        "diary": _diary_out(created.diary),
    }


@router.get(
    "/diaries/{token}/entries",
    response_model=DiaryDocument,
    summary="A diary and its entries",
    responses={**_NOT_FOUND, 422: _COMMON[422], 429: _COMMON[429]},
)
def list_entries(request: Request, token: str = Token) -> Response | dict[str, Any]:
    """The diary and every entry, oldest first."""
    repository = context(request).services.repository
    try:
        diary = repository.get_diary(token)
        return diary_to_dict(diary, repository.list_entries(diary.id))
    except DiaryNotFound:
        return _not_found()


@router.post(
    "/diaries/{token}/entries",
    status_code=201,
    response_model=EntryOut,
    summary="Add an entry",
    description="Adds one day to the diary. Every field is checked; nothing is stored unless all are right.",
    responses={**_COMMON, **_NOT_FOUND},
)
def add_entry(body: EntryIn, request: Request, token: str = Token) -> Response | dict[str, Any]:
    """Add an entry."""
    services = context(request).services
    try:
        diary = services.repository.get_diary(token)
    except DiaryNotFound:
        return _not_found()
    plan = diary_views.diary_plan(services, diary)
    try:
        entry = validate_entry(
            body.model_dump(),
            diary=diary,
            today=services.today(),
            known_exercises=diary_views.known_exercises(plan),
        )
    except DiaryInputError as exc:
        return _input_problem(exc)
    services.repository.add_entry(entry)
    stored = diary_to_dict(diary, (entry,))["entries"]
    assert isinstance(stored, list)
    result: dict[str, Any] = stored[0]
    return result

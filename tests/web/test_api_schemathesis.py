"""Property-based API tests generated from the served OpenAPI document: every path, no server error ever.

Schemathesis reads ``/api/v1/openapi.json`` from the app itself and, for every operation in it (the
self-check, health and readiness, the diary and FHIR), sends valid and invalid requests; every response
must be documented (status, media type, schema) and none may be a 5xx. The app stores diaries in a SQLite
file of this module's own. The operations are driven with Hypothesis directly (schemathesis' pytest plugin
does not support this pytest version). The diary operations run here too (no copy in the diary tests).
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import BaseSchema, Case, GenerationMode
from schemathesis.openapi import from_asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance

from haelguiden.services import build_services
from haelguiden.web import create_app

from .conftest import make_settings

#: Every operation of the API. A new one must be added here (and is then tested below).
OPERATIONS = [
    "POST /api/v1/assessments",
    "GET /api/v1/health",
    "GET /api/v1/ready",
    "POST /api/v1/diaries",
    "GET /api/v1/diaries/{token}/entries",
    "POST /api/v1/diaries/{token}/entries",
    "POST /api/v1/fhir/Questionnaire/$next-question",
]
#: Operations without any input: nothing negative can be generated.
NO_INPUT = {"GET /api/v1/health", "GET /api/v1/ready"}


@pytest.fixture(scope="module")
def api_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app with its diaries in a SQLite file of this module's own."""
    database = tmp_path_factory.mktemp("schemathesis") / "haelguiden.db"
    configured = make_settings(database_url=f"sqlite:///{database}")
    return create_app(configured, services=build_services(configured))


@pytest.fixture(scope="module")
def api_schema(api_app: FastAPI) -> BaseSchema:
    """The app's own OpenAPI document, called in-process."""
    return from_asgi("/api/v1/openapi.json", api_app)


def test_the_document_lists_exactly_the_operations_tested_here(api_schema: BaseSchema) -> None:
    assert sorted(op.ok().label for op in api_schema.get_all_operations()) == sorted(OPERATIONS)


def test_the_fhir_errors_are_documented_as_operation_outcomes(api_schema: BaseSchema) -> None:
    document = api_schema.raw_schema
    responses = document["paths"]["/api/v1/fhir/Questionnaire/$next-question"]["post"]["responses"]
    for status in ("400", "415", "422"):
        assert list(responses[status]["content"]) == ["application/fhir+json"]
    for status in ("413", "429"):
        assert list(responses[status]["content"]) == ["application/problem+json"]
    diary = document["paths"]["/api/v1/diaries/{token}/entries"]["post"]["responses"]
    assert {"400", "404", "413", "415", "422", "429"} <= set(diary)


CASES = [
    pytest.param(label, mode, id=f"{label} {mode.value}")
    for label in OPERATIONS
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    if not (label in NO_INPUT and mode == GenerationMode.NEGATIVE)
]


@pytest.mark.parametrize(("label", "mode"), CASES)
def test_every_operation_conforms_to_its_openapi_document(
    api_schema: BaseSchema, label: str, mode: GenerationMode
) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None

    # Schema-valid input can still be refused (a question id that does not exist, an age of 400, a token
    # that opens no diary), so "valid data must be accepted" does not apply; everything else does,
    # including "no 5xx" and "every status code documented".
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: Case) -> None:
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    check()

"""Property-based API tests generated from the served OpenAPI document: no server error, ever.

Schemathesis reads ``/api/v1/openapi.json`` from the app itself and sends valid and invalid requests; every
response must be documented (status, media type, schema) and none may be a 5xx. The operations are driven
with Hypothesis directly (schemathesis' own pytest plugin does not support this pytest version).
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from schemathesis import BaseSchema, Case, GenerationMode
from schemathesis.openapi import from_asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance


@pytest.fixture(scope="module")
def api_schema(app: FastAPI) -> BaseSchema:
    """The app's own OpenAPI document, called in-process."""
    return from_asgi("/api/v1/openapi.json", app)


def test_the_document_lists_the_operations(api_schema: BaseSchema) -> None:
    labels = {op.ok().label for op in api_schema.get_all_operations()}
    assert {"GET /api/v1/health", "POST /api/v1/assessments"} <= labels


@pytest.mark.parametrize(
    ("label", "mode"),
    [
        ("POST /api/v1/assessments", GenerationMode.POSITIVE),
        ("POST /api/v1/assessments", GenerationMode.NEGATIVE),
        ("GET /api/v1/health", GenerationMode.POSITIVE),  # no input: nothing negative to generate
    ],
)
def test_the_api_conforms_to_its_openapi_document(
    api_schema: BaseSchema, label: str, mode: GenerationMode
) -> None:
    operation = api_schema.find_operation_by_label(label)
    assert operation is not None

    # Schema-valid answers can still be refused (a question id that does not exist, an age of 400), so
    # "valid data must be accepted" does not apply; everything else does, including "no 5xx".
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case: Case) -> None:
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    check()

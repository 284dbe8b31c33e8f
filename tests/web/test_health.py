"""Health (the process is alive) and readiness (storage answers), and what a broken storage looks like."""

from __future__ import annotations

from pathlib import Path

from haelguiden.services import Services, build_services
from haelguiden.web import create_app

from .conftest import BASE_URL, CheckedClient, make_settings
from .pagecheck import text_of


def broken_storage_client(tmp_path: Path) -> CheckedClient:
    """An app whose database file is not a database."""
    database = tmp_path / "haelguiden.db"
    database.write_bytes(b"this is not a database" * 100)
    settings = make_settings(database_url=f"sqlite:///{database}", rate_limit="3/minute")
    return CheckedClient(create_app(settings, services=build_services(settings)), base_url=BASE_URL)


def test_health_and_ready_answer_and_are_never_rate_limited(services: Services, tmp_path: Path) -> None:
    settings = make_settings(database_url=f"sqlite:///{tmp_path}/data/haelguiden.db", rate_limit="1/minute")
    with CheckedClient(create_app(settings, services=build_services(settings)), base_url=BASE_URL) as api:
        for _ in range(3):
            health = api.get("/api/v1/health")
            assert (health.status_code, health.json()) == (200, {"status": "ok"})
            ready = api.get("/api/v1/ready")
            assert (ready.status_code, ready.json()) == (
                200,
                {"status": "ready", "storage": "ok", "redis": "not configured"},
            )


def test_ready_is_503_when_storage_is_gone_while_health_stays_200(tmp_path: Path) -> None:
    with broken_storage_client(tmp_path) as api:
        assert api.get("/api/v1/health").status_code == 200
        ready = api.get("/api/v1/ready")
        assert ready.status_code == 503
        assert ready.headers["content-type"] == "application/problem+json"
        assert ready.json() == {
            "type": "/api/v1/problems/not-ready",
            "title": "Service Unavailable",
            "status": 503,
            "detail": "This instance cannot serve every request.",
            "errors": [{"field": "storage", "message": "the diary database does not answer"}],
        }


def test_a_diary_request_on_broken_storage_is_503_with_retry_after_not_500(tmp_path: Path) -> None:
    with broken_storage_client(tmp_path) as api:
        response = api.post("/api/v1/diaries", json={})
        assert response.status_code == 503
        assert response.headers["retry-after"] == "30"
        assert response.json()["detail"] == (
            "The diary storage cannot be reached right now. Try again in a minute."
        )
        page = api.get("/dagbog/" + "a" * 43)
        assert page.status_code == 503
        assert text_of(api.soup.select_one("h1")) == "Der skete en fejl hos os"


def test_health_and_ready_are_in_the_openapi_document(client: CheckedClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/health"]["get"]["responses"]) == {"200"}
    assert set(paths["/api/v1/ready"]["get"]["responses"]) == {"200", "503"}

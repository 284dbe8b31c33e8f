"""Security: headers, CSRF, the signed answers cookie, the size limit, rate limiting and logging."""

from __future__ import annotations

import base64
import logging
import os
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI

from haelguiden.engine.model import KnowledgeBase
from haelguiden.services import Services
from haelguiden.web import create_app, state_cookie
from haelguiden.web.security import CONTENT_SECURITY_POLICY, CSRF_COOKIE
from haelguiden.web.state_cookie import COOKIE_NAME

from .conftest import BASE_URL, RUNNER, CheckedClient, complete_answers, make_settings
from .pagecheck import csrf_token, text_of

EXPECTED_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "strict-transport-security": "max-age=31536000",
}


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),
        ("GET", "/tjek", 303),
        ("GET", "/artikler/haelspore", 200),
        ("GET", "/static/haelguiden.css", 200),
        ("GET", "/api/v1/health", 200),
        ("POST", "/api/v1/assessments", 422),
        ("GET", "/nowhere", 404),
        ("POST", "/tjek/start", 403),
    ],
)
def test_every_response_carries_the_security_headers(
    client: CheckedClient, method: str, path: str, status: int
) -> None:
    response = client.request(
        method, path, follow_redirects=False, json={"answers": 1} if "api" in path else None
    )
    assert response.status_code == status
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers[name] == value
    assert "camera=()" in response.headers["permissions-policy"]


def test_pages_with_answers_are_never_cached_and_static_files_are(client: CheckedClient) -> None:
    assert client.get("/tjek/age").headers["cache-control"] == "no-store"
    assert client.get("/static/haelguiden.css").headers["cache-control"] == "public, max-age=86400"


def test_the_csp_allows_no_script_and_the_pages_need_none(client: CheckedClient) -> None:
    assert "script-src 'none'" in CONTENT_SECURITY_POLICY
    client.get("/")
    assert [s.get("type") for s in client.soup.find_all("script")] == []


# --- CSRF ------------------------------------------------------------------------------------------------
def test_a_form_without_a_csrf_token_is_refused(client: CheckedClient) -> None:
    client.get("/")
    response = client.post("/tjek/start", data={})
    assert response.status_code == 403
    assert text_of(client.soup.select_one("h1")) == "Formularen kunne ikke sendes"


def test_a_token_without_its_cookie_is_refused(client: CheckedClient, app: FastAPI) -> None:
    client.get("/")
    token = csrf_token(client.soup)
    with CheckedClient(app, base_url=BASE_URL) as stranger:  # another browser: no CSRF cookie
        assert stranger.post("/tjek/start", data={"csrf_token": token}).status_code == 403


def test_a_token_for_another_cookie_is_refused(client: CheckedClient, app: FastAPI) -> None:
    client.get("/")
    with CheckedClient(app, base_url=BASE_URL) as other:
        other.get("/")
        foreign = csrf_token(other.soup)
    assert client.post("/tjek/start", data={"csrf_token": foreign}).status_code == 403


def test_a_forged_token_is_refused(client: CheckedClient) -> None:
    client.get("/")
    forged = client.cookies[CSRF_COOKIE] + ".AAAAAAAAAAAAAAAAAAAAAAAAAAA"
    assert client.post("/tjek/start", data={"csrf_token": forged}).status_code == 403


def test_question_and_postcode_forms_check_csrf_too(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    client.get("/")
    assert client.post("/tjek/age", data={"answer": "40"}).status_code == 403
    assert client.post("/tjek/resultat", data={"postcode": "2100"}).status_code == 403


def test_the_csrf_cookie_is_http_only_and_same_site(client: CheckedClient) -> None:
    cookie = client.get("/").headers["set-cookie"]
    assert cookie.startswith(f"{CSRF_COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" in cookie


# --- the answers cookie ------------------------------------------------------------------------------
def test_the_answers_cookie_is_signed_http_only_and_same_site(client: CheckedClient) -> None:
    client.get("/")
    client.post("/tjek/start", data={"csrf_token": csrf_token(client.soup)})
    response = client.post(
        "/tjek/age", data={"csrf_token": csrf_token(client.soup), "answer": "38"}, follow_redirects=False
    )
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE_NAME}=")
    for flag in ("HttpOnly", "SameSite=lax", "Secure", "Path=/"):
        assert flag in cookie
    assert "38" not in response.headers["location"]
    assert "Max-Age" not in cookie  # a session cookie: gone when the browser closes


def restart_shown(client: CheckedClient) -> bool:
    return text_of(client.soup.select_one("h1")) == "Vi kunne ikke læse dine svar"


@pytest.mark.parametrize("path", ["/tjek", "/tjek/age", "/tjek/dine-svar", "/tjek/resultat"])
def test_a_tampered_cookie_means_starting_again_with_a_friendly_message(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, path: str
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    token = client.cookies[COOKIE_NAME]
    client.cookies.set(COOKIE_NAME, token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB"))

    response = client.get(path)

    assert response.status_code == 200
    assert restart_shown(client)
    assert text_of(client.soup.select_one("main button")) == "Start forfra"
    assert f'{COOKIE_NAME}=""' in response.headers["set-cookie"]


def test_the_answers_cookie_is_encrypted_so_no_answer_can_be_read_from_it(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    token = client.cookies[COOKIE_NAME]
    decoded = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    assert decoded[0] == 0x80  # a Fernet token: version byte, timestamp, IV, AES ciphertext, HMAC
    for readable in (b"pain_site", b"heel_underside", b"running", b'"a"'):
        assert readable not in decoded
    assert client.get("/tjek/resultat").status_code == 200  # and the app reads it back


def test_a_token_signed_with_another_key_is_refused(client: CheckedClient) -> None:
    foreign = state_cookie.seal("another-deployment-key-0123456789-abcdefgh", {"a": []})
    client.cookies.set(COOKIE_NAME, foreign)
    client.get("/tjek/age")
    assert restart_shown(client)


def test_a_signed_token_with_answers_that_do_not_fit_is_refused(client: CheckedClient) -> None:
    client.cookies.set(
        COOKIE_NAME, state_cookie.seal(make_settings().secret_key, {"a": [["age", "very old"]]})
    )
    client.get("/tjek/age")
    assert restart_shown(client)


def test_an_expired_token_is_refused(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    monkeypatch.setattr(state_cookie, "MAX_AGE_SECONDS", -1)
    client.get("/tjek/resultat")
    assert restart_shown(client)


def test_a_tampered_cookie_on_a_post_also_restarts(client: CheckedClient) -> None:
    client.get("/")
    client.cookies.set(COOKIE_NAME, "garbage")
    client.post("/tjek/age", data={"csrf_token": csrf_token(client.soup), "answer": "38"})
    assert restart_shown(client)


def test_two_app_instances_with_the_same_key_serve_one_person(services: Services, kb: KnowledgeBase) -> None:
    first = create_app(make_settings(), services=services)
    second = create_app(make_settings(), services=services)
    with CheckedClient(first, base_url=BASE_URL) as browser:
        browser.get("/")
        browser.post("/tjek/start", data={"csrf_token": csrf_token(browser.soup)})
        browser.post("/tjek/age", data={"csrf_token": csrf_token(browser.soup), "answer": "38"})
        cookies = dict(browser.cookies)
    with CheckedClient(second, base_url=BASE_URL, cookies=cookies) as same_browser:
        same_browser.get("/tjek/age")
        assert same_browser.soup.select_one("#answer")["value"] == "38"  # type: ignore[index]
        same_browser.post(
            "/tjek/pain_site", data={"csrf_token": csrf_token(same_browser.soup), "answer": "calf"}
        )
        assert same_browser.soup.select_one("form")["data-question-id"] == "duration"  # type: ignore[index]


# --- size limit ------------------------------------------------------------------------------------------
def test_a_form_over_64_kb_is_refused_with_413(client: CheckedClient) -> None:
    client.get("/")
    response = client.post("/tjek/start", data={"csrf_token": csrf_token(client.soup), "x": "a" * 70_000})
    assert response.status_code == 413
    assert text_of(client.soup.select_one("h1")) == "Formularen er for stor"


def test_an_api_body_over_64_kb_is_refused_with_problem_json(client: CheckedClient) -> None:
    response = client.post(
        "/api/v1/assessments",
        content=b"{" + b" " * 70_000 + b"}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 413


def test_a_streamed_body_without_length_is_cut_off_at_the_limit(client: CheckedClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(20):
            yield b" " * 8192

    response = client.post(
        "/api/v1/assessments", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


# --- rate limiting ---------------------------------------------------------------------------------------
def limited_app(services: Services, **settings: Any) -> FastAPI:
    return create_app(
        make_settings(rate_limit="3/minute", **settings),
        services=services,
        rate_limit_namespace=f"test-{uuid.uuid4()}",
    )


def test_posts_over_the_limit_get_429_with_retry_after(services: Services) -> None:
    with CheckedClient(limited_app(services), base_url=BASE_URL) as browser:
        browser.get("/")
        token = csrf_token(browser.soup)
        statuses = [
            browser.post("/tjek/start", data={"csrf_token": token}, follow_redirects=False).status_code
            for _ in range(4)
        ]
        assert statuses == [303, 303, 303, 429]
        response = browser.post("/tjek/start", data={"csrf_token": token})
        assert response.status_code == 429
        assert 1 <= int(response.headers["retry-after"]) <= 60
        assert text_of(browser.soup.select_one("h1")) == "For mange forespørgsler"
        assert browser.get("/").status_code == 200  # reading pages is not limited


def test_the_api_over_the_limit_gets_a_problem(services: Services) -> None:
    with CheckedClient(limited_app(services), base_url=BASE_URL) as api:
        statuses = [api.post("/api/v1/assessments", json={"answers": []}).status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        response = api.post("/api/v1/assessments", json={})
        assert response.status_code == 429
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 429
        assert int(response.headers["retry-after"]) >= 1


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("HAELGUIDEN_TEST_REDIS_URL")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("HAELGUIDEN_TEST_REDIS_URL is not set; CI must test the limiter against Redis")
        pytest.skip("HAELGUIDEN_TEST_REDIS_URL is not set")
    return url


def test_the_limit_is_shared_by_instances_through_redis(services: Services, redis_url: str) -> None:
    namespace = f"test-{uuid.uuid4()}"
    settings = make_settings(rate_limit="3/minute", redis_url=redis_url)
    first = create_app(settings, services=services, rate_limit_namespace=namespace)
    second = create_app(settings, services=services, rate_limit_namespace=namespace)
    with CheckedClient(first, base_url=BASE_URL) as a, CheckedClient(second, base_url=BASE_URL) as b:
        body = {"answers": []}
        statuses = [
            a.post("/api/v1/assessments", json=body).status_code,
            b.post("/api/v1/assessments", json=body).status_code,
            a.post("/api/v1/assessments", json=body).status_code,
            b.post("/api/v1/assessments", json=body).status_code,
        ]
        assert statuses == [200, 200, 200, 429]
        assert int(b.post("/api/v1/assessments", json=body).headers["retry-after"]) >= 1
        assert a.get("/api/v1/health").status_code == 200  # health checks are never limited


# --- logs ------------------------------------------------------------------------------------------------
def test_no_answer_reaches_the_logs(client: CheckedClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client.get("/")
    client.post("/tjek/start", data={"csrf_token": csrf_token(client.soup)})
    client.post("/tjek/age", data={"csrf_token": csrf_token(client.soup), "answer": "87"})
    client.post("/tjek/pain_site", data={"csrf_token": csrf_token(client.soup), "answer": "heel_outer_side"})
    token = client.cookies[COOKIE_NAME]
    for record in caplog.records:
        text = record.getMessage()
        assert "heel_outer_side" not in text
        assert "87" not in text
        assert token not in text


def test_an_unexpected_error_is_a_page_with_headers_and_logged_without_the_query(
    services: Services, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(make_settings(), services=services)

    async def boom() -> None:
        raise RuntimeError("bug")

    app.add_api_route("/boom", boom)
    with CheckedClient(app, base_url=BASE_URL) as browser:
        response = browser.get("/boom?postcode=2100")
    assert response.status_code == 500
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert text_of(browser.soup.select_one("h1")) == "Der skete en fejl hos os"
    assert [r.getMessage() for r in caplog.records if r.name == "haelguiden.web"] == [
        "unhandled error: GET /boom"
    ]


def test_the_access_log_names_route_templates_never_paths_queries_tokens_or_addresses(
    client: CheckedClient, kb: KnowledgeBase, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="haelguiden.access")
    client.get("/soeg?q=smerter")
    client.get("/tjek/quinolone_when", follow_redirects=False)
    client.get("/dagbog/" + "x" * 43)
    client.get("/static/haelguiden.css")
    client.get("/nowhere/secret-path")
    client.get("/api/v1/health")
    client.get("/api/v1/ready")
    assert [r.getMessage() for r in caplog.records if r.name == "haelguiden.access"] == [
        "GET /soeg 200",
        "GET /tjek/{question_id} 303",
        "GET /dagbog/{token} 404",
        "GET /static/{path} 200",
        "GET (no route) 404",
    ]


def test_production_sends_hsts_and_secure_cookies_even_without_a_base_url(services: Services) -> None:
    settings = make_settings(environment="production", base_url=None, forwarded_allow_ips="127.0.0.1")
    with CheckedClient(create_app(settings, services=services), base_url="http://127.0.0.1") as browser:
        response = browser.get("/")
        assert response.headers["strict-transport-security"] == "max-age=31536000"
        cookie = response.headers["set-cookie"]
        assert cookie.startswith(f"{CSRF_COOKIE}=")
        assert "; secure" in cookie.lower()
        assert "httponly" in cookie.lower()


def test_development_over_plain_http_sends_neither(services: Services) -> None:
    settings = make_settings(environment="development", base_url=None)
    with CheckedClient(create_app(settings, services=services), base_url="http://127.0.0.1") as browser:
        response = browser.get("/")
        assert "strict-transport-security" not in response.headers
        assert "secure" not in response.headers["set-cookie"].lower()

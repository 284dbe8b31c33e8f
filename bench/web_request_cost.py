"""Benchmark: what one request costs inside the app, without a network or a load generator.

Calls the ASGI app directly (one request at a time, 500 each after a warm-up; CPU time of this process, so
other work on the machine does not count) for ``GET /api/v1/health``
and ``POST /api/v1/assessments`` in the middle of an interview, and times ``Services.assess`` alone on the
same answers, so the engine's share of an assessment request can be told from the web layer's.

    .venv/bin/python bench/web_request_cost.py [--requests 500]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from typing import Any

from haelguiden.config import Settings
from haelguiden.services import build_services
from haelguiden.web.api_schemas import AssessmentRequest
from haelguiden.web.app import create_app
from haelguiden.web.routes.api import read_answers

BODY = (
    b'{"lang":"da","answers":[{"question":"age","value":38},{"question":"pain_site","value":["heel_underside"]},'
    b'{"question":"injury","value":"none"},{"question":"warning_signs","value":"none"},'
    b'{"question":"function_signs","value":"none"}]}'
)


async def call(app: Any, method: str, path: str, body: bytes = b"") -> int:
    """One request straight into the ASGI app; returns the status."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"bench"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    sent = False
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    await app(scope, receive, send)
    return statuses[0]


async def per_request_ms(app: Any, count: int, method: str, path: str, body: bytes = b"") -> float:
    """Mean milliseconds per request over ``count`` requests (after 50 to warm up)."""
    for _ in range(50):
        await call(app, method, path, body)
    start = time.process_time()
    for _ in range(count):
        assert await call(app, method, path, body) == 200
    return (time.process_time() - start) / count * 1000


def main() -> None:
    """Print the three figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    args = parser.parse_args()
    settings = Settings(secret_key="b" * 40, environment="test", rate_limit="100000000/minute")
    services = build_services(settings)
    app = create_app(settings, services=services)
    health = asyncio.run(per_request_ms(app, args.requests, "GET", "/api/v1/health"))
    assessment = asyncio.run(per_request_ms(app, args.requests, "POST", "/api/v1/assessments", BODY))
    answers, _ = read_answers(services.kb, AssessmentRequest.model_validate(json.loads(BODY)).answers)
    start = time.process_time()
    for _ in range(args.requests):
        services.assess(answers)
    engine = (time.process_time() - start) / args.requests * 1000
    print(f"GET /api/v1/health         {health:.2f} ms CPU per request")
    print(f"POST /api/v1/assessments   {assessment:.2f} ms CPU per request")
    print(f"  of which assess()        {engine:.2f} ms")
    print(f"  the web layer around it  {assessment - engine:.2f} ms")


if __name__ == "__main__":
    main()

"""Benchmark: what one request costs inside the app, without a network or a load generator.

Calls the ASGI app directly (one request at a time, 500 each after a warm-up; CPU time of this process, so
other work on the machine does not count) for ``GET /api/v1/health``
and ``POST /api/v1/assessments`` in the middle of an interview, and times ``Services.assess`` alone on the
same answers, so the engine's share of an assessment request can be told from the web layer's. The access
log is written as ``haelguiden serve`` writes it (to /dev/null here). The assessment is also measured as an
HTTP client asks for it (``Accept-Encoding: gzip, deflate, br, zstd``: the answer goes out compressed).
"The web layer alone" is the assessment request with ``assess()`` replaced by its result (in this script
only). It comes out smaller than "around it" (the request less ``assess()`` timed on its own): the parts do
not add up exactly, as each runs slower beside the other. Each figure is the lowest of ``--rounds`` rounds
(the least disturbed by other work on the machine).

    .venv/bin/python bench/web_request_cost.py [--requests 500] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import logging.config
import os
import time
from typing import Any

from haelguiden.config import Settings
from haelguiden.services import Services, build_services
from haelguiden.web.api_schemas import AssessmentRequest
from haelguiden.web.app import create_app
from haelguiden.web.logs import log_config
from haelguiden.web.routes.api import read_answers

ACCEPT_ENCODING = ((b"accept-encoding", b"gzip, deflate, br, zstd"),)
BODY = (
    b'{"lang":"da","answers":[{"question":"age","value":38},{"question":"pain_site","value":["heel_underside"]},'
    b'{"question":"injury","value":"none"},{"question":"warning_signs","value":"none"},'
    b'{"question":"function_signs","value":"none"}]}'
)


async def call(
    app: Any, method: str, path: str, body: bytes = b"", headers: tuple[tuple[bytes, bytes], ...] = ()
) -> int:
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
        "headers": [(b"host", b"bench"), (b"content-type", b"application/json"), *headers],
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


async def per_request_ms(
    app: Any,
    count: int,
    method: str,
    path: str,
    body: bytes = b"",
    headers: tuple[tuple[bytes, bytes], ...] = (),
) -> float:
    """Mean milliseconds per request over ``count`` requests (after 50 to warm up)."""
    for _ in range(50):
        await call(app, method, path, body, headers)
    start = time.process_time()
    for _ in range(count):
        assert await call(app, method, path, body, headers) == 200
    return (time.process_time() - start) / count * 1000


def engine_ms(services: Services, count: int) -> float:
    """Mean milliseconds of ``Services.assess`` on the benchmark's answers."""
    answers, _ = read_answers(services.kb, AssessmentRequest.model_validate(json.loads(BODY)).answers)
    start = time.process_time()
    for _ in range(count):
        services.assess(answers)
    return (time.process_time() - start) / count * 1000


def access_log_to_devnull() -> None:
    """Configure logging as ``haelguiden serve`` does, with the log going to /dev/null."""
    logging.config.dictConfig(log_config())
    for name in ("haelguiden.access", "uvicorn", "uvicorn.error"):
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, logging.StreamHandler):
                handler.setStream(open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(secret_key="b" * 40, environment="test", rate_limit="100000000/minute")
    services = build_services(settings)
    app = create_app(settings, services=services)
    access_log_to_devnull()
    n, api = args.requests, "/api/v1/assessments"
    rounds = range(args.rounds)
    health = min(asyncio.run(per_request_ms(app, n, "GET", "/api/v1/health")) for _ in rounds)
    assessment = min(asyncio.run(per_request_ms(app, n, "POST", api, BODY)) for _ in rounds)
    compressed = min(asyncio.run(per_request_ms(app, n, "POST", api, BODY, ACCEPT_ENCODING)) for _ in rounds)
    engine = min(engine_ms(services, n) for _ in rounds)
    # The web layer alone: assess() replaced by its result for these answers (only here, to measure).
    answers, _ = read_answers(services.kb, AssessmentRequest.model_validate(json.loads(BODY)).answers)
    result = services.assess(answers)
    services.assess = lambda _answers: result  # type: ignore[method-assign]
    web_alone = min(asyncio.run(per_request_ms(app, n, "POST", api, BODY)) for _ in rounds)
    print(f"GET /api/v1/health         {health:.3f} ms CPU per request")
    print(f"POST /api/v1/assessments   {assessment:.3f} ms CPU per request")
    print(f"  of which assess()        {engine:.3f} ms")
    print(f"  the web layer around it  {assessment - engine:.3f} ms")
    print(f"  the web layer alone      {web_alone:.3f} ms CPU per request (assess() answered in advance)")
    print(f"  compressed for a client  {compressed:.3f} ms CPU per request (Accept-Encoding: gzip, br, zstd)")


if __name__ == "__main__":
    main()

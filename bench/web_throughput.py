"""Benchmark: throughput of the assessment API compared with a trivial JSON endpoint of the same app.

Starts the app with uvicorn (one process) on 127.0.0.1, then runs a bounded load generator in Python
(httpx.AsyncClient, 50 concurrent clients, a fixed number of seconds per endpoint) against

* ``POST /api/v1/assessments`` in the middle of an interview (five answers given, the next question due),
* ``GET /api/v1/health`` (a trivial JSON answer through the same middlewares),

and prints requests per second for both, their ratio (target ≥ 0.6), p50/p99 latency and the error count
(target 0). The load generator shares the machine with the server, so absolute figures are modest; the
ratio is the point.

    .venv/bin/python bench/web_throughput.py [--seconds 10] [--clients 50]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import httpx

MID_INTERVIEW = {
    "lang": "da",
    "answers": [
        {"question": "age", "value": 38},
        {"question": "pain_site", "value": ["heel_underside"]},
        {"question": "injury", "value": "none"},
        {"question": "warning_signs", "value": "none"},
        {"question": "function_signs", "value": "none"},
    ],
}


@dataclass
class Run:
    """What one endpoint did under load."""

    name: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: int = 0

    @property
    def rate(self) -> float:
        """Successful requests per second."""
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        """Latency percentile in milliseconds."""
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100)[p - 1] * 1000


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int) -> subprocess.Popen[bytes]:
    """uvicorn with the app factory, no access log, a rate limit the benchmark never reaches."""
    env = {
        **os.environ,
        "HAELGUIDEN_SECRET_KEY": "bench-secret-key-0123456789-abcdefgh",
        "HAELGUIDEN_RATE_LIMIT": "1000000000/minute",
    }
    env.pop("REDIS_URL", None)
    command = [
        sys.executable, "-m", "uvicorn", "haelguiden.web.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    return subprocess.Popen(command, env=env)


def wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    """Poll the health endpoint until the server answers (or fail after 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited before it was ready")
        try:
            if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise SystemExit("the server did not start within 30 s")


async def load(base: str, name: str, request: dict[str, Any], seconds: float, clients: int) -> Run:
    """Send ``request`` from ``clients`` concurrent clients for ``seconds``; every non-200 is an error."""
    run = Run(name)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        for _ in range(clients):  # warm up connections and the app
            await client.request(**request)
        stop = time.perf_counter() + seconds

        async def worker() -> None:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                try:
                    response = await client.request(**request)
                except httpx.HTTPError:
                    run.errors += 1
                    continue
                if response.status_code == 200:
                    run.latencies.append(time.perf_counter() - started)
                else:
                    run.errors += 1

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        run.seconds = time.perf_counter() - began
    return run


def main() -> None:
    """Run both loads and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds of load per endpoint")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients")
    args = parser.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    process = start_server(port)
    try:
        wait_until_up(base, process)
        post = {"method": "POST", "url": "/api/v1/assessments", "json": MID_INTERVIEW}
        get = {"method": "GET", "url": "/api/v1/health"}
        name = "POST /api/v1/assessments (mid-interview)"
        assessment = asyncio.run(load(base, name, post, args.seconds, args.clients))
        health = asyncio.run(load(base, "GET /api/v1/health", get, args.seconds, args.clients))
    finally:
        process.terminate()
        process.wait(timeout=10)

    print(
        f"machine: {platform.machine()} python {platform.python_version()}, {os.cpu_count()} CPUs; "
        "one uvicorn "
        f"process; {args.clients} concurrent clients, {args.seconds:g} s per endpoint"
    )
    print(f"{'endpoint':<44} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for run in (assessment, health):
        p50, p99 = run.percentile(50), run.percentile(99)
        print(f"{run.name:<44} {run.rate:>8.0f} {p50:>8.1f} {p99:>8.1f} {run.errors:>7}")
    ratio = assessment.rate / health.rate if health.rate else 0.0
    errors = assessment.errors + health.errors
    print(f"ratio assessment/health: {ratio:.2f} (target >= 0.6); errors: {errors} (target 0)")


if __name__ == "__main__":
    main()

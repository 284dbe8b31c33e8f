"""Benchmark: the web app under load from wrk (Debian's ``wrk``), one worker against two, in one run.

Starts ``haelguiden serve`` (SQLite in a temporary folder, test environment, a rate limit nobody reaches)
on a free port of 127.0.0.1, first with ``--workers 1``, then ``--workers 2``, and points wrk at

* ``GET /api/v1/health``: a trivial JSON answer through every middleware (the baseline),
* ``POST /api/v1/assessments``: the engine in the middle of an interview (five answers, next question due),
* ``POST /tjek/age``: a question form posted with its answers cookie and CSRF token (answered by a 303),
* ``GET /``: the start page.

It prints requests per second, the server's CPU time per request (all its processes; steadier than the
rate when other work shares the machine), p50/p99/max latency and errors (non-2xx/3xx answers and socket
errors) for each, the ratio assessment ÷ health (target ≥ 0.5) and two workers ÷ one worker (target ≥ 1.4
on a 2-core machine with wrk beside it). With ``--redis-frozen`` it also runs a private redis-server,
freezes it with SIGSTOP and measures the rate-limited assessment endpoint while Redis hangs (target: every
request within 0.5 s, i.e. max latency < 500 ms, and no errors).

    .venv/bin/python bench/web_load.py [--seconds 10] [--connections 50] [--redis-frozen | --redis-only]
    .venv/bin/python bench/web_load.py --one-worker     # only --workers 1 (half the time)

wrk runs with one thread on the same machine as the server, so it takes part of the two cores.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

MID_INTERVIEW = (
    '{"lang":"da","answers":[{"question":"age","value":38},{"question":"pain_site","value":["heel_underside"]},'
    '{"question":"injury","value":"none"},{"question":"warning_signs","value":"none"},'
    '{"question":"function_signs","value":"none"}]}'
)
SECRET = "benchmark-secret-key-0123456789-abcdefghijkl"


@dataclass
class Result:
    """What wrk measured for one endpoint, and the server's CPU time per request meanwhile."""

    name: str
    rate: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int
    requests: int
    cpu_ms: float


_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and every process below it (uvicorn's workers)."""
    total = 0.0
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / _TICKS
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text(encoding="ascii").split():
                total += cpu_seconds(int(child))
    except (FileNotFoundError, ProcessLookupError):
        pass  # a process that ended between the listing and the reading
    return total


def free_port() -> int:
    """A TCP port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(
    workers: int, folder: Path, extra: dict[str, str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """``haelguiden serve --workers N`` on a free port; waits until it answers."""
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("HAELGUIDEN_", "DATABASE_URL", "REDIS_URL"))
    }
    env |= {
        "HAELGUIDEN_ENV": "test",
        "HAELGUIDEN_SECRET_KEY": SECRET,
        "HAELGUIDEN_RATE_LIMIT": "100000000/minute",
        "DATABASE_URL": f"sqlite:///{folder}/bench.db",
        **(extra or {}),
    }
    command = [sys.executable, "-m", "haelguiden", "serve", "--port", str(port), "--workers", str(workers)]
    log = (folder / f"serve-{workers}.log").open("ab")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/v1/ready", timeout=2).status_code == 200:
                time.sleep(1.0)  # let every worker finish starting
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit(f"the server did not start; see {folder}/serve-{workers}.log")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM and wait."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def lua(method: str, body: str = "", headers: dict[str, str] | None = None) -> str:
    """A wrk script sending every request with this method, body and headers."""
    lines = [f'wrk.method = "{method}"']
    if body:
        lines.append(f"wrk.body = [[{body}]]")
    lines += [f'wrk.headers["{k}"] = [[{v}]]' for k, v in (headers or {}).items()]
    return "\n".join(lines) + "\n"


def question_post(base: str) -> tuple[str, dict[str, str]]:
    """The body and headers of posting age = 38 on a started self-check (cookie and CSRF token)."""
    with httpx.Client(base_url=base, timeout=10) as client:
        client.get("/")
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/").text)
        assert token is not None
        client.post("/tjek/start", data={"csrf_token": token.group(1)})
        page = client.get("/tjek/age")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert token is not None
        cookie = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
    body = f"csrf_token={token.group(1)}&answer=38"
    return body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie}


def wrk(
    name: str, url: str, script: str, seconds: int, connections: int, folder: Path, server: int
) -> Result:
    """Run wrk against ``url`` and read its report; ``server`` is the pid whose CPU time is counted."""
    path = folder / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}.lua"
    path.write_text(script, encoding="utf-8")
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(path), url]
    before = cpu_seconds(server)
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    used = cpu_seconds(server) - before
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(g) for g in socket_errors.groups())
    cpu_ms = used / requests * 1000 if requests else 0.0
    return Result(name, rate, _ms(out, "50%"), _ms(out, "99%"), _max_ms(out), errors, requests, cpu_ms)


def _ms(out: str, label: str) -> float:
    match = re.search(rf"^\s+{re.escape(label)}\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
    assert match is not None, out
    return _to_ms(float(match.group(1)), match.group(2))


def _max_ms(out: str) -> float:
    match = re.search(r"Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s)", out)
    assert match is not None, out
    return _to_ms(float(match.group(1)), match.group(2))


def _to_ms(value: float, unit: str) -> float:
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def endpoints(base: str) -> list[tuple[str, str, str]]:
    """(name, url, wrk script) for every endpoint measured."""
    form_body, form_headers = question_post(base)
    return [
        ("GET /api/v1/health", base + "/api/v1/health", lua("GET")),
        (
            "POST /api/v1/assessments",
            base + "/api/v1/assessments",
            lua("POST", MID_INTERVIEW, {"Content-Type": "application/json"}),
        ),
        ("POST /tjek/age (form, 303)", base + "/tjek/age", lua("POST", form_body, form_headers)),
        ("GET / (start page)", base + "/", lua("GET")),
    ]


def table(rows: list[tuple[int, Result]]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| workers | endpoint | requests/s | server CPU per request | p50 | p99 | max | errors / requests |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for workers, r in rows:
        lines.append(
            f"| {workers} | `{r.name}` | {r.rate:,.0f} | {r.cpu_ms:.2f} ms | {r.p50_ms:.1f} ms | "
            f"{r.p99_ms:.1f} ms | {r.max_ms:.0f} ms | {r.errors} / {r.requests} |"
        )
    return "\n".join(lines)


def redis_frozen(seconds: int, connections: int, folder: Path) -> list[Result]:
    """The rate-limited assessment endpoint with Redis answering, then while it is frozen with SIGSTOP."""
    port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    server, base = start(1, folder, {"REDIS_URL": f"redis://127.0.0.1:{port}/0"})
    script = lua("POST", MID_INTERVIEW, {"Content-Type": "application/json"})
    url = base + "/api/v1/assessments"
    try:
        answering = wrk(
            "POST /api/v1/assessments, Redis answering", url, script, seconds, connections, folder, server.pid
        )
        redis.send_signal(signal.SIGSTOP)
        frozen = wrk(
            "POST /api/v1/assessments, Redis frozen", url, script, seconds, connections, folder, server.pid
        )
        return [answering, frozen]
    finally:
        stop(server)
        redis.send_signal(signal.SIGCONT)
        redis.kill()
        redis.wait(timeout=10)


def main() -> None:
    """Run every measurement and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--redis-frozen", action="store_true", help="also measure with Redis frozen")
    parser.add_argument("--redis-only", action="store_true", help="only the Redis answering/frozen runs")
    parser.add_argument("--one-worker", action="store_true", help="only --workers 1, not 2")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk (scripts/services.sh does)")
    rows: list[tuple[int, Result]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for workers in () if args.redis_only else (1,) if args.one_worker else (1, 2):
            server, base = start(workers, folder)
            try:
                for name, url, script in endpoints(base):
                    result = wrk(name, url, script, args.seconds, args.connections, folder, server.pid)
                    rows.append((workers, result))
            finally:
                stop(server)
        wanted = args.redis_frozen or args.redis_only
        frozen = redis_frozen(args.seconds, args.connections, folder) if wanted else None
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"load average at the end (1, 5, 15 min): {load}")
    print(f"wrk -t1 -c{args.connections} -d{args.seconds}s on the same machine\n")
    if rows:
        print(table(rows))
        ratios(rows)
    if frozen is not None:
        print("\n" + table([(1, r) for r in frozen]))
        slowest, errors = frozen[1].max_ms, frozen[1].errors
        print(f"\nRedis frozen: slowest answer {slowest:.0f} ms (target < 500 ms), errors {errors}")


def ratios(rows: list[tuple[int, Result]]) -> None:
    """Print assessment ÷ health per worker count, and two workers ÷ one per endpoint."""
    by = {(w, r.name): r for w, r in rows}
    health, assessment = "GET /api/v1/health", "POST /api/v1/assessments"
    counts = sorted({w for w, _ in rows})
    for workers in counts:
        ratio = by[(workers, assessment)].rate / by[(workers, health)].rate
        # What the ratio would be if the server alone used the CPU: steadier on a shared machine.
        cpu = by[(workers, health)].cpu_ms / by[(workers, assessment)].cpu_ms
        print(
            f"\nassessment ÷ health, {workers} worker(s): {ratio:.2f} (target ≥ 0.5); "
            f"from server CPU per request: {cpu:.2f}"
        )
    if counts != [1, 2]:
        return
    for name in (health, assessment, "POST /tjek/age (form, 303)", "GET / (start page)"):
        print(f"2 workers ÷ 1 worker, {name}: {by[(2, name)].rate / by[(1, name)].rate:.2f} (target ≥ 1.4)")


if __name__ == "__main__":
    main()

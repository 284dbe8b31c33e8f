"""Real ``haelguiden serve`` processes for the tests that need the whole server (subprocess, loopback).

A test starts one with :func:`start_server` (a free port on 127.0.0.1, the environment it is given, the
output in a log file) and stops it with :meth:`Server.stop`. Fresh PostgreSQL schemas come from
:func:`postgres_schema`; under CI=true a missing PostgreSQL or Redis fails instead of skipping.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup, Tag
from sqlalchemy.engine import make_url

from haelguiden.tracker.database import make_engine

PG_ENV = "HAELGUIDEN_TEST_DATABASE_URL"
REDIS_ENV = "HAELGUIDEN_TEST_REDIS_URL"
SECRET = "real-server-test-secret-key-0123456789-abcdef"
#: Settings a test server never inherits from the environment of the test run.
_CLEARED = (
    "REDIS_URL",
    "DATABASE_URL",
    "HAELGUIDEN_KNOWLEDGE_DIR",
    "HAELGUIDEN_BASE_URL",
    "HAELGUIDEN_SECRET_KEY",
    "HAELGUIDEN_ENV",
    "HAELGUIDEN_RATE_LIMIT",
    "HAELGUIDEN_DATA_DIR",
    "FORWARDED_ALLOW_IPS",
    "HAELGUIDEN_OPERATOR",
)


def in_ci() -> bool:
    """Whether this is a CI run (missing services fail instead of skipping)."""
    return os.environ.get("CI", "").lower() == "true"


def need(variable: str, what: str) -> str:
    """The value of ``variable``; skip without it (fail in CI)."""
    value = os.environ.get(variable, "")
    if not value:
        if in_ci():
            pytest.fail(f"CI=true but {variable} is not set: {what} must run in CI.")
        pytest.skip(f"set {variable} to run {what}")
    return value


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A ``haelguiden serve`` process and where it logs."""

    process: subprocess.Popen[bytes]
    base_url: str
    log: Path

    def stop(self) -> None:
        """SIGTERM, then SIGKILL if it does not end within 20 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


def server_env(settings: Mapping[str, str]) -> dict[str, str]:
    """The test run's environment without Hælguiden settings, plus ``settings``."""
    env = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    env |= {
        "HAELGUIDEN_SECRET_KEY": SECRET,
        "HAELGUIDEN_ENV": "test",
        "HAELGUIDEN_RATE_LIMIT": "100000/minute",
    }
    env |= dict(settings)
    return env


def launch(
    settings: Mapping[str, str], log: Path, *, port: int | None = None, args: tuple[str, ...] = ()
) -> Server:
    """Start ``haelguiden serve`` on ``port`` (default: a free one) without waiting for it."""
    port = port or free_port()
    command = [sys.executable, "-m", "haelguiden", "serve", "--host", "127.0.0.1", "--port", str(port), *args]
    with log.open("ab") as out:
        process = subprocess.Popen(command, env=server_env(settings), stdout=out, stderr=subprocess.STDOUT)
    return Server(process, f"http://127.0.0.1:{port}", log)


def wait_until_up(server: Server, path: str = "/api/v1/health") -> Server:
    """Wait until ``path`` answers 200; fail with the log when the server exits or does not answer in time.

    Starting takes a few seconds of CPU (knowledge base, articles, search index); on a busy 2-core machine
    with coverage measuring the server, much longer.
    """
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"the server exited with {server.process.returncode}:\n{server.log.read_text()}")
        try:
            if httpx.get(server.base_url + path, timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    server.stop()
    pytest.fail(f"the server did not start:\n{server.log.read_text()}")


def start_server(
    settings: Mapping[str, str], log: Path, *, port: int | None = None, args: tuple[str, ...] = ()
) -> Server:
    """Start ``haelguiden serve`` and wait until it answers."""
    return wait_until_up(launch(settings, log, port=port, args=args))


@contextmanager
def postgres_schema(prefix: str) -> Iterator[str]:
    """A URL whose connections use a brand-new, empty schema on the test server (dropped afterwards)."""
    base = need(PG_ENV, "the PostgreSQL tests")
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def csrf(html: str) -> str:
    """The CSRF token of the first form on the page."""
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrf_token"})
    assert isinstance(field, Tag)
    return str(field["value"])

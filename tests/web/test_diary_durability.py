"""Diary entries survive a killed server, on SQLite and on PostgreSQL.

The real server (``haelguiden serve``: uvicorn with the production logging) runs in a subprocess on
127.0.0.1. The test starts a diary, writes entries through the diary's form one after another, and kills
the server with SIGKILL while it is writing. After a restart on the same database every entry whose POST
got its success answer (303) must be there, and every entry that is there must be exactly one that was
sent: nothing half-written. Both server runs share HAELGUIDEN_SECRET_KEY. The access log of both runs must
not contain the diary's private token.

PostgreSQL runs when HAELGUIDEN_TEST_DATABASE_URL is set (in a fresh schema, dropped afterwards); under
CI=true a missing URL fails the test instead of skipping it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from bs4 import BeautifulSoup, Tag
from sqlalchemy.engine import make_url

from haelguiden.tracker.database import make_engine

PG_ENV = "HAELGUIDEN_TEST_DATABASE_URL"
SECRET = "durability-test-secret-key-0123456789-abcdef"
#: How many entries the test tries to write, and after how many confirmed ones the server is killed.
POSTS = 200
KILL_AFTER = 50


def free_port() -> int:
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
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


def start_server(database_url: str, log: Path) -> Server:
    """Start the server on a free port and wait until it answers."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "HAELGUIDEN_KNOWLEDGE_DIR")}
    env |= {
        "DATABASE_URL": database_url,
        "HAELGUIDEN_SECRET_KEY": SECRET,
        "HAELGUIDEN_ENV": "test",
        "HAELGUIDEN_BASE_URL": base_url,
        "HAELGUIDEN_RATE_LIMIT": "100000/minute",
    }
    command = [sys.executable, "-m", "haelguiden", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("ab") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(process, base_url, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{base_url}/api/v1/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.stop()
    pytest.fail(f"the server did not start:\n{log.read_text()}")


def csrf(html: str) -> str:
    field = BeautifulSoup(html, "html.parser").find("input", attrs={"name": "csrf_token"})
    assert isinstance(field, Tag)
    return str(field["value"])


@pytest.fixture
def sqlite_database(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/diaries.db"


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """A fresh schema on the PostgreSQL test server, dropped afterwards."""
    base = os.environ.get(PG_ENV, "")
    if not base:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {PG_ENV} is not set: the PostgreSQL durability test must run in CI.")
        pytest.skip(f"set {PG_ENV} to run the PostgreSQL durability test")
    schema = f"durability_{uuid.uuid4().hex[:12]}"
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


@pytest.fixture(
    params=[
        pytest.param("sqlite_database", id="sqlite"),
        pytest.param("postgres_database", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest) -> str:
    """The database both server runs use."""
    return str(request.getfixturevalue(request.param))


def start_diary(client: httpx.Client) -> str:
    """Start a diary through the site's own form; returns the private token."""
    home = client.get("/")
    response = client.post("/dagbog", data={"csrf_token": csrf(home.text)})
    assert response.status_code == 303
    match = re.fullmatch(r"/dagbog/([A-Za-z0-9_-]{43})/link", response.headers["location"])
    assert match is not None
    return match.group(1)


def test_every_confirmed_entry_survives_a_killed_server(database_url: str, tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    first = start_server(database_url, log)
    sent: dict[str, tuple[int, int]] = {}
    confirmed: list[str] = []
    killed = threading.Event()
    try:
        with httpx.Client(base_url=first.base_url, timeout=10) as client:
            token = start_diary(client)
            form = client.get(f"/dagbog/{token}/ny")
            data = {"csrf_token": csrf(form.text), "date": dt.date.today().strftime("%d.%m.%Y")}
            ready = threading.Event()

            def kill_when_ready() -> None:
                ready.wait(timeout=120)
                first.process.send_signal(signal.SIGKILL)
                killed.set()

            killer = threading.Thread(target=kill_when_ready)
            killer.start()
            for n in range(POSTS):
                note = f"entry {n}"
                scores = (n % 11, (n * 7) % 11)
                sent[note] = scores
                fields = {"worst_pain": str(scores[0]), "first_step_pain": str(scores[1]), "note": note}
                try:
                    response = client.post(f"/dagbog/{token}/ny", data={**data, **fields})
                except httpx.TransportError:
                    break  # the server is gone; this entry may or may not have been stored
                assert response.status_code == 303, response.text
                confirmed.append(note)
                if len(confirmed) == KILL_AFTER:
                    ready.set()  # killed while the next entries are being written
            ready.set()
            killer.join(timeout=60)
        assert killed.is_set()
        assert first.process.wait(timeout=20) == -signal.SIGKILL
        assert KILL_AFTER <= len(confirmed) < POSTS
    finally:
        first.stop()

    second = start_server(database_url, log)
    try:
        with httpx.Client(base_url=second.base_url, timeout=10) as client:
            export = client.get(f"/dagbog/{token}/eksport.json")
        assert export.status_code == 200
        stored = {e["note"]: (e["worst_pain"], e["first_step_pain"]) for e in export.json()["entries"]}
    finally:
        second.stop()

    assert set(confirmed) <= set(stored)
    assert set(stored) <= set(sent)
    assert len(stored) == len(export.json()["entries"])  # no entry twice
    assert {note: sent[note] for note in stored} == stored  # every stored entry whole, as sent
    logged = log.read_text()
    assert token not in logged
    assert '"POST /dagbog/[token]/ny HTTP/1.1" 303' in logged

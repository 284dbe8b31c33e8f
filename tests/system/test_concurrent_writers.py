"""Eight people writing in their diaries at the same moment: no error, nothing lost (SQLite and PostgreSQL).

The real server runs in a subprocess with two worker processes (``--workers 2``), so on SQLite two
processes compete for the database file too. Eight writer threads add entries through the JSON API at
once, two writers to each of four diaries, so writers wait for the same database lock (SQLite) and the
same rows (PostgreSQL). Every POST must be answered 201, and afterwards every entry is in its diary
exactly once.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from pathlib import Path

import httpx

from ..realserver import start_server

WRITERS = 8
DIARIES = 4
ENTRIES_PER_WRITER = 20


def test_eight_concurrent_writers_get_no_error_and_lose_nothing(database_url: str, tmp_path: Path) -> None:
    server = start_server({"DATABASE_URL": database_url}, tmp_path / "server.log", args=("--workers", "2"))
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as client:
            tokens = [client.post("/api/v1/diaries", json={}).json()["token"] for _ in range(DIARIES)]
        statuses: Counter[int] = Counter()
        acknowledged: dict[str, list[str]] = {token: [] for token in tokens}
        lock = threading.Lock()
        start = threading.Barrier(WRITERS)

        def write(writer: int) -> None:
            token = tokens[writer % DIARIES]
            with httpx.Client(base_url=server.base_url, timeout=30) as client:
                start.wait()
                for n in range(ENTRIES_PER_WRITER):
                    note = f"writer {writer} entry {n}"
                    body = {"date": dt.date.today().isoformat(), "worst_pain": n % 11, "note": note}
                    response = client.post(f"/api/v1/diaries/{token}/entries", json=body)
                    with lock:
                        statuses[response.status_code] += 1
                        if response.status_code == 201:
                            acknowledged[token].append(note)

        threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)

        assert statuses == Counter({201: WRITERS * ENTRIES_PER_WRITER})
        with httpx.Client(base_url=server.base_url, timeout=30) as client:
            for token in tokens:
                stored = [e["note"] for e in client.get(f"/api/v1/diaries/{token}/entries").json()["entries"]]
                assert sorted(stored) == sorted(acknowledged[token])
                assert len(stored) == 2 * ENTRIES_PER_WRITER
    finally:
        server.stop()
    assert "database is locked" not in server.log.read_text()

"""Two instances that start together on an empty database migrate it once, and both serve at once.

Both servers start at the same moment on the same empty database (a SQLite file, or a fresh PostgreSQL
schema); their first writes (four diaries each, all sent together) are what migrates the database. Every
write must succeed, and the database must end at the newest revision with one row in alembic_version.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import httpx
import sqlalchemy as sa

from haelguiden.tracker.database import make_engine

from ..realserver import launch, wait_until_up

PER_SERVER = 4


def test_two_servers_starting_together_on_an_empty_database_get_no_error(
    database_url: str, tmp_path: Path
) -> None:
    settings = {"DATABASE_URL": database_url}
    servers = [launch(settings, tmp_path / f"server{n}.log") for n in (1, 2)]
    try:
        for server in servers:
            wait_until_up(server)
        statuses: Counter[int] = Counter()
        lock = threading.Lock()
        start = threading.Barrier(2 * PER_SERVER)

        def first_write(base_url: str) -> None:
            with httpx.Client(base_url=base_url, timeout=60) as client:
                start.wait()
                status = client.post("/api/v1/diaries", json={"lang": "da"}).status_code
            with lock:
                statuses[status] += 1

        threads = [
            threading.Thread(target=first_write, args=(server.base_url,))
            for server in servers
            for _ in range(PER_SERVER)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert statuses == Counter({201: 2 * PER_SERVER})
    finally:
        for server in servers:
            server.stop()
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all() == [
                "0004"
            ]
            assert conn.execute(sa.text("SELECT count(*) FROM diaries")).scalar() == 2 * PER_SERVER
    finally:
        engine.dispose()
    for server in servers:
        assert "Traceback" not in server.log.read_text()

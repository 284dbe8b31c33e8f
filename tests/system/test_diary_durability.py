"""Diary entries survive a killed server while several people write, on SQLite and on PostgreSQL.

The real server (``haelguiden serve``: uvicorn with the production logging) runs in a subprocess on
127.0.0.1. The test starts a diary and four writers post entries through the diary's form at the same time;
the server is killed with SIGKILL while they write. After a restart on the same database every entry whose
POST got its success answer (303) must be there, and every entry that is there must be exactly one that
was sent: nothing half-written, nothing twice. Both runs share HAELGUIDEN_SECRET_KEY. The access log of
both runs must not contain the diary's private token.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
from pathlib import Path

import httpx

from ..realserver import csrf, start_server

WRITERS = 4
#: How many entries each writer tries to write, and after how many confirmed ones (all writers) the kill.
POSTS = 100
KILL_AFTER = 40


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
    first = start_server({"DATABASE_URL": database_url}, log)
    sent: dict[str, tuple[int, int]] = {}
    confirmed: list[str] = []
    statuses: list[int] = []
    lock = threading.Lock()
    enough = threading.Event()
    try:
        with httpx.Client(base_url=first.base_url, timeout=10) as client:
            token = start_diary(client)

        def write(writer: int) -> None:
            with httpx.Client(base_url=first.base_url, timeout=10) as client:
                form = client.get(f"/dagbog/{token}/ny")
                data = {"csrf_token": csrf(form.text), "date": dt.date.today().strftime("%d.%m.%Y")}
                for n in range(POSTS):
                    note = f"writer {writer} entry {n}"
                    scores = ((n + writer) % 11, (n * 7 + writer) % 11)
                    fields = {"worst_pain": str(scores[0]), "first_step_pain": str(scores[1]), "note": note}
                    with lock:
                        sent[note] = scores
                    try:
                        response = client.post(f"/dagbog/{token}/ny", data={**data, **fields})
                    except httpx.TransportError:
                        return  # the server is gone; this entry may or may not have been stored
                    with lock:
                        statuses.append(response.status_code)
                        if response.status_code == 303:
                            confirmed.append(note)
                        if len(confirmed) >= KILL_AFTER:
                            enough.set()

        writers = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
        for thread in writers:
            thread.start()
        assert enough.wait(timeout=120)
        first.process.send_signal(signal.SIGKILL)  # killed while the writers are writing
        for thread in writers:
            thread.join(timeout=60)
        assert first.process.wait(timeout=20) == -signal.SIGKILL
        assert set(statuses) == {303}
        assert KILL_AFTER <= len(confirmed) < WRITERS * POSTS
    finally:
        first.stop()

    second = start_server({"DATABASE_URL": database_url}, log)
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
    assert "POST /dagbog/{token}/ny 303" in logged

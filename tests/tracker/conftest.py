"""Fixtures for the recovery diary: databases, repositories, a settable clock, and the real recovery rules.

Storage tests run on every backend: the in-memory fake, SQLite (a real file, always) and PostgreSQL when
HAELGUIDEN_TEST_DATABASE_URL points at a server. In CI (CI=true) a missing PostgreSQL URL fails the
PostgreSQL tests instead of skipping them, so CI can never pass without testing PostgreSQL.
Each test gets its own database: a fresh SQLite file, or a fresh PostgreSQL schema dropped afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from haelguiden.engine.recovery import RecoveryRules
from haelguiden.knowledge.recovery import load_recovery_rules
from haelguiden.tracker.database import make_engine, upgrade
from haelguiden.tracker.model import Diary
from haelguiden.tracker.repository import DiaryRepository, InMemoryRepository, SqlAlchemyRepository

PG_ENV = "HAELGUIDEN_TEST_DATABASE_URL"
TODAY = dt.date(2026, 3, 2)


@dataclass
class Clock:
    """A clock the test moves by hand (repositories call it for "today")."""

    today: dt.date = TODAY

    def __call__(self) -> dt.date:
        return self.today

    def advance(self, days: int) -> None:
        self.today += dt.timedelta(days=days)


def postgres_base_url() -> str:
    """The PostgreSQL test server's URL; skip without one (fail in CI)."""
    url = os.environ.get(PG_ENV, "")
    if not url:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {PG_ENV} is not set: the PostgreSQL tests must run in CI.")
        pytest.skip(f"set {PG_ENV} to run the PostgreSQL tests")
    return url


@pytest.fixture
def postgres_url() -> Iterator[URL]:
    """A URL whose connections use a brand-new, empty schema (dropped after the test)."""
    base = postgres_base_url()
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    try:
        yield make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A SQLite file in a folder that does not exist yet (the engine must create it)."""
    return f"sqlite:///{tmp_path}/data/haelguiden.db"


BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str | URL:
    """An empty database on each SQL backend."""
    if request.param == "sqlite":
        url: str | URL = request.getfixturevalue("sqlite_url")
    else:
        url = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def clock() -> Clock:
    """Today is Monday 2 March 2026 until the test says otherwise."""
    return Clock()


@pytest.fixture(
    params=[
        pytest.param("memory", id="memory"),
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def repo(request: pytest.FixtureRequest, clock: Clock) -> Iterator[DiaryRepository]:
    """The same repository behaviour on every backend: the fake, SQLite and PostgreSQL (migrated)."""
    if request.param == "memory":
        yield InMemoryRepository(today=clock)
        return
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    upgrade(url)
    engine = make_engine(url)
    try:
        yield SqlAlchemyRepository(engine, today=clock)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def rules() -> RecoveryRules:
    """The real recovery rules from the packaged knowledge base."""
    return load_recovery_rules()


@pytest.fixture
def diary() -> Diary:
    """A diary started on 1 February 2026, in Danish, for plantar fasciitis."""
    return Diary(
        id="d" * 32,
        created=dt.date(2026, 2, 1),
        start_date=dt.date(2026, 2, 1),
        lang="da",
        condition_id="plantar_fasciitis",
        triage_level="self_care",
        last_activity=dt.date(2026, 2, 1),
    )

"""Fixtures for the system tests: real server processes on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..realserver import postgres_schema


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> object:
    """An empty database: a SQLite file in a new folder, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/data/haelguiden.db"
        return
    with postgres_schema("system") as url:
        yield url

"""The engine factory and the migrations, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import URL

import haelguiden
from haelguiden.errors import ConfigError, StorageError
from haelguiden.tracker.database import (
    DEFAULT_DATABASE_URL,
    alembic_config,
    current_revision,
    downgrade,
    make_engine,
    upgrade,
)
from haelguiden.tracker.model import Entry
from haelguiden.tracker.repository import SqlAlchemyRepository
from haelguiden.tracker.tables import metadata
from haelguiden.tracker.tokens import hash_token

DIARY_TABLES = {"diaries", "diary_entries", "diary_shares"}


def tables(url: str | URL) -> set[str]:
    engine = make_engine(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_up_to_head_down_to_base_and_up_again(database_url: str | URL) -> None:
    assert current_revision(database_url) is None
    upgrade(database_url)
    assert current_revision(database_url) == "0004"
    assert tables(database_url) == DIARY_TABLES | {"alembic_version"}
    downgrade(database_url, "base")
    assert current_revision(database_url) is None
    assert tables(database_url) == {"alembic_version"}
    upgrade(database_url)
    assert current_revision(database_url) == "0004"
    assert tables(database_url) == DIARY_TABLES | {"alembic_version"}


def diary_columns(url: str | URL) -> list[str]:
    engine = make_engine(url)
    try:
        return [c["name"] for c in sa.inspect(engine).get_columns("diaries")]
    finally:
        engine.dispose()


def rows(url: str | URL, sql: str) -> list[tuple[object, ...]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(sa.text(sql))]
    finally:
        engine.dispose()


def test_0002_adds_the_plan_flags_keeps_old_diaries_and_their_entries_and_goes_down_again(
    database_url: str | URL,
) -> None:
    upgrade(database_url, "0001")
    engine = make_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO diaries (id, token_hash, created, start_date, lang, condition_id, "
                    "triage_level, last_activity) VALUES ('old', :hash, '2026-02-01', '2026-02-01', 'da', "
                    "'plantar_fasciitis', 'self_care', '2026-02-01')"
                ),
                {"hash": "h" * 64},
            )
            conn.execute(
                sa.text(
                    "INSERT INTO diary_entries (id, diary_id, date, worst_pain, exercises, activity, note) "
                    "VALUES ('entry', 'old', '2026-02-02', 4, '[]', '', 'kept')"
                )
            )
    finally:
        engine.dispose()
    base = ["id", "token_hash", "created", "start_date", "lang", "condition_id", "triage_level"]
    base += ["last_activity"]

    upgrade(database_url, "0002")
    assert current_revision(database_url) == "0002"
    assert diary_columns(database_url) == [*base, "age_group", "diabetes", "numbness"]
    # An old diary: age group unknown, no diabetes, no numbness (the server defaults).
    assert rows(database_url, "SELECT id, age_group, diabetes, numbness FROM diaries") == [
        ("old", None, False, False)
    ]
    assert rows(database_url, "SELECT id, diary_id, note FROM diary_entries") == [("entry", "old", "kept")]

    downgrade(database_url, "0001")
    assert current_revision(database_url) == "0001"
    assert diary_columns(database_url) == base
    assert rows(database_url, "SELECT id FROM diaries") == [("old",)]
    assert rows(database_url, "SELECT id, diary_id, note FROM diary_entries") == [("entry", "old", "kept")]

    upgrade(database_url, "0002")
    assert current_revision(database_url) == "0002"
    assert diary_columns(database_url) == [*base, "age_group", "diabetes", "numbness"]
    assert rows(database_url, "SELECT id, age_group, diabetes, numbness FROM diaries") == [
        ("old", None, False, False)
    ]
    assert rows(database_url, "SELECT id, diary_id, note FROM diary_entries") == [("entry", "old", "kept")]

    # 0004 (after 0003, the share table): the plan traits; an old diary has none.
    upgrade(database_url)
    assert current_revision(database_url) == "0004"
    assert diary_columns(database_url) == [*base, "age_group", "diabetes", "numbness", "plan_traits"]
    assert rows(database_url, "SELECT id, plan_traits FROM diaries") == [("old", "")]
    downgrade(database_url, "0003")
    assert diary_columns(database_url) == [*base, "age_group", "diabetes", "numbness"]
    assert rows(database_url, "SELECT id, diary_id, note FROM diary_entries") == [("entry", "old", "kept")]


def test_0003_adds_the_share_table_keeps_the_diaries_and_goes_down_again(database_url: str | URL) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        repository = SqlAlchemyRepository(engine)
        created = repository.create_diary(start_date=dt.date(2026, 3, 2), lang="da")
        share = repository.create_share(created.diary.id, {"answers": [{"question": "age", "value": 40}]})
        assert repository.get_share(share.token)[1] == created.diary
    finally:
        engine.dispose()
    assert rows(database_url, "SELECT diary_id, token_hash FROM diary_shares") == [
        (created.diary.id, hash_token(share.token))
    ]

    downgrade(database_url, "0002")
    assert current_revision(database_url) == "0002"
    assert tables(database_url) == {"diaries", "diary_entries", "alembic_version"}
    assert rows(database_url, "SELECT id FROM diaries") == [(created.diary.id,)]

    upgrade(database_url, "0003")
    assert current_revision(database_url) == "0003"
    assert "diary_shares" in tables(database_url)
    assert rows(database_url, "SELECT id FROM diaries") == [(created.diary.id,)]


def test_the_migrations_create_exactly_the_tables_the_code_uses(database_url: str | URL) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            differences = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), metadata
            )
    finally:
        engine.dispose()
    assert differences == []


def test_the_database_enforces_the_limits_too(database_url: str | URL) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    repo = SqlAlchemyRepository(engine, today=lambda: dt.date(2026, 3, 2))
    diary = repo.create_diary(start_date=dt.date(2026, 3, 1), lang="da").diary
    repo.add_entry(Entry(id="a" * 32, diary_id=diary.id, date=dt.date(2026, 3, 1), worst_pain=3))
    try:
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.text("UPDATE diary_entries SET worst_pain = 11"))
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.text("UPDATE diaries SET lang = 'de'"))
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.text("UPDATE diaries SET age_group = 'teen'"))
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(sa.text("UPDATE diaries SET numbness = NULL"))
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO diary_entries (id, diary_id, date, worst_pain, exercises, activity, note) "
                    "VALUES ('b', 'no-such-diary', '2026-03-01', 1, '[]', '', '')"
                )
            )
    finally:
        engine.dispose()


def test_each_write_is_committed_before_it_returns(database_url: str | URL) -> None:
    upgrade(database_url)
    writer_engine, reader_engine = make_engine(database_url), make_engine(database_url)
    try:
        writer = SqlAlchemyRepository(writer_engine, today=lambda: dt.date(2026, 3, 2))
        reader = SqlAlchemyRepository(reader_engine, today=lambda: dt.date(2026, 3, 2))
        created = writer.create_diary(start_date=dt.date(2026, 3, 1), lang="en")
        written = writer.add_entry(
            Entry(id="a" * 32, diary_id=created.diary.id, date=dt.date(2026, 3, 2), worst_pain=4)
        )
        assert reader.get_diary(created.token) == created.diary
        assert reader.list_entries(created.diary.id) == (written,)
    finally:
        writer_engine.dispose()
        reader_engine.dispose()


def test_the_token_is_stored_nowhere(database_url: str | URL) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        created = SqlAlchemyRepository(engine).create_diary(start_date=dt.date.today(), lang="da")
        with engine.connect() as conn:
            stored = [
                str(value)
                for table in metadata.sorted_tables
                for row in conn.execute(table.select())
                for value in row
            ]
    finally:
        engine.dispose()
    assert created.token not in " ".join(stored)
    assert len([value for value in stored if len(value) == 64]) == 1  # the hash


def test_sqlite_gets_its_folder_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "diary.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert path.exists()


def test_in_memory_sqlite_is_one_database_for_every_connection() -> None:
    engine = make_engine("sqlite://")
    try:
        upgrade(engine)
        assert set(sa.inspect(engine).get_table_names()) == DIARY_TABLES | {"alembic_version"}
    finally:
        engine.dispose()


def test_a_sqlite_migration_is_atomic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/diary.db"
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE diary_entries (id TEXT)")  # makes the migration fail halfway
        with pytest.raises(StorageError, match=r"\(table diary_entries already exists\)"):
            upgrade(engine)
        assert set(sa.inspect(engine).get_table_names()) == {"diary_entries"}
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://u:p@127.0.0.1/db", "postgresql+psycopg"),
        ("postgres://u:p@127.0.0.1/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u:p@127.0.0.1/db", "postgresql+psycopg"),
    ],
)
def test_postgresql_urls_use_psycopg_3(url: str, driver: str) -> None:
    engine = make_engine(url)
    assert engine.url.drivername == driver
    engine.dispose()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "not a url",
            "DATABASE_URL: cannot read the database URL; use sqlite:///path/to/file.db or "
            "postgresql+psycopg://user:password@host:5432/name",
        ),
        (
            "mysql://u:p@127.0.0.1/db",
            "DATABASE_URL: the database 'mysql' is not supported; use sqlite:///path/to/file.db or "
            "postgresql+psycopg://user:password@host:5432/name",
        ),
    ],
)
def test_unusable_urls_are_a_config_error(url: str, message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        make_engine(url)
    assert str(caught.value) == message


def test_the_migrations_ship_inside_the_package() -> None:
    location = Path(alembic_config().get_main_option("script_location") or "")
    package = Path(haelguiden.__file__).parent
    assert location == package / "tracker" / "migrations"
    assert (location / "env.py").is_file()
    assert sorted(p.name for p in (location / "versions").glob("v*.py")) == [
        "v0001_diary_tables.py",
        "v0002_diary_plan_flags.py",
        "v0003_diary_shares.py",
        "v0004_diary_plan_traits.py",
    ]
    assert DEFAULT_DATABASE_URL == "sqlite:///data/haelguiden.db"


def test_a_new_sqlite_database_is_private_0600_files_in_a_0700_folder(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/new/data/haelguiden.db"
    upgrade(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:  # the WAL and shared-memory files exist while a connection is open
            conn.execute(sa.text("SELECT count(*) FROM diaries")).scalar()
            folder = tmp_path / "new" / "data"
            modes = {p.name: p.stat().st_mode & 0o777 for p in folder.iterdir()}
            assert modes == {"haelguiden.db": 0o600, "haelguiden.db-wal": 0o600, "haelguiden.db-shm": 0o600}
            assert folder.stat().st_mode & 0o777 == 0o700
    finally:
        engine.dispose()


def test_an_existing_world_readable_database_file_is_made_private(tmp_path: Path) -> None:
    database = tmp_path / "old.db"
    database.touch(mode=0o644)
    database.chmod(0o644)
    make_engine(f"sqlite:///{database}").dispose()
    assert database.stat().st_mode & 0o777 == 0o600

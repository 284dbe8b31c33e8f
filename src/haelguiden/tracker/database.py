"""Open the diary database and migrate it.

``make_engine(url)`` is the only place an engine is made. SQLite (the default,
``sqlite:///data/haelguiden.db``) gets its folder created (mode 0700) and its file created 0600,
write-ahead logging, foreign keys, a busy timeout and real transactions that we begin ourselves. A
transaction begins with ``BEGIN IMMEDIATE``: it takes the write lock at its start, so a second writer waits
(up to the busy timeout) instead of failing at once with "database is locked", which is what WAL mode does
to a transaction that began as a reader and then tries to write. Connections from :func:`reader` begin a
plain (deferred) transaction and never block writers. PostgreSQL is reached through psycopg 3:
``postgresql+psycopg://user:password@host:5432/name`` (``postgresql://`` and ``postgres://`` are read the
same way).

``upgrade(url)`` and ``downgrade(url, "base")`` run the Alembic migrations shipped inside the package, so
an installed wheel can migrate its own database without an ``alembic.ini``. They run once across every
process that shares the database: on PostgreSQL under a transaction-level advisory lock, on SQLite inside
one ``BEGIN IMMEDIATE`` transaction (the database's own write lock). A second process that starts at the
same moment waits, then finds the database at the newest revision and does nothing.

Storage that cannot be reached or used (a server that is down, a file that is not a database, a folder that
cannot be written) raises :class:`~haelguiden.errors.StorageError` with one sentence naming the database
(never its password) and what to check.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, event, text
from sqlalchemy import create_engine as _sa_create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from haelguiden.errors import ConfigError, StorageError

DEFAULT_DATABASE_URL = "sqlite:///data/haelguiden.db"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: How long SQLite waits for another writer before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 5000
#: How long a PostgreSQL connection attempt may take before the database counts as unreachable (seconds).
CONNECT_TIMEOUT_S = 5
#: The execution option that marks a read-only connection (a deferred ``BEGIN`` on SQLite).
READ_ONLY_OPTION = "haelguiden_read_only"
#: The PostgreSQL advisory lock key held while migrating (any fixed 64-bit number; this is "hælguide").
MIGRATION_LOCK_KEY = 0x68C3A66C6775_6964


def make_engine(url: str | URL = DEFAULT_DATABASE_URL, *, echo: bool = False) -> Engine:
    """An engine for ``url`` (SQLite or PostgreSQL), set up as described in the module docstring.

    Raises:
        ConfigError: the URL cannot be read or names a database Hælguiden does not support.
    """
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, echo)
    return _sa_create_engine(
        parsed, echo=echo, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
    )


def reader(engine: Engine) -> Engine:
    """The same engine for reading only: on SQLite its transactions begin deferred and never block writers."""
    return engine.execution_options(**{READ_ONLY_OPTION: True})


def describe(url: str | URL) -> str:
    """The database's URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "DATABASE_URL"


@contextmanager
def storage_errors(url: str | URL) -> Iterator[None]:
    """Turn "cannot reach or use the database" into :class:`StorageError`; integrity errors pass through."""
    try:
        yield
    except IntegrityError:
        raise
    except DBAPIError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
        check = (
            "that the file is a Hælguiden database (move it away to start a new one)"
            if make_url(url).get_backend_name() == "sqlite"
            else "that the PostgreSQL server runs and can be reached"
        )
        raise StorageError(
            f"the database {describe(url)} cannot be used ({reason}); check DATABASE_URL and {check}"
        ) from None
    except OSError as exc:
        raise StorageError(
            f"the database {describe(url)} cannot be opened ({exc.strerror or exc}); check DATABASE_URL "
            "and that its folder can be written"
        ) from None


def upgrade(target: str | URL | Engine = DEFAULT_DATABASE_URL, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` (default: the newest)."""
    _run(target, lambda cfg: command.upgrade(cfg, revision))


def downgrade(target: str | URL | Engine, revision: str) -> None:
    """Migrate the database down to ``revision`` (``"base"`` removes every diary table)."""
    _run(target, lambda cfg: command.downgrade(cfg, revision))


def current_revision(target: str | URL | Engine) -> str | None:
    """The revision the database is at (None before the first migration)."""
    engine = target if isinstance(target, Engine) else make_engine(target)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        if engine is not target:
            engine.dispose()


def alembic_config() -> Config:
    """An Alembic configuration that points at the migrations inside the package."""
    cfg = Config()
    # ConfigParser would read a "%" in the path as interpolation.
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    return cfg


def _run(target: str | URL | Engine, action: Any) -> None:
    engine = target if isinstance(target, Engine) else make_engine(target)
    try:
        with storage_errors(engine.url), engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Held until this transaction ends: a second process migrating the same database waits
                # here, then sees the first one's committed revision and has nothing left to do.
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            action(cfg)
    finally:
        if engine is not target:
            engine.dispose()


def _parse(url: str | URL) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ConfigError(
            "DATABASE_URL: cannot read the database URL; use sqlite:///path/to/file.db or "
            "postgresql+psycopg://user:password@host:5432/name"
        ) from None
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend != "sqlite":
        raise ConfigError(
            f"DATABASE_URL: the database '{backend}' is not supported; use sqlite:///path/to/file.db or "
            "postgresql+psycopg://user:password@host:5432/name"
        )
    try:
        parsed.get_dialect()
    except NoSuchModuleError:  # pragma: no cover - sqlite ships with Python
        raise ConfigError(f"DATABASE_URL: no driver '{parsed.drivername}'; use sqlite:///") from None
    return parsed


def _sqlite_engine(url: URL, echo: bool) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in database
    kwargs: dict[str, Any] = {"echo": echo}
    if in_memory:
        # One shared connection, or every connection would see its own empty database.
        kwargs |= {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
    elif not database.startswith("file:"):
        private_file(Path(database).expanduser())
    engine = _sa_create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling skips BEGIN before DDL and SELECT; we send BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
            if not in_memory:
                cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get(READ_ONLY_OPTION, False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def private_file(path: Path) -> None:
    """Make ``path``'s folder (0700, when it is new) and the file itself, empty, readable by us only (0600).

    SQLite creates its ``-wal`` and ``-shm`` files with the database file's mode, so they are 0600 too.
    An existing folder is left as it is (it may be shared, such as ``/tmp``); an existing file we own is
    made 0600.
    """
    for folder in (path.parent, *path.parent.parents):
        if folder.exists() and not folder.is_dir():
            raise StorageError(
                f"the database file {path} cannot be created: {folder} is a file, not a folder; "
                "check DATABASE_URL"
            )
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError as exc:
        raise StorageError(
            f"the database file {path} cannot be created ({exc.strerror or exc}); check DATABASE_URL "
            "and that its folder can be written"
        ) from None


__all__ = [
    "DEFAULT_DATABASE_URL",
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "describe",
    "downgrade",
    "make_engine",
    "private_file",
    "reader",
    "storage_errors",
    "upgrade",
]

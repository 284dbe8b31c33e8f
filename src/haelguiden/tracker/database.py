"""Open the diary database and migrate it.

``make_engine(url)`` is the only place an engine is made. SQLite (the default,
``sqlite:///data/haelguiden.db``) gets its folder created, write-ahead logging, foreign keys and real
transactions (``BEGIN`` is sent by us, so migrations and writes are atomic). PostgreSQL is reached
through psycopg 3: ``postgresql+psycopg://user:password@host:5432/name`` (``postgresql://`` and
``postgres://`` are read the same way).

``upgrade(url)`` and ``downgrade(url, "base")`` run the Alembic migrations shipped inside the package, so
an installed wheel can migrate its own database without an ``alembic.ini``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, event
from sqlalchemy import create_engine as _sa_create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from haelguiden.errors import ConfigError

DEFAULT_DATABASE_URL = "sqlite:///data/haelguiden.db"
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: How long SQLite waits for another writer before giving up, in milliseconds.
SQLITE_BUSY_TIMEOUT_MS = 5000


def make_engine(url: str | URL = DEFAULT_DATABASE_URL, *, echo: bool = False) -> Engine:
    """An engine for ``url`` (SQLite or PostgreSQL), set up as described in the module docstring.

    Raises:
        ConfigError: the URL cannot be read or names a database Hælguiden does not support.
    """
    parsed = _parse(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, echo)
    return _sa_create_engine(parsed, echo=echo, pool_pre_ping=True)


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
        with engine.begin() as conn:
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
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
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
        conn.exec_driver_sql("BEGIN")

    return engine


__all__ = [
    "DEFAULT_DATABASE_URL",
    "MIGRATIONS_DIR",
    "alembic_config",
    "current_revision",
    "downgrade",
    "make_engine",
    "upgrade",
]

"""The recovery diary: private pain diaries reached by a secret link, stored in SQLite or PostgreSQL.

Modules, each small and about one thing:

- ``model``: the ``Diary`` and ``Entry`` records, their errors, and ``validate_entry`` for raw input
- ``tokens``: private link tokens (only their SHA-256 hash is stored)
- ``tables``, ``database``, ``migrations/``: the tables, the engine factory and the Alembic migrations
- ``repository``: the ``DiaryRepository`` protocol, ``SqlAlchemyRepository`` and ``InMemoryRepository``
- ``export``, ``calendar``, ``qr``, ``chart``: JSON/CSV copies, check-in reminders (.ics), the link as a
  QR code, and the pain chart (SVG plus table rows)

Whether the recovery is on track is decided by the pure ``haelguiden.engine.recovery``; this package
only stores and presents.
"""

from haelguiden.tracker.model import (
    Diary,
    DiaryInputError,
    DiaryNotFound,
    Entry,
    EntryNotFound,
    validate_entry,
)
from haelguiden.tracker.repository import DiaryRepository, InMemoryRepository, NewDiary, SqlAlchemyRepository

__all__ = [
    "Diary",
    "DiaryInputError",
    "DiaryNotFound",
    "DiaryRepository",
    "Entry",
    "EntryNotFound",
    "InMemoryRepository",
    "NewDiary",
    "SqlAlchemyRepository",
    "validate_entry",
]

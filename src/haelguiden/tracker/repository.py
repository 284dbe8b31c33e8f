"""Where diaries live: the :class:`DiaryRepository` protocol and its two implementations.

- :class:`SqlAlchemyRepository` stores diaries in SQLite or PostgreSQL. Every write runs in its own
  transaction and is committed before the method returns; a failed write changes nothing. Writers take
  the write lock when their transaction begins (see :mod:`haelguiden.tracker.database`), so concurrent
  writers wait for each other instead of failing; reads use deferred transactions. A database that cannot
  be reached raises :class:`~haelguiden.errors.StorageError`.
- :class:`InMemoryRepository` keeps them in dictionaries. It is a real implementation with the same
  behaviour (the repository tests run against both), meant for tests of the layers above.

A diary is found only by its link token (``get_diary``); everything after that uses the diary's internal
id, which never leaves the server. Writes to a diary (adding, editing or deleting an entry, ``touch``)
set its ``last_activity`` to today, and ``purge_inactive`` deletes diaries nobody has used for months.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from sqlalchemy import Engine, Row, delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from haelguiden.errors import InternalError
from haelguiden.tracker import tokens
from haelguiden.tracker.database import reader, storage_errors
from haelguiden.tracker.model import (
    Diary,
    DiaryNotFound,
    Entry,
    EntryNotFound,
    months_before,
    new_id,
    validate_new_diary,
)
from haelguiden.tracker.shares import MemoryShares, NewShare, Share, SqlShares
from haelguiden.tracker.tables import diaries, entries

Clock = Callable[[], dt.date]


@dataclass(frozen=True)
class NewDiary:
    """A diary just created, with its link token. The token is not stored: show it now or never."""

    diary: Diary
    token: str


class DiaryRepository(Protocol):
    """What the rest of Hælguiden may do with stored diaries."""

    def create_diary(
        self,
        *,
        start_date: dt.date,
        lang: str,
        condition_id: str | None = None,
        triage_level: str | None = None,
        age_group: str | None = None,
        diabetes: bool = False,
        numbness: bool = False,
        traits: tuple[str, ...] = (),
    ) -> NewDiary:
        """Create a diary and return it with its link token (the only time the token is available).

        ``age_group`` ("child", "adult" or None for unknown), ``diabetes``, ``numbness`` and the plan
        ``traits`` ("runner", "overweight") are what the diary's plan depends on besides the result; nothing
        else of a person's answers is stored.
        """
        ...

    def get_diary(self, token: str) -> Diary:
        """The diary for this link token; :class:`DiaryNotFound` for any token that does not open one."""
        ...

    def touch(self, diary_id: str) -> Diary:
        """Set the diary's last activity to today and return it."""
        ...

    def delete_diary(self, diary_id: str) -> None:
        """Delete the diary and all its entries (nothing happens when it is already gone)."""
        ...

    def purge_inactive(self, months: int) -> int:
        """Delete every diary whose last activity is more than ``months`` months ago; return how many."""
        ...

    def add_entry(self, entry: Entry) -> Entry:
        """Store a new entry in its diary."""
        ...

    def edit_entry(self, entry: Entry) -> Entry:
        """Replace the stored entry with the same id and diary."""
        ...

    def delete_entry(self, diary_id: str, entry_id: str) -> None:
        """Delete one entry of the diary."""
        ...

    def get_entry(self, diary_id: str, entry_id: str) -> Entry:
        """One entry of the diary."""
        ...

    def list_entries(self, diary_id: str) -> tuple[Entry, ...]:
        """All entries of the diary, oldest date first (ties by id)."""
        ...

    def ping(self) -> None:
        """Check that storage answers; :class:`~haelguiden.errors.StorageError` when it does not."""
        ...

    def create_share(self, diary_id: str, answers: Mapping[str, Any] | None = None) -> NewShare:
        """Make a read-only link to the diary's summary and chart, with the self-check ``answers`` if any."""
        ...

    def get_share(self, token: str) -> tuple[Share, Diary]:
        """The share for this token and its diary; ``ShareNotFound`` for any token that opens none."""
        ...

    def list_shares(self, diary_id: str) -> tuple[Share, ...]:
        """The diary's shares, oldest first."""
        ...

    def revoke_share(self, diary_id: str, share_id: str) -> None:
        """Delete one of the diary's shares (its link stops working); ``ShareNotFound`` if it has none."""
        ...


@dataclass(frozen=True)
class _Settings:
    """The arguments of ``create_diary``, unchecked."""

    start_date: dt.date
    lang: str
    condition_id: str | None
    triage_level: str | None
    age_group: str | None
    diabetes: bool
    numbness: bool
    traits: tuple[str, ...] = ()


def _new_diary(today: dt.date, settings: _Settings) -> tuple[Diary, str, str]:
    validate_new_diary(
        start_date=settings.start_date,
        lang=settings.lang,
        condition_id=settings.condition_id,
        triage_level=settings.triage_level,
        today=today,
        age_group=settings.age_group,
        traits=settings.traits,
    )
    token = tokens.new_token()
    diary = Diary(
        id=new_id(),
        created=today,
        start_date=settings.start_date,
        lang=settings.lang,  # type: ignore[arg-type]  # checked by validate_new_diary
        condition_id=settings.condition_id,
        triage_level=settings.triage_level,  # type: ignore[arg-type]
        last_activity=today,
        age_group=settings.age_group,  # type: ignore[arg-type]
        diabetes=settings.diabetes,
        numbness=settings.numbness,
        traits=tuple(sorted(set(settings.traits))),
    )
    return diary, token, tokens.hash_token(token)


def _check_months(months: int) -> None:
    if months < 1:
        raise ValueError("purge_inactive: months must be at least 1")


class InMemoryRepository(MemoryShares):
    """Diaries in memory, with the same behaviour as the SQL repository (a fake for tests)."""

    def __init__(self, today: Clock = dt.date.today) -> None:
        """Start empty; ``today`` gives the date used for creation and activity."""
        super().__init__()
        self._today = today
        self._diaries: dict[str, Diary] = {}
        self._hashes: dict[str, str] = {}  # diary id -> token hash
        self._entries: dict[str, dict[str, Entry]] = {}  # diary id -> entry id -> entry

    def create_diary(
        self,
        *,
        start_date: dt.date,
        lang: str,
        condition_id: str | None = None,
        triage_level: str | None = None,
        age_group: str | None = None,
        diabetes: bool = False,
        numbness: bool = False,
        traits: tuple[str, ...] = (),
    ) -> NewDiary:
        """Create a diary and return it with its link token (the only time the token is available).

        ``age_group`` ("child", "adult" or None for unknown), ``diabetes``, ``numbness`` and the plan
        ``traits`` ("runner", "overweight") are what the diary's plan depends on besides the result; nothing
        else of a person's answers is stored.
        """
        diary, token, token_hash = _new_diary(
            self._today(),
            _Settings(start_date, lang, condition_id, triage_level, age_group, diabetes, numbness, traits),
        )
        self._diaries[diary.id] = diary
        self._hashes[diary.id] = token_hash
        self._entries[diary.id] = {}
        return NewDiary(diary, token)

    def get_diary(self, token: str) -> Diary:
        """The diary for this link token; :class:`DiaryNotFound` for any token that does not open one."""
        presented = tokens.lookup_hash(token)
        found: str | None = None
        for diary_id, stored in self._hashes.items():
            # Every stored hash is compared, so the time taken does not depend on where a match is.
            if tokens.hashes_match(presented, stored):
                found = diary_id
        if found is None:
            raise DiaryNotFound()
        return self._diaries[found]

    def stored_token_hash(self, diary_id: str) -> str:
        """The stored hash of the diary's token (what storage keeps instead of the token)."""
        return self._hashes[self._diary(diary_id).id]

    def touch(self, diary_id: str) -> Diary:
        """Set the diary's last activity to today and return it."""
        diary = replace(self._diary(diary_id), last_activity=self._today())
        self._diaries[diary_id] = diary
        return diary

    def delete_diary(self, diary_id: str) -> None:
        """Delete the diary, its entries and its shares (nothing happens when it is already gone)."""
        self._drop_shares(diary_id)
        self._diaries.pop(diary_id, None)
        self._hashes.pop(diary_id, None)
        self._entries.pop(diary_id, None)

    def purge_inactive(self, months: int) -> int:
        """Delete every diary whose last activity is more than ``months`` months ago; return how many."""
        _check_months(months)
        cutoff = months_before(self._today(), months)
        old = [d.id for d in self._diaries.values() if d.last_activity < cutoff]
        for diary_id in old:
            self.delete_diary(diary_id)
        return len(old)

    def add_entry(self, entry: Entry) -> Entry:
        """Store a new entry in its diary."""
        self._diary(entry.diary_id)
        stored = self._entries[entry.diary_id]
        if entry.id in stored:
            raise InternalError(f"entry id {entry.id} is already used")
        stored[entry.id] = entry
        self.touch(entry.diary_id)
        return entry

    def edit_entry(self, entry: Entry) -> Entry:
        """Replace the stored entry with the same id and diary."""
        self.get_entry(entry.diary_id, entry.id)
        self._entries[entry.diary_id][entry.id] = entry
        self.touch(entry.diary_id)
        return entry

    def delete_entry(self, diary_id: str, entry_id: str) -> None:
        """Delete one entry of the diary."""
        self.get_entry(diary_id, entry_id)
        del self._entries[diary_id][entry_id]
        self.touch(diary_id)

    def get_entry(self, diary_id: str, entry_id: str) -> Entry:
        """One entry of the diary."""
        self._diary(diary_id)
        try:
            return self._entries[diary_id][entry_id]
        except KeyError:
            raise EntryNotFound() from None

    def list_entries(self, diary_id: str) -> tuple[Entry, ...]:
        """All entries of the diary, oldest date first (ties by id)."""
        self._diary(diary_id)
        return tuple(sorted(self._entries[diary_id].values(), key=lambda e: (e.date, e.id)))

    def ping(self) -> None:
        """Memory always answers."""

    def _diary(self, diary_id: str) -> Diary:
        try:
            return self._diaries[diary_id]
        except KeyError:
            raise DiaryNotFound() from None


class SqlAlchemyRepository(SqlShares):
    """Diaries in SQLite or PostgreSQL (the tables of :mod:`haelguiden.tracker.tables`, migrated)."""

    def __init__(self, engine: Engine, today: Clock = dt.date.today) -> None:
        """Use ``engine`` (see :func:`haelguiden.tracker.database.make_engine`); ``today`` gives the date."""
        self._engine = engine
        self._reader = reader(engine)
        self._today = today

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """A write transaction (committed on success), with storage failures as StorageError."""
        with storage_errors(self._engine.url), self._engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read-only connection, with storage failures as StorageError."""
        with storage_errors(self._engine.url), self._reader.connect() as conn:
            yield conn

    def ping(self) -> None:
        """Check that the database answers (``SELECT 1``); StorageError when it does not."""
        with self._read() as conn:
            conn.execute(select(1)).scalar()

    def create_diary(
        self,
        *,
        start_date: dt.date,
        lang: str,
        condition_id: str | None = None,
        triage_level: str | None = None,
        age_group: str | None = None,
        diabetes: bool = False,
        numbness: bool = False,
        traits: tuple[str, ...] = (),
    ) -> NewDiary:
        """Create a diary and return it with its link token (the only time the token is available).

        ``age_group`` ("child", "adult" or None for unknown), ``diabetes``, ``numbness`` and the plan
        ``traits`` ("runner", "overweight") are what the diary's plan depends on besides the result; nothing
        else of a person's answers is stored.
        """
        diary, token, token_hash = _new_diary(
            self._today(),
            _Settings(start_date, lang, condition_id, triage_level, age_group, diabetes, numbness, traits),
        )
        with self._write() as conn:
            conn.execute(insert(diaries).values(token_hash=token_hash, **_diary_values(diary)))
        return NewDiary(diary, token)

    def get_diary(self, token: str) -> Diary:
        """The diary for this link token; :class:`DiaryNotFound` for any token that does not open one."""
        presented = tokens.lookup_hash(token)
        with self._read() as conn:
            row = conn.execute(select(diaries).where(diaries.c.token_hash == presented)).first()
        if row is None or not tokens.hashes_match(presented, row.token_hash):
            raise DiaryNotFound()
        return _diary(row)

    def stored_token_hash(self, diary_id: str) -> str:
        """The stored hash of the diary's token (what storage keeps instead of the token)."""
        with self._read() as conn:
            value = conn.execute(select(diaries.c.token_hash).where(diaries.c.id == diary_id)).scalar()
        if value is None:
            raise DiaryNotFound()
        return str(value)

    def touch(self, diary_id: str) -> Diary:
        """Set the diary's last activity to today and return it."""
        with self._write() as conn:
            self._touch(conn, diary_id)
            return _diary(self._row(conn, diary_id))

    def delete_diary(self, diary_id: str) -> None:
        """Delete the diary, its entries and its shares (nothing happens when it is already gone)."""
        with self._write() as conn:
            self._delete_diaries(conn, [diary_id])

    def purge_inactive(self, months: int) -> int:
        """Delete every diary whose last activity is more than ``months`` months ago; return how many."""
        _check_months(months)
        cutoff = months_before(self._today(), months)
        with self._write() as conn:
            old = list(conn.execute(select(diaries.c.id).where(diaries.c.last_activity < cutoff)).scalars())
            self._delete_diaries(conn, old)
        return len(old)

    def add_entry(self, entry: Entry) -> Entry:
        """Store a new entry in its diary."""
        with self._write() as conn:
            self._row(conn, entry.diary_id)
            try:
                conn.execute(
                    insert(entries).values(id=entry.id, diary_id=entry.diary_id, **_entry_values(entry))
                )
            except IntegrityError:
                raise InternalError(f"entry id {entry.id} is already used") from None
            self._touch(conn, entry.diary_id)
        return entry

    def edit_entry(self, entry: Entry) -> Entry:
        """Replace the stored entry with the same id and diary."""
        with self._write() as conn:
            self._row(conn, entry.diary_id)
            result = conn.execute(
                update(entries)
                .where(entries.c.id == entry.id, entries.c.diary_id == entry.diary_id)
                .values(**_entry_values(entry))
            )
            if result.rowcount != 1:
                raise EntryNotFound()
            self._touch(conn, entry.diary_id)
        return entry

    def delete_entry(self, diary_id: str, entry_id: str) -> None:
        """Delete one entry of the diary."""
        with self._write() as conn:
            self._row(conn, diary_id)
            result = conn.execute(
                delete(entries).where(entries.c.id == entry_id, entries.c.diary_id == diary_id)
            )
            if result.rowcount != 1:
                raise EntryNotFound()
            self._touch(conn, diary_id)

    def get_entry(self, diary_id: str, entry_id: str) -> Entry:
        """One entry of the diary."""
        with self._read() as conn:
            self._row(conn, diary_id)
            row = conn.execute(
                select(entries).where(entries.c.id == entry_id, entries.c.diary_id == diary_id)
            ).first()
        if row is None:
            raise EntryNotFound()
        return _entry(row)

    def list_entries(self, diary_id: str) -> tuple[Entry, ...]:
        """All entries of the diary, oldest date first (ties by id)."""
        with self._read() as conn:
            self._row(conn, diary_id)
            rows = conn.execute(
                select(entries).where(entries.c.diary_id == diary_id).order_by(entries.c.date, entries.c.id)
            ).all()
        return tuple(_entry(row) for row in rows)

    def _row(self, conn: Connection, diary_id: str) -> Row[Any]:
        row = conn.execute(select(diaries).where(diaries.c.id == diary_id)).first()
        if row is None:
            raise DiaryNotFound()
        return row

    def _load_diary(self, conn: Connection, diary_id: str) -> Diary:
        return _diary(self._row(conn, diary_id))

    def _touch(self, conn: Connection, diary_id: str) -> None:
        result = conn.execute(
            update(diaries).where(diaries.c.id == diary_id).values(last_activity=self._today())
        )
        if result.rowcount != 1:
            raise DiaryNotFound()

    @classmethod
    def _delete_diaries(cls, conn: Connection, ids: Iterable[str]) -> None:
        ids = list(ids)
        if not ids:
            return
        # Shares and entries first: the foreign keys cascade too, but this does not depend on them being on.
        cls._drop_shares(conn, ids)
        conn.execute(delete(entries).where(entries.c.diary_id.in_(ids)))
        conn.execute(delete(diaries).where(diaries.c.id.in_(ids)))


def _diary_values(diary: Diary) -> dict[str, object]:
    return {
        "id": diary.id,
        "created": diary.created,
        "start_date": diary.start_date,
        "lang": diary.lang,
        "condition_id": diary.condition_id,
        "triage_level": diary.triage_level,
        "last_activity": diary.last_activity,
        "age_group": diary.age_group,
        "diabetes": diary.diabetes,
        "numbness": diary.numbness,
        "plan_traits": ",".join(diary.traits),
    }


def _entry_values(entry: Entry) -> dict[str, object]:
    return {
        "date": entry.date,
        "worst_pain": entry.worst_pain,
        "first_step_pain": entry.first_step_pain,
        "exercises": list(entry.exercises),
        "activity": entry.activity,
        "note": entry.note,
    }


def _diary(row: Row[Any]) -> Diary:
    return Diary(
        id=row.id,
        created=row.created,
        start_date=row.start_date,
        lang=row.lang,
        condition_id=row.condition_id,
        triage_level=row.triage_level,
        last_activity=row.last_activity,
        age_group=row.age_group,
        diabetes=row.diabetes,
        numbness=row.numbness,
        traits=tuple(t for t in row.plan_traits.split(",") if t),
    )


def _entry(row: Row[Any]) -> Entry:
    return Entry(
        id=row.id,
        diary_id=row.diary_id,
        date=row.date,
        worst_pain=row.worst_pain,
        first_step_pain=row.first_step_pain,
        exercises=tuple(row.exercises),
        activity=row.activity,
        note=row.note,
    )


__all__ = ["DiaryRepository", "InMemoryRepository", "NewDiary", "SqlAlchemyRepository", "months_before"]

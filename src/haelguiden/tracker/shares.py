"""Read-only share links: what a person sends their doctor or physiotherapist instead of the diary link.

A share opens the diary's summary and pain chart and nothing else: it has its own token (256 bits, only
the SHA-256 hash stored, compared in constant time, exactly as a diary's), it cannot be used where a diary
token is expected (the two are looked up in different tables), and it can be revoked at any time, which
deletes it with the self-check answers it carried. Deleting or purging a diary deletes its shares.

The storage is written as two mixins, one for each repository in :mod:`haelguiden.tracker.repository`,
so both keep the same behaviour (the repository tests run on both).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, delete, insert, select
from sqlalchemy.engine import Connection

from haelguiden.tracker import tokens
from haelguiden.tracker.model import Diary, DiaryNotFound, new_id
from haelguiden.tracker.tables import diaries, shares

Clock = Callable[[], dt.date]


class ShareNotFound(DiaryNotFound):
    """No share opens with this token, or it was revoked: the same answer for every case."""


@dataclass(frozen=True)
class Share:
    """A read-only link to a diary's summary and chart."""

    id: str
    diary_id: str
    created: dt.date
    #: The self-check answers shared with the link (``Answers.to_dict()``), or None.
    answers: Mapping[str, Any] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class NewShare:
    """A share just made, with its token: shown once, never stored."""

    share: Share
    token: str


def _new_share(diary_id: str, today: dt.date, answers: Mapping[str, Any] | None) -> tuple[Share, str, str]:
    token = tokens.new_token()
    share = Share(id=new_id(), diary_id=diary_id, created=today, answers=dict(answers) if answers else None)
    return share, token, tokens.hash_token(token)


class MemoryShares:
    """Shares kept in dictionaries (for :class:`~haelguiden.tracker.repository.InMemoryRepository`)."""

    _today: Clock
    _diaries: dict[str, Diary]

    def __init__(self) -> None:
        self._shares: dict[str, Share] = {}
        self._share_hashes: dict[str, str] = {}  # share id -> token hash

    def create_share(self, diary_id: str, answers: Mapping[str, Any] | None = None) -> NewShare:
        """Make a read-only link to the diary (with ``answers``, the self-check shared with it, if any)."""
        if diary_id not in self._diaries:
            raise DiaryNotFound()
        share, token, token_hash = _new_share(diary_id, self._today(), answers)
        self._shares[share.id] = share
        self._share_hashes[share.id] = token_hash
        return NewShare(share, token)

    def get_share(self, token: str) -> tuple[Share, Diary]:
        """The share for this token and its diary; :class:`ShareNotFound` for any token that opens none."""
        presented = tokens.lookup_hash(token) if tokens.is_well_formed(token) else None
        found: str | None = None
        for share_id, stored in self._share_hashes.items():
            # Every stored hash is compared, so the time taken does not depend on where a match is.
            if presented is not None and tokens.hashes_match(presented, stored):
                found = share_id
        if found is None:
            raise ShareNotFound()
        share = self._shares[found]
        return share, self._diaries[share.diary_id]

    def list_shares(self, diary_id: str) -> tuple[Share, ...]:
        """The diary's shares, oldest first."""
        return tuple(sorted((s for s in self._shares.values() if s.diary_id == diary_id), key=_order))

    def revoke_share(self, diary_id: str, share_id: str) -> None:
        """Delete one of the diary's shares: its link stops working at once. ShareNotFound if none."""
        share = self._shares.get(share_id)
        if share is None or share.diary_id != diary_id:
            raise ShareNotFound()
        del self._shares[share_id]
        del self._share_hashes[share_id]

    def _drop_shares(self, diary_id: str) -> None:
        for share in self.list_shares(diary_id):
            del self._shares[share.id]
            del self._share_hashes[share.id]


class SqlShares:
    """Shares in the ``diary_shares`` table (for the ``SqlAlchemyRepository``)."""

    _today: Clock

    def _write(self) -> AbstractContextManager[Connection]:
        """A write transaction (the repository's: the write lock taken at its start)."""
        raise NotImplementedError

    def _read(self) -> AbstractContextManager[Connection]:
        """A read-only connection (the repository's)."""
        raise NotImplementedError

    def create_share(self, diary_id: str, answers: Mapping[str, Any] | None = None) -> NewShare:
        """Make a read-only link to the diary (with ``answers``, the self-check shared with it, if any)."""
        share, token, token_hash = _new_share(diary_id, self._today(), answers)
        with self._write() as conn:
            if conn.execute(select(diaries.c.id).where(diaries.c.id == diary_id)).first() is None:
                raise DiaryNotFound()
            conn.execute(
                insert(shares).values(
                    id=share.id,
                    diary_id=diary_id,
                    token_hash=token_hash,
                    created=share.created,
                    answers=share.answers,
                )
            )
        return NewShare(share, token)

    def get_share(self, token: str) -> tuple[Share, Diary]:
        """The share for this token and its diary; :class:`ShareNotFound` for any token that opens none."""
        if not tokens.is_well_formed(token):
            raise ShareNotFound()
        presented = tokens.hash_token(token)
        with self._read() as conn:
            row = conn.execute(select(shares).where(shares.c.token_hash == presented)).first()
            if row is None or not tokens.hashes_match(presented, row.token_hash):
                raise ShareNotFound()
            return _share(row), self._load_diary(conn, row.diary_id)

    def list_shares(self, diary_id: str) -> tuple[Share, ...]:
        """The diary's shares, oldest first."""
        with self._read() as conn:
            rows = conn.execute(select(shares).where(shares.c.diary_id == diary_id)).all()
        return tuple(sorted((_share(r) for r in rows), key=_order))

    def revoke_share(self, diary_id: str, share_id: str) -> None:
        """Delete one of the diary's shares: its link stops working at once. ShareNotFound if none."""
        with self._write() as conn:
            result = conn.execute(
                delete(shares).where(shares.c.id == share_id, shares.c.diary_id == diary_id)
            )
            if result.rowcount != 1:
                raise ShareNotFound()

    def _load_diary(self, conn: Connection, diary_id: str) -> Diary:
        """The diary with this id (the repository knows how to read one)."""
        raise NotImplementedError

    @staticmethod
    def _drop_shares(conn: Connection, diary_ids: list[str]) -> None:
        conn.execute(delete(shares).where(shares.c.diary_id.in_(diary_ids)))


def _order(share: Share) -> tuple[dt.date, str]:
    return (share.created, share.id)


def _share(row: Row[Any]) -> Share:
    return Share(id=row.id, diary_id=row.diary_id, created=row.created, answers=row.answers)


__all__ = ["MemoryShares", "NewShare", "Share", "ShareNotFound", "SqlShares"]

"""Read-only share links on every backend (in memory, SQLite, PostgreSQL): their own token, never the
diary's; revocable; deleted with their diary."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.engine import URL

from haelguiden.tracker.database import make_engine, upgrade
from haelguiden.tracker.model import DiaryNotFound
from haelguiden.tracker.repository import DiaryRepository, SqlAlchemyRepository
from haelguiden.tracker.shares import ShareNotFound
from haelguiden.tracker.tables import shares
from haelguiden.tracker.tokens import TOKEN_LENGTH, hash_token

from .conftest import Clock

ANSWERS = {"answers": [{"question": "age", "value": 38}, {"question": "injury", "value": "none"}]}


def test_a_share_opens_its_diary_with_the_answers_shared(repo: DiaryRepository, clock: Clock) -> None:
    created = repo.create_diary(start_date=clock.today, lang="da")
    made = repo.create_share(created.diary.id, ANSWERS)
    assert len(made.token) == TOKEN_LENGTH
    assert made.token != created.token
    share, diary = repo.get_share(made.token)
    assert share == made.share
    assert (share.diary_id, share.created, share.answers) == (created.diary.id, clock.today, ANSWERS)
    assert diary == created.diary
    assert repo.list_shares(created.diary.id) == (made.share,)


def test_a_share_without_a_self_check_keeps_no_answers(repo: DiaryRepository, clock: Clock) -> None:
    created = repo.create_diary(start_date=clock.today, lang="en")
    made = repo.create_share(created.diary.id)
    assert repo.get_share(made.token)[0].answers is None


def test_a_share_token_never_opens_the_diary_and_a_diary_token_never_a_share(
    repo: DiaryRepository, clock: Clock
) -> None:
    created = repo.create_diary(start_date=clock.today, lang="da")
    made = repo.create_share(created.diary.id, ANSWERS)
    with pytest.raises(DiaryNotFound):
        repo.get_diary(made.token)
    with pytest.raises(ShareNotFound):
        repo.get_share(created.token)


@pytest.mark.parametrize("token", ["", "short", "x" * 44, "!" * 43, "a" * 43])
def test_any_other_token_opens_nothing_and_says_the_same(
    repo: DiaryRepository, clock: Clock, token: str
) -> None:
    created = repo.create_diary(start_date=clock.today, lang="da")
    repo.create_share(created.diary.id)
    with pytest.raises(ShareNotFound):
        repo.get_share(token)


def test_revoking_stops_the_link_at_once_and_keeps_the_others(repo: DiaryRepository, clock: Clock) -> None:
    created = repo.create_diary(start_date=clock.today, lang="da")
    first = repo.create_share(created.diary.id, ANSWERS)
    clock.advance(1)
    second = repo.create_share(created.diary.id)
    assert repo.list_shares(created.diary.id) == (first.share, second.share)

    repo.revoke_share(created.diary.id, first.share.id)

    with pytest.raises(ShareNotFound):
        repo.get_share(first.token)
    assert repo.get_share(second.token)[0] == second.share
    assert repo.list_shares(created.diary.id) == (second.share,)
    with pytest.raises(ShareNotFound):
        repo.revoke_share(created.diary.id, first.share.id)  # already gone


def test_one_diary_cannot_revoke_another_diarys_share(repo: DiaryRepository, clock: Clock) -> None:
    mine = repo.create_diary(start_date=clock.today, lang="da")
    theirs = repo.create_diary(start_date=clock.today, lang="da")
    made = repo.create_share(theirs.diary.id)
    with pytest.raises(ShareNotFound):
        repo.revoke_share(mine.diary.id, made.share.id)
    assert repo.get_share(made.token)[0] == made.share


def test_deleting_or_purging_a_diary_deletes_its_shares(repo: DiaryRepository, clock: Clock) -> None:
    deleted = repo.create_diary(start_date=clock.today, lang="da")
    old = repo.create_diary(start_date=clock.today, lang="da")
    kept = repo.create_diary(start_date=clock.today, lang="da")
    shared = [repo.create_share(d.diary.id) for d in (deleted, old, kept)]
    repo.delete_diary(deleted.diary.id)
    clock.advance(400)
    repo.touch(kept.diary.id)
    assert repo.purge_inactive(12) == 1
    for made in shared[:2]:
        with pytest.raises(ShareNotFound):
            repo.get_share(made.token)
    assert repo.get_share(shared[2].token)[1].id == kept.diary.id


def test_a_share_needs_a_diary(repo: DiaryRepository) -> None:
    with pytest.raises(DiaryNotFound):
        repo.create_share("0" * 32)


def test_only_the_share_tokens_hash_is_stored(database_url: str | URL, clock: Clock) -> None:
    upgrade(database_url)
    engine = make_engine(database_url)
    try:
        repo = SqlAlchemyRepository(engine, today=clock)
        created = repo.create_diary(start_date=clock.today, lang="da")
        made = repo.create_share(created.diary.id, ANSWERS)
        with engine.connect() as conn:
            stored = [str(value) for row in conn.execute(shares.select()) for value in row]
    finally:
        engine.dispose()
    assert made.token not in " ".join(stored)
    assert hash_token(made.token) in stored


def test_creating_a_share_is_dated_today(repo: DiaryRepository, clock: Clock) -> None:
    created = repo.create_diary(start_date=dt.date(2026, 2, 1), lang="da")
    clock.advance(3)
    assert repo.create_share(created.diary.id).share.created == dt.date(2026, 3, 5)

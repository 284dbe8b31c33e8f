"""The repository contract, run on the in-memory fake, SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from haelguiden.engine.model import Text
from haelguiden.errors import InternalError
from haelguiden.tracker.model import Diary, DiaryInputError, DiaryNotFound, Entry, EntryNotFound
from haelguiden.tracker.repository import DiaryRepository, InMemoryRepository, NewDiary, months_before

from .conftest import TODAY, Clock


def new_diary(repo: DiaryRepository, **overrides: object) -> NewDiary:
    settings: dict[str, object] = {
        "start_date": dt.date(2026, 2, 16),
        "lang": "da",
        "condition_id": "plantar_fasciitis",
        "triage_level": "self_care",
    }
    settings.update(overrides)
    return repo.create_diary(**settings)  # type: ignore[arg-type]


def entry(diary: Diary, entry_id: str, day: int, worst: int, **fields: object) -> Entry:
    return Entry(id=entry_id, diary_id=diary.id, date=dt.date(2026, 2, day), worst_pain=worst, **fields)  # type: ignore[arg-type]


def test_create_returns_the_diary_and_its_token_once(repo: DiaryRepository) -> None:
    created = new_diary(repo)
    assert created.diary == Diary(
        id=created.diary.id,
        created=TODAY,
        start_date=dt.date(2026, 2, 16),
        lang="da",
        condition_id="plantar_fasciitis",
        triage_level="self_care",
        last_activity=TODAY,
        age_group=None,
        diabetes=False,
        numbness=False,
    )
    assert len(created.token) == 43
    assert repo.get_diary(created.token) == created.diary


@pytest.mark.parametrize(
    ("age_group", "diabetes", "numbness"),
    [("child", False, False), ("adult", True, False), ("adult", False, True), (None, True, True)],
)
def test_the_plan_flags_are_kept(
    repo: DiaryRepository, age_group: str | None, diabetes: bool, numbness: bool
) -> None:
    created = new_diary(repo, age_group=age_group, diabetes=diabetes, numbness=numbness)
    diary = created.diary
    assert (diary.age_group, diary.diabetes, diary.numbness) == (age_group, diabetes, numbness)
    assert repo.get_diary(created.token) == diary
    assert repo.touch(diary.id) == diary  # a write keeps them


def test_an_unknown_age_group_is_refused(repo: DiaryRepository) -> None:
    with pytest.raises(DiaryInputError) as caught:
        new_diary(repo, age_group="teen")
    assert caught.value.errors == {
        "age_group": Text("Vælg barn (child) eller voksen (adult).", "Choose child or adult.")
    }


def test_only_the_hash_of_the_token_is_stored(repo: DiaryRepository) -> None:
    created = new_diary(repo)
    stored = repo.stored_token_hash(created.diary.id)  # type: ignore[attr-defined]
    assert stored == hashlib.sha256(created.token.encode()).hexdigest()
    assert created.token not in stored


def test_a_diary_without_a_plan(repo: DiaryRepository) -> None:
    created = new_diary(repo, condition_id=None, triage_level=None, lang="en")
    assert (created.diary.condition_id, created.diary.triage_level, created.diary.lang) == (None, None, "en")
    assert repo.get_diary(created.token) == created.diary


def test_two_diaries_have_different_tokens_and_ids(repo: DiaryRepository) -> None:
    first, second = new_diary(repo), new_diary(repo)
    assert first.token != second.token
    assert first.diary.id != second.diary.id
    assert repo.get_diary(second.token) == second.diary


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param("flip", id="one character changed"),
        pytest.param("A" * 43, id="well-formed but unknown"),
        pytest.param("short", id="too short"),
        pytest.param("", id="empty"),
        pytest.param("!" * 43, id="characters a token never has"),
        pytest.param("x" * 1000, id="very long"),
    ],
)
def test_every_token_that_does_not_open_a_diary_gives_the_same_error(repo: DiaryRepository, bad: str) -> None:
    created = new_diary(repo)
    token = created.token
    if bad == "flip":
        bad = token[:-1] + ("A" if token[-1] != "A" else "B")
    with pytest.raises(DiaryNotFound) as caught:
        repo.get_diary(bad)
    assert str(caught.value) == (
        "The diary link does not work. Check that you copied the whole link. "
        "If the diary was deleted, you can start a new one."
    )
    assert caught.value.text.da.startswith("Linket til dagbogen virker ikke.")


def test_entries_are_listed_by_date(repo: DiaryRepository) -> None:
    diary = new_diary(repo).diary
    late = entry(
        diary, "b" * 32, 28, 3, first_step_pain=2, exercises=("calf_raise",), activity="Løb", note="Æble"
    )
    early = entry(diary, "a" * 32, 17, 6)
    assert repo.add_entry(late) == late
    repo.add_entry(early)
    assert repo.list_entries(diary.id) == (early, late)
    assert repo.get_entry(diary.id, late.id) == late


def test_edit_replaces_the_entry(repo: DiaryRepository) -> None:
    diary = new_diary(repo).diary
    original = entry(diary, "a" * 32, 17, 6, exercises=("calf_raise",))
    repo.add_entry(original)
    changed = entry(diary, "a" * 32, 18, 4, first_step_pain=3, note="ny")
    assert repo.edit_entry(changed) == changed
    assert repo.list_entries(diary.id) == (changed,)


def test_delete_entry(repo: DiaryRepository) -> None:
    diary = new_diary(repo).diary
    keep, drop = entry(diary, "a" * 32, 17, 6), entry(diary, "b" * 32, 18, 5)
    repo.add_entry(keep)
    repo.add_entry(drop)
    repo.delete_entry(diary.id, drop.id)
    assert repo.list_entries(diary.id) == (keep,)
    with pytest.raises(EntryNotFound):
        repo.get_entry(diary.id, drop.id)


def test_an_entry_cannot_be_reached_through_another_diary(repo: DiaryRepository) -> None:
    mine, other = new_diary(repo).diary, new_diary(repo).diary
    repo.add_entry(entry(mine, "a" * 32, 17, 6))
    with pytest.raises(EntryNotFound):
        repo.get_entry(other.id, "a" * 32)
    with pytest.raises(EntryNotFound):
        repo.edit_entry(entry(other, "a" * 32, 17, 1))
    with pytest.raises(EntryNotFound):
        repo.delete_entry(other.id, "a" * 32)
    assert repo.list_entries(mine.id) == (entry(mine, "a" * 32, 17, 6),)
    assert repo.list_entries(other.id) == ()


def test_unknown_entries_and_diaries(repo: DiaryRepository) -> None:
    diary = new_diary(repo).diary
    with pytest.raises(EntryNotFound):
        repo.edit_entry(entry(diary, "f" * 32, 17, 1))
    with pytest.raises(EntryNotFound):
        repo.delete_entry(diary.id, "f" * 32)
    gone = Diary("0" * 32, TODAY, TODAY, "da", None, None, TODAY)
    for action in (
        lambda: repo.add_entry(entry(gone, "a" * 32, 17, 1)),
        lambda: repo.list_entries(gone.id),
        lambda: repo.touch(gone.id),
        lambda: repo.get_entry(gone.id, "a" * 32),
    ):
        with pytest.raises(DiaryNotFound):
            action()


def test_a_failed_write_changes_nothing(repo: DiaryRepository, clock: Clock) -> None:
    diary = new_diary(repo).diary
    first = entry(diary, "a" * 32, 17, 6)
    repo.add_entry(first)
    clock.advance(3)
    with pytest.raises(InternalError, match="already used"):
        repo.add_entry(entry(diary, "a" * 32, 18, 2))
    with pytest.raises(EntryNotFound):
        repo.edit_entry(entry(diary, "b" * 32, 18, 2))
    assert repo.list_entries(diary.id) == (first,)
    assert repo.touch(diary.id).last_activity == clock.today  # the diary itself is still usable


def test_writes_record_activity(repo: DiaryRepository, clock: Clock) -> None:
    created = new_diary(repo)
    diary = created.diary
    clock.advance(1)
    repo.add_entry(entry(diary, "a" * 32, 17, 6))
    assert repo.get_diary(created.token).last_activity == dt.date(2026, 3, 3)
    clock.advance(1)
    repo.edit_entry(entry(diary, "a" * 32, 17, 5))
    assert repo.get_diary(created.token).last_activity == dt.date(2026, 3, 4)
    clock.advance(1)
    repo.delete_entry(diary.id, "a" * 32)
    assert repo.get_diary(created.token).last_activity == dt.date(2026, 3, 5)
    clock.advance(1)
    assert repo.touch(diary.id).last_activity == dt.date(2026, 3, 6)
    assert repo.get_diary(created.token).last_activity == dt.date(2026, 3, 6)


def test_reading_does_not_count_as_activity(repo: DiaryRepository, clock: Clock) -> None:
    created = new_diary(repo)
    clock.advance(10)
    repo.get_diary(created.token)
    repo.list_entries(created.diary.id)
    assert repo.get_diary(created.token).last_activity == TODAY


def test_delete_diary_removes_it_and_every_entry(repo: DiaryRepository) -> None:
    created, other = new_diary(repo), new_diary(repo)
    repo.add_entry(entry(created.diary, "a" * 32, 17, 6))
    repo.add_entry(entry(other.diary, "b" * 32, 17, 6))
    repo.delete_diary(created.diary.id)
    with pytest.raises(DiaryNotFound):
        repo.get_diary(created.token)
    with pytest.raises(DiaryNotFound):
        repo.list_entries(created.diary.id)
    repo.delete_diary(created.diary.id)  # deleting again is fine
    assert repo.list_entries(other.diary.id) == (entry(other.diary, "b" * 32, 17, 6),)


def test_purge_deletes_diaries_inactive_for_longer_than_the_limit(
    repo: DiaryRepository, clock: Clock
) -> None:
    clock.today = dt.date(2025, 8, 31)
    old = new_diary(repo, start_date=dt.date(2025, 8, 1))
    repo.add_entry(Entry(id="a" * 32, diary_id=old.diary.id, date=dt.date(2025, 8, 2), worst_pain=5))
    clock.today = dt.date(2025, 9, 1)
    boundary = new_diary(repo, start_date=dt.date(2025, 8, 1))
    clock.today = dt.date(2026, 2, 28)
    recent = new_diary(repo)
    clock.today = dt.date(2026, 3, 1)  # six months earlier is 1 September 2025

    assert repo.purge_inactive(6) == 1
    with pytest.raises(DiaryNotFound):
        repo.get_diary(old.token)
    with pytest.raises(DiaryNotFound):
        repo.list_entries(old.diary.id)
    assert repo.get_diary(boundary.token) == boundary.diary
    assert repo.get_diary(recent.token) == recent.diary
    assert repo.purge_inactive(6) == 0


def test_purge_needs_at_least_one_month(repo: DiaryRepository) -> None:
    with pytest.raises(ValueError, match="months must be at least 1"):
        repo.purge_inactive(0)


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 3, 1), 6, dt.date(2025, 9, 1)),
        (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),
        (dt.date(2028, 8, 31), 6, dt.date(2028, 2, 29)),
        (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),
        (dt.date(2026, 1, 15), 25, dt.date(2023, 12, 15)),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


def test_the_fake_is_a_repository() -> None:
    repo: DiaryRepository = InMemoryRepository()
    assert repo.create_diary(start_date=dt.date.today(), lang="da").diary.start_date == dt.date.today()

"""Durations the way people say them, counted in the whole days the knowledge base uses."""

from __future__ import annotations

import pytest

from haelguiden.durations import largest_unit, max_in, parse_spoken, to_days


@pytest.mark.parametrize(
    ("number", "unit", "days"),
    [(0, "days", 0), (3, "days", 3), (3, "weeks", 21), (2, "months", 60), (1, "years", 365)],
)
def test_to_days(number: int, unit: str, days: int) -> None:
    assert to_days(number, unit) == days  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days", "shown"),
    [(0, (0, "days")), (1, (1, "days")), (14, (2, "weeks")), (30, (1, "months")), (42, (6, "weeks")),
     (45, (45, "days")), (365, (1, "years")), (730, (2, "years"))],
)  # fmt: skip
def test_a_number_of_days_is_shown_in_the_largest_whole_unit(days: int, shown: tuple[int, str]) -> None:
    assert largest_unit(days) == shown


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("14", (14, "days")),
        ("3 uger", (3, "weeks")),
        ("3uger", (3, "weeks")),
        ("1 uge", (1, "weeks")),
        ("2 mdr.", (2, "months")),
        ("2 måneder", (2, "months")),
        ("1 år", (1, "years")),
        ("6 weeks", (6, "weeks")),
        ("1 Year", (1, "years")),
        ("0 dage", (0, "days")),
    ],
)
def test_spoken_durations_are_read_in_danish_and_english(text: str, read: tuple[int, str]) -> None:
    assert parse_spoken(text) == read


@pytest.mark.parametrize("text", ["", "tre uger", "3 fortnights", "3,5 uger", "uger 3"])
def test_anything_else_is_not_a_duration(text: str) -> None:
    assert parse_spoken(text) is None


def test_the_largest_number_per_unit() -> None:
    assert [max_in(u, 36500) for u in ("days", "weeks", "months", "years")] == [36500, 5214, 1216, 100]  # type: ignore[arg-type]

"""Durations the way people say them ("3 uger", "2 months") and the whole days the knowledge base counts.

A question whose fact counts days (``unit: days``, such as how long the pain has lasted) is asked as a
number plus a unit; the web form and the CLI convert the answer to days here before the engine sees it,
and show a stored number of days back in the largest unit it is a whole number of (42 days are 6 weeks).
The units' names are in the message catalogue (``haelguiden.i18n.unit_name``).
A month counts as 30 days and a year as 365, as people mean them; the knowledge base's day ranges are
coarse enough (weeks and months) for that.
"""

from __future__ import annotations

import re
from typing import Literal

Unit = Literal["days", "weeks", "months", "years"]
UNITS: tuple[Unit, ...] = ("days", "weeks", "months", "years")
DAYS_PER: dict[Unit, int] = {"days": 1, "weeks": 7, "months": 30, "years": 365}

#: Words for the units in either language, singular, plural and common short forms.
_WORDS: dict[str, Unit] = {
    "d": "days", "dag": "days", "dage": "days", "dagen": "days", "day": "days", "days": "days",
    "u": "weeks", "uge": "weeks", "uger": "weeks", "w": "weeks", "wk": "weeks", "wks": "weeks",
    "week": "weeks", "weeks": "weeks",
    "md": "months", "mdr": "months", "måned": "months", "måneder": "months", "maaned": "months",
    "maaneder": "months", "m": "months", "mo": "months", "month": "months", "months": "months",
    "år": "years", "aar": "years", "y": "years", "yr": "years", "yrs": "years", "year": "years",
    "years": "years",
}  # fmt: skip
_SPOKEN = re.compile(r"^\s*([+-]?\d+)\s*([^\d\s.]*)\.?\s*$")


def to_days(number: int, unit: Unit) -> int:
    """``number`` of ``unit`` in whole days (a month is 30 days, a year 365)."""
    return number * DAYS_PER[unit]


def largest_unit(days: int) -> tuple[int, Unit]:
    """``days`` as (number, unit) in the largest unit it is a whole number of; 0 stays "0 days"."""
    for unit in reversed(UNITS):
        if days and days % DAYS_PER[unit] == 0:
            return days // DAYS_PER[unit], unit
    return days, "days"


def max_in(unit: Unit, max_days: int) -> int:
    """The largest whole number of ``unit`` that is at most ``max_days``."""
    return max_days // DAYS_PER[unit]


def parse_spoken(text: str) -> tuple[int, Unit] | None:
    """Read "3 uger", "2 mdr.", "1 year" or a bare "14" (days); None when it is not a number and a unit."""
    match = _SPOKEN.match(text.lower())
    if match is None:
        return None
    number, word = int(match.group(1)), match.group(2)
    if not word:
        return number, "days"
    unit = _WORDS.get(word)
    return (number, unit) if unit is not None else None


__all__ = ["DAYS_PER", "UNITS", "Unit", "largest_unit", "max_in", "parse_spoken", "to_days"]

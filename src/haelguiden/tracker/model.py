"""The pain diary's records, its errors, and the check that turns raw input into an :class:`Entry`.

``validate_entry`` takes what a form or the JSON API sent (strings or JSON values), checks every field
and either returns a complete :class:`Entry` or raises :class:`DiaryInputError` with one message per
field, in Danish and English. Nothing is half-checked: all fields are looked at before it raises.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TypeVar

from haelguiden.engine.model import LANGS, TRIAGE_LEVELS, Lang, Text, TriageLevel
from haelguiden.engine.plan_model import AUDIENCES, Audience
from haelguiden.errors import DiaryError
from haelguiden.i18n import N_, both, numeric_date

#: How far before its start date a diary accepts an entry: a baseline, "how it was before the plan".
BASELINE_MONTHS = 12
PAIN_MIN = 0
PAIN_MAX = 10
ACTIVITY_MAX = 200
NOTE_MAX = 1000
EXERCISES_MAX = 50
ENTRY_FIELDS = ("date", "worst_pain", "first_step_pain", "exercises", "activity", "note")

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_]{0,63}$")
_ISO_DATE = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_DANISH_DATE = re.compile(r"^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")  # ASCII digits only
_T = TypeVar("_T")


# --- Errors -------------------------------------------------------------------------------------------


class DiaryNotFound(DiaryError):
    """No diary for this link: unknown, malformed or wrong token, or a deleted diary. Says nothing more."""

    code = "DIARY_NOT_FOUND"
    text = both("diary_link_broken")

    def __init__(self) -> None:
        super().__init__(self.text.en)


class EntryNotFound(DiaryError):
    """No entry with this id in this diary."""

    code = "ENTRY_NOT_FOUND"
    text = both("entry_not_found")

    def __init__(self) -> None:
        super().__init__(self.text.en)


class DiaryInputError(DiaryError):
    """Input that does not fit: ``errors`` maps each wrong field to its message (Danish and English)."""

    code = "DIARY_INPUT_INVALID"
    text = both("input_invalid")

    def __init__(self, errors: Mapping[str, Text]) -> None:
        self.errors: dict[str, Text] = dict(errors)
        super().__init__("; ".join(f"{name}: {message.en}" for name, message in self.errors.items()))


# --- Records ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Diary:
    """A private pain diary, reached only through its link token (which is never stored)."""

    id: str
    created: dt.date
    start_date: dt.date
    lang: Lang
    #: The condition whose self-care plan the diary follows (None: no particular plan).
    condition_id: str | None
    #: The triage level of the assessment the diary started from.
    triage_level: TriageLevel | None
    last_activity: dt.date
    # What the plan depends on besides the result, and nothing more of the answers (data minimisation):
    #: The person's age group when the diary started ("child" under the plans' child age), None: unknown.
    age_group: Audience | None = None
    #: The person has diabetes (the plan adds foot advice and the diabetic-foot warning).
    diabetes: bool = False
    #: The person reports numbness or reduced feeling (the plan leaves out ice and cold).
    numbness: bool = False
    #: The plan traits the answers showed ("runner", "overweight"), sorted: advice only some people need.
    traits: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"Diary.lang must be one of {LANGS}")
        if self.triage_level is not None and self.triage_level not in TRIAGE_LEVELS:
            raise ValueError(f"Diary.triage_level must be one of {TRIAGE_LEVELS} or None")
        if self.age_group is not None and self.age_group not in AUDIENCES:
            raise ValueError(f"Diary.age_group must be one of {AUDIENCES} or None")
        if not isinstance(self.diabetes, bool) or not isinstance(self.numbness, bool):
            raise ValueError("Diary.diabetes and Diary.numbness must be True or False")
        if list(self.traits) != sorted(set(self.traits)) or not all(_SLUG.match(t) for t in self.traits):
            raise ValueError("Diary.traits must be distinct, sorted ids such as ('overweight', 'runner')")


@dataclass(frozen=True)
class Entry:
    """One day in the diary: pain scores (NRS 0–10), exercises done, activity and a note."""

    id: str
    diary_id: str
    date: dt.date
    worst_pain: int
    first_step_pain: int | None = None
    exercises: tuple[str, ...] = ()
    activity: str = ""
    note: str = ""

    def __post_init__(self) -> None:
        # Records built in code (or read back from storage) get the same limits as validated input.
        for name in ("worst_pain", "first_step_pain"):
            value = getattr(self, name)
            if value is None and name == "first_step_pain":
                continue
            if isinstance(value, bool) or not isinstance(value, int) or not PAIN_MIN <= value <= PAIN_MAX:
                raise ValueError(f"Entry.{name} must be a whole number from {PAIN_MIN} to {PAIN_MAX}")
        if len(self.activity) > ACTIVITY_MAX or len(self.note) > NOTE_MAX:
            raise ValueError(f"Entry.activity is at most {ACTIVITY_MAX} and Entry.note {NOTE_MAX} characters")
        if not all(_SLUG.match(e) for e in self.exercises):
            raise ValueError("Entry.exercises must be exercise ids (snake_case)")


def new_id() -> str:
    """A fresh random id for a diary or an entry (32 hex characters)."""
    return uuid.uuid4().hex


# --- Validation ---------------------------------------------------------------------------------------


def validate_entry(
    raw: Mapping[str, object],
    *,
    diary: Diary,
    today: dt.date,
    entry_id: str | None = None,
    known_exercises: Collection[str] | None = None,
) -> Entry:
    """Check raw form or JSON input and return the entry, or raise with a message for every bad field.

    Args:
        raw: Field name -> value. Dates as "28.02.2026", "28/02/2026", "28-02-2026" or ISO "2026-02-28";
            pain as a whole number 0–10 (or its digits); exercises as a list of ids or one comma-separated
            string; activity (≤ 200 characters) and note (≤ 1000). Other keys are ignored.
        diary: The diary the entry belongs to (its start date is the earliest allowed date).
        today: The latest allowed date.
        entry_id: Keep this id (editing an entry); a new id otherwise.
        known_exercises: When given, every exercise id must be one of these.

    Raises:
        DiaryInputError: ``errors`` maps each wrong field to a :class:`Text` in Danish and English.
    """
    errors: dict[str, Text] = {}

    def check(name: str, parse: Callable[[object], _T], fallback: _T) -> _T:
        try:
            return parse(raw.get(name))
        except _Invalid as exc:
            errors[name] = exc.text
            return fallback

    day = check("date", lambda v: _date(v, diary.start_date, today), today)
    worst = check("worst_pain", lambda v: _required_pain(v, "worst_pain"), 0)
    first_step = check("first_step_pain", lambda v: _pain(v, "first_step_pain", required=False), None)
    no_exercises: tuple[str, ...] = ()
    exercises = check("exercises", lambda v: _exercises(v, known_exercises), no_exercises)
    activity = check("activity", lambda v: _free_text(v, "activity", ACTIVITY_MAX), "")
    note = check("note", lambda v: _free_text(v, "note", NOTE_MAX), "")
    if errors:
        raise DiaryInputError(errors)
    return Entry(
        id=entry_id or new_id(),
        diary_id=diary.id,
        date=day,
        worst_pain=worst,
        first_step_pain=first_step,
        exercises=exercises,
        activity=activity,
        note=note,
    )


def validate_new_diary(
    *,
    start_date: dt.date,
    lang: str,
    condition_id: str | None,
    triage_level: str | None,
    today: dt.date,
    age_group: str | None = None,
    traits: tuple[str, ...] = (),
) -> None:
    """Check the settings of a new diary.

    Raises:
        DiaryInputError: with a message per wrong field (start_date, lang, condition_id, triage_level,
            age_group, traits).
    """
    errors: dict[str, Text] = {}
    if start_date > today:
        errors["start_date"] = both("start_future", today=today)
    if lang not in LANGS:
        errors["lang"] = both("lang_invalid")
    if condition_id is not None and not _SLUG.match(condition_id):
        errors["condition_id"] = both("condition_invalid")
    if triage_level is not None and triage_level not in TRIAGE_LEVELS:
        errors["triage_level"] = both("triage_invalid")
    if age_group is not None and age_group not in AUDIENCES:
        errors["age_group"] = both("age_group_invalid")
    if not all(isinstance(t, str) and _SLUG.match(t) for t in traits):
        errors["traits"] = both("traits_invalid")
    if errors:
        raise DiaryInputError(errors)


class _Invalid(Exception):
    def __init__(self, text: Text) -> None:
        self.text = text


#: What the error messages call each pain score and free-text field.
_FIELD_NAMES = {
    "worst_pain": N_("pain_name_worst"),
    "first_step_pain": N_("pain_name_first_step"),
    "activity": N_("text_name_activity"),
    "note": N_("text_name_note"),
}


def _named(key: str, field: str, **values: object) -> Text:
    """The message ``key`` about ``field``, whose name fills ``%(name)s``."""
    return both(key, name=both(_FIELD_NAMES[field]), **values)


def _pain_missing(field: str) -> Text:
    """A required pain score is missing (the worst pain has an instruction of its own)."""
    return both("pain_missing_worst") if field == "worst_pain" else _named(N_("pain_range"), field)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _date(value: object, start: dt.date, today: dt.date) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    elif _blank(value):
        raise _Invalid(both("date_missing", example=numeric_date(today)))
    elif isinstance(value, str):
        day = _parse_date(value.strip(), today)
    else:
        raise _Invalid(both("date_format", example=numeric_date(today)))
    if day > today:
        raise _Invalid(both("date_future", today=today))
    # A baseline may be written before the diary started (how it was before the plan), but not so long
    # before that it is most likely a typing error in the year.
    earliest = months_before(start, BASELINE_MONTHS)
    if day < earliest:
        raise _Invalid(both("date_too_early", earliest=earliest))
    return day


def _parse_date(text: str, today: dt.date) -> dt.date:
    if m := _ISO_DATE.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DANISH_DATE.match(text):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise _Invalid(both("date_format", example=numeric_date(today)))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _Invalid(both("date_impossible")) from None


def _required_pain(value: object, field: str) -> int:
    number = _pain(value, field, required=True)
    if number is None:  # pragma: no cover - _pain raises for a missing required value
        raise _Invalid(_pain_missing(field))
    return number


def _pain(value: object, field: str, *, required: bool) -> int | None:
    if _blank(value):
        if required:
            raise _Invalid(_pain_missing(field))
        return None
    number: int
    if isinstance(value, bool):
        raise _Invalid(_named(N_("pain_not_whole"), field))
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise _Invalid(_named(N_("pain_not_whole"), field))
        number = int(value)
    elif isinstance(value, str) and _INTEGER.match(value.strip()):
        number = int(value.strip())
    else:
        raise _Invalid(_named(N_("pain_not_whole"), field))
    if not PAIN_MIN <= number <= PAIN_MAX:
        raise _Invalid(_named(N_("pain_range"), field))
    return number


def _exercises(value: object, known: Collection[str] | None) -> tuple[str, ...]:
    if _blank(value):
        return ()
    if isinstance(value, str):
        items: list[object] = [part.strip() for part in value.split(",") if part.strip()]
    elif isinstance(value, list | tuple):
        items = list(value)
    else:
        raise _Invalid(both("exercises_invalid"))
    if len(items) > EXERCISES_MAX:
        raise _Invalid(both("exercises_invalid"))
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not _SLUG.match(item.strip()):
            raise _Invalid(both("exercises_invalid"))
        exercise = item.strip()
        if known is not None and exercise not in known:
            raise _Invalid(both("exercises_invalid"))
        if exercise not in out:
            out.append(exercise)
    return tuple(out)


def _free_text(value: object, field: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Invalid(_named(N_("text_not_text"), field))
    text = clean_text(value)
    if len(text) > limit:
        raise _Invalid(_named(N_("text_too_long"), field, limit=limit, length=len(text)))
    return text


def clean_text(value: str) -> str:
    """Free text as stored: NFC, Unix line breaks, no control characters but newline and tab, trimmed.

    PostgreSQL cannot store NUL characters, and other control characters only ever arrive by accident.
    """
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the month's last day when it is shorter)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


__all__ = [
    "ACTIVITY_MAX",
    "BASELINE_MONTHS",
    "ENTRY_FIELDS",
    "NOTE_MAX",
    "PAIN_MAX",
    "PAIN_MIN",
    "Diary",
    "DiaryInputError",
    "DiaryNotFound",
    "Entry",
    "EntryNotFound",
    "clean_text",
    "new_id",
    "validate_entry",
    "validate_new_diary",
]

"""A person's own copy of their diary: JSON (diary and entries) and CSV (one row per entry).

Exports hold what the person wrote and the diary's settings (including the age group, diabetes and
numbness its plan follows; JSON only, CSV holds the entries), never the internal id or the token hash.
CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
get a leading apostrophe, so a note cannot turn into a formula when the file is opened.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from haelguiden.i18n import t
from haelguiden.tracker.model import Diary, Entry

EXPORT_FORMAT = "haelguiden-diary"
EXPORT_VERSION = 1
CSV_COLUMNS = ("date", "worst_pain", "first_step_pain", "exercises", "activity", "note")
JSON_MEDIA_TYPE = "application/json"
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
#: Exercise ids inside one CSV cell are separated by this.
EXERCISE_SEPARATOR = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def diary_to_dict(diary: Diary, entries: Iterable[Entry]) -> dict[str, object]:
    """The diary and its entries as JSON-ready data (dates as ISO strings)."""
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "diary": {
            "created": diary.created.isoformat(),
            "start_date": diary.start_date.isoformat(),
            "lang": diary.lang,
            "condition_id": diary.condition_id,
            "triage_level": diary.triage_level,
            "last_activity": diary.last_activity.isoformat(),
            "age_group": diary.age_group,
            "diabetes": diary.diabetes,
            "numbness": diary.numbness,
            "traits": list(diary.traits),
        },
        "entries": [
            {
                "date": e.date.isoformat(),
                "worst_pain": e.worst_pain,
                "first_step_pain": e.first_step_pain,
                "exercises": list(e.exercises),
                "activity": e.activity,
                "note": e.note,
            }
            for e in _ordered(entries)
        ],
    }


def to_json(diary: Diary, entries: Iterable[Entry]) -> str:
    """The diary as pretty-printed UTF-8 JSON text (Danish letters kept as they are), ending in a newline."""
    return json.dumps(diary_to_dict(diary, entries), ensure_ascii=False, indent=2) + "\n"


def to_csv(entries: Iterable[Entry]) -> str:
    """The entries as CSV text: a header row, then one row per entry, oldest first (RFC 4180 line ends).

    Encode the result as UTF-8. Exercises are joined with ";"; a missing first-step pain is an empty cell.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for e in _ordered(entries):
        writer.writerow(
            [
                e.date.isoformat(),
                e.worst_pain,
                "" if e.first_step_pain is None else e.first_step_pain,
                EXERCISE_SEPARATOR.join(e.exercises),
                _cell(e.activity),
                _cell(e.note),
            ]
        )
    return buffer.getvalue()


def export_filename(diary: Diary, extension: str) -> str:
    """A file name for a download, e.g. ``haelguiden-dagbog-2026-03-01.csv`` (no personal data in it)."""
    stem = t(diary.lang, "file_diary")
    return f"{stem}-{diary.start_date.isoformat()}.{extension}"


def _ordered(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date, e.id))


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


__all__ = [
    "CSV_COLUMNS",
    "CSV_MEDIA_TYPE",
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "JSON_MEDIA_TYPE",
    "diary_to_dict",
    "export_filename",
    "to_csv",
    "to_json",
]

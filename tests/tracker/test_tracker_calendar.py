"""Check-in reminders (.ics): all-day events at the check-in weeks of recovery.yaml, linking to the diary."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from haelguiden.engine.recovery import RecoveryRules
from haelguiden.tracker.calendar import checkin_calendar, checkin_dates

URL = "https://haelguiden.test/dagbog/Secret-Token_123"
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
START = dt.date(2026, 3, 2)


def events(ics: bytes) -> list[dict[str, object]]:
    cal = Calendar.from_ical(ics)
    return [
        {
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "summary": str(e["summary"]),
            "description": str(e["description"]),
            "url": str(e["url"]),
            "uid": str(e["uid"]),
        }
        for e in cal.walk("VEVENT")
    ]


def test_one_all_day_event_per_check_in_week(rules: RecoveryRules) -> None:
    assert rules.checkin_weeks == (2, 4, 6, 8)
    found = events(
        checkin_calendar(start_date=START, weeks=rules.checkin_weeks, diary_url=URL, lang="da", now=NOW)
    )
    assert [(e["start"], e["end"]) for e in found] == [
        (dt.date(2026, 3, 16), dt.date(2026, 3, 17)),
        (dt.date(2026, 3, 30), dt.date(2026, 3, 31)),
        (dt.date(2026, 4, 13), dt.date(2026, 4, 14)),
        (dt.date(2026, 4, 27), dt.date(2026, 4, 28)),
    ]
    assert [e["summary"] for e in found] == [
        "Hælguiden: tjek din hæl (uge 2)",
        "Hælguiden: tjek din hæl (uge 4)",
        "Hælguiden: tjek din hæl (uge 6)",
        "Hælguiden: tjek din hæl (uge 8)",
    ]
    assert all(e["url"] == URL for e in found)


def test_danish_description() -> None:
    (event,) = events(checkin_calendar(start_date=START, weeks=[2], diary_url=URL, lang="da", now=NOW))
    assert event["description"] == (
        "Der er gået 2 uger, siden du startede din plan. Skriv i dagbogen, hvor ondt det gør, og svar på "
        "spørgsmålene om advarselstegn. Så kan du se, om det går den rigtige vej.\n\n"
        f"Din dagbog: {URL}\n\nLinket er privat. Del det kun med nogen, du vil vise din dagbog."
    )


def test_english_summary_and_description() -> None:
    (event,) = events(checkin_calendar(start_date=START, weeks=[4], diary_url=URL, lang="en", now=NOW))
    assert event["summary"] == "Hælguiden: check your heel (week 4)"
    assert event["description"] == (
        "It is 4 weeks since you started your plan. Write in the diary how much it hurts, and answer the "
        "questions about warning signs. Then you can see whether things are going the right way.\n\n"
        f"Your diary: {URL}\n\nThe link is private. Share it only with someone you want to show your diary."
    )


def test_the_file_is_a_valid_utf8_calendar_with_stable_uids_that_hide_the_link() -> None:
    first = checkin_calendar(start_date=START, weeks=[2, 4], diary_url=URL, lang="da", now=NOW)
    again = checkin_calendar(start_date=START, weeks=[2, 4], diary_url=URL, lang="da", now=NOW)
    assert first == again
    text = first.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Hælguiden//Dagbog//DA\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART;VALUE=DATE:20260316\r\n" in text
    assert "DTSTAMP:20260302T093000Z\r\n" in text
    uids = [e["uid"] for e in events(first)]
    assert len(set(uids)) == 2
    assert all("Secret" not in str(uid) and str(uid).endswith("@haelguiden") for uid in uids)


def test_check_in_dates() -> None:
    assert checkin_dates(dt.date(2026, 1, 31), [1, 2]) == (dt.date(2026, 2, 7), dt.date(2026, 2, 14))


def test_weeks_must_be_after_the_start() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        checkin_calendar(start_date=START, weeks=[0], diary_url=URL, lang="da", now=NOW)

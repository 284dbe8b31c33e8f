"""Check-in reminders as an iCalendar file: one all-day event at each check-in week after the start.

The weeks come from ``recovery.yaml`` (``checkins.weeks``); pass them in. Every event links to the diary.
The link is private, so the file should be offered as a download to the diary's owner only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

from icalendar import Calendar, Event

from haelguiden.engine.model import Lang
from haelguiden.i18n import t, tn

PRODID = "-//Hælguiden//Dagbog//DA"
ICS_MEDIA_TYPE = "text/calendar; charset=utf-8"


def checkin_dates(start_date: dt.date, weeks: Sequence[int]) -> tuple[dt.date, ...]:
    """The check-in days: ``start_date`` plus each number of whole weeks."""
    return tuple(start_date + dt.timedelta(weeks=w) for w in weeks)


def checkin_calendar(
    *,
    start_date: dt.date,
    weeks: Sequence[int],
    diary_url: str,
    lang: Lang,
    now: dt.datetime | None = None,
) -> bytes:
    """An .ics file (UTF-8 bytes) with an all-day check-in event at each of ``weeks`` after ``start_date``.

    Args:
        start_date: The day the diary started.
        weeks: Whole weeks after the start (from ``recovery.yaml``), each at least 1.
        diary_url: The private diary link, put in every event.
        lang: The language of the summaries and descriptions.
        now: The time stamp of the events (default: now, UTC).
    """
    if any(w < 1 for w in weeks):
        raise ValueError("checkin_calendar: weeks must be whole weeks after the start, at least 1")
    stamp = now or dt.datetime.now(dt.UTC)
    # The UID must not reveal the link, but must stay the same when the file is downloaded again.
    key = hashlib.sha256(diary_url.encode("utf-8")).hexdigest()[:20]
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", t(lang, "calendar_name"))
    for week, day in zip(weeks, checkin_dates(start_date, weeks), strict=True):
        event = Event()
        event.add("uid", f"checkin-{key}-week-{week}@haelguiden")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", t(lang, "calendar_checkin_summary", week=week))
        event.add("description", tn(lang, "calendar_checkin_description", week, url=diary_url))
        event.add("url", diary_url)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())


__all__ = ["ICS_MEDIA_TYPE", "PRODID", "checkin_calendar", "checkin_dates"]

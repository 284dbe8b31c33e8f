"""Every text the tracker shows a person, in Danish and English, in one place for translators.

Messages never repeat what the person wrote; at most they say how long it was.
"""

from __future__ import annotations

import datetime as dt

from haelguiden.engine.model import Lang, Text

_MONTHS_DA = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: dt.date, lang: Lang) -> str:
    """A date for reading: "5. marts 2026" (da) or "5 March 2026" (en)."""
    if lang == "da":
        return f"{day.day}. {_MONTHS_DA[day.month - 1]} {day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def short_date(day: dt.date, lang: Lang) -> str:
    """A date for an axis label: "5. mar" (da) or "5 Mar" (en)."""
    if lang == "da":
        return f"{day.day}. {_MONTHS_DA[day.month - 1][:3]}"
    return f"{day.day} {_MONTHS_EN[day.month - 1][:3]}"


def numeric_date(day: dt.date) -> str:
    """A date as people type it in Denmark: "05.03.2026"."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def both(da: str, en: str) -> Text:
    """A :class:`Text` (keeps the message functions below short)."""
    return Text(da=da, en=en)


# --- Diary and entry errors -------------------------------------------------------------------------

DIARY_NOT_FOUND = both(
    "Linket til dagbogen virker ikke. Tjek, at du har kopieret hele linket. "
    "Er dagbogen slettet, kan du starte en ny.",
    "The diary link does not work. Check that you copied the whole link. "
    "If the diary was deleted, you can start a new one.",
)
ENTRY_NOT_FOUND = both(
    "Registreringen findes ikke i dagbogen. Den kan være slettet.",
    "The entry is not in the diary. It may have been deleted.",
)
INPUT_INVALID = both("Der er en fejl i det, du har skrevet.", "There is a problem with what you entered.")


def date_missing(today: dt.date) -> Text:
    """No date was given."""
    example = numeric_date(today)
    return both(
        f"Skriv datoen som dag.måned.år, fx {example}.",
        f"Enter the date as day.month.year, for example {example}.",
    )


def date_format(today: dt.date) -> Text:
    """The date is not in a format we read."""
    example = numeric_date(today)
    return both(
        f"Skriv datoen som dag.måned.år med tal, fx {example}.",
        f"Enter the date as day.month.year in numbers, for example {example}.",
    )


def date_impossible() -> Text:
    """The date does not exist (31 February)."""
    return both(
        "Datoen findes ikke. Tjek dag og måned; fx har februar højst 29 dage.",
        "That date does not exist. Check the day and month; February, for example, has at most 29 days.",
    )


def date_future(today: dt.date) -> Text:
    """The date is after today."""
    return both(
        f"Datoen kan ikke være efter i dag ({long_date(today, 'da')}).",
        f"The date cannot be after today ({long_date(today, 'en')}).",
    )


def date_too_early(earliest: dt.date) -> Text:
    """The date is more than the baseline allowance before the diary started."""
    return both(
        f"Datoen kan højst ligge et år før dagbogen startede. Skriv en dato fra {long_date(earliest, 'da')} "
        "til i dag.",
        f"The date can be at most a year before the diary started. Enter a date from "
        f"{long_date(earliest, 'en')} until today.",
    )


PAIN_NAMES = {
    "worst_pain": both("Værste smerte", "Worst pain"),
    "first_step_pain": both("Smerte ved de første skridt", "Pain at the first steps"),
}


def pain_missing(field: str) -> Text:
    """A required pain score is missing."""
    if field == "worst_pain":
        return both(
            "Vælg, hvor ondt det gjorde, da det var værst, fra 0 (ingen smerte) "
            "til 10 (værst tænkelige smerte).",
            "Choose how much it hurt at its worst, from 0 (no pain) to 10 (worst pain imaginable).",
        )
    return pain_range(field)


def pain_not_whole(field: str) -> Text:
    """A pain score with decimals or letters."""
    name = PAIN_NAMES[field]
    return both(
        f"{name.da} skal være et helt tal fra 0 til 10 uden komma, fx 4.",
        f"{name.en} must be a whole number from 0 to 10 without decimals, for example 4.",
    )


def pain_range(field: str) -> Text:
    """A pain score outside 0–10."""
    name = PAIN_NAMES[field]
    return both(f"{name.da} skal være fra 0 til 10.", f"{name.en} must be from 0 to 10.")


def exercises_invalid() -> Text:
    """Exercises that are not ids from the plan's list."""
    return both("Vælg øvelserne fra listen.", "Choose the exercises from the list.")


TEXT_NAMES = {"activity": both("Aktivitet", "Activity"), "note": both("Noten", "The note")}


def text_not_text(field: str) -> Text:
    """A free-text field that is not text."""
    name = TEXT_NAMES[field]
    return both(f"{name.da} skal være tekst.", f"{name.en} must be text.")


def text_too_long(field: str, limit: int, length: int) -> Text:
    """A free-text field over its limit."""
    name = TEXT_NAMES[field]
    return both(
        f"{name.da} må højst være {limit} tegn. Du har skrevet {length}.",
        f"{name.en} must be {limit} characters or fewer. You have written {length}.",
    )


def lang_invalid() -> Text:
    """A language other than da or en."""
    return both("Vælg dansk (da) eller engelsk (en).", "Choose Danish (da) or English (en).")


def triage_invalid() -> Text:
    """A triage level that does not exist."""
    return both("Ukendt hastegrad.", "Unknown triage level.")


def age_group_invalid() -> Text:
    """An age group other than child or adult."""
    return both("Vælg barn (child) eller voksen (adult).", "Choose child or adult.")


def traits_invalid() -> Text:
    """Plan traits that are not ids."""
    return both("Ukendte egenskaber til planen.", "Unknown plan traits.")


def condition_invalid() -> Text:
    """A condition id that is not a slug."""
    return both("Ukendt plan.", "Unknown plan.")


def start_future(today: dt.date) -> Text:
    """A diary start date after today."""
    return both(
        f"Startdatoen kan ikke være efter i dag ({long_date(today, 'da')}).",
        f"The start date cannot be after today ({long_date(today, 'en')}).",
    )


# --- Calendar -----------------------------------------------------------------------------------------


def checkin_summary(week: int) -> Text:
    """The title of a check-in event."""
    return both(f"Hælguiden: tjek din hæl (uge {week})", f"Hælguiden: check your heel (week {week})")


def checkin_description(week: int, url: str) -> Text:
    """The body of a check-in event."""
    return both(
        f"Der er gået {week} uger, siden du startede din plan. Skriv i dagbogen, hvor ondt det gør, "
        "og svar på spørgsmålene om advarselstegn. Så kan du se, om det går den rigtige vej."
        f"\n\nDin dagbog: {url}\n\n"
        "Linket er privat. Del det kun med nogen, du vil vise din dagbog.",
        f"It is {week} weeks since you started your plan. Write in the diary how much it hurts, "
        "and answer the questions about warning signs. "
        "Then you can see whether things are going the right way.\n\n"
        f"Your diary: {url}\n\nThe link is private. Share it only with someone you want to show your diary.",
    )


# --- QR code ----------------------------------------------------------------------------------------

QR_TITLE = both("QR-kode med linket til din dagbog", "QR code with the link to your diary")
QR_SHARE_TITLE = both(
    "QR-kode med linket til resumé og graf (kun til læsning)",
    "QR code with the link to the summary and chart (read only)",
)

# --- Chart --------------------------------------------------------------------------------------------

CHART_TITLE = both("Din smerte over tid (0 til 10)", "Your pain over time (0 to 10)")
CHART_Y_LABEL = both("Smerte (0–10)", "Pain (0–10)")
CHART_X_LABEL = both("Dato", "Date")
CHART_WORST = both("Værste smerte", "Worst pain")
CHART_FIRST_STEP = both("Smerte ved første skridt", "First-step pain")
CHART_EMPTY = both("Ingen registreringer endnu.", "No entries yet.")
CHART_DATE_COLUMN = both("Dato", "Date")
CHART_NOT_RECORDED = both("ikke skrevet", "not recorded")


def chart_count(count: int, first: dt.date, last: dt.date) -> Text:
    """How many entries the chart shows and over which days."""
    if count == 1:
        return both(
            f"Én registrering den {long_date(first, 'da')}.", f"One entry on {long_date(first, 'en')}."
        )
    return both(
        f"{count} registreringer fra {long_date(first, 'da')} til {long_date(last, 'da')}.",
        f"{count} entries from {long_date(first, 'en')} to {long_date(last, 'en')}.",
    )


def chart_single_value(name: Text, value: int) -> Text:
    """One measure with a single value: "Værste smerte: 5."."""
    return both(f"{name.da}: {value}.", f"{name.en}: {value}.")


def chart_trend(name: Text, first: int, last: int) -> Text:
    """How one measure changed from the first to the last entry, in words."""
    change = last - first
    if change == 0:
        return both(f"{name.da} er uændret: {first}.", f"{name.en} is unchanged: {first}.")
    size = abs(change)
    points_en = "point" if size == 1 else "points"
    if change < 0:
        return both(
            f"{name.da} faldt fra {first} til {last} ({size} point lavere).",
            f"{name.en} went down from {first} to {last} ({size} {points_en} lower).",
        )
    return both(
        f"{name.da} steg fra {first} til {last} ({size} point højere).",
        f"{name.en} went up from {first} to {last} ({size} {points_en} higher).",
    )


def chart_not_recorded(name: Text) -> Text:
    """A measure with no values at all."""
    return both(f"{name.da} er ikke skrevet.", f"{name.en} is not recorded.")

"""Every plural message read for 0, 1 and 2 in Danish and English: one form for one, another for the rest
("1 resultat", "2 resultater"; never "resultat(er)" or "alle dens 1 registreringer"). Where none reads
better as a sentence of its own, that is a separate message (``delete_all_body_empty``)."""

from __future__ import annotations

import datetime as dt

import pytest

from haelguiden.i18n import count, long_date, t, tn
from haelguiden.i18n import translations as compiled

from .test_catalogue import messages

FIRST, LAST = "1. marts 2026", "8. marts 2026"
CALENDAR_DA = (
    "Der er gået {}, siden du startede din plan. Skriv i dagbogen, hvor ondt det gør, og svar på "
    "spørgsmålene om advarselstegn. Så kan du se, om det går den rigtige vej.\n\nDin dagbog: "
    "https://x.dk/d\n\nLinket er privat. Del det kun med nogen, du vil vise din dagbog."
)
CALENDAR_EN = (
    "It is {} since you started your plan. Write in the diary how much it hurts, and answer the "
    "questions about warning signs. Then you can see whether things are going the right way.\n\n"
    "Your diary: https://x.dk/d\n\nThe link is private. Share it only with someone you want to show "
    "your diary."
)
VALUES = {
    "calendar_checkin_description": {"url": "https://x.dk/d"},
    "chart_count": {"first": FIRST, "last": LAST},
    "chart_trend_down": {"name": "Værste smerte", "first": 7, "last": 5},
    "chart_trend_up": {"name": "Værste smerte", "first": 5, "last": 7},
    "numbers_worsening": {"points": "2 point"},
    "search_results": {"query": "hæl"},
}
DELETE_DA = (
    "bliver slettet for altid, og linket holder op med at virke. Du kan ikke fortryde. "
    "Hent en kopi først, hvis du vil gemme den."
)
DELETE_EN = (
    "will be deleted for good, and the link will stop working. You cannot undo this. "
    "Download a copy first if you want to keep it."
)
WAIT_DA = "Du har sendt mange forespørgsler på kort tid. Vent "
WAIT_EN = "You have sent many requests in a short time. Wait "
WORSE_DA = "mindst 2 point højere end den første, er det en tydelig forværring."
WORSE_EN = "at least 2 point higher than the first, that is a clear worsening."

#: message -> (Danish for 0, 1, 2), (English for 0, 1, 2)
PLURALS: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "calendar_checkin_description": (
        (
            CALENDAR_DA.format("0 uger"),
            CALENDAR_DA.format("1 uge"),
            CALENDAR_DA.format("2 uger"),
        ),
        (
            CALENDAR_EN.format("0 weeks"),
            CALENDAR_EN.format("1 week"),
            CALENDAR_EN.format("2 weeks"),
        ),
    ),
    "chart_count": (
        (
            f"0 registreringer fra {FIRST} til {LAST}.",
            f"Én registrering den {FIRST}.",
            f"2 registreringer fra {FIRST} til {LAST}.",
        ),
        (
            f"0 entries from {FIRST} to {LAST}.",
            f"One entry on {FIRST}.",
            f"2 entries from {FIRST} to {LAST}.",
        ),
    ),
    "chart_trend_down": (
        (
            "Værste smerte faldt fra 7 til 5 (0 point lavere).",
            "Værste smerte faldt fra 7 til 5 (1 point lavere).",
            "Værste smerte faldt fra 7 til 5 (2 point lavere).",
        ),
        (
            "Værste smerte went down from 7 to 5 (0 points lower).",
            "Værste smerte went down from 7 to 5 (1 point lower).",
            "Værste smerte went down from 7 to 5 (2 points lower).",
        ),
    ),
    "chart_trend_up": (
        (
            "Værste smerte steg fra 5 til 7 (0 point højere).",
            "Værste smerte steg fra 5 til 7 (1 point højere).",
            "Værste smerte steg fra 5 til 7 (2 point højere).",
        ),
        (
            "Værste smerte went up from 5 to 7 (0 points higher).",
            "Værste smerte went up from 5 to 7 (1 point higher).",
            "Værste smerte went up from 5 to 7 (2 points higher).",
        ),
    ),
    "delete_all_body": (
        (
            f"Dagbogen og alle dens 0 registreringer {DELETE_DA}",
            f"Dagbogen og dens ene registrering {DELETE_DA}",
            f"Dagbogen og alle dens 2 registreringer {DELETE_DA}",
        ),
        (
            f"The diary and all its 0 entries {DELETE_EN}",
            f"The diary and its one entry {DELETE_EN}",
            f"The diary and all its 2 entries {DELETE_EN}",
        ),
    ),
    "numbers_worsening": (
        (
            f"Er hver af de seneste 0 registreringer {WORSE_DA}",
            f"Er den seneste registrering {WORSE_DA}",
            f"Er hver af de seneste 2 registreringer {WORSE_DA}",
        ),
        (
            f"If each of the last 0 entries is {WORSE_EN}",
            f"If the last entry is {WORSE_EN}",
            f"If each of the last 2 entries is {WORSE_EN}",
        ),
    ),
    "points": (("0 point", "1 point", "2 point"), ("0 points", "1 point", "2 points")),
    "search_results": (
        ("0 resultater for «hæl»", "1 resultat for «hæl»", "2 resultater for «hæl»"),
        ("0 results for “hæl”", "1 result for “hæl”", "2 results for “hæl”"),
    ),
    "summary_more": (
        ("Og 0 tidligere registreringer.", "Og 1 tidligere registrering.", "Og 2 tidligere registreringer."),
        ("And 0 earlier entries.", "And 1 earlier entry.", "And 2 earlier entries."),
    ),
    "too_many_body": (
        (
            f"{WAIT_DA}0 sekunder, og prøv igen.",
            f"{WAIT_DA}1 sekund, og prøv igen.",
            f"{WAIT_DA}2 sekunder, og prøv igen.",
        ),
        (
            f"{WAIT_EN}0 seconds and try again.",
            f"{WAIT_EN}1 second and try again.",
            f"{WAIT_EN}2 seconds and try again.",
        ),
    ),
    "unit_days": (("dage", "dag", "dage"), ("days", "day", "days")),
    "unit_hours": (("timer", "time", "timer"), ("hours", "hour", "hours")),
    "unit_metres": (("meter", "meter", "meter"), ("metres", "metre", "metres")),
    "unit_minutes": (("minutter", "minut", "minutter"), ("minutes", "minute", "minutes")),
    "unit_months": (("måneder", "måned", "måneder"), ("months", "month", "months")),
    "unit_seconds": (("sekunder", "sekund", "sekunder"), ("seconds", "second", "seconds")),
    "unit_weeks": (("uger", "uge", "uger"), ("weeks", "week", "weeks")),
    "unit_years": (("år", "år", "år"), ("years", "year", "years")),
}


def test_the_table_covers_every_plural_message() -> None:
    assert sorted(PLURALS) == sorted(key for key, m in messages("da").items() if m.pluralizable)


@pytest.mark.parametrize(("key", "texts"), PLURALS.items())
def test_every_plural_for_0_1_and_2(key: str, texts: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    for lang, expected in zip(("da", "en"), texts, strict=True):
        said = tuple(tn(lang, key, n, **VALUES.get(key, {})) for n in (0, 1, 2))  # type: ignore[arg-type]
        assert said == expected


def test_gettext_picks_the_form_from_the_plural_forms_header() -> None:
    assert [compiled("da").ngettext("unit_days", "unit_days", n) for n in (0, 1, 2, 21)] == [
        "dage",
        "dag",
        "dage",
        "dage",
    ]


def test_an_empty_diary_has_a_sentence_of_its_own() -> None:
    assert t("da", "delete_all_body_empty") == (
        "Dagbogen bliver slettet for altid, og linket holder op med at virke. Du kan ikke fortryde."
    )
    assert t("en", "delete_all_body_empty") == (
        "The diary will be deleted for good, and the link will stop working. You cannot undo this."
    )


@pytest.mark.parametrize(
    ("lang", "unit", "number", "text"),
    [
        ("da", "days", 1, "1 dag"),
        ("da", "days", 0, "0 dage"),
        ("da", "years", 38, "38 år"),
        ("da", "minutes", 1, "1 minut"),
        ("en", "weeks", 1, "1 week"),
        ("en", "months", 6, "6 months"),
        ("en", "metres", 1, "1 metre"),
    ],
)
def test_units(lang: str, unit: str, number: int, text: str) -> None:
    assert count(lang, unit, number) == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "day", "text"),
    [
        ("da", dt.date(2026, 3, 5), "5. marts 2026"),
        ("da", dt.date(2026, 11, 25), "25. november 2026"),
        ("en", dt.date(2026, 3, 5), "5 March 2026"),
        ("en", dt.date(2026, 11, 25), "25 November 2026"),
    ],
)
def test_dates_are_written_with_the_month_names_of_the_language(lang: str, day: dt.date, text: str) -> None:
    assert long_date(day, lang) == text  # type: ignore[arg-type]

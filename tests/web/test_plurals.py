"""Counts read as Danish and English: one form for one, another for more, and a wording of its own for none
where that reads better ("1 resultat", "8 resultater"; never "resultat(er)" or "alle dens 1
registreringer")."""

from __future__ import annotations

import pytest

from haelguiden.web.messages import count, plural
from haelguiden.web.plan_diary_messages import wp


@pytest.mark.parametrize(
    ("lang", "number", "text"),
    [
        ("da", 1, "1 resultat for «hæl»"),
        ("da", 8, "8 resultater for «hæl»"),
        ("en", 1, "1 result for “hæl”"),
        ("en", 8, "8 results for “hæl”"),
    ],
)
def test_search_results(lang: str, number: int, text: str) -> None:
    assert plural(lang, "search_results", number, query="hæl") == text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "number", "start"),
    [
        ("da", 0, "Dagbogen bliver slettet for altid"),
        ("da", 1, "Dagbogen og dens ene registrering bliver slettet for altid"),
        ("da", 3, "Dagbogen og alle dens 3 registreringer bliver slettet for altid"),
        ("en", 0, "The diary will be deleted for good"),
        ("en", 1, "The diary and its one entry will be deleted for good"),
        ("en", 3, "The diary and all its 3 entries will be deleted for good"),
    ],
)
def test_deleting_a_diary_says_how_many_entries_go(lang: str, number: int, start: str) -> None:
    assert wp(lang, "delete_all_body", number).startswith(start)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("lang", "entries", "points", "text"),
    [
        (
            "da",
            1,
            1,
            "Er den seneste registrering mindst 1 point højere end den første, er det en tydelig forværring.",
        ),
        (
            "da",
            2,
            2,
            "Er hver af de seneste 2 registreringer mindst 2 point højere end den første, er det en "
            "tydelig forværring.",
        ),
        (
            "en",
            1,
            1,
            "If the last entry is at least 1 point higher than the first, that is a clear worsening.",
        ),
        (
            "en",
            3,
            2,
            "If each of the last 3 entries is at least 2 points higher than the first, that is a clear "
            "worsening.",
        ),
    ],
)
def test_the_worsening_rule_in_words(lang: str, entries: int, points: int, text: str) -> None:
    said = wp(lang, "numbers_worsening", entries, points=wp(lang, "points", points))  # type: ignore[arg-type]
    assert said == text


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

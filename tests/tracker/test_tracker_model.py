"""``validate_entry``: raw form or JSON input becomes an Entry, or every wrong field gets a message in Danish
and English. The diary started on 1 February 2026; today is 2 March 2026."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haelguiden.engine.model import Text
from haelguiden.errors import DiaryError, UserError
from haelguiden.tracker.model import (
    Diary,
    DiaryInputError,
    Entry,
    clean_text,
    validate_entry,
    validate_new_diary,
)

TODAY = dt.date(2026, 3, 2)
VALID = {"date": "2026-02-28", "worst_pain": "6"}


def errors_for(diary: Diary, **fields: object) -> dict[str, Text]:
    with pytest.raises(DiaryInputError) as caught:
        validate_entry({**VALID, **fields}, diary=diary, today=TODAY)
    return caught.value.errors


# --- accepted input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw_date", "expected"),
    [
        ("2026-02-28", dt.date(2026, 2, 28)),
        ("28/02/2026", dt.date(2026, 2, 28)),
        ("28.02.2026", dt.date(2026, 2, 28)),
        ("28-2-2026", dt.date(2026, 2, 28)),
        (" 1.2.2026 ", dt.date(2026, 2, 1)),
        ("2026-03-02", TODAY),
        (dt.date(2026, 2, 14), dt.date(2026, 2, 14)),
    ],
)
def test_dates_in_danish_and_iso_form(diary: Diary, raw_date: object, expected: dt.date) -> None:
    assert validate_entry({**VALID, "date": raw_date}, diary=diary, today=TODAY).date == expected


@pytest.mark.parametrize(("raw", "expected"), [("0", 0), (" 10 ", 10), (7, 7), (7.0, 7), ("+3", 3)])
def test_pain_as_digits_or_json_numbers(diary: Diary, raw: object, expected: int) -> None:
    assert validate_entry({**VALID, "worst_pain": raw}, diary=diary, today=TODAY).worst_pain == expected


def test_a_complete_entry(diary: Diary) -> None:
    entry = validate_entry(
        {
            "date": "28.02.2026",
            "worst_pain": "6",
            "first_step_pain": 4,
            "exercises": ["calf_raise", "towel_curl", "calf_raise"],
            "activity": "  Gåtur 30 min  ",
            "note": "Bedre\r\nom aftenen\x00",
            "csrf_token": "ignored",
        },
        diary=diary,
        today=TODAY,
        entry_id="e1",
        known_exercises={"calf_raise", "towel_curl"},
    )
    assert entry == Entry(
        id="e1",
        diary_id=diary.id,
        date=dt.date(2026, 2, 28),
        worst_pain=6,
        first_step_pain=4,
        exercises=("calf_raise", "towel_curl"),
        activity="Gåtur 30 min",
        note="Bedre\nom aftenen",
    )


def test_optional_fields_may_be_blank(diary: Diary) -> None:
    entry = validate_entry(
        {**VALID, "first_step_pain": "", "exercises": "", "activity": None}, diary=diary, today=TODAY
    )
    assert (entry.first_step_pain, entry.exercises, entry.activity, entry.note) == (None, (), "", "")
    assert len(entry.id) == 32


def test_exercises_from_one_comma_separated_string(diary: Diary) -> None:
    entry = validate_entry({**VALID, "exercises": "calf_raise, towel_curl"}, diary=diary, today=TODAY)
    assert entry.exercises == ("calf_raise", "towel_curl")


def test_text_at_the_limits_is_accepted(diary: Diary) -> None:
    entry = validate_entry({**VALID, "activity": "a" * 200, "note": "n" * 1000}, diary=diary, today=TODAY)
    assert (len(entry.activity), len(entry.note)) == (200, 1000)


# --- refused input: one message per field, in Danish and English --------------------------------------

DATE_FORMAT = Text(
    "Skriv datoen som dag.måned.år med tal, fx 02.03.2026.",
    "Enter the date as day.month.year in numbers, for example 02.03.2026.",
)
DATE_IMPOSSIBLE = Text(
    "Datoen findes ikke. Tjek dag og måned; fx har februar højst 29 dage.",
    "That date does not exist. Check the day and month; February, for example, has at most 29 days.",
)
WORST_NOT_WHOLE = Text(
    "Værste smerte skal være et helt tal fra 0 til 10 uden komma, fx 4.",
    "Worst pain must be a whole number from 0 to 10 without decimals, for example 4.",
)
WORST_RANGE = Text("Værste smerte skal være fra 0 til 10.", "Worst pain must be from 0 to 10.")

REFUSED = {
    "31/02/2026 does not exist": ("date", "31/02/2026", DATE_IMPOSSIBLE),
    "ISO 2026-02-31 does not exist": ("date", "2026-02-31", DATE_IMPOSSIBLE),
    "29.02.2026 (not a leap year)": ("date", "29.02.2026", DATE_IMPOSSIBLE),
    "month 13": ("date", "01.13.2026", DATE_IMPOSSIBLE),
    "words are not a date": ("date", "i går", DATE_FORMAT),
    "two-digit year": ("date", "28.02.26", DATE_FORMAT),
    "a number is not a date": ("date", 20260228, DATE_FORMAT),
    "no date": (
        "date",
        "",
        Text(
            "Skriv datoen som dag.måned.år, fx 02.03.2026.",
            "Enter the date as day.month.year, for example 02.03.2026.",
        ),
    ),
    "tomorrow": (
        "date",
        "2026-03-03",
        Text(
            "Datoen kan ikke være efter i dag (2. marts 2026).",
            "The date cannot be after today (2 March 2026).",
        ),
    ),
    "more than a year before the diary started": (
        "date",
        "31.01.2025",
        Text(
            "Datoen kan højst ligge et år før dagbogen startede. Skriv en dato fra 1. februar 2025 "
            "til i dag.",
            "The date can be at most a year before the diary started. Enter a date from 1 February 2025 "
            "until today.",
        ),
    ),
    "pain 11": ("worst_pain", "11", WORST_RANGE),
    "pain -1": ("worst_pain", -1, WORST_RANGE),
    "pain 4.5": ("worst_pain", 4.5, WORST_NOT_WHOLE),
    "pain '4,5'": ("worst_pain", "4,5", WORST_NOT_WHOLE),
    "pain 'fire'": ("worst_pain", "fire", WORST_NOT_WHOLE),
    "pain true": ("worst_pain", True, WORST_NOT_WHOLE),
    "pain in Arabic-Indic digits": ("worst_pain", "\u0663", WORST_NOT_WHOLE),
    "pain in full-width digits": ("worst_pain", "\uff17", WORST_NOT_WHOLE),
    "no worst pain": (
        "worst_pain",
        " ",
        Text(
            "Vælg, hvor ondt det gjorde, da det var værst, fra 0 (ingen smerte) til 10 (værst tænkelige "
            "smerte).",
            "Choose how much it hurt at its worst, from 0 (no pain) to 10 (worst pain imaginable).",
        ),
    ),
    "first-step pain 12": (
        "first_step_pain",
        "12",
        Text(
            "Smerte ved de første skridt skal være fra 0 til 10.",
            "Pain at the first steps must be from 0 to 10.",
        ),
    ),
    "exercise id with spaces": (
        "exercises",
        ["calf raise"],
        Text("Vælg øvelserne fra listen.", "Choose the exercises from the list."),
    ),
    "exercises as an object": (
        "exercises",
        {"a": 1},
        Text("Vælg øvelserne fra listen.", "Choose the exercises from the list."),
    ),
    "activity over 200 characters": (
        "activity",
        "x" * 201,
        Text(
            "Aktivitet må højst være 200 tegn. Du har skrevet 201.",
            "Activity must be 200 characters or fewer. You have written 201.",
        ),
    ),
    "note over 1000 characters": (
        "note",
        "é" * 1001,
        Text(
            "Noten må højst være 1000 tegn. Du har skrevet 1001.",
            "The note must be 1000 characters or fewer. You have written 1001.",
        ),
    ),
    "note as a number": ("note", 5, Text("Noten skal være tekst.", "The note must be text.")),
}


@pytest.mark.parametrize(("field", "value", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_refused(diary: Diary, field: str, value: object, message: Text) -> None:
    assert errors_for(diary, **{field: value}) == {field: message}


def test_unknown_exercise_ids_are_refused_when_the_plan_lists_them(diary: Diary) -> None:
    with pytest.raises(DiaryInputError) as caught:
        validate_entry(
            {**VALID, "exercises": ["calf_raise", "jump"]},
            diary=diary,
            today=TODAY,
            known_exercises={"calf_raise"},
        )
    assert list(caught.value.errors) == ["exercises"]


def test_every_wrong_field_is_reported_at_once(diary: Diary) -> None:
    errors = errors_for(diary, date="31/02/2026", worst_pain="", first_step_pain="x", note="n" * 1001)
    assert list(errors) == ["date", "worst_pain", "first_step_pain", "note"]


def test_the_error_is_a_user_facing_diary_error_that_does_not_repeat_the_input(diary: Diary) -> None:
    with pytest.raises(DiaryError) as caught:
        validate_entry(
            {"date": "2026-02-28", "worst_pain": "13", "note": "hemmelig" * 200}, diary=diary, today=TODAY
        )
    assert isinstance(caught.value, UserError)
    assert str(caught.value) == (
        "worst_pain: Worst pain must be from 0 to 10.; "
        "note: The note must be 1000 characters or fewer. You have written 1600."
    )
    assert "hemmelig" not in str(caught.value)


@given(st.integers(0, 10))
def test_every_whole_number_from_0_to_10_is_a_pain_score(value: int) -> None:
    diary = Diary("d", TODAY, TODAY, "da", None, None, TODAY)
    entry = validate_entry(
        {"date": TODAY.isoformat(), "worst_pain": str(value), "first_step_pain": value},
        diary=diary,
        today=TODAY,
    )
    assert (entry.worst_pain, entry.first_step_pain) == (value, value)


@given(st.integers().filter(lambda v: not 0 <= v <= 10))
def test_no_number_outside_0_to_10_is_a_pain_score(value: int) -> None:
    diary = Diary("d", TODAY, TODAY, "da", None, None, TODAY)
    with pytest.raises(DiaryInputError) as caught:
        validate_entry({"date": TODAY.isoformat(), "worst_pain": value}, diary=diary, today=TODAY)
    assert caught.value.errors == {"worst_pain": WORST_RANGE}


@given(st.text(max_size=300))
def test_cleaned_text_has_no_control_characters_but_newline_and_tab(text: str) -> None:
    cleaned = clean_text(text)
    assert all(ch in "\n\t" or (ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F) for ch in cleaned)
    assert clean_text(cleaned) == cleaned


def test_entries_built_in_code_keep_the_same_limits() -> None:
    with pytest.raises(ValueError, match="worst_pain must be a whole number from 0 to 10"):
        Entry(id="e", diary_id="d", date=TODAY, worst_pain=11)
    with pytest.raises(ValueError, match="exercises must be exercise ids"):
        Entry(id="e", diary_id="d", date=TODAY, worst_pain=1, exercises=("Calf Raise",))


def test_new_diary_settings_are_checked() -> None:
    with pytest.raises(DiaryInputError) as caught:
        validate_new_diary(
            start_date=dt.date(2026, 3, 3),
            lang="de",
            condition_id="Plantar Fasciitis",
            triage_level="soon",
            today=TODAY,
            age_group="teen",
        )
    assert caught.value.errors == {
        "start_date": Text(
            "Startdatoen kan ikke være efter i dag (2. marts 2026).",
            "The start date cannot be after today (2 March 2026).",
        ),
        "lang": Text("Vælg dansk (da) eller engelsk (en).", "Choose Danish (da) or English (en)."),
        "condition_id": Text("Ukendt plan.", "Unknown plan."),
        "triage_level": Text("Ukendt hastegrad.", "Unknown triage level."),
        "age_group": Text("Vælg barn (child) eller voksen (adult).", "Choose child or adult."),
    }


def test_diaries_built_in_code_keep_the_same_limits(diary: Diary) -> None:
    with pytest.raises(ValueError, match=r"Diary\.age_group must be one of \('adult', 'child'\) or None"):
        dataclasses.replace(diary, age_group="teen")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"Diary\.diabetes and Diary\.numbness must be True or False"):
        dataclasses.replace(diary, numbness=1)  # type: ignore[arg-type]

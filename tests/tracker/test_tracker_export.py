"""Exports: the person's own copy of the diary, exactly as below."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json

from haelguiden.tracker.export import export_filename, to_csv, to_json
from haelguiden.tracker.model import Diary, Entry


def entries(diary: Diary) -> list[Entry]:
    return [
        Entry(
            id="b" * 32,
            diary_id=diary.id,
            date=dt.date(2026, 2, 10),
            worst_pain=4,
            first_step_pain=3,
            exercises=("calf_raise", "towel_curl"),
            activity="Gåtur, 30 min",
            note='Øm efter "lang" tur\nbedre i dag',
        ),
        Entry(id="a" * 32, diary_id=diary.id, date=dt.date(2026, 2, 3), worst_pain=7, note="=HYPERLINK(1)"),
    ]


def test_json(diary: Diary) -> None:
    assert to_json(diary, entries(diary)) == (
        "{\n"
        '  "format": "haelguiden-diary",\n'
        '  "version": 1,\n'
        '  "diary": {\n'
        '    "created": "2026-02-01",\n'
        '    "start_date": "2026-02-01",\n'
        '    "lang": "da",\n'
        '    "condition_id": "plantar_fasciitis",\n'
        '    "triage_level": "self_care",\n'
        '    "last_activity": "2026-02-01",\n'
        '    "age_group": null,\n'
        '    "diabetes": false,\n'
        '    "numbness": false,\n'
        '    "traits": []\n'
        "  },\n"
        '  "entries": [\n'
        "    {\n"
        '      "date": "2026-02-03",\n'
        '      "worst_pain": 7,\n'
        '      "first_step_pain": null,\n'
        '      "exercises": [],\n'
        '      "activity": "",\n'
        '      "note": "=HYPERLINK(1)"\n'
        "    },\n"
        "    {\n"
        '      "date": "2026-02-10",\n'
        '      "worst_pain": 4,\n'
        '      "first_step_pain": 3,\n'
        '      "exercises": [\n'
        '        "calf_raise",\n'
        '        "towel_curl"\n'
        "      ],\n"
        '      "activity": "Gåtur, 30 min",\n'
        '      "note": "Øm efter \\"lang\\" tur\\nbedre i dag"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_json_holds_the_facts_the_plan_follows_and_no_more(diary: Diary) -> None:
    child = dataclasses.replace(diary, age_group="child", diabetes=True, numbness=True, traits=("runner",))
    assert json.loads(to_json(child, ()))["diary"] == {
        "created": "2026-02-01",
        "start_date": "2026-02-01",
        "lang": "da",
        "condition_id": "plantar_fasciitis",
        "triage_level": "self_care",
        "last_activity": "2026-02-01",
        "age_group": "child",
        "diabetes": True,
        "numbness": True,
        "traits": ["runner"],
    }


def test_csv_has_only_the_entries_not_the_diarys_settings(diary: Diary) -> None:
    child = dataclasses.replace(diary, age_group="child", diabetes=True, numbness=True)
    assert to_csv(entries(child)).splitlines()[0] == "date,worst_pain,first_step_pain,exercises,activity,note"


def test_json_holds_no_internal_ids(diary: Diary) -> None:
    text = to_json(diary, entries(diary))
    assert diary.id not in text
    assert "a" * 32 not in text
    assert json.loads(text)["entries"][1]["note"] == 'Øm efter "lang" tur\nbedre i dag'


def test_csv(diary: Diary) -> None:
    assert to_csv(entries(diary)) == (
        "date,worst_pain,first_step_pain,exercises,activity,note\r\n"
        "2026-02-03,7,,,,'=HYPERLINK(1)\r\n"
        '2026-02-10,4,3,calf_raise;towel_curl,"Gåtur, 30 min","Øm efter ""lang"" tur\nbedre i dag"\r\n'
    )


def test_csv_reads_back_as_one_row_per_entry(diary: Diary) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(entries(diary)), newline="")))
    assert [r["date"] for r in rows] == ["2026-02-03", "2026-02-10"]
    assert rows[1]["note"] == 'Øm efter "lang" tur\nbedre i dag'
    assert to_csv(entries(diary)).encode("utf-8").decode("utf-8") == to_csv(entries(diary))


def test_csv_of_an_empty_diary_is_the_header() -> None:
    assert to_csv([]) == "date,worst_pain,first_step_pain,exercises,activity,note\r\n"


def test_file_names(diary: Diary) -> None:
    assert export_filename(diary, "csv") == "haelguiden-dagbog-2026-02-01.csv"
    english = Diary(diary.id, diary.created, diary.start_date, "en", None, None, diary.last_activity)
    assert export_filename(english, "json") == "haelguiden-diary-2026-02-01.json"

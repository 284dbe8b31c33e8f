"""The command line in story mode: ``tjek --story`` and ``eval --story``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from haelguiden.cli import main

#: Questions put after the story, and without a story, for the vignette below.
EXPECTED_STORY_Q, EXPECTED_PLAIN_Q = 5, 8
STORY = "Jeg har haft ondt under venstre hæl i tre måneder, værst når jeg står op om morgenen."


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_tjek_story_shows_what_was_understood_and_asks_only_the_rest() -> None:
    code, out, _ = run("tjek", "--story", STORY, input="2\n\n")
    assert code == 1  # the input ends before the interview does
    lines = out.splitlines()
    start = lines.index("Vi har forstået:")
    assert lines[start + 1 : start + 5] == [
        "  1) Det er venstre fod",
        "  2) Det gør ondt under hælen",
        "  3) Det startede for ca. 90 dage siden",
        "  4) Det er værst ved de første skridt om morgenen eller efter hvile",
    ]
    assert "Spørgsmål 1 (ca. 11 tilbage)" in out
    assert "Hvor gammel er du?" in out


def test_tjek_story_in_english_with_nothing_understood() -> None:
    code, out, _ = run("tjek", "--lang", "en", "--story", "Hello there.", input="")
    assert "We found nothing in your description we could use. We will ask the questions instead." in out
    assert code == 1


def test_tjek_story_with_an_answers_file_uses_the_story_facts(tmp_path: Path) -> None:
    answers = {
        "age": 45,
        "injury": "none",
        "warning_signs": "none",
        "function_signs": "none",
        "history": "none",
        "pain_site": ["heel_underside"],
        "pain_pattern": ["first_steps", "warm_up"],
        "local_signs": "none",
        "self_care_weeks": 2,
        "underside_spot": "front_inner",
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    code, out, err = run("tjek", "--story", STORY, "--answers", str(path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["answers"]["story"] == {
        "side": "left",
        "pain_site": ["heel_underside"],
        "duration_days": 90,
        "first_steps_pain": True,
    }
    assert data["result"]["possible_causes"][0]["id"] == "plantar_fasciitis"


def test_tjek_story_empty_is_one_clear_line() -> None:
    code, _, err = run("tjek", "--story", "  ")
    assert code == 2
    assert err == "Error: --story: write what happened in your own words, or leave --story out\n"


def test_eval_story_writes_story_facts_and_counts_questions_after_the_story(tmp_path: Path) -> None:
    vignette = {
        "id": "s-1",
        "source": "test",
        "story_da": "Jeg er 50 år og har haft ondt under højre hæl i seks uger, værst de første skridt om "
        "morgenen. Der er ingen hævelse eller rødme. Jeg har feber.",
        "facts": {
            "age": 50,
            "side": "right",
            "pain_site": ["heel_underside"],
            "duration_days": 42,
            "first_steps_pain": True,
            "swelling": False,
            "redness": False,
            "fever": True,
        },
        "gold": {"condition": "infection", "acceptable": [], "triage": "urgent", "red_flags": ["fever"]},
    }
    vig = tmp_path / "v.jsonl"
    vig.write_text(json.dumps(vignette, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    code, stdout, err = run("eval", str(vig), "--out", str(out), "--story")
    assert code == 0, err
    assert stdout == f"1 predictions written to {out}\n"
    line = json.loads(out.read_text(encoding="utf-8"))
    assert line["story_facts"] == {
        "age": 50,
        "side": "right",
        "pain_site": ["heel_underside"],
        "duration_days": 42,
        "first_steps_pain": True,
        "swelling": False,
        "redness": False,
        "fever": True,
    }
    code, _, _ = run("eval", str(vig), "--out", str(tmp_path / "q.jsonl"))
    plain = json.loads((tmp_path / "q.jsonl").read_text(encoding="utf-8"))
    assert "story_facts" not in plain
    assert (line["questions_asked"], plain["questions_asked"]) == (EXPECTED_STORY_Q, EXPECTED_PLAIN_Q)
    assert line["triage"] == plain["triage"]


def test_eval_story_needs_a_story_in_every_line(tmp_path: Path) -> None:
    vig = tmp_path / "v.jsonl"
    vig.write_text(json.dumps({"id": "s-1", "facts": {"age": 50}}) + "\n", encoding="utf-8")
    code, _, err = run("eval", str(vig), "--out", str(tmp_path / "p.jsonl"), "--story")
    assert code == 2
    assert err == f"Error: {vig}:1: story_da: story mode needs the patient's story as non-empty text\n"

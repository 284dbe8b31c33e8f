"""The command line: exact output, exit codes, and one clear line for every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from haelguiden.cli import _ask, main
from haelguiden.engine.state import Answers
from haelguiden.services import build_services
from tests.conftest import TINY_KB

PF_ANSWERS = {
    "age": 45,
    "pain_site": ["heel_underside"],
    "duration": 30,
    "injury": "none",
    "warning_signs": "none",
    "function_signs": "none",
    "history": "none",
    "pain_pattern": ["first_steps", "warm_up", "after"],
    "local_signs": "none",
    "underside_spot": "front_inner",
    "self_care_weeks": 2,
}


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_kb_check_prints_a_summary() -> None:
    code, out, _ = run("kb", "check")
    assert code == 0
    assert "uncited claims                   0" in out
    assert "outcome pages                    5" in out
    assert out.rstrip().endswith("knowledge base OK")


def test_kb_check_on_a_broken_folder_exits_2(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("sources: [", encoding="utf-8")
    code, _, err = run("kb", "check", "--dir", str(tmp_path))
    assert code == 2
    assert err.startswith("Error: ")
    assert "sources.yaml: is not valid YAML" in err
    assert "Traceback" not in err


def test_tjek_with_answers_prints_json(tmp_path: Path) -> None:
    code, out, _ = run("tjek", "--answers", str(write(tmp_path, "a.json", PF_ANSWERS)), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "done"
    assert data["result"]["triage"]["level"] == "self_care"
    assert data["result"]["possible_causes"][0]["id"] == "plantar_fasciitis"
    assert data["result"]["possible_causes"][0]["for"]


def test_tjek_with_answers_prints_text_in_english(tmp_path: Path) -> None:
    code, out, _ = run("tjek", "--answers", str(write(tmp_path, "a.json", PF_ANSWERS)), "--lang", "en")
    assert code == 0
    assert "YOU CAN START BY TREATING YOURSELF" in out
    assert "Possible causes (not a diagnosis)" in out
    assert "Plantar fasciitis (heel spur)" in out


def test_tjek_with_incomplete_answers(tmp_path: Path) -> None:
    code, _, err = run("tjek", "--answers", str(write(tmp_path, "a.json", {"age": 45})))
    assert code == 2
    assert err == "Error: the answers are not complete: the next question is 'pain_site'\n"


def test_tjek_with_an_unknown_answer_value(tmp_path: Path) -> None:
    code, _, err = run("tjek", "--answers", str(write(tmp_path, "a.json", {"injury": "meteor"})))
    assert code == 2
    assert err.startswith("Error: answers[0]: injury: 'meteor' is not an answer here; choose one of [")


def test_tjek_with_malformed_json(tmp_path: Path) -> None:
    code, _, err = run("tjek", "--answers", str(write(tmp_path, "a.json", "{not json")))
    assert code == 2
    reason = "Expecting property name enclosed in double quotes"
    assert err == f"Error: {tmp_path / 'a.json'}: not valid JSON (line 1, column 2): {reason}\n"


def test_tjek_with_a_missing_file(tmp_path: Path) -> None:
    code, _, err = run("tjek", "--answers", str(tmp_path / "nope.json"))
    assert code == 2
    assert err == f"Error: {tmp_path / 'nope.json'}: file not found\n"


def test_interactive_tjek_with_dont_know_everywhere() -> None:
    code, out, _ = run("tjek", input="v\n" * 60)
    assert code == 0
    assert "Hvor gammel er du?" in out
    assert "Mulige årsager (ikke en diagnose)" in out


def test_interactive_tjek_says_when_to_call_112_before_the_first_question() -> None:
    code, out, _ = run("tjek", input="v\n" * 60)
    assert code == 0
    first_question = out.index("Hvor gammel er du?")
    assert 0 <= out.index("Ring 112 nu, hvis det er livstruende.") < first_question
    assert 0 < out.index("Det gælder for eksempel, hvis:") < first_question
    assert (
        0
        < out.index(
            "  - Benet er hævet eller gør ondt, og du har samtidig ondt i brystet eller er forpustet."
        )
        < first_question
    )


def test_answers_from_a_file_print_the_result_without_the_112_list(tmp_path: Path) -> None:
    # The answers are already given: the person is not about to answer questions, and the result says
    # what to do.
    code, out, _ = run("tjek", "--answers", str(write(tmp_path, "a.json", PF_ANSWERS)))
    assert code == 0
    assert out.startswith("\nDU KAN STARTE MED AT BEHANDLE DIG SELV\n")
    assert "Det gælder for eksempel, hvis:" not in out


def test_interactive_back_goes_to_the_previous_question() -> None:
    code, out, _ = run("tjek", input="40\nb\n41\n" + "v\n" * 60)
    assert code == 0
    assert out.count("Hvor gammel er du?") == 2


def test_unknown_option_is_a_usage_error() -> None:
    code, _, err = run("tjek", "--colour")
    assert code == 2
    assert "No such option '--colour'" in err


VIGNETTE = {"id": "t-1", "facts": {"age": 40, "pain_site": ["heel_underside"], "first_steps_pain": True}}


def test_eval_writes_one_prediction_per_vignette_without_gold(tmp_path: Path) -> None:
    src = write(
        tmp_path, "v.jsonl", json.dumps(VIGNETTE) + "\n\n" + json.dumps({**VIGNETTE, "id": "t-2"}) + "\n"
    )
    out = tmp_path / "out" / "p.jsonl"
    code, stdout, _ = run("eval", str(src), "--out", str(out))
    assert code == 0
    assert stdout == f"2 predictions written to {out}\n"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in lines] == ["t-1", "t-2"]
    assert set(lines[0]) >= {"id", "conditions", "triage", "questions_asked"}
    assert len(lines[0]["conditions"]) == 19
    assert lines[0]["questions_asked"] > 0


def test_eval_can_forget_a_share_of_the_facts_first(tmp_path: Path) -> None:
    full = {"id": "t-1", "facts": {**VIGNETTE["facts"], "trend": "unchanged", "duration_days": 90}}  # type: ignore[dict-item]
    src = write(tmp_path, "v.jsonl", json.dumps(full) + "\n")
    outs = [tmp_path / f"p{n}.jsonl" for n in range(3)]
    for out, rate in zip(outs, ("0", "1", "1"), strict=True):
        code, _, _ = run("eval", str(src), "--out", str(out), "--drop-facts", rate, "--seed", "3")
        assert code == 0
    kept, dropped, again = (json.loads(o.read_text(encoding="utf-8")) for o in outs)
    assert dropped == again
    assert kept["questions_asked"] != dropped["questions_asked"] or kept["triage"] != dropped["triage"]


def test_eval_refuses_a_share_above_one(tmp_path: Path) -> None:
    src = write(tmp_path, "v.jsonl", json.dumps(VIGNETTE) + "\n")
    code, _, err = run("eval", str(src), "--out", str(tmp_path / "p.jsonl"), "--drop-facts", "1.5")
    assert code == 2
    assert "Invalid value for '--drop-facts': 1.5 is not in the range 0<=x<=1." in err


def test_eval_rejects_an_invalid_line(tmp_path: Path) -> None:
    src = write(tmp_path, "v.jsonl", json.dumps(VIGNETTE) + "\n{broken\n")
    code, _, err = run("eval", str(src), "--out", str(tmp_path / "p.jsonl"))
    assert code == 2
    assert err.startswith(f"Error: {src}:2: not valid JSON")


def test_eval_rejects_an_unknown_fact_value(tmp_path: Path) -> None:
    bad = {"id": "t-1", "facts": {"injury": "meteor"}}
    src = write(tmp_path, "v.jsonl", json.dumps(bad) + "\n")
    code, _, err = run("eval", str(src), "--out", str(tmp_path / "p.jsonl"))
    assert code == 2
    assert err == f'Error: {src}:1: facts.injury: "meteor" is not a valid enum value\n'


def test_eval_rejects_an_empty_file(tmp_path: Path) -> None:
    src = write(tmp_path, "v.jsonl", "\n")
    code, _, err = run("eval", str(src), "--out", str(tmp_path / "p.jsonl"))
    assert code == 2
    assert err == f"Error: {src}: no vignettes in the file\n"


def test_kb_check_on_the_tiny_fixture() -> None:
    code, out, _ = run("kb", "check", "--dir", str(TINY_KB))
    assert code == 0
    assert "conditions                       3" in out


def test_interactive_tjek_ends_with_112_right_after_an_emergency_answer() -> None:
    # age, site, duration, injury = none, then tick "new numbness around the genitals" (4th line)
    code, out, _ = run("tjek", input="60\n1\n10\n1\n4\n")
    assert code == 0
    assert out.rstrip().count("Hvor gammel er du?") == 1
    assert "RING 112" in out
    assert "Passer noget af dette" not in out
    assert "Mulige årsager" not in out


def test_interactive_tjek_lets_the_patient_answer_the_unknowns_that_made_it_cautious() -> None:
    # age 45, under the heel, 30 days, no injury, "ved ikke" to both warning-sign lists, no history,
    # "ved ikke" to the rest; then "s" and "none of these" to the two lists asked again
    first = "45\n1\n30\n1\nv\nv\ni\n" + "v\n" * 4
    code, out, _ = run("tjek", input=first + "s\n" + "i\ni\n" + "v\n" * 10)
    titles = [line for line in out.splitlines() if line.isupper()]
    assert code == 0
    assert titles == ["BLIV VURDERET AF EN FYSIOTERAPEUT", "DU KAN STARTE MED AT BEHANDLE DIG SELV"]
    assert out.count("Rådet er forsigtigt, fordi nogle svar var 'ved ikke'.") == 1


def test_a_duration_in_the_answers_file_may_be_written_as_people_say_it(tmp_path: Path) -> None:
    in_days = run(
        "tjek", "--answers", str(write(tmp_path, "a.json", {**PF_ANSWERS, "duration": 42})), "--json"
    )
    in_weeks = run(
        "tjek", "--answers", str(write(tmp_path, "b.json", {**PF_ANSWERS, "duration": "6 uger"})), "--json"
    )
    assert in_days[0] == in_weeks[0] == 0
    assert in_days[1] == in_weeks[1]
    code, _, err = run(
        "tjek", "--answers", str(write(tmp_path, "c.json", {**PF_ANSWERS, "duration": "6 fortnights"}))
    )
    assert code == 2
    assert err.startswith("Error: ")


@pytest.mark.parametrize(("typed", "days"), [("3 uger", 21), ("2 måneder", 60), ("10", 10), ("1 year", 365)])
def test_interactive_tjek_takes_a_duration_as_a_number_and_a_unit(typed: str, days: int) -> None:
    services = build_services()
    answers = Answers().answer(services.kb, "age", 40)
    assessment = services.assess(answers)
    question = services.kb.question("duration")
    with CliRunner().isolation(input=f"tre uger\n{typed}\n") as (out, _err, _):
        value = _ask(question, assessment, "da", "days")
    shown = out.getvalue().decode()
    assert value == days
    assert "Skriv et tal og dage, uger, måneder eller år, fx 3 uger" in shown
    assert shown.count("Det svar forstod jeg ikke. Prøv igen.") == 1  # "tre uger" is not a number

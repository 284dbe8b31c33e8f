"""Loading recovery.yaml: the real file loads, and every kind of mistake gets a message that names the
file, the entry and the field."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from haelguiden.engine.recovery import REASON_IDS, RULE_NAMES, RecoveryRules
from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.recovery import load_recovery_rules, parse_recovery_rules

KB = Path(__file__).resolve().parents[2] / "src" / "haelguiden" / "knowledge_base"


def test_the_real_rules(rules: RecoveryRules) -> None:
    assert (rules.mcid_points, rules.mcid_percent) == (2, 30.0)
    assert rules.review_after_weeks == 6
    assert rules.checkin_weeks == (2, 4, 6, 8)
    assert (rules.worsening_points, rules.worsening_entries) == (2, 2)
    assert [m.id for m in rules.measures] == ["first_step_pain", "worst_pain"]
    assert rules.sources["mcid"] == ("ref-82",)
    assert rules.sources["review"] == ("ref-33", "ref-35", "ref-36", "ref-5")
    assert set(rules.sources) == set(RULE_NAMES)
    assert set(rules.reasons) == set(REASON_IDS)


def test_every_rule_cites_a_source(rules: RecoveryRules) -> None:
    assert all(rules.sources[name] for name in RULE_NAMES)


def raw() -> dict[str, Any]:
    data = yaml.safe_load((KB / "recovery.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def problems(data: object) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        parse_recovery_rules(
            data,
            known_sources={
                "ref-82",
                "ref-33",
                "ref-35",
                "ref-36",
                "ref-5",
                "ref-32",
                "ref-74",
                "ref-77",
                "ref-78",
            },
        )
    return caught.value.problems


def test_unknown_key_with_a_spelling_suggestion() -> None:
    data = raw()
    data["mcid"]["pionts"] = 2
    assert problems(data) == [
        "recovery.yaml: mcid.pionts: unknown field; remove it or check its spelling. Did you mean 'points'? "
        "Allowed here: points, percent, sources, note."
    ]


def test_unknown_key_inside_an_outcome() -> None:
    data = raw()
    data["outcomes"]["keep_going"]["txt"] = "x"
    assert problems(data) == [
        "recovery.yaml: outcomes.keep_going.txt: unknown field; remove it or check its spelling. "
        "Did you mean 'text'? Allowed here: text, sources."
    ]


def test_missing_field() -> None:
    data = raw()
    del data["review"]["after_weeks"]
    assert problems(data) == ["recovery.yaml: review.after_weeks: is missing; add it"]


def test_wrong_type_and_range() -> None:
    data = raw()
    data["worsening"]["points"] = "2"
    data["low_pain"]["max"] = 11
    assert problems(data) == [
        "recovery.yaml: worsening.points: input should be a valid integer (got '2'); write a whole number",
        "recovery.yaml: low_pain.max: input should be less than or equal to 10 (got 11)",
    ]


def test_a_rule_without_sources() -> None:
    data = raw()
    data["mcid"]["sources"] = []
    assert problems(data) == [
        "recovery.yaml: mcid.sources: list should have at least 1 item after validation, not 0 (got [])"
    ]


def test_a_source_that_is_not_an_id() -> None:
    data = raw()
    data["low_pain"]["sources"] = ["Farrar 2001"]
    assert problems(data) == [
        "recovery.yaml: low_pain.sources[0]: 'Farrar 2001' is not a source id; write ref-N "
        "(see sources.yaml) or 'estimate'"
    ]


def test_unknown_source_id() -> None:
    data = raw()
    data["review"]["sources"] = ["ref-33", "ref-355"]
    assert problems(data) == [
        "recovery.yaml: review.sources: unknown source 'ref-355'; cite an id from sources.yaml or write "
        "'estimate'. Did you mean 'ref-35' or 'ref-5'?"
    ]


def test_missing_and_unknown_reasons() -> None:
    data = raw()
    data["reasons"]["improvng"] = data["reasons"].pop("improving")
    assert problems(data) == [
        "recovery.yaml: reasons.improvng: unknown reason id. Did you mean 'improving' or "
        "'no_improvement'? Known ids: " + ", ".join(REASON_IDS) + ".",
        "recovery.yaml: reasons.improving: is missing; add a text for it in Danish (da) and English (en).",
    ]


def test_placeholders_are_checked() -> None:
    data = raw()
    data["reasons"]["no_entries"]["en"] = "Nothing since {baseline}."
    data["reasons"]["improving"]["da"] = "Fra {basline} til {latest}."
    data["outcomes"]["urgent_now"]["text"]["en"] = "Call {phone}."
    assert problems(data) == [
        "recovery.yaml: reasons.no_entries.en: unknown placeholder '{baseline}'. "
        "Placeholders allowed here: {week}, {review_weeks}.",
        "recovery.yaml: reasons.improving.da: unknown placeholder '{basline}'. "
        "Placeholders allowed here: {measure}, {baseline}, {latest}, {points}, {percent}, {week}, "
        "{review_weeks}, {count}.",
        "recovery.yaml: outcomes.urgent_now.text.en: unknown placeholder '{phone}'. "
        "Placeholders allowed here: none.",
    ]


def test_weeks_in_order_and_measures_once() -> None:
    data = raw()
    data["checkins"]["weeks"] = [4, 2, 2]
    data["measures"]["order"].append(data["measures"]["order"][0])
    assert problems(data) == [
        "recovery.yaml: checkins.weeks: list each week once, in increasing order (got [4, 2, 2])",
        "recovery.yaml: measures.order: a measure is listed twice "
        "(got ['first_step_pain', 'worst_pain', 'first_step_pain'])",
    ]


def test_empty_danish_text() -> None:
    data = raw()
    data["reasons"]["early"]["da"] = "  "
    assert problems(data) == [
        "recovery.yaml: reasons.early.da: string should have at least 1 character (got '  ')"
    ]


def test_not_a_mapping() -> None:
    assert problems(["x"]) == [
        "recovery.yaml: the file must be a mapping with the keys mcid, review, checkins, worsening, "
        "low_pain, measures, outcomes, reasons"
    ]


def test_loading_from_a_folder_checks_sources_yaml(tmp_path: Path) -> None:
    shutil.copy(KB / "sources.yaml", tmp_path / "sources.yaml")
    data = raw()
    data["low_pain"]["sources"] = ["ref-9999"]
    (tmp_path / "recovery.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_recovery_rules(tmp_path)
    assert caught.value.problems == [
        f"{tmp_path / 'recovery.yaml'}: low_pain.sources: unknown source 'ref-9999'; cite an id from "
        "sources.yaml or write 'estimate'. Did you mean 'ref-99' or 'ref-9'?"
    ]


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    shutil.copy(KB / "sources.yaml", tmp_path / "sources.yaml")
    (tmp_path / "recovery.yaml").write_text("mcid:\n  points: [2\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_recovery_rules(tmp_path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{tmp_path / 'recovery.yaml'}: is not valid YAML (line 3, column 1):")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError) as caught:
        load_recovery_rules(tmp_path)
    assert caught.value.problems == [
        f"{tmp_path / 'recovery.yaml'}: file is missing; it is required in the knowledge folder"
    ]

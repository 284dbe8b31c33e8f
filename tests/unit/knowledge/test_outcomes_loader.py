"""outcomes.yaml: the outcome page of each level, checked at load; every message names file, entry, field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.loader import default_directory
from haelguiden.knowledge.outcomes import load_outcomes


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the two files the outcomes need: outcomes.yaml and sources.yaml."""
    for name in ("outcomes.yaml", "sources.yaml"):
        shutil.copy(default_directory() / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as err:
        load_outcomes(folder)
    return err.value.problems


def test_the_shipped_file_has_every_level_in_order_with_sources() -> None:
    outcomes = load_outcomes()
    assert list(outcomes) == ["emergency", "urgent", "gp", "professional", "self_care"]
    assert all(o.sources for o in outcomes.values())
    emergency = outcomes["emergency"]
    assert emergency.call is not None
    assert (emergency.call.number, emergency.call.label.da) == ("112", "Ring 112")
    assert [level for level, o in outcomes.items() if o.offer_plan] == ["gp", "professional", "self_care"]
    assert [level for level, o in outcomes.items() if o.after_hours] == ["urgent"]


def test_an_unknown_source_names_the_entry_and_suggests_one(folder: Path) -> None:
    edit(folder / "outcomes.yaml", "sources: [ref-71, ref-72, ref-73]", "sources: [ref-71, ref-72, ref-733]")
    assert problems(folder) == [
        "outcomes.yaml: entry 'urgent': sources: unknown source 'ref-733'; cite an id from sources.yaml or "
        "write 'estimate'. Did you mean 'ref-73' or 'ref-33'?"
    ]


def test_urgent_may_not_offer_the_plan(folder: Path) -> None:
    edit(folder / "outcomes.yaml", "    offer_plan: false\n    later:", "    offer_plan: true\n    later:")
    assert problems(folder) == [
        "outcomes.yaml: entry 'urgent': offer_plan: must be false for 'urgent': the plan and the diary come "
        "after an examination; say so in 'later' instead"
    ]


def test_a_number_to_call_is_digits_only(folder: Path) -> None:
    edit(folder / "outcomes.yaml", 'number: "112"', 'number: "1 1 2"')
    assert problems(folder) == [
        "outcomes.yaml: entry 'emergency': call.number: '1 1 2' is not a phone number to dial; write digits "
        'only, e.g. "112"'
    ]


def test_a_misspelt_field_and_a_missing_language_are_both_reported(folder: Path) -> None:
    edit(
        folder / "outcomes.yaml",
        "    safety_net:\n      da: Ring 112",
        "    safety_nett:\n      da: Ring 112",
    )
    edit(
        folder / "outcomes.yaml",
        '{da: "Inden for få dage", en: "Within a few days"}',
        '{da: "Inden for få dage"}',
    )
    assert problems(folder) == [
        "outcomes.yaml: entry 'urgent': safety_nett: unknown field; remove it or check its spelling. "
        "Did you mean 'safety_net'?",
        "outcomes.yaml: entry 'gp': when.en: is missing; add it",
    ]


def test_a_missing_level_is_named(folder: Path) -> None:
    text = (folder / "outcomes.yaml").read_text(encoding="utf-8")
    start = text.index("  - level: gp")
    end = text.index("  - level: professional")
    (folder / "outcomes.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    assert problems(folder) == ["outcomes.yaml: outcomes: no entry for level 'gp'; add one"]


def test_broken_yaml_names_line_and_column(folder: Path) -> None:
    (folder / "outcomes.yaml").write_text("outcomes:\n  - level: [\n", encoding="utf-8")
    [problem] = problems(folder)
    assert problem.startswith("outcomes.yaml: is not valid YAML (line 3, column 1)")


def test_a_parent_reads_about_the_child_and_the_rest_is_shared() -> None:
    professional = load_outcomes()["professional"]
    child = professional.words_for(child=True)
    assert professional.lead.da == "Det haster ikke, men det er en god idé, at en fagperson ser på din fod."
    assert child.lead.da == "Det haster ikke, men det er en god idé, at en fagperson ser på barnets fod."
    assert child.title == professional.title  # not given under child: shared
    assert child.when == professional.when
    assert professional.words_for(child=False) is professional
    assert all(o.for_child is not None for o in load_outcomes().values())


def test_a_misspelt_child_field_is_named(folder: Path) -> None:
    edit(folder / "outcomes.yaml", "    child:\n      lead:", "    child:\n      leed:")
    assert problems(folder) == [
        "outcomes.yaml: entry 'emergency': child.leed: unknown field; remove it or check its spelling. "
        "Did you mean 'lead'?"
    ]

"""The loader on broken knowledge files: every problem at once, each naming file, entry and field."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.loader import load_knowledge
from tests.conftest import TINY_KB


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(TINY_KB, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as err:
        load_knowledge(directory)
    return err.value.problems


def test_unknown_fact_in_evidence_suggests_a_spelling(broken: Path) -> None:
    edit(broken / "conditions" / "tendon.yaml", "  morning: {p:", "  mornin: {p:")
    assert problems(broken) == [
        "conditions/tendon.yaml: entry 'tendon': evidence.mornin: unknown fact 'mornin'; "
        "use an id from facts.yaml. Did you mean 'morning'?"
    ]


def test_unknown_source(broken: Path) -> None:
    edit(broken / "rules.yaml", "sources: [ref-2]", "sources: [ref-22]")
    assert problems(broken) == [
        "rules.yaml: entry 'long': sources: unknown source 'ref-22'; cite an id from sources.yaml "
        "or write 'estimate'. Did you mean 'ref-2' or 'ref-1'?"
    ]


def test_yaml_syntax_error_names_line_and_column(broken: Path) -> None:
    edit(broken / "rules.yaml", "  - id: snap\n", "  - id: snap\n   bad: [\n")
    (message,) = problems(broken)
    assert message.startswith("rules.yaml: is not valid YAML (line ")


def test_probabilities_that_add_up_to_more_than_one(broken: Path) -> None:
    edit(
        broken / "conditions" / "fasciitis.yaml",
        "site: {p: {under: 0.9}",
        "site: {p: {under: 0.9, back: 0.3}",
    )
    assert problems(broken) == [
        "conditions/fasciitis.yaml: entry 'fasciitis': evidence.site.p: the probabilities add up to 1.200; "
        "they must not exceed 1"
    ]


def test_unknown_field(broken: Path) -> None:
    edit(broken / "rules.yaml", "    red_flag: false\n", "    red_flag: false\n    colour: red\n")
    assert problems(broken) == [
        "rules.yaml: entry 'long': colour: unknown field; remove it or check its spelling"
    ]


def test_question_options_must_match_the_fact(broken: Path) -> None:
    edit(
        broken / "questions.yaml",
        '{value: back, label: {da: "Bag", en: "Back"}}',
        '{value: side, label: {da: "Side", en: "Side"}}',
    )
    assert problems(broken) == [
        "questions.yaml: entry 'site': options: the options must be exactly the values of fact 'site': "
        "['under', 'back'] (got ['under', 'side'])"
    ]


def test_unknown_value_in_a_rule(broken: Path) -> None:
    edit(broken / "rules.yaml", "when: {fact: weeks, ge: 6}", "when: {fact: site, in: [undr]}")
    assert problems(broken) == [
        "rules.yaml: entry 'long': when.in: 'undr' is not a value of fact 'site'; "
        "allowed: ['under', 'back']. Did you mean 'under'?"
    ]


def test_missing_care_level(broken: Path) -> None:
    text = (broken / "care.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "level: gp" not in line]
    (broken / "care.yaml").write_text("\n".join(lines), encoding="utf-8")
    assert problems(broken) == ["care.yaml: actions: no action for level 'gp'; add one"]


def test_the_situations_to_call_112_for_are_listed_under_emergency_only(broken: Path) -> None:
    edit(
        broken / "care.yaml",
        'action: {da: "L\\u00e6ge.", en: "GP."}, sources: [ref-1]}',
        'action: {da: "L\\u00e6ge.", en: "GP."}, sources: [ref-1], '
        'signs: [{text: {da: "a", en: "a"}, sources: [ref-1]}]}',
    )
    assert problems(broken) == [
        "care.yaml: actions: 'gp': signs: signs are the situations to call 112 for before any question; "
        "list them under the emergency action only"
    ]


def test_the_emergency_action_must_list_situations_to_call_112_for(broken: Path) -> None:
    edit(
        broken / "care.yaml",
        ', signs: [{text: {da: "Knoglen stikker ud.", en: "Bone shows."}, sources: [ref-1]}]',
        "",
    )
    assert problems(broken) == [
        "care.yaml: actions: 'emergency': signs: list at least one situation to call 112 for at once "
        "(shown before the first question)"
    ]


def test_each_situation_to_call_112_for_names_a_known_source(broken: Path) -> None:
    edit(broken / "care.yaml", 'en: "Bone shows."}, sources: [ref-1]', 'en: "Bone shows."}, sources: [ref-9]')
    assert problems(broken)[0].startswith("care.yaml: actions: 'emergency': signs[1]: sources: ")


def test_every_problem_is_reported_at_once(broken: Path) -> None:
    edit(broken / "conditions" / "tendon.yaml", "  morning: {p:", "  mornin: {p:")
    edit(broken / "rules.yaml", "sources: [ref-2]", "sources: [ref-22]")
    edit(broken / "rules.yaml", "  - id: fever\n", "  - id: fever\n    colour: red\n")
    assert [p.split(":")[0] for p in problems(broken)] == [
        "conditions/tendon.yaml",
        "rules.yaml",
        "rules.yaml",
    ]


def test_condition_file_name_must_match_its_id(broken: Path) -> None:
    (broken / "conditions" / "tendon.yaml").rename(broken / "conditions" / "tendons.yaml")
    assert problems(broken) == [
        "conditions/tendons.yaml: entry 'tendon': id: must match the file name ('tendons')"
    ]


def test_the_wording_of_the_after_hours_numbers_must_say_where_they_go(broken: Path) -> None:
    edit(broken / "care.yaml", 'every: {da: "{numbers} eller {last}"', 'every: {da: "{numbers} eller"')
    assert problems(broken) == [
        "care.yaml: wording: every.da: must contain {numbers} and {last}; write them where the numbers go"
    ]


def _with_presentations(broken: Path, *parts: tuple[str, float, str]) -> None:
    """Add presentations (id, weight, fact their evidence names) to the tiny tendon condition."""
    lines = ["presentations:"]
    for pid, weight, fact in parts:
        lines.append(f"  - id: {pid}\n    weight: {weight}\n    sources: [ref-2]")
        lines.append(f"    evidence: {{{fact}: {{p: {{true: 0.5}}, sources: [ref-2]}}}}")
    path = broken / "conditions" / "tendon.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n".join(lines) + "\n", encoding="utf-8")


def test_presentation_weights_must_add_up_to_one(broken: Path) -> None:
    _with_presentations(broken, ("a", 0.5, "morning"), ("b", 0.4, "morning"))
    assert problems(broken) == [
        "conditions/tendon.yaml: entry 'tendon': presentations: the weights add up to 0.900; "
        "they must add up to 1"
    ]


def test_one_presentation_alone_is_refused(broken: Path) -> None:
    _with_presentations(broken, ("a", 1, "morning"))
    assert problems(broken) == [
        "conditions/tendon.yaml: entry 'tendon': presentations: list two or more presentations, or none "
        "(one is the condition)"
    ]


def test_a_presentations_unknown_fact_is_named_with_its_presentation(broken: Path) -> None:
    _with_presentations(broken, ("a", 0.5, "mornin"), ("b", 0.5, "morning"))
    assert problems(broken) == [
        "conditions/tendon.yaml: entry 'tendon': presentations: 'a': evidence.mornin: unknown fact 'mornin'; "
        "use an id from facts.yaml. Did you mean 'morning'?"
    ]


CAUTIOUS_LONG = (
    "when: {all: [{fact: weeks, ge: 6, if_unknown: true}, {fact: morning, is: true, if_unknown: true}]}\n"
    '    precaution: {da: "Forsigtig", en: "Careful"}\n'
    '    unknown: {da: "hvordan det gør ondt", en: "how it hurts"}'
)


def test_a_rules_own_unknown_phrase_may_stand_for_only_the_facts_it_reads_cautiously(broken: Path) -> None:
    edit(
        broken / "rules.yaml",
        "when: {fact: weeks, ge: 6}",
        CAUTIOUS_LONG + "\n    unknown_facts: [morning, weeks, site]",
    )
    assert problems(broken) == [
        "rules.yaml: entry 'long': unknown_facts: ['site'] not read cautiously by this rule; list only facts "
        "its tests mark 'if_unknown: true' (['morning', 'weeks'])"
    ]


def test_a_fact_the_rules_phrase_does_not_stand_for_needs_its_own(broken: Path) -> None:
    edit(
        broken / "rules.yaml", "when: {fact: weeks, ge: 6}", CAUTIOUS_LONG + "\n    unknown_facts: [morning]"
    )
    (problem,) = problems(broken)
    assert problem.startswith(
        "facts.yaml: entry 'weeks': unknown: rules.yaml: entry 'long' reads 'weeks' cautiously (if_unknown), "
        "so the fact needs an 'unknown' phrase"
    )


def test_unknown_facts_need_the_phrase_they_stand_for(broken: Path) -> None:
    edit(
        broken / "rules.yaml",
        "when: {fact: weeks, ge: 6}",
        "when: {fact: weeks, ge: 6}\n    unknown_facts: [weeks]",
    )
    assert problems(broken) == [
        "rules.yaml: entry 'long': unknown_facts: needs an 'unknown' phrase (da/en) to stand for"
    ]


def test_the_error_keeps_its_problems_across_a_process_boundary() -> None:
    # worker processes (a benchmark running each vignette file in its own) pickle what they raise
    err = pickle.loads(pickle.dumps(KnowledgeError(["rules.yaml: entry 'x': level: bad"])))
    assert err.problems == ["rules.yaml: entry 'x': level: bad"]
    assert str(err) == "1 problem(s) in the knowledge base:\nrules.yaml: entry 'x': level: bad"

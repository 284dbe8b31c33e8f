"""The story lexicon files: loaded and checked like the rest of the knowledge base, every problem at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.loader import default_directory
from haelguiden.knowledge.story import load_story_lexicon
from haelguiden.services import Services


def test_the_shipped_lexicon_loads_with_both_languages(services: Services) -> None:
    lexicon = services.story_lexicon
    assert sorted(lexicon.languages) == ["da", "en"]
    assert all(e.phrases["da"] for e in lexicon.entries)


def test_no_phrase_sets_a_red_flag_fact_to_a_reassuring_value(services: Services) -> None:
    for entry in services.story_lexicon.entries:
        fact = services.kb.facts[entry.fact]
        if fact.red_flag_values:
            value = entry.value
            flag = ("true" if value else "false") if isinstance(value, bool) else value
            assert flag in fact.red_flag_values, entry.id
            assert entry.negated is None, entry.id


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(default_directory(), target)
    return target


def test_every_problem_is_named_with_file_entry_and_field(knowledge_copy: Path, services: Services) -> None:
    (knowledge_copy / "story" / "phrases" / "broken.yaml").write_text(
        """entries:
  - id: says_no_fever
    fact: fever
    value: false
    da: ["ingen feber"]
  - id: misspelt
    fact: sweling
    value: true
    da: ["hævet"]
  - id: wrong_value
    fact: side
    value: leftt
    da: ["venstre"]
  - id: number_without_slot
    fact: age
    da: ["jeg er gammel"]
  - id: unknown_cue
    fact: swelling
    value: true
    requires: [painn]
    da: ["hævet"]
  - id: extra
    fact: swelling
    value: true
    colour: red
    da: ["hævet"]
""",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as caught:
        load_story_lexicon(knowledge_copy, services.kb)
    assert caught.value.problems == [
        "story/phrases/broken.yaml: entry 'says_no_fever': value: 'fever' is a red-flag fact; a story may "
        "set it only to a red-flag value ['true'], never to a reassuring one (only its question can)",
        "story/phrases/broken.yaml: entry 'misspelt': fact: unknown fact 'sweling'; use an id from "
        "facts.yaml. Did you mean 'swelling'?",
        "story/phrases/broken.yaml: entry 'wrong_value': value: 'leftt' is not a value of 'side'; use one "
        "of ['left', 'right', 'both']. Did you mean 'left'?",
        "story/phrases/broken.yaml: entry 'number_without_slot': da[0]: 'jeg er gammel': a phrase for a "
        "number needs exactly one of ['{n}', '{dur}', '{ago}', '{decade}', '{since}']",
        "story/phrases/broken.yaml: entry 'unknown_cue': requires/excludes: unknown cue set 'painn' for "
        "da; add it to language.yaml cue_sets. Did you mean 'pain' or 'training'?",
        "story/phrases/broken.yaml: entry 'extra': colour: unknown field; remove it or check its spelling",
    ]


def test_a_yaml_syntax_error_names_the_line(knowledge_copy: Path, services: Services) -> None:
    (knowledge_copy / "story" / "phrases" / "broken.yaml").write_text("entries: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        load_story_lexicon(knowledge_copy, services.kb)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith("broken.yaml: is not valid YAML (line 2, column 1)")


def test_a_phrase_for_a_fixed_value_may_hold_one_slot_but_not_two(
    knowledge_copy: Path, services: Services
) -> None:
    (knowledge_copy / "story" / "phrases" / "broken.yaml").write_text(
        """entries:
  - id: eases_in_minutes
    fact: eases_with_warm_up
    value: true
    da: ["efter {dur} er det væk"]
  - id: two_slots
    fact: eases_with_warm_up
    value: true
    da: ["efter {dur} eller {dur}"]
""",
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as caught:
        load_story_lexicon(knowledge_copy, services.kb)
    assert caught.value.problems == [
        "story/phrases/broken.yaml: entry 'two_slots': da[0]: 'efter {dur} eller {dur}': a phrase for a "
        "fixed value may hold at most one of ['{n}', '{dur}', '{ago}', '{decade}', '{since}']",
    ]

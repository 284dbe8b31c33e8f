"""The plan loader on small broken fixture folders: every problem at once, with file, entry, field and fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from haelguiden.errors import KnowledgeError
from haelguiden.knowledge.plans import load_plan_library

WriteKb = Callable[[dict[str, Any]], Path]


def problems_of(write_kb: WriteKb, files: dict[str, Any]) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_plan_library(write_kb(files))
    return caught.value.problems


def test_the_tiny_fixture_is_valid(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    library = load_plan_library(write_kb(tiny_files))
    assert sorted(library.plans) == ["child", "general", "heel", "interim"]
    assert sorted(library.exercises) == ["heavy_raise", "stretch"]


def test_misspelt_and_missing_fields_are_named_with_a_suggestion(
    write_kb: WriteKb, tiny_files: dict[str, Any]
) -> None:
    exercise = tiny_files["exercises/stretch.yaml"]
    exercise["stpes"] = exercise.pop("steps")
    del exercise["feel"]
    assert problems_of(write_kb, tiny_files) == [
        "exercises/stretch.yaml: exercise 'stretch': steps: is missing; add it",
        "exercises/stretch.yaml: exercise 'stretch': feel: is missing; add it",
        "exercises/stretch.yaml: exercise 'stretch': stpes: unknown field; remove it or check its "
        "spelling. Did you mean 'steps'?",
    ]


def test_bad_doses_and_unknown_sources(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    exercise = tiny_files["exercises/stretch.yaml"]
    exercise["dosage"][0]["sets"] = "three"
    exercise["dosage"][1]["reps"] = [12, 10]
    exercise["sources"] = ["ref-3"]
    assert problems_of(write_kb, tiny_files) == [
        "exercises/stretch.yaml: exercise 'stretch': dosage[0].sets: must be a whole number like 3, or "
        "a range like [10, 15]; got 'three'",
        "exercises/stretch.yaml: exercise 'stretch': dosage[1].reps: must be a whole number like 3, or "
        "a range like [10, 15]; in a range the first number must be at least 1 and below the second",
        "exercises/stretch.yaml: exercise 'stretch': sources[0]: unknown source 'ref-3'. Use an id from "
        "sources.yaml or 'estimate'. Did you mean 'ref-2' or 'ref-1'?",
    ]


def test_dose_stages_must_follow_each_other_and_say_how_often(
    write_kb: WriteKb, tiny_files: dict[str, Any]
) -> None:
    dosage = tiny_files["exercises/stretch.yaml"]["dosage"]
    dosage[1]["weeks"] = [4, None]
    dosage[0].pop("every_other_day")
    assert problems_of(write_kb, tiny_files) == [
        "exercises/stretch.yaml: exercise 'stretch': dosage[0]: does not say how often. Add per_day, "
        "days_per_week or every_other_day: true",
    ]
    dosage[0]["per_day"] = 1
    assert problems_of(write_kb, tiny_files) == [
        "exercises/stretch.yaml: exercise 'stretch': dosage[1].weeks: starts in week 4, but the range "
        "before ends in week 2. Start it in week 3",
    ]


def test_an_exercise_must_match_its_file_and_drawing(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    tiny_files["exercises/stretch.yaml"]["drawing"] = "stretch.png"
    tiny_files["exercises/heavy_raise.yaml"]["id"] = "heavy_rise"
    tiny_files["exercises/heavy_raise.yaml"]["drawing"] = "heavy_rise.svg"
    assert problems_of(write_kb, tiny_files) == [
        "exercises/heavy_raise.yaml: exercise 'heavy_rise': id: does not match the file name. Rename "
        "the file to 'heavy_rise.yaml' or change the id",
        "exercises/heavy_raise.yaml: exercise 'heavy_rise': drawing: the file exercises/heavy_rise.svg "
        "does not exist. Draw it, or fix the name",
        "exercises/stretch.yaml: exercise 'stretch': drawing: must be 'stretch.svg' (drawings are named "
        "after the exercise)",
    ]


def test_unknown_ids_in_a_plan_get_did_you_mean(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    plan = tiny_files["plans/heel.yaml"]
    plan["conditions"] = ["plantar_fasciits"]
    plan["advice"] = ["rset", "ice"]
    plan["seek_help"] = ["fevr"]
    plan["phases"][0]["exercises"][0]["exercise"] = "strech"
    assert problems_of(write_kb, tiny_files) == [
        "plans/heel.yaml: plan 'heel': conditions[0]: unknown condition 'plantar_fasciits'. Use an id "
        "from the fixed list. Did you mean 'plantar_fasciitis' or 'plantar_fascia_rupture'?",
        "plans/heel.yaml: plan 'heel': advice[0]: unknown advice item 'rset'. Use an id from "
        "plans/_advice.yaml. Did you mean 'rest'?",
        "plans/heel.yaml: plan 'heel': seek_help[0]: unknown seek-help item 'fevr'. Use an id from "
        "plans/_seek_help.yaml. Did you mean 'fever'?",
        "plans/heel.yaml: plan 'heel': phases[0].exercises[0].exercise: unknown exercise 'strech'. Use "
        "the id of a file in exercises/. Did you mean 'stretch'?",
    ]


def test_plan_content_rules(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    tiny_files["plans/child.yaml"]["phases"][0]["exercises"].append(
        {"exercise": "heavy_raise", "sources": ["ref-1"]}
    )
    tiny_files["plans/general.yaml"]["timeline"].pop()  # the recovery item
    tiny_files["plans/general.yaml"]["conditions"] = ["plantar_fasciitis"]
    tiny_files["exercises/stretch.yaml"]["dosage"][1]["weeks"] = [3, 3]
    tiny_files["plans/heel.yaml"]["phases"][0]["weeks"] = [1, 3]
    assert problems_of(write_kb, tiny_files) == [
        "plans/child.yaml: plan 'child': phases[0].exercises[0].exercise: 'stretch' has a dose for 3 "
        "weeks, but this phase runs to its week 4. End the phase earlier or extend the exercise's dosage",
        "plans/child.yaml: plan 'child': phases[0].exercises[1].exercise: 'heavy_raise' is a heavy "
        "loading programme (heavy: true), which a child's plan or the interim plan must not contain. "
        "Choose a lighter exercise",
        "plans/general.yaml: plan 'general': timeline: has no item of kind 'recovery', which a full "
        "plan needs. Add one",
        "plans/general.yaml: plan 'general': phases[0].exercises[0].exercise: 'stretch' has a dose for "
        "3 weeks, but this phase runs to its week 4. End the phase earlier or extend the exercise's "
        "dosage",
        "plans/heel.yaml: plan 'heel': conditions[0]: 'plantar_fasciitis' already has the plan "
        "'general' for adult. Give each condition one plan per audience",
    ]


def test_phases_must_close_and_join_up(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    phases = tiny_files["plans/heel.yaml"]["phases"]
    phases.append({**phases[0], "id": "later", "weeks": [6, 8]})
    tiny_files["plans/general.yaml"]["phases"][0]["weeks"] = [1, None]
    assert problems_of(write_kb, tiny_files) == [
        "plans/general.yaml: plan 'general': phases: entry 'start': has open-ended weeks. Give the last "
        "week of the phase, like [1, 12]",
        "plans/heel.yaml: plan 'heel': phases[1].weeks: starts in week 6, but the range before ends in "
        "week 4. Start it in week 5",
    ]


def test_rules_point_at_existing_plans_and_items(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    rules = tiny_files["plans/_rules.yaml"]
    rules["interim"]["plan"] = "interm"
    rules["child"]["plan"] = "heel"
    rules["diabetes"]["advice"] = "diabtes"
    rules["labels"]["week"]["da"] = "Uge {nr}"
    assert problems_of(write_kb, tiny_files) == [
        "plans/_rules.yaml: rules: interim.plan: unknown plan 'interm'. Use the id of a file in plans/. "
        "Did you mean 'interim'?",
        "plans/_rules.yaml: rules: child.plan: the plan 'heel' does not fit here. Point at a plan whose "
        "audience includes child",
        "plans/_rules.yaml: rules: diabetes.advice: unknown advice item 'diabtes'. Use an id from "
        "plans/_advice.yaml. Did you mean 'diabetes'?",
        "plans/_rules.yaml: rules: labels.week.da: must use exactly the placeholders {n}. Fix the text",
    ]


def test_unreadable_and_missing_files(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    tiny_files["plans/_rules.yaml"] = "labels: {da: x, en"
    del tiny_files["plans/_seek_help.yaml"]
    assert problems_of(write_kb, tiny_files) == [
        "plans/_seek_help.yaml: file is missing; it is required in the knowledge folder",
        "plans/_rules.yaml: is not valid YAML (line 1, column 19): expected ',' or '}', but got "
        "'<stream end>'",
    ]


def test_shared_items_are_named_by_id(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    advice = tiny_files["plans/_advice.yaml"]["advice"]
    advice[1]["text"] = {"da": "Is"}
    tiny_files["plans/_seek_help.yaml"]["seek_help"][0]["level"] = "soon"
    assert problems_of(write_kb, tiny_files) == [
        "plans/_advice.yaml: advice: entry 'ice': text.en: is missing; add it",
        "plans/_seek_help.yaml: seek_help: entry 'fever': level: input should be 'emergency', 'urgent', "
        "'gp' or 'professional' (got 'soon'); use one of the allowed values",
    ]


def test_a_broken_file_is_reported_once_not_at_every_reference(
    write_kb: WriteKb, tiny_files: dict[str, Any]
) -> None:
    del tiny_files["exercises/stretch.yaml"]["name"]
    assert problems_of(write_kb, tiny_files) == [
        "exercises/stretch.yaml: exercise 'stretch': name: is missing; add it",
    ]


def test_lines_in_two_languages_must_match(write_kb: WriteKb, tiny_files: dict[str, Any]) -> None:
    tiny_files["exercises/stretch.yaml"]["steps"]["en"].pop()
    tiny_files["exercises/stretch.yaml"]["summary"]["da"] = "   "
    assert problems_of(write_kb, tiny_files) == [
        "exercises/stretch.yaml: exercise 'stretch': summary.da: is empty. Write the text",
        "exercises/stretch.yaml: exercise 'stretch': steps: has 2 Danish and 1 English lines. Write "
        "each line in both",
    ]

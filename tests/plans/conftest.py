"""Fixtures for the self-care plan tests: the real plan library and a tiny synthetic knowledge folder."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from haelguiden.engine.plan import PlanLibrary
from haelguiden.knowledge.plan_schema import LABEL_PLACEHOLDERS, LabelsIn
from haelguiden.knowledge.plans import default_directory, load_plan_library

KB_DIR = default_directory()
SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img"><title>Øvelse</title></svg>'


@pytest.fixture(scope="session")
def library() -> PlanLibrary:
    """The real plan library shipped in the package."""
    return load_plan_library()


def _text(word: str) -> dict[str, str]:
    return {"da": f"{word} (da)", "en": f"{word} (en)"}


def _exercise(exercise_id: str, *, heavy: bool = False) -> dict[str, Any]:
    return {
        "id": exercise_id,
        "name": _text(exercise_id),
        "summary": _text("summary"),
        "heavy": heavy,
        "steps": {"da": ["Trin 1", "Trin 2"], "en": ["Step 1", "Step 2"]},
        "dosage": [
            {
                "weeks": [1, 2],
                "sets": 3,
                "reps": 12,
                "rm": True,
                "every_other_day": True,
                "sources": ["ref-1"],
            },
            {"weeks": [3, None], "sets": 4, "reps": [8, 10], "per_day": 2, "sources": ["ref-1"]},
        ],
        "feel": _text("feel"),
        "stop_if": {"da": ["Stop"], "en": ["Stop"]},
        "drawing": f"{exercise_id}.svg",
        "sources": ["ref-1"],
    }


def _plan(plan_id: str, *, kind: str = "full", audience: list[str], conditions: list[str]) -> dict[str, Any]:
    plan: dict[str, Any] = {
        "id": plan_id,
        "kind": kind,
        "audience": audience,
        "conditions": conditions,
        "title": _text(plan_id),
        "intro": _text("intro"),
        "advice": ["rest", "ice"],
        "timeline": [
            {
                "id": "change",
                "kind": "change",
                "weeks": [2, 4],
                "when": _text("w"),
                "text": _text("t"),
                "sources": ["ref-2"],
            },
            {
                "id": "check",
                "kind": "check",
                "weeks": [6, 8],
                "when": _text("w"),
                "text": _text("t"),
                "sources": ["ref-2"],
            },
            {
                "id": "well",
                "kind": "recovery",
                "when": _text("w"),
                "text": _text("t"),
                "sources": ["estimate"],
            },
        ],
        "seek_help": ["fever"],
        "sources": ["ref-1"],
    }
    if kind == "full":
        plan["phases"] = [
            {
                "id": "start",
                "weeks": [1, 4],
                "title": _text("start"),
                "goal": _text("goal"),
                "exercises": [{"exercise": "stretch", "sources": ["ref-1"]}],
                "sources": ["ref-1"],
            }
        ]
    return plan


def _tiny_files() -> dict[str, Any]:
    labels = {
        name: {
            "da": " ".join("{" + p + "}" for p in sorted(LABEL_PLACEHOLDERS.get(name, ()))) or name,
            "en": name,
        }
        for name in LabelsIn.model_fields
    }
    for name, needed in LABEL_PLACEHOLDERS.items():
        labels[name]["en"] = " ".join("{" + p + "}" for p in sorted(needed))
    labels["seek_levels"] = {level: _text(level) for level in ("emergency", "urgent", "gp", "professional")}
    return {
        "sources.yaml": {"sources": [{"id": "ref-1", "citation": "A"}, {"id": "ref-2", "citation": "B"}]},
        "exercises/stretch.yaml": _exercise("stretch"),
        "exercises/heavy_raise.yaml": _exercise("heavy_raise", heavy=True),
        "plans/_advice.yaml": {
            "advice": [
                {"id": "rest", "title": _text("rest"), "text": _text("rest"), "sources": ["ref-1"]},
                {
                    "id": "ice",
                    "title": _text("ice"),
                    "text": _text("ice"),
                    "avoid_if_numbness": True,
                    "sources": ["ref-2"],
                },
                {
                    "id": "diabetes",
                    "title": _text("diabetes"),
                    "text": _text("diabetes"),
                    "sources": ["ref-2"],
                },
            ]
        },
        "plans/_seek_help.yaml": {
            "seek_help": [
                {"id": "fever", "level": "urgent", "text": _text("fever"), "sources": ["ref-1"]},
                {"id": "wound", "level": "urgent", "text": _text("wound"), "sources": ["ref-1"]},
            ]
        },
        "plans/_rules.yaml": {
            "no_plan": [
                {"level": "emergency", "title": _text("112"), "reason": _text("why"), "sources": ["estimate"]}
            ],
            "interim": {"levels": ["gp"], "plan": "interim", "child_plan": "interim"},
            "child": {"below_age": 16, "plan": "child"},
            "fallback_plan": "general",
            "diabetes": {"advice": "diabetes", "seek_help": "wound"},
            "pain_monitoring": {
                "title": _text("pain"),
                "zones": [
                    {"low": 0, "high": 2, "label": _text("safe")},
                    {"low": 3, "high": 10, "label": _text("too much")},
                ],
                "rules": {"da": ["Regel"], "en": ["Rule"]},
                "sources": ["ref-2"],
            },
            "labels": labels,
            "sources": ["estimate"],
        },
        "plans/heel.yaml": _plan("heel", audience=["adult"], conditions=["plantar_fasciitis"]),
        "plans/child.yaml": _plan("child", audience=["child"], conditions=["calcaneal_apophysitis"]),
        "plans/general.yaml": _plan("general", audience=["adult"], conditions=[]),
        "plans/interim.yaml": _plan("interim", kind="interim", audience=["adult", "child"], conditions=[]),
    }


@pytest.fixture
def tiny_files() -> dict[str, Any]:
    """A small, valid synthetic plan knowledge folder as {relative path: YAML data}; edit, then write."""
    return copy.deepcopy(_tiny_files())


@pytest.fixture
def write_kb(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """Write {relative path: YAML data or raw text} (plus a drawing per exercise); return the folder."""

    def write(files: dict[str, Any]) -> Path:
        for name, data in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), "utf-8"
            )
            if name.startswith("exercises/") and name.endswith(".yaml"):
                path.with_suffix(".svg").write_text(SVG, "utf-8")
        return tmp_path

    return write

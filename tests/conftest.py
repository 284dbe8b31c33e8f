"""Shared fixtures: the real knowledge base, the tiny synthetic one, and answer builders."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers
from haelguiden.knowledge.loader import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TINY_KB = Path(__file__).parent / "fixtures" / "tiny_kb"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The real knowledge base shipped in the package."""
    return load_knowledge()


@pytest.fixture(scope="session")
def tiny_kb() -> KnowledgeBase:
    """A small synthetic knowledge base for unit tests (never the clinical data)."""
    return load_knowledge(TINY_KB)


def shared_file(*parts: str) -> Path:
    """A file in ../shared; skipped locally when absent, a failure in CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing; CI runs with ../shared beside the project")
        pytest.skip(f"{path} not present")
    return path


def answers_of(kb: KnowledgeBase, given: Mapping[str, Any]) -> Answers:
    """Answers built from ``{question_id: value}``, in the order given."""
    state = Answers()
    for qid, value in given.items():
        state = state.answer(kb, qid, value)
    return state

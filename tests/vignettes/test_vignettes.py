"""The clinical benchmark as a safety gate: no vignette with red flags is under-triaged, ever.

Accuracy figures (top-1, top-3, triage exact) are measured by `haelguiden eval` + score.py and recorded in
docs/benchmarks.md; the gate here is the part that must never regress.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haelguiden.engine.model import TRIAGE_RANK, KnowledgeBase
from haelguiden.evaluation.harness import interview
from haelguiden.evaluation.vignettes import read_vignettes
from tests.conftest import shared_file

HERE = Path(__file__).parent


def cases(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def vignette_files() -> list[Path]:
    """The project's own independent vignette sets (written from the clinical reference alone)."""
    return sorted(HERE.glob("qa*.jsonl"))


@pytest.fixture(scope="module")
def dev_results(kb: KnowledgeBase) -> dict[str, tuple[str, str, int]]:
    path = shared_file("vignettes", "dev.jsonl")
    out = {}
    for v in read_vignettes(kb, path):
        run = interview(kb, v)
        out[v.id] = (run.assessment.triage.level, run.assessment.ranking[0].condition.id, run.questions_asked)
    return out


def test_no_dev_vignette_is_under_triaged(dev_results: dict[str, tuple[str, str, int]]) -> None:
    gold = {c["id"]: c["gold"] for c in cases(shared_file("vignettes", "dev.jsonl"))}
    under = [
        vid
        for vid, (level, _, _) in dev_results.items()
        if TRIAGE_RANK[level] > TRIAGE_RANK[gold[vid]["triage"]]
    ]  # type: ignore[index]
    assert under == []


def test_every_urgent_dev_vignette_is_urgent(dev_results: dict[str, tuple[str, str, int]]) -> None:
    gold = {c["id"]: c["gold"] for c in cases(shared_file("vignettes", "dev.jsonl"))}
    missed = [
        vid
        for vid, (level, _, _) in dev_results.items()
        if gold[vid]["triage"] in ("emergency", "urgent") and level not in ("emergency", "urgent")  # type: ignore[index]
    ]
    assert missed == []


@pytest.mark.parametrize("path", vignette_files(), ids=lambda p: p.name)
def test_own_vignettes_with_red_flags_are_never_under_triaged(kb: KnowledgeBase, path: Path) -> None:
    gold = {c["id"]: c["gold"] for c in cases(path)}
    under = []
    for v in read_vignettes(kb, path):
        g = gold[v.id]
        if not g["red_flags"]:  # type: ignore[index]
            continue
        level = interview(kb, v).assessment.triage.level
        if TRIAGE_RANK[level] > TRIAGE_RANK[g["triage"]]:  # type: ignore[index]
            under.append((v.id, g["triage"], level))  # type: ignore[index]
    assert under == []

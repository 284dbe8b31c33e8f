"""Scoring predictions against a vignette file's gold answers (the metrics of the benchmark's FORMAT.md §8).

This is the scoring side only: the interview (``harness``) never reads ``gold``. The shared ``score.py``
stays the reference; this module exists so the test suite can gate on safety floors and the benchmark
scripts can summarise many runs, with the same definitions.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from haelguiden.engine.model import TRIAGE_RANK

URGENT_LEVELS = ("emergency", "urgent")


@dataclass(frozen=True)
class Gold:
    """The reference answer of one vignette."""

    condition: str
    acceptable: tuple[str, ...]
    triage: str


@dataclass(frozen=True)
class Predicted:
    """What the interview concluded for one vignette."""

    conditions: tuple[str, ...]
    triage: str
    questions_asked: int


@dataclass(frozen=True)
class Summary:
    """The headline metrics over one vignette file (rates 0–1)."""

    n: int
    top1: float
    top3: float
    triage_exact: float
    under_triage: float
    over_triage: float
    urgent_recall: float | None
    self_care_kept: float | None
    questions_median: float
    under_ids: tuple[str, ...]


def read_gold(path: Path) -> dict[str, Gold]:
    """The gold answers of a vignette file, by id (for scoring only)."""
    out: dict[str, Gold] = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        g = obj["gold"]
        out[obj["id"]] = Gold(g["condition"], tuple(g["acceptable"]), g["triage"])
    return out


def summarise(gold: Mapping[str, Gold], predicted: Mapping[str, Predicted]) -> Summary:
    """Score ``predicted`` against ``gold``; a vignette without a prediction counts as wrong and unsafe."""
    n = len(gold)
    top1 = top3 = exact = under = over = 0
    urgent_total = urgent_hit = self_care_total = self_care_kept = 0
    questions: list[int] = []
    under_ids: list[str] = []
    for vid, g in gold.items():
        p = predicted.get(vid)
        correct = {g.condition, *g.acceptable}
        if g.triage in URGENT_LEVELS:
            urgent_total += 1
        if g.triage == "self_care":
            self_care_total += 1
        if p is None:
            under += 1
            under_ids.append(vid)
            continue
        questions.append(p.questions_asked)
        top1 += bool(p.conditions[:1]) and p.conditions[0] in correct
        top3 += bool(correct & set(p.conditions[:3]))
        diff = TRIAGE_RANK[p.triage] - TRIAGE_RANK[g.triage]
        exact += diff == 0
        over += diff < 0
        if diff > 0:
            under += 1
            under_ids.append(vid)
        if g.triage in URGENT_LEVELS and p.triage in URGENT_LEVELS:
            urgent_hit += 1
        if g.triage == "self_care" and p.triage == "self_care":
            self_care_kept += 1
    return Summary(
        n=n,
        top1=top1 / n,
        top3=top3 / n,
        triage_exact=exact / n,
        under_triage=under / n,
        over_triage=over / n,
        urgent_recall=urgent_hit / urgent_total if urgent_total else None,
        self_care_kept=self_care_kept / self_care_total if self_care_total else None,
        questions_median=statistics.median(questions) if questions else 0.0,
        under_ids=tuple(under_ids),
    )


def mean_summary(runs: Sequence[Summary]) -> dict[str, float | None]:
    """The mean of each rate over several runs (e.g. several seeds of dropped facts)."""
    keys = (
        "top1",
        "top3",
        "triage_exact",
        "under_triage",
        "over_triage",
        "urgent_recall",
        "questions_median",
    )
    out: dict[str, float | None] = {}
    for key in keys:
        values = [getattr(r, key) for r in runs if getattr(r, key) is not None]
        out[key] = sum(values) / len(values) if values else None
    return out

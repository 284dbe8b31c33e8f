"""Facts dropped at random: how the interview copes when a patient knows less.

A real patient at first contact knows far less than a written case; an unknown answer must never be read as
a reassuring one. ``drop_facts`` makes a sparser copy of a vignette by forgetting a share of its facts, so
the same set can be run again with less known (``haelguiden eval --drop-facts 0.3 --seed 1``).

What is never dropped: the age and where it hurts (a person always knows them), and any fact whose value is
a red flag (the benchmark's rule: robustness is about the ordinary facts, not about hiding a warning sign).
"""

from __future__ import annotations

import dataclasses
import random

from haelguiden.engine.model import KnowledgeBase
from haelguiden.evaluation.vignettes import Vignette

#: Facts a person always knows.
ALWAYS_KNOWN = ("age", "pain_site")


def _is_red_flag(kb: KnowledgeBase, fact_id: str, value: object) -> bool:
    fact = kb.facts[fact_id]
    if not fact.red_flag_values:
        return False
    if isinstance(value, bool):
        return ("true" if value else "false") in fact.red_flag_values
    if isinstance(value, list):
        return any(v in fact.red_flag_values for v in value)
    return isinstance(value, str) and value in fact.red_flag_values


def droppable(kb: KnowledgeBase, vignette: Vignette) -> list[str]:
    """The facts of ``vignette`` that may be forgotten, in the file's order."""
    return [
        f for f, value in vignette.facts.items() if f not in ALWAYS_KNOWN and not _is_red_flag(kb, f, value)
    ]


def drop_facts(kb: KnowledgeBase, vignette: Vignette, rate: float, seed: int) -> Vignette:
    """A copy of ``vignette`` with ``rate`` (0–1) of its droppable facts forgotten.

    The choice depends only on ``seed`` and the vignette's id, so a run can be repeated exactly and every
    vignette loses its own facts whatever the order of the file.
    """
    if not 0 <= rate <= 1:
        raise ValueError(f"rate must be from 0 to 1, not {rate}")
    candidates = droppable(kb, vignette)
    rng = random.Random(f"{seed}:{vignette.id}")
    forget = set(rng.sample(candidates, round(rate * len(candidates))))
    return dataclasses.replace(vignette, facts={f: v for f, v in vignette.facts.items() if f not in forget})

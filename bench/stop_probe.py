"""Probe: does the interview stop before an answer that would set off a more urgent rule?

Makes random sparse patients (2 to 10 facts of the vignette vocabulary, random values), runs the real
interview, then asks every question the patient could still answer (``asked_everything``) and compares the
most urgent rule or precaution with the interview's level. A miss is a patient for whom an unasked answer
would have set off a rule above the level the interview gave; they are listed by rule. The vignette sets
are checked the same way in CI (``tests/vignettes/test_vignettes.py``); this explores beyond them.

    .venv/bin/python bench/stop_probe.py [--patients N] [--seed S]
"""

from __future__ import annotations

import argparse
import collections
import random
from typing import Any

from haelguiden.engine.assess import assess
from haelguiden.engine.model import TRIAGE_RANK, Fact
from haelguiden.evaluation.harness import asked_everything, interview, rules_rank
from haelguiden.evaluation.vignettes import Vignette
from haelguiden.knowledge.loader import load_knowledge

#: Plausible values for the number facts (the ranges of the vignette format are wider than people's).
NUMBERS: dict[str, list[int]] = {
    "age": list(range(5, 91)),
    "duration_days": [0, 1, 3, 7, 14, 30, 60, 90, 180, 365, 1000],
    "self_care_weeks": [0, 1, 2, 4, 6, 8, 12],
    "morning_stiffness_min": [0, 5, 15, 30, 60, 120],
    "pain_score": list(range(11)),
    "fall_height_m": [0, 1, 2, 3, 5],
}


def random_value(rng: random.Random, fact: Fact) -> Any:
    """A random value of ``fact`` in the vignette format."""
    if fact.type == "boolean":
        return rng.random() < 0.5
    if fact.type == "enum":
        return rng.choice(fact.values)
    if fact.type == "list":
        return rng.sample(list(fact.values), rng.randint(0, min(3, len(fact.values))))
    return rng.choice(NUMBERS.get(fact.id, list(range(fact.minimum or 0, (fact.maximum or 10) + 1))))


def main() -> None:
    """Run the probe and print the misses by rule."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    kb = load_knowledge()
    rng = random.Random(args.seed)
    ids = sorted(kb.facts)
    misses: collections.Counter[tuple[str, ...]] = collections.Counter()
    example: dict[tuple[str, ...], dict[str, Any]] = {}
    for n in range(args.patients):
        facts = {i: random_value(rng, kb.facts[i]) for i in rng.sample(ids, rng.randint(2, 10))}
        vignette = Vignette(id=f"probe-{n}", facts=facts)
        interviewed = interview(kb, vignette).assessment
        level = TRIAGE_RANK[interviewed.triage.level]
        full = asked_everything(kb, vignette, interviewed.answers)
        if rules_rank(kb, full) < level:
            rules = tuple(
                sorted(
                    r.id
                    for r in assess(kb, full).triage.reasons
                    if r.kind != "condition" and TRIAGE_RANK[r.level] < level
                )
            )
            misses[rules] += 1
            example.setdefault(rules, facts)
    print(f"random sparse patients: {args.patients} (seed {args.seed}); misses: {sum(misses.values())}")
    for rules, count in misses.most_common():
        print(f"  {count:4}  {', '.join(rules)}   e.g. {example[rules]}")


if __name__ == "__main__":
    main()

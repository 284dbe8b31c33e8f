"""Cross-file checks that need the whole knowledge base: coverage and consistency."""

from __future__ import annotations

from itertools import pairwise

from haelguiden.engine.model import KnowledgeBase


def cross_checks(kb: KnowledgeBase) -> list[str]:
    """Problems that only show when all files are read together."""
    problems: list[str] = []
    asked = {f for q in kb.questions for f in q.facts}
    for fact in kb.facts.values():
        where = f"facts.yaml: entry '{fact.id}'"
        if fact.id not in asked:
            problems.append(f"{where}: no question asks about this fact; add one to questions.yaml")
        if fact.id == kb.settings.age_fact:
            continue
        if not fact.baseline:
            problems.append(f"{where}: baseline: missing; give the distribution among people with heel pain")
        needed = ["true", "false"] if fact.type == "boolean" else list(fact.feature_values())
        if fact.type == "list":
            needed = list(fact.values)
        missing = [v for v in needed if v not in fact.statements]
        if missing:
            problems.append(
                f"{where}: statements: missing for {missing}; explanations need a sentence for each"
            )
    bands = sorted(kb.settings.age_bands, key=lambda b: b.low)
    for a, b in pairwise(bands):
        if b.low != a.high + 1:
            problems.append(
                f"settings.yaml: age_bands: '{a.id}' and '{b.id}' leave a gap or overlap; make them adjacent"
            )
    band_ids = {b.id for b in bands}
    for c in kb.conditions.values():
        where = f"conditions/{c.id}.yaml: entry '{c.id}'"
        missing_bands = sorted(band_ids - set(c.prior))
        extra_bands = sorted(set(c.prior) - band_ids)
        if missing_bands:
            problems.append(
                f"{where}: prior.bands: missing {missing_bands}; give a frequency for every age band"
            )
        if extra_bands:
            problems.append(
                f"{where}: prior.bands: unknown band(s) {extra_bands}; bands are {sorted(band_ids)}"
            )
    return problems

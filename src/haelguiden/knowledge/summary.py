"""Counts for ``haelguiden kb check``: how big the knowledge base is, and how well it is sourced."""

from __future__ import annotations

from haelguiden.engine.model import KnowledgeBase


def summarise(kb: KnowledgeBase) -> dict[str, int]:
    """Counts of every kind of entry, and of claims without a source (must be 0)."""
    evidence = [e for c in kb.conditions.values() for e in c.evidence.values()]
    # a presentation's own tables (those that differ from the condition's) are claims too
    evidence += [
        e
        for c in kb.conditions.values()
        for p in c.presentations
        for f, e in p.evidence.items()
        if e is not c.evidence.get(f)
    ]
    claims: list[tuple[str, ...]] = [e.sources for e in evidence]
    claims += [p.sources for c in kb.conditions.values() for p in c.presentations]
    claims += [c.prior_sources for c in kb.conditions.values()]
    claims += [c.triage.sources for c in kb.conditions.values()]
    claims += [r.sources for r in kb.rules]
    claims += [a.sources for a in kb.care.values()]
    claims += [x.sources for a in kb.care.values() for x in a.signs]
    claims += [r.sources for r in kb.regions]
    cited = {s for sources in claims for s in sources if s != "estimate"}
    return {
        "facts": len(kb.facts),
        "questions": len(kb.questions),
        "conditions": len(kb.conditions),
        "evidence entries": len(evidence),
        "triage rules": len(kb.rules),
        "red-flag rules": sum(1 for r in kb.rules if r.red_flag),
        "regions": len(kb.regions),
        "sources in bibliography": len(kb.sources),
        "sources cited": len(cited),
        "claims": len(claims),
        "claims marked estimate only": sum(1 for s in claims if set(s) == {"estimate"}),
        "uncited claims": sum(1 for s in claims if not s),
    }

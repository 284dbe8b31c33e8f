"""Turn engine results into plain data (JSON for the API and the CLI) in one language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from haelguiden.engine.assess import Assessment, RankedCondition
from haelguiden.engine.care import action_text
from haelguiden.engine.model import KnowledgeBase, Lang, Question, Region
from haelguiden.engine.state import StoryValue
from haelguiden.knowledge.story import StoryLexicon


@dataclass(frozen=True)
class StoryStatement:
    """One thing understood from a story, as a plain sentence ("Det gør ondt under hælen").

    ``item`` is the list item for list facts (one statement per item), otherwise None.
    """

    fact: str
    value: StoryValue
    item: str | None
    text: str


def story_statements(
    kb: KnowledgeBase, lexicon: StoryLexicon, facts: Mapping[str, StoryValue], lang: Lang
) -> list[StoryStatement]:
    """The story facts as statements for "Vi har forstået: …", in the order of the facts."""
    out: list[StoryStatement] = []
    for fid, value in facts.items():
        fact = kb.facts[fid]
        if isinstance(value, tuple):
            if not value and fid in lexicon.empty_statements:
                out.append(StoryStatement(fid, value, None, lexicon.empty_statements[fid].get(lang)))
            out.extend(StoryStatement(fid, value, v, fact.statements[v].get(lang)) for v in value)
        elif isinstance(value, bool):
            out.append(
                StoryStatement(fid, value, None, fact.statements["true" if value else "false"].get(lang))
            )
        elif isinstance(value, int):
            text = lexicon.number_statements[fid].get(lang).replace("{n}", str(value))
            out.append(StoryStatement(fid, value, None, text))
        else:
            out.append(StoryStatement(fid, value, None, fact.statements[value].get(lang)))
    return out


def story_facts_json(facts: Mapping[str, StoryValue]) -> dict[str, Any]:
    """Story facts as JSON (lists as lists)."""
    return {f: list(v) if isinstance(v, tuple) else v for f, v in facts.items()}


def question_dict(q: Question, assessment: Assessment, lang: Lang) -> dict[str, Any]:
    """A question as data: text, hint, why, and its options or checklist items."""
    out: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "text": q.text.get(lang),
        "hint": q.hint.get(lang) if q.hint else None,
        "why": q.why.get(lang),
        "phase": assessment.phase,
    }
    if q.kind in ("single", "multi"):
        out["options"] = [{"value": o.value, "label": o.label.get(lang)} for o in assessment.options]
    if q.kind == "checklist":
        out["items"] = [{"id": i.id, "label": i.label.get(lang)} for i in q.items]
        out["none_label"] = q.none_label.get(lang) if q.none_label else None
    if q.kind == "number" and q.fact:
        out["unit"] = None
    out["dont_know_label"] = "Ved ikke" if lang == "da" else "Don't know"
    return out


def cause_dict(r: RankedCondition, lang: Lang) -> dict[str, Any]:
    """One ranked possible cause with its reasons."""
    c = r.condition
    return {
        "id": c.id,
        "name": c.name.get(lang),
        "probability": round(r.probability, 4),
        "description": c.description.get(lang),
        "for": [x.text.get(lang) for x in r.explanation.for_],
        "against": [x.text.get(lang) for x in r.explanation.against],
        "clinician": c.clinician.get(lang),
        "quick_advice": c.quick_advice.get(lang),
        "article": c.article.get(lang),
    }


def assessment_dict(
    kb: KnowledgeBase, a: Assessment, lang: Lang, region: Region | None = None
) -> dict[str, Any]:
    """The whole assessment: the next question, or the result with triage and possible causes."""
    out: dict[str, Any] = {
        "status": "done" if a.done else "question",
        "answers": a.answers.to_dict(),
        "progress": {"asked": a.progress.asked, "remaining": a.progress.remaining},
    }
    if a.question is not None:
        out["question"] = question_dict(a.question, a, lang)
        return out
    care = kb.care[a.triage.level]
    out["result"] = {
        "triage": {
            "level": a.triage.level,
            "title": care.title.get(lang),
            "action": action_text(kb, a.triage.level, lang, region),
            "reasons": [
                {"kind": r.kind, "id": r.id, "level": r.level, "text": r.text.get(lang)}
                for r in a.triage.reasons
                if r.kind == "rule"
            ],
            "red_flags": list(a.triage.red_flags),
        },
        "possible_causes": [cause_dict(r, lang) for r in a.listed],
        "disclaimer": (
            "Mulige årsager – ikke en diagnose. Resultatet erstatter ikke en undersøgelse."
            if lang == "da"
            else "Possible causes – not a diagnosis. The result does not replace an examination."
        ),
    }
    return out

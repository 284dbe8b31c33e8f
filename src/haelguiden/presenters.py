"""Turn engine results into plain data (JSON for the API and the CLI) in one language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from haelguiden.engine.assess import Assessment, Likelihood, RankedCondition
from haelguiden.engine.care import action_text
from haelguiden.engine.explain import Reason
from haelguiden.engine.model import KnowledgeBase, Lang, Question, Region
from haelguiden.engine.state import StoryValue
from haelguiden.engine.triage import TriageReason
from haelguiden.i18n import N_, join, t
from haelguiden.knowledge.story import StoryLexicon

#: The message of each likelihood word of a cause (presentation; see settings.yaml ``possible_from``).
LIKELIHOOD_KEYS: dict[Likelihood, str] = {
    "most_likely": N_("likely_most"),
    "possible": N_("likely_possible"),
    "less_likely": N_("likely_less"),
}


def likelihood_text(likelihood: Likelihood, lang: Lang) -> str:
    """A cause's likelihood in words: "Mest sandsynlig", "Mulig", "Mindre sandsynlig"."""
    return t(lang, LIKELIHOOD_KEYS[likelihood])


def reason_text(reason: Reason, lang: Lang) -> str:
    """One answer behind a cause, as the person gave it (an unticked line is said to be unticked)."""
    if reason.unticked is not None:
        return t(lang, "reason_unticked", label=reason.unticked.get(lang))
    return reason.text.get(lang)


def _phrase(kb: KnowledgeBase, reason: TriageReason, fact_id: str, lang: Lang, rule_first: bool) -> str:
    own = kb.facts[fact_id].unknown
    rule = reason.unknown_text if fact_id in reason.unknown_covers else None
    first, second = (rule, own) if rule_first else (own, rule)
    chosen = first or second
    return chosen.get(lang) if chosen else fact_id


def unknown_phrases(kb: KnowledgeBase, reason: TriageReason, lang: Lang) -> list[str]:
    """What the person did not know, one phrase per fact of a precaution ("om det bliver bedre", ...):
    the fact's own phrase, else the rule's phrase for the facts it stands for."""
    return [_phrase(kb, reason, f, lang, rule_first=False) for f in reason.unknown]


def triage_reason_text(kb: KnowledgeBase, reason: TriageReason, lang: Lang) -> str:
    """A reason for the triage level; a precaution says which unknown answer made the advice cautious."""
    if reason.kind != "precaution":
        return reason.text.get(lang)
    # the rule's own phrase once for all the facts it stands for ("hvornår det gør ondt"), any other
    # unknown fact by its own phrase ("hvor længe du har haft ondt")
    phrases = [_phrase(kb, reason, f, lang, rule_first=True) for f in reason.unknown]
    what = join(lang, list(dict.fromkeys(phrases)))
    return t(lang, "precaution_because", what=what, advice=reason.text.get(lang))


def questions_about(kb: KnowledgeBase, fact_id: str) -> list[str]:
    """The ids of the questions that ask about a fact (to answer an unknown again)."""
    return [q.id for q in kb.questions if fact_id in q.facts and q.purpose != "plan"]


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
    child = assessment.child
    hint = q.hint_for(child)
    out: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "text": q.text_for(child).get(lang),
        "hint": hint.get(lang) if hint else None,
        "why": q.why_for(child).get(lang),
        "phase": assessment.phase,
    }
    if q.kind in ("single", "multi"):
        out["options"] = [
            {"value": o.value, "label": o.label_for(child).get(lang)} for o in assessment.options
        ]
    if q.kind == "checklist":
        out["items"] = [{"id": i.id, "label": i.label_for(child).get(lang)} for i in assessment.items]
        out["none_label"] = q.none_label.get(lang) if q.none_label else None
    if q.kind == "number" and q.fact:
        out["unit"] = None
    out["dont_know_label"] = t(lang, "dont_know")
    return out


def cause_dict(r: RankedCondition, lang: Lang) -> dict[str, Any]:
    """One ranked possible cause with its reasons."""
    c = r.condition
    return {
        "id": c.id,
        "name": c.name.get(lang),
        "likelihood": {"code": r.likelihood, "text": likelihood_text(r.likelihood, lang)},
        "description": c.description.get(lang),
        "for": [reason_text(x, lang) for x in r.explanation.for_],
        "against": [reason_text(x, lang) for x in r.explanation.against],
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
                {
                    "kind": r.kind,
                    "id": r.id,
                    "level": r.level,
                    "text": triage_reason_text(kb, r, lang),
                    "unknown": [
                        {"fact": f, "text": phrase, "questions": questions_about(kb, f)}
                        for f, phrase in zip(r.unknown, unknown_phrases(kb, r, lang), strict=True)
                    ],
                }
                for r in a.triage.reasons
                if r.kind in ("rule", "precaution")
            ],
            "red_flags": list(a.triage.red_flags),
        },
        "possible_causes": [cause_dict(r, lang) for r in a.listed],
        "disclaimer": t(lang, "api_disclaimer"),
    }
    return out

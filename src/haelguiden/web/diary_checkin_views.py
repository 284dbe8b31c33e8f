"""View models of the diary's check-in: the self-check's safety checklists asked again, and their result.

The answers go through the self-check's own answer rules (``forms.parse_answer``) and the engine's red-flag
rules (``fired_rules`` on ``derive_facts``); the most urgent level of the rules that fire is the check-in's
triage, which ``evaluate_recovery`` puts before anything the diary's numbers say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from starlette.requests import Request

from haelguiden.engine.model import TRIAGE_RANK, KnowledgeBase, Lang, Question, Text, TriageLevel
from haelguiden.engine.recovery import RecoveryStatus
from haelguiden.engine.state import Answers, derive_facts
from haelguiden.engine.triage import fired_rules
from haelguiden.i18n import t
from haelguiden.web import forms, urls
from haelguiden.web.diary_views import StatusPanel, diary_chrome, status_panel
from haelguiden.web.viewmodels import Choice, Chrome, ErrorItem, Link

#: The self-check's safety checklists that a check-in asks again.
CHECKIN_QUESTIONS = ("warning_signs", "function_signs")


# --- the form ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChecklistGroup:
    """One safety checklist of the check-in, asked with the self-check's choices."""

    id: str
    legend: str
    hint: str | None
    error: str | None
    choices: tuple[Choice, ...]
    exclusive: tuple[Choice, ...]


@dataclass(frozen=True)
class CheckinPage:
    """The check-in: the safety checklists again."""

    chrome: Chrome
    heading: str
    intro: str
    action: str
    back: Link
    errors: tuple[ErrorItem, ...]
    groups: tuple[ChecklistGroup, ...]


@dataclass(frozen=True)
class CheckinResultPage:
    """The check-in's result: the recovery status of this moment, with the red flags that set it."""

    chrome: Chrome
    heading: str
    status: StatusPanel
    diary_href: str


def exclusive_value(question_id: str, value: str) -> str:
    """The posted value of a checklist's "Ingen af disse"/"Ved ikke" (two checklists share one form)."""
    return f"{question_id}.{value}"


def checkin_page(
    request: Request,
    kb: KnowledgeBase,
    lang: Lang,
    token: str,
    *,
    chosen: frozenset[str] = frozenset(),
    errors: Mapping[str, forms.FieldError] | None = None,
    child: bool = False,
) -> CheckinPage:
    """The check-in form; ``chosen`` and ``errors`` after a form that needs fixing.

    A child's diary asks about the child, as the self-check asked the parent (adult-only lines left out).
    """
    errors = errors or {}
    groups = []
    for qid in CHECKIN_QUESTIONS:
        q = kb.question(qid)
        none_value, dont_know_value = exclusive_value(qid, forms.NONE), exclusive_value(qid, forms.DONT_KNOW)
        none_label = q.none_label.get(lang) if q.none_label else t(lang, "none_of_these")
        groups.append(
            ChecklistGroup(
                id=qid,
                legend=q.text_for(child).get(lang),
                hint=hint.get(lang) if (hint := q.hint_for(child)) else None,
                error=errors[qid].message if qid in errors else None,
                choices=tuple(
                    Choice(forms.input_id(i.id), i.id, i.label_for(child).get(lang), i.id in chosen)
                    for i in q.items
                    if not (child and i.adults_only)
                ),
                exclusive=(
                    Choice(f"answer-{qid}-none", none_value, none_label, none_value in chosen),
                    Choice(
                        f"answer-{qid}-dont-know",
                        dont_know_value,
                        t(lang, "dont_know"),
                        dont_know_value in chosen,
                    ),
                ),
            )
        )
    heading = t(lang, "checkin_title")
    return CheckinPage(
        chrome=diary_chrome(
            request,
            lang,
            heading,
            urls.diary_part(urls.other(lang), token, "checkin"),
            errors=bool(errors),
            form=True,
        ),
        heading=heading,
        intro=t(lang, "checkin_intro"),
        action=urls.diary_part(lang, token, "checkin"),
        back=Link(urls.diary(lang, token), t(lang, "back_to_diary")),
        errors=tuple(ErrorItem(e.target, e.message) for e in errors.values()),
        groups=tuple(groups),
    )


@dataclass(frozen=True)
class CheckinAnswers:
    """The parsed check-in: the answers for the engine, or a message per checklist to fix."""

    answers: Answers
    chosen: frozenset[str]
    errors: Mapping[str, forms.FieldError]


def parse_checkin(kb: KnowledgeBase, lang: Lang, values: Sequence[str]) -> CheckinAnswers:
    """Read the posted check-in with the self-check's own answer rules (one checklist at a time)."""
    chosen = frozenset(v.strip() for v in values if v.strip())
    answers = Answers()
    errors: dict[str, forms.FieldError] = {}
    for qid in CHECKIN_QUESTIONS:
        q: Question = kb.question(qid)
        own = {i.id for i in q.items}
        mine = [v for v in chosen if v in own]
        mine += [v.split(".", 1)[1] for v in chosen if v.startswith(qid + ".")]
        parsed = forms.parse_answer(q, (), None, mine, None, lang)
        if parsed.ok:
            answers = answers.answer(kb, qid, parsed.value)
        else:
            errors[qid] = parsed.errors[0]
    return CheckinAnswers(answers, chosen, errors)


def checkin_triage(kb: KnowledgeBase, answers: Answers) -> tuple[TriageLevel | None, tuple[Text, ...]]:
    """The most urgent level of the red-flag rules that fire on the check-in's answers, and their reasons."""
    fired = [r for r in fired_rules(kb, derive_facts(kb, answers)) if r.red_flag]
    if not fired:
        return None, ()
    level = min((r.level for r in fired), key=TRIAGE_RANK.__getitem__)
    ordered = sorted(fired, key=lambda r: TRIAGE_RANK[r.level])
    return level, tuple(dict.fromkeys(r.text for r in ordered))


def checkin_result_page(
    request: Request,
    kb: KnowledgeBase,
    lang: Lang,
    token: str,
    status: RecoveryStatus,
    reasons: tuple[Text, ...],
) -> CheckinResultPage:
    """The check-in's result."""
    heading = t(lang, "checkin_result_title")
    shown = tuple(r.get(lang) for r in reasons) or (t(lang, "checkin_none"),)
    return CheckinResultPage(
        chrome=diary_chrome(request, lang, heading, urls.diary(urls.other(lang), token)),
        heading=heading,
        status=status_panel(kb, status, lang, shown),
        diary_href=urls.diary(lang, token),
    )

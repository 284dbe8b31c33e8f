"""The "Vi har forstået" page: what was read from the patient's own story, to confirm before it counts.

Each statement is a ticked checkbox; unticking leaves the fact out, so the interview asks it. Statements
about a choice (which foot, how it started) or a number (age, how long) can also be changed. A red-flag
statement can only be unticked, never changed: whether a red flag is absent is for its question.
The story itself is never here: only the facts read from it, kept in the signed cookie until confirmed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from starlette.requests import Request

from haelguiden.engine.model import KnowledgeBase, Lang
from haelguiden.engine.state import StoryValue
from haelguiden.i18n import t
from haelguiden.knowledge.story import StoryLexicon
from haelguiden.presenters import story_statements
from haelguiden.web import urls
from haelguiden.web.forms import input_id
from haelguiden.web.rendering import chrome
from haelguiden.web.viewmodels import ErrorItem, StoryConfirmPage, StoryOption, StoryRow

KEEP_FIELD = "keep"
CHANGE_PREFIX = "change-"


@dataclass(frozen=True)
class Confirmed:
    """The facts the patient kept (and changed), or the errors to show."""

    facts: dict[str, StoryValue]
    errors: dict[str, str]
    numbers: dict[str, str]


def _key(fact: str, item: str | None) -> str:
    return f"{fact}:{item}" if item is not None else fact


def _changeable(kb: KnowledgeBase, fact_id: str) -> bool:
    fact = kb.facts[fact_id]
    return not fact.red_flag_values and fact.type in ("enum", "integer")


def confirm_page(
    request: Request,
    lang: Lang,
    kb: KnowledgeBase,
    lexicon: StoryLexicon,
    read: Mapping[str, StoryValue],
    *,
    kept: frozenset[str] | None = None,
    changed: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
) -> StoryConfirmPage:
    """The page for the facts ``read``; after a failed post, what was ticked, typed and wrong."""
    heading = t(lang, "story_title")
    rows: list[StoryRow] = []
    errors = errors or {}
    changed = changed or {}
    for st in story_statements(kb, lexicon, read, lang):
        key = _key(st.fact, st.item)
        row_id = input_id(f"keep-{key.replace(':', '-')}")
        change_name = f"{CHANGE_PREFIX}{st.fact}" if _changeable(kb, st.fact) else None
        fact = kb.facts[st.fact]
        options: tuple[StoryOption, ...] = ()
        number: str | None = None
        if change_name and fact.type == "enum":
            current = changed.get(st.fact, str(st.value))
            options = tuple(
                StoryOption(v, fact.statements[v].get(lang), v == current)
                for v in fact.values
                if v in fact.statements
            )
        elif change_name:
            number = changed.get(st.fact, str(st.value))
        rows.append(
            StoryRow(
                id=row_id,
                value=key,
                label=st.text,
                checked=kept is None or key in kept,
                change_name=change_name,
                change_label=t(lang, "story_change", statement=st.text) if change_name else None,
                options=options,
                number_value=number,
                error=errors.get(st.fact),
            )
        )
    return StoryConfirmPage(
        chrome=chrome(
            request,
            lang,
            title=heading,
            switch_href=urls.story(urls.other(lang)),
            section="check",
            has_errors=bool(errors),
            css=("choices",),
            noindex=True,
        ),
        heading=heading,
        lead=t(lang, "story_lead"),
        action=urls.story(lang),
        rows=tuple(rows),
        errors=tuple(ErrorItem(f"{CHANGE_PREFIX}{f}", m) for f, m in errors.items()),
        empty=None if rows else t(lang, "story_empty"),
    )


def confirmed(
    kb: KnowledgeBase,
    lang: Lang,
    read: Mapping[str, StoryValue],
    keep: Sequence[str],
    form: Mapping[str, str],
) -> Confirmed:
    """What counts: the ticked statements, with changed choices and numbers checked."""
    facts: dict[str, StoryValue] = {}
    errors: dict[str, str] = {}
    numbers: dict[str, str] = {}
    ticked = set(keep)
    for fid, value in read.items():
        fact = kb.facts[fid]
        if isinstance(value, tuple):
            items = tuple(v for v in value if _key(fid, v) in ticked)
            if items or (not value and fid in ticked):
                facts[fid] = items
            continue
        if fid not in ticked:
            continue
        raw = form.get(f"{CHANGE_PREFIX}{fid}") if _changeable(kb, fid) else None
        if raw is None:
            facts[fid] = value
        elif fact.type == "enum":
            facts[fid] = raw if raw in fact.values else value
        else:
            numbers[fid] = raw
            text = raw.strip()
            ok = text.isdigit() and (fact.minimum is None or int(text) >= fact.minimum)
            ok = ok and (fact.maximum is None or int(text) <= fact.maximum)
            if ok:
                facts[fid] = int(text)
            else:
                errors[fid] = t(lang, "story_number_error", minimum=fact.minimum, maximum=fact.maximum)
    return Confirmed(facts, errors, numbers)

"""View models of the diary's entry form: adding and changing an entry, GOV.UK style.

Pain is asked on radios from 0 to 10 (never a slider), the exercises as checkboxes from the diary's plan.
After a wrong field the page shows an error summary, a message at each field and everything as typed;
the messages are the tracker's own (``DiaryInputError.errors``), in the page's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from starlette.requests import Request

from haelguiden.engine.model import Lang
from haelguiden.engine.plan import Plan
from haelguiden.i18n import N_, long_date, numeric_date, t
from haelguiden.services import Services
from haelguiden.tracker.model import ACTIVITY_MAX, NOTE_MAX, PAIN_MAX, PAIN_MIN, Diary, Entry
from haelguiden.web import urls
from haelguiden.web.diary_views import diary_chrome, diary_plan
from haelguiden.web.viewmodels import Choice, Chrome, ErrorItem, Link

#: Form fields of an entry, in the order of the form (the error summary follows it).
ENTRY_FIELDS = ("date", "worst_pain", "first_step_pain", "exercises", "activity", "note")


# --- fields ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TextField:
    """A text input or textarea with its label, hint, value and error."""

    id: str
    label: str
    hint: str
    value: str
    error: str | None
    multiline: bool = False


@dataclass(frozen=True)
class ChoiceField:
    """A group of radios (a 0–10 scale) or checkboxes, in a fieldset."""

    name: str
    legend: str
    hint: str
    error: str | None
    type: str
    choices: tuple[Choice, ...]
    extra: tuple[Choice, ...] = ()
    scale: bool = False


# --- the entry form ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class EntryForm:
    """What the form shows: the values as typed (or saved), and one message per wrong field."""

    date: str = ""
    worst_pain: str = ""
    first_step_pain: str = ""
    exercises: frozenset[str] = frozenset()
    activity: str = ""
    note: str = ""
    errors: Mapping[str, str] | None = None


@dataclass(frozen=True)
class EntryPage:
    """Adding or changing an entry (GOV.UK form pattern: error summary, inline errors, values kept)."""

    chrome: Chrome
    heading: str
    action: str
    back: Link
    errors: tuple[ErrorItem, ...]
    date: TextField
    worst_pain: ChoiceField
    first_step_pain: ChoiceField
    exercises: ChoiceField | None
    activity: TextField
    note: TextField


def form_of(entry: Entry) -> EntryForm:
    """The form showing a saved entry."""
    return EntryForm(
        date=numeric_date(entry.date),
        worst_pain=str(entry.worst_pain),
        first_step_pain="" if entry.first_step_pain is None else str(entry.first_step_pain),
        exercises=frozenset(entry.exercises),
        activity=entry.activity,
        note=entry.note,
    )


def _scale(
    name: str, legend: str, hint: str, chosen: str, error: str | None, none_label: str | None
) -> ChoiceField:
    choices = tuple(
        Choice(f"{name}-{n}", str(n), str(n), chosen == str(n)) for n in range(PAIN_MIN, PAIN_MAX + 1)
    )
    extra = (Choice(f"{name}-none", "", none_label, chosen == ""),) if none_label else ()
    return ChoiceField(name, legend, hint, error, "radio", choices, extra, scale=True)


def error_target(field: str, exercise_ids: Sequence[str]) -> str:
    """The id of the input an error summary link for ``field`` goes to."""
    if field in ("worst_pain", "first_step_pain"):
        return f"{field}-{PAIN_MIN}"
    if field == "exercises":
        return f"exercises-{exercise_ids[0]}" if exercise_ids else "date"
    return field


def entry_page(
    request: Request,
    services: Services,
    lang: Lang,
    token: str,
    diary: Diary,
    form: EntryForm,
    *,
    entry: Entry | None = None,
) -> EntryPage:
    """The form to add an entry (``entry`` None) or change ``entry``."""
    plan = diary_plan(services, diary)
    errors = dict(form.errors or {})
    exercises = [(e.id, e.name.get(lang)) for e in plan.exercises] if isinstance(plan, Plan) else []
    if entry is not None:
        names = services.plans.exercises
        known = {i for i, _ in exercises}
        exercises += [
            (x, names[x].name.get(lang) if x in names else x) for x in entry.exercises if x not in known
        ]
    ids = [i for i, _ in exercises]
    if entry is None:
        heading = t(lang, "entry_new_title")
        action = urls.diary_part(lang, token, "new_entry")
        other = urls.diary_part(urls.other(lang), token, "new_entry")
    else:
        heading = t(lang, "entry_edit_title", date=long_date(entry.date, lang))
        action = urls.diary_entry(lang, token, entry.id)
        other = urls.diary_entry(urls.other(lang), token, entry.id)
    example = numeric_date(services.today())
    # A parent keeps a child's diary: the questions about what was done are about the child.
    child = diary.age_group == "child"
    exercises_label, exercises_hint = (
        (N_("exercises_label_child"), N_("exercises_hint_child"))
        if child
        else (N_("exercises_label"), N_("exercises_hint"))
    )
    activity_label, activity_hint = (
        (N_("activity_label_child"), N_("activity_hint_child"))
        if child
        else (N_("activity_label"), N_("activity_hint"))
    )
    return EntryPage(
        chrome=diary_chrome(request, lang, heading, other, errors=bool(errors), form=True),
        heading=heading,
        action=action,
        back=Link(urls.diary(lang, token), t(lang, "back_to_diary")),
        errors=tuple(ErrorItem(error_target(f, ids), errors[f]) for f in ENTRY_FIELDS if f in errors),
        date=TextField(
            "date",
            t(lang, "date_label"),
            t(lang, "date_hint", example=example),
            form.date,
            errors.get("date"),
        ),
        worst_pain=_scale(
            "worst_pain",
            t(lang, "worst_label"),
            t(lang, "scale_hint"),
            form.worst_pain,
            errors.get("worst_pain"),
            None,
        ),
        first_step_pain=_scale(
            "first_step_pain",
            t(lang, "first_step_label"),
            t(lang, "scale_hint"),
            form.first_step_pain,
            errors.get("first_step_pain"),
            t(lang, "first_step_none"),
        ),
        exercises=ChoiceField(
            "exercises",
            t(lang, exercises_label),
            t(lang, exercises_hint),
            errors.get("exercises"),
            "checkbox",
            tuple(Choice(f"exercises-{i}", i, name, i in form.exercises) for i, name in exercises),
        )
        if exercises
        else None,
        activity=TextField(
            "activity",
            t(lang, activity_label),
            t(lang, activity_hint, max=ACTIVITY_MAX),
            form.activity,
            errors.get("activity"),
        ),
        note=TextField(
            "note",
            t(lang, "note_label"),
            t(lang, "note_hint", max=NOTE_MAX),
            form.note,
            errors.get("note"),
            True,
        ),
    )

"""View models of the recovery diary: the new diary's link, the diary, the entry form, check-in, deleting.

Every judgement comes from the engine: whether the recovery is on track (``evaluate_recovery`` with the
knowledge base's recovery rules), the triage level of a check-in (the red-flag rules that fire on the
answers), the plan and its phases (``build_plan`` via ``Services.plan_with``) and the care text of each
level. These functions only put those results into words and links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup
from starlette.requests import Request

from haelguiden.engine.care import action_text
from haelguiden.engine.model import KnowledgeBase, Lang, TriageLevel
from haelguiden.engine.plan import NoPlan, Plan, plan_for_lang
from haelguiden.engine.recovery import RecoveryRules, RecoveryStatus
from haelguiden.i18n import N_, join, long_date, t, tn
from haelguiden.services import PlanFlags, Services
from haelguiden.tracker.chart import ChartRow, pain_chart
from haelguiden.tracker.model import Diary, Entry
from haelguiden.tracker.qr import qr_svg
from haelguiden.web import urls
from haelguiden.web.check_views import needs_region
from haelguiden.web.rendering import chrome
from haelguiden.web.viewmodels import Chrome, Link

NOTICES = ("saved", "changed", "deleted")
_NOTICE_TEXTS = {
    "saved": N_("notice_saved"),
    "changed": N_("notice_changed"),
    "deleted": N_("notice_deleted"),
}
#: Shown in a table cell the person left empty.
EMPTY = "–"
_NOTICE_WORDS = {"da": {"gemt": "saved", "aendret": "changed", "slettet": "deleted"}}
_NOTICE_WORDS["en"] = {"saved": "saved", "changed": "changed", "deleted": "deleted"}

#: The stylesheets of the diary pages beyond the shared ones (see ``rendering.chrome``).
CSS = ("diary",)


def notice_of(lang: Lang, value: str | None) -> str | None:
    """The notice (``saved``, ``changed``, ``deleted``) a query value names, or None."""
    return _NOTICE_WORDS[lang].get(value or "")


def notice_value(lang: Lang, notice: str) -> str:
    """The query value of a notice in ``lang`` (``gemt`` for ``saved``)."""
    return next(k for k, v in _NOTICE_WORDS[lang].items() if v == notice)


# --- the diary's plan --------------------------------------------------------------------------------
def diary_plan(services: Services, diary: Diary) -> Plan | NoPlan:
    """The plan a diary follows, rebuilt from what it was started with: the same plan the result showed.

    The diary keeps the condition, the triage level, the age group, diabetes, numbness and the plan traits
    (see
    ``Services.plan_with``). When the age group is unknown (a diary from before the age group was kept, or
    a self-check without an age), a plan written only for children (Sever's disease) is rebuilt for a child
    and every other plan for an adult.
    """
    age_group = diary.age_group
    if age_group is None:
        own = services.plans.plan_for_condition(diary.condition_id) if diary.condition_id else None
        age_group = "child" if own is not None and "adult" not in own.audience else None
    flags = PlanFlags(
        age_group=age_group,
        diabetes=diary.diabetes,
        numbness=diary.numbness,
        traits=frozenset(t for t in diary.traits if t in services.plans.rules.traits),
    )
    return services.plan_with(diary.condition_id, diary.triage_level or "self_care", flags)


def known_exercises(plan: Plan | NoPlan, entry: Entry | None = None) -> frozenset[str]:
    """The exercise ids an entry may name: the plan's, and those an edited entry already has."""
    ids = {e.id for e in plan.exercises} if isinstance(plan, Plan) else set()
    return frozenset(ids | set(entry.exercises if entry else ()))


# --- pieces ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatusPanel:
    """The recovery status in the colour (``level``) and words of its care route."""

    level: TriageLevel
    title: str
    paragraphs: tuple[str, ...]
    phone_links: tuple[Link, ...]
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntryRow:
    """One entry in the diary's table."""

    date: str
    worst_pain: str
    first_step_pain: str
    exercises: str
    activity: str
    note: str
    edit_href: str
    delete_href: str
    #: Names the entry for screen readers after "Ændr" and "Slet".
    label: str


@dataclass(frozen=True)
class ChartView:
    """The pain chart (escaped SVG from the tracker) and its table alternative."""

    svg: Markup
    #: The same chart drawn for a phone; the stylesheet shows one of the two.
    svg_narrow: Markup
    title: str
    description: str
    columns: tuple[str, str, str]
    rows: tuple[ChartRow, ...]


@dataclass(frozen=True)
class ProgressView:
    """Where the person is in the plan."""

    week: str
    phase: str | None
    goal: str | None
    exercises: tuple[Link, ...]


def status_panel(
    kb: KnowledgeBase, status: RecoveryStatus, lang: Lang, reasons: tuple[str, ...] = ()
) -> StatusPanel:
    """The recovery status: a check-in's red flag shows its own care route; otherwise keep going or assess."""
    if status.outcome == "urgent_now" and status.triage is not None:
        level: TriageLevel = status.triage
        paragraphs: tuple[str, ...] = (
            status.reason.get(lang),
            status.advice.get(lang),
            action_text(kb, level, lang),
        )
        title = kb.care[level].title.get(lang)
    elif status.outcome == "seek_assessment":
        level = "professional"
        paragraphs = (status.reason.get(lang), action_text(kb, level, lang))
        title = kb.care[level].title.get(lang)
    else:
        level = "self_care"
        paragraphs = (status.reason.get(lang), status.advice.get(lang))
        title = t(lang, "status_keep_going")
    phones: tuple[Link, ...] = ()
    if needs_region(kb, level):
        phones = tuple(
            Link(f"tel:{r.phone.replace(' ', '')}", f"{r.phone} – {r.name.get(lang)}") for r in kb.regions
        )
    return StatusPanel(level, title, paragraphs, phones, reasons)


def diary_chrome(
    request: Request, lang: Lang, title: str, other_href: str, *, errors: bool = False, form: bool = False
) -> Chrome:
    """The chrome of a diary page: never indexed; ``other_href`` is the same page in the other language.

    ``form`` adds the stylesheet of radios and checkboxes.
    """
    css = ("choices", *CSS) if form else CSS
    return chrome(
        request, lang, title=title, switch_href=other_href, has_errors=errors, css=css, noindex=True
    )


# --- a new diary -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreatedPage:
    """The private link, once: as text, as a QR code, and as calendar reminders."""

    chrome: Chrome
    heading: str
    link: str
    qr: Markup
    calendar_lead: str
    calendar_href: str
    diary_href: str


def created_page(
    request: Request, lang: Lang, base_url: str, token: str, rules: RecoveryRules
) -> CreatedPage:
    """The page that hands over the private link."""
    link = base_url + urls.diary(lang, token)
    heading = t(lang, "created_title")
    weeks = join(lang, [str(n) for n in rules.checkin_weeks])
    return CreatedPage(
        chrome=diary_chrome(request, lang, heading, urls.diary_part(urls.other(lang), token, "link")),
        heading=heading,
        link=link,
        qr=Markup(qr_svg(link, lang, element_id="diary-qr")),
        calendar_lead=t(lang, "calendar_lead", weeks=weeks),
        calendar_href=urls.diary_part(lang, token, "calendar"),
        diary_href=urls.diary(lang, token),
    )


# --- the diary page ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class DiaryPage:
    """The diary: status first, then progress, chart, entries, what the numbers mean, export and delete."""

    chrome: Chrome
    heading: str
    started: str
    plan_line: str
    notice: str | None
    status: StatusPanel
    progress: ProgressView | None
    chart: ChartView
    entries: tuple[EntryRow, ...]
    numbers: tuple[str, ...]
    zones: tuple[str, ...]
    add_href: str
    checkin_href: str
    export_json_href: str
    export_csv_href: str
    calendar_href: str
    link_href: str
    delete_href: str
    #: Where a read-only link for a doctor or physiotherapist is made (and stopped).
    share_href: str
    #: The summary for a doctor or physiotherapist with the diary's chart, to print.
    summary_href: str


def _progress(lang: Lang, plan: Plan, week: int) -> ProgressView:
    local = plan_for_lang(plan, lang)
    plan_week = week + 1  # evaluate_recovery counts whole weeks from 0; plans count from week 1
    last = max((p.weeks.last or p.weeks.first) for p in plan.phases) if plan.phases else 0
    for phase, shown in zip(plan.phases, local.phases, strict=True):
        if plan_week in phase.weeks:
            names = dict.fromkeys(
                (item.exercise_id, item.name) for block in shown.blocks for item in block.items
            )
            return ProgressView(
                week=t(lang, "progress_week", week=plan_week),
                phase=t(lang, "progress_phase", title=shown.title, weeks=shown.weeks),
                goal=shown.goal,
                exercises=tuple(Link(urls.exercise(lang, i), name) for i, name in names),
            )
    if last and plan_week > last:
        return ProgressView(t(lang, "progress_done", weeks=last), None, None, ())
    return ProgressView(t(lang, "progress_week", week=plan_week), None, None, ())


def _numbers(lang: Lang, rules: RecoveryRules, status: RecoveryStatus) -> tuple[str, ...]:
    lines = [t(lang, "numbers_scale")]
    if status.measure is not None:
        lines.append(t(lang, "numbers_measure", measure=rules.measure(status.measure).label.get(lang)))
    percent = f"{rules.mcid_percent:g}"
    lines.append(t(lang, "numbers_change", points=tn(lang, "points", rules.mcid_points), percent=percent))
    worse = tn(lang, "points", rules.worsening_points)
    lines.append(tn(lang, "numbers_worsening", rules.worsening_entries, points=worse))
    lines.append(t(lang, "numbers_review", weeks=rules.review_after_weeks))
    return tuple(lines)


def entry_rows(services: Services, lang: Lang, token: str, entries: Sequence[Entry]) -> tuple[EntryRow, ...]:
    """The entries, newest first, with their change and delete links."""
    names = services.plans.exercises
    rows = []
    for e in sorted(entries, key=lambda e: (e.date, e.id), reverse=True):
        date = long_date(e.date, lang)
        done = [names[x].name.get(lang) if x in names else x for x in e.exercises]
        rows.append(
            EntryRow(
                date=date,
                worst_pain=str(e.worst_pain),
                first_step_pain=t(lang, "not_recorded")
                if e.first_step_pain is None
                else str(e.first_step_pain),
                exercises=", ".join(done) if done else t(lang, "none_done"),
                activity=e.activity or EMPTY,
                note=e.note or EMPTY,
                edit_href=urls.diary_entry(lang, token, e.id),
                delete_href=urls.diary_entry(lang, token, e.id, delete=True),
                label=t(lang, "entry_of", date=date),
            )
        )
    return tuple(rows)


def diary_page(
    request: Request,
    services: Services,
    lang: Lang,
    token: str,
    diary: Diary,
    entries: Sequence[Entry],
    status: RecoveryStatus,
    notice: str | None,
) -> DiaryPage:
    """The diary page."""
    plan = diary_plan(services, diary)
    rules = services.recovery
    heading = t(lang, "diary_title")
    chart = pain_chart(entries, lang, element_id="pain-chart")
    zones: tuple[str, ...] = ()
    if isinstance(plan, Plan) and plan.pain_monitoring is not None:
        local = plan_for_lang(plan, lang).pain_monitoring
        zones = tuple(f"{scale}: {meaning}" for scale, meaning in local.zones) if local else ()
    has_exercises = isinstance(plan, Plan) and bool(plan.phases)
    return DiaryPage(
        chrome=diary_chrome(request, lang, heading, urls.diary(urls.other(lang), token)),
        heading=heading,
        started=t(lang, "diary_started", date=long_date(diary.start_date, lang)),
        plan_line=t(lang, "diary_plan", title=plan.title.get(lang))
        if has_exercises
        else t(lang, "diary_no_plan"),
        notice=t(lang, _NOTICE_TEXTS[notice]) if notice in _NOTICE_TEXTS else None,
        status=status_panel(services.kb, status, lang),
        progress=_progress(lang, plan, status.week) if isinstance(plan, Plan) and plan.phases else None,
        chart=ChartView(
            Markup(chart.svg),
            Markup(chart.svg_narrow),
            chart.title,
            chart.description,
            chart.columns,
            chart.rows,
        ),
        entries=entry_rows(services, lang, token, entries),
        numbers=_numbers(lang, rules, status),
        zones=zones,
        add_href=urls.diary_part(lang, token, "new_entry"),
        checkin_href=urls.diary_part(lang, token, "checkin"),
        export_json_href=urls.diary_part(lang, token, "export_json"),
        export_csv_href=urls.diary_part(lang, token, "export_csv"),
        calendar_href=urls.diary_part(lang, token, "calendar"),
        link_href=urls.diary_part(lang, token, "link"),
        delete_href=urls.diary_part(lang, token, "delete"),
        share_href=urls.diary_part(lang, token, "share"),
        summary_href=urls.diary_part(lang, token, "summary"),
    )


# --- confirmations -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ConfirmPage:
    """ "Are you sure?" before deleting: the consequence, a red button, and a way back."""

    chrome: Chrome
    heading: str
    body: str
    action: str
    button: str
    cancel: Link


def confirm_delete_entry(request: Request, lang: Lang, token: str, entry: Entry) -> ConfirmPage:
    """Confirm deleting one entry."""
    heading = t(lang, "delete_entry_title", date=long_date(entry.date, lang))
    action = urls.diary_entry(lang, token, entry.id, delete=True)
    return ConfirmPage(
        chrome=diary_chrome(
            request, lang, heading, urls.diary_entry(urls.other(lang), token, entry.id, delete=True)
        ),
        heading=heading,
        body=t(lang, "delete_entry_body"),
        action=action,
        button=t(lang, "delete_entry_button"),
        cancel=Link(urls.diary(lang, token), t(lang, "keep")),
    )


def confirm_delete_diary(request: Request, lang: Lang, token: str, count: int) -> ConfirmPage:
    """Confirm deleting the whole diary."""
    heading = t(lang, "delete_all_title")
    return ConfirmPage(
        chrome=diary_chrome(request, lang, heading, urls.diary_part(urls.other(lang), token, "delete")),
        heading=heading,
        body=tn(lang, "delete_all_body", count) if count else t(lang, "delete_all_body_empty"),
        action=urls.diary_part(lang, token, "delete"),
        button=t(lang, "delete_all_button"),
        cancel=Link(urls.diary(lang, token), t(lang, "keep")),
    )

"""View models of the self-care plan and the exercise pages, and the exercises' drawings as inline SVG.

The plan itself is chosen and laid out by the engine (``build_plan`` via ``Services.plan_for``, then
``plan_for_lang``); these view models only add links, the triage panel and the page words. The drawings
are read from the knowledge base's ``exercises/`` folder and inlined (no request for an image, nothing
the Content-Security-Policy has to allow), with their ids made unique on the page and anything but plain
shapes removed.
"""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from starlette.requests import Request

from haelguiden.engine.care import action_text
from haelguiden.engine.model import KnowledgeBase, Lang, Region, TriageLevel
from haelguiden.engine.plan import (
    Exercise,
    LocalAdvice,
    LocalHeadings,
    LocalNoPlan,
    LocalPainMonitoring,
    LocalPlan,
    LocalProgramme,
    LocalStage,
    LocalTimelineItem,
    PlanLabels,
    exercise_for_lang,
)
from haelguiden.i18n import t
from haelguiden.knowledge.files import default_directory
from haelguiden.services import Services
from haelguiden.web import urls
from haelguiden.web.check_views import needs_region
from haelguiden.web.rendering import chrome, context
from haelguiden.web.viewmodels import Alternate, ArticleItem, Chrome, Link, TriagePanel

_SVG_NS = "http://www.w3.org/2000/svg"
#: Elements a drawing may contain: shapes, text and grouping. Anything else (scripts, images, links,
#: foreign objects) is dropped with its children.
_SHAPES = frozenset(
    {"svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan"}
)
#: The stylesheets of these pages beyond the shared ones (see ``rendering.chrome``).
CSS = ("plan",)
_DROPPED_ATTRIBUTES = ("on", "href", "xlink", "style", "id", "aria-", "role", "class")


# --- drawings ----------------------------------------------------------------------------------------
def drawings_directory(services: Services) -> Path:
    """The folder of the exercise drawings: the knowledge folder in use, else the packaged one."""
    folder = services.knowledge_dir / "exercises"
    return folder if folder.is_dir() else default_directory() / "exercises"


def drawing_svg(folder: Path, exercise: Exercise, lang: Lang, *, element_id: str) -> Markup:
    """The exercise's drawing as an inline ``<svg role="img">`` with a title (and description) in ``lang``.

    The drawings are described in Danish in their files; the English page names the drawing after the
    exercise instead. ``element_id`` prefixes the ids of the title and description, so several drawings
    can share a page.
    """
    title = t(lang, "exercise_drawing", name=exercise.name.en) if lang == "en" else None
    return _drawing(str(folder / exercise.drawing), element_id, title)


@functools.lru_cache(maxsize=256)
def _drawing(path: str, element_id: str, title: str | None) -> Markup:
    """``title`` None keeps the file's own title and description."""
    ET.register_namespace("", _SVG_NS)
    root = ET.parse(path).getroot()
    desc = root.findtext(f"{{{_SVG_NS}}}desc") if title is None else None
    if title is None:
        title = root.findtext(f"{{{_SVG_NS}}}title") or ""
    _clean(root)
    root.set("role", "img")
    root.set("aria-labelledby", f"{element_id}-title" + (f" {element_id}-desc" if desc else ""))
    root.set("class", "drawing__svg")
    root.set("focusable", "false")
    title_element = ET.Element(f"{{{_SVG_NS}}}title", {"id": f"{element_id}-title"})
    title_element.text = title
    root.insert(0, title_element)
    if desc:
        desc_element = ET.Element(f"{{{_SVG_NS}}}desc", {"id": f"{element_id}-desc"})
        desc_element.text = desc
        root.insert(1, desc_element)
    return Markup(ET.tostring(root, encoding="unicode"))


def _clean(element: ET.Element) -> None:
    for child in list(element):
        if child.tag.removeprefix(f"{{{_SVG_NS}}}") not in _SHAPES:
            element.remove(child)
            continue
        _clean(child)
    for name in list(element.attrib):
        foreign = name.startswith("{")  # a namespaced attribute such as xlink:href
        if foreign or name.lower().startswith(_DROPPED_ATTRIBUTES):
            del element.attrib[name]


# --- shared pieces -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExerciseView:
    """An exercise as a page or a plan section shows it."""

    id: str
    href: str
    name: str
    summary: str
    equipment: str | None
    steps: tuple[str, ...]
    dosage: tuple[LocalStage, ...]
    feel: str
    stop_if: tuple[str, ...]
    drawing: Markup


@dataclass(frozen=True)
class ExerciseHeadings:
    """The plan library's headings for an exercise's parts."""

    feel: str
    stop_if: str
    equipment: str


@dataclass(frozen=True)
class DoseView:
    """An exercise's dose during some plan weeks, as one run of sentences."""

    weeks: str
    text: str


def sentences(lines: tuple[str, ...]) -> str:
    """Short lines as one text: each ends with a full stop (unless it already ends a sentence)."""
    return " ".join(line if line.endswith((".", "!", "?", "…")) else f"{line}." for line in lines)


@dataclass(frozen=True)
class ExerciseRowView:
    """One exercise in the plan's table: when it is done and its dose, week by week when it changes."""

    link: Link
    #: None when the exercise runs through the whole programme.
    weeks: str | None
    #: What stays the same while the dose changes (tempo, how often), as one text; "" when nothing.
    common: str
    doses: tuple[DoseView, ...]
    progresses: bool
    optional: bool
    note: str | None


@dataclass(frozen=True)
class PhaseSummaryView:
    """A phase in one line."""

    weeks: str
    title: str
    goal: str


@dataclass(frozen=True)
class ProgrammeView:
    """An exercise programme: its phases in brief and one table of its exercises."""

    id: str
    title: str | None
    text: str | None
    phases: tuple[PhaseSummaryView, ...]
    rows: tuple[ExerciseRowView, ...]


@dataclass(frozen=True)
class SeekHelpGroupView:
    """The signs that need the same care, under what to do."""

    level: TriageLevel
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class SourceView:
    """A source as a patient reads it; ``lang`` is the language of its title (an English title on a
    Danish page is marked up as English)."""

    text: str
    lang: Lang


@dataclass(frozen=True)
class BasisRow:
    """What the plan is based on: one line of the summary list."""

    key: str
    value: str


def triage_panel(kb: KnowledgeBase, level: TriageLevel, lang: Lang, region: Region | None) -> TriagePanel:
    """The care route of ``level``: its title, action text and, when it names one, the after-hours numbers."""
    phones: tuple[Link, ...] = ()
    if needs_region(kb, level):
        regions = (region,) if region else kb.regions
        phones = tuple(
            Link(f"tel:{r.phone.replace(' ', '')}", f"{r.phone} – {r.name.get(lang)}") for r in regions
        )
    return TriagePanel(level, kb.care[level].title.get(lang), action_text(kb, level, lang, region), phones)


def exercise_view(services: Services, exercise: Exercise, lang: Lang, *, element_id: str) -> ExerciseView:
    """An exercise in ``lang`` with its link and inline drawing."""
    local = exercise_for_lang(exercise, services.plans.rules.labels, lang)
    return ExerciseView(
        id=local.id,
        href=urls.exercise(lang, local.id),
        name=local.name,
        summary=local.summary,
        equipment=local.equipment,
        steps=local.steps,
        dosage=local.dosage,
        feel=local.feel,
        stop_if=local.stop_if,
        drawing=drawing_svg(drawings_directory(services), exercise, lang, element_id=element_id),
    )


def exercise_headings(labels: PlanLabels, lang: Lang) -> ExerciseHeadings:
    """The headings of an exercise's parts, from the plan library."""
    return ExerciseHeadings(labels.feel.get(lang), labels.stop_if.get(lang), labels.equipment.get(lang))


def _programme(lang: Lang, programme: LocalProgramme) -> ProgrammeView:
    return ProgrammeView(
        id=programme.id,
        title=programme.title,
        text=programme.text,
        phases=tuple(PhaseSummaryView(p.weeks, p.title, p.goal) for p in programme.phases),
        rows=tuple(
            ExerciseRowView(
                link=Link(urls.exercise(lang, row.exercise_id), row.name),
                weeks=row.weeks,
                common=sentences(row.common),
                doses=tuple(DoseView(d.weeks, sentences(d.lines)) for d in row.doses),
                progresses=row.progresses,
                optional=row.optional,
                note=row.note,
            )
            for row in programme.rows
        ),
    )


def source_views(services: Services, ids: tuple[str, ...], lang: Lang) -> tuple[SourceView, ...]:
    """The plan's sources as patients read them (``source_titles.yaml``), then expert estimates, if any.

    A source without a patient-facing title is left out rather than shown with its working notes (a test
    keeps every source a plan cites titled).
    """
    views = []
    for source in ids:
        titled = services.source_titles.get(source)
        if titled is not None:
            views.append(SourceView(titled.line(lang), titled.title(lang)[1]))
    if any(source not in services.kb.sources for source in ids):
        views.append(SourceView(t(lang, "source_estimate"), lang))
    return tuple(dict.fromkeys(views))


# --- the plan page -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlanPage:
    """``/plan``: when to stop and get help, the exercises in one table, how to do them, advice, what to
    expect, and what the plan is based on."""

    chrome: Chrome
    heading: str
    intro: str
    basis: tuple[BasisRow, ...]
    headings: LocalHeadings
    exercise_headings: ExerciseHeadings
    seek_help: tuple[SeekHelpGroupView, ...]
    programme: ProgrammeView | None
    alternatives: tuple[ProgrammeView, ...]
    exercises: tuple[ExerciseView, ...]
    advice: tuple[LocalAdvice, ...]
    pain_monitoring: LocalPainMonitoring | None
    timeline: tuple[LocalTimelineItem, ...]
    sources_href: str
    pdf_href: str
    result_href: str
    diary_action: str


@dataclass(frozen=True)
class PlanSourcesPage:
    """``/plan/kilder``: what the person's plan is based on, each source named for patients."""

    chrome: Chrome
    heading: str
    lead: str
    sources: tuple[SourceView, ...]
    back: Link


def plan_sources_page(request: Request, services: Services, lang: Lang, plan: LocalPlan) -> PlanSourcesPage:
    """The sources of a plan already put in ``lang``."""
    heading = t(lang, "plan_sources_title")
    return PlanSourcesPage(
        chrome=chrome(
            request,
            lang,
            title=heading,
            switch_href=urls.plan_sources(urls.other(lang)),
            section="check",
            css=CSS,
            noindex=True,
        ),
        heading=heading,
        lead=t(lang, "plan_sources_lead"),
        sources=source_views(services, plan.sources, lang),
        back=Link(urls.plan(lang), t(lang, "plan_sources_back")),
    )


@dataclass(frozen=True)
class NoPlanPage:
    """``/plan`` when a doctor must look first: the reason, and what to do now."""

    chrome: Chrome
    heading: str
    reason: str
    basis: tuple[BasisRow, ...]
    triage: TriagePanel
    result_href: str


def _plan_chrome(request: Request, lang: Lang, title: str) -> Chrome:
    return chrome(
        request,
        lang,
        title=title,
        switch_href=urls.plan(urls.other(lang)),
        section="check",
        css=CSS,
        noindex=True,
    )


def basis_rows(lang: Lang, cause: str | None, child_below: int | None) -> tuple[BasisRow, ...]:
    """The summary of what the plan is based on; ``child_below`` is set for a child's plan."""
    group = t(lang, "group_child", age=child_below) if child_below is not None else t(lang, "group_adult")
    return (
        BasisRow(t(lang, "plan_leading_cause"), cause or t(lang, "plan_no_cause")),
        BasisRow(t(lang, "plan_group"), group),
    )


def plan_page(
    request: Request,
    services: Services,
    lang: Lang,
    plan: LocalPlan,
    exercises: tuple[Exercise, ...],
    basis: tuple[BasisRow, ...],
) -> PlanPage:
    """The page of a plan already put in ``lang`` (``plan_for_lang``); ``exercises`` are the plan's."""
    return PlanPage(
        chrome=_plan_chrome(request, lang, plan.title),
        heading=plan.title,
        intro=plan.intro,
        basis=basis,
        headings=plan.headings,
        exercise_headings=exercise_headings(services.plans.rules.labels, lang),
        seek_help=tuple(
            SeekHelpGroupView(g.level, g.heading, tuple(i.text for i in g.items))
            for g in plan.seek_help_groups
        ),
        programme=_programme(lang, plan.programme) if plan.programme else None,
        alternatives=tuple(_programme(lang, a) for a in plan.alternative_programmes),
        exercises=tuple(exercise_view(services, e, lang, element_id=f"plan-{e.id}") for e in exercises),
        advice=plan.advice,
        pain_monitoring=plan.pain_monitoring,
        timeline=plan.timeline,
        sources_href=urls.plan_sources(lang),
        pdf_href=urls.plan_pdf(lang),
        result_href=urls.result(lang),
        diary_action=urls.diary_start(lang),
    )


def no_plan_page(
    request: Request, lang: Lang, no_plan: LocalNoPlan, basis: tuple[BasisRow, ...], panel: TriagePanel
) -> NoPlanPage:
    """The page that explains why there is no self-care plan."""
    return NoPlanPage(
        chrome=_plan_chrome(request, lang, no_plan.title),
        heading=no_plan.title,
        reason=no_plan.reason,
        basis=basis,
        triage=panel,
        result_href=urls.result(lang),
    )


# --- exercise pages ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExercisePage:
    """``/oevelser/<id>``: one exercise with its drawing, steps, dose, how it should feel, when to stop."""

    chrome: Chrome
    exercise: ExerciseView
    headings: ExerciseHeadings
    index_href: str
    plan_href: str


@dataclass(frozen=True)
class ExerciseIndexPage:
    """``/oevelser``: every exercise."""

    chrome: Chrome
    heading: str
    lead: str
    items: tuple[ArticleItem, ...]


def _public_chrome(
    request: Request, lang: Lang, title: str, description: str, path: str, other: str
) -> Chrome:
    base = context(request).site_url(request)
    return chrome(
        request,
        lang,
        title=title,
        switch_href=other,
        css=CSS,
        description=description,
        canonical=base + path,
        alternates=(Alternate(lang, base + path), Alternate(urls.other(lang), base + other)),
    )


def exercise_page(request: Request, services: Services, lang: Lang, exercise: Exercise) -> ExercisePage:
    """One exercise's page."""
    view = exercise_view(services, exercise, lang, element_id=f"drawing-{exercise.id}")
    path = urls.exercise(lang, exercise.id)
    other = urls.exercise(urls.other(lang), exercise.id)
    return ExercisePage(
        chrome=_public_chrome(request, lang, view.name, view.summary, path, other),
        exercise=view,
        headings=exercise_headings(services.plans.rules.labels, lang),
        index_href=urls.exercises(lang),
        plan_href=urls.plan(lang),
    )


def exercise_index_page(request: Request, services: Services, lang: Lang) -> ExerciseIndexPage:
    """Every exercise of the plan library, in the library's order."""
    heading = t(lang, "exercises_title")
    lead = t(lang, "exercises_lead")
    items = tuple(
        ArticleItem(urls.exercise(lang, e.id), e.name.get(lang), e.summary.get(lang))
        for e in services.plans.exercises.values()
    )
    return ExerciseIndexPage(
        chrome=_public_chrome(
            request, lang, heading, lead, urls.exercises(lang), urls.exercises(urls.other(lang))
        ),
        heading=heading,
        lead=lead,
        items=items,
    )

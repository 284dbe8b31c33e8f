"""The self-care plan (``/plan``, ``/plan.pdf``) and the exercise pages (``/oevelser``), in both languages.

The plan is built from the finished self-check in the signed answers cookie, so it needs no storage and
no account: without a finished self-check the page says so and links to it. Emergency and same-day
results get no plan, only the reason and what to do now. The PDF is the same plan, as an A4 download.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from haelguiden.engine.assess import Assessment
from haelguiden.engine.model import Lang
from haelguiden.engine.plan import NoPlan, Plan, no_plan_for_lang, plan_for_lang
from haelguiden.i18n import t
from haelguiden.rendering.plan_pdf import plan_pdf
from haelguiden.web import plan_views, urls
from haelguiden.web.rendering import WebContext, chrome, context, render
from haelguiden.web.routes.assessment import load_state, restart_page
from haelguiden.web.state_cookie import CheckState
from haelguiden.web.viewmodels import Link, MessagePage

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]
PDF_MEDIA_TYPE = "application/pdf"


def _missing_page(request: Request, lang: Lang) -> Response:
    heading = t(lang, "plan_missing_title")
    page = MessagePage(
        chrome=chrome(request, lang, title=heading, switch_href=urls.plan(urls.other(lang)), noindex=True),
        heading=heading,
        body=t(lang, "plan_missing_body"),
        link=Link(urls.check(lang), t(lang, "plan_missing_link")),
    )
    return render(request, "message.html", page)


def _finished(request: Request) -> tuple[CheckState, Assessment] | None:
    """The answers and the result of a finished self-check; None when there is none (yet)."""
    state = load_state(request)
    if state is None:
        return None
    assessment = context(request).services.assess(state.answers)
    return (state, assessment) if assessment.done else None


def _basis(
    web: WebContext, lang: Lang, state: CheckState, assessment: Assessment
) -> tuple[plan_views.BasisRow, ...]:
    # The same age group the plan itself is built with (one place decides child or adult).
    child_below = web.services.plans.rules.child_below_age
    is_child = web.services.plan_flags(state.answers).age_group == "child"
    leading = assessment.listed[0].condition.name.get(lang) if assessment.listed else None
    return plan_views.basis_rows(lang, leading, child_below if is_child else None)


def _plan(lang: Lang) -> Endpoint:
    async def plan(request: Request) -> Response:
        if load_state(request) is None:
            return restart_page(request, lang)
        finished = _finished(request)
        if finished is None:
            return _missing_page(request, lang)
        state, assessment = finished
        web = context(request)
        basis = _basis(web, lang, state, assessment)
        built = web.services.plan_for(state.answers)
        if isinstance(built, NoPlan):
            region = next((r for r in web.kb.regions if r.id == state.region), None)
            panel = plan_views.triage_panel(web.kb, assessment.triage.level, lang, region)
            no_plan = plan_views.no_plan_page(request, lang, no_plan_for_lang(built, lang), basis, panel)
            return render(request, "plan_none.html", no_plan)
        page = plan_views.plan_page(
            request, web.services, lang, plan_for_lang(built, lang), built.exercises, basis
        )
        return render(request, "plan.html", page)

    return plan


def _plan_sources(lang: Lang) -> Endpoint:
    async def sources(request: Request) -> Response:
        finished = _finished(request)
        web = context(request)
        built = web.services.plan_for(finished[0].answers) if finished is not None else None
        if not isinstance(built, Plan):
            return RedirectResponse(urls.plan(lang), status_code=303)
        page = plan_views.plan_sources_page(request, web.services, lang, plan_for_lang(built, lang))
        return render(request, "plan_sources.html", page)

    return sources


def _plan_pdf(lang: Lang) -> Endpoint:
    async def pdf(request: Request) -> Response:
        finished = _finished(request)
        built: Plan | NoPlan | None = None
        web = context(request)
        if finished is not None:
            built = web.services.plan_for(finished[0].answers)
        if not isinstance(built, Plan):
            # The page explains why there is no plan (or no self-check yet).
            return RedirectResponse(urls.plan(lang), status_code=303)
        chosen: Plan = built
        content = await run_in_threadpool(lambda: plan_pdf(chosen, lang))
        name = t(lang, "file_plan_pdf")
        return Response(
            content,
            media_type=PDF_MEDIA_TYPE,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    return pdf


def _exercise_index(lang: Lang) -> Endpoint:
    async def exercise_index(request: Request) -> Response:
        page = plan_views.exercise_index_page(request, context(request).services, lang)
        return render(request, "exercise_index.html", page)

    return exercise_index


def _exercise(lang: Lang) -> Endpoint:
    async def exercise(request: Request, exercise_id: str) -> Response:
        services = context(request).services
        found = services.plans.exercises.get(exercise_id)
        if found is None:
            raise HTTPException(status_code=404)
        return render(request, "exercise.html", plan_views.exercise_page(request, services, lang, found))

    return exercise


def _register() -> None:
    for lang in ("da", "en"):
        router.add_api_route(urls.plan(lang), _plan(lang), methods=["GET"], name=f"plan_{lang}")
        router.add_api_route(urls.plan_pdf(lang), _plan_pdf(lang), methods=["GET"], name=f"plan_pdf_{lang}")
        router.add_api_route(
            urls.plan_sources(lang), _plan_sources(lang), methods=["GET"], name=f"plan_sources_{lang}"
        )
        router.add_api_route(
            urls.exercises(lang), _exercise_index(lang), methods=["GET"], name=f"exercises_{lang}"
        )
        router.add_api_route(
            urls.exercises(lang) + "/{exercise_id}", _exercise(lang), methods=["GET"], name=f"exercise_{lang}"
        )


_register()

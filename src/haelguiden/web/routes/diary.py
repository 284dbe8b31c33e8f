"""The recovery diary's pages: start a diary, write in it, check in, download it, delete it.

A diary has no account: it is opened by the private token in its link (``/dagbog/<token>``), which the
person gets once, when the diary is made. Any token that does not open a diary (wrong, malformed, deleted)
gets the same "not found" page, and every request under ``/dagbog/`` counts towards the rate limit (POSTs
through the middleware, GETs here, through the limiter on the web context; over the limit they raise
``RateLimited`` and the app renders the 429), so tokens cannot be guessed by trying. Writes are POST forms
with a CSRF token, then a redirect (POST-redirect-GET). Storage calls block, so they run in the thread pool.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from haelguiden.engine.model import Lang
from haelguiden.engine.recovery import evaluate_recovery
from haelguiden.i18n import numeric_date, t
from haelguiden.tracker.calendar import ICS_MEDIA_TYPE, checkin_calendar
from haelguiden.tracker.export import CSV_MEDIA_TYPE, export_filename, to_csv, to_json
from haelguiden.tracker.model import (
    Diary,
    DiaryInputError,
    DiaryNotFound,
    Entry,
    EntryNotFound,
    validate_entry,
)
from haelguiden.web import diary_checkin_views, diary_entry_views, diary_views, urls
from haelguiden.web.diary_entry_views import EntryForm
from haelguiden.web.rate_limit import check_limit
from haelguiden.web.rendering import WebContext, chrome, context, render
from haelguiden.web.routes.assessment import load_state, read_form, redirect
from haelguiden.web.viewmodels import Link, MessagePage

router = APIRouter(include_in_schema=False)
Endpoint = Callable[..., Coroutine[Any, Any, Response]]
#: A page of an opened diary: (request, lang, web, diary, token, posted form or None) → response.
Handler = Callable[[Request, Lang, WebContext, Diary, str, FormData | None], Response]
JSON_MEDIA_TYPE = "application/json; charset=utf-8"


# --- shared --------------------------------------------------------------------------------------------
def count_get(request: Request) -> None:
    """Count a diary GET towards the rate limit (POSTs are counted by the middleware).

    Raises:
        RateLimited: the client is over the limit; the app answers 429.
    """
    if request.method == "GET":
        check_limit(context(request).limiter, request)


def not_found(request: Request, lang: Lang) -> Response:
    """The same page for every token that does not open a diary: it names nothing about the token."""
    heading = t(lang, "diary_not_found_title")
    page = MessagePage(
        chrome=chrome(request, lang, title=heading, switch_href=urls.home(urls.other(lang)), noindex=True),
        heading=heading,
        body=t(lang, "diary_link_broken"),
        link=Link(urls.home(lang), t(lang, "go_home")),
    )
    return render(request, "message.html", page, status=404)


def _open(lang: Lang, handler: Handler) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        form = await read_form(request) if request.method == "POST" else None
        return await run_in_threadpool(_run, request, lang, handler, form)

    return endpoint


def _run(request: Request, lang: Lang, handler: Handler, form: FormData | None) -> Response:
    count_get(request)
    web = context(request)
    token = str(request.path_params["token"])
    try:
        diary = web.services.repository.get_diary(token)
        return handler(request, lang, web, diary, token, form)
    except (DiaryNotFound, EntryNotFound):
        return not_found(request, lang)


def _download(content: str, media_type: str, filename: str) -> Response:
    return Response(
        content.encode("utf-8"),
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


# --- starting a diary ----------------------------------------------------------------------------------
def _start(lang: Lang) -> Endpoint:
    async def start(request: Request) -> Response:
        await read_form(request)
        return await run_in_threadpool(_create, request, lang)

    return start


def _create(request: Request, lang: Lang) -> Response:
    state = load_state(request)
    created = context(request).services.start_diary(state.answers if state is not None else None, lang)
    return redirect(urls.diary_part(lang, created.token, "link"))


def _link(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    page = diary_views.created_page(request, lang, web.site_url(request), token, web.services.recovery)
    return render(request, "diary_created.html", page)


# --- the diary -----------------------------------------------------------------------------------------
def _diary(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    services = web.services
    entries = services.repository.list_entries(diary.id)
    status = evaluate_recovery(services.recovery, diary.start_date, entries, services.today())
    notice = diary_views.notice_of(lang, request.query_params.get(urls.NOTICE_PARAM[lang]))
    page = diary_views.diary_page(request, services, lang, token, diary, entries, status, notice)
    return render(request, "diary.html", page)


def _posted_entry(form: FormData) -> tuple[dict[str, object], EntryForm]:
    """The raw fields for ``validate_entry``, and the same values as text to show again."""
    raw: dict[str, object] = {name: form.get(name) for name in ("date", "worst_pain", "first_step_pain")}
    raw |= {
        "exercises": form.getlist("exercises"),
        "activity": form.get("activity"),
        "note": form.get("note"),
    }

    def text(name: str) -> str:
        value = raw[name]
        return value if isinstance(value, str) else ""

    shown = EntryForm(
        date=text("date"),
        worst_pain=text("worst_pain"),
        first_step_pain=text("first_step_pain"),
        exercises=frozenset(x for x in form.getlist("exercises") if isinstance(x, str)),
        activity=text("activity"),
        note=text("note"),
    )
    return raw, shown


def _save_entry(
    request: Request,
    lang: Lang,
    web: WebContext,
    diary: Diary,
    token: str,
    form: FormData,
    entry: Entry | None,
) -> Response:
    services = web.services
    raw, shown = _posted_entry(form)
    plan = diary_views.diary_plan(services, diary)
    try:
        valid = validate_entry(
            raw,
            diary=diary,
            today=services.today(),
            entry_id=entry.id if entry else None,
            known_exercises=diary_views.known_exercises(plan, entry),
        )
    except DiaryInputError as exc:
        errors = {name: message.get(lang) for name, message in exc.errors.items()}
        shown = replace(shown, errors=errors)
        page = diary_entry_views.entry_page(request, services, lang, token, diary, shown, entry=entry)
        return render(request, "diary_entry.html", page, status=400)
    if entry is None:
        services.repository.add_entry(valid)
        return redirect(urls.diary(lang, token, diary_views.notice_value(lang, "saved")))
    services.repository.edit_entry(valid)
    return redirect(urls.diary(lang, token, diary_views.notice_value(lang, "changed")))


def _new_entry(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    if form is not None:
        return _save_entry(request, lang, web, diary, token, form, None)
    today = numeric_date(web.services.today())
    page = diary_entry_views.entry_page(request, web.services, lang, token, diary, EntryForm(date=today))
    return render(request, "diary_entry.html", page)


def _entry(request: Request, diary: Diary, web: WebContext) -> Entry:
    return web.services.repository.get_entry(diary.id, str(request.path_params["entry_id"]))


def _edit_entry(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    entry = _entry(request, diary, web)
    if form is not None:
        return _save_entry(request, lang, web, diary, token, form, entry)
    form_values = diary_entry_views.form_of(entry)
    page = diary_entry_views.entry_page(request, web.services, lang, token, diary, form_values, entry=entry)
    return render(request, "diary_entry.html", page)


def _delete_entry(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    entry = _entry(request, diary, web)
    if form is not None:
        web.services.repository.delete_entry(diary.id, entry.id)
        return redirect(urls.diary(lang, token, diary_views.notice_value(lang, "deleted")))
    page = diary_views.confirm_delete_entry(request, lang, token, entry)
    return render(request, "diary_confirm.html", page)


def _delete_diary(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    repository = web.services.repository
    if form is None:
        count = len(repository.list_entries(diary.id))
        page = diary_views.confirm_delete_diary(request, lang, token, count)
        return render(request, "diary_confirm.html", page)
    repository.delete_diary(diary.id)
    heading = t(lang, "deleted_title")
    done = MessagePage(
        chrome=chrome(request, lang, title=heading, switch_href=urls.home(urls.other(lang)), noindex=True),
        heading=heading,
        body=t(lang, "deleted_body"),
        link=Link(urls.home(lang), t(lang, "go_home")),
    )
    return render(request, "message.html", done)


def _checkin(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    kb = web.kb
    child = diary.age_group == "child"
    if form is None:
        page = diary_checkin_views.checkin_page(request, kb, lang, token, child=child)
        return render(request, "diary_checkin.html", page)
    values = [v for v in form.getlist("answer") if isinstance(v, str)]
    parsed = diary_checkin_views.parse_checkin(kb, lang, values)
    if parsed.errors:
        page = diary_checkin_views.checkin_page(
            request, kb, lang, token, chosen=parsed.chosen, errors=parsed.errors, child=child
        )
        return render(request, "diary_checkin.html", page, status=400)
    level, reasons = diary_checkin_views.checkin_triage(kb, parsed.answers)
    services = web.services
    entries = services.repository.list_entries(diary.id)
    status = evaluate_recovery(services.recovery, diary.start_date, entries, services.today(), level)
    services.repository.touch(diary.id)
    result = diary_checkin_views.checkin_result_page(request, kb, lang, token, status, reasons)
    return render(request, "diary_checkin_result.html", result)


# --- downloads -----------------------------------------------------------------------------------------
def _export_json(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    entries = web.services.repository.list_entries(diary.id)
    return _download(to_json(diary, entries), JSON_MEDIA_TYPE, export_filename(diary, "json"))


def _export_csv(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    entries = web.services.repository.list_entries(diary.id)
    return _download(to_csv(entries), CSV_MEDIA_TYPE, export_filename(diary, "csv"))


def _calendar(
    request: Request, lang: Lang, web: WebContext, diary: Diary, token: str, form: FormData | None
) -> Response:
    ics = checkin_calendar(
        start_date=diary.start_date,
        weeks=web.services.recovery.checkin_weeks,
        diary_url=web.site_url(request) + urls.diary(lang, token),
        lang=lang,
    )
    name = t(lang, "file_calendar")
    return Response(
        ics, media_type=ICS_MEDIA_TYPE, headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )


# --- routes --------------------------------------------------------------------------------------------
_PAGES: tuple[tuple[str, Handler, tuple[str, ...]], ...] = (
    ("link", _link, ("GET",)),
    ("new_entry", _new_entry, ("GET", "POST")),
    ("delete", _delete_diary, ("GET", "POST")),
    ("checkin", _checkin, ("GET", "POST")),
    ("export_json", _export_json, ("GET",)),
    ("export_csv", _export_csv, ("GET",)),
    ("calendar", _calendar, ("GET",)),
)


def _register() -> None:
    for lang in ("da", "en"):
        base = urls.diary_start(lang)
        router.add_api_route(base, _start(lang), methods=["POST"], name=f"diary_start_{lang}")
        router.add_api_route(base + "/{token}", _open(lang, _diary), methods=["GET"], name=f"diary_{lang}")
        for part, handler, methods in _PAGES:
            path = base + "/{token}/" + urls.DIARY_PARTS[part][lang]
            router.add_api_route(
                path, _open(lang, handler), methods=list(methods), name=f"diary_{part}_{lang}"
            )
        entry = base + "/{token}/" + urls.DIARY_PARTS["entries"][lang] + "/{entry_id}"
        router.add_api_route(
            entry, _open(lang, _edit_entry), methods=["GET", "POST"], name=f"diary_entry_{lang}"
        )
        delete = entry + "/" + urls.DIARY_PARTS["delete"][lang]
        router.add_api_route(
            delete, _open(lang, _delete_entry), methods=["GET", "POST"], name=f"diary_entry_delete_{lang}"
        )


_register()

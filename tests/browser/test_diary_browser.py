"""The plan and the diary in real Chromium: start a diary from a result, write three entries by clicking and
typing, see the chart, download the copies, delete it all; and zero axe violations on every page type of the
plan, the exercises and the diary, at desktop width and on a 320-px screen.

The server is the app under uvicorn on 127.0.0.1 like the other browser tests, but with its diary database
in a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from haelguiden.config import Settings
from haelguiden.web import create_app

from ..web.conftest import RUNNER, complete_answers
from .conftest import ARTIFACTS, Server, _free_port, open_page

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def diary_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app under uvicorn on a free port, with its diaries in a SQLite file of its own."""
    port = _free_port()
    database = tmp_path_factory.mktemp("diary") / "diaries.db"
    settings = Settings(
        database_url=f"sqlite:///{database}",
        secret_key="browser-diary-secret-key-0123456789-abcdef",
        environment="test",
        base_url=f"http://127.0.0.1:{port}",
        rate_limit="100000/minute",
    )
    app = create_app(settings)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield Server(f"http://127.0.0.1:{port}", app)
    server.should_exit = True
    thread.join(timeout=10)


def watched_page(browser: Browser, server: Server, width: int) -> Iterator[Page]:
    page, watch = open_page(browser, server.base_url, width)
    kb = server.app.state.web.kb
    page.context.add_cookies([server.answers_cookie(complete_answers(kb, RUNNER))])  # type: ignore[list-item]
    yield page
    page.context.close()
    assert watch.foreign_requests == []
    assert watch.console_errors == []


@pytest.fixture
def diary_page(browser: Browser, diary_server: Server) -> Iterator[Page]:
    """A desktop-width page whose self-check (a runner with plantar fasciitis) is finished."""
    yield from watched_page(browser, diary_server, 1024)


@pytest.fixture
def narrow_diary_page(browser: Browser, diary_server: Server) -> Iterator[Page]:
    """The same on a 320-px screen."""
    yield from watched_page(browser, diary_server, 320)


def start_diary_from_result(page: Page) -> str:
    """Start a diary from the result page; returns the private link shown once."""
    page.goto("/tjek/resultat")
    page.locator(".plan-links form button").click()
    page.wait_for_url("**/link")
    return page.locator("#diary-link").input_value()


def add_entry(page: Page, worst: int, first_step: int, note: str) -> None:
    page.locator("a.button", has_text="Skriv i dagbogen").click()
    page.locator("#worst_pain-" + str(worst)).check()
    page.locator("#first_step_pain-" + str(first_step)).check()
    page.locator("#exercises-towel_heel_raise").check()
    page.locator("#activity").fill("Gik en tur")
    page.locator("#note").type(note)
    page.locator("form.entry-form button").click()
    assert page.locator(".notification").inner_text() == "Registreringen er gemt."


def test_a_diary_from_a_result_three_entries_a_chart_copies_and_deleting(
    diary_page: Page, tmp_path: Path
) -> None:
    page = diary_page
    link = start_diary_from_result(page)
    assert page.locator("h1").inner_text() == "Din dagbog er klar"
    assert page.locator(".qr svg[role=img]").count() == 1
    page.locator("a.button", has_text="Gå til din dagbog").click()
    assert page.url == link

    for worst, first_step, note in ((7, 8, "Ondt om morgenen"), (5, 6, "Lidt bedre"), (4, 4, "Bedre")):
        add_entry(page, worst, first_step, note)

    assert page.locator("svg#pain-chart .point-worst").count() == 3
    assert page.locator("svg#pain-chart .point-first-step").count() == 3
    assert page.locator(".entries tbody tr").count() == 3

    with page.expect_download() as csv_download:
        page.locator(".manage a", has_text="CSV").click()
    csv_file = tmp_path / "diary.csv"
    csv_download.value.save_as(csv_file)
    today = dt.date.today().isoformat()
    lines = csv_file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "date,worst_pain,first_step_pain,exercises,activity,note"
    assert sorted(lines[1:]) == sorted(
        f"{today},{w},{f},towel_heel_raise,Gik en tur,{n}"
        for w, f, n in ((7, 8, "Ondt om morgenen"), (5, 6, "Lidt bedre"), (4, 4, "Bedre"))
    )
    with page.expect_download() as json_download:
        page.locator(".manage a", has_text="JSON").click()
    json_file = tmp_path / "diary.json"
    json_download.value.save_as(json_file)
    assert len(json.loads(json_file.read_text(encoding="utf-8"))["entries"]) == 3

    page.locator(".manage a", has_text="Slet hele dagbogen").click()
    assert page.locator("h1").inner_text() == "Vil du slette hele dagbogen?"
    page.locator(".confirm-form button").click()
    assert page.locator("h1").inner_text() == "Din dagbog er slettet"
    assert page.goto(link).status == 404  # type: ignore[union-attr]
    assert page.locator("h1").inner_text() == "Dagbogen blev ikke fundet"


def page_types(page: Page) -> Iterator[str]:
    """Every page type of the plan, the exercises and the diary, in turn."""
    page.goto("/plan")
    yield "plan"
    page.goto("/en/plan")
    yield "plan-en"
    page.goto("/oevelser")
    yield "exercise-index"
    page.goto("/oevelser/towel_heel_raise")
    yield "exercise"
    page.goto("/en/exercises/plantar_fascia_stretch")
    yield "exercise-en"
    start_diary_from_result(page)
    yield "diary-created"
    page.locator("a.button", has_text="Gå til din dagbog").click()
    yield "diary-empty"
    add_entry(page, 6, 7, "Første")
    add_entry(page, 4, 5, "Anden")
    yield "diary"
    page.locator("a.button", has_text="Skriv i dagbogen").click()
    page.locator("#date").fill("31.02.2026")
    page.locator("#note").fill("x" * 1001)
    page.locator("form.entry-form button").click()
    yield "entry-errors"
    page.go_back()
    page.go_back()
    page.locator(".entries__actions a", has_text="Slet").first.click()
    yield "delete-entry"
    page.go_back()
    page.locator("a.button", has_text="Tjek for advarselstegn").click()
    yield "check-in"
    page.locator("form.checkin button").click()
    yield "check-in-errors"
    page.locator("#answer-fever").check()
    page.locator("#answer-function_signs-none").check()
    page.locator("form.checkin button").click()
    yield "check-in-urgent"


PAGE_TYPES = [
    "plan",
    "plan-en",
    "exercise-index",
    "exercise",
    "exercise-en",
    "diary-created",
    "diary-empty",
    "diary",
    "entry-errors",
    "delete-entry",
    "check-in",
    "check-in-errors",
    "check-in-urgent",
]


def test_the_chart_fits_a_320_px_screen_with_every_point_visible(narrow_diary_page: Page) -> None:
    page = narrow_diary_page
    start_diary_from_result(page)
    page.locator("a.button", has_text="Gå til din dagbog").click()
    for worst, first_step, note in ((7, 8, "Ondt"), (5, 6, "Bedre"), (4, 4, "Godt")):
        add_entry(page, worst, first_step, note)
    assert page.evaluate("document.documentElement.scrollWidth") == 320
    assert not page.locator("svg#pain-chart").is_visible()
    chart = page.locator("svg#pain-chart-narrow")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 320
    points = page.locator("svg#pain-chart-narrow .point-worst")
    assert points.count() == 3
    for index in range(3):
        point = points.nth(index).bounding_box()
        assert point is not None
        assert point["x"] >= 0
        assert point["x"] + point["width"] <= 320
    # The numbers are also a table (for screen readers and for anyone who prefers them).
    page.locator(".chart + .details summary").click()
    assert page.locator(".chart__table tbody tr").count() == 3


def test_every_plan_and_diary_page_type_has_no_axe_violations(diary_page: Page) -> None:
    axe = Axe()
    seen = []
    failures = {}
    for name in page_types(diary_page):
        seen.append(name)
        results = axe.run(diary_page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures[name] = results.generate_report()
    assert seen == PAGE_TYPES
    assert failures == {}


def test_every_plan_and_diary_page_type_fits_320_pixels(narrow_diary_page: Page) -> None:
    folder = ARTIFACTS / "320px"
    folder.mkdir(parents=True, exist_ok=True)
    widths = {}
    for name in page_types(narrow_diary_page):
        narrow_diary_page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
        widths[name] = narrow_diary_page.evaluate("document.documentElement.scrollWidth")
    assert list(widths) == PAGE_TYPES
    assert {name: w for name, w in widths.items() if w > 320} == {}

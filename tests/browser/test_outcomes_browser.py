"""The outcome pages, the summary and the share link in real Chromium.

- Emergency first: ticking saddle numbness in the self-check leads straight to "Ring 112 nu", whose
  tel:112 button is in the first screenful of a 320 × 640 phone.
- axe-core finds no WCAG 2.2 AA violation on any outcome page, the summary, or the share pages.
- The summary's print link gives a one-page PDF, and printing the HTML view gives one A4 page.
- A read-only link made from the diary shows the summary and the chart to a browser without any cookie,
  has no way into the diary, and stops working when sharing is stopped.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from haelguiden.config import Settings
from haelguiden.engine.model import KnowledgeBase
from haelguiden.web import create_app

from ..web.conftest import ACHILLES, LADDER, RUNNER, complete_answers
from ..web.test_outcomes import SEVER, STRESS_FRACTURE
from .conftest import ARTIFACTS, Server, _free_port, open_page
from .journeys import Journey, answer_page, start

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EMERGENCY = {**LADDER, "back_pain": "back_only"}
#: Someone who ticks new numbness around the genitals or bottom among the warning signs.
SADDLE = Journey(
    name="saddle-numbness",
    lang="da",
    answers={"age": "47", "pain_site": ["heel_underside"], "injury": "none", "warning_signs": ["saddle"]},
    levels=("emergency",),
    top_cause="lumbar_radiculopathy",
)


def axe_violations(page: Page) -> str | None:
    """axe-core's report of the page shown, or None when it finds nothing."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.generate_report() if results.violations_count else None


def show_outcome(page: Page, server: Server, kb: KnowledgeBase, facts: dict[str, Any], path: str) -> None:
    answers = complete_answers(kb, facts)
    page.context.add_cookies([server.answers_cookie(answers)])  # type: ignore[list-item]
    page.goto(path)


@pytest.fixture(scope="module")
def kb(server: Server) -> KnowledgeBase:
    knowledge: KnowledgeBase = server.app.state.web.kb
    return knowledge


def test_an_emergency_answer_leads_straight_to_112_within_the_first_screen_of_a_phone(
    browser: Browser, base_url: str
) -> None:
    page, watch = open_page(browser, base_url, width=320)
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        start(page, "da")
        asked = []
        while page.locator("form[data-question-id]").count():
            asked.append(answer_page(page, SADDLE)[0])
            assert len(asked) < 60
        assert asked[-1] == "warning_signs"  # the next page after the tick is the outcome
        assert page.url == f"{base_url}/tjek/resultat"
        assert page.locator("h1").inner_text() == "Ring 112 nu"
        call = page.locator("main a[href='tel:112']")
        assert call.inner_text() == "Ring 112"
        box = call.bounding_box()
        assert box is not None
        assert page.evaluate("window.scrollY") == 0
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 320
        assert box["y"] >= 0
        assert box["y"] + box["height"] <= 640, box
        assert box["height"] >= 44  # a large tap target
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        folder = ARTIFACTS / "outcomes"
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / "emergency-320x640.png"))
        assert axe_violations(page) is None
    finally:
        page.context.close()
    assert watch.foreign_requests == []
    assert watch.console_errors == []


@pytest.mark.parametrize(
    ("name", "facts", "path"),
    [
        ("emergency-da", EMERGENCY, "/tjek/resultat"),
        ("emergency-en", EMERGENCY, "/en/check/result"),
        ("urgent-da", ACHILLES, "/tjek/resultat"),
        ("gp-da", STRESS_FRACTURE, "/tjek/resultat"),
        ("professional-en", SEVER, "/en/check/result"),
        ("self-care-da", RUNNER, "/tjek/resultat"),
        ("summary-da", ACHILLES, "/tjek/resultat/til-laegen"),
        ("summary-en", EMERGENCY, "/en/check/result/for-your-clinician"),
    ],
)
def test_every_outcome_page_and_the_summary_have_no_axe_violations_and_fit_320_pixels(
    browser: Browser, server: Server, kb: KnowledgeBase, name: str, facts: dict[str, Any], path: str
) -> None:
    for width in (1024, 320):
        page, watch = open_page(browser, server.base_url, width=width)
        try:
            show_outcome(page, server, kb, facts, path)
            assert page.locator("h1").count() == 1
            assert axe_violations(page) is None, name
            assert page.evaluate("document.documentElement.scrollWidth") <= width, name
            folder = ARTIFACTS / "outcomes"
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{name}-{width}.png"), full_page=True)
        finally:
            page.context.close()
        assert watch.foreign_requests == []
        assert watch.console_errors == []


def test_the_summary_prints_on_one_a4_page_and_its_print_link_is_a_one_page_pdf(
    page: Page, server: Server, kb: KnowledgeBase
) -> None:
    show_outcome(page, server, kb, ACHILLES, "/tjek/resultat")
    page.locator(".summary-links a").first.click()
    assert page.locator("h1").inner_text() == "Til din læge eller fysioterapeut"
    link = page.locator(".summary-tools a.button")
    assert link.inner_text() == "Udskriv resuméet (PDF, A4)"
    pdf = page.request.get(str(link.get_attribute("href")))
    assert pdf.headers["content-type"] == "application/pdf"
    assert len(re.findall(rb"/Type /Page\b", pdf.body())) == 1
    page.emulate_media(media="print")
    printed = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", printed)) == 1


# --- sharing -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def share_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app under uvicorn on a free port of 127.0.0.1, with its diaries in a SQLite file of its own."""
    port = _free_port()
    database = tmp_path_factory.mktemp("share") / "diaries.db"
    settings = Settings(
        database_url=f"sqlite:///{database}",
        secret_key="browser-share-secret-key-0123456789-abcdef",
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


def test_a_read_only_link_shows_the_summary_and_chart_and_stops_when_revoked(
    browser: Browser, share_server: Server
) -> None:
    kb: KnowledgeBase = share_server.app.state.web.kb
    owner, owner_watch = open_page(browser, share_server.base_url)
    clinician, clinician_watch = open_page(browser, share_server.base_url, width=320)
    failures: dict[str, str] = {}
    try:
        show_outcome(owner, share_server, kb, RUNNER, "/tjek/resultat")
        owner.locator(".plan-links form button").click()  # start a diary
        owner.locator("a.button", has_text="Gå til din dagbog").click()
        diary_url = owner.url
        for worst in (7, 5):
            owner.locator("a.button", has_text="Skriv i dagbogen").click()
            owner.locator(f"#worst_pain-{worst}").check()
            owner.locator("form.entry-form button").click()
            assert owner.locator(".notification").inner_text() == "Registreringen er gemt."
        owner.locator(".diary-share a", has_text="Del resumé").click()
        if report := axe_violations(owner):
            failures["share-page"] = report
        owner.locator("form.share-create button").click()
        assert owner.locator("h1").inner_text() == "Dit link til deling er klar"
        if report := axe_violations(owner):
            failures["share-created"] = report
        link = owner.locator("#share-link").input_value()
        assert link.startswith(f"{share_server.base_url}/delt/")
        assert owner.locator("figure.qr svg#share-qr").count() == 1

        clinician.goto(link)
        assert clinician.locator("h1").inner_text() == "Til din læge eller fysioterapeut"
        assert clinician.locator(".summary__shared").inner_text() == "Delt af patienten. Kun til læsning."
        assert clinician.locator("svg.pain-chart:visible").count() == 1  # the one for this width
        assert clinician.locator("form").count() == 0
        hrefs = clinician.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
        assert [h for h in hrefs if "/dagbog" in h] == []
        assert diary_url.removeprefix(share_server.base_url) not in clinician.content()
        assert clinician.evaluate("document.documentElement.scrollWidth") <= 320
        if report := axe_violations(clinician):
            failures["shared-summary"] = report
        pdf = clinician.request.get(str(clinician.locator(".summary-tools a.button").get_attribute("href")))
        assert pdf.headers["content-type"] == "application/pdf"

        owner.goto(diary_url + "/del")
        owner.locator(".share form button").click()
        assert (
            owner.locator(".notification").inner_text() == "Delingen er stoppet. Linket virker ikke længere."
        )
        response = clinician.goto(link)
        assert response is not None
        assert response.status == 404
        assert clinician.locator("h1").inner_text() == "Linket virker ikke"
    finally:
        owner.context.close()
        clinician.context.close()
    assert failures == {}
    assert owner_watch.foreign_requests == []
    assert clinician_watch.foreign_requests == []
    assert owner_watch.console_errors == []
    assert clinician_watch.console_errors == []

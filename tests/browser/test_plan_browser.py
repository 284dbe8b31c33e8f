"""The plan in real Chromium: short on a phone, two A4 pages when printed, everything reachable.

"Typical" is the commonest case: the plan for plantar fasciitis of the runner in ``tests/web/conftest.py``
(an adult; the interview ended before asking about sport or weight). One screen of the smallest phone is
320 × 568 CSS pixels (iPhone SE, first generation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..web.conftest import RUNNER, complete_answers
from .conftest import ARTIFACTS, Server, open_page

pytestmark = pytest.mark.browser

PHONE = {"width": 320, "height": 568}
SCREENS = 6


def plan_page(browser: Browser, server: Server, width: int, height: int) -> Iterator[Page]:
    page, watch = open_page(browser, server.base_url, width)
    page.set_viewport_size({"width": width, "height": height})
    kb = server.app.state.web.kb
    page.context.add_cookies([server.answers_cookie(complete_answers(kb, RUNNER))])  # type: ignore[list-item]
    page.goto("/plan")
    yield page
    page.context.close()
    assert watch.foreign_requests == []
    assert watch.console_errors == []


@pytest.fixture
def phone_plan(browser: Browser, server: Server) -> Iterator[Page]:
    """The typical plan on the smallest phone."""
    yield from plan_page(browser, server, PHONE["width"], PHONE["height"])


@pytest.fixture
def desktop_plan(browser: Browser, server: Server) -> Iterator[Page]:
    """The typical plan on a desktop."""
    yield from plan_page(browser, server, 1280, 800)


def test_a_typical_plan_is_at_most_six_screens_tall_on_a_320_px_phone(phone_plan: Page) -> None:
    folder = ARTIFACTS / "plan"
    folder.mkdir(parents=True, exist_ok=True)
    phone_plan.screenshot(path=str(folder / "plan-320.png"), full_page=True)
    assert phone_plan.locator("h1").inner_text() == "Din plan ved smerter under hælen"
    height = phone_plan.evaluate("document.documentElement.scrollHeight")
    width = phone_plan.evaluate("document.documentElement.scrollWidth")
    assert width == PHONE["width"]
    assert height <= SCREENS * PHONE["height"], f"{height} px is {height / PHONE['height']:.1f} screens"


def test_the_stop_signs_come_first_and_the_collapsed_parts_open(phone_plan: Page) -> None:
    headings = phone_plan.locator(".plan h2").all_inner_texts()
    assert headings[0] == "Stop og søg hjælp"
    assert phone_plan.locator(".seek-help__list li").first.is_visible()
    how_to = phone_plan.locator("details.how-to")
    assert not how_to.locator(".exercise__name").first.is_visible()
    how_to.locator("summary").click()
    assert how_to.locator(".exercise__name").first.is_visible()
    advice = phone_plan.locator("details.advice-item").first
    advice.locator("summary").press("Enter")  # keyboard works too
    assert advice.locator(".details__text").is_visible()


def test_the_printed_plan_fits_on_two_a4_pages(desktop_plan: Page) -> None:
    desktop_plan.emulate_media(media="print")
    pdf = desktop_plan.pdf(format="A4")
    (ARTIFACTS / "plan").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "plan" / "plan-print.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 2
    # In print everything collapsed on screen is shown: the how-to and the advice texts.
    assert desktop_plan.locator("details.how-to .exercise__name").first.is_visible()
    assert desktop_plan.locator("details.advice-item .details__text").first.is_visible()

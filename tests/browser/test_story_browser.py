"""'Fortæl med dine egne ord' in real Chromium with JavaScript switched off: type, confirm, untick, go on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

STORY = (
    "Jeg har haft ondt under venstre hæl i tre måneder, værst når jeg står op om morgenen. "
    "Der er ingen hævelse."
)


@pytest.fixture
def no_js_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A fresh context with JavaScript disabled."""
    context = browser.new_context(base_url=base_url, locale="da-DK", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


def test_a_story_is_confirmed_and_unticked_without_javascript(no_js_page: Page) -> None:
    page = no_js_page
    page.goto("/")
    page.locator("#story").fill(STORY)
    with page.expect_navigation():
        page.locator(".start-form button").click()
    assert page.locator("h1").inner_text() == "Vi har forstået"
    labels = page.locator(".choice__label").all_inner_texts()
    assert labels == [
        "Det er venstre fod",
        "Det gør ondt under hælen",
        "Det startede for ca. 90 dage siden",
        "Det er værst ved de første skridt om morgenen eller efter hvile",
        "Det ømme sted er ikke hævet",
    ]
    page.locator("label", has_text="Det gør ondt under hælen").click()  # untick
    page.locator("#change-duration_days").fill("80")
    with page.expect_navigation():
        page.locator("form.story button").click()
    # the age is not in the story, so it is asked first
    assert page.locator("h1").inner_text() == "Hvor gammel er du?"

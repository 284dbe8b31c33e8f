"""Every page type: zero axe-core violations (WCAG 2.2 AA), and it fits a 320-px-wide screen."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from .conftest import ARTIFACTS, Server
from .pagetypes import page_types

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGE_TYPES = {
    "start-da",
    "start-en",
    "article-index",
    "article",
    "article-en",
    "search",
    "search-no-hits",
    "not-found",
    "api-docs",
    "privacy",
    "about-en",
    "accessibility",
    "story-confirm",
    "story-error",
    "question-number",
    "question-foot",
    "question-error",
    "question-radios",
    "question-checkboxes",
    "question-scale",
    "check-answers",
    "result-self-care",
    "result-urgent-en",
    "result-postcode-error",
    "restart",
}


def test_every_page_type_has_no_axe_violations(page: Page, server: Server) -> None:
    axe = Axe()
    seen = []
    failures = {}
    for name in page_types(page, server):
        seen.append(name)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        if results.violations_count:
            failures[name] = results.generate_report()
    assert set(seen) == PAGE_TYPES
    assert failures == {}


def test_every_page_type_fits_320_pixels(narrow_page: Page, server: Server) -> None:
    folder = ARTIFACTS / "320px"
    folder.mkdir(parents=True, exist_ok=True)
    widths = {}
    for name in page_types(narrow_page, server):
        narrow_page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
        widths[name] = narrow_page.evaluate("document.documentElement.scrollWidth")
    assert set(widths) == PAGE_TYPES
    assert {name: w for name, w in widths.items() if w > 320} == {}

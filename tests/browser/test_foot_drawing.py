"""The foot drawing's numbered badges are tap targets: tapping a badge ticks exactly its place.

The hotspots are labels of the checkboxes under the drawing, placed over the badges. A browser test is the
only way to know they really lie on the badges: it taps the centre of each badge, on the smallest phone
and on a desktop, and checks which box that ticked.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..web.conftest import RUNNER, complete_answers
from .conftest import Server, open_page

pytestmark = pytest.mark.browser

PLACES = [
    "heel_underside",
    "heel_back",
    "achilles_tendon",
    "heel_inner_side",
    "heel_outer_side",
    "arch",
    "ankle",
    "calf",
    "forefoot",
]


def foot_page(browser: Browser, server: Server, width: int) -> Iterator[Page]:
    page, watch = open_page(browser, server.base_url, width)
    kb = server.app.state.web.kb
    # The pain-site question, answered earlier with "ved ikke": its page can be opened again.
    answers = complete_answers(kb, RUNNER).answer(kb, "pain_site", None)
    page.context.add_cookies([server.answers_cookie(answers)])  # type: ignore[list-item]
    page.goto("/tjek/pain_site")
    yield page
    page.context.close()
    assert watch.foreign_requests == []
    assert watch.console_errors == []


@pytest.fixture(params=[320, 1280], ids=["320px", "1280px"])
def foot(request: pytest.FixtureRequest, browser: Browser, server: Server) -> Iterator[Page]:
    """The pain-site question with the foot drawing, at the given screen width."""
    yield from foot_page(browser, server, request.param)


def tap(page: Page, place: str) -> None:
    """Tap the centre of the badge of ``place``, as a finger would: whatever lies on top gets it."""
    badge = page.locator(f".badge.b-{place}")
    badge.scroll_into_view_if_needed()
    box = badge.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def ticked(page: Page) -> list[str]:
    return page.eval_on_selector_all("input[name=answer]:checked", "inputs => inputs.map(i => i.value)")  # type: ignore[no-any-return]


def test_tapping_each_badge_ticks_its_own_box(foot: Page) -> None:
    foot.locator("#answer-_ved_ikke").uncheck()
    assert ticked(foot) == []
    for number, place in enumerate(PLACES, start=1):
        assert foot.locator(f".badge.b-{place}").text_content() == str(number)
        tap(foot, place)
        assert ticked(foot) == PLACES[:number], f"badge {number} ({place})"
    # Tapping a badge again unticks it, like tapping the box.
    tap(foot, "calf")
    assert "calf" not in ticked(foot)


def test_no_hotspot_lies_over_the_caption(foot: Page) -> None:
    caption = foot.locator(".foot__caption").bounding_box()
    assert caption is not None
    for place in PLACES:
        spot = foot.locator(f".hotspot.hs-{place}").bounding_box()
        assert spot is not None
        assert spot["y"] + spot["height"] <= caption["y"], place

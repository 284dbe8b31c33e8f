"""Four people take the self-check in real Chromium, by clicking and typing; one by keyboard alone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .journeys import JOURNEYS, RUNNER, Journey, run, start

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("journey", JOURNEYS, ids=lambda j: j.name)
def test_a_journey_ends_with_the_expected_triage_and_cause(page: Page, journey: Journey) -> None:
    asked = run(page, journey)

    assert asked[0][0] == "age"
    assert all(heading for _, heading in asked)
    assert page.locator("html").get_attribute("lang") == journey.lang
    panel = str(page.locator(".panel").get_attribute("class"))
    level = panel.split()[1].removeprefix("panel--")
    assert level in journey.levels, f"{journey.name}: {level}"
    assert page.locator(".cause").first.get_attribute("data-cause-id") == journey.top_cause
    # every answer given was asked in words on the page before
    assert len({qid for qid, _ in asked}) == len(asked)


def test_the_drawing_ticks_the_same_checkbox_as_the_list(page: Page) -> None:
    start(page, "da")
    page.locator("#answer").fill("38")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator("label.hs-achilles_tendon").click()
    assert page.locator("#answer-achilles_tendon").is_checked()
    page.locator("label.hs-achilles_tendon").click()
    assert not page.locator("#answer-achilles_tendon").is_checked()


def test_the_browser_back_button_returns_to_the_previous_answer(page: Page) -> None:
    start(page, "da")
    page.locator("#answer").fill("38")
    page.locator("form.question button:not([value])").click()
    page.locator("label.choice__label[for='answer-heel_back']").click()
    page.locator("form.question > button").click()
    assert page.locator("form").first.get_attribute("data-question-id") == "duration"

    page.go_back()
    assert page.locator("form[data-question-id]").get_attribute("data-question-id") == "pain_site"
    assert page.locator("#answer-heel_back").is_checked()
    page.go_back()
    assert page.locator("#answer").input_value() == "38"


def test_an_error_is_shown_without_javascript_and_links_to_the_field(page: Page) -> None:
    start(page, "da")
    page.locator("form.question button:not([value])").click()
    summary = page.locator(".error-summary a")
    assert summary.inner_text() == "Skriv din alder i hele år, fx 42, eller tryk «Ved ikke»"
    summary.click()
    assert page.evaluate("document.activeElement.id") == "answer"


def _submit(page: Page) -> None:
    """Press Enter on the focused control and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _tab_to(page: Page, condition: str, limit: int = 80) -> None:
    """Press Tab until the focused element satisfies the JavaScript ``condition`` (on ``el``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {condition}; }})()"):
            return
    raise AssertionError(f"Tab never reached: {condition}")


def test_a_whole_journey_by_keyboard_alone(page: Page) -> None:
    page.goto("/")
    _tab_to(page, "el.matches('.start-form button')")
    _submit(page)
    for _ in range(60):
        form = page.locator("form[data-question-id]")
        if not form.count():
            break
        qid = str(form.get_attribute("data-question-id"))
        widget = str(form.get_attribute("data-widget"))
        answer = RUNNER.answers.get(qid)
        if widget == "number":
            if answer is None:
                _tab_to(page, "el.value === 'dont_know'")
                _submit(page)
            else:
                _tab_to(page, "el.id === 'answer'")
                page.keyboard.type(str(answer))
                _submit(page)
        elif widget in ("radios", "scale"):
            target = "_ved_ikke" if answer is None else str(answer)
            _tab_to(page, "el.name === 'answer'")  # the radio group takes one Tab stop
            page.keyboard.press("Space")
            for _ in range(30):
                if page.evaluate("document.activeElement.value") == target:
                    break
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            _tab_to(page, "el.matches('form.question > button')")
            _submit(page)
        else:
            values = (
                ["_ved_ikke"] if answer is None else [answer] if isinstance(answer, str) else list(answer)
            )
            for value in values:
                _tab_to(page, f"el.id === 'answer-{value}'")
                page.keyboard.press("Space")
            _tab_to(page, "el.matches('form.question > button')")
            _submit(page)
    assert page.locator("h1").inner_text() == "Tjek dine svar"
    _tab_to(page, "el.matches('main a.button')")
    _submit(page)
    assert page.locator(".panel").get_attribute("class") == "panel panel--self_care outcome"
    assert page.locator(".cause").first.get_attribute("data-cause-id") == "plantar_fasciitis"

"""Visit one page of every type the site has, in a real browser, and say which it is.

Used by the accessibility test (axe on each) and the narrow-screen test (a 320-px screenshot of each).
"""

from __future__ import annotations

from collections.abc import Iterator

from playwright.sync_api import Page

from haelguiden.web.state_cookie import COOKIE_NAME

from .conftest import Server
from .journeys import ACHILLES, RUNNER, answer_page, start

STATIC = (
    ("start-da", "/"),
    ("start-en", "/en/"),
    ("article-index", "/artikler"),
    ("article", "/artikler/ondt-i-haelen"),
    ("article-en", "/en/articles/heel-pain"),
    ("search", "/soeg?q=h%C3%A6lspore"),
    ("search-no-hits", "/en/search?q=xyzzy"),
    ("not-found", "/findes-ikke"),
    ("api-docs", "/api/v1/docs"),
    ("privacy", "/privatliv"),
    ("about-en", "/en/about"),
    ("accessibility", "/tilgaengelighed"),
)


def page_types(page: Page, server: Server) -> Iterator[str]:
    """Go to each page type in turn; yield its name while the browser shows it."""
    for name, path in STATIC:
        page.goto(path)
        yield name

    page.goto("/")
    page.locator("#story").fill(
        "Jeg er 50 år og har haft ondt under venstre hæl i tre måneder. Der er ingen hævelse."
    )
    page.locator(".start-form button").click()
    yield "story-confirm"
    page.locator("#change-age").fill("halvtreds")
    page.locator("form.story button").click()
    yield "story-error"

    seen: set[str] = set()
    start(page, "da")
    while page.locator("form[data-question-id]").count():
        form = page.locator("form[data-question-id]")
        kind = (
            "foot"
            if form.get_attribute("data-question-id") == "pain_site"
            else form.get_attribute("data-widget")
        )
        if f"question-{kind}" not in seen:
            seen.add(f"question-{kind}")
            yield f"question-{kind}"
        if kind == "foot" and "question-error" not in seen:
            page.locator("form.question > button").click()  # nothing chosen
            seen.add("question-error")
            yield "question-error"
        answer_page(page, RUNNER)
    yield "check-answers"
    page.locator("main a.button").click()
    yield "result-self-care"

    token = next(c["value"] for c in page.context.cookies() if c["name"] == COOKIE_NAME)
    kb = server.app.state.web.kb
    answers = server.app.state.web.codec.loads(token).answers.answer(kb, "pain_score", 4)
    page.context.add_cookies([server.answers_cookie(answers)])  # type: ignore[list-item]
    page.goto("/tjek/pain_score")
    yield "question-scale"

    start(page, "en")
    while page.locator("form[data-question-id]").count():
        answer_page(page, ACHILLES)
    page.locator("main a.button").click()
    yield "result-urgent-en"
    page.locator("#postcode").fill("abc")
    page.locator("form.postcode button").click()
    yield "result-postcode-error"

    page.context.add_cookies([{"name": COOKIE_NAME, "value": "tampered", "url": server.base_url}])
    page.goto("/tjek/age")
    yield "restart"

"""Fixtures for the browser tests: the app under uvicorn on 127.0.0.1, and real Chromium via Playwright.

Chromium is the system one (``/usr/bin/chromium``); Playwright's own download does not work here. Every
page a test opens is watched: a request to any host but the test server, or a console error (such as a
Content-Security-Policy violation), fails the test.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, Response, sync_playwright

from haelguiden.config import Settings
from haelguiden.engine.state import Answers
from haelguiden.web import create_app
from haelguiden.web.state_cookie import COOKIE_NAME, CheckState

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts" / "browser"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Server:
    """The running test server: its address and the app it serves."""

    base_url: str
    app: FastAPI

    def answers_cookie(self, answers: Answers) -> dict[str, str]:
        """A signed answers cookie for Playwright's ``add_cookies``, as if the answers were given in pages."""
        token = self.app.state.web.codec.dumps(CheckState(answers))
        return {"name": COOKIE_NAME, "value": token, "url": self.base_url}


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """The app served by uvicorn on a free port of 127.0.0.1, for the whole session."""
    port = _free_port()
    settings = Settings(
        secret_key="browser-test-secret-key-0123456789-abcdef",
        environment="test",
        base_url=f"http://127.0.0.1:{port}",
        rate_limit="100000/minute",
    )
    app = create_app(settings)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
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


@pytest.fixture(scope="session")
def base_url(server: Server) -> str:
    """The test server's address."""
    return server.base_url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright, started once."""
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """The system Chromium, headless."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Watch:
    """What a page did that it must not: requests to other hosts, console errors."""

    base_url: str
    foreign_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def request(self, request: Request) -> None:
        if not request.url.startswith(self.base_url) and not request.url.startswith("data:"):
            self.foreign_requests.append(request.url)

    def console(self, message: ConsoleMessage) -> None:
        # Pages answered with 4xx on purpose (a form with errors, a missing page) make Chromium log a failed
        # load; failed loads are checked in ``response`` instead. Anything else, such as a CSP violation,
        # is an error.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def response(self, response: Response) -> None:
        if response.request.resource_type != "document" and response.status >= 400:
            self.console_errors.append(f"{response.status} for {response.url}")


def open_page(browser: Browser, base_url: str, width: int = 1024) -> tuple[Page, Watch]:
    """A fresh browser context (no cookies) with its requests and console watched."""
    context = browser.new_context(viewport={"width": width, "height": 900}, base_url=base_url, locale="da-DK")
    page = context.new_page()
    watch = Watch(base_url)
    page.on("request", watch.request)
    page.on("console", watch.console)
    page.on("response", watch.response)
    return page, watch


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A page in a fresh context; afterwards no foreign request and no console error may have happened."""
    page, watch = open_page(browser, base_url)
    yield page
    page.context.close()
    assert watch.foreign_requests == []
    assert watch.console_errors == []


@pytest.fixture
def narrow_page(browser: Browser, base_url: str) -> Iterator[Page]:
    """A 320-px-wide page (the smallest phone)."""
    page, watch = open_page(browser, base_url, width=320)
    yield page
    page.context.close()
    assert watch.foreign_requests == []
    assert watch.console_errors == []

"""Benchmark: how long the typical plan is on the smallest phone, and how many A4 pages it prints on.

The typical plan is the one for plantar fasciitis of the runner in ``tests/web/conftest.py``. The app runs
under uvicorn on 127.0.0.1; Debian's Chromium (``/usr/bin/chromium``) opens ``/plan`` at 320 × 568 CSS px
(one screen of an iPhone SE, first generation) and at 1280 px, then prints it to A4 and to the PDF
download. Targets: at most 6 screen heights, 2 A4 pages.

    .venv/bin/python bench/plan_length.py
"""

from __future__ import annotations

import re
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port
from tests.web.conftest import RUNNER, complete_answers, make_settings

from haelguiden.engine.plan import Plan
from haelguiden.rendering.plan_pdf import plan_pdf
from haelguiden.services import build_services
from haelguiden.web import create_app
from haelguiden.web.state_cookie import COOKIE_NAME, CheckState

PHONE = (320, 568)
SCREENS = 6


def pages(pdf: bytes) -> int:
    """The number of pages of a PDF."""
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def main() -> int:
    """Measure and print; exit 1 when a target is missed."""
    port = _free_port()
    settings = make_settings(base_url=f"http://127.0.0.1:{port}")
    services = build_services(settings)
    app = create_app(settings, services=services)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    answers = complete_answers(services.kb, RUNNER)
    cookie = {
        "name": COOKIE_NAME,
        "value": app.state.web.codec.dumps(CheckState(answers)),
        "url": settings.base_url,
    }
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
            context.add_cookies([cookie])  # type: ignore[list-item]
            page = context.new_page()
            page.goto(f"{settings.base_url}/plan")
            height = int(page.evaluate("document.documentElement.scrollHeight"))
            page.set_viewport_size({"width": 1280, "height": 800})
            page.emulate_media(media="print")
            printed = pages(page.pdf(format="A4"))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    plan = services.plan_for(answers)
    assert isinstance(plan, Plan)
    download = pages(plan_pdf(plan, "da"))
    screens = height / PHONE[1]
    print(f"plan at {PHONE[0]} x {PHONE[1]} px: {height} px = {screens:.2f} screens (target <= {SCREENS})")
    print(f"printed from Chromium on A4: {printed} pages (target <= 2)")
    print(f"PDF download: {download} pages (target <= 2)")
    return 0 if screens <= SCREENS and printed <= 2 and download <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the transferred size of every page type (HTML + CSS + images, uncompressed). Target ≤ 30 KB.

Each page is fetched in-process with the test client, then every stylesheet, image and icon it links to;
the sizes are added up as a browser with an empty cache would download them. Every article is measured and
the largest one stands for the article page type. Prints a table; exits with 1 when a page is over budget.

    .venv/bin/python bench/web_page_size.py
"""

from __future__ import annotations

import sys
import warnings
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup

from haelguiden.config import Settings
from haelguiden.engine.assess import assess
from haelguiden.engine.state import Answers
from haelguiden.evaluation.harness import simulated_answer
from haelguiden.web import create_app
from haelguiden.web.state_cookie import COOKIE_NAME, CheckState

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's httpx2 notice
    from starlette.testclient import TestClient

BUDGET = 30 * 1024
URGENT = {
    "age": 41,
    "pain_site": ["achilles_tendon", "calf"],
    "tendon_gap": True,
    "onset": "sudden",
    "injury": "sudden_push_off",
    "pop_or_kick": True,
    "swelling": True,
    "tiptoe_single": "cannot",
    "fever": False,
    "severely_unwell": False,
    "foot_cold_pale": False,
    "saddle_numbness_or_bladder": False,
    "foot_weakness": False,
}
RUNNER = {
    "age": 38,
    "pain_site": ["heel_underside"],
    "injury": "none",
    "first_steps_pain": True,
    "eases_with_warm_up": True,
    "fever": False,
    "severely_unwell": False,
    "foot_cold_pale": False,
    "saddle_numbness_or_bladder": False,
    "foot_weakness": False,
    "pop_or_kick": False,
    "weight_bearing": "normal",
    "diabetes": False,
    "cancer_history": False,
    "weight_loss": False,
    "fluoroquinolone": "no",
}


@dataclass(frozen=True)
class Measured:
    """One page: its HTML size and the size of everything it links to."""

    name: str
    path: str
    html: int
    assets: int

    @property
    def total(self) -> int:
        """Bytes a first visit downloads."""
        return self.html + self.assets


def complete(kb: Any, facts: dict[str, Any]) -> Answers:
    """The answers of a whole interview by a person with ``facts``."""
    answers = Answers()
    result = assess(kb, answers)
    while result.question is not None:
        answers = answers.answer(kb, result.question.id, simulated_answer(kb, result.question, facts))
        result = assess(kb, answers)
    return answers


def measure(client: TestClient, name: str, path: str, method: str = "GET", **kwargs: Any) -> Measured:
    """Fetch a page and every asset it links to."""
    response = client.request(method, path, **kwargs)
    soup = BeautifulSoup(response.text, "html.parser")
    links = {str(t["href"]) for t in soup.find_all("link", rel=["stylesheet", "icon"])}
    links |= {str(t["src"]) for t in soup.find_all("img", src=True)}
    assets = sum(len(client.get(link).content) for link in sorted(links) if link.startswith("/"))
    return Measured(name, path, len(response.content), assets)


def main() -> int:
    """Measure, print the table, and return the exit code."""
    app = create_app(Settings(secret_key="bench-secret-key-0123456789-abcdefgh", rate_limit="1000000/minute"))
    web = app.state.web
    kb = web.kb
    client = TestClient(app)

    def with_answers(answers: Answers) -> None:
        client.cookies.set(COOKIE_NAME, web.codec.dumps(CheckState(answers)))

    def token() -> str:
        page = BeautifulSoup(client.get("/tjek/pain_site").text, "html.parser")
        return str(page.find("input", attrs={"name": "csrf_token"})["value"])  # type: ignore[index]

    runner = complete(kb, RUNNER)
    # (page type, answers in the cookie first or None to keep them, method, path)
    plan: list[tuple[str, Answers | None, str, str]] = [
        ("start page", None, "GET", "/"),
        ("question: number", runner, "GET", "/tjek/age"),
        ("question: foot drawing", None, "GET", "/tjek/pain_site"),
        ("question: radios", None, "GET", "/tjek/injury"),
        ("question: checklist", None, "GET", "/tjek/warning_signs"),
        ("question with errors", None, "POST", "/tjek/pain_site"),
        ("check your answers", None, "GET", "/tjek/dine-svar"),
        ("result: self-care", None, "GET", "/tjek/resultat"),
        ("question: pain scale", runner.answer(kb, "pain_score", 4), "GET", "/tjek/pain_score"),
        ("result: urgent", complete(kb, URGENT), "GET", "/tjek/resultat"),
        ("article index", None, "GET", "/artikler"),
        ("search", None, "GET", "/soeg?q=h%C3%A6lspore"),
        ("not found", None, "GET", "/findes-ikke"),
        ("API docs", None, "GET", "/api/v1/docs"),
    ]
    results: list[Measured] = []
    for name, answers, method, path in plan:
        if answers is not None:
            with_answers(answers)
        data = {"csrf_token": token()} if method == "POST" else None
        results.append(measure(client, name, path, method, data=data))
    articles = [measure(client, "article", a.path) for a in web.library]
    largest = max(articles, key=lambda m: m.total)
    results.append(
        Measured(f"article (largest of {len(articles)})", largest.path, largest.html, largest.assets)
    )

    print(f"{'page type':<32} {'path':<40} {'HTML':>8} {'CSS+img':>8} {'total':>8}  budget 30 KB")
    failed = False
    for m in results:
        over = m.total > BUDGET
        failed |= over
        print(
            f"{m.name:<32} {m.path:<40} {m.html / 1024:>6.1f}KB {m.assets / 1024:>6.1f}KB "
            f"{m.total / 1024:>6.1f}KB  {'OVER' if over else 'ok'}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the size of every page type (HTML + CSS + images), as sent and as stored. Target ≤ 14 KB sent.

Each page is fetched in-process with the test client as a browser asks for it (``Accept-Encoding: gzip,
deflate, br, zstd``), then every stylesheet, image and icon it links to, as a browser with an empty cache
would. "Sent" counts what goes over the wire for all of them: the (compressed) bodies and the response
headers; "raw" counts the bodies uncompressed. 14 KB is about what the first round trip of a new TCP
connection carries (10 segments). Every article is measured and the largest one stands for the article
page type. Prints a table; exits with 1 when a page is over budget.

    .venv/bin/python bench/web_page_size.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
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

BUDGET = 14 * 1024
#: What Chromium sends.
ACCEPT_ENCODING = "gzip, deflate, br, zstd"
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
    """One page: its HTML and everything it links to, uncompressed and as sent."""

    name: str
    path: str
    html: int
    assets: int
    sent: int

    @property
    def total(self) -> int:
        """Bytes of the bodies, uncompressed."""
        return self.html + self.assets


def sent_bytes(response: Any) -> int:
    """What the response put on the wire: its status line, headers and (compressed) body."""
    headers = sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + len("HTTP/1.1 200 OK\r\n\r\n")
    return headers + int(response.num_bytes_downloaded)


def complete(kb: Any, facts: dict[str, Any]) -> Answers:
    """The answers of a whole interview by a person with ``facts``."""
    answers = Answers()
    result = assess(kb, answers)
    while result.question is not None:
        answers = answers.answer(kb, result.question.id, simulated_answer(kb, result.question, facts))
        result = assess(kb, answers)
    return answers


def measure(client: TestClient, name: str, path: str, method: str = "GET", **kwargs: Any) -> Measured:
    """Fetch a page and every asset it links to, as a browser with an empty cache would."""
    headers = {"Accept-Encoding": ACCEPT_ENCODING}
    response = client.request(method, path, headers=headers, **kwargs)
    soup = BeautifulSoup(response.text, "html.parser")
    links = {str(t["href"]) for t in soup.find_all("link", rel=["stylesheet", "icon"])}
    links |= {str(t["src"]) for t in soup.find_all("img", src=True)}
    # data: URIs (the inline icon) are part of the page already.
    assets = [client.get(link, headers=headers) for link in sorted(links) if link.startswith("/")]
    return Measured(
        name,
        path,
        len(response.content),
        sum(len(a.content) for a in assets),
        sent_bytes(response) + sum(sent_bytes(a) for a in assets),
    )


def main() -> int:
    """Measure, print the table, and return the exit code."""
    folder = tempfile.mkdtemp(prefix="haelguiden-bench-")
    settings = Settings(
        secret_key="bench-secret-key-0123456789-abcdefgh",
        rate_limit="1000000/minute",
        database_url=f"sqlite:///{folder}/diaries.db",
    )
    app = create_app(settings)
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
        ("plan: plantar fasciitis", runner, "GET", "/plan"),
        ("plan: its sources", None, "GET", "/plan/kilder"),
        ("exercise index", None, "GET", "/oevelser"),
        ("exercise (with its drawing)", None, "GET", "/oevelser/towel_heel_raise"),
        ("article index", None, "GET", "/artikler"),
        ("search", None, "GET", "/soeg?q=h%C3%A6lspore"),
        ("privacy", None, "GET", "/privatliv"),
        ("about and intended use", None, "GET", "/om"),
        ("accessibility statement", None, "GET", "/tilgaengelighed"),
        ("not found", None, "GET", "/findes-ikke"),
        ("API docs", None, "GET", "/api/v1/docs"),
    ]
    results: list[Measured] = []
    for name, answers, method, path in plan:
        if answers is not None:
            with_answers(answers)
        data = {"csrf_token": token()} if method == "POST" else None
        results.append(measure(client, name, path, method, data=data))
    results += diary_pages(client, with_answers, runner, token)
    articles = [measure(client, "article", a.path) for a in web.library]
    largest = max(articles, key=lambda m: m.sent)
    results.append(
        Measured(
            f"article (largest of {len(articles)})", largest.path, largest.html, largest.assets, largest.sent
        )
    )

    print(
        f"{'page type':<30} {'path':<34} {'raw HTML':>9} {'raw CSS+':>9} {'raw all':>9} {'sent':>9}  budget"
    )
    failed = False
    for m in results:
        over = m.sent > BUDGET
        failed |= over
        print(
            f"{m.name:<30} {m.path[:34]:<34} {m.html / 1024:>7.1f}KB {m.assets / 1024:>7.1f}KB "
            f"{m.total / 1024:>7.1f}KB {m.sent / 1024:>7.1f}KB  {'OVER' if over else 'ok'} (14 KB sent)"
        )
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


def diary_pages(client: TestClient, with_answers: Any, answers: Answers, token: Any) -> list[Measured]:
    """A diary started from the runner's result, with three entries: its page and its entry form."""
    with_answers(answers)
    response = client.post("/dagbog", data={"csrf_token": token()}, follow_redirects=False)
    link = response.headers["location"].removesuffix("/link")
    for worst in (7, 5, 4):
        page = BeautifulSoup(client.get(f"{link}/ny").text, "html.parser")
        csrf = str(page.find("input", attrs={"name": "csrf_token"})["value"])  # type: ignore[index]
        date = str(page.find("input", attrs={"name": "date"})["value"])  # type: ignore[index]
        data = {"csrf_token": csrf, "date": date, "worst_pain": str(worst), "exercises": "towel_heel_raise"}
        saved = client.post(f"{link}/ny", data=data, follow_redirects=False)
        if saved.status_code != 303:
            raise SystemExit(f"the bench could not add a diary entry ({saved.status_code})")
    shown = link.rsplit("/", 1)[0] + "/[token]"
    diary, entry = (
        measure(client, "diary (3 entries, chart)", link),
        measure(client, "diary: new entry", f"{link}/ny"),
    )
    return [
        Measured(diary.name, shown, diary.html, diary.assets, diary.sent),
        Measured(entry.name, shown + "/ny", entry.html, entry.assets, entry.sent),
    ]


if __name__ == "__main__":
    sys.exit(main())

"""Responses go out compressed (zstd, Brotli or gzip, as the browser accepts), and a typical page with its
stylesheets fits in the first round trip of a new connection: at most 14 KB sent."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup

from haelguiden.engine.model import KnowledgeBase

from .conftest import RUNNER, CheckedClient, complete_answers

BUDGET = 14 * 1024
CHROMIUM = "gzip, deflate, br, zstd"


@pytest.mark.parametrize(
    ("accept", "encoding"), [(CHROMIUM, "zstd"), ("br, gzip", "br"), ("gzip", "gzip"), ("identity", None)]
)
def test_a_page_is_compressed_the_best_way_the_browser_accepts(
    client: CheckedClient, accept: str, encoding: str | None
) -> None:
    response = client.get("/", headers={"Accept-Encoding": accept})
    assert response.status_code == 200
    assert response.headers.get("content-encoding") == encoding
    assert response.headers["vary"] == "Accept-Encoding"
    assert response.text.startswith("<!doctype html>")  # the client decodes it again


def test_stylesheets_and_json_are_compressed_too(client: CheckedClient) -> None:
    css = client.get("/static/haelguiden.css", headers={"Accept-Encoding": "br"})
    assert css.headers["content-encoding"] == "br"
    api = client.get("/api/v1/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert api.headers["content-encoding"] == "gzip"
    assert api.json()["info"]["title"] == "Hælguiden API"


def sent(response: Any) -> int:
    headers = sum(len(k) + len(v) + 4 for k, v in response.headers.raw) + len("HTTP/1.1 200 OK\r\n\r\n")
    return headers + int(response.num_bytes_downloaded)


def page_and_stylesheets(client: CheckedClient, path: str) -> int:
    response = client.get(path, headers={"Accept-Encoding": CHROMIUM})
    soup = BeautifulSoup(response.text, "html.parser")
    links = sorted({str(t["href"]) for t in soup.find_all("link", rel=["stylesheet", "icon"])})
    assets = [
        client.get(link, headers={"Accept-Encoding": CHROMIUM}) for link in links if link.startswith("/")
    ]
    return sent(response) + sum(sent(a) for a in assets)


@pytest.mark.parametrize(
    "path",
    ["/", "/tjek/pain_site", "/tjek/resultat", "/plan", "/artikler/ondt-i-haelen", "/en/articles/heel-pain"],
)
def test_the_biggest_pages_fit_14_kb_with_their_stylesheets(
    client: CheckedClient, app: Any, kb: KnowledgeBase, path: str
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    assert page_and_stylesheets(client, path) <= BUDGET

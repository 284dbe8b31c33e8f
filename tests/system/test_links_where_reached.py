"""Every link the app prints points where the app was reached (issue 11, item 5).

The real server (``haelguiden serve``) runs on a random port without HAELGUIDEN_BASE_URL. Every absolute
link it prints must start with the address the test used: canonical and alternate links, og:url, the
articles' JSON-LD, the sitemap and robots.txt, the diary's private link (text, QR code, calendar and the
API's ``url``). Behind a trusted proxy (``X-Forwarded-Proto`` from an address in FORWARDED_ALLOW_IPS,
uvicorn's default 127.0.0.1) the scheme follows the proxy; from an untrusted address it is ignored.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import httpx
from bs4 import BeautifulSoup
from icalendar import Calendar

from haelguiden.i18n import both
from haelguiden.tracker.qr import qr_svg

from ..realserver import start_server

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def printed_links(client: httpx.Client, headers: dict[str, str] | None = None) -> dict[str, list[str]]:
    """Every absolute link the app prints, by where it was found."""
    found: dict[str, list[str]] = {}
    for path in ("/", "/en/", "/artikler", "/artikler/haelspore", "/en/articles/plantar-fasciitis"):
        soup = BeautifulSoup(client.get(path, headers=headers).text, "html.parser")
        links = [str(tag["href"]) for tag in soup.select("link[rel=canonical], link[rel=alternate]")]
        links += [str(tag["content"]) for tag in soup.select("meta[property='og:url']")]
        for script in soup.select("script[type='application/ld+json']"):
            document = json.loads(script.string or "{}")
            if "url" in document:
                links.append(document["url"])
        found[path] = links
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml", headers=headers).content)
    found["/sitemap.xml"] = [str(loc.text) for loc in sitemap.iter(f"{SITEMAP_NS}loc")]
    found["/robots.txt"] = re.findall(r"Sitemap: (\S+)", client.get("/robots.txt", headers=headers).text)
    return found


def diary_links(
    client: httpx.Client, headers: dict[str, str] | None = None, *, share: bool = True
) -> tuple[str, dict[str, list[str]]]:
    """Start a diary; the token and the links its page, QR code, calendar, the API and (``share``) a new
    read-only share print."""
    api = client.post("/api/v1/diaries", json={"lang": "da"}, headers=headers).json()
    token = api["token"]
    page = BeautifulSoup(client.get(f"/dagbog/{token}/link", headers=headers).text, "html.parser")
    link = str(page.select_one("#diary-link")["value"])  # type: ignore[index]
    svg = str(page.select_one("figure.qr svg"))
    assert BeautifulSoup(qr_svg(link, "da"), "html.parser").svg is not None
    assert svg == str(BeautifulSoup(qr_svg(link, "da"), "html.parser").svg)  # the QR code holds this link
    ics = Calendar.from_ical(client.get(f"/dagbog/{token}/kalender.ics", headers=headers).content)
    return token, {
        "diary link": [link, str(page.select_one(".private-link p a").get_text())],  # type: ignore[union-attr]
        "calendar": sorted({str(event["url"]) for event in ics.walk("VEVENT")}),
        "api": [api["url"]],
        "share link": [share_link(client, token, headers)] if share else [],
    }


def share_link(client: httpx.Client, token: str, headers: dict[str, str] | None = None) -> str:
    """Make a read-only share of the diary from its share page; the link shown (and in its QR code)."""
    form = BeautifulSoup(client.get(f"/dagbog/{token}/del", headers=headers).text, "html.parser")
    csrf = str(form.select_one("input[name=csrf_token]")["value"])  # type: ignore[index]
    made = client.post(f"/dagbog/{token}/del", data={"csrf_token": csrf}, headers=headers)
    assert made.status_code == 200
    page = BeautifulSoup(made.text, "html.parser")
    link = str(page.select_one("#share-link")["value"])  # type: ignore[index]
    expected = qr_svg(link, "da", element_id="share-qr", title=both("qr_title_share"))
    assert str(page.select_one("figure.qr svg")) == str(BeautifulSoup(expected, "html.parser").svg)
    return link


def test_every_printed_link_uses_the_address_the_app_was_reached_at(tmp_path: Path) -> None:
    server = start_server({"DATABASE_URL": f"sqlite:///{tmp_path}/data/haelguiden.db"}, tmp_path / "s.log")
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as client:
            found = printed_links(client)
            token, diary = diary_links(client)
            https = printed_links(client, {"X-Forwarded-Proto": "https"})
            _, https_diary = diary_links(client, {"X-Forwarded-Proto": "https"})
    finally:
        server.stop()

    assert found["/"] == [
        f"{server.base_url}/",
        f"{server.base_url}/",
        f"{server.base_url}/en/",
        f"{server.base_url}/",
    ]
    assert f"{server.base_url}/artikler/haelspore" in found["/artikler/haelspore"]
    assert found["/robots.txt"] == [f"{server.base_url}/sitemap.xml"]
    assert len(found["/sitemap.xml"]) > 20
    everything = [link for links in (*found.values(), *diary.values()) for link in links]
    assert [link for link in everything if not link.startswith(server.base_url + "/")] == []
    assert diary["diary link"] == [f"{server.base_url}/dagbog/{token}"] * 2
    assert diary["calendar"] == [f"{server.base_url}/dagbog/{token}"]
    assert diary["api"] == [f"{server.base_url}/dagbog/{token}"]
    assert diary["share link"][0].startswith(f"{server.base_url}/delt/")

    behind_proxy = "https://" + server.base_url.removeprefix("http://")
    forwarded = [link for links in (*https.values(), *https_diary.values()) for link in links]
    assert len(forwarded) == len(everything)
    assert [link for link in forwarded if not link.startswith(behind_proxy + "/")] == []


def test_forwarded_headers_from_an_untrusted_address_are_ignored(tmp_path: Path) -> None:
    settings = {"DATABASE_URL": f"sqlite:///{tmp_path}/data/haelguiden.db", "FORWARDED_ALLOW_IPS": "10.9.9.9"}
    server = start_server(settings, tmp_path / "s.log")
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as client:
            found = printed_links(client, {"X-Forwarded-Proto": "https"})
    finally:
        server.stop()
    assert found["/robots.txt"] == [f"{server.base_url}/sitemap.xml"]
    assert [link for links in found.values() for link in links if not link.startswith(server.base_url)] == []


def test_a_configured_base_url_wins_over_the_request(tmp_path: Path) -> None:
    settings = {
        "DATABASE_URL": f"sqlite:///{tmp_path}/data/haelguiden.db",
        "HAELGUIDEN_BASE_URL": "https://haelguiden.example",
    }
    server = start_server(settings, tmp_path / "s.log")
    try:
        with httpx.Client(base_url=server.base_url, timeout=30) as client:
            found = printed_links(client)
            # With an https base URL the form cookie is Secure, so this plain-http client cannot post forms.
            token, diary = diary_links(client, share=False)
    finally:
        server.stop()
    everything = [link for links in (*found.values(), *diary.values()) for link in links]
    assert [link for link in everything if not link.startswith("https://haelguiden.example/")] == []
    assert diary["diary link"] == [f"https://haelguiden.example/dagbog/{token}"] * 2

"""Sharing a diary with a clinician through a read-only link (its own token), on the in-memory repository
and real SQLite: what the link shows, that it cannot write, delete or reach the private diary link, and
that stopping it works at once."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fhir.resources.R4B.bundle import Bundle

from haelguiden.services import Services, build_services
from haelguiden.tracker import InMemoryRepository, SqlAlchemyRepository
from haelguiden.tracker.database import make_engine, upgrade
from haelguiden.web import create_app, urls

from .conftest import ACHILLES, BASE_URL, CheckedClient, complete_answers, make_settings
from .pagecheck import csrf_token, text_of

TODAY = dt.date(2026, 3, 2)
TOKEN = r"[A-Za-z0-9_-]{43}"


class Clock:
    """Today, moved by hand; the repository and the services both read it."""

    def __init__(self) -> None:
        self.today = TODAY

    def __call__(self) -> dt.date:
        return self.today


@pytest.fixture(scope="module")
def share_services() -> Services:
    """Services of their own, so each test can give them a fresh repository."""
    return build_services(make_settings())


@pytest.fixture(scope="module")
def share_app(share_services: Services) -> FastAPI:
    return create_app(make_settings(), services=share_services)


@pytest.fixture(params=["memory", "sqlite"])
def client(
    request: pytest.FixtureRequest, share_app: FastAPI, share_services: Services, tmp_path: Path
) -> Iterator[CheckedClient]:
    """A browser on a fresh diary store (in memory, or a real SQLite file); today is 2 March 2026."""
    engine = None
    clock = Clock()
    if request.param == "memory":
        share_services._repository = InMemoryRepository(today=clock)
    else:
        engine = make_engine(f"sqlite:///{tmp_path}/diaries.db")
        upgrade(engine)
        share_services._repository = SqlAlchemyRepository(engine, today=clock)
    share_services.today = clock  # type: ignore[method-assign]
    share_services.clock = clock  # type: ignore[attr-defined]
    with CheckedClient(share_app, base_url=BASE_URL) as c:
        yield c
    if engine is not None:
        engine.dispose()


def start_diary(client: CheckedClient, app: FastAPI, services: Services, facts: dict[str, object]) -> str:
    """A diary started on 24 February from a finished self-check, with three entries until today (2 March);
    returns its private token."""
    clock: Clock = services.clock  # type: ignore[attr-defined]
    clock.today = TODAY - dt.timedelta(days=6)
    client.set_answers(app, complete_answers(services.kb, facts))
    client.get("/")
    response = client.post("/dagbog", data={"csrf_token": csrf_token(client.soup)}, follow_redirects=False)
    match = re.fullmatch(f"/dagbog/({TOKEN})/link", response.headers["location"])
    assert match is not None
    token = match.group(1)
    for days, worst in ((0, 7), (3, 6), (6, 4)):
        clock.today = TODAY - dt.timedelta(days=6 - days)
        client.get(f"/dagbog/{token}/ny")
        date = clock.today.strftime("%d.%m.%Y")
        data = {"csrf_token": csrf_token(client.soup), "date": date, "worst_pain": str(worst), "note": "ømt"}
        assert client.post(f"/dagbog/{token}/ny", data=data).status_code == 200
    return token


def make_share(client: CheckedClient, token: str, lang: str = "da") -> str:
    """Make a share from the diary's share page; returns the share token shown once."""
    page = urls.diary_part(lang, token, "share")  # type: ignore[arg-type]
    client.get(page)
    response = client.post(page, data={"csrf_token": csrf_token(client.soup)})
    assert response.status_code == 200
    link = str(client.soup.select_one("#share-link")["value"])  # type: ignore[index]
    prefix = BASE_URL + ("/delt/" if lang == "da" else "/en/shared/")
    assert link.startswith(prefix)
    share_token = link.removeprefix(prefix)
    assert re.fullmatch(TOKEN, share_token)
    return share_token


def test_the_diary_leads_to_its_share_page_which_says_what_a_share_shows_and_cannot_do(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    client.get(f"/dagbog/{token}")
    assert [(a["href"], text_of(a)) for a in client.soup.select(".diary-share a")] == [
        (f"/dagbog/{token}/resume", "Se og udskriv et resumé med grafen til din læge eller fysioterapeut"),
        (f"/dagbog/{token}/del", "Del resumé og graf med din læge eller fysioterapeut"),
    ]
    client.get(f"/dagbog/{token}/del")
    assert text_of(client.soup.select_one("h1")) == "Del med din læge eller fysioterapeut"
    assert text_of(client.soup.select_one(".lead")).endswith(
        "Med linket kan man kun læse: man kan ikke skrive i, ændre eller slette din dagbog, og det fører "
        "ikke til dit private link."
    )
    assert text_of(client.soup.select_one("form.share-create button")) == "Lav et link til deling"
    assert [text_of(p) for p in client.soup.select("main > p")][-1] == "Du har ikke delt nogen links."


def test_a_new_share_link_is_shown_once_with_a_qr_code(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    share_token = make_share(client, token)
    assert share_token != token
    assert text_of(client.soup.select_one("h1")) == "Dit link til deling er klar"
    qr = client.soup.select_one("figure.qr svg#share-qr title")
    assert text_of(qr) == "QR-kode med linket til resumé og graf (kun til læsning)"
    client.get(f"/dagbog/{token}/del")
    assert [text_of(li.select_one(".share__made")) for li in client.soup.select(".share")] == [
        "Lavet 2. marts 2026, med svarene fra selvtjekket"
    ]
    assert share_token not in client.get(f"/dagbog/{token}/del").text  # shown once only


def test_the_shared_link_shows_the_summary_and_the_chart_and_nothing_private(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    share_token = make_share(client, token)
    client.cookies.clear()  # the clinician's browser
    response = client.get(f"/delt/{share_token}")
    assert response.status_code == 200
    soup = client.soup
    assert text_of(soup.select_one("h1")) == "Til din læge eller fysioterapeut"
    assert text_of(soup.select_one(".summary__shared")) == "Delt af patienten. Kun til læsning."
    assert text_of(soup.select_one(".summary__triage h2")) == "Hastegrad: Kontakt en læge i dag"
    assert text_of(soup.select_one(".summary__date")) == "Dato: 2. marts 2026"
    assert soup.select_one("figure.summary__chart svg.pain-chart") is not None
    assert [text_of(tr.select_one("td")) for tr in soup.select(".summary__entries tbody tr")] == [
        "02.03.2026",
        "27.02.2026",
        "24.02.2026",
    ]
    # read only: no form at all, no way back to the diary, the diary's token nowhere
    assert soup.select("form") == []
    assert soup.select_one("a.back-link") is None
    assert token not in response.text
    assert not [a["href"] for a in soup.select("a[href]") if "/dagbog" in str(a["href"])]
    assert [(a["href"], text_of(a)) for a in soup.select(".summary-tools a")] == [
        (f"/delt/{share_token}/resume.pdf", "Udskriv resuméet (PDF, A4)"),
        (f"/delt/{share_token}/resume.fhir.json", "Hent som FHIR-dokument (til klinikkens system)"),
    ]
    assert soup.select_one("a.header__lang")["href"] == f"/en/shared/{share_token}"  # type: ignore[index]


def test_the_owner_can_print_the_summary_with_the_chart_without_sharing(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    client.get(f"/dagbog/{token}/resume")
    soup = client.soup
    assert text_of(soup.select_one(".summary__triage h2")) == "Hastegrad: Kontakt en læge i dag"
    assert soup.select_one("figure.summary__chart svg.pain-chart") is not None
    assert len(soup.select(".summary__entries tbody tr")) == 3
    assert soup.select_one(".summary__shared") is None
    assert soup.select_one("a.back-link")["href"] == f"/dagbog/{token}"  # type: ignore[index]
    assert [a["href"] for a in soup.select(".summary-tools a")] == [
        f"/dagbog/{token}/resume.pdf",
        f"/dagbog/{token}/resume.fhir.json",
    ]
    pdf = client.get(f"/dagbog/{token}/resume.pdf")
    assert pdf.headers["content-type"] == "application/pdf"
    assert len(re.findall(rb"/Type /Page\b", pdf.content)) == 1
    Bundle.model_validate(json.loads(client.get(f"/dagbog/{token}/resume.fhir.json").content))
    diary = share_services.repository.get_diary(token)
    assert share_services.repository.list_shares(diary.id) == ()  # nothing was shared
    assert client.get(f"/dagbog/{'x' * 43}/resume").status_code == 404


def test_the_shared_pdf_and_fhir_document(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    share_token = make_share(client, token, lang="en")
    client.cookies.clear()
    pdf = client.get(f"/en/shared/{share_token}/summary.pdf")
    assert (pdf.status_code, pdf.headers["content-type"]) == (200, "application/pdf")
    assert len(re.findall(rb"/Type /Page\b", pdf.content)) == 1
    document = client.get(f"/en/shared/{share_token}/summary.fhir.json")
    assert document.headers["content-type"] == "application/fhir+json"
    bundle = json.loads(document.content)
    Bundle.model_validate(bundle)
    sections = [s["title"] for s in bundle["entry"][0]["resource"]["section"]]
    assert sections == ["Urgency", "Red-flag questions", "Possible causes", "Other answers", "Diary"]


DIARY_WRITES = [
    ("post", "/dagbog/{t}/ny"),
    ("post", "/dagbog/{t}/slet"),
    ("post", "/dagbog/{t}/tjek-ind"),
    ("post", "/dagbog/{t}/del"),
    ("get", "/dagbog/{t}"),
    ("get", "/dagbog/{t}/link"),
    ("get", "/dagbog/{t}/eksport.json"),
    ("get", "/dagbog/{t}/kalender.ics"),
    ("get", "/dagbog/{t}/del"),
    ("get", "/dagbog/{t}/resume"),
    ("get", "/dagbog/{t}/resume.pdf"),
]


def test_a_share_token_cannot_write_delete_or_reach_the_diary(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    share_token = make_share(client, token)
    client.get("/")
    csrf = csrf_token(client.soup)
    for method, template in DIARY_WRITES:
        path = template.format(t=share_token)
        data = {"csrf_token": csrf, "date": "01.03.2026", "worst_pain": "9"} if method == "post" else None
        response = client.request(method.upper(), path, data=data)
        assert (path, response.status_code) == (path, 404)
        assert text_of(client.soup.select_one("h1")) == "Dagbogen blev ikke fundet"
    diary = share_services.repository.get_diary(token)
    entries = share_services.repository.list_entries(diary.id)
    entry = entries[0]
    for path in (
        f"/dagbog/{share_token}/registrering/{entry.id}",
        f"/dagbog/{share_token}/registrering/{entry.id}/slet",
    ):
        assert client.post(path, data={"csrf_token": csrf}).status_code == 404
    assert client.get(f"/api/v1/diaries/{share_token}").status_code == 404
    # the shared pages take no writes at all
    for path in (f"/delt/{share_token}", f"/delt/{share_token}/resume.pdf"):
        assert client.post(path, data={"csrf_token": csrf}).status_code == 405
    # nothing changed
    assert share_services.repository.list_entries(diary.id) == entries
    assert client.get(f"/delt/{share_token}").status_code == 200


def test_stopping_a_share_works_at_once(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    first = make_share(client, token)
    second = make_share(client, token)
    client.get(f"/dagbog/{token}/del")
    forms = client.soup.select(".share form")
    assert len(forms) == 2
    first_id = share_services.repository.get_share(first)[0].id
    form = next(f for f in forms if first_id in str(f["action"]))
    assert form["action"] == f"/dagbog/{token}/del/{first_id}/stop"
    assert text_of(form.select_one("button")) == "Stop delingen af linket fra 2. marts 2026"
    response = client.post(
        str(form["action"]), data={"csrf_token": csrf_token(client.soup)}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/dagbog/{token}/del?besked=stoppet"
    client.get(response.headers["location"])
    assert (
        text_of(client.soup.select_one(".notification")) == "Delingen er stoppet. Linket virker ikke længere."
    )
    assert len(client.soup.select(".share")) == 1
    for path in (f"/delt/{first}", f"/delt/{first}/resume.pdf", f"/delt/{first}/resume.fhir.json"):
        assert client.get(path).status_code == 404
        assert text_of(client.soup.select_one("h1")) == "Linket virker ikke"
    assert client.get(f"/delt/{second}").status_code == 200
    # stopping it again, or from another diary, finds nothing
    client.get(f"/dagbog/{token}/del")
    assert client.post(str(form["action"]), data={"csrf_token": csrf_token(client.soup)}).status_code == 404
    other = start_diary(client, share_app, share_services, ACHILLES)
    second_id = share_services.repository.get_share(second)[0].id
    client.get(f"/dagbog/{other}/del")
    stop = f"/dagbog/{other}/del/{second_id}/stop"
    assert client.post(stop, data={"csrf_token": csrf_token(client.soup)}).status_code == 404
    assert client.get(f"/delt/{second}").status_code == 200


def test_deleting_the_diary_stops_its_shares(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    share_token = make_share(client, token)
    client.get(f"/dagbog/{token}/slet")
    client.post(f"/dagbog/{token}/slet", data={"csrf_token": csrf_token(client.soup)})
    assert text_of(client.soup.select_one("h1")) == "Din dagbog er slettet"
    assert client.get(f"/delt/{share_token}").status_code == 404


def test_a_share_made_without_a_finished_self_check_shows_the_diary_only(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    client.cookies.pop("hg_svar")
    share_token = make_share(client, token)
    client.get(f"/dagbog/{token}/del")
    assert text_of(client.soup.select_one(".share__made")) == "Lavet 2. marts 2026, kun dagbogen"
    client.get(f"/delt/{share_token}")
    assert client.soup.select_one(".summary__triage") is None
    assert text_of(client.soup.select_one(".summary__no-check")) == (
        "Svarene fra selvtjekket er ikke med, fordi der ikke var et færdigt selvtjek."
    )
    assert client.soup.select_one("svg.pain-chart") is not None


def test_making_a_share_needs_the_form_token(
    client: CheckedClient, share_app: FastAPI, share_services: Services
) -> None:
    token = start_diary(client, share_app, share_services, ACHILLES)
    assert client.post(f"/dagbog/{token}/del", data={}).status_code == 403
    diary = share_services.repository.get_diary(token)
    assert share_services.repository.list_shares(diary.id) == ()


@pytest.mark.parametrize("token", ["x" * 43, "short", "a" * 44])
def test_any_other_share_token_gets_the_same_not_found_page(client: CheckedClient, token: str) -> None:
    assert client.get(f"/delt/{token}").status_code == 404
    assert text_of(client.soup.select_one("h1")) == "Linket virker ikke"


def test_share_tokens_are_masked_in_logs() -> None:
    assert urls.mask_token("/delt/abc/resume.pdf") == "/delt/[token]/resume.pdf"
    assert urls.mask_token("/en/shared/abc") == "/en/shared/[token]"

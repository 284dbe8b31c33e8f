"""The pages about Hælguiden: privacy, about and intended use, and the accessibility statement.

Each is linked from every page's footer in both languages, and the privacy page says what the code really
does: its numbers come from the code, not from the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from haelguiden.content.info_pages import load_info_pages
from haelguiden.content.problems import ContentProblems
from haelguiden.services import DIARY_KEEP_MONTHS, Services
from haelguiden.web.app import create_app
from haelguiden.web.security import CSRF_COOKIE
from haelguiden.web.state_cookie import COOKIE_NAME, MAX_AGE_SECONDS

from .conftest import BASE_URL, CheckedClient, make_settings
from .pagecheck import text_of

#: Who runs the site, as an operator might write it (with characters Markdown would read as emphasis).
OPERATOR = "Klinik *Hæl* ApS, Hælvej 1, kontakt@klinik.dk"

PAGES = [
    ("/privatliv", "Privatliv og cookies", "/en/privacy"),
    ("/om", "Om Hælguiden og hvem den er til", "/en/about"),
    ("/tilgaengelighed", "Tilgængelighedserklæring", "/en/accessibility"),
    ("/en/privacy", "Privacy and cookies", "/privatliv"),
    ("/en/about", "About Hælguiden and who it is for", "/om"),
    ("/en/accessibility", "Accessibility statement", "/tilgaengelighed"),
]


@pytest.mark.parametrize(("path", "heading", "translation"), PAGES)
def test_each_page_exists_in_both_languages(
    client: CheckedClient, path: str, heading: str, translation: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert text_of(client.soup.h1) == heading
    assert client.soup.select_one(".header__lang")["href"] == translation  # type: ignore[index]
    assert client.soup.select_one("link[rel=canonical]")["href"] == BASE_URL + path  # type: ignore[index]
    assert text_of(client.soup.select_one(".article__dates")).endswith(
        "7. december 2026" if not path.startswith("/en") else "7 December 2026"
    )


@pytest.mark.parametrize(
    ("path", "links"),
    [
        (
            "/",
            [
                ("/privatliv", "Privatliv"),
                ("/om", "Om Hælguiden"),
                ("/tilgaengelighed", "Tilgængelighedserklæring"),
                ("/api/v1/docs", "API"),
            ],
        ),
        (
            "/en/articles",
            [
                ("/en/privacy", "Privacy"),
                ("/en/about", "About Hælguiden"),
                ("/en/accessibility", "Accessibility statement"),
                ("/api/v1/docs", "API"),
            ],
        ),
        (
            "/tjek/findes-ikke",
            [
                ("/privatliv", "Privatliv"),
                ("/om", "Om Hælguiden"),
                ("/tilgaengelighed", "Tilgængelighedserklæring"),
                ("/api/v1/docs", "API"),
            ],
        ),
    ],
)
def test_every_page_links_them_from_its_footer(
    client: CheckedClient, path: str, links: list[tuple[str, str]]
) -> None:
    client.get(path)
    assert [(a["href"], text_of(a)) for a in client.soup.select(".footer__links a")] == links


def test_the_privacy_page_says_what_the_code_keeps_and_for_how_long(client: CheckedClient) -> None:
    client.get("/privatliv")
    text = text_of(client.soup.select_one("main"))
    assert f"svarene kan ikke bruges efter {MAX_AGE_SECONDS // 3600} timer" in text
    assert f"En dagbog, der ikke er brugt i {DIARY_KEEP_MONTHS} måneder, bliver slettet automatisk." in text
    assert "Tallet gemmes kun i 1 minut." in text  # the test app's limit is per minute
    cookies = [text_of(li.strong) for li in client.soup.select("#cookies + p + ul li")]
    assert cookies == [COOKIE_NAME, CSRF_COOKIE]
    assert [text_of(h) for h in client.soup.select("main h2")] == [
        "Dine svar i selvtjekket",
        "Cookies",
        "Din dagbog",
        "Logfiler og beskyttelse mod misbrug",
        "Hvor dine data ligger",
    ]

    # no operator set up (the test app): the page says so instead of naming nobody
    assert (
        "Dataansvarlig for dagbøgerne er den, der driver dette websted (navn og kontakt er ikke sat op "
        "endnu)." in text
    )


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        ("/privatliv", "Dataansvarlig for dagbøgerne er Klinik *Hæl* ApS, Hælvej 1, kontakt@klinik.dk."),
        (
            "/en/privacy",
            "The data controller for the diaries is Klinik *Hæl* ApS, Hælvej 1, kontakt@klinik.dk.",
        ),
    ],
)
def test_the_privacy_page_names_the_operator_as_written(services: Services, path: str, sentence: str) -> None:
    # Markdown characters in the setting are shown as typed, not read as markup.
    app = create_app(
        make_settings(operator="Klinik *Hæl* ApS, Hælvej 1, kontakt@klinik.dk"), services=services
    )
    with CheckedClient(app, base_url=BASE_URL) as client:
        client.get(path)
        main = client.soup.select_one("main")
        assert sentence in text_of(main)
        assert main is not None
        assert main.select("em") == []


def test_the_about_page_says_who_it_is_not_for(client: CheckedClient) -> None:
    client.get("/om")
    not_for = [text_of(li.strong) for li in client.soup.select("#hvem-haelguiden-ikke-er-til + ul li")]
    assert not_for == [
        "Akut sygdom eller en alvorlig skade.",
        "Børn under 8 år.",
        "Gravide.",
        "Sår på foden, når du har diabetes (diabetisk fod).",
        "Smerter efter en operation i foden eller anklen.",
        "Nogen, der ikke selv kan svare på spørgsmålene,",
    ]
    assert "endnu ikke gennemgået af en kliniker" in text_of(client.soup.select_one("main"))


@pytest.mark.parametrize(
    ("path", "sections"),
    [
        (
            "/tilgaengelighed",
            [
                "Overholdelsesstatus",
                "Indhold, der ikke er tilgængeligt",
                "Sådan er erklæringen lavet",
                "Feedback og kontakt",
                "Håndhævelse",
            ],
        ),
        (
            "/en/accessibility",
            [
                "Compliance status",
                "Content that is not accessible",
                "How this statement was made",
                "Feedback and contact",
                "Enforcement",
            ],
        ),
    ],
)
def test_the_accessibility_statement_has_the_sections_of_the_danish_template(
    client: CheckedClient, path: str, sections: list[str]
) -> None:
    client.get(path)
    assert [text_of(h) for h in client.soup.select("main h2")] == sections


def test_the_sitemap_lists_them(client: CheckedClient) -> None:
    xml = client.get("/sitemap.xml").text
    for path, _, _ in PAGES:
        assert f"<loc>{BASE_URL}{path}</loc>" in xml


def test_a_missing_page_or_an_unknown_placeholder_is_named(tmp_path: Path) -> None:
    for lang in ("da", "en"):
        (tmp_path / lang).mkdir()
        for key in ("privacy", "about"):
            body = "Gemmes i {days} dage.\n" if key == "privacy" else "Tekst.\n"
            (tmp_path / lang / f"{key}.md").write_text(
                f'---\ntitle: "T"\ndescription: "D"\nlastUpdated: "01/12/2026"\n---\n\n{body}',
                encoding="utf-8",
            )
    with pytest.raises(ContentProblems) as caught:
        load_info_pages({"da": {"hours": 12}, "en": {"hours": 12}}, tmp_path)
    assert [str(p) for p in caught.value.problems] == [
        "da/privacy.md: body: unknown placeholder days; use one of hours",
        "da/accessibility.md: file: is missing; write the accessibility page in da",
        "en/privacy.md: body: unknown placeholder days; use one of hours",
        "en/accessibility.md: file: is missing; write the accessibility page in en",
    ]

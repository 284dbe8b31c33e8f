"""The start pages, the language switch and the error pages."""

from __future__ import annotations

import pytest

from haelguiden.engine.model import KnowledgeBase

from .conftest import CheckedClient
from .pagecheck import text_of


@pytest.mark.parametrize(
    ("path", "lang", "lead"),
    [("/", "da", "Det gælder for eksempel, hvis:"), ("/en/", "en", "For example, if:")],
)
def test_the_start_page_lists_the_situations_to_call_112_for_before_any_question(
    client: CheckedClient, kb: KnowledgeBase, path: str, lang: str, lead: str
) -> None:
    client.get(path)
    emergency = client.soup.select_one(".emergency")
    assert emergency is not None
    assert lead in text_of(emergency)
    signs = [text_of(li) for li in emergency.select(".emergency__signs li")]
    assert signs == [sign.text.get(lang) for sign in kb.care["emergency"].signs]  # type: ignore[arg-type]
    assert len(signs) == 6
    assert signs[0] == (
        "Knoglen kan ses gennem huden, foden eller anklen står tydeligt skævt, eller det bløder kraftigt."
        if lang == "da"
        else "Bone shows through the skin, the foot or ankle is clearly out of shape, or it is bleeding "
        "heavily."
    )


def test_the_start_page_puts_112_first_and_says_what_the_check_does_not_do(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    client.get("/")
    page = client.soup
    assert text_of(page.select_one("h1")) == "Tjek din hælsmerte"
    emergency = page.select_one(".emergency")
    assert emergency is not None
    assert text_of(emergency.select_one("strong")) == "Ring 112 nu, hvis det er livstruende."
    for region in kb.regions:
        assert f"{region.phone} ({region.name.da})" in text_of(emergency)
    html = str(page)
    assert html.index('class="emergency"') < html.index('class="start-form"')
    bullets = [text_of(li) for li in page.select(".list--bullet:not(.emergency__signs) li")]
    assert bullets[3] == (
        "Det stiller ikke en diagnose. Det viser mulige årsager. Kun en læge eller fysioterapeut, der har "
        "undersøgt din fod, kan sige, hvad du fejler."
    )
    assert bullets[4] == "Det er ikke til akutte, livstruende tilstande. Ring 112 nu."
    assert "Det tager få minutter. Du får omkring 10 spørgsmål, ét ad gangen." in text_of(
        page.select_one("main")
    )
    form = page.select_one(".start-form")
    assert form is not None
    assert form["action"] == "/tjek/start"
    assert text_of(form.select_one("button")) == "Start selvtjekket"


def test_the_english_start_page(client: CheckedClient) -> None:
    client.get("/en/")
    assert client.soup.html["lang"] == "en"  # type: ignore[index]
    assert text_of(client.soup.select_one("h1")) == "Check your heel pain"
    assert client.soup.select_one(".start-form")["action"] == "/en/check/start"  # type: ignore[index]
    assert client.get("/en", follow_redirects=False).headers["location"] == "/en/"


@pytest.mark.parametrize(
    ("path", "switch"),
    [
        ("/", "/en/"),
        ("/en/", "/"),
        ("/tjek/age", "/en/check/age"),
        ("/en/check/age", "/tjek/age"),
        ("/artikler", "/en/articles"),
        ("/soeg", "/en/search"),
        ("/artikler/haelspore", "/en/articles/plantar-fasciitis"),
    ],
)
def test_every_page_has_a_language_switch_to_the_same_page(
    client: CheckedClient, path: str, switch: str
) -> None:
    client.get(path)
    link = client.soup.select_one(".header__lang")
    assert link is not None
    assert link["href"] == switch
    assert link["lang"] == link["hreflang"] != client.soup.html["lang"]  # type: ignore[index]


def test_the_main_menu_marks_the_current_section(client: CheckedClient) -> None:
    client.get("/artikler")
    assert [text_of(a) for a in client.soup.select("[aria-current] ")] == ["Artikler"]


def test_a_missing_page_is_a_friendly_404_in_the_language_of_the_path(client: CheckedClient) -> None:
    assert client.get("/findes-ikke").status_code == 404
    assert text_of(client.soup.select_one("h1")) == "Siden findes ikke"
    assert client.soup.select_one("main a")["href"] == "/"  # type: ignore[index]
    assert client.get("/en/nothing").status_code == 404
    assert text_of(client.soup.select_one("h1")) == "Page not found"


def test_the_self_check_entry_from_articles_starts_at_the_first_question(client: CheckedClient) -> None:
    response = client.get("/tjek", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/tjek/age"

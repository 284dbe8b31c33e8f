"""The outcome pages by level (short and clear, as NHS 111 online), and "emergency first" in the flow.

Emergency: one screen, "Ring 112" as a tel: button first, what to tell 112, what to do while waiting,
nothing competing. Urgent: today, the after-hours numbers as tel: links, "Ring altid, før...", no plan or
diary (offered after an examination). GP, physiotherapist and self-care: what to do, by when, what happens
next, and only then the plan and the diary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from haelguiden.engine.assess import assess
from haelguiden.engine.model import KnowledgeBase
from haelguiden.web.state_cookie import COOKIE_NAME

from .conftest import ACHILLES, LADDER, RUNNER, CheckedClient, complete_answers
from .pagecheck import question_form, text_of
from .test_check_flow import form_values, start

QA = Path(__file__).parents[1] / "vignettes" / "qa.jsonl"
#: A fall from a ladder with back pain: 112 (a fracture of the spine may come with the heel fracture).
EMERGENCY = {**LADDER, "back_pain": "back_only"}


def qa_facts(vignette_id: str) -> dict[str, Any]:
    """The facts of one of the project's QA vignettes."""
    for line in QA.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["id"] == vignette_id:
            facts: dict[str, Any] = case["facts"]
            return facts
    raise KeyError(vignette_id)


#: A runner's stress fracture (GP within days) and a child's Sever's disease (physiotherapist).
STRESS_FRACTURE = qa_facts("qa-012")
SEVER = qa_facts("qa-001")


def outcome(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, facts: dict[str, Any], lang: str = "da"
) -> None:
    client.set_answers(app, complete_answers(kb, facts))
    response = client.get("/tjek/resultat" if lang == "da" else "/en/check/result")
    assert response.status_code == 200


# --- emergency -----------------------------------------------------------------------------------------
def test_the_emergency_outcome_puts_a_tel_112_button_first_and_nothing_else_competes(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    outcome(client, app, kb, EMERGENCY)
    main = client.soup.select_one("main")
    assert main is not None
    assert text_of(main.select_one("h1")) == "Ring 112 nu"
    first_link = main.select_one("a")
    assert first_link is not None
    assert (first_link["href"], text_of(first_link)) == ("tel:112", "Ring 112")
    assert first_link["class"] == ["button", "button--call"]
    assert text_of(main.select_one(".panel__body")) == (
        "Det, du har svaret, kan være tegn på en alvorlig tilstand, der skal behandles med det samme."
    )
    assert [text_of(li) for li in main.select(".emergency-outcome__say li")] == [
        "Hvor du er: adressen, og hvordan man kommer ind.",
        "Hvad der er sket, og hvornår det begyndte.",
        "Det telefonnummer, du ringer fra.",
    ]
    assert [text_of(li) for li in main.select(".emergency-outcome__reasons li")] == [
        "Fald fra højde med smerter i ryggen – hælbrud kan følges af brud i ryggen"
    ]
    assert [text_of(li) for li in main.select(".emergency-outcome__waiting li")] == [
        "Bliv, hvor du er, og hold telefonen tændt og tæt på dig.",
        "Lås døren op, hvis du kan, og tænd lyset udenfor, hvis det er mørkt.",
        "Find dit sundhedskort og en liste over den medicin, du tager.",
        "Kør ikke selv. Bed en anden om at blive hos dig, hvis det er muligt.",
    ]
    # nothing competing: no causes, no plan or diary, no postcode, no main menu, no second "Ring 112 nu"
    for selector in (".causes", ".plan-links", "form.postcode", "nav", ".footer__emergency", ".later"):
        assert client.soup.select_one(selector) is None, selector
    body = client.soup.select_one("body")
    assert body is not None
    assert body.get_text().count("Ring 112 nu") == 1
    assert [(a["href"], text_of(a)) for a in main.select(".emergency-outcome__more a")] == [
        ("/tjek/dine-svar", "Har du svaret forkert? Se og ændr dine svar"),
        ("/tjek/resultat/til-laegen", "Se resuméet til din læge eller fysioterapeut"),
    ]


def test_the_english_emergency_outcome(client: CheckedClient, app: FastAPI, kb: KnowledgeBase) -> None:
    outcome(client, app, kb, EMERGENCY, lang="en")
    main = client.soup.select_one("main")
    assert main is not None
    assert text_of(main.select_one("h1")) == "Call 112 now"
    assert (main.select_one("a")["href"], text_of(main.select_one("a"))) == ("tel:112", "Call 112")  # type: ignore[index]
    assert text_of(main.select("h2")[0]) == "What to tell 112"
    assert text_of(main.select("h2")[1]) == "While you wait"


def test_a_parent_reads_the_emergency_outcome_about_the_child(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    outcome(client, app, kb, {"age": 9, "pain_site": ["heel_underside"], "foot_cold_pale": True})
    main = client.soup.select_one("main")
    assert main is not None
    assert text_of(main.select_one("h1")) == "Ring 112 nu"
    assert text_of(main.select_one(".panel__body")) == (
        "Det, du har svaret om barnet, kan være tegn på en alvorlig tilstand, der skal behandles med det "
        "samme."
    )
    assert [text_of(li) for li in main.select(".emergency-outcome__waiting li")] == [
        "Bliv hos barnet, og hold telefonen tændt og tæt på dig.",
        "Lås døren op, hvis du kan, og tænd lyset udenfor, hvis det er mørkt.",
        "Find barnets sundhedskort og en liste over den medicin, barnet tager.",
        "Kør ikke selv med barnet. Bed en anden om at blive hos jer, hvis det er muligt.",
    ]


def test_a_form_posted_to_the_emergency_outcome_shows_it_again(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    outcome(client, app, kb, EMERGENCY)
    client.get("/")  # the emergency outcome has no form: take a CSRF token from the start page's
    csrf = client.soup.find("input", attrs={"name": "csrf_token"})["value"]  # type: ignore[index]
    response = client.post(
        "/tjek/resultat", data={"csrf_token": csrf, "postcode": "2100"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/tjek/resultat"


# --- emergency first ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "facts",
    [
        pytest.param(
            {**RUNNER, "foot_cold_pale": True, "onset": "sudden", "duration_days": 1}, id="cold-pale-sudden"
        ),
        pytest.param({**RUNNER, "saddle_numbness_or_bladder": True}, id="saddle-numbness"),
    ],
)
def test_an_emergency_answer_goes_straight_to_the_112_outcome(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, facts: dict[str, Any]
) -> None:
    """The next response after the answer that makes it an emergency is the 112 outcome: no further
    question and no check-your-answers page in between."""
    start(client)
    locations = []
    while (form := question_form(client.soup)) is not None:
        values, action = form_values(kb, form, facts)
        response = client.post(form.action, data=form.data(*values, action=action), follow_redirects=False)
        assert response.status_code == 303
        locations.append(response.headers["location"])
        answers = app.state.web.codec.loads(response.cookies[COOKIE_NAME].strip('"')).answers
        if assess(kb, answers).triage.level == "emergency":
            break
        client.get(response.headers["location"])
        assert len(locations) < 60
    assert locations[-1] == "/tjek/resultat"
    assert "/tjek/dine-svar" not in locations
    client.get(locations[-1])
    assert text_of(client.soup.select_one("h1")) == "Ring 112 nu"
    assert client.soup.select_one("main a[href='tel:112']") is not None
    # the self-check entry and the check-answers page lead there too
    assert client.get("/tjek", follow_redirects=False).headers["location"] == "/tjek/resultat"


def test_the_answers_of_an_emergency_can_still_be_checked_and_changed(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    outcome(client, app, kb, EMERGENCY)
    response = client.get("/tjek/dine-svar")
    assert response.status_code == 200
    assert text_of(client.soup.select_one("h1")) == "Tjek dine svar"


# --- urgent ---------------------------------------------------------------------------------------------
def test_urgent_says_today_with_the_numbers_and_call_first_and_offers_no_plan_or_diary(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    outcome(client, app, kb, ACHILLES)
    assert text_of(client.soup.select_one("h1")) == "Kontakt en læge i dag"
    assert text_of(client.soup.select_one(".outcome__when")) == "Hvornår: I dag"
    assert [text_of(li) for li in client.soup.select(".outcome__steps li")] == [
        "Ring til din egen læge i dag, hvis lægen har åbent (hverdage kl. 8–16).",
        "Uden for lægens åbningstid (hverdage efter kl. 16, weekend og helligdage) ringer du til lægevagten "
        "i din region.",
        "Ring altid, før du tager på akutmodtagelsen eller akutklinikken.",
    ]
    assert all(a["href"].startswith("tel:") for a in client.soup.select(".outcome__phones a"))  # type: ignore[union-attr]
    assert client.soup.select_one("form.postcode") is not None
    assert (
        text_of(client.soup.select_one(".outcome__safety"))
        == "Ring 112, hvis du bliver meget dårligere, mens du venter."
    )
    assert client.soup.select_one(".plan-links") is None
    assert client.soup.select_one("form[action='/dagbog']") is None
    assert text_of(client.soup.select_one(".later p")) == (
        "Når du har været undersøgt, kan du komme tilbage og få en plan med råd og øvelser og en dagbog, "
        "hvis lægen siger, at du kan behandle dig selv."
    )


# --- GP, physiotherapist, self-care ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("facts", "heading", "when"),
    [
        (STRESS_FRACTURE, "Bestil tid hos egen læge inden for få dage", "Inden for få dage"),
        (SEVER, "Bliv vurderet af en fysioterapeut", "Inden for nogle uger"),
        (RUNNER, "Du kan starte med at behandle dig selv", "Giv det 6–8 uger"),
    ],
)
def test_what_to_do_by_when_and_what_next_come_before_the_plan_and_the_diary(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, facts: dict[str, Any], heading: str, when: str
) -> None:
    outcome(client, app, kb, facts)
    assert text_of(client.soup.select_one("h1")) == heading
    assert text_of(client.soup.select_one(".outcome__when")) == f"Hvornår: {when}"
    assert client.soup.select_one(".outcome__phones") is None
    assert client.soup.select_one(".later") is None
    html = str(client.soup)
    order = ["outcome__steps", "outcome__next", 'class="plan-links"', 'class="summary-links"']
    assert [html.index(marker) for marker in order] == sorted(html.index(marker) for marker in order)
    assert client.soup.select_one(".plan-links a.button")["href"] == "/plan"  # type: ignore[index]
    assert client.soup.select_one(".plan-links form")["action"] == "/dagbog"  # type: ignore[index]


def test_a_parent_reads_what_to_do_about_the_child(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    outcome(client, app, kb, SEVER)
    main = client.soup.select_one("main")
    assert main is not None
    assert text_of(main.select_one("h1")) == "Bliv vurderet af en fysioterapeut"
    assert text_of(main.select_one(".outcome__steps")) == (
        "Bestil tid til barnet hos en fysioterapeut, en fodterapeut eller barnets egen læge. "
        "I kan gå direkte til en fysioterapeut. Med en henvisning fra egen læge får I tilskud til "
        "behandlingen."
    )
    assert "din fod" not in text_of(main)


def test_every_outcome_links_to_the_summary_and_its_pdf(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    outcome(client, app, kb, RUNNER, lang="en")
    links = [(a["href"], text_of(a)) for a in client.soup.select(".summary-links a")]
    assert links == [
        ("/en/check/result/for-your-clinician", "See the summary for your doctor or physiotherapist"),
        ("/en/check/result/for-your-clinician.pdf", "Download the summary as a PDF (to print)"),
    ]

"""The summary for a doctor or physiotherapist: HTML print view, one-page A4 PDF, Danish and English.

It has the date, the urgency and its reasons, the red-flag questions with each line answered, the possible
causes with what speaks for and against, and every other answer as given ("Ved ikke" visible).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi import FastAPI

from haelguiden.engine.assess import assess
from haelguiden.engine.model import KnowledgeBase
from haelguiden.i18n import long_date
from haelguiden.rendering.summary_pdf import page_count, summary_pdf
from haelguiden.services import Services
from haelguiden.web.summary_views import summary_document

from .conftest import ACHILLES, LADDER, RUNNER, CheckedClient, complete_answers
from .pagecheck import text_of

EMERGENCY = {**LADDER, "back_pain": "back_only"}


def rows(client: CheckedClient, table: str) -> list[tuple[str, str]]:
    return [
        (text_of(tr.select("td")[0]), text_of(tr.select("td")[1]))
        for tr in client.soup.select(f"table.{table} tbody tr")
    ]


def test_the_summary_has_date_urgency_red_flags_causes_and_every_answer(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, services: Services
) -> None:
    answers = complete_answers(kb, ACHILLES)
    client.set_answers(app, answers)
    response = client.get("/tjek/resultat/til-laegen")
    assert response.status_code == 200
    soup = client.soup
    assert text_of(soup.select_one("h1")) == "Til din læge eller fysioterapeut"
    today = long_date(services.today(), "da")
    assert text_of(soup.select_one(".summary__date")) == f"Dato: {today}"
    assert text_of(soup.select_one(".summary__triage h2")) == "Hastegrad: Kontakt en læge i dag"
    assessment = assess(kb, answers)
    reasons = [text_of(li) for li in soup.select(".summary__reasons li")]
    assert len(reasons) == len(assessment.triage.reasons)
    assert reasons[0] == (
        "Et smæld eller en følelse af et spark kan betyde, at en sene er sprunget "
        "(advarselstegn eller regel; læge i dag)"
    )
    assert "Sprunget akillessene (mulig årsag; læge i dag)" in reasons
    # the red-flag questions, line by line, the red flags marked
    red_flags = rows(client, "summary__red-flags")
    assert ("Feber (38 grader eller mere) eller kulderystelser", "Nej") in red_flags
    lines = {item.id: item.label.da for item in kb.question("function_signs").items}
    assert (lines["pop"], "Ja (advarselstegn)") in red_flags
    assert (lines["cannot_walk"], "Nej") in red_flags
    flagged = [
        text_of(tr.select("td")[0]) for tr in soup.select("table.summary__red-flags tr.summary__flagged")
    ]
    assert flagged == [lines["pop"], lines["cannot_tiptoe"], lines["tendon_gap"]]
    # every other answer as given, in the order asked
    answered = rows(client, "summary__answers")
    others = [q for q in answers.asked if kb.question(q).purpose != "safety"]
    assert [label for label, _ in answered] == [kb.question(q).text.da for q in others]
    assert ("Hvor gammel er du?", "41 år") in answered
    # the possible causes with for and against
    first = soup.select_one(".summary__causes li")
    assert first is not None
    assert text_of(first).startswith("Sprunget akillessene – Mest sandsynlig Taler for: ")
    # a plain print link to the PDF and a FHIR download; back to the result
    assert [(a["href"], text_of(a)) for a in soup.select(".summary-tools a")] == [
        ("/tjek/resultat/til-laegen.pdf", "Udskriv resuméet (PDF, A4)"),
        ("/tjek/resultat/til-laegen.fhir.json", "Hent som FHIR-dokument (til klinikkens system)"),
    ]
    assert soup.select_one("a.back-link")["href"] == "/tjek/resultat"  # type: ignore[index]


#: A ten-year-old footballer with pain at the back of the heel (Sever's disease), answered by a parent.
CHILD = {
    "age": 10,
    "pain_site": ["heel_back"],
    "sport": ["ball_sports"],
    "heel_squeeze_pain": True,
    "growth_spurt": True,
    "fever": False,
}


def test_a_childs_summary_shows_the_questions_as_the_parent_read_them(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase
) -> None:
    answers = complete_answers(kb, CHILD)
    if "load" not in answers.asked:  # a checklist with a line never shown to a parent
        answers = answers.answer(kb, "load", {"more_activity": True, "new_shoes": None})
    client.set_answers(app, answers)
    client.get("/tjek/resultat/til-laegen")
    answered = rows(client, "summary__answers")
    others = [q for q in answers.asked if kb.question(q).purpose != "safety"]
    assert [label for label, _ in answered] == [kb.question(q).text_for(True).da for q in others]
    assert ("Hvor har barnet ondt?", "Bag på hælen") in answered
    assert "Hvor gør det ondt?" not in [label for label, _ in answered]
    red_flags = rows(client, "summary__red-flags")
    fever = kb.question("warning_signs").items[0]
    assert (fever.label_for(True).da, "Nej") in red_flags
    # a line never shown to a parent is not listed as unanswered either
    load = dict(answered)[kb.question("load").text_for(True).da]
    lines = {i.id: i.label_for(True).da for i in kb.question("load").items}
    unknown = [lines[x] for x in ("new_shoes", "hard_floor", "overweight")]
    assert load == "; ".join([lines["more_activity"], *(f"ved ikke: {line}" for line in unknown)])
    assert lines["standing"] not in load


def test_an_unknown_answer_says_ved_ikke(client: CheckedClient, app: FastAPI, kb: KnowledgeBase) -> None:
    facts = {k: v for k, v in RUNNER.items() if k not in ("self_care_weeks", "injury")}
    facts["numbness_tingling"] = "none"  # every warning-sign line answered but the injury
    answers = complete_answers(kb, facts)
    assert answers.value("self_care_weeks") is None
    assert answers.value("injury") is None
    client.set_answers(app, answers)
    client.get("/tjek/resultat/til-laegen")
    unknown = client.soup.select("table.summary__answers tr.summary__unknown td")
    assert [text_of(td) for td in unknown] == [kb.question("self_care_weeks").text.da, "Ved ikke"]
    red_flag_unknown = client.soup.select("table.summary__red-flags tr.summary__unknown td")
    assert [text_of(td) for td in red_flag_unknown] == ["Startede det med en skade?", "Ved ikke"]


def test_the_english_summary(client: CheckedClient, app: FastAPI, kb: KnowledgeBase) -> None:
    client.set_answers(app, complete_answers(kb, EMERGENCY))
    client.get("/en/check/result/for-your-clinician")
    assert client.soup.html["lang"] == "en"  # type: ignore[index]
    assert text_of(client.soup.select_one("h1")) == "For your doctor or physiotherapist"
    assert text_of(client.soup.select_one(".summary__triage h2")) == "Urgency: Call 112 now"
    assert client.soup.select_one(".summary-tools a")["href"] == "/en/check/result/for-your-clinician.pdf"  # type: ignore[index]


def test_without_a_finished_self_check_the_summary_leads_on(client: CheckedClient) -> None:
    for path in (
        "/tjek/resultat/til-laegen",
        "/tjek/resultat/til-laegen.pdf",
        "/tjek/resultat/til-laegen.fhir.json",
    ):
        response = client.get(path, follow_redirects=False)
        assert (response.status_code, response.headers["location"]) == (303, "/tjek/age")


@pytest.mark.parametrize(
    ("lang", "path", "name"),
    [
        ("da", "/tjek/resultat/til-laegen.pdf", "haelguiden-resume.pdf"),
        ("en", "/en/check/result/for-your-clinician.pdf", "haelguiden-summary.pdf"),
    ],
)
def test_the_pdf_opens_in_the_browser_on_one_page(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, lang: str, path: str, name: str
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == f'inline; filename="{name}"'
    assert response.content.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b", response.content)) == 1


def pdf_text(data: bytes) -> str:
    return data.decode("latin-1")


def test_the_pdf_holds_the_same_texts(services: Services, kb: KnowledgeBase) -> None:
    answers = complete_answers(kb, ACHILLES)
    document = summary_document(services, "da", date=dt.date(2026, 3, 2), answers=answers)
    text = pdf_text(summary_pdf(document, compress=False))
    for expected in (
        "Til din læge eller fysioterapeut",
        "Dato: 2. marts 2026",
        "Hastegrad: Kontakt en læge i dag",
        "Spørgsmål om advarselstegn",
        "Sprunget akillessene",
        "Ja \\(advarselstegn\\)",
        "Øvrige svar",
        "41 år",
    ):
        assert expected in text, expected


def test_a_long_diary_still_fits_one_page(services: Services, kb: KnowledgeBase) -> None:
    from haelguiden.tracker.model import Diary, Entry

    start = dt.date(2026, 1, 5)
    diary = Diary(
        id="d1", created=start, start_date=start, lang="da", condition_id="plantar_fasciitis",
        triage_level="self_care", last_activity=start,
    )  # fmt: skip
    entries = [
        Entry(
            id=f"e{i:02}", diary_id="d1", date=start + dt.timedelta(days=2 * i), worst_pain=8 - i // 6,
            first_step_pain=7 - i // 6 if i % 2 else None, exercises=("calf_stretch_knee_straight",),
            activity="Gik 3 km", note="Ømt om morgenen, bedre efter en halv time",
        )
        for i in range(40)
    ]  # fmt: skip
    document = summary_document(
        services,
        "da",
        date=dt.date(2026, 3, 2),
        answers=complete_answers(kb, RUNNER),
        diary=diary,
        entries=entries,
    )
    assert document.diary is not None
    assert len(document.diary.entries) == 5
    assert document.diary.more == "Og 35 tidligere registreringer."
    assert page_count(document) == 1


def test_the_summary_pdf_is_one_page_for_every_development_vignette(
    services: Services, kb: KnowledgeBase
) -> None:
    """The real interview with each simulated patient of dev.jsonl, then its summary in both languages."""
    from haelguiden.evaluation.harness import interview
    from haelguiden.evaluation.vignettes import read_vignettes
    from tests.conftest import shared_file

    pages: dict[str, int] = {}
    vignettes = list(read_vignettes(kb, shared_file("vignettes", "dev.jsonl")))
    assert len(vignettes) == 36
    for vignette in vignettes:
        run = interview(kb, vignette)
        for lang in ("da", "en"):
            document = summary_document(
                services, lang, date=dt.date(2026, 3, 2), answers=run.assessment.answers
            )
            assert document.check is not None
            pages[f"{vignette.id}-{lang}"] = page_count(document)
    assert {name: n for name, n in pages.items() if n != 1} == {}

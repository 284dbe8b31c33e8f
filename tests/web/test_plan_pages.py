"""The self-care plan page, its PDF, and the exercise pages.

The plan is built from the finished self-check in the answers cookie; the page shows what the engine's
``plan_for_lang`` gives, so these tests compare the page with it. Every page also passes the page contract
(``pagecheck``) through the ``client`` fixture.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from haelguiden.engine.care import action_text
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.plan import NoPlan, Plan, exercise_for_lang, no_plan_for_lang, plan_for_lang
from haelguiden.engine.state import Answers
from haelguiden.services import Services
from haelguiden.web import plan_views, urls
from haelguiden.web.plan_views import _drawing

from .conftest import ACHILLES, RUNNER, CheckedClient, complete_answers
from .pagecheck import text_of

#: An 11-year-old footballer in a growth spurt: Sever's disease (calcaneal apophysitis).
SEVERS = {
    "age": 11,
    "sex": "male",
    "side": "both",
    "pain_site": ["heel_back", "heel_underside"],
    "onset": "gradual",
    "duration_days": 42,
    "injury": "none",
    "pain_during_activity": True,
    "pain_after_activity": True,
    "rest_night_pain": "none",
    "sport": ["ball_sports"],
    "swelling": False,
    "redness": False,
    "fever": False,
    "growth_spurt": True,
    "weight_bearing": "limping",
    "heel_squeeze_pain": True,
    "pain_score": 5,
    "trend": "unchanged",
    "severely_unwell": False,
    "foot_cold_pale": False,
    "saddle_numbness_or_bladder": False,
    "foot_weakness": False,
    "pop_or_kick": False,
    "tendon_gap": False,
}
DIABETES = {**RUNNER, "diabetes": True}


def texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [text_of(tag) for tag in soup.select(selector)]


def open_plan(
    client: CheckedClient, app: Any, kb: KnowledgeBase, facts: dict[str, Any], lang: str = "da"
) -> None:
    client.set_answers(app, complete_answers(kb, facts))
    response = client.get(urls.plan(lang))  # type: ignore[arg-type]
    assert response.status_code == 200


def built_plan(services: Services, facts: dict[str, Any]) -> Plan:
    plan = services.plan_for(complete_answers(services.kb, facts))
    assert isinstance(plan, Plan)
    return plan


# --- the plan page -------------------------------------------------------------------------------------
def open_plan_with(client: CheckedClient, app: Any, answers: Answers, lang: str = "da") -> None:
    client.set_answers(app, answers)
    response = client.get(urls.plan(lang))  # type: ignore[arg-type]
    assert response.status_code == 200


def runner_answers(kb: KnowledgeBase, *, overweight: bool = False) -> Answers:
    """The runner's finished self-check, with running as their sport (and overweight, when asked)."""
    answers = complete_answers(kb, RUNNER).answer(kb, "sport", ("running",))
    if overweight:
        load = {"more_activity": True, "new_shoes": False, "standing": False, "hard_floor": False}
        answers = answers.answer(kb, "load", {**load, "overweight": True})
    # the new answers can make more questions decide the advice (a runner's heel squeeze): answer them too
    return complete_answers(kb, RUNNER, answers)


def test_a_walker_with_plantar_fasciitis_gets_a_short_plan_with_stop_signs_first(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    # The interview never learnt the sport or the weight: no running advice, no weight advice.
    open_plan(client, app, kb, RUNNER)
    local = plan_for_lang(built_plan(services, RUNNER), "da")
    soup = client.soup

    assert text_of(soup.h1) == local.title == "Din plan ved smerter under hælen"
    assert text_of(soup.title).startswith(local.title)
    assert text_of(soup.select_one(".plan-basis")) == (
        "Mest sandsynlige mulige årsag: "
        + kb.conditions["plantar_fasciitis"].name.da
        + " · Planen er til: Voksne"
    )
    sections = [text_of(h) for h in soup.select(".plan h2")]
    assert sections == [
        "Stop og søg hjælp",
        "Øvelser uge for uge",
        "Det kan du selv gøre",
        "Følg din bedring",
    ]
    assert texts(soup, ".seek-help__level") == [
        "Kontakt en læge i dag, hvis …",
        "Kontakt egen læge inden for få dage, hvis …",
        "Kontakt en fysioterapeut eller egen læge, hvis …",
    ]
    assert texts(soup, ".seek-help__list li") == [s.text for s in local.seek_help]
    assert (
        texts(soup, ".advice-item summary")
        == [a.title for a in local.advice]
        == [
            "Skru ned, men bliv ved med at bevæge dig",
            "Sko med støddæmpning og støtte",
            "Hælkop eller blødt hælindlæg i en periode",
            "Is kan dæmpe smerten",
            "Smertestillende medicin i kort tid",
            "Det kan en fysioterapeut gøre",
            "Det er sjældent nødvendigt",
        ]
    )
    assert texts(soup, ".advice-item .details__text") == [a.text for a in local.advice]
    assert soup.select("#plan-pain") == []  # no running advice, so no pain monitoring


def test_the_exercises_are_one_table_with_each_exercise_once_and_its_weekly_progression(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, RUNNER)
    (table,) = client.soup.select("table.plan-table")
    rows = table.select("tbody tr")
    assert [text_of(r.select_one("th")) for r in rows] == [
        "Stræk af fodsålen",
        "Lægstræk ved væggen, strakt knæ",
        "Lægstræk ved væggen, bøjet knæ",
        "Rul fodsålen over en bold eller en frossen flaske Uge 1–6 kan udelades",
        "Tung tåhævning med håndklæde under tæerne",
    ]
    assert [r.select_one("th a")["href"] for r in rows] == [  # type: ignore[index]
        "/oevelser/plantar_fascia_stretch",
        "/oevelser/calf_stretch_knee_straight",
        "/oevelser/calf_stretch_knee_bent",
        "/oevelser/sole_roll",
        "/oevelser/towel_heel_raise",
    ]
    assert text_of(rows[0].select_one("td")) == (
        "10 gentagelser, hold 10 sekunder. 3 gange om dagen. Gerne oftere, og altid før de første skridt om "
        "morgenen."
    )
    raise_cell = rows[4].select_one("td")
    assert raise_cell is not None
    assert text_of(raise_cell.select_one(".plan-table__dose")) == (
        "3 sek. op, 2 sek. stille, 3 sek. ned. Hver anden dag. Brug så meget vægt, at du lige netop kan "
        "klare gentagelserne."
    )
    assert texts(raise_cell, ".progression div") == [
        "Uge 1–2: 3 sæt × 12 gentagelser.",
        "Uge 3–4: 4 sæt × 10 gentagelser. Tag en rygsæk med bøger på, så 10 gentagelser er det meste, du "
        "kan.",
        "Uge 5–12: 5 sæt × 8 gentagelser. Læg flere bøger i rygsækken, efterhånden som du bliver stærkere.",
    ]
    # How to do them: once each, without repeating the doses, behind one "show" under the table.
    how_to = client.soup.select_one("details.how-to")
    assert how_to is not None
    assert text_of(how_to.summary) == "Sådan laver du øvelserne"
    assert texts(how_to, ".exercise__name") == [text_of(r.select_one("th a")) for r in rows]
    assert how_to.select(".dosage") == []


def test_a_runner_gets_the_running_advice_and_pain_monitoring(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    answers = runner_answers(kb, overweight=True)
    open_plan_with(client, app, answers)
    titles = texts(client.soup, ".advice-item summary")
    assert titles[4:6] == ["Vægten betyder noget", "Vend gradvist tilbage til løb"]
    plan = services.plan_for(answers)
    assert isinstance(plan, Plan)
    local = plan_for_lang(plan, "da")
    assert local.pain_monitoring is not None
    assert texts(client.soup, "#plan-pain") == [local.pain_monitoring.title]
    zones = [" ".join(li.get_text().split()) for li in client.soup.select(".zones li")]
    assert zones == [f"{s}: {m}" for s, m in local.pain_monitoring.zones]


def test_the_sources_are_named_for_patients_without_working_notes(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, RUNNER)
    link = client.soup.select_one(".sources a")
    assert link is not None
    assert (link["href"], text_of(link)) == ("/plan/kilder", "Se kilderne til planen")
    client.get("/plan/kilder")
    assert text_of(client.soup.h1) == "Kilder til din plan"
    assert client.soup.select_one(".back-link")["href"] == "/plan"  # type: ignore[index]
    items = client.soup.select(".sources__list li")
    plan = built_plan(services, RUNNER)
    cited = [s for s in plan.sources if s != "estimate"]
    assert [text_of(li) for li in items] == [
        *(services.source_titles[s].line("da") for s in cited),
        "Skøn fra fagfolk, hvor forskningen ikke giver et tal",
    ]
    assert (
        text_of(items[0])
        == "Managing plantar fasciitis – 2023 update of clinical practice guidelines. PPL Biomechanics, 2023."
    )
    # An English title on the Danish page is marked as English; a Danish one is not.
    assert items[0]["lang"] == "en"
    danish = next(li for li in items if text_of(li).startswith("Fodterapi og fysioterapi"))
    assert danish.get("lang") is None
    shown = " ".join(text_of(li) for li in items)
    for note in ("summary of source", "as summarised", "low-quality", "read as reproduced", "doi:", "http"):
        assert note not in shown


def test_every_source_a_plan_cites_has_a_patient_facing_title(services: Services) -> None:
    library = services.plans
    cited = {
        s
        for plan_id in library.plans
        for s in [
            *library.plans[plan_id].sources,
            *(s for a in library.advice.values() for s in a.sources),
            *(s for h in library.seek_help.values() for s in h.sources),
            *(s for e in library.exercises.values() for s in e.sources),
            *(s for e in library.exercises.values() for st in e.dosage for s in st.sources),
        ]
    }
    assert cited - {"estimate"} - set(services.source_titles) == set()


def test_the_plan_offers_the_pdf_and_a_diary(client: CheckedClient, app: Any, kb: KnowledgeBase) -> None:
    open_plan(client, app, kb, RUNNER)
    pdf = client.soup.select_one("a[download]")
    assert pdf is not None
    assert (pdf["href"], text_of(pdf)) == ("/plan.pdf", "Hent planen som PDF")
    form = client.soup.select_one(".plan-about form")
    assert form is not None
    assert (form["action"], text_of(form.button)) == ("/dagbog", "Start en dagbog")
    stylesheets = [link["href"] for link in client.soup.select("link[rel=stylesheet]")]
    assert stylesheets == ["/static/haelguiden.css", "/static/forms.css", "/static/plan.css"]


def test_the_plan_stylesheet_prints_on_a4_with_everything_open() -> None:
    static = Path(__file__).parents[2] / "src/haelguiden/web/static"
    plan_css = (static / "plan.css").read_text()
    assert "@media print" in plan_css
    assert "details::details-content{content-visibility:visible;display:block}" in plan_css
    assert "@page{size:A4" in (static / "haelguiden.css").read_text()


def test_the_english_plan_is_the_same_plan_in_english(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, RUNNER, "en")
    local = plan_for_lang(built_plan(services, RUNNER), "en")
    assert text_of(client.soup.h1) == local.title
    assert client.soup.html["lang"] == "en"  # type: ignore[index]
    assert text_of(client.soup.select_one(".plan-basis")) == (
        "Most likely possible cause: Plantar fasciitis (heel spur) · The plan is for: Adults"
    )
    assert texts(client.soup, ".seek-help__level")[0] == "Contact a doctor today if …"
    assert client.soup.select_one("a[download]")["href"] == "/en/plan.pdf"  # type: ignore[index]
    assert client.soup.select_one(".header__lang")["href"] == "/plan"  # type: ignore[index]
    client.get("/en/plan/sources")
    assert text_of(client.soup.h1) == "Sources for your plan"
    assert client.soup.select_one(".sources__list li").get("lang") is None  # type: ignore[union-attr]


def test_a_child_with_severs_disease_gets_the_plan_written_for_the_parent(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, SEVERS)
    plan = built_plan(services, SEVERS)
    assert (plan.id, plan.variant, plan.audience) == ("calcaneal_apophysitis", "condition", "child")
    local = plan_for_lang(plan, "da")
    assert text_of(client.soup.h1) == local.title == "Plan for dit barns hæl"
    assert text_of(client.soup.select_one(".plan-basis")) == (
        "Mest sandsynlige mulige årsag: "
        + kb.conditions["calcaneal_apophysitis"].name.da
        + " · Planen er til: Børn og unge under 16 år"
    )
    assert text_of(client.soup.select_one(".lead")).startswith("Planen er skrevet til dig som forælder.")
    assert texts(client.soup, ".advice-item summary") == [a.title for a in local.advice]
    assert texts(client.soup, ".plan h2")[2] == "Det kan I selv gøre"


def test_diabetes_adds_the_assessment_advice_and_the_foot_warning(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, DIABETES)
    plan = built_plan(services, DIABETES)
    assert "diabetes_assessment" in plan.advice_ids
    assert "diabetes_wound" in [s.id for s in plan.seek_help]
    titles = texts(client.soup, ".advice-item summary")
    assert plan.advice[plan.advice_ids.index("diabetes_assessment")].title.da in titles
    warning = next(s for s in plan.seek_help if s.id == "diabetes_wound")
    assert warning.text.da in texts(client.soup, ".seek-help__list li")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_same_day_result_gets_no_plan_but_the_reason_and_what_to_do(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase, lang: str
) -> None:
    no_plan = services.plan_for(complete_answers(kb, ACHILLES))
    assert isinstance(no_plan, NoPlan)
    local = no_plan_for_lang(no_plan, lang)  # type: ignore[arg-type]
    open_plan(client, app, kb, ACHILLES, lang)
    assert text_of(client.soup.h1) == local.title
    assert text_of(client.soup.select_one(".lead")) == local.reason
    panel = client.soup.select_one(".panel")
    assert panel is not None
    assert panel["class"] == ["panel", "panel--urgent"]
    assert text_of(panel.select_one(".panel__body")) == action_text(kb, "urgent", lang)  # type: ignore[arg-type]
    assert client.soup.select(".plan-table") == []
    assert client.get(urls.plan_pdf(lang), follow_redirects=False).headers["location"] == urls.plan(lang)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "heading", "link"),
    [("/plan", "Tag selvtjekket først", "/tjek"), ("/en/plan", "Take the self-check first", "/en/check")],
)
def test_without_a_finished_self_check_the_plan_page_says_so(
    client: CheckedClient, path: str, heading: str, link: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert text_of(client.soup.h1) == heading
    assert client.soup.select_one("main a")["href"] == link  # type: ignore[index]
    assert client.get(path + ".pdf", follow_redirects=False).headers["location"] == path
    sources = path + ("/kilder" if path == "/plan" else "/sources")
    assert client.get(sources, follow_redirects=False).headers["location"] == path


@pytest.mark.parametrize(
    ("lang", "filename"), [("da", "haelguiden-plan.pdf"), ("en", "haelguiden-plan-en.pdf")]
)
def test_the_plan_downloads_as_a_pdf(
    client: CheckedClient, app: Any, kb: KnowledgeBase, lang: str, filename: str
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    response = client.get(urls.plan_pdf(lang))  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == f'attachment; filename="{filename}"'
    assert response.content.startswith(b"%PDF")


def test_the_result_page_leads_to_the_plan_and_a_diary(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER))
    for lang in ("da", "en"):
        client.get(urls.result(lang))  # type: ignore[arg-type]
        section = client.soup.select_one(".plan-links")
        assert section is not None
        assert section.select_one("a.button")["href"] == urls.plan(lang)  # type: ignore[arg-type,index]
        assert section.select_one("form")["action"] == urls.diary_start(lang)  # type: ignore[arg-type,index]
    assert text_of(client.soup.select_one(".plan-links form button")) == "Start a diary"


# --- exercise pages ------------------------------------------------------------------------------------
def exercise_ids() -> list[str]:
    from haelguiden.knowledge.plans import load_plan_library

    return list(load_plan_library().exercises)


@pytest.mark.parametrize("exercise_id", exercise_ids())
def test_every_exercise_has_a_page_with_its_drawing_steps_dose_and_stop_signs(
    client: CheckedClient, services: Services, exercise_id: str
) -> None:
    exercise = services.plans.exercises[exercise_id]
    labels = services.plans.rules.labels
    for lang in ("da", "en"):
        local = exercise_for_lang(exercise, labels, lang)  # type: ignore[arg-type]
        response = client.get(urls.exercise(lang, exercise_id))  # type: ignore[arg-type]
        assert response.status_code == 200
        soup = client.soup
        assert text_of(soup.h1) == local.name
        assert text_of(soup.select_one(".lead")) == local.summary
        svg = soup.select_one("figure.drawing svg")
        assert isinstance(svg, Tag)
        assert svg["role"] == "img"
        title = svg.find("title")
        assert isinstance(title, Tag)
        assert svg["aria-labelledby"].split()[0] == title["id"]  # type: ignore[union-attr]
        if lang == "en":
            assert text_of(title) == f"Drawing: {local.name}"
        else:
            assert text_of(title) != ""
            assert svg.find("desc") is not None
        assert texts(soup, ".steps li") == list(local.steps)
        assert texts(soup, ".dosage dt") == [
            s.weeks + (f": {s.title}" if s.title else "") for s in local.dosage
        ]
        assert texts(soup, ".stop-if li") == list(local.stop_if)
        assert local.feel in texts(soup, "p")


def test_the_exercise_index_links_every_exercise(client: CheckedClient, services: Services) -> None:
    client.get("/oevelser")
    assert text_of(client.soup.h1) == "Øvelser"
    links = [(a["href"], text_of(a)) for a in client.soup.select(".article-list a")]
    assert links == [(f"/oevelser/{e.id}", e.name.da) for e in services.plans.exercises.values()]
    client.get("/en/exercises")
    assert all(a["href"].startswith("/en/exercises/") for a in client.soup.select(".article-list a"))


def test_an_unknown_exercise_is_not_found(client: CheckedClient) -> None:
    assert client.get("/oevelser/no_such_exercise").status_code == 404
    assert text_of(client.soup.h1) == "Siden findes ikke"


def test_the_plan_links_each_how_to_to_the_exercise_page_with_its_drawing(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    # The drawings stay on the exercise pages, so the plan stays within one round trip (14 KB).
    open_plan(client, app, kb, RUNNER)
    assert client.soup.select(".plan svg") == []
    links = [(a["href"], text_of(a)) for a in client.soup.select(".how-to .exercise__link a")]
    names = [text_of(h) for h in client.soup.select(".how-to .exercise__name")]
    assert links == [
        (f"/oevelser/{i}", f"Se øvelsen med en tegning : {n}")  # text_of joins the hidden part with a space
        for i, n in zip(
            [
                "plantar_fascia_stretch",
                "calf_stretch_knee_straight",
                "calf_stretch_knee_bent",
                "sole_roll",
                "towel_heel_raise",
            ],
            names,
            strict=True,
        )
    ]


def test_a_drawing_keeps_only_shapes_and_text(tmp_path: Path) -> None:
    drawing = tmp_path / "evil.svg"
    drawing.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'viewBox="0 0 10 10" onload="alert(1)" style="color:red">'
        '<title id="title">Tegning</title><desc id="desc">En fod.</desc>'
        '<script>alert(2)</script><image xlink:href="https://example.com/x.png"/>'
        '<a href="https://example.com"><path d="M0 0L1 1"/></a><path d="M1 1L2 2" onclick="x()"/></svg>'
    )
    svg = str(_drawing(str(drawing), "ex", None))
    assert svg == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" '
        'aria-labelledby="ex-title ex-desc" class="drawing__svg" focusable="false">'
        '<title id="ex-title">Tegning</title><desc id="ex-desc">En fod.</desc><path d="M1 1L2 2" /></svg>'
    )
    assert str(_drawing(str(drawing), "ex", "Drawing: a foot")) == (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="img" aria-labelledby="ex-title" '
        'class="drawing__svg" focusable="false"><title id="ex-title">Drawing: a foot</title>'
        '<path d="M1 1L2 2" /></svg>'
    )


# --- view-model contract --------------------------------------------------------------------------------
TEMPLATES = Path(__file__).parents[2] / "src/haelguiden/web/templates/pages"


@pytest.mark.parametrize(
    ("template", "model"),
    [
        ("plan.html", plan_views.PlanPage),
        ("plan_none.html", plan_views.NoPlanPage),
        ("exercise.html", plan_views.ExercisePage),
        ("exercise_index.html", plan_views.ExerciseIndexPage),
    ],
)
def test_a_plan_template_uses_exactly_the_fields_of_its_view_model(template: str, model: type) -> None:
    used = set(re.findall(r"\bpage\.(\w+)", (TEMPLATES / template).read_text()))
    assert used == {f.name for f in dataclasses.fields(model)} - {"chrome"}

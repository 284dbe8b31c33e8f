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
def test_an_adult_with_plantar_fasciitis_gets_the_whole_plan_in_order(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, RUNNER)
    local = plan_for_lang(built_plan(services, RUNNER), "da")
    soup = client.soup

    assert text_of(soup.h1) == local.title == "Din plan ved smerter under hælen"
    assert text_of(soup.title).startswith(local.title)
    assert texts(soup, ".basis .summary-list__row") == [
        "Mest sandsynlige mulige årsag " + kb.conditions["plantar_fasciitis"].name.da,
        "Planen er til Voksne",
    ]
    panel = soup.select_one(".panel")
    assert panel is not None
    assert panel["class"] == ["panel", "panel--self_care"]
    assert text_of(panel.select_one(".panel__body")) == action_text(kb, "self_care", "da")
    assert texts(soup, ".advice-item h3") == [a.title for a in local.advice]
    assert texts(soup, ".phase__title") == [f"{p.title} ({p.weeks})" for p in local.phases]
    assert texts(soup, ".schedule__weeks") == [b.weeks for p in local.phases for b in p.blocks]
    first_block = local.phases[0].blocks[0]
    rows = soup.select(".schedule")[0].select("tbody tr")
    assert [text_of(r.select_one("a")) for r in rows] == [i.name for i in first_block.items]
    assert [r.select_one("a")["href"] for r in rows] == [  # type: ignore[index]
        f"/oevelser/{i.exercise_id}" for i in first_block.items
    ]
    assert [texts(r, ".schedule__dose li") for r in rows] == [list(i.dose) for i in first_block.items]
    assert texts(soup, ".timeline__when") == [t.when for t in local.timeline]
    assert texts(soup, ".timeline__text") == [t.text for t in local.timeline]
    assert [i.kind for i in local.timeline] == ["check", "change", "check", "review", "recovery"]
    assert texts(soup, "#plan-seek-help") == [local.headings.seek_help]
    assert texts(soup, ".seek-help__item") == [
        f"{s.text} Det skal du gøre: {kb.care[s.level].title.da}" for s in local.seek_help
    ]
    assert texts(soup, ".exercise__name") == [e.name for e in local.exercises]
    assert local.pain_monitoring is not None
    assert texts(soup, "#plan-pain") == [local.pain_monitoring.title]
    assert texts(soup, ".zones tbody tr") == [f"{s} {m}" for s, m in local.pain_monitoring.zones]


def test_the_plan_offers_the_pdf_print_and_a_diary(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, RUNNER)
    pdf = client.soup.select_one("a[download]")
    assert pdf is not None
    assert (pdf["href"], text_of(pdf)) == ("/plan.pdf", "Hent planen som PDF")
    assert text_of(client.soup.select_one(".print-note")) == "Du kan også udskrive siden. Den passer til A4."
    form = client.soup.select_one(".diary-start form")
    assert form is not None
    assert (form["action"], text_of(form.button)) == ("/dagbog", "Start en dagbog")
    stylesheets = [link["href"] for link in client.soup.select("link[rel=stylesheet]")]
    assert "/static/plan-diary.css" in stylesheets


def test_the_plan_stylesheet_prints_on_a4() -> None:
    static = Path(__file__).parents[2] / "src/haelguiden/web/static"
    assert "@media print" in (static / "plan-diary.css").read_text()
    assert "@page{size:A4" in (static / "haelguiden.css").read_text()


def test_the_english_plan_is_the_same_plan_in_english(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, RUNNER, "en")
    local = plan_for_lang(built_plan(services, RUNNER), "en")
    assert text_of(client.soup.h1) == local.title
    assert client.soup.html["lang"] == "en"  # type: ignore[index]
    assert texts(client.soup, ".basis .summary-list__key") == [
        "Most likely possible cause",
        "The plan is for",
    ]
    assert client.soup.select_one("a[download]")["href"] == "/en/plan.pdf"  # type: ignore[index]
    assert client.soup.select_one(".header__lang")["href"] == "/plan"  # type: ignore[index]


def test_a_child_with_severs_disease_gets_the_childrens_plan(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, SEVERS)
    plan = built_plan(services, SEVERS)
    assert (plan.id, plan.variant) == ("calcaneal_apophysitis", "condition")
    local = plan_for_lang(plan, "da")
    assert text_of(client.soup.h1) == local.title
    assert texts(client.soup, ".basis .summary-list__value") == [
        kb.conditions["calcaneal_apophysitis"].name.da,
        "Børn og unge under 16 år",
    ]
    assert texts(client.soup, ".advice-item h3") == [a.title for a in local.advice]
    panel = client.soup.select_one(".panel")
    assert panel is not None
    assert panel["class"] == ["panel", "panel--professional"]


def test_diabetes_adds_the_assessment_advice_and_the_foot_warning(
    client: CheckedClient, app: Any, services: Services, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, DIABETES)
    plan = built_plan(services, DIABETES)
    assert "diabetes_assessment" in plan.advice_ids
    assert "diabetes_wound" in [s.id for s in plan.seek_help]
    titles = texts(client.soup, ".advice-item h3")
    assert plan.advice[plan.advice_ids.index("diabetes_assessment")].title.da in titles
    warning = next(s for s in plan.seek_help if s.id == "diabetes_wound")
    assert any(item.startswith(warning.text.da) for item in texts(client.soup, ".seek-help__item"))


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
    assert client.soup.select(".schedule") == []
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


def test_the_plan_page_inlines_each_drawing_once_with_unique_ids(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    open_plan(client, app, kb, RUNNER)
    svgs = client.soup.select(".exercise figure.drawing svg")
    assert len(svgs) == len(client.soup.select(".exercise__name"))
    assert all(svg.find("title") is not None for svg in svgs)


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

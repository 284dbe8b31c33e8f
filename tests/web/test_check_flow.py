"""The self-check driven through its forms: one question per page, POST-redirect-GET, back, change, result."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from haelguiden.engine.model import KnowledgeBase
from haelguiden.evaluation.harness import simulated_answer
from haelguiden.web.forms import DONT_KNOW, NONE

from .conftest import LADDER, RUNNER, CheckedClient, complete_answers
from .pagecheck import QuestionForm, csrf_token, question_form, text_of


def form_values(
    kb: KnowledgeBase, form: QuestionForm, facts: Mapping[str, Any]
) -> tuple[list[str], str | None]:
    """What a person with ``facts`` posts on this page: (answer values, submit action)."""
    value = simulated_answer(kb, kb.question(form.question_id), facts)
    if value is None:
        return ([], "dont_know") if form.widget == "number" else ([DONT_KNOW], None)
    if isinstance(value, int):
        return [str(value)], None
    if isinstance(value, str):
        return [value], None
    if isinstance(value, tuple):
        return (list(value) or [NONE]), None
    ticked = [item for item, tick in value.items() if tick]
    return (ticked or [NONE]), None


def dont_know(form: QuestionForm) -> dict[str, object]:
    """The form data of "Ved ikke" on any question page."""
    return form.data(action="dont_know") if form.widget == "number" else form.data(DONT_KNOW)


def start(client: CheckedClient, lang_prefix: str = "") -> None:
    """Open the start page and press the start button."""
    client.get(lang_prefix + "/")
    response = client.post(
        f"{lang_prefix}/{'check' if lang_prefix else 'tjek'}/start",
        data={"csrf_token": csrf_token(client.soup)},
    )
    assert response.status_code == 200


def interview(client: CheckedClient, kb: KnowledgeBase, facts: Mapping[str, Any]) -> list[str]:
    """Answer every question page from ``facts`` until the check-answers page; returns the questions asked."""
    asked: list[str] = []
    while (form := question_form(client.soup)) is not None:
        child = facts.get("age", 99) < kb.settings.child_below_age and form.question_id != "age"
        heading = kb.question(form.question_id).text_for(child).get(client.soup.html["lang"])  # type: ignore[index]
        assert form.heading == heading
        asked.append(form.question_id)
        values, action = form_values(kb, form, facts)
        response = client.post(form.action, data=form.data(*values, action=action))
        assert response.status_code == 200, f"{form.question_id}: {response.status_code}"
        assert len(asked) < 60, "the interview does not end"
    return asked


def test_a_complete_danish_interview_ends_with_self_care_for_a_runner(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    start(client)
    assert client.soup.select_one("form")["data-question-id"] == "age"  # type: ignore[index]

    asked = interview(client, kb, RUNNER)

    assert asked == list(complete_answers(kb, RUNNER).asked)
    assert str(client.soup.select_one("h1").get_text()) == "Tjek dine svar"  # type: ignore[union-attr]
    keys = [text_of(k) for k in client.soup.select(".summary-list__key")]
    assert keys == [kb.question(q).text.da for q in asked]
    assert text_of(client.soup.select_one("[data-question-id=age] .summary-list__value")) == "38 år"
    assert (
        text_of(client.soup.select_one("[data-question-id=pain_site] .summary-list__value")) == "Under hælen"
    )

    client.get(str(client.soup.select_one("a.button")["href"]))  # type: ignore[index]
    panel = client.soup.select_one(".panel")
    assert panel is not None
    assert panel["class"] == ["panel", "panel--self_care", "outcome"]
    assert text_of(panel.select_one("h1.panel__title")) == "Du kan starte med at behandle dig selv"
    assert text_of(client.soup.select_one(".cause__name")) == kb.conditions["plantar_fasciitis"].name.da
    assert text_of(client.soup.select_one(".cause .tag")) == "Mest sandsynlig"


def test_a_fall_from_a_ladder_is_urgent_with_the_reason_given(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    start(client)
    interview(client, kb, LADDER)
    client.get("/tjek/resultat")

    assert client.soup.select_one(".panel")["class"] == ["panel", "panel--urgent", "outcome"]  # type: ignore[index]
    reasons = [text_of(li) for li in client.soup.select("ul.outcome__reasons li")]
    fall = next(r for r in kb.rules if r.id == "fall_from_height")
    assert fall.reason.da in reasons
    assert text_of(client.soup.select_one(".cause__name")) == kb.conditions["calcaneal_fracture"].name.da


def test_the_english_interview_uses_english_paths_and_texts(client: CheckedClient, kb: KnowledgeBase) -> None:
    start(client, "/en")
    assert client.soup.html["lang"] == "en"  # type: ignore[index]
    form = question_form(client.soup)
    assert form is not None
    assert form.action == "/en/check/age"
    assert form.heading == "How old are you?"
    interview(client, kb, RUNNER)
    assert text_of(client.soup.select_one("h1")) == "Check your answers"
    client.get("/en/check/result")
    assert text_of(client.soup.select_one(".panel__title")) == kb.care["self_care"].title.en


def test_each_question_page_has_hint_why_back_link_and_progress(
    client: CheckedClient, kb: KnowledgeBase
) -> None:
    start(client)
    page = client.soup
    assert text_of(page.select_one("h1 label[for=answer]")) == "Hvor gammel er du?"
    assert text_of(page.select_one("#answer-hint")) == kb.question("age").hint.da  # type: ignore[union-attr]
    assert text_of(page.select_one("details summary")) == "Hvorfor spørger vi?"
    assert text_of(page.select_one("details .details__text")) == kb.question("age").why.da
    assert page.select_one("#answer")["inputmode"] == "numeric"  # type: ignore[index]
    assert page.select_one(".back-link")["href"] == "/"  # type: ignore[index]
    assert text_of(page.select_one(".progress__text")).startswith("Spørgsmål 1 af cirka ")

    client.post("/tjek/age", data={"csrf_token": csrf_token(page), "answer": "38"})
    page = client.soup
    assert page.select_one("form")["data-question-id"] == "pain_site"  # type: ignore[index]
    assert page.select_one("legend h1") is not None
    assert page.select_one(".back-link")["href"] == "/tjek/age"  # type: ignore[index]
    assert text_of(page.select_one(".progress__text")).startswith("Spørgsmål 2 af cirka ")


def test_the_pain_site_page_has_a_foot_drawing_with_a_tap_target_for_every_place(
    client: CheckedClient,
) -> None:
    start(client)
    client.post("/tjek/age", data={"csrf_token": csrf_token(client.soup), "answer": "38"})
    page = client.soup
    assert page.select_one("svg.foot__drawing")["aria-hidden"] == "true"  # type: ignore[index]
    boxes = [i["id"] for i in page.select(".choices:not(.choices--exclusive) input[type=checkbox]")]
    hotspots = [label["for"] for label in page.select("label.hotspot")]
    assert hotspots == boxes
    assert [text_of(b) for b in page.select(".choice .region-badge")] == [
        str(n) for n in range(1, len(boxes) + 1)
    ]
    exclusive = [text_of(label) for label in page.select(".choices--exclusive label")]
    assert exclusive == ["Ingen af disse", "Ved ikke"]


def test_the_pain_score_is_radios_from_0_to_10_never_a_slider(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    client.set_answers(app, complete_answers(kb, RUNNER).answer(kb, "pain_score", 4))
    client.get("/tjek/pain_score")
    assert client.soup.select_one("form")["data-widget"] == "scale"  # type: ignore[index]
    radios = [i["value"] for i in client.soup.select("input[type=radio]")]
    assert radios == [str(n) for n in range(11)] + [DONT_KNOW]
    assert not client.soup.select("input[type=range]")


def test_the_back_button_shows_the_earlier_question_with_its_answer(client: CheckedClient) -> None:
    start(client)
    client.post("/tjek/age", data={"csrf_token": csrf_token(client.soup), "answer": "38"})
    client.post(
        "/tjek/pain_site", data={"csrf_token": csrf_token(client.soup), "answer": ["heel_back", "calf"]}
    )

    client.get("/tjek/pain_site")  # what the browser's back button asks for after POST-redirect-GET
    checked = [i["value"] for i in client.soup.select("input:checked")]
    assert checked == ["heel_back", "calf"]
    assert client.soup.select_one(".back-link")["href"] == "/tjek/age"  # type: ignore[index]
    client.get("/tjek/age")
    assert client.soup.select_one("#answer")["value"] == "38"  # type: ignore[index]


def test_a_question_not_yet_due_redirects_to_the_current_one(client: CheckedClient) -> None:
    start(client)
    response = client.get("/tjek/pain_score", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/tjek/age"


def test_an_unknown_question_id_is_404_in_danish(client: CheckedClient) -> None:
    response = client.get("/tjek/no_such_question")
    assert response.status_code == 404
    assert text_of(client.soup.select_one("h1")) == "Siden findes ikke"


def test_change_from_check_answers_asks_new_questions_then_returns(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    answers = complete_answers(kb, RUNNER)
    client.set_answers(app, answers)
    client.get("/tjek/dine-svar")
    change = client.soup.select_one("[data-question-id=injury] a")
    assert change is not None
    assert change["href"] == "/tjek/injury?aendr=1"
    assert text_of(change) == f"Ændr – {kb.question('injury').text.da}"

    client.get(str(change["href"]))
    assert client.soup.select_one(".back-link")["href"] == "/tjek/dine-svar"  # type: ignore[index]
    assert client.soup.select_one("#answer-none").has_attr("checked")  # type: ignore[union-attr]
    assert client.soup.select_one(".progress") is None
    client.post(
        "/tjek/injury?aendr=1", data={"csrf_token": csrf_token(client.soup), "answer": "fall_from_height"}
    )

    # a fall makes new questions relevant: they come first, each in change mode, then check answers again
    # (no back pain: "ved ikke" about the back after a fall would rightly end at 112 instead)
    new: list[str] = []
    while (form := question_form(client.soup)) is not None:
        assert form.question_id not in answers.asked
        assert form.action == f"/tjek/{form.question_id}?aendr=1"
        assert client.soup.select_one(".back-link")["href"] == "/tjek/dine-svar"  # type: ignore[index]
        new.append(form.question_id)
        no_back_pain = form.question_id in ("back", "nerve_signs")
        client.post(form.action, data=form.data(NONE) if no_back_pain else dont_know(form))
    assert new
    assert text_of(client.soup.select_one("h1")) == "Tjek dine svar"
    rows = [r["data-question-id"] for r in client.soup.select(".summary-list__row")]
    assert rows == [*answers.asked, *new]
    assert text_of(client.soup.select_one("[data-question-id=injury] .summary-list__value")) == (
        "Jeg faldt eller sprang ned fra en højde"
    )


def test_changing_an_answer_drops_answers_that_no_longer_apply(
    client: CheckedClient, app: Any, kb: KnowledgeBase
) -> None:
    answers = complete_answers(kb, LADDER).answer(kb, "fall_height", 3)
    client.set_answers(app, answers)
    client.get("/tjek/injury?aendr=1")
    client.post("/tjek/injury?aendr=1", data={"csrf_token": csrf_token(client.soup), "answer": "none"})
    while (form := question_form(client.soup)) is not None:
        client.post(form.action, data=dont_know(form))
    rows = [r["data-question-id"] for r in client.soup.select(".summary-list__row")]
    assert "injury" in rows
    assert "fall_height" not in rows


def test_check_answers_and_result_redirect_to_the_next_question_until_done(client: CheckedClient) -> None:
    start(client)
    for path in ("/tjek/dine-svar", "/tjek/resultat"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"] == "/tjek/age"


def texts_of(soup: Any, selector: str) -> list[str]:
    return [text_of(tag) for tag in soup.select(selector)]


def test_every_answer_is_shown_in_words(client: CheckedClient, app: Any, kb: KnowledgeBase) -> None:
    answers = complete_answers(kb, RUNNER)
    client.set_answers(app, answers)
    client.get("/tjek/dine-svar")
    shown = {
        r["data-question-id"]: text_of(r.select_one(".summary-list__value"))
        for r in client.soup.select(".summary-list__row")
    }
    warning_items = [i.label.da for i in kb.question("warning_signs").items]
    assert shown["warning_signs"] == " ".join(["Ingen af disse:", *warning_items])
    assert texts_of(client.soup, "[data-question-id=warning_signs] .summary-list__none li") == warning_items
    assert shown["injury"] == "Nej, det kom uden en skade"
    pattern_items = [text_of(li) for li in client.soup.select("[data-question-id=pain_pattern] li")]
    labels = {i.id: i.label.da for i in kb.question("pain_pattern").items}
    assert pattern_items == [labels[i] for i, tick in dict(answers.value("pain_pattern")).items() if tick]  # type: ignore[arg-type]

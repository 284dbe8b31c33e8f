"""The recovery diary's pages and JSON API, through the test client, on the in-memory repository.

A diary is started from the result page (POST with CSRF), written in through the forms, judged by the
engine's recovery rules and checked in with the self-check's red-flag checklists. Every HTML response
passes the page contract (``pagecheck``); the tests then assert exact texts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from icalendar import Calendar

from haelguiden.engine.assess import assess
from haelguiden.engine.care import action_text
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.plan import Plan
from haelguiden.engine.state import Answers
from haelguiden.evaluation.harness import simulated_answer
from haelguiden.services import Services, build_services
from haelguiden.tracker import InMemoryRepository, SqlAlchemyRepository
from haelguiden.tracker.database import make_engine, upgrade
from haelguiden.tracker.export import to_csv, to_json
from haelguiden.tracker.model import Diary, Entry
from haelguiden.web import create_app, diary_checkin_views, diary_entry_views, diary_views, urls

from .conftest import BASE_URL, RUNNER, CheckedClient, complete_answers, make_settings
from .pagecheck import csrf_token, text_of

TODAY = dt.date(2026, 3, 2)
IMPOSSIBLE_DA = "Datoen findes ikke. Tjek dag og måned; fx har februar højst 29 dage."
TEMPLATES = Path(__file__).parents[2] / "src/haelguiden/web/templates/pages"


@dataclass
class Clock:
    """Today, moved by hand; the repository and the services both read it."""

    today: dt.date = TODAY

    def __call__(self) -> dt.date:
        return self.today

    def advance(self, days: int) -> None:
        self.today += dt.timedelta(days=days)


@pytest.fixture(scope="module")
def diary_services() -> Services:
    """Services of their own, so each test can give them a fresh repository and clock."""
    return build_services(make_settings())


@pytest.fixture(scope="module")
def diary_app(diary_services: Services) -> FastAPI:
    return create_app(make_settings(), services=diary_services)


@pytest.fixture
def clock(diary_services: Services) -> Clock:
    """A fresh in-memory repository; today is Monday 2 March 2026 until the test moves it."""
    clock = Clock()
    diary_services._repository = InMemoryRepository(today=clock)
    diary_services.today = clock  # type: ignore[method-assign]
    return clock


@pytest.fixture
def diary_client(diary_app: FastAPI, clock: Clock) -> Iterator[CheckedClient]:
    with CheckedClient(diary_app, base_url=BASE_URL) as c:
        yield c


def start_diary(
    client: CheckedClient, app: FastAPI, kb: KnowledgeBase, lang: str = "da", answers: Answers | None = None
) -> str:
    """Start a diary from the result page of a finished self-check (the runner's); returns the token."""
    client.set_answers(app, answers or complete_answers(kb, RUNNER))
    client.get(urls.result(lang))  # type: ignore[arg-type]
    form = client.soup.select_one(".plan-links form")
    assert form is not None
    response = client.post(
        str(form["action"]), data={"csrf_token": csrf_token(client.soup)}, follow_redirects=False
    )
    assert response.status_code == 303
    match = re.fullmatch(r"/(?:dagbog|en/diary)/([A-Za-z0-9_-]{43})/link", response.headers["location"])
    assert match is not None
    return match.group(1)


def numb_runner(kb: KnowledgeBase) -> Answers:
    """The runner, who also ticks "tingling or numbness in the foot" before the rest of the interview.

    The interview ends before asking where it tingles, so only "none" is ruled out.
    """
    answers = Answers().answer(kb, "nerve_signs", {"numb": True, "low_back": False, "sciatica": False})
    result = assess(kb, answers)
    while result.question is not None:
        answers = answers.answer(kb, result.question.id, simulated_answer(kb, result.question, RUNNER))
        result = assess(kb, answers)
    return answers


def add_entry(client: CheckedClient, token: str, lang: str = "da", **fields: Any) -> Any:
    client.get(urls.diary_part(lang, token, "new_entry"))  # type: ignore[arg-type]
    data = {"csrf_token": csrf_token(client.soup), **fields}
    return client.post(urls.diary_part(lang, token, "new_entry"), data=data)  # type: ignore[arg-type]


def stored(services: Services, token: str) -> tuple[Diary, tuple[Entry, ...]]:
    diary = services.repository.get_diary(token)
    return diary, services.repository.list_entries(diary.id)


def day(d: dt.date) -> str:
    return d.strftime("%d.%m.%Y")


# --- starting ----------------------------------------------------------------------------------------
def test_a_diary_started_from_the_result_shows_its_private_link_qr_and_calendar_once(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    diary, entries = stored(diary_services, token)
    assert (diary.condition_id, diary.triage_level, diary.lang, diary.start_date) == (
        "plantar_fasciitis",
        "self_care",
        "da",
        TODAY,
    )
    # Of the answers, the diary keeps only what the plan needs.
    assert (diary.age_group, diary.diabetes, diary.numbness) == ("adult", False, False)
    assert entries == ()

    diary_client.get(f"/dagbog/{token}/link")
    soup = diary_client.soup
    assert text_of(soup.h1) == "Din dagbog er klar"
    assert text_of(soup.select_one(".private-link h2")) == "Gem dit private link nu"
    assert soup.select_one("#diary-link")["value"] == f"{BASE_URL}/dagbog/{token}"  # type: ignore[index]
    assert text_of(soup.select_one(".private-link p")).startswith(
        "Linket er den eneste vej ind i din dagbog."
    )
    qr = soup.select_one(".qr svg")
    assert qr is not None
    assert qr["role"] == "img"
    assert text_of(qr.find("title")) == "QR-kode med linket til din dagbog"  # type: ignore[arg-type]
    calendar = soup.select_one(f'a[href="/dagbog/{token}/kalender.ics"]')
    assert calendar is not None
    assert "2, 4, 6 og 8 uger efter starten" in text_of(soup.main)


def test_the_calendar_has_a_check_in_at_each_week_of_the_recovery_rules(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    response = diary_client.get(f"/dagbog/{token}/kalender.ics")
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="haelguiden-tjek.ics"'
    events = Calendar.from_ical(response.content).walk("VEVENT")
    weeks = diary_services.recovery.checkin_weeks
    assert [e.decoded("dtstart") for e in events] == [TODAY + dt.timedelta(weeks=w) for w in weeks]
    assert {str(e["url"]) for e in events} == {f"{BASE_URL}/dagbog/{token}"}


# --- the plan follows the person ----------------------------------------------------------------------
def diary_plan_of(services: Services, token: str) -> Plan:
    plan = diary_views.diary_plan(services, stored(services, token)[0])
    assert isinstance(plan, Plan)
    return plan


@pytest.mark.parametrize("storage", ["memory", "sqlite"])
def test_a_diary_started_with_numbness_follows_the_plan_without_ice_or_cold(
    diary_client: CheckedClient,
    diary_app: FastAPI,
    diary_services: Services,
    clock: Clock,
    tmp_path: Path,
    storage: str,
) -> None:
    if storage == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path}/diary.db")
        upgrade(engine)
        diary_services._repository = SqlAlchemyRepository(engine, today=clock)
    answers = numb_runner(diary_services.kb)
    token = start_diary(diary_client, diary_app, diary_services.kb, answers=answers)
    diary, _ = stored(diary_services, token)
    assert (diary.condition_id, diary.triage_level) == ("plantar_fasciitis", "self_care")
    assert (diary.age_group, diary.diabetes, diary.numbness) == ("adult", False, True)

    plan = diary_plan_of(diary_services, token)
    assert plan == diary_services.plan_for(answers)  # the plan the result page showed
    assert (plan.id, plan.variant) == ("plantar_fasciitis", "condition")
    assert "ice" not in plan.advice_ids
    exercises = [e.id for e in plan.exercises]
    assert exercises == [
        "plantar_fascia_stretch",
        "calf_stretch_knee_straight",
        "calf_stretch_knee_bent",
        "towel_heel_raise",
    ]  # no rolling the sole on a frozen bottle
    diary_client.get(f"/dagbog/{token}/ny")
    assert [i["value"] for i in diary_client.soup.select('input[name="exercises"]')] == exercises

    # The same runner without numbness gets the ice advice and the frozen-bottle roll.
    plain = diary_plan_of(diary_services, start_diary(diary_client, diary_app, diary_services.kb))
    assert "ice" in plain.advice_ids
    assert "sole_roll" in [e.id for e in plain.exercises]

    exported = diary_client.get(f"/dagbog/{token}/eksport.json").json()["diary"]
    assert (exported["age_group"], exported["diabetes"], exported["numbness"]) == ("adult", False, True)
    if storage == "sqlite":
        engine.dispose()


def test_a_childs_diary_follows_the_childs_plan(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    answers = complete_answers(diary_services.kb, {**RUNNER, "age": 12})
    token = start_diary(diary_client, diary_app, diary_services.kb, answers=answers)
    diary, _ = stored(diary_services, token)
    assert (diary.condition_id, diary.age_group, diary.diabetes, diary.numbness) == (
        "plantar_fasciitis",
        "child",
        False,
        False,
    )
    plan = diary_plan_of(diary_services, token)
    assert plan == diary_services.plan_for(answers)
    assert (plan.id, plan.variant) == (diary_services.plans.rules.child_plan, "child")
    diary_client.get(f"/dagbog/{token}")
    assert f"Startet 2. marts 2026. Din plan: {plan.title.da}." in [
        text_of(p) for p in diary_client.soup.select("main p")
    ]

    adult = diary_plan_of(diary_services, start_diary(diary_client, diary_app, diary_services.kb))
    assert (adult.id, adult.variant) == ("plantar_fasciitis", "condition")
    assert adult.title.da != plan.title.da
    assert json_flags(diary_client, token) == {"age_group": "child", "diabetes": False, "numbness": False}


def test_a_diary_started_with_diabetes_keeps_the_foot_advice_and_warning(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    answers = complete_answers(diary_services.kb, {**RUNNER, "diabetes": True})
    token = start_diary(diary_client, diary_app, diary_services.kb, answers=answers)
    plan = diary_plan_of(diary_services, token)
    assert plan == diary_services.plan_for(answers)
    assert "diabetes_assessment" in plan.advice_ids
    assert "diabetes_wound" in [s.id for s in plan.seek_help]
    assert json_flags(diary_client, token) == {"age_group": "adult", "diabetes": True, "numbness": False}


def test_an_old_diary_without_an_age_group_keeps_the_plan_it_had(diary_services: Services) -> None:
    # Diaries from before the age group was kept: a children-only plan for a child, all else for an adult.
    old = Diary("d" * 32, TODAY, TODAY, "da", "calcaneal_apophysitis", "self_care", TODAY)
    severs = diary_views.diary_plan(diary_services, old)
    assert isinstance(severs, Plan)
    assert (severs.id, severs.variant) == ("calcaneal_apophysitis", "condition")
    runner = diary_views.diary_plan(
        diary_services, dataclasses.replace(old, condition_id="plantar_fasciitis")
    )
    assert isinstance(runner, Plan)
    assert (runner.id, runner.variant) == ("plantar_fasciitis", "condition")
    assert "ice" in runner.advice_ids


def json_flags(client: CheckedClient, token: str) -> dict[str, object]:
    diary = client.get(f"/dagbog/{token}/eksport.json").json()["diary"]
    return {key: diary[key] for key in ("age_group", "diabetes", "numbness")}


def test_starting_a_diary_needs_the_csrf_token(diary_client: CheckedClient) -> None:
    response = diary_client.post("/dagbog", data={})
    assert response.status_code == 403
    assert text_of(diary_client.soup.h1) == "Formularen kunne ikke sendes"


# --- writing -----------------------------------------------------------------------------------------
def test_three_entries_give_a_chart_a_table_and_exact_exports(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services, clock: Clock
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    for worst, first, note in ((6, 7, "Hårdt; =SUM(A1)"), (5, 5, "Bedre"), (3, 3, "")):
        response = add_entry(
            diary_client,
            token,
            date=day(clock.today),
            worst_pain=str(worst),
            first_step_pain=str(first),
            exercises=["plantar_fascia_stretch", "towel_heel_raise"],  # in the order of the form
            activity="Gik 3 km",
            note=note,
        )
        assert response.status_code == 200  # after the redirect
        assert str(response.url) == f"{BASE_URL}/dagbog/{token}?besked=gemt"
        assert text_of(diary_client.soup.select_one(".notification")) == "Registreringen er gemt."
        clock.advance(7)

    soup = diary_client.soup
    chart = soup.select_one("figure.chart svg#pain-chart")
    assert chart is not None
    assert len(chart.select(".point-worst")) == 3
    assert len(chart.select(".point-first-step")) == 3
    assert text_of(chart.find("desc")).startswith("3 registreringer fra 2. marts 2026 til 16. marts 2026.")  # type: ignore[arg-type]
    assert [text_of(r) for r in soup.select(".chart__table tbody tr")] == [
        "2. marts 2026 6 7",
        "9. marts 2026 5 5",
        "16. marts 2026 3 3",
    ]
    rows = soup.select(".entries tbody tr")
    assert [text_of(r.th) for r in rows] == ["16. marts 2026", "9. marts 2026", "2. marts 2026"]
    assert [text_of(td) for td in rows[2].select("td")][:5] == [
        "6",
        "7",
        "Stræk af fodsålen, Tung tåhævning med håndklæde under tæerne",
        "Gik 3 km",
        "Hårdt; =SUM(A1)",
    ]
    assert text_of(rows[0].select("td")[4]) == "–"

    diary, entries = stored(diary_services, token)
    as_json = diary_client.get(f"/dagbog/{token}/eksport.json")
    assert as_json.headers["content-type"] == "application/json; charset=utf-8"
    assert (
        as_json.headers["content-disposition"] == 'attachment; filename="haelguiden-dagbog-2026-03-02.json"'
    )
    assert as_json.text == to_json(diary, entries)
    assert as_json.json()["entries"][0] == {
        "date": "2026-03-02",
        "worst_pain": 6,
        "first_step_pain": 7,
        "exercises": ["plantar_fascia_stretch", "towel_heel_raise"],
        "activity": "Gik 3 km",
        "note": "Hårdt; =SUM(A1)",
    }
    as_csv = diary_client.get(f"/dagbog/{token}/eksport.csv")
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert (
        as_csv.text
        == to_csv(entries)
        == (
            "date,worst_pain,first_step_pain,exercises,activity,note\r\n"
            "2026-03-02,6,7,plantar_fascia_stretch;towel_heel_raise,Gik 3 km,Hårdt; =SUM(A1)\r\n"
            "2026-03-09,5,5,plantar_fascia_stretch;towel_heel_raise,Gik 3 km,Bedre\r\n"
            "2026-03-16,3,3,plantar_fascia_stretch;towel_heel_raise,Gik 3 km,\r\n"
        )
    )


def test_the_entry_form_asks_pain_with_radios_from_0_to_10_never_a_slider(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    diary_client.get(f"/dagbog/{token}/ny")
    soup = diary_client.soup
    assert soup.select('input[type="range"]') == []
    assert [i["value"] for i in soup.select('input[name="worst_pain"]')] == [str(n) for n in range(11)]
    assert [i["value"] for i in soup.select('input[name="first_step_pain"]')] == [
        str(n) for n in range(11)
    ] + [""]
    assert soup.select_one("#date")["value"] == "02.03.2026"  # type: ignore[index]
    plan = diary_views.diary_plan(diary_services, stored(diary_services, token)[0])
    assert [i["value"] for i in soup.select('input[name="exercises"]')] == [e.id for e in plan.exercises]


def test_bad_input_is_explained_field_by_field_and_nothing_is_saved(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    note = "x" * 1001
    response = add_entry(
        diary_client,
        token,
        date="31.02.2026",
        worst_pain="11",
        first_step_pain="4",
        note=note,
        activity="Løb",
    )
    assert response.status_code == 400
    soup = diary_client.soup
    assert text_of(soup.title).startswith("Fejl: Skriv i dagbogen")
    summary = [(a["href"], text_of(a)) for a in soup.select(".error-summary a")]
    assert summary == [
        ("#date", IMPOSSIBLE_DA),
        ("#worst_pain-0", "Værste smerte skal være fra 0 til 10."),
        ("#note", "Noten må højst være 1000 tegn. Du har skrevet 1001."),
    ]
    assert text_of(soup.select_one("#date-error")) == "Fejl: " + IMPOSSIBLE_DA
    assert soup.select_one("#date")["value"] == "31.02.2026"  # type: ignore[index]
    assert soup.select_one("#first_step_pain-4").has_attr("checked")  # type: ignore[union-attr]
    assert soup.select_one("#activity")["value"] == "Løb"  # type: ignore[index]
    assert soup.select_one("#note").get_text() == note  # type: ignore[union-attr]
    assert stored(diary_services, token)[1] == ()


def test_a_baseline_entry_before_the_diary_started_is_kept(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    # The diary starts today; how it was last week is a useful baseline.
    token = start_diary(diary_client, diary_app, diary_services.kb)
    baseline = TODAY - dt.timedelta(days=7)
    add_entry(diary_client, token, date=baseline.strftime("%d.%m.%Y"), worst_pain="7")
    assert diary_client.soup.select(".error-summary") == []
    diary, entries = stored(diary_services, token)
    assert (diary.start_date, [(e.date, e.worst_pain) for e in entries]) == (TODAY, [(baseline, 7)])


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("", "Skriv datoen som dag.måned.år, fx 02.03.2026."),
        ("2026-13-01", IMPOSSIBLE_DA),
        ("i går", "Skriv datoen som dag.måned.år med tal, fx 02.03.2026."),
        ("03.03.2026", "Datoen kan ikke være efter i dag (2. marts 2026)."),
        (
            "01.03.2025",
            "Datoen kan højst ligge et år før dagbogen startede. Skriv en dato fra 2. marts 2025 til i dag.",
        ),
    ],
)
def test_impossible_dates_get_an_instruction(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services, date: str, message: str
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    add_entry(diary_client, token, date=date, worst_pain="3")
    assert [text_of(a) for a in diary_client.soup.select(".error-summary a")] == [message]


def test_an_entry_can_be_changed_and_deleted_after_confirming(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    add_entry(diary_client, token, date="02.03.2026", worst_pain="6", note="Første")
    add_entry(diary_client, token, date="02.03.2026", worst_pain="4", note="Anden")
    # Same-day entries are listed by their random ids: find them by note.
    first, second = sorted(stored(diary_services, token)[1], key=lambda e: e.note != "Første")
    edit = next(a for a in diary_client.soup.select(".entries__actions a") if a["href"].endswith(first.id))
    assert text_of(edit) == "Ændr registreringen fra 2. marts 2026"

    diary_client.get(str(edit["href"]))
    assert text_of(diary_client.soup.h1) == "Ændr registreringen fra 2. marts 2026"
    assert diary_client.soup.select_one("#worst_pain-6").has_attr("checked")  # type: ignore[union-attr]
    assert diary_client.soup.select_one("#note").get_text() == "Første"  # type: ignore[union-attr]
    response = diary_client.post(
        str(edit["href"]),
        data={
            "csrf_token": csrf_token(diary_client.soup),
            "date": "02.03.2026",
            "worst_pain": "2",
            "note": "Ændret",
        },
    )
    assert str(response.url).endswith("?besked=aendret")
    assert text_of(diary_client.soup.select_one(".notification")) == "Registreringen er ændret."
    changed = diary_services.repository.get_entry(first.diary_id, first.id)
    assert (changed.worst_pain, changed.note, changed.id) == (2, "Ændret", first.id)

    delete_href = f"/dagbog/{token}/registrering/{second.id}/slet"
    diary_client.get(delete_href)
    assert text_of(diary_client.soup.h1) == "Vil du slette registreringen fra 2. marts 2026?"
    assert text_of(diary_client.soup.select_one(".confirm-form button")) == "Ja, slet registreringen"
    assert set(stored(diary_services, token)[1]) == {changed, second}  # nothing deleted before the POST
    diary_client.post(delete_href, data={"csrf_token": csrf_token(diary_client.soup)})
    assert text_of(diary_client.soup.select_one(".notification")) == "Registreringen er slettet."
    assert stored(diary_services, token)[1] == (changed,)
    assert diary_client.get(delete_href).status_code == 404


def test_deleting_everything_asks_first_then_the_link_stops_working(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    add_entry(diary_client, token, date="02.03.2026", worst_pain="6")
    link = diary_client.soup.select_one(f'.manage a[href="/dagbog/{token}/slet"]')
    assert link is not None
    assert text_of(link) == "Slet hele dagbogen"
    diary_client.get(f"/dagbog/{token}/slet")
    assert text_of(diary_client.soup.h1) == "Vil du slette hele dagbogen?"
    assert text_of(diary_client.soup.select_one(".lead")) == (
        "Dagbogen og dens ene registrering bliver slettet for altid, og linket holder op med at virke. Du "
        "kan ikke fortryde. Hent en kopi først, hvis du vil gemme den."
    )
    diary_client.post(f"/dagbog/{token}/slet", data={"csrf_token": csrf_token(diary_client.soup)})
    assert text_of(diary_client.soup.h1) == "Din dagbog er slettet"
    assert diary_client.get(f"/dagbog/{token}").status_code == 404
    assert diary_client.get(f"/dagbog/{token}/eksport.json").status_code == 404


def test_export_and_delete_are_one_click_from_the_diary(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    response = diary_client.get(f"/dagbog/{token}")
    assert response.headers["cache-control"] == "no-store"
    assert diary_client.soup.select_one('meta[name="robots"]')["content"] == "noindex"  # type: ignore[index]
    links = [(a["href"], text_of(a)) for a in diary_client.soup.select(".manage a")]
    assert links == [
        (f"/dagbog/{token}/eksport.json", "Hent dagbogen som JSON"),
        (f"/dagbog/{token}/eksport.csv", "Hent dagbogen som CSV (regneark)"),
        (f"/dagbog/{token}/kalender.ics", "Føj påmindelserne til din kalender (.ics)"),
        (f"/dagbog/{token}/link", "Vis linket og QR-koden igen"),
        (f"/dagbog/{token}/slet", "Slet hele dagbogen"),
    ]


# --- judging ------------------------------------------------------------------------------------------
def status(client: CheckedClient) -> tuple[list[str], str, list[str]]:
    panel = client.soup.select_one(".status")
    assert panel is not None
    return (
        list(panel["class"]),
        text_of(panel.select_one(".panel__title")),
        [text_of(p) for p in panel.select(".panel__body")],
    )


def test_a_new_diary_says_keep_going_and_where_in_the_plan_you_are(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    diary_client.get(f"/dagbog/{token}")
    rules = diary_services.recovery
    assert status(diary_client) == (
        ["panel", "panel--self_care", "status"],
        "Fortsæt med din plan",
        [rules.reasons["no_entries"].da, rules.advice["keep_going"].da],
    )
    progress = diary_client.soup.select_one("#progress-title")
    assert progress is not None
    assert text_of(progress.find_next("p")) == "Du er i uge 1 af planen. Fase: Kom i gang (Uge 1–6)."
    numbers = [text_of(li) for li in diary_client.soup.select(".numbers li")]
    assert numbers[:4] == [
        "Du giver smerten et tal fra 0 (ingen smerte) til 10 (værst tænkelige smerte).",
        "Et fald på mindst 2 point eller 30 % er en tydelig bedring.",
        "Er hver af de seneste 2 registreringer mindst 2 point højere end den første, er det en tydelig "
        "forværring.",
        "Er smerten ikke tydeligt bedre efter 6 uger, er det tid til at få hælen undersøgt.",
    ]
    # The runner's self-check never asked about sport, so the plan has no running advice and no pain zones.
    assert numbers[4:] == []


def test_a_runners_diary_keeps_the_runner_trait_and_the_pain_zones_of_their_plan(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    kb = diary_services.kb
    running = {**RUNNER, "sport": ["running"]}
    answers = complete_answers(kb, running, complete_answers(kb, RUNNER).answer(kb, "sport", ("running",)))
    token = start_diary(diary_client, diary_app, kb, answers=answers)
    diary, _ = stored(diary_services, token)
    assert diary.traits == ("runner",)
    assert "running_return" in diary_plan_of(diary_services, token).advice_ids
    assert diary_client.get(f"/dagbog/{token}/eksport.json").json()["diary"]["traits"] == ["runner"]
    diary_client.get(f"/dagbog/{token}")
    numbers = [text_of(li) for li in diary_client.soup.select(".numbers li")]
    assert numbers[4:] == ["0–2: Sikkert", "3–5: Acceptabelt", "6–10: For meget"]


def test_no_improvement_after_six_weeks_asks_for_an_assessment_in_its_colour_and_words(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services, kb: KnowledgeBase, clock: Clock
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    add_entry(diary_client, token, date="02.03.2026", worst_pain="6", first_step_pain="6")
    clock.advance(43)
    add_entry(diary_client, token, date=day(clock.today), worst_pain="6", first_step_pain="5")
    classes, title, paragraphs = status(diary_client)
    assert classes == ["panel", "panel--professional", "status"]
    assert title == kb.care["professional"].title.da == "Bliv vurderet af en fysioterapeut"
    assert paragraphs[1] == action_text(kb, "professional", "da")
    assert paragraphs[0].startswith(
        "Efter 6 uger er din smerte ved de første skridt om morgenen ikke blevet tydeligt bedre."
    )
    assert text_of(diary_client.soup.select_one("#progress-title").find_next("p")) == (  # type: ignore[union-attr]
        "Du er i uge 7 af planen. Fase: Byg videre (Uge 7–12)."
    )


def test_a_clear_improvement_says_keep_going(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services, clock: Clock
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    add_entry(diary_client, token, date="02.03.2026", worst_pain="7", first_step_pain="6")
    clock.advance(14)
    add_entry(diary_client, token, date=day(clock.today), worst_pain="4", first_step_pain="3")
    classes, title, paragraphs = status(diary_client)
    assert (classes[1], title) == ("panel--self_care", "Fortsæt med din plan")
    assert paragraphs[0] == (
        "Din smerte ved de første skridt om morgenen er faldet fra 6 til 3 på skalaen fra 0 til 10. "
        "Det er 50 % mindre end ved start og en tydelig bedring."
    )


# --- check-in ----------------------------------------------------------------------------------------
def test_the_check_in_asks_the_self_checks_red_flag_checklists(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services, kb: KnowledgeBase
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    diary_client.get(f"/dagbog/{token}/tjek-ind")
    soup = diary_client.soup
    assert text_of(soup.h1) == "Tjek for advarselstegn"
    assert texts_of(soup, "legend") == [kb.question(q).text.da for q in diary_checkin_views.CHECKIN_QUESTIONS]
    items = [i.id for q in diary_checkin_views.CHECKIN_QUESTIONS for i in kb.question(q).items]
    assert [i["value"] for i in soup.select('input[name="answer"]') if not i["value"].count(".")] == items


def test_a_childs_check_in_asks_about_the_child(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services, kb: KnowledgeBase
) -> None:
    answers = complete_answers(diary_services.kb, {**RUNNER, "age": 12})
    token = start_diary(diary_client, diary_app, diary_services.kb, answers=answers)
    diary_client.get(f"/dagbog/{token}/tjek-ind")
    soup = diary_client.soup
    questions = [kb.question(q) for q in diary_checkin_views.CHECKIN_QUESTIONS]
    assert texts_of(soup, "legend") == [q.text_for(True).da for q in questions]
    assert texts_of(soup, "legend")[0] == "Har barnet nogen af disse advarselstegn lige nu?"
    boxes = soup.select('input[name="answer"]')
    labels = [text_of(soup.select_one(f'label[for="{box["id"]}"]')) for box in boxes]
    child_labels = [i.label_for(True).da for q in questions for i in q.items if not i.adults_only]
    assert [label for label in labels if label in child_labels] == child_labels


def test_a_childs_diary_entry_form_asks_what_the_child_did(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    answers = complete_answers(diary_services.kb, {**RUNNER, "age": 12})
    child = start_diary(diary_client, diary_app, diary_services.kb, answers=answers)
    adult = start_diary(diary_client, diary_app, diary_services.kb)
    asked = {}
    for who, token in (("child", child), ("adult", adult)):
        diary_client.get(f"/dagbog/{token}/ny")
        soup = diary_client.soup
        asked[who] = (
            text_of(soup.select_one("fieldset:has(input[name=exercises]) legend")),
            text_of(soup.select_one('label[for="activity"]')),
        )
    assert asked == {
        "child": ("Hvilke øvelser lavede barnet?", "Hvad lavede barnet ellers? (valgfrit)"),
        "adult": ("Hvilke øvelser lavede du?", "Hvad lavede du ellers? (valgfrit)"),
    }


def texts_of(soup: Any, selector: str) -> list[str]:
    return [text_of(t) for t in soup.select(selector)]


def test_new_fever_at_a_check_in_shows_same_day_care_at_once(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services, kb: KnowledgeBase
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    add_entry(diary_client, token, date="02.03.2026", worst_pain="3", first_step_pain="3")
    diary_client.get(f"/dagbog/{token}/tjek-ind")
    response = diary_client.post(
        f"/dagbog/{token}/tjek-ind",
        data={"csrf_token": csrf_token(diary_client.soup), "answer": ["fever", "function_signs._ingen"]},
    )
    assert response.status_code == 200
    assert text_of(diary_client.soup.h1) == "Resultatet af dit tjek"
    rules = diary_services.recovery
    assert status(diary_client) == (
        ["panel", "panel--urgent", "status"],
        kb.care["urgent"].title.da,
        [
            rules.reasons["checkin_red_flag"].da,
            rules.advice["urgent_now"].da,
            action_text(kb, "urgent", "da"),
        ],
    )
    fever = next(r for r in kb.rules if r.id == "fever")
    assert texts_of(diary_client.soup, ".status__reasons li") == [fever.reason.da]
    assert [text_of(a) for a in diary_client.soup.select(".panel__phones a")] == [
        f"{r.phone} – {r.name.da}" for r in kb.regions
    ]


def test_a_check_in_without_warning_signs_keeps_the_diarys_judgement(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb, lang="en")
    diary_client.get(f"/en/diary/{token}/check-in")
    diary_client.post(
        f"/en/diary/{token}/check-in",
        data={
            "csrf_token": csrf_token(diary_client.soup),
            "answer": ["warning_signs._ingen", "function_signs._ingen"],
        },
    )
    classes, title, _ = status(diary_client)
    assert (classes[1], title) == ("panel--self_care", "Keep going with your plan")
    assert texts_of(diary_client.soup, ".status__reasons li") == [
        "You did not answer yes to any of the warning signs."
    ]


def test_a_check_in_needs_an_answer_to_each_checklist(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    diary_client.get(f"/dagbog/{token}/tjek-ind")
    response = diary_client.post(
        f"/dagbog/{token}/tjek-ind",
        data={"csrf_token": csrf_token(diary_client.soup), "answer": ["fever", "warning_signs._ingen"]},
    )
    assert response.status_code == 400
    assert [(a["href"], text_of(a)) for a in diary_client.soup.select(".error-summary a")] == [
        (
            "#answer-fever",
            "Vælg enten et eller flere svar, «Ingen af disse» eller «Ved ikke» – ikke flere af dem",
        ),
        ("#answer-pop", "Sæt kryds ved det, der passer, eller vælg «Ingen af disse» eller «Ved ikke»"),
    ]
    assert diary_client.soup.select_one("#answer-fever").has_attr("checked")  # type: ignore[union-attr]


# --- tokens, rate limits, logs ---------------------------------------------------------------------------
def test_every_token_that_opens_nothing_gets_the_same_not_found_page(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    deleted = start_diary(diary_client, diary_app, diary_services.kb)
    diary_services.repository.delete_diary(diary_services.repository.get_diary(deleted).id)
    diary_client.cookies.clear()
    pages = []
    for token in ("A" * 43, "B" * 43, "short", deleted):
        response = diary_client.get(f"/dagbog/{token}")
        assert response.status_code == 404
        pages.append(response.text)
    assert len(set(pages)) == 1
    assert text_of(diary_client.soup.h1) == "Dagbogen blev ikke fundet"
    assert text_of(diary_client.soup.select_one(".lead")) == (
        "Linket til dagbogen virker ikke. Tjek, at du har kopieret hele linket. "
        "Er dagbogen slettet, kan du starte en ny."
    )
    assert deleted not in pages[0]
    assert diary_client.get("/dagbog/" + "A" * 43 + "/eksport.csv").status_code == 404


def test_diary_pages_are_rate_limited_for_gets_too(diary_services: Services, clock: Clock) -> None:
    app = create_app(
        make_settings(rate_limit="3/minute"), services=diary_services, rate_limit_namespace=uuid.uuid4().hex
    )
    with CheckedClient(app, base_url=BASE_URL) as client:
        statuses = [client.get(f"/dagbog/{'A' * 43}").status_code for _ in range(4)]
        assert statuses == [404, 404, 404, 429]
        assert text_of(client.soup.h1) == "For mange forespørgsler"
        assert int(client.get("/en/diary/x").headers["retry-after"]) >= 1
        assert client.get("/oevelser").status_code == 200  # other pages' GETs are not counted


def test_the_access_log_never_holds_the_private_token(
    diary_client: CheckedClient,
    diary_app: FastAPI,
    diary_services: Services,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="haelguiden.access")
    token = start_diary(diary_client, diary_app, diary_services.kb)
    diary_client.get(f"/dagbog/{token}/ny?besked=gemt")
    diary_client.get(f"/en/diary/{token}")
    diary_client.get(f"/api/v1/diaries/{token}/entries")
    logged = [r.getMessage() for r in caplog.records if r.name == "haelguiden.access"]
    assert logged[-4:] == [
        "POST /dagbog 303",
        "GET /dagbog/{token}/ny 200",
        "GET /en/diary/{token} 200",
        "GET /api/v1/diaries/{token}/entries 200",
    ]
    assert not [line for line in logged if token in line]


def test_the_english_diary_is_the_same_diary(
    diary_client: CheckedClient, diary_app: FastAPI, diary_services: Services
) -> None:
    token = start_diary(diary_client, diary_app, diary_services.kb)
    diary_client.get(f"/en/diary/{token}")
    assert text_of(diary_client.soup.h1) == "Your diary"
    assert diary_client.soup.select_one(".header__lang")["href"] == f"/dagbog/{token}"  # type: ignore[index]


# --- view-model contract --------------------------------------------------------------------------------
TEMPLATE_MODELS = {
    "diary_created.html": diary_views.CreatedPage,
    "diary.html": diary_views.DiaryPage,
    "diary_entry.html": diary_entry_views.EntryPage,
    "diary_confirm.html": diary_views.ConfirmPage,
    "diary_checkin.html": diary_checkin_views.CheckinPage,
    "diary_checkin_result.html": diary_checkin_views.CheckinResultPage,
}


@pytest.mark.parametrize(("template", "model"), TEMPLATE_MODELS.items())
def test_a_diary_template_uses_exactly_the_fields_of_its_view_model(template: str, model: type) -> None:
    used = set(re.findall(r"\bpage\.(\w+)", (TEMPLATES / template).read_text()))
    assert used == {f.name for f in dataclasses.fields(model)} - {"chrome"}


# --- JSON API ------------------------------------------------------------------------------------------
def test_the_api_makes_a_diary_and_adds_and_lists_entries(
    diary_client: CheckedClient, diary_services: Services
) -> None:
    made = diary_client.post(
        "/api/v1/diaries",
        json={"lang": "en", "condition_id": "plantar_fasciitis", "triage_level": "self_care"},
    )
    assert made.status_code == 201
    body = made.json()
    token = body["token"]
    assert body["url"] == f"{BASE_URL}/en/diary/{token}"
    assert body["diary"] == {
        "created": "2026-03-02",
        "start_date": "2026-03-02",
        "lang": "en",
        "condition_id": "plantar_fasciitis",
        "triage_level": "self_care",
        "last_activity": "2026-03-02",
        "age_group": None,
        "diabetes": False,
        "numbness": False,
        "traits": [],
    }
    entry = {
        "date": "2026-03-02",
        "worst_pain": 4,
        "first_step_pain": None,
        "exercises": ["sole_roll"],
        "activity": "",
        "note": "ok",
    }
    added = diary_client.post(f"/api/v1/diaries/{token}/entries", json=entry)
    assert (added.status_code, added.json()) == (201, entry)
    listed = diary_client.get(f"/api/v1/diaries/{token}/entries")
    diary, entries = stored(diary_services, token)
    assert listed.text.replace(" ", "").replace("\n", "") == to_json(diary, entries).replace(" ", "").replace(
        "\n", ""
    )


def test_the_api_keeps_the_plan_traits_and_refuses_unknown_ones(
    diary_client: CheckedClient, diary_services: Services
) -> None:
    body = {"condition_id": "plantar_fasciitis", "triage_level": "self_care", "traits": ["runner", "runner"]}
    made = diary_client.post("/api/v1/diaries", json=body)
    assert made.status_code == 201
    assert made.json()["diary"]["traits"] == ["runner"]
    assert "running_return" in diary_plan_of(diary_services, made.json()["token"]).advice_ids
    refused = diary_client.post("/api/v1/diaries", json={**body, "traits": ["swimmer"]})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"field": "traits", "message": "swimmer is not a plan trait; use overweight, runner"}
    ]


def test_the_api_keeps_the_age_group_diabetes_and_numbness_for_the_plan(
    diary_client: CheckedClient, diary_services: Services
) -> None:
    made = diary_client.post(
        "/api/v1/diaries",
        json={
            "condition_id": "plantar_fasciitis",
            "triage_level": "self_care",
            "age_group": "adult",
            "diabetes": True,
            "numbness": True,
        },
    )
    assert made.status_code == 201
    token = made.json()["token"]
    flags = {key: made.json()["diary"][key] for key in ("age_group", "diabetes", "numbness")}
    assert flags == {"age_group": "adult", "diabetes": True, "numbness": True}
    plan = diary_plan_of(diary_services, token)
    assert "ice" not in plan.advice_ids
    assert "diabetes_assessment" in plan.advice_ids
    # Rolling the sole on a frozen bottle is not in this plan, so the diary does not take it.
    added = diary_client.post(
        f"/api/v1/diaries/{token}/entries",
        json={"date": "2026-03-02", "worst_pain": 3, "exercises": ["sole_roll"]},
    )
    assert (added.status_code, [e["field"] for e in added.json()["errors"]]) == (422, ["exercises"])
    listed = diary_client.get(f"/api/v1/diaries/{token}/entries").json()["diary"]
    assert {key: listed[key] for key in flags} == flags
    wrong = diary_client.post("/api/v1/diaries", json={"age_group": "teen"})
    assert wrong.status_code == 422


def test_the_api_answers_problems_with_the_fields_at_fault(diary_client: CheckedClient) -> None:
    token = diary_client.post("/api/v1/diaries", json={}).json()["token"]
    response = diary_client.post(
        f"/api/v1/diaries/{token}/entries", json={"date": "2026-02-30", "worst_pain": 11, "note": "x" * 1001}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"] == [
        {
            "field": "date",
            "message": "That date does not exist. Check the day and month; February, for example, has at "
            "most 29 days.",
        },
        {"field": "worst_pain", "message": "Worst pain must be from 0 to 10."},
        {"field": "note", "message": "The note must be 1000 characters or fewer. You have written 1001."},
    ]
    for wrong in ("A" * 43, "nope"):
        missing = diary_client.get(f"/api/v1/diaries/{wrong}/entries")
        assert (missing.status_code, missing.json()["type"]) == (404, "/api/v1/problems/diary-not-found")
    unknown = diary_client.post("/api/v1/diaries", json={"condition_id": "hælspore"})
    assert unknown.json()["errors"][0]["field"] == "condition_id"
    future = diary_client.post("/api/v1/diaries", json={"start_date": "2026-03-03"})
    assert future.json()["errors"] == [
        {"field": "start_date", "message": "The start date cannot be after today (2 March 2026)."}
    ]
    earlier = diary_client.post("/api/v1/diaries", json={"start_date": "2026-02-01"})
    assert (earlier.status_code, earlier.json()["diary"]["start_date"]) == (201, "2026-02-01")


def test_the_api_is_in_the_openapi_document(diary_client: CheckedClient) -> None:
    paths = diary_client.get("/api/v1/openapi.json").json()["paths"]
    assert set(paths["/api/v1/diaries"]) == {"post"}
    assert set(paths["/api/v1/diaries/{token}/entries"]) == {"get", "post"}

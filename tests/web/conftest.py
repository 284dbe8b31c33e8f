"""Fixtures for the web tests: one app per worker, a checking test client, and answer builders.

Every HTML response of ``client`` goes through the page contract in ``pagecheck.check_page``; a test then
asserts exact texts with CSS selectors on ``client.soup``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI

from haelguiden.config import Settings
from haelguiden.engine.assess import assess
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers
from haelguiden.evaluation.harness import simulated_answer
from haelguiden.services import Services, build_services
from haelguiden.web import create_app
from haelguiden.web.state_cookie import COOKIE_NAME, CheckState

from .pagecheck import check_page

with warnings.catch_warnings():
    # Starlette asks for the httpx2 package; the deprecation is not about anything these tests do.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SECRET = "test-secret-key-that-is-long-enough-0123456789"
BASE_URL = "https://haelguiden.example"


#: A runner with classic plantar fasciitis (facts in the vignette vocabulary; the rest is "ved ikke").
RUNNER = {
    "age": 38,
    "sex": "female",
    "side": "left",
    "pain_site": ["heel_underside"],
    "underside_spot": "front_inner",
    "onset": "gradual",
    "duration_days": 30,
    "injury": "none",
    "first_steps_pain": True,
    "pain_during_activity": True,
    "pain_after_activity": True,
    "eases_with_warm_up": True,
    "rest_night_pain": "none",
    "sport": ["running"],
    "activity_increase": True,
    "swelling": False,
    "redness": False,
    "warmth": False,
    "bruising": False,
    "fever": False,
    "severely_unwell": False,
    "foot_cold_pale": False,
    "saddle_numbness_or_bladder": False,
    "foot_weakness": False,
    "pop_or_kick": False,
    "weight_bearing": "normal",
    "tiptoe_single": "yes_no_pain",
    "tendon_gap": False,
    "diabetes": False,
    "cancer_history": False,
    "weight_loss": False,
    "fluoroquinolone": "no",
    "oral_steroids": False,
    "heel_steroid_injection": False,
    "skin_finding": "none",
    "heel_squeeze_pain": False,
    "pain_score": 4,
    "trend": "unchanged",
    "self_care_weeks": 2,
    "burning_pain": False,
}
#: A fall from a ladder; cannot walk four steps.
LADDER = {
    "age": 52,
    "pain_site": ["heel_underside", "heel_inner_side", "heel_outer_side"],
    "injury": "fall_from_height",
    "fall_height_m": 3,
    "onset": "sudden",
    "duration_days": 0,
    "weight_bearing": "cannot_walk_four_steps",
    "swelling": True,
    "back_pain": "none",
    "pain_score": 9,
    "fever": False,
    "severely_unwell": False,
    "foot_cold_pale": False,
    "saddle_numbness_or_bladder": False,
    "foot_weakness": False,
    "pop_or_kick": False,
}


def make_settings(**changes: Any) -> Settings:
    """Settings for a test app: a fixed key, test environment, a limit no test reaches unless it wants to."""
    values: dict[str, Any] = {
        "secret_key": SECRET,
        "environment": "test",
        "base_url": BASE_URL,
        "rate_limit": "100000/minute",
    }
    values.update(changes)
    return Settings(**values)


@pytest.fixture(scope="session")
def services() -> Services:
    """The real knowledge base, loaded once per worker."""
    return build_services(make_settings())


@pytest.fixture(scope="session")
def kb(services: Services) -> KnowledgeBase:
    """The real knowledge base."""
    return services.kb


@pytest.fixture(scope="session")
def app(services: Services) -> FastAPI:
    """The app, built once per worker."""
    return create_app(make_settings(), services=services)


class CheckedClient(TestClient):
    """A test client that checks the page contract of every HTML response and keeps the last parsed page."""

    soup: BeautifulSoup

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        """Send the request; check and parse an HTML response."""
        response = super().request(*args, **kwargs)
        if response.headers.get("content-type", "").startswith("text/html"):
            self.soup = check_page(response.text)
        return response

    def set_answers(self, app: FastAPI, answers: Answers, region: str | None = None) -> None:
        """Put signed answers in the cookie, as if the person had answered through the pages."""
        token = app.state.web.codec.dumps(CheckState(answers, region))
        self.cookies.set(COOKIE_NAME, token)


@pytest.fixture
def client(app: FastAPI) -> Iterator[CheckedClient]:
    """A fresh browser: no cookies yet. Talks to the app in-process over https."""
    with CheckedClient(app, base_url=BASE_URL) as c:
        yield c


def complete_answers(kb: KnowledgeBase, facts: Mapping[str, Any], answers: Answers | None = None) -> Answers:
    """The answers a person with ``facts`` gives through the whole interview ("ved ikke" for the rest),
    going on from ``answers`` when given."""
    answers = answers if answers is not None else Answers()
    result = assess(kb, answers)
    while result.question is not None:
        answers = answers.answer(kb, result.question.id, simulated_answer(kb, result.question, facts))
        result = assess(kb, answers)
    return answers


#: A sudden snap behind the heel during padel: Achilles rupture (same-day).
ACHILLES = {
    "age": 41,
    "sex": "male",
    "pain_site": ["achilles_tendon", "calf"],
    "tendon_gap": True,
    "onset": "sudden",
    "duration_days": 1,
    "injury": "sudden_push_off",
    "pop_or_kick": True,
    "sport": ["racket_sports"],
    "swelling": True,
    "bruising": True,
    "weight_bearing": "limping",
    "tiptoe_single": "cannot",
    "pain_score": 4,
    "fever": False,
    "severely_unwell": False,
    "foot_cold_pale": False,
    "saddle_numbness_or_bladder": False,
    "foot_weakness": False,
}

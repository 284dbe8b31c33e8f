"""Templates get one view model (``page``) and use every field of it: no dead fields, no hidden inputs."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from haelguiden.web import viewmodels as vm
from haelguiden.web.share_views import ShareCreatedPage, SharePage
from haelguiden.web.summary_views import SummaryPage

TEMPLATES = Path(__file__).parents[2] / "src/haelguiden/web/templates"
PAGES = {
    "start.html": vm.StartPage,
    "question.html": vm.QuestionPage,
    "check_answers.html": vm.CheckAnswersPage,
    "result.html": vm.ResultPage,
    "outcome_emergency.html": vm.EmergencyPage,
    "summary.html": SummaryPage,
    "share.html": SharePage,
    "share_created.html": ShareCreatedPage,
    "message.html": vm.MessagePage,
    "article_index.html": vm.ArticleIndexPage,
    "article.html": vm.ArticlePage,
    "search.html": vm.SearchPage,
    "api_docs.html": vm.ApiDocsPage,
    "story_confirm.html": vm.StoryConfirmPage,
}


def used_fields(template: str) -> set[str]:
    text = (TEMPLATES / "pages" / template).read_text()
    for include in re.findall(r'include "([^"]+)"', text):
        text += (TEMPLATES / include).read_text()
    return set(re.findall(r"\bpage\.(\w+)", text))


@pytest.mark.parametrize(("template", "model"), PAGES.items())
def test_a_template_uses_exactly_the_fields_of_its_view_model(template: str, model: type) -> None:
    fields = {f.name for f in dataclasses.fields(model)} - {"chrome"}  # the layout reads it
    assert used_fields(template) == fields


def test_the_layout_reads_only_the_chrome() -> None:
    layout = (TEMPLATES / "layout.html").read_text()
    assert set(re.findall(r"\bpage\.(\w+)", layout)) == {"chrome"}
    used = set(re.findall(r"\bc\.(\w+)", layout))
    assert used == {f.name for f in dataclasses.fields(vm.Chrome)} - {"csrf_token"}

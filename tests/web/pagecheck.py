"""Contract checks every HTML page must pass, and helpers to read and fill a question form.

The checks run on every HTML response of the ``client`` fixture (notifications-admin style), so each test
that renders a page also checks its structure: it parses, has ``lang``, exactly one h1, a ``<title>`` that
starts with the h1 (or the article's metaTitle), unique ids, a label for every input, an action on every
POST form, error-summary links that resolve, and nothing the Content-Security-Policy would block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag

_LABELLED_TYPES = {"text", "search", "radio", "checkbox", "number", "email", "tel", None}
_ERROR_PREFIXES = ("Fejl: ", "Error: ")


def text_of(tag: Tag | None) -> str:
    """The visible text of a tag with whitespace squashed."""
    return " ".join(tag.get_text(" ").split()) if tag is not None else ""


def check_page(html: str) -> BeautifulSoup:
    """Parse ``html`` and assert the page contract; returns the parsed page."""
    assert html.lstrip().lower().startswith("<!doctype html>"), "page does not start with a doctype"
    soup = BeautifulSoup(html, "html.parser")
    root = soup.find("html")
    assert isinstance(root, Tag)
    assert root.get("lang") in ("da", "en"), f"html lang is {root.get('lang')!r}"

    h1s = soup.find_all("h1")
    assert len(h1s) == 1, f"expected exactly one h1, found {len(h1s)}"
    title = text_of(soup.find("title"))
    og_type = soup.find("meta", attrs={"property": "og:type"})
    if isinstance(og_type, Tag) and og_type.get("content") == "article":
        og_title = soup.find("meta", attrs={"property": "og:title"})
        assert isinstance(og_title, Tag)
        assert title.startswith(str(og_title["content"])), f"article title {title!r} is not its metaTitle"
    else:
        heading = text_of(h1s[0])
        bare = title.removeprefix(_ERROR_PREFIXES[0]).removeprefix(_ERROR_PREFIXES[1])
        assert bare.startswith(heading), f"title {title!r} does not start with the h1 {heading!r}"
        has_summary = soup.select_one(".error-summary") is not None
        assert title.startswith(_ERROR_PREFIXES) == has_summary, "error title prefix and error summary differ"

    ids = [str(t["id"]) for t in soup.find_all(id=True)]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"

    for element in soup.find_all(["input", "select", "textarea"]):
        kind = element.get("type")
        if element.name == "input" and kind not in _LABELLED_TYPES:
            continue
        ident = element.get("id")
        assert ident, f"input without id: {element}"
        assert soup.find("label", attrs={"for": ident}) is not None, f"no <label> for #{ident}"

    for form in soup.find_all("form"):
        if str(form.get("method", "get")).lower() == "post":
            assert form.get("action"), f"POST form without action: {form.get('class')}"
            assert form.find("input", attrs={"name": "csrf_token"}) is not None, (
                "POST form without CSRF token"
            )

    for link in soup.select(".error-summary a"):
        target = str(link["href"]).removeprefix("#")
        assert soup.find(id=target) is not None, f"error summary link #{target} goes nowhere"

    assert not soup.find_all(style=True), "inline style attributes are blocked by the CSP"
    assert not soup.find_all("style"), "<style> elements are blocked by the CSP"
    for script in soup.find_all("script"):
        assert script.get("type") == "application/ld+json", "scripts are blocked by the CSP"
    for tag in soup.find_all(["img", "link", "script"], src=True):
        assert str(tag["src"]).startswith("/"), f"third-party resource {tag['src']}"
    for tag in soup.find_all("link", rel=re.compile("stylesheet|icon")):
        # A data: URI (the inline icon) is part of the page, not a request to anyone.
        assert str(tag["href"]).startswith(("/", "data:")), f"third-party resource {tag['href']}"
    return soup


@dataclass
class QuestionForm:
    """A question page's form: which question, how it is asked, and what can be posted."""

    question_id: str
    widget: str
    action: str
    csrf: str
    values: list[str] = field(default_factory=list)
    heading: str = ""
    #: The number comes with a unit to choose (days, weeks, months, years).
    has_unit: bool = False

    def data(self, *answers: str, action: str | None = None) -> dict[str, object]:
        """Form data posting ``answers`` (several for checkboxes); a duration is given in days."""
        out: dict[str, object] = {"csrf_token": self.csrf, "answer": list(answers)}
        if self.has_unit:
            out["unit"] = "days"
        if action:
            out["action"] = action
        return out


def question_form(soup: BeautifulSoup) -> QuestionForm | None:
    """The question form of a page, or ``None`` when the page has none."""
    form = soup.select_one("form[data-question-id]")
    if form is None:
        return None
    csrf = form.find("input", attrs={"name": "csrf_token"})
    assert isinstance(csrf, Tag)
    values = [str(i["value"]) for i in form.find_all("input", attrs={"name": "answer"}) if i.get("value")]
    return QuestionForm(
        question_id=str(form["data-question-id"]),
        widget=str(form["data-widget"]),
        action=str(form["action"]),
        csrf=str(csrf["value"]),
        values=values if form["data-widget"] != "number" else [],
        heading=text_of(soup.find("h1")),
        has_unit=form.select_one("select[name=unit]") is not None,
    )


def csrf_token(soup: BeautifulSoup) -> str:
    """The CSRF token of the first POST form on the page."""
    field_ = soup.find("input", attrs={"name": "csrf_token"})
    assert isinstance(field_, Tag)
    return str(field_["value"])

"""No template holds words a patient reads: every text node and every text attribute outside ``{{ }}``
comes from the catalogue (``_("key")``) or the view model. Only markup, punctuation and digits are left."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2 import Environment

from haelguiden.web.rendering import template_environment

TEMPLATES = Path(__file__).resolve().parents[2] / "src/haelguiden/web/templates"
#: Attributes whose value a person reads or hears (data-label is shown above a stacked table cell).
TEXT_ATTRIBUTES = frozenset(
    {"alt", "title", "aria-label", "placeholder", "data-label", "label", "value", "content"}
)
#: Literal values that no person reads: the settings of <meta name="viewport"> and <meta name="robots">.
ALLOWED = frozenset({"width=device-width, initial-scale=1", "noindex"})
#: What stands in for everything Jinja fills in.
HOLE = "\x00"
LETTER = re.compile(r"[^\W\d_]")


def literal_source(env: Environment, source: str) -> str:
    """The template with every Jinja tag, expression and ``{% trans %}`` block replaced by a hole.

    A hole between a tag's attributes (``<tr{% if x %} class="y"{% endif %}>``) becomes a space, so the
    markup still parses; a hole in text or in an attribute value splits it.
    """
    out: list[str] = []
    depth = 0  # inside {% trans %} ... {% endtrans %}
    state = "text"  # or "tag", or the quote of an attribute value
    tokens = [token for token in env.lex(source) if token[1] != "whitespace"]
    for i, (_line, kind, value) in enumerate(tokens):
        if kind == "name" and tokens[i - 1][1] == "block_begin":
            depth += value == "trans"
            depth -= value == "endtrans"
        if kind != "data" or depth:
            out.append(" " if state == "tag" else HOLE)
            continue
        out.append(value)
        for char in value:
            if state == "text" and char == "<":
                state = "tag"
            elif state == "tag" and char in "\"'":
                state = char
            elif state == "tag" and char == ">":
                state = "text"
            elif state in "\"'" and char == state:
                state = "tag"
    return "".join(out)


class _Texts(HTMLParser):
    """Collects text nodes and text attributes, each split at the holes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._skip = 0  # inside <script> or <style>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")
        self.found += [value for name, value in attrs if name in TEXT_ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.found.append(data)


def literal_words(path: Path) -> list[str]:
    env = template_environment("da")
    parser = _Texts()
    parser.feed(literal_source(env, path.read_text(encoding="utf-8")))
    pieces = (piece.strip() for text in parser.found for piece in text.split(HOLE))
    return [piece for piece in pieces if LETTER.search(piece) and piece not in ALLOWED]


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_a_template_holds_no_literal_words(path: Path) -> None:
    assert literal_words(path) == []


def test_the_check_finds_literal_words(tmp_path: Path) -> None:
    template = tmp_path / "t.html"
    template.write_text(
        '<p class="lead">Tjek dine svar {{ _("check_lead") }}</p><a aria-label="Luk" href="{{ x }}">→</a>'
        "<p>{% trans %}Oversat{% endtrans %} – 112</p>{# Kommentar #}<span>{{ page.text }}</span>"
    )
    assert literal_words(template) == ["Tjek dine svar", "Luk"]

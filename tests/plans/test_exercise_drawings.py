"""Every exercise drawing: a small, self-contained, accessible SVG line drawing with a Danish title."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from haelguiden.engine.plan import PlanLibrary
from haelguiden.knowledge.plans import default_directory

EXERCISES = default_directory() / "exercises"
SVG_NS = "{http://www.w3.org/2000/svg}"
DRAWINGS = sorted(EXERCISES.glob("*.svg"))
ALLOWED_TAGS = {"svg", "title", "desc", "rect", "g", "path", "circle", "text"}


def test_there_is_one_drawing_per_exercise_and_no_other() -> None:
    assert [d.stem for d in DRAWINGS] == sorted(p.stem for p in EXERCISES.glob("*.yaml"))


@pytest.mark.parametrize("drawing", DRAWINGS, ids=lambda p: p.stem)
def test_drawing_is_accessible_self_contained_and_small(drawing: object) -> None:
    path = EXERCISES / str(drawing)
    data = path.read_bytes()
    assert len(data) < 6 * 1024
    root = ET.fromstring(data)
    assert root.tag == f"{SVG_NS}svg"
    assert root.get("role") == "img"
    assert root.get("viewBox") == "0 0 240 200"
    assert root.get("width") is None
    assert root.get("height") is None  # scales with its container
    title = root.find(f"{SVG_NS}title")
    assert title is not None
    assert title.text
    assert root[0] is title  # the accessible name comes first
    assert set(title.get("id", "").split()) <= set(root.get("aria-labelledby", "").split())
    assert (
        any(ch in title.text for ch in "æøå") or " med " in title.text or title.text.split()[0][0].isupper()
    )
    tags = {el.tag.removeprefix(SVG_NS) for el in root.iter()}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    text = data.decode("utf-8")
    for forbidden in ("<script", "href", "url(", "@import", "on" + "load", "<image", "<foreignObject"):
        assert forbidden not in text
    assert text.count("http") == 1  # only the SVG namespace
    assert 'stroke="#111"' in text  # stroke-based, near-black on white


def test_titles_are_in_danish_and_name_the_exercise(library: PlanLibrary) -> None:
    for path in DRAWINGS:
        title = ET.parse(path).getroot().find(f"{SVG_NS}title")
        assert title is not None
        name = library.exercises[path.stem].name.da
        assert str(title.text).split()[:2] == name.split()[:2], path.stem
    title = ET.parse(EXERCISES / "plantar_fascia_stretch.svg").getroot().find(f"{SVG_NS}title")
    assert title is not None
    assert title.text == "Stræk af fodsålen: træk tæerne op mod skinnebenet"

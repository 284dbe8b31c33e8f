"""The pain chart: an accessible SVG (title, desc with the trend in words, axes, legend, two line styles)
and the same data as table rows."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from haelguiden.tracker.chart import ChartRow, pain_chart
from haelguiden.tracker.model import Entry

SVG = "{http://www.w3.org/2000/svg}"
START = dt.date(2026, 2, 2)


def day(n: int, worst: int, first_step: int | None = None) -> Entry:
    return Entry(
        id=f"e{n:03d}",
        diary_id="d",
        date=START + dt.timedelta(days=n),
        worst_pain=worst,
        first_step_pain=first_step,
    )


ENTRIES = [day(14, 5, 4), day(0, 7, 6), day(7, 6, None)]


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    return root


def by_class(root: ET.Element, tag: str, css: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}{tag}") if e.get("class") == css]


def test_the_svg_is_an_image_with_title_and_description() -> None:
    chart = pain_chart(ENTRIES, "da")
    root = parse(chart.svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "pain-chart-title pain-chart-desc"
    title, desc = list(root)[:2]
    assert (title.tag, title.get("id"), title.text) == (
        f"{SVG}title",
        "pain-chart-title",
        "Din smerte over tid (0 til 10)",
    )
    assert (desc.tag, desc.get("id")) == (f"{SVG}desc", "pain-chart-desc")
    assert (
        desc.text
        == chart.description
        == (
            "3 registreringer fra 2. februar 2026 til 16. februar 2026. "
            "Værste smerte faldt fra 7 til 5 (2 point lavere). "
            "Smerte ved første skridt faldt fra 6 til 4 (2 point lavere)."
        )
    )


def test_english_description_of_a_rising_trend() -> None:
    chart = pain_chart([day(0, 3, 2), day(7, 4, 2), day(9, 4, 3)], "en")
    assert chart.description == (
        "3 entries from 2 February 2026 to 11 February 2026. "
        "Worst pain went up from 3 to 4 (1 point higher). "
        "First-step pain went up from 2 to 3 (1 point higher)."
    )


def test_one_point_per_recorded_score() -> None:
    root = parse(pain_chart(ENTRIES, "da").svg)
    assert len(by_class(root, "circle", "point-worst")) == 3
    assert len(by_class(root, "rect", "point-first-step")) == 2


def test_points_sit_at_their_values_and_dates_in_order() -> None:
    root = parse(pain_chart(ENTRIES, "da").svg)
    worst = by_class(root, "circle", "point-worst")
    xs = [float(c.get("cx", "")) for c in worst]
    ys = [float(c.get("cy", "")) for c in worst]
    assert xs == sorted(xs)
    assert xs[1] - xs[0] == pytest.approx(xs[2] - xs[1])  # 7 days apart, twice
    assert ys[0] < ys[1] < ys[2]  # 7, 6, 5: higher pain is higher up


def test_the_lines_differ_by_more_than_colour() -> None:
    root = parse(pain_chart(ENTRIES, "da").svg)
    (worst,) = by_class(root, "path", "line-worst")
    (first_step,) = by_class(root, "path", "line-first-step")
    assert worst.get("stroke-dasharray") is None
    assert first_step.get("stroke-dasharray") == "6 4"
    assert worst.get("d", "").count("L") == 2
    assert first_step.get("d", "").count("L") == 1


def test_axis_labels_ticks_and_legend() -> None:
    root = parse(pain_chart(ENTRIES, "da").svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Smerte (0–10)" in texts
    assert "Dato" in texts
    assert "Værste smerte" in texts
    assert "Smerte ved første skridt" in texts
    assert [t for t in texts if t in {"0", "2", "4", "6", "8", "10"}] == ["0", "2", "4", "6", "8", "10"]
    assert [t.text for t in by_class(root, "text", "x-tick")] == ["2. feb.", "9. feb.", "16. feb."]


def test_many_dates_get_at_most_seven_tick_labels() -> None:
    chart = pain_chart([day(n, 5) for n in range(30)], "en")
    ticks = [t.text for t in by_class(parse(chart.svg), "text", "x-tick")]
    assert len(ticks) == 7
    assert (ticks[0], ticks[-1]) == ("2 Feb", "3 Mar")


def test_one_entry() -> None:
    chart = pain_chart([day(0, 5)], "en")
    root = parse(chart.svg)
    assert len(by_class(root, "circle", "point-worst")) == 1
    assert by_class(root, "rect", "point-first-step") == []
    assert list(root.iter(f"{SVG}path")) == []
    assert (
        chart.description
        == "One entry on 2 February 2026. Worst pain: 5. First-step pain has not been measured."
    )


def test_no_entries() -> None:
    chart = pain_chart([], "da")
    root = parse(chart.svg)
    assert by_class(root, "circle", "point-worst") == []
    assert chart.description == "Ingen registreringer endnu."
    assert "Ingen registreringer endnu." in [t.text for t in root.iter(f"{SVG}text")]
    assert chart.rows == ()


def test_table_rows_are_the_same_data() -> None:
    chart = pain_chart(ENTRIES, "da")
    assert chart.columns == ("Dato", "Værste smerte", "Smerte ved første skridt")
    assert chart.rows == (
        ChartRow(dt.date(2026, 2, 2), "2. februar 2026", "7", "6"),
        ChartRow(dt.date(2026, 2, 9), "9. februar 2026", "6", "ikke målt"),
        ChartRow(dt.date(2026, 2, 16), "16. februar 2026", "5", "4"),
    )


def test_no_javascript_and_no_external_references() -> None:
    svg = pain_chart(ENTRIES, "da").svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for needle in ("<script", "http", "href", "onload", "url("):
        assert needle not in svg


def test_element_ids_are_checked() -> None:
    with pytest.raises(ValueError, match="element_id"):
        pain_chart([], "da", element_id="1bad id")


def test_a_narrow_chart_for_phones_has_the_same_data_fewer_dates_and_its_own_ids() -> None:
    many = [day(n, 7 - n // 7, None) for n in range(0, 50, 7)]  # 8 entries over 7 weeks
    chart = pain_chart(many, "da")
    wide, narrow = parse(chart.svg), parse(chart.svg_narrow)
    assert (wide.get("viewBox"), narrow.get("viewBox")) == ("0 0 640 320", "0 0 320 320")
    assert (narrow.get("id"), narrow.get("aria-labelledby")) == (
        "pain-chart-narrow",
        "pain-chart-narrow-title pain-chart-narrow-desc",
    )
    assert narrow.findtext(f"{SVG}desc") == wide.findtext(f"{SVG}desc")
    assert len(by_class(narrow, "circle", "point-worst")) == len(by_class(wide, "circle", "point-worst")) == 8
    assert (len(by_class(wide, "text", "x-tick")), len(by_class(narrow, "text", "x-tick"))) == (7, 4)
    # Every point lies inside the narrow drawing.
    xs = [float(c.get("cx") or 0) for c in by_class(narrow, "circle", "point-worst")]
    assert min(xs) > 0
    assert max(xs) < 320

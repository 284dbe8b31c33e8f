"""The pain diary as a chart: a server-rendered, accessible SVG and the same data as table rows.

:func:`pain_chart` is pure: entries in, a :class:`PainChart` out. The SVG has ``role="img"``, a
``<title>`` and a ``<desc>`` that says the trend in words, axis labels and a legend. The two lines differ
by more than colour: worst pain is a solid line with filled circles, first-step pain a dashed line with
hollow squares. The page should also show ``rows`` as a table (the text alternative). No JavaScript.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from haelguiden.engine.model import Lang, Text
from haelguiden.i18n import N_plural, both, both_n, long_date, short_date, t
from haelguiden.tracker.model import PAIN_MAX, PAIN_MIN, Entry

WORST_COLOUR = "#0b3d91"
FIRST_STEP_COLOUR = "#8a4b00"
_PAD = 14  # keeps the first and last markers off the axes
_ELEMENT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class _Layout:
    """The chart's size, margins and how many dates fit under it."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    max_x_labels: int
    #: The legend's second item: on the same line (x offset from the left margin) or on a line below.
    legend_second_dx: int
    legend_second_dy: int
    #: Where the rotated "Smerte (0–10)" label sits.
    y_label_x: int

    @property
    def plot_w(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> int:
        return self.height - self.top - self.bottom


#: A wide screen: one long chart.
WIDE = _Layout(640, 320, 64, 36, 44, 60, 7, 200, 0, 16)
#: A phone: a chart that fits 320 px at a readable size, with the legend in two lines and fewer dates.
NARROW = _Layout(320, 320, 44, 14, 62, 56, 4, 0, 22, 12)
WIDTH, HEIGHT = WIDE.width, WIDE.height


@dataclass(frozen=True)
class ChartRow:
    """One row of the table alternative: the date and both pain scores as text."""

    date: dt.date
    date_label: str
    worst_pain: str
    first_step_pain: str


@dataclass(frozen=True)
class PainChart:
    """The chart and its text alternative, in one language.

    ``svg`` is drawn for a wide screen, ``svg_narrow`` for a phone (the page shows one of them); both have
    the same title, description and data.
    """

    svg: str
    svg_narrow: str
    title: str
    #: The trend in words (also the SVG's <desc>).
    description: str
    #: Table headings: date, worst pain, first-step pain.
    columns: tuple[str, str, str]
    #: One row per entry, oldest first.
    rows: tuple[ChartRow, ...]


def pain_chart(entries: Iterable[Entry], lang: Lang, *, element_id: str = "pain-chart") -> PainChart:
    """Chart worst pain and first-step pain (0–10) over the entries' dates.

    Works with any number of entries, including none (axes and a "no entries yet" note) and one.
    ``element_id`` must be unique on the page; the title and description ids derive from it (the narrow
    chart's ids add ``-narrow``).
    """
    if not _ELEMENT_ID.match(element_id):
        raise ValueError(
            "pain_chart: element_id must start with a letter and hold only letters, digits, _ and -"
        )
    ordered = sorted(entries, key=lambda e: (e.date, e.id))
    title = t(lang, "chart_title")
    description = describe_trend(ordered).get(lang)
    columns = (
        t(lang, "chart_date_column"),
        t(lang, "chart_worst"),
        t(lang, "chart_first_step"),
    )
    not_recorded = t(lang, "chart_not_recorded")
    rows = tuple(
        ChartRow(
            date=e.date,
            date_label=long_date(e.date, lang),
            worst_pain=str(e.worst_pain),
            first_step_pain=not_recorded if e.first_step_pain is None else str(e.first_step_pain),
        )
        for e in ordered
    )
    svg = _svg(ordered, lang, element_id, title, description, WIDE)
    narrow = _svg(ordered, lang, f"{element_id}-narrow", title, description, NARROW)
    return PainChart(
        svg=svg, svg_narrow=narrow, title=title, description=description, columns=columns, rows=rows
    )


def describe_trend(entries: Sequence[Entry]) -> Text:
    """The chart's content in words: how many entries over which days, and how each measure changed."""
    if not entries:
        return both("chart_empty")
    parts = [both_n("chart_count", len(entries), first=entries[0].date, last=entries[-1].date)]
    worst = [e.worst_pain for e in entries]
    first_step = [e.first_step_pain for e in entries if e.first_step_pain is not None]
    for name, values in ((both("chart_worst"), worst), (both("chart_first_step"), first_step)):
        if not values:
            parts.append(both("chart_measure_not_recorded", name=name))
        elif len(values) == 1:
            parts.append(both("chart_single_value", name=name, value=values[0]))
        else:
            parts.append(_trend(name, values[0], values[-1]))
    return Text(" ".join(p.da for p in parts), " ".join(p.en for p in parts))


def _trend(name: Text, first: int, last: int) -> Text:
    """How one measure changed from the first to the last entry, in words."""
    if last == first:
        return both("chart_unchanged", name=name, first=first)
    key = N_plural("chart_trend_down") if last < first else N_plural("chart_trend_up")
    return both_n(key, abs(last - first), name=name, first=first, last=last)


def _svg(
    entries: Sequence[Entry], lang: Lang, element_id: str, title: str, description: str, lay: _Layout
) -> str:
    title_id, desc_id = f"{element_id}-title", f"{element_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{element_id}" class="pain-chart" '
        f'viewBox="0 0 {lay.width} {lay.height}" width="{lay.width}" height="{lay.height}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="inherit" font-size="13">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        '<rect x="0" y="0" width="100%" height="100%" fill="#fff"/>',
    ]
    out += _y_axis(lang, lay)
    out += _legend(lang, lay)
    if not entries:
        out.append(
            f'<text x="{lay.left + lay.plot_w / 2:g}" y="{lay.top + lay.plot_h / 2:g}" text-anchor="middle" '
            f'fill="#333">{escape(t(lang, "chart_empty"))}</text>'
        )
        out.append(_x_label(lang, lay))
        out.append("</svg>")
        return "".join(out)
    x_of = _XScale(entries[0].date, (entries[-1].date - entries[0].date).days, lay)
    out += _x_axis(entries, lang, x_of, lay)
    worst = [(x_of(e.date), _y(e.worst_pain, lay)) for e in entries]
    out.append(_path(worst, WORST_COLOUR, dashed=False, css="line-worst"))
    out += [
        f'<circle class="point-worst" cx="{x:g}" cy="{y:g}" r="4.5" fill="{WORST_COLOUR}"/>' for x, y in worst
    ]
    first_step = [
        (x_of(e.date), _y(e.first_step_pain, lay)) for e in entries if e.first_step_pain is not None
    ]
    out.append(_path(first_step, FIRST_STEP_COLOUR, dashed=True, css="line-first-step"))
    out += [
        f'<rect class="point-first-step" x="{x - 4:g}" y="{y - 4:g}" width="8" height="8" fill="#fff" '
        f'stroke="{FIRST_STEP_COLOUR}" stroke-width="2"/>'
        for x, y in first_step
    ]
    out.append("</svg>")
    return "".join(out)


def _y(value: int, lay: _Layout) -> float:
    return lay.top + (PAIN_MAX - value) / (PAIN_MAX - PAIN_MIN) * lay.plot_h


@dataclass(frozen=True)
class _XScale:
    first: dt.date
    span_days: int
    lay: _Layout

    def __call__(self, day: dt.date) -> float:
        lay = self.lay
        if self.span_days == 0:
            return round(lay.left + lay.plot_w / 2, 1)
        share = (day - self.first).days / self.span_days
        return round(lay.left + _PAD + share * (lay.plot_w - 2 * _PAD), 1)


def _y_axis(lang: Lang, lay: _Layout) -> list[str]:
    left, top, bottom, right = lay.left, lay.top, lay.top + lay.plot_h, lay.left + lay.plot_w
    out = [
        f'<line class="axis" x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#333"/>',
        f'<line class="axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#333"/>',
    ]
    for value in range(PAIN_MIN, PAIN_MAX + 1, 2):
        y = _y(value, lay)
        if value != PAIN_MIN:
            out.append(f'<line class="grid" x1="{left}" y1="{y:g}" x2="{right}" y2="{y:g}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 8}" y="{y + 4:g}" text-anchor="end" fill="#333">{value}</text>')
    mid = top + lay.plot_h / 2
    label = escape(t(lang, "chart_y_label"))
    out.append(
        f'<text class="axis-label" x="{lay.y_label_x}" y="{mid:g}" text-anchor="middle" fill="#333" '
        f'transform="rotate(-90 {lay.y_label_x} {mid:g})">{label}</text>'
    )
    return out


def _x_axis(entries: Sequence[Entry], lang: Lang, x_of: _XScale, lay: _Layout) -> list[str]:
    dates = list(dict.fromkeys(e.date for e in entries))
    if len(dates) > lay.max_x_labels:
        step = (len(dates) - 1) / (lay.max_x_labels - 1)
        dates = [dates[round(i * step)] for i in range(lay.max_x_labels)]
    base = lay.top + lay.plot_h
    out = []
    for day in dates:
        x = x_of(day)
        out.append(f'<line x1="{x:g}" y1="{base}" x2="{x:g}" y2="{base + 5}" stroke="#333"/>')
        out.append(
            f'<text class="x-tick" x="{x:g}" y="{base + 20}" text-anchor="middle" fill="#333">'
            f"{escape(short_date(day, lang))}</text>"
        )
    out.append(_x_label(lang, lay))
    return out


def _x_label(lang: Lang, lay: _Layout) -> str:
    label = escape(t(lang, "chart_x_label"))
    return (
        f'<text class="axis-label" x="{lay.left + lay.plot_w / 2:g}" y="{lay.height - 12}" '
        f'text-anchor="middle" fill="#333">{label}</text>'
    )


def _legend(lang: Lang, lay: _Layout) -> list[str]:
    y = 18
    first_x, second_x, second_y = lay.left, lay.left + lay.legend_second_dx, y + lay.legend_second_dy
    worst, first_step = t(lang, "chart_worst"), t(lang, "chart_first_step")
    return [
        f'<line x1="{first_x}" y1="{y}" x2="{first_x + 32}" y2="{y}" stroke="{WORST_COLOUR}" '
        'stroke-width="2.5"/>',
        f'<circle cx="{first_x + 16}" cy="{y}" r="4.5" fill="{WORST_COLOUR}"/>',
        f'<text x="{first_x + 40}" y="{y + 4}" fill="#333">{escape(worst)}</text>',
        f'<line x1="{second_x}" y1="{second_y}" x2="{second_x + 32}" y2="{second_y}" '
        f'stroke="{FIRST_STEP_COLOUR}" stroke-width="2.5" stroke-dasharray="6 4"/>',
        f'<rect x="{second_x + 12}" y="{second_y - 4}" width="8" height="8" fill="#fff" '
        f'stroke="{FIRST_STEP_COLOUR}" stroke-width="2"/>',
        f'<text x="{second_x + 40}" y="{second_y + 4}" fill="#333">{escape(first_step)}</text>',
    ]


def _path(points: Sequence[tuple[float, float]], colour: str, *, dashed: bool, css: str) -> str:
    if len(points) < 2:
        return ""
    d = " ".join(f"{'M' if i == 0 else 'L'}{x:g} {y:g}" for i, (x, y) in enumerate(points))
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return f'<path class="{css}" d="{d}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>'


__all__ = [
    "FIRST_STEP_COLOUR",
    "HEIGHT",
    "WIDTH",
    "WORST_COLOUR",
    "ChartRow",
    "PainChart",
    "describe_trend",
    "pain_chart",
]

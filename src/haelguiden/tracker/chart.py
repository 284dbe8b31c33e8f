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
from haelguiden.tracker import messages
from haelguiden.tracker.model import PAIN_MAX, PAIN_MIN, Entry

WIDTH = 640
HEIGHT = 320
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 36, 44, 60
_PAD = 14  # keeps the first and last markers off the axes
_PLOT_W = WIDTH - _LEFT - _RIGHT
_PLOT_H = HEIGHT - _TOP - _BOTTOM
_MAX_X_LABELS = 7
WORST_COLOUR = "#0b3d91"
FIRST_STEP_COLOUR = "#8a4b00"
_ELEMENT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class ChartRow:
    """One row of the table alternative: the date and both pain scores as text."""

    date: dt.date
    date_label: str
    worst_pain: str
    first_step_pain: str


@dataclass(frozen=True)
class PainChart:
    """The chart and its text alternative, in one language."""

    svg: str
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
    ``element_id`` must be unique on the page; the title and description ids derive from it.
    """
    if not _ELEMENT_ID.match(element_id):
        raise ValueError(
            "pain_chart: element_id must start with a letter and hold only letters, digits, _ and -"
        )
    ordered = sorted(entries, key=lambda e: (e.date, e.id))
    title = messages.CHART_TITLE.get(lang)
    description = describe_trend(ordered).get(lang)
    columns = (
        messages.CHART_DATE_COLUMN.get(lang),
        messages.CHART_WORST.get(lang),
        messages.CHART_FIRST_STEP.get(lang),
    )
    not_recorded = messages.CHART_NOT_RECORDED.get(lang)
    rows = tuple(
        ChartRow(
            date=e.date,
            date_label=messages.long_date(e.date, lang),
            worst_pain=str(e.worst_pain),
            first_step_pain=not_recorded if e.first_step_pain is None else str(e.first_step_pain),
        )
        for e in ordered
    )
    svg = _svg(ordered, lang, element_id, title, description)
    return PainChart(svg=svg, title=title, description=description, columns=columns, rows=rows)


def describe_trend(entries: Sequence[Entry]) -> Text:
    """The chart's content in words: how many entries over which days, and how each measure changed."""
    if not entries:
        return messages.CHART_EMPTY
    parts = [messages.chart_count(len(entries), entries[0].date, entries[-1].date)]
    worst = [e.worst_pain for e in entries]
    first_step = [e.first_step_pain for e in entries if e.first_step_pain is not None]
    for name, values in ((messages.CHART_WORST, worst), (messages.CHART_FIRST_STEP, first_step)):
        if not values:
            parts.append(messages.chart_not_recorded(name))
        elif len(values) == 1:
            parts.append(messages.chart_single_value(name, values[0]))
        else:
            parts.append(messages.chart_trend(name, values[0], values[-1]))
    return Text(" ".join(p.da for p in parts), " ".join(p.en for p in parts))


def _svg(entries: Sequence[Entry], lang: Lang, element_id: str, title: str, description: str) -> str:
    title_id, desc_id = f"{element_id}-title", f"{element_id}-desc"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{element_id}" class="pain-chart" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="inherit" font-size="13">',
        f'<title id="{title_id}">{escape(title)}</title>',
        f'<desc id="{desc_id}">{escape(description)}</desc>',
        '<rect x="0" y="0" width="100%" height="100%" fill="#fff"/>',
    ]
    out += _y_axis(lang)
    out += _legend(lang)
    if not entries:
        out.append(
            f'<text x="{_LEFT + _PLOT_W / 2:g}" y="{_TOP + _PLOT_H / 2:g}" text-anchor="middle" '
            f'fill="#333">{escape(messages.CHART_EMPTY.get(lang))}</text>'
        )
        out.append(_x_label(lang))
        out.append("</svg>")
        return "".join(out)
    x_of = _x_scale([e.date for e in entries])
    out += _x_axis(entries, lang, x_of)
    worst = [(x_of(e.date), _y(e.worst_pain)) for e in entries]
    out.append(_path(worst, WORST_COLOUR, dashed=False, css="line-worst"))
    out += [
        f'<circle class="point-worst" cx="{x:g}" cy="{y:g}" r="4.5" fill="{WORST_COLOUR}"/>' for x, y in worst
    ]
    first_step = [(x_of(e.date), _y(e.first_step_pain)) for e in entries if e.first_step_pain is not None]
    out.append(_path(first_step, FIRST_STEP_COLOUR, dashed=True, css="line-first-step"))
    out += [
        f'<rect class="point-first-step" x="{x - 4:g}" y="{y - 4:g}" width="8" height="8" fill="#fff" '
        f'stroke="{FIRST_STEP_COLOUR}" stroke-width="2"/>'
        for x, y in first_step
    ]
    out.append("</svg>")
    return "".join(out)


def _y(value: int) -> float:
    return _TOP + (PAIN_MAX - value) / (PAIN_MAX - PAIN_MIN) * _PLOT_H


def _x_scale(dates: Sequence[dt.date]) -> _XScale:
    return _XScale(dates[0], (dates[-1] - dates[0]).days)


@dataclass(frozen=True)
class _XScale:
    first: dt.date
    span_days: int

    def __call__(self, day: dt.date) -> float:
        if self.span_days == 0:
            return round(_LEFT + _PLOT_W / 2, 1)
        share = (day - self.first).days / self.span_days
        return round(_LEFT + _PAD + share * (_PLOT_W - 2 * _PAD), 1)


def _y_axis(lang: Lang) -> list[str]:
    out = [
        f'<line class="axis" x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_TOP + _PLOT_H}" stroke="#333"/>',
        f'<line class="axis" x1="{_LEFT}" y1="{_TOP + _PLOT_H}" x2="{_LEFT + _PLOT_W}" y2="{_TOP + _PLOT_H}" '
        'stroke="#333"/>',
    ]
    for value in range(PAIN_MIN, PAIN_MAX + 1, 2):
        y = _y(value)
        if value != PAIN_MIN:
            out.append(
                f'<line class="grid" x1="{_LEFT}" y1="{y:g}" x2="{_LEFT + _PLOT_W}" y2="{y:g}" '
                'stroke="#ddd"/>'
            )
        out.append(f'<text x="{_LEFT - 8}" y="{y + 4:g}" text-anchor="end" fill="#333">{value}</text>')
    mid = _TOP + _PLOT_H / 2
    out.append(
        f'<text class="axis-label" x="16" y="{mid:g}" text-anchor="middle" fill="#333" '
        f'transform="rotate(-90 16 {mid:g})">{escape(messages.CHART_Y_LABEL.get(lang))}</text>'
    )
    return out


def _x_axis(entries: Sequence[Entry], lang: Lang, x_of: _XScale) -> list[str]:
    dates = list(dict.fromkeys(e.date for e in entries))
    if len(dates) > _MAX_X_LABELS:
        step = (len(dates) - 1) / (_MAX_X_LABELS - 1)
        dates = [dates[round(i * step)] for i in range(_MAX_X_LABELS)]
    base = _TOP + _PLOT_H
    out = []
    for day in dates:
        x = x_of(day)
        out.append(f'<line x1="{x:g}" y1="{base}" x2="{x:g}" y2="{base + 5}" stroke="#333"/>')
        out.append(
            f'<text class="x-tick" x="{x:g}" y="{base + 20}" text-anchor="middle" fill="#333">'
            f"{escape(messages.short_date(day, lang))}</text>"
        )
    out.append(_x_label(lang))
    return out


def _x_label(lang: Lang) -> str:
    return (
        f'<text class="axis-label" x="{_LEFT + _PLOT_W / 2:g}" y="{HEIGHT - 12}" text-anchor="middle" '
        f'fill="#333">{escape(messages.CHART_X_LABEL.get(lang))}</text>'
    )


def _legend(lang: Lang) -> list[str]:
    y = 18
    second = _LEFT + 200
    worst, first_step = messages.CHART_WORST.get(lang), messages.CHART_FIRST_STEP.get(lang)
    return [
        f'<line x1="{_LEFT}" y1="{y}" x2="{_LEFT + 32}" y2="{y}" stroke="{WORST_COLOUR}" '
        'stroke-width="2.5"/>',
        f'<circle cx="{_LEFT + 16}" cy="{y}" r="4.5" fill="{WORST_COLOUR}"/>',
        f'<text x="{_LEFT + 40}" y="{y + 4}" fill="#333">{escape(worst)}</text>',
        f'<line x1="{second}" y1="{y}" x2="{second + 32}" y2="{y}" stroke="{FIRST_STEP_COLOUR}" '
        'stroke-width="2.5" stroke-dasharray="6 4"/>',
        f'<rect x="{second + 12}" y="{y - 4}" width="8" height="8" fill="#fff" stroke="{FIRST_STEP_COLOUR}" '
        'stroke-width="2"/>',
        f'<text x="{second + 40}" y="{y + 4}" fill="#333">{escape(first_step)}</text>',
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

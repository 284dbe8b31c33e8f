"""The summary for a doctor or physiotherapist as a one-page A4 PDF (fpdf2, core Helvetica font).

Top to bottom: title and date; the urgency with its reasons (the first thing a clinician needs); the
red-flag questions and their answers; the possible causes with what speaks for and against; every other
answer ("ved ikke" kept visible); with a diary, the pain chart (drawn with lines, no image) and the last
entries. A typical self-check fits one page at the normal size; when a long one does not, the whole page is
set a little smaller, step by step, down to a floor below which text would be too small to read (then the
summary runs on to a second page rather than leaving anything out). Texts come from the document only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace
from fpdf.util import Padding

from haelguiden.rendering.plan_pdf import latin1
from haelguiden.rendering.summary import AnswerRow, CheckPart, DiaryPart, SummaryDocument

#: Font scales tried in turn until the summary fits one page (1.0 is 9-point body text).
SCALES = (1.0, 0.93, 0.86, 0.8, 0.74, 0.68)
_MARGIN = 12
_WIDTH = 210 - 2 * _MARGIN
_BODY = 9.0
_INK = (17, 17, 17)
_MUTED = (80, 80, 80)
_ACCENT = (0, 71, 179)
_FLAG = (179, 0, 27)
_LEVEL_FILL = {
    "emergency": (255, 224, 228),
    "urgent": (255, 231, 214),
    "gp": (255, 244, 204),
    "professional": (227, 238, 250),
    "self_care": (227, 242, 231),
}
_WORST = (11, 61, 145)
_FIRST_STEP = (138, 75, 0)


def summary_pdf(document: SummaryDocument, *, compress: bool = True) -> bytes:
    """Render ``document`` as an A4 PDF, on one page whenever the text fits at a readable size.

    Args:
        document: the summary, already in one language.
        compress: compress the page streams (turn off to read the text in tests).

    Returns:
        The PDF file as bytes (starts with ``%PDF``).
    """
    pdf = _render(document, SCALES[0], compress)
    for scale in SCALES[1:]:
        if pdf.pages_count == 1:
            break
        pdf = _render(document, scale, compress)
    return bytes(pdf.output())


def page_count(document: SummaryDocument) -> int:
    """How many pages :func:`summary_pdf` makes of ``document``."""
    pdf = _render(document, SCALES[0], True)
    for scale in SCALES[1:]:
        if pdf.pages_count == 1:
            break
        pdf = _render(document, scale, True)
    return pdf.pages_count


class _Writer:
    """Text at one scale of the body size."""

    def __init__(self, pdf: FPDF, scale: float) -> None:
        self.pdf = pdf
        self.scale = scale

    def size(self, points: float) -> float:
        return points * self.scale

    def text(
        self,
        text: str,
        *,
        size: float = _BODY,
        style: str = "",
        color: tuple[int, int, int] = _INK,
        indent: float = 0,
        gap: float = 0,
    ) -> None:
        pdf = self.pdf
        pdf.set_font("Helvetica", style, self.size(size))
        pdf.set_text_color(*color)
        pdf.set_x(_MARGIN + indent)
        pdf.multi_cell(
            _WIDTH - indent, self.size(size) * 0.45, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        if gap:
            pdf.ln(gap * self.scale)

    def heading(self, text: str) -> None:
        self.pdf.ln(1.6 * self.scale)
        self.text(text, size=10.5, style="B", color=_ACCENT, gap=0.6)


def _render(document: SummaryDocument, scale: float, compress: bool) -> FPDF:
    words = document.words
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_compression(compress)
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_MARGIN)
    pdf.set_title(latin1(words["summary_title"]))
    pdf.set_lang(document.lang)
    pdf.set_creator("Hælguiden")
    pdf.add_page()
    out = _Writer(pdf, scale)
    # title, with the date on the same line at the right
    pdf.set_font("Helvetica", "", out.size(_BODY))
    pdf.set_text_color(*_INK)
    date = latin1(f"{words['summary_date']}: {document.date}")
    pdf.cell(_WIDTH, out.size(15) * 0.45, date, align=Align.R)
    pdf.set_x(_MARGIN)
    out.text(words["summary_title"], size=15, style="B")
    out.text(words["summary_subtitle"], size=8.5, color=_MUTED)
    out.text(words["summary_not_diagnosis"], size=8.5, style="I", color=_MUTED, gap=1)
    if document.check is not None:
        _check(out, words, document.check)
    elif document.no_check:
        out.text(document.no_check, style="I", gap=1)
    if document.diary is not None:
        _diary(out, words, document.diary)
    pdf.ln(1.5 * scale)
    out.text(f"{words['summary_source']} · {document.date}", size=7.5, color=_MUTED)
    return pdf


def _check(out: _Writer, w: Mapping[str, str], check: CheckPart) -> None:
    pdf = out.pdf
    # the urgency box: level title and when, then each reason
    pdf.set_fill_color(*_LEVEL_FILL.get(check.level, (240, 240, 240)))
    pdf.set_draw_color(*_INK)
    pdf.set_font("Helvetica", "B", out.size(11))
    pdf.set_text_color(*_INK)
    title = f"{w['summary_triage']}: {check.level_title}"
    if check.when:
        title += f" ({check.when})"
    pdf.multi_cell(
        _WIDTH,
        out.size(11) * 0.5,
        latin1(title),
        border=1,
        fill=True,
        padding=Padding.new(1.5 * out.scale),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.set_fill_color(255, 255, 255)
    if check.reasons:
        out.text(w["summary_reasons"], style="B", gap=0.3)
        for reason in check.reasons:
            extra = "; ".join(x for x in (reason.kind, reason.level) if x)
            out.text(f"- {reason.text}" + (f" ({extra})" if extra else ""), indent=2)
    if check.red_flags:
        out.heading(w["summary_red_flags"])
        _answers(out, w, check.red_flags)
    if check.causes:
        out.heading(w["summary_causes"])
        for cause in check.causes:
            out.text(f"{cause.name} – {cause.likelihood}", style="B")
            if cause.for_:
                out.text(f"{w['summary_for']}: " + "; ".join(cause.for_), size=8.5, indent=3)
            if cause.against:
                out.text(f"{w['summary_against']}: " + "; ".join(cause.against), size=8.5, indent=3)
    if check.answers:
        out.heading(w["summary_answers"])
        _answers(out, w, check.answers)


def _answers(out: _Writer, w: Mapping[str, str], rows: Sequence[AnswerRow]) -> None:
    pdf = out.pdf
    pdf.set_font("Helvetica", "", out.size(8.5))
    pdf.set_text_color(*_INK)
    pdf.set_draw_color(190, 190, 190)
    flag = FontFace(emphasis="BOLD", color=_FLAG)
    unknown = FontFace(emphasis="ITALICS", color=_MUTED)
    with pdf.table(
        col_widths=(58, 42),
        width=_WIDTH,
        align=Align.L,
        text_align=Align.L,
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        line_height=out.size(8.5) * 0.44,
        padding=(0.5 * out.scale, 1, 0.5 * out.scale, 0),
        first_row_as_headings=True,
        headings_style=FontFace(emphasis="BOLD", color=_MUTED),
    ) as table:
        heading = table.row()
        heading.cell(latin1(w["summary_question"]))
        heading.cell(latin1(w["summary_answer"]))
        for item in rows:
            row = table.row()
            row.cell(latin1(item.label))
            value = item.value + (f" ({w['summary_flag']})" if item.flagged else "")
            row.cell(latin1(value), style=flag if item.flagged else unknown if item.unknown else None)
    pdf.set_draw_color(*_INK)


def _diary(out: _Writer, w: Mapping[str, str], diary: DiaryPart) -> None:
    pdf = out.pdf
    out.heading(w["summary_diary"])
    out.text(diary.started, gap=0.3)
    out.text(diary.trend, size=8.5, gap=1)
    if len(diary.points) > 1:
        _chart(out, w, diary)
    if diary.entries:
        out.text(w["summary_last_entries"], style="B", gap=0.3)
        pdf.set_font("Helvetica", "", out.size(8.5))
        pdf.set_draw_color(190, 190, 190)
        with pdf.table(
            col_widths=(22, 14, 14, 25, 25),
            width=_WIDTH,
            align=Align.L,
            text_align=Align.L,
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            line_height=out.size(8.5) * 0.44,
            padding=(0.4 * out.scale, 1, 0.4 * out.scale, 0),
            headings_style=FontFace(emphasis="BOLD", color=_MUTED),
        ) as table:
            heading = table.row()
            for key in (
                "summary_col_date",
                "summary_worst",
                "summary_first_step",
                "summary_col_exercises",
                "summary_col_note",
            ):
                heading.cell(latin1(w[key]))
            for entry in diary.entries:
                row = table.row()
                for value in (entry.date, entry.worst, entry.first_step, entry.exercises, entry.note):
                    row.cell(latin1(value))
        pdf.set_draw_color(*_INK)
        if diary.more:
            out.text(diary.more, size=8, color=_MUTED)


def _chart(out: _Writer, w: Mapping[str, str], diary: DiaryPart) -> None:
    """Pain 0–10 over the days of the diary: worst pain solid with dots, first steps dashed with squares."""
    pdf = out.pdf
    height = 38 * out.scale
    if pdf.will_page_break(height + 8):
        pdf.add_page()
    left, top = _MARGIN + 8, pdf.get_y() + 5
    width = _WIDTH - 10
    span = max(p.day for p in diary.points) or 1

    def x_of(day: int) -> float:
        return left + 2 + day / span * (width - 4)

    def y_of(value: int) -> float:
        return top + (10 - value) / 10 * height

    pdf.set_font("Helvetica", "", out.size(7))
    pdf.set_text_color(*_MUTED)
    pdf.set_line_width(0.1)
    pdf.set_draw_color(210, 210, 210)
    for value in range(0, 11, 2):
        y = y_of(value)
        pdf.line(left, y, left + width, y)
        pdf.text(left - 4, y + 1, str(value))
    pdf.set_draw_color(*_INK)
    pdf.line(left, top, left, top + height)
    # legend
    pdf.set_text_color(*_INK)
    pdf.set_draw_color(*_WORST)
    pdf.set_line_width(0.5)
    pdf.line(left, top - 3, left + 6, top - 3)
    pdf.text(left + 7, top - 2.2, latin1(w["summary_worst"]))
    pdf.set_draw_color(*_FIRST_STEP)
    pdf.set_dash_pattern(dash=1.2, gap=0.8)
    pdf.line(left + 45, top - 3, left + 51, top - 3)
    pdf.set_dash_pattern()
    pdf.text(left + 52, top - 2.2, latin1(w["summary_first_step"]))
    _series(pdf, [(x_of(p.day), y_of(p.worst)) for p in diary.points], _WORST, dashed=False)
    steps = [(x_of(p.day), y_of(p.first_step)) for p in diary.points if p.first_step is not None]
    _series(pdf, steps, _FIRST_STEP, dashed=True)
    # date labels under the axis: at most six, first and last always
    pdf.set_text_color(*_MUTED)
    labels = list(diary.points)
    if len(labels) > 6:
        step = (len(labels) - 1) / 5
        labels = [labels[round(i * step)] for i in range(6)]
    for point in labels:
        text = latin1(point.label)
        pdf.text(x_of(point.day) - pdf.get_string_width(text) / 2, top + height + 3.5, text)
    pdf.set_line_width(0.2)
    pdf.set_draw_color(*_INK)
    pdf.set_y(top + height + 5)


def _series(
    pdf: FPDF, points: Sequence[tuple[float, float]], colour: tuple[int, int, int], *, dashed: bool
) -> None:
    pdf.set_draw_color(*colour)
    pdf.set_fill_color(*colour)
    pdf.set_line_width(0.5)
    if dashed:
        pdf.set_dash_pattern(dash=1.2, gap=0.8)
    for (x1, y1), (x2, y2) in pairwise(points):
        pdf.line(x1, y1, x2, y2)
    pdf.set_dash_pattern()
    for x, y in points:
        if dashed:
            pdf.set_fill_color(255, 255, 255)
            pdf.rect(x - 0.8, y - 0.8, 1.6, 1.6, style="DF")
        else:
            pdf.circle(x, y, 0.9, style="F")


__all__ = ["SCALES", "page_count", "summary_pdf"]

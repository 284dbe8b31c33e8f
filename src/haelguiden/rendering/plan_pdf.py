"""A self-care plan as a printable A4 PDF (fpdf2, core Helvetica font).

The PDF shows what the plan's page shows, in the same order: title, the "not a diagnosis" line, when to stop
and get help, the exercises in one table with their weekly progression, how to do each exercise (with its
drawing when a drawings folder is given), advice, the pain-monitoring rules and the timeline. Every text
comes from the plan (and so from the knowledge base); this module only lays it out.

The core fonts only know latin-1, so dashes, curly quotes, bullets and the like are replaced with plain
equivalents; æ, ø and å are latin-1 and stay as they are.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from fpdf.fonts import FontFace
from fpdf.text_region import TextColumns

from haelguiden.engine.model import Lang
from haelguiden.engine.plan import LocalPlan, LocalProgramme, Plan, plan_for_lang

_REPLACE = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2022": "-",
    "\u2026": "...",
    "\u2264": "<=",
    "\u2265": ">=",
    "\u2192": "->",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
}

_MARGIN = 14
_WIDTH = 210 - 2 * _MARGIN  # A4 less the margins
_BODY = 8.5  # pt: small enough that a typical plan fits on two pages, as on the printed page
_SMALL = 7.5
_INK = (17, 17, 17)
_ACCENT = (0, 71, 179)


def latin1(text: str) -> str:
    """``text`` with every character the core PDF fonts cannot show replaced by a plain equivalent."""
    out = []
    for char in text:
        char = _REPLACE.get(char, char)
        if len(char) == 1 and ord(char) > 0xFF:
            # Accented letters outside latin-1 keep their base letter (ő -> o); anything else becomes "?".
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if ord(c) <= 0xFF)
            char = base or "?"
        out.append(char)
    return "".join(out)


class _PlanPDF(FPDF):
    footer_text = ""

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", "", 7)
        self.set_text_color(*_INK)
        self.cell(0, 5, f"{self.footer_text}   {self.page_no()}", align="R")


def plan_pdf(plan: Plan, lang: Lang, *, drawings: Path | None = None, compress: bool = True) -> bytes:
    """Render ``plan`` in ``lang`` ("da" or "en") as an A4 PDF, two pages for a typical plan.

    The order is the plan page's: when to stop and get help, the exercises in one table with their weekly
    progression, how to do them, advice, pain monitoring, what to expect. How-to and advice run in two
    columns to keep the plan short.

    Args:
        plan: a plan from ``build_plan``.
        lang: the language of every text in the PDF.
        drawings: the folder with the exercises' SVG drawings; without it (the default, and what the web
            page's download uses, so the plan stays on two pages) the drawings are left out.
        compress: compress the page streams (turn off to read the text in tests).

    Returns:
        The PDF file as bytes (starts with ``%PDF``).
    """
    local = plan_for_lang(plan, lang)
    pdf = _PlanPDF(format="A4", unit="mm")
    pdf.set_compression(compress)
    pdf.set_margins(_MARGIN, 12, _MARGIN)
    pdf.set_auto_page_break(True, margin=14)
    pdf.set_title(latin1(local.title))
    pdf.set_lang(lang)
    pdf.set_creator("Hælguiden")
    pdf.footer_text = latin1(local.title)
    pdf.add_page()
    _write(pdf, local.title, size=16, style="B", gap=1)
    _write(pdf, local.intro, gap=1)
    _write(pdf, local.not_a_diagnosis, style="I", size=_SMALL, gap=1)

    _heading(pdf, local.headings.seek_help)
    for group in local.seek_help_groups:
        _write(pdf, group.heading, style="B")
        for item in group.items:
            _bullet(pdf, item.text)

    if local.programme is not None:
        _heading(pdf, local.headings.exercises)
        _table(pdf, local, local.programme)
    if local.alternative_programmes:
        _heading(pdf, local.headings.alternatives)
        for programme in local.alternative_programmes:
            _write(pdf, programme.title or "", style="B")
            _write(pdf, programme.text or "", gap=0.5)
            _table(pdf, local, programme)

    if local.exercises:
        _heading(pdf, local.headings.how_to)
        with pdf.text_columns(ncols=2, gutter=6, balance=True, l_margin=_MARGIN, r_margin=_MARGIN) as cols:
            for exercise in local.exercises:
                _column(pdf, cols, exercise.name, style="B", size=_BODY + 0.5, gap=0.8)
                if exercise.equipment:
                    _column(pdf, cols, f"{local.headings.equipment}: {exercise.equipment}")
                steps = " ".join(f"{n}. {step}" for n, step in enumerate(exercise.steps, start=1))
                _column(pdf, cols, steps)
                _column(pdf, cols, f"{local.headings.feel}: {exercise.feel}")
                _column(pdf, cols, f"{local.headings.stop_if}: " + " ".join(exercise.stop_if))
                drawing = _drawing(drawings, exercise.drawing)
                if drawing is not None:
                    # fpdf2 reads an image from a file object too; its type hint only names str.
                    cols.image(drawing, width=40, height=33)  # type: ignore[arg-type]

    _heading(pdf, local.headings.advice)
    with pdf.text_columns(ncols=2, gutter=6, balance=True, l_margin=_MARGIN, r_margin=_MARGIN) as cols:
        for advice in local.advice:
            _column(pdf, cols, advice.title, style="B", gap=0.5)
            _column(pdf, cols, advice.text)

    if local.pain_monitoring is not None:
        pm = local.pain_monitoring
        _heading(pdf, pm.title)
        _write(pdf, "   ".join(f"{scale}: {meaning}" for scale, meaning in pm.zones), style="B")
        for rule in pm.rules:
            _bullet(pdf, rule)

    _heading(pdf, local.headings.timeline)
    for step in local.timeline:
        _bullet(pdf, f"{step.when}: {step.text}")
    return bytes(pdf.output())


def _drawing(folder: Path | None, name: str) -> io.BytesIO | None:
    """The drawing without <title> and <desc>, which fpdf2 cannot use (the PDF has the text anyway)."""
    path = folder / name if folder is not None else None
    if path is None or not path.is_file():
        return None
    svg = re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return io.BytesIO(svg.encode("utf-8"))


def _table(pdf: FPDF, local: LocalPlan, programme: LocalProgramme) -> None:
    """One row per exercise: its name (and weeks, when not the whole programme), then its dose."""
    pdf.set_font("Helvetica", "", _BODY)
    pdf.set_text_color(*_INK)
    headings = local.headings
    with pdf.table(
        col_widths=(35, 65),
        text_align="LEFT",
        line_height=_BODY * 0.45,
        padding=(0.8, 1.5, 0.8, 0),
        borders_layout="HORIZONTAL_LINES",
        first_row_as_headings=True,
        headings_style=FontFace(emphasis="BOLD"),
    ) as table:
        table.row((latin1(headings.exercise_column), latin1(headings.dose_column)))
        for row in programme.rows:
            name = row.name + (f" ({row.weeks})" if row.weeks else "")
            name += f" ({headings.optional})" if row.optional else ""
            dose = " ".join(_sentence(x) for x in (row.common if row.progresses else row.doses[0].lines))
            if row.progresses:
                dose += "".join(f"\n{d.weeks}: " + " ".join(_sentence(x) for x in d.lines) for d in row.doses)
            if row.note:
                dose += f"\n{row.note}"
            table.row((latin1(name), latin1(dose.strip())))
    pdf.ln(1)


def _sentence(line: str) -> str:
    return line if line.endswith((".", "!", "?")) else f"{line}."


def _column(
    pdf: FPDF, cols: TextColumns, text: str, *, style: str = "", size: float = 0, gap: float = 1.2
) -> None:
    pdf.set_font("Helvetica", style, size or _BODY)
    pdf.set_text_color(*_INK)
    with cols.paragraph(bottom_margin=gap, line_height=1.15) as par:
        par.write(latin1(text))


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.will_page_break(20):
        pdf.add_page()
    pdf.ln(1.5)
    _write(pdf, text, style="B", size=12, color=_ACCENT, gap=0.5)


def _write(
    pdf: FPDF,
    text: str,
    *,
    style: str = "",
    size: float = 0,
    gap: float = 0,
    color: tuple[int, int, int] = _INK,
) -> None:
    size = size or _BODY
    pdf.set_font("Helvetica", style, size)
    pdf.set_text_color(*color)
    pdf.multi_cell(_WIDTH, size * 0.45, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if gap:
        pdf.ln(gap)


def _bullet(pdf: FPDF, text: str, *, marker: str = "-", indent: float = 4, style: str = "") -> None:
    pdf.set_font("Helvetica", style, _BODY)
    pdf.set_text_color(*_INK)
    pdf.set_x(pdf.l_margin + indent - 4)
    pdf.cell(4, _BODY * 0.45, marker)
    pdf.multi_cell(_WIDTH - indent, _BODY * 0.45, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


__all__ = ["latin1", "plan_pdf"]

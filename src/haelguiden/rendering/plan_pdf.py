"""A self-care plan as a printable A4 PDF (fpdf2, core Helvetica font).

The PDF shows exactly what the plan's page shows: title, the "not a diagnosis" line, advice, the exercise
schedule with doses, how to do each exercise (with its drawing when a drawings folder is given), the
pain-monitoring rules, the timeline and when to stop and get help. Every text comes from the plan (and so
from the knowledge base); this module only lays it out.

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

from haelguiden.engine.model import Lang
from haelguiden.engine.plan import LocalPhase, LocalPlan, Plan, plan_for_lang

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

_WIDTH = 180  # A4 (210 mm) less 15 mm margins
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
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(*_INK)
        self.cell(0, 5, f"{self.footer_text}   {self.page_no()}", align="R")


def plan_pdf(plan: Plan, lang: Lang, *, drawings: Path | None = None, compress: bool = True) -> bytes:
    """Render ``plan`` in ``lang`` ("da" or "en") as an A4 PDF.

    Args:
        plan: a plan from ``build_plan``.
        lang: the language of every text in the PDF.
        drawings: the folder with the exercises' SVG drawings; without it the drawings are left out.
        compress: compress the page streams (turn off to read the text in tests).

    Returns:
        The PDF file as bytes (starts with ``%PDF``).
    """
    local = plan_for_lang(plan, lang)
    pdf = _PlanPDF(format="A4", unit="mm")
    pdf.set_compression(compress)
    pdf.set_margins(15, 15, 15)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_title(latin1(local.title))
    pdf.set_lang(lang)
    pdf.set_creator("Hælguiden")
    pdf.footer_text = latin1(local.title)
    pdf.add_page()
    _write(pdf, local.title, size=18, style="B", gap=2)
    _write(pdf, local.intro, gap=2)
    _write(pdf, local.not_a_diagnosis, style="I", size=9, gap=4)

    _heading(pdf, local.headings.advice)
    for advice in local.advice:
        _write(pdf, advice.title, style="B")
        _write(pdf, advice.text, gap=2)

    if local.phases:
        _heading(pdf, local.headings.exercises)
        _phases(pdf, local, local.phases)
    if local.alternatives:
        _heading(pdf, local.headings.alternatives)
        for alternative in local.alternatives:
            _write(pdf, alternative.title, style="B", size=12)
            _write(pdf, alternative.text, gap=1)
            _phases(pdf, local, alternative.phases)

    if local.pain_monitoring is not None:
        pm = local.pain_monitoring
        _heading(pdf, pm.title)
        for scale, meaning in pm.zones:
            _write(pdf, f"{scale}: {meaning}", style="B")
        for rule in pm.rules:
            _bullet(pdf, rule)

    if local.exercises:
        _heading(pdf, local.headings.how_to)
        for exercise in local.exercises:
            if pdf.will_page_break(60):
                pdf.add_page()
            _write(pdf, exercise.name, style="B", size=12)
            _write(pdf, exercise.summary, gap=1)
            drawing = _drawing(drawings, exercise.drawing)
            if drawing is not None:
                pdf.image(drawing, w=60, h=50)
            if exercise.equipment:
                _write(pdf, f"{local.headings.equipment}: {exercise.equipment}", gap=1)
            for number, step in enumerate(exercise.steps, start=1):
                _bullet(pdf, step, marker=f"{number}.")
            _write(pdf, local.headings.feel, style="B")
            _write(pdf, exercise.feel)
            _write(pdf, local.headings.stop_if, style="B")
            for line in exercise.stop_if:
                _bullet(pdf, line)
            pdf.ln(3)

    _heading(pdf, local.headings.timeline)
    for item in local.timeline:
        _write(pdf, item.when, style="B")
        _write(pdf, item.text, gap=1)

    _heading(pdf, local.headings.seek_help)
    for seek in local.seek_help:
        _bullet(pdf, seek.text)
    pdf.ln(4)
    _write(pdf, local.not_a_diagnosis, style="I", size=9)
    return bytes(pdf.output())


def _drawing(folder: Path | None, name: str) -> io.BytesIO | None:
    """The drawing without <title> and <desc>, which fpdf2 cannot use (the PDF has the text anyway)."""
    path = folder / name if folder is not None else None
    if path is None or not path.is_file():
        return None
    svg = re.sub(r"<(title|desc)\b[^>]*>.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    return io.BytesIO(svg.encode("utf-8"))


def _phases(pdf: FPDF, local: LocalPlan, phases: tuple[LocalPhase, ...]) -> None:
    for phase in phases:
        _write(pdf, f"{phase.weeks}: {phase.title}", style="B", size=12, color=_ACCENT)
        _write(pdf, phase.goal, gap=1)
        for block in phase.blocks:
            if len(phase.blocks) > 1:
                _write(pdf, block.weeks, style="B")
            for item in block.items:
                name = item.name + (f" ({local.headings.optional})" if item.optional else "")
                _bullet(pdf, name, style="B")
                for line in (*item.dose, *((item.note,) if item.note else ())):
                    _bullet(pdf, line, marker="", indent=10)
            pdf.ln(1)
        pdf.ln(2)


def _heading(pdf: FPDF, text: str) -> None:
    if pdf.will_page_break(25):
        pdf.add_page()
    pdf.ln(3)
    _write(pdf, text, style="B", size=14, color=_ACCENT, gap=1)


def _write(
    pdf: FPDF,
    text: str,
    *,
    style: str = "",
    size: float = 10.5,
    gap: float = 0,
    color: tuple[int, int, int] = _INK,
) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.set_text_color(*color)
    pdf.multi_cell(_WIDTH, size * 0.5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if gap:
        pdf.ln(gap)


def _bullet(pdf: FPDF, text: str, *, marker: str = "-", indent: float = 5, style: str = "") -> None:
    pdf.set_font("Helvetica", style, 10.5)
    pdf.set_text_color(*_INK)
    pdf.set_x(pdf.l_margin + indent - 5)
    pdf.cell(5, 5.25, marker)
    pdf.multi_cell(_WIDTH - indent, 5.25, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


__all__ = ["latin1", "plan_pdf"]

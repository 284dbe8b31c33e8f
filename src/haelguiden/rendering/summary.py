"""The summary for a doctor or physiotherapist as plain data, in one language, ready to lay out.

A :class:`SummaryDocument` holds every text already in words (the web layer builds it from the assessment,
the knowledge base and the UI words); the HTML print view, the PDF (:mod:`haelguiden.rendering.summary_pdf`)
and the FHIR export lay out the same document, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from haelguiden.engine.model import Lang, TriageLevel


@dataclass(frozen=True)
class AnswerRow:
    """One answer as the patient gave it: the question (or checklist line) and the answer in words."""

    label: str
    value: str
    #: The patient answered "ved ikke" (don't know).
    unknown: bool = False
    #: The answer is a red flag.
    flagged: bool = False


@dataclass(frozen=True)
class ReasonRow:
    """One reason for the triage level: its text, the level it calls for, and what kind of reason it is."""

    text: str
    level: str
    kind: str


@dataclass(frozen=True)
class CauseRow:
    """A possible cause (not a diagnosis) with its likelihood in words and the answers for and against."""

    name: str
    likelihood: str
    for_: tuple[str, ...]
    against: tuple[str, ...]


@dataclass(frozen=True)
class CheckPart:
    """What the self-check found: triage, reasons, red-flag questions, every other answer, possible causes."""

    level: TriageLevel
    level_title: str
    when: str | None
    reasons: tuple[ReasonRow, ...]
    red_flags: tuple[AnswerRow, ...]
    answers: tuple[AnswerRow, ...]
    causes: tuple[CauseRow, ...]


@dataclass(frozen=True)
class ChartPoint:
    """One diary entry on the pain chart: days since the first entry, and the two scores (0–10)."""

    day: int
    label: str
    worst: int
    first_step: int | None


@dataclass(frozen=True)
class EntryRow:
    """One diary entry in words."""

    date: str
    worst: str
    first_step: str
    exercises: str
    note: str


@dataclass(frozen=True)
class DiaryPart:
    """The diary: when it started, the pain trend (chart and words) and the last entries, newest first."""

    started: str
    chart_svg: str
    trend: str
    points: tuple[ChartPoint, ...]
    entries: tuple[EntryRow, ...]
    #: "+ 4 earlier entries", when there are more than the summary shows.
    more: str | None
    #: The chart drawn for a phone's width (the HTML view shows it below 40rem; the PDF uses ``points``).
    chart_svg_narrow: str = ""


@dataclass(frozen=True)
class SummaryDocument:
    """The whole summary in ``lang``; ``words`` holds its fixed headings and labels (see ``summary_*``)."""

    lang: Lang
    words: Mapping[str, str]
    date: str
    check: CheckPart | None
    diary: DiaryPart | None
    #: Why the self-check part is missing, when it is.
    no_check: str | None = None


__all__ = [
    "AnswerRow",
    "CauseRow",
    "ChartPoint",
    "CheckPart",
    "DiaryPart",
    "EntryRow",
    "ReasonRow",
    "SummaryDocument",
]

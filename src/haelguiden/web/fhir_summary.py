"""The summary for a clinician as FHIR R4: a document ``Bundle`` whose first entry is a ``Composition``.

The Bundle (``type`` "document", with ``identifier`` and ``timestamp``) holds, in order:

1. the ``Composition`` (LOINC 51855-5 "Patient Note", status final, authored by the Hælguiden
   ``Device``): one section per part of the summary (urgency and reasons, red-flag questions, possible
   causes, other answers, diary), each with a generated XHTML narrative in the summary's language; the
   answers section refers to the QuestionnaireResponse;
2. the ``QuestionnaireResponse`` of the self-check (:func:`haelguiden.web.fhir.questionnaire_response`:
   every answer with its contained ``Questionnaire``, and the read-only result group), when the summary
   has a self-check;
3. the ``Device``: Hælguiden and its version.

There is no Patient resource: Hælguiden knows nothing about who the person is. The structure is the same in
R4 (4.0.1) and R4B; tests validate it with ``fhir.resources`` (R4B models).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from html import escape
from typing import Any

from haelguiden import __version__
from haelguiden.engine.assess import Assessment
from haelguiden.engine.model import KnowledgeBase
from haelguiden.rendering.summary import AnswerRow, SummaryDocument
from haelguiden.web.fhir import questionnaire_response

LOINC = "http://loinc.org"
#: LOINC 51855-5 "Patient Note": a note written by (here: answered by) the patient.
DOCUMENT_TYPE = {"system": LOINC, "code": "51855-5", "display": "Patient Note"}
_XHTML = "http://www.w3.org/1999/xhtml"


def summary_bundle(
    kb: KnowledgeBase, assessment: Assessment | None, document: SummaryDocument, now: dt.datetime
) -> dict[str, Any]:
    """The FHIR document Bundle of ``document`` (and of ``assessment``'s answers, when it has a check).

    ``now`` (timezone-aware) is the Bundle's timestamp and the Composition's date.
    """
    stamp = now.isoformat(timespec="seconds")
    ids = {name: f"urn:uuid:{uuid.uuid4()}" for name in ("bundle", "composition", "response", "device")}
    words = document.words
    device = {
        "resourceType": "Device",
        "deviceName": [{"name": "Hælguiden", "type": "user-friendly-name"}],
        "version": [{"value": __version__}],
    }
    response: dict[str, Any] | None = None
    if assessment is not None and document.check is not None:
        response = questionnaire_response(kb, assessment, document.lang)
        response["status"] = "completed" if assessment.done else "stopped"
        response["authored"] = stamp
    composition = {
        "resourceType": "Composition",
        "language": document.lang,
        "text": _narrative(f"<p><b>{escape(words['summary_title'])}</b> – {escape(document.date)}</p>"),
        "status": "final",
        "type": {"coding": [DOCUMENT_TYPE], "text": words["summary_title"]},
        "date": stamp,
        "author": [{"reference": ids["device"], "display": "Hælguiden"}],
        "title": words["summary_title"],
        "section": _sections(document, ids["response"] if response is not None else None),
    }
    entries = [{"fullUrl": ids["composition"], "resource": composition}]
    if response is not None:
        entries.append({"fullUrl": ids["response"], "resource": response})
    entries.append({"fullUrl": ids["device"], "resource": device})
    return {
        "resourceType": "Bundle",
        "language": document.lang,
        "identifier": {"system": "urn:ietf:rfc:3986", "value": ids["bundle"]},
        "type": "document",
        "timestamp": stamp,
        "entry": entries,
    }


def _narrative(inner: str) -> dict[str, str]:
    return {"status": "generated", "div": f'<div xmlns="{_XHTML}">{inner}</div>'}


def _section(title: str, inner: str, entry: str | None = None) -> dict[str, Any]:
    section: dict[str, Any] = {"title": title, "text": _narrative(inner)}
    if entry is not None:
        section["entry"] = [{"reference": entry}]
    return section


def _list(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _table(rows: Iterable[AnswerRow], question: str, answer: str, flag: str) -> str:
    body = "".join(
        f"<tr><td>{escape(r.label)}</td><td>{escape(r.value)}"
        + (f" <b>({escape(flag)})</b>" if r.flagged else "")
        + "</td></tr>"
        for r in rows
    )
    head = f"<thead><tr><th>{escape(question)}</th><th>{escape(answer)}</th></tr></thead>"
    return f"<table>{head}<tbody>{body}</tbody></table>"


def _sections(document: SummaryDocument, response_ref: str | None) -> list[dict[str, Any]]:
    words = document.words
    note = f"<p><i>{escape(words['summary_not_diagnosis'])}</i></p>"
    check = document.check
    sections: list[dict[str, Any]] = []
    if check is None:
        sections.append(_section(words["summary_triage"], note + f"<p>{escape(document.no_check or '')}</p>"))
    else:
        when = f" ({check.when})" if check.when else ""
        reasons = [
            r.text + (f" ({'; '.join(x for x in (r.kind, r.level) if x)})" if (r.kind or r.level) else "")
            for r in check.reasons
        ]
        sections.append(
            _section(
                words["summary_triage"],
                note
                + f"<p><b>{escape(check.level_title + when)}</b></p>"
                + (_list(reasons) if reasons else ""),
            )
        )
        q, a, flag = words["summary_question"], words["summary_answer"], words["summary_flag"]
        if check.red_flags:
            sections.append(_section(words["summary_red_flags"], _table(check.red_flags, q, a, flag)))
        if check.causes:
            causes = [
                f"{c.name} – {c.likelihood}"
                + (f". {words['summary_for']}: {'; '.join(c.for_)}" if c.for_ else "")
                + (f". {words['summary_against']}: {'; '.join(c.against)}" if c.against else "")
                for c in check.causes
            ]
            sections.append(_section(words["summary_causes"], _list(causes)))
        sections.append(_section(words["summary_answers"], _table(check.answers, q, a, flag), response_ref))
    diary = document.diary
    if diary is not None:
        columns = (
            "summary_col_date",
            "summary_worst",
            "summary_first_step",
            "summary_col_exercises",
            "summary_col_note",
        )
        head = "".join(f"<th>{escape(words[c])}</th>" for c in columns)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{escape(v)}</td>" for v in (e.date, e.worst, e.first_step, e.exercises, e.note))
            + "</tr>"
            for e in diary.entries
        )
        inner = f"<p>{escape(diary.started)}</p><p>{escape(diary.trend)}</p>"
        if diary.entries:
            inner += f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        if diary.more:
            inner += f"<p>{escape(diary.more)}</p>"
        sections.append(_section(words["summary_diary"], inner))
    return sections


__all__ = ["DOCUMENT_TYPE", "summary_bundle"]

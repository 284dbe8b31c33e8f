"""The self-check as FHIR SDC ``$next-question`` (R4B): QuestionnaireResponse in, QuestionnaireResponse out.

Pure conversion, no I/O: a QuestionnaireResponse (already decoded from JSON) becomes engine
:class:`~haelguiden.engine.state.Answers`, and an :class:`~haelguiden.engine.assess.Assessment` becomes the
QuestionnaireResponse to send back. SDC's adaptive forms are followed (one question at a time):

* The client sends a QuestionnaireResponse (``status`` "in-progress"; no items to start), bare or as the
  ``questionnaire-response`` parameter of a ``Parameters`` resource. ``language`` picks the texts: "da"
  (default) or "en". Only ``language`` and ``item`` are read; everything else, including a contained
  Questionnaire, is ignored, because the server rebuilds the questionnaire from the answers each time.
* The response is a new QuestionnaireResponse with ``questionnaire: "#questions"`` and a contained
  Questionnaire holding every question asked so far plus the next one (the last item, the only one without
  an answer). ``status`` is "in-progress" while there is a next question. When there is nothing more to ask,
  ``status`` is "completed" and the response ends with a read-only ``result`` group: triage level and action,
  the reasons, then each possible cause (not a diagnosis) with its likelihood in words.
* The client answers the next question by adding an item to the response's ``item`` list and sends the
  whole response back unchanged otherwise.

Answers (``linkId`` = question id; option codes are the option values of ``questions.yaml``):

=========== =================================== ===========================================================
question    Questionnaire item                  answer in the QuestionnaireResponse
=========== =================================== ===========================================================
single      ``choice``                          one ``valueCoding`` (system :func:`option_system`, optional)
multi       ``choice``, ``repeats``             one ``valueCoding`` per choice; ``none`` (special) for none
number      ``integer`` with min/max and unit   one ``valueInteger``
checklist   ``group`` of ``boolean`` items      a sub-item ``<question id>.<line id>`` per line with
            (linkIds ``<question id>.<line>``)  ``valueBoolean``; a line left out or without answer is unknown
=========== =================================== ===========================================================

"Ved ikke" (don't know) is the ``ved-ikke`` code of :data:`SPECIAL_SYSTEM`, offered as the last answer option
of every choice item; for any question an item without an answer means the same (that is how integer
items and checklists say it, as they cannot carry answer options). Every question is optional.

Problems are collected as :class:`Issue` (an OperationOutcome issue with a FHIRPath ``expression``) and
raised together as :class:`FhirInputError` with the HTTP status: 400 when the body is not a valid FHIR
QuestionnaireResponse (checked with ``fhir.resources``), 422 when it is, but an answer does not fit its
question.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from haelguiden.engine.assess import Assessment
from haelguiden.engine.errors import AnswerError
from haelguiden.engine.model import KnowledgeBase, Lang, Option, Question
from haelguiden.engine.state import Answers, AnswerValue
from haelguiden.engine.suggest import did_you_mean
from haelguiden.i18n import N_, t
from haelguiden.presenters import assessment_dict

FHIR_BASE = "https://haelguiden.dk/fhir"
#: Codes that are not options of one question: ``ved-ikke`` (don't know) and ``none`` (none of the choices).
SPECIAL_SYSTEM = f"{FHIR_BASE}/CodeSystem/special-answer"
DONT_KNOW = "ved-ikke"
NONE = "none"
TRIAGE_SYSTEM = f"{FHIR_BASE}/CodeSystem/triage-level"
CONDITION_SYSTEM = f"{FHIR_BASE}/CodeSystem/condition"
#: Likelihood in words (most_likely, possible, less_likely): the model's probabilities are not calibrated.
LIKELIHOOD_SYSTEM = f"{FHIR_BASE}/CodeSystem/likelihood"
QUESTIONNAIRE_ID = "questions"
#: The linkId of the result group; it is output only, so it is skipped when a response is sent back.
RESULT = "result"
#: An interview has far fewer questions; more items than this is not an interview.
MAX_ITEMS = 100

_ADAPTIVE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-questionnaireAdaptive"
_ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
_ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
_OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
_MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
_MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
_UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
_UCUM = "http://unitsofmeasure.org"
#: Units of the knowledge base's number facts that have a UCUM code; others are given as text only.
_UCUM_CODES = {"years": "a", "weeks": "wk", "days": "d", "minutes": "min", "metres": "m"}
_STATUSES = ("in-progress", "completed", "amended", "entered-in-error", "stopped")
_VALUE_KEYS = (
    "valueBoolean",
    "valueDecimal",
    "valueInteger",
    "valueDate",
    "valueDateTime",
    "valueTime",
    "valueString",
    "valueUri",
    "valueAttachment",
    "valueCoding",
    "valueQuantity",
    "valueReference",
)
#: The labels of the FHIR items (name -> message id).
_LABELS = {
    "title": N_("fhir_title"),
    "dont_know": N_("dont_know"),
    "none": N_("none_of_these"),
    "result": N_("fhir_result"),
    "triage": N_("fhir_triage"),
    "action": N_("fhir_action"),
    "reason": N_("fhir_reason"),
    "cause": N_("fhir_cause"),
    "condition": N_("fhir_condition"),
    "likelihood": N_("fhir_likelihood"),
    "description": N_("fhir_description"),
    "disclaimer": N_("fhir_disclaimer"),
}


def _labels(lang: Lang) -> dict[str, str]:
    """The FHIR items' labels in ``lang``."""
    return {name: t(lang, key) for name, key in _LABELS.items()}


@dataclass(frozen=True)
class Issue:
    """One problem with a request: an OperationOutcome issue type, where (FHIRPath) and what to do."""

    code: str
    expression: str
    diagnostics: str


class FhirInputError(Exception):
    """The request cannot be answered; ``issues`` say why, ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, issues: Sequence[Issue]) -> None:
        super().__init__("; ".join(f"{i.expression}: {i.diagnostics}" for i in issues))
        self.status = status
        self.issues = tuple(issues)


class _ItemError(Exception):
    """An answer item does not fit its question (becomes one :class:`Issue`)."""

    def __init__(self, code: str, expression: str, diagnostics: str) -> None:
        super().__init__(diagnostics)
        self.issue = Issue(code, expression, diagnostics)


def option_system(question_id: str) -> str:
    """The code system of a question's answer options (option values are unique only within a question)."""
    return f"{FHIR_BASE}/CodeSystem/{question_id}"


def operation_outcome(issues: Sequence[Issue]) -> dict[str, Any]:
    """An OperationOutcome resource with one error issue per problem."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [
            {"severity": "error", "code": i.code, "diagnostics": i.diagnostics, "expression": [i.expression]}
            for i in issues
        ],
    }


# --- reading ---------------------------------------------------------------------------------------------


def unwrap(data: object) -> tuple[Mapping[str, Any], str]:
    """The QuestionnaireResponse in a request body, and its FHIRPath (bare, or inside ``Parameters``).

    Raises :class:`FhirInputError` (400) when the body is not a valid FHIR R4B QuestionnaireResponse.
    """
    if not isinstance(data, dict):
        raise _bad_request(
            "QuestionnaireResponse", "The body must be a JSON object: a FHIR QuestionnaireResponse"
        )
    kind = data.get("resourceType")
    root = "QuestionnaireResponse"
    if kind == "Parameters":
        data, root = _from_parameters(data)
        kind = data.get("resourceType")
    if kind != "QuestionnaireResponse":
        got = f"'{kind}'" if isinstance(kind, str) else "missing"
        raise _bad_request(
            f"{root}.resourceType",
            f"resourceType is {got}; send a QuestionnaireResponse (or a Parameters resource with the "
            "parameter 'questionnaire-response')",
        )
    _validate(data, root)
    return data, root


def _from_parameters(data: Mapping[str, Any]) -> tuple[dict[str, Any], str]:
    parameters = data.get("parameter")
    if isinstance(parameters, list):
        for index, parameter in enumerate(parameters):
            if isinstance(parameter, dict) and parameter.get("name") == "questionnaire-response":
                resource = parameter.get("resource")
                path = f"Parameters.parameter[{index}].resource"
                if not isinstance(resource, dict):
                    raise _bad_request(path, f"{path} must be a QuestionnaireResponse resource")
                return resource, path
    raise _bad_request(
        "Parameters.parameter",
        "Parameters has no parameter named 'questionnaire-response'; put the QuestionnaireResponse in "
        "its 'resource'",
    )


def _validate(data: Mapping[str, Any], root: str) -> None:
    """Check the resource against the FHIR R4B model; every problem becomes an issue with its path."""
    try:
        QuestionnaireResponse.model_validate(data)
    except ValidationError as exc:
        issues = [_model_issue(root, error) for error in exc.errors()]
        raise FhirInputError(400, _unique(issues)) from None
    except Exception:  # a third-party validator on untrusted input must never cause a 500
        raise _bad_request(root, f"{root} is not a valid FHIR R4B QuestionnaireResponse") from None
    status = data.get("status")
    if status not in _STATUSES:
        message = f"{root}.status must be one of {list(_STATUSES)}; start with 'in-progress'"
        raise _bad_request(f"{root}.status", message)


def _model_issue(root: str, error: Mapping[str, Any]) -> Issue:
    path = _fhir_path(root, error.get("loc", ()))
    kind = str(error.get("type", ""))
    if kind.endswith("missing"):
        return Issue("required", path, f"{path} is required")
    if kind == "extra_forbidden":
        return Issue("structure", path, f"{path} is not an element of a QuestionnaireResponse; remove it")
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    return Issue("value", path, f"{path}: {message.splitlines()[0]}")


def _fhir_path(root: str, loc: Sequence[int | str]) -> str:
    out = root
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _unique(issues: Sequence[Issue]) -> list[Issue]:
    seen: dict[str, Issue] = {}
    for issue in issues:
        seen.setdefault(issue.expression, issue)
    return list(seen.values())


def _bad_request(expression: str, diagnostics: str) -> FhirInputError:
    return FhirInputError(400, [Issue("structure", expression, diagnostics)])


def read_language(qr: Mapping[str, Any], root: str) -> Lang:
    """The language of the texts to send back: ``da`` (default) or ``en`` (also "da-DK", "en-GB")."""
    language = qr.get("language")
    if language is None:
        return "da"
    primary = str(language).split("-")[0].lower()
    if primary == "da":
        return "da"
    if primary == "en":
        return "en"
    raise FhirInputError(
        422,
        [
            Issue(
                "not-supported",
                f"{root}.language",
                "language must be 'da' (Danish, the default) or 'en' (English)",
            )
        ],
    )


def read_answers(kb: KnowledgeBase, qr: Mapping[str, Any], root: str = "QuestionnaireResponse") -> Answers:
    """The answers in a (validated) QuestionnaireResponse, in the order of its items.

    Raises :class:`FhirInputError` (422) with every item that does not fit its question.
    """
    items = qr.get("item") or []
    if len(items) > MAX_ITEMS:
        issue = Issue(
            "too-long",
            f"{root}.item",
            f"{root}.item has {len(items)} items; an interview has at most {MAX_ITEMS}",
        )
        raise FhirInputError(422, [issue])
    state = Answers()
    issues: list[Issue] = []
    for index, item in enumerate(items):
        path = f"{root}.item[{index}]"
        link_id = item["linkId"]
        if link_id == RESULT:
            continue
        if link_id not in kb.question_ids:
            hint = did_you_mean(link_id, sorted(kb.question_ids))
            message = f"'{link_id}' is not a question.{hint} Use a linkId of the contained Questionnaire"
            issues.append(Issue("value", f"{path}.linkId", message))
            continue
        if link_id in state.asked:
            message = f"'{link_id}' is answered twice; give it once"
            issues.append(Issue("duplicate", f"{path}.linkId", message))
            continue
        try:
            state = state.answer(kb, link_id, _item_value(kb.question(link_id), item, path))
        except _ItemError as exc:
            issues.append(exc.issue)
        except AnswerError as exc:
            issues.append(Issue("value", f"{path}.answer", str(exc)))
    if issues:
        raise FhirInputError(422, issues)
    return state


def _item_value(question: Question, item: Mapping[str, Any], path: str) -> object:
    """The engine's form of one answered item (checked further by ``Answers.answer``)."""
    answers: list[Mapping[str, Any]] = item.get("answer") or []
    for index, answer in enumerate(answers):
        if answer.get("item"):
            where = f"{path}.answer[{index}].item"
            raise _ItemError("structure", where, f"{where} is not used here; remove it")
    if question.kind == "checklist":
        return _checklist_value(question, item, answers, path)
    if item.get("item"):
        raise _ItemError(
            "structure", f"{path}.item", f"'{question.id}' is not a group; put its answer in answer[] instead"
        )
    system = option_system(question.id)
    values = [_value(answer, f"{path}.answer[{index}]", system) for index, answer in enumerate(answers)]
    special = [(i, code) for i, (key, code) in enumerate(values) if key == "special"]
    if special:
        index, code = special[0]
        if len(values) > 1:
            raise _ItemError(
                "value", f"{path}.answer", f"'{code}' must be the only answer; remove the others"
            )
        if code == NONE and question.kind != "multi":
            raise _ItemError(
                "code-invalid",
                f"{path}.answer[{index}]",
                f"'{NONE}' is only for questions with several choices; use '{DONT_KNOW}' for don't know",
            )
        return () if code == NONE else None
    if not values:
        return None
    if question.kind in ("single", "number") and len(values) > 1:
        raise _ItemError("value", f"{path}.answer", f"'{question.id}' takes one answer; it has {len(values)}")
    if question.kind == "number":
        key, number = values[0]
        if key != "valueInteger" or not isinstance(number, int) or isinstance(number, bool):
            raise _ItemError(
                "value",
                f"{path}.answer[0]",
                f"'{question.id}' asks for a number: answer with valueInteger (a whole number), "
                "or leave out the answer for don't know",
            )
        return number
    codes: list[str] = []
    allowed = [o.value for o in question.options]
    for index, (key, code) in enumerate(values):
        if key != "valueCoding":
            raise _ItemError(
                "value",
                f"{path}.answer[{index}]",
                f"'{question.id}' is a choice: answer with valueCoding, code one of {allowed}",
            )
        assert isinstance(code, str)
        codes.append(code)
    return codes[0] if question.kind == "single" else codes


def _value(answer: Mapping[str, Any], path: str, system: str | None = None) -> tuple[str, object]:
    """``(value[x] key, value)``; a Coding gives its code (``("special", code)`` for ved-ikke and none).

    A Coding's system may be left out; given, it must be ``system`` or :data:`SPECIAL_SYSTEM`.
    """
    key = next((k for k in _VALUE_KEYS if k in answer), None)
    if key is None:
        raise _ItemError(
            "required", path, f"{path} has no value; give one, or leave out the answer for don't know"
        )
    value = answer[key]
    if key != "valueCoding":
        return key, value
    given, code = value.get("system"), value.get("code")
    if not isinstance(code, str):
        where = f"{path}.valueCoding.code"
        raise _ItemError("required", where, f"{where} is required: the code of the chosen option")
    if given == SPECIAL_SYSTEM:
        if code not in (DONT_KNOW, NONE):
            message = f"'{code}' is not a code of {SPECIAL_SYSTEM}; use '{DONT_KNOW}' or '{NONE}'"
            raise _ItemError("code-invalid", f"{path}.valueCoding.code", message)
        return "special", code
    if system is not None and given is not None and given != system:
        message = (
            f"{path}.valueCoding.system must be {system} (the answer options' system) or {SPECIAL_SYSTEM}"
        )
        raise _ItemError("code-invalid", f"{path}.valueCoding.system", message)
    return key, code


def _checklist_value(
    question: Question, item: Mapping[str, Any], answers: Sequence[Mapping[str, Any]], path: str
) -> object:
    if answers:
        key, code = _value(answers[0], f"{path}.answer[0]")
        if len(answers) > 1 or key != "special" or code != DONT_KNOW:
            raise _ItemError(
                "structure",
                f"{path}.answer",
                f"'{question.id}' is a checklist: answer each line as a sub-item in item[] with valueBoolean",
            )
        return None
    lines = {f"{question.id}.{line.id}": line.id for line in question.items}
    ticks: dict[str, bool | None] = {}
    for index, child in enumerate(item.get("item") or []):
        child_path = f"{path}.item[{index}]"
        link_id = child["linkId"]
        if link_id not in lines:
            # suggest on the line id alone: the shared "<question id>." prefix makes every line look close
            ids = list(lines.values())
            hint = did_you_mean(link_id.removeprefix(f"{question.id}."), ids)
            message = (
                f"'{link_id}' is not a line of '{question.id}'.{hint} A line's linkId is "
                f"'{question.id}.' and one of {ids}"
            )
            raise _ItemError("value", f"{child_path}.linkId", message)
        if lines[link_id] in ticks:
            raise _ItemError(
                "duplicate", f"{child_path}.linkId", f"'{link_id}' is answered twice; give it once"
            )
        ticks[lines[link_id]] = _tick(child, child_path)
    return ticks or None


def _tick(child: Mapping[str, Any], path: str) -> bool | None:
    answers: list[Mapping[str, Any]] = child.get("answer") or []
    if child.get("item"):
        raise _ItemError(
            "structure", f"{path}.item", f"A checklist line has no sub-items; remove {path}.item"
        )
    if not answers:
        return None
    key, value = _value(answers[0], f"{path}.answer[0]")
    if key == "special" and value == DONT_KNOW and len(answers) == 1:
        return None
    if len(answers) > 1 or key != "valueBoolean" or not isinstance(value, bool):
        raise _ItemError(
            "value", f"{path}.answer", "answer a checklist line with one valueBoolean (true: it applies)"
        )
    return value


# --- writing ---------------------------------------------------------------------------------------------


def questionnaire_response(kb: KnowledgeBase, assessment: Assessment, lang: Lang) -> dict[str, Any]:
    """The QuestionnaireResponse for ``assessment``: answers, questions, and the next one or the result."""
    labels = _labels(lang)
    questions: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for qid, value in assessment.answers.items:
        question = kb.question(qid)
        questions.append(_question_item(kb, question, question.options, lang))
        items.append(_answer_item(question, value, lang))
    if assessment.question is not None:
        questions.append(_question_item(kb, assessment.question, assessment.options, lang))
        status = "in-progress"
    else:
        result = assessment_dict(kb, assessment, lang)["result"]
        questions.append(_result_questions(labels))
        items.append(_result_answers(result, labels))
        status = "completed"
    questionnaire = {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "language": lang,
        "extension": [{"url": _ADAPTIVE, "valueBoolean": True}],
        "title": labels["title"],
        "status": "active",
        "item": questions,
    }
    return {
        "resourceType": "QuestionnaireResponse",
        "language": lang,
        "contained": [questionnaire],
        "questionnaire": f"#{QUESTIONNAIRE_ID}",
        "status": status,
        "item": items,
    }


def _coding(system: str, code: str, display: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def _special(code: str, lang: Lang) -> dict[str, str]:
    return _coding(
        SPECIAL_SYSTEM, code, t(lang, "dont_know") if code == DONT_KNOW else t(lang, "none_of_these")
    )


def _question_item(kb: KnowledgeBase, q: Question, options: Sequence[Option], lang: Lang) -> dict[str, Any]:
    """The Questionnaire item of one question, with its hint (flyover) and why (help) as display items."""
    item: dict[str, Any] = {"linkId": q.id, "text": q.text.get(lang), "required": False}
    if q.kind == "number":
        fact = kb.facts[q.fact or ""]
        extension: list[dict[str, Any]] = []
        if fact.minimum is not None:
            extension.append({"url": _MIN_VALUE, "valueInteger": fact.minimum})
        if fact.maximum is not None:
            extension.append({"url": _MAX_VALUE, "valueInteger": fact.maximum})
        if fact.unit:
            unit = {"display": fact.unit}
            if fact.unit in _UCUM_CODES:
                unit = {"system": _UCUM, "code": _UCUM_CODES[fact.unit], "display": fact.unit}
            extension.append({"url": _UNIT, "valueCoding": unit})
        if extension:
            item["extension"] = extension
        item["type"] = "integer"
    elif q.kind == "checklist":
        item["type"] = "group"
    else:
        item["type"] = "choice"
        answer_options: list[dict[str, Any]] = [
            {"valueCoding": _coding(option_system(q.id), o.value, o.label.get(lang))} for o in options
        ]
        dont_know: dict[str, Any] = {"valueCoding": _special(DONT_KNOW, lang)}
        if q.kind == "multi":
            # "none" and "ved ikke" cannot be combined with a choice: marked exclusive for form renderers
            exclusive = [{"url": _OPTION_EXCLUSIVE, "valueBoolean": True}]
            none = _special(NONE, lang)
            if q.none_label is not None:
                none["display"] = q.none_label.get(lang)
            answer_options.append({"valueCoding": none, "extension": exclusive})
            dont_know["extension"] = exclusive
            item["repeats"] = True
        item["answerOption"] = [*answer_options, dont_know]
    children: list[dict[str, Any]] = []
    if q.hint is not None:
        children.append(_display(f"{q.id}.hint", q.hint.get(lang), "flyover"))
    children.extend(
        {"linkId": f"{q.id}.{line.id}", "text": line.label.get(lang), "type": "boolean", "required": False}
        for line in q.items
    )
    children.append(_display(f"{q.id}.why", q.why.get(lang), "help"))
    item["item"] = children
    return item


def _display(link_id: str, text: str, control: str) -> dict[str, Any]:
    concept = {"coding": [{"system": _ITEM_CONTROL_SYSTEM, "code": control}]}
    return {
        "linkId": link_id,
        "text": text,
        "type": "display",
        "extension": [{"url": _ITEM_CONTROL, "valueCodeableConcept": concept}],
    }


def _answer_item(q: Question, value: AnswerValue, lang: Lang) -> dict[str, Any]:
    """One answered question as a QuestionnaireResponse item (the form :func:`read_answers` reads back)."""
    item: dict[str, Any] = {"linkId": q.id, "text": q.text.get(lang)}
    if q.kind == "checklist":
        if isinstance(value, Mapping):
            item["item"] = [_line(q, line.id, line.label.get(lang), value.get(line.id)) for line in q.items]
        return item
    if q.kind == "number":
        if isinstance(value, int):
            item["answer"] = [{"valueInteger": value}]
        return item
    labels = {o.value: o.label.get(lang) for o in q.options}
    if value is None:
        codings = [_special(DONT_KNOW, lang)]
    elif isinstance(value, tuple):
        codings = [_coding(option_system(q.id), v, labels[v]) for v in value] or [_special(NONE, lang)]
    else:
        codings = [_coding(option_system(q.id), str(value), labels[str(value)])]
    item["answer"] = [{"valueCoding": c} for c in codings]
    return item


def _line(q: Question, line_id: str, text: str, tick: bool | None) -> dict[str, Any]:
    line: dict[str, Any] = {"linkId": f"{q.id}.{line_id}", "text": text}
    if tick is not None:
        line["answer"] = [{"valueBoolean": tick}]
    return line


def _result_questions(labels: Mapping[str, str]) -> dict[str, Any]:
    """The read-only result group of the contained Questionnaire (the definition of the result items)."""

    def read_only(link_id: str, kind: str, text: str, **more: Any) -> dict[str, Any]:
        return {"linkId": link_id, "text": text, "type": kind, "readOnly": True, **more}

    return read_only(
        RESULT,
        "group",
        labels["result"],
        item=[
            read_only(f"{RESULT}.triage", "choice", labels["triage"]),
            read_only(f"{RESULT}.action", "text", labels["action"]),
            read_only(f"{RESULT}.reason", "string", labels["reason"], repeats=True),
            read_only(
                f"{RESULT}.cause",
                "group",
                labels["cause"],
                repeats=True,
                item=[
                    read_only(f"{RESULT}.cause.condition", "choice", labels["condition"]),
                    read_only(f"{RESULT}.cause.likelihood", "choice", labels["likelihood"]),
                    read_only(f"{RESULT}.cause.description", "text", labels["description"]),
                ],
            ),
            read_only(f"{RESULT}.disclaimer", "string", labels["disclaimer"]),
        ],
    )


def _result_answers(result: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, Any]:
    """The result as answers to the read-only result items: triage first, then the possible causes."""
    triage = result["triage"]
    items: list[dict[str, Any]] = [
        {
            "linkId": f"{RESULT}.triage",
            "text": labels["triage"],
            "answer": [{"valueCoding": _coding(TRIAGE_SYSTEM, triage["level"], triage["title"])}],
        },
        {
            "linkId": f"{RESULT}.action",
            "text": labels["action"],
            "answer": [{"valueString": triage["action"]}],
        },
    ]
    if triage["reasons"]:
        reasons = [{"valueString": r["text"]} for r in triage["reasons"]]
        items.append({"linkId": f"{RESULT}.reason", "text": labels["reason"], "answer": reasons})
    for cause in result["possible_causes"]:
        condition = _coding(CONDITION_SYSTEM, cause["id"], cause["name"])
        likelihood = _coding(LIKELIHOOD_SYSTEM, cause["likelihood"]["code"], cause["likelihood"]["text"])
        items.append(
            {
                "linkId": f"{RESULT}.cause",
                "text": labels["cause"],
                "item": [
                    {"linkId": f"{RESULT}.cause.condition", "answer": [{"valueCoding": condition}]},
                    {
                        "linkId": f"{RESULT}.cause.likelihood",
                        "answer": [{"valueCoding": likelihood}],
                    },
                    {
                        "linkId": f"{RESULT}.cause.description",
                        "answer": [{"valueString": cause["description"]}],
                    },
                ],
            }
        )
    disclaimer = {"linkId": f"{RESULT}.disclaimer", "answer": [{"valueString": result["disclaimer"]}]}
    items.append({**disclaimer, "text": labels["disclaimer"]})
    return {"linkId": RESULT, "text": labels["result"], "item": items}

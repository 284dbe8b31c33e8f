"""Posted question forms → engine answers, or instructions for what to fix.

Field names and input ids are fixed here and used by the templates: every answer is posted as ``answer``
(repeated for checkboxes); an input's id is ``answer-<value>`` (``answer`` for a number). "Ved ikke" and
"Ingen af disse" are the reserved values below, which can never clash with an option value from the
knowledge base (those are snake_case words). Exclusive choices are enforced here, not with JavaScript.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from haelguiden.durations import UNITS, Unit, largest_unit, max_in, to_days
from haelguiden.engine.model import Fact, Lang, Option, Question
from haelguiden.engine.state import AnswerValue
from haelguiden.i18n import N_, t, unit_name

FIELD = "answer"
#: The unit of a duration ("days", "weeks", "months", "years"), posted next to the number.
UNIT_FIELD = "unit"
DONT_KNOW = "_ved_ikke"
NONE = "_ingen"
#: The number form's second submit button ("Ved ikke") posts ``action=dont_know``.
ACTION_FIELD = "action"
ACTION_DONT_KNOW = "dont_know"

_INTEGER_RE = re.compile(r"[+-]?[0-9]+")  # ASCII digits only: int() would read "٣٨" as 38
#: A plausible example per unit for "fx 42" in instructions (clamped to the fact's range).
_EXAMPLES = {"years": 42, "days": 14, "metres": 2, "minutes": 10, "weeks": 4}


def input_id(value: str | None = None) -> str:
    """The id of the input for ``value`` (``None``: the number input)."""
    return FIELD if value is None else f"{FIELD}-{value}"


def is_duration(fact: Fact | None) -> bool:
    """Whether a number question counts days: it is asked as a number and a unit (days ... years)."""
    return fact is not None and fact.unit == "days"


def is_scale(fact: Fact | None) -> bool:
    """Whether a number question is a short scale (e.g. pain 0–10) shown as radios, never a slider."""
    return (
        fact is not None
        and fact.minimum is not None
        and fact.maximum is not None
        and fact.maximum - fact.minimum <= 10
    )


@dataclass(frozen=True)
class FieldError:
    """An instruction for one field; ``target`` is the input id the error summary links to."""

    target: str
    message: str


@dataclass(frozen=True)
class Submitted:
    """What the person sent, to show it again next to an error (or the saved answer when changing)."""

    chosen: frozenset[str] = frozenset()
    text: str = ""
    #: The unit chosen for a duration ("" when none was sent).
    unit: str = ""


@dataclass(frozen=True)
class ParsedAnswer:
    """The engine value of a valid answer (``None`` = "ved ikke"), or the errors."""

    value: AnswerValue = None
    errors: tuple[FieldError, ...] = ()
    submitted: Submitted = field(default_factory=Submitted)

    @property
    def ok(self) -> bool:
        """True when the answer can be saved."""
        return not self.errors


#: The instruction of the questions that have one of their own (any other gets the one for its kind).
QUESTION_ERRORS: dict[str, str] = {
    "pain_site": N_("error_q_pain_site"),
    "age": N_("error_q_age"),
    "pain_score": N_("error_q_pain_score"),
    "injury": N_("error_q_injury"),
    "side": N_("error_q_side"),
}


def instruction(question: Question, lang: Lang) -> str:
    """What to do when nothing fitting was chosen: the question's own instruction, or one for its kind."""
    if question.id in QUESTION_ERRORS:
        return t(lang, QUESTION_ERRORS[question.id])
    return t(lang, "error_single") if question.kind == "single" else t(lang, "error_multi")


def first_target(question: Question, options: Sequence[Option], fact: Fact | None) -> str:
    """The id of the first input of the question (where the error summary link goes)."""
    if question.kind == "number":
        return input_id(str(fact.minimum) if is_scale(fact) and fact else None)
    if question.kind == "checklist":
        return input_id(question.items[0].id) if question.items else input_id(DONT_KNOW)
    return input_id(options[0].value) if options else input_id(DONT_KNOW)


def parse_answer(
    question: Question,
    options: Sequence[Option],
    fact: Fact | None,
    values: Sequence[str],
    action: str | None,
    lang: Lang,
    unit: str | None = None,
) -> ParsedAnswer:
    """Check one posted answer.

    Args:
        question: the question asked.
        options: the options offered (single and multi questions).
        fact: the fact of a number question (for its range).
        values: every posted ``answer`` value, in order.
        action: the submit button's value (``dont_know`` from the number form).
        lang: the language of the instructions.
        unit: the unit posted with a duration; the answer is converted to whole days here, before the
            engine sees it.
    """
    chosen = frozenset(v.strip() for v in values if v.strip())
    submitted = Submitted(chosen=chosen, text=values[0] if values else "")
    target = first_target(question, options, fact)

    def error(message: str) -> ParsedAnswer:
        return ParsedAnswer(errors=(FieldError(target, message),), submitted=submitted)

    if question.kind == "number" and not is_scale(fact):
        if action == ACTION_DONT_KNOW:
            return ParsedAnswer(None, submitted=Submitted(chosen=frozenset({DONT_KNOW})))
        assert fact is not None
        if is_duration(fact):
            return _parse_duration(fact, submitted.text, unit or "", lang)
        return _parse_number(question, fact, submitted.text, lang, submitted)
    allowed = _allowed(question, options, fact)
    exclusive = chosen & {DONT_KNOW, NONE}
    regular = chosen - exclusive
    if not chosen:
        return error(instruction(question, lang))
    if not regular <= allowed:
        return error(t(lang, "error_unknown_choice"))
    if len(exclusive) + (1 if regular else 0) > 1:
        return error(t(lang, "error_exclusive"))
    if DONT_KNOW in chosen:
        return ParsedAnswer(None, submitted=submitted)
    if question.kind in ("single", "number"):
        if NONE in chosen or len(regular) != 1:
            return error(instruction(question, lang))
        (only,) = regular
        return ParsedAnswer(int(only) if question.kind == "number" else only, submitted=submitted)
    if question.kind == "multi":
        order = [o.value for o in options]
        return ParsedAnswer(tuple(v for v in order if v in regular), submitted=submitted)
    # checklist: ticked lines are true, the others false ("Sæt kryds ved alt, der passer")
    return ParsedAnswer({item.id: item.id in regular for item in question.items}, submitted=submitted)


def _allowed(question: Question, options: Sequence[Option], fact: Fact | None) -> frozenset[str]:
    if question.kind == "checklist":
        return frozenset(item.id for item in question.items)
    if question.kind == "number":
        assert fact is not None
        assert fact.minimum is not None
        assert fact.maximum is not None
        return frozenset(str(n) for n in range(fact.minimum, fact.maximum + 1))
    return frozenset(o.value for o in options)


def _parse_number(
    question: Question, fact: Fact, text: str, lang: Lang, submitted: Submitted
) -> ParsedAnswer:
    low = fact.minimum if fact.minimum is not None else 0
    high = fact.maximum if fact.maximum is not None else 10**6
    target = input_id()
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        own = QUESTION_ERRORS.get(question.id)
        message = t(lang, own) if own else t(lang, "error_number_empty", minimum=low, maximum=high)
        return ParsedAnswer(errors=(FieldError(target, message),), submitted=submitted)
    if not _INTEGER_RE.fullmatch(cleaned):
        example = min(high, max(low, _EXAMPLES.get(fact.unit or "", (low + high) // 2)))
        message = t(lang, "error_number_format", minimum=low, maximum=high, example=example)
        return ParsedAnswer(errors=(FieldError(target, message),), submitted=submitted)
    number = int(cleaned)
    if not low <= number <= high:
        message = t(lang, "error_number_range", minimum=low, maximum=high)
        return ParsedAnswer(errors=(FieldError(target, message),), submitted=submitted)
    return ParsedAnswer(number, submitted=submitted)


def _parse_duration(fact: Fact, text: str, unit: str, lang: Lang) -> ParsedAnswer:
    submitted = Submitted(text=text, unit=unit)
    chosen: Unit | None = next((u for u in UNITS if u == unit), None)
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")

    def error(message: str) -> ParsedAnswer:
        return ParsedAnswer(errors=(FieldError(input_id(), message),), submitted=submitted)

    if not cleaned:
        return error(t(lang, "error_duration_empty"))
    if not _INTEGER_RE.fullmatch(cleaned):
        return error(t(lang, "error_duration_format"))
    if chosen is None:
        return ParsedAnswer(
            errors=(FieldError(UNIT_FIELD, t(lang, "error_duration_unit")),), submitted=submitted
        )
    number = int(cleaned)
    most = max_in(chosen, fact.maximum if fact.maximum is not None else 36500)
    if not 0 <= number <= most:
        return error(t(lang, "error_duration_range", maximum=most, unit=unit_name(lang, chosen, most)))
    return ParsedAnswer(to_days(number, chosen), submitted=submitted)


def saved(question: Question, value: AnswerValue, fact: Fact | None = None) -> Submitted:
    """The form state that shows a saved answer again (when a person goes back to change it).

    A duration is shown in the largest unit it is a whole number of (42 days: "6" and "uger").
    """
    if value is None:
        return Submitted(chosen=frozenset({DONT_KNOW}))
    if question.kind == "number" and is_duration(fact) and isinstance(value, int):
        number, unit = largest_unit(value)
        return Submitted(text=str(number), unit=unit)
    if question.kind == "number":
        return Submitted(chosen=frozenset({str(value)}), text=str(value))
    if isinstance(value, str):
        return Submitted(chosen=frozenset({value}))
    if isinstance(value, tuple):
        return Submitted(chosen=frozenset(value) if value else frozenset({NONE}))
    if isinstance(value, Mapping):
        ticked = frozenset(k for k, v in value.items() if v)
        return Submitted(chosen=ticked or frozenset({NONE}))
    return Submitted(chosen=frozenset({str(value)}))

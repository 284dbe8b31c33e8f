"""Pydantic models of the JSON API (``/api/v1``): the request, the response and the problem shape.

They mirror ``haelguiden.presenters.assessment_dict`` field for field, so the OpenAPI document is exact and
the response is checked against it. Errors are RFC 9457 problem details with the fields at fault.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr

TriageLevelOut = Literal["emergency", "urgent", "gp", "professional", "self_care"]
AnswerValueIn = Annotated[
    StrictStr | StrictInt | StrictBool | list[StrictStr] | dict[str, StrictBool | None] | None,
    Field(
        description=(
            "The answer. Single choice: an option value (text). Several choices: a list of option values "
            "([] for none). Number: a whole number. Checklist: a list of the ticked item ids, the text "
            "'none', or an object item id → true/false/null. null means 'Ved ikke' (don't know)."
        ),
        examples=[42, "gradual", ["heel_underside"], ["first_steps"], None],
    ),
]
AnswerValueOut = str | int | list[str] | dict[str, bool | None] | None
StoryFactValue = StrictBool | StrictInt | StrictStr | list[StrictStr]
#: The longest story the API reads (characters).
STORY_MAX_CHARS = 2000


class AnswerIn(BaseModel):
    """One answer given so far."""

    model_config = ConfigDict(extra="forbid")

    question: StrictStr = Field(
        description="A question id, as given by an earlier response.", examples=["age"]
    )
    value: AnswerValueIn = None


class AssessmentRequest(BaseModel):
    """Every answer so far (none to start). The API keeps no state: send all answers each time."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"lang": "da", "answers": []},
                {"lang": "en", "answers": [{"question": "age", "value": 42}]},
            ]
        },
    )

    lang: Literal["da", "en"] = Field("da", description="Language of the texts in the response.")
    answers: list[AnswerIn] = Field(default_factory=list, max_length=100)
    story: Annotated[StrictStr, Field(min_length=1, max_length=STORY_MAX_CHARS)] | None = Field(
        None,
        description=(
            "Optional: the patient's own words, in Danish or English. The facts read from it are returned "
            "in `story_facts` and used at once (show them to the patient to confirm, then send "
            "`story_facts` back instead of `story`). The text is neither stored nor logged."
        ),
        examples=["Jeg har haft ondt under hælen i tre måneder, værst når jeg står op om morgenen."],
    )
    story_facts: dict[str, StoryFactValue] | None = Field(
        None,
        description=(
            "The confirmed facts from the story (fact id → value), as returned in `story_facts`, with "
            "anything the patient unticked left out. A red-flag fact may only have its red-flag value."
        ),
    )
    postcode: Annotated[str, Field(pattern=r"^[0-9]{4}$")] | None = Field(
        None,
        description="Optional Danish postcode; picks the region's after-hours number in the action text.",
        examples=["2100"],
    )


class OptionOut(BaseModel):
    """An answer option of a single- or multi-choice question."""

    value: str
    label: str


class ItemOut(BaseModel):
    """A line of a checklist question."""

    id: str
    label: str


class QuestionOut(BaseModel):
    """The next question to ask."""

    id: str
    kind: Literal["single", "multi", "number", "checklist"]
    text: str
    hint: str | None
    why: str = Field(description="Why the question is asked ('Hvorfor spørger vi?').")
    phase: Literal["core", "safety", "diagnosis", "triage"] | None
    options: list[OptionOut] | None = Field(None, description="Single and multi questions.")
    items: list[ItemOut] | None = Field(None, description="Checklist questions.")
    none_label: str | None = Field(None, description="Checklists: the 'none of these' text.")
    unit: str | None = Field(None, description="Number questions: the unit (years, days, ...).")
    minimum: int | None = Field(None, description="Number questions: the smallest allowed value.")
    maximum: int | None = Field(None, description="Number questions: the largest allowed value.")
    dont_know_label: str


class AnswerOut(BaseModel):
    """An answer as the engine understood it."""

    question: str
    value: AnswerValueOut


class AnswersDocument(BaseModel):
    """The normalised answers; send ``answers`` back unchanged with the next answer added."""

    version: int
    answers: list[AnswerOut]
    story: dict[str, bool | int | str | list[str]] | None = Field(
        None, description="The confirmed facts from the story; left out when there are none."
    )


class StoryStatementOut(BaseModel):
    """One thing understood from the story, as a sentence the patient can confirm or untick."""

    fact: str
    item: str | None = Field(None, description="For list facts: the item this statement is about.")
    text: str


class ProgressOut(BaseModel):
    """Questions answered, and a rough count of those still to come."""

    asked: int = Field(ge=0)
    remaining: int = Field(ge=0)


class UnknownOut(BaseModel):
    """An answer that stayed "ved ikke" and made the advice more cautious."""

    fact: str
    text: str = Field(description="What was not known, as it ends 'Because you do not know …'.")
    questions: list[str] = Field(description="The questions that ask about it: answer them to update.")


class TriageReasonOut(BaseModel):
    """Why the triage level is what it is: a rule that fired (red flags and other answers), or a
    precaution (a rule that holds because an answer that decides it stayed "ved ikke")."""

    kind: Literal["rule", "precaution"]
    id: str
    level: TriageLevelOut
    text: str
    unknown: list[UnknownOut] = Field(default_factory=list)


class TriageOut(BaseModel):
    """How urgent, what to do, and why."""

    level: TriageLevelOut
    title: str
    action: str = Field(description="What to do, with the after-hours number(s) filled in.")
    reasons: list[TriageReasonOut]
    red_flags: list[str]


class LikelihoodOut(BaseModel):
    """How likely a cause is, in words (the model's probabilities are not calibrated, so no numbers)."""

    code: Literal["most_likely", "possible", "less_likely"]
    text: str


class CauseOut(BaseModel):
    """A possible cause (not a diagnosis), how likely in words, and the answers behind it."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    name: str
    likelihood: LikelihoodOut
    description: str
    for_: list[str] = Field(alias="for", description="Answers that speak for this cause.")
    against: list[str] = Field(description="Answers that speak against this cause.")
    clinician: str = Field(description="What a doctor or physiotherapist will do.")
    quick_advice: str
    article: str | None = Field(description="Slug of the article about this cause, in the same language.")


class ResultOut(BaseModel):
    """The result: triage first, then the possible causes, most likely first."""

    triage: TriageOut
    possible_causes: list[CauseOut]
    disclaimer: str


class AssessmentResponse(BaseModel):
    """Either the next question (``status: question``) or the result (``status: done``)."""

    status: Literal["question", "done"]
    answers: AnswersDocument
    progress: ProgressOut
    question: QuestionOut | None = None
    result: ResultOut | None = None
    story_facts: dict[str, bool | int | str | list[str]] | None = Field(
        None, description="The facts taken from the story (only when a story or story facts were sent)."
    )
    story_statements: list[StoryStatementOut] | None = Field(
        None, description="The same as sentences, in the response language: 'Vi har forstået: …'."
    )


class Health(BaseModel):
    """The process is alive (says nothing about storage: see Ready)."""

    status: Literal["ok"]


class Ready(BaseModel):
    """The instance can serve every request: its storage answers, and Redis too when configured."""

    status: Literal["ready"]
    storage: Literal["ok"] = Field(description="The diary database answers.")
    redis: Literal["ok", "not configured"] = Field(
        description="The shared rate-limit storage answers, or none is configured (REDIS_URL unset)."
    )


class FieldProblem(BaseModel):
    """One field at fault: ``answers[2].value``, ``lang``, ... and what to do about it."""

    field: str
    message: str


class Problem(BaseModel):
    """An error as ``application/problem+json`` (RFC 9457)."""

    type: str = Field(description="A URI reference that identifies the problem type.")
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] = Field(default_factory=list)

"""One frozen dataclass per page: the only thing a template gets (as ``page``).

Templates lay these out and nothing more: no clinical ``if``, no arithmetic, no sorting. Every decision
(which options, which likelihood word, which bar width, which phone number) is made in Python when the
view model is built. Every page has ``chrome``: the language, the ``<title>``, the language switch and the
CSRF token, which is what ``layout.html`` needs. The fixed words of a page come from the message catalogue
(``_("key")`` in the template, in the environment of ``chrome.lang``). Pages added later
(diary, plans) follow the same pattern: a dataclass with ``chrome`` plus their own fields.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from haelguiden.engine.model import Lang, TriageLevel


@dataclass(frozen=True)
class Link:
    """A link: where and what it says."""

    href: str
    text: str


@dataclass(frozen=True)
class NavItem:
    """A main-menu entry; ``current`` marks the section the page belongs to."""

    href: str
    text: str
    current: bool = False


@dataclass(frozen=True)
class Alternate:
    """The same page in another language (``<link rel="alternate" hreflang>``)."""

    lang: Lang
    href: str


@dataclass(frozen=True)
class OpenGraph:
    """Open Graph and canonical metadata of a public page."""

    title: str
    description: str
    url: str
    type: str
    locale: str


@dataclass(frozen=True)
class Chrome:
    """What every page's layout needs."""

    lang: Lang
    #: The ``<title>`` text before " – Hælguiden"; it starts with the page's h1.
    title: str
    #: True when the page shows form errors: the title then starts with "Fejl: ".
    has_errors: bool
    home_href: str
    switch: Link
    switch_lang: Lang
    nav: tuple[NavItem, ...]
    #: Rendered as text; made (with its cookie) only when a page shows a form.
    csrf_token: object
    #: The footer's links: privacy, about and intended use, accessibility statement, the API.
    footer_links: tuple[Link, ...]
    #: "Ring 112 nu, hvis det er livstruende." (the number comes from the knowledge base's care routes);
    #: empty on the emergency outcome, which says it already. ``nav`` is empty there too.
    emergency_line: str
    description: str | None = None
    canonical: str | None = None
    alternates: tuple[Alternate, ...] = ()
    og: OpenGraph | None = None
    #: JSON-LD documents, already escaped for a ``<script type="application/ld+json">`` element.
    json_ld: tuple[str, ...] = ()
    #: Search engines should not index pages that only make sense within a self-check.
    noindex: bool = False
    #: Stylesheets: ``/static/haelguiden.css`` (every page) plus the page's own parts (see ``chrome``).
    stylesheets: tuple[str, ...] = ("/static/haelguiden.css",)


@dataclass(frozen=True)
class ErrorItem:
    """One entry of the error summary: the message and the id of the input it is about."""

    target: str
    message: str


# --- start page --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StartPage:
    """``/`` and ``/en/``."""

    chrome: Chrome
    heading: str
    #: Who to call today, with every region's after-hours number.
    emergency: str
    #: The situations to call 112 for at once, before any question (care.yaml).
    emergency_signs: tuple[str, ...]
    does: tuple[str, ...]
    does_not: tuple[str, ...]
    start_action: str
    articles: tuple[Link, ...]
    all_articles: Link
    #: "Fortæl med dine egne ord": an error about the story box (too long), never the story itself.
    errors: tuple[ErrorItem, ...] = ()
    story_error: str | None = None


@dataclass(frozen=True)
class StoryOption:
    """One choice of a statement's "Ret" (change) list."""

    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class StoryRow:
    """One statement understood from the story: a ticked checkbox, and for some a way to change it."""

    id: str
    value: str
    label: str
    checked: bool
    #: The name and id of the change control (a list or a number box), or None for yes/no statements.
    change_name: str | None = None
    change_label: str | None = None
    options: tuple[StoryOption, ...] = ()
    number_value: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class StoryConfirmPage:
    """ "Vi har forstået: …": what the story said, to confirm, untick or change before it counts."""

    chrome: Chrome
    heading: str
    lead: str
    action: str
    rows: tuple[StoryRow, ...]
    errors: tuple[ErrorItem, ...]
    #: Shown when nothing could be read from the story.
    empty: str | None


# --- question pages ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Choice:
    """One radio or checkbox."""

    id: str
    value: str
    label: str
    checked: bool
    hint: str | None = None
    #: The number of the region on the foot drawing, when the choice is a place on the foot.
    region_number: int | None = None


@dataclass(frozen=True)
class Hotspot:
    """A numbered tap target on the foot drawing: a label for the checkbox with id ``input_id``."""

    input_id: str
    value: str
    number: int


@dataclass(frozen=True)
class Progress:
    """The modest progress line: "Spørgsmål 4 af cirka 12", and a bar width class."""

    text: str
    bar_class: str


@dataclass(frozen=True)
class QuestionPage:
    """One question: its widget, the answer so far or the one just posted, errors, back link, progress."""

    chrome: Chrome
    question_id: str
    #: radios, checkboxes, number, or scale (radios 0–10)
    widget: str
    #: the type of the choice inputs: radio or checkbox (number pages have none)
    input_type: str
    heading: str
    hint: str | None
    why: str
    why_summary: str
    choices: tuple[Choice, ...]
    #: "Ingen af disse" and "Ved ikke", shown after an "eller" divider
    exclusive: tuple[Choice, ...]
    number_value: str
    number_unit: str | None
    errors: tuple[ErrorItem, ...]
    error_message: str | None
    back: Link
    progress: Progress | None
    action: str
    hotspots: tuple[Hotspot, ...] = ()
    #: A duration's units (days ... years), the chosen one checked; empty for other questions.
    units: tuple[Choice, ...] = ()
    unit_label: str = ""


# --- check your answers ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SummaryRow:
    """One answer in words with its "Ændr" link."""

    question_id: str
    key: str
    values: tuple[str, ...]
    change_href: str
    #: Said before ``values`` when nothing was ticked: "Ingen af disse:" (the values are then what was
    #: offered, so the row says what was answered "no" to).
    lead: str | None = None


@dataclass(frozen=True)
class CheckAnswersPage:
    """Every answer before the result."""

    chrome: Chrome
    heading: str
    rows: tuple[SummaryRow, ...]
    result_href: str
    back: Link
    #: What was confirmed from the patient's own story (statements), shown above the answers.
    story: tuple[str, ...] = ()


# --- result ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TriagePanel:
    """What to do, in the colour and words of its urgency."""

    level: TriageLevel
    title: str
    action: str
    phone_links: tuple[Link, ...]


@dataclass(frozen=True)
class CauseView:
    """One possible cause with its likelihood in words (never a number or a bar: not calibrated), the
    answers for and against it, and its article link."""

    id: str
    name: str
    description: str
    likelihood: str
    likelihood_class: str
    for_: tuple[str, ...]
    against: tuple[str, ...]
    clinician: str
    article: Link | None
    #: Quick self-care advice: given for the leading cause only (and not when the advice is to call 112).
    advice: str | None = None


@dataclass(frozen=True)
class PostcodeForm:
    """The optional postcode on the result page that picks the region's after-hours number."""

    action: str
    value: str
    error: str | None
    note: str | None


@dataclass(frozen=True)
class PlanOffer:
    """The way on to the self-care plan and the diary (only where the outcome offers them)."""

    plan_href: str
    diary_action: str


@dataclass(frozen=True)
class ResultPage:
    """An outcome that is not an emergency: what to do, by when, what happens next; why; then the rest.

    ``level`` colours the outcome box; the texts come from ``outcomes.yaml``. ``phones`` are the region's
    after-hours numbers as ``tel:`` links (every region's until a postcode is given). The plan and the
    diary are offered (``plan``) only where the outcome allows it; otherwise ``later`` says when.
    """

    chrome: Chrome
    heading: str
    level: TriageLevel
    lead: str
    when: str | None
    steps: tuple[str, ...]
    phones: tuple[Link, ...]
    postcode: PostcodeForm | None
    next: str | None
    safety_net: str | None
    reasons: tuple[str, ...]
    #: The questions answered "ved ikke" that made the advice cautious, to answer them now.
    answer_again: tuple[Link, ...]
    causes: tuple[CauseView, ...]
    plan: PlanOffer | None
    later: str | None
    summary: Link
    summary_pdf: Link
    errors: tuple[ErrorItem, ...]
    disclaimer: str
    restart_action: str
    change_href: str


@dataclass(frozen=True)
class EmergencyPage:
    """The emergency outcome: one screen, the tap-to-call button first, and nothing competing with it."""

    chrome: Chrome
    heading: str
    call: Link
    lead: str
    say_title: str
    say: tuple[str, ...]
    #: The answers that called for the emergency, to tell the operator.
    reasons: tuple[str, ...]
    waiting_title: str
    waiting: tuple[str, ...]
    next: str | None
    change_href: str
    summary: Link


# --- messages ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MessagePage:
    """A short page with a heading, a message and a way on (errors, "start again")."""

    chrome: Chrome
    heading: str
    body: str
    link: Link | None = None
    #: A button that posts to this action (e.g. a new self-check), with ``button`` as its text.
    action: str | None = None
    button: str | None = None


# --- articles ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ArticleItem:
    """An article in a list."""

    href: str
    title: str
    description: str | None


@dataclass(frozen=True)
class TocItem:
    """A table-of-contents entry with its sub-entries."""

    href: str
    text: str
    children: tuple[TocItem, ...] = ()


@dataclass(frozen=True)
class ArticleIndexPage:
    """``/artikler`` and ``/en/articles``."""

    chrome: Chrome
    heading: str
    lead: str
    items: tuple[ArticleItem, ...]
    search_action: str


@dataclass(frozen=True)
class ArticlePage:
    """One article."""

    chrome: Chrome
    heading: str
    body: Markup
    toc: tuple[TocItem, ...]
    published: str
    updated: str
    #: Who reviewed it and when, or that it is not yet reviewed by a clinician.
    review: str
    translation: Link | None


@dataclass(frozen=True)
class InfoPageView:
    """A page about Hælguiden: privacy, about and intended use, or the accessibility statement."""

    chrome: Chrome
    heading: str
    updated: str
    body: Markup


@dataclass(frozen=True)
class SearchHitView:
    """One search result; ``snippet`` is escaped HTML with ``<mark>`` around the matches."""

    href: str
    title: str
    snippet: Markup


@dataclass(frozen=True)
class SearchPage:
    """``/soeg`` and ``/en/search``."""

    chrome: Chrome
    heading: str
    action: str
    query: str
    summary: str | None
    hits: tuple[SearchHitView, ...]


# --- API documentation -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ApiOperation:
    """One endpoint of the OpenAPI document."""

    method: str
    path: str
    summary: str
    description: str
    responses: tuple[str, ...]


@dataclass(frozen=True)
class ApiSchema:
    """One schema of the OpenAPI document, with its fields."""

    name: str
    description: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ApiDocsPage:
    """The API documentation, rendered from the OpenAPI document without any third-party assets."""

    chrome: Chrome
    heading: str
    lead: str
    openapi_href: str
    operations: tuple[ApiOperation, ...]
    schemas: tuple[ApiSchema, ...]

"""Every path of the site, in both languages, in one place.

Danish is the default language and has the short paths (``/tjek``); English lives under ``/en/``. Routes
and view models build links only through these functions, so a page can always name its translation.
"""

from __future__ import annotations

from urllib.parse import urlencode

from haelguiden.content import article_path
from haelguiden.engine.model import Lang

CHECK_PREFIX: dict[Lang, str] = {"da": "/tjek", "en": "/en/check"}
_CHECK_ANSWERS = {"da": "dine-svar", "en": "your-answers"}
_RESULT = {"da": "resultat", "en": "result"}
_START = {"da": "start", "en": "start"}
_ARTICLES = {"da": "/artikler", "en": "/en/articles"}
_SEARCH = {"da": "/soeg", "en": "/en/search"}
#: The query parameter that marks a question page reached through "Ændr" on the check-answers page.
CHANGE_PARAM: dict[Lang, str] = {"da": "aendr", "en": "change"}

API_PREFIX = "/api/v1"
STATIC_PREFIX = "/static"


def other(lang: Lang) -> Lang:
    """The other language."""
    return "en" if lang == "da" else "da"


def home(lang: Lang) -> str:
    """The start page."""
    return "/" if lang == "da" else "/en/"


def check(lang: Lang) -> str:
    """The self-check entry: redirects to the current step."""
    return CHECK_PREFIX[lang]


def start(lang: Lang) -> str:
    """Where the start form posts (a new self-check)."""
    return f"{CHECK_PREFIX[lang]}/{_START[lang]}"


def question(lang: Lang, question_id: str, *, change: bool = False) -> str:
    """One question's page; ``change`` when reached from the check-answers page."""
    path = f"{CHECK_PREFIX[lang]}/{question_id}"
    return f"{path}?{urlencode({CHANGE_PARAM[lang]: 1})}" if change else path


def check_answers(lang: Lang) -> str:
    """The check-your-answers page."""
    return f"{CHECK_PREFIX[lang]}/{_CHECK_ANSWERS[lang]}"


def result(lang: Lang) -> str:
    """The result page."""
    return f"{CHECK_PREFIX[lang]}/{_RESULT[lang]}"


def articles(lang: Lang) -> str:
    """The article index."""
    return _ARTICLES[lang]


def article(lang: Lang, slug: str) -> str:
    """One article."""
    return article_path(lang, slug)


def search(lang: Lang, query: str | None = None) -> str:
    """The search page, optionally with a query."""
    return f"{_SEARCH[lang]}?{urlencode({'q': query})}" if query else _SEARCH[lang]


def fixed_check_paths(lang: Lang) -> frozenset[str]:
    """The self-check's own path parts, which can never be question ids."""
    return frozenset({_CHECK_ANSWERS[lang], _RESULT[lang], _START[lang]})

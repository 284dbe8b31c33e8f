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
_STORY = {"da": "forstaaet", "en": "understood"}
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


def story(lang: Lang) -> str:
    """ "Vi har forstået": confirm what was read from the patient's own story."""
    return f"{CHECK_PREFIX[lang]}/{_STORY[lang]}"


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


# --- the summary for a clinician (from the answers cookie) ------------------------------------------------
_SUMMARY = {"da": "til-laegen", "en": "for-your-clinician"}


def summary(lang: Lang) -> str:
    """The one-page summary for a doctor or physiotherapist, as an HTML print view."""
    return f"{result(lang)}/{_SUMMARY[lang]}"


def summary_pdf(lang: Lang) -> str:
    """The same summary as an A4 PDF."""
    return summary(lang) + ".pdf"


def summary_fhir(lang: Lang) -> str:
    """The same summary as a FHIR R4 document Bundle (JSON download)."""
    return summary(lang) + ".fhir.json"


def articles(lang: Lang) -> str:
    """The article index."""
    return _ARTICLES[lang]


def article(lang: Lang, slug: str) -> str:
    """One article."""
    return article_path(lang, slug)


#: The pages about Hælguiden itself, linked from every page's footer.
INFO_PAGES: dict[str, dict[Lang, str]] = {
    "privacy": {"da": "/privatliv", "en": "/en/privacy"},
    "about": {"da": "/om", "en": "/en/about"},
    "accessibility": {"da": "/tilgaengelighed", "en": "/en/accessibility"},
}


def info_page(lang: Lang, page: str) -> str:
    """A page about Hælguiden: a key of :data:`INFO_PAGES` (``privacy``, ``about``, ``accessibility``)."""
    return INFO_PAGES[page][lang]


def search(lang: Lang, query: str | None = None) -> str:
    """The search page, optionally with a query."""
    return f"{_SEARCH[lang]}?{urlencode({'q': query})}" if query else _SEARCH[lang]


# --- self-care plan, exercises and the recovery diary ------------------------------------------------------
_PLAN = {"da": "/plan", "en": "/en/plan"}
_EXERCISES = {"da": "/oevelser", "en": "/en/exercises"}
_DIARY = {"da": "/dagbog", "en": "/en/diary"}
#: The parts of a diary's pages after ``/dagbog/<token>``; every diary path starts with the private token.
DIARY_PARTS: dict[str, dict[Lang, str]] = {
    "link": {"da": "link", "en": "link"},
    "new_entry": {"da": "ny", "en": "new-entry"},
    "entries": {"da": "registrering", "en": "entries"},
    "delete": {"da": "slet", "en": "delete"},
    "checkin": {"da": "tjek-ind", "en": "check-in"},
    "export_json": {"da": "eksport.json", "en": "export.json"},
    "export_csv": {"da": "eksport.csv", "en": "export.csv"},
    "calendar": {"da": "kalender.ics", "en": "calendar.ics"},
    "share": {"da": "del", "en": "share"},
    "summary": {"da": "resume", "en": "summary"},
    "summary_pdf": {"da": "resume.pdf", "en": "summary.pdf"},
    "summary_fhir": {"da": "resume.fhir.json", "en": "summary.fhir.json"},
}
#: The query parameter of the diary page that names what was just done ("gemt", "slettet").
NOTICE_PARAM: dict[Lang, str] = {"da": "besked", "en": "notice"}
_SHARED = {"da": "/delt", "en": "/en/shared"}
#: The parts of a read-only share's pages after ``/delt/<token>``.
SHARED_PARTS: dict[str, dict[Lang, str]] = {
    "pdf": {"da": "resume.pdf", "en": "summary.pdf"},
    "fhir": {"da": "resume.fhir.json", "en": "summary.fhir.json"},
}
_REVOKE = {"da": "stop", "en": "revoke"}
#: Path prefixes followed by a private diary token or a share token (masked in logs).
TOKEN_PREFIXES = (
    *(p + "/" for p in _DIARY.values()),
    *(p + "/" for p in _SHARED.values()),
    API_PREFIX + "/diaries/",
)
MASKED_TOKEN = "[token]"


def plan(lang: Lang) -> str:
    """The personal self-care plan, built from the finished self-check."""
    return _PLAN[lang]


def plan_sources(lang: Lang) -> str:
    """The sources of the person's plan, named for patients."""
    return _PLAN[lang] + ("/kilder" if lang == "da" else "/sources")


def plan_pdf(lang: Lang) -> str:
    """The plan as an A4 PDF download."""
    return _PLAN[lang] + ".pdf"


def exercises(lang: Lang) -> str:
    """The index of every exercise."""
    return _EXERCISES[lang]


def exercise(lang: Lang, exercise_id: str) -> str:
    """One exercise with its drawing."""
    return f"{_EXERCISES[lang]}/{exercise_id}"


def diary_start(lang: Lang) -> str:
    """Where "Start en dagbog" posts."""
    return _DIARY[lang]


def diary(lang: Lang, token: str, notice: str | None = None) -> str:
    """A diary's page (the private link); ``notice`` names what was just done."""
    path = f"{_DIARY[lang]}/{token}"
    return f"{path}?{urlencode({NOTICE_PARAM[lang]: notice})}" if notice else path


def diary_part(lang: Lang, token: str, part: str) -> str:
    """A page of a diary: a key of :data:`DIARY_PARTS` (``link``, ``new_entry``, ``checkin``, ...)."""
    return f"{_DIARY[lang]}/{token}/{DIARY_PARTS[part][lang]}"


def diary_entry(lang: Lang, token: str, entry_id: str, *, delete: bool = False) -> str:
    """An entry's edit page, or its delete confirmation."""
    path = f"{_DIARY[lang]}/{token}/{DIARY_PARTS['entries'][lang]}/{entry_id}"
    return f"{path}/{DIARY_PARTS['delete'][lang]}" if delete else path


def diary_share_revoke(lang: Lang, token: str, share_id: str) -> str:
    """Where "Stop delingen" posts for one share of a diary."""
    return f"{diary_part(lang, token, 'share')}/{share_id}/{_REVOKE[lang]}"


def shared(lang: Lang, share_token: str, part: str | None = None) -> str:
    """A read-only share: the summary and the diary's chart (``part``: ``pdf`` or ``fhir``)."""
    path = f"{_SHARED[lang]}/{share_token}"
    return f"{path}/{SHARED_PARTS[part][lang]}" if part else path


def shared_prefix(lang: Lang) -> str:
    """The path under which read-only shares live (``/delt``)."""
    return _SHARED[lang]


def mask_token(path: str) -> str:
    """``path`` with a diary's private token replaced by ``[token]`` (for logs): the token opens the diary."""
    for prefix in TOKEN_PREFIXES:
        if path.startswith(prefix):
            rest = path[len(prefix) :]
            _token, slash, tail = rest.partition("/")
            return f"{prefix}{MASKED_TOKEN}{slash}{tail}"
    return path

"""schema.org JSON-LD for article pages: ``MedicalWebPage`` and ``FAQPage``."""

import json
from collections.abc import Mapping, Sequence
from typing import Any

from haelguiden.content.article import Article
from haelguiden.content.faq import FaqEntry
from haelguiden.content.problems import ContentProblems, Problem
from haelguiden.content.sitemap import normalise_base_url

SCHEMA_CONTEXT = "https://schema.org"
JsonObject = dict[str, Any]


def medical_web_page(article: Article, *, base_url: str, condition_names: Mapping[str, str]) -> JsonObject:
    """The ``MedicalWebPage`` description of an article.

    Args:
        article: the article.
        base_url: the site's address, e.g. ``https://haelguiden.dk``.
        condition_names: condition id → name in the article's language, for ``about``.

    Raises:
        ContentProblems: an ``about`` id has no name in ``condition_names``.
        ConfigError: the base URL is not valid.
    """
    meta = article.meta
    missing = [c for c in meta.about if c not in condition_names]
    if missing:
        raise ContentProblems(
            Problem(article.file, "about", f"no name for condition id {c!r}; use a known condition id")
            for c in missing
        )
    page: JsonObject = {
        "@context": SCHEMA_CONTEXT,
        "@type": "MedicalWebPage",
        "name": meta.title,
        "headline": meta.meta_title,
        "inLanguage": meta.lang,
        "url": normalise_base_url(base_url) + article.path,
        "datePublished": meta.date_published.isoformat(),
        "dateModified": meta.last_updated.isoformat(),
    }
    if meta.description is not None:
        page["description"] = meta.description
    # A review is claimed only with a named reviewer (``content check`` enforces it).
    if meta.last_reviewed is not None and meta.reviewed_by is not None:
        page["lastReviewed"] = meta.last_reviewed.isoformat()
        page["reviewedBy"] = {"@type": "Person", "name": meta.reviewed_by}
    if meta.about:
        page["about"] = [{"@type": "MedicalCondition", "name": condition_names[c]} for c in meta.about]
    return page


def faq_page(entries: Sequence[FaqEntry], *, lang: str) -> JsonObject | None:
    """The ``FAQPage`` for an article's FAQ; ``None`` when it has no questions."""
    if not entries:
        return None
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "FAQPage",
        "inLanguage": lang,
        "mainEntity": [
            {"@type": "Question", "name": e.question, "acceptedAnswer": {"@type": "Answer", "text": e.answer}}
            for e in entries
        ],
    }


def script_json(data: JsonObject) -> str:
    """JSON for inside ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped, so the text
    can never close the script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""JSON-LD: MedicalWebPage and FAQPage, checked against small JSON Schemas of the schema.org shapes."""

import json
from pathlib import Path

import jsonschema
import pytest

from haelguiden.content.article import parse_article
from haelguiden.content.faq import FaqEntry
from haelguiden.content.jsonld import faq_page, medical_web_page, script_json
from haelguiden.content.problems import ContentProblems
from haelguiden.errors import ConfigError

ISO_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
TEXT = {"type": "string", "minLength": 1}

MEDICAL_WEB_PAGE = {
    "type": "object",
    "required": [
        "@context",
        "@type",
        "name",
        "headline",
        "inLanguage",
        "url",
        "datePublished",
        "dateModified",
    ],
    "additionalProperties": False,
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "MedicalWebPage"},
        "name": TEXT,
        "headline": TEXT,
        "description": TEXT,
        "inLanguage": {"enum": ["da", "en"]},
        "url": {"type": "string", "pattern": "^https?://[^/]+/"},
        "datePublished": ISO_DATE,
        "dateModified": ISO_DATE,
        "lastReviewed": ISO_DATE,
        "reviewedBy": {
            "type": "object",
            "required": ["@type", "name"],
            "additionalProperties": False,
            "properties": {"@type": {"const": "Person"}, "name": TEXT},
        },
        "about": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["@type", "name"],
                "additionalProperties": False,
                "properties": {"@type": {"const": "MedicalCondition"}, "name": TEXT},
            },
        },
    },
}

FAQ_PAGE = {
    "type": "object",
    "required": ["@context", "@type", "mainEntity"],
    "additionalProperties": False,
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "FAQPage"},
        "inLanguage": {"enum": ["da", "en"]},
        "mainEntity": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["@type", "name", "acceptedAnswer"],
                "additionalProperties": False,
                "properties": {
                    "@type": {"const": "Question"},
                    "name": TEXT,
                    "acceptedAnswer": {
                        "type": "object",
                        "required": ["@type", "text"],
                        "additionalProperties": False,
                        "properties": {"@type": {"const": "Answer"}, "text": TEXT},
                    },
                },
            },
        },
    },
}

ARTICLE = """\
---
title: "Hælspore"
metaTitle: "Hælspore: mulige årsager"
description: "Kort om hælspore."
datePublished: "13/09/2025"
lastUpdated: "12/10/2025"
lastReviewed: "01/11/2025"
reviewedBy: "Anne Eksempel, fysioterapeut"
about: [plantar_fasciitis, achilles_rupture]
sources: [ref-1]
---

Tekst.
"""
NAMES = {"plantar_fasciitis": "Plantar fasciitis", "achilles_rupture": "Akillesseneruptur"}


def roundtrip(data: object) -> object:
    return json.loads(json.dumps(data, ensure_ascii=False))


def test_medical_web_page_has_the_schema_org_shape_and_exact_values() -> None:
    article = parse_article(ARTICLE, file="da/haelspore.md", path=Path("da/haelspore.md"))

    page = roundtrip(medical_web_page(article, base_url="https://haelguiden.dk/", condition_names=NAMES))

    jsonschema.validate(page, MEDICAL_WEB_PAGE)
    assert page == {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": "Hælspore",
        "headline": "Hælspore: mulige årsager",
        "description": "Kort om hælspore.",
        "inLanguage": "da",
        "url": "https://haelguiden.dk/artikler/haelspore",
        "datePublished": "2025-09-13",
        "dateModified": "2025-10-12",
        "lastReviewed": "2025-11-01",
        "reviewedBy": {"@type": "Person", "name": "Anne Eksempel, fysioterapeut"},
        "about": [
            {"@type": "MedicalCondition", "name": "Plantar fasciitis"},
            {"@type": "MedicalCondition", "name": "Akillesseneruptur"},
        ],
    }


def test_a_review_date_without_a_reviewer_is_not_claimed() -> None:
    text = ARTICLE.replace('reviewedBy: "Anne Eksempel, fysioterapeut"\n', "")
    article = parse_article(text, file="da/haelspore.md", path=Path("da/haelspore.md"))
    page = medical_web_page(article, base_url="https://haelguiden.dk", condition_names=NAMES)
    assert "lastReviewed" not in page
    assert "reviewedBy" not in page


def test_optional_fields_are_left_out_when_the_article_has_none() -> None:
    text = ARTICLE.replace('description: "Kort om hælspore."\n', "").replace(
        'lastReviewed: "01/11/2025"\nreviewedBy: "Anne Eksempel, fysioterapeut"\n', ""
    )
    text = text.replace("about: [plantar_fasciitis, achilles_rupture]\n", "")
    article = parse_article(text, file="en/heel-spur.md", path=Path("en/heel-spur.md"))

    page = roundtrip(medical_web_page(article, base_url="https://haelguiden.dk", condition_names={}))

    jsonschema.validate(page, MEDICAL_WEB_PAGE)
    assert sorted(page) == sorted(MEDICAL_WEB_PAGE["required"])  # type: ignore[arg-type]
    assert page["url"] == "https://haelguiden.dk/en/articles/heel-spur"  # type: ignore[index]


def test_an_about_id_without_a_name_is_a_content_error() -> None:
    article = parse_article(ARTICLE, file="da/haelspore.md", path=Path("da/haelspore.md"))

    with pytest.raises(ContentProblems) as caught:
        medical_web_page(
            article, base_url="https://haelguiden.dk", condition_names={"plantar_fasciitis": "PF"}
        )
    assert str(caught.value) == (
        "da/haelspore.md: about: no name for condition id 'achilles_rupture'; use a known condition id"
    )


def test_a_base_url_that_is_not_absolute_is_a_config_error() -> None:
    article = parse_article(ARTICLE, file="da/haelspore.md", path=Path("da/haelspore.md"))

    with pytest.raises(ConfigError, match=r"base URL 'haelguiden\.dk' is not an absolute web address"):
        medical_web_page(article, base_url="haelguiden.dk", condition_names=NAMES)


def test_faq_page_has_one_question_with_an_accepted_answer_per_entry() -> None:
    page = roundtrip(
        faq_page([FaqEntry("Går det over?", "Ja.", 3), FaqEntry("Hvornår?", "Snart.", 7)], lang="da")
    )

    jsonschema.validate(page, FAQ_PAGE)
    assert page == {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": "da",
        "mainEntity": [
            {
                "@type": "Question",
                "name": "Går det over?",
                "acceptedAnswer": {"@type": "Answer", "text": "Ja."},
            },
            {
                "@type": "Question",
                "name": "Hvornår?",
                "acceptedAnswer": {"@type": "Answer", "text": "Snart."},
            },
        ],
    }


def test_no_questions_means_no_faq_page() -> None:
    assert faq_page([], lang="da") is None


def test_script_json_cannot_close_the_script_element_and_parses_back() -> None:
    data = {"name": "</script><script>alert('x')</script> & co"}

    text = script_json(data)

    assert [c for c in "<>&" if c in text] == []
    assert json.loads(text) == data

"""Front matter: what a valid article header gives, and the exact message for each kind of mistake."""

from datetime import date
from pathlib import Path

import pytest

from haelguiden.content.frontmatter import FrontMatter, parse_front_matter
from haelguiden.content.problems import ContentProblems, Problem
from haelguiden.errors import ContentError, UserError

FULL = """\
---
title: "Ondt i hælen"
metaTitle: "Ondt i hælen: årsager og råd"
description: "En kort guide."
datePublished: "13/09/2025"
lastUpdated: "12/10/2025"
lastReviewed: "01/11/2025"
slug: ondt-i-haelen
lang: da
translation: heel-pain
about: [plantar_fasciitis, achilles_rupture]
sources: [ref-1, ref-13]
---

Brødtekst.
"""

MINIMAL = """\
---
title: "Ondt i hælen"
lastUpdated: "12/10/2025"
metaTitle: "Ondt i hælen → smerter og behandling"
datePublished: "13/09/2025"
---
"""


def parse(text: str, file: str = "ondt.md", slug: str = "ondt", lang: str = "da") -> FrontMatter:
    meta, _, _ = parse_front_matter(text, file=file, default_slug=slug, default_lang=lang)  # type: ignore[arg-type]
    return meta


def messages(text: str, file: str = "ondt.md", slug: str = "ondt") -> list[str]:
    with pytest.raises(ContentProblems) as caught:
        parse(text, file, slug)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


def with_fields(*lines: str) -> str:
    return "---\n" + "\n".join(lines) + "\n---\n"


REQUIRED = (
    'title: "T"',
    'metaTitle: "M"',
    'datePublished: "13/09/2025"',
    'lastUpdated: "12/10/2025"',
)


def test_every_field_is_read_with_dates_as_dates() -> None:
    meta, body, body_line = parse_front_matter(FULL, file="x.md", default_slug="x", default_lang="en")

    assert meta == FrontMatter.model_validate(
        {
            "title": "Ondt i hælen",
            "metaTitle": "Ondt i hælen: årsager og råd",
            "description": "En kort guide.",
            "datePublished": "13/09/2025",
            "lastUpdated": "12/10/2025",
            "lastReviewed": "01/11/2025",
            "slug": "ondt-i-haelen",
            "lang": "da",
            "translation": "heel-pain",
            "about": ["plantar_fasciitis", "achilles_rupture"],
            "sources": ["ref-1", "ref-13"],
        }
    )
    assert (meta.date_published, meta.last_updated, meta.last_reviewed) == (
        date(2025, 9, 13),
        date(2025, 10, 12),
        date(2025, 11, 1),
    )
    assert meta.about == ("plantar_fasciitis", "achilles_rupture")
    assert (body, body_line) == ("\nBrødtekst.\n", 14)


def test_slug_and_lang_default_to_the_file_name_and_folder() -> None:
    meta = parse(MINIMAL, slug="ondt-i-haelen", lang="en")

    assert (meta.slug, meta.lang) == ("ondt-i-haelen", "en")
    assert (meta.description, meta.translation, meta.last_reviewed, meta.about, meta.sources) == (
        None,
        None,
        None,
        (),
        (),
    )


def test_the_article_helpers_take_language_from_the_folder_and_default_to_danish(tmp_path: Path) -> None:
    from haelguiden.content.article import default_lang

    assert [default_lang(Path(p)) for p in ("x/en/a.md", "x/da/a.md", "x/other/a.md", "a.md")] == [
        "en",
        "da",
        "da",
        "da",
    ]


def test_the_seed_style_header_with_crlf_line_ends_and_a_bom_parses() -> None:
    meta = parse("\ufeff" + MINIMAL.replace("\n", "\r\n"))

    assert meta.meta_title == "Ondt i hælen → smerter og behandling"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            'datePublished: "2025-09-13"',
            "ondt.md: datePublished: '2025-09-13' is not a date in the form DD/MM/YYYY (e.g. 13/09/2025)",
        ),
        (
            "datePublished: 2025-09-13",
            "ondt.md: datePublished: '2025-09-13' is not a date in the form DD/MM/YYYY (e.g. 13/09/2025)",
        ),
        (
            'datePublished: "13/9/2025"',
            "ondt.md: datePublished: '13/9/2025' is not a date in the form DD/MM/YYYY (e.g. 13/09/2025)",
        ),
        (
            'datePublished: "31/02/2025"',
            "ondt.md: datePublished: '31/02/2025' is not a real date; check the day and the month "
            "(DD/MM/YYYY, e.g. 13/09/2025)",
        ),
        (
            "datePublished:",
            "ondt.md: datePublished: is empty; write a date in the form DD/MM/YYYY (e.g. 13/09/2025)",
        ),
    ],
)
def test_a_date_that_is_not_dd_mm_yyyy_is_named_with_the_fix(line: str, expected: str) -> None:
    fields = [f for f in REQUIRED if not f.startswith("datePublished")]

    assert messages(with_fields(*fields, line)) == [expected]


def test_missing_required_fields_are_all_listed_with_an_example_line() -> None:
    assert messages(with_fields('title: "T"')) == [
        'ondt.md: metaTitle: is missing; add a line such as metaTitle: "Ondt i hælen: årsager og behandling"',
        'ondt.md: datePublished: is missing; add a line such as datePublished: "13/09/2025"',
        'ondt.md: lastUpdated: is missing; add a line such as lastUpdated: "13/09/2025"',
    ]


def test_an_unknown_field_gets_a_did_you_mean_suggestion() -> None:
    assert messages(with_fields(*REQUIRED, 'titel: "x"', 'datepublished: "x"')) == [
        "ondt.md: titel: is not a known field; remove it or rename it. Did you mean 'title'?",
        "ondt.md: datepublished: is not a known field; remove it or rename it. Did you mean 'datePublished'?",
    ]


def test_an_unknown_field_without_a_close_match_lists_the_allowed_fields() -> None:
    assert messages(with_fields(*REQUIRED, "colour: red")) == [
        "ondt.md: colour: is not a known field; remove it or rename it. The allowed fields are title, "
        "metaTitle, datePublished, lastUpdated, description, slug, lang, translation, lastReviewed, "
        "reviewedBy, about, sources."
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: 42", "ondt.md: title: must be text, not 42 (a number); put the value in double quotes"),
        (
            "title: yes",
            "ondt.md: title: must be text, not true (a yes/no value); put the value in double quotes",
        ),
        ('title: ""', "ondt.md: title: is empty; write the text or remove the line"),
        (
            "about: plantar_fasciitis",
            "ondt.md: about: must be a list, not 'plantar_fasciitis'; write e.g. about: [plantar_fasciitis]",
        ),
        (
            "sources: [ref-1, 13]",
            "ondt.md: sources[1]: must be text, not 13 (a number); put the value in double quotes",
        ),
        ("lang: de", "ondt.md: lang: 'de' is not a supported language; use da or en"),
        (
            'slug: "Ondt i hælen"',
            "ondt.md: slug: 'Ondt i hælen' is not a valid slug; use lowercase letters a-z, digits and single "
            "hyphens (e.g. ondt-i-haelen)",
        ),
        (
            "translation: Heel_Pain",
            "ondt.md: translation: 'Heel_Pain' is not a valid slug; use lowercase letters a-z, "
            "digits and single "
            "hyphens (e.g. ondt-i-haelen)",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_with_the_fix(line: str, expected: str) -> None:
    fields = [f for f in REQUIRED if not f.startswith(line.split(":")[0] + ":")]

    assert messages(with_fields(*fields, line)) == [expected]


def test_a_file_name_that_is_no_slug_says_to_rename_the_file_or_add_a_slug() -> None:
    assert messages(with_fields(*REQUIRED), file="Ondt i hælen.md", slug="Ondt i hælen") == [
        "Ondt i hælen.md: slug: the file name gives the slug 'Ondt i hælen', which is not valid; rename the "
        "file to lowercase a-z, digits and hyphens (e.g. ondt-i-haelen.md) or add a line slug: ondt-i-haelen"
    ]


def test_all_problems_of_a_file_are_reported_together() -> None:
    text = with_fields(
        'title: "T"', 'metaTitle: "M"', 'datePublished: "2025-09-13"', "lastUpdated: 12.10.2025"
    )

    assert messages(text) == [
        "ondt.md: datePublished: '2025-09-13' is not a date in the form DD/MM/YYYY (e.g. 13/09/2025)",
        "ondt.md: lastUpdated: '12.10.2025' is not a date in the form DD/MM/YYYY (e.g. 13/09/2025)",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Ondt i hælen\n",
            "ondt.md:1: front matter: the file must start with a line '---', then the fields (title: ...), "
            "then a line '---'",
        ),
        (
            '---\ntitle: "T"\n\nTekst uden slutlinje.\n',
            "ondt.md:1: front matter: the front matter starting on line 1 has no closing '---'; add a line "
            "with only '---' after the last field",
        ),
        (
            '---\ntitle: "T"\nmetaTitle: Hæl: smerter\n---\n',
            "ondt.md:3: front matter: is not valid YAML (mapping values are not allowed here); write one "
            "'field: value' per line and put values that contain a colon or quote in double quotes, e.g. "
            'title: "Hæl: smerter"',
        ),
        (
            "---\n- title\n- metaTitle\n---\n",
            "ondt.md:2: front matter: must be 'field: value' lines, but it is a list; see the seed article",
        ),
        (
            '---\ntitle: "T"\ntitle: "U"\n---\n',
            "ondt.md:3: front matter: is not valid YAML (the field 'title' appears twice; keep only "
            "one); write "
            "one 'field: value' per line and put values that contain a colon or quote in double quotes, e.g. "
            'title: "Hæl: smerter"',
        ),
    ],
)
def test_a_broken_header_says_where_and_how_to_fix_it(text: str, expected: str) -> None:
    assert messages(text) == [expected]


def test_an_empty_header_reports_each_required_field() -> None:
    assert [m.split(":")[1] for m in messages("---\n---\n")] == [
        " title",
        " metaTitle",
        " datePublished",
        " lastUpdated",
    ]


def test_content_problems_are_user_errors_that_carry_structured_problems() -> None:
    with pytest.raises(ContentError) as caught:
        parse(with_fields(*REQUIRED, "lang: de"))

    assert isinstance(caught.value, UserError)
    assert isinstance(caught.value, ContentProblems)
    assert caught.value.problems == (
        Problem("ondt.md", "lang", "'de' is not a supported language; use da or en"),
    )

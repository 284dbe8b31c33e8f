"""The seed page (../shared/seed/ondt-i-haelen.md) as a real-world fixture; it is never copied into src."""

import json
import re
from pathlib import Path

import jsonschema

from haelguiden.content.article import read_article
from haelguiden.content.jsonld import faq_page
from haelguiden.content.markdown import TocEntry

from .test_jsonld import FAQ_PAGE


def test_the_seed_front_matter_parses(seed_path: Path) -> None:
    article = read_article(seed_path)

    assert (article.title, article.meta.meta_title) == (
        "Ondt i hælen",
        "Ondt i hælen → smerter og behandling",
    )
    assert article.meta.date_published.strftime("%d/%m/%Y") == "13/09/2025"
    assert (article.slug, article.lang) == ("ondt-i-haelen", "da")


def test_the_seed_cause_table_renders_with_three_body_rows(seed_path: Path) -> None:
    html = read_article(seed_path).html

    [table] = re.findall(r"<table>.*?</table>", html, re.DOTALL)
    [tbody] = re.findall(r"<tbody>(.*?)</tbody>", table, re.DOTALL)
    assert tbody.count("<tr>") == 3
    assert re.findall(r"<th[^>]*>(.*?)</th>", table) == ["Årsag", "Typiske tegn", "Hurtig behandling"]
    assert '<td class="align-right">Smerte under hælen, værst efter hvile' in table


def test_the_seed_toc_lists_its_h2_sections(seed_path: Path) -> None:
    toc = read_article(seed_path).rendered.toc

    assert [(e.text, e.anchor) for e in toc] == [
        ("Hvorfor har jeg ondt i hælen?", "hvorfor-har-jeg-ondt-i-haelen"),
        ("Hvor i hælen gør det ondt? Under vs. bag hælen", "hvor-i-haelen-goer-det-ondt-under-vs-bag-haelen"),
        ("Hvordan stilles diagnosen for hælsmerter?", "hvordan-stilles-diagnosen-for-haelsmerter"),
        ("Hvordan behandles ondt i hælen?", "hvordan-behandles-ondt-i-haelen"),
        ("Hvad kan jeg gøre hjemme mod smerter i hælen?", "hvad-kan-jeg-goere-hjemme-mod-smerter-i-haelen"),
        ("Hvor lang tid tager det at blive bedre?", "hvor-lang-tid-tager-det-at-blive-bedre"),
        ("Hvornår skal jeg søge hjælp?", "hvornaar-skal-jeg-soege-hjaelp"),
        ("Kan fysioterapi hjælpe med ondt i hælen?", "kan-fysioterapi-hjaelpe-med-ondt-i-haelen"),
        ("Ofte stillede spørgsmål om Ondt i hælen", "ofte-stillede-spoergsmaal-om-ondt-i-haelen"),
    ]
    assert toc[0].children == (
        TocEntry("Hvad er plantar fasciitis (hælspore)?", "hvad-er-plantar-fasciitis-haelspore"),
        TocEntry("Kan akillessenen være årsagen?", "kan-akillessenen-vaere-aarsagen"),
        TocEntry(
            "Hvad med stressfraktur, bursitis eller gigt?", "hvad-med-stressfraktur-bursitis-eller-gigt"
        ),
    )


def test_the_seed_faq_has_six_questions_that_become_faq_page_json_ld(seed_path: Path) -> None:
    article = read_article(seed_path)

    assert [e.question for e in article.faq] == [
        "Hvad er forskellen på hælspore og plantar fasciitis?",
        "Kan løb give ondt i hælen?",
        "Hjælper indlæg og sko mod hælsmerter?",
        "Er stødbehandling (shockwave) effektivt?",
        "Skal jeg tage smertestillende medicin?",
        "Hvornår er operation nødvendigt?",
    ]
    assert article.faq[1].answer.startswith("Ja. Løb, især øget træningsmængde")
    # The closing paragraph after the last question belongs to that question's answer: no heading ends it.
    assert article.faq[5].answer.endswith("så du kan komme i gang med den rette plan.")

    page = json.loads(json.dumps(faq_page(article.faq, lang=article.lang)))
    jsonschema.validate(page, FAQ_PAGE)
    assert [q["@type"] for q in page["mainEntity"]] == ["Question"] * 6
    assert all(q["acceptedAnswer"]["@type"] == "Answer" for q in page["mainEntity"])

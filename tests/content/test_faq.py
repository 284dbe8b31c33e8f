"""FAQ: the h2 section named "Ofte stillede spørgsmål", "Frequently asked questions" or "FAQ"."""

import pytest

from haelguiden.content.faq import FaqEntry, extract_faq, is_faq_heading
from haelguiden.content.markdown import render_markdown


def faq(source: str) -> tuple[FaqEntry, ...]:
    return extract_faq(render_markdown(source, lang="da").blocks)


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Ofte stillede spørgsmål om ondt i hælen", True),
        ("OFTE STILLEDE SPØRGSMÅL", True),
        ("Frequently asked questions", True),
        ("FAQ", True),
        ("Spørgsmål og svar (faq)", True),
        ("Faqir", False),
        ("Spørgsmål", False),
    ],
)
def test_the_faq_section_is_found_by_its_heading(heading: str, expected: bool) -> None:
    assert is_faq_heading(heading) is expected


def test_each_h3_is_a_question_and_the_text_until_the_next_heading_its_answer() -> None:
    source = """\
## Behandling

### Ikke et spørgsmål i FAQ

Tekst.

## Ofte stillede spørgsmål

Indledning hører ikke til et spørgsmål.

### Går det over?

Ja, for [de fleste](/artikler/x).

Giv det tid.

### Hvad kan jeg gøre?

- Hvil
- Stræk

#### Underoverskrift

Ikke en del af svaret.

### Uden svar?

## Kilder

### Ikke i FAQ

Tekst.
"""
    assert faq(source) == (
        FaqEntry("Går det over?", "Ja, for de fleste.\nGiv det tid.", 11),
        FaqEntry("Hvad kan jeg gøre?", "Hvil\nStræk", 17),
        FaqEntry("Uden svar?", "", 26),
    )


def test_an_article_without_a_faq_section_has_no_questions() -> None:
    assert faq("## Behandling\n\n### Spørgsmål?\n\nSvar.\n") == ()

"""LIX on small texts, each value computed by hand: words / sentences + 100 × long words / words."""

import pytest

from haelguiden.content.lix import LixScore, lix
from haelguiden.content.markdown import render_markdown


@pytest.mark.parametrize(
    ("text", "words", "sentences", "long_words", "value"),
    [
        # 10 words, 2 sentences, 1 long word (morgenen): 10/2 + 100·1/10
        ("Jeg har ondt i hælen. Det gør ondt om morgenen.", 10, 2, 1, 15.0),
        # every line ends a sentence, even without a full stop: 3/2 + 0
        ("Hvile\nStræk læggen", 3, 2, 0, 1.5),
        # colon, exclamation and question marks end sentences; "Virker" has 6 letters, not more: 7/4 + 0
        ("Husk dette: stræk foden! Virker det? Ja.", 7, 4, 0, 1.75),
        # a URL is not a word: 5/1 + 0
        ("Læs mere på https://www.sundhed.dk/borger i dag.", 5, 1, 0, 5.0),
        ("Læs mere på www.sundhed.dk i dag.", 5, 1, 0, 5.0),
        # plantar (7), fasciitis (9) and morgenstivhed (13) are long: 4/1 + 100·3/4
        ("Plantar fasciitis giver morgenstivhed.", 4, 1, 3, 79.0),
        # a full stop inside a number does not end a sentence; "3–6" is a word without letters: 6/1 + 0
        ("Tag 2.5 mg i 3–6 dage", 6, 1, 0, 6.0),
        # punctuation is not part of a word's length: "(hælspore)," has 8 letters: 2/1 + 100·1/2
        ("Fasen (hælspore),", 2, 1, 1, 52.0),
        ("", 0, 0, 0, 0.0),
        ("... !!! ???", 0, 0, 0, 0.0),
    ],
)
def test_lix_of_known_texts(text: str, words: int, sentences: int, long_words: int, value: float) -> None:
    score = lix(text)

    assert score == LixScore(words, sentences, long_words)
    assert score.value == value


def test_lix_prints_with_one_decimal() -> None:
    assert str(LixScore(10, 3, 2)) == "23.3"


def test_lix_of_an_article_body_skips_headings_directives_and_urls_and_counts_table_cells() -> None:
    source = """\
## Overskrift med mange meget lange ord

Gå en tur. Læs [denne vejledning](https://example.org/en-meget-lang-adresse).

- Stræk læggen
- Brug gode sko

| Årsag | Tegn |
|---|---|
| Hælspore | Smerte om morgenen |

<!-- kb:timeline plantar_fasciitis -->
"""
    score = lix(render_markdown(source, lang="da").lix_text)

    # Lines: "Gå en tur. Læs denne vejledning." (6 words, 2 sentences, vejledning long),
    # "Stræk læggen" (2, 1), "Brug gode sko" (3, 1), "Årsag Tegn" (2, 1),
    # "Hælspore Smerte om morgenen" (4, 1, Hælspore and morgenen long).
    assert score == LixScore(words=17, sentences=6, long_words=3)
    assert score.value == pytest.approx(17 / 6 + 100 * 3 / 17)

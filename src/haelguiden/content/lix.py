"""LIX readability (Björnsson): words per sentence plus the percentage of long words.

``LIX = words / sentences + 100 × long words / words``, where a long word has more than six letters. A
sentence ends at ``.``, ``!``, ``?`` or ``:`` before a space, and at the end of every line: the text given is
one block (paragraph, list item, table row) per line, as :attr:`RenderedMarkdown.lix_text` produces it.
Below 40 is easy to read; Hælguiden's Danish articles aim for at most :data:`DANISH_TARGET`.
"""

import re
from dataclasses import dataclass

DANISH_TARGET = 40
LONG_WORD_LETTERS = 6

_SENTENCE_END_RE = re.compile(r"[.!?:]+[\"'»”’)\]]*(?=\s|$)")


@dataclass(frozen=True)
class LixScore:
    """The counts behind a LIX value."""

    words: int
    sentences: int
    long_words: int

    @property
    def value(self) -> float:
        """The LIX value; 0 for a text without words."""
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words

    def __str__(self) -> str:
        return f"{self.value:.1f}"


def _is_url(token: str) -> bool:
    return "://" in token or token.lower().startswith("www.")


def _words(segment: str) -> list[str]:
    return [t for t in segment.split() if any(c.isalnum() for c in t) and not _is_url(t)]


def lix(text: str) -> LixScore:
    """Compute LIX of plain text with one block per line.

    Example:
        >>> lix("Jeg har ondt i hælen. Det gør ondt om morgenen.").value
        15.0
    """
    words = sentences = long_words = 0
    for line in text.splitlines():
        for segment in _SENTENCE_END_RE.split(line):
            found = _words(segment)
            if found:
                sentences += 1
                words += len(found)
                long_words += sum(1 for w in found if sum(c.isalpha() for c in w) > LONG_WORD_LETTERS)
    return LixScore(words, sentences, long_words)

"""The FAQ of an article: the ``##`` section called "Ofte stillede spørgsmål" (or FAQ).

Each ``###`` heading in it is a question; the text up to the next heading is its answer.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from haelguiden.content.markdown import TextBlock

_FAQ_HEADING_RE = re.compile(r"ofte stillede spørgsmål|frequently asked questions|\bfaq\b", re.IGNORECASE)


@dataclass(frozen=True)
class FaqEntry:
    """One question and its answer, both plain text (answer paragraphs separated by newlines)."""

    question: str
    answer: str
    line: int


def is_faq_heading(text: str) -> bool:
    """Whether an h2 text names the FAQ section."""
    return _FAQ_HEADING_RE.search(text) is not None


def extract_faq(blocks: Sequence[TextBlock]) -> tuple[FaqEntry, ...]:
    """The questions and answers of the first FAQ section (empty when the article has none)."""
    entries: list[FaqEntry] = []
    in_faq = False
    question: TextBlock | None = None
    answer: list[str] = []
    for block in [*blocks, TextBlock("heading", "", 0, level=1)]:
        if block.kind != "heading":
            if question is not None:
                answer.append(block.text)
            continue
        if question is not None:
            entries.append(FaqEntry(question.text, "\n".join(answer), question.line))
            question, answer = None, []
        if block.level <= 2:
            if in_faq:
                break
            in_faq = block.level == 2 and is_faq_heading(block.text)
        elif in_faq and block.level == 3:
            question = block
    return tuple(entries)

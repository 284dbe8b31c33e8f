"""Problems found in articles, and the error that carries all of them at once."""

from collections.abc import Iterable
from dataclasses import dataclass

from haelguiden.errors import ContentError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one article: which file, which field, what is wrong and how to fix it.

    ``field`` is a front matter field (``datePublished``) or ``body`` for the Markdown text; ``line`` is the
    1-based line in the file when it is known.
    """

    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentProblems(ContentError):
    """A :class:`~haelguiden.errors.ContentError` listing every problem found, one per line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

"""Every error Hælguiden raises on purpose, as one tree.

::

    HaelguidenError                      base; never raised itself
    ├── UserError                        bad input: shown as a message, exit code 2 / HTTP 4xx, no traceback
    │   ├── AnswerError                  an answer that does not fit its question
    │   ├── KnowledgeError               invalid knowledge files (every problem, with file/entry/field)
    │   ├── VignetteError                a vignette file line that does not fit the format
    │   ├── ContentError                 an article with broken front matter, dates or links
    │   ├── DiaryError                   a diary entry or token that is not valid
    │   └── ConfigError                  a setting with a bad value
    ├── StorageError                     the database cannot be reached or used: CLI exit 2, HTTP 503
    └── InternalError                    a bug; logged (without patient answers) and shown as a generic error

Entry points translate ``UserError`` into their own shape (``click.ClickException``, problem+json, an error
page) in one place each; nothing else catches them. No message ever contains a patient's answers beyond the
field that was wrong.
"""

from __future__ import annotations

from haelguiden.engine.errors import AnswerError, HaelguidenError, UserError


class KnowledgeError(UserError):
    """The knowledge base has problems; ``problems`` lists every one, each a complete sentence."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the knowledge base:\n" + "\n".join(problems))

    def __reduce__(self) -> tuple[type[KnowledgeError], tuple[list[str]]]:
        # rebuilt from its problems, not its message, when it crosses a process boundary (pickle)
        return (KnowledgeError, (self.problems,))


class VignetteError(UserError):
    """A vignette file that does not fit the vignette format."""


class ContentError(UserError):
    """An article that cannot be published as it is."""


class DiaryError(UserError):
    """A diary entry, token or request that is not valid."""


class ConfigError(UserError):
    """A setting with a value that cannot be used."""


class StorageError(HaelguidenError):
    """The diary database cannot be reached or used (down, not a database, not writable).

    Not the person's fault, so not a ``UserError``: the web answers 503 with Retry-After; the CLI prints the
    message (which names the database without its password) and exits with 2.
    """


class InternalError(HaelguidenError):
    """Something that should not happen: a bug."""


__all__ = [
    "AnswerError",
    "ConfigError",
    "ContentError",
    "DiaryError",
    "HaelguidenError",
    "InternalError",
    "KnowledgeError",
    "StorageError",
    "UserError",
    "VignetteError",
]

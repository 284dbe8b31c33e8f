"""The self-check's only state: the answers so far, as a signed token in an HttpOnly cookie.

The token is tamper-evident (itsdangerous, keyed with ``HAELGUIDEN_SECRET_KEY``) and time-limited, so any
instance with the same key can serve the next request and nothing is stored on the server. It lives in a
cookie, never in a URL, because URLs end up in logs. A token that was altered, signed with another key,
expired, or holds answers that no longer fit the knowledge base is refused as a whole: the person starts
again with a friendly message, never an error page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from itsdangerous import BadData, URLSafeTimedSerializer

from haelguiden.engine.errors import AnswerError
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers, StoryValue

COOKIE_NAME = "hg_svar"
_SALT = "haelguiden.answers.v1"
#: How long a self-check may take before its answers expire (seconds).
MAX_AGE_SECONDS = 12 * 60 * 60
#: More answers than this cannot come from the interview; refuse such a token outright.
MAX_ANSWERS = 100


class InvalidState(Exception):
    """The token could not be trusted or read; the person has to start again."""


@dataclass(frozen=True)
class CheckState:
    """The answers so far and, once given on the result page, the region for the after-hours number."""

    answers: Answers = field(default_factory=Answers)
    region: str | None = None
    #: Facts read from a story and not yet confirmed (the confirmation page); never the story itself.
    pending_story: Mapping[str, StoryValue] | None = None


class StateCodec:
    """Turns a :class:`CheckState` into a signed token and back, checking every answer on the way in."""

    def __init__(self, secret_key: str, kb: KnowledgeBase) -> None:
        """Sign with ``secret_key``; check answers against ``kb``."""
        self._serializer = URLSafeTimedSerializer(secret_key, salt=_SALT)
        self._kb = kb
        self._regions = frozenset(r.id for r in kb.regions)

    def dumps(self, state: CheckState) -> str:
        """The signed token for ``state``."""
        data = state.answers.to_dict()
        payload: dict[str, object] = {"a": [[e["question"], e["value"]] for e in _entries(data)]}
        if state.region is not None:
            payload["r"] = state.region
        if state.answers.story:
            payload["s"] = data["story"]
        if state.pending_story is not None:
            payload["p"] = {f: list(v) if isinstance(v, tuple) else v for f, v in state.pending_story.items()}
        return self._serializer.dumps(payload)

    def loads(self, token: str) -> CheckState:
        """Read a token made by :meth:`dumps`.

        Raises:
            InvalidState: the token was altered, signed with another key, expired or does not fit.
        """
        try:
            payload = self._serializer.loads(token, max_age=MAX_AGE_SECONDS)
        except BadData:
            raise InvalidState("bad signature or expired") from None
        if not isinstance(payload, Mapping) or not isinstance(payload.get("a"), list):
            raise InvalidState("unexpected payload")
        entries = payload["a"]
        if len(entries) > MAX_ANSWERS or not all(isinstance(e, list) and len(e) == 2 for e in entries):
            raise InvalidState("unexpected answers")
        story = payload.get("s")
        pending = payload.get("p")
        try:
            data: dict[str, object] = {"answers": [{"question": q, "value": v} for q, v in entries]}
            if story is not None:
                data["story"] = story
            answers = Answers.from_dict(self._kb, data)
            checked = None if pending is None else Answers().with_story(self._kb, pending).story
        except AnswerError:
            raise InvalidState("answers do not fit the knowledge base") from None
        region = payload.get("r")
        if region is not None and region not in self._regions:
            raise InvalidState("unknown region")
        return CheckState(answers=answers, region=region, pending_story=checked)


def _entries(data: Mapping[str, object]) -> list[Mapping[str, object]]:
    entries = data["answers"]
    assert isinstance(entries, list)
    return entries

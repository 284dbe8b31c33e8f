"""The self-check's only state: the answers so far, as an encrypted and signed token in an HttpOnly cookie.

The token is a Fernet token (``cryptography``: AES-128-CBC encryption plus an HMAC-SHA256 signature over
it and a timestamp), keyed with a key derived from ``HAELGUIDEN_SECRET_KEY`` (HKDF-SHA256, its own
``info`` so the key is used for nothing else). Nobody who sees the cookie (a shared computer, a proxy that
logs cookies) can read the answers, nobody can change them, and it expires after
:data:`MAX_AGE_SECONDS`. Any instance with the same key can serve the next request and nothing is stored
on the server. It lives in a cookie, never in a URL, because URLs end up in logs. A token that was
altered, made with another key, expired, or holds answers that no longer fit the knowledge base is refused
as a whole: the person starts again with a friendly message, never an error page.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from haelguiden.engine.errors import AnswerError
from haelguiden.engine.model import KnowledgeBase
from haelguiden.engine.state import Answers, StoryValue

COOKIE_NAME = "hg_svar"
_INFO = b"haelguiden.answers.v2"
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


def cookie_fernet(secret_key: str) -> Fernet:
    """The Fernet (encrypt and sign) of the answers cookie for ``secret_key``."""
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def seal(secret_key: str, payload: object) -> str:
    """``payload`` as JSON, encrypted and signed with ``secret_key`` (what :meth:`StateCodec.dumps` sends)."""
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return cookie_fernet(secret_key).encrypt(text.encode()).decode("ascii")


class StateCodec:
    """Turns a :class:`CheckState` into an encrypted token and back, checking every answer on the way in."""

    def __init__(self, secret_key: str, kb: KnowledgeBase) -> None:
        """Encrypt and sign with ``secret_key``; check answers against ``kb``."""
        self._secret_key = secret_key
        self._fernet = cookie_fernet(secret_key)
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
        return seal(self._secret_key, payload)

    def loads(self, token: str) -> CheckState:
        """Read a token made by :meth:`dumps`.

        Raises:
            InvalidState: the token was altered, made with another key, expired or does not fit.
        """
        try:
            # A cookie value ending in "=" may come back quoted; a Fernet token never holds a quote.
            payload = json.loads(self._fernet.decrypt(token.strip('"').encode("ascii"), ttl=MAX_AGE_SECONDS))
        except (InvalidToken, UnicodeError, ValueError, RecursionError):
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

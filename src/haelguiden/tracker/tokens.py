"""Private diary links: 256-bit random tokens, of which only a SHA-256 hash is ever stored.

Whoever has the link has the diary, so the token is the only secret. It is shown once, when the diary is
created. Storage holds ``hash_token(token)``; a lookup hashes the presented token, finds the row by hash
and compares the hashes in constant time. A wrong, malformed or unknown token all raise the same
:class:`~haelguiden.tracker.model.DiaryNotFound`, so an answer reveals nothing about which it was.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from haelguiden.tracker.model import DiaryNotFound

#: 32 random bytes = 256 bits, which ``token_urlsafe`` writes as 43 URL-safe characters.
TOKEN_BYTES = 32
TOKEN_LENGTH = 43
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


def new_token() -> str:
    """A fresh private link token (256 bits from :func:`secrets.token_urlsafe`)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def is_well_formed(token: object) -> bool:
    """True when ``token`` could have come from :func:`new_token` (43 URL-safe characters)."""
    return isinstance(token, str) and _TOKEN.match(token) is not None


def hash_token(token: str) -> str:
    """The stored form of a token: its SHA-256 hash as 64 hex characters."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def lookup_hash(token: object) -> str:
    """The hash to look a diary up by.

    Raises:
        DiaryNotFound: the token is malformed (the same error as for an unknown token).
    """
    if not is_well_formed(token):
        raise DiaryNotFound()
    assert isinstance(token, str)
    return hash_token(token)


def hashes_match(presented_hash: str, stored_hash: str) -> bool:
    """Compare two token hashes in constant time."""
    return hmac.compare_digest(presented_hash.encode("ascii"), stored_hash.encode("ascii"))


__all__ = [
    "TOKEN_BYTES",
    "TOKEN_LENGTH",
    "hash_token",
    "hashes_match",
    "is_well_formed",
    "lookup_hash",
    "new_token",
]

"""Private link tokens: 256 random bits, stored only as a SHA-256 hash, compared in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import pytest

from haelguiden.tracker import tokens
from haelguiden.tracker.model import DiaryNotFound


def test_a_token_is_256_random_bits_in_url_safe_characters() -> None:
    token = tokens.new_token()
    assert len(token) == tokens.TOKEN_LENGTH == 43
    assert len(base64.urlsafe_b64decode(token + "=")) == 32
    assert tokens.is_well_formed(token)


def test_tokens_come_from_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def fake(nbytes: int) -> str:
        calls.append(nbytes)
        return "T" * 43

    monkeypatch.setattr(secrets, "token_urlsafe", fake)
    assert tokens.new_token() == "T" * 43
    assert calls == [32]


def test_the_stored_form_is_the_sha256_hex_digest() -> None:
    token = "a" * 43
    assert tokens.hash_token(token) == hashlib.sha256(b"a" * 43).hexdigest()
    assert tokens.lookup_hash(token) == tokens.hash_token(token)


@pytest.mark.parametrize("bad", ["", "a" * 42, "a" * 44, "a" * 42 + "=", "a" * 42 + "/", "å" * 43, None, 42])
def test_malformed_tokens_are_not_found(bad: object) -> None:
    assert not tokens.is_well_formed(bad)
    with pytest.raises(DiaryNotFound):
        tokens.lookup_hash(bad)


def test_hashes_are_compared_with_compare_digest(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert tokens.hashes_match("ab", "ab")
    assert not tokens.hashes_match("ab", "ac")
    assert seen == [(b"ab", b"ab"), (b"ab", b"ac")]

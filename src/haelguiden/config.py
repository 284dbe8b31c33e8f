"""One typed settings object, read from the environment once, validated at startup."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from haelguiden.errors import ConfigError

_PLACEHOLDERS = {"", "change-me", "changeme", "secret", "dev"}


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Defaults run the app with embedded SQLite and no other service."""

    database_url: str = "sqlite:///data/haelguiden.db"
    knowledge_dir: Path | None = None
    secret_key: str = ""
    redis_url: str | None = None
    base_url: str = "http://127.0.0.1:8000"
    environment: str = "development"
    rate_limit: str = "120/minute"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read ``HAELGUIDEN_*``, ``DATABASE_URL`` and ``REDIS_URL``; refuse weak secrets in production."""
        env = os.environ if env is None else env
        environment = env.get("HAELGUIDEN_ENV", "development")
        if environment not in ("development", "test", "production"):
            raise ConfigError(
                f"HAELGUIDEN_ENV has value '{environment}'. Use development, test or production."
            )
        secret = env.get("HAELGUIDEN_SECRET_KEY", "")
        if environment == "production" and (secret.lower() in _PLACEHOLDERS or len(secret) < 32):
            raise ConfigError(
                "HAELGUIDEN_SECRET_KEY must be a random value of at least 32 characters in production."
            )
        if not secret:
            # A fresh key per process: signed answer tokens then only work within one run, which is fine
            # for development; production must set a shared key so several instances agree.
            secret = secrets.token_urlsafe(32)
        knowledge = env.get("HAELGUIDEN_KNOWLEDGE_DIR")
        return cls(
            database_url=env.get("DATABASE_URL", cls.database_url),
            knowledge_dir=Path(knowledge) if knowledge else None,
            secret_key=secret,
            redis_url=env.get("REDIS_URL") or None,
            base_url=env.get("HAELGUIDEN_BASE_URL", cls.base_url).rstrip("/"),
            environment=environment,
            rate_limit=env.get("HAELGUIDEN_RATE_LIMIT", cls.rate_limit),
        )

"""One typed settings object, read from the environment once, validated at startup.

Every problem is a :class:`ConfigError` naming the variable, its value (never a secret) and how to fix it,
so ``haelguiden serve`` can refuse to start with one line instead of failing on the first request.

Production (``HAELGUIDEN_ENV=production``) refuses unsafe settings: it needs a secret key of at least 32
characters, shared by every instance, and a way to know its public address: either ``HAELGUIDEN_BASE_URL``
(https) or ``FORWARDED_ALLOW_IPS``, the proxies whose ``X-Forwarded-Proto``/``X-Forwarded-For`` headers
are trusted (uvicorn reads the same variable). Production always sends HSTS and marks cookies Secure.

In development without ``HAELGUIDEN_SECRET_KEY`` the key is generated once and kept in
``<data folder>/secret.key`` (mode 0600, folder 0700), so every worker and every restart share it and
answers in progress survive a restart.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from limits import parse as parse_rate_limit

from haelguiden.errors import ConfigError

_PLACEHOLDERS = {"", "change-me", "changeme", "secret", "dev"}
_BASE_URL_RE = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?")
_IPS_RE = re.compile(r"\*|[0-9A-Fa-f:./]+( *, *[0-9A-Fa-f:./]+)*")
#: The file in the data folder that keeps the development secret key.
SECRET_KEY_FILE = "secret.key"
#: The smallest key length production accepts.
MIN_SECRET_LENGTH = 32


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Defaults run the app with embedded SQLite and no other service."""

    database_url: str = "sqlite:///data/haelguiden.db"
    knowledge_dir: Path | None = None
    secret_key: str = ""
    redis_url: str | None = None
    #: The public address; None: the address each request reached (trusted proxy headers included).
    base_url: str | None = None
    environment: str = "development"
    rate_limit: str = "120/minute"
    data_dir: Path = Path("data")
    #: The proxies whose forwarded headers are trusted (uvicorn's FORWARDED_ALLOW_IPS), or None.
    forwarded_allow_ips: str | None = None
    #: Who runs the site and how to reach them (the data controller the privacy page names), or None.
    operator: str | None = None

    @property
    def https(self) -> bool:
        """Whether the site is served over https: always in production, else when the base URL says so."""
        return self.environment == "production" or (self.base_url or "").startswith("https://")

    def signing_key(self) -> str:
        """The key that signs and encrypts cookies: the one set, else (development) the data folder's.

        In the test environment without a key, a random one for this call (tests set their own).

        Raises:
            ConfigError: the development key file cannot be made or read.
        """
        if self.secret_key:
            return self.secret_key
        if self.environment == "development":
            return development_key(self.data_dir)
        return secrets.token_urlsafe(32)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read ``HAELGUIDEN_*``, ``DATABASE_URL``, ``REDIS_URL`` and ``FORWARDED_ALLOW_IPS``; check them.

        Raises:
            ConfigError: a value cannot be used, or production lacks what it needs.
        """
        env = os.environ if env is None else env
        environment = env.get("HAELGUIDEN_ENV", "development")
        if environment not in ("development", "test", "production"):
            raise ConfigError(
                f"HAELGUIDEN_ENV has value '{environment}'. Use development, test or production."
            )
        data_dir = Path(env.get("HAELGUIDEN_DATA_DIR") or "data")
        base_url = _base_url(env.get("HAELGUIDEN_BASE_URL") or None, environment)
        proxies = _forwarded_allow_ips(env.get("FORWARDED_ALLOW_IPS") or None)
        if environment == "production" and base_url is None and proxies is None:
            raise ConfigError(
                "production needs its public address: set HAELGUIDEN_BASE_URL (e.g. https://haelguiden.dk), "
                "or FORWARDED_ALLOW_IPS to the address of the proxy in front (e.g. 127.0.0.1)."
            )
        knowledge = env.get("HAELGUIDEN_KNOWLEDGE_DIR")
        if knowledge and not Path(knowledge).is_dir():
            raise ConfigError(
                f"HAELGUIDEN_KNOWLEDGE_DIR has value '{knowledge}', which is not a folder. Point it at a "
                "copy of src/haelguiden/knowledge_base/ or leave it unset."
            )
        rate_limit = env.get("HAELGUIDEN_RATE_LIMIT", cls.rate_limit)
        try:
            parse_rate_limit(rate_limit)
        except ValueError:
            raise ConfigError(
                f"HAELGUIDEN_RATE_LIMIT has value '{rate_limit}'. Write it like 120/minute "
                "(or 10/second, 1000/hour)."
            ) from None
        redis_url = env.get("REDIS_URL") or None
        if redis_url is not None and not redis_url.startswith(("redis://", "rediss://", "unix://")):
            raise ConfigError(
                "REDIS_URL must start with redis://, rediss:// or unix:// (e.g. redis://127.0.0.1:6379/0)."
            )
        return cls(
            database_url=env.get("DATABASE_URL", cls.database_url),
            knowledge_dir=Path(knowledge) if knowledge else None,
            secret_key=_secret_key(env.get("HAELGUIDEN_SECRET_KEY", ""), environment),
            redis_url=redis_url,
            base_url=base_url,
            environment=environment,
            rate_limit=rate_limit,
            data_dir=data_dir,
            forwarded_allow_ips=proxies,
            operator=_operator(env.get("HAELGUIDEN_OPERATOR", ""), environment),
        )


#: The longest operator line the privacy page shows (a name, an address and an e-mail fit easily).
MAX_OPERATOR_LENGTH = 200


def _operator(value: str, environment: str) -> str | None:
    # Personal data (the diaries) are processed, so the privacy page must name the data controller and
    # how to reach them (GDPR art. 13(1)(a)); production does not start without it.
    value = value.strip()
    if not value:
        if environment == "production":
            raise ConfigError(
                "production needs the name and contact of whoever runs the site, for the privacy page: set "
                "HAELGUIDEN_OPERATOR (e.g. 'Klinik Hæl ApS, Hælvej 1, 2100 København Ø, kontakt@klinik.dk')."
            )
        return None
    if len(value) > MAX_OPERATOR_LENGTH or any(not c.isprintable() for c in value):
        raise ConfigError(
            f"HAELGUIDEN_OPERATOR must be one line of at most {MAX_OPERATOR_LENGTH} characters: a name, "
            "an address and an e-mail or phone number."
        )
    return value


def _base_url(value: str | None, environment: str) -> str | None:
    if value is None:
        return None
    url = value.strip().rstrip("/")
    if not _BASE_URL_RE.fullmatch(url):
        raise ConfigError(
            f"HAELGUIDEN_BASE_URL has value '{value}'. Write the public address like https://haelguiden.dk."
        )
    if environment == "production" and not url.startswith("https://"):
        raise ConfigError(
            f"HAELGUIDEN_BASE_URL has value '{value}'; production is served over https, so it must start "
            "with https://."
        )
    return url


def _forwarded_allow_ips(value: str | None) -> str | None:
    if value is None:
        return None
    if not _IPS_RE.fullmatch(value.strip()):
        raise ConfigError(
            f"FORWARDED_ALLOW_IPS has value '{value}'. List the proxy addresses separated by commas, "
            "e.g. 127.0.0.1 or 10.0.0.5,10.0.0.6."
        )
    return value.strip()


def _secret_key(given: str, environment: str) -> str:
    if environment == "production" and (given.lower() in _PLACEHOLDERS or len(given) < MIN_SECRET_LENGTH):
        raise ConfigError(
            "HAELGUIDEN_SECRET_KEY must be a random value of at least 32 characters in production, "
            "the same on every instance (e.g. from: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(48))')."
        )
    return given


def development_key(data_dir: Path) -> str:
    """The development secret key kept in ``data_dir/secret.key`` (made once, mode 0600, folder 0700).

    Two processes starting at the same moment agree: the key is written to a temporary file and linked
    into place, which fails for the second one, which then reads the first one's key.

    Raises:
        ConfigError: the data folder cannot be written.
    """
    path = data_dir / SECRET_KEY_FILE
    try:
        if not path.exists():
            data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            temporary = data_dir / f".{SECRET_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
            descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            with os.fdopen(descriptor, "w", encoding="ascii") as out:
                out.write(secrets.token_urlsafe(48) + "\n")
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass  # another process was first: use its key
            finally:
                temporary.unlink()
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not a key file"
        raise ConfigError(
            f"the secret key file {path} cannot be made or read ({reason}); set HAELGUIDEN_DATA_DIR to a "
            "folder that can be written, or set HAELGUIDEN_SECRET_KEY."
        ) from None
    if len(key) < MIN_SECRET_LENGTH:
        raise ConfigError(f"the secret key file {path} holds no usable key; delete it to make a new one.")
    return key

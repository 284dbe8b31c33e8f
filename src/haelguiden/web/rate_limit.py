"""Rate limiting per client address: in Redis when ``REDIS_URL`` is set (shared by every instance), in
process otherwise, and in process while Redis is slow or down.

A Redis that hangs must not hang the site. The Redis client gets short connect and read timeouts and no
retries, so one request waits at most :data:`REDIS_TIMEOUT_S` for it. When Redis fails, the limiter counts
in process for :data:`RETRY_REDIS_AFTER_S` seconds and logs one warning; then one request tries Redis again
(the others keep counting in process meanwhile), and when Redis answers the limiter goes back to it and
logs that it did. Limits stay in force all the time: per instance while Redis is out, shared again after.

The limiter lives on the web context (``WebContext.limiter``); :class:`RateLimitMiddleware` counts form
posts and API calls, the diary routes count their GETs through the same limiter. Nothing here logs a
client address, a path, a body or a cookie.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import anyio.to_thread
from limits import RateLimitItem, parse
from limits.errors import ConfigurationError
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from redis.backoff import NoBackoff
from redis.retry import Retry
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from haelguiden.errors import ConfigError

logger = logging.getLogger("haelguiden.web")

#: The longest one request waits for Redis to connect or to answer (seconds).
REDIS_TIMEOUT_S = 0.25
#: After Redis failed, count in process this long before trying it again (seconds).
RETRY_REDIS_AFTER_S = 5.0
#: Paths never counted: a load balancer's health and readiness checks.
EXEMPT_PATHS = frozenset({"/api/v1/health", "/api/v1/ready"})

#: Builds the response for a refused request: (request, status, retry-after seconds or None).
Responder = Callable[[Request, int, int | None], Response]


@dataclass(frozen=True)
class RateLimitSettings:
    """What to limit: e.g. ``120/minute``, per client address, counted in Redis or in memory."""

    limit: str
    storage_url: str | None = None
    namespace: str = "haelguiden"


def parse_limit(text: str) -> RateLimitItem:
    """``120/minute`` as a limit; ConfigError naming the setting when it cannot be read."""
    try:
        return parse(text)
    except ValueError:
        raise ConfigError(
            f"HAELGUIDEN_RATE_LIMIT has value '{text}'. Write it like 120/minute (or 10/second, 1000/hour)."
        ) from None


def redis_storage(url: str) -> Storage:
    """The limits storage for a Redis URL, with short timeouts and no retries; ConfigError if unusable."""
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError(
            f"REDIS_URL must start with redis://, rediss:// or unix:// (e.g. redis://127.0.0.1:6379/0); "
            f"it starts with '{url.split(':', 1)[0]}:'."
        )
    try:
        storage = storage_from_string(
            url,
            socket_connect_timeout=REDIS_TIMEOUT_S,
            socket_timeout=REDIS_TIMEOUT_S,
            retry=Retry(NoBackoff(), 0),  # type: ignore[arg-type]  # passed on to the redis client
        )
    except (ConfigurationError, ValueError) as exc:
        raise ConfigError(f"REDIS_URL cannot be used: {exc}") from None
    assert isinstance(storage, Storage)  # a redis:// URL gives the synchronous storage
    return storage


class LocalCounter:
    """Fixed windows counted in this process: the limit without Redis, and while Redis is out.

    limits' own memory storage starts a timer thread every few milliseconds under load to expire its keys
    (measured: about a third of the cost of a whole assessment request); this keeps one dictionary and
    drops the windows that have ended when it grows. Thread-safe.
    """

    #: Past this many clients, windows that have ended are dropped.
    PRUNE_AT = 10_000

    def __init__(self, item: RateLimitItem, clock: Callable[[], float] = time.time) -> None:
        """Count up to ``item.amount`` requests per ``item.get_expiry()`` seconds; ``clock``: wall seconds."""
        self.amount = item.amount
        self.seconds = item.get_expiry()
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[float, int]] = {}  # client -> (window start, count)

    def hit(self, client: str) -> int | None:
        """Count one request; ``None`` when allowed, else the seconds until the window ends."""
        now = self._clock()
        with self._lock:
            start, count = self._windows.get(client, (now, 0))
            if now - start >= self.seconds:
                start, count = now, 0
            if count >= self.amount:
                return max(1, math.ceil(start + self.seconds - now))
            self._windows[client] = (start, count + 1)
            if len(self._windows) > self.PRUNE_AT:
                self._windows = {c: w for c, w in self._windows.items() if now - w[0] < self.seconds}
        return None


class RateLimiter:
    """A fixed-window counter per client address, shared through Redis when it answers."""

    def __init__(
        self,
        settings: RateLimitSettings,
        *,
        clock: Callable[[], float] = time.monotonic,
        retry_after_s: float = RETRY_REDIS_AFTER_S,
    ) -> None:
        """Parse the limit and set up the storage (nothing connects yet).

        Args:
            settings: the limit, the Redis URL (or None) and the namespace of the counters.
            clock: monotonic seconds (tests pass their own).
            retry_after_s: how long to count in process after Redis failed.
        """
        self.item = parse_limit(settings.limit)
        self.namespace = settings.namespace
        self.remote: FixedWindowRateLimiter | None = None
        self.storage: Storage | None = None
        if settings.storage_url is not None:
            self.storage = redis_storage(settings.storage_url)
            self.remote = FixedWindowRateLimiter(self.storage)
        self.local = LocalCounter(self.item)
        self._clock = clock
        self._retry_after_s = retry_after_s
        self._lock = threading.Lock()
        self._down_until: float | None = None  # None: Redis is in use
        self._probing = False

    @property
    def degraded(self) -> bool:
        """Whether counting is in process because Redis failed."""
        return self._down_until is not None

    def hit(self, client: str) -> int | None:
        """Count one request; ``None`` when allowed, else the seconds until the window resets."""
        if self.remote is None:
            return self.local.hit(client)
        use_remote = probe = False
        with self._lock:
            if self._down_until is None:
                use_remote = True
            elif self._clock() >= self._down_until and not self._probing:
                use_remote = probe = self._probing = True
        if not use_remote:
            return self.local.hit(client)
        try:
            result = self._count(self.remote, client)
        except Exception:  # Redis is slow or down: count in process rather than wait or lock people out
            self._failed()
            return self.local.hit(client)
        if probe:
            self._recovered()
        return result

    async def ahit(self, client: str) -> int | None:
        """:meth:`hit` without blocking the event loop on a network round trip."""
        if self.remote is not None:
            return await anyio.to_thread.run_sync(self.hit, client)
        return self.hit(client)

    def ping(self) -> bool:
        """Whether the shared storage answers (True without Redis)."""
        if self.storage is None:
            return True
        try:
            return bool(self.storage.check())
        except Exception:
            return False

    def _count(self, limiter: FixedWindowRateLimiter, client: str) -> int | None:
        if limiter.hit(self.item, self.namespace, client):
            return None
        stats = limiter.get_window_stats(self.item, self.namespace, client)
        return max(1, math.ceil(stats.reset_time - time.time()))

    def _failed(self) -> None:
        with self._lock:
            first = self._down_until is None
            self._down_until = self._clock() + self._retry_after_s
            self._probing = False
        if first:
            logger.warning(
                "rate-limit storage (Redis) is not answering; counting in this process until it answers again"
            )

    def _recovered(self) -> None:
        with self._lock:
            self._down_until = None
            self._probing = False
        logger.warning("rate-limit storage (Redis) answers again; counting there")


class RateLimited(Exception):
    """The client is over the limit; the app answers 429 with Retry-After."""

    def __init__(self, retry_after: int) -> None:
        """``retry_after``: seconds until the window resets."""
        super().__init__(retry_after)
        self.retry_after = retry_after


def check_limit(limiter: RateLimiter | None, request: Request) -> None:
    """Count ``request`` (a diary GET, say) and raise :class:`RateLimited` when over the limit."""
    if limiter is None:
        return
    retry_after = limiter.hit(request.client.host if request.client else "unknown")
    if retry_after is not None:
        raise RateLimited(retry_after)


class RateLimitMiddleware:
    """Limits form posts and every API call per client address; over the limit → 429 with Retry-After."""

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter, responder: Responder, api_prefix: str) -> None:
        """Wrap ``app``; ``responder`` builds the 429 response."""
        self.app = app
        self.limiter = limiter
        self.responder = responder
        self.api_prefix = api_prefix

    def applies(self, scope: Scope) -> bool:
        """Whether the request counts: a POST, or anything under the API prefix but health and ready."""
        path = scope["path"]
        if path in EXEMPT_PATHS:
            return False
        return bool(scope["method"] == "POST" or path.startswith(self.api_prefix + "/"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Count the request if it applies; refuse it when the client is over the limit."""
        if scope["type"] == "http" and self.applies(scope):
            client = scope.get("client")
            retry_after = await self.limiter.ahit(client[0] if client else "unknown")
            if retry_after is not None:
                response = self.responder(Request(scope), 429, retry_after)
                response.headers["Retry-After"] = str(retry_after)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

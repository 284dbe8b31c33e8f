"""A Redis that hangs or dies does not hang or break the site, and the limit stays in force.

Each test runs its own redis-server on a free loopback port, freezes it (SIGSTOP) or kills it, and talks to
the app in-process. While Redis is out the limiter counts in process (one warning in the log); once Redis
answers again, and the retry interval has passed on the limiter's clock, counting goes back to Redis.
"""

from __future__ import annotations

import logging
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import redis

from haelguiden.services import Services
from haelguiden.web import create_app
from haelguiden.web.rate_limit import RETRY_REDIS_AFTER_S, RateLimiter, RateLimitSettings

from ..realserver import free_port, in_ci
from .conftest import BASE_URL, CheckedClient, make_settings

DOWN = "rate-limit storage (Redis) is not answering; counting in this process until it answers again"
BACK = "rate-limit storage (Redis) answers again; counting there"


@dataclass
class RedisServer:
    """A redis-server process of the test's own."""

    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def keys(self, pattern: str) -> list[bytes]:
        client = redis.Redis(port=self.port, socket_timeout=5)
        try:
            return list(client.keys(pattern))
        finally:
            client.close()

    def count(self, pattern: str) -> int:
        """The one counter matching ``pattern`` (after a PING, so anything Redis had queued is done)."""
        client = redis.Redis(port=self.port, socket_timeout=5)
        try:
            client.ping()
            (key,) = client.keys(pattern)
            return int(client.get(key) or 0)
        finally:
            client.close()


def start_redis(port: int) -> RedisServer:
    binary = shutil.which("redis-server")
    if binary is None:
        if in_ci():
            pytest.fail("redis-server is not installed; CI must test Redis faults")
        pytest.skip("redis-server is not installed")
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = RedisServer(port, process)
    for _ in range(100):
        try:
            if redis.Redis(port=port, socket_timeout=1).ping():
                return server
        except redis.ConnectionError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("redis-server did not start")


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    server = start_redis(free_port())
    yield server
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGCONT)
        server.process.kill()
        server.process.wait(timeout=10)


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


def statuses(api: CheckedClient, count: int) -> list[int]:
    return [api.post("/api/v1/assessments", json={"answers": []}).status_code for _ in range(count)]


def messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "haelguiden.web"]


def limited(services: Services, url: str, clock: Clock) -> tuple[CheckedClient, str]:
    namespace = f"test-{uuid.uuid4()}"
    limiter = RateLimiter(RateLimitSettings("3/minute", url, namespace), clock=clock)
    app = create_app(make_settings(redis_url=url), services=services, limiter=limiter)
    return CheckedClient(app, base_url=BASE_URL), namespace


def test_a_frozen_redis_is_bypassed_with_one_warning_and_used_again_when_it_answers(
    services: Services, own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="haelguiden.web")
    clock = Clock()
    api, namespace = limited(services, own_redis.url, clock)
    with api:
        assert statuses(api, 1) == [200]
        assert own_redis.keys(f"*{namespace}*") != []  # counted in Redis
        own_redis.process.send_signal(signal.SIGSTOP)
        assert statuses(api, 4) == [200, 200, 200, 429]  # counted in process, limit kept
        assert messages(caplog) == [DOWN]
        own_redis.process.send_signal(signal.SIGCONT)
        # The request that timed out had sent its count; a thawed Redis may still carry it out.
        counted = own_redis.count(f"*{namespace}*")
        assert counted in (1, 2)
        clock.now += RETRY_REDIS_AFTER_S
        expected = [200 if counted + n <= 3 else 429 for n in (1, 2, 3)]
        assert statuses(api, 3) == expected  # counted in Redis again, on top of what it had
        assert own_redis.count(f"*{namespace}*") == counted + 3
        assert messages(caplog) == [DOWN, BACK]
        ready = api.get("/api/v1/ready")
        assert (ready.status_code, ready.json()) == (200, {"status": "ready", "storage": "ok", "redis": "ok"})


def test_a_killed_redis_is_bypassed_and_used_again_when_it_is_back(
    services: Services, own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="haelguiden.web")
    clock = Clock()
    api, namespace = limited(services, own_redis.url, clock)
    with api:
        own_redis.process.kill()
        own_redis.process.wait(timeout=10)
        assert statuses(api, 4) == [200, 200, 200, 429]
        assert messages(caplog) == [DOWN]
        ready = api.get("/api/v1/ready")
        assert ready.status_code == 503
        assert ready.json()["errors"] == [
            {"field": "redis", "message": "the rate-limit storage (Redis) does not answer"}
        ]
        clock.now += RETRY_REDIS_AFTER_S / 2
        assert statuses(api, 1) == [429]  # still counted in process before the retry interval ends
        restarted = start_redis(own_redis.port)
        own_redis.process = restarted.process
        clock.now += RETRY_REDIS_AFTER_S
        assert statuses(api, 4) == [200, 200, 200, 429]  # a fresh Redis: a fresh count
        assert messages(caplog) == [DOWN, BACK]
        assert own_redis.keys(f"*{namespace}*") != []

"""``haelguiden serve``: options, defaults, checks before listening, and an access log by route template."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI

from haelguiden import cli
from haelguiden.web.logs import ACCESS_LOGGER, log_config
from haelguiden.web.server import reuse_port_sockets, run_workers

Calls = list[tuple[tuple[Any, ...], dict[str, Any]]]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Calls:
    """uvicorn.run replaced by a recorder; settings from a clean environment with a data folder in tmp."""
    recorded: Calls = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: recorded.append((args, kwargs)))
    monkeypatch.setattr(
        "haelguiden.web.server.run_workers",
        lambda app, workers, **kwargs: recorded.append(
            ((app,), {"factory": True, "workers": workers, **kwargs})
        ),
    )
    _clean_environment(monkeypatch, tmp_path)
    return recorded


def _clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """Development settings from a clean environment, with a data folder in tmp."""
    for name in (
        "HAELGUIDEN_SECRET_KEY",
        "HAELGUIDEN_BASE_URL",
        "REDIS_URL",
        "FORWARDED_ALLOW_IPS",
        "HAELGUIDEN_OPERATOR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HAELGUIDEN_ENV", "development")
    monkeypatch.setenv("HAELGUIDEN_DATA_DIR", str(tmp_path / "data"))


def test_serve_defaults_to_localhost_8000_with_one_checked_app(calls: Calls) -> None:
    result = CliRunner().invoke(cli.main, ["serve"])

    assert result.exit_code == 0, result.output
    ((args, kwargs),) = calls
    assert isinstance(args[0], FastAPI)
    assert (kwargs["host"], kwargs["port"]) == ("127.0.0.1", 8000)
    assert kwargs["access_log"] is False
    assert kwargs["proxy_headers"] is True
    assert "forwarded_allow_ips" not in kwargs  # uvicorn's default: 127.0.0.1 only
    assert kwargs["log_config"]["loggers"][ACCESS_LOGGER]["level"] == "INFO"


def test_serve_takes_host_port_workers_and_trusted_proxies(
    calls: Calls, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.0.0.5,10.0.0.6")
    result = CliRunner().invoke(cli.main, ["serve", "--host", "0.0.0.0", "--port", "9000", "--workers", "2"])
    assert result.exit_code == 0, result.output
    ((args, kwargs),) = calls
    assert args == ("haelguiden.web.app:create_app",)
    assert (kwargs["factory"], kwargs["workers"]) == (True, 2)
    assert (kwargs["host"], kwargs["port"]) == ("0.0.0.0", 9000)
    assert kwargs["forwarded_allow_ips"] == "10.0.0.5,10.0.0.6"


def test_the_access_logger_writes_through_uvicorns_default_handler() -> None:
    config = log_config()
    assert config["loggers"][ACCESS_LOGGER] == {"handlers": ["default"], "level": "INFO", "propagate": False}
    logging.getLogger(ACCESS_LOGGER)  # the name the middleware logs to


@pytest.mark.parametrize(
    ("bind", "nagle_off"),
    [
        (lambda: reuse_port_sockets("127.0.0.1", 0, 1)[0], True),
        (
            lambda: uvicorn.Config("haelguiden.web.app:create_app", host="127.0.0.1", port=0).bind_socket(),
            False,
        ),
    ],
    ids=["workers-socket", "uvicorn-socket"],
)
def test_connections_on_the_workers_socket_send_small_writes_at_once(
    bind: Callable[[], socket.socket], nagle_off: bool
) -> None:
    # The workers' sockets are served by asyncio, which leaves Nagle on for a socket it did not bind:
    # ~40 ms per keep-alive request (uvicorn issue #3149, on uvicorn's own --workers socket). If the
    # uvicorn row ever fails, asyncio or uvicorn has changed and _no_delay may no longer be needed.
    listener = bind()
    assert bool(asyncio.run(nodelay_of_a_served_connection(listener))) is nagle_off


def test_two_workers_on_a_port_in_use_is_one_line_and_exit_2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    # the real run_workers: it stops at the busy port, before any worker starts
    _clean_environment(monkeypatch, tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli.main, ["serve", "--port", str(port), "--workers", "2"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"Error: cannot listen on 127.0.0.1:{port}: Address already in use; choose another --port"
    )


def test_workers_sockets_share_one_port_picked_when_port_is_0() -> None:
    sockets = reuse_port_sockets("127.0.0.1", 0, 3)
    try:
        ports = {s.getsockname()[1] for s in sockets}
        assert len(ports) == 1
        assert all(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) for s in sockets)
    finally:
        for s in sockets:
            s.close()


async def nodelay_of_a_served_connection(listener: socket.socket) -> int:
    """TCP_NODELAY of a connection that an asyncio server on ``listener`` accepted."""
    loop = asyncio.get_running_loop()
    seen: asyncio.Future[int] = loop.create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await loop.create_server(Probe, sock=listener)
    _, writer = await asyncio.open_connection(*listener.getsockname()[:2])
    try:
        return await asyncio.wait_for(seen, timeout=5)
    finally:
        writer.close()
        server.close()
        await server.wait_closed()


def test_without_so_reuseport_the_workers_share_uvicorns_socket(monkeypatch: pytest.MonkeyPatch) -> None:
    # Windows has no SO_REUSEPORT: uvicorn's own supervisor then runs the workers on one shared socket.
    recorded: Calls = []
    monkeypatch.delattr(socket, "SO_REUSEPORT")
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: recorded.append((args, kwargs)))
    assert run_workers("haelguiden.web.app:create_app", 2, host="127.0.0.1", port=8000) == 0
    assert recorded == [
        (
            ("haelguiden.web.app:create_app",),
            {"factory": True, "workers": 2, "host": "127.0.0.1", "port": 8000},
        )
    ]

"""``haelguiden serve``: options, defaults, checks before listening, and an access log by route template."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from click.testing import CliRunner
from fastapi import FastAPI

from haelguiden import cli
from haelguiden.web.logs import ACCESS_LOGGER, log_config

Calls = list[tuple[tuple[Any, ...], dict[str, Any]]]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> Calls:
    """uvicorn.run replaced by a recorder; settings from a clean environment with a data folder in tmp."""
    recorded: Calls = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: recorded.append((args, kwargs)))
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
    return recorded


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

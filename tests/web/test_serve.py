"""``haelguiden serve``: options, defaults, and an access log without query strings."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from click.testing import CliRunner

from haelguiden import cli
from haelguiden.web.logs import PathOnlyAccessFilter, log_config


def test_serve_defaults_to_localhost_8000_with_the_factory(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setenv("HAELGUIDEN_ENV", "development")

    result = CliRunner().invoke(cli.main, ["serve"])

    assert result.exit_code == 0, result.output
    ((args, kwargs),) = calls
    assert args == ("haelguiden.web.app:create_app",)
    assert kwargs["factory"] is True
    assert (kwargs["host"], kwargs["port"]) == ("127.0.0.1", 8000)
    assert kwargs["log_config"]["handlers"]["access"]["filters"] == ["path_only"]


def test_serve_takes_host_and_port(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: calls.append(kwargs))
    result = CliRunner().invoke(cli.main, ["serve", "--host", "0.0.0.0", "--port", "9000"])
    assert result.exit_code == 0, result.output
    assert (calls[0]["host"], calls[0]["port"]) == ("0.0.0.0", 9000)


def test_serve_refuses_a_bad_setting_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAELGUIDEN_ENV", "staging")
    result = CliRunner().invoke(cli.main, ["serve"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: HAELGUIDEN_ENV has value 'staging'.")


def test_the_log_config_filters_uvicorns_access_log() -> None:
    config = log_config()
    assert config["filters"]["path_only"] == {"()": PathOnlyAccessFilter}
    record = logging.LogRecord("uvicorn.access", logging.INFO, "", 0, "%s %s", ("a", "b"), None)
    assert PathOnlyAccessFilter().filter(record)
    assert record.args == ("a", "b")  # records of another shape are left alone

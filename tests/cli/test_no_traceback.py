"""Never a traceback: every input that once gave one now gives one line on stderr and exit code 2.

The list is issue 13's: deeply nested JSON, an absurd purge age, storage that is unreachable, not a
database or not writable, and ``serve`` with bad settings. Each case runs in process with click's runner
(which would record any exception other than the exit); two of them also run as a real subprocess
(``python -m haelguiden``), so nothing between the command and the terminal can hide a traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from haelguiden.cli import main

DEEP = "[" * 100_000 + "]" * 100_000
SECRET = "x" * 40


def haelguiden(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("HAELGUIDEN_", "DATABASE_URL", "REDIS_URL"))
    }
    clean.pop("FORWARDED_ALLOW_IPS", None)
    clean |= {"HAELGUIDEN_DATA_DIR": str(cwd / "data"), **env}
    return subprocess.run(
        [sys.executable, "-m", "haelguiden", *args],
        env=clean,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


CASES = [
    pytest.param(
        ["tjek", "--answers", "deep.json"],
        {},
        'Error: deep.json: nested too deeply; write the answers as {"question_id": value, ...}',
        id="tjek-deep-json",
    ),
    pytest.param(
        ["eval", "deep.json", "--out", "pred.jsonl"],
        {},
        "Error: deep.json: a line is nested too deeply to be a vignette; see ../shared/vignettes/FORMAT.md",
        id="eval-deep-json",
    ),
    pytest.param(
        ["diary", "purge", "--older-than", "99999999m"],
        {},
        "Error: --older-than: '99999999m' is more than 1200 months; use e.g. 12m",
        id="purge-absurd-age",
    ),
    pytest.param(
        ["diary", "purge", "--older-than", "\u0661\u0662m"],
        {},
        "Error: --older-than: '\u0661\u0662m' is not a number of months such as 12m",
        id="purge-arabic-digits",
    ),
    pytest.param(
        ["diary", "export", "abc"],
        {"DATABASE_URL": "postgresql://u:p@127.0.0.1:1/x"},
        "Error: the database postgresql+psycopg://u:***@127.0.0.1:1/x cannot be used (connection failed: "
        'connection to server at "127.0.0.1", port 1 failed: Connection refused); check DATABASE_URL and '
        "that the PostgreSQL server runs and can be reached",
        id="export-postgresql-unreachable",
    ),
    pytest.param(
        ["diary", "export", "abc"],
        {"DATABASE_URL": "sqlite:///corrupt.db"},
        "Error: the database sqlite:///corrupt.db cannot be used (file is not a database); check "
        "DATABASE_URL and that the file is a Hælguiden database (move it away to start a new one)",
        id="export-corrupt-sqlite",
    ),
    pytest.param(
        ["diary", "export", "abc"],
        {"DATABASE_URL": "sqlite:///a-file/haelguiden.db"},
        "Error: the database file a-file/haelguiden.db cannot be created: a-file is a file, not a folder; "
        "check DATABASE_URL",
        id="export-unwritable-path",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {"HAELGUIDEN_RATE_LIMIT": "lots"},
        "Error: HAELGUIDEN_RATE_LIMIT has value 'lots'. Write it like 120/minute (or 10/second, 1000/hour).",
        id="serve-rate-limit-lots",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {"REDIS_URL": "foo://bar"},
        "Error: REDIS_URL must start with redis://, rediss:// or unix:// (e.g. redis://127.0.0.1:6379/0).",
        id="serve-redis-url-foo",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {"HAELGUIDEN_KNOWLEDGE_DIR": "no-such-folder"},
        "Error: HAELGUIDEN_KNOWLEDGE_DIR has value 'no-such-folder', which is not a folder. Point it at a "
        "copy of src/haelguiden/knowledge_base/ or leave it unset.",
        id="serve-missing-knowledge-folder",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {"HAELGUIDEN_ENV": "production", "HAELGUIDEN_SECRET_KEY": SECRET},
        "Error: production needs its public address: set HAELGUIDEN_BASE_URL (e.g. https://haelguiden.dk), "
        "or FORWARDED_ALLOW_IPS to the address of the proxy in front (e.g. 127.0.0.1).",
        id="serve-production-without-address",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {
            "HAELGUIDEN_ENV": "production",
            "HAELGUIDEN_SECRET_KEY": "change-me",
            "HAELGUIDEN_BASE_URL": "https://x.dk",
        },
        "Error: HAELGUIDEN_SECRET_KEY must be a random value of at least 32 characters in production, the "
        "same on every instance (e.g. from: python3 -c 'import secrets; print(secrets.token_urlsafe(48))').",
        id="serve-production-weak-secret",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {
            "HAELGUIDEN_ENV": "production",
            "HAELGUIDEN_SECRET_KEY": SECRET,
            "HAELGUIDEN_BASE_URL": "http://x.dk",
        },
        "Error: HAELGUIDEN_BASE_URL has value 'http://x.dk'; production is served over https, so it must "
        "start with https://.",
        id="serve-production-http-base-url",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {
            "HAELGUIDEN_ENV": "production",
            "HAELGUIDEN_SECRET_KEY": SECRET,
            "HAELGUIDEN_BASE_URL": "https://x.dk",
        },
        "Error: production needs the name and contact of whoever runs the site, for the privacy page: set "
        "HAELGUIDEN_OPERATOR (e.g. 'Klinik Hæl ApS, Hælvej 1, 2100 København Ø, kontakt@klinik.dk').",
        id="serve-production-without-operator",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {"HAELGUIDEN_BASE_URL": "haelguiden.dk"},
        "Error: HAELGUIDEN_BASE_URL has value 'haelguiden.dk'. Write the public address like "
        "https://haelguiden.dk.",
        id="serve-base-url-without-scheme",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {"FORWARDED_ALLOW_IPS": "my proxy"},
        "Error: FORWARDED_ALLOW_IPS has value 'my proxy'. List the proxy addresses separated by commas, "
        "e.g. 127.0.0.1 or 10.0.0.5,10.0.0.6.",
        id="serve-forwarded-allow-ips-words",
    ),
    pytest.param(
        ["serve", "--port", "1"],
        {"HAELGUIDEN_DATA_DIR": "a-file/data"},
        "Error: the secret key file a-file/data/secret.key cannot be made or read (Not a directory); set "
        "HAELGUIDEN_DATA_DIR to a folder that can be written, or set HAELGUIDEN_SECRET_KEY.",
        id="serve-data-folder-unwritable",
    ),
]


def files(folder: Path) -> None:
    (folder / "deep.json").write_text(DEEP, encoding="utf-8")
    (folder / "corrupt.db").write_bytes(b"not a database " * 200)
    (folder / "a-file").write_text("a file, not a folder", encoding="utf-8")


@pytest.mark.parametrize(("args", "env", "message"), CASES)
def test_bad_input_gives_one_line_and_exit_code_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], env: dict[str, str], message: str
) -> None:
    files(tmp_path)
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith(("HAELGUIDEN_", "DATABASE_URL", "REDIS_URL"))]:
        monkeypatch.delenv(name)
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)

    result = CliRunner().invoke(main, args, env={"HAELGUIDEN_DATA_DIR": str(tmp_path / "data"), **env})

    assert isinstance(result.exception, SystemExit)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message + "\n", "")
    assert (tmp_path / "corrupt.db").read_bytes() == b"not a database " * 200  # nothing saved is touched


@pytest.mark.parametrize("case", [0, 7], ids=["tjek-deep-json", "serve-rate-limit-lots"])
def test_the_real_process_prints_the_same_one_line(tmp_path: Path, case: int) -> None:
    files(tmp_path)
    args, env, message = CASES[case].values
    result = haelguiden(list(args), dict(env), tmp_path)
    assert (result.returncode, result.stderr, result.stdout) == (2, message + "\n", "")

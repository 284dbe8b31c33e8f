"""Settings: defaults, every refusal in production, and the development key kept in the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from haelguiden.config import Settings, development_key
from haelguiden.errors import ConfigError

OPERATOR = "Klinik Hæl ApS, Hælvej 1, 2100 København Ø, kontakt@klinik.dk"
SECRET = "s" * 40


def test_the_defaults_need_no_service_and_take_links_from_the_request(tmp_path: Path) -> None:
    settings = Settings.from_env({"HAELGUIDEN_DATA_DIR": str(tmp_path)})
    assert settings.database_url == "sqlite:///data/haelguiden.db"
    assert (settings.base_url, settings.redis_url, settings.forwarded_allow_ips) == (None, None, None)
    assert (settings.environment, settings.rate_limit, settings.https) == ("development", "120/minute", False)


def test_production_with_a_base_url_is_https_with_hsts_and_secure_cookies() -> None:
    env = {
        "HAELGUIDEN_ENV": "production",
        "HAELGUIDEN_SECRET_KEY": SECRET,
        "HAELGUIDEN_BASE_URL": "https://x.dk/",
        "HAELGUIDEN_OPERATOR": OPERATOR,
    }
    settings = Settings.from_env(env)
    assert (settings.base_url, settings.https, settings.signing_key()) == ("https://x.dk", True, SECRET)


def test_production_behind_a_trusted_proxy_needs_no_base_url() -> None:
    env = {
        "HAELGUIDEN_ENV": "production",
        "HAELGUIDEN_SECRET_KEY": SECRET,
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
        "HAELGUIDEN_OPERATOR": OPERATOR,
    }
    settings = Settings.from_env(env)
    assert (settings.base_url, settings.forwarded_allow_ips, settings.https) == (None, "127.0.0.1", True)


def test_the_development_key_is_made_once_0600_in_a_0700_folder_and_kept(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = Settings.from_env({"HAELGUIDEN_DATA_DIR": str(folder)}).signing_key()
    again = Settings.from_env({"HAELGUIDEN_DATA_DIR": str(folder)}).signing_key()
    assert first == again == (folder / "secret.key").read_text().strip()
    assert len(first) >= 32
    assert (folder / "secret.key").stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in folder.iterdir()] == ["secret.key"]  # no temporary file left behind


def test_a_key_file_that_holds_no_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.key").write_text("short\n")
    with pytest.raises(ConfigError, match=r"secret.key holds no usable key; delete it to make a new one"):
        development_key(tmp_path)


def test_the_test_environment_without_a_key_gets_a_random_one() -> None:
    settings = Settings.from_env({"HAELGUIDEN_ENV": "test"})
    assert settings.signing_key() != settings.signing_key()


def test_production_names_who_runs_the_site_for_the_privacy_page() -> None:
    env = {
        "HAELGUIDEN_ENV": "production",
        "HAELGUIDEN_SECRET_KEY": SECRET,
        "FORWARDED_ALLOW_IPS": "127.0.0.1",
    }
    with pytest.raises(ConfigError) as refused:
        Settings.from_env(env)
    assert str(refused.value) == (
        "production needs the name and contact of whoever runs the site, for the privacy page: set "
        "HAELGUIDEN_OPERATOR (e.g. 'Klinik Hæl ApS, Hælvej 1, 2100 København Ø, kontakt@klinik.dk')."
    )
    assert Settings.from_env({**env, "HAELGUIDEN_OPERATOR": f"  {OPERATOR} "}).operator == OPERATOR


@pytest.mark.parametrize("value", ["Klinik\nkontakt@klinik.dk", "x" * 201], ids=["two lines", "too long"])
def test_an_operator_that_is_not_one_short_line_is_refused(value: str) -> None:
    with pytest.raises(ConfigError) as refused:
        Settings.from_env({"HAELGUIDEN_OPERATOR": value})
    assert str(refused.value) == (
        "HAELGUIDEN_OPERATOR must be one line of at most 200 characters: a name, an address and an e-mail "
        "or phone number."
    )


def test_outside_production_the_operator_may_be_left_out() -> None:
    assert Settings.from_env({"HAELGUIDEN_ENV": "test"}).operator is None

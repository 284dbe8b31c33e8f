"""The CLI's content, plan and diary commands: exact output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from haelguiden.cli import main
from tests.cli.test_cli import PF_ANSWERS, write

ARTICLES = Path(__file__).resolve().parents[2] / "src" / "haelguiden" / "knowledge_base" / "articles"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


def test_content_check_passes_on_the_real_articles() -> None:
    code, out, _ = run("content", "check")
    assert code == 0
    assert out.rstrip().endswith("articles checked: all ok")
    assert "da  ondt-i-haelen" in out


def test_content_check_fails_on_a_broken_article(tmp_path: Path) -> None:
    shutil.copytree(ARTICLES, tmp_path / "articles")
    page = tmp_path / "articles" / "da" / "haelspore.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('datePublished: "', 'datePublished: "x', 1), encoding="utf-8"
    )
    code, out, err = run("content", "check", "--dir", str(tmp_path / "articles"))
    assert code == 2
    assert "datePublished" in out
    assert err == "Error: the articles have problems (listed above)\n"


def test_plan_prints_the_plan_and_writes_a_pdf(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    code, out, _ = run("plan", "--answers", str(write(tmp_path, "a.json", PF_ANSWERS)), "--pdf", str(pdf))
    assert code == 0
    assert out.startswith("DIN PLAN VED SMERTER UNDER HÆLEN\n")
    order = [out.index(h) for h in ("STOP OG SØG HJÆLP", "ØVELSER UGE FOR UGE", "DET KAN DU SELV GØRE")]
    assert order == sorted(order)
    assert "- Stræk af fodsålen: 10 gentagelser, hold 10 sekunder; 3 gange om dagen;" in out
    assert "    Uge 3–4: 4 sæt × 10 gentagelser; Tag en rygsæk med bøger på" in out
    assert pdf.read_bytes().startswith(b"%PDF")


def test_plan_for_an_urgent_result_explains_why_there_is_none(tmp_path: Path) -> None:
    answers = {**PF_ANSWERS, "warning_signs": ["fever"]}
    code, out, _ = run("plan", "--answers", str(write(tmp_path, "a.json", answers)), "--lang", "en")
    assert code == 0
    assert "doctor" in out.lower()
    assert "Stretch" not in out


@pytest.fixture
def db_env(tmp_path: Path) -> dict[str, str]:
    return {"DATABASE_URL": f"sqlite:///{tmp_path / 'd.db'}"}


def test_diary_export_with_a_wrong_token(db_env: dict[str, str]) -> None:
    code, _, err = run("diary", "export", "not-a-real-token", env=db_env)
    assert code == 2
    assert err.startswith("Error: ")
    assert "not-a-real-token" not in err


def test_diary_export_json_and_purge(db_env: dict[str, str]) -> None:
    from haelguiden.config import Settings
    from haelguiden.services import build_services

    services = build_services(Settings(database_url=db_env["DATABASE_URL"]))
    new = services.repository.create_diary(start_date=services.today(), lang="da")
    code, out, _ = run("diary", "export", new.token, env=db_env)
    assert code == 0
    assert json.loads(out)["entries"] == []
    code, out, _ = run("diary", "purge", "--older-than", "12m", env=db_env)
    assert (code, out) == (0, "0 diaries deleted (untouched for 12 months or more)\n")


def test_diary_purge_rejects_a_bad_period(db_env: dict[str, str]) -> None:
    code, _, err = run("diary", "purge", "--older-than", "a year", env=db_env)
    assert code == 2
    assert err == "Error: --older-than: 'a year' is not a number of months such as 12m\n"

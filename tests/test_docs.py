"""The documentation keeps up with the code: every CLI command and every setting is in the README."""

from __future__ import annotations

import re
from pathlib import Path

import click

from haelguiden.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands(group: click.Group, prefix: str = "haelguiden") -> list[str]:
    out: list[str] = []
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            out += commands(cmd, f"{prefix} {name}")
        else:
            out.append(f"{prefix} {name}")
    return out


def test_every_cli_command_is_in_the_readme() -> None:
    missing = [c for c in commands(main) if f"`{c}" not in README]
    assert missing == []


def test_every_setting_is_in_the_readme() -> None:
    source = (ROOT / "src" / "haelguiden" / "config.py").read_text(encoding="utf-8")
    names = sorted(set(re.findall(r'env\.get\("([A-Z_]+)"', source)))
    assert names
    missing = [n for n in names if f"`{n}`" not in README]
    assert missing == []


def test_the_docs_the_readme_points_to_exist() -> None:
    for path in re.findall(r"`((?:docs|src)/[\w/.-]+\.md)`|`([A-Z]+\.md)`", README):
        name = next(p for p in path if p)
        assert (ROOT / name).exists(), name

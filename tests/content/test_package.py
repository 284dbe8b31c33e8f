"""The package's public API and its import boundaries."""

import ast
from pathlib import Path

import haelguiden.content as content

PACKAGE = Path(content.__file__).parent
FORBIDDEN = (
    "haelguiden.web", "haelguiden.cli", "haelguiden.services", "haelguiden.tracker",
    "fastapi", "starlette", "jinja2", "click",
)  # fmt: skip


def test_every_public_name_exists_and_nothing_is_exported_twice() -> None:
    assert len(content.__all__) == len(set(content.__all__))
    assert [name for name in content.__all__ if not hasattr(content, name)] == []


def test_the_package_imports_no_web_framework_and_no_entry_point() -> None:
    imported: set[str] = set()
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module)

    assert sorted(m for m in imported if m.startswith(FORBIDDEN)) == []

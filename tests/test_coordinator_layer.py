"""The coordinator outputs sit above the register package: they import it, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "boras_intl_lib"


def _imports(path: Path) -> list[tuple[int, str]]:
    """Every module name ``path`` imports, relative ones as written (``..coordinator.x``)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            found += [(node.lineno, f"{base}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def test_no_register_module_imports_the_coordinator_package() -> None:
    offending = [
        f"{path.name}:{line}: {name}"
        for path in sorted((PACKAGE / "register").rglob("*.py"))
        for line, name in _imports(path)
        if "coordinator" in name.split(".")
    ]
    assert not offending, offending


def test_the_coordinator_modules_are_where_their_importers_look() -> None:
    names = {p.stem for p in (PACKAGE / "coordinator").glob("*.py")}
    assert {"template", "fixlist", "docs", "summary"} <= names
    assert not {"template", "fixlist", "docs", "summary"} & {
        p.stem for p in (PACKAGE / "register").glob("*.py")
    }

"""One table of publisher formats (issue 21 item 5): settings validation, the CLI help and
docs/indicators.md take their names from ``indicators/formats.py``; the helpers indicator
modules share are public names of ``indicators/base.py``."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "boras_intl_lib"


def _private_imports(path: Path) -> list[str]:
    """``from x import _name`` lines of one module (relative or absolute, within the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}: {alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.level > 0 or (node.module or "").startswith("boras_intl_lib"))
        for alias in node.names
        if alias.name.startswith("_") and not alias.name.startswith("__")
    ]


def test_indicator_modules_import_no_underscore_names() -> None:
    found = [
        hit
        for path in sorted((PACKAGE / "indicators").glob("*.py"))
        for hit in _private_imports(path)
    ]
    assert found == []

"""The package's layers (issue 21): the layout in docs/design.md lists the top-level modules and
packages in import order, and every import — at module level or inside a function — goes down
that list: no cycle between two of them, nothing importing upward."""

from __future__ import annotations

import ast
import re

from conftest import ROOT

PACKAGE = ROOT / "boras_intl_lib"


def _layout() -> list[str]:
    block = (ROOT / "docs" / "design.md").read_text(encoding="utf-8").split("```")[1]
    order = []
    for line in block.splitlines():
        found = re.match(r"^  ([a-z_0-9]+)(?:/|\.py)", line)
        if found:
            order.append(found.group(1))
            order += re.findall(
                r", ([a-z_0-9]+)\.py", line.split("  ")[1]
            )  # "safety.py, errors.py"
    return order


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports() -> set[tuple[str, str, str]]:
    """(importing unit, imported unit, file) for every import between two top-level units."""
    edges = set()
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = module if parts[-1] == "__init__" else module.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if not target.startswith("boras_intl_lib"):
                continue
            names = [target] if node.module else [f"{target}.{a.name}" for a in node.names]
            for name in names:
                a, b = _unit(module), _unit(name)
                if a and b and a != b and b != "__version__" and a != "__main__":
                    edges.add((a, b, str(path.relative_to(ROOT))))
    return edges


def test_the_layout_names_every_top_level_module_and_package() -> None:
    order = _layout()
    on_disk = {p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    on_disk |= {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    on_disk -= {"__main__", "notebooks", "parameters", "data"}
    assert on_disk <= set(order), f"not in docs/design.md's layout: {on_disk - set(order)}"


def test_every_import_goes_down_the_layout() -> None:
    rank = {unit: i for i, unit in enumerate(_layout())}
    upward = sorted(f"{f}: {a} imports {b}" for a, b, f in _imports() if rank[b] < rank[a])
    assert upward == []


def test_no_private_name_is_used_outside_its_module() -> None:
    """``from .x import _name`` or ``x._name`` on one of the package's own modules: a private
    helper that another module needs is public (named so) or lives where both can reach it."""
    own = {p.stem for p in PACKAGE.rglob("*.py")} - {"__init__"}
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported_modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (
                node.level or (node.module or "").startswith("boras_intl_lib")
            ):
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.append(f"{path.name}: from {node.module} import {alias.name}")
                    if alias.name in own:
                        imported_modules.add(alias.asname or alias.name)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in imported_modules
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                found.append(f"{path.name}: {node.value.id}.{node.attr}")
    assert not found, found

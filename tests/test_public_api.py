"""The package's public API: a small table in ``boras_intl_lib/__init__.py``, imported lazily."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT

import boras_intl_lib


def test_all_lists_exactly_the_table_of_exports() -> None:
    assert sorted(boras_intl_lib.__all__) == sorted(["__version__", *boras_intl_lib._EXPORTS])


def test_every_public_name_resolves_to_the_object_it_names() -> None:
    import importlib

    for name, (module, attribute) in boras_intl_lib._EXPORTS.items():
        expected = getattr(importlib.import_module(module, "boras_intl_lib"), attribute)
        assert getattr(boras_intl_lib, name) is expected, name


def test_importing_the_package_root_imports_no_heavy_library() -> None:
    heavy = "('pandas', 'papermill', 'matplotlib')"
    code = f"import sys, boras_intl_lib; print(sorted(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_readme_python_example_uses_only_the_public_api() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", readme, re.S)
    assert example is not None
    imported = re.findall(r"^from (\S+) import (.+)$", example.group(1), re.M)
    assert imported, "the README example imports nothing?"
    for module, names in imported:
        assert module == "boras_intl_lib", f"README imports {names} from {module}"
        for name in names.split(","):
            assert name.strip() in boras_intl_lib.__all__, name


def test_the_readme_python_example_runs_and_shows_what_it_says() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", readme, re.S)
    assert example is not None
    names: dict = {}
    exec(compile(example.group(1), "README.md", "exec"), names)
    result, diff, register = names["result"], names["diff"], names["register"]
    assert len(result.scores) == len(register.activities)  # one row per accepted activity
    assert {"verdict", "basis"} <= set(result.partners.columns)
    assert len(diff.partners) > 0, "the README's what-if changes no partner's verdict"


NOTEBOOKS = sorted((ROOT / "boras_intl_lib" / "notebooks").glob("*.ipynb"))
#: what a notebook may import besides the package root: the standard library, pandas, IPython
ALLOWED_TOP_LEVEL = frozenset({"pandas", "IPython"})


def notebook_imports(notebook: dict) -> list[tuple[str, list[str]]]:
    """Every import of a notebook's code cells: (module, names), ``import x`` as (x, [])."""
    found: list[tuple[str, list[str]]] = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                found.append((module, [a.name for a in node.names]))
            elif isinstance(node, ast.Import):
                found.extend((a.name, []) for a in node.names)
    return found


def import_problems(notebook: dict) -> list[str]:
    """The imports that go past the public API: a deep module of the package, or a library
    other than the standard library, pandas and IPython."""
    problems = []
    for module, names in notebook_imports(notebook):
        top = module.split(".")[0]
        if module == "boras_intl_lib":
            problems += [f"{name} is not public" for name in names if name not in _public()]
        elif top == "boras_intl_lib" or module.startswith("."):
            problems.append(f"imports from {module}")
        elif top not in sys.stdlib_module_names and top not in ALLOWED_TOP_LEVEL:
            problems.append(f"imports {module}")
    return problems


def _public() -> list[str]:
    return boras_intl_lib.__all__


def test_there_are_two_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS] == ["explore.ipynb", "yearly_report.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebooks_import_only_the_public_api(path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert import_problems(notebook) == []
    from_root = [
        names for module, names in notebook_imports(notebook) if module == "boras_intl_lib"
    ]
    assert from_root, "the notebook imports nothing from boras_intl_lib?"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_notebooks_are_committed_clean_with_one_parameters_cell_first(path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    tagged = [c for c in notebook["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert tagged == code[:1]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)


def _cells(*sources: str) -> dict:
    return {"cells": [{"cell_type": "code", "source": [s]} for s in sources]}


def test_the_import_check_names_every_way_past_the_public_api() -> None:
    fine = _cells(
        "import json\nimport pandas as pd\nfrom IPython.display import display",
        "from boras_intl_lib import what_if, load_report_data\nfrom collections import Counter",
    )
    assert import_problems(fine) == []
    bad = _cells(
        "from boras_intl_lib.scenarios import what_if",
        "from boras_intl_lib import aggregation",
        "import boras_intl_lib.report.sections",
        "import numpy as np",
        "from matplotlib import pyplot",
        "def f():\n    from boras_intl_lib.report import data\n",
    )
    assert import_problems(bad) == [
        "imports from boras_intl_lib.scenarios",
        "aggregation is not public",
        "imports from boras_intl_lib.report.sections",
        "imports numpy",
        "imports matplotlib",
        "imports from boras_intl_lib.report",
    ]


def test_what_if_at_the_root_is_the_function_even_after_its_module_is_imported() -> None:
    code = (
        "import boras_intl_lib.scenarios, boras_intl_lib.aggregation, boras_intl_lib.report.data\n"
        "import boras_intl_lib as b\n"
        "from boras_intl_lib.scenarios import what_if\n"
        "print(b.what_if is what_if, callable(b.what_if), b.load_report_data.__module__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "boras_intl_lib.report.data"]


def test_no_public_name_is_also_the_name_of_a_module_of_the_package() -> None:
    """Importing a submodule sets the package attribute of its name to the module, so a public
    name shared with a submodule (as ``what_if`` once was) would change with import order."""
    import pkgutil

    modules = {m.name for m in pkgutil.iter_modules(boras_intl_lib.__path__)}
    assert "scenarios" in modules  # the what-if's module, under a name of its own
    assert modules & set(boras_intl_lib.__all__) == set()

"""The package's public API: a small table in ``boras_intl_lib/__init__.py``, imported lazily."""

from __future__ import annotations

import re
import subprocess
import sys

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
        if module == "boras_intl_lib.what_if":  # a module of its own (the analyst's what-if)
            continue
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

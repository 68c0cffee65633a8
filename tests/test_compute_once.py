"""Compute once: the parent reads the register once per run and evaluates each year once;
kernels receive the evaluated, redacted data as a private file, never contact persons; the
runner talks to the kernel side only through ``report/contract.py``."""

from __future__ import annotations

import ast
import io
import pickle
import shutil
from pathlib import Path

import pytest
from fixtures import report_runs as runs
from openpyxl import load_workbook

import boras_intl_lib
from boras_intl_lib import evaluation
from boras_intl_lib.register import reading
from boras_intl_lib.report.contract import ReportInputs
from boras_intl_lib.runner import inputs as run_inputs
from boras_intl_lib.runner.jobs import ReportRequest, run_reports
from boras_intl_lib.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT / "boras_intl_lib" / "runner"


def test_the_runner_imports_the_kernel_side_only_through_the_contract() -> None:
    offending = []
    for path in sorted(RUNNER.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = "." * node.level + (node.module or "")
                names = [f"{base}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.lstrip(".").split(".")
                absolute = name.startswith("boras_intl_lib.report")
                relative = name.startswith("..") and parts[:1] == ["report"]
                if (absolute or relative) and not name.lstrip(".").startswith(
                    ("report.contract", "boras_intl_lib.report.contract")
                ):
                    offending.append(f"{path.name}:{node.lineno}: {name}")
    assert not offending, f"runner/ imports the kernel side: {offending}"


def test_the_kernel_preloads_every_library_module_the_report_notebook_imports() -> None:
    """The contract names the notebook's modules; the kernel imports them while it boots.

    The notebook imports from the package root; each name is traced to the module it lives in
    (the root's table of exports), so the preload still imports the real, heavy modules."""
    import json

    from boras_intl_lib.report.contract import NOTEBOOK_MODULES

    notebook = json.loads(
        (ROOT / "boras_intl_lib" / "notebooks" / "yearly_report.ipynb").read_text("utf-8")
    )
    imported = set()
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.ImportFrom) and node.module == "boras_intl_lib":
                for alias in node.names:  # the public API: the module each name comes from
                    module = boras_intl_lib._EXPORTS[alias.name][0]
                    imported.add(f"boras_intl_lib{module}")
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:  # "from pkg import module" or "from module import x"
                    candidate = f"{node.module}.{alias.name}"
                    imported.add(candidate if _is_module(candidate) else node.module)
            elif isinstance(node, ast.Import):
                imported.update(a.name for a in node.names)
    library = {name for name in imported if name.startswith("boras_intl_lib.")}
    assert library and library <= set(NOTEBOOK_MODULES), library - set(NOTEBOOK_MODULES)


def _is_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:  # a name inside a module, not a module of a package
        return False


def contact_data() -> list[str]:
    """The contact persons' names and e-mail addresses in the bundled example register."""
    workbook = load_workbook(runs.EXAMPLE_REGISTER, read_only=True)
    try:
        rows = workbook["aktiviteter"].iter_rows(values_only=True)
        column = next(rows).index("kontaktperson")
        cells = {str(row[column]) for row in rows if row[column]}
    finally:
        workbook.close()
    found = set()
    for cell in cells:
        found.update(part.strip() for part in cell.replace(";", ",").split(",") if part.strip())
    return sorted(found)


def test_the_kernels_data_file_holds_no_contact_person(tmp_path: Path) -> None:
    settings = load_settings(runs.PARAMS_2025)
    data = run_inputs.evaluate_years(None, {2025: settings}, {2025: runs.PARAMS_2025})
    path = run_inputs.write_inputs(data[2025], tmp_path / "2025.pickle")
    raw = path.read_bytes()
    contacts = contact_data()
    assert contacts, "the example register has contact persons to look for"
    leaked = [c for c in contacts if c.encode() in raw or c.encode("utf-16-le") in raw]
    assert not leaked, f"contact persons in the kernel's file: {leaked[:3]}"
    inputs = pickle.load(io.BytesIO(raw))
    assert isinstance(inputs, ReportInputs)
    assert "contact_person" not in inputs.register.activities
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.notebook
def test_a_run_reads_the_register_once_and_evaluates_each_year_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = tmp_path / "register.xlsx"
    shutil.copyfile(runs.EXAMPLE_REGISTER, register)
    reads: list[Path] = []
    evaluated: list[int | None] = []
    real_read, real_evaluate = reading.read_register, evaluation.evaluate
    real_years = run_inputs.evaluate_years

    def counting_read(path, *args, **kwargs):
        reads.append(Path(path))
        return real_read(path, *args, **kwargs)

    def counting_evaluate(*args, **kwargs):
        evaluated.append(kwargs.get("year", args[3] if len(args) > 3 else None))
        return real_evaluate(*args, **kwargs)

    def then_remove_the_register(*args, **kwargs):
        result = real_years(*args, **kwargs)
        register.unlink()  # a kernel that read the register now would fail its report
        return result

    monkeypatch.setattr(reading, "read_register", counting_read)
    monkeypatch.setattr(evaluation, "evaluate", counting_evaluate)
    monkeypatch.setattr(run_inputs, "evaluate_years", then_remove_the_register)
    out, err = io.StringIO(), io.StringIO()
    request = ReportRequest(
        years=(2024, 2025),
        register=register,
        params=runs.TWO_ADMINISTRATIONS,
        out=tmp_path / "reports",
        per_administration=True,
        jobs=2,
        timeout=300,
    )
    status = run_reports(request, out, err)
    assert status == 0, err.getvalue()
    assert reads == [register]
    assert sorted(evaluated) == [2024, 2025]
    written = sorted((tmp_path / "reports").rglob("report-*.html"))
    assert len(written) == 6  # two years × (the city + two administrations)


def test_a_killed_runs_private_folder_is_removed_by_a_later_run() -> None:
    import os
    import tempfile
    import time

    from boras_intl_lib.runner import files

    old = Path(tempfile.mkdtemp(prefix=files.RUN_FOLDER_PREFIX))
    fresh = Path(tempfile.mkdtemp(prefix=files.RUN_FOLDER_PREFIX))  # another run, going on
    (old / "2025.pickle").write_bytes(b"left by a killed run")
    then = time.time() - files.STALE_TEMP_SECONDS - 60
    os.utime(old, (then, then))
    new = files.new_run_folder()
    try:
        assert not old.exists() and fresh.is_dir() and new.is_dir()
        assert oct(new.stat().st_mode & 0o777) == oct(0o700)
    finally:
        shutil.rmtree(new), shutil.rmtree(fresh)

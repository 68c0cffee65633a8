"""Install anywhere: a wheel built from this checkout, installed into a fresh virtual
environment, runs ``init``, ``validate``, ``score`` and ``report`` in a folder outside the
repository — the notebooks, parameters, templates and example data ship inside the package.

Slow (a wheel, a virtual environment, an install of every dependency, one report): pip uses
the machine's configured package sources.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
YEAR = "2025"

pytestmark = [pytest.mark.slow, pytest.mark.notebook]


def run(*args: str | Path, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=1200
    )
    return done


def ok(done: subprocess.CompletedProcess[str], *allowed: int) -> str:
    assert done.returncode in (allowed or (0,)), f"{done.args}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A fresh virtual environment with the wheel of this checkout installed; its bin folder."""
    base = tmp_path_factory.mktemp("install")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    dist = base / "dist"
    ok(run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT,
           cwd=base, env=env))  # fmt: skip
    (wheel,) = dist.glob("boras_intl-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in ("boras_intl_lib/notebooks/yearly_report.ipynb",
                    f"boras_intl_lib/parameters/{YEAR}.yaml",
                    "boras_intl_lib/runner/templates/init/README.sv.md",
                    "boras_intl_lib/runner/templates/boras_report/index.html.j2",
                    "boras_intl_lib/data/example_register.xlsx"):  # fmt: skip
        assert shipped in names, f"the wheel lacks {shipped}"
    venv = base / "venv"
    ok(run(sys.executable, "-m", "venv", venv, cwd=base, env=env))
    ok(run(venv / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=base, env=env))
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return venv / "bin", env


def test_every_command_runs_from_an_init_folder(
    installed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    bin_, env = installed
    cli = bin_ / "boras-intl"
    where = ok(run(bin_ / "python", "-c", "import boras_intl_lib; print(boras_intl_lib.__file__)",
                   cwd=tmp_path, env=env))  # fmt: skip
    assert not Path(where.strip()).is_relative_to(ROOT), "the checkout was imported"

    printed = ok(run(cli, "init", "arbete", "--year", YEAR, cwd=tmp_path, env=env))
    work = tmp_path / "arbete"
    assert {Path(line).name for line in printed.split()} == {f"{YEAR}.yaml", "register.xlsx",
                                                             "README.md"}  # fmt: skip
    readme = (work / "README.md").read_text(encoding="utf-8")
    assert "Varje år" in readme and f"--year {YEAR}" in readme

    # The empty template: Swedish headers, no rows — a warning and exit 1 (issue 19), never
    # "all rows accepted".
    answer = ok(run(cli, "validate", "register.xlsx", cwd=work, env=env), 1)
    assert "Registret har inga aktiviteter" in answer and "Alla rader godkändes" not in answer
    ok(run(cli, "score", "register.xlsx", "--out", "resultat", cwd=work, env=env), 1)  # empty
    assert (work / "resultat" / "scores.csv").is_file()
    # The bundled example register with the folder's own parameters: a real report.
    ok(run(cli, "report", "--year", YEAR, "--out", "rapporter", cwd=work, env=env))
    html = (work / "rapporter" / YEAR / f"report-{YEAR}-sv.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>") and '<html lang="sv">' in html
    assert (work / "rapporter" / YEAR / f"report-{YEAR}-sv.xlsx").is_file()

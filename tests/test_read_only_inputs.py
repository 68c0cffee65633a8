"""Inputs are read-only (issue 22, item 1): no command writes over its register or parameters
file, into a register folder or over a register workbook; ``template`` and ``init`` replace
only an empty template, and only with ``--force``. Each refusal: one line, exit 2, nothing
written (every file of the folder keeps its bytes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boras_intl_lib.cli import main
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register.load import load_register
from tests.register_helpers import activity, partner, write_csv_folder, write_workbook

ROOT = Path(__file__).resolve().parent.parent
PARAMS = ROOT / "parameters" / "2025.yaml"
ENGLISH_NAMES = {"activities": "activities", "partners": "partners", "exceptions": "exceptions"}
TABLES = {
    "activities": [activity("A1", year="2025"), activity("A2", year="2025")],
    "partners": [partner("A1"), partner("A2")],
}


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden temporary files included) and its bytes."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "boras_intl_lib", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def _refused(result: subprocess.CompletedProcess[str], *names: str) -> str:
    """Exit 2 and one line on stderr that names each of ``names``."""
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert all(name in lines[0] for name in names), lines
    return lines[0]


@pytest.mark.parametrize("names", [ENGLISH_NAMES, None], ids=["english", "swedish"])
def test_score_into_its_own_csv_register_is_refused(tmp_path: Path, names) -> None:
    register = write_csv_folder(tmp_path / "register", TABLES, names=names)
    before = _snapshot(tmp_path)
    result = _cli("score", str(register), "--params", str(PARAMS), "--out", str(register))
    line = _refused(result, str(register))
    assert line.startswith("fel: ") and "registret som läses" in line
    assert _snapshot(tmp_path) == before
    assert len(load_register(register).activities) == 2  # still readable, as it was


def test_score_dot_out_dot_is_refused(tmp_path: Path) -> None:
    register = write_csv_folder(tmp_path / "register", TABLES, names=ENGLISH_NAMES)
    before = _snapshot(tmp_path)
    result = _cli("score", ".", "--params", str(PARAMS), "--out", ".", cwd=register)
    _refused(result)
    assert _snapshot(tmp_path) == before


def test_score_into_a_folder_inside_the_register_is_refused(tmp_path: Path) -> None:
    register = write_csv_folder(tmp_path / "register", TABLES)
    before = _snapshot(tmp_path)
    out = register / "resultat"
    status = main(["score", str(register), "--params", str(PARAMS), "--out", str(out)])
    assert status == 2
    assert _snapshot(tmp_path) == before and not out.exists()


def test_score_into_another_register_folder_is_refused(tmp_path: Path, capsys) -> None:
    register = write_workbook(tmp_path / "register.xlsx", TABLES)
    other = write_csv_folder(tmp_path / "other", TABLES, names=ENGLISH_NAMES)
    before = _snapshot(tmp_path)
    status = main(["score", str(register), "--params", str(PARAMS), "--out", str(other)])
    assert status == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["fel: " + label("guard.folder_holds_register", "sv", path=other)]
    assert _snapshot(tmp_path) == before


def test_score_beside_its_workbook_and_again_into_its_own_output_is_allowed(
    tmp_path: Path,
) -> None:
    """The guard is not a blanket refusal: CSV files beside the workbook, twice (partners.csv
    of the first run does not make the folder a register)."""
    register = write_workbook(tmp_path / "register.xlsx", TABLES)
    workbook = register.read_bytes()
    for _ in range(2):
        status = main(["score", str(register), "--params", str(PARAMS), "--out", str(tmp_path)])
        assert status == 0
    assert (tmp_path / "partners.csv").exists() and register.read_bytes() == workbook


def test_fix_list_over_the_register_is_refused(tmp_path: Path) -> None:
    register = write_workbook(tmp_path / "register.xlsx", TABLES)
    before = _snapshot(tmp_path)
    result = _cli("validate", str(register), "--params", str(PARAMS), "--fix-list", str(register))
    _refused(result, str(register))
    assert _snapshot(tmp_path) == before


def test_fix_list_over_another_register_or_into_a_folder_of_workbooks_is_refused(
    tmp_path: Path,
) -> None:
    books = tmp_path / "books"
    write_workbook(books / "kultur.xlsx", TABLES)
    other = write_workbook(tmp_path / "other.xlsx", TABLES)
    before = _snapshot(tmp_path)
    for target in (other, books / "rättelser.xlsx"):
        status = main(["validate", str(books), "--params", str(PARAMS), "--fix-list", str(target)])
        assert status == 2
        assert _snapshot(tmp_path) == before


def test_template_on_a_filled_register_is_refused_even_with_force(tmp_path: Path) -> None:
    register = write_workbook(tmp_path / "register.xlsx", TABLES)
    before = _snapshot(tmp_path)
    result = _cli("template", str(register))
    assert "--force" in _refused(result, str(register))
    result = _cli("template", str(register), "--force")
    assert "ingen tom registermall" in _refused(result, str(register))
    assert _snapshot(tmp_path) == before


def test_template_replaces_an_empty_template_only_with_force(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mall.xlsx"
    assert main(["template", str(path)]) == 0
    first, inode = path.read_bytes(), path.stat().st_ino
    assert main(["template", str(path)]) == 2
    assert path.read_bytes() == first and path.stat().st_ino == inode  # not touched
    assert main(["template", str(path), "--force"]) == 0
    assert path.stat().st_ino != inode  # written anew: a new file moved into place
    assert load_register(path).activities.empty


def test_template_over_another_file_is_refused_even_with_force(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    write_workbook(path, {}, extra_sheets=["Budget"])
    before = path.read_bytes()
    assert main(["template", str(path), "--force"]) == 2
    assert path.read_bytes() == before


def test_init_force_keeps_a_filled_register_and_renews_an_empty_one(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "arbete"
    assert main(["init", str(folder), "--year", "2031"]) == 0
    capsys.readouterr()
    assert main(["init", str(folder), "--year", "2031", "--force"]) == 0
    assert [Path(p).name for p in capsys.readouterr().out.split()] == ["register.xlsx"]
    write_workbook(folder / "register.xlsx", TABLES)
    before = _snapshot(folder)
    assert main(["init", str(folder), "--year", "2031", "--force"]) == 2
    assert capsys.readouterr().err.startswith("fel: ")
    assert _snapshot(folder) == before


def test_report_into_the_register_folder_is_refused(tmp_path: Path) -> None:
    register = write_csv_folder(tmp_path / "register", TABLES)
    before = _snapshot(tmp_path)
    result = _cli("report", "--year", "2025", "--register", str(register),
                  "--out", str(register / "rapporter"))  # fmt: skip
    _refused(result, "rapporter")
    assert _snapshot(tmp_path) == before and not (register / "rapporter").exists()


def test_report_by_default_into_reports_of_the_register_folder_is_refused(tmp_path: Path) -> None:
    """``cd register && boras-intl report --register .``: the default ``reports/`` is inside."""
    register = write_csv_folder(tmp_path / "register", TABLES)
    before = _snapshot(tmp_path)
    result = _cli("report", "--year", "2025", "--register", ".", cwd=register)
    _refused(result)
    assert _snapshot(tmp_path) == before

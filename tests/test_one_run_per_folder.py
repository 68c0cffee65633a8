"""One run per output folder (issue 22 item 5), with real runs of the command: a second run
into the folder of a running one waits for it instead of mixing its reports with the first
one's; a year without activities never replaces an earlier report, and says so."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from fixtures.report_runs import EXAMPLE_REGISTER, ROOT, register_hash

from tests.register_helpers import activity, partner, write_csv_folder

pytestmark = pytest.mark.notebook
CLI = (sys.executable, "-m", "boras_intl_lib")


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_second_run_into_the_same_folder_waits_for_the_first(tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"  # the same register saved again: another fingerprint
    openpyxl.load_workbook(EXAMPLE_REGISTER).save(other)
    out = tmp_path / "reports"
    first = _start("report", "--year", "2025", "--register", str(EXAMPLE_REGISTER),
                   "--out", str(out))  # fmt: skip
    deadline = time.monotonic() + 60
    while not out.exists():  # made by the first run as it takes the folder's lock
        assert first.poll() is None and time.monotonic() < deadline, first.communicate()
        time.sleep(0.02)
    second = _start("report", "--year", "2025", "--register", str(other), "--out", str(out))
    _, first_err = first.communicate(timeout=300)
    _, second_err = second.communicate(timeout=300)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second_err
    assert "väntar på att en annan körning av boras-intl som skriver till" in second_err
    assert "väntar" not in first_err
    html = (out / "2025" / "report-2025-sv.html").read_text(encoding="utf-8")
    notebook = (out / "2025" / "report-2025-sv.ipynb").read_text(encoding="utf-8")
    import hashlib

    other_hash = hashlib.sha256(other.read_bytes()).hexdigest()
    assert register_hash(html) == other_hash[:16]  # the second run's, written after the first
    assert other_hash[:16] in notebook  # and its notebook beside it, not the first run's


def test_a_year_without_activities_keeps_the_earlier_report(tmp_path: Path) -> None:
    register = write_csv_folder(
        tmp_path / "register", {"activities": [activity("A1")], "partners": [partner("A1")]}
    )  # activities of 2024 only
    year_folder = tmp_path / "reports" / "2025"
    year_folder.mkdir(parents=True)
    earlier = year_folder / "report-2025-sv.html"
    earlier.write_text("<p>the good report of 2025</p>", encoding="utf-8")
    result = subprocess.run(
        [
            *CLI,
            "report",
            "--year",
            "2025",
            "--register",
            str(register),
            "--out",
            str(tmp_path / "reports"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("fel:")]
    assert errors == [
        "fel: rapporten 2025 sv: registret har ingen aktivitet 2025: "
        "den tidigare rapporten finns kvar"
    ]
    assert earlier.read_text(encoding="utf-8") == "<p>the good report of 2025</p>"
    assert sorted(p.name for p in year_folder.iterdir()) == ["report-2025-sv.html"]

"""A failing report says so in one line per report and nothing else (issue 22 item 4): no
"Timeout waiting for execute reply" from nbclient before it, no asyncio "Task was destroyed
but it is pending!" after it, in the command and in its worker processes alike.

The reports time out for certain: a register of 12,000 activities (about 2,400 a year) makes
the workbook cell run for seconds, far past the 1 s limit, on a quiet machine too (the bundled
register's cells each finish within a second there)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebook
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("years", [("--year", "2025"), ("--years", "2024-2025", "--jobs", "2")])
def test_a_timed_out_report_is_one_line_each(tmp_path: Path, years: tuple[str, ...]) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_read import write_register
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    register = tmp_path / "register"
    register.mkdir()
    write_register(register, 12_000)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "boras_intl_lib",
            "report",
            *years,
            "--register",
            str(register),
            "--timeout",
            "1",
            "--out",
            str(tmp_path / "reports"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    n_reports = 2 if "--years" in years else 1
    assert len(lines) == n_reports, result.stderr
    assert all(
        re.match(r"fel: rapporten 20\d\d sv: misslyckades ", line)  # the report named once
        and "tidsgränsen på 1 s" in line
        for line in lines
    ), lines

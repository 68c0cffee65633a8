"""One real report run (`boras-intl report`, papermill kernel, workbook written beside the
HTML) for the bundled register's 2022: the .xlsx it wrote, read with openpyxl, equals the
reference computed from the register and that year's evaluation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from boras_intl_lib.evaluation import evaluate
from boras_intl_lib.register.load import load_example_register
from boras_intl_lib.settings import default_parameters_path, load_settings
from reference.compute import compute
from reference.workbook import assert_workbook_matches, read_workbook


@pytest.mark.notebook
def test_the_workbook_of_a_real_report_run_equals_reference(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    run = subprocess.run(
        [sys.executable, "-m", "boras_intl_lib", "report", "--year", "2022", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    settings = load_settings(default_parameters_path(2022))
    register = load_example_register(settings)
    evaluation = evaluate(register, settings, None, 2022)
    ref = compute(register, settings, evaluation.partners, 2022)
    book = read_workbook(out / "2022" / "report-2022-sv.xlsx")
    assert_workbook_matches(book, ref, "sv", None, [t.city for t in settings.twin_cities])
    html = (out / "2022" / "report-2022-sv.html").read_text(encoding="utf-8")
    assert "Året 2022 är ett basår" in html  # the baseline year says so at the top

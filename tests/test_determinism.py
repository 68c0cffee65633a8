"""Two runs on the same inputs give the same report, apart from the generation timestamp.

The second run writes to another folder, in another process with another kernel, at the
same time (tests/fixtures/report_runs.py starts the two together). The HTML must be identical
once the ISO timestamp of the reproducibility line is masked, and the Excel workbook must
hold the same cell values.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from fixtures import report_runs as runs
from openpyxl import load_workbook

pytestmark = pytest.mark.notebook


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[runs.Run, runs.Run]:
    return runs.example_sv(tmp_path_factory), runs.example_sv_again(tmp_path_factory)


def cell_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return {s.title: list(s.iter_rows(values_only=True)) for s in workbook.worksheets}
    finally:
        workbook.close()


def test_the_html_differs_only_in_the_generation_timestamp(
    two_runs: tuple[runs.Run, runs.Run],
) -> None:
    first, second = (runs.report_html(r, "sv").read_text(encoding="utf-8") for r in two_runs)
    assert len(runs.TIMESTAMP.findall(first)) == 1, "the reproducibility line has one timestamp"
    a, b = runs.mask_timestamps(first), runs.mask_timestamps(second)
    if a != b:
        diff = difflib.unified_diff(a.splitlines(), b.splitlines(), "first", "second", n=0)
        pytest.fail("the two runs differ:\n" + "\n".join(line[:200] for line in list(diff)[:20]))


def test_the_workbooks_hold_the_same_values(two_runs: tuple[runs.Run, runs.Run]) -> None:
    first, second = (cell_values(runs.report_html(r, "sv").with_suffix(".xlsx")) for r in two_runs)
    assert len(first) >= 10 and sum(len(rows) for rows in first.values()) > 100
    assert first == second

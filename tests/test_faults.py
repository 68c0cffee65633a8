"""Faults a real run meets: a killed process, two runs at once, bad paths, a changed register.

All through the command line (``python -m boras_intl_lib`` = ``boras-intl``), as users and
scheduled jobs run it:

- a run killed with SIGKILL while the notebook executes leaves the previous report
  byte-identical, no partial file under a final name, and only hidden temporary files that a
  later run neither trips over nor adds to (it removes those older than an hour);
- two runs for the same year and folder at the same time, on different registers, leave an
  HTML report, workbook and notebook that all come from the same run;
- an output folder that cannot be created, or a missing parameters file: one line on stderr,
  no traceback, a non-zero exit status;
- a register that changed between two runs changes the reproducibility line (its hash).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures import report_runs as runs
from openpyxl import load_workbook

from boras_intl_lib.i18n.labels import label
from boras_intl_lib.runner.files import STALE_TEMP_SECONDS

pytestmark = pytest.mark.notebook

YEAR = runs.YEAR
KEY_FIGURE = re.compile(r"<dt>(.*?)</dt><dd>(.*?)</dd>")


def sha16(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def html_key_figures(html: str) -> list[tuple[str, str]]:
    return KEY_FIGURE.findall(html)


def workbook_key_figures(path: Path) -> list[tuple[str, str]]:
    workbook = load_workbook(path, read_only=True)
    try:  # the key figures sheet: measure, number, and the text as the report shows it
        sheet = workbook[label("sheet.key_figures")]
        rows = list(sheet.iter_rows(values_only=True))[1:]
    finally:
        workbook.close()
    return [(str(row[0]), str(row[2])) for row in rows]


def cancel_some_activities(source: Path, target: Path, n: int = 5) -> Path:
    """A copy of the example register with ``n`` more cancelled activities in the report year
    (so the key figures differ from the original's)."""
    workbook = load_workbook(source)
    sheet = workbook["aktiviteter"]
    header = [c.value for c in sheet[1]]
    year, status = header.index("år"), header.index("status")
    changed = 0
    for row in sheet.iter_rows(min_row=2):
        if row[year].value == YEAR and row[status].value != "inställd" and changed < n:
            row[status].value = "inställd"
            changed += 1
    assert changed == n
    workbook.save(target)
    return target


@pytest.fixture(scope="module")
def registers(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two different registers: a copy of the example register and one with changes."""
    folder = tmp_path_factory.mktemp("registers")
    first = folder / "register-a.xlsx"
    shutil.copyfile(runs.EXAMPLE_REGISTER, first)
    second = cancel_some_activities(runs.EXAMPLE_REGISTER, folder / "register-b.xlsx")
    assert sha16(first) != sha16(second)
    return first, second


# --- a killed run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KilledThenRerun:
    out: Path
    register: Path
    before: dict[str, bytes]  # the previous report's files
    after_kill: dict[str, bytes]
    leftovers: set[Path]  # temporary files the killed run left behind
    aged: set[Path]  # leftovers made older than STALE_TEMP_SECONDS before the rerun
    returncode: int
    rerun: runs.Run
    temps_after_rerun: set[Path]


@pytest.fixture(scope="module")
def killed_then_rerun(
    tmp_path_factory: pytest.TempPathFactory, registers: tuple[Path, Path]
) -> KilledThenRerun:
    previous = runs.example_sv(tmp_path_factory)
    work = tmp_path_factory.mktemp("killed")
    out = work / "reports"
    shutil.copytree(previous.out, out)
    register = work / "register.xlsx"
    shutil.copyfile(registers[0], register)
    before = runs.snapshot(out)
    args = ("report", "--year", str(YEAR), "--register", str(register), "--out", str(out))
    started = runs.start_cli(*args)
    try:
        runs.wait_until_executing(started.process, out / str(YEAR))
    finally:
        runs.kill_group(started.process)
    killed = runs.finish(started)
    after_kill = runs.snapshot(out)
    leftovers = runs.temp_files(out)
    aged = set(sorted(leftovers)[: len(leftovers) // 2])
    old = time.time() - STALE_TEMP_SECONDS - 60
    for path in aged:
        os.utime(path, (old, old))
    rerun = runs.cli(*args)
    return KilledThenRerun(out, register, before, after_kill, leftovers, aged,
                           killed.returncode, rerun, runs.temp_files(out))  # fmt: skip


def test_killed_run_leaves_the_previous_report_intact(killed_then_rerun: KilledThenRerun) -> None:
    k = killed_then_rerun
    assert k.returncode == -signal.SIGKILL
    assert k.leftovers, "no temporary files: the run was not killed while writing a report"
    assert set(k.after_kill) == set(k.before), "a file appeared or vanished under a final name"
    changed = [name for name in k.before if k.after_kill[name] != k.before[name]]
    assert not changed, f"the killed run changed the previous report: {changed}"
    assert f"{YEAR}/report-{YEAR}-sv.html" in k.before


def test_a_later_run_succeeds_and_adds_no_temporary_files(
    killed_then_rerun: KilledThenRerun,
) -> None:
    k = killed_then_rerun
    k.rerun.check()
    assert len(k.aged) >= 1 and len(k.leftovers - k.aged) >= 1
    assert k.temps_after_rerun == k.leftovers - k.aged, (
        "a later run must add no temporary file, remove stale ones (older than an hour) and "
        "leave fresh ones (another run may be writing them)"
    )
    html = (k.out / str(YEAR) / f"report-{YEAR}-sv.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    assert runs.register_hash(html) == sha16(k.register)
    assert not list(k.out.rglob("*.failed.ipynb"))


def test_a_changed_register_changes_the_reproducibility_line(
    killed_then_rerun: KilledThenRerun, registers: tuple[Path, Path]
) -> None:
    k = killed_then_rerun
    report = k.out / str(YEAR) / f"report-{YEAR}-sv.html"
    first = runs.register_hash(report.read_text(encoding="utf-8"))
    shutil.copyfile(registers[1], k.register)  # same path, new content
    runs.cli("report", "--year", YEAR, "--register", k.register, "--out", k.out).check()
    second = runs.register_hash(report.read_text(encoding="utf-8"))
    assert first == sha16(registers[0]) and second == sha16(registers[1]) and first != second


# --- two runs at once --------------------------------------------------------------------------


def test_two_runs_at_once_never_mix_their_files(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, registers: tuple[Path, Path]
) -> None:
    original = html_key_figures(runs.report_html(runs.example_sv(tmp_path_factory), "sv")
                                .read_text(encoding="utf-8"))  # fmt: skip
    out = tmp_path / "reports"
    commands = [("report", "--year", str(YEAR), "--register", str(r), "--out", str(out))
                for r in registers]  # fmt: skip
    started = [runs.start_cli(*args) for args in commands]
    for command in started:
        runs.finish(command).check()

    folder = out / str(YEAR)
    html = (folder / f"report-{YEAR}-sv.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>"), "the report is incomplete"
    by_hash = {sha16(r): r for r in registers}
    winner = by_hash.get(runs.register_hash(html))
    assert winner is not None, "the report names neither register"
    figures = html_key_figures(html)
    assert figures == workbook_key_figures(folder / f"report-{YEAR}-sv.xlsx"), (
        "the workbook beside the report comes from the other run"
    )
    assert (figures == original) == (winner == registers[0]), (
        "the report's figures do not belong to the register its reproducibility line names"
    )
    notebook = (folder / f"report-{YEAR}-sv.ipynb").read_text(encoding="utf-8")
    assert runs.register_hash(notebook) == sha16(winner), (
        "the executed notebook beside the report comes from the other run"
    )
    assert not runs.temp_files(out) and not list(out.rglob("*.failed.ipynb"))


# --- clear messages ----------------------------------------------------------------------------


def _one_clear_line(run: runs.Run) -> str:
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got: {lines}"
    return lines[0]


def test_an_output_folder_that_cannot_be_created_gives_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    run = runs.cli("report", "--year", YEAR, "--out", blocker / "reports")
    line = _one_clear_line(run)
    assert line == (  # the report's language: Swedish
        f"fel: kan inte använda utdatamappen {blocker / 'reports'}: "
        "en del av sökvägen är inte en mapp"
    )
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_missing_parameters_file_gives_one_clear_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-parameters.yaml"
    run = runs.cli("report", "--year", YEAR, "--params", missing, "--out", tmp_path / "out")
    line = _one_clear_line(run)
    assert line == f"fel: {missing}: Filen finns inte"  # the report's language: Swedish
    assert not (tmp_path / "out").exists(), "nothing is written when the parameters are missing"

"""A run leaves the machine's temporary folders as it found them, stopped or not (issue 22:
``pymp-*`` folders, Chromium profiles, kernel connection files and openpyxl's temporary files
were left behind by runs stopped early or timed out).

Each run gets a temporary folder and a Jupyter runtime folder of its own (``TMPDIR``,
``JUPYTER_RUNTIME_DIR``), is stopped with Ctrl-C (SIGINT to its process group) after 1, 3
and 6 seconds — during start-up, while kernels start, while reports execute or print — and
both folders must then be empty.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from fixtures import report_runs as runs

pytestmark = pytest.mark.notebook


def _left(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize("after_seconds", [1.0, 3.0, 6.0])
def test_a_stopped_run_leaves_no_temporary_files(tmp_path: Path, after_seconds: float) -> None:
    tmp, runtime = tmp_path / "tmp", tmp_path / "runtime"
    tmp.mkdir()
    runtime.mkdir()
    env = {"TMPDIR": str(tmp), "JUPYTER_RUNTIME_DIR": str(runtime)}
    out = tmp_path / "reports"
    started = runs.start_cli(
        "report", "--years", "2024-2025", "--jobs", "2", "--pdf", "--out", out, env=env
    )
    try:
        time.sleep(after_seconds)
        if started.process.poll() is None:
            os.killpg(started.process.pid, signal.SIGINT)
        started.process.wait(timeout=60)
    finally:
        if started.process.poll() is None:
            runs.kill_group(started.process)
    runs.finish(started)  # exit status and message: tests/test_stopping.py
    time.sleep(0.5)  # helpers that end on their own (the resource tracker) have ended
    assert _left(tmp) == [], f"left in TMPDIR after {after_seconds} s: {_left(tmp)}"
    assert _left(runtime) == [], f"left in the Jupyter runtime folder: {_left(runtime)}"


def test_a_finished_run_leaves_no_temporary_files(tmp_path: Path) -> None:
    tmp, runtime = tmp_path / "tmp", tmp_path / "runtime"
    tmp.mkdir()
    runtime.mkdir()
    env = {"TMPDIR": str(tmp), "JUPYTER_RUNTIME_DIR": str(runtime)}
    out = tmp_path / "reports"
    started = runs.start_cli(
        "report", "--years", "2024-2025", "--jobs", "2", "--pdf", "--out", out, env=env
    )
    run = runs.finish(started)
    assert run.returncode == 0, run.stderr
    assert (out / "2025" / "report-2025-sv.pdf").is_file()
    time.sleep(0.5)
    assert _left(tmp) == [], f"left in TMPDIR: {_left(tmp)}"
    assert _left(runtime) == [], f"left in the Jupyter runtime folder: {_left(runtime)}"


def test_a_pdf_is_printed_under_a_long_temporary_folder(tmp_path: Path) -> None:
    """Chromium keeps a Unix socket in its temporary folder, and a socket's path may not
    exceed 107 bytes: under a long TMPDIR every PDF failed ("Target page, context or browser
    has been closed") and a Chromium folder was left behind."""
    tmp = tmp_path.joinpath("a-temporary-folder-as-deep-as-a-ci-job-makes-it", "x" * 40, "tmp")
    tmp.mkdir(parents=True)
    assert len(str(tmp)) > 100
    out = tmp_path / "reports"
    started = runs.start_cli(
        "report", "--year", "2025", "--pdf", "--out", out, env={"TMPDIR": str(tmp)}
    )
    run = runs.finish(started)
    assert run.returncode == 0, run.stderr
    assert (out / "2025" / "report-2025-sv.pdf").read_bytes().startswith(b"%PDF")
    assert _left(tmp) == [], f"left in TMPDIR: {_left(tmp)}"

"""Ctrl-C in the first seconds of ``report --years … --jobs 2`` (issue 22 item 4): while the
forkserver imports papermill, while the parent evaluates, while kernels boot. Each time the
command exits 130 with one line on stderr and nothing else (no forkserver traceback ending
in ``EOFError``, no kernel complaining that its folder vanished), and leaves nothing in the
temporary folder (no ``pymp-*`` folder, no run folder) nor in Jupyter's runtime folder (no
kernel connection file)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.notebook

ROOT = Path(__file__).resolve().parent.parent


# Early: before the first report is in place. 4 s was early on a loaded machine and not on
# a quiet one (a report written, its progress line printed); a stop after reports are
# written is tests/test_stopping.py's and tests/test_temp_folder.py's.
@pytest.mark.parametrize("delay", [0.6, 0.9, 1.6, 2.5])
def test_an_early_ctrl_c_is_one_line_exit_130_and_leaves_nothing(
    tmp_path: Path, delay: float
) -> None:
    temp, runtime, out = tmp_path / "tmp", tmp_path / "runtime", tmp_path / "out"
    temp.mkdir()
    runtime.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "JUPYTER_RUNTIME_DIR": str(runtime)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "boras_intl_lib",
            "report",
            "--years",
            "2024-2025",
            "--jobs",
            "2",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    time.sleep(delay)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, stderr = process.communicate(timeout=60)
    time.sleep(1.0)  # anything a stray kernel would still write or leave
    assert process.returncode == 130, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(("stoppad av SIGINT: ", "avbruten")), lines  # a Swedish run
    assert sorted(p.name for p in temp.iterdir()) == []
    assert sorted(p.name for p in runtime.iterdir()) == []
    assert not out.exists() or not list(out.rglob("*.html"))  # stopped before any report

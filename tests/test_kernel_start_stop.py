"""A stop that arrives while a kernel is being spawned never leaves that kernel behind.

Between the moment jupyter_client spawns a kernel and the moment the run records it, a stop
used to find nothing to end: the kernel outlived the run and, its folder removed, printed
"Current working directory doesn't exist" on the command's stderr (seen on CI in
``test_early_stop.py`` at 0.9 s). Here that moment is stretched on purpose — the real
provisioner spawns a real kernel, then waits — and the stop comes from another thread (the
command's main thread while a job thread starts the kernel) and from a signal handled in the
spawning thread itself (a worker told to stop, a single-job run stopped by Ctrl-C).

Each scenario runs in a fresh interpreter: a stop marks its whole process as abandoned.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The real provisioner, with the gap between spawning and recording stretched; the spawned
# kernel's pid is written to a file so that the test can look for the process afterwards.
PRELUDE = textwrap.dedent(
    """
    import os, signal, sys, threading, time
    from pathlib import Path
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner
    from boras_intl_lib.runner import kernel, stopping

    PID_FILE, CWD, GAP = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    spawned = threading.Event()
    _launch = LocalProvisioner.launch_kernel

    async def launch_then_wait(self, cmd, **kwargs):
        info = await _launch(self, cmd, **kwargs)
        PID_FILE.write_text(str(self.pid))
        spawned.set()
        if GAP == "signal":
            os.kill(os.getpid(), signal.SIGTERM)  # handled in this very thread, next bytecode
        time.sleep(1.0)  # the kernel exists, the run has not recorded it yet
        return info

    LocalProvisioner.launch_kernel = launch_then_wait
    """
)

FROM_ANOTHER_THREAD = PRELUDE + textwrap.dedent(
    """
    starter = threading.Thread(target=kernel._start_kernel, args=("python3", CWD), daemon=True)
    starter.start()
    spawned.wait(30)
    stopping.abandon()  # as the command's main thread does on Ctrl-C
    pid = int(PID_FILE.read_text())
    try:
        os.kill(pid, 0)
        print("kernel alive")
    except ProcessLookupError:
        print("kernel ended")
    try:
        kernel._start_kernel("python3", CWD)
        print("started after the stop")
    except stopping.StartRefused:
        print("start refused")
    """
)

IN_THE_SPAWNING_THREAD = PRELUDE + textwrap.dedent(
    """
    stopping.worker_signals()  # a report worker: SIGTERM ends it
    kernel._start_kernel("python3", CWD)
    print("the stop was lost")
    """
)

STOPPER_IN_THE_SPAWNING_THREAD = PRELUDE + textwrap.dedent(
    """
    def on_abort(signum):
        stopping.abandon()
        os._exit(stopping.exit_status(signum))

    stopper = stopping.Stopper(on_abort)  # a single-job run: the report runs in this thread
    stopper.install()
    kernel._start_kernel("python3", CWD)
    print("the stop was lost")
    """
)


def _run(script: str, tmp_path: Path, gap: str) -> tuple[int, str, int]:
    """The script's exit status and output, and the kernel's pid. The output goes to a file,
    not a pipe: a pipe would make the wait last until the kernel (which inherits it) ended."""
    pid_file, cwd, output = tmp_path / "kernel.pid", tmp_path / "work", tmp_path / "output"
    cwd.mkdir()
    with output.open("w") as sink:
        status = subprocess.run(
            [sys.executable, "-c", script, str(pid_file), str(cwd), gap],
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
            timeout=60,
        ).returncode
    return status, output.read_text(), int(pid_file.read_text())


def _alive(pid: int) -> bool:
    """True if the process exists (an orphan boots for about a second before it notices)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat")
    return not (state.exists() and state.read_text().split(") ")[-1].startswith("Z"))


def test_a_stop_from_another_thread_waits_for_the_kernel_and_ends_it(tmp_path: Path) -> None:
    _, output, pid = _run(FROM_ANOTHER_THREAD, tmp_path, "thread")
    alive = _alive(pid)
    _end(pid)
    assert "kernel ended" in output and "start refused" in output, output
    assert not alive


@pytest.mark.parametrize(
    "script", [IN_THE_SPAWNING_THREAD, STOPPER_IN_THE_SPAWNING_THREAD], ids=["worker", "run"]
)
def test_a_stop_handled_while_this_thread_spawns_ends_the_kernel(
    tmp_path: Path, script: str
) -> None:
    status, output, pid = _run(script, tmp_path, "signal")
    alive = _alive(pid)  # at once: an orphan would still be booting
    _end(pid)
    assert status == 143, output
    assert "the stop was lost" not in output
    assert not alive, "the kernel spawned just before the stop outlived the run"


def _end(pid: int) -> None:
    """Whatever the outcome, leave no kernel behind."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def test_papermill_runs_the_started_kernel_and_it_ends_with_the_notebook(tmp_path: Path) -> None:
    """The kernel started before papermill is the one the notebook runs on, it is ended with
    its connection file when the notebook is done, and papermill's notebook manager is kept
    (a failure names its section from it)."""
    import nbformat

    from boras_intl_lib.runner import kernel

    notebook = tmp_path / "n.ipynb"
    cells = [nbformat.v4.new_code_cell("import os\nprint(os.getpid())")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), notebook)
    work = tmp_path / "work"
    work.mkdir()
    kept: list = []
    done = kernel.run_notebook(notebook, {}, "python3", 60, work, kept)
    pid = int(done.cells[-1].outputs[0]["text"])
    assert pid != os.getpid()
    assert len(kept) == 1 and kept[0].nb is not None
    assert not _alive(pid), "the kernel outlived its notebook"
    assert not (work / "kernel.json").exists()

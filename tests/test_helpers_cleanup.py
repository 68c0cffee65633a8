"""multiprocessing's helpers end with the run on this Python (runner/helpers_cleanup.py).

The module reaches into multiprocessing's internals, because no public call ends the
forkserver and the resource tracker before the interpreter exits. It degrades to doing
nothing if they change; this test is what notices: it fails if the internals are gone or no
longer end the helpers.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = textwrap.dedent(
    """
    import json, multiprocessing, os
    from multiprocessing import forkserver, process, resource_tracker
    from boras_intl_lib.runner import helpers_cleanup

    context = multiprocessing.get_context("forkserver")
    worker = context.Process(target=os.getpid)
    worker.start()
    worker.join()
    helpers = [forkserver._forkserver._forkserver_pid, resource_tracker._resource_tracker._pid]
    folder = process.current_process()._config.get("tempdir")
    before = [os.path.exists(f"/proc/{pid}") for pid in helpers] + [os.path.isdir(folder)]
    helpers_cleanup.stop_helpers()
    helpers_cleanup.remove_temp_folder()

    def alive(pid):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False

    after = [alive(pid) for pid in helpers] + [os.path.isdir(folder)]
    print(json.dumps({"before": before, "after": after}))
    """
)


def test_the_forkserver_the_resource_tracker_and_the_folder_end_before_the_command(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["before"] == [True, True, True], "the helpers were not running: test is void"
    assert seen["after"] == [False, False, False], "forkserver, resource tracker, folder"
    assert list(tmp_path.iterdir()) == []


def test_a_process_without_multiprocessing_is_left_alone() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nfrom boras_intl_lib.runner import helpers_cleanup\n"
            "helpers_cleanup.stop_helpers(); helpers_cleanup.remove_temp_folder()\n"
            "print('multiprocessing' in sys.modules)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.strip() == "False", done.stderr

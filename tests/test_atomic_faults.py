"""The atomic writer under injected faults (issue 21 item 3): every temporary file is flushed
to disk before any final name is replaced, a crash between writing and renaming loses
nothing, and two writers in separate processes never interleave their sets of files.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from boras_intl_lib import atomic
from boras_intl_lib.atomic import atomic_write, folder_lock, publish, replace_together, temp_beside

ROOT = Path(__file__).resolve().parent.parent


class _Crash(Exception):
    """The injected fault: the process "dies" at this point."""


def _path_of(fd: int) -> str:
    return os.path.realpath(f"/proc/self/fd/{fd}")


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch):
    """A model of the disk: a file's bytes are durable only once ``fsync`` was called on it
    after its last change; ``os.replace`` checks that what it moves into place is durable."""
    synced: dict[str, bytes] = {}
    replaced: list[tuple[str, str, bool]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        path = _path_of(fd)
        if os.path.isfile(path):
            synced[path] = Path(path).read_bytes()
        real_fsync(fd)

    def replace(src, dst, *args, **kwargs) -> None:
        path = os.path.realpath(src)
        durable = synced.get(path) == Path(path).read_bytes()
        replaced.append((path, os.path.realpath(dst), durable))
        real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    return replaced


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name an fd")
def test_every_file_is_on_disk_before_it_replaces_a_final_name(tmp_path: Path, disk) -> None:
    finals = [tmp_path / "scores.csv", tmp_path / "partners.csv"]
    with replace_together(finals) as temps:
        for temp, text in zip(temps, ("s", "p"), strict=True):
            temp.write_text(text)
    with atomic_write(tmp_path / "countries.csv", "w") as handle:
        handle.write("c")
    assert [Path(dst).name for _, dst, _ in disk] == ["scores.csv", "partners.csv", "countries.csv"]
    assert all(durable for _, _, durable in disk), disk  # no fsync: a crash could leave 0 bytes


def test_a_crash_between_write_and_rename_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finals = [tmp_path / "scores.csv", tmp_path / "partners.csv"]
    for final in finals:
        final.write_text("old " + final.stem)
    real_replace = os.replace
    calls: list[str] = []

    def crash_on_second(src, dst, *args, **kwargs) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise _Crash
        real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "replace", crash_on_second)
    with pytest.raises(_Crash), replace_together(finals) as temps:
        for temp in temps:
            temp.write_text("new")
    # the first file is replaced whole, the second is still the old one: nothing half-written
    assert finals[0].read_text() == "new"
    assert finals[1].read_text() == "old partners"
    # a crash while writing (before any rename) leaves the whole old set
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    finals[0].write_text("old scores")
    with pytest.raises(_Crash), replace_together(finals) as temps:
        temps[0].write_text("half")
        raise _Crash
    assert [f.read_text() for f in finals] == ["old scores", "old partners"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["partners.csv", "scores.csv"]


_WRITER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from boras_intl_lib import atomic

    folder, name, pause = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    finals = [folder / "a.txt", folder / "b.txt"]
    temps = [atomic.temp_beside(f) for f in finals]
    for temp in temps:
        temp.write_text(name)
    real_replace = os.replace

    def slow_replace(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        print("replaced", Path(dst).name, flush=True)
        time.sleep(pause)  # the other writer gets every chance to come in between

    atomic.os.replace = slow_replace
    print("ready", flush=True)
    atomic.publish(list(zip(temps, finals)), lock=True)
    print("done", flush=True)
    """
)


def _writer(folder: Path, name: str, pause: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(folder), name, str(pause)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def test_two_writers_in_two_processes_never_interleave(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("old")
    first = _writer(tmp_path, "first", 1.5)
    assert first.stdout is not None
    assert first.stdout.readline().strip() == "ready"
    assert first.stdout.readline().strip() == "replaced a.txt"  # first is between its renames
    second = _writer(tmp_path, "second", 0.0)
    out_second, _ = second.communicate(timeout=60)
    first.communicate(timeout=60)
    assert first.returncode == second.returncode == 0
    assert out_second.splitlines()[-1] == "done"
    # without the lock: a=second, b=first (the second wrote both while the first slept)
    assert [(tmp_path / n).read_text() for n in ("a.txt", "b.txt")] == ["second", "second"]


def test_a_held_folder_lock_makes_another_process_wait(tmp_path: Path) -> None:
    writer = None
    try:
        with folder_lock(tmp_path):
            writer = _writer(tmp_path, "new", 0.0)
            assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
            time.sleep(0.5)  # long enough for an unlocked writer to finish
            assert writer.poll() is None and not (tmp_path / "a.txt").exists()
    finally:
        out, _ = writer.communicate(timeout=60) if writer else ("", None)
    assert writer.returncode == 0 and out.splitlines()[-1] == "done"
    assert (tmp_path / "a.txt").read_text() == "new"


def test_publish_without_lock_does_not_wait(tmp_path: Path) -> None:
    """The other side of the lock test: an unlocked publish goes through a held lock (so the
    test above fails when ``publish`` takes no lock)."""
    final = tmp_path / "x.txt"
    temp = temp_beside(final)
    temp.write_text("x")
    with folder_lock(tmp_path):
        publish([(temp, final)])
    assert final.read_text() == "x"

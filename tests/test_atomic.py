"""The one atomic writer: score's CSV files, workbooks and the report runner all use it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from boras_intl_lib.atomic import (
    STALE_TEMP_SECONDS,
    TEMP_NAME,
    atomic_write,
    publish,
    replace_together,
    temp_beside,
)
from boras_intl_lib.runner import files


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


def test_a_failure_midway_leaves_the_previous_set_and_no_temporary_file(tmp_path: Path) -> None:
    a, b = tmp_path / "scores.csv", tmp_path / "partners.csv"
    a.write_text("old a")
    b.write_text("old b")
    with pytest.raises(OSError, match="disk full"), replace_together([a, b]) as (ta, _tb):
        ta.write_text("new a")
        raise OSError("disk full")
    assert (a.read_text(), b.read_text()) == ("old a", "old b")
    assert _leftovers(tmp_path) == []


def test_a_replaced_file_keeps_its_permissions_a_new_one_follows_the_umask(
    tmp_path: Path,
) -> None:
    kept = tmp_path / "private.csv"
    kept.write_text("old")
    kept.chmod(0o600)
    new = tmp_path / "new.csv"
    old_umask = os.umask(0o027)
    try:
        with replace_together([kept, new]) as temps:
            for temp in temps:
                temp.write_text("new")
    finally:
        os.umask(old_umask)
    assert oct(kept.stat().st_mode & 0o777) == oct(0o600)
    assert oct(new.stat().st_mode & 0o777) == oct(0o640)
    assert kept.read_text() == new.read_text() == "new"


def test_the_runner_and_score_share_temporary_names_and_their_cleaning(tmp_path: Path) -> None:
    """A killed ``score`` and a killed report leave the same kind of file; both are cleaned."""
    report_temp = files.create_temp(tmp_path / "report-2025-sv.html")
    score_temp = temp_beside(tmp_path / "scores.csv")
    assert TEMP_NAME.match(report_temp.name) and TEMP_NAME.match(score_temp.name)
    old = time.time() - STALE_TEMP_SECONDS - 60
    for temp in (report_temp, score_temp):
        os.utime(temp, (old, old))
    fresh = temp_beside(tmp_path / "other.csv")  # another run, still writing: kept
    with atomic_write(tmp_path / "countries.csv", "w") as handle:
        handle.write("x")
    assert _leftovers(tmp_path) == [fresh.name]
    assert (tmp_path / "countries.csv").read_text() == "x"


def test_publish_flushes_and_replaces_every_pair(tmp_path: Path) -> None:
    finals = [tmp_path / f"f{i}.txt" for i in range(3)]
    temps = [temp_beside(f) for f in finals]
    for i, temp in enumerate(temps):
        temp.write_text(str(i))
    publish(list(zip(temps, finals, strict=True)), lock=True)
    assert [f.read_text() for f in finals] == ["0", "1", "2"]
    assert _leftovers(tmp_path) == []


def test_a_report_that_cannot_be_replaced_names_the_file(tmp_path: Path) -> None:
    from boras_intl_lib.errors import ReportError

    final = tmp_path / "report.html"
    temp = files.create_temp(final)
    final.mkdir()  # a folder where the report should go: os.replace refuses
    with pytest.raises(ReportError, match=r"report\.html"):
        files.commit([(temp, final)], final)

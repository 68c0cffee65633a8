"""What `report` says while it runs and when it stops, in the run's language (issue 19 item 5:
everything a Swedish run writes for people is Swedish). `wrote <path>` on stdout stays as it
is in every language: scripts read it (docs/automation.md)."""

from __future__ import annotations

import re
import signal
from pathlib import Path

import pytest
from fixtures import report_runs as runs

from boras_intl_lib.i18n.labels import label

pytestmark = pytest.mark.notebook


@pytest.mark.parametrize(
    ("lang", "progress", "seconds"),
    [
        ("sv", "rapport 1 av 1 skriven: ", r"\(\d+,\d s\)"),
        ("en", "report 1/1 written: ", r"\(\d+\.\d s\)"),
    ],
)
def test_the_progress_line_is_in_the_runs_language(
    tmp_path: Path, lang: str, progress: str, seconds: str
) -> None:
    out = tmp_path / "out"
    run = runs.finish(runs.start_cli("report", "--year", "2025", "--lang", lang, "--out", out))
    assert run.returncode == 0, run.stderr
    html = out / "2025" / f"report-2025-{lang}.html"
    assert run.stderr.strip().splitlines() == [run.stderr.strip()], run.stderr  # one line
    line = run.stderr.strip()
    assert line.startswith(progress + str(html)), line
    assert re.search(seconds + "$", line), line
    assert f"wrote {html}" in run.stdout.splitlines()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_stop_line_counts_in_the_runs_language(tmp_path: Path, lang: str) -> None:
    out = tmp_path / "out"
    started = runs.start_cli(
        "report", "--years", "2024-2025", "--jobs", "1", "--lang", lang, "--out", out
    )
    try:
        runs.wait_until_executing(started.process, out / "2024")
        started.process.send_signal(signal.SIGTERM)
        started.process.wait(timeout=60)
    finally:
        if started.process.poll() is None:
            runs.kill_group(started.process)
    run = runs.finish(started)
    assert run.returncode == 143, run.stderr
    written = sorted(out.rglob(f"report-*-{lang}.html"))
    names = [f"{y} {lang}" for y in (2024, 2025) if not _report(out, y, lang).exists()]
    parts = [label("run.stopped_written", lang, written=len(written), total=2)]
    if written:
        parts[0] += " (" + ", ".join(f"{p.parent.name} {lang}" for p in written) + ")"
    parts.append(label("run.stopped_missing", lang, names=", ".join(names)))
    said = label("run.stopped", lang, signal="SIGTERM", parts="; ".join(parts))
    assert run.stderr.strip().splitlines()[-1] == said
    assert said.startswith({"sv": "stoppad av SIGTERM: ", "en": "stopped by SIGTERM: "}[lang])


def _report(out: Path, year: int, lang: str) -> Path:
    return out / str(year) / f"report-{year}-{lang}.html"

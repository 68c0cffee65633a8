"""docs/automation.md's job script treats every exit status it was not told about as a
failure (issue 22): a crash of validate or score (134) must fail the job, not pass as
"some rows rejected". The script is taken from the page as written and run with a stand-in
``boras-intl`` that exits with the status each case asks for."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "automation.md"
FAKE = """#!/bin/sh
case "$1" in
    validate) exit "$VALIDATE" ;;
    score) exit "$SCORE" ;;
    report) echo report >> "$CALLS"; exit "$REPORT" ;;
esac
exit 99
"""


def _job_script() -> str:
    text = DOC.read_text(encoding="utf-8")
    [script] = re.findall(r"`/srv/boras-intl/yearly\.sh`.*?```sh\n(.*?)```", text, re.S)
    return script


@pytest.mark.parametrize(
    ("validate", "score", "report", "job", "reported"),
    [
        (0, 0, 0, 0, True),
        (0, 1, 0, 0, True),  # rows rejected by score: already allowed by validate's answer
        (1, 1, 0, 1, False),  # rows rejected: stop unless ALLOW_REJECTED=1
        (2, 0, 0, 2, False),
        (134, 0, 0, 134, False),  # validate crashed (SIGABRT): a failure, not "rejected"
        (0, 134, 0, 134, False),  # score crashed
        (0, 2, 0, 2, False),
        (0, 0, 1, 1, True),
        (0, 0, 130, 130, True),
    ],
)
def test_the_job_fails_on_every_status_but_success(
    tmp_path: Path, validate: int, score: int, report: int, job: int, reported: bool
) -> None:
    work, bin_dir = tmp_path / "arbete", tmp_path / "bin"
    work.mkdir()
    bin_dir.mkdir()
    fake = bin_dir / "boras-intl"
    fake.write_text(FAKE, encoding="utf-8")
    fake.chmod(0o755)
    script = _job_script().replace("/srv/boras-intl/arbete", str(work))
    script = script.replace("BIN=/srv/boras-intl/venv/bin", f"BIN={bin_dir}")
    assert str(work) in script and str(bin_dir) in script
    calls = tmp_path / "calls"
    env = {
        "PATH": "/usr/bin:/bin",
        "VALIDATE": str(validate),
        "SCORE": str(score),
        "REPORT": str(report),
        "CALLS": str(calls),
    }
    result = subprocess.run(["sh", "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == job, result.stderr
    assert calls.exists() == reported

"""Every register file is measured before it is parsed (issue 22 item 2).

Small hostile workbooks are written by hand (zip entries and XML as bytes) so that each one
holds exactly the trap under test: a cell reference in single quotes, cells with no reference
at all, one huge string (inline and shared), a zip bomb of empty cells (honest and lying
headers), a cell outside Excel's grid, rows spanning billions of cells, and a CSV file too
large to read. Each is run through the real command line in a fresh process whose peak memory
is taken from the kernel (``os.wait4``): exit 2 with one Swedish line, or — where the file is
an ordinary if odd register — read without a crash, in well under a second of reading and
under 300 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from xlsx_by_hand import HEADER_ROW, MIB, NS, bomb, row, sheet, write_xlsx

from boras_intl_lib.cli import main
from boras_intl_lib.errors import RegisterUnreadableError
from boras_intl_lib.register.reading import read_register
from boras_intl_lib.settings import RegisterLimits

ROOT = Path(__file__).resolve().parent.parent
MAX_RSS_MB = 300


#: The child reports its own peak at exit: VmHWM belongs to the process's own memory map,
#: while ru_maxrss of wait4/getrusage starts from the parent's size at fork (a pytest process
#: of 300 MB would make every child look at least that large).
_REPORT_PEAK = """
import atexit, runpy, sys
def _peak(path=sys.argv.pop(1)):
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    with open(path, "w") as out:
        out.write(kb)
atexit.register(_peak)
sys.argv[0] = "boras-intl"
runpy.run_module("boras_intl_lib", run_name="__main__", alter_sys=True)
"""


def peak_mb(*args: str) -> tuple[int, str, float]:
    """Exit status, stderr and the peak resident memory (MB) of ``boras-intl args``."""
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"limits-{os.getpid()}"
    err_path, peak_path = base.with_suffix(".err"), base.with_suffix(".peak")
    with open(os.devnull, "wb") as null, open(err_path, "wb") as err:
        proc = subprocess.run(
            [sys.executable, "-c", _REPORT_PEAK, str(peak_path), *args],
            stdout=null,
            stderr=err,
            cwd=ROOT,
            check=False,
        )
    text = err_path.read_text(encoding="utf-8")
    err_path.unlink()
    peak_kb = int(peak_path.read_text(encoding="utf-8"))
    peak_path.unlink()
    return proc.returncode, text, peak_kb / 1024


def refused_in_swedish(
    path: Path, capsys: pytest.CaptureFixture[str], *phrases: str, fresh: bool = False
) -> None:
    """``validate`` exits 2 with one Swedish line naming the file, in well under a second.

    ``fresh``: also in a process of its own, whose peak memory must stay under 300 MB (a
    process costs ~2 s to start, so only the bombs take that way).
    """
    start = time.perf_counter()
    code = main(["validate", str(path)])
    seconds = time.perf_counter() - start
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("fel: "), err
    assert str(path) in lines[0]
    for phrase in phrases:
        assert phrase in lines[0], lines[0]
    assert seconds < 1.0, f"{seconds:.2f} s to refuse"  # well under a second; loaded machine
    if fresh:
        code, err, mb = peak_mb("validate", str(path))
        assert code == 2 and err.startswith("fel: "), err
        assert mb < MAX_RSS_MB, f"peak memory {mb:.0f} MB"


def test_a_single_quoted_stray_cell_is_read_like_a_double_quoted_one(tmp_path: Path) -> None:
    stray = b"<row r='1048576'><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>"
    path = write_xlsx(tmp_path / "enkla.xlsx", sheet(HEADER_ROW, row(2), row(3), stray))
    code, err, mb = peak_mb("validate", str(path))
    assert code in (0, 1), err  # read: not 134 (calamine's abort), not "unreadable"
    assert mb < MAX_RSS_MB, f"peak memory {mb:.0f} MB"
    cells = read_register(path).tables["activities"].cells
    assert list(cells.index) == [2, 3, 1048576]  # the stray cell's row is reported, not lost
    assert list(cells["activity_id"]) == ["A2", "A3", ""]


def test_cells_without_references_are_placed_by_their_order(tmp_path: Path) -> None:
    # no r anywhere, and a dimension claiming the whole grid: calamine would take its word
    claim = b"<dimension ref='A1:XFD1048576'/>"
    body = sheet(row(1, ref=False).replace(b"<row>", b"<row>", 1), extra=b"")
    body = body.replace(b"<sheetData>", claim + b"<sheetData>")
    header = HEADER_ROW.replace(b' r="1"', b"")
    for letter in "ABCDE":
        header = header.replace(f' r="{letter}1"'.encode(), b"")
    body = sheet(header, row(2, ref=False), row(3, ref=False)).replace(
        b"<sheetData>", claim + b"<sheetData>"
    )
    path = write_xlsx(tmp_path / "utan_r.xlsx", body)
    code, err, mb = peak_mb("validate", str(path))
    assert code in (0, 1), err
    assert mb < MAX_RSS_MB, f"peak memory {mb:.0f} MB"
    cells = read_register(path).tables["activities"].cells
    assert list(cells.index) == [2, 3]
    assert list(cells["title"]) == ["Aktivitet 2", "Aktivitet 3"]


def test_one_huge_inline_string_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = (
        b'<row r="4"><c r="C4" t="inlineStr"><is><t>' + b"a" * (MIB + 10) + b"</t></is></c></row>"
    )
    path = write_xlsx(tmp_path / "lang.xlsx", sheet(HEADER_ROW, row(2), row(3), huge))
    refused_in_swedish(path, capsys, "aktiviteter", "512 kB", "text_kb")


def test_one_huge_shared_string_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst ' + NS + b' count="1" uniqueCount="1">'
        b"<si><t>" + b"b" * (2 * MIB) + b"</t></si></sst>"
    )
    shared_row = b'<row r="4"><c r="C4" t="s"><v>0</v></c></row>'
    path = write_xlsx(
        tmp_path / "delad.xlsx",
        sheet(HEADER_ROW, row(2), shared_row),
        [("xl/sharedStrings.xml", shared)],
    )
    refused_in_swedish(path, capsys, "sharedStrings.xml", "text_kb")


def test_a_zip_bomb_of_empty_cells_is_refused_unopened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = sheet(HEADER_ROW).removesuffix(b"</sheetData></worksheet>")
    member = bomb(b"<row><c/><c/><c/><c/><c/><c/></row>", 600, head, b"</sheetData></worksheet>")
    path = write_xlsx(tmp_path / "bomb.xlsx", member)
    assert path.stat().st_size < 2 * MIB
    refused_in_swedish(path, capsys, "xl/worksheets/sheet1.xml", "512 MB", "sheet_mb", fresh=True)


def test_a_bomb_that_declares_a_small_size_is_not_read_past_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = sheet(HEADER_ROW).removesuffix(b"</sheetData></worksheet>")
    data, crc, _ = bomb(
        b"<row><c/><c/><c/><c/><c/><c/></row>", 600, head, b"</sheetData></worksheet>"
    )
    path = write_xlsx(tmp_path / "ljuger.xlsx", (data, crc, 4096))
    refused_in_swedish(path, capsys, "Excel", fresh=True)


def test_a_bomb_of_shared_strings_that_lies_about_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = b'<?xml version="1.0" encoding="UTF-8"?><sst ' + NS + b">"
    data, crc, _ = bomb(b"<si><t>x</t></si>", 600, head, b"</sst>")
    path = write_xlsx(
        tmp_path / "delad_bomb.xlsx",
        sheet(HEADER_ROW, row(2)),
        [("xl/sharedStrings.xml", (data, crc, 2048))],
    )
    refused_in_swedish(path, capsys, "Excel")


def test_a_cell_outside_excels_grid_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = b"<row r='4'><c r='A99999999999'><v>1</v></c></row>"
    path = write_xlsx(tmp_path / "utanfor.xlsx", sheet(HEADER_ROW, row(2), outside))
    refused_in_swedish(path, capsys, "aktiviteter", "XFD")


def test_rows_spanning_billions_of_cells_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = b"".join(
        f"<row r='{n}'><c r='XFD{n}'><v>1</v></c></row>".encode() for n in range(2, 5002)
    )
    path = write_xlsx(tmp_path / "breda.xlsx", sheet(HEADER_ROW, rows))
    refused_in_swedish(path, capsys, "aktiviteter", "cells", fresh=True)


def test_limits_are_settable_for_a_genuinely_large_register(tmp_path: Path) -> None:
    text = (
        b'<row r="4"><c r="C4" t="inlineStr"><is><t>' + b"a" * (MIB + 10) + b"</t></is></c></row>"
    )
    path = write_xlsx(tmp_path / "lang.xlsx", sheet(HEADER_ROW, row(2), row(3), text))
    raw = read_register(path, RegisterLimits(text_kb=4096))
    assert len(raw.tables["activities"].cells.loc[4, "title"]) == MIB + 10
    with pytest.raises(RegisterUnreadableError, match="text_kb"):
        read_register(path, RegisterLimits(text_kb=1000))


def test_a_csv_file_above_the_limit_is_refused_by_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "partner.csv").write_text("aktivitets_id;partner;land\n", encoding="utf-8")
    big = folder / "aktiviteter.csv"
    with big.open("wb") as f:  # sparse: 1.1 GiB long, nothing on disk
        f.write("aktivitets_id;år;titel;förvaltning;typ\n".encode())
        f.truncate(1100 * MIB)
    refused_in_swedish(folder, capsys, "aktiviteter.csv", "1024 MB", "csv_mb")


def test_indicators_check_lists_at_most_twenty_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["iso3,year,indicator,value,source,edition"]
    lines += [f"SWE,2024,indikator_{i:05d},1.5,egen,Utgåva 1" for i in range(38_462)]
    lines += [f"Ingenstans {i},2024,indikator_00000,1,egen,Utgåva 1" for i in range(45)]
    path = tmp_path / "lang.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["indicators", "check", str(path), "--format", "long"]) == 0
    text = capsys.readouterr().out
    names = next(line for line in text.splitlines() if "indikatorer:" in line)
    assert names.count("indikator_") == 20
    assert names.endswith("indikator_00019 … och 38\u00a0442 till")
    assert len(names) < 500
    left_out = [line for line in text.splitlines() if line.startswith("    Ingenstans")]
    assert len(left_out) == 20  # 45 unknown names, 20 listed and the rest counted
    assert "    … och 25 till" in text


def test_a_year_too_large_for_a_report_is_refused_before_it_is_evaluated(tmp_path: Path) -> None:
    from register_helpers import activity, write_workbook

    from boras_intl_lib.runner.inputs import evaluate_years
    from boras_intl_lib.settings import load_settings

    params = ROOT / "parameters" / "2025.yaml"
    settings = load_settings(params)
    path = write_workbook(
        tmp_path / "stort.xlsx",
        {"activities": [activity(f"A{n}", year="2025") for n in range(4)], "partners": []},
    )
    tight = settings.model_copy(update={"register_limits": RegisterLimits(report_activities=3)})
    with pytest.raises(RegisterUnreadableError) as refused:
        evaluate_years(path, {2025: tight}, {2025: params})
    assert "år 2025 har 4 aktiviteter" in refused.value.message("sv")
    assert "report_activities = 3" in refused.value.message("sv")
    enough = settings.model_copy(update={"register_limits": RegisterLimits(report_activities=4)})
    assert len(evaluate_years(path, {2025: enough}, {2025: params})[2025].register.activities) == 4

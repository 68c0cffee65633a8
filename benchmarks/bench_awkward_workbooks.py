"""Benchmark: peak memory and time to read two awkward but ordinary workbooks.

Not a test: it prints figures for docs/performance.md. Each workbook is read by
``load_register`` in a fresh Python process, whose peak resident memory (``ru_maxrss``) and wall
time are printed; the figure that matters is peak memory, which must stay under 500 MB.

- **stray cell**: a small register with one value at XFD1048576 (the file is ~11 KB; a reader
  that builds the whole cell area would need 512 GiB);
- **compressed sheet**: a small register with an extra instructions sheet of ``--mebibytes`` of
  XML (default 3072 = 3 GiB) that compresses to a few MB: only the register's sheets may be
  decompressed.

Usage: ``python benchmarks/bench_awkward_workbooks.py [--mebibytes N]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
ROWS = 50  # activities in each workbook
HEADERS = ["aktivitets_id", "år", "titel", "förvaltning", "typ"]


def _small_register(path: Path, extra_sheet: bool = False) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.remove(book.active)
    if extra_sheet:
        book.create_sheet("instruktioner")["A1"] = "placeholder"
    acts = book.create_sheet("aktiviteter")
    acts.append(HEADERS)
    for i in range(ROWS):
        acts.append([f"A{i}", 2024, f"Aktivitet {i}", "Kulturförvaltningen", "projekt"])
    book.create_sheet("partner").append(["aktivitets_id", "partner", "land"])
    return book


def stray_cell_workbook(path: Path) -> Path:
    """The register with one stray value at XFD1048576."""
    book = _small_register(path)
    book["aktiviteter"]["XFD1048576"] = "x"
    book.save(path)
    return path


def compressed_sheet_workbook(path: Path, mebibytes: int = 3072) -> Path:
    """The register with an instructions sheet of ``mebibytes`` MiB of XML, deflated."""
    plain = path.with_suffix(".plain.xlsx")
    _small_register(plain, extra_sheet=True).save(plain)
    member = "xl/worksheets/sheet1.xml"  # the first sheet: instruktioner
    row = b'<row><c t="inlineStr"><is><t>' + b"instruktion " * 40 + b"</t></is></c></row>"
    chunk = row * (2**20 // len(row) + 1)
    chunk = chunk[: 2**20 - (2**20 % len(row))] if len(chunk) > 2**20 else chunk
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != member:
                dst.writestr(info, src.read(info.filename))
                continue
            info = zipfile.ZipInfo(member)
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w", force_zip64=True) as out:
                out.write(b'<?xml version="1.0" encoding="UTF-8"?>')
                out.write(
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                    b'2006/main"><sheetData>'
                )
                body = b"".join([row] * (2**20 // len(row)))
                for _ in range(mebibytes):
                    out.write(body)
                out.write(b"</sheetData></worksheet>")
    plain.unlink()
    return path


def _measure(path: Path) -> tuple[float, float, int]:
    """Peak memory (MB), wall time (s) and accepted activities of load_register in a new process."""
    code = (
        "import resource, sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from boras_intl_lib.register import load_register\n"
        f"r = load_register({str(path)!r})\n"
        "print(len(r.activities), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - start
    rows, peak_kb = out.stdout.split()
    return int(peak_kb) / 1024, elapsed, int(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mebibytes", type=int, default=3072, help="size of the big sheet")
    args = parser.parse_args()
    _ = zlib  # deflate is what makes the big sheet small on disk
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stray = stray_cell_workbook(folder / "stray.xlsx")
        started = time.perf_counter()
        big = compressed_sheet_workbook(folder / "big.xlsx", args.mebibytes)
        built = time.perf_counter() - started
        for name, path in (("stray cell at XFD1048576", stray), ("compressed sheet", big)):
            peak, seconds, rows = _measure(path)
            size = path.stat().st_size
            print(
                f"{name}: file {size / 1024:,.0f} KB, peak memory {peak:,.0f} MB, "
                f"{seconds:.2f} s, {rows} activities read"
            )
        print(f"(the {args.mebibytes} MiB sheet took {built:.1f} s to build)")


if __name__ == "__main__":
    main()

"""Benchmark: the floor of the report pipeline, and where its start-up time goes.

The floor is one fresh process that runs papermill and nbconvert, as they come, on a one-cell
notebook: interpreter start, ``import papermill`` and ``nbconvert``, kernel start and shutdown,
HTML with nbconvert's ``lab`` template, one file written. No real report can be faster in one
process (the project's pipeline is not used, so its own start-up work is not in the floor).
Also printed: whether ``rfc3987_syntax`` is installed (jsonschema builds its grammars at
import, ~1.7 s in every process that imports nbformat, see TOOLING.md) and the import times of
papermill and nbconvert with and without it (blocked via ``sys.modules``, which is what
uninstalling it gives). Each figure is the median of ``--runs`` fresh processes.

    .venv/bin/python benchmarks/bench_report_floor.py [--runs 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

BLOCK_RFC3987 = "import sys; sys.modules['rfc3987_syntax'] = None\n"
RENDER = (  # papermill and nbconvert as they come: none of the project's own start-up work
    "from pathlib import Path\n"
    "import papermill\n"
    "from nbconvert import HTMLExporter\n"
    "nb = papermill.execute_notebook({notebook!r}, None, kernel_name='python3',\n"
    "                                progress_bar=False, log_output=False)\n"
    "html, _ = HTMLExporter(template_name='lab').from_notebook_node(nb)\n"
    "Path({out!r}).write_text(html, encoding='utf-8')\n"
)


def one_cell_notebook(folder: Path) -> Path:
    """A notebook with a single trivial cell, written to ``folder``."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1", id="only")])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / "one_cell.ipynb"
    nbformat.write(nb, path)
    return path


def median_seconds(code: str, runs: int) -> float:
    """Median wall time of ``python -c code`` in fresh processes (interpreter start included)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs

    installed = importlib.util.find_spec("rfc3987_syntax") is not None
    print(f"rfc3987_syntax installed: {'yes' if installed else 'no'}")
    print(f"median of {runs} fresh processes (seconds):")
    print(f"  python -c pass                      {median_seconds('pass', runs):6.2f}")
    for module in ("papermill", "nbconvert", "papermill, nbconvert"):
        plain = median_seconds(f"import {module}", runs)
        blocked = median_seconds(BLOCK_RFC3987 + f"import {module}", runs)
        print(f"  import {module:<28} {plain:6.2f}   without rfc3987_syntax {blocked:6.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        code = RENDER.format(
            notebook=str(one_cell_notebook(folder)), out=str(folder / "floor.html")
        )
        floor = median_seconds(code, runs)
        floor_blocked = median_seconds(BLOCK_RFC3987 + code, runs)
    label = "floor: one-cell notebook → HTML"
    print(f"  {label:<35} {floor:6.2f}   without rfc3987_syntax {floor_blocked:6.2f}")


if __name__ == "__main__":
    main()

"""report_pipeline: papermill + nbconvert in one process, atomic outputs, clear failures.

Runs the small fixture notebook tests/fixtures/notebooks/report_small.ipynb on a real kernel
(always "python3"). Each execution takes about 2 s; the good run is shared by the checks on
its HTML.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from boras_intl_lib.errors import ReportError
from boras_intl_lib.runner import batch as report_batch
from boras_intl_lib.runner import files as report_files
from boras_intl_lib.runner import index as report_index
from boras_intl_lib.runner import kernel as report_kernel
from boras_intl_lib.runner import pipeline as rp

KERNEL_NAME = "python3"  # always pinned
NOTEBOOK = Path(__file__).parent / "fixtures" / "notebooks" / "report_small.ipynb"
TITLE = "Testrapport 2025 <&>"
HOSTILE = "<script>alert(1)</script>"
pytestmark = pytest.mark.notebook


def render(out_dir: Path, **params: object) -> rp.ReportResult:
    """The fixture notebook → out_dir/report.html (+ .ipynb, + an extra output report.xlsx)."""
    return rp.render_report(
        NOTEBOOK,
        {"hostile": HOSTILE, **params},
        out_dir / "report.html",
        out_ipynb=out_dir / "report.ipynb",
        kernel_name=KERNEL_NAME,
        timeout=60,
        lang="sv",
        title=TITLE,
        extra_outputs={"excel_path": out_dir / "report.xlsx"},
    )


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp" in p.name)


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> rp.ReportResult:
    return render(tmp_path_factory.mktemp("good"), run_id="good", generated="2025-01-01 10:00")


@pytest.fixture(scope="module")
def html(good: rp.ReportResult) -> str:
    return good.html.read_text(encoding="utf-8")


# --- the HTML ------------------------------------------------------------------------------


def test_html_has_language_and_title(html: str) -> None:
    assert re.search(r'<html lang="sv">', html)
    assert "<title>Testrapport 2025 &lt;&amp;&gt;</title>" in html


def test_html_loads_nothing_and_runs_nothing(html: str) -> None:
    assert "<script" not in html
    links = re.findall(r'(?:src|href)\s*=\s*["\']([^"\']*)', html)
    assert links, "expected at least the image and the skip link"
    assert not [u for u in links if not u.startswith(("#", "data:"))]
    assert "http://" not in html and "https://" not in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_html_hides_code_prompts_and_parameters(html: str) -> None:
    for code in ("import pandas", "display.heading", "fail_in", "Parameters", "excel_path"):
        assert code not in html
    assert "In&nbsp;[" not in html and "Out[" not in html
    assert "cell-id=" not in html


def test_html_has_real_alt_text(html: str) -> None:
    alts = re.findall(r'<img[^>]*\salt="([^"]*)"', html)
    assert alts == ["Stapeldiagram: A har 1 aktivitet, B har 2."]
    assert "No description has been provided" not in html


def test_html_tables_have_scoped_headers_and_escaped_text(html: str) -> None:
    assert html.count('<th class="num" scope="col">') + html.count('<th scope="col">') == 3
    assert not re.search(r"<th[^>]*>\s*</th>", html)
    assert "<caption>Partner och budget</caption>" in html
    assert HOSTILE not in html
    # a long code in a table cell gets <wbr> break opportunities (display.escape_breakable)
    text = re.sub(r"<wbr/?>", "", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "1\xa0234\xa0567,5" in html


def test_html_has_landmarks_skip_link_toc_and_banner(html: str) -> None:
    assert '<a class="skip-link" href="#main">Hoppa till innehållet</a>' in html
    assert '<main id="main"' in html
    assert '<a href="#figur">Figur och tabell</a>' in html and 'id="figur"' in html
    assert 'role="note"' in html
    assert "export done" in html  # stdout is shown; stderr is logged instead


def test_outputs_written_and_no_temp_files_left(good: rp.ReportResult) -> None:
    folder = good.html.parent
    assert sorted(p.name for p in folder.iterdir()) == [
        "report.html",
        "report.ipynb",
        "report.xlsx",
    ]
    assert good.extra_outputs["excel_path"].read_text() == "good"


def test_saved_notebook_names_its_workbook_as_it_lies_beside_it(good: rp.ReportResult) -> None:
    nb = nbformat.read(good.ipynb, as_version=4)
    text = json.dumps(nb)
    assert ".tmp" not in text and "boras-intl-" not in text  # no temporary path anywhere
    assert nb.metadata["papermill"]["parameters"]["excel_path"] == "report.xlsx"
    assert "start_time" not in text and "duration" not in text
    assert nb.metadata["boras_intl"]["lang"] == "sv"


def test_same_inputs_give_the_same_html(good: rp.ReportResult, tmp_path: Path) -> None:
    again = render(tmp_path, run_id="good", generated="2025-06-30 23:59")

    def without_timestamp(text: str) -> str:
        return re.sub(r"skapad <bdi>[^<]*</bdi>", "skapad <bdi>…</bdi>", text)

    first = without_timestamp(good.html.read_text(encoding="utf-8"))
    second = without_timestamp(again.html.read_text(encoding="utf-8"))
    assert first == second


# --- failures ------------------------------------------------------------------------------


def test_failure_keeps_the_previous_report_and_names_the_section(
    good: rp.ReportResult, tmp_path: Path
) -> None:
    for name in ("report.html", "report.ipynb", "report.xlsx"):
        shutil.copy(good.html.parent / name, tmp_path / name)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    with pytest.raises(ReportError) as info:
        render(tmp_path, fail_in="figures")

    assert info.value.section == "Figur och tabell"
    message = str(info.value)
    assert "'Figur och tabell'" in message and "ValueError: planned failure" in message
    assert "report.failed.ipynb" in message
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in before}
    assert after == before
    assert temp_files(tmp_path) == []
    failed = nbformat.read(tmp_path / "report.failed.ipynb", as_version=4)
    assert any(o.get("ename") == "ValueError" for c in failed.cells for o in c.get("outputs", []))


def test_timeout_fails_in_its_section(tmp_path: Path) -> None:
    # The only code cell is the one that sleeps, so the cell that times out is known however
    # loaded the machine is (with the fixture notebook, its import cell could time out first).
    v4 = nbformat.v4
    notebook = tmp_path / "sleeps.ipynb"
    nbformat.write(
        v4.new_notebook(
            cells=[
                v4.new_markdown_cell("# Rapport"),
                v4.new_markdown_cell("## Export"),
                v4.new_code_cell("import time\ntime.sleep(60)"),
            ],
            metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        ),
        notebook,
    )
    with pytest.raises(ReportError) as info:
        rp.render_report(notebook, {}, tmp_path / "report.html", kernel_name=KERNEL_NAME, timeout=2)
    assert info.value.section == "Export"  # the Markdown heading above the cell
    assert "time limit of 2 s" in str(info.value)
    assert "tidsgränsen på 2 s" in info.value.message("sv")
    assert "i avsnittet 'Export'" in info.value.message("sv")
    assert not (tmp_path / "report.html").exists()
    assert (tmp_path / "report.failed.ipynb").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.failed.ipynb", "sleeps.ipynb"]


def test_figure_without_alt_text_fails(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="alt text") as info:
        rp.render_report(
            NOTEBOOK, {"bare_figure": True}, tmp_path / "r.html", kernel_name=KERNEL_NAME
        )
    assert info.value.section == "Figur och tabell"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.failed.ipynb"]


def test_success_removes_an_old_failed_notebook(tmp_path: Path) -> None:
    (tmp_path / "r.failed.ipynb").write_text("{}")
    rp.render_report(NOTEBOOK, {}, tmp_path / "r.html", kernel_name=KERNEL_NAME)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_unwritable_folder_fails_before_executing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    started = time.perf_counter()
    with pytest.raises(ReportError, match="output folder"):
        rp.render_report(NOTEBOOK, {}, blocker / "out" / "r.html", kernel_name=KERNEL_NAME)
    assert time.perf_counter() - started < 1.0  # no kernel was started


def test_missing_notebook_is_a_report_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="not found"):
        rp.render_report(tmp_path / "nope.ipynb", {}, tmp_path / "r.html", kernel_name=KERNEL_NAME)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads kernel pids from /proc")
def test_killed_run_leaves_the_previous_report_intact(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text("previous good report")
    flag = tmp_path / "started"
    code = (
        "from pathlib import Path\n"
        "from boras_intl_lib.runner.pipeline import render_report\n"
        f"render_report(Path({str(NOTEBOOK)!r}), {{'sleep': 60, 'started_flag': {str(flag)!r}}},"
        f" Path({str(tmp_path / 'report.html')!r}), kernel_name={KERNEL_NAME!r},"
        f" extra_outputs={{'excel_path': Path({str(tmp_path / 'report.xlsx')!r})}})\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert proc.poll() is None and time.monotonic() < deadline, "run did not start"
            time.sleep(0.1)
        kernels = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    _wait_gone(kernels)

    assert (tmp_path / "report.html").read_text() == "previous good report"
    assert not (tmp_path / "report.xlsx").exists()
    leftovers = temp_files(tmp_path)
    assert leftovers and all(name.startswith(".") for name in leftovers)
    # A later run is not disturbed by the leftovers (unique names) and removes old ones.
    for name in leftovers:
        os.utime(tmp_path / name, (0, 0))
    report_files.remove_stale_temps(tmp_path)
    assert temp_files(tmp_path) == []


def _children(pid: int) -> list[int]:
    """Direct children of pid (the kernel), from /proc."""
    found: list[int] = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in children.read_text().split()]
    return found


def _wait_gone(pids: list[int], seconds: float = 10) -> None:
    """The orphaned kernel notices its parent died and exits; kill it by pid if it does not."""
    deadline = time.monotonic() + seconds
    for pid in pids:
        while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        if Path(f"/proc/{pid}").exists():
            os.kill(pid, signal.SIGKILL)


# --- the template without a kernel ------------------------------------------------------------


def test_template_drops_parameters_scripts_widgets_and_stderr() -> None:
    v4 = nbformat.v4

    def cell(source: str, *outputs: dict, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
        return v4.new_code_cell(source, outputs=list(outputs), metadata={"tags": list(tags)})

    nb = v4.new_notebook(
        cells=[
            cell("p = 1", v4.new_output("stream", text="PARAM-OUT"), tags=("parameters",)),
            cell(
                "p = 2", v4.new_output("stream", text="INJECTED-OUT"), tags=("injected-parameters",)
            ),
            cell("x", v4.new_output("display_data", data={"application/javascript": "alert(1)"})),
            cell(
                "w",
                v4.new_output(
                    "display_data",
                    data={"application/vnd.jupyter.widget-view+json": {"model_id": "m"}},
                ),
            ),
            cell("import warnings", v4.new_output("stream", name="stderr", text="WARN-TEXT")),
            v4.new_markdown_cell("## Över tid"),
            cell("shown", v4.new_output("stream", text="VISIBLE-OUT")),
        ]
    )
    nb.metadata["boras_intl"] = {"lang": "en", "title": "Report", "skip_link": "Skip to content"}
    nb.metadata["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {"m": {}},
            "version_major": 2,
            "version_minor": 0,
        }
    }
    html = rp.to_html(nb, "en")
    assert '<html lang="en">' in html and "<title>Report</title>" in html
    assert ">Skip to content</a>" in html
    for hidden in ("PARAM-OUT", "INJECTED-OUT", "alert(1)", "WARN-TEXT", "model_id", "<script"):
        assert hidden not in html
    assert "VISIBLE-OUT" in html
    assert 'id="%C3%96ver-tid"' in html  # nbconvert's id for a Markdown heading
    assert '<a class="anchor-link"' in html  # kept for the id, hidden by the stylesheet
    assert "a.anchor-link { display: none; }" in html


# --- section names without a kernel -----------------------------------------------------------


def test_section_of_prefers_headings_shown_then_metadata_then_markdown() -> None:
    v4 = nbformat.v4
    heading = v4.new_output(
        "display_data",
        data={"text/plain": "Fonder"},
        metadata={"boras_intl": {"section": "Fonder"}},
    )
    cells = [
        v4.new_markdown_cell("# Rapport\n\n## Sammanfattning\ntext"),
        v4.new_code_cell("x = 1"),
        v4.new_code_cell("display.heading('Fonder')", outputs=[heading]),
        v4.new_code_cell("y = 2", metadata={"boras_intl": {"section": "Partner"}}),
        v4.new_code_cell("z = 3"),
    ]
    assert rp.section_of(cells, 1) == "Sammanfattning"
    assert rp.section_of(cells, 2) == "Fonder"
    assert rp.section_of(cells, 3) == "Partner"
    assert rp.section_of(cells, 4) == "Partner"
    assert rp.section_of([v4.new_code_cell("x")], 0) is None


def test_stale_temp_files_are_removed_only_when_old(tmp_path: Path) -> None:
    old = tmp_path / ".report-2025-sv.0123abcd.tmp.html"
    fresh = tmp_path / ".report-2025-sv.89abcdef.tmp.xlsx"
    other = tmp_path / ".keep.tmp"
    for path in (old, fresh, other):
        path.write_text("x")
    os.utime(old, (0, 0))
    os.utime(other, (0, 0))
    report_files.remove_stale_temps(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name])


# --- many reports, concurrency ----------------------------------------------------------------


def test_render_many_runs_jobs_in_processes_and_survives_a_failure(tmp_path: Path) -> None:
    jobs = [
        report_batch.ReportJob(
            NOTEBOOK, {"run_id": name, **extra}, tmp_path / f"{name}.html", name=name
        )
        for name, extra in (("a", {}), ("b", {"fail_in": "export"}), ("c", {}))
    ]
    outcomes = report_batch.render_many(jobs, n_jobs=2)
    assert [o.job.name for o in outcomes] == ["a", "b", "c"]
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].section == "Export" and "KeyError" in (outcomes[1].error or "")
    assert (tmp_path / "a.html").exists() and (tmp_path / "c.html").exists()
    assert not (tmp_path / "b.html").exists()
    assert temp_files(tmp_path) == []


def test_two_runs_for_the_same_report_never_mix_files(tmp_path: Path) -> None:
    jobs = [
        report_batch.ReportJob(
            NOTEBOOK,
            {"run_id": run},
            tmp_path / "report.html",
            out_ipynb=tmp_path / "report.ipynb",
            extra_outputs={"excel_path": tmp_path / "report.xlsx"},
            name=run,
        )
        for run in ("first-run", "second-run")
    ]
    assert all(o.ok for o in report_batch.render_many(jobs, n_jobs=2))
    winner = (tmp_path / "report.xlsx").read_text()
    assert winner in {"first-run", "second-run"}
    assert f"Körning <bdi>{winner}</bdi>" in (tmp_path / "report.html").read_text()
    assert winner in (tmp_path / "report.ipynb").read_text()
    assert temp_files(tmp_path) == []


# --- index page ----------------------------------------------------------------------------


def test_index_page_links_reports_escaped_and_offline(tmp_path: Path) -> None:
    page = report_index.write_index_page(
        tmp_path / "index.html",
        [("Kultur <förvaltning>", "report-2025-sv-kultur.html"), ("Vård & omsorg", "a b.html")],
        "sv",
        "Rapporter 2025",
    )
    text = page.read_text(encoding="utf-8")
    assert '<html lang="sv">' in text and "<title>Rapporter 2025</title>" in text
    assert '<a href="report-2025-sv-kultur.html">Kultur &lt;förvaltning&gt;</a>' in text
    assert '<a href="a%20b.html">Vård &amp; omsorg</a>' in text
    assert "<script" not in text and "http:" not in text and "https:" not in text
    assert "--heading" in text  # the shared stylesheet is inlined
    with pytest.raises(ValueError):
        report_index.write_index_page(
            tmp_path / "x.html", [("x", "javascript:alert(1)")], "sv", "x"
        )
    assert temp_files(tmp_path) == []


# --- files made from the HTML (the PDF hook) -------------------------------------------------


def html_size(html: Path, out: Path) -> None:
    """A derived output: the HTML's size (a stand-in for a PDF printed from it)."""
    out.write_text(str(len(html.read_bytes())))


def refuse(html: Path, out: Path) -> None:
    raise ReportError("the printer is out of paper")


def test_derived_outputs_are_made_from_the_html_and_committed_with_it(tmp_path: Path) -> None:
    result = rp.render_report(
        NOTEBOOK, {}, tmp_path / "r.html", kernel_name=KERNEL_NAME,
        derived_outputs=[(tmp_path / "r.size", html_size)],
    )  # fmt: skip
    assert (tmp_path / "r.size").read_text() == str(len(result.html.read_bytes()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html", "r.size"]


def test_a_failing_derived_output_writes_none_of_the_set(tmp_path: Path) -> None:
    (tmp_path / "r.html").write_text("the previous report")
    with pytest.raises(ReportError, match="out of paper"):
        rp.render_report(
            NOTEBOOK, {}, tmp_path / "r.html", out_ipynb=tmp_path / "r.ipynb",
            kernel_name=KERNEL_NAME, derived_outputs=[(tmp_path / "r.pdf", refuse)],
        )  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]
    assert (tmp_path / "r.html").read_text() == "the previous report"


def test_an_unknown_kernel_is_named_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    with pytest.raises(ReportError, match=r"no Jupyter kernel named no-such-kernel$"):
        rp.render_report(NOTEBOOK, {}, out, kernel_name="no-such-kernel", title=TITLE)
    assert list(tmp_path.iterdir()) == []


def test_the_kernel_starts_with_the_report_modules_loaded(tmp_path: Path) -> None:
    """The kernel imports the report modules while it boots (started before papermill is
    imported), so the notebook's first cell finds them loaded."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("# Parameters", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import sys\n"
            "print(sorted(m for m in sys.modules if m.startswith('boras_intl_lib.report.')))"
        ),
    ]
    nb.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "Python 3"}
    path = tmp_path / "probe.ipynb"
    nbformat.write(nb, path)
    rp.render_report(path, {}, tmp_path / "probe.html", out_ipynb=tmp_path / "ran.ipynb")
    ran = nbformat.read(tmp_path / "ran.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for o in ran.cells[-1].outputs)
    for module in ("sections", "data", "workbook"):
        assert f"boras_intl_lib.report.{module}" in printed


def test_kernels_talk_over_unix_sockets_in_the_private_folder(tmp_path: Path) -> None:
    """No TCP port is opened for a report's kernel (no race for free ports, no other local
    user can connect); a folder too deep for a socket path falls back to TCP."""
    ipc = {"transport": "ipc", "ip": str(tmp_path / "kernel")}
    assert report_kernel._transport(tmp_path) == ipc
    assert report_kernel._transport(tmp_path / ("x" * 120)) == {}


def test_a_failing_step_below_a_finished_section_is_named_for_itself() -> None:
    """The workbook cell after "Metod och källor" is not that section (issue 22 item 4)."""
    v4 = nbformat.v4
    method = v4.new_output(
        "display_data",
        data={"text/plain": "Metod och källor"},
        metadata={"boras_intl": {"section": "Metod och källor"}},
    )
    cells = [
        v4.new_markdown_cell("## Export\ntext"),
        v4.new_code_cell("x = 1"),
        v4.new_code_cell("report.show_method(data)", outputs=[method]),
        v4.new_code_cell("write_report_workbook(data, excel_path)", execution_count=14),
    ]
    nb = v4.new_notebook(cells=cells)

    class Failed(Exception):
        cell_index = 3

    where, section = rp._failure_location(nb, Failed())
    assert where.words("en") == "in step 'write_report_workbook(data, excel_path)' (cell In [14])"
    assert where.words("sv") == "i steget 'write_report_workbook(data, excel_path)' (cell In [14])"
    assert section is None
    failed_in_method = type("F", (Exception,), {"cell_index": 2})()
    assert rp._failure_location(nb, failed_in_method)[1] == "Metod och källor"
    under_markdown = type("F", (Exception,), {"cell_index": 1})()
    assert rp._failure_location(nb, under_markdown)[1] == "Export"
    cells[0].metadata["tags"] = ["remove-cell"]  # the notebook's own title, never shown
    where, section = rp._failure_location(nb, under_markdown)
    assert (where.words("en"), section) == ("in step 'x = 1' (cell 2)", None)

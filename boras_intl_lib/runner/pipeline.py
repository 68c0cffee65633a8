"""Execute a report notebook with papermill and convert it to HTML with nbconvert — safely.

One process does both (a second process would cost about 2 s more, see TOOLING.md):
papermill executes in memory (``output_path=None``), nbconvert converts with the
``boras_report`` template (``templates/boras_report``: no code, no scripts, no external
requests, real alt text).

Failure safety
    Every output (HTML, executed notebook, extra outputs such as the Excel workbook) is first
    written to a hidden temporary file beside its final name — ``.report-2025-sv.1a2b3c4d.tmp.html``
    — and moved into place with ``os.replace`` only after everything succeeded. A failed, timed
    out or killed run therefore never touches an earlier good report and never leaves a
    half-written file under a final name. On failure the executed notebook is kept as
    ``<stem>.failed.ipynb`` beside the report and :class:`ReportError` names the section and the
    error. The temporary names are unique, so leftovers of a killed run (SIGKILL gives no chance
    to clean up) never collide with later runs; each run removes leftovers older than
    ``files.STALE_TEMP_SECONDS`` from its output folders. The file handling lives in
    :mod:`.files`; running many reports in :mod:`.batch`.

Extra outputs
    The notebook writes its own files (the Excel workbook). ``extra_outputs={"excel_path":
    final}`` passes the parameter ``excel_path`` as the file's *name* (``report-2025-sv.xlsx``)
    and runs the kernel in a private working folder, where it writes the file; the pipeline
    copies it to its temporary name and moves it to ``final`` together with the report. The
    saved notebook therefore shows the name the workbook has beside it: nothing is patched.
    ``derived_outputs`` make files from the finished HTML (the PDF hook) the same way.

Produce, then commit
    :func:`produce_report` leaves every file complete under its temporary name;
    :func:`commit_report` moves the set into place. ``render_report`` does both; a run of many
    reports produces in worker processes and commits in the command, which alone decides
    whether anything is written after a signal (:mod:`.stopping`).

Concurrency
    Each file is replaced atomically, so a reader never sees a partial file. So that two runs
    for the same report cannot interleave their files (one run's HTML beside the other's
    workbook), the moves of one run happen under an exclusive ``flock`` on the output folder:
    whichever run finishes last wins for all its files. The lock is held for milliseconds, not
    during execution, and the kernel releases it if the process dies. (On Windows, which has no
    flock, the files are still each atomic but not paired.)

Determinism
    The HTML holds nothing that changes between runs of the same inputs: no cell ids, no
    execution counts, no timings, PNGs without version metadata. The saved notebook loses
    papermill's and nbclient's timing metadata; its parameters hold file names, not paths.
    Whatever the notebook itself prints (a generation date) stays.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problem, ReportError
from ..i18n.labels import Lang, label
from ..report.contract import METADATA_KEY
from . import kernel, stopping
from .files import commit, create_temp, replace_text, write_text

if TYPE_CHECKING:
    from nbformat import NotebookNode

log = logging.getLogger("boras_intl")

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "boras_report"
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_SECTION_KEY = METADATA_KEY


@dataclass(frozen=True)
class ReportResult:
    """What one successful run wrote (final paths) and how long it took."""

    html: Path
    ipynb: Path | None
    extra_outputs: dict[str, Path]
    seconds: float


@dataclass(frozen=True)
class ProducedReport:
    """A report executed and converted, its files complete under temporary names.

    Nothing is under a final name yet: :func:`commit_report` moves the whole set into place
    (the command does that, so that it alone decides whether anything is written after a
    signal), :meth:`discard` removes it.
    """

    result: ReportResult
    pairs: tuple[tuple[Path, Path], ...]  # (temporary, final), in the order they are moved

    def discard(self) -> None:
        for temp, _ in self.pairs:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        stopping.untrack_temps(temp for temp, _ in self.pairs)


# Makes a file from the finished report's HTML (e.g. a PDF): (temporary HTML, output) → None.
DeriveOutput = Callable[[Path, Path], None]


class _ExecutionFailed(Exception):
    """Internal: execution failed; carries the notebook as far as it ran (if any)."""

    def __init__(self, nb: NotebookNode | None, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.nb = nb
        self.cause = cause


# --- one report ------------------------------------------------------------------------------


def render_report(
    notebook: Path,
    parameters: Mapping[str, Any],
    out_html: Path,
    **options: Any,
) -> ReportResult:
    """Execute ``notebook`` with ``parameters`` and write ``out_html`` (and the rest) atomically.

    Takes the options of :func:`produce_report`; then moves the files into place together.
    """
    produced = produce_report(notebook, parameters, out_html, **options)
    try:
        return commit_report(produced)
    finally:
        produced.discard()


def produce_report(
    notebook: Path,
    parameters: Mapping[str, Any],
    out_html: Path,
    *,
    out_ipynb: Path | None = None,
    kernel_name: str = "python3",
    timeout: int | None = 600,
    lang: Lang = "sv",
    title: str | None = None,
    extra_outputs: Mapping[str, Path] | None = None,
    derived_outputs: Sequence[tuple[Path, DeriveOutput]] = (),
    workdir: Path | None = None,
) -> ProducedReport:
    """Execute ``notebook`` and write every output under a temporary name beside its final one.

    ``timeout`` is per cell, in seconds (None: no limit). ``extra_outputs`` maps a notebook
    parameter to the final path of a file the notebook writes: the parameter's value is the
    file's *name*, and the kernel runs in ``workdir`` (default: a new private temporary
    folder), so it writes the file there and the saved notebook shows the name it will have
    beside the report — nothing is patched afterwards. ``derived_outputs`` are (final path,
    function) pairs that make a file from the finished HTML (e.g. a PDF) before anything is
    moved. Raises :class:`ReportError` — before executing anything when an output folder is
    not writable — and leaves no temporary file behind on failure.
    """
    started = time.perf_counter()
    notebook = Path(notebook)
    extra_outputs = dict(extra_outputs or {})
    _check_arguments(notebook, parameters, extra_outputs)
    finals = {"html": Path(out_html).absolute()}
    if out_ipynb is not None:
        finals["ipynb"] = Path(out_ipynb).absolute()
    finals.update({f"extra:{k}": Path(p).absolute() for k, p in extra_outputs.items()})
    finals.update({f"derived:{i}": Path(p).absolute() for i, (p, _) in enumerate(derived_outputs)})

    temps: dict[str, Path] = {}
    own_workdir = workdir is None
    folder = Path(tempfile.mkdtemp(prefix="boras-intl-")) if workdir is None else Path(workdir)
    try:
        for key, final in finals.items():
            temps[key] = create_temp(final)
            stopping.track_temps([temps[key]])
        params = {k: _parameter_value(v) for k, v in parameters.items()}
        params.update({k: finals[f"extra:{k}"].name for k in extra_outputs})
        nb = _execute(notebook, params, kernel_name, timeout, folder)
        nb = _finish(nb, lang=lang, title=title or finals["html"].stem)
        write_text(temps["html"], to_html(nb, lang))
        if "ipynb" in temps:
            write_text(temps["ipynb"], _notebook_text(nb))
        for key in extra_outputs:
            _take_written(folder / finals[f"extra:{key}"].name, temps[f"extra:{key}"], key)
        for i, (_, derive) in enumerate(derived_outputs):
            derive(temps["html"], temps[f"derived:{i}"])
            _check_written(temps[f"derived:{i}"], finals[f"derived:{i}"].name)
    except BaseException as exc:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        stopping.untrack_temps(temps.values())
        if isinstance(exc, _ExecutionFailed):
            raise _report_failure(exc, finals["html"], notebook, timeout) from None
        raise
    finally:
        if own_workdir:
            shutil.rmtree(folder, ignore_errors=True)
    result = ReportResult(
        html=finals["html"],
        ipynb=finals.get("ipynb"),
        extra_outputs={k: finals[f"extra:{k}"] for k in extra_outputs},
        seconds=time.perf_counter() - started,
    )
    pairs = tuple((temps[k], finals[k]) for k in _commit_order(finals))
    return ProducedReport(result, pairs)


def commit_report(produced: ProducedReport) -> ReportResult:
    """Move a produced report's files into place together (the HTML last)."""
    commit(list(produced.pairs), produced.result.html)
    stopping.untrack_temps(temp for temp, _ in produced.pairs)
    log.debug("wrote %s in %.1f s", produced.result.html, produced.result.seconds)
    return produced.result


def _check_arguments(
    notebook: Path, parameters: Mapping[str, Any], extra: Mapping[str, Path]
) -> None:
    if not notebook.is_file():
        raise ReportError(Problem("run.err.no_notebook", {"path": notebook}))
    names = [Path(p).name for p in extra.values()]
    if len(set(names)) < len(names):
        raise ValueError("extra outputs must have different file names")
    for key in extra:
        if not key.isidentifier():
            raise ValueError(f"extra output {key!r} is not a valid parameter name")
        if key in parameters:
            raise ValueError(f"extra output {key!r} is also given as a parameter")


def _parameter_value(value: Any) -> Any:
    """Paths become strings (papermill writes them into the injected cell as literals)."""
    return str(value) if isinstance(value, Path) else value


def _commit_order(finals: Mapping[str, Path]) -> list[str]:
    """Extra outputs first, the HTML last: the report appears only with its companions."""
    return sorted(finals, key=lambda k: (k == "html", k == "ipynb", k))


# --- execution -----------------------------------------------------------------------------


def _execute(
    notebook: Path, params: dict[str, Any], kernel_name: str, timeout: int | None, cwd: Path
) -> NotebookNode:
    """Run the notebook in memory; on failure raise :class:`_ExecutionFailed` with the notebook."""
    kept: list[Any] = []  # the engine puts its execution manager here: the notebook as it ran
    try:
        return _in_thread(kernel.run_notebook, notebook, params, kernel_name, timeout, cwd, kept)
    except Exception as exc:
        raise _ExecutionFailed(kept[0].nb if kept else None, exc) from exc


def _in_thread(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``function`` in a helper thread while the main thread waits.

    nbclient replaces the process's SIGINT and SIGTERM handlers with its own while it runs
    (and resets them to the defaults afterwards) — but only from the main thread. Executing
    in a helper thread keeps the run's own handlers (:mod:`.stopping`) in force, and the
    main thread, waiting in short joins, runs them at once.
    """
    import asyncio
    import threading

    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = function(*args, **kwargs)
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc
        finally:  # jupyter_core made an event loop for this thread: close it with the thread
            with contextlib.suppress(Exception):
                loop = asyncio.get_event_loop_policy().get_event_loop()
                asyncio.set_event_loop(None)
                loop.close()

    thread = threading.Thread(target=target, name="boras-intl-execute", daemon=True)
    thread.start()
    while thread.is_alive():
        thread.join(0.2)
    if "error" in box:
        raise box["error"]
    return box["result"]


def _report_failure(
    failure: _ExecutionFailed, out_html: Path, notebook: Path, timeout: int | None
) -> ReportError:
    """One clear error naming the section and the error; the notebook kept as .failed.ipynb."""
    nb, cause = failure.nb, failure.cause
    if stopping.abandoned():  # the run itself ended the kernel: nothing to keep or explain
        return ReportError(Problem("run.err.cancelled"))
    where, section = _failure_location(nb, cause)
    values: dict[str, object] = {"where": where, "what": _failure_text(cause, timeout), "kept": ""}
    if nb is not None:
        failed = out_html.with_name(f"{out_html.stem}.failed.ipynb")
        try:
            replace_text(failed, _notebook_text(nb))
            values["kept"] = Problem("run.err.kept", {"path": failed})
        except (OSError, ReportError) as exc:
            log.warning("could not keep the failed notebook as %s: %s", failed, exc)
    log.debug("report notebook %s failed", notebook, exc_info=cause)
    key = "run.err.failed_at" if where else "run.err.failed"
    return ReportError(Problem(key, values), section)


def _failure_text(cause: BaseException, timeout: int | None) -> Problem | str:
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if isinstance(cause, _MissingAltText):
        return str(cause)
    if isinstance(cause, PapermillExecutionError):
        value = (cause.evalue or "").strip().splitlines()
        first = value[0] if value else ""
        return f"{cause.ename}: {first[:300]}" if first else cause.ename
    if isinstance(cause, CellTimeoutError):
        return Problem("run.what.timeout", {"timeout": timeout})
    if isinstance(cause, DeadKernelError):
        return Problem("run.what.dead_kernel")
    if type(cause).__name__ == "NoSuchKernel":
        return Problem("run.what.no_kernel", {"name": str(getattr(cause, "name", cause))})
    return f"{type(cause).__name__}: {cause}"


def _failure_location(
    nb: NotebookNode | None, cause: BaseException
) -> tuple[Problem | str, str | None]:
    """("in section 'X' (cell In [7])", "X") for the failing cell, as far as it can be told."""
    if nb is None:
        return "", None
    cells = [c for c in nb.cells if "papermill-error-cell-tag" not in c.metadata.get("tags", [])]
    index = getattr(cause, "cell_index", None)
    if index is None:  # timeout or dead kernel: the last cell that started
        started = [
            i for i, c in enumerate(cells) if c.metadata.get("papermill", {}).get("start_time")
        ]
        index = started[-1] if started else None
    if index is None or index >= len(cells):
        return "", None
    count = cells[index].get("execution_count")
    cell = (
        Problem("run.cell.count", {"n": count})
        if count
        else Problem("run.cell.index", {"n": index + 1})
    )
    if _step_of_its_own(cells, index):  # e.g. the workbook after "Metod och källor"
        step = next(iter(str(cells[index].get("source", "")).strip().splitlines()), "")
        return Problem("run.where.step", {"step": step[:120], "cell": cell}), None
    section = section_of(cells, index)
    if section:
        return Problem("run.where.section", {"section": section, "cell": cell}), section
    return Problem("run.where.cell", {"cell": cell}), None


def _step_of_its_own(cells: Sequence[Any], index: int) -> bool:
    """A code cell that shows no heading of its own, below a cell that showed one (or below
    only a hidden heading): it is a step of its own (the workbook, a section that failed
    before its heading), not part of the section shown above it, which had finished."""
    if _shown_section(cells[index]) or cells[index].get("cell_type") != "code":
        return False
    for cell in reversed(cells[:index]):
        if _shown_section(cell):
            return True
        meta = cell.get("metadata", {})
        if meta.get(_SECTION_KEY, {}).get("section") or meta.get("section"):
            return False
        if cell.get("cell_type") == "markdown" and _HEADING.findall(cell.get("source", "")):
            # a heading the reader never sees (the notebook's own title) is no section
            return "remove-cell" in meta.get("tags", [])
    return False


def _shown_section(cell: Any) -> str | None:
    """The heading a code cell displayed (``display.heading``), if any."""
    for output in reversed(cell.get("outputs", [])):
        shown = output.get("metadata", {}).get(_SECTION_KEY, {}).get("section")
        if shown:
            return str(shown)
    return None


def section_of(cells: Sequence[Any], index: int) -> str | None:
    """The section a cell belongs to: the nearest heading at or above it.

    Looks, from the cell upwards, at headings shown by ``display.heading`` (output metadata
    ``{"boras_intl": {"section": …}}``), a cell's own ``metadata["boras_intl"]["section"]`` (or
    ``metadata["section"]``) and Markdown headings.
    """
    for i in range(index, -1, -1):
        cell = cells[i]
        for output in reversed(cell.get("outputs", [])):
            shown = output.get("metadata", {}).get(_SECTION_KEY, {}).get("section")
            if shown:
                return str(shown)
        meta = cell.get("metadata", {})
        own = meta.get(_SECTION_KEY, {}).get("section") or meta.get("section")
        if own:
            return str(own)
        if cell.get("cell_type") == "markdown":
            found = _HEADING.findall(cell.get("source", ""))
            if found:
                return found[-1].strip()
    return None


# --- after a successful run -------------------------------------------------------------------


def _finish(nb: NotebookNode, *, lang: Lang, title: str) -> NotebookNode:
    """Check what readers need, log stderr output, drop timing metadata, set page metadata."""
    _check_alt_text(nb)
    _log_stderr(nb)
    papermill_meta = nb.metadata.get("papermill", {})
    for key in ("start_time", "end_time", "duration", "exception"):
        papermill_meta.pop(key, None)
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    nb.metadata[METADATA_KEY] = {
        "lang": lang,
        "title": title,
        "skip_link": label("page.skip_link", lang),
    }
    return nb


def _check_alt_text(nb: NotebookNode) -> None:
    """Every image needs a text alternative; a figure shown without one fails the report."""
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            for mime in ("image/png", "image/jpeg", "image/svg+xml"):
                if mime in output.get("data", {}):
                    alt = output.get("metadata", {}).get(mime, {}).get("alt", "")
                    if not str(alt).strip():
                        raise _ExecutionFailed(nb, _MissingAltText(index))


class _MissingAltText(Exception):
    """A figure was displayed without alt text (not through display.show_figure)."""

    def __init__(self, cell_index: int) -> None:
        super().__init__(
            "a figure has no alt text; show figures with display.show_figure(fig, alt)"
        )
        self.cell_index = cell_index


def _log_stderr(nb: NotebookNode) -> None:
    """Warnings the notebook printed are not shown to readers; log their first line."""
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                first = next((ln for ln in output.get("text", "").splitlines() if ln.strip()), "")
                section = section_of(nb.cells, index) or f"cell {index + 1}"
                log.warning("report notebook, %s: %s", section, first[:200])


def to_html(nb: NotebookNode, lang: Lang) -> str:
    """nbconvert with the project template, in this process."""
    html, _ = _exporter(lang).from_notebook_node(nb)
    return html


#: Libraries that log what the run reports itself, once and in its own words: nbclient's
#: "Timeout waiting for execute reply" (through papermill's logger) before the report's
#: error names the cell and the time limit, and asyncio's "Task was destroyed but it is
#: pending!" for nbclient's output poller, which a failed execution leaves behind.
QUIET_LOGGERS = ("papermill", "nbclient", "traitlets", "asyncio")


def quiet_library_logs() -> None:
    """Keep the libraries of a report run from adding lines to the run's one-line errors."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)


def warm_exporter(lang: Lang) -> None:
    """Build the HTML exporter and compile its templates now (≈ 0.2 s), while this thread
    would only wait for a kernel, so that the report's conversion does not pay for it."""
    import nbformat

    note = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("-")])
    try:
        to_html(note, lang)
    except Exception:  # only a head start: the real conversion reports any problem
        log.debug("warming the HTML exporter failed", exc_info=True)


@functools.cache
def _exporter(lang: Lang) -> Any:
    """One HTMLExporter per language and process (building one costs ~0.15 s)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}})  # no code to highlight
    return HTMLExporter(
        config=config,
        template_name=TEMPLATE_NAME,
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=lang,
    )


def _notebook_text(nb: NotebookNode) -> str:
    import nbformat

    return nbformat.writes(nb)


def _check_written(temp: Path, key: str) -> None:
    if not temp.exists() or temp.stat().st_size == 0:
        raise ReportError(Problem("run.err.no_output", {"key": key}))


def _take_written(written: Path, temp: Path, key: str) -> None:
    """Copy a file the kernel wrote in its working folder to its temporary name."""
    if not written.is_file() or written.stat().st_size == 0:
        raise ReportError(Problem("run.err.no_output", {"key": key}))
    shutil.copyfile(written, temp)

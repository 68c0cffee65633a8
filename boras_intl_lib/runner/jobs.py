"""Many reports from one command: years × (city, administrations), in parallel processes.

Inputs are checked before any kernel starts (parameters of every year, the register), so a
user mistake gives one clear line rather than a failed notebook. The register is read once
and each year evaluated once, in this process (:mod:`.inputs`); every report of the year gets
that evaluation as a private file. SIGINT and SIGTERM stop the run cleanly (:mod:`.stopping`).
Output layout::

    <out>/<year>/report-<year>-<lang>.html (.xlsx, .ipynb)         the city-wide report
    <out>/<year>/<administration>/report-<year>-<lang>.html …      with --per-administration
    <out>/<year>/index-<lang>.html      links the reports on disk (per-administration)
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..i18n.labels import Lang, label, report_title
from ..settings import Settings, default_parameters_path, load_settings
from . import helpers_cleanup, stopping
from .files import new_run_folder

if TYPE_CHECKING:
    from .batch import ReportJob, ReportOutcome

log = logging.getLogger("boras_intl")
REPORT_NOTEBOOK = "yearly_report.ipynb"


@dataclass(frozen=True)
class PlannedReport:
    """One report to write: its year, scope and where it goes."""

    year: int
    lang: Lang
    administration: str | None
    folder: Path
    params: Path

    @property
    def stem(self) -> str:
        return f"report-{self.year}-{self.lang}"

    @property
    def html(self) -> Path:
        return self.folder / f"{self.stem}.html"

    @property
    def pdf(self) -> Path:
        return self.folder / f"{self.stem}.pdf"

    @property
    def name(self) -> str:
        """Shown in progress lines and messages, e.g. "2025 sv Kulturförvaltningen"."""
        return f"{self.year} {self.lang} {self.administration or ''}".strip()


def report_notebook() -> Path:
    """The report notebook shipped inside the package (``boras_intl_lib/notebooks``)."""
    from importlib.resources import files

    return Path(str(files("boras_intl_lib") / "notebooks" / REPORT_NOTEBOOK))


def plan_reports(
    years: list[int], params: Path | None, lang: Lang, out: Path, per_administration: bool
) -> tuple[list[PlannedReport], dict[int, Settings]]:
    """Every report to write, and the validated settings of each year (errors raise early)."""
    plans: list[PlannedReport] = []
    settings_by_year: dict[int, Settings] = {}
    for year in years:
        path = (params or default_parameters_path(year)).absolute()
        settings = settings_by_year[year] = load_settings(path)
        folder = out / str(year)
        plans.append(PlannedReport(year, lang, None, folder, path))
        if per_administration:
            plans += [
                PlannedReport(year, lang, name, folder / sub, path)
                for name, sub in _folders(settings.administration_names).items()
            ]
    return plans, settings_by_year


def _folders(names: list[str]) -> dict[str, str]:
    """A distinct folder name per administration (names that slug alike get a suffix)."""
    from ..i18n.formatting import slug

    folders: dict[str, str] = {}
    for name in names:
        base = folder = slug(name) or "administration"
        n = 2
        while folder in folders.values():
            folder, n = f"{base}-{n}", n + 1
        folders[name] = folder
    return folders


def _job(
    plan: PlannedReport, settings: Settings, timeout: int, workdir: Path, pdf: bool = False
) -> ReportJob:
    """One report's job: the kernel runs in its own folder, where the year's data will be;
    with ``pdf`` the finished HTML is also printed to ``report-<year>-<lang>.pdf``."""
    from functools import partial

    from ..report import contract
    from .batch import ReportJob
    from .pdf import html_to_pdf

    workdir.mkdir()
    title = report_title(plan.lang, settings.city, plan.year, plan.administration)
    return ReportJob(
        notebook=report_notebook(),
        parameters={
            contract.YEAR: plan.year,
            contract.DATA_PATH: contract.DATA_FILE,
            contract.LANG: plan.lang,
            contract.ADMINISTRATION: plan.administration or "",
        },
        out_html=plan.html,
        out_ipynb=plan.folder / f"{plan.stem}.ipynb",
        timeout=timeout,
        lang=plan.lang,
        title=title,
        extra_outputs={contract.EXCEL_PATH: plan.folder / f"{plan.stem}.xlsx"},
        derived_outputs=(
            ((plan.pdf, partial(html_to_pdf, title=title, lang=plan.lang)),) if pdf else ()
        ),
        workdir=workdir,
        name=plan.name,
    )


@dataclass(frozen=True)
class ReportRequest:
    """What ``boras-intl report`` was asked to write: the command line, once, as one value."""

    years: tuple[int, ...]
    register: Path | None = None  # None: the bundled example register
    params: Path | None = None  # None: parameters/<year>.yaml of each year
    lang: Lang = "sv"
    out: Path = Path("reports")
    per_administration: bool = False
    jobs: int | None = None  # worker processes (None: as many as cores)
    timeout: int = 600  # per cell, seconds
    pdf: bool = False  # also print each report to PDF


def run_reports(request: ReportRequest, out_stream: TextIO, err_stream: TextIO) -> int:
    """Write every report of ``request``; print where each went to ``out_stream`` and why any
    failed to ``err_stream``.

    Returns 0 when every report was written, 1 otherwise, 128 + the signal when stopped by
    SIGINT or SIGTERM (see :mod:`.stopping`). Progress while they run is logged (a bar on a
    terminal, one line per report elsewhere).
    """
    # The kernels run in folders of their own: from here on every path is absolute.
    register = Path(request.register).absolute() if request.register else None
    params = Path(request.params).absolute() if request.params else None
    out = Path(request.out).absolute()
    years, lang, pdf = list(request.years), request.lang, request.pdf
    if register is not None and not register.exists():  # before any kernel or folder
        from ..errors import RegisterUnreadableError

        raise RegisterUnreadableError(
            register, label("unreadable.not_found", "en"), label("unreadable.not_found", "sv")
        )
    plans, settings_by_year = plan_reports(years, params, lang, out, request.per_administration)
    _check_outputs(plans, out, register)
    if pdf:
        from .pdf import check_chromium

        check_chromium()  # no browser → one clear line and exit 2, before any kernel
    run = _Run(plans, settings_by_year, out, lang, request.per_administration, err_stream)
    run.pdf, run.example = pdf, register is None
    if log.getEffectiveLevel() > logging.DEBUG:  # the run's own errors say it, once
        from .pipeline import quiet_library_logs

        quiet_library_logs()
    with run_lock(out, lang):  # one run per output folder: a second one waits for the first
        stopper = stopping.Stopper(run.abort)
        run.workdir = new_run_folder()
        stopper.install()
        try:
            return run.execute(register, request.jobs, request.timeout, stopper, out_stream)
        finally:
            stopper.restore()
            shutil.rmtree(run.workdir, ignore_errors=True)


@contextlib.contextmanager
def run_lock(out: Path, lang: Lang = "sv") -> Iterator[None]:
    """Hold an exclusive lock on the output folder for the whole run (issue 22 item 5).

    Two runs into one folder would otherwise mix their reports (the city report from one
    register, administrations from the other). A second run waits, saying so once; Ctrl-C
    while it waits ends it (130). The lock is ``flock`` on the folder itself, so no lock
    file is left; reports are committed under locks on their own folders (``out/<year>``…),
    never on ``out``, so the two do not meet. The kernels and workers do not inherit it.
    """
    try:
        import fcntl
    except ImportError:  # Windows: no lock (each report is still committed atomically)
        yield
        return
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out, os.O_RDONLY | os.O_CLOEXEC)
    except OSError as exc:
        from ..errors import Problem, ReportError, os_reason

        problem = Problem("run.err.out_folder", {"folder": out, "reason": os_reason(exc)})
        raise ReportError(problem) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info(label("run.waiting", lang, out=out))
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _check_outputs(plans: list[PlannedReport], out: Path, register: Path | None) -> None:
    """No report is written over, or into, the register or a parameters file (issue 22)."""
    from ..guard import check_writes

    for plan in plans:
        check_writes(
            [plan.html, plan.folder / f"{plan.stem}.xlsx", plan.folder / f"{plan.stem}.ipynb"],
            folders=[out, plan.folder],
            register=register,
            params=plan.params,
        )


class _Run:
    """One ``report`` command: what it plans, what it has written, how it stops."""

    def __init__(
        self,
        plans: list[PlannedReport],
        settings_by_year: dict[int, Settings],
        out: Path,
        lang: Lang,
        per_administration: bool,
        err_stream: TextIO,
    ) -> None:
        self.plans = plans
        self.settings_by_year = settings_by_year
        self.out = out
        self.lang = lang
        self.per_administration = per_administration
        self.err_stream = err_stream
        self.workdir = Path()
        self.finished: dict[str, bool] = {}  # job name → written
        self.pdf = False  # also print each report to PDF
        self.example = False  # the bundled example register: the index says so
        self.empty_years: set[int] = set()  # no activity of the year: nothing is committed

    def execute(
        self,
        register: Path | None,
        jobs: int | None,
        timeout: int,
        stopper: stopping.Stopper,
        out_stream: TextIO,
    ) -> int:
        from .batch import Stopped, render_many

        work = [
            _job(p, self.settings_by_year[p.year], timeout, self.workdir / f"job-{i}", self.pdf)
            for i, p in enumerate(self.plans)
        ]

        def prepare() -> None:
            self.prepare_data(register, work)
            if self.per_administration:  # from the reports already on disk; warms the writer
                import openpyxl  # noqa: F401  # and its reader of the reports' key figures

                for year in self.settings_by_year:
                    self.index(year)

        try:
            outcomes = render_many(
                work,
                jobs,
                on_done=self.done,
                stopper=stopper,
                prepare=prepare,
                refuse=self.refuse_empty,
            )
        except Stopped as stop:
            self.say_stopped(stop.signum)
            return stopping.exit_status(stop.signum)
        failed = 0
        for outcome in outcomes:
            if outcome.ok:
                print(f"wrote {outcome.job.out_html}", file=out_stream)
                for path, _ in outcome.job.derived_outputs:
                    print(f"wrote {path}", file=out_stream)
            else:
                failed += 1
                said = label(
                    "run.report_failed", self.lang, name=outcome.job.name, error=outcome.error
                )
                print(f"{label('cli.error', self.lang)}: {said}", file=self.err_stream)
        if self.per_administration:  # each was rewritten whenever one of its reports was
            for year in self.settings_by_year:
                print(f"wrote {self._index_path(year)}", file=out_stream)
        return 1 if failed else 0

    def prepare_data(self, register: Path | None, work: list[ReportJob]) -> None:
        """Evaluate each year once and put its data file into each of its reports' folders."""
        from ..report.contract import DATA_FILE, ReportInputs
        from .inputs import evaluate_years, write_inputs

        def publish(year: int, inputs: ReportInputs) -> None:
            """As soon as a year is evaluated, its reports' kernels may go on."""
            activities = inputs.register.activities
            if "year" not in activities or not (activities["year"] == year).any():
                self.empty_years.add(year)  # its reports are made but never committed
            data = write_inputs(inputs, self.workdir / f"{year}.pickle")
            for plan, job in zip(self.plans, work, strict=True):
                if plan.year != year:
                    continue
                assert job.workdir is not None  # every job of a run has its folder (_job)
                target = job.workdir / DATA_FILE
                try:  # complete before it appears: a kernel may be waiting for it
                    os.link(data, target)
                except OSError:  # a file system without hard links
                    shutil.copyfile(data, target.with_suffix(".partial"))
                    os.replace(target.with_suffix(".partial"), target)

        params_by_year = {plan.year: plan.params for plan in self.plans}
        evaluate_years(register, self.settings_by_year, params_by_year, on_year=publish)

    def refuse_empty(self, job: ReportJob) -> str | None:
        """Why a finished report is not moved into place: its year has no activity, and an
        empty report must not replace an earlier one (issue 22 item 5)."""
        plan = next(p for p in self.plans if p.name == job.name)
        if plan.year not in self.empty_years:
            return None
        kept = "run.earlier_kept" if job.out_html.exists() else "run.nothing_written"
        return label("run.no_activity", self.lang, year=plan.year, kept=label(kept, self.lang))

    def done(self, outcome: ReportOutcome) -> None:
        """A report is finished (its files, if any, are in place): keep the index up to date."""
        self.finished[outcome.job.name] = outcome.ok
        if outcome.ok and self.per_administration:
            year = next(p.year for p in self.plans if p.name == outcome.job.name)
            self.index(year)

    def index(self, year: int) -> Path:
        from .index import write_year_index

        settings = self.settings_by_year[year]
        names = {sub: name for name, sub in _folders(settings.administration_names).items()}
        return write_year_index(
            self.out / str(year), year, self.lang, settings.city, names, example=self.example
        )

    def _index_path(self, year: int) -> Path:
        return (self.out / str(year) / f"index-{self.lang}.html").absolute()

    def say_stopped(self, signum: int) -> None:
        """One line: which reports were written before the signal and which were not."""
        written = [p.name for p in self.plans if self.finished.get(p.name)]
        failed = [p.name for p in self.plans if self.finished.get(p.name) is False]
        missing = [p.name for p in self.plans if p.name not in self.finished]
        lang = self.lang
        parts = [label("run.stopped_written", lang, written=len(written), total=len(self.plans))]
        if written:
            parts[0] += f" ({', '.join(written)})"
        if failed:
            parts.append(label("run.stopped_failed", lang, names=", ".join(failed)))
        if missing:
            parts.append(label("run.stopped_missing", lang, names=", ".join(missing)))
        said = label(
            "run.stopped", lang, signal=stopping.signal_name(signum), parts="; ".join(parts)
        )
        newline = "\n" if _isatty(self.err_stream) else ""  # after a progress bar's last line
        print(f"{newline}{said}", file=self.err_stream, flush=True)

    def abort(self, signum: int) -> None:
        """A signal while this process executes a report: end it now, write nothing more."""
        stopping.abandon()
        shutil.rmtree(self.workdir, ignore_errors=True)
        helpers_cleanup.remove_temp_folder()  # os._exit skips multiprocessing's own clean-up
        self.say_stopped(signum)
        with contextlib.suppress(Exception):
            sys.stdout.flush()
        os._exit(stopping.exit_status(signum))


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False

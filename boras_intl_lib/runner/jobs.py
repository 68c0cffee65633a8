"""Many reports from one command: years × (city, administrations), in parallel processes.

Inputs are checked before any kernel starts (parameters of every year, the register), so a
user mistake gives one clear line rather than a failed notebook. Output layout::

    <out>/<year>/report-<year>-<lang>.html (.xlsx, .ipynb)         the city-wide report
    <out>/<year>/<administration>/report-<year>-<lang>.html …      with --per-administration
    <out>/<year>/index-<lang>.html                                  links them (per-administration)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..i18n.labels import Lang, label, report_title
from ..settings import Settings, default_parameters_path, load_settings

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
        path = params or default_parameters_path(year)
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
    from ..report.display import slug

    folders: dict[str, str] = {}
    for name in names:
        base = folder = slug(name) or "administration"
        n = 2
        while folder in folders.values():
            folder, n = f"{base}-{n}", n + 1
        folders[name] = folder
    return folders


def _job(plan: PlannedReport, register: Path | None, timeout: int, settings: Settings):
    from .batch import ReportJob

    title = report_title(plan.lang, settings.city, plan.year, plan.administration)
    return ReportJob(
        notebook=report_notebook(),
        parameters={
            "year": plan.year,
            "register_path": str(register.resolve()) if register else "",
            "params_path": str(plan.params.resolve()),
            "lang": plan.lang,
            "administration": plan.administration or "",
        },
        out_html=plan.html,
        out_ipynb=plan.folder / f"{plan.stem}.ipynb",
        timeout=timeout,
        lang=plan.lang,
        title=title,
        extra_outputs={"excel_path": plan.folder / f"{plan.stem}.xlsx"},
        name=f"{plan.year} {plan.lang} {plan.administration or ''}".strip(),
    )


def run_reports(
    *,
    years: list[int],
    register: Path | None,
    params: Path | None,
    lang: Lang,
    out: Path,
    per_administration: bool,
    jobs: int | None,
    timeout: int,
    out_stream: TextIO,
    err_stream: TextIO,
) -> int:
    """Write every planned report; print where each went to ``out_stream`` and why any failed
    to ``err_stream``.

    Returns 0 when every report was written, 1 otherwise. Progress while they run is logged
    (a bar on a terminal, one line per report elsewhere).
    """
    from .batch import render_many

    plans, settings_by_year = plan_reports(years, params, lang, out, per_administration)
    if register is not None:
        from ..register.reading import read_register

        read_register(register)  # unreadable → one clear line and exit 2, before any kernel
    work = [_job(p, register, timeout, settings_by_year[p.year]) for p in plans]
    outcomes = render_many(work, jobs)
    failed = 0
    for outcome in outcomes:
        if outcome.ok:
            print(f"wrote {outcome.job.out_html}", file=out_stream)
        else:
            failed += 1
            print(f"error: report {outcome.job.name}: {outcome.error}", file=err_stream)
    if per_administration:
        for year in years:
            done = [p for p, o in zip(plans, outcomes, strict=True) if p.year == year and o.ok]
            index = write_index(out / str(year), done, lang, year, settings_by_year[year])
            print(f"wrote {index}", file=out_stream)
    return 1 if failed else 0


def write_index(
    folder: Path, plans: list[PlannedReport], lang: Lang, year: int, settings: Settings
) -> Path:
    """The index page of one year's reports, linking each written report."""
    from .batch import write_index_page

    entries = [
        (p.administration or settings.city, p.html.relative_to(folder).as_posix()) for p in plans
    ]
    title = label("report.index_title", lang, year=year)
    return write_index_page(folder / f"index-{lang}.html", entries, lang, title)

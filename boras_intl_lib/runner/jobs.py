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
from ..settings import Settings, default_parameters_path, load_settings, project_root

log = logging.getLogger("boras_intl")
REPORT_NOTEBOOK = "yearly_report.ipynb"
#: The key figures the index page shows beside each report.
INDEX_FIGURES = ("fig.activities", "fig.partners", "fig.external_funding", "fig.overall_index")


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
    """The report notebook of this checkout."""
    return project_root() / "notebooks" / REPORT_NOTEBOOK


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


def _job(
    plan: PlannedReport, register: Path | None, timeout: int, settings: Settings, pdf: bool = False
):
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
        cwd=project_root(),
        name=f"{plan.year} {plan.lang} {plan.administration or ''}".strip(),
        out_pdf=plan.folder / f"{plan.stem}.pdf" if pdf else None,
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
    pdf: bool = False,
) -> int:
    """Write every planned report; print where each went to ``out_stream`` and why any failed
    to ``err_stream``.

    Returns 0 when every report was written, 1 otherwise. Progress while they run is logged
    (a bar on a terminal, one line per report elsewhere).
    """
    from .batch import render_many

    plans, settings_by_year = plan_reports(years, params, lang, out, per_administration)
    if pdf:
        from .pdf import check_chromium

        check_chromium()  # no browser → one clear line and exit 2, before any kernel
    if register is not None:
        from ..register.reading import read_register

        read_register(register)  # unreadable → one clear line and exit 2, before any kernel
    work = [_job(p, register, timeout, settings_by_year[p.year], pdf) for p in plans]
    outcomes = render_many(work, jobs)
    failed = 0
    for outcome in outcomes:
        if outcome.ok:
            print(f"wrote {outcome.job.out_html}", file=out_stream)
            if outcome.result is not None and outcome.result.pdf is not None:
                print(f"wrote {outcome.result.pdf}", file=out_stream)
        else:
            failed += 1
            print(f"error: report {outcome.job.name}: {outcome.error}", file=err_stream)
    if per_administration:
        for year in years:
            done = [p for p, o in zip(plans, outcomes, strict=True) if p.year == year and o.ok]
            index = write_index(
                out / str(year), done, lang, year, settings_by_year[year], example=register is None
            )
            print(f"wrote {index}", file=out_stream)
    return 1 if failed else 0


def write_index(
    folder: Path,
    plans: list[PlannedReport],
    lang: Lang,
    year: int,
    settings: Settings,
    *,
    example: bool = False,
) -> Path:
    """The index page of one year's reports, linking each written report with its key figures
    (read back from the report's workbook) and, for the example register, its banner."""
    from .batch import write_index_page

    entries = [
        (p.administration or settings.city, p.html.relative_to(folder).as_posix()) for p in plans
    ]
    title = label("report.index_title", lang, year=year)
    banner = label("report.example_banner", lang) if example else None
    figures = [_key_figures(p.folder / f"{p.stem}.xlsx", lang) for p in plans]
    return write_index_page(
        folder / f"index-{lang}.html", entries, lang, title, banner=banner, figures=figures
    )


def _key_figures(workbook: Path, lang: Lang) -> dict[str, str]:
    """Key figure → text as the report shows it, from a report's workbook ({} if unreadable)."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(workbook, read_only=True)
        try:
            sheet = book[label("sheet.key_figures", lang)]
            rows = list(sheet.iter_rows(min_row=2, values_only=True))
        finally:
            book.close()
    except (OSError, KeyError, ValueError) as exc:
        log.warning("no key figures for the index from %s: %s", workbook, exc)
        return {}
    wanted = {label(k, lang) for k in INDEX_FIGURES}
    return {str(r[0]): str(r[2]) for r in rows if r and r[0] in wanted and len(r) > 2}

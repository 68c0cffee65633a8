"""Many reports at once: separate processes, a progress line per report, an index page.

Jobs run in worker processes started from a ``forkserver`` that imported papermill and
nbconvert once (never plain fork: zmq and jupyter_client hold threads). One failing report does
not stop the others; each outcome carries its error and section.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BorasIntlError, ReportError
from ..i18n.labels import Lang, label
from .files import replace_text
from .pipeline import ReportResult, render_report, to_html

log = logging.getLogger("boras_intl")


@dataclass(frozen=True)
class ReportJob:
    """The arguments of one :func:`render_report` call, for :func:`render_many`."""

    notebook: Path
    parameters: Mapping[str, Any]
    out_html: Path
    out_ipynb: Path | None = None
    kernel_name: str = "python3"
    timeout: int | None = 600
    lang: Lang = "sv"
    title: str | None = None
    extra_outputs: Mapping[str, Path] = field(default_factory=dict)
    cwd: Path | None = None
    name: str = ""  # shown in progress lines, e.g. "2025 sv"
    out_pdf: Path | None = None  # also print the report to this PDF


@dataclass(frozen=True)
class ReportOutcome:
    """One job of :func:`render_many`: its result, or the error message and section."""

    job: ReportJob
    result: ReportResult | None = None
    error: str | None = None
    section: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def render_many(jobs: Sequence[ReportJob], n_jobs: int | None = None) -> list[ReportOutcome]:
    """Run jobs in separate processes (``n_jobs``, default: cores); outcomes in job order.

    A failing job does not stop the others. Progress: a bar on a terminal (stderr), otherwise
    one INFO log line per finished report.
    """
    if not jobs:
        return []
    workers = max(1, min(n_jobs or os.cpu_count() or 1, len(jobs)))
    progress = _Progress(len(jobs))
    outcomes: list[ReportOutcome | None] = [None] * len(jobs)
    try:
        if workers == 1:
            for i, job in enumerate(jobs):
                outcomes[i] = _run_job(job)
                progress.update(outcomes[i])
        else:
            _run_in_pool(jobs, workers, outcomes, progress)
    finally:
        progress.close()
    return [o for o in outcomes if o is not None]


def _run_in_pool(
    jobs: Sequence[ReportJob],
    workers: int,
    outcomes: list[ReportOutcome | None],
    progress: _Progress,
) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    level = log.getEffectiveLevel()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_mp_context(), initializer=_init_worker, initargs=(level,)
    ) as pool:
        futures = {pool.submit(_run_job, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            i = futures[future]
            try:
                outcomes[i] = future.result()
            except Exception as exc:  # the worker process itself died
                outcomes[i] = ReportOutcome(jobs[i], error=f"the worker process failed: {exc!r}")
            progress.update(outcomes[i])


def _mp_context() -> Any:
    """forkserver where available: workers fork from a server that imported papermill and
    nbconvert once; spawn elsewhere. Never plain fork (threads of zmq and jupyter_client)."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__, "papermill", "nbconvert"])
        return context
    return multiprocessing.get_context("spawn")


def _init_worker(level: int) -> None:
    """Workers log warnings only (at DEBUG, everything): progress is the parent's to report."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    logging.getLogger("boras_intl").setLevel(level if level <= logging.DEBUG else logging.WARNING)


def _run_job(job: ReportJob) -> ReportOutcome:
    """One job, errors turned into an outcome (a ReportError does not pickle its section)."""
    try:
        result = render_report(
            job.notebook,
            job.parameters,
            job.out_html,
            out_ipynb=job.out_ipynb,
            kernel_name=job.kernel_name,
            timeout=job.timeout,
            lang=job.lang,
            title=job.title,
            extra_outputs=job.extra_outputs,
            cwd=job.cwd,
            out_pdf=job.out_pdf,
        )
    except ReportError as exc:
        return ReportOutcome(job, error=str(exc), section=exc.section)
    except BorasIntlError as exc:
        return ReportOutcome(job, error=str(exc))
    except Exception as exc:  # a bug: still report it per job and let the others finish
        log.debug("report job %s failed", job.name, exc_info=True)
        return ReportOutcome(job, error=f"{type(exc).__name__}: {exc}")
    return ReportOutcome(job, result=result)


class _Progress:
    """tqdm on a terminal, plain log lines otherwise."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.bar = None
        if sys.stderr is not None and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="report", desc="reports", file=sys.stderr)

    def update(self, outcome: ReportOutcome | None) -> None:
        self.done += 1
        if outcome is None:
            return
        name = outcome.job.name or outcome.job.out_html.name
        if self.bar is not None:
            self.bar.update(1)
            if not outcome.ok:
                self.bar.set_postfix_str(f"failed: {name}")
        elif outcome.ok and outcome.result is not None:
            log.info(
                "report %d/%d written: %s (%.1f s)",
                self.done,
                self.total,
                outcome.result.html,
                outcome.result.seconds,
            )
        else:  # the caller reports the error itself, once
            log.debug("report %d/%d failed: %s", self.done, self.total, name)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- index page -----------------------------------------------------------------------------


def write_index_page(
    out: Path,
    entries: Sequence[tuple[str, str]],
    lang: Lang,
    title: str,
    *,
    banner: str | None = None,
    figures: Sequence[Mapping[str, str]] | None = None,
) -> Path:
    """An accessible page linking reports: ``entries`` are (link text, relative href).

    With ``banner`` (e.g. "fictitious example data") a notice under the title; with
    ``figures`` (one mapping of key figure → text per entry) a table of each report's key
    figures beside its link. Rendered through the same template as the reports (same head, CSS,
    skip link, no requests); written atomically. Link texts are escaped; hrefs must be
    relative (no scheme, no host).
    """
    import html

    import nbformat

    links = "".join(
        f'<li><a href="{_relative_href(href)}">{html.escape(text)}</a></li>'
        for text, href in entries
    )
    notice = f'<div class="banner" role="note"><p>{html.escape(banner)}</p></div>' if banner else ""
    body = (
        f"<h1>{html.escape(title)}</h1>{notice}"
        f'<nav aria-label="{html.escape(label("page.reports", lang))}"><ul>{links}</ul></nav>'
    )
    if figures and any(figures):
        body += _figures_table(entries, figures, lang)
    output = nbformat.v4.new_output("display_data", data={"text/html": body, "text/plain": title})
    cell = nbformat.v4.new_code_cell(outputs=[output])
    cell.id = "index"
    nb = nbformat.v4.new_notebook(cells=[cell])
    nb.metadata["boras_intl"] = {
        "lang": lang,
        "title": title,
        "skip_link": label("page.skip_link", lang),
    }
    out = Path(out).absolute()
    replace_text(out, to_html(nb, lang))
    return out


def _figures_table(
    entries: Sequence[tuple[str, str]], figures: Sequence[Mapping[str, str]], lang: Lang
) -> str:
    """Each report's key figures in one table (columns: the measures of the first report)."""
    import html

    measures = list(dict.fromkeys(m for f in figures for m in f))
    caption = html.escape(label("index.figures", lang))
    head = f'<th scope="col">{html.escape(label("page.reports", lang))}</th>' + "".join(
        f'<th scope="col">{html.escape(m)}</th>' for m in measures
    )
    rows = "".join(
        f'<tr><th scope="row">{html.escape(text)}</th>'
        + "".join(f'<td class="num">{html.escape(f.get(m, "–"))}</td>' for m in measures)
        + "</tr>"
        for (text, _), f in zip(entries, figures, strict=True)
    )
    return (
        f'<div class="table-wrap" role="region" tabindex="0" aria-label="{caption}">'
        f"<table><caption>{caption}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def _relative_href(href: str) -> str:
    import html
    from urllib.parse import quote, urlsplit

    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("/", "\\")):
        raise ValueError(f"index links must be relative paths, not {href!r}")
    return html.escape(quote(href, safe="/#-._~"), quote=True)

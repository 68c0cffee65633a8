"""What each command-line verb does, as plain functions returning an exit status.

The CLI parses; these functions load settings, call the library and print the outcome.
They are the only place besides the CLI that writes to the terminal.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from .errors import ParametersError
from .settings import Settings, default_parameters_path, latest_parameters_path, load_settings

log = logging.getLogger("boras_intl")


def resolve_settings(params: Path | None, year: int | None = None) -> Settings:
    """Settings from ``params``, else ``parameters/<year>.yaml``, else the latest year's."""
    if params is not None:
        return load_settings(params)
    if year is not None:
        return load_settings(default_parameters_path(year))
    latest = latest_parameters_path()
    if latest is None:
        raise ParametersError("parameters/", ["no parameters file found; pass --params FILE"])
    return load_settings(latest)


def validate(register_path: Path, params: Path | None, *, as_json: bool = False) -> int:
    """``boras-intl validate``: read and check a register, print a summary."""
    from .register.load import load_register
    from .register.summary import exit_status, format_summary, summarise

    settings = resolve_settings(params)
    register = load_register(register_path, settings)
    summary = summarise(register)
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_summary(summary))
    return exit_status(register)


def score(register_path: Path, params: Path | None, out: Path) -> int:
    """``boras-intl score``: write scores.csv, partners.csv and rejected.csv to ``out``."""
    from .evaluation import evaluate
    from .outputs import write_score_files
    from .register.load import load_register
    from .register.summary import exit_status

    settings = resolve_settings(params)
    register = load_register(register_path, settings)
    result = evaluate(register, settings)
    written = write_score_files(
        out, result.scores, result.partners, register.issues, explanations=result.explanations
    )
    for path in written.values():
        print(path)
    return exit_status(register)


def init(folder: Path, year: int | None = None) -> int:
    """``boras-intl init``: a working folder with parameters, a register template, a README."""
    from .runner.workfolder import create_working_folder

    for path in create_working_folder(folder, year):
        print(path)
    return 0


def template(path: Path) -> int:
    """``boras-intl template``: write an empty register workbook."""
    from .register.template import write_template

    write_template(path)
    print(path)
    return 0


def report(
    *,
    years: list[int],
    register: Path | None,
    params: Path | None,
    lang: str,
    out: Path,
    per_administration: bool,
    jobs: int | None,
    timeout: int,
) -> int:
    """``boras-intl report``: run the report notebook for each year (see report_jobs)."""
    from .runner.jobs import run_reports

    return run_reports(
        years=years,
        register=register,
        params=params,
        lang=lang,
        out=out,
        per_administration=per_administration,
        jobs=jobs,
        timeout=timeout,
        out_stream=sys.stdout,
        err_stream=sys.stderr,
    )

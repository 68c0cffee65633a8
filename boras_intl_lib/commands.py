"""What each command-line verb does, as plain functions returning an exit status.

The CLI parses; these functions load settings, call the library and print the outcome.
They are the only place besides the CLI that writes to the terminal.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ParametersError, Problem, RegisterUnreadableError
from .guard import check_replace, check_writes
from .i18n.labels import Lang, set_log_language
from .settings import (
    Settings,
    check_parameters_year,
    default_parameters_path,
    latest_parameters_path,
    load_settings,
    parameter_years,
)

if TYPE_CHECKING:
    from .runner.jobs import ReportRequest

log = logging.getLogger("boras_intl")
#: Every file ``score`` may write into its ``--out`` folder (see outputs.py).
SCORE_FILES = ("scores", "partners", "countries", "rejected", "warnings", "explanations")


def resolve_settings(params: Path | None, year: int | None = None) -> Settings:
    """Settings from ``params``, else ``parameters/<year>.yaml``, else the latest year's."""
    if params is not None:
        return load_settings(params)
    if year is not None:
        return load_settings(default_parameters_path(year))
    latest = latest_parameters_path()
    if latest is None:
        raise ParametersError("parameters/", [Problem("params.none_found")])
    return load_settings(latest)


def resolve_parameters_path(params: Path | None) -> Path | None:
    """The parameters file ``validate``/``score`` use: ``params``, else the latest year's."""
    return params if params is not None else latest_parameters_path()


def validate(
    register_path: Path,
    params: Path | None,
    *,
    as_json: bool = False,
    lang: Lang | None = None,
    fix_list: Path | None = None,
) -> int:
    """``boras-intl validate``: read and check a register, print a summary.

    The answer is in the register's language unless ``lang`` says otherwise; with
    ``fix_list`` a correction list (one sheet per administration) is written too.
    """
    from .coordinator.summary import exit_status, format_summary, summarise
    from .register.load import load_register

    if fix_list is not None:  # before anything is read: the register is never written over
        check_writes([fix_list], register=register_path, params=resolve_parameters_path(params))
    set_log_language(lang)  # -v lines in --lang, else in the register's language
    settings = resolve_settings(params)
    years = parameter_years(resolve_parameters_path(params))
    register = load_register(register_path, settings, years=years)
    set_log_language(lang or register.language)
    summary = summarise(register)
    if as_json:
        print(json.dumps(summary, ensure_ascii=False, indent=2, default=str))
    else:
        print(format_summary(summary, lang))
    if fix_list is not None:
        from .coordinator.fixlist import write_fix_list

        write_fix_list(fix_list, register, lang or register.language)
        print(fix_list)
    return exit_status(register)


def score(
    register_path: Path,
    params: Path | None,
    out: Path,
    *,
    explain: bool = False,
    lang: Lang | None = None,
) -> int:
    """``boras-intl score``: write scores.csv, partners.csv, countries.csv and rejected.csv
    (and explanations.csv with ``explain``).

    The reasons in rejected.csv and warnings.csv are in ``lang``, by default the register's
    own language: a coordinator who wrote Swedish headers reads Swedish reasons.
    """
    from .coordinator.summary import exit_status
    from .evaluation import evaluate
    from .indicators.by_country import country_years
    from .outputs import write_score_files
    from .register.load import load_register

    check_writes(  # before anything is read: the register is never written over
        [out / f"{name}.csv" for name in SCORE_FILES],
        folders=[out],
        register=register_path,
        params=resolve_parameters_path(params),
    )
    set_log_language(lang)  # -v lines in --lang, else in the register's language
    settings = resolve_settings(params)
    years = parameter_years(resolve_parameters_path(params))
    register = load_register(register_path, settings, years=years)
    set_log_language(lang or register.language)
    result = evaluate(register, settings)
    countries = country_years(
        register.partners,
        register.activities,
        result.indicators,
        settings.screening,
        result.screened,
        result.activity_rows,
    )
    written = write_score_files(
        out,
        result.scores,
        result.partners,
        register.issues,
        explanations=result.explanations if explain else None,
        countries=countries,
        lang=lang or register.language,
    )
    for path in written.values():
        print(path)
    return exit_status(register)


def init(folder: Path, year: int | None = None, *, force: bool = False) -> int:
    """``boras-intl init``: a working folder with parameters, a register template, a README.

    Existing files are kept; with ``force`` an existing ``register.xlsx`` that is an empty
    template is written anew (a filled register never is)."""
    from .runner.workfolder import create_working_folder

    for path in create_working_folder(folder, year, force=force):
        print(path)
    return 0


def template(path: Path, params: Path | None = None, *, force: bool = False) -> int:
    """``boras-intl template``: write an empty register workbook.

    The administrations and committees of ``params`` (default: the latest year's) become
    drop-down lists; without any parameters file those columns stay free text. An existing
    file is replaced only with ``force``, and only when it is an empty template.
    """
    from .coordinator.template import write_template

    check_replace(path, force=force)  # never a filled register, nor any other existing file
    source = resolve_parameters_path(params)
    settings = load_settings(source) if source is not None else None
    write_template(path, settings)
    print(path)
    return 0


def report(request: ReportRequest) -> int:
    """``boras-intl report``: run the report notebook for each year (see runner/jobs)."""
    from .i18n.labels import label
    from .runner.jobs import run_reports

    register = request.register
    if register is not None and not Path(register).exists():  # said in the report's language
        words = {lang: label("unreadable.not_found", lang) for lang in ("en", "sv")}
        raise RegisterUnreadableError(Path(register).absolute(), words["en"], words["sv"])
    if request.params is not None:
        check_parameters_year(request.params, list(request.years))
    return run_reports(request, sys.stdout, sys.stderr)

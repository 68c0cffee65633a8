"""``boras-intl init``: a working folder that runs without the repository.

It holds the parameters of the first report year (a copy of the latest parameters shipped
with the package, with its year set), an empty register workbook for coordinators (the same
as ``boras-intl template``) and a README in Swedish saying what to do each year. Files that
already exist are left as they are, so running it again only completes a folder.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import Problem, WriteError
from ..settings import latest_parameters_path, load_settings, packaged_parameters_folder
from .files import replace_text

TEMPLATES = Path(__file__).resolve().parent / "templates" / "init"
REGISTER = "register.xlsx"
_YEAR_LINE = re.compile(r"^year:[ \t]*\d{4}[ \t]*$", re.MULTILINE)


def create_working_folder(
    folder: Path, year: int | None = None, *, force: bool = False
) -> list[Path]:
    """Create ``folder`` with parameters, a register template and a README; return what was
    written (files that already existed are kept and not listed). With ``force`` an existing
    ``register.xlsx`` is written anew if it is an empty template, and refused otherwise
    (before anything is written)."""
    from ..guard import check_replace

    year = year or dt.date.today().year
    if folder.exists() and not folder.is_dir():
        raise WriteError(folder, Problem("write.not_folder"))
    register = folder / REGISTER
    renew = force and register.exists()
    if renew:
        check_replace(register, force=True)
    written: list[Path] = []
    params = folder / "parameters" / f"{year}.yaml"
    if not params.exists():
        params.parent.mkdir(parents=True, exist_ok=True)
        replace_text(params, _parameters_text(year))
        load_settings(params)  # what init writes must load
        written.append(params)
    if renew or not register.exists():
        from ..coordinator.template import write_template

        write_template(register, load_settings(params))  # the year's administrations as lists
        written.append(register)
    readme = folder / "README.md"
    if not readme.exists():
        text = (TEMPLATES / "README.sv.md").read_text(encoding="utf-8")
        replace_text(readme, text.format(year=year, next_year=year + 1))
        written.append(readme)
    return written


def _parameters_text(year: int) -> str:
    """The latest packaged parameters file with its ``year:`` set to ``year``."""
    files = sorted(packaged_parameters_folder().glob("[0-9][0-9][0-9][0-9].yaml"))
    source = files[-1] if files else latest_parameters_path()
    if source is None:
        raise WriteError(packaged_parameters_folder(), Problem("write.no_parameters"))
    text = source.read_text(encoding="utf-8")
    if source.stem != str(year):
        header = f"# Started by `boras-intl init` from the parameters of {source.stem}.\n"
        text = header + _YEAR_LINE.sub(f"year: {year}", text, count=1)
    return text

"""The contract between the parent process (:mod:`boras_intl_lib.runner`) and the report
notebook's kernel (the rest of :mod:`boras_intl_lib.report`).

This is the only module of ``report/`` the runner imports (a test keeps it so): names of the
notebook's parameters, the metadata key both sides use, and the shape of the private file
through which the parent hands the kernel its evaluated data. It imports nothing heavy.

The data file
    The parent loads the settings and the register once per run and evaluates each year once.
    It pickles one :class:`ReportInputs` per year into the run's private temporary folder
    (mode 0700, removed when the run ends) and links it into each report's working folder as
    :data:`DATA_FILE`; the notebook loads it with one call (``report.data.load``). Contact
    persons are removed before pickling: the kernel never sees them. The file is written and
    read by the same user within one run; it is not an exchange format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from ..evaluation import Evaluation
    from ..register.model import Register
    from ..settings import Settings

METADATA_KEY: Final = "boras_intl"  # notebook metadata and output metadata (sections)
DATA_FILE: Final = "report-data.pickle"  # in the kernel's working folder
DATA_VERSION: Final = 1

# Parameters of notebooks/yearly_report.ipynb that `boras-intl report` sets.
YEAR: Final = "year"
DATA_PATH: Final = "data_path"  # the pickled ReportInputs (relative to the working folder)
LANG: Final = "lang"
ADMINISTRATION: Final = "administration"  # "" for the whole city
EXCEL_PATH: Final = "excel_path"  # the workbook's file name, written in the working folder

#: The kernel-side modules the notebook's names come from (it imports them from the package
#: root, whose table of exports resolves each in one of these): the runner has the kernel
#: import them while it boots (before the notebook's first cell), so they are named here, on
#: the seam, and the root's look-ups in the first cell find them already imported.
NOTEBOOK_MODULES: Final = (
    "boras_intl_lib.report.sections",
    "boras_intl_lib.report.data",
    "boras_intl_lib.report.workbook",
)


@dataclass(frozen=True)
class ReportInputs:
    """Everything a report of one year is computed from, evaluated once by the parent."""

    settings: Settings
    register: Register  # validated, redacted, without the contact_person column
    evaluation: Evaluation  # the year's evaluation (every administration)
    params_sha256: str  # of the parameters file, for the reproducibility line
    version: int = DATA_VERSION

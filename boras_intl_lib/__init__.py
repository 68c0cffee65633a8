"""boras-intl: evaluate Borås Stad's international work against its Internationell policy.

The public API is what this module exports (``__all__``): what the README's Python example and
the notebooks use. Everything else is internal and may move. Names are imported on first use
(PEP 562), so the package root stays light and ``boras-intl --help`` stays instant.

    from boras_intl_lib import load_settings, default_parameters_path, load_example_register
    settings = load_settings(default_parameters_path(2025))
    result = evaluate(load_example_register(settings), settings)
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"  # the one version source (pyproject.toml reads it)

# public name -> (module, attribute): the one table of the public API
_EXPORTS: dict[str, tuple[str, str]] = {
    # reading and evaluating
    "load_register": (".register", "load_register"),
    "load_example_register": (".register", "load_example_register"),
    "load_settings": (".settings", "load_settings"),
    "default_parameters_path": (".settings", "default_parameters_path"),
    "ParametersError": (".errors", "ParametersError"),
    "evaluate": (".evaluation", "evaluate"),
    # the analysts' what-if (the exploration notebook)
    "what_if": (".scenarios", "what_if"),
    "change_words": (".scenarios", "change_words"),
    "counts_table": (".scenarios", "counts_table"),
    "what_if_chart": (".scenarios", "what_if_chart"),
    # aggregates of scores (the exploration notebook)
    "active_activities": (".aggregation", "active"),
    "area_summary": (".aggregation", "area_summary"),
    "area_trend_over_years": (".aggregation", "area_trend_over_years"),
    # the vocabulary and its words in Swedish or English
    "AREAS": (".vocabulary", "AREAS"),
    "CONDITIONS": (".vocabulary", "CONDITIONS"),
    "REGIME_INDICATOR": (".settings", "REGIME_INDICATOR"),
    "label": (".i18n.labels", "label"),
    "labels_for": (".i18n.labels", "labels_for"),
    # the yearly report: its data, its sections in order, its workbook (the report notebook)
    "load_report_data": (".report.data", "load"),
    "show_front": (".report.sections", "show_front"),
    "show_summary": (".report.sections", "show_summary"),
    "show_precondition": (".report.sections", "show_precondition"),
    "show_areas": (".report.sections", "show_areas"),
    "show_administrations": (".report.sections", "show_administrations"),
    "show_funding": (".report.sections", "show_funding"),
    "show_partners": (".report.sections", "show_partners"),
    "show_sdgs": (".report.sections", "show_sdgs"),
    "show_over_time": (".report.sections", "show_over_time"),
    "show_data_quality": (".report.sections", "show_data_quality"),
    "show_annex": (".report.sections", "show_annex"),
    "show_method": (".report.sections", "show_method"),
    "write_report_workbook": (".report.workbook", "write_report_workbook"),
}

__all__ = [  # literal, for linters and type checkers; a test holds it to _EXPORTS
    "AREAS",
    "CONDITIONS",
    "REGIME_INDICATOR",
    "ParametersError",
    "__version__",
    "active_activities",
    "area_summary",
    "area_trend_over_years",
    "change_words",
    "counts_table",
    "default_parameters_path",
    "evaluate",
    "label",
    "labels_for",
    "load_example_register",
    "load_register",
    "load_report_data",
    "load_settings",
    "show_administrations",
    "show_annex",
    "show_areas",
    "show_data_quality",
    "show_front",
    "show_funding",
    "show_method",
    "show_over_time",
    "show_partners",
    "show_precondition",
    "show_sdgs",
    "show_summary",
    "what_if",
    "what_if_chart",
    "write_report_workbook",
]

if TYPE_CHECKING:
    from .aggregation import active as active_activities
    from .aggregation import area_summary, area_trend_over_years
    from .errors import ParametersError
    from .evaluation import evaluate
    from .i18n.labels import label, labels_for
    from .register import load_example_register, load_register
    from .report.data import load as load_report_data
    from .report.sections import (
        show_administrations,
        show_annex,
        show_areas,
        show_data_quality,
        show_front,
        show_funding,
        show_method,
        show_over_time,
        show_partners,
        show_precondition,
        show_sdgs,
        show_summary,
    )
    from .report.workbook import write_report_workbook
    from .scenarios import change_words, counts_table, what_if, what_if_chart
    from .settings import REGIME_INDICATOR, default_parameters_path, load_settings
    from .vocabulary import AREAS, CONDITIONS


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(import_module(module, __name__), attribute)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

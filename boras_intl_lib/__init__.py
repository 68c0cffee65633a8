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
    "load_register": (".register", "load_register"),
    "load_example_register": (".register", "load_example_register"),
    "load_settings": (".settings", "load_settings"),
    "default_parameters_path": (".settings", "default_parameters_path"),
    "ParametersError": (".errors", "ParametersError"),
    "evaluate": (".evaluation", "evaluate"),
}

__all__ = [  # literal, for linters and type checkers; a test holds it to _EXPORTS
    "ParametersError",
    "__version__",
    "default_parameters_path",
    "evaluate",
    "load_example_register",
    "load_register",
    "load_settings",
]

if TYPE_CHECKING:
    from .errors import ParametersError
    from .evaluation import evaluate
    from .register import load_example_register, load_register
    from .settings import default_parameters_path, load_settings


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

"""Registers: the format, reading, parsing, validation, privacy, the model and the loader.

The public entry points are exported lazily (PEP 562) so that importing one submodule, say
``register.format`` from the settings, does not import pandas and pandera.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .load import example_register_path, load_example_register, load_register
    from .model import Register

__all__ = ["Register", "example_register_path", "load_example_register", "load_register"]
_LAZY = {
    "Register": "model",
    "example_register_path": "load",
    "load_example_register": "load",
    "load_register": "load",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""The public entry for registers: read, validate, fingerprint.

``load_register`` is what the command line, the notebooks and the tests call; the bundled
example register lives in ``boras_intl_lib/data/`` so an installed toolkit runs on its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from pathlib import Path

from ..settings import Settings
from .model import Register
from .privacy import redact_register
from .raw import RawRegister
from .reading import read_register
from .validation import validate_register

EXAMPLE_REGISTER = "example_register.xlsx"


def load_register(
    path: Path | str,
    settings: Settings | None = None,
    *,
    is_example: bool = False,
    years: Collection[int] | None = None,
) -> Register:
    """Read and validate the register at ``path`` (an ``.xlsx`` or a folder of CSV files).

    With ``settings``, administrations and committees are checked against the parameters
    file; with ``years`` (those that have a parameters file), activity years too. Raises
    :class:`~boras_intl_lib.errors.RegisterUnreadableError` when the register cannot be read
    at all; every other problem is an issue line in the returned :class:`Register`.
    """
    return register_from_raw(
        read_register(path, settings.register_limits if settings else None),
        path,
        settings,
        is_example=is_example,
        years=years,
    )


def register_from_raw(
    raw: RawRegister,
    path: Path | str,
    settings: Settings | None = None,
    *,
    is_example: bool = False,
    years: Collection[int] | None = None,
) -> Register:
    """Validate and redact a register already read from ``path``: the report run reads the
    file once and validates it once per distinct list of administrations."""
    register = redact_register(validate_register(raw, settings, years), raw)
    # The bundled file is example data however it was named: the report must say so.
    is_example = is_example or Path(path).resolve() == example_register_path().resolve()
    return dataclasses.replace(register, path=Path(path), sha256=raw.sha256, is_example=is_example)


def example_register_path() -> Path:
    """The fictitious example register bundled with the package."""
    return Path(__file__).parent.parent / "data" / EXAMPLE_REGISTER


def load_example_register(settings: Settings | None = None) -> Register:
    """Load the bundled example register (marked ``is_example`` so reports label it)."""
    return load_register(example_register_path(), settings, is_example=True)

"""The publisher formats as data: the one table from which settings, CLI help and docs take
their names.

Each :class:`Format` names a layout the parameters' ``format:`` may give, the module whose
``read_<name>`` function reads it, which of the parameters' optional keys (``indicator:``,
``source:``) the reader takes itself, and the label keys that describe it in Swedish and
English. The module imports only the standard library: ``settings.py`` validates ``format:``
against :data:`FORMATS` without loading pandas, ``boras-intl --help`` lists the names without
loading the labels table, and a reader is imported only when a file of its format is read.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .i18n.labels import Lang

#: The optional keys of an ``indicator_files`` entry that a reader can take as arguments.
Argument = Literal["indicator", "source"]


@dataclass(frozen=True)
class Format:
    """One publisher layout: its name, reader and the per-format arguments it takes."""

    name: str  # the value of ``format:`` in the parameters file
    #: keys passed to the reader (``edition`` always is); ``indicator:`` is refused elsewhere
    arguments: tuple[Argument, ...] = ()
    #: whether the reader sets ``source`` itself; otherwise ``source:`` overrides afterwards
    reader_sets_source: bool = False

    @property
    def reader(self) -> Callable[..., Any]:
        """The ``read_<name>`` function of ``indicators/<name>.py`` (imported when first used)."""
        module = importlib.import_module(f"{__package__}.indicators.{self.name}")
        return getattr(module, f"read_{self.name}")

    @property
    def label_key(self) -> str:
        """The labels-table key of the format's description (Swedish and English)."""
        return f"indicators.format.{self.name}"


#: Every publisher format, in the order the docs and the CLI help list them.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("owid", arguments=("indicator", "source"), reader_sets_source=True),
        Format("vdem"),
        Format("freedom_house"),
        Format("wgi"),
        Format("long", arguments=("source",)),
        Format("wide", arguments=("source",)),
        Format("wjp"),
        Format("wgi_legacy"),
    )
}


def format_names() -> str:
    """The format names for a message or help text: ``owid, vdem, …``."""
    return ", ".join(FORMATS)


def closest_format(name: str) -> str | None:
    """The format name closest to a misspelt ``name`` (``"owdi"`` → ``"owid"``), if any."""
    key = name.strip().casefold().replace("-", "_").replace(" ", "_")
    found = difflib.get_close_matches(key, list(FORMATS), n=1, cutoff=0.6)
    return found[0] if found else None


def unknown_format(name: str, lang: Lang = "en") -> str:
    """Why ``name`` is no format: the names to choose from and, if one is close, "menade du …?"."""
    from .i18n.labels import label  # here: the CLI's help takes the names without the labels

    text = label("indicators.error.format", lang, format=name, formats=format_names())
    suggestion = closest_format(name)
    if suggestion is not None:
        text += " — " + label("note.did_you_mean", lang, suggestion=repr(suggestion))
    return text

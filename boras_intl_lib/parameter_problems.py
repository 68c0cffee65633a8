"""What is wrong in a parameters file, as parts the command line words in the run's language.

Settings loading (``settings.py``) knows no language: it turns each mistake — pydantic's
errors, PyYAML's, a file that cannot be read — into a :class:`~.errors.Problem` (a key of the
labels table, ``params.…``, and its values), and the edge says it in Swedish or English.
pydantic's and PyYAML's own English texts are never shown: the common kinds (missing key,
wrong type, value not allowed, unknown key, number out of range) have sentences of their
own; any other says plainly which key cannot have which value. Keys are quoted as the file
writes them; a list item is "post 2 av 'twin_cities'" / "item 2 of 'twin_cities'".
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from .errors import Problem

#: pydantic's error types that say "this key wants another kind of value", and that kind.
_EXPECTED = {
    **dict.fromkeys(("int_type", "int_parsing", "int_from_float"), "params.expect.int"),
    **dict.fromkeys(("float_type", "float_parsing", "finite_number"), "params.expect.number"),
    **dict.fromkeys(("string_type", "string_unicode"), "params.expect.text"),
    **dict.fromkeys(("bool_type", "bool_parsing"), "params.expect.bool"),
    **dict.fromkeys(("list_type", "tuple_type", "set_type"), "params.expect.list"),
    **dict.fromkeys(("dict_type", "model_type", "model_attributes_type"), "params.expect.keys"),
    **dict.fromkeys(
        (
            "date_type",
            "date_parsing",
            "date_from_datetime_parsing",
            "date_from_datetime_inexact",
        ),
        "params.expect.date",
    ),
    "path_type": "params.expect.path",
}
#: pydantic's bounds (``ge=0`` …) and the sentence of each.
_BOUNDS = {
    "greater_than_equal": ("ge", "params.at_least"),
    "greater_than": ("gt", "params.more_than"),
    "less_than_equal": ("le", "params.at_most"),
    "less_than": ("lt", "params.less_than"),
}
_COUNTRY_PATTERN = "^[A-Z]{3}$"


class SettingValueError(ValueError):
    """A validator's refusal as parts: a key of the labels table (``params.…``) and its
    values. :func:`describe` adds where in the file it is; the command line words it in the
    run's language (the English words are the exception's own text, for Python callers)."""

    def __init__(self, label: str, suggestion: str | None = None, **values: object) -> None:
        self.label, self.suggestion, self.values = label, suggestion, values
        super().__init__(self.problem(Problem("params.at.value")).words("en"))

    def problem(self, where: Problem) -> Problem:
        """The refusal, said of ``where`` (a key of the file)."""
        from .i18n.labels import LABELS

        if "{where}" in LABELS[self.label][1]:
            return Problem(self.label, {"where": where, **self.values}, self.suggestion)
        said = Problem(self.label, self.values, self.suggestion)
        return Problem("params.at_problem", {"where": where, "problem": said})


def describe(err: ErrorDetails, model: type[BaseModel]) -> Problem:
    """One pydantic error of validating ``model`` as the parts of a sentence."""
    loc, kind = list(err["loc"]), err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    value = err.get("input")
    if loc and loc[-1] == "[key]":  # a key of a mapping whose keys are fixed (weights: …)
        where = where_phrase(loc[:-1], bare=True)
        return Problem("params.unknown_key_choices", {"where": where, "choices": _choices(ctx)})
    if kind == "extra_forbidden":
        return unknown_key(loc, model)
    where = where_phrase(loc)
    error = ctx.get("error")
    if isinstance(error, SettingValueError):
        return error.problem(where)
    if kind == "missing":
        return Problem("params.missing", {"where": where})
    if kind in ("literal_error", "enum"):
        return Problem("params.choice", _said(where, value, choices=_choices(ctx)))
    if kind in _BOUNDS:
        name, label = _BOUNDS[kind]
        return Problem(label, _said(where, value, limit=_number(ctx.get(name))))
    if kind in _EXPECTED:
        expected = Problem(_EXPECTED[kind])
        if value is None:
            return Problem("params.type_empty", {"where": where, "expected": expected})
        return Problem("params.type", _said(where, value, expected=expected))
    if kind in ("too_short", "too_long") and "actual_length" in ctx:
        bound = "min_length" if kind == "too_short" else "max_length"
        label = "params.too_few" if kind == "too_short" else "params.too_many"
        values = {"where": where, "n": int(ctx[bound]), "actual": int(ctx["actual_length"])}
        return Problem(label, values)
    if kind == "string_too_short":
        return Problem("params.empty_text", {"where": where})
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == _COUNTRY_PATTERN:
        return Problem("params.country", _said(where, value))
    return Problem("params.bad_value", _said(where, value))


def _said(where: Problem, value: object, **more: object) -> dict[str, object]:
    return {"where": where, "value": shown_value(value), **more}


def where_phrase(loc: list[str | int] | tuple[str | int, ...], *, bare: bool = False) -> Problem:
    """Where in the file: "nyckeln 'scoring.clear_level'", "nyckeln 'country' i post 1 av
    'twin_cities'", "post 1 av 'administrations'" (``bare``: without "nyckeln"/"the key")."""
    parts = list(loc)
    items = [i for i, part in enumerate(parts) if isinstance(part, int)]
    kind = "params.bare." if bare else "params.at."
    if not items:
        return Problem(kind + "key", {"name": ".".join(str(p) for p in parts)})
    i = items[-1]
    where: dict[str, object] = {"n": int(parts[i]) + 1, "list": ".".join(str(p) for p in parts[:i])}
    if i == len(parts) - 1:
        return Problem("params.at.item", where)
    return Problem(
        kind + "key_in_item", {"name": ".".join(str(p) for p in parts[i + 1 :]), **where}
    )


def unknown_key(loc: list[str | int], model: type[BaseModel]) -> Problem:
    """An unknown key, with the known key closest to it ("menade du …?") if one is close."""
    known = known_keys(loc[:-1], model)
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.75)
    suggestion = None
    if close:
        items = [i for i, part in enumerate(loc) if isinstance(part, int)]
        start = items[-1] + 1 if items else 0
        suggestion = ".".join(str(p) for p in [*loc[start:-1], close[0]])
    where = where_phrase(loc, bare=True)
    return Problem("params.unknown_key", {"where": where}, suggestion)


def known_keys(path: list[str | int], model: type[BaseModel]) -> list[str]:
    """The keys the file may give at ``path``: a field's name, and its alias where it has one
    (``document:`` takes ``datum`` and ``date``)."""
    node: type[BaseModel] | None = model
    skip_one = False  # the next part is a key of a mapping (conditions: democracy: …)
    for part in path:
        if isinstance(part, int):
            continue
        if skip_one:
            skip_one = False
            continue
        if node is None:
            return []
        fields = {f.alias or name: f for name, f in node.model_fields.items()}
        field = fields.get(str(part))
        if field is None:
            return []
        node, skip_one = _inner_model(field.annotation)
    if node is None:
        return []
    names = [f.alias or name for name, f in node.model_fields.items()]
    return names + [name for name, f in node.model_fields.items() if f.alias]  # both spellings


def _inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model a field holds (``Scoring``, ``list[Rule]``, ``dict[…, Condition]``) and
    whether it sits under keys of a mapping."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) is dict and args:
        return _inner_model(args[-1])[0], True
    for arg in args:
        inner, mapping = _inner_model(arg)
        if inner is not None:
            return inner, mapping
    return None, False


def _choices(ctx: dict[str, Any]) -> tuple[str, ...]:
    """The allowed values of a Literal, quoted as the file writes them."""
    return tuple(f"'{v}'" for v in re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))


def _number(value: object) -> str:
    """A bound as the parameters file writes it (a dot, no ``.0`` on whole numbers)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def shown_value(value: object) -> str:
    """A value as the file wrote it, short: text quoted, ``true``/``false``, numbers with a
    dot (as YAML wants them), lists and mappings in brackets; no control characters."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return ".nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    if isinstance(value, int | float):
        return str(value)
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" else c for c in str(text))
    if len(text) > 60:
        text = text[:59] + "…"
    return f"'{text}'" if isinstance(value, str) else text


#: PyYAML's commonest complaints and the sentence of each (any other: a general hint).
_YAML_PROBLEMS = (
    ("mapping values are not allowed", "params.yaml.colon"),
    ("could not find expected ':'", "params.yaml.no_colon"),
    ("found character '\\t'", "params.yaml.tab"),
    ("expected <block end>", "params.yaml.indent"),
    ("did not find expected key", "params.yaml.indent"),
    ("did not find expected '-'", "params.yaml.indent"),
    ("found unexpected end of stream", "params.yaml.unclosed"),
    ("found undefined alias", "params.yaml.alias"),
)


def yaml_problem(exc: Exception) -> Problem:
    """A PyYAML error as the line and column and what is likely wrong there."""
    problem = str(getattr(exc, "problem", None) or "")
    hint = next((label for text, label in _YAML_PROBLEMS if text in problem), "params.yaml.other")
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return Problem("params.yaml_nowhere", {"hint": Problem(hint)})
    values = {"line": mark.line + 1, "column": mark.column + 1, "hint": Problem(hint)}
    return Problem("params.yaml", values)

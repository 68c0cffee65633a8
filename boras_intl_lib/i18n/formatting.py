"""Numbers, percentages, money and dates as a Swedish or English reader expects them (babel).

Swedish: ``1 234 567,5``, ``80 %``, ``1 234 567 kr``; English: ``1,234,567.5``, ``80%``,
``SEK 1,234,567``. The group separator and the space before ``%`` are no-break spaces
(U+00A0, as CLDR gives them), so a number never breaks across lines. Rounding is half-up,
as readers expect (``2,5`` → ``3``), not babel's half-even. A missing value (None, NaN, NaT,
``pd.NA``) is shown as :data:`MISSING`. Dates are ISO 8601 (``2025-03-05``) in tables — the
Swedish standard and unambiguous in English — or written out (``5 mars 2025``) in prose.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache
from typing import Literal

from .labels import Lang, label

MISSING = "–"  # en dash: how every missing value is shown
LOCALES: dict[str, str] = {"sv": "sv_SE", "en": "en_GB"}
SekScale = Literal["kr", "tkr", "mnkr"]
_SEK_SCALES: dict[str, tuple[int, str]] = {
    "kr": (1, "format.sek"),
    "tkr": (1_000, "format.sek_thousands"),
    "mnkr": (1_000_000, "format.sek_millions"),
}


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and ``pd.NA`` — whatever a table may hold for "no value"."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str | int | Decimal):
        return False
    import pandas as pd  # lazy: only for pandas/numpy scalars

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # array-likes are not missing scalars
        return False


def fmt_number(value: object, lang: Lang = "sv", decimals: int = 0) -> str:
    """``1234567.5`` → ``1 234 567,5`` (sv) / ``1,234,567.5`` (en), with exactly ``decimals``."""
    if is_missing(value):
        return MISSING
    from babel.numbers import format_decimal

    number = _rounded(value, decimals)
    return format_decimal(number, format=_pattern("decimal", lang, decimals), locale=_loc(lang))


def fmt_integer(value: object, lang: Lang = "sv") -> str:
    """A count: ``fmt_number`` with no decimals."""
    return fmt_number(value, lang, 0)


def fmt_percent(share: object, lang: Lang = "sv", decimals: int = 0) -> str:
    """A share 0–1 as a percentage: ``0.8`` → ``80 %`` (sv) / ``80%`` (en)."""
    if is_missing(share):
        return MISSING
    from babel.numbers import format_percent

    number = _rounded(Decimal(str(share)) * 100, decimals) / 100
    return format_percent(number, format=_pattern("percent", lang, decimals), locale=_loc(lang))


def fmt_sek(
    value: object, lang: Lang = "sv", scale: SekScale = "kr", decimals: int | None = None
) -> str:
    """Kronor: ``1 234 567 kr`` / ``SEK 1,234,567``; ``scale="mnkr"`` gives ``1,2 mnkr``.

    ``decimals`` defaults to 0 for kr and tkr and 1 for mnkr.
    """
    if is_missing(value):
        return MISSING
    divisor, key = _SEK_SCALES[scale]
    if decimals is None:
        decimals = 1 if scale == "mnkr" else 0
    amount = Decimal(str(value)) / divisor
    return label(key, lang, x=fmt_number(amount, lang, decimals))


def fmt_date(value: object, lang: Lang = "sv", style: Literal["iso", "long"] = "iso") -> str:
    """A date: ``iso`` → ``2025-03-05`` (both languages), ``long`` → ``5 mars 2025`` (sv).

    Accepts ``date``, ``datetime``, ``pd.Timestamp`` and ISO strings.
    """
    if is_missing(value):
        return MISSING
    day = _as_date(value)
    if style == "iso":
        return day.isoformat()
    from babel.dates import format_date

    return format_date(day, format="long", locale=_loc(lang))


def fmt_datetime(value: dt.datetime, lang: Lang = "sv") -> str:
    """A moment as a reader writes it: ``1 december 2026 06:33:48 UTC`` (sv),
    ``1 December 2026, 06:33:48 UTC`` (en) — with its time zone, for the record."""
    from babel.dates import format_datetime

    return format_datetime(value, format="long", locale=_loc(lang))


def plural_category(n: int, lang: Lang = "sv") -> str:
    """CLDR's plural category of ``n`` in ``lang`` (babel): ``"one"`` or ``"other"`` for
    Swedish and English (1 aktivitet, 0/2/21 aktiviteter; 1 activity, 0/2/21 activities)."""
    from babel import Locale

    return str(Locale.parse(_loc(lang)).plural_form(abs(int(n))))


def count_phrase(n: int, forms: str, lang: Lang = "sv") -> str:
    """A counted thing, the one way the report writes it: the number as the language writes
    it and the word in the form CLDR's plural rules ask for. ``forms`` is ``"one|other"``:
    ``count_phrase(1, "aktivitet|aktiviteter")`` → ``1 aktivitet``, ``21`` → ``21 aktiviteter``;
    ``"avslutad|avslutade"`` agrees the same way. Labels write it as ``{n:aktivitet|aktiviteter}``
    (:func:`.labels.label`)."""
    one, sep, other = forms.partition("|")
    if not sep:
        raise ValueError(f"plural forms must be 'one|other', not {forms!r}")
    word = one if plural_category(n, lang) == "one" else other
    return f"{fmt_number(n, lang)} {word}" if word else fmt_number(n, lang)


def programme_name(source: object, lang: Lang = "sv") -> str:
    """A funding source as the report's language names it: a programme whose Swedish or
    English name the labels table knows (``programme.*``: Horisont Europa / Horizon Europe,
    Kreativa Europa / Creative Europe, egen finansiering / own funding …) in ``lang``, matched
    without regard to case and spaces; any other text as the register wrote it."""
    text = str(source)
    return _programmes(lang).get(" ".join(text.casefold().split()), text)


@cache
def _programmes(lang: Lang) -> dict[str, str]:
    from .labels import LABELS

    names: dict[str, str] = {}
    for key, (sv, en) in LABELS.items():
        if key.startswith("programme."):
            for spelling in (sv, en):
                names[" ".join(spelling.casefold().split())] = sv if lang == "sv" else en
    return names


def fmt_bool(value: object, lang: Lang = "sv") -> str:
    """``True`` → ``Ja`` / ``Yes``; ``False`` → ``Nej`` / ``No``."""
    if is_missing(value):
        return MISSING
    return label("format.yes" if value else "format.no", lang)


def formatter(kind: str, lang: Lang = "sv") -> Callable[[object], str]:
    """A one-value formatter by name, for table columns.

    ``kind`` is ``number``, ``number:<decimals>``, ``integer``, ``percent``, ``percent:<d>``,
    ``sek``, ``sek:tkr``, ``sek:mnkr``, ``date``, ``date:long``, ``bool``, ``text`` (as is)
    or ``plain`` (``str()`` without grouping — for years and codes).
    """
    name, _, arg = kind.partition(":")
    if name == "number":
        d = int(arg or 0)
        return lambda v: fmt_number(v, lang, d)
    if name == "integer":
        return lambda v: fmt_number(v, lang, 0)
    if name == "percent":
        d = int(arg or 0)
        return lambda v: fmt_percent(v, lang, d)
    if name == "sek":
        scale = arg or "kr"
        if scale not in _SEK_SCALES:
            raise ValueError(f"unknown money scale {scale!r} in format {kind!r}")
        return lambda v: fmt_sek(v, lang, scale)  # type: ignore[arg-type]
    if name == "date":
        style = arg or "iso"
        return lambda v: fmt_date(v, lang, style)  # type: ignore[arg-type]
    if name == "bool":
        return lambda v: fmt_bool(v, lang)
    if name == "plain":
        return lambda v: MISSING if is_missing(v) else _plain(v)
    if name == "text":
        return lambda v: MISSING if is_missing(v) else str(v)
    raise ValueError(f"unknown format {kind!r}")


def format_values(values: Iterable[object], kind: str, lang: Lang = "sv") -> list[str]:
    """Format every value of a column (a Series or any iterable) with :func:`formatter`."""
    fmt = formatter(kind, lang)
    return [fmt(v) for v in values]


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rounded(value: object, decimals: int) -> Decimal:
    """Half-up rounding on the decimal representation (``2.675`` → ``2.68``), never ``-0``."""
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
        result = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not a number: {value!r}") from exc
    return abs(result) if result == 0 else result


@cache
def _pattern(kind: Literal["decimal", "percent"], lang: str, decimals: int) -> str:
    """The locale's own pattern (``#,##0 %`` in Swedish) with exactly ``decimals``."""
    from babel import Locale

    loc = Locale.parse(_loc(lang))
    formats = loc.decimal_formats if kind == "decimal" else loc.percent_formats
    pattern = formats[None].pattern.split(";")[0]
    integer_part = "#,##0"
    start = pattern.index(integer_part)
    end = start + len(integer_part)
    while end < len(pattern) and pattern[end] in ".#0":
        end += 1
    fraction = "." + "0" * decimals if decimals > 0 else ""
    return pattern[:start] + integer_part + fraction + pattern[end:]


def _loc(lang: str) -> str:
    try:
        return LOCALES[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r}; use one of {sorted(LOCALES)}") from None


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip()[:10])
    to_pydatetime = getattr(value, "to_pydatetime", None)  # pd.Timestamp
    if to_pydatetime is not None:
        return to_pydatetime().date()
    raise ValueError(f"not a date: {value!r}")


SLUG_MAX = 80  # a folder name must stay far below the 255-byte limit of file systems


def slug(text: str) -> str:
    """A stable HTML id from any text: ``Förutsättningen 2025`` → ``forutsattningen-2025``.

    Also names folders (one per administration), so it is at most :data:`SLUG_MAX` characters:
    a longer one is cut and ends in a hash of the whole text, which keeps it unique and stable.
    """
    spaced = re.sub(r"[\W_]+", " ", str(text))  # punctuation and dashes separate words
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    result = f"s-{words}" if words[:1].isdigit() else (words or "section")
    if len(result) <= SLUG_MAX:
        return result
    digest = hashlib.sha256(str(text).encode("utf-8")).hexdigest()[:8]
    return f"{result[: SLUG_MAX - 9].rstrip('-')}-{digest}"

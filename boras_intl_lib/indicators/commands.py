"""``boras-intl indicators list | check | show``: what the configured sources hold, what a
publisher file yields, and one country's values and checks — in Swedish or English.

Each function prints to ``out`` and returns an exit status (0). Unreadable files raise
:class:`~boras_intl_lib.errors.IndicatorDataError`, which the CLI turns into one line on
stderr and exit status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

import pandas as pd

from ..errors import BorasIntlError
from ..i18n.formatting import fmt_integer
from ..i18n.labels import Lang, label
from ..settings import CONDITIONS, IndicatorFile, Settings
from .base import Loaded


def list_sources(settings: Settings, params: str, lang: Lang, out: TextIO | None = None) -> int:
    """The configured sources: publisher, edition, file, years, countries, licence; then the
    rules and whether some source provides each rule's indicator."""
    out = out or sys.stdout
    from .bundled import bundled_path, load_bundled
    from .loaders import attribution
    from .registry import FORMATS, read_indicator_file

    print(label("indicators.list.title", lang, params=params), file=out)
    tables: list[pd.DataFrame] = []
    entries: list[tuple[str, str, pd.DataFrame]] = []
    if settings.screening.use_bundled_data:
        frame = load_bundled()
        entries.append((label("indicators.list.bundled", lang), str(bundled_path()), frame))
    for spec in settings.screening.indicator_files:
        frame = read_indicator_file(spec).values
        entries.append((f"{spec.format}: {FORMATS[spec.format]}", str(spec.path), frame))
    if not entries:
        print(label("indicators.list.none", lang), file=out)
    for n, (what, path, frame) in enumerate(entries, start=1):
        tables.append(frame)
        for (source, edition), group in frame.groupby(["source", "edition"], sort=True):
            text, licence = attribution(str(source), str(edition))
            first, last = int(group["year"].min()), int(group["year"].max())
            print(f"{n}. {edition} ({what})", file=out)
            rows = (
                ("indicators.list.file", path),
                ("indicators.list.publisher", _source_name(str(source), lang)),
                ("indicators.list.years", f"{first}–{last}"),
                ("indicators.list.countries", str(group["iso3"].nunique())),
                ("indicators.list.indicators", ", ".join(sorted(group["indicator"].unique()))),
                ("indicators.list.licence", licence),
                ("indicators.list.attribution", text),
            )
            for key, value in rows:
                print(f"   {label(key, lang)}: {value}", file=out)
    _print_rules(settings, tables, lang, out)
    return 0


def _print_rules(settings: Settings, tables: list[pd.DataFrame], lang: Lang, out: TextIO) -> None:
    """Each condition's rules, with a note where no configured source has the indicator."""
    have = (
        set(zip(*(pd.concat(tables)[c] for c in ("source", "indicator")), strict=True))
        if tables
        else set()
    )
    print(label("indicators.list.rules", lang), file=out)
    for condition in CONDITIONS:
        rules = settings.screening.conditions[condition].rules
        combine = settings.screening.conditions[condition].combine
        for rule in rules:
            line = f"   {label(f'condition.{condition}', lang)} ({combine}): {rule.indicator}"
            line += f" ({rule.source}) {rule.op} {rule.threshold:g}"
            if (rule.source, rule.indicator) not in have:
                missing = label(
                    "indicators.list.rule_missing",
                    lang,
                    indicator=rule.indicator,
                    source=rule.source,
                )
                line += f" — {missing}"
            print(line, file=out)


def check_file(
    path: Path,
    fmt: str,
    lang: Lang,
    *,
    indicator: str | None = None,
    source: str | None = None,
    edition: str | None = None,
    out: TextIO | None = None,
) -> int:
    """Load one publisher file and say what it yields: rows read, countries, years, and every
    row left out with the reason."""
    out = out or sys.stdout
    from .registry import FORMATS, read_indicator_file

    if fmt not in FORMATS:
        raise BorasIntlError(
            label("indicators.error.format", lang, format=fmt, formats=", ".join(FORMATS))
        )
    spec = IndicatorFile(path=path, format=fmt, indicator=indicator, source=source, edition=edition)  # type: ignore[arg-type]
    loaded = read_indicator_file(spec)
    _print_check(path, fmt, loaded, lang, out)
    return 0


MAX_LISTED = 20  # names (or left-out entities) listed; a 10-million-row file is not printed


def _capped(names: Iterable[object], lang: Lang) -> str:
    """The first :data:`MAX_LISTED` names in order, and how many more there are."""
    ordered = sorted(str(n) for n in names)
    if not ordered:
        return "–"
    shown = ", ".join(ordered[:MAX_LISTED])
    if len(ordered) > MAX_LISTED:
        shown += " " + label(
            "indicators.check.more", lang, n=fmt_integer(len(ordered) - MAX_LISTED, lang)
        )
    return shown


def _print_check(path: Path, fmt: str, loaded: Loaded, lang: Lang, out: TextIO) -> None:
    values = loaded.values
    years = f"{values['year'].min()}–{values['year'].max()}" if len(values) else "–"
    print(label("indicators.check.title", lang, path=path, format=fmt), file=out)
    for key, kwargs in (
        ("rows", {"n": loaded.rows_read}),
        ("values", {"n": len(values)}),
        ("countries", {"n": values["iso3"].nunique()}),
        ("years", {"years": years}),
        ("indicators", {"names": _capped(values["indicator"].unique(), lang)}),
        ("editions", {"names": _capped(values["edition"].dropna().unique(), lang)}),
        ("dropped", {"n": len(loaded.dropped)}),
    ):
        print(f"  {label(f'indicators.check.{key}', lang, **kwargs)}", file=out)
    dropped = loaded.dropped.assign(entity=loaded.dropped["entity"].fillna("–"))
    groups = dropped.groupby(["entity", "reason"], sort=True)
    for number, ((entity, reason), group) in enumerate(groups):
        if number == MAX_LISTED:
            more = label(
                "indicators.check.more", lang, n=fmt_integer(groups.ngroups - MAX_LISTED, lang)
            )
            print(f"    {more}", file=out)
            break
        rows = group["row"].astype("string").tolist()
        shown = ", ".join(rows[:5]) + (" …" if len(rows) > 5 else "")
        text = label(
            "indicators.check.dropped_entity",
            lang,
            entity=entity,
            reason=label(f"indicators.drop.{reason}", lang),
            n=len(rows),
            rows=shown,
        )
        print(f"    {text}", file=out)


def show_country(
    settings: Settings, country: str, year: int | None, lang: Lang, out: TextIO | None = None
) -> int:
    """One country's value, data year, source and check per condition, in ``year``."""
    out = out or sys.stdout
    from ..countries import country_name, to_iso3
    from ..screening.rules import screen_countries
    from .loaders import load_indicators

    iso3 = to_iso3(pd.Series([country])).iloc[0]
    if pd.isna(iso3):
        raise BorasIntlError(label("indicators.error.country", lang, country=country))
    year = settings.year if year is None else year
    row = screen_countries([iso3], load_indicators(settings), settings.screening, year).iloc[0]
    name = country_name(iso3, lang)
    print(label("indicators.show.title", lang, country=name, iso3=iso3, year=year), file=out)
    basis = "basis_sv" if lang == "sv" else "basis"
    for condition in CONDITIONS:
        check = label(f"check.{row[condition]}", lang)
        print(f"  {label(f'condition.{condition}', lang)}: {check}", file=out)
        print(f"    {row[f'{condition}_{basis}']}", file=out)
        if pd.notna(row[f"{condition}_value"]):
            value = _number(float(row[f"{condition}_value"]), lang)
            where = row[f"{condition}_data_country"]
            print(
                f"    {row[f'{condition}_indicator']} = {value}"
                f" ({row[f'{condition}_data_year']}, {row[f'{condition}_edition']}, {where})",
                file=out,
            )
    status = label(f"indicators.show.status.{row['status']}", lang)
    print(label("indicators.show.status", lang, status=status), file=out)
    return 0


def _number(value: float, lang: Lang) -> str:
    """The value in full (shortest exact form), with a decimal comma in Swedish."""
    text = str(int(value)) if value.is_integer() else repr(value)
    return text.replace(".", ",") if lang == "sv" else text


def _source_name(source: str, lang: Lang) -> str:
    key = f"source.{source}"
    try:
        return label(key, lang)
    except KeyError:
        return source

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

from ..errors import IndicatorSettingsError
from ..i18n.formatting import fmt_integer
from ..i18n.labels import Lang, label
from ..indicator_formats import FORMATS
from ..scales import scale_of
from ..screening.compare import source_name
from ..settings import CONDITIONS, IndicatorFile, Settings
from .base import Loaded


def list_sources(settings: Settings, params: str, lang: Lang, out: TextIO | None = None) -> int:
    """The configured sources, one block per file (the bundled data first): what it is, the
    file, publisher, editions, years, countries, indicators, licence; then the rules and
    whether some source provides each rule's indicator and its threshold lies on the scale."""
    out = out or sys.stdout
    from .bundled import bundled_path, load_bundled
    from .registry import read_indicator_file

    print(label("indicators.list.title", lang, params=params), file=out)
    entries: list[tuple[str, str, pd.DataFrame]] = []
    if settings.screening.use_bundled_data:
        frame = load_bundled()
        entries.append((label("indicators.list.bundled", lang), str(bundled_path()), frame))
    for spec in settings.screening.indicator_files:
        frame = read_indicator_file(spec).values
        what = f"{spec.format}: {label(FORMATS[spec.format].label_key, lang)}"
        entries.append((what, str(spec.path), frame))
    if not entries:
        print(label("indicators.list.none", lang), file=out)
    for n, (what, path, frame) in enumerate(entries, start=1):
        print(f"{n}. {what}", file=out)
        for key, value in _file_rows(path, frame, lang):
            print(f"   {label(key, lang)}: {value}", file=out)
    _print_rules(settings, [frame for _, _, frame in entries], lang, out)
    return 0


def _file_rows(path: str, frame: pd.DataFrame, lang: Lang) -> list[tuple[str, str]]:
    """The lines of one file's block: per publisher in it, its editions, years, licence."""
    from .loaders import attribution

    rows: list[tuple[str, str]] = [("indicators.list.file", path)]
    if frame.empty:
        return [*rows, ("indicators.list.countries", "0")]
    for source, group in frame.groupby("source", sort=True):
        editions = sorted(group["edition"].fillna("").unique().tolist())
        first, last = int(group["year"].min()), int(group["year"].max())
        texts = [attribution(str(source), str(e), lang) for e in editions]
        rows += [
            ("indicators.list.publisher", source_name(str(source), lang)),
            ("indicators.list.editions", _editions_text(editions, lang)),
            ("indicators.list.years", f"{first}–{last}"),
            ("indicators.list.countries", str(group["iso3"].nunique())),
            ("indicators.list.indicators", ", ".join(sorted(group["indicator"].unique()))),
            ("indicators.list.licence", _licence(texts[-1][1], lang)),
            ("indicators.list.attribution", texts[-1][0]),
        ]
    return rows


def _editions_text(editions: list[str], lang: Lang) -> str:
    """``Freedom in the World 2013–2025 (13 utgåvor)`` where the editions differ only by a
    year; else all of them."""
    import re

    found = [re.fullmatch(r"(.*?)(\d{4})", e) for e in editions]
    if len(editions) > 2 and all(found):
        stems = {m.group(1) for m in found if m}
        if len(stems) == 1:
            years = sorted(int(m.group(2)) for m in found if m)
            stem = stems.pop()
            many = label("indicators.list.n_editions", lang, n=len(editions))
            return f"{stem}{years[0]}–{years[-1]} ({many})"
    return ", ".join(e or "–" for e in editions)


def _licence(licence: str, lang: Lang) -> str:
    """The licence in the run's language (``CC BY 4.0`` is a name and stays)."""
    keys = {
        "Freedom House terms of use (attribution required)": "indicators.licence.freedom_house",
        "as stated by the publisher": "indicators.licence.publisher",
        "WJP terms of use (attribution required)": "indicators.licence.wjp",
    }
    return label(keys[licence], lang) if licence in keys else licence


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
            line += f" ({rule.source}) {rule.op} {_number(float(rule.threshold), lang)}"
            if (rule.source, rule.indicator) not in have:
                missing = label(
                    "indicators.list.rule_missing",
                    lang,
                    indicator=rule.indicator,
                    source=rule.source,
                )
                line += f" — {missing}"
            scale = scale_of(rule.indicator)
            if scale is not None and not scale.holds(rule.threshold):
                line += " — " + label("indicators.list.off_scale", lang, scale=scale.describe(lang))
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
    from ..indicator_formats import unknown_format
    from .registry import read_indicator_file

    if fmt not in FORMATS:
        raise IndicatorSettingsError(unknown_format(fmt, "en"), unknown_format(fmt, "sv"))
    spec = IndicatorFile(path=path, format=fmt, indicator=indicator, source=source, edition=edition)
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
        raise IndicatorSettingsError(
            *(label("indicators.error.country", w, country=country) for w in ("en", "sv"))
        )
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


def compare_sources(
    settings: Settings, year: int | None, lang: Lang, out: TextIO | None = None
) -> int:
    """``indicators compare``: every country where the configured sources disagree in
    ``year`` (default: the parameters' year), each source's verdict and value in words."""
    out = out or sys.stdout
    from ..screening.compare import compared_conditions, disagreement_lines, disagreements
    from .loaders import load_indicators

    year = settings.year if year is None else year
    indicators = load_indicators(settings)
    print(label("compare.title", lang, year=year), file=out)
    if not compared_conditions(settings.screening):
        print(label("compare.single_source", lang), file=out)
        return 0
    iso3s = sorted(indicators["iso3"].dropna().unique().tolist())
    table = disagreements(iso3s, indicators, settings.screening, year)
    lines = disagreement_lines(table, lang)
    for line in lines:
        print(f"  {line}", file=out)
    combines = {
        settings.screening.conditions[c].combine for c in compared_conditions(settings.screening)
    }
    key = "compare.primary_sentence" if combines == {"primary"} else "compare.combined_sentence"
    print(label(key, lang) if lines else label("compare.none", lang), file=out)
    return 0

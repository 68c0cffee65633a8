"""The report's sections: each function shows one section of the yearly report.

The notebook calls these in order; each shows a heading (which names the section in error
messages), short text, charts with their text alternative and the tables behind them.
All words come from :mod:`labels`; all register text goes through :mod:`display`, which
escapes it.
"""

from __future__ import annotations

import datetime as dt

from ..i18n.formatting import fmt_date, fmt_datetime, fmt_percent
from ..i18n.labels import label, report_title
from ..settings import AREAS
from . import charts, tables
from .data import ReportData
from .display import (
    heading,
    show_banner,
    show_details,
    show_document_info,
    show_html,
    show_key_figures,
    show_level_bar,
    show_list,
    show_paragraph,
    show_table,
    show_toc,
    show_verdict,
)

SECTIONS: tuple[str, ...] = (
    "summary",
    "precondition",
    "areas",
    "administrations",
    "funding",
    "partners",
    "sdgs",
    "over_time",
    "data_quality",
    "annex",
    "method",
)
PERCENT = "percent"


def anchor(section: str) -> str:
    """The HTML id of a section's heading: what the table of contents links to."""
    return section.replace("_", "-")


def _t(data: ReportData, key: str, **values: object) -> str:
    return label(key, data.lang, **values)


def _mid_sentence(word: str) -> str:
    """A label used inside a sentence: "Kan inte bedömas" → "kan inte bedömas"."""
    return word[:1].lower() + word[1:]


def _nothing_to_show(data: ReportData) -> bool:
    """In a year without counted activities a section says so in one sentence instead of a
    table of zeros or a row of "kan inte bedömas" (issue 17); True when it did."""
    if not data.is_empty:
        return False
    show_paragraph(_t(data, "section.nothing_this_year", year=data.year))
    return True


def _chart(chart: charts.Chart) -> None:
    show_html(chart.html, chart.alt)


def show_front(data: ReportData) -> None:
    """Title, example-data banner, scope and the table of contents."""
    title = report_title(data.lang, data.settings.city, data.year, data.administration)
    document = data.settings.document
    if document is not None:
        pairs = [
            (_t(data, f"document.{key}"), fmt_date(value, data.lang) if key == "date" else value)
            for key, value in (
                ("reference", document.reference),
                ("officer", document.officer),
                ("date", document.date),
            )
            if value
        ]
        show_document_info(pairs)
    heading(title, level=1, anchor="top")
    if data.register.is_example:
        show_banner(_t(data, "report.example_banner"))
    _show_baseline(data)
    _show_verdict(data)
    if data.administration is None:
        show_paragraph(_t(data, "report.intro", year=data.year))
    else:  # its own introduction: the administration's work, the city's beside it
        show_paragraph(
            _t(data, "report.intro_administration", year=data.year),
            name=data.administration,
        )
    from .casedoc import show_case_frame  # Ärendet, Bedömning, the official's text (issue 18)

    show_case_frame(data)
    show_toc([(_t(data, f"section.{s}"), anchor(s)) for s in SECTIONS], lang=data.lang)


def _show_verdict(data: ReportData) -> None:
    """The assessment and the findings by severity: what needs action comes first."""
    from .findings import verdict

    sentences, found = verdict(data)
    heading(_t(data, "verdict.heading"), anchor="verdict")
    rows = [(f.severity, _t(data, f"severity_level.{f.severity}"), f.text, f.items) for f in found]
    show_verdict(sentences, rows, _t(data, "verdict.findings"), _t(data, "verdict.none"))


def show_summary(data: ReportData) -> None:
    """The year in figures."""
    heading(_t(data, "section.summary"), anchor=anchor("summary"))
    if _nothing_to_show(data):
        return
    figures = tables.key_figures(data)
    show_key_figures(figures.itertuples(index=False, name=None))
    show_paragraph(_t(data, "summary.index_explained", clear=data.settings.scoring.clear_level))


def _show_baseline(data: ReportData) -> None:
    """A year before the policy's adoption says it is a baseline (at the top, and again where
    the precondition would otherwise call for decisions)."""
    if data.is_baseline and data.settings.policy is not None:
        adopted = fmt_date(data.settings.policy.adopted, data.lang, "long")
        show_paragraph(_t(data, "policy.baseline", year=data.year, adopted=adopted))


def show_precondition(data: ReportData) -> None:
    """Missing exception decisions first, then decisions in force, the thresholds in words
    with their sensitivity, and every foreign partner country."""
    from .thresholds import threshold_sentences

    heading(_t(data, "section.precondition"), anchor=anchor("precondition"))
    show_paragraph(_t(data, "precondition.intro"))
    missing = tables.missing_exceptions(data)
    baseline = data.is_baseline  # the policy did not yet require the decisions: no "krävs"
    missing_title = _t(
        data, "precondition.missing_baseline" if baseline else "precondition.missing"
    )
    heading(missing_title, level=3, anchor="missing-exceptions")
    n_unknown = int(data.precondition.set_index("verdict").loc["unknown", "n_activities"])
    _show_baseline(data)
    if data.is_empty:  # nothing was assessed: say so, claim nothing, no table of zeros
        show_paragraph(_t(data, "precondition.nothing_to_assess"))
        return
    if missing.empty and n_unknown:  # never reassure from missing data
        show_paragraph(_t(data, "precondition.none_missing_unknown", n=n_unknown))
    elif missing.empty:
        show_paragraph(_t(data, "precondition.none_missing"))
    else:
        key = "precondition.missing_text_baseline" if baseline else "precondition.missing_text"
        show_paragraph(_t(data, key, n=len(missing)))
        show_table(missing, missing_title, lang=data.lang)
    heading(_t(data, "precondition.in_force"), level=3, anchor="exceptions")
    in_force = tables.exceptions_in_force(data)
    if in_force.empty:
        show_paragraph(_t(data, "precondition.no_exceptions"))
    else:
        show_table(in_force, _t(data, "precondition.in_force"), lang=data.lang)
    heading(_t(data, "precondition.summary"), level=3, anchor="precondition-summary")
    show_table(
        tables.precondition_table(data),
        _t(data, "precondition.summary"),
        lang=data.lang,
        number_format={_t(data, "col.share"): PERCENT},
    )
    heading(_t(data, "threshold.heading"), level=3, anchor="thresholds")
    lead, rules = threshold_sentences(data)
    if lead:
        show_paragraph(lead)
    show_list(rules)
    heading(_t(data, "precondition.countries"), level=3, anchor="countries-screening")
    show_paragraph(_t(data, "precondition.countries_text"))
    sources = ", ".join(str(s.get("edition", s.get("source", ""))) for s in data.evaluation.sources)
    if sources:
        show_paragraph(_t(data, "precondition.values_source"), sources=sources)
    n_domestic, m_domestic = tables.domestic_partners(data)
    if n_domestic:
        show_paragraph(_t(data, "precondition.domestic", n=n_domestic, m=m_domestic))
    no_data = tables.countries_without_data(data)
    if no_data:
        show_paragraph(_t(data, "precondition.no_data"), countries=", ".join(no_data))
    unrecognised = tables.unrecognised_countries(data)
    if unrecognised:
        show_paragraph(_t(data, "precondition.unrecognised"), countries=", ".join(unrecognised))
    verdicts = tables.country_verdicts(data)
    if not verdicts.empty:
        show_table(verdicts, _t(data, "precondition.countries"), lang=data.lang)
    _show_disagreements(data)


def _show_disagreements(data: ReportData) -> None:
    """The partner countries where the configured sources disagree (issue 20), if any."""
    from .disagreement import disagreement_sentence, disagreement_table

    table = disagreement_table(data)
    if table.empty:
        return
    heading(_t(data, "precondition.disagreement"), level=3, anchor="source-disagreement")
    show_paragraph(disagreement_sentence(data))
    show_table(table, _t(data, "precondition.disagreement"), lang=data.lang)


def show_areas(data: ReportData) -> None:
    """The seven contribution areas: what is counted, overview chart and table, each area."""
    from ..aggregation import OUTCOME_AREAS

    heading(_t(data, "section.areas"), anchor=anchor("areas"))
    if _nothing_to_show(data):
        return
    show_paragraph(_t(data, "areas.intro", clear=data.settings.scoring.clear_level))
    st = data.statuses
    outcome_names = ", ".join(_t(data, f"area.{a}") for a in OUTCOME_AREAS)
    show_paragraph(
        _t(
            data,
            "areas.counting",
            n=int(st.sum()),
            planned=int(st["planned"]),
            ongoing=int(st["ongoing"]),
            completed=int(st["completed"]),
            outcome_areas=outcome_names,
        )
    )
    if _first_year(data):
        show_paragraph(_t(data, "trend.first_year", year=data.year))
    else:
        _show_trend_rule(data)
    _show_area_overview(data)


def _show_trend_rule(data: ReportData) -> None:
    show_paragraph(
        _t(
            data,
            "trend.rule",
            points=f"{data.settings.targets.trend_tolerance * 100:g}".replace(
                ".", "," if data.lang == "sv" else "."
            ),
            min=data.settings.trends.min_activities,
        )
    )


def _show_area_overview(data: ReportData) -> None:
    no_targets = _no_targets(data)
    if no_targets:
        show_paragraph(_t(data, "areas.no_targets"))
    title = _t(data, "areas.chart_title", year=data.year)
    _chart(charts.level_distribution(tables.level_counts(data), data.lang, title))
    overview = tables.area_overview(data)
    if no_targets:
        overview = overview.drop(columns=[_t(data, "col.target_status")])
    if _first_year(data):  # one sentence above says there is nothing to compare with
        overview = overview.drop(columns=[_t(data, "col.comparison")])
    show_table(
        overview,
        _t(data, "areas.table"),
        lang=data.lang,
        number_format={_t(data, "col.share_clear"): PERCENT, _t(data, "col.city_share"): PERCENT},
    )
    for area in AREAS:
        _show_area(data, area, no_targets)


def _first_year(data: ReportData) -> bool:
    """True when the register has no year before the report's: no comparison to make."""
    return bool((data.year_over_year["trend"] == "no_previous").all())


def _no_targets(data: ReportData) -> bool:
    """True when the parameters set no target for any area (then no status is shown)."""
    rows = data.targets.dropna(subset=["area"])
    return bool((rows["reason"] == "no_target").all())


def _show_area(data: ReportData, area: str, no_targets: bool) -> None:
    from ..aggregation import OUTCOME_AREAS

    name = _t(data, f"area.{area}")
    heading(name, level=3, anchor=anchor(f"area_{area}"))
    row = data.areas.set_index("area").loc[area]
    key = "areas.area_text_no_target" if no_targets else "areas.area_text"
    first_year = _first_year(data)
    text = _t(
        data,
        key,
        n_clear=int(row["n_clear"]),
        n=int(row["n_activities"]),
        share=fmt_percent(row["share_clear"], data.lang),
        status=_mid_sentence(tables.target_words(data)[area]),
        trend="\0" if first_year else _mid_sentence(tables.comparison_words(data, area)),
    )
    if first_year:  # said once for the section; the comparison is the paragraph's last sentence
        text = text[: text.rfind(". ", 0, text.index("\0")) + 1]
    if area in OUTCOME_AREAS:
        yoy = data.year_over_year.set_index("area").loc[area]
        n_done = int(yoy["n_this_year"])
        if n_done:
            n_clear_done = round(float(yoy["share_this_year"]) * n_done)
            text += " " + _t(
                data,
                "areas.completed_text",
                n=n_done,
                n_clear=n_clear_done,
                share=fmt_percent(yoy["share_this_year"], data.lang),
            )
    show_paragraph(text)
    from .casedoc import show_policy_aim  # the policy's own aim, where it has one (issue 18)

    show_policy_aim(data, area)
    counts = [int(row[f"level_{lv}"]) for lv in range(4)]
    levels = [f"{lv} {_t(data, f'level.{lv}')}" for lv in range(4)]
    alt = _t(
        data,
        "chart.alt_level_bar",
        area=name,
        counts="; ".join(f"{t}: {n}" for t, n in zip(levels, counts, strict=True)),
    )
    show_level_bar(counts, levels, _t(data, "areas.level_bar", area=name), alt)
    examples = tables.area_examples(data, area)
    if not examples.empty:
        show_table(examples, _t(data, "areas.examples", area=name), lang=data.lang)


def show_administrations(data: ReportData) -> None:
    """Coverage (which administrations work internationally) and the area heatmap with n."""
    heading(_t(data, "section.administrations"), anchor=anchor("administrations"))
    if _nothing_to_show(data):
        return
    show_paragraph(_t(data, "administrations.intro"))
    show_table(tables.coverage_table(data), _t(data, "administrations.coverage"), lang=data.lang)
    matrix = tables.matrix_table(data)
    title = _t(data, "administrations.heatmap")
    show_paragraph(_t(data, "administrations.heatmap_text"))
    n = data.matrix["n_activities"].astype(int).tolist()
    _chart(charts.heatmap(matrix, n, data.lang, title, _t(data, "col.n_activities")))
    heading(_t(data, "administrations.resources"), level=3, anchor="resources")
    show_paragraph(_t(data, "administrations.resources_text"))
    show_paragraph(_t(data, "rounding.rule"))
    sek = "integer"  # the headers say (kr)
    show_table(
        tables.resources_table(data),
        _t(data, "administrations.resources"),
        lang=data.lang,
        number_format={
            _t(data, "col.budget_sek"): sek,
            _t(data, "col.external_funding_sek"): sek,
            _t(data, "col.own_funding_sek"): sek,
        },
    )


def show_funding(data: ReportData) -> None:
    """External funding, its sources and the EU share."""
    heading(_t(data, "section.funding"), anchor=anchor("funding"))
    if _nothing_to_show(data):
        return
    by_source = tables.funding_by_source(data)
    if by_source.empty:
        show_paragraph(_t(data, "funding.none"))
        return
    title = _t(data, "funding.chart_title")
    values = tables.funding_chart_values(data)
    if len(values):
        _chart(charts.bars(values, data.lang, title, unit=_t(data, "col.external_funding_sek")))
    show_paragraph(_t(data, "funding.table_note", n=int(data.funding.totals["n_activities"])))
    show_table(by_source, title, lang=data.lang)
    show_paragraph(_t(data, "rounding.rule"))


def show_partners(data: ReportData) -> None:
    """Partner countries: how many partners and activities in each."""
    heading(_t(data, "section.partners"), anchor=anchor("partners"))
    if _nothing_to_show(data):
        return
    countries = tables.countries_table(data)
    if countries.empty:
        show_paragraph(_t(data, "partners.none"))
        return
    title = _t(data, "partners.chart_title")
    values = tables.countries_chart_values(data)
    chart_title = title
    if len(values) < len(countries):  # the chart shows the largest only: its title says so
        chart_title = _t(
            data, "partners.chart_title_top", title=title, n=len(values), total=len(countries)
        )
    _chart(charts.bars(values, data.lang, chart_title))
    show_table(countries, title, lang=data.lang)


def show_sdgs(data: ReportData) -> None:
    """The UN Sustainable Development Goals the activities contribute to."""
    heading(_t(data, "section.sdgs"), anchor=anchor("sdgs"))
    if _nothing_to_show(data):
        return
    table = tables.sdg_table(data)
    title = _t(data, "sdgs.chart_title")
    values = table.set_index(table.columns[0])[table.columns[1]]
    _chart(charts.bars(values[values > 0], data.lang, title))
    show_table(table, title, lang=data.lang, number_format={_t(data, "col.share"): PERCENT})


def show_over_time(data: ReportData) -> None:
    """The areas, coverage and funding across every year of the register."""
    heading(_t(data, "section.over_time"), anchor=anchor("over_time"))
    trend = tables.area_trend_table(data)
    if len(trend) < 2:
        show_paragraph(_t(data, "over_time.too_short"))
    else:
        title = _t(data, "over_time.areas")
        from ..aggregation import OUTCOME_AREAS

        names = ", ".join(_t(data, f"area.{a}") for a in OUTCOME_AREAS)
        show_paragraph(_t(data, "over_time.like_groups", areas=names))
        lines = trend.set_axis([_t(data, f"area.{a}") for a in AREAS], axis=1)
        _chart(charts.lines(lines, data.lang, title, as_percent=True))
        show_table(
            trend,
            title,
            lang=data.lang,
            index=True,
            number_format={c: PERCENT for c in trend.columns},
        )
    coverage = tables.coverage_trend_table(data)
    show_table(
        coverage,
        _t(data, "over_time.coverage"),
        lang=data.lang,
        number_format={_t(data, "col.share"): PERCENT},
    )
    show_table(
        tables.funding_trend_table(data),
        _t(data, "over_time.funding"),
        lang=data.lang,
        number_format={_t(data, "col.eu_share"): PERCENT},
    )
    twin = tables.twin_cities_table(data)
    if len(twin.columns):
        show_table(twin, _t(data, "over_time.twin_cities"), lang=data.lang, index=True)


def show_data_quality(data: ReportData) -> None:
    """The register's rejected rows and warnings of this year, in plain words."""
    heading(_t(data, "section.data_quality"), anchor=anchor("data_quality"))
    issues = tables.issues_table(data)
    if issues.empty:
        show_paragraph(_t(data, "data_quality.none_this_year", year=data.year))
    else:
        show_paragraph(_t(data, "data_quality.intro", n=len(issues)))
        show_table(
            issues,
            _t(data, "section.data_quality"),
            lang=data.lang,
            number_format={_t(data, "col.row"): "plain"},
        )
    if data.n_issues_other_years:
        show_paragraph(_t(data, "data_quality.other_years", n=data.n_issues_other_years))


def show_annex(data: ReportData) -> None:
    """Every activity of the year in one table, folded in ``<details>`` (no script needed)."""
    heading(_t(data, "section.annex"), anchor=anchor("annex"))
    show_paragraph(_t(data, "annex.intro"))
    annex = tables.annex_table(data)
    summary = _t(data, "annex.summary", n=len(annex))
    levels = [_t(data, f"col.area_short.{a}") for a in AREAS]
    caption = _t(data, "annex.heading", year=data.year)
    show_details(summary, annex, caption, lang=data.lang, vertical=levels)


def show_method(data: ReportData) -> None:
    """Rubric, parameters, indicator sources and a reproducibility line."""
    from .. import __version__

    heading(_t(data, "section.method"), anchor=anchor("method"))
    show_paragraph(_t(data, "method.intro"))
    show_table(tables.rubric_table(data), _t(data, "method.rubric"), lang=data.lang)
    show_table(tables.parameters_table(data), _t(data, "method.parameters"), lang=data.lang)
    sources = tables.sources_table(data)
    if not sources.empty:
        show_table(sources, _t(data, "method.sources"), lang=data.lang)
    register = data.register
    from zoneinfo import ZoneInfo  # the city's time, not the machine's (issue 18)

    generated = fmt_datetime(dt.datetime.now(ZoneInfo(data.settings.time_zone)), data.lang)
    show_paragraph(
        _t(data, "method.reproducibility"),
        version=__version__,
        generated=generated,
        register=register.path.name if register.path else "",
        register_hash=register.sha256[:16],
        params_hash=data.params_sha256[:16],
    )

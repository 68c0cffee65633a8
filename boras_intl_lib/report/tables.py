"""The report's tables, ready to show: localized headers and words, register text as is.

Each function takes :class:`ReportData` and returns a DataFrame whose column names are the
reader's words (from :mod:`labels`). Register text (titles, partner names) is left as data;
escaping happens where it is rendered (:mod:`display`, :mod:`excel_export`). The same tables
are shown in the report and written to its Excel workbook (:func:`all_tables`).
"""

from __future__ import annotations

import pandas as pd

from ..aggregation import active, overall_index
from ..countries import country_names
from ..i18n.formatting import programme_name
from ..i18n.labels import Lang, label
from ..settings import AREAS, CONDITIONS
from ..vocabulary import ConditionKey, count_distinct, text_keys
from .data import ReportData


def _words(prefix: str, values: pd.Series, lang: Lang) -> pd.Series:
    """Map keys (``met``) to labels (``Uppfyller förutsättningen``) under ``prefix``."""
    keys = values.astype("string")
    mapping = {k: label(f"{prefix}.{k}", lang) for k in keys.dropna().unique()}
    return keys.map(mapping).astype("string")


def _rename(frame: pd.DataFrame, lang: Lang, *columns: str | tuple[str, str]) -> pd.DataFrame:
    """Keep ``columns``, in order, under the reader's headers (labels ``col.<key>``).

    A column is named by its source name, which is also its label key, or by a pair
    ``(source name, label key)`` where the two differ.
    """
    pairs = [(c, c) if isinstance(c, str) else c for c in columns]
    out = frame[[source for source, _ in pairs]].copy()
    out.columns = [label(f"col.{key}", lang) for _, key in pairs]
    return out.reset_index(drop=True)


def key_figure_values(data: ReportData) -> list[tuple[str, float, str]]:
    """The key figures as numbers: (label key, value, format kind). One counting rule:
    cancelled activities and their partners are left out (they are counted once, as such)."""
    f = data.funding.totals
    cov = data.coverage.table
    listed = cov[cov["in_parameters"]]
    n_active = len(active(data.scores))
    return [
        ("fig.activities", n_active, "integer"),
        ("fig.cancelled", len(data.scores) - n_active, "integer"),
        ("fig.administrations", int(listed["has_activities"].sum()), "integer"),
        ("fig.partners", count_distinct(data.partners["partner_name"]), "integer"),
        ("fig.countries", int(data.partners["country_iso3"].nunique()), "integer"),
        ("fig.external_funding", float(f["external_funding_sek"]), "sek"),
        ("fig.eu_funding", float(f["eu_funding_sek"]), "sek"),
        ("fig.eu_share", float(f["eu_share_of_external"]), "percent"),
        ("fig.overall_index", overall_index(data.areas, data.settings.weights), "percent"),
    ]


def key_figures(data: ReportData) -> pd.DataFrame:
    """The year in figures: label → value (already formatted as text)."""
    from ..i18n.formatting import fmt_integer, fmt_percent, fmt_sek

    lang = data.lang
    listed = data.coverage.table[data.coverage.table["in_parameters"]]

    def text(key: str, value: float, kind: str) -> str:
        if key == "fig.administrations":
            return label("fig.n_of_m", lang, n=int(value), m=len(listed))
        if kind == "sek":  # never "0,0 mnkr" for an amount under 0,1 mnkr
            if abs(value) < 100_000:
                return fmt_sek(value, lang)
            return fmt_sek(value, lang, scale="mnkr", decimals=1)
        if kind == "percent":
            return fmt_percent(value, lang)
        return fmt_integer(value, lang)

    rows = [(k, text(k, v, kind)) for k, v, kind in key_figure_values(data)]
    if data.administration is not None:  # "1 of 1 administrations" says nothing
        rows = [(k, v) for k, v in rows if k != "fig.administrations"]
    return pd.DataFrame(
        {
            label("col.measure", lang): [label(k, lang) for k, _ in rows],
            label("col.value", lang): [v for _, v in rows],
        }
    )


def key_figures_numbers(data: ReportData) -> pd.DataFrame:
    """The key figures for the workbook: numbers as numbers (with their format kind in
    ``attrs["row_formats"]``) beside the text the report shows."""
    lang = data.lang
    rows = key_figure_values(data)
    if data.administration is not None:
        rows = [r for r in rows if r[0] != "fig.administrations"]
    shown = key_figures(data)
    frame = pd.DataFrame(
        {
            label("col.measure", lang): [label(k, lang) for k, _, _ in rows],
            label("col.value", lang): [v for _, v, _ in rows],
            label("col.as_shown", lang): shown[label("col.value", lang)].to_numpy(),
        }
    )
    frame.attrs["row_formats"] = [kind for _, _, kind in rows]
    return frame


def about_table(data: ReportData) -> pd.DataFrame:
    """The workbook's first sheet: what it is, from which register and parameters, and — for
    the bundled register — that the data is fictitious."""
    from .. import __version__

    lang, register = data.lang, data.register
    title = label("report.title", lang, scope=data.settings.city, year=data.year)
    if data.administration:
        title = f"{title}: {data.administration}"
    rows = [
        ("about.report", title),
        ("about.year", str(data.year)),
        ("about.register", register.path.name if register.path else ""),
        ("about.register_hash", register.sha256),
        ("about.params_hash", data.params_sha256),
        ("about.version", __version__),
        ("about.counting", label("about.counting_rule", lang)),
        ("about.rounding", label("rounding.rule", lang)),
    ]
    if register.is_example:
        rows.insert(0, ("about.fictitious", label("report.example_banner", lang)))
    document = getattr(data.settings, "document", None)
    if document is not None:
        rows += [
            (f"document.{k}", str(v))
            for k, v in (("reference", document.reference), ("officer", document.officer),
                         ("date", document.date))
            if v
        ]  # fmt: skip
    return pd.DataFrame(
        {
            label("col.measure", lang): [label(k, lang) for k, _ in rows],
            label("col.value", lang): [v for _, v in rows],
        }
    )


def missing_exceptions(data: ReportData) -> pd.DataFrame:
    """Partners that need an exception decision and have none — the main finding."""
    lang = data.lang
    rows = data.partners[data.partners["verdict"].astype("string") == "needs_exception"]
    counted = active(data.scores)[["activity_id", "title", "administration"]]  # as the finding
    rows = rows.merge(counted, on="activity_id")
    frame = rows.assign(
        country_name=country_names(rows["country_iso3"], lang),
        failed=_failed_conditions(rows, lang),
        basis_text=basis_words(data, rows),
    )
    return _rename(
        frame,
        lang,
        "activity_id",
        "title",
        "administration",
        ("partner_name", "partner"),
        ("country_name", "country"),
        ("failed", "failed_conditions"),
        ("basis_text", "basis"),
    )


def _rule_of(data: ReportData, cond: ConditionKey, country: pd.Series) -> tuple[str, str, float]:
    """The condition's rule as the parameters give it (indicator, op, threshold); for a
    condition of several rules, the one that decided this country."""
    rules = data.settings.screening.conditions[cond].rules
    if len(rules) == 1:
        r = rules[0]
        return r.indicator, r.op, float(r.threshold)
    return (
        str(country.get(f"{cond}_indicator", "")),
        str(country.get(f"{cond}_op", ">=")),
        float(country.get(f"{cond}_threshold", float("nan"))),
    )


def basis_words(data: ReportData, rows: pd.DataFrame) -> pd.Series:
    """Per partner row: each failed condition in words ("Kina: sluten autokrati enligt
    Regimes of the World 2025; policyn kräver minst valdemokrati")."""
    from ..indicators.words import condition_sentence

    lang = data.lang
    countries = data.evaluation.countries.set_index("iso3")
    names = country_names(rows["country_iso3"], lang)
    out = []
    for iso3, name, checks in zip(
        rows["country_iso3"], names, rows[list(CONDITIONS)].itertuples(index=False), strict=True
    ):
        if pd.isna(iso3) or iso3 not in countries.index:
            out.append("")
            continue
        country = countries.loc[iso3]
        parts = []
        for cond, check in zip(CONDITIONS, checks, strict=True):
            if str(check) != "fail":
                continue
            indicator, op, threshold = _rule_of(data, cond, country)
            value = float(pd.to_numeric(country.get(f"{cond}_value"), errors="coerce"))
            sentence = condition_sentence(
                str(name), indicator, value, country.get(f"{cond}_data_year"), op, threshold, lang
            )
            parts.append(f"{label(f'condition.{cond}', lang)} – {sentence}.")
        out.append(" ".join(parts))
    return pd.Series(out, index=rows.index, dtype="string")


def _failed_conditions(rows: pd.DataFrame, lang: Lang) -> pd.Series:
    parts = [
        rows[c].astype("string").eq("fail").map({True: label(f"condition.{c}", lang), False: ""})
        for c in CONDITIONS
    ]
    joined = (
        pd.concat(parts, axis=1)
        .astype("string")
        .agg(lambda r: ", ".join(x for x in r if x), axis=1)
        if len(rows)
        else pd.Series([], dtype="string")
    )
    return joined.astype("string")


def exceptions_in_force(data: ReportData) -> pd.DataFrame:
    """Exception decisions that cover a partner of this year's activities."""
    lang = data.lang
    used = data.partners.dropna(subset=["decision_id"])
    used = used.assign(partner_key=text_keys(used["partner_name"]))
    counts = (
        used.groupby("decision_id")
        .agg(n_partners=("partner_key", "nunique"), n_activities=("activity_id", "nunique"))
        .reset_index()
    )
    decisions = data.register.exceptions.merge(counts, on="decision_id", how="inner")
    scope = decisions["activity_id"].astype("string").fillna(label("word.all_activities", lang))
    frame = decisions.assign(
        target=decisions["partner_name"]
        .astype("string")
        .fillna(country_names(decisions["country_iso3"], lang)),
        scope=scope,
    )
    return _rename(
        frame,
        lang,
        "decision_id",
        "decision_date",
        ("target", "exception_for"),
        "scope",
        "valid_from",
        "valid_to",
        "n_partners",
        "n_activities",
    )


def foreign_partners(data: ReportData) -> pd.DataFrame:
    """This year's partners outside the home country: the ones the precondition concerns."""
    domestic = data.settings.screening.domestic_country
    return data.partners[data.partners["country_iso3"].astype("string") != domestic]


def domestic_partners(data: ReportData) -> tuple[int, int]:
    """(partners, activities) in the home country: outside the precondition."""
    domestic = data.settings.screening.domestic_country
    rows = data.partners[data.partners["country_iso3"].astype("string") == domestic]
    return count_distinct(rows["partner_name"]), int(rows["activity_id"].nunique())


def country_verdicts(data: ReportData) -> pd.DataFrame:
    """Every foreign partner country with its result per condition, in words."""
    from ..indicators.words import value_words

    lang = data.lang
    partners = foreign_partners(data)
    countries = data.evaluation.countries
    countries = countries[countries["iso3"].isin(partners["country_iso3"])]
    partners = partners.assign(partner_key=text_keys(partners["partner_name"]))
    counts = partners.groupby("country_iso3")["partner_key"].nunique()
    frame = pd.DataFrame(
        {
            "country": country_names(countries["iso3"], lang).to_numpy(),
            "n": counts.reindex(countries["iso3"]).fillna(0).astype(int).to_numpy(),
        }
    )
    for c in CONDITIONS:
        result = _words("check", countries[c], lang).to_numpy()
        indicators = [
            _rule_of(data, c, row)[0] for _, row in countries.iterrows()
        ]  # a few dozen countries at most
        values = pd.to_numeric(countries[f"{c}_value"], errors="coerce").to_numpy()
        frame[c] = [
            r if pd.isna(v) else f"{r}: {value_words(i, float(v), lang)}"
            for r, i, v in zip(result, indicators, values, strict=True)
        ]
    frame["status"] = _words("country_status", countries["status"], lang).to_numpy()
    frame = frame.sort_values("country").reset_index(drop=True)
    return _rename(
        frame,
        lang,
        "country",
        ("n", "n_partners"),
        "democracy",
        "human_rights",
        "rule_of_law",
        "status",
    )


def country_values(data: ReportData) -> pd.DataFrame:
    """The screening's codes and raw values per partner country (for the workbook)."""
    countries = data.evaluation.countries
    countries = countries[countries["iso3"].isin(data.partners["country_iso3"])]
    columns = ["iso3"]
    for c in CONDITIONS:
        columns += [
            f"{c}_{k}"
            for k in ("indicator", "value", "op", "threshold", "data_year", "edition")
            if f"{c}_{k}" in countries
        ]
    frame = countries[columns].copy()
    frame.insert(1, "country", country_names(countries["iso3"], data.lang).to_numpy())
    return frame.reset_index(drop=True)


def countries_without_data(data: ReportData) -> list[str]:
    """Foreign partner countries (names) where some condition has no indicator value to
    decide it. Domestic partners are outside the precondition, so their country is not listed."""
    countries = data.evaluation.countries
    foreign = data.partners["country_iso3"] != data.settings.screening.domestic_country
    countries = countries[countries["iso3"].isin(data.partners.loc[foreign, "country_iso3"])]
    unknown = countries[(countries[list(CONDITIONS)].astype("string") == "unknown").any(axis=1)]
    return sorted(country_names(unknown["iso3"], data.lang).tolist())


def unrecognised_countries(data: ReportData) -> list[str]:
    """Country texts of this year's partners that could not be recognised, as written."""
    rows = data.partners[data.partners["country_iso3"].isna()]
    return sorted(rows["country"].astype("string").dropna().unique().tolist())


def precondition_table(data: ReportData) -> pd.DataFrame:
    """Activities per precondition verdict."""
    frame = data.precondition.assign(
        verdict=_words("verdict", data.precondition["verdict"], data.lang)
    )
    return _rename(frame, data.lang, "verdict", "n_activities", "share")


def area_overview(data: ReportData) -> pd.DataFrame:
    """Per area: levels 0–3, share clear, the comparison with last year and target status."""
    lang = data.lang
    areas = data.areas.merge(data.year_over_year, on="area")
    frame = areas.assign(
        area_name=[label(f"area.{a}", lang) for a in areas["area"]],
        status=target_words(data).reindex(areas["area"]).to_numpy(),
        comparison=[comparison_words(data, a) for a in areas["area"]],
    )
    city: list[str | tuple[str, str]] = []
    if data.city_areas is not None:  # an administration's report: the city's share beside
        shares = data.city_areas.set_index("area")["share_clear"]
        frame["city_share"] = shares.reindex(frame["area"]).to_numpy()
        city = [("city_share", "city_share")]
    return _rename(
        frame,
        lang,
        ("area_name", "area"),
        "level_0",
        "level_1",
        "level_2",
        "level_3",
        "share_clear",
        *city,
        ("comparison", "comparison"),
        ("status", "target_status"),
    )


def comparison_words(data: ReportData, area: str) -> str:
    """ "Minskning (34 % mot 60 % bland avslutade aktiviteter)" — on like populations; the
    trend first, so that the sentence "Jämfört med föregående år: …" has one colon."""
    from ..i18n.formatting import fmt_percent

    lang = data.lang
    row = data.year_over_year.set_index("area").loc[area]
    if row["trend"] == "too_few":  # which year has too few, and how many
        low = [
            f"{y}: {int(n)}"
            for y, n in ((data.year - 1, row["n_previous_year"]), (data.year, row["n_this_year"]))
            if n < data.settings.trends.min_activities
        ]
        text = label("trend.too_few", lang, counts=", ".join(low))
        return text[:1].upper() + text[1:]
    trend = label(f"trend.{row['trend']}", lang)
    if row["trend"] in ("cannot_assess", "no_previous"):
        return trend
    return label(
        f"comparison.{row['population']}",
        lang,
        this=fmt_percent(row["share_this_year"], lang),
        previous=fmt_percent(row["share_previous_year"], lang),
        trend=trend,
    )


def target_words(data: ReportData) -> pd.Series:
    """Per area, the status against its target in words; says why when it cannot be assessed."""
    targets = data.targets.dropna(subset=["area"]).set_index("area")
    status = _words("target", targets["status"], data.lang)
    reason = targets["reason"].astype("string").fillna("")
    why = reason.map(lambda r: label(f"target_reason.{r}", data.lang) if r else "")
    return status.where(why == "", status + " (" + why.str.lower() + ")")


def level_counts(data: ReportData) -> pd.DataFrame:
    """Area × level counts for the overview chart (index = area label, columns 0–3)."""
    frame = data.areas.set_index("area")[[f"level_{lv}" for lv in range(4)]]
    frame.columns = range(4)
    frame.index = [label(f"area.{a}", data.lang) for a in frame.index]
    return frame


def area_examples(data: ReportData, area: str, n: int = 3) -> pd.DataFrame:
    """A few activities with the highest level in ``area``, with why they scored so."""
    lang = data.lang
    top = active(data.scores).sort_values([area, "activity_id"], ascending=[False, True])
    top = top[top[area] > 0].head(n)
    why = data.evaluation.explanations.set_index("activity_id")[f"{area}_why_{lang}"]
    frame = top.assign(why=why.reindex(top["activity_id"]).to_numpy())
    return _rename(frame, lang, "activity_id", "title", "administration", ("why", "explanation"))


def coverage_table(data: ReportData) -> pd.DataFrame:
    """Administrations with and without international activities this year."""
    lang = data.lang
    table = data.coverage.table
    committees = {a.name: a.committee for a in data.settings.administrations}
    frame = table.assign(
        committee=table["administration"].map(committees).astype("string"),
        has=table["has_activities"].map(
            {True: label("format.yes", lang), False: label("format.no", lang)}
        ),
    )
    return _rename(
        frame,
        lang,
        "administration",
        "committee",
        "n_activities",
        ("has", "has_international_work"),
    )


def matrix_table(data: ReportData) -> pd.DataFrame:
    """Administration × area share with a clear contribution (the heatmap), areas as columns."""
    lang = data.lang
    frame = data.matrix.set_index("administration")[list(AREAS)]
    frame.columns = [label(f"col.area_short.{a}", lang) for a in AREAS]
    frame.index.name = label("col.administration", lang)
    return frame


def matrix_with_n(data: ReportData) -> pd.DataFrame:
    """The heatmap's table with the number of activities per administration (workbook)."""
    frame = matrix_table(data).reset_index()
    frame.insert(1, label("col.n_activities", data.lang), data.matrix["n_activities"].to_numpy())
    return frame


def resources_table(data: ReportData) -> pd.DataFrame:
    """Participants and the city's own co-financing per administration, with the total."""
    lang = data.lang
    assert data.resources is not None  # built by report.data.build
    frame = data.resources.assign(
        administration=data.resources["administration"].fillna(label("word.total", lang))
    )
    return _rename(
        frame,
        lang,
        "administration",
        "n_activities",
        "participants",
        ("budget_sek", "budget_sek"),
        "external_funding_sek",
        "own_funding_sek",
    )


def twin_cities_table(data: ReportData) -> pd.DataFrame:
    """Activities with each twin city per year."""
    assert data.twin_cities is not None  # built by report.data.build
    frame = data.twin_cities.copy()
    frame.index.name = label("col.year", data.lang)
    return frame


def partner_countries(partners: pd.DataFrame, lang: Lang) -> pd.Series:
    """Each partner's country as the report names it: a recognised country by its name in
    ``lang``, one that was not recognised as the register wrote it (``country_names`` would
    say only "Okänt land"), one without any text as unknown."""
    written = partners["country"].astype("string").str.strip().replace("", pd.NA)
    return country_names(partners["country_iso3"], lang).mask(
        partners["country_iso3"].isna() & written.notna(), written
    )


def per_activity(activity_ids: pd.Series, texts: pd.Series | list[str]) -> pd.Series:
    """The distinct texts of each activity, sorted and joined by ", " (indexed by activity
    id): the countries or partners of an activity as one cell or one clause."""
    frame = pd.DataFrame({"activity_id": activity_ids.to_numpy(), "text": list(texts)})
    return (
        frame.dropna()
        .groupby("activity_id")["text"]
        .agg(lambda v: ", ".join(sorted(set(map(str, v)))))
    )


def funding_by_source(data: ReportData) -> pd.DataFrame:
    """External funding per funding source, EU marked; every counted activity is in one row
    (the city's own money and "no source given" last), and the total row equals their sum."""
    lang = data.lang
    src = data.funding.by_source
    columns = ["funding_source", "n_activities", "external_funding_sek", "eu"]
    if src.empty:
        return _rename(pd.DataFrame(columns=columns), lang, *columns)
    names = {"own": label("funding.own_source", lang), "none": label("funding.no_source", lang)}
    yes, no = label("format.yes", lang), label("format.no", lang)
    frame = src.assign(
        funding_source=[
            names.get(k) or programme_name(str(n), lang)
            for k, n in zip(src["kind"], src["funding_source"], strict=True)
        ],
        eu=[
            (yes if e else no) if k == "external" else ""
            for k, e in zip(src["kind"], src["is_eu"], strict=True)
        ],
    )
    total = pd.DataFrame(
        [
            {
                "funding_source": label("word.total", lang),
                "n_activities": int(src["n_activities"].sum()),
                "external_funding_sek": float(src["external_funding_sek"].sum()),
                "eu": "",
            }
        ]
    )
    return _rename(pd.concat([frame[columns], total], ignore_index=True), lang, *columns)


def funding_chart_values(data: ReportData) -> pd.Series:
    """The funding chart's bars, from the funding table itself: each row with external
    funding (the total row left out)."""
    table = funding_by_source(data)
    if table.empty:
        return pd.Series(dtype="float64")
    rows = table.iloc[:-1]
    values = rows.set_index(rows.columns[0])[rows.columns[2]].astype("float64")
    return values[values > 0]


#: The partner-country chart shows this many countries with most activities, and every
#: country tied with the last of them (its title then says how many of all it shows).
CHART_COUNTRIES = 15


def countries_chart_values(data: ReportData) -> pd.Series:
    """The partner-country chart's bars, from its table: activities per country (the title
    says "Aktiviteter per partnerland"), the :data:`CHART_COUNTRIES` with most activities and
    those with as many as the last of them, so that no tie is split."""
    table = countries_table(data)
    values = table.set_index(table.columns[0])[table.columns[2]]
    if len(values) <= CHART_COUNTRIES:
        return values
    return values[values >= values.iloc[CHART_COUNTRIES - 1]]


def countries_table(data: ReportData) -> pd.DataFrame:
    """Partner countries: partners and activities per country."""
    lang = data.lang
    names = country_names(data.countries["country_iso3"], lang).fillna(
        label("country.unknown", lang)
    )
    frame = data.countries.assign(country=names.to_numpy())
    return _rename(frame, lang, "country", "n_partners", "n_activities")


def sdg_table(data: ReportData) -> pd.DataFrame:
    """Activities per global goal (SDG), with the goals' names."""
    lang = data.lang
    frame = data.sdgs.assign(goal=[f"{g}. {label(f'sdg.{g}', lang)}" for g in data.sdgs["sdg"]])
    return _rename(frame, lang, ("goal", "sdg"), "n_activities", "share")


def area_trend_table(data: ReportData) -> pd.DataFrame:
    """Share with a clear contribution per area and year (years as rows)."""
    trend = data.area_trend
    if trend.empty:
        return pd.DataFrame()
    wide = trend.pivot(index="year", columns="area", values="share_clear")[list(AREAS)]
    wide.columns = [label(f"col.area_short.{a}", data.lang) for a in AREAS]
    wide.index.name = label("col.year", data.lang)
    return wide


def coverage_trend_table(data: ReportData) -> pd.DataFrame:
    """Coverage per year."""
    return _rename(
        data.coverage_trend, data.lang, "year", "n_with_activities", "n_administrations", "share"
    )


def funding_trend_table(data: ReportData) -> pd.DataFrame:
    """External and EU funding per year."""
    return _rename(
        data.funding_trend,
        data.lang,
        "year",
        "external_funding_sek",
        "eu_funding_sek",
        ("eu_share_of_external", "eu_share"),
    )


def issues_table(data: ReportData) -> pd.DataFrame:
    """Every rejected row and warning, in the reader's language."""
    lang = data.lang
    issues = data.issues
    frame = issues.assign(
        severity_text=_words("severity", issues["severity"], lang),
        reason_text=issues["reason_sv" if lang == "sv" else "reason"],
    )
    return _rename(
        frame,
        lang,
        "source",
        "row",
        "column",
        "value",
        ("severity_text", "severity"),
        ("reason_text", "reason"),
    )


def annex_table(data: ReportData) -> pd.DataFrame:
    """Every activity of the year (cancelled ones too, marked): id, title, administration,
    status, type, countries, the level in each area and the precondition verdict."""
    lang = data.lang
    scores = data.scores.sort_values("activity_id")
    partners = data.evaluation.partners
    partners = partners[partners["activity_id"].isin(scores["activity_id"])]
    countries = per_activity(partners["activity_id"], partner_countries(partners, lang))
    status = scores["status"].astype("string").fillna("ongoing")
    frame = scores.assign(
        status_text=_words("status", status, lang).to_numpy(),
        type_text=_words("activity_type", scores["activity_type"], lang).to_numpy(),
        countries=countries.reindex(scores["activity_id"]).to_numpy(),
        verdict_text=_words("verdict", scores["precondition"], lang).to_numpy(),
    )
    cancelled = status.eq("cancelled").to_numpy()
    frame.loc[cancelled, "verdict_text"] = label("annex.not_counted", lang)
    out = _rename(
        frame,
        lang,
        "activity_id",
        "title",
        "administration",
        ("status_text", "activity_status"),
        ("type_text", "activity_type"),
        ("countries", "countries"),
        *[(a, f"area_short.{a}") for a in AREAS],
        ("verdict_text", "verdict"),
    )
    return out


def rubric_table(data: ReportData) -> pd.DataFrame:
    """The rubric: what each level of each area requires."""
    from ..i18n.formatting import fmt_percent

    lang, sc = data.lang, data.settings.scoring
    values: dict[str, dict[str, object]] = {
        "project_collaboration": dict(
            min_partners=sc.min_partners, share=fmt_percent(sc.strong_external_share, lang)
        ),
        "societal_impact": dict(n=sc.sdgs_for_strong),
    }
    rows = []
    for a in AREAS:
        row = {"area": label(f"area.{a}", lang)}
        for lv in range(1, 4):
            fill: dict[str, object] = values.get(a, {})
            if a == "profiling":
                fill = {"n": sc.profiling_targets_for_level[lv - 1]}
            row[str(lv)] = label(f"rubric.{a}.{lv}", lang, **fill)
        rows.append(row)
    frame = pd.DataFrame(rows)
    return _rename(frame, lang, "area", ("1", "level_1"), ("2", "level_2"), ("3", "level_3"))


def parameters_table(data: ReportData) -> pd.DataFrame:
    """The parameters the report used: what each means and its value in words, with the key
    as written in the parameters file (for whoever checks or changes it)."""
    from ..i18n.formatting import fmt_percent
    from ..indicators.words import indicator_name, requirement_words

    s, lang = data.settings, data.lang
    sc = s.scoring
    rows: list[tuple[str, str, str]] = [
        ("scoring.clear_level", f"{sc.clear_level} ({label(f'level.{sc.clear_level}', lang)})",
         str(sc.clear_level)),
        ("scoring.min_partners", str(sc.min_partners), str(sc.min_partners)),
        ("scoring.strong_external_share", fmt_percent(sc.strong_external_share, lang),
         str(sc.strong_external_share)),
        ("scoring.profiling_targets_for_level",
         ", ".join(map(str, sc.profiling_targets_for_level)),
         str(list(sc.profiling_targets_for_level))),
        ("scoring.sdgs_for_strong", str(sc.sdgs_for_strong), str(sc.sdgs_for_strong)),
        ("screening.max_data_age_years", str(s.screening.max_data_age_years),
         str(s.screening.max_data_age_years)),
        ("screening.missing_data", label(f"missing_data.{s.screening.missing_data}", lang),
         s.screening.missing_data),
        ("targets.coverage",
         fmt_percent(s.targets.coverage, lang) if s.targets.coverage is not None else "–",
         str(s.targets.coverage)),
        ("twin_cities", ", ".join(t.city for t in s.twin_cities),
         ", ".join(f"{t.city} ({t.country})" for t in s.twin_cities)),
        ("weights", ", ".join(f"{label(f'area.{a}', lang)} {w:g}" for a, w in s.weights.items()),
         ", ".join(f"{a} {w:g}" for a, w in s.weights.items())),
    ]  # fmt: skip
    for cond, rule_set in s.screening.conditions.items():
        joiner = f" {label(f'combine.{rule_set.combine}', lang)} "
        words = joiner.join(
            f"{indicator_name(r.indicator, lang)}: "
            + requirement_words(r.indicator, r.op, r.threshold, lang)
            for r in rule_set.rules
        )
        code = f" {rule_set.combine} ".join(
            f"{r.source}:{r.indicator} {r.op} {r.threshold:g}" for r in rule_set.rules
        )
        rows.append((f"screening.conditions.{cond}", words, code))
    return pd.DataFrame(
        {
            label("col.parameter", lang): [_parameter_words(k, lang) for k, _, _ in rows],
            label("col.value", lang): [v for _, v, _ in rows],
            label("col.parameter_key", lang): [f"{k}: {c}" for k, _, c in rows],
        }
    )


def _parameter_words(key: str, lang: Lang) -> str:
    if key.startswith("screening.conditions."):
        cond = key.rsplit(".", 1)[1]
        return label("param.condition", lang, condition=label(f"condition.{cond}", lang))
    return label(f"param.{key}", lang)


def sources_table(data: ReportData) -> pd.DataFrame:
    """Indicator sources with attribution and licence (the credit in the report's language)."""
    from ..indicators.loaders import attribution

    frame = pd.DataFrame(data.evaluation.sources)
    if frame.empty:
        return frame
    frame["attribution"] = [
        attribution(str(source), str(edition), data.lang)[0]
        for source, edition in zip(frame["source"], frame["edition"], strict=True)
    ]
    frame["indicators"] = frame["indicators"].map(lambda v: ", ".join(map(str, v)))
    return _rename(
        frame,
        data.lang,
        ("source", "indicator_source"),
        "edition",
        "attribution",
        "licence",
        "indicators",
        "years",
    )


def all_tables(data: ReportData) -> dict[str, pd.DataFrame]:
    """Every table behind the report's charts and tables, by sheet name (for Excel)."""
    from .disagreement import disagreement_table

    lang = data.lang
    matrix, trend = matrix_with_n(data), area_trend_table(data).reset_index()
    matrix.attrs["percent_all"] = trend.attrs["percent_all"] = True
    tables = {
        "sheet.about": about_table(data),
        "sheet.key_figures": key_figures_numbers(data),
        "sheet.missing_exceptions": missing_exceptions(data),
        "sheet.exceptions": exceptions_in_force(data),
        "sheet.countries_screening": country_verdicts(data),
        "sheet.precondition": precondition_table(data),
        "sheet.areas": area_overview(data),
        "sheet.coverage": coverage_table(data),
        "sheet.matrix": matrix,
        "sheet.funding": funding_by_source(data),
        "sheet.countries": countries_table(data),
        "sheet.sdgs": sdg_table(data),
        "sheet.resources": resources_table(data),
        "sheet.twin_cities": twin_cities_table(data).reset_index(),
        "sheet.area_trend": trend,
        "sheet.coverage_trend": coverage_trend_table(data),
        "sheet.funding_trend": funding_trend_table(data),
        "sheet.data_quality": issues_table(data),
        "sheet.annex": annex_table(data),
        "sheet.country_values": country_values(data),
        "sheet.parameters": parameters_table(data),
        "sheet.sources": sources_table(data),
        "sheet.disagreement": disagreement_table(data),
    }
    return {label(k, lang): v for k, v in tables.items()}

"""Everything one report shows, computed before anything is displayed.

:func:`prepare` is the only I/O step (settings, register, indicator files); :func:`build` is
pure. The notebook calls ``prepare`` once and hands the result to the section functions of
:mod:`report_sections`; the Excel workbook beside the report is written from the same data
(:func:`report_tables.all_tables`), so what the reader sees and what they can download agree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import aggregation as agg
from ..evaluation import Evaluation, evaluate
from ..i18n.labels import Lang
from ..register.model import Register
from ..settings import Settings
from .contract import DATA_VERSION, ReportInputs


@dataclass(frozen=True)
class ReportData:
    """The inputs of one report and every aggregate computed from them."""

    year: int
    lang: Lang
    administration: str | None  # None: the whole city
    settings: Settings
    register: Register
    evaluation: Evaluation
    params_sha256: str
    scores: pd.DataFrame  # this year's activities (and administration), scored
    all_scores: pd.DataFrame  # every year (and administration)
    activities: pd.DataFrame  # this year's accepted activity rows
    all_activities: pd.DataFrame  # every year's accepted activity rows
    partners: pd.DataFrame  # the screened partners of this year's counted activities
    areas: pd.DataFrame  # aggregation.area_summary
    year_over_year: pd.DataFrame
    targets: pd.DataFrame
    matrix: pd.DataFrame  # administration × area, share of activities with a clear contribution
    coverage: agg.Coverage
    funding: agg.FundingSummary
    countries: pd.DataFrame  # partner countries with counts
    sdgs: pd.DataFrame
    precondition: pd.DataFrame
    area_trend: pd.DataFrame
    coverage_trend: pd.DataFrame
    funding_trend: pd.DataFrame
    statuses: pd.Series  # counted activities per status (planned, ongoing, completed)
    issues: pd.DataFrame  # register issues of this year (and those whose year is unknown)
    n_issues_other_years: int  # register issues that concern other years
    city_areas: pd.DataFrame | None = None  # the whole city's area_summary (per-administration)
    resources: pd.DataFrame | None = None  # participants and own co-financing per administration
    twin_cities: pd.DataFrame | None = None  # activities per twin city and year

    @property
    def administrations(self) -> list[str]:
        """The administrations this report covers."""
        if self.administration is not None:
            return [self.administration]
        return self.settings.administration_names

    @property
    def is_baseline(self) -> bool:
        """True for a year before the policy's adoption year: the same measures, but no action
        is required by a rule not yet in force (docs/methodology.md, "The policy in force")."""
        policy = self.settings.policy
        return policy is not None and self.year < policy.adopted.year

    @property
    def is_empty(self) -> bool:
        """True when the year has no (non-cancelled) activities."""
        return agg.active(self.scores).empty


def prepare(
    year: int,
    register_path: str | Path | None,
    params_path: str | Path | None,
    lang: Lang = "sv",
    administration: str | None = None,
) -> ReportData:
    """Load settings, register and indicators for one report, then :func:`build` it."""
    from ..register.load import load_example_register, load_register
    from ..settings import default_parameters_path, load_settings

    params = Path(params_path) if params_path else default_parameters_path(year)
    settings = load_settings(params)
    if register_path:
        register = load_register(register_path, settings)
    else:
        register = load_example_register(settings)
    params_sha = hashlib.sha256(params.read_bytes()).hexdigest()
    return build(register, settings, year, lang, administration or None, params_sha)


def load(
    data_path: str | Path,
    year: int,
    lang: Lang = "sv",
    administration: str | None = None,
    register_path: str | Path | None = None,
    params_path: str | Path | None = None,
) -> ReportData:
    """The report notebook's one data call.

    With ``data_path`` (set by ``boras-intl report``): the year's inputs the parent evaluated
    once (:class:`~.contract.ReportInputs`), filtered here to one administration if given.
    Without it (the notebook opened by hand): :func:`prepare` from the register and
    parameters files.
    """
    if not data_path:
        return prepare(year, register_path, params_path, lang, administration)
    inputs = read_inputs(data_path)
    return build(
        inputs.register,
        inputs.settings,
        year,
        lang,
        administration or None,
        inputs.params_sha256,
        evaluation=inputs.evaluation,
    )


def read_inputs(path: str | Path, wait: float = 600.0) -> ReportInputs:
    """Unpickle the private data file the parent wrote for this run (never a file from
    elsewhere: pickle runs code).

    The parent may start the kernel before the data is ready (the kernel boots and imports
    meanwhile); the file appears complete, at once, so this waits up to ``wait`` seconds.
    """
    import pickle
    import time

    deadline = time.monotonic() + wait
    while not Path(path).exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    with open(path, "rb") as f:
        inputs = pickle.load(f)
    if not isinstance(inputs, ReportInputs) or inputs.version != DATA_VERSION:
        raise TypeError(f"{path} is not a report data file of this version of boras-intl")
    return inputs


def build(
    register: Register,
    settings: Settings,
    year: int,
    lang: Lang = "sv",
    administration: str | None = None,
    params_sha256: str = "",
    indicators: pd.DataFrame | None = None,
    evaluation: Evaluation | None = None,
) -> ReportData:
    """Compute every aggregate of the report for ``year`` (and one administration, if given).

    ``evaluation`` is the year's evaluation of the whole register when the caller has it
    (``boras-intl report`` evaluates each year once, in the parent); else it is computed here.
    """
    if evaluation is None:
        evaluation = evaluate(register, settings, indicators, year)
    all_scores = _merge_text(evaluation.scores, register.activities)
    city_areas = None
    if administration is not None:
        city = agg.for_year(all_scores, year)
        city_areas = agg.area_summary(city, settings.scoring.clear_level)
    all_activities = register.activities
    if administration is not None:
        all_scores = all_scores[all_scores["administration"] == administration]
        all_activities = all_activities[all_activities["administration"] == administration]
    scores = agg.for_year(all_scores, year)
    activities = agg.for_year(all_activities, year)
    # One counting rule: cancelled activities (and so their partners) are left out of every
    # figure and table; they are counted once, as cancelled.
    counted_ids = agg.active(scores)["activity_id"]
    partners = evaluation.partners[evaluation.partners["activity_id"].isin(counted_ids)]
    issues, n_other = issues_of_year(register, year, administration)
    admins = [administration] if administration else settings.administration_names
    sc, tg = settings.scoring, settings.targets
    # Over time: from the register's first year up to the report year, even when the report
    # year itself has no activities (it then shows as a year with none, not as missing).
    first = int(all_activities["year"].min()) if len(all_activities) else year
    years = range(min(first, year), year + 1)
    areas = agg.area_summary(scores, sc.clear_level)
    coverage = agg.coverage(all_activities, admins, year)
    return ReportData(
        year=year,
        lang=lang,
        administration=administration,
        settings=settings,
        register=register,
        evaluation=evaluation,
        params_sha256=params_sha256,
        scores=scores,
        all_scores=all_scores,
        activities=activities,
        all_activities=all_activities,
        partners=partners,
        areas=areas,
        year_over_year=agg.year_over_year(
            all_scores,
            year,
            sc.clear_level,
            tg.trend_tolerance,
            settings.trends.min_activities,
            previous_in_register=bool((register.activities["year"] == year - 1).any()),
        ),
        targets=agg.target_status(areas, coverage.share, tg),
        matrix=agg.administration_matrix(scores, admins, sc.clear_level, "share_clear"),
        coverage=coverage,
        funding=agg.funding_summary(activities, sc.eu_funding_sources, sc.own_funding_sources),
        countries=agg.partner_countries(partners, scores),
        sdgs=agg.sdg_counts(activities),
        precondition=agg.precondition_summary(scores, scores),
        statuses=agg.status_counts(scores),
        issues=issues,
        n_issues_other_years=n_other,
        city_areas=city_areas,
        resources=agg.administration_resources(activities, admins),
        twin_cities=agg.twin_city_years(all_scores, years, [t.city for t in settings.twin_cities]),
        area_trend=agg.area_trend_over_years(all_scores, sc.clear_level, tg.trend_tolerance, years),
        coverage_trend=agg.coverage_over_years(all_activities, admins, tg.trend_tolerance, years),
        funding_trend=agg.funding_over_years(all_activities, sc.eu_funding_sources, years),
    )


def _row_keys(frame: pd.DataFrame) -> pd.Index:
    """Each row's identity: its row number, or (source, row) when the register has several
    workbooks or sheets (``source`` column), where the same number recurs."""
    if "source" not in frame:
        return pd.Index(frame["row"].to_numpy())
    return pd.MultiIndex.from_arrays(
        [frame["source"].astype(str).to_numpy(), frame["row"].to_numpy()]
    )


def issues_of_year(
    register: Register, year: int, administration: str | None = None
) -> tuple[pd.DataFrame, int]:
    """The register's issues that concern ``year``, and how many concern other years.

    An activity row's year is its own; a partner row's is its activity's; an exception
    decision and a row whose year cannot be told (a rejected row) are shown every year.
    """
    issues = register.issues
    if issues.empty:
        return issues, 0
    acts, parts = register.activities, register.partners
    act_year = pd.Series(acts["year"].to_numpy(), index=_row_keys(acts))
    act_admin = pd.Series(acts["administration"].to_numpy(), index=_row_keys(acts))
    by_id = pd.Series(acts["year"].to_numpy(), index=acts["activity_id"].to_numpy())
    by_id_admin = pd.Series(acts["administration"].to_numpy(), index=acts["activity_id"].to_numpy())
    part_ids = pd.Series(parts["activity_id"].to_numpy(), index=_row_keys(parts))
    rows = issues["row"].to_numpy()
    table = issues["table"].astype("string").to_numpy()
    years = pd.Series(pd.NA, index=issues.index, dtype="Int64")
    admins = pd.Series(pd.NA, index=issues.index, dtype="string")
    is_act, is_part = table == "activities", table == "partners"
    pairs = _row_keys(issues.assign(source=issues["source"].astype(str))).to_numpy()
    # several workbooks or sheets: (source, row) pairs, as the accepted rows are keyed
    act_rows = pairs if isinstance(act_year.index, pd.MultiIndex) else rows
    part_rows = pairs if isinstance(part_ids.index, pd.MultiIndex) else rows
    years[is_act] = act_year.reindex(act_rows[is_act]).to_numpy()
    admins[is_act] = act_admin.reindex(act_rows[is_act]).to_numpy()
    ids = part_ids.reindex(part_rows[is_part]).to_numpy()
    years[is_part] = by_id.reindex(ids).to_numpy()
    admins[is_part] = by_id_admin.reindex(ids).to_numpy()
    mine = years.isna() | (years == year)
    if administration is not None:
        mine &= admins.isna() | (admins == administration)
    other = ~(years.isna() | (years == year))
    return issues[mine.to_numpy(dtype=bool)], int(other.sum())


def _merge_text(scores: pd.DataFrame, activities: pd.DataFrame) -> pd.DataFrame:
    """Scores with the activity's title, type and evidence text the report quotes."""
    wanted = [
        c
        for c in ("title", "funding_source", "sdgs", "budget_sek", "external_funding_sek")
        if c in activities
    ]
    extra = activities[["activity_id", *wanted]]
    return scores.merge(extra, on="activity_id", how="left", validate="one_to_one")

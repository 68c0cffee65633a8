"""The notebooks: committed clean and thin, and both run through papermill on a real kernel.

1. Every committed notebook under ``notebooks/`` has no outputs and no execution counts, a
   first code cell tagged ``parameters``, and no ``def``, ``class`` or named ``lambda`` in a code
   cell (STYLE.md: logic lives in the library). A self-test proves the check catches each case.
2. The report notebook is executed through ``report_pipeline.render_report`` (papermill, kernel
   ``python3``, nbconvert) into a temporary folder, and the HTML's content is checked: on the
   bundled register (Swedish, English, one administration) and on small edge registers written
   here with openpyxl — a year with no activities, a register with one administration, every
   partner failing the precondition. Expected numbers are computed from the rows written here
   (or read from the bundled workbook with pandas), not through the library's loader.
3. ``notebooks/explore.ipynb`` is executed through papermill on the bundled register.

Each report takes about 5 s; every report is rendered once per session and shared.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
import pandas as pd
import papermill
import pytest
import yaml
from IPython.core.inputtransformer2 import TransformerManager
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from openpyxl import Workbook

from boras_intl_lib.i18n.formatting import fmt_percent
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register import example_register_path
from boras_intl_lib.report.sections import SECTIONS
from boras_intl_lib.runner.pipeline import render_report
from boras_intl_lib.vocabulary import AREAS

KERNEL_NAME = "python3"  # always pinned
ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
REPORT_NOTEBOOK = NOTEBOOKS / "yearly_report.ipynb"
EXPLORE_NOTEBOOK = NOTEBOOKS / "explore.ipynb"
YEAR = 2025
PARAMS = ROOT / "parameters" / f"{YEAR}.yaml"
ADMINISTRATIONS = [a["name"] for a in yaml.safe_load(PARAMS.read_text("utf-8"))["administrations"]]
ADMIN = "Kulturförvaltningen"  # the one administration of the `administration=` runs


BIDI_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))  # around register text


def norm(text: str) -> str:
    """Whitespace (including the no-break spaces of Swedish number formats) collapsed, and the
    invisible bidi isolates the report may put around names left out."""
    return " ".join(str(text).translate(BIDI_ISOLATES).split())


# --- 1. committed notebooks are clean and thin ----------------------------------------------


def committed_notebooks() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def definitions(source: str) -> list[str]:
    """Functions, classes and named lambdas a cell's source defines (IPython magics allowed)."""
    tree = ast.parse(TransformerManager().transform_cell(source))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append(f"defines function {node.name}")
        elif isinstance(node, ast.ClassDef):
            found.append(f"defines class {node.name}")
        elif isinstance(node, ast.Assign | ast.AnnAssign | ast.NamedExpr) and isinstance(
            node.value, ast.Lambda
        ):
            found.append("assigns a lambda (a function by another name)")
    return found


def hygiene_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Everything that makes a committed notebook not clean (outputs) or not thin (defs)."""
    problems = []
    code = [c for c in nb.cells if c.cell_type == "code"]
    if not code or "parameters" not in code[0].get("metadata", {}).get("tags", []):
        problems.append("the first code cell is not tagged 'parameters'")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {index} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {index} has an execution count")
        problems += [f"cell {index} {what}" for what in definitions(cell.source)]
    if "papermill" in nb.metadata:
        problems.append("the notebook carries papermill metadata (an executed copy)")
    return problems


def test_the_committed_notebooks_are_found() -> None:
    names = {p.name for p in committed_notebooks()}
    assert {"yearly_report.ipynb", "explore.ipynb"} <= names


@pytest.mark.parametrize("path", committed_notebooks(), ids=lambda p: p.name)
def test_committed_notebook_is_clean_and_thin(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert hygiene_problems(nb) == []
    assert nb.metadata["kernelspec"]["name"] == KERNEL_NAME


def _notebook(*sources: str, first_tags: tuple[str, ...] = ("parameters",)) -> Any:
    cells = [new_markdown_cell("# Title")]
    cells += [new_code_cell(s) for s in sources]
    cells[1].metadata["tags"] = list(first_tags)
    return new_notebook(cells=cells)


def test_hygiene_check_catches_outputs_counts_definitions_and_missing_parameters() -> None:
    clean = _notebook("year = 2025", "%matplotlib inline\nfrom boras_intl_lib import x\nx.f(year)")
    assert hygiene_problems(clean) == []

    executed = _notebook("year = 2025", "print(year)")
    executed.cells[2].outputs = [new_output("stream", name="stdout", text="2025\n")]
    assert hygiene_problems(executed) == ["cell 2 has outputs"]
    executed.cells[2].outputs = []
    executed.cells[2].execution_count = 3
    assert hygiene_problems(executed) == ["cell 2 has an execution count"]

    assert hygiene_problems(_notebook("year = 2025", "%time x = 1\ndef helper():\n    pass")) == [
        "cell 2 defines function helper"
    ]
    assert hygiene_problems(_notebook("year = 2025", "async def fetch():\n    pass")) == [
        "cell 2 defines function fetch"
    ]
    assert hygiene_problems(_notebook("year = 2025", "class Table:\n    pass")) == [
        "cell 2 defines class Table"
    ]
    assert hygiene_problems(_notebook("year = 2025", "share = lambda a, b: a / b")) == [
        "cell 2 assigns a lambda (a function by another name)"
    ]
    assert hygiene_problems(_notebook("year = 2025", first_tags=())) == [
        "the first code cell is not tagged 'parameters'"
    ]


# --- registers written for the edge cases -------------------------------------------------

ACTIVITY_COLUMNS = (
    "activity_id", "year", "title", "administration", "activity_type", "status", "budget_sek",
    "external_funding_sek", "funding_source", "participants", "outcome_level", "evaluated",
    "knowledge_documented", "knowledge_shared", "profiling_targets", "sustainability", "sdgs",
    "democracy_level", "contact_person", "description",
)  # fmt: skip
PARTNER_COLUMNS = ("activity_id", "partner_name", "partner_type", "city", "country")
CONTACT = "Kontakt Hemligsson"  # personal data: must never reach a report


def activity(number: int, year: int, administration: str, **values: object) -> dict:
    row = {
        "activity_id": f"T-{year}-{number:02d}",
        "year": year,
        "title": f"Testaktivitet {number} <i>{year}</i>",
        "administration": administration,
        "activity_type": "knowledge_exchange",
        "status": "completed",
        "budget_sek": 20000,
        "external_funding_sek": 0,
        "funding_source": "",
        "participants": 4,
        "outcome_level": 1,
        "evaluated": "ja",
        "knowledge_documented": "ja",
        "knowledge_shared": "nej",
        "profiling_targets": "kunskap",
        "sustainability": "social",
        "sdgs": "4; 11",
        "democracy_level": 0,
        "contact_person": CONTACT,
        "description": "Ett fiktivt testfall.",
    }
    return row | values


def partner(activity_id: str, name: str, country: str, city: str = "") -> dict:
    return {"activity_id": activity_id, "partner_name": name, "partner_type": "kommun",
            "city": city, "country": country}  # fmt: skip


def write_register(path: Path, activities: list[dict], partners: list[dict]) -> Path:
    """An .xlsx register with English sheet names and headers, and no exceptions sheet."""
    wb = Workbook()
    sheet = wb.active
    sheet.title = "activities"
    sheet.append(ACTIVITY_COLUMNS)
    for row in activities:
        sheet.append([row[c] for c in ACTIVITY_COLUMNS])
    sheet = wb.create_sheet("partners")
    sheet.append(PARTNER_COLUMNS)
    for row in partners:
        sheet.append([row[c] for c in PARTNER_COLUMNS])
    wb.save(path)
    return path


# (a) a year with no activities: the register holds 2024 only, the report is for 2025
EMPTY_YEAR_ACTIVITIES = [activity(n, 2024, "Kulturförvaltningen") for n in (1, 2, 3)]
EMPTY_YEAR_PARTNERS = [
    partner(a["activity_id"], "Vejle Kommune", "Danmark", "Vejle") for a in EMPTY_YEAR_ACTIVITIES
]

# (b) every activity belongs to one administration (a whole-city report)
ONE_ADMIN = "Miljöförvaltningen"
ONE_ADMIN_ACTIVITIES = [activity(n, YEAR, ONE_ADMIN) for n in (1, 2, 3, 4)] + [
    activity(5, YEAR, ONE_ADMIN, status="inställd"),
    activity(1, 2024, ONE_ADMIN),
]
ONE_ADMIN_PARTNERS = [
    partner(a["activity_id"], name, country)
    for a in ONE_ADMIN_ACTIVITIES
    for name, country in (("Aarhus Kommune", "DK"), ("Tampereen kaupunki", "Finland"))
]

# (c) every partner is in a country that fails the precondition; no exception decisions
FAILING_ACTIVITIES = [
    activity(n, YEAR, admin)
    for n, admin in enumerate(["Kulturförvaltningen"] * 3 + ["Tekniska förvaltningen"] * 2, 1)
]
FAILING_PARTNERS = [
    partner("T-2025-01", "Shaoxing Textile City", "Kina"),
    partner("T-2025-01", "Moskvas stadsförvaltning", "Ryssland"),
    partner("T-2025-02", "Istanbul Büyükşehir Belediyesi", "Turkiet"),
    partner("T-2025-03", "Keqiao District", "CN"),
    partner("T-2025-04", "Sankt Petersburgs stad", "RUS"),
    partner("T-2025-05", "Izmir Büyükşehir Belediyesi", "Turkey"),
    partner("T-2025-05", "Ankara Büyükşehir Belediyesi", "Turkiet"),
]


# --- the report, rendered and read back ------------------------------------------------------


class _Text(HTMLParser):
    """The text of headings, paragraphs, list items, key figures and table rows."""

    BLOCKS = frozenset({"h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "th", "td", "caption"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict, list[str]]] = []
        self.found: list[tuple[str, str, str]] = []  # (tag, id of the heading above, text)
        self.under = ""
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.row = []
        if tag in self.BLOCKS:
            self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        if tag in self.BLOCKS and self.open and self.open[-1][0] == tag:
            name, attrs, parts = self.open.pop()
            text = norm("".join(parts))
            self.found.append((name, self.under, text))
            if name in ("h1", "h2", "h3", "h4"):
                self.under = attrs.get("id") or ""
            if name in ("th", "td") and self.row is not None:
                self.row.append(text)

    def handle_data(self, data: str) -> None:
        for _, _, parts in self.open:
            parts.append(data)


@dataclass
class Report:
    """One rendered report: its HTML and the text of its elements."""

    html: str
    lang: str
    elements: list[tuple[str, str, str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def texts(self, *tags: str) -> list[str]:
        return [text for tag, _, text in self.elements if tag in tags]

    @property
    def findings(self) -> list[str]:
        """The sentences of the verdict's findings (without their severity words)."""
        import html as html_module

        found = re.findall(r'<span class="finding-text">(.*?)</span>', self.html, re.S)
        return [norm(html_module.unescape(re.sub(r"<[^>]+>", "", f))) for f in found]

    @property
    def headings(self) -> list[str]:
        return self.texts("h1", "h2", "h3")

    @property
    def key_figures(self) -> dict[str, str]:
        dts, dds = self.texts("dt"), self.texts("dd")
        return dict(zip(dts, dds, strict=True))

    def row(self, first_cell: str, width: int) -> list[str]:
        """The one table row of ``width`` cells that starts with ``first_cell``."""
        matches = [r for r in self.rows if len(r) == width and r[0] == first_cell]
        assert len(matches) == 1, f"expected one row starting {first_cell!r}: {matches}"
        return matches[0]

    def t(self, key: str, **values: object) -> str:
        return norm(label(key, self.lang, **values))  # type: ignore[arg-type]


def render(out: Path, *, register: Path | str = "", lang: str = "sv", admin: str = "") -> Report:
    """The report notebook → out/report-2025-<lang>.html (and .xlsx), read back."""
    result = render_report(
        REPORT_NOTEBOOK,
        {
            "year": YEAR,
            "register_path": str(register),
            "params_path": str(PARAMS),
            "lang": lang,
            "administration": admin,
        },
        out / f"report-{YEAR}-{lang}.html",
        kernel_name=KERNEL_NAME,
        timeout=120,
        lang=lang,  # type: ignore[arg-type]
        extra_outputs={"excel_path": out / f"report-{YEAR}-{lang}.xlsx"},
    )
    html = result.html.read_text(encoding="utf-8")
    parser = _Text()
    parser.feed(html)
    return Report(html, lang, parser.found, parser.rows)


@pytest.fixture(scope="session")
def bundled_sv(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return render(tmp_path_factory.mktemp("bundled-sv"))


@pytest.fixture(scope="session")
def bundled_en(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return render(tmp_path_factory.mktemp("bundled-en"), lang="en")


@pytest.fixture(scope="session")
def bundled_admin(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return render(tmp_path_factory.mktemp("bundled-admin"), admin=ADMIN)


@pytest.fixture(scope="session")
def empty_year(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("empty-year")
    register = write_register(folder / "register.xlsx", EMPTY_YEAR_ACTIVITIES, EMPTY_YEAR_PARTNERS)
    return render(folder, register=register)


@pytest.fixture(scope="session")
def one_admin(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("one-admin")
    register = write_register(folder / "register.xlsx", ONE_ADMIN_ACTIVITIES, ONE_ADMIN_PARTNERS)
    return render(folder, register=register)


@pytest.fixture(scope="session")
def all_failing(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("all-failing")
    register = write_register(folder / "register.xlsx", FAILING_ACTIVITIES, FAILING_PARTNERS)
    return render(folder, register=register)


@pytest.fixture(scope="session")
def example_activities() -> pd.DataFrame:
    """The bundled workbook's activity sheet, read with pandas (not the library's reader)."""
    return pd.read_excel(example_register_path(), sheet_name="aktiviteter", engine="openpyxl")


@pytest.fixture(scope="session")
def example_partners() -> pd.DataFrame:
    return pd.read_excel(example_register_path(), sheet_name="partner", engine="openpyxl")


def cancelled(status: pd.Series) -> pd.Series:
    return status.astype("string").str.strip().str.casefold().eq("inställd").fillna(False)


COVERAGE_WIDTH = 4  # administration, committee, activities, international work yes/no
AREAS_WIDTH = 7  # area, levels 0-3, share, comparison (no area targets: no target column)
REPORTS = ("bundled_sv", "bundled_en", "bundled_admin", "empty_year", "one_admin", "all_failing")
EXAMPLE_REPORTS = {"bundled_sv", "bundled_en", "bundled_admin"}
PYTHON_VALUE = (
    "the report shows a Python value: a notebook cell ends in an expression (e.g. a call that "
    "returns the temporary path of the Excel workbook)"
)


# --- every report ----------------------------------------------------------------------------


@pytest.mark.notebook
@pytest.mark.parametrize("name", REPORTS)
def test_report_has_every_section_language_and_no_code(
    name: str, request: pytest.FixtureRequest
) -> None:
    report: Report = request.getfixturevalue(name)
    assert f'<html lang="{report.lang}">' in report.html
    for section in SECTIONS:
        assert report.t(f"section.{section}") in report.headings, section
    assert "<script" not in report.html
    assert "Traceback" not in report.html
    for code in ("report.show_", "prepare(", "write_report_workbook", "register_path"):
        assert code not in report.html, code  # no code and no injected parameters
    assert CONTACT not in report.html  # personal data never appears
    banner = report.t("report.example_banner")
    if name in EXAMPLE_REPORTS:
        assert report.texts("p").count(banner) == 1
    else:
        assert banner not in report.texts("p")
        assert 'class="banner"' not in report.html


@pytest.mark.notebook
@pytest.mark.parametrize("name", REPORTS)
def test_report_shows_no_python_value_or_temporary_path(
    name: str, request: pytest.FixtureRequest
) -> None:
    report: Report = request.getfixturevalue(name)
    assert "PosixPath(" not in report.html, PYTHON_VALUE
    assert not re.search(r"\.tmp\.xlsx", report.html), PYTHON_VALUE


# --- the bundled register --------------------------------------------------------------------


@pytest.mark.notebook
def test_bundled_report_counts_this_years_activities(
    bundled_sv: Report, example_activities: pd.DataFrame, example_partners: pd.DataFrame
) -> None:
    rows = example_activities[example_activities["år"] == YEAR]
    n_cancelled = int(cancelled(rows["status"]).sum())
    figures = bundled_sv.key_figures
    assert figures[bundled_sv.t("fig.activities")] == str(len(rows) - n_cancelled)
    assert figures[bundled_sv.t("fig.cancelled")] == str(n_cancelled)
    assert bundled_sv.headings[0] == bundled_sv.t("report.title", scope="Borås", year=YEAR)
    # the deliberate finding of the example register: the profiling visit to China in 2025
    # has no exception decision (scripts/make_example_register.py)
    china = example_partners["land"].astype("string").str.casefold().isin(["kina", "cn", "china"])
    ids = set(example_partners.loc[china, "aktivitets_id"]) & set(rows["aktivitets_id"])
    assert len(ids) == 1
    findings = bundled_sv.findings
    assert bundled_sv.t("finding.needs_exception", n=len(ids)) in findings


@pytest.mark.notebook
def test_english_report_uses_english_labels(bundled_en: Report) -> None:
    assert bundled_en.headings[0] == bundled_en.t("report.title", scope="Borås", year=YEAR)
    for section in SECTIONS:
        swedish = norm(label(f"section.{section}", "sv"))
        assert swedish not in bundled_en.headings, section
    assert bundled_en.t("finding.needs_exception", n=1) in bundled_en.findings
    assert "Sammanfattning" not in bundled_en.html


@pytest.mark.notebook
def test_one_administration_report_of_the_bundled_register(
    bundled_admin: Report, example_activities: pd.DataFrame
) -> None:
    rows = example_activities[
        (example_activities["år"] == YEAR) & (example_activities["förvaltning"] == ADMIN)
    ]
    n_cancelled = int(cancelled(rows["status"]).sum())
    report = bundled_admin
    assert report.headings[0] == report.t("report.title_administration", scope=ADMIN, year=YEAR)
    figures = report.key_figures
    assert figures[report.t("fig.activities")] == str(len(rows) - n_cancelled)
    assert figures[report.t("fig.cancelled")] == str(n_cancelled)
    assert report.t("fig.administrations") not in figures  # "1 of 1" would say nothing
    coverage = report.row(ADMIN, COVERAGE_WIDTH)
    assert coverage[2] == str(len(rows) - n_cancelled)
    for other in ADMINISTRATIONS:
        if other != ADMIN:
            assert other not in report.html, other


# --- (a) a year with no activities -----------------------------------------------------------


@pytest.mark.notebook
def test_year_without_activities(empty_year: Report) -> None:
    report = empty_year
    assert {a["year"] for a in EMPTY_YEAR_ACTIVITIES} == {YEAR - 1}
    assert report.findings == [report.t("finding.no_activities", year=YEAR)]
    # issue 17: one sentence per section instead of key figures and tables of zeros, and no
    # "every activity has a valid decision" when there was nothing to assess
    assert not report.key_figures
    paragraphs = report.texts("p")
    nothing = report.t("section.nothing_this_year", year=YEAR)
    assert paragraphs.count(nothing) == 6
    assert report.t("precondition.nothing_to_assess") in paragraphs
    assert report.t("precondition.none_missing") not in paragraphs
    assert report.t("areas.table") not in report.html  # no table of zeros per area


# --- (b) a register whose activities all belong to one administration -------------------------


@pytest.mark.notebook
def test_register_with_one_administration(one_admin: Report) -> None:
    report = one_admin
    this_year = [a for a in ONE_ADMIN_ACTIVITIES if a["year"] == YEAR]
    n_active = sum(a["status"] != "inställd" for a in this_year)
    others = [a for a in ADMINISTRATIONS if a != ONE_ADMIN]
    figures = report.key_figures
    assert figures[report.t("fig.activities")] == str(n_active)
    assert figures[report.t("fig.cancelled")] == str(len(this_year) - n_active)
    assert figures[report.t("fig.administrations")] == report.t(
        "fig.n_of_m", n=1, m=len(ADMINISTRATIONS)
    )
    partners = {p["partner_name"] for p in ONE_ADMIN_PARTNERS}
    assert figures[report.t("fig.partners")] == str(len(partners))
    # the verdict's assessment claims completeness only because every activity was assessed
    paragraphs = report.texts("p")
    assert any(report.t("finding.no_missing_exception") in p for p in paragraphs)
    share = fmt_percent(1 / len(ADMINISTRATIONS), "sv")
    expected = report.t("finding.coverage", n=1, m=len(ADMINISTRATIONS), share=share)
    assert any(expected in p for p in paragraphs)
    assert report.t("finding.without_work", n=len(others)) in report.findings
    items = report.texts("li")
    assert all(other in items for other in others)  # named under that finding
    assert report.row(ONE_ADMIN, COVERAGE_WIDTH)[2:] == [str(n_active), report.t("format.yes")]
    for other in others:
        assert report.row(other, COVERAGE_WIDTH)[2:] == ["0", report.t("format.no")]


# --- (c) every partner fails the precondition ---------------------------------------------------


@pytest.mark.notebook
def test_every_partner_failing_the_precondition(all_failing: Report) -> None:
    report = all_failing
    n_activities = len({p["activity_id"] for p in FAILING_PARTNERS})
    assert n_activities == len(FAILING_ACTIVITIES)
    findings = report.findings
    assert findings[0] == report.t("finding.needs_exception", n=n_activities)
    paragraphs = report.texts("p")
    assert report.t("precondition.missing_text", n=len(FAILING_PARTNERS)) in paragraphs
    assert report.t("precondition.no_exceptions") in paragraphs
    verdicts = {v: report.row(report.t(f"verdict.{v}"), 3)[1] for v in
                ("met", "exception", "needs_exception", "unknown")}  # fmt: skip
    assert verdicts == {"met": "0", "exception": "0", "needs_exception": str(n_activities),
                        "unknown": "0"}  # fmt: skip
    # every partner is listed with its activity; the countries table fails all three countries
    for p in FAILING_PARTNERS:
        assert any(r[0] == p["activity_id"] and p["partner_name"] in r for r in report.rows), p
    not_met = report.t("country_status.not_met")
    countries = [r for r in report.rows if r and r[-1] == not_met]
    assert len(countries) == 3
    assert report.t("country_status.met") not in report.html


# --- 3. the exploration notebook ------------------------------------------------------------


def cell_text(nb: nbformat.NotebookNode, cell_id: str) -> str:
    """Everything a cell printed or displayed, as plain text."""
    (cell,) = [c for c in nb.cells if c.get("id") == cell_id]
    parts = []
    for output in cell.outputs:
        if output.output_type == "stream":
            parts.append(output.text)
        elif "data" in output:
            parts.append(output.data.get("text/plain", ""))
    return "".join(parts)


@dataclass(frozen=True)
class Explored:
    """The exploration notebook as papermill executed it, in one language."""

    nb: nbformat.NotebookNode
    lang: str

    def text(self, cell_id: str) -> str:
        return cell_text(self.nb, cell_id)

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)


@pytest.fixture(scope="session", params=["sv", "en"])
def explored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Explored:
    """The whole notebook run on the real kernel, parameters as an analyst passes them."""
    lang = request.param
    out = tmp_path_factory.mktemp(f"explore-{lang}") / "explore.ipynb"
    nb = papermill.execute_notebook(
        str(EXPLORE_NOTEBOOK),
        str(out),
        parameters={
            "year": YEAR,
            "lang": lang,
            "register_path": str(example_register_path()),
            "params_path": str(PARAMS),
            "administration": ADMIN,
            "area": "democratic_values",
        },
        kernel_name=KERNEL_NAME,
        cwd=str(NOTEBOOKS),
        progress_bar=False,
        execution_timeout=120,
    )
    return Explored(nb, lang)


@pytest.mark.notebook
def test_explore_notebook_runs_every_cell_without_error(explored: Explored) -> None:
    code = [c for c in explored.nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    stderr = [o.text for c in code for o in c.outputs if o.get("name") == "stderr"]
    assert stderr == []  # no warnings either


@pytest.mark.notebook
def test_explore_notebook_starts_from_the_report_data() -> None:
    """No library glue: one parameters cell first, the data from the report's own entry point."""
    nb = nbformat.read(EXPLORE_NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code[0].metadata.get("tags") == ["parameters"]
    assert sum("parameters" in c.metadata.get("tags", []) for c in nb.cells) == 1
    source = "\n".join(c.source for c in code)
    assert "load_report_data(" in source  # the report's entry point, from the public API
    assert "load_register" not in source and "evaluate(" not in source
    assert "what_if_changes" in code[0].source and "lang" in code[0].source
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert not [m for m in markdown if re.search(r"\{[a-z_]+\}", m)]  # no literal {year}


@pytest.mark.notebook
def test_explore_notebook_shows_the_register(
    explored: Explored, example_activities: pd.DataFrame
) -> None:
    rows = example_activities[example_activities["år"] == YEAR]
    mine = rows[rows["förvaltning"] == ADMIN]
    n_active = len(rows) - int(cancelled(rows["status"]).sum())
    assert "Register example_register.xlsx" in explored.text("load")
    issues = explored.text("issues")
    assert explored.t("explore.rejected", n=0) in issues
    assert explored.t("col.severity") in issues and explored.t("col.reason") in issues
    scores = explored.t("explore.activities", year=YEAR, n=len(rows), active=n_active)
    assert scores in explored.text("scores")
    admin = explored.t("explore.administration", administration=ADMIN, year=YEAR, n=len(mine))
    assert admin in explored.text("admin")
    clear = explored.t("explore.area_clear", area="AREA", n=999, total=n_active)
    pattern = re.escape(clear).replace("AREA", re.escape(explored.t("area.democratic_values")))
    assert re.search(pattern.replace("999", r"\d+"), explored.text("area"))
    years = sorted(example_activities["år"].unique())
    trend = explored.text("area-trend")
    assert all(str(y) in trend for y in years) and explored.t("area.twin_cities") in trend
    assert "CHN" in explored.text("countries")
    assert explored.t("col.democracy") in explored.text("countries")
    assert explored.t("verdict.needs_exception") in explored.text("verdicts")
    assert "Profileringsresa till Kina" in explored.text("needs-exception")


@pytest.mark.notebook
def test_explore_notebook_what_if_shows_what_changes(explored: Explored) -> None:
    """The default what-if (democracy one step stricter) changes some partners' verdicts, said
    in words; the shares and the chart (with its text alternative) show that change."""
    refused = explored.t("explore.refused", setting="scoring.clear_level", value=7)
    assert refused in explored.text("whatif-validate")  # clear_level 7 is not accepted
    rule = explored.text("whatif-rule")
    stricter = explored.t(
        "whatif.change.rule",
        condition=explored.t("condition.democracy"),
        new=explored.t("op.>=") + " " + explored.t("regime.3"),
        old=explored.t("op.>=") + " " + explored.t("regime.2"),
    )
    assert explored.t("explore.change", change=stricter) in rule
    found = re.escape(explored.t("explore.partners_changed", n=999)).replace("999", r"(\d+)")
    n = int(re.search(found, explored.text("whatif-partners"))[1])
    partners = explored.text("whatif-partners")
    assert n > 0
    assert explored.t("whatif.before") in partners and explored.t("whatif.after") in partners
    assert explored.t("verdict.needs_exception") in partners  # verdicts in words
    assert re.search(
        re.escape(explored.t("whatif.count.partners_changed")) + rf"\s+{n}(\n|$)", rule
    )
    shares = explored.text("whatif-clear")
    assert all(explored.t(f"area.{a}") in shares for a in AREAS)
    (chart,) = [c for c in explored.nb.cells if c.get("id") == "whatif-chart"]
    images = [o for o in chart.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1
    alt = images[0].metadata["image/png"]["alt"]
    assert alt.startswith(explored.t("whatif.alt")) and alt in explored.text("whatif-chart")


@pytest.mark.notebook
def test_explore_notebook_what_if_takes_changes_as_papermill_text(tmp_path: Path) -> None:
    """``-p what_if_changes '{…}'`` arrives as text; a change of clear_level alone changes no
    verdict, and a value the parameters file could not hold is refused, not used."""
    run = Explored(
        papermill.execute_notebook(
            str(EXPLORE_NOTEBOOK),
            str(tmp_path / "explore.ipynb"),
            parameters={"lang": "en", "what_if_changes": '{"scoring.clear_level": 3}'},
            kernel_name=KERNEL_NAME,
            cwd=str(NOTEBOOKS),
            progress_bar=False,
            execution_timeout=120,
        ),
        "en",
    )
    raised = run.t("whatif.change.clear_level", new=3, old=2)
    assert run.t("explore.change", change=raised) in run.text("whatif-rule")
    assert "Partners whose verdict changes: 0" in run.text("whatif-partners")
    with pytest.raises(papermill.PapermillExecutionError, match="ParametersError"):
        papermill.execute_notebook(
            str(EXPLORE_NOTEBOOK),
            str(tmp_path / "refused.ipynb"),
            parameters={"what_if_changes": {"scoring.clear_level": 7}},
            kernel_name=KERNEL_NAME,
            cwd=str(NOTEBOOKS),
            progress_bar=False,
            execution_timeout=120,
        )

"""Personal data in the register (contact persons, e-mail addresses) reaches no output.

The register's ``contact_person`` column holds names and e-mail addresses of city employees.
No file the toolkit writes may contain them: not the HTML reports, not the executed notebooks,
not the Excel workbooks (every XML part of the zip is read), not the score CSV files — and not
what the commands print (stdout, stderr with the log lines of ``-v``). Checked for the bundled
example register (contacts ``…@exempel.boras.se``) and for the hostile register, whose contact
cells also carry markup around the address.

Register contents must not travel as papermill parameters either, since papermill writes its
parameters into the executed notebook: the injected cell holds only the year, paths, the
language, the administration and the Excel path.
"""

from __future__ import annotations

import ast
import html
import json
import re
import zipfile
from pathlib import Path

import nbformat
import pytest
from fixtures import report_runs as runs
from fixtures.hostile import hostile_register as h
from openpyxl import load_workbook

from tests import privacy_variants as pv
from tests.register_helpers import write_workbook

pytestmark = pytest.mark.notebook

E_MAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EXAMPLE_DOMAIN = "exempel.boras.se"
PARAMETERS = {"year", "data_path", "lang", "administration", "excel_path"}


def example_personal_data() -> list[str]:
    """Every contact name and e-mail address in the bundled example register."""
    workbook = load_workbook(runs.EXAMPLE_REGISTER, read_only=True)
    try:
        rows = workbook["aktiviteter"].iter_rows(values_only=True)
        column = next(rows).index("kontaktperson")
        cells = [row[column] for row in rows if row[column]]
    finally:
        workbook.close()
    found: set[str] = set()
    for cell in cells:
        found.update(E_MAIL.findall(cell))
        found.update(p.strip() for p in E_MAIL.sub("", cell).split(",") if p.strip())
    return sorted(found)


def readable_text(path: Path) -> str:
    """A file's text as a reader (or a tool) would see it: zips unpacked, references resolved."""
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            parts = [z.read(name).decode("utf-8", "replace") for name in z.namelist()]
        text = "\n".join(parts)
    else:
        text = path.read_bytes().decode("utf-8", "replace")
    if path.suffix == ".ipynb":  # JSON may escape non-ASCII letters as \\u00f6
        text += json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def scan(texts: dict[str, str], personal: list[str]) -> list[str]:
    """``where: what`` for every piece of personal data found (e-mail case-insensitive)."""
    found = []
    for where, text in texts.items():
        lowered = text.lower()
        for item in personal:
            if (item.lower() in lowered) if "@" in item else (item in text):
                found.append(f"{where}: {item}")
        if EXAMPLE_DOMAIN in lowered:
            found.append(f"{where}: an address at {EXAMPLE_DOMAIN}")
    return found


def outputs(*folders: Path) -> dict[str, str]:
    files = sorted(p for folder in folders for p in folder.rglob("*") if p.is_file())
    return {str(p): readable_text(p) for p in files}


def terminal(*commands: runs.Run) -> dict[str, str]:
    texts = {}
    for run in commands:
        texts[f"stdout of boras-intl {' '.join(run.args[:2])}"] = run.stdout
        texts[f"stderr of boras-intl {' '.join(run.args[:2])}"] = run.stderr
    return texts


def test_the_example_register_has_personal_data_to_look_for() -> None:
    personal = example_personal_data()
    addresses = [p for p in personal if "@" in p]
    assert len(addresses) >= 10 and all(a.endswith("@" + EXAMPLE_DOMAIN) for a in addresses)
    assert len(personal) - len(addresses) >= 10, "contact names (not only addresses)"


def test_no_output_of_the_example_register_holds_personal_data(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    commands = [
        runs.example_sv(tmp_path_factory),
        runs.example_en_per_administration(tmp_path_factory),
        runs.example_scores(tmp_path_factory),
    ]
    texts = outputs(*(run.out for run in commands))
    kinds = {Path(name).suffix for name in texts}
    assert {".html", ".ipynb", ".xlsx", ".csv"} <= kinds, f"too few kinds of output: {kinds}"
    assert len(texts) >= 15, f"expected every report, workbook and CSV: {len(texts)} files"
    texts.update(terminal(*commands))
    assert not scan(texts, example_personal_data())


def test_no_output_of_the_hostile_register_holds_personal_data(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    hostile = runs.hostile(tmp_path_factory)
    texts = outputs(hostile.report.out, hostile.scores.out)
    assert len([n for n in texts if n.endswith(".html")]) == 4
    texts.update(terminal(hostile.report, hostile.scores))
    assert not scan(texts, h.personal_data())


def test_scan_finds_personal_data_where_it_is(tmp_path: Path) -> None:
    """The scan itself works: it finds a name in HTML and an address inside an xlsx zip."""
    name, mail = h.CONTACTS[0]
    page = tmp_path / "page.html"
    page.write_text(f"<p>{html.escape(name)}</p>", encoding="utf-8")
    book = tmp_path / "book.xlsx"
    with zipfile.ZipFile(book, "w") as z:
        z.writestr("xl/sharedStrings.xml", f"<t>{mail.upper()}</t>")
    found = scan(outputs(tmp_path), h.personal_data())
    assert len(found) == 3, found  # the name, the address, and the example domain


@pytest.mark.parametrize("which", ["example-sv", "example-en", "hostile"])
def test_papermill_parameters_hold_no_register_content(
    tmp_path_factory: pytest.TempPathFactory, which: str
) -> None:
    run = {
        "example-sv": lambda: runs.example_sv(tmp_path_factory),
        "example-en": lambda: runs.example_en_per_administration(tmp_path_factory),
        "hostile": lambda: runs.hostile(tmp_path_factory).report,
    }[which]()
    notebooks = sorted(run.out.rglob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1, f"{path}: one injected-parameters cell"
        assigned = {}
        for statement in ast.parse(injected[0].source).body:
            assert isinstance(statement, ast.Assign), ast.dump(statement)
            (target,) = statement.targets
            assert isinstance(target, ast.Name)
            assigned[target.id] = ast.literal_eval(statement.value)
        assert set(assigned) == PARAMETERS
        assert set(nb.metadata["papermill"]["parameters"]) == set(assigned)
        assert isinstance(assigned["year"], int)
        # File names in the kernel's working folder: the workbook as it lies beside the
        # notebook, and the private data file the parent evaluated (no register path at all).
        assert assigned["excel_path"] == path.with_suffix(".xlsx").name
        assert assigned["data_path"] == "report-data.pickle"
        assert ".tmp" not in injected[0].source, "a temporary path was left in the notebook"


def test_no_report_output_of_a_register_seeded_with_every_variant_holds_personal_data(
    tmp_path: Path,
) -> None:
    """Issue 22 item 3: every variant of a contact's name and address in every free-text and
    id column (tests/privacy_variants.py); the report's HTML, PDF text, workbook, executed
    notebook and what the command prints hold none of them. The fast outputs (validate,
    score, the correction list) are scanned in tests/test_privacy_rules.py."""
    register = write_workbook(tmp_path / "register.xlsx", pv.tables())
    out = tmp_path / "out"
    run = runs.cli(
        "-v", "report", "--year", pv.YEAR, "--register", register,
        "--params", runs.PARAMS_2025, "--pdf", "--out", out,
    ).check()  # fmt: skip
    texts = pv.outputs(out)
    kinds = {Path(name).suffix for name in texts}
    assert {".html", ".pdf", ".xlsx", ".ipynb"} <= kinds, kinds
    html_text = next(t for n, t in texts.items() if n.endswith(f"report-{pv.YEAR}-sv.html"))
    assert pv.MARK_RE.search(html_text), "the seeded rows are shown, with marks"
    texts.update(terminal(run))
    assert not pv.found(texts)

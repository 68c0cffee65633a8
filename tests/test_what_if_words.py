"""The what-if says which change it shows (issue 19 item 7): the change in words, the counts
with their names, the activities per precondition verdict before and after, and a chart of the
change asked for — not of a fixed ``clear_level + 1``."""

from __future__ import annotations

from pathlib import Path

import pytest

from boras_intl_lib.aggregation import active, for_year
from boras_intl_lib.i18n.labels import label
from boras_intl_lib.register import load_example_register
from boras_intl_lib.scenarios import change_words, counts, counts_table, what_if, what_if_chart
from boras_intl_lib.settings import load_settings
from boras_intl_lib.vocabulary import VERDICTS

PARAMS = Path(__file__).resolve().parents[1] / "parameters" / "2025.yaml"
YEAR = 2025
CIVLIB = "screening.conditions.human_rights.rules.0.threshold"


@pytest.fixture(scope="module")
def settings():
    return load_settings(PARAMS)


@pytest.fixture(scope="module")
def register(settings):
    return load_example_register(settings)


@pytest.fixture(scope="module")
def stricter(register, settings):
    return what_if(register, settings, {CIVLIB: 0.8}, YEAR)


def test_each_change_is_said_in_words(register, settings, stricter) -> None:
    assert change_words(stricter) == [
        "Mänskliga rättigheter: kravet minst 0,80 i stället för minst 0,70"
    ]
    assert change_words(stricter, "en") == [
        "Human rights: the requirement at least 0.80 instead of at least 0.70"
    ]
    changes = {
        "screening.conditions.democracy.rules.0.op": ">",
        "scoring.clear_level": 3,
        "targets.trend_tolerance": 0.1,
    }
    result = what_if(register, settings, changes, YEAR, stricter.before.indicators)
    assert change_words(result) == [
        "Demokrati: kravet mer än valdemokrati i stället för minst valdemokrati",
        "Tydligt bidrag från nivå 3 i stället för nivå 2",
        "Inställningen targets.trend_tolerance ändrad till 0.1",
    ]


def test_the_verdict_counts_move_as_the_changed_activities_say(stricter) -> None:
    """Second way: today's counts plus the activities whose precondition changed."""
    table = stricter.verdicts.set_index("verdict")
    assert list(table.index) == list(VERDICTS)
    old = active(for_year(stricter.before.scores, YEAR))
    assert table["before"].to_dict() == {v: int((old["precondition"] == v).sum()) for v in VERDICTS}
    moved = stricter.preconditions[stricter.preconditions["activity_id"].isin(old["activity_id"])]
    for v in VERDICTS:
        flow = int((moved["after"] == v).sum()) - int((moved["before"] == v).sum())
        assert table.loc[v, "after"] - table.loc[v, "before"] == table.loc[v, "change"] == flow
    assert (table["change"] != 0).any()


def test_the_counts_have_names(stricter) -> None:
    table = counts_table(stricter)
    named = dict(zip(table.iloc[:, 0], table.iloc[:, 1], strict=True))
    assert named == {label(f"whatif.count.{k}"): v for k, v in counts(stricter).items()}
    assert named[label("whatif.count.partners_changed")] == len(stricter.partners) > 0


def test_the_chart_shows_the_change_asked_for(stricter) -> None:
    fig, alt = what_if_chart(stricter)
    assert len(fig.axes) == 2
    assert "minst 0,80 i stället för minst 0,70" in fig.texts[0].get_text().replace("\n", " ")
    assert alt.startswith(label("whatif.alt"))
    for row in stricter.verdicts.itertuples(index=False):
        verdict = label(f"verdict.{row.verdict}")
        assert (
            label("whatif.alt_verdict", verdict=verdict, before=row.before, after=row.after) in alt
        )
    assert label("whatif.alt_change", change=change_words(stricter)[0]) in alt


README = Path(__file__).resolve().parents[1] / "README.md"


def test_the_readme_what_if_examples_change_something(register, settings) -> None:
    import json
    import re

    text = README.read_text(encoding="utf-8")
    (cli,) = re.findall(r"-p what_if_changes '(\{.*?\})'", text)
    result = what_if(register, settings, json.loads(cli), YEAR)
    assert len(result.partners) > 0 and (result.verdicts["change"] != 0).any()
    (python,) = [b for b in re.findall(r"```python\n(.*?)```", text, re.S) if "what_if(" in b]
    namespace: dict = {}
    exec(compile(python, "README.md", "exec"), namespace)
    diff = namespace["diff"]
    assert len(diff.partners) > 0 and (diff.verdicts["change"] != 0).any()

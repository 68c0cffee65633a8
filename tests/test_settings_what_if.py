"""Settings.with_changes: a what-if copy that is validated like a parameters file."""

from __future__ import annotations

from pathlib import Path

import pytest

from boras_intl_lib.errors import ParametersError
from boras_intl_lib.settings import load_settings

PARAMS = Path(__file__).resolve().parents[1] / "parameters" / "2025.yaml"


@pytest.fixture(scope="module")
def settings():
    return load_settings(PARAMS)


def test_changes_apply_to_a_copy(settings) -> None:
    changed = settings.with_changes(
        {"scoring.clear_level": 3, "screening.conditions.democracy.rules.0.threshold": 3}
    )
    assert changed.scoring.clear_level == 3
    assert changed.screening.conditions["democracy"].rules[0].threshold == 3
    fresh = load_settings(PARAMS)  # the original is untouched
    assert settings.scoring.clear_level == fresh.scoring.clear_level
    assert settings.screening.conditions == fresh.screening.conditions
    assert changed.administrations == settings.administrations


def test_invalid_value_is_refused_as_a_parameters_file_would_be(settings) -> None:
    # pydantic's model_copy(update=…) accepts this silently; a what-if must not.
    with pytest.raises(ParametersError, match="clear_level"):
        settings.with_changes({"scoring.clear_level": 7})


@pytest.mark.parametrize(
    "key", ["scoring.no_such_key", "screening.conditions.democracy.rules.5.op"]
)
def test_unknown_key_is_refused(settings, key: str) -> None:
    with pytest.raises(ParametersError) as info:
        settings.with_changes({key: 1})
    # the key as the analyst wrote it, in either language
    assert info.value.message("en") == f"what-if: Unknown key '{key}'"
    assert info.value.message("sv") == f"what-if: Okänd nyckel '{key}'"

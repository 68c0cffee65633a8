"""Country resolution: every variant of issue 2 item 4, codes, and no guessing."""

from __future__ import annotations

import pandas as pd
import pycountry
import pytest
from babel import Locale

from boras_intl_lib import countries
from boras_intl_lib.countries import country_name, country_names, normalise_key, to_iso3

VARIANTS = {
    # Türkiye / Turkiet / Turkey
    "Türkiye": "TUR",
    "Turkiye": "TUR",
    "Turkiet": "TUR",
    "Turkey": "TUR",
    # Tjeckien / Czechia / Czech Republic
    "Tjeckien": "CZE",
    "Czechia": "CZE",
    "Czech Republic": "CZE",
    # Storbritannien / UK / United Kingdom
    "Storbritannien": "GBR",
    "UK": "GBR",
    "United Kingdom": "GBR",
    "Great Britain": "GBR",
    "England": "GBR",
    "Skottland": "GBR",
    # USA / United States
    "USA": "USA",
    "US": "USA",
    "United States": "USA",
    "United States of America": "USA",
    "Förenta staterna": "USA",
    # Kosovo (not in ISO 3166: XKX)
    "Kosovo": "XKX",
    "XK": "XKX",
    "XKX": "XKX",
    # World Bank and OWID codes
    "KSV": "XKX",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "ADO": "AND",
    "WBG": "PSE",
    "OWID_KOS": "XKX",
    # ISO codes, any case
    "SE": "SWE",
    "swe": "SWE",
    "fi": "FIN",
    "NOR": "NOR",
    # Swedish names (CLDR) and common variants
    "Sverige": "SWE",
    "Finland": "FIN",
    "Norge": "NOR",
    "Danmark": "DNK",
    "Tyskland": "DEU",
    "Ryssland": "RUS",
    "Russia": "RUS",
    "Russian Federation": "RUS",
    "Vitryssland": "BLR",
    "Belarus": "BLR",
    "Holland": "NLD",
    "Nederländerna": "NLD",
    "Sydkorea": "KOR",
    "South Korea": "KOR",
    "Korea, Republic of": "KOR",
    "Nordkorea": "PRK",
    "Congo (Kinshasa)": "COD",
    "Kongo-Kinshasa": "COD",
    "Congo (Brazzaville)": "COG",
    "Cote d'Ivoire": "CIV",
    "Côte d'Ivoire": "CIV",
    "Côte d’Ivoire": "CIV",
    "Elfenbenskusten": "CIV",
    "Ukraina": "UKR",
    "Serbien": "SRB",
    "Kina": "CHN",
    "Sydafrika": "ZAF",
    "Bosnien och Hercegovina": "BIH",
    "Moldavien": "MDA",
    "Island": "ISL",
    "Polen": "POL",
    "Italien": "ITA",
    "Spanien": "ESP",
}


@pytest.mark.parametrize(("text", "iso3"), sorted(VARIANTS.items()))
def test_variant_resolves(text: str, iso3: str) -> None:
    assert to_iso3(pd.Series([text])).tolist() == [iso3]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("  türkiye ", "TUR"),
        ("TURKIET", "TUR"),
        ("czech   republic", "CZE"),
        ("u.k.", "GBR"),
        ("Cote d Ivoire", "CIV"),
        ("COTE D'IVOIRE", "CIV"),
    ],
)
def test_case_spaces_accents_and_punctuation_are_ignored(text: str, iso3: str) -> None:
    assert to_iso3(pd.Series([text])).tolist() == [iso3]


@pytest.mark.parametrize(
    "text",
    [
        "Narnia",
        "Korea",
        "Kosovo-Metohija",
        "Serb",
        "Europe",
        "EU",
        "ZZ",
        "OWID_WRL",
        "CHI",
        "",
        " ",
    ],
)
def test_unknown_is_na_never_guessed(text: str) -> None:
    assert to_iso3(pd.Series([text])).isna().all()


def test_kosovo_is_not_serbia() -> None:
    """pycountry.search_fuzzy('Kosovo') gives Serbia; we must not."""
    assert to_iso3(pd.Series(["Kosovo", "Serbia"])).tolist() == ["XKX", "SRB"]


def test_vectorised_result_keeps_index_dtype_and_missing() -> None:
    values = pd.Series(
        ["Sverige", None, "Narnia", "Sverige", pd.NA, 46], index=[10, 11, 12, 13, 14, 15]
    )
    out = to_iso3(values)
    assert out.dtype == "string"
    assert out.index.tolist() == [10, 11, 12, 13, 14, 15]
    assert out.tolist() == ["SWE", pd.NA, pd.NA, "SWE", pd.NA, pd.NA]


def test_codes_only_resolution_does_not_read_names() -> None:
    out = countries.codes_to_iso3(pd.Series(["SWE", "KSV", "Sweden", "Kosovo", "PSG"]))
    assert out.tolist() == ["SWE", "XKX", pd.NA, pd.NA, pd.NA]


def test_normalise_key() -> None:
    assert normalise_key("  Côte d’Ivoire ") == "cote d ivoire"
    assert normalise_key("U.S.A.") == "usa"
    assert normalise_key("Trinidad & Tobago") == "trinidad and tobago"
    assert normalise_key("Congo (Kinshasa)") == normalise_key("Congo - Kinshasa")


def test_name_sources_never_disagree() -> None:
    """pycountry, CLDR (en, sv) and the alias table: a name means one country only."""
    iso2 = {v: k for k, v in countries._iso_countries().items()}
    seen: dict[str, str] = {}
    conflicts = []

    def add(name: str, iso3: str) -> None:
        key = normalise_key(name)
        if seen.setdefault(key, iso3) != iso3:
            conflicts.append((name, seen[key], iso3))

    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            if getattr(c, attr, None):
                add(getattr(c, attr), c.alpha_3)
    for lang in ("en", "sv"):
        for code, name in Locale(lang).territories.items():
            if code in iso2:
                add(name, iso2[code])
    for iso3, names in countries.ALIASES.items():
        for name in names:
            add(name, iso3)
    for code, iso3 in countries._code_table().items():
        add(code, iso3)
    assert conflicts == []


def test_every_iso_country_resolves_from_its_swedish_and_english_name() -> None:
    codes = sorted(countries.iso3_codes())
    for lang in ("sv", "en"):
        names = country_names(pd.Series(codes), lang)
        assert to_iso3(names).tolist() == codes


@pytest.mark.parametrize(
    ("iso3", "sv", "en"),
    [
        ("RUS", "Ryssland", "Russia"),
        ("CZE", "Tjeckien", "Czechia"),
        ("XKX", "Kosovo", "Kosovo"),
        ("GBR", "Storbritannien", "United Kingdom"),
        ("USA", "USA", "United States"),
        ("KOR", "Sydkorea", "South Korea"),
        ("COD", "Kongo-Kinshasa", "Congo (Kinshasa)"),
        ("BIH", "Bosnien och Hercegovina", "Bosnia and Herzegovina"),
        ("SWE", "Sverige", "Sweden"),
    ],
)
def test_country_name(iso3: str, sv: str, en: str) -> None:
    assert country_name(iso3) == sv
    assert country_name(iso3, "en") == en


def test_country_name_unknown_and_missing() -> None:
    assert country_name("QQQ") == "QQQ"
    assert country_name(None) == "Okänt land"
    assert country_name(None, "en") == "Unknown country"
    out = country_names(pd.Series(["SWE", None], index=[5, 6]), "en")
    assert out.tolist() == ["Sweden", "Unknown country"]
    assert out.index.tolist() == [5, 6]

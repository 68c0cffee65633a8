"""Countries: resolve what coordinators and publishers write to ISO 3166 alpha-3, and back.

Partners' countries arrive as Swedish or English names (with common variants), ISO alpha-2
or alpha-3 codes, World Bank codes (``KSV``, ``ROM``, ``ZAR`` …) or Our World in Data codes
(``OWID_KOS``). :func:`to_iso3` maps them through one lookup table built once from pycountry
(ISO code tables, and the official long names in the Swedish and English iso-codes catalogues
it ships: "Amerikas förenta stater", "Folkrepubliken Kina"), babel/CLDR (Swedish and English
display names) and a small project-owned alias table (:data:`ALIASES`). A name followed by its
code in parentheses ("Förenta staterna (USA)") is accepted when both name the same country.
Matching is exact after normalisation (case, accents, punctuation, spaces, "&"/"och"/"and",
"St."/"Saint"/"Sankt") — never fuzzy: an unknown country is ``<NA>``, never guessed
(pycountry's ``search_fuzzy`` maps "Kosovo" to Serbia). Kosovo, not in ISO 3166, uses the
user-assigned code ``XKX``.

Territories without indicator data of their own are screened with their sovereign state's
(:data:`SOVEREIGNS`, :func:`sovereign_of`): Åland with Finland's, Greenland with Denmark's.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from functools import cache

import numpy as np
import pandas as pd

from .i18n.labels import Lang

log = logging.getLogger("boras_intl")

KOSOVO = "XKX"

#: World Bank codes that differ from ISO 3166 alpha-3 (WGI, WDI).
WORLD_BANK_CODES: dict[str, str] = {
    "KSV": KOSOVO,
    "XKX": KOSOVO,
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "ADO": "AND",
    "WBG": "PSE",
    "IMY": "IMN",
}

#: Our World in Data codes that differ from ISO 3166 alpha-3. Other ``OWID_*`` codes are
#: aggregates (world, continents) or historical states and resolve to nothing.
OWID_CODES: dict[str, str] = {"OWID_KOS": KOSOVO}

#: Names and codes outside pycountry and CLDR, by ISO3. Swedish and English, old and new.
ALIASES: dict[str, tuple[str, ...]] = {
    KOSOVO: ("Kosovo", "Kosova", "XK", "XKX", "Republic of Kosovo", "Republiken Kosovo"),
    "TUR": ("Turkey", "Turkiet", "Türkiye", "Turkiye", "Republic of Turkey"),
    "CZE": ("Czech Republic", "Tjeckiska republiken", "Czechia", "Tjeckien"),
    "GBR": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "Förenade kungariket",
        "England",
        "Scotland",
        "Skottland",
        "Wales",
        "Northern Ireland",
        "Nordirland",
    ),
    "USA": ("US", "U.S.", "U.S.A.", "United States of America", "Förenta staterna"),
    "KOR": (
        "South Korea",
        "Republic of Korea",
        "Republiken Korea",
        "Korea, Rep.",
        "Sydkorea",
        "Korea (South)",
    ),
    "PRK": ("North Korea", "Korea, Dem. People's Rep.", "Korea, Dem. Rep.", "Nordkorea"),
    "RUS": ("Russia", "Ryssland", "Ryska federationen"),
    "BLR": ("Belarus", "Vitryssland", "Belarussia", "Byelorussia"),
    "NLD": ("Holland", "Nederländerna", "The Netherlands", "Netherlands"),
    "COD": (
        "Congo (Kinshasa)",
        "Congo, Dem. Rep.",
        "DR Congo",
        "DRC",
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "Kongo-Kinshasa",
        "Demokratiska republiken Kongo",
        "Zaire",
    ),
    "COG": (
        "Congo (Brazzaville)",
        "Congo, Rep.",
        "Republic of the Congo",
        "Republic of Congo",
        "Kongo-Brazzaville",
        "Republiken Kongo",
    ),
    "CIV": ("Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast", "Elfenbenskusten"),
    "MKD": ("Macedonia", "Makedonien", "North Macedonia", "Nordmakedonien", "FYROM"),
    "MDA": ("Moldova", "Moldavien", "Republic of Moldova", "Republiken Moldova"),
    "SWZ": ("Swaziland", "Eswatini"),
    "MMR": ("Burma", "Myanmar"),
    "CPV": ("Cape Verde", "Cabo Verde", "Kap Verde"),
    "TLS": ("East Timor", "Östtimor", "Timor-Leste"),
    "PSE": (
        "Palestine",
        "Palestina",
        "West Bank and Gaza",
        "State of Palestine",
        # the West Bank is Palestine in every source (docs/indicators.md); the Gaza Strip is
        # not an alias, so a publisher's Gaza row never overwrites the West Bank's values
        "West Bank",
        "Västbanken",
    ),
    "VAT": ("Vatican", "Vatican City", "Holy See", "Vatikanstaten"),
    "BIH": ("Bosnia", "Bosnien", "Bosnia-Herzegovina", "Bosnien-Hercegovina"),
    "VNM": ("Vietnam", "Viet Nam"),
    "LAO": ("Laos", "Lao PDR"),
    "SVK": ("Slovak Republic", "Slovakien"),
    "KGZ": ("Kyrgyz Republic",),
    "EGY": ("Egypt, Arab Rep.",),
    "IRN": ("Iran", "Iran, Islamic Rep."),
    "YEM": ("Yemen, Rep.",),
    "VEN": ("Venezuela", "Venezuela, RB"),
    "GMB": ("Gambia, The", "The Gambia"),
    "BHS": ("Bahamas, The", "The Bahamas"),
    "FSM": ("Micronesia", "Micronesia, Fed. Sts."),
    "HKG": ("Hong Kong SAR, China", "Hongkong"),
    "MAC": ("Macao SAR, China", "Macau"),
    "SYR": ("Syria", "Syrien"),
    "TZA": ("Tanzania",),
    "BOL": ("Bolivia",),
    "TWN": ("Taiwan", "Republic of China"),
    "GRC": ("EL",),  # the EU's code for Greece (ISO 3166 exceptionally reserved)
}

#: Territories (ISO 3166 codes of their own) → the sovereign state whose indicator data screens
#: them when they have none of their own. Self-governing states in free association (Cook
#: Islands, Niue) and disputed territories (Western Sahara) are not listed: no fallback.
SOVEREIGNS: dict[str, str] = {
    "ALA": "FIN",  # Åland
    "FRO": "DNK",  # Faroe Islands
    "GRL": "DNK",  # Greenland
    "SJM": "NOR",  # Svalbard and Jan Mayen
    "BVT": "NOR",  # Bouvet Island
    "ABW": "NLD",  # Aruba
    "CUW": "NLD",  # Curaçao
    "SXM": "NLD",  # Sint Maarten
    "BES": "NLD",  # Bonaire, Sint Eustatius and Saba
    "AIA": "GBR",  # Anguilla
    "BMU": "GBR",  # Bermuda
    "IOT": "GBR",  # British Indian Ocean Territory
    "VGB": "GBR",  # British Virgin Islands
    "CYM": "GBR",  # Cayman Islands
    "FLK": "GBR",  # Falkland Islands
    "GIB": "GBR",  # Gibraltar
    "GGY": "GBR",  # Guernsey
    "IMN": "GBR",  # Isle of Man
    "JEY": "GBR",  # Jersey
    "MSR": "GBR",  # Montserrat
    "PCN": "GBR",  # Pitcairn
    "SHN": "GBR",  # Saint Helena, Ascension and Tristan da Cunha
    "SGS": "GBR",  # South Georgia and the South Sandwich Islands
    "TCA": "GBR",  # Turks and Caicos Islands
    "ASM": "USA",  # American Samoa
    "GUM": "USA",  # Guam
    "MNP": "USA",  # Northern Mariana Islands
    "PRI": "USA",  # Puerto Rico
    "UMI": "USA",  # United States Minor Outlying Islands
    "VIR": "USA",  # United States Virgin Islands
    "ATF": "FRA",  # French Southern Territories
    "BLM": "FRA",  # Saint Barthélemy
    "GLP": "FRA",  # Guadeloupe
    "GUF": "FRA",  # French Guiana
    "MAF": "FRA",  # Saint Martin
    "MTQ": "FRA",  # Martinique
    "MYT": "FRA",  # Mayotte
    "NCL": "FRA",  # New Caledonia
    "PYF": "FRA",  # French Polynesia
    "REU": "FRA",  # Réunion
    "SPM": "FRA",  # Saint Pierre and Miquelon
    "WLF": "FRA",  # Wallis and Futuna
    "CCK": "AUS",  # Cocos (Keeling) Islands
    "CXR": "AUS",  # Christmas Island
    "HMD": "AUS",  # Heard Island and McDonald Islands
    "NFK": "AUS",  # Norfolk Island
    "TKL": "NZL",  # Tokelau
    "MAC": "CHN",  # Macao
    "HKG": "CHN",  # Hong Kong: its own values where a source has them (V-Dem, Freedom House)
}

_PUNCTUATION_DROPPED = re.compile(r"[.]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
#: Words that mean the same in country names: "och"/"&" → "and", "Saint"/"Sankt" → "st".
_SAME_WORDS = {"och": "and", "saint": "st", "sankt": "st"}
_WORDS = re.compile(r"\b(" + "|".join(_SAME_WORDS) + r")\b")
#: "Name (CODE)": a name followed by a two- or three-letter code in parentheses.
_NAME_AND_CODE = re.compile(r"^(?P<name>.+?)\s*\(\s*(?P<code>[A-Za-z]{2,3})\s*\)\s*$")


def normalise_key(text: str) -> str:
    """A matching key: accents stripped, casefolded, dots dropped, "&" and "och" read as
    "and", "Saint"/"Sankt" as "St", other punctuation to spaces, spaces collapsed.

    "Côte d’Ivoire", "Cote d'Ivoire" and "COTE D IVOIRE" all give "cote d ivoire";
    "Congo (Kinshasa)" and "Congo - Kinshasa" both give "congo kinshasa"; "U.S.A." gives "usa";
    "Bosnien & Hercegovina" and "Bosnien och Hercegovina" both give "bosnien and hercegovina".
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = _PUNCTUATION_DROPPED.sub("", plain).replace("&", " and ")
    plain = _NON_ALNUM.sub(" ", plain).strip()
    return _WORDS.sub(lambda m: _SAME_WORDS[m.group(1)], plain)


@cache
def _iso_countries() -> dict[str, str]:
    """ISO3 → alpha-2 for every current ISO 3166 country, plus Kosovo (XKX → XK)."""
    import pycountry

    table = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    table[KOSOVO] = "XK"
    return table


def iso3_codes() -> frozenset[str]:
    """Every code :func:`to_iso3` can return (current ISO 3166 alpha-3 plus XKX)."""
    return frozenset(_iso_countries())


@cache
def _code_table() -> dict[str, str]:
    """Normalised code → ISO3: ISO alpha-2/alpha-3, World Bank and OWID codes."""
    table: dict[str, str] = {}
    for iso3, iso2 in _iso_countries().items():
        table[normalise_key(iso2)] = iso3
        table[normalise_key(iso3)] = iso3
    for code, iso3 in (WORLD_BANK_CODES | OWID_CODES).items():
        table[normalise_key(code)] = iso3
    return table


@cache
def _lookup_table() -> dict[str, str]:
    """Normalised name or code → ISO3, built once. Later sources override earlier ones."""
    import pycountry
    from babel import Locale

    table: dict[str, str] = {}
    alpha2_to_iso3 = {iso2: iso3 for iso3, iso2 in _iso_countries().items()}
    swedish = _iso_catalogue("sv")
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                table[normalise_key(name)] = country.alpha_3
                table[normalise_key(swedish(name))] = country.alpha_3
    for lang in ("en", "sv"):
        for iso2, name in Locale(lang).territories.items():
            if iso2 in alpha2_to_iso3:
                table[normalise_key(name)] = alpha2_to_iso3[iso2]
    for iso3, names in ALIASES.items():
        for name in names:
            table[normalise_key(name)] = iso3
    table.update(_code_table())
    table.pop("", None)
    return table


def _iso_catalogue(lang: Lang) -> Callable[[str], str]:
    """The translation of pycountry's ISO 3166-1 names into ``lang`` (its iso-codes catalogue)."""
    import gettext

    import pycountry

    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:  # pragma: no cover - pycountry ships the Swedish catalogue
        return str


def _lookup(text: str, table: dict[str, str]) -> object:
    """One name or code → ISO3 (or ``<NA>``): exact key, else "Name (CODE)" naming one country."""
    found = table.get(normalise_key(text))
    if found is not None:
        return found
    parts = _NAME_AND_CODE.match(text)
    if parts:
        by_name = table.get(normalise_key(parts["name"]))
        by_code = _code_table().get(normalise_key(parts["code"]))
        if by_name is not None and by_name == by_code:
            return by_name
    return pd.NA


def _resolve(values: pd.Series, table: dict[str, str]) -> pd.Series:
    """Map ``values`` through ``table`` (normalised keys), looking at each distinct value once."""
    codes, uniques = pd.factorize(pd.Series(values, copy=False), use_na_sentinel=True)
    resolved = np.array(
        [_lookup(u, table) if isinstance(u, str) else pd.NA for u in uniques] + [pd.NA],
        dtype=object,
    )
    # code -1 (missing) picks the trailing <NA>
    out = pd.array(resolved[codes], dtype="string")
    index = values.index if isinstance(values, pd.Series) else None
    return pd.Series(out, index=index, name="country_iso3")


def to_iso3(values: pd.Series) -> pd.Series:
    """ISO 3166 alpha-3 codes (dtype ``string``) for country names or codes; ``<NA>`` if unknown.

    Accepts Swedish and English names and variants, ISO alpha-2/alpha-3, World Bank and OWID
    codes. Exact matching after normalisation; nothing is guessed.
    """
    return _resolve(values, _lookup_table())


def sovereign_of(iso3s: pd.Series) -> pd.Series:
    """The sovereign state of each territory in :data:`SOVEREIGNS` (``<NA>`` for the rest)."""
    return pd.Series(iso3s, copy=False).map(SOVEREIGNS).astype("string")


def codes_to_iso3(values: pd.Series) -> pd.Series:
    """Like :func:`to_iso3` for publishers' code columns: codes only, never names.

    Used by the indicator loaders, so that a code such as ``CHI`` (the World Bank's Channel
    Islands) can never be read as a country name.
    """
    return _resolve(values, _code_table())


@cache
def _display_names(lang: Lang) -> dict[str, str]:
    """ISO3 → readable short name in ``lang`` (CLDR via babel)."""
    from babel import Locale

    territories = Locale(lang).territories
    names: dict[str, str] = {}
    for iso3, iso2 in _iso_countries().items():
        name = territories.get(iso2)
        if name is None:
            import pycountry

            found = pycountry.countries.get(alpha_3=iso3)
            name = str(getattr(found, "common_name", None) or getattr(found, "name", iso3))
        names[iso3] = _readable(name) if lang == "en" else name
    return names


def _readable(name: str) -> str:
    """CLDR English made plainer: "&" → "and", "Congo - Kinshasa" → "Congo (Kinshasa)"."""
    name = name.replace(" & ", " and ")
    if " - " in name:
        head, tail = name.split(" - ", 1)
        name = f"{head} ({tail})"
    return name


def country_name(iso3: str | None, lang: Lang = "sv") -> str:
    """The country's short name in Swedish (default) or English, e.g. "Ryssland" / "Russia".

    An unknown code is returned as given; a missing one gives the label "unknown country".
    """
    if iso3 is None or iso3 is pd.NA or (isinstance(iso3, float) and np.isnan(iso3)):
        from .i18n.labels import label

        return label("country.unknown", "sv" if lang == "sv" else "en")
    return _display_names("sv" if lang == "sv" else "en").get(str(iso3).upper(), str(iso3))


def country_names(iso3s: pd.Series, lang: Lang = "sv") -> pd.Series:
    """:func:`country_name` for a column of ISO3 codes (each distinct code looked up once)."""
    codes, uniques = pd.factorize(iso3s, use_na_sentinel=True)
    names = np.array([country_name(u, lang) for u in uniques] + [country_name(None, lang)])
    return pd.Series(pd.array(names[codes], dtype="string"), index=iso3s.index, name="country_name")


def factorize_iso3(iso3: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Integer codes into the distinct ISO3 codes present; −1 for missing or not an ISO3 code.

    One hash pass over the column (against the ~250 known codes), then integer work only.
    """
    universe = pd.Index(sorted(iso3_codes()), dtype=object)
    codes = universe.get_indexer(iso3.to_numpy(dtype=object))
    present = np.flatnonzero(np.bincount(codes[codes >= 0], minlength=len(universe)))
    renumber = np.full(len(universe) + 1, -1, dtype=np.int64)  # last slot: code −1
    renumber[present] = np.arange(len(present))
    return renumber[codes], pd.Series(universe[present], dtype="string")

"""Place knowledge for datelines, written as data: US states, Canadian provinces, countries.

Only explicit text is mapped (``Fla.`` -> Florida -> US); a city on its own is
never given a country, because ``WASHINGTON`` or ``PARIS`` alone is ambiguous.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

# Postal code, full name and AP-style abbreviations of every US state and DC.
_US_STATES: dict[str, tuple[str, ...]] = {
    "AL": ("Alabama", "Ala."), "AK": ("Alaska",), "AZ": ("Arizona", "Ariz."),
    "AR": ("Arkansas", "Ark."), "CA": ("California", "Calif.", "Cal."),
    "CO": ("Colorado", "Colo."), "CT": ("Connecticut", "Conn."), "DE": ("Delaware", "Del."),
    "DC": ("District of Columbia", "D.C."), "FL": ("Florida", "Fla."), "GA": ("Georgia", "Ga."),
    "HI": ("Hawaii",), "ID": ("Idaho",), "IL": ("Illinois", "Ill."), "IN": ("Indiana", "Ind."),
    "IA": ("Iowa",), "KS": ("Kansas", "Kan.", "Kans."), "KY": ("Kentucky", "Ky."),
    "LA": ("Louisiana", "La."), "ME": ("Maine",), "MD": ("Maryland", "Md."),
    "MA": ("Massachusetts", "Mass."), "MI": ("Michigan", "Mich."), "MN": ("Minnesota", "Minn."),
    "MS": ("Mississippi", "Miss."), "MO": ("Missouri", "Mo."), "MT": ("Montana", "Mont."),
    "NE": ("Nebraska", "Neb.", "Nebr."), "NV": ("Nevada", "Nev."), "NH": ("New Hampshire", "N.H."),
    "NJ": ("New Jersey", "N.J."), "NM": ("New Mexico", "N.M.", "N.Mex."),
    "NY": ("New York", "N.Y."), "NC": ("North Carolina", "N.C."), "ND": ("North Dakota", "N.D."),
    "OH": ("Ohio",), "OK": ("Oklahoma", "Okla."), "OR": ("Oregon", "Ore.", "Oreg."),
    "PA": ("Pennsylvania", "Pa.", "Penn."), "RI": ("Rhode Island", "R.I."),
    "SC": ("South Carolina", "S.C."), "SD": ("South Dakota", "S.D."),
    "TN": ("Tennessee", "Tenn."), "TX": ("Texas", "Tex."), "UT": ("Utah",),
    "VT": ("Vermont", "Vt."), "VA": ("Virginia", "Va."), "WA": ("Washington", "Wash."),
    "WV": ("West Virginia", "W.Va.", "W. Va."), "WI": ("Wisconsin", "Wis.", "Wisc."),
    "WY": ("Wyoming", "Wyo."), "PR": ("Puerto Rico", "P.R."),
}  # fmt: skip
_CA_PROVINCES: dict[str, tuple[str, ...]] = {
    "AB": ("Alberta", "Alta."), "BC": ("British Columbia", "B.C."), "MB": ("Manitoba", "Man."),
    "NB": ("New Brunswick", "N.B."), "NL": ("Newfoundland and Labrador", "Newfoundland", "N.L."),
    "NS": ("Nova Scotia", "N.S."), "ON": ("Ontario", "Ont."),
    "PE": ("Prince Edward Island", "P.E.I."), "QC": ("Quebec", "Québec", "Que."),
    "SK": ("Saskatchewan", "Sask."), "NT": ("Northwest Territories",),
    "NU": ("Nunavut",), "YT": ("Yukon",),
}  # fmt: skip
# Country names as datelines write them that pycountry's official names miss.
_COUNTRY_ALIASES = {
    "usa": "US", "u.s.": "US", "u.s.a.": "US", "us": "US", "united states": "US",
    "uk": "GB", "u.k.": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "great britain": "GB", "britain": "GB", "northern ireland": "GB",
    "uae": "AE", "u.a.e.": "AE", "south korea": "KR", "korea": "KR", "north korea": "KP",
    "russia": "RU", "vietnam": "VN", "taiwan": "TW", "iran": "IR", "syria": "SY",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "laos": "LA", "moldova": "MD",
    "czech republic": "CZ", "turkey": "TR", "türkiye": "TR", "hong kong sar": "HK",
    "macau": "MO", "macao": "MO", "ivory coast": "CI", "the netherlands": "NL", "holland": "NL",
    "méxico": "MX", "españa": "ES", "brasil": "BR", "deutschland": "DE", "italia": "IT",
    "suisse": "CH", "schweiz": "CH", "perú": "PE", "panamá": "PA", "philippines": "PH",
}  # fmt: skip


def _key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    us = {}
    for code, names in _US_STATES.items():
        us[_key(code)] = code
        for name in names:
            us[_key(name)] = code
    ca = {}
    for code, names in _CA_PROVINCES.items():
        ca[_key(code)] = code
        for name in names:
            ca[_key(name)] = code
    countries = dict(_COUNTRY_ALIASES)
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                countries[_key(value)] = country.alpha_2
    return us, ca, countries


def us_state(text: str) -> str | None:
    return _tables()[0].get(_key(text))


def ca_province(text: str) -> str | None:
    return _tables()[1].get(_key(text))


def country_code(text: str) -> str | None:
    """ISO alpha-2 of a country written out by name (not a 2-letter code)."""
    return _tables()[2].get(_key(text))


def alpha2(text: str) -> str | None:
    """ISO alpha-2 for a 2-letter uppercase code such as ``SV``."""
    if len(text) == 2 and text.isupper() and text.isalpha():
        found = pycountry.countries.get(alpha_2=text)
        return found.alpha_2 if found is not None else None
    return None

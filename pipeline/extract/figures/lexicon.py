"""The general facts the figure readers use, loaded from ``data/figures.json``: currency symbols,
codes and words (ISO 4217), scale words, number words, units, qualifier phrases, change words."""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from .. import prebuilt

_DATA = json.loads((Path(__file__).parent.parent / "data" / "figures.json").read_text(encoding="utf-8"))


def alt(words, flags_ci=True) -> str:
    """A regex alternation of literal surfaces, longest first (so 'per cent' beats 'per')."""
    items = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s*") if " " in w else re.escape(w) for w in items)
    return f"(?i:{body})" if flags_ci else f"(?:{body})"


def _lower_map(d: dict) -> dict:
    return {re.sub(r"\s+", " ", k.lower()): v for k, v in d.items()}


CUR_SYMBOLS = _DATA["currency_symbols"]
CUR_SYMBOLS_AFTER = _DATA["currency_symbols_after"]
CUR_CODES = set(_DATA["currency_codes"])
CUR_CODE_ALIAS = _DATA["currency_code_alias"]
CUR_WORDS_SCALE = _lower_map(_DATA["currency_word_needs_scale"])


def library_currency_words(known: dict[str, str]) -> dict[str, str]:
    """Currency words from pycountry's ISO 4217 names, after the ``known`` ones: every name ("lari",
    "new israeli sheqel", "armenian dram"), with its plural in s. Funds and metals (codes in X),
    names with a note in brackets and names with a common word of ``currency_name_stops`` are left out."""
    import pycountry

    stops = set(_DATA["currency_name_stops"])
    names = [(c.alpha_3, c.name.lower()) for c in pycountry.currencies
             if not c.alpha_3.startswith("X") and "(" not in c.name]
    words = {name: code for code, name in names if not set(name.split()) & stops}
    words.update({w + "s": code for w, code in list(words.items()) if not w.endswith("s")})
    return {w: code for w, code in words.items() if w not in known and w not in CUR_WORDS_SCALE}


_HAND_CUR_WORDS = _lower_map(_DATA["currency_words"])
CUR_WORDS = {**_HAND_CUR_WORDS, **library_currency_words(_HAND_CUR_WORDS)}
SUBUNITS = _lower_map(_DATA["currency_subunits"])
SUBUNIT_SUFFIX = _DATA["currency_subunit_suffix_case_sensitive"]
SCALES = {k: v for k, v in _DATA["scales"].items() if v}
SCALE_SUFFIX = _DATA["scale_suffixes_case_sensitive"]
SCALE_SPACED = _DATA["scale_suffixes_spaced_case_sensitive"]
FRACTION_WORDS = _DATA["fraction_words"]
MULT_WORDS = _DATA["multiplier_words"]
FRACTION_MIN_ORDINAL = _DATA["fraction_min_ordinal"]
PERCENT = _lower_map(_DATA["percent"])
_HAND_UNITS = _lower_map(_DATA["units"])
UNITS_CS = _DATA["units_case_sensitive"]          # the hand abbreviations; all of them: units_cs()
UNIT_LETTERS = _DATA["unit_letters"]
UNITS_GLUED = _DATA["units_glued_only_case_sensitive"]
PER_UNIT_TIME_WORDS = _DATA["per_unit_time_words"]
RATE_NOUNS = set(_DATA["rate_nouns"])
NOT_RATE_AFTER = _DATA["not_rate_after"]
AGE_WORDS = _DATA["age_words"]
PLURAL_WORDS = _DATA["plural_nouns_without_s"]
DISTANCE_EVENTS = set(_DATA["distance_event_words"])
QUAL_BEFORE = _lower_map(_DATA["qualifiers_before"])
QUAL_AFTER = _lower_map(_DATA["qualifiers_after"])
QUAL_BEFORE_WITH_UNIT = frozenset(_DATA["qualifiers_before_with_a_unit"])
QUAL_VERBS = _DATA["qualifier_verbs"]
LIKE_COMPARISON_VERBS = frozenset(_DATA["like_comparison_verbs"])
RANGE_HEAD_WORDS = set(_DATA["range_head_words"])
INCREASE = set(_DATA["increase_words"])
DECREASE = set(_DATA["decrease_words"])
VERB_ONLY_CHANGE_WORDS = set(_DATA["verb_only_change_words"])
CONTEST_VERBS = set(_DATA["contest_verbs"])
MONTHS = set(_DATA["month_names"])
PERIOD_WORDS = set(_DATA["period_words"])
NOT_PERIOD = set(_DATA["not_period_words"])
MOTION_ALT = "|".join(sorted(set(_DATA["motion_before_up_to"]) | INCREASE, key=len, reverse=True))
CHANGE_HEAD_WORDS = INCREASE | DECREASE | set(_DATA["motion_before_up_to"]) | set(_DATA["change_head_words"])
WEEKDAYS = set(_DATA["weekdays"])
RELATIVE_WORDS = set(_DATA["relative_period_words"])
DEICTIC_DAYS = _DATA["deictic_day_words"]
DATED_SOURCE_NOUNS = set(_DATA["dated_source_nouns"])
CLOCK_WORDS_AFTER = set(_DATA["clock_words_after"])
TIME_OFFSET_UNITS = set(_DATA["time_offset_units"])
TIME_OFFSET_WORDS = set(_DATA["time_offset_words"])
TIME_OFFSET_PREPS = set(_DATA["time_offset_prepositions"])
CODE_PREFIX_OK = set(_DATA["code_prefix_ok"])
INDEX_NAMES = set(_DATA["index_names_before_number"])
RANK_WORDS = set(_DATA["rank_words_before"])
PART_WORDS_BEFORE_HALF = _DATA["part_words_before_half"]
INDEFINITE_AFTER_ONE = set(_DATA["indefinite_nouns_after_one"])
POLL_POINT_CONTEXT = _DATA["poll_point_context"]
AGE_GROUP_NOUNS = set(_DATA["age_group_nouns"])
AMOUNT_TAKING_VERBS = set(_DATA["amount_taking_verbs"])
SUBJECT_MEASURE_VERBS = set(_DATA["subject_measure_verbs"])
COUNT_LEVEL_VERBS = set(_DATA["count_level_verbs"])
BARE_AMOUNT_NOUNS = set(_DATA["bare_amount_nouns"])
SHARE_VERBS = set(_DATA["share_verbs"])
SET_DETERMINERS = set(_DATA["set_determiners_before_count"])
PARTITIVE_PRONOUNS = set(_DATA["partitive_pronouns"])
SPEAKER_PRONOUNS = set(_DATA["speaker_partitive_pronouns"])
VOTE_WORDS = set(_DATA["vote_words"])
SIZE_NOUNS = set(_DATA["size_nouns"])
MONEY_IN_IDIOMS = set(_DATA["money_in_idioms"])
MONEY_PLACING_VERBS = set(_DATA["money_placing_verbs"])
INDEX_POINT_CONTEXT = _DATA["index_point_context"]
GAME_POINT_VERBS = set(_DATA["game_point_verbs"])
GAME_POINT_NOUNS = set(_DATA["game_point_nouns"])
STREET_WORDS = set(_DATA["street_words"])
NAME_ENTS = set(_DATA["name_entity_labels"])
QUAKE_WORDS = set(_DATA["quake_words"])
MEGAPIXEL_CONTEXT = set(_DATA["megapixel_context"])
DIAL_VERBS = set(_DATA["dial_verbs"])
SCORE_WORDS = set(_DATA["score_words_before_to"])
STERLING_MARKS = tuple(_DATA["sterling_marks"])
COMPOUND_UNITS = _DATA["compound_units"]
SUBUNIT_NAMES = set(SUBUNITS.values()) | set(SUBUNIT_SUFFIX.values())
SINGLE_LETTER_UNITS = {k for k in UNITS_CS if len(k) == 1}


# ------------------------------------------------------------------ unit words from pint
@cache
def unit_registry():
    """pint's UnitRegistry, built once on first use (import and build: about 0.7 s of CPU; no disk cache)."""
    import pint

    return pint.UnitRegistry()


def _pint_unit(ureg, spelling: str) -> tuple[str, str] | None:
    """(prefix, unit) that pint reads ``spelling`` as, when it reads it one way only."""
    try:
        found = ureg.parse_unit_name(spelling)
    except (ValueError, AttributeError):
        return None
    return found[0][:2] if len(found) == 1 else None


def _plural(word: str) -> str:
    """The English plural in s of a unit name ("mile" -> "miles", "inch" -> "inches", "century" -> "centuries")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _spellings(ureg, prefix: str, unit: str) -> set[str]:
    """The word spellings of one pint unit: its name and aliases after the prefix, with their plurals
    where pint reads them back as the same unit (the last word takes the s; none for a rate "X per Y"
    or a word of ``unit_words_without_plural``); multi-word names with spaces and with hyphens."""
    d = ureg._units[unit]
    no_plural = set(_DATA["unit_words_without_plural"])
    out = set()
    for name in (d.name, *d.aliases):
        if min(len(part) for part in name.split("_")) < 3 or not name.replace("_", "").isalpha():
            continue                              # symbols and short aliases: see units_case_sensitive
        word = prefix + name
        last = word.lower().rsplit("_", 1)[-1]
        forms = [word] if last in no_plural or "_per_" in word else [word, _plural(word)]
        out.update(f.replace("_", " ").lower() for f in forms if _pint_unit(ureg, f) == (prefix, unit))
    return out | {w.replace(" ", "-") for w in out if " " in w}


def library_unit_words() -> dict[str, str]:
    """Unit spellings from pint for the units of ``library_units`` (allow-list: pint name -> the unit
    name of the data contract), without ``library_unit_stops``."""
    ureg = unit_registry()
    stops = set(_DATA["library_unit_stops"])
    words: dict[str, str] = {}
    for pint_name, name in _DATA["library_units"].items():
        found = _pint_unit(ureg, pint_name)
        if found is None:
            continue
        for w in _spellings(ureg, *found):
            words.setdefault(w, name)
    return {w: name for w, name in words.items() if w not in stops}


@cache
def units_ci() -> dict[str, str]:
    """Unit words (lowercase spelling -> unit name): pint's, and the hand ``units`` it lacks or reads
    otherwise ("kilos", "amps", "square kilometres", "miles an hour", "magnitude"); kept between runs by
    ``prebuilt`` (pint is then not imported at all)."""
    return prebuilt.value("figures.units_ci", lambda: {**library_unit_words(), **_HAND_UNITS})


def _dimensioned_units() -> frozenset[str]:
    ureg = unit_registry()
    out = set()
    for pint_name, name in _DATA["library_units"].items():
        try:
            if not ureg.parse_units(pint_name).dimensionless:
                out.add(name)
        except (ValueError, AttributeError):
            continue
    return frozenset(out)


@cache
def dimensioned_units() -> frozenset[str]:
    """The unit names of ``library_units`` that pint gives a physical dimension (length, time, mass, volume,
    temperature, power...): not degree, bit, byte or decade, whose words have other senses ("two associate
    degrees", "one salient bit"); kept between runs by ``prebuilt``."""
    return prebuilt.value("figures.dimensioned_units", _dimensioned_units)


def library_unit_symbols() -> dict[str, str]:
    """Unit symbols of two or more characters from pint for the units of ``library_units`` ("km",
    "kWh", "GHz", "°C", "bbl"), when pint reads them back one way only ("ft", "pt", "Pa" it does not),
    without ``library_symbol_stops``; one-letter symbols are not taken (pint's "a", "d", "s", "C", "F"
    are no units in news: see ``unit_letters``)."""
    ureg = unit_registry()
    stops = set(_DATA["library_symbol_stops"])
    out: dict[str, str] = {}
    for symbol, name, found in _library_symbols():
        if len(symbol) > 1 and symbol not in stops and _pint_unit(ureg, symbol) == found:
            out[symbol.replace("_", " ")] = name
    return out


def _library_symbols():
    """(pint's symbol, the contract's unit name, pint's (prefix, unit)) for each unit of ``library_units`` pint reads
    one way only."""
    ureg = unit_registry()
    for pint_name, name in _DATA["library_units"].items():
        found = _pint_unit(ureg, pint_name)
        if found:
            yield ureg.get_symbol(pint_name), name, found


def _one_letter_symbols() -> dict[str, str]:
    out: dict[str, str] = {}
    for symbol, name, _ in _library_symbols():
        if len(symbol) == 1:
            out.setdefault(symbol, name)
    return out


@cache
def slash_denominators() -> dict[str, str]:
    """Unit symbols a rate takes after a slash ("8 m/s", "60 km/s", "3 mg/L"): the case-sensitive units and
    pint's one-letter symbols of ``library_units`` ("s" second, "h" hour), which read as units only there (see
    ``library_unit_symbols``); kept between runs by ``prebuilt``."""
    return {**prebuilt.value("figures.one_letter_symbols", _one_letter_symbols), **units_cs()}


@cache
def units_cs() -> dict[str, str]:
    """Unit abbreviations, matched as written: pint's symbols and the hand ``units_case_sensitive``
    (news spellings pint lacks or reads otherwise: "ft", "ha", "MPH", "km/h", "bhp", "C", "h"); kept
    between runs by ``prebuilt``."""
    return prebuilt.value("figures.units_cs", lambda: {**library_unit_symbols(), **UNITS_CS})

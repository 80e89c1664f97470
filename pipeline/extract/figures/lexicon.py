"""The general facts the figure readers use, loaded from ``data/figures.json``: currency symbols,
codes and words (ISO 4217), scale words, number words, units, qualifier phrases, change words."""
from __future__ import annotations

import json
import re
from pathlib import Path

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
NUMBER_WORDS = _DATA["number_words"]
MULT_WORDS = _DATA["multiplier_words"]
FRACTION_WORDS = _DATA["fraction_words"]
PERCENT = _lower_map(_DATA["percent"])
UNITS_CI = _lower_map(_DATA["units"])
UNITS_CS = _DATA["units_case_sensitive"]
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
QUAL_VERBS = _DATA["qualifier_verbs"]
RANGE_HEAD_WORDS = set(_DATA["range_head_words"])
INCREASE = set(_DATA["increase_words"])
DECREASE = set(_DATA["decrease_words"])
MONTHS = set(_DATA["month_names"])
PERIOD_WORDS = set(_DATA["period_words"])
NOT_PERIOD = set(_DATA["not_period_words"])
MOTION_ALT = "|".join(sorted(set(_DATA["motion_before_up_to"]) | INCREASE, key=len, reverse=True))
CHANGE_HEAD_WORDS = INCREASE | DECREASE | set(_DATA["motion_before_up_to"]) | set(_DATA["change_head_words"])
WEEKDAYS = set(_DATA["weekdays"])
RELATIVE_WORDS = set(_DATA["relative_period_words"])
DEICTIC_DAYS = _DATA["deictic_day_words"]
CODE_PREFIX_OK = set(_DATA["code_prefix_ok"])
INDEX_NAMES = set(_DATA["index_names_before_number"])
RANK_WORDS = set(_DATA["rank_words_before"])
INDEFINITE_AFTER_ONE = set(_DATA["indefinite_nouns_after_one"])
POLL_POINT_CONTEXT = _DATA["poll_point_context"]
AGE_GROUP_NOUNS = set(_DATA["age_group_nouns"])
AMOUNT_TAKING_VERBS = set(_DATA["amount_taking_verbs"])
INDEX_POINT_CONTEXT = _DATA["index_point_context"]
STREET_WORDS = set(_DATA["street_words"])
NAME_ENTS = set(_DATA["name_entity_labels"])
SUBUNIT_NAMES = set(SUBUNITS.values()) | set(SUBUNIT_SUFFIX.values())
SINGLE_LETTER_UNITS = {k for k in UNITS_CS if len(k) == 1}

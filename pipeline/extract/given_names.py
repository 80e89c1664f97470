"""Given names and their gender, from ``gender-guesser``'s list of given names: the one source both the
entity stage ("is this word a given name?") and the coreference stage ("which pronoun fits this person?")
consult.

The library parses its whole data file when it starts (~0.8 s of CPU). What the stages ask of it is
kept as one table (``table``: each gendered name with its pooled answer, and the names whose use in
the United States or Britain is of the other gender), built from the library on first use and kept
between runs beside the result cache (``prebuilt``), so a rebuild that adds a few articles does not
start the library at all.
"""
from __future__ import annotations

from functools import lru_cache

from . import prebuilt

# gender-guesser's answers and the votes they give ("andy": used for both, no vote)
_GIVEN_NAME_VOTES = {"male": ("m", 2), "mostly_male": ("m", 1), "female": ("f", 2), "mostly_female": ("f", 1)}

# the countries whose usage an English-language news text follows when a name's gender differs between countries
ENGLISH_USAGE = ("usa", "great_britain")


@lru_cache(maxsize=1)
def detector():
    import gender_guesser.detector as gender_guesser  # loads its name list (~0.8 s): only when asked

    return gender_guesser.Detector(case_sensitive=False)


@lru_cache(maxsize=1)
def table() -> tuple[dict[str, str], frozenset[str]]:
    """(lowercase given name -> the library's pooled answer, for the names it gives a gender; the names
    among them whose answer for an English-speaking country is of the other gender)."""
    return prebuilt.value("given_names", _table)


def _table() -> tuple[dict[str, str], frozenset[str]]:
    d = detector()
    pooled = {name: answer for name in d.names if (answer := d.get_gender(name)) in _GIVEN_NAME_VOTES}
    other = frozenset(name for name, answer in pooled.items() if any(
        _GIVEN_NAME_VOTES.get(d.get_gender(name, country), _GIVEN_NAME_VOTES[answer])[0] != _GIVEN_NAME_VOTES[answer][0]
        for country in ENGLISH_USAGE))
    return pooled, other


@lru_cache(maxsize=4096)
def given_name_gender(name: str) -> tuple[str, int] | None:
    """('m' | 'f', weight) for a given name the name list knows, else None."""
    return _GIVEN_NAME_VOTES.get(table()[0].get(name.lower()))


@lru_cache(maxsize=4096)
def english_name_gender(name: str) -> tuple[str, int] | None:
    """The gender vote of a given name for the pronouns of an English-language text: ``given_name_gender``, but none
    when the name's use in the United States or Britain is of the other gender ("Nate" is female in gender-guesser's
    pooled list and male in the US one; "Bernie" mostly female pooled, mostly male in the US)."""
    vote = given_name_gender(name)
    return None if vote is None or name.lower() in table()[1] else vote

"""Given names and their gender, from ``gender-guesser``'s list of given names (loaded on first use):
the one source both the entity stage ("is this word a given name?") and the coreference stage ("which
pronoun fits this person?") consult."""
from __future__ import annotations

from functools import lru_cache

# gender-guesser's answers and the votes they give ("andy": used for both, no vote)
_GIVEN_NAME_VOTES = {"male": ("m", 2), "mostly_male": ("m", 1), "female": ("f", 2), "mostly_female": ("f", 1)}


@lru_cache(maxsize=1)
def detector():
    import gender_guesser.detector as gender_guesser  # loads its name list (~1 s): only when asked

    return gender_guesser.Detector(case_sensitive=False)


@lru_cache(maxsize=4096)
def given_name_gender(name: str) -> tuple[str, int] | None:
    """('m' | 'f', weight) for a given name the name list knows, else None."""
    return _GIVEN_NAME_VOTES.get(detector().get_gender(name))


# the countries whose usage an English-language news text follows when a name's gender differs between countries
ENGLISH_USAGE = ("usa", "great_britain")


@lru_cache(maxsize=4096)
def english_name_gender(name: str) -> tuple[str, int] | None:
    """The gender vote of a given name for the pronouns of an English-language text: ``given_name_gender``, but none
    when the name's use in the United States or Britain is of the other gender ("Nate" is female in gender-guesser's
    pooled list and male in the US one; "Bernie" mostly female pooled, mostly male in the US)."""
    vote = given_name_gender(name)
    if vote is None:
        return None
    for country in ENGLISH_USAGE:
        other = _GIVEN_NAME_VOTES.get(detector().get_gender(name, country))
        if other is not None and other[0] != vote[0]:
            return None
    return vote

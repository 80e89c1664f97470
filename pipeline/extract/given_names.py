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

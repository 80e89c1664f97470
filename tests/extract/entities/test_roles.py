"""Tests of people's roles (pipeline/extract/entities/roles.py).

One test per rule, on passages written here; ``nlp`` is the session-scoped model of tests/conftest.py,
``ents_of`` and ``by_name`` are fixtures of this folder's conftest.py."""
from __future__ import annotations


# ---------------------------------------------------------------- roles from titles, pre-modifiers and appositives
def test_title_prefix_is_cut_from_name_and_becomes_role(ents_of, by_name):
    _, ents = ents_of("Chairman Ramon Oduya said the board would meet again next week.")
    p = by_name(ents, "Ramon Oduya")
    assert p["type"] == "PERSON"
    assert "chairman" in p["role"].lower()


def test_premodifier_role(ents_of, by_name):
    _, ents = ents_of("Provincial health department spokesman Daniel Okafor said the clinics would reopen.")
    p = by_name(ents, "Daniel Okafor")
    assert "spokesman" in p["role"]
    assert "health department spokesman" in p["role"]


def test_appositive_role(ents_of, by_name):
    _, ents = ents_of("Maria Lindqvist, deputy director of the Swedish Transport Administration, "
                      "said the bridge would open in May.")
    p = by_name(ents, "Maria Lindqvist")
    assert p["role"].startswith("deputy director of the Swedish Transport Administration")


def test_role_before_an_honorific(ents_of):
    _, ents = ents_of('Deputy Minister of Finance Mr. Okoro said the plan was fair.')
    p = [e for e in ents if e["type"] == "PERSON"][0]
    assert p["role"] and "Deputy Minister of Finance" in p["role"]
    assert "Deputy Minister of Finance Mr. Okoro" in p["aliases"]


def test_honorific_ending_a_role_is_cut(ents_of, by_name):
    _, ents = ents_of("The agency's director, Dr. Helena Marsh, said the outbreak was under control.")
    p = by_name(ents, "Helena Marsh")
    assert p["role"] == "agency's director"


def test_title_after_a_comma_is_the_role(ents_of, by_name):
    _, ents = ents_of("The list named two current Cabinet officers, Commerce Secretary Wilbur Ross and nobody else.")
    p = by_name(ents, "Wilbur Ross")
    assert p["role"] == "Commerce Secretary"

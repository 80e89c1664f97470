"""Tests of countries named as sports teams (pipeline/extract/entities/teams.py).

One test per rule, on passages written here; ``nlp`` is the session-scoped model of tests/conftest.py,
``ents_of`` and ``by_name`` are fixtures of this folder's conftest.py."""
from __future__ import annotations


# ---------------------------------------------------------------- countries as teams in match reports
def test_country_named_as_its_team_in_a_match_report_is_an_organisation(ents_of, by_name):
    text = ("Group B — Portugal 2 – 1 Morocco\n\nPortugal defeated Morocco in Lisbon on Sunday. "
            "Morocco lost to Portugal after a late goal.")
    _, ents = ents_of(text)
    assert by_name(ents, "Portugal")["type"] == "ORG"
    assert by_name(ents, "Morocco")["type"] == "ORG"


def test_country_stays_a_place_outside_match_reports(ents_of, by_name):
    text = "Portugal defeated a motion on tariffs, and Morocco faced new sanctions after the vote in Rabat."
    _, ents = ents_of(text)
    assert by_name(ents, "Portugal")["type"] == "GPE"
    assert by_name(ents, "Morocco")["type"] == "GPE"


def test_team_short_forms_join_the_team_in_a_match_report(ents_of, by_name):
    text = ("Group C — Norway 2 – 1 South Korea\n\nNorway defeated South Korea on Sunday. "
            "Korea had more of the ball, but the Norwegians scored twice.")
    _, ents = ents_of(text)
    sk = by_name(ents, "South Korea")
    assert sk["type"] == "ORG"
    assert not any(e["name"] == "Korea" for e in ents)
    dk = by_name(ents, "Norway")
    assert dk["type"] == "ORG" and "Norwegians" in dk["aliases"]

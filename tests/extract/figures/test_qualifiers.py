"""Figures extractor, qualifiers: written before or after the number, or said by the verb."""
from __future__ import annotations

import pytest


# ------------------------------------------------------------------ qualifier phrases
@pytest.mark.parametrize("phrase,qualifier", [
    ("more than 40", "over"), ("over 40", "over"), ("nearly 40", "under"), ("almost 40", "under"),
    ("about 40", "about"), ("roughly 40", "about"), ("at least 40", "at_least"), ("up to 40", "at_most"),
    ("fewer than 40", "under"), ("40", "exact"),
])
def test_qualifiers(figs, phrase, qualifier, only):
    r = only(figs(f"The agency said {phrase} inspectors were sent to the plant."), text=phrase)
    assert r["qualifier"] == qualifier and r["value"] == 40


def test_qualifier_after(figs, only):
    r = only(figs("Tickets cost 50 euros or more at the door."), text="50 euros or more")
    assert r["qualifier"] == "at_least"


def test_up_to_after_motion_is_a_level(figs, only):
    r = only(figs("Unemployment crept back up to 4.2 percent."), text="4.2 percent")
    assert r["qualifier"] == "exact"


# ------------------------------------------------------------------ qualifier verbs
def test_qualifier_from_verb(figs, only):
    r = only(figs("Revenue exceeded 8 billion euros."), text="8 billion euros")
    assert r["qualifier"] == "over"


def test_over_as_the_preposition_of_a_duration_is_no_bound(figs, only):
    rows = figs("The bill would cost the state $90 billion over 10 years.")
    r = only(rows, value=10)
    assert (r["text"], r["qualifier"]) == ("10 years", "exact")
    assert only(figs("The miners were trapped for over 30 hours."))["qualifier"] == "over"


# ------------------------------------------------------------------ "as long as", age bounds (eighteenth session, h35fig)
@pytest.mark.parametrize("sentence,text,qualifier", [
    ("The inquiry could last as long as two years.", "as long as two years", "at_most"),
    ("The area was as large as 21 hectares.", "as large as 21 hectares", "at_most"),
    ("Some girls were paid as little as 50 cents.", "as little as 50 cents", "at_least"),
    ("All of them are younger than 50.", "younger than 50", "under"),
])
def test_as_adjective_as_and_comparatives_are_bounds(figs, only, sentence, text, qualifier):
    assert only(figs(sentence), text=text)["qualifier"] == qualifier


def test_as_long_as_before_a_bare_count_is_a_conjunction(figs, only):
    r = only(figs("The deal stands as long as two members agree."), value=2)
    assert (r["text"], r["qualifier"]) == ("two", "exact")


def test_an_age_bound_written_around_the_age_of(figs, only):
    r = only(figs("Abusing minors below the age of fifteen is a crime."), value=15)
    assert (r["text"], r["qualifier"], r["unit"], r["measure"]) == ("below the age of fifteen", "under", "year", "age")
    r = only(figs("He may name a justice for every justice over the age of 70 years."), value=70)
    assert (r["text"], r["qualifier"], r["measure"]) == ("over the age of 70 years", "over", "age")


# ------------------------------------------------------------------ spoken "like" (nineteenth session, h37fig)
@pytest.mark.parametrize("sentence,text", [
    ("I think we were like ten people.", "like ten"),
    ("I proved it with the initial versions that had like 3 block types.", "like 3"),
    ("I have been working with him for like six years.", "like six years"),
])
def test_like_before_a_number_in_speech_is_about(figs, only, sentence, text):
    assert only(figs(sentence), text=text)["qualifier"] == "about"


@pytest.mark.parametrize("sentence,value", [
    ("I'd like 10,000 rounds of ammunition.", 10000),        # the verb
    ("It looks like 11 languages have most of the texts.", 11),     # a verb of seeming
    ("It's things like one woman is addicted to licking walls.", 1),     # "such as" after a noun
])
def test_like_that_hedges_nothing(figs, only, sentence, value):
    r = only(figs(sentence), value=value)
    assert r["qualifier"] == "exact" and not r["text"].lower().startswith("like")

"""Tests of the type passes that use what is known about names (pipeline/extract/entities/consistency.py)
and of the retype rules that use the gazetteer and the given-name list (rules.py).

spaCy's label is forced on the span under test (``labelled``), so each test shows the rule itself."""
from __future__ import annotations

import pytest

from pipeline.extract.entities import extract_entities


@pytest.fixture(scope="module")
def labelled(nlp):
    """``labelled(text, (name, label), ...)``: the entities of ``text`` with spaCy's spans set to those names."""
    def _labelled(text, *spans):
        doc = nlp(text)
        ents = []
        for name, label in spans:
            a = text.index(name)
            ents.append(doc.char_span(a, a + len(name), label=label))
        doc.ents = ents
        return {e["name"]: e["type"] for e in extract_entities(doc)}
    return _labelled


# ---------------------------------------------------------------- rules.place_head_after_plain_word
def test_two_word_person_with_a_place_head_is_that_place(labelled):
    got = labelled("In the morning we drove from the lodge to Crater Lake and back.", ("Crater Lake", "PERSON"))
    assert got["Crater Lake"] == "LOC"


def test_a_given_name_before_the_head_word_stays_a_person(labelled):
    got = labelled("In the morning Stuart Hall wrote a long essay.", ("Stuart Hall", "PERSON"))
    assert got["Stuart Hall"] == "PERSON"


# ---------------------------------------------------------------- rules.given_name_is_person
def test_given_name_and_surname_labelled_organisation_is_a_person(labelled):
    got = labelled("Last year she starred with Sophie Dymoke in a new play.", ("Sophie Dymoke", "ORG"))
    assert got["Sophie Dymoke"] == "PERSON"


def test_organisation_with_a_head_word_or_a_plural_stays(labelled):
    got = labelled("Workers at General Motors and Felix Airways went on strike.",
                   ("General Motors", "ORG"), ("Felix Airways", "ORG"))
    assert got == {"General Motors": "ORG", "Felix Airways": "ORG"}


# ---------------------------------------------------------------- consistency.label_known_places
def test_known_city_labelled_organisation_is_a_place(labelled):
    got = labelled("He later travelled with his friend and settled in Trier for some years.", ("Trier", "ORG"))
    assert got["Trier"] == "GPE"


def test_known_city_that_is_a_given_name_or_has_the_article_stays(labelled):
    got = labelled("The fans of Houston cheered, and the Union won the war.", ("Houston", "ORG"), ("Union", "ORG"))
    assert got == {"Houston": "ORG", "Union": "ORG"}


def test_known_city_labelled_person_is_a_place_only_where_places_stand(labelled):
    got = labelled("Flights leave from Sharjah twice a week.", ("Sharjah", "PERSON"))
    assert got["Sharjah"] == "GPE"
    got = labelled("Sharjah smiled at the crowd.", ("Sharjah", "PERSON"))
    assert got["Sharjah"] == "PERSON"


# ---------------------------------------------------------------- consistency.label_speakers
def test_a_place_that_says_something_is_a_person(labelled):
    got = labelled("Veronique said she would stay in town.", ("Veronique", "GPE"))
    assert got["Veronique"] == "PERSON"


# ---------------------------------------------------------------- consistency.add_nested_places
def test_place_inside_an_organisation_name_is_a_place_mention(ents_of, by_name):
    doc, ents = ents_of("She studied physics at the University of Copenhagen before moving on.")
    copenhagen = by_name(ents, "Copenhagen")
    assert copenhagen["type"] == "GPE"
    m = copenhagen["mentions"][0]
    assert doc.text[m["start"]:m["end"]] == "Copenhagen"
    assert any(e["name"] == "University of Copenhagen" for e in ents)


# ---------------------------------------------------------------- consistency.drop_common_words
def test_a_word_also_written_in_lowercase_is_no_entity(labelled):
    got = labelled("Linguistics is hard. Students of linguistics read a lot.", ("Linguistics", "ORG"))
    assert "Linguistics" not in got


def test_a_given_name_or_a_head_word_also_written_in_lowercase_stays(labelled):
    got = labelled("Yesterday Will came home. He will stay. The Court ruled that no court may rule so.",
                   ("Will", "PERSON"), ("Court", "ORG"))
    assert got == {"Will": "PERSON", "Court": "ORG"}


# ---------------------------------------------------------------- rules.head_word_type (facility heads)
def test_a_hotel_or_an_expressway_is_a_facility(labelled):
    got = labelled("We stayed at the Taj Socotra Hotel near the Broken Arrow Expressway for a week.",
                   ("Taj Socotra Hotel", "ORG"), ("Broken Arrow Expressway", "ORG"))
    assert got["Taj Socotra Hotel"] == "FAC" and got["Broken Arrow Expressway"] == "FAC"


# ---------------------------------------------------------------- rules.title_before_year
def test_an_organisation_followed_by_a_year_in_parentheses_is_a_title(labelled):
    got = labelled("She then starred in Match Point (2005) for the Boston Housing Authority (2006).",
                   ("Match Point", "ORG"), ("Boston Housing Authority", "ORG"))
    assert got["Match Point"] == "WORK_OF_ART"
    assert got["Boston Housing Authority"] == "ORG"

"""Tests of the word lists derived from libraries (pipeline/extract/entities/lexicon.py): countries
from ``pycountry`` joined with the news names, aliases and adjectives of data/entities.json, surname
particles from ``nameparser``."""
from __future__ import annotations

from pipeline.extract.coref.lexicon import country_names
from pipeline.extract.entities.citations import citation_authors
from pipeline.extract.entities.lexicon import ADJ_COUNTRY, COUNTRY, COUNTRY_ENTRIES, fold, surname_particles


# ---------------------------------------------------------------- countries: pycountry + data
def test_official_names_from_pycountry_fold_to_the_news_name():
    # official names the hand list lacked
    assert COUNTRY[fold("Slovak Republic")] == "Slovakia"
    assert COUNTRY[fold("Islamic Republic of Iran")] == "Iran"
    assert COUNTRY[fold("the State of Palestine")] == "Palestine"


def test_news_names_and_aliases_of_the_data_win_over_the_iso_names():
    assert COUNTRY[fold("Russian Federation")] == "Russia"
    assert COUNTRY[fold("Türkiye")] == "Turkey"
    assert COUNTRY[fold("Czechia")] == "Czech Republic"
    assert COUNTRY[fold("Côte d'Ivoire")] == "Ivory Coast"
    assert COUNTRY[fold("the U.S.")] == "United States" and COUNTRY[fold("Britain")] == "United Kingdom"
    assert ADJ_COUNTRY["dutch"] == "Netherlands" and COUNTRY["england"] == "England"


def test_no_inverted_iso_index_names_and_no_given_names():
    assert not any("," in e["name"] or "(" in e["name"] for e in COUNTRY_ENTRIES)
    assert fold("Korea, Republic of") not in COUNTRY
    assert "dominica" not in COUNTRY   # also a given name: only a hand entry would add it


def test_official_name_and_short_name_are_one_entity(ents_of, by_name):
    _, ents = ents_of("The Islamic Republic of Iran rejected the offer on Monday. Iran said talks would go on.")
    iran = by_name(ents, "Iran")
    assert "Islamic Republic of Iran" in iran["aliases"] and iran["type"] == "GPE"
    assert not [e for e in ents if e["name"] == "Islamic Republic of Iran"]


def test_coref_country_names_leave_out_library_only_territories():
    assert "russian federation" in country_names() and "united states" in country_names()
    assert "greenland" not in country_names() and "cayman islands" not in country_names()


# ---------------------------------------------------------------- surname particles: nameparser + data
def test_surname_particles_come_from_nameparser():
    assert {"de", "van", "von", "den", "bin", "ibn", "dos"} <= surname_particles()
    assert "ten" in surname_particles()                      # the data's addition
    assert not any("-" in p or "'" in p for p in surname_particles())


def test_a_particle_only_nameparser_knows_joins_a_cited_surname(nlp):
    doc = nlp("Attention improves with training (Van den Berg & Smith, 2010; Lewis & Porte, 2014).")
    assert [doc[s:e].text for s, e in citation_authors(doc)] == ["Van den Berg", "Smith", "Lewis", "Porte"]


# ---------------------------------------------------------------- role titles: nameparser occupations + data
def test_occupation_titles_come_from_nameparser():
    from pipeline.extract.entities.lexicon import TITLES

    assert {"novelist", "ecologist", "comedian", "inventor", "mathematician"} <= TITLES   # not in the data
    from pipeline.extract.entities.lexicon import DATA

    data_titles = {t.lower() for t in DATA["titles"]}
    assert not ({"banner", "business", "dean", "king"} - data_titles) & TITLES   # words that name no office


def test_a_nameparser_occupation_before_a_name_is_its_role(ents_of, by_name):
    _, ents = ents_of("The device was built by mathematician John Horton Conway in 1970.")
    conway = by_name(ents, "John Horton Conway")
    assert conway["type"] == "PERSON" and conway.get("role") == "mathematician"


def test_the_cache_key_records_the_list_libraries():
    from pipeline.extract.cache import LIBRARIES

    assert {"pycountry", "nameparser"} <= set(LIBRARIES)


def test_every_country_of_the_data_is_kept():
    from pipeline.extract.entities.lexicon import DATA

    names = {e["name"] for e in COUNTRY_ENTRIES if e["listed"]}
    assert len(names) == len(DATA["countries"])
    assert {"Palestine", "Congo", "England", "European Union", "Russia"} <= names


# ---------------------------------------------------------------- name links: nameparser conjunctions + data
def test_name_links_take_nameparser_conjunctions():
    from pipeline.extract.entities.lexicon import NAME_LINKS

    assert {"of", "and", "&", "the", "et", "und"} <= NAME_LINKS    # from nameparser
    assert {"for", "on", "de", "van"} <= NAME_LINKS               # the data's prepositions and particles
    assert not {"i", "y", "e"} & NAME_LINKS                         # "World War I" keeps its "I"


def test_former_countries_are_countries_named_as_in_the_news():
    assert COUNTRY["soviet union"] == COUNTRY["ussr"] == COUNTRY["union of soviet socialist republics"] == "Soviet Union"
    assert COUNTRY["yugoslavia"] == "Yugoslavia" and COUNTRY["czechoslovakia"] == "Czechoslovakia"
    assert COUNTRY["france"] == "France" and "metropolitan" not in COUNTRY    # "France, Metropolitan"
    assert "soviet union" not in country_names()                  # "this country" is a present one

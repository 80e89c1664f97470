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


# ---------------------------------------------------------------- roles that are not one person's, and "Title of X Name"
def test_plural_head_is_no_role(ents_of, by_name):
    _, ents = ents_of("The mission carried two astronauts, Doug Hurley and Bob Behnken, to the station.")
    assert by_name(ents, "Doug Hurley")["role"] is None


def test_plural_head_before_a_list_of_names_is_no_role(ents_of, by_name):
    _, ents = ents_of("Protesters pulled down statues of US presidents George Washington and Ulysses S. Grant.")
    assert by_name(ents, "George Washington")["role"] is None


def test_singular_head_tagged_plural_keeps_its_role(ents_of, by_name):
    _, ents = ents_of("Hatice Cengiz, fiancée of journalist Jamal Khashoggi, said the trial was a farce.")
    assert by_name(ents, "Hatice Cengiz")["role"] == "fiancée of journalist Jamal Khashoggi"


def test_role_does_not_run_over_a_line_break(ents_of, by_name):
    _, ents = ents_of('"It was a good day," she recalls.\n\nSpecial effects costumer Ian Campbell, whose credits '
                      "include two films, had a booth at the convention.")
    assert by_name(ents, "Ian Campbell")["role"] == "Special effects costumer"


def test_role_starts_after_a_caption_line(ents_of, by_name):
    _, ents = ents_of("Marketing stand for the movie\n\nDozens and dozens of dice\n\nProfessional cosplayer "
                      "Candace Windfall as Catwoman\n\nThe convention ran for three days.")
    assert by_name(ents, "Candace Windfall")["role"] == "Professional cosplayer"


def test_role_keeps_the_mark_that_opens_a_title(ents_of, by_name):
    _, ents = ents_of("“Parasite” director Bong Joon Ho said backstage that no one could predict the result.")
    assert by_name(ents, "Bong Joon Ho")["role"] == "“Parasite” director"


def test_title_of_proper_nouns_before_a_name(ents_of, by_name):
    _, ents = ents_of("US Secretary of State Mike Pompeo said the talks would go on.")
    assert by_name(ents, "Mike Pompeo")["role"] == "US Secretary of State"


def test_name_hung_on_the_of_of_its_title(ents_of, by_name):
    _, ents = ents_of("He met Minister of Foreign Affairs Sergei Lavrov on Monday.")
    assert by_name(ents, "Sergei Lavrov")["role"] == "Minister of Foreign Affairs"


def test_kin_of_a_titled_name_is_not_its_role(ents_of, by_name):
    _, ents = ents_of("The brother of U.S. President John F. Kennedy was shot in Los Angeles.")
    assert by_name(ents, "John F. Kennedy")["role"] == "U.S. President"


# ---------------------------------------------------------------- another person named before a coordinator, "One activist"
def test_a_person_named_before_and_is_not_part_of_the_role(ents_of, by_name):
    _, ents = ents_of("John Pruitt spoke first. Pruitt and FBI director Daniel Okafor held a press conference on Wednesday.")
    p = by_name(ents, "Daniel Okafor")
    assert p["role"] == "FBI director"
    assert "FBI director Daniel Okafor" in p["aliases"]


def test_an_office_written_with_and_keeps_its_words(ents_of, by_name):
    _, ents = ents_of("Both he and the county's Police and Crime Commissioner Daniel Okafor welcomed the plan.")
    assert "Police and Crime Commissioner" in by_name(ents, "Daniel Okafor")["role"]


def test_one_before_a_role_noun_is_a_determiner(ents_of, by_name):
    _, ents = ents_of("The fire spread quickly. One senator, Ramon Oduya, said the vote would fail.")
    assert by_name(ents, "Ramon Oduya")["role"] == "senator"

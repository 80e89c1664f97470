"""Pronoun and description mentions linked by the coreference stage (pipeline/extract/coref/linker.py)."""
from __future__ import annotations


# ---------------------------------------------------------------- pronouns
def test_pronoun_is_a_mention_of_the_person_it_takes_up(mentions_of):
    got = mentions_of("Ms. Laura Finch met the board on Friday. She said little.", "Laura Finch")
    assert ("She", "pronoun") in got


def test_pronoun_agrees_in_gender_by_given_name(mentions_of):
    text = "Maria Lopez hired Daniel Ortiz in 2019. He left the firm a year later."
    assert ("He", "pronoun") in mentions_of(text, "Daniel Ortiz")
    assert ("He", "pronoun") not in mentions_of(text, "Maria Lopez")


def test_object_pronoun_never_takes_up_its_own_clause_subject(mentions_of):
    text = "Daniel Ortiz met the board on Friday. Daniel Ortiz praised him warmly."
    assert ("him", "pronoun") not in mentions_of(text, "Daniel Ortiz")


def test_reflexive_takes_up_its_own_clause_subject(mentions_of):
    text = "Daniel Ortiz met the board on Friday. He blamed himself for the loss."
    assert ("himself", "pronoun") in mentions_of(text, "Daniel Ortiz")


def test_pronoun_with_no_person_before_it_stays_unlinked(tables):
    out = tables("The storm hit the coast on Monday. He said nothing.")
    assert not [m for m in out["mentions"] if m["kind"] == "pronoun"]


def test_mention_count_counts_pronouns(tables):
    out = tables("Ms. Laura Finch met the board on Friday. She said little. Her plan was approved.")
    finch = next(e for e in out["entities"] if e["name"] == "Laura Finch")
    assert finch["mention_count"] == 3
    assert finch["mention_count"] == sum(m["entity_id"] == finch["entity_id"] for m in out["mentions"])


# ---------------------------------------------------------------- descriptions
def test_the_country_is_a_mention_of_the_country_named_before(mentions_of):
    text = "Brazil raised tariffs on steel on Monday. The country said the move would protect jobs."
    assert ("The country", "nominal") in mentions_of(text, "Brazil")


def test_role_noun_is_a_mention_of_the_person_with_that_office(mentions_of):
    text = "Foreign Secretary Ana Ruiz arrived in Lima on Monday. The foreign minister signed the treaty."
    assert ("The foreign minister", "nominal") in mentions_of(text, "Ana Ruiz")


def test_first_person_in_a_quotation_is_a_mention_of_its_speaker(mentions_of):
    text = 'Laura Finch spoke on Monday. "I will not resign," she said.'
    got = mentions_of(text, "Laura Finch")
    assert ("I", "pronoun") in got and ("she", "pronoun") in got


def test_we_in_a_quotation_of_an_organisation_is_a_mention_of_it(mentions_of):
    text = 'The World Health Organization issued a statement on Monday. "We are deeply concerned," the World Health Organization said.'
    assert ("We", "pronoun") in mentions_of(text, "World Health Organization")


def test_we_in_a_quotation_of_a_person_is_a_mention_of_the_organisation_in_their_role(mentions_of):
    text = 'Greenpeace spokesman John Miller spoke on Monday. "We will appeal the ruling," Miller said.'
    assert ("We", "pronoun") in mentions_of(text, "Greenpeace")
    assert ("We", "pronoun") not in mentions_of(text, "John Miller")


# ---------------------------------------------------------------- name head nouns, given-name gender, reflexives, sentence subjects
def test_the_noun_that_heads_a_name_takes_the_name_up(mentions_of):
    text = "Coron is the largest town on Busuanga Island. Most visitors reach the island by ferry."
    assert ("the island", "nominal") in mentions_of(text, "Busuanga Island")


def test_a_name_head_noun_with_other_modifiers_names_something_else(tables):
    text = "Fort Lee has a Public School on Main Street. It serves the elementary school set."
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "the elementary school"]


def test_a_noun_inside_a_name_is_not_its_head(tables):
    text = ("The North Carolina State Board of Elections met on Monday. Fires burned across the state "
            "on Tuesday.")
    out = tables(text)
    assert not [m for m in out["mentions"] if m["text"] == "the state"]


def test_a_one_word_given_name_has_its_gender(mentions_of):
    text = "Ramon stayed at the office on Sunday. She hung up the phone."
    assert ("She", "pronoun") not in mentions_of(text, "Ramon")


def test_a_reflexive_in_a_relative_clause_takes_up_the_noun_it_describes(mentions_of):
    text = "Joshua Norton, who proclaimed himself emperor in 1859, lived in San Francisco."
    assert ("himself", "pronoun") in mentions_of(text, "Joshua Norton")


def test_a_reflexive_without_a_subject_takes_up_that_of_the_clause_it_completes(mentions_of):
    text = "Daniel Ortiz met the board on Friday. Daniel Ortiz tried to steady himself."
    assert ("himself", "pronoun") in mentions_of(text, "Daniel Ortiz")


def test_a_subject_earlier_in_the_sentence_outranks_a_person_named_more_often(mentions_of):
    text = " ".join(f"Daniel Ortiz visited plant number {k}." for k in range(16))
    text += " Mark Stone received more scrutiny when he appeared on television."
    assert ("he", "pronoun") in mentions_of(text, "Mark Stone")

"""Figures extractor, links: the entity a figure's subject names and the quote it was said in."""
from __future__ import annotations


# ------------------------------------------------------------------ subject entity
def test_measure_and_entity_from_subject(figs_ents, only):
    rows, ents = figs_ents("Brazil's inflation rate rose 0.4 percent in March.")
    r = only(rows, text="0.4 percent")
    assert r["measure"] and "inflation" in r["measure"]
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Brazil"


def test_change_stated_as_year_on_year_growth(figs_ents, only):
    rows, ents = figs_ents("Peru's output rose to a record and posted a growth of 3.4 percent year-on-year.")
    r = only(rows, text="3.4 percent")
    assert r["direction"] == "increase" and r["measure"] == "growth"
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Peru"


# ------------------------------------------------------------------ quote
def test_quote_index(figs, only):
    text = 'The mayor said: "We planted 5,000 trees this year." Critics counted 200.'
    start = text.index("We")
    quotes = [{"start": start, "end": text.index('."') + 1, "text": text[start:text.index('."') + 1]}]
    rows = figs(text, quotes)
    assert only(rows, text="5,000")["quote"] == 0
    assert only(rows, text="200")["quote"] is None


def test_the_subject_head_names_its_own_entity_first(figs_ents, only):
    rows, ents = figs_ents("On Thursday, the United Kingdom's Conservative Party netted an additional 66 seats.")
    r = only(rows, text="66")
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Conservative Party"


def test_a_relative_pronoun_subject_stands_for_its_antecedent(figs_ents, only):
    rows, ents = figs_ents("The Green Party, which received 1,457,226 votes in 2016, is to nominate its ticket in July.")
    r = only(rows, text="1,457,226")
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Green Party"
    # "who" never stands for a place: the parser hangs the clause on the last name before it
    rows, ents = figs_ents("Pete Buttigieg, the former mayor of South Bend, Indiana, who had 26 delegates, was third.")
    r = only(rows, text="26")
    assert r["entity"] is None or ents[r["entity"]]["type"] not in ("GPE", "LOC")


def test_names_in_a_relative_clause_of_the_subject(figs_ents, only):
    # a name the clause mentions is no part of what the subject names ...
    rows, ents = figs_ents("Some 20 people were killed in the attack. The two guards who stopped Michael Adams "
                           "were both 18 year old students.")
    assert only(rows, text="two")["entity"] is None
    # ... but a place it names locates the subject, and a name as its subject says whose the subject is
    rows, ents = figs_ents("The stampede, which occurred in Kerman, resulted in at least 56 deaths.")
    r = only(rows, text="at least 56")
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Kerman"
    rows, ents = figs_ents("The three primary elections the Democratic Party held represented a total of 441 delegates.")
    r = only(rows, text="441")
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Democratic Party"

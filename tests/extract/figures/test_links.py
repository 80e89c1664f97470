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

"""Tests of title-case headlines that report (pipeline/extract/quotes/headlines.py): 'Mayor Says Bridge Will
Reopen In May' reports the words after the verb, whatever the parser made of the capitalised words."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, cue, words", [
    ("Senator Claims Rival Hid Campaign Funds, Demands Inquiry.\n\nThe senator spoke on Monday.", "Claims",
     "Rival Hid Campaign Funds"),
    ("Minister Denies Army Troops Entered Border Town.\n\nThe army gave no figures.", "Denies",
     "Army Troops Entered Border Town"),
    ("Coach Tells Fans The Team Will Return Stronger.\n\nThe season ended on Sunday.", "Tells",
     "Fans The Team Will Return Stronger"),
    ("Mayor Just Announced A New Plan For City Parks.\n\nThe plan was welcomed.", "Announced",
     "A New Plan For City Parks"),
])
def test_a_title_case_headline_reports_the_words_after_its_speech_verb(run, text, cue, words):
    rows = [r for r in run(text) if r["cue"] == cue]
    assert [(r["text"], r["type"]) for r in rows] == [(words, "indirect")]


@pytest.mark.parametrize("text", [
    "Senator Responds To Criticism Over Travel.\n\nShe gave no details.",
    "Storm Damage Is Worse, Mayor Tells City Council.\n\nRepairs will take weeks.",
    "Residents Warning Signs Ignored For Years.\n\nThe report was published.",
    "Media Reports Reveal Reason Behind Firing Of Manager.\n\nNo one commented.",
])
def test_a_headline_verb_with_a_topic_an_addressee_or_no_report_gives_nothing(run, text):
    assert run(text) == []


def test_a_sentence_case_line_is_no_headline(run):
    rows = run("The mayor says budget talks collapsed on Monday.")
    assert [(r["cue"], r["text"]) for r in rows] == [("says", "budget talks collapsed on Monday")]

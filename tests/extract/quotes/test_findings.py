"""Tests of findings reported as a source's (pipeline/extract/quotes/findings.py): a verb of finding or judging
(``finding_verbs``) reports the finite clause after it; its other uses report nothing."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, cue, clause", [
    ("The appeals court ruled the new parking fees were unlawful.", "ruled", "the new parking fees were unlawful"),
    ("Local officials indicated three bridges would stay closed until March.", "indicated",
     "three bridges would stay closed until March"),
    ("The harbour authority estimated the repairs would take six weeks.", "estimated",
     "the repairs would take six weeks"),
    ("A panel of engineers found that the dam had been poorly maintained.", "found",
     "the dam had been poorly maintained"),
])
def test_a_finding_verb_reports_the_clause_after_it(run, text, cue, clause):
    rows = run(text)
    assert [(r["cue"], r["text"], r["type"]) for r in rows] == [(cue, clause, "indirect")]


@pytest.mark.parametrize("text", [
    "Rescuers found the missing hikers near the summit on Sunday.",
    "The general ruled the country for thirty years.",
    "Some voters find the senator arrogant and distant.",
    "The mayor found himself defending the budget again.",
    "It was found that the dam had been poorly maintained.",
    "The museum drew an estimated 40,000 visitors last year.",
    "We found that the dam had been poorly maintained.",
])
def test_a_finding_verb_without_a_source_or_a_finite_clause_reports_nothing(run, text):
    assert run(text) == []


def test_a_participle_borrowing_a_subject_from_further_up_reports_nothing(run):
    rows = run("Astronomers said the light dimmed when the planet passed, indicating the planet has an atmosphere.")
    assert [r["cue"] for r in rows] == ["said"]

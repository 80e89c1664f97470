"""Tests of a noun phrase as the reported words (pipeline/extract/quotes/objects.py):
``X announced a new plan``, ``X denied the charges``."""
from __future__ import annotations


def test_announced_noun_phrase_is_indirect(run, only):
    rows = run("Senator Jane Ruiz announced her intention to run for governor next year.")
    q = only(rows, type="indirect")
    assert q["text"] == "her intention to run for governor next year"
    assert q["speaker_name"] == "Jane Ruiz" and q["cue"] == "announced"


def test_denied_noun_phrase_stops_before_adjuncts(run, only):
    rows = run("Mayor Tom Hale denied the charges against his office on Friday.")
    q = only(rows, type="indirect")
    assert q["text"] == "the charges against his office"
    assert q["speaker_name"] == "Tom Hale"


def test_a_bare_noun_that_points_back_is_not_reported(run):
    assert run("The utility announced the schedule on Monday.") == []


def test_the_one_spoken_to_is_not_reported(run):
    assert run("Maria Lopez told NBC News about the plan.") == []


def test_gerund_after_a_content_verb_is_reported(run, only):
    q = only(run("The Club for Growth reported spending $1.1 million on online and television ads."), type="indirect")
    assert q["text"] == "spending $1.1 million on online and television ads"
    assert q["cue"] == "reported"


def test_gerund_subject_of_a_clause_after_said(run, only):
    q = only(run("Manny Gomez said seeing so many police officers at the parade was a welcome sight."),
             type="indirect")
    assert q["text"] == "seeing so many police officers at the parade was a welcome sight"
    assert q["speaker_name"] == "Manny Gomez"


def test_participle_used_as_an_adjective_is_not_reported(run):
    assert run("The boy was reported missing on Thursday evening.") == []


def test_claimed_lives_is_no_claim(run, only):
    """"claim" in the sense of taking lives says nothing; the same verb claiming responsibility does."""
    assert run("Before the pandemic, the opioid crisis claimed 15,393 lives in Canada over four years.") == []
    q = only(run("The militant group claimed responsibility for all three attacks on Sunday."))
    assert q["text"].startswith("responsibility for all three attacks")

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


def test_two_words_with_a_possessive_are_reported_when_the_verb_has_its_own_subject(run, only):
    q = only(run("Governor Ann Blake announced her resignation on Tuesday."), type="indirect")
    assert q["text"] == "her resignation" and q["speaker_name"] == "Ann Blake"
    q = only(run("The company flatly denied the allegations."), type="indirect")
    assert q["text"] == "the allegations"


def test_two_words_that_point_back_or_borrow_a_subject_are_not_reported(run):
    assert run("The council announced this change last week.") == []
    assert run("After announcing her candidacy, the mayor left for Ohio.") == []


def test_a_phrase_the_parser_hangs_on_the_verb_completes_the_object(run, only):
    q = only(run("Ann Blake announced her engagement to the actor Tom Reyes."), type="indirect")
    assert q["text"] == "her engagement to the actor Tom Reyes"
    q = only(run("The health ministry reported twenty new infections on December 24."), type="indirect")
    assert q["text"] == "twenty new infections"


def test_the_same_about_someone_is_reported_but_a_bare_the_same_is_not(run, only):
    q = only(run("Only 30 percent of voters say the same about the governor."), type="indirect")
    assert q["text"] == "the same about the governor"
    assert run("He said the same.") == []

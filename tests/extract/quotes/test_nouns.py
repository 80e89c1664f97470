"""Tests of a noun of saying with what was said as its complement (pipeline/extract/quotes/nouns.py):
``X's claim that A``, ``claims by X that A``, ``his promise to A``, ``X made the claim that A``."""
from __future__ import annotations


def test_owner_of_a_claim_says_its_that_clause(run, containing):
    rows = run("Pence defended Donald Trump's claim that the agency had ignored the warnings for years.")
    q = containing(rows, "the agency had ignored the warnings")
    assert q["type"] == "indirect" and q["cue"] == "claim"
    assert q["text"] == "the agency had ignored the warnings for years"
    assert q["speaker_name"] == "Donald Trump" and q["speaker_text"] == "Donald Trump"


def test_agent_after_by_says_it(run, containing):
    rows = run("The department pushed back against claims by intelligence agencies that the messages "
               "were classified.")
    q = containing(rows, "the messages were classified")
    assert q["speaker_text"] == "intelligence agencies"


def test_promise_takes_a_to_infinitive(run, containing):
    rows = run("Voters cheered Senator Maria Lopez's promise to cut taxes for small businesses.")
    q = containing(rows, "to cut taxes")
    assert q["speaker_name"] == "Maria Lopez" and q["text"] == "to cut taxes for small businesses"


def test_subject_of_a_light_verb_makes_the_claim(run, containing):
    rows = run("Senator Maria Lopez made a surprise announcement on Twitter that she was running for president.")
    assert containing(rows, "she was running for president")["speaker_name"] == "Maria Lopez"


def test_a_claim_with_no_owner_reports_nothing(run):
    assert run("The claim that the agency had ignored the warnings was false.") == []


def test_a_claim_someone_else_rejects_is_not_theirs(run):
    assert run("Governor Tom Hale rejected the claim that the agency had ignored the warnings.") == []


def test_a_noun_without_a_that_clause_reports_nothing(run):
    assert run("The senator's statement on Monday surprised the committee.") == []

"""Speaker resolution through coreference (pipeline/extract/coref/speakers.py): acronyms defined
in brackets, document owners, titles, the subject of the sentence before, object pronouns."""
from __future__ import annotations


# ---------------------------------------------------------------- acronyms
def test_bracketed_acronym_speaks_as_the_full_name(run, containing):
    """The short name need not be the initials, and the entity layer may type it as a person."""
    rows = run("Officials from the Mining Safety Institute (Minsafe) arrived on Monday. "
               "Minsafe said the mine was unsafe.")
    q = containing(rows, "mine was unsafe")
    assert q["speaker_name"] == "Mining Safety Institute"


# ---------------------------------------------------------------- documents and their owners
def test_document_released_by_an_organisation_speaks_for_it(run, containing):
    rows = run("Floods hit the valley in May. According to a report released by the Red Cross, "
               "more than 300 homes were destroyed in the floods.")
    q = containing(rows, "300 homes")
    assert q["speaker_name"] == "Red Cross"


def test_document_keeps_the_owner_of_its_first_mention(run, containing):
    rows = run("Engineers inspected the bridge last year. According to a report from the Harbor Authority, "
               "the bridge needs new cables. Mayor Tom Lee visited the bridge on Monday. "
               "The report said the repairs would take two years.")
    q = containing(rows, "repairs would take")
    assert q["speaker_name"] == "Harbor Authority"


def test_unresolved_written_owner_is_no_reason_to_guess(run, containing):
    rows = run("Acme Corp said sales fell. Another report from the regional government said "
               "sales rose in the north.")
    q = containing(rows, "sales rose")
    assert q["speaker_name"] != "Acme Corp" and "regional government" in q["speaker_name"]


def test_website_speaks_for_the_owner_of_the_subject_before(run, containing):
    rows = run("Port Watch's database had no record of the ship on Tuesday; the website said "
               "the ship was not in the harbour.")
    q = containing(rows, "not in the harbour")
    assert q["speaker_name"] == "Port Watch"


def test_decree_signed_by_a_titled_person(run, containing):
    rows = run("On Thursday, Pope Leo announced a new church law. "
               'The decree signed by the Pope read "Every bishop must report abuse to the authorities."')
    q = containing(rows, "Every bishop must report")
    assert q["speaker_name"] in ("Leo", "Pope Leo")


# ---------------------------------------------------------------- pronouns
def test_pronoun_takes_up_the_subject_of_the_sentence_before(run, containing):
    rows = run('"We need more doctors," Anna Berg said on Monday.\n\n'
               "Refusing to resign, Peter Holm signed a deal in which Carl Nyman became minister. "
               '"Only the voters can remove me," he declared.')
    q = containing(rows, "Only the voters")
    assert q["speaker_name"] == "Peter Holm"


def test_pronoun_in_a_relative_clause_keeps_the_latest_name(run, containing):
    rows = run("Maria Lopez spoke on Monday. Robert Kane's advice earned him praise, where he said "
               "that the plan would work.")
    q = containing(rows, "plan would work")
    assert q["speaker_name"] == "Robert Kane"


def test_object_pronoun_after_according_to(run, containing):
    rows = run("Army spokesman Omar Haddad said the attack used ten drones. According to him, "
               "it was the largest operation of the year.")
    q = containing(rows, "largest operation")
    assert q["speaker_name"] == "Omar Haddad"

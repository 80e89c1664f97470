"""Tests of the coreference stage (pipeline/extract/coref.py), through the speakers of quotes."""
from __future__ import annotations

import pytest

from pipeline.extract.coref import Coreference
from pipeline.extract.entities import extract_entities
from pipeline.extract.quotes import extract_quotes


@pytest.fixture
def run(nlp):
    """``run(text)``: the quotes of ``text``, their speakers resolved by a ``Coreference`` built over
    the entities the entity extractor finds; checks the provenance invariant of every row."""
    def _run(text: str) -> list[dict]:
        doc = nlp(text)
        ents = extract_entities(doc)
        rows = extract_quotes(doc, ents, Coreference(doc, ents))
        for r in rows:
            assert text[r["start"]:r["end"]] == r["text"]
            assert r["type"] in ("direct", "indirect", "mixed")
        return rows
    return _run


# ---------------------------------------------------------------- names and surnames
def test_surname_speaker_resolves_to_full_name(run, only):
    rows = run("Victor Alvarez runs the port authority. "
               '"Shipping volumes are back to normal," Alvarez said.')
    assert only(rows, type="direct")["speaker_name"] == "Victor Alvarez"


def test_bare_surname_entity_is_not_promoted_to_another_person_with_that_surname(nlp, containing):
    """The entity layer keeps "Smith" (the senator) apart from "Jane Smith" (his wife): a quote by
    "Mr. Smith" stays with "Smith", it is not handed to the fuller name that shares the surname."""
    text = "Jane Smith visited the school. Mr. Smith said the budget would pass."
    doc = nlp(text)

    def ent(name, sub):
        start = text.index(sub)
        return {"name": name, "type": "PERSON", "role": None, "aliases": [sub],
                "mentions": [{"start": start, "end": start + len(sub), "text": sub, "sentence_index": 0,
                              "kind": "name"}]}

    ents = [ent("Jane Smith", "Jane Smith"), ent("Smith", "Smith said")]
    ents[1]["mentions"][0].update(end=ents[1]["mentions"][0]["start"] + 5, text="Smith")
    q = containing(extract_quotes(doc, ents), "budget would pass")
    assert q["speaker_name"] == "Smith" and q["speaker_entity"] == 1


# ---------------------------------------------------------------- pronouns
def test_pronoun_speaker_resolves_to_previous_person(run, only):
    rows = run('Coach Dana Reyes praised the team.\n"We played with heart tonight," she said.')
    q = only(rows, type="direct")
    assert q["speaker_text"] == "she" and q["speaker_name"] == "Dana Reyes"
    assert q["speaker_entity"] is not None


def test_pronoun_speaker_agrees_in_gender(run, only):
    text = ("Ms. Laura Finch met Mr. Owen Park at the summit on Friday.\n"
            '"We agreed on nothing at all," she said.')
    q = only(rows := run(text), type="direct")
    assert q["speaker_name"] == "Laura Finch", rows


def test_pronoun_after_quotation_takes_the_subject_before_it(run, containing):
    text = ('"The pills do not work," Doctor Peter Lang said.\n\n'
            'Senator Claire Holt scolded him: "Nobody in this room believes your miracle cures," she said.')
    q = containing(run(text), "Nobody in this room")
    assert q["type"] == "direct" and q["speaker_name"] == "Claire Holt"


def test_pronoun_in_an_adjunct_clause_takes_a_name_earlier_in_its_sentence(run, containing):
    text = ("Critic Sam Hill said the show was dangerous.\n\n"
            "Doctor Leo Marsh's advice drew the attention of Congress, where he was criticized for "
            "saying that the pills cured every illness.")
    q = containing(run(text), "pills cured")
    assert q["speaker_name"] == "Leo Marsh"


# ---------------------------------------------------------------- role nouns
def test_role_speaker_named_later_in_the_article(run, containing):
    text = ("The harbour will reopen next month, the spokesman for the port authority said on Monday.\n"
            '"Repairs are almost finished," spokesman Henrik Dahl said.')
    rows = run(text)
    q = containing(rows, "harbour will reopen")
    assert q["speaker_text"].startswith("the spokesman") and q["speaker_name"] == "Henrik Dahl"


def test_role_speaker_needs_agreeing_modifiers(run, containing):
    text = ("Tom Reyes, the Democratic nominee for governor, spoke in Albany on Monday. "
            "The Republican nominee said the race was far from over. "
            "The Democratic nominee said the polls were encouraging.")
    rows = run(text)
    assert containing(rows, "far from over")["speaker_name"] != "Tom Reyes"
    assert containing(rows, "polls were encouraging")["speaker_name"] == "Tom Reyes"

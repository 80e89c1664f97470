"""Tests of the mentions found after grouping (pipeline/extract/entities/mentions.py).

One test per rule, on passages written here; ``nlp`` is the session-scoped model of tests/conftest.py,
``ents_of`` and ``by_name`` are fixtures of this folder's conftest.py."""
from __future__ import annotations


# ---------------------------------------------------------------- title references: the one person whose role agrees
def test_title_reference_resolves_to_the_one_person_with_that_title(ents_of, by_name):
    text = ("Governor Thomas Weller signed the budget on Friday. "
            "The governor said the state would hire more teachers.")
    doc, ents = ents_of(text)
    p = by_name(ents, "Thomas Weller")
    titles = [m for m in p["mentions"] if m["kind"] == "title"]
    assert [m["text"] for m in titles] == ["The governor"]


def test_title_reference_uses_only_the_head_of_the_role(ents_of, by_name):
    # "the prime minister" is not the undersecretary whose role mentions a prime minister
    text = ("Paolo Verdi, undersecretary to the prime minister, said the tax was fair. "
            "The prime minister did not comment.")
    _, ents = ents_of(text)
    p = by_name(ents, "Paolo Verdi")
    assert "undersecretary" in p["role"]
    assert not any(m["kind"] == "title" for m in p["mentions"])


def test_title_reference_must_carry_the_rank_modifiers_of_the_role(ents_of, by_name):
    text = ("Ray Dunmore, the party's vice presidential nominee, spoke first. "
            "The presidential nominee arrived an hour later. The vice presidential nominee left.")
    _, ents = ents_of(text)
    p = by_name(ents, "Ray Dunmore")
    titles = [m["text"] for m in p["mentions"] if m["kind"] == "title"]
    assert titles == ["The vice presidential nominee"]          # not "The presidential nominee"


# ---------------------------------------------------------------- a longer known name written where a piece was tagged
def test_a_longer_known_name_is_a_mention_where_only_a_piece_was_tagged(ents_of, by_name):
    """The piece is a place named elsewhere too: it stays, nested in the longer name."""
    doc, ents = ents_of("Sandra Jephcott is running for the Sustainable Australia party. Sustainable Australia "
                        "describes itself as a movement. Australia has many parties.")
    party = by_name(ents, "Sustainable Australia")
    assert [m["start"] for m in party["mentions"]] == [doc.text.index("Sustainable"), doc.text.rindex("Sustainable")]
    assert by_name(ents, "Australia") is not None


def test_a_piece_only_ever_inside_the_longer_name_is_no_name(ents_of):
    doc, ents = ents_of("The attack took place at Fishmongers' Hall in London. Police were called to Fishmongers' Hall "
                        "at 2 p.m., and a tusk was taken from the wall in Fishmongers' Hall.")
    assert "Fishmongers" not in {e["name"] for e in ents}  # the parser tagged the last one "Fishmongers"
    hall = next(e for e in ents if e["name"] == "Fishmongers' Hall")
    assert hall["mentions"][-1]["start"] == doc.text.rindex("Fishmongers' Hall")

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

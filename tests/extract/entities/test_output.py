"""Tests of the output records (pipeline/extract/entities/output.py and the public contract).

One test per rule, on passages written here; ``nlp`` is the session-scoped model of tests/conftest.py,
``ents_of`` and ``by_name`` are fixtures of this folder's conftest.py."""
from __future__ import annotations

import re

from pipeline.extract.entities import entity_key


# ---------------------------------------------------------------- the contract: offsets, keys, one mention per span
def test_contract_offsets_keys_and_no_duplicate_spans(ents_of):
    text = ("Mayor Helen Park of Denver said on Monday that the city will spend $40 million. "
            "Park said 12 schools would close in 2025. The U.S. Department of Education declined to comment.")
    doc, ents = ents_of(text)
    spans = set()
    for e in ents:
        assert e["type"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT",
                             "WORK_OF_ART", "LAW", "LANGUAGE"}
        assert e["mentions"]
        assert re.fullmatch(r"[a-z_]+:[a-z0-9-]+", entity_key(e["type"], e["name"]))
        for m in e["mentions"]:
            assert doc.text[m["start"]:m["end"]] == m["text"]
            assert (m["start"], m["end"]) not in spans
            spans.add((m["start"], m["end"]))
    names = {e["name"] for e in ents}
    assert not names & {"Monday", "2025", "$40 million", "12"}      # no DATE / CARDINAL / MONEY


# ---------------------------------------------------------------- aliases
def test_town_with_its_region_is_an_alias_of_the_town(ents_of, by_name):
    text = "The company is based in Springdale, Arkansas, and employs 200 people."
    _, ents = ents_of(text)
    town = by_name(ents, "Springdale")
    assert "Springdale, Arkansas" in town["aliases"]
    assert any(e["name"] == "Arkansas" for e in ents)


def test_towns_in_a_list_get_no_region_alias(ents_of):
    text = "Storms hit Dallas, Houston, and Austin on Monday."
    _, ents = ents_of(text)
    assert not any("," in a for e in ents for a in e["aliases"])

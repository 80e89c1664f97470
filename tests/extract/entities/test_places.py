"""Tests of the place lists (pipeline/extract/entities/places.py) and the rules that use them."""
from __future__ import annotations

from pipeline.extract.entities import extract_entities
from pipeline.extract.entities.places import is_subdivision


def test_subdivisions_of_countries_are_known_by_their_iso_names():
    for name in ("Punjab", "Northumberland", "Yucatán", "Bataan", "Surigao del Sur"):
        assert is_subdivision(name), name
    assert not is_subdivision("Falcon")        # "Falcón": spelt otherwise, a bird or a rocket
    assert not is_subdivision("Western")       # a compass word alone
    assert not is_subdivision("Alberta")       # a given name


def _labelled(nlp, text, name, label):
    doc = nlp(text)
    a = text.index(name)
    doc.ents = [doc.char_span(a, a + len(name), label=label)]
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_subdivision_labelled_organisation_is_a_place(nlp):
    assert _labelled(nlp, "Farmers in Bataan grow rice on small plots.", "Bataan", "ORG")["Bataan"] == "GPE"


def test_subdivision_written_in_lowercase_is_no_place_name(nlp):
    from pipeline.extract.entities.consistency import _place_name
    from pipeline.extract.entities.records import Candidate, Group

    doc = nlp("Visitors meet at Centre on Mondays, near Bataan.")
    at = {t.text: t.i for t in doc}
    group = lambda w: Group(cands=[Candidate(at[w], at[w] + 1, "ORG", key=w.lower())], label="ORG")  # noqa: E731
    assert _place_name(doc, "centre", group("Centre")) and _place_name(doc, "bataan", group("Bataan"))
    doc = nlp("Visitors meet at Centre on Mondays, near the city centre.")
    at = {t.text: t.i for t in doc}
    assert not _place_name(doc, "centre", group("Centre"))

"""Helpers for the entity extractor's tests, as fixtures (the model is tests/conftest.py's ``nlp``)."""
from __future__ import annotations

import pytest

from pipeline.extract.entities import extract_entities


@pytest.fixture(scope="session")
def ents_of(nlp):
    """``ents_of(text)``: the parsed Doc of ``text`` and its entities."""
    def _ents_of(text: str):
        doc = nlp(text)
        return doc, extract_entities(doc)
    return _ents_of


@pytest.fixture(scope="session")
def by_name():
    """``by_name(entities, name)``: the first entity with that canonical name (fails when there is none)."""
    def _by_name(ents, name):
        hits = [e for e in ents if e["name"] == name]
        assert hits, f"no entity named {name!r} in {[(e['name'], e['type']) for e in ents]}"
        return hits[0]
    return _by_name

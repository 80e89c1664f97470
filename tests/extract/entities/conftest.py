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


@pytest.fixture(scope="session")
def tagged_ents(nlp):
    """``tagged_ents(text, *spans)``: the entities of ``text`` with spaCy's entity spans set to ``(name, label, n)``
    (the n-th occurrence of ``name``, from 0): a rule tested on what the model may tag, whatever this model does."""
    def _tagged_ents(text: str, *spans: tuple[str, str, int]):
        doc = nlp(text)
        ents = []
        for name, label, n in spans:
            a = -1
            for _ in range(n + 1):
                a = text.index(name, a + 1)
            ents.append(doc.char_span(a, a + len(name), label=label))
        doc.ents = sorted(ents, key=lambda s: s.start)
        return extract_entities(doc)
    return _tagged_ents

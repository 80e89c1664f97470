"""Fixtures for the coreference stage's tests."""
from __future__ import annotations

import pytest

from pipeline.extract import tables_from_doc
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


@pytest.fixture
def tables(nlp):
    """``tables(text)``: the rows ``tables_from_doc`` makes of ``text`` (entities, mentions, quotes)."""
    def _tables(text: str) -> dict[str, list[dict]]:
        out = tables_from_doc("a1", nlp(text))
        for m in out["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
        return out
    return _tables


@pytest.fixture
def mentions_of(tables):
    """``mentions_of(text, name)``: (text, kind) of every mention of the entity named ``name``."""
    def _mentions_of(text: str, name: str) -> list[tuple[str, str]]:
        out = tables(text)
        ids = [e["entity_id"] for e in out["entities"] if e["name"] == name]
        assert ids, (name, [e["name"] for e in out["entities"]])
        return [(m["text"], m["kind"]) for m in out["mentions"] if m["entity_id"] == ids[0]]
    return _mentions_of

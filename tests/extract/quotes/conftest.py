"""Helpers for the quote extractor's tests, as fixtures (the model is tests/conftest.py's ``nlp``;
``only``, ``containing`` and ``reparsed`` are fixtures of tests/conftest.py too)."""
from __future__ import annotations

import pytest

from pipeline.extract.entities import extract_entities
from pipeline.extract.quotes import extract_quotes


@pytest.fixture
def run(nlp):
    """``run(text)``: the quotes of ``text`` with the entities the entity extractor finds; checks the
    provenance invariant and the quote type of every row."""
    def _run(text: str) -> list[dict]:
        doc = nlp(text)
        ents = extract_entities(doc)
        rows = extract_quotes(doc, ents)
        for r in rows:  # the provenance invariant holds for every row
            assert text[r["start"]:r["end"]] == r["text"]
            assert r["type"] in ("direct", "indirect", "mixed")
        return rows
    return _run

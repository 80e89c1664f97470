"""Helpers for the figure extractor's tests, as fixtures (the model is tests/conftest.py's ``nlp``)."""
from __future__ import annotations

import pytest

from pipeline.extract.entities import extract_entities
from pipeline.extract.figures import extract_figures


@pytest.fixture(scope="session")
def figs_ents(nlp):
    """``figs_ents(text, quotes=None)``: the figures of ``text`` and its entities; every row's text
    is checked against its offsets."""
    def _figs_ents(text: str, quotes=None):
        doc = nlp(text)
        ents = extract_entities(doc)
        rows = extract_figures(doc, ents, quotes or [])
        for r in rows:
            assert doc.text[r["start"]:r["end"]] == r["text"]
        return rows, ents
    return _figs_ents


@pytest.fixture(scope="session")
def figs(figs_ents):
    """``figs(text, quotes=None)``: the figures of ``text``."""
    return lambda text, quotes=None: figs_ents(text, quotes)[0]

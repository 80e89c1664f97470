"""Shared fixtures: the spaCy model (loaded once), paths, and a seed package built once."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Builds in tests read and write no result cache unless a test passes --cache (tests/extract/test_cache.py):
# a cache shared between tests would hide what a test changes in the extractors.
os.environ["PRESSTABLES_CACHE"] = "off"

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "raw" / "000_4e0d8dd8e31e612f.txt"
SEED_GOLD = SHARED / "seed" / "000_4e0d8dd8e31e612f.gold.json"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only in the presstables workplace)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from pipeline.extract import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_package(tmp_path_factory) -> Path:
    """The seed article built with `presstables build`; returns the datapackage.json path."""
    from pipeline.cli import main

    out = tmp_path_factory.mktemp("seed")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
    try:
        assert main(["build", str(SEED.parent), "--out", str(out), "--quiet"]) == 0
    finally:
        mp.undo()
    return out / "datapackage.json"


@pytest.fixture
def package_copy(seed_package, tmp_path) -> Path:
    """A writable copy of the seed package, for tests that corrupt it."""
    dest = tmp_path / "pkg"
    shutil.copytree(seed_package.parent, dest)
    return dest / "datapackage.json"


@pytest.fixture
def doc(nlp):
    """Parse a passage: ``doc("text")``."""
    return lambda text: nlp(text)




# ---------------------------------------------------------------- helpers for extractor tests
def _only(rows, **want):
    """The one row whose fields equal ``want`` (fails when there are none or several)."""
    hits = [r for r in rows if all(r[k] == v for k, v in want.items())]
    assert len(hits) == 1, (want, rows)
    return hits[0]


def _containing(rows, words: str) -> dict:
    """The one row whose text holds ``words`` (fails when there are none or several)."""
    hits = [r for r in rows if words in r["text"]]
    assert len(hits) == 1, (words, rows)
    return hits[0]


@pytest.fixture(scope="session")
def only():
    """``only(rows, field=value, ...)``: the one row with those field values."""
    return _only


@pytest.fixture(scope="session")
def containing():
    """``containing(rows, words)``: the one row whose text holds ``words``."""
    return _containing


@pytest.fixture(scope="session")
def reparsed(nlp):
    """``reparsed(text, {token text: (head text, dep)})``: the model's parse of ``text`` with some
    arcs replaced, to test a rule against a parse the model gives on other sentences."""
    from spacy.tokens import Doc

    def _reparsed(text: str, changes: dict) -> Doc:
        parsed = nlp(text)
        heads, deps = [t.head.i for t in parsed], [t.dep_ for t in parsed]
        for word, (head, dep) in changes.items():
            k = next(t.i for t in parsed if t.text == word)
            heads[k], deps[k] = next(t.i for t in parsed if t.text == head), dep
        return Doc(nlp.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
                   heads=heads, deps=deps, tags=[t.tag_ for t in parsed], pos=[t.pos_ for t in parsed],
                   lemmas=[t.lemma_ for t in parsed])
    return _reparsed

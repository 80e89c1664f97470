"""Shared fixtures: the spaCy model (loaded once), paths, and a seed package built once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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



"""The optional extras install within the project's pins: every requirement of every extra (and of
the main dependencies) has an exact pin in requirements/constraints.txt."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_name(name)] = version
    return pins


def _extras() -> dict[str, list[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {"main": project["dependencies"], **project["optional-dependencies"]}


@pytest.mark.parametrize("extra", sorted(_extras()))
def test_every_requirement_of_an_extra_is_pinned(extra):
    pins = _pins()
    unpinned = [r for r in _extras()[extra] if not pins.get(_name(r))]
    assert not unpinned, f"[{extra}] not pinned in requirements/constraints.txt: {unpinned}"


def test_object_store_extras_are_offered():
    assert {"s3", "gcs", "azure"} <= set(_extras())

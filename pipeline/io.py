"""Atomic file writes: every output is written to a temporary file, then renamed into place."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    return _write_chunks(path, [data])


def _write_chunks(path: str | os.PathLike, chunks: Iterable[bytes]) -> Path:
    """Write ``chunks`` as they come, atomically: into a temporary file renamed into place once the
    last one is written (removed if anything fails)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def dumps_json(obj) -> str:
    """Canonical JSON for files people read and diff: sorted keys off, 2-space indent, UTF-8."""
    return json.dumps(obj, indent=2, ensure_ascii=False) + "\n"


def write_json(path, obj) -> Path:
    return write_bytes(path, dumps_json(obj).encode("utf-8"))


def write_lines(path: str | os.PathLike, lines: Iterable[str]) -> Path:
    """Write ``lines`` (each ending in a newline) as UTF-8 as they come, atomically."""
    return _write_chunks(path, (line.encode("utf-8") for line in lines))


def write_jsonl(path, rows) -> Path:
    return write_lines(path, (json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows))


def is_url(value) -> bool:
    """An fsspec URL of another file system than this machine's (``s3://...``, ``gs://...``)."""
    return "://" in str(value) and not str(value).startswith("file://")


def json_object(path, line: str, n: int) -> dict:
    """Line ``n`` of a JSONL file as a JSON object, or an ``InputError`` naming the file and line."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(path, f"invalid JSON ({e.msg} at column {e.colno})", n) from None
    if not isinstance(obj, dict):
        raise InputError(path, "each line must be a JSON object", n)
    return obj


def iter_jsonl(path, check=None) -> Iterator[tuple[int, dict]]:
    """The line number and object of each line of a JSONL file written by a stage (lines end at
    ``\\n`` only), read one line at a time; a line that is not a JSON object is an ``InputError``
    naming the file and line, and so is one that ``check(obj)`` finds a problem with."""
    offset = 0
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                problem = f"the file is not UTF-8 text (invalid byte at offset {offset + e.start})"
                raise InputError(path, problem) from None
            offset += len(raw)
            if not line.strip():
                continue
            obj = json_object(path, line, n)
            problem = check(obj) if check is not None else None
            if problem:
                raise InputError(path, problem, n)
            yield n, obj


def read_jsonl(path, check=None) -> list[dict]:
    """The objects of a JSONL file written by a stage (see ``iter_jsonl``)."""
    return [obj for _, obj in iter_jsonl(path, check)]


def article_problem(row: dict) -> str | None:
    """What keeps a row of an articles JSONL (ingest's output) from being an article, or None."""
    aid, text = row.get("article_id"), row.get("text")
    if not isinstance(aid, str) or not aid:
        return "an article needs a non-empty string 'article_id' (is this ingest's output?)"
    if not isinstance(text, str):
        return f"article {aid!r} needs a string 'text'"
    return None


class JsonlArticles:
    """The articles of an ingested JSONL file, read a line at a time each time it is iterated (see
    ``iter_jsonl``); its length is counted once, reading and checking every line."""

    def __init__(self, path):
        self.path = path
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = sum(1 for _ in iter_jsonl(self.path, check=article_problem))
        return self._count

    def __iter__(self) -> Iterator[dict]:
        return (obj for _, obj in iter_jsonl(self.path, check=article_problem))


def read_articles(path) -> list[dict]:
    """The articles of an ingested JSONL file; a row without a string id or text is an InputError."""
    return read_jsonl(path, check=article_problem)

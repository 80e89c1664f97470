"""Atomic file writes: every output is written to a temporary file, then renamed into place."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .errors import InputError


def write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
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


def write_jsonl(path, rows) -> Path:
    text = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    return write_bytes(path, text.encode("utf-8"))


def read_jsonl(path) -> list[dict]:
    """The objects of a JSONL file written by a stage (lines end at ``\\n`` only); a line that is
    not a JSON object is an ``InputError`` naming the file and line."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(path, f"the file is not UTF-8 text (invalid byte at offset {e.start})") from None
    rows = []
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise InputError(path, f"invalid JSON ({e.msg} at column {e.colno})", n) from None
        if not isinstance(rows[-1], dict):
            raise InputError(path, "each line must be a JSON object", n)
    return rows

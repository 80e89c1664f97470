"""Stage 1, ingest: files, folders and JSONL in, one ``articles`` row per article out.

Inputs: ``.txt``/``.md`` (optional sidecar ``NAME.meta.json``), ``.html``/``.htm`` (main text and
page metadata via trafilatura), ``.jsonl`` (one article per line). Text is normalised (Unicode NFC,
``\\n`` line endings, outer whitespace stripped) and every later offset indexes that text. Metadata
that is not known stays null: nothing is guessed. Every problem is an ``InputError`` naming the
file (and line).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from pathlib import Path
from typing import Callable, Iterable

from .errors import InputError

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SIDECAR = ".meta.json"
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# Metadata keys accepted in a sidecar or a JSONL record, and the column each fills.
META_KEYS = {"title": "title", "source": "source", "url": "url", "date": "published",
             "published": "published", "language": "language", "license": "license",
             "attribution": "attribution"}
COLUMNS = ("article_id", "title", "source", "url", "published", "language", "license",
           "attribution", "text", "sha256")


# ---------------------------------------------------------------- pure functions
def normalise_text(text: str) -> str:
    """NFC, \\n line endings, no byte-order mark, no outer whitespace."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def parse_date(value, where, line=None) -> str | None:
    """ISO date (YYYY-MM-DD) from an ISO date or date-time string; None stays None."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise InputError(where, f"date {value!r} is not an ISO 8601 date (YYYY-MM-DD)", line) from None


def make_article(article_id: str, text: str, meta: dict, where, line=None) -> dict:
    """One ``articles`` row from an id, raw text and metadata; checks id and text."""
    if not isinstance(article_id, str) or not ID_PATTERN.fullmatch(article_id):
        raise InputError(where, f"article id {article_id!r} must be letters, digits, '.', '_' or '-'", line)
    if not isinstance(text, str):
        raise InputError(where, "'text' must be a string", line)
    text = normalise_text(text)
    if not text:
        raise InputError(where, "the article text is empty", line)
    row = dict.fromkeys(COLUMNS)
    for key, value in meta.items():
        column = META_KEYS.get(key)
        if column is None:
            continue
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"metadata {key!r} must be a string, got {type(value).__name__}", line)
        row[column] = value.strip() or None if isinstance(value, str) else None
    row["published"] = parse_date(row["published"], where, line)
    row.update(article_id=article_id, text=text, language=row["language"] or "en",
               sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    row["_origin"] = f"{where}:{line}" if line is not None else str(where)
    return row


def check_unique(articles: list[dict]) -> list[dict]:
    """Articles sorted by id; two articles with one id are an error naming both sources."""
    seen: dict[str, str] = {}
    for a in articles:
        origin = a.pop("_origin")
        if a["article_id"] in seen:
            raise InputError(origin, f"article id {a['article_id']!r} is already used by {seen[a['article_id']]}")
        seen[a["article_id"]] = origin
    return sorted(articles, key=lambda a: a["article_id"])


# ---------------------------------------------------------------- I/O edge
def decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(path, "the file is empty")
    if b"\x00" in data:
        raise InputError(path, "the file is binary (it holds NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(path,
                         f"the file is not UTF-8 text (invalid byte 0x{data[e.start]:02x} "
                           f"at offset {e.start})") from None


def read_sidecar(path: Path) -> dict:
    meta_path = path.with_name(path.name[: -len(path.suffix)] + SIDECAR)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(decode(meta_path, meta_path.read_bytes()))
    except json.JSONDecodeError as e:
        raise InputError(meta_path, f"invalid JSON: {e.msg}", e.lineno) from None
    if not isinstance(meta, dict):
        raise InputError(meta_path, "a sidecar must hold one JSON object")
    unknown = sorted(set(meta) - set(META_KEYS))
    if unknown:
        raise InputError(meta_path, f"unknown metadata key(s) {unknown}; known: {sorted(META_KEYS)}")
    return meta


def read_text_file(path: Path) -> list[dict]:
    text = decode(path, path.read_bytes())
    row = make_article(path.stem, text, read_sidecar(path), path)
    return [row]


def read_html_file(path: Path) -> list[dict]:
    import trafilatura

    html = decode(path, path.read_bytes())
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        raise InputError(path, "no article text could be extracted from the page")
    meta = {"title": doc.title, "source": doc.sitename or doc.hostname, "url": doc.url,
            "date": doc.date, "license": doc.license}
    meta.update(read_sidecar(path))
    return [make_article(path.stem, doc.text, meta, path)]


def read_jsonl_file(path: Path) -> list[dict]:
    text = decode(path, path.read_bytes())
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(path, f"invalid JSON ({e.msg} at column {e.colno})", n) from None
        if not isinstance(rec, dict):
            raise InputError(path, "each line must be a JSON object", n)
        for key in ("id", "text"):
            if key not in rec:
                raise InputError(path, f"the record has no {key!r} field", n)
        rows.append(make_article(str(rec["id"]), rec["text"], rec, path, n))
    if not rows:
        raise InputError(path, "the file holds no records")
    return rows


READERS = {**dict.fromkeys(TEXT_SUFFIXES, read_text_file), **dict.fromkeys(HTML_SUFFIXES, read_html_file),
           **dict.fromkeys(JSONL_SUFFIXES, read_jsonl_file)}


def expand(paths: Iterable, notify: Callable[[str], None] = lambda message: None) -> list[Path]:
    """Input files: the files given and, for folders, the article files inside (sorted; sidecars,
    hidden files and files of other types are passed over, with a log line for the latter)."""
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            inside = [f for f in sorted(p.rglob("*")) if f.is_file()
                      and not f.name.startswith(".") and not f.name.endswith(SIDECAR)]
            other = [f for f in inside if f.suffix.lower() not in READERS]
            if other:
                kinds = ", ".join(sorted({f.suffix or f.name for f in other}))
                notify(f"ingest: {p}: passed over {len(other)} file(s) that are not articles ({kinds})")
            files.extend(f for f in inside if f.suffix.lower() in READERS)
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(p, "no such file or folder")
    if not files:
        raise InputError(", ".join(map(str, paths)) or "(no inputs)", "no input files found")
    return files


def ingest(paths: Iterable, notify: Callable[[str], None] = lambda message: None) -> list[dict]:
    """Read every input and return the ``articles`` rows, sorted by ``article_id``; ``notify``
    receives a line for each folder whose non-article files were passed over."""
    articles = []
    for f in expand(paths, notify):
        reader = READERS.get(f.suffix.lower())
        if reader is None:
            raise InputError(f, f"unknown file type {f.suffix!r}; expected one of {sorted(READERS)}")
        articles.extend(reader(f))
    return check_unique(articles)

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
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .io import is_url, json_object

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


# Longest article text accepted. Articles are parsed in pieces of 100,000 characters (extract/parsing.py)
# and the extractors stay linear: a 2,000,000-character article extracts in 0.8x its parse time with a
# peak of 1.9 GB (measured 2026-12-01); memory grows with the article (about 0.9 GB per million
# characters), so a longer one than this is refused, naming it.
MAX_CHARS = 5_000_000
# Characters JSON can carry that are not text: NUL and lone (unpaired) surrogates.
NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
RECORD_KEYS = {"id", "text"}


# ---------------------------------------------------------------- pure functions
def normalise_text(text: str) -> str:
    """NFC, \\n line endings, no byte-order mark, no outer whitespace."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def check_text(value: str, what: str, where, line=None) -> str:
    """A string read from JSON holds no NUL and no lone surrogate (neither is text)."""
    m = NOT_TEXT.search(value)
    if m:
        found = "a NUL character (U+0000)" if m.group() == "\x00" else f"a lone surrogate (U+{ord(m.group()):04X})"
        raise InputError(where, f"{what} holds {found} at offset {m.start()}, which is not text", line)
    return value


def parse_date(value, where, line=None, key: str = "date") -> str | None:
    """ISO date (YYYY-MM-DD) from a whole ISO 8601 date or date-time string; None stays None."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            return dt.datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        raise InputError(where, f"metadata {key!r}: {value!r} is not an ISO 8601 date (YYYY-MM-DD, or a date-time)",
                         line) from None


def record_id(value, where, line=None) -> str:
    """A JSONL record's id: a non-empty string, or an integer (written in decimal)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise InputError(where, f"'id' must be a non-empty string or an integer, not {json.dumps(value)}", line)
    return str(value)


def clean_meta(meta: dict, where, line=None) -> tuple[dict, list[str]]:
    """Known metadata by column (strings or null, text only, dates ISO 8601), and the unknown keys.
    Keys are checked one by one, so an error names the key."""
    row: dict = {}
    unknown = []
    for key, value in meta.items():
        column = META_KEYS.get(key)
        if column is None:
            if key not in RECORD_KEYS:
                unknown.append(key)
            continue
        if value is not None and not isinstance(value, str):
            raise InputError(where, f"metadata {key!r} must be a string, got {type(value).__name__}", line)
        value = check_text(value, f"metadata {key!r}", where, line).strip() or None if value is not None else None
        row[column] = parse_date(value, where, line, key) if column == "published" else value
    return row, unknown


def make_article(article_id: str, text: str, meta: dict, where, line=None) -> dict:
    """One ``articles`` row from an id, raw text and metadata; checks id, text and metadata."""
    if not isinstance(article_id, str) or not ID_PATTERN.fullmatch(article_id):
        raise InputError(where, f"article id {article_id!r} must be letters, digits, '.', '_' or '-'", line)
    if not isinstance(text, str):
        raise InputError(where, "'text' must be a string", line)
    text = normalise_text(check_text(text, "'text'", where, line))
    if not text:
        raise InputError(where, "the article text is empty", line)
    if len(text) > MAX_CHARS:
        raise InputError(where, f"article {article_id!r} is {len(text):,} characters long; the limit is "
                                f"{MAX_CHARS:,}: split it into several articles", line)
    row = dict.fromkeys(COLUMNS)
    row.update(clean_meta(meta, where, line)[0])
    row.update(article_id=article_id, text=text, language=row["language"] or "en",
               sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    row["_origin"] = f"{where}:{line}" if line is not None else str(where)
    return row


# ---------------------------------------------------------------- I/O edge
Unknown = dict[str, list[str]]  # unknown metadata key -> where it was found


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


def read_sidecar(path: Path, unknown: Unknown) -> dict:
    """The metadata in ``NAME.meta.json`` beside ``path``, checked key by key (errors name the sidecar)."""
    meta_path = path.with_name(path.name[: -len(path.suffix)] + SIDECAR)
    if not meta_path.exists():
        return {}
    try:
        meta = json.loads(decode(meta_path, meta_path.read_bytes()).removeprefix("\ufeff"))
    except json.JSONDecodeError as e:
        raise InputError(meta_path, f"invalid JSON: {e.msg}", e.lineno) from None
    if not isinstance(meta, dict):
        raise InputError(meta_path, "a sidecar must hold one JSON object")
    for key in clean_meta(meta, meta_path)[1]:
        unknown.setdefault(key, []).append(str(meta_path))
    return {k: v for k, v in meta.items() if k in META_KEYS}


def read_text_file(path: Path, unknown: Unknown) -> Iterator[dict]:
    text = decode(path, path.read_bytes())
    yield make_article(path.stem, text, read_sidecar(path, unknown), path)


def read_html_file(path: Path, unknown: Unknown) -> Iterator[dict]:
    import trafilatura

    html = decode(path, path.read_bytes())
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        raise InputError(path, "no article text could be extracted from the page")
    meta = {"title": doc.title, "source": doc.sitename or doc.hostname, "url": doc.url,
            "date": doc.date, "license": doc.license}
    meta.update(read_sidecar(path, unknown))
    yield make_article(path.stem, doc.text, meta, path)


def jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The line number and text of each non-blank line of a JSONL file, read a line at a time (lines
    end at ``\n`` only: U+2028, U+0085 ... are text inside a string); an empty, binary or non-UTF-8
    file is an ``InputError`` as ``decode`` says it."""
    offset, seen = 0, False
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            if b"\x00" in raw:
                raise InputError(path, "the file is binary (it holds NUL bytes), not text")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise InputError(path, f"the file is not UTF-8 text (invalid byte 0x{raw[e.start]:02x} "
                                       f"at offset {offset + e.start})") from None
            offset += len(raw)
            line = line.removeprefix("\ufeff") if n == 1 else line
            if line.strip():
                seen = True
                yield n, line
    if not seen:
        raise InputError(path, "the file is empty")


def read_jsonl_file(path: Path, unknown: Unknown) -> Iterator[dict]:
    """One article per line, read a line at a time."""
    for n, line in jsonl_lines(path):
        rec = json_object(path, line, n)
        for key in ("id", "text"):
            if key not in rec:
                raise InputError(path, f"the record has no {key!r} field", n)
        article = make_article(record_id(rec["id"], path, n), rec["text"], rec, path, n)
        for key in clean_meta(rec, path, n)[1]:
            unknown.setdefault(key, []).append(f"{path}:{n}")
        yield article


READERS = {**dict.fromkeys(TEXT_SUFFIXES, read_text_file), **dict.fromkeys(HTML_SUFFIXES, read_html_file),
           **dict.fromkeys(JSONL_SUFFIXES, read_jsonl_file)}


# ---------------------------------------------------------------- presstables' own outputs are never inputs
def is_package(folder: Path) -> bool:
    """A folder holding a package (or release) that presstables wrote."""
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(descriptor, dict) and "presstables" in descriptor


def is_report(file: Path) -> bool:
    """``validation.html``/``.json`` beside a validation report that presstables wrote."""
    if file.name not in ("validation.html", "validation.json"):
        return False
    try:
        report = json.loads((file.parent / "validation.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(report, dict) and {"package", "valid", "checks", "problems"} <= set(report)


def walk(root: Path, outputs: set[Path], notify: Callable[[str], None]) -> list[Path]:
    """Files under ``root``, sorted, without hidden files and folders, sidecars, this run's outputs
    and earlier outputs of presstables (packages, releases, validation reports): one notice each."""
    files = []
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        for d in sorted(dirs):
            sub = here / d
            if d.startswith("."):
                dirs.remove(d)
            elif sub.resolve() in outputs or is_package(sub):
                dirs.remove(d)
                notify(f"ingest: passed over {sub}: an output of presstables, not articles")
        for name in names:
            f = here / name
            if name.startswith(".") or name.endswith(SIDECAR):
                continue
            if f.resolve() in outputs or is_report(f):
                notify(f"ingest: passed over {f}: an output of presstables, not an article")
                continue
            files.append(f)
    return sorted(files)


def expand(paths: Iterable, notify: Callable[[str], None] = lambda message: None, outputs: Iterable = ()) -> list[Path]:
    """Input files: the files given and, for folders, the article files inside (sorted; sidecars,
    hidden files, the outputs of presstables and files of other types are passed over, with a log
    line for each output and one for the files of other types)."""
    outputs = {Path(p).resolve() for p in outputs if p and not is_url(p)}
    files = []
    for given in paths:
        if is_url(given):
            files.extend(remote_files(str(given), notify))
            continue
        p = Path(str(given).removeprefix("file://"))
        if p.is_dir():
            files.extend(article_files(p, walk(p, outputs, notify), notify))
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(p, "no such file or folder")
    if not files:
        raise InputError(", ".join(map(str, paths)) or "(no inputs)", "no input files found")
    return files


def remote_files(url: str, notify: Callable[[str], None]):
    """The article files at an fsspec URL: the file, or those under the prefix (sorted; hidden files,
    sidecars and files of other types passed over, with a line for the latter), as ``UPath`` objects
    that the readers use like local paths (errors name the URL)."""
    from upath import UPath

    root = UPath(url)
    try:
        if root.is_file():
            return [root]
        if not root.is_dir():
            raise InputError(url, "no such file or folder")
        found = sorted((p for p in root.rglob("*") if p.is_file()), key=str)
    except (OSError, ValueError, ImportError) as e:
        raise InputError(url, f"cannot be read ({type(e).__name__}: {e})") from None
    inside = [p for p in found if not any(part.startswith(".") for part in p.relative_to(root).parts)
              and not p.name.endswith(SIDECAR)]
    return article_files(url, inside, notify)


def article_files(folder, inside: list, notify: Callable[[str], None]) -> list:
    """The files of ``inside`` (a folder's files) that a reader takes; one line for the others."""
    other = [f for f in inside if f.suffix.lower() not in READERS]
    if other:
        kinds = ", ".join(sorted({f.suffix or f.name for f in other}))
        notify(f"ingest: {folder}: passed over {len(other)} file(s) that are not articles ({kinds})")
    return [f for f in inside if f.suffix.lower() in READERS]


def unknown_notice(unknown: Unknown) -> str:
    """One line for every unknown metadata key met, with where (the first place and a count)."""
    parts = [f"{key!r} in {places[0]}" + (f" and {len(places) - 1} more" if len(places) > 1 else "")
             for key, places in sorted(unknown.items())]
    return (f"ingest: passed over unknown metadata key(s) {'; '.join(parts)} "
            f"(known: {', '.join(sorted(META_KEYS))})")


class Articles:
    """The ingested articles in ``article_id`` order, read back one at a time from a spool: a local
    JSONL file written as the inputs were read (each input is read once; HTML is extracted once).
    Memory holds each article's id and the offset of its line, not its text. Iterating opens the
    spool anew each time; the spool is removed with the object (or at exit)."""

    def __init__(self, folder: tempfile.TemporaryDirectory, path: Path, index: list[tuple[str, int]]):
        self._folder, self._path, self._index = folder, path, sorted(index)

    def __len__(self) -> int:
        return len(self._index)

    def __iter__(self) -> Iterator[dict]:
        with open(self._path, "rb") as fh:
            for _, offset in self._index:
                fh.seek(offset)
                yield json.loads(fh.readline())

    def close(self) -> None:
        self._folder.cleanup()


def ingest_stream(paths: Iterable, notify: Callable[[str], None] = lambda message: None,
                  outputs: Iterable = ()) -> Articles:
    """Read every input once, checking each article (and that no two share an id) as it comes, into
    a spool; the ``Articles`` in id order. ``notify`` receives a line for each folder whose
    non-article files were passed over, for each output of presstables passed over (``outputs``: this
    run's own output paths), and one line for all unknown metadata keys (kept out of the table)."""
    folder = tempfile.TemporaryDirectory(prefix="presstables-ingest-")
    path = Path(folder.name) / "articles.jsonl"
    unknown: Unknown = {}
    seen: dict[str, str] = {}
    index: list[tuple[str, int]] = []
    try:
        with open(path, "wb") as spool:
            for f in expand(paths, notify, outputs):
                reader = READERS.get(f.suffix.lower())
                if reader is None:
                    raise InputError(f, f"unknown file type {f.suffix!r}; expected one of {sorted(READERS)}")
                for article in reader(f, unknown):
                    origin, aid = article.pop("_origin"), article["article_id"]
                    if aid in seen:
                        raise InputError(origin, f"article id {aid!r} is already used by {seen[aid]}")
                    seen[aid] = origin
                    index.append((aid, spool.tell()))
                    spool.write((json.dumps(article, ensure_ascii=False) + "\n").encode("utf-8"))
    except BaseException:
        folder.cleanup()
        raise
    if unknown:
        notify(unknown_notice(unknown))
    return Articles(folder, path, index)


def ingest(paths: Iterable, notify: Callable[[str], None] = lambda message: None, outputs: Iterable = ()) -> list[dict]:
    """Every input's ``articles`` rows as a list, sorted by ``article_id`` (``ingest_stream``, held)."""
    articles = ingest_stream(paths, notify, outputs)
    try:
        return list(articles)
    finally:
        articles.close()

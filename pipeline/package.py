"""Stage 3, package: tables in, ``data/<table>.csv`` + ``data/<table>.parquet`` + ``datapackage.json`` out.

``PackageWriter`` writes a package batch by batch (CSV lines as they come, Parquet in fixed row
groups of ``ROW_GROUP`` rows), so memory holds one batch and one row group per table, not the
tables. It writes into a staging folder that ``swap`` moves into place as one unit. ``render`` is
the same writer for a package held in memory. Same rows, same bytes: nothing depends on the clock
or on the batch sizes.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .errors import StageError
from .io import dumps_json, write_bytes, write_json
from .resources import csv_part_path, file_paths, parquet_part_path, paths, table_file_patterns
from .schemas import TABLES, arrow_schema, table_schema, to_arrow_value, to_csv_cell

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"
DESCRIPTOR = "datapackage.json"
# A package is staged in a hidden folder inside the output folder (same file system: a move is a
# rename), then swapped in under a journal; see ``swap`` and ``recover``.
STAGE_PREFIX = ".presstables-tmp-"
JOURNAL = ".presstables-swap.json"


UNKNOWN_LICENSE = {"name": "LicenseRef-unknown",
                   "title": "Unknown: some articles carry no known licence (see articles.license)"}


def license_entry(text: str) -> dict:
    """A licence entry: an SPDX-style id for Creative Commons and similar strings, the text as title."""
    m = re.fullmatch(r"(?i)\s*(?:creative commons\s+)?(cc)[\s-]*(by(?:[\s-]*(?:sa|nd|nc))*|0)[\s-]*(\d\.\d)?\s*", text)
    if m:
        parts = ["CC"] + re.split(r"[\s-]+", m.group(2).upper()) + ([m.group(3)] if m.group(3) else [])
        name = "CC0-1.0" if m.group(2) == "0" else "-".join(parts)
    else:
        name = "LicenseRef-" + (re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-") or "unnamed")
    return {"name": name, "title": text}


def parquet_name(table: str) -> str:
    return f"{table}_parquet"


ROW_GROUP = 10_000  # rows per Parquet row group: fixed, so the bytes never depend on how rows were batched
PART_ROWS = 1_000_000  # rows per part file of a big table (``TableWriter``); a smaller table is one file


@lru_cache(maxsize=None)
def layout(table: str) -> tuple[tuple[tuple[str, str], ...], pa.Schema]:
    """A table's (field name, Table Schema type) pairs and its Arrow schema, derived once per process."""
    return tuple((f["name"], f["type"]) for f in table_schema(table)["fields"]), arrow_schema(table)


def csv_text(table: str, rows: Iterable[Mapping], header: bool = False) -> bytes:
    """CSV lines of ``rows`` (and the header line first when ``header``), as UTF-8."""
    fields = layout(table)[0]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow([name for name, _ in fields])
    for row in rows:
        writer.writerow([to_csv_cell(type_, row.get(name)) for name, type_ in fields])
    return out.getvalue().encode("utf-8")


def csv_bytes(table: str, rows: list[dict]) -> bytes:
    return csv_text(table, rows, header=True)


def arrow_table(table: str, rows: list[dict]) -> pa.Table:
    fields, schema = layout(table)
    try:
        columns = {name: [to_arrow_value(type_, r.get(name)) for r in rows] for name, type_ in fields}
        return pa.Table.from_pydict(columns, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as e:
        raise StageError("package", f"table {table!r} does not fit its schema: {e}") from None


def created_from(latest_published: str | None) -> str | None:
    """Reproducible creation time: $SOURCE_DATE_EPOCH, else the latest publication date, else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"{latest_published}T00:00:00Z" if latest_published else None


def created(articles: list[dict]) -> str | None:
    """``created_from`` the latest publication date of ``articles``."""
    return created_from(max((a["published"] for a in articles if a.get("published")), default=None))


def parquet_field(field: dict) -> dict:
    """A field as Table Schema readers of Parquet see it. Arrays are Arrow lists, which frictionless
    reads (through pandas) as numpy arrays, not as the JSON arrays of its ``array`` type: declared
    ``any``, with the item type said in the description, so that ``frictionless validate`` checks
    what the field claims (present when required) and the Arrow schema types the items."""
    if field["type"] != "array":
        return field
    item = field.get("arrayItem", {}).get("type", "string")
    out = {k: v for k, v in field.items() if k not in ("type", "arrayItem", "constraints")}
    out["type"] = "any"
    out["description"] = f"{field.get('description', '')} In Parquet: a list of {item}s (Arrow list<{item}>).".strip()
    required = {k: v for k, v in field.get("constraints", {}).items() if k == "required"}
    if required:
        out["constraints"] = required
    return out


def parquet_schema(table: str, parted: frozenset[str] = frozenset()) -> dict:
    """The Table Schema of a table's Parquet resource: arrays are declared as ``parquet_field`` says;
    foreign keys point at the Parquet twins, except at a table written in parts (in ``parted``):
    frictionless reads only the first file of a multi-file Parquet resource, so they point at its
    CSV resource, which it reads whole (the two hold the same rows: ``validate`` proves it)."""
    schema = table_schema(table)
    schema["fields"] = [parquet_field(f) for f in schema["fields"]]
    for fk in schema.get("foreignKeys", []):
        target = fk["reference"].get("resource")
        if target and target not in parted:
            fk["reference"]["resource"] = parquet_name(target)
    return schema


def _resource(name: str, path: str | list[str], fmt: str, schema: dict, title: str, csv_facts: CsvFacts | None) -> dict:
    """A resource. Only the CSV files declare ``bytes`` and ``hash``: frictionless reads Parquet
    through pyarrow, not as a byte stream, so it cannot check them (``byte-count ... actual is None``);
    the Parquet twins are checked against their CSV row by row, and a release's SHA256SUMS covers them."""
    res = {"name": name, "title": title, "path": path, "format": fmt,
           "mediatype": "text/csv" if fmt == "csv" else PARQUET_MEDIATYPE}
    if csv_facts is not None:
        res.update(encoding="utf-8", bytes=csv_facts.bytes, hash="sha256:" + csv_facts.sha256)
    res["schema"] = schema
    return res


DEFAULT_NAME = "presstables"  # generic: ``publish`` asks for a dataset name when a package still has it


def default_title(name: str) -> str:
    """The package title made from its name (when no title is given)."""
    return f"{name}: quotes, figures and entities from news articles"


# ---------------------------------------------------------------- writing a package batch by batch
@dataclass(frozen=True, slots=True)
class CsvFacts:
    """What the descriptor says of a CSV file: its size and SHA-256."""

    bytes: int
    sha256: str


class TableWriter:
    """One table in ``folder``, fed rows batch by batch: CSV lines as they come, Parquet rows in row
    groups of ``ROW_GROUP`` (the last one shorter), from the Arrow schema of ``schemas/``. Holds at
    most one row group of rows. A table of more than ``part_rows`` rows is written as parts of
    ``part_rows`` rows (``resources``: ``data/<table>-csv/part-NNNNN.csv`` and
    ``data/<table>/part-NNNNN.parquet``, each part's CSV and Parquet holding the same rows); a table
    that fits in one part is ``data/<table>.csv`` and ``data/<table>.parquet``."""

    def __init__(self, table: str, folder: Path, part_rows: int = PART_ROWS):
        check_part_rows(part_rows)
        self.table = table
        self.folder = folder
        self.part_rows = part_rows
        self.group = min(ROW_GROUP, part_rows)
        self._hash = hashlib.sha256()
        self._bytes = 0
        self._header = csv_text(table, [], header=True)
        self._hash.update(self._header)
        self._bytes += len(self._header)
        self._pending: list[dict] = []
        self.parts = 0
        self._csv = self._parquet = None
        self._open_part()

    def _open_part(self) -> None:
        """Start the next part: its CSV file begins with the header (counted once in the hash). The
        first part is written as the table's single file until a second one is needed."""
        if self.parts == 1:
            for single, part in zip(self._part_files(None), self._part_files(0), strict=True):
                (self.folder / part).parent.mkdir(parents=True, exist_ok=True)
                os.rename(self.folder / single, self.folder / part)
        csv_path, parquet_path = (self.folder / p for p in self._part_files(self.parts or None))
        for path in (csv_path, parquet_path):
            path.parent.mkdir(parents=True, exist_ok=True)
        self._csv = open(csv_path, "wb")  # noqa: SIM115 -- closed by _close_part()
        self._csv.write(self._header)
        self._parquet = pq.ParquetWriter(parquet_path, layout(self.table)[1], compression="zstd")
        self.parts += 1
        self._in_part = 0  # rows written to this part's CSV
        self._groups = 0  # row groups written to this part's Parquet

    def _part_files(self, n: int | None) -> tuple[str, str]:
        """The CSV and Parquet paths of part ``n`` (None: the single files of a table of one part)."""
        if n is None:
            return file_paths(self.table, "csv", 1), file_paths(self.table, "parquet", 1)
        return csv_part_path(self.table, n), parquet_part_path(self.table, n)

    def write(self, rows: list[dict]) -> None:
        while rows:
            if self._in_part == self.part_rows:
                self._close_part()
                self._open_part()
            take, rows = rows[:self.part_rows - self._in_part], rows[self.part_rows - self._in_part:]
            data = csv_text(self.table, take)
            self._csv.write(data)
            self._hash.update(data)
            self._bytes += len(data)
            self._in_part += len(take)
            self._pending.extend(take)
            while len(self._pending) >= self.group:
                self._flush(self.group)

    def _flush(self, n: int) -> None:
        """Write the first ``n`` pending rows as one row group (one Arrow table made of them all: the
        bytes do not depend on how the rows were batched)."""
        group = arrow_table(self.table, self._pending[:n])
        try:
            self._parquet.write_table(group, row_group_size=self.group)
        except pa.ArrowInvalid as e:
            raise StageError("package", f"table {self.table!r} does not fit its schema: {e}") from None
        del self._pending[:n]
        self._groups += 1

    def _close_part(self) -> None:
        """Write the part's last row group (an empty table has one empty row group, as
        ``pq.write_table`` writes it) and close its files."""
        if self._pending or not self._groups:
            self._flush(len(self._pending))
        self.abort()

    def close(self) -> tuple[CsvFacts, int]:
        """Close the last part. Returns the CSV's size and hash (of the parts joined, the header
        once) and the number of parts."""
        self._close_part()
        return CsvFacts(self._bytes, self._hash.hexdigest()), self.parts

    def abort(self) -> None:
        self._parquet.close()
        self._csv.close()


def part_rows_problem(part_rows: int) -> str | None:
    """Why ``part_rows`` cannot be the rows of a part, if it cannot: parts hold whole row groups, so it
    is below ``ROW_GROUP`` (then it is the row group size) or a multiple of it."""
    if part_rows < 1 or (part_rows > ROW_GROUP and part_rows % ROW_GROUP):
        return f"rows per part must be a whole number from 1 to {ROW_GROUP:,} or a multiple of {ROW_GROUP:,}"
    return None


def check_part_rows(part_rows: int) -> None:
    problem = part_rows_problem(part_rows)
    if problem:
        raise StageError("package", f"{problem}, not {part_rows:,}")


@dataclass(slots=True)
class ArticleFacts:
    """What the descriptor says of the articles, gathered as they stream past."""

    count: int = 0
    unknown_license: int = 0
    licenses: set = field(default_factory=set)
    sources: set = field(default_factory=set)
    latest: str | None = None

    def add(self, articles: list[dict]) -> None:
        for a in articles:
            self.count += 1
            self.unknown_license += not a.get("license")
            self.licenses.update([a["license"]] if a.get("license") else [])
            self.sources.update([a["source"]] if a.get("source") else [])
            if a.get("published") and (self.latest is None or a["published"] > self.latest):
                self.latest = a["published"]


def describe(facts: ArticleFacts, resources: list[dict], *, name: str, title: str, version: str) -> dict:
    """The package descriptor."""
    unknown = facts.unknown_license
    descriptor = {
        "$schema": PROFILE,
        "name": name,
        "title": title,
        "description": (
            f"{facts.count} news article(s) turned into tables: who said what (quotes), the numbers "
            "claimed (figures) and who and what was named (entities, mentions). Each article's licence "
            "is in articles.license" + (f"; {unknown} article(s) have no known licence." if unknown else ".")),
        "version": version,
        "created": created_from(facts.latest),
        "licenses": [license_entry(lic) for lic in sorted(facts.licenses)] + ([UNKNOWN_LICENSE] if unknown else []),
        "sources": [{"title": s} for s in sorted(facts.sources)],
        "contributors": [{"title": "presstables (automatic extraction)", "roles": ["creator"]}],
        "keywords": ["news", "quotes", "attribution", "figures", "named entities"],
        "resources": resources,
        "presstables": {"version": __version__},
    }
    if descriptor["created"] is None:
        del descriptor["created"]
    return descriptor


class PackageWriter:
    """A package written into ``folder`` as batches of rows arrive (``write({table: rows})``, any
    tables, in any number of batches; rows of a table keep their order). ``close`` writes the last
    row groups and ``datapackage.json`` and returns the descriptor. Same rows, same bytes, whatever
    the batches. Writes in place: give it a staging folder (``stage_folder``) and ``swap`` it in."""

    def __init__(self, folder, *, name: str = DEFAULT_NAME, title: str | None = None, version: str = "0.1.0",
                 part_rows: int = PART_ROWS):
        self.folder = Path(folder)
        self.meta = {"name": name, "title": title or default_title(name), "version": version}
        self.facts = ArticleFacts()
        self.writers: dict[str, TableWriter] = {}
        try:
            for table in TABLES:
                self.writers[table] = TableWriter(table, self.folder, part_rows)
        except BaseException:
            self.abort()
            raise

    def write(self, tables: Mapping[str, list[dict]]) -> None:
        unknown = sorted(set(tables) - set(TABLES))
        if unknown:
            raise StageError("package", f"unknown table(s) {unknown}; the tables are {list(TABLES)}")
        for table, rows in tables.items():
            self.writers[table].write(rows)
        self.facts.add(tables.get("articles", []))

    def close(self) -> dict:
        resources = []
        closed = {table: self.writers[table].close() for table in TABLES}
        parted = frozenset(table for table, (_, parts) in closed.items() if parts > 1)
        for table, (facts, parts) in closed.items():
            ts = table_schema(table)
            resources.append(_resource(table, file_paths(table, "csv", parts), "csv", ts, ts["title"], facts))
            resources.append(_resource(parquet_name(table), file_paths(table, "parquet", parts), "parquet",
                                       parquet_schema(table, parted), ts["title"] + " (Parquet)", None))
        descriptor = describe(self.facts, resources, **self.meta)
        write_bytes(self.folder / DESCRIPTOR, descriptor_bytes(descriptor))
        return descriptor

    def abort(self) -> None:
        """Close the files after a failure (the staging folder is then removed whole)."""
        for writer in self.writers.values():
            writer.abort()



def package_files(descriptor: dict) -> list[str]:
    """The files a package consists of, relative to its folder: every file of every resource, and
    the descriptor."""
    return [rel for res in descriptor["resources"] for rel in paths(res)] + [DESCRIPTOR]


def write_package(folder, batches: Iterable[Mapping[str, list[dict]]], **meta) -> dict:
    """Write a whole package from ``batches`` of rows into ``folder``; returns the descriptor."""
    writer = PackageWriter(folder, **meta)
    try:
        for batch in batches:
            writer.write(batch)
        return writer.close()
    except BaseException:
        writer.abort()
        raise


def render(tables: dict[str, list[dict]], *, name: str = DEFAULT_NAME, title: str | None = None,
           version: str = "0.1.0") -> tuple[dict[str, bytes], dict]:
    """File contents by relative path, and the package descriptor, of a package held in memory (the
    same bytes as ``write_package``: it is written to a temporary folder and read back)."""
    missing = [t for t in TABLES if t not in tables]
    if missing:
        raise StageError("package", f"missing table(s) {missing}")
    with tempfile.TemporaryDirectory(prefix="presstables-render-") as tmp:
        descriptor = write_package(tmp, [tables], name=name, title=title, version=version)
        files = {rel: (Path(tmp) / rel).read_bytes() for rel in package_files(descriptor) if rel != DESCRIPTOR}
    return files, descriptor


def descriptor_bytes(descriptor: dict) -> bytes:
    return dumps_json(descriptor).encode("utf-8")


def write(out_dir, files: dict[str, bytes], descriptor: dict) -> None:
    """Write the tables, then the descriptor, each atomically."""
    for rel, data in sorted(files.items()):
        write_bytes(os.path.join(out_dir, rel), data)
    write_bytes(os.path.join(out_dir, "datapackage.json"), descriptor_bytes(descriptor))


# ---------------------------------------------------------------- swapping a package into place
def stage_folder(out_dir) -> Path:
    """A new staging folder inside ``out_dir``, named after this process (``recover`` removes the
    folders of processes that are gone)."""
    return Path(tempfile.mkdtemp(prefix=f"{STAGE_PREFIX}{os.getpid()}-", dir=out_dir))


def swap(stage: Path, out_dir, files: list[str]) -> None:
    """Move a staged, validated package into ``out_dir`` as one unit. The journal (naming the
    staging folder, the files and the old package's table files the new one does not have) is
    written first: from then on the update is committed, and if the process dies between two moves,
    ``recover`` finishes it. The descriptor moves last; then the old files go (a table that was
    parts and is one file now, or had more parts, leaves nothing behind that a reader of
    ``data/<table>/`` would take for its rows)."""
    out = Path(out_dir)
    rels = [rel for rel in files if rel != DESCRIPTOR] + [DESCRIPTOR]
    stale = sorted(set(table_files(out)) - set(rels))
    write_json(out / JOURNAL, {"stage": stage.name, "files": rels, "remove": stale})
    _finish(stage, out, rels, stale)


def table_files(out: Path) -> list[str]:
    """The table files (single or parts) in a package folder, relative to it."""
    return [p.relative_to(out).as_posix() for table in TABLES for pattern in table_file_patterns(table)
            for p in sorted(out.glob(pattern)) if p.is_file()]


def _finish(stage: Path, out: Path, rels: list[str], stale: list[str]) -> None:
    for rel in rels:
        src = stage / rel
        if src.exists():  # when resuming, the files moved before the interruption are gone
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, out / rel)
    for rel in stale:
        (out / rel).unlink(missing_ok=True)
    for folder in sorted({(out / rel).parent for rel in stale} - {out / "data"}):
        with contextlib.suppress(OSError):  # a parts folder left empty goes too
            folder.rmdir()
    (out / JOURNAL).unlink()
    shutil.rmtree(stage, ignore_errors=True)


def _alive(stage_name: str) -> bool:
    """Whether the process that made a staging folder still runs (not this one: it stages nothing yet)."""
    pid = stage_name[len(STAGE_PREFIX):].split("-", 1)[0]
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:  # it runs, as another user
        return True
    return True


def recover(out_dir) -> list[str]:
    """Put ``out_dir`` back in order after a build that was killed: finish a committed swap (the
    journal names it: the new package), then remove staging folders of builds that are gone (their
    package was never committed: the old one stays). Returns a line for each thing done."""
    out = Path(out_dir)
    done = []
    journal = out / JOURNAL
    if journal.is_file():
        try:
            entry = json.loads(journal.read_text(encoding="utf-8"))
            stage, rels, stale = out / entry["stage"], list(entry["files"]), list(entry.get("remove", []))
        except (ValueError, KeyError, TypeError) as e:
            raise StageError("package", f"{journal}: unreadable journal of an interrupted update ({e}); "
                                        "remove it and rebuild") from None
        _finish(stage, out, rels, stale)
        done.append(f"package: finished the update of {out / DESCRIPTOR} that an earlier run left half done")
    for tmp in sorted(out.glob(f".{JOURNAL}.*.tmp")):
        tmp.unlink()
    for stale in sorted(out.glob(STAGE_PREFIX + "*")):
        if stale.is_dir() and not _alive(stale.name):
            shutil.rmtree(stale, ignore_errors=True)
            done.append(f"package: removed {stale}, left by a build that was interrupted")
    return done


def upload(folder: Path, url: str) -> None:
    """Copy the package in ``folder`` to an fsspec URL: the table files, then the descriptor (an
    object store has no rename: a reader who takes the descriptor as the mark of a whole package
    sees the old one or the new one; an interrupted upload leaves table files that fail validation
    against the old descriptor until the next run), then remove the old package's table files that
    the new one does not have."""
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(url)
    root = root.rstrip("/")
    rels = package_files(json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8")))
    before = {p[len(root) + 1:] for table in TABLES for pattern in table_file_patterns(table)
              for p in fs.glob(f"{root}/{pattern}")}
    for rel in rels:  # the descriptor comes last in ``package_files``
        fs.put_file(str(folder / rel), f"{root}/{rel}")
    for rel in sorted(before - set(rels)):
        fs.rm_file(f"{root}/{rel}")


def interrupted(out_dir) -> Path | None:
    """The journal of an update that was interrupted in ``out_dir``, if there is one."""
    journal = Path(out_dir) / JOURNAL
    return journal if journal.is_file() else None

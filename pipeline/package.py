"""Stage 3, package: tables in, ``data/<table>.csv`` + ``data/<table>.parquet`` + ``datapackage.json`` out.

``PackageWriter`` writes a package batch by batch (CSV lines as they come, Parquet in fixed row
groups of ``ROW_GROUP`` rows), so memory holds one batch and one row group per table, not the
tables. It writes into a staging folder that ``swap`` moves into place as one unit. ``render`` is
the same writer for a package held in memory. Same rows, same bytes: nothing depends on the clock
or on the batch sizes.
"""
from __future__ import annotations

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


def parquet_schema(table: str) -> dict:
    """The Table Schema of a table's Parquet resource: foreign keys point at the Parquet twins,
    arrays are declared as ``parquet_field`` says."""
    schema = table_schema(table)
    schema["fields"] = [parquet_field(f) for f in schema["fields"]]
    for fk in schema.get("foreignKeys", []):
        if fk["reference"].get("resource"):
            fk["reference"]["resource"] = parquet_name(fk["reference"]["resource"])
    return schema


def _resource(name: str, path: str, fmt: str, schema: dict, title: str, csv_facts: CsvFacts | None) -> dict:
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
    """One table's ``data/<table>.csv`` and ``data/<table>.parquet`` in ``folder``, fed rows batch by
    batch: CSV lines are written as they come, Parquet rows in row groups of ``ROW_GROUP`` (the last
    one shorter), from the Arrow schema of ``schemas/``. Holds at most one row group of rows."""

    def __init__(self, table: str, folder: Path):
        self.table = table
        (folder / "data").mkdir(parents=True, exist_ok=True)
        self._csv = open(folder / "data" / f"{table}.csv", "wb")  # noqa: SIM115 -- closed by close()
        self._hash = hashlib.sha256()
        self._bytes = 0
        self._parquet = pq.ParquetWriter(folder / "data" / f"{table}.parquet", layout(table)[1],
                                         compression="zstd")
        self._pending: list[dict] = []
        self._groups = 0
        self._write_csv(csv_text(table, [], header=True))

    def _write_csv(self, data: bytes) -> None:
        self._csv.write(data)
        self._hash.update(data)
        self._bytes += len(data)

    def write(self, rows: list[dict]) -> None:
        self._write_csv(csv_text(self.table, rows))
        self._pending.extend(rows)
        while len(self._pending) >= ROW_GROUP:
            self._flush(ROW_GROUP)

    def _flush(self, n: int) -> None:
        """Write the first ``n`` pending rows as one row group (one Arrow table made of them all: the
        bytes do not depend on how the rows were batched)."""
        group = arrow_table(self.table, self._pending[:n])
        try:
            self._parquet.write_table(group, row_group_size=ROW_GROUP)
        except pa.ArrowInvalid as e:
            raise StageError("package", f"table {self.table!r} does not fit its schema: {e}") from None
        del self._pending[:n]
        self._groups += 1

    def close(self) -> CsvFacts:
        """Write the last row group (an empty table has one empty row group, as ``pq.write_table``
        writes it) and close both files."""
        if self._pending or not self._groups:
            self._flush(len(self._pending))
        self.abort()
        return CsvFacts(self._bytes, self._hash.hexdigest())

    def abort(self) -> None:
        self._parquet.close()
        self._csv.close()


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

    def __init__(self, folder, *, name: str = DEFAULT_NAME, title: str | None = None, version: str = "0.1.0"):
        self.folder = Path(folder)
        self.meta = {"name": name, "title": title or default_title(name), "version": version}
        self.facts = ArticleFacts()
        self.writers: dict[str, TableWriter] = {}
        try:
            for table in TABLES:
                self.writers[table] = TableWriter(table, self.folder)
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
        for table in TABLES:
            ts = table_schema(table)
            facts = self.writers[table].close()
            resources.append(_resource(table, f"data/{table}.csv", "csv", ts, ts["title"], facts))
            resources.append(_resource(parquet_name(table), f"data/{table}.parquet", "parquet",
                                       parquet_schema(table), ts["title"] + " (Parquet)", None))
        descriptor = describe(self.facts, resources, **self.meta)
        write_bytes(self.folder / DESCRIPTOR, descriptor_bytes(descriptor))
        return descriptor

    def abort(self) -> None:
        """Close the files after a failure (the staging folder is then removed whole)."""
        for writer in self.writers.values():
            writer.abort()

    @staticmethod
    def files() -> list[str]:
        """The files a package consists of, relative to its folder."""
        return [f"data/{t}.{fmt}" for t in TABLES for fmt in ("csv", "parquet")] + [DESCRIPTOR]


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
        files = {rel: (Path(tmp) / rel).read_bytes() for rel in PackageWriter.files() if rel != DESCRIPTOR}
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
    staging folder and the files) is written first: from then on the update is committed, and if
    the process dies between two moves, ``recover`` finishes it. The descriptor moves last."""
    out = Path(out_dir)
    rels = [rel for rel in files if rel != DESCRIPTOR] + [DESCRIPTOR]
    write_json(out / JOURNAL, {"stage": stage.name, "files": rels})
    _finish(stage, out, rels)


def _finish(stage: Path, out: Path, rels: list[str]) -> None:
    for rel in rels:
        src = stage / rel
        if src.exists():  # when resuming, the files moved before the interruption are gone
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(src, out / rel)
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
            stage, rels = out / entry["stage"], list(entry["files"])
        except (ValueError, KeyError, TypeError) as e:
            raise StageError("package", f"{journal}: unreadable journal of an interrupted update ({e}); "
                                        "remove it and rebuild") from None
        _finish(stage, out, rels)
        done.append(f"package: finished the update of {out / DESCRIPTOR} that an earlier run left half done")
    for tmp in sorted(out.glob(f".{JOURNAL}.*.tmp")):
        tmp.unlink()
    for stale in sorted(out.glob(STAGE_PREFIX + "*")):
        if stale.is_dir() and not _alive(stale.name):
            shutil.rmtree(stale, ignore_errors=True)
            done.append(f"package: removed {stale}, left by a build that was interrupted")
    return done


def interrupted(out_dir) -> Path | None:
    """The journal of an update that was interrupted in ``out_dir``, if there is one."""
    journal = Path(out_dir) / JOURNAL
    return journal if journal.is_file() else None

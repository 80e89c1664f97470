"""Stage 3, package: tables in, ``data/<table>.csv`` + ``data/<table>.parquet`` + ``datapackage.json`` out.

The pure part (``render``) turns the tables into file contents (bytes) and the descriptor; the
edge (``write``) writes them atomically. Same tables, same bytes: nothing depends on the clock.
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
from pathlib import Path

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


def csv_bytes(table: str, rows: list[dict]) -> bytes:
    fields = table_schema(table)["fields"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([f["name"] for f in fields])
    for row in rows:
        writer.writerow([to_csv_cell(f["type"], row.get(f["name"])) for f in fields])
    return out.getvalue().encode("utf-8")


def arrow_table(table: str, rows: list[dict]) -> pa.Table:
    schema = arrow_schema(table)
    types = {f["name"]: f["type"] for f in table_schema(table)["fields"]}
    try:
        columns = {name: [to_arrow_value(types[name], r.get(name)) for r in rows] for name in schema.names}
        return pa.Table.from_pydict(columns, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as e:
        raise StageError("package", f"table {table!r} does not fit its schema: {e}") from None


def parquet_bytes(table: str, rows: list[dict]) -> bytes:
    sink = pa.BufferOutputStream()
    try:
        pq.write_table(arrow_table(table, rows), sink, compression="zstd")
    except pa.ArrowInvalid as e:
        raise StageError("package", f"table {table!r} does not fit its schema: {e}") from None
    return sink.getvalue().to_pybytes()


def created(articles: list[dict]) -> str | None:
    """Reproducible creation time: $SOURCE_DATE_EPOCH, else the latest publication date, else None."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
        return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = sorted(a["published"] for a in articles if a.get("published"))
    return f"{dates[-1]}T00:00:00Z" if dates else None


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


def _resource(name: str, path: str, data: bytes, fmt: str, schema: dict, title: str) -> dict:
    """A resource. Only the CSV files declare ``bytes`` and ``hash``: frictionless reads Parquet
    through pyarrow, not as a byte stream, so it cannot check them (``byte-count ... actual is None``);
    the Parquet twins are checked against their CSV row by row, and a release's SHA256SUMS covers them."""
    res = {"name": name, "title": title, "path": path, "format": fmt,
           "mediatype": "text/csv" if fmt == "csv" else PARQUET_MEDIATYPE}
    if fmt == "csv":
        res.update(encoding="utf-8", bytes=len(data), hash="sha256:" + hashlib.sha256(data).hexdigest())
    res["schema"] = schema
    return res


DEFAULT_NAME = "presstables"  # generic: ``publish`` asks for a dataset name when a package still has it


def default_title(name: str) -> str:
    """The package title made from its name (when no title is given)."""
    return f"{name}: quotes, figures and entities from news articles"


def render(tables: dict[str, list[dict]], *, name: str = DEFAULT_NAME, title: str | None = None,
           version: str = "0.1.0") -> tuple[dict[str, bytes], dict]:
    """File contents by relative path, and the package descriptor (not yet serialised); the title
    is ``title``, else made from ``name``."""
    title = title or default_title(name)
    missing = [t for t in TABLES if t not in tables]
    if missing:
        raise StageError("package", f"missing table(s) {missing}")
    files: dict[str, bytes] = {}
    resources = []
    for table in TABLES:
        ts = table_schema(table)
        for fmt, res_name, schema in (("csv", table, ts), ("parquet", parquet_name(table), parquet_schema(table))):
            path = f"data/{table}.{fmt}"
            data = csv_bytes(table, tables[table]) if fmt == "csv" else parquet_bytes(table, tables[table])
            files[path] = data
            label = ts["title"] + (" (Parquet)" if fmt == "parquet" else "")
            resources.append(_resource(res_name, path, data, fmt, schema, label))

    articles = tables["articles"]
    licenses = sorted({a["license"] for a in articles if a.get("license")})
    sources = sorted({a["source"] for a in articles if a.get("source")})
    unknown = sum(1 for a in articles if not a.get("license"))
    descriptor = {
        "$schema": PROFILE,
        "name": name,
        "title": title,
        "description": (
            f"{len(articles)} news article(s) turned into tables: who said what (quotes), the numbers "
            "claimed (figures) and who and what was named (entities, mentions). Each article's licence "
            "is in articles.license" + (f"; {unknown} article(s) have no known licence." if unknown else ".")),
        "version": version,
        "created": created(articles),
        "licenses": [license_entry(lic) for lic in licenses] + ([UNKNOWN_LICENSE] if unknown else []),
        "sources": [{"title": s} for s in sources],
        "contributors": [{"title": "presstables (automatic extraction)", "roles": ["creator"]}],
        "keywords": ["news", "quotes", "attribution", "figures", "named entities"],
        "resources": resources,
        "presstables": {"version": __version__},
    }
    if descriptor["created"] is None:
        del descriptor["created"]
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

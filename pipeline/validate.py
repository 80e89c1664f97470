"""Stage 4, validate: a package is published only if every check passes.

Checks, each reporting ``Problem`` rows that name the table, the row's primary key and the field:
- structure (frictionless): types, constraints, primary and foreign keys, bytes and hashes, on
  the CSV resources (frictionless reads nullable integers from Parquet as floats);
- integrity of the Parquet copies: bytes and hash as declared, and the same rows as the CSV;
- provenance: every span equals ``articles.text[start:end]``;
- data quality: the suites registered in ``EXTRA_CHECKS`` (Great Expectations, imported only here).
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from .schemas import TABLES, table_schema

SPAN_TABLES = ("mentions", "quotes", "figures")
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class Problem:
    """One failed check: which check, on which table, row (by primary key) and field."""

    check: str
    table: str
    message: str
    row_key: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.table + (f"[{self.row_key}]" if self.row_key else "") + (f".{self.field}" if self.field else "")
        return f"{where}: {self.check}: {self.message}"

    def to_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- reading
def load_descriptor(path) -> dict:
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no such data package descriptor") from None


def read_csv_rows(base: Path, resource: dict) -> list[dict]:
    """Rows of a CSV resource as strings (empty cell = None)."""
    with open(base / resource["path"], newline="", encoding="utf-8") as fh:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(fh)]


def csv_tables(descriptor: dict, base: Path) -> dict[str, list[dict]]:
    return {r["name"]: read_csv_rows(base, r) for r in descriptor["resources"]
            if r.get("format") == "csv" and r["name"] in TABLES and (base / r["path"]).is_file()}


# ---------------------------------------------------------------- checks
def check_structure(descriptor: dict, base: Path) -> list[Problem]:
    """frictionless on the CSV resources: schema types, constraints, keys, bytes and hash."""
    from frictionless import FrictionlessException, Package

    csv_only = dict(descriptor, resources=[r for r in descriptor["resources"] if r.get("format") == "csv"])
    try:
        report = Package(csv_only, basepath=str(base)).validate()
    except FrictionlessException as e:
        return [Problem(f"frictionless:{e.error.type}", "datapackage", e.error.message)]
    problems = []
    for task in report.tasks:
        pk = table_schema(task.name)["primaryKey"][0] if task.name in TABLES else None
        for err in task.errors:
            key = None
            cells = getattr(err, "cells", None)
            if pk and cells:
                header = [f["name"] for f in table_schema(task.name)["fields"]]
                key = cells[header.index(pk)] if header.index(pk) < len(cells) else None
            row = getattr(err, "row_number", None)
            if key is None and row is not None:
                key = f"row {row}"
            problems.append(Problem(f"frictionless:{err.type}", task.name, err.message,
                                    key, getattr(err, "field_name", None)))
    for err in report.errors:
        problems.append(Problem(f"frictionless:{err.type}", "datapackage", err.message))
    return problems


def check_parquet(descriptor: dict, base: Path) -> list[Problem]:
    """Each Parquet copy: declared bytes and hash, and exactly the rows of its CSV twin."""
    import pyarrow.parquet as pq

    from .package import csv_bytes

    problems = []
    for res in descriptor["resources"]:
        if res.get("format") != "parquet":
            continue
        table = res["path"].rsplit("/", 1)[-1].rsplit(".", 1)[0]
        path = base / res["path"]
        if not path.exists():
            problems.append(Problem("parquet:missing", res["name"], f"{res['path']} does not exist"))
            continue
        data = path.read_bytes()
        if res.get("bytes") != len(data) or res.get("hash") != "sha256:" + hashlib.sha256(data).hexdigest():
            problems.append(Problem("parquet:hash", res["name"], f"{res['path']} differs from its declared bytes/hash"))
            continue
        rows = pq.read_table(path).to_pylist()
        for row in rows:
            for k, v in row.items():
                if hasattr(v, "isoformat"):
                    row[k] = v.isoformat()
        twin = base / f"data/{table}.csv"
        if not twin.exists() or csv_bytes(table, rows) != twin.read_bytes():
            problems.append(Problem("parquet:rows", res["name"], f"{res['path']} does not hold the same rows as data/{table}.csv"))
    return problems


def check_spans(tables: dict[str, list[dict]]) -> list[Problem]:
    """Provenance: every span's text equals the article's text at [start, end)."""
    texts = {a["article_id"]: a["text"] for a in tables.get("articles", [])}
    problems = []
    for table in SPAN_TABLES:
        pk = table_schema(table)["primaryKey"][0]
        for row in tables.get(table, []):
            text = texts.get(row.get("article_id"))
            if text is None:
                continue  # a dangling article_id is reported by the foreign-key check
            try:
                start, end = int(row["start"]), int(row["end"])
            except (TypeError, ValueError):
                continue  # a bad offset is reported by the type check
            if not (0 <= start < end <= len(text)) or text[start:end] != row.get("text"):
                got = text[start:end] if 0 <= start < end <= len(text) else "(out of range)"
                problems.append(Problem("provenance:span", table,
                                        f"text {row.get('text')!r} != article text[{start}:{end}] {got!r}",
                                        row[pk], "text"))
    return problems


# Data-quality checks registered by later layers: f(descriptor, base) -> list[Problem].
EXTRA_CHECKS: list[Callable[[dict, Path], list[Problem]]] = []


def validate(descriptor_path) -> list[Problem]:
    """Run every check on the package at ``descriptor_path``; return the problems (empty: valid)."""
    path = Path(descriptor_path)
    descriptor = load_descriptor(path)
    base = path.parent
    problems = check_structure(descriptor, base)
    problems += check_parquet(descriptor, base)
    problems += check_spans(csv_tables(descriptor, base))
    for check in EXTRA_CHECKS:
        problems += check(descriptor, base)
    return problems

"""Stage 4, validate: a package is published only if every check passes.

Checks, each reporting ``Problem`` rows that name the table, the row's primary key and the field:
- contract: every table of the contract is there (CSV and Parquet, at their paths) with exactly
  the Table Schema of ``schemas/`` (a descriptor's schemas are not trusted), and no update of the
  package was left half done (``package.swap``);
- structure (frictionless): types, constraints, primary keys, bytes and hashes, on the CSV
  resources (frictionless reads nullable integers from Parquet as floats);
- integrity of the Parquet copies: the same rows as the CSV, compared a row group at a time (and
  bytes and hash when a descriptor declares them: ours do not, as frictionless cannot check them
  on Parquet);
- keys: every foreign key of ``schemas/``, a DuckDB anti-join over the Parquet copies
  (``pipeline.crosscheck``; the CSV copies hold the same rows, proven by the check before);
- provenance (DuckDB over the Parquet copies): every span equals ``articles.text[start:end]``,
  links stay inside their article, a figure's quote holds the figure, ``mention_count`` counts
  the mentions, ``sha256`` is the hash of the text;
- data quality: one Great Expectations suite per table (``pipeline.quality``, imported only here).

With a ``QualityWorker`` (``build``), the data-quality check (and the Parquet check, when the child is
ready for it) runs in its child while the others run here.

``validate(path)`` returns a ``Report``; the package is valid when no problem is an error
(warnings are quality targets that were missed).
"""
from __future__ import annotations

import atexit
import contextlib
import csv
import hashlib
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Callable

from .errors import InputError
from .problems import Problem, Report
from .resources import file_paths, joined_csv, paths, table_of
from .schemas import TABLES, table_schema

DESCRIPTOR = "datapackage.json"
MAX_ROW_PROBLEMS = 50  # rows named per check and table; more are counted
csv.field_size_limit(sys.maxsize)


# ---------------------------------------------------------------- reading
def find_descriptor(path) -> Path:
    """The descriptor of a package: the path given, or ``datapackage.json`` inside a folder."""
    path = Path(path)
    return path / DESCRIPTOR if path.is_dir() else path


def load_descriptor(path) -> dict:
    """The descriptor as a JSON object; anything else is an ``InputError`` naming the problem."""
    path = find_descriptor(path)
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except FileNotFoundError:
        raise InputError(path, "no such data package descriptor") from None
    except UnicodeDecodeError as e:
        raise InputError(path, f"the descriptor is not UTF-8 text (invalid byte at offset {e.start})") from None
    except OSError as e:
        raise InputError(path, f"cannot read the descriptor ({e.strerror})") from None
    if not text.strip():
        raise InputError(path, "the descriptor is empty")
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(path, f"invalid JSON ({e.msg} at column {e.colno})", e.lineno) from None
    if not isinstance(descriptor, dict):
        raise InputError(path, f"a descriptor holds one JSON object, not {type(descriptor).__name__}")
    return descriptor


def csv_rows(data: bytes) -> list[dict]:
    """Rows of a CSV file as strings (empty cell = None)."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    return [{k: (v if v != "" else None) for k, v in row.items()} for row in reader]


def csv_tables(descriptor: dict, files: dict[str, bytes]) -> dict[str, list[dict]]:
    """Rows of each CSV resource whose files are in ``files`` (bytes by relative path), parts joined."""
    return {r["name"]: csv_rows(joined_csv(r, files.__getitem__)) for r in descriptor["resources"]
            if r.get("format") == "csv" and all(p in files for p in paths(r))}


# ---------------------------------------------------------------- checks
def contract_resources(parts: dict[str, int] | None = None) -> dict[str, tuple[str | list[str], str, dict]]:
    """Every resource the contract requires: name -> (path, format, Table Schema); a table written in
    ``parts[table]`` parts has the list of its part files as path."""
    from .package import parquet_name, parquet_schema

    parts = parts or {}
    parted = frozenset(table for table, n in parts.items() if n > 1)
    out = {}
    for table in TABLES:
        n = parts.get(table, 1)
        out[table] = (file_paths(table, "csv", n), "csv", table_schema(table))
        out[parquet_name(table)] = (file_paths(table, "parquet", n), "parquet", parquet_schema(table, parted))
    return out


def declared_parts(descriptor: dict) -> dict[str, int]:
    """How many parts the descriptor gives each table's CSV resource (1 for a single file)."""
    return {r["name"]: len(paths(r)) for r in descriptor["resources"] if r.get("name") in TABLES}


def _differ(what: str, got: dict, want: dict) -> str:
    keys = sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))
    first = keys[0]
    return (f"{what}{', '.join(keys)} differ{'s' if len(keys) == 1 else ''} (descriptor {first}: "
            f"{json.dumps(got.get(first))[:150]}; contract: {json.dumps(want.get(first))[:150]})")


def schema_difference(declared, contract: dict) -> str:
    """The first way a declared Table Schema differs from the contract's, in words."""
    if not isinstance(declared, dict):
        return f"the descriptor gives {type(declared).__name__}, not a Table Schema"
    if isinstance(declared.get("fields"), list):
        fields = {f.get("name"): f for f in declared["fields"] if isinstance(f, dict)}
        for want in contract["fields"]:
            got = fields.get(want["name"])
            if got is None:
                return f"field {want['name']!r} is missing"
            if got != want:
                return _differ(f"field {want['name']!r}: ", got, want)
    return _differ("", declared, contract)


def check_contract(descriptor: dict, base: Path) -> list[Problem]:
    """The descriptor describes the contract's package: every table (CSV and Parquet) at its path,
    with the Table Schema of ``schemas/`` exactly; and no update was left half done."""
    from .package import JOURNAL

    problems = []
    if (base / JOURNAL).is_file():
        problems.append(Problem("contract:interrupted", "datapackage",
                                f"{base / JOURNAL}: an update of this package was interrupted, so its files may "
                                "mix two builds; run the build (or package) into this folder again to finish it"))
    declared = {r.get("name"): r for r in descriptor["resources"]}
    for name, (path, fmt, schema) in contract_resources(declared_parts(descriptor)).items():
        res = declared.get(name)
        if res is None:
            problems.append(Problem("contract:resource", name, f"the descriptor has no resource {name!r} ({path}); "
                                                              "every table of the contract is required"))
            continue
        if (res.get("path"), res.get("format")) != (path, fmt):
            want = path if isinstance(path, str) else f"{path[0]} ... {path[-1]} ({len(path)} parts, as its CSV)"
            problems.append(Problem("contract:resource", name, f"resource {name!r} must be {want} (format {fmt}), "
                                                              f"not {res.get('path')!r} ({res.get('format')!r})"))
        if res.get("schema") != schema:
            table = name.removesuffix("_parquet")
            problems.append(Problem("contract:schema", name, f"the schema in the descriptor is not "
                                    f"schemas/{table}.json: {schema_difference(res.get('schema'), schema)}"))
    return problems


def without_foreign_keys(schema: dict) -> dict:
    """A contract schema for frictionless: its foreign keys are checked by ``crosscheck.check_keys``
    (DuckDB anti-joins over the Parquet copies, which the ``parquet`` check proves equal to the CSV),
    not by frictionless, which holds every referenced key in Python."""
    return {k: v for k, v in schema.items() if k != "foreignKeys"}


def check_structure(descriptor: dict, base: Path) -> list[Problem]:
    """frictionless on the CSV resources: schema types, constraints, primary keys, bytes and hash,
    each table checked against the contract's Table Schema (not the one the descriptor declares)."""
    from frictionless import FrictionlessException, Package

    contract = contract_resources()
    csv_only = dict(descriptor, resources=[
        dict(r, schema=without_foreign_keys(contract[r["name"]][2]))
        if r.get("name") in contract and contract[r["name"]][1] == "csv" else r
        for r in descriptor["resources"] if r.get("format") == "csv"])
    try:
        report = Package(csv_only, basepath=str(base)).validate()
    except FrictionlessException as e:
        return [Problem(f"frictionless:{e.error.type}", "datapackage", e.error.message)]
    problems = []
    for task in report.tasks:
        pk_at = None
        if task.name in TABLES:
            ts = table_schema(task.name)
            pk_at = [f["name"] for f in ts["fields"]].index(ts["primaryKey"][0])
        for err in task.errors:
            cells = getattr(err, "cells", None) or []
            key = cells[pk_at] if pk_at is not None and pk_at < len(cells) else None
            row = getattr(err, "row_number", None)
            if key is None and row is not None:
                key = f"row {row}"
            problems.append(Problem(f"frictionless:{err.type}", task.name, err.message,
                                    key, getattr(err, "field_name", None)))
    for err in report.errors:
        problems.append(Problem(f"frictionless:{err.type}", "datapackage", err.message))
    return problems


def parquet_rows(path: Path) -> list[dict]:
    """The rows of a Parquet file, dates as ISO strings (as the CSV writer takes them)."""
    import pyarrow.parquet as pq

    return iso_dates(pq.read_table(path).to_pylist())


def iso_dates(rows: list[dict]) -> list[dict]:
    """Rows with dates as ISO strings (as the CSV writer takes them), in place."""
    for row in rows:
        for k, v in row.items():
            if hasattr(v, "isoformat"):
                row[k] = v.isoformat()
    return rows


def row_differences(table: str, resource: dict, twin: str, csv_data: bytes, parquet_data: bytes) -> list[Problem]:
    """The rows (by primary key) and fields in which a CSV file and its Parquet twin differ, both
    read as CSV cells."""
    pk = table_schema(table)["primaryKey"][0]
    ours, theirs = ({r.get(pk): r for r in csv_rows(data)} for data in (csv_data, parquet_data))
    problems = []
    for key in sorted(set(ours) | set(theirs), key=str):
        a, b = ours.get(key), theirs.get(key)
        if a is None or b is None:
            only, other = (resource["path"], twin) if a is None else (twin, resource["path"])
            problems.append(Problem("parquet:rows", resource["name"], f"row only in {only}, not in {other}", key))
            continue
        problems.extend(Problem("parquet:rows", resource["name"],
                                f"{twin} has {a.get(f)!r} but {resource['path']} has {b.get(f)!r}", key, f)
                        for f in a if a.get(f) != b.get(f))
    if len(problems) > MAX_ROW_PROBLEMS:
        more = len(problems) - MAX_ROW_PROBLEMS
        problems = problems[:MAX_ROW_PROBLEMS] + [Problem("parquet:rows", resource["name"], f"... and {more} more")]
    return problems or [Problem("parquet:rows", resource["name"],
                                f"{resource['path']} does not hold the same rows as {twin}")]


def same_as_csv(table: str, parquet_path: Path, csv_path: Path) -> bool:
    """Whether the Parquet file, written as CSV, is byte for byte the CSV file; read a row group's
    worth of rows at a time, never the whole of either file."""
    import pyarrow.parquet as pq

    from .package import ROW_GROUP, csv_text

    with pq.ParquetFile(parquet_path) as pf, open(csv_path, "rb") as fh:
        header = csv_text(table, [], header=True)
        if fh.read(len(header)) != header:
            return False
        for batch in pf.iter_batches(batch_size=ROW_GROUP):
            chunk = csv_text(table, iso_dates(batch.to_pylist()))
            if fh.read(len(chunk)) != chunk:
                return False
        return fh.read(1) == b""


def check_parquet(descriptor: dict, base: Path) -> list[Problem]:
    """Each Parquet copy: bytes and hash when declared, and exactly the rows of its CSV twin, part by
    part (the rows that differ named by primary key)."""
    csv_files = {r["name"]: paths(r) for r in descriptor["resources"] if r.get("format") == "csv"}
    problems = []
    for res in descriptor["resources"]:
        if res.get("format") != "parquet":
            continue
        table = table_of(res)
        missing = [p for p in paths(res) if not (base / p).exists()]
        if missing:
            problems.append(Problem("parquet:missing", res["name"], f"{missing[0]} does not exist"))
            continue
        if "bytes" in res or "hash" in res:  # not written by us: checked when given
            problems += declared_hash(res, base / paths(res)[0])
        if table in TABLES:
            problems += compare_parts(table, res, base, csv_files.get(table, []))
    return problems


def compare_parts(table: str, res: dict, base: Path, twins: list[str]) -> list[Problem]:
    """The Parquet parts of ``res`` against the CSV parts ``twins``, pair by pair."""
    from .package import csv_bytes

    if not twins or not all((base / t).exists() for t in twins):
        return [Problem("parquet:rows", res["name"], f"{twins[0] if twins else f'data/{table}.csv'} does not exist")]
    for part, twin in zip(paths(res), twins, strict=False):
        try:
            same = same_as_csv(table, base / part, base / twin)
        except Exception as e:  # noqa: BLE001 -- any file may be handed to us: a broken one is a finding
            return [Problem("parquet:unreadable", res["name"], f"{part}: {e}")]
        if not same:  # name the rows that differ (reads both files whole: only for a package that fails)
            return row_differences(table, dict(res, path=part), twin, (base / twin).read_bytes(),
                                   csv_bytes(table, parquet_rows(base / part)))
    return []


def declared_hash(res: dict, path: Path) -> list[Problem]:
    """The file's bytes and hash against those its resource declares, hashed in blocks."""
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
            size += len(block)
    actual = {"bytes": size, "hash": "sha256:" + h.hexdigest()}
    if any(actual[k] != res[k] for k in ("bytes", "hash") if k in res):
        return [Problem("parquet:hash", res["name"], f"{res['path']} differs from its declared bytes/hash")]
    return []


def check_keys(descriptor: dict, base: Path) -> list[Problem]:
    from .crosscheck import check_keys as anti_joins  # imports DuckDB

    return anti_joins(descriptor, base)


def check_provenance(descriptor: dict, base: Path) -> list[Problem]:
    from .crosscheck import check_provenance as queries  # imports DuckDB

    return queries(descriptor, base)


def check_quality(descriptor: dict, base: Path) -> list[Problem]:
    from .quality import check_quality as run_suites  # imports Great Expectations

    return run_suites(descriptor, base)


class QualityWorker:
    """Checks in a child process, started before the package is written: importing Great Expectations
    (2-3 s) then overlaps the extraction, and the checks the child runs overlap those that run here
    (``validate(..., quality=worker)``). It runs the suites, and the other checks of ``WORKER_CHECKS``
    when it has finished importing by the time the package is written (else they run here, where the
    CPU is free). The same problems as the checks in process; if the child fails, its checks run in
    process (and fail there as they would have)."""

    def __init__(self):
        import multiprocessing

        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_quality_child, args=(child,), daemon=True, name="presstables-quality")
        self._process.start()
        child.close()
        self._ready = False
        self._job: tuple[dict, Path, tuple[str, ...]] | None = None

    def _poll_ready(self) -> bool:
        """Whether the child has said it finished importing (read without waiting)."""
        with contextlib.suppress(OSError, EOFError):
            if not self._ready and self._conn.poll():
                self._ready = self._conn.recv() == READY
        return self._ready

    def submit(self, descriptor: dict, base: Path) -> tuple[str, ...]:
        """Send the package to the child; the checks it will run (``results`` gives their problems)."""
        checks = WORKER_CHECKS if self._poll_ready() else ("quality",)
        self._job = (descriptor, base, checks)
        try:
            self._conn.send((descriptor, os.path.abspath(base), checks))  # the child may have another working folder
        except (OSError, ValueError):
            pass  # the child is gone: ``results`` runs the checks here
        return checks

    def results(self) -> dict[str, tuple[list[Problem], float]]:
        """Each check sent to the child: (its problems, its seconds), from the child or run here."""
        descriptor, base, checks = self._job
        try:
            message = self._conn.recv()
            if message == READY:
                self._ready, message = True, self._conn.recv()
            ok, found = message
        except (EOFError, OSError):
            ok, found = False, None
        return found if ok else run_checks(checks, descriptor, base)

    def alive(self) -> bool:
        return self._process.is_alive()

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._conn.send(None)
        self._conn.close()
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()


READY = "ready"
_WORKER: list[QualityWorker] = []


def quality_worker() -> QualityWorker:
    """This process's ``QualityWorker``, started on first use (and again if its child died): one
    child imports the library once for every package this process validates."""
    if not _WORKER or not _WORKER[0].alive():
        import atexit

        _WORKER[:] = [QualityWorker()]
        atexit.register(_WORKER[0].close)  # a child ended by its parent's exit would leave its semaphores
    return _WORKER[0]


def _quality_child(conn) -> None:
    """The child of ``QualityWorker``: import the library, then run its checks on each package it is sent."""
    with contextlib.suppress(Exception):
        from . import quality  # noqa: F401 -- the slow import, while the parent extracts
    with contextlib.suppress(OSError):
        conn.send(READY)
    while (job := conn.recv()) is not None:
        descriptor, base, checks = job
        try:
            conn.send((True, run_checks(checks, descriptor, Path(base))))
        except Exception:  # noqa: BLE001 -- the parent runs the check again and reports it its own way
            conn.send((False, None))
    conn.close()
    atexit._run_exitfuncs()  # what the libraries registered to run at exit (multiprocessing's finalizers) ...
    os._exit(0)  # ... but no teardown of their modules (~1 s of CPU), which the parent's exit would wait for


# Checks run in order; tests may append to EXTRA_CHECKS: f(descriptor, base) -> list[Problem].
EXTRA_CHECKS: list[Callable[[dict, Path], list[Problem]]] = []


def usable_resources(descriptor: dict) -> tuple[dict, list[Problem]]:
    """The descriptor with only the resources every check can read (objects naming a name and a
    relative path); each one left out is a problem."""
    raw = descriptor.get("resources")
    if not isinstance(raw, list):
        return dict(descriptor, resources=[]), [Problem("contract:resource", "datapackage",
                                                        "'resources' must be a list of resources")]
    inside = lambda p: isinstance(p, str) and not Path(p).is_absolute() and ".." not in Path(p).parts  # noqa: E731
    ok = [r for r in raw if isinstance(r, dict) and isinstance(r.get("name"), str) and r.get("path")
          and all(inside(p) for p in paths(r))]
    problems = [Problem("contract:resource", "datapackage", f"resource #{i} is not a resource with a name and a "
                                                            f"relative path: {json.dumps(r)[:200]}")
                for i, r in enumerate(raw) if not any(r is k for k in ok)]
    return dict(descriptor, resources=ok), problems


def check_functions() -> dict[str, Callable[[dict, Path], list[Problem]]]:
    """The checks in the order the report gives them (``contract`` takes the malformed resources too)."""
    return {"contract": check_contract, "structure": check_structure, "parquet": check_parquet,
            "keys": check_keys, "provenance": check_provenance, "quality": check_quality}


# run by a ``QualityWorker`` (when there is one and it is ready) while the others run in the validating
# process: the suites and the Parquet comparison take about as long as frictionless, the keys and provenance
WORKER_CHECKS = ("parquet", "quality")


def run_checks(names, descriptor: dict, base: Path) -> dict[str, tuple[list[Problem], float]]:
    """Run the checks ``names``: name -> (problems, seconds)."""
    out = {}
    for name in names:
        t0 = time.perf_counter()
        found = check_functions()[name](descriptor, base)
        out[name] = (found, time.perf_counter() - t0)
    return out


def validate(descriptor_path, quality: QualityWorker | None = None) -> Report:
    """Run every check on the package at ``descriptor_path`` (a ``datapackage.json`` or its folder);
    with a ``QualityWorker``, the checks of ``WORKER_CHECKS`` run there while the others run here. The
    report is the same either way (but for the seconds)."""
    path = find_descriptor(descriptor_path)
    descriptor, malformed = usable_resources(load_descriptor(path))
    base = path.parent
    report = Report(str(path))
    there = quality.submit(descriptor, base) if quality is not None else ()
    here = [name for name in check_functions() if name not in there]
    results = run_checks(here, descriptor, base)
    results["contract"] = (malformed + results["contract"][0], results["contract"][1])
    if quality is not None:
        results.update(quality.results())
    for name in check_functions():
        _record(report, name, *results[name])
    for check in EXTRA_CHECKS:
        t0 = time.perf_counter()
        found = check(descriptor, base)
        _record(report, getattr(check, "__name__", "extra"), found, time.perf_counter() - t0)
    return report


def _record(report: Report, name: str, found: list[Problem], seconds: float) -> None:
    report.problems.extend(found)
    report.checks.append({"name": name, "errors": sum(p.severity == "error" for p in found),
                          "warnings": sum(p.severity != "error" for p in found), "seconds": round(seconds, 3)})

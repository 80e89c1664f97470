"""Compare a package with the latest release and decide the version bump.

Follows the Data Package versioning recipe (https://datapackage.org/recipes/data-package-version/):
- MAJOR: incompatible changes: a resource removed or renamed; a field added, removed, renamed
  or reordered (positional CSV readers break); a type or format changed; a constraint made more
  restrictive; the primary key or a foreign key added or changed;
- MINOR: new data: rows added or removed, a new resource, a constraint made less restrictive;
- PATCH: corrections: existing rows changed (same primary key), files re-encoded with the same
  rows, descriptive metadata changed.
Rows are compared on the CSV resources by primary key (the Parquet twins hold the same rows).
"""
from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass, field

from ..resources import joined_csv, table_of

NONE, PATCH, MINOR, MAJOR = 0, 1, 2, 3
LEVEL_NAMES = {NONE: "none", PATCH: "PATCH", MINOR: "MINOR", MAJOR: "MAJOR"}
# Not compared: set at release time, or derived from the data.
IGNORED_KEYS = {"version", "created", "resources"}
DESCRIPTIVE = {"title", "description", "example", "examples"}
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength")
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength")
csv.field_size_limit(sys.maxsize)


@dataclass(frozen=True)
class Change:
    level: int
    where: str
    what: str

    def __str__(self) -> str:
        return f"{LEVEL_NAMES[self.level]}: {self.where}: {self.what}"


@dataclass
class TableDiff:
    rows: int
    added: int = 0
    removed: int = 0
    changed: int = 0
    fields: dict[str, int] = field(default_factory=dict)  # field -> rows where it changed

    @property
    def level(self) -> int:
        return MINOR if self.added or self.removed else PATCH if self.changed else NONE


@dataclass
class Comparison:
    tables: dict[str, TableDiff]
    schema: list[Change]
    metadata: list[Change]

    @property
    def level(self) -> int:
        return max([t.level for t in self.tables.values()] + [c.level for c in self.schema + self.metadata],
                   default=NONE)


def read_csv(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def resource_rows(resource: dict, files: dict[str, bytes]) -> list[dict]:
    """The rows of a CSV resource (its parts joined) from ``files``: bytes by relative path."""
    return read_csv(joined_csv(resource, files.__getitem__))


def bump(version: tuple[int, int, int], level: int) -> tuple[int, int, int]:
    major, minor, patch = version
    if level == MAJOR:
        return (major + 1, 0, 0)
    if level == MINOR:
        return (major, minor + 1, 0)
    if level == PATCH:
        return (major, minor, patch + 1)
    return version


# ---------------------------------------------------------------- rows
def diff_rows(old: list[dict], new: list[dict], key: list[str]) -> TableDiff:
    def index(rows):
        return {tuple(r.get(k) for k in key): r for r in rows}

    before, after = index(old), index(new)
    diff = TableDiff(rows=len(new))
    diff.added = sum(1 for k in after if k not in before)
    diff.removed = sum(1 for k in before if k not in after)
    for k in sorted(set(before) & set(after)):
        if before[k] != after[k]:
            diff.changed += 1
            for name in after[k]:
                if before[k].get(name) != after[k].get(name):
                    diff.fields[name] = diff.fields.get(name, 0) + 1
    return diff


# ---------------------------------------------------------------- schemas
def _constraint_changes(where: str, old: dict, new: dict) -> list[Change]:
    changes = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        label = f"constraint `{key}` {a!r} -> {b!r}"
        if key in ("required", "unique"):
            level = MAJOR if b else MINOR
        elif key == "enum":
            if a is None or b is None:
                level = MAJOR if b is not None else MINOR
            else:
                level = MINOR if set(b) > set(a) else MAJOR
        elif key in LOWER_BOUNDS + UPPER_BOUNDS:
            if a is None or b is None:
                level = MAJOR if b is not None else MINOR
            else:
                tighter = b > a if key in LOWER_BOUNDS else b < a
                level = MAJOR if tighter else MINOR
        else:  # pattern and anything else: removed is looser, otherwise assume stricter
            level = MINOR if b is None else MAJOR
        changes.append(Change(level, where, label))
    return changes


def diff_schema(resource: str, old: dict, new: dict) -> list[Change]:
    changes = []
    old_fields = {f["name"]: f for f in old.get("fields", [])}
    new_fields = {f["name"]: f for f in new.get("fields", [])}
    for name in old_fields:
        if name not in new_fields:
            changes.append(Change(MAJOR, resource, f"field `{name}` removed"))
    for name in new_fields:
        if name not in old_fields:
            changes.append(Change(MAJOR, resource, f"field `{name}` added"))
    common_old = [n for n in old_fields if n in new_fields]
    common_new = [n for n in new_fields if n in old_fields]
    if common_old != common_new:
        changes.append(Change(MAJOR, resource, "fields reordered"))
    for name in common_new:
        a, b = old_fields[name], new_fields[name]
        where = f"{resource}.{name}"
        for key in sorted((set(a) | set(b)) - {"name", "constraints"}):
            if a.get(key) != b.get(key):
                level = PATCH if key in DESCRIPTIVE else MAJOR
                what = f"{key} changed" if key in DESCRIPTIVE else f"{key} {a.get(key)!r} -> {b.get(key)!r}"
                changes.append(Change(level, where, what))
        changes += _constraint_changes(where, a.get("constraints", {}), b.get("constraints", {}))
    if old.get("primaryKey") != new.get("primaryKey"):
        changes.append(Change(MAJOR, resource, f"primary key {old.get('primaryKey')} -> {new.get('primaryKey')}"))
    old_fk = {repr(fk) for fk in old.get("foreignKeys", [])}
    new_fk = {repr(fk) for fk in new.get("foreignKeys", [])}
    for fk in sorted(new_fk - old_fk):
        changes.append(Change(MAJOR, resource, f"foreign key added: {fk}"))
    for fk in sorted(old_fk - new_fk):
        changes.append(Change(MINOR, resource, f"foreign key removed: {fk}"))
    for key in sorted((set(old) | set(new)) - {"fields", "primaryKey", "foreignKeys"}):
        if old.get(key) != new.get(key):
            changes.append(Change(PATCH if key in DESCRIPTIVE else MAJOR, resource, f"schema `{key}` changed"))
    return changes


# ---------------------------------------------------------------- packages
def compare(old_descriptor: dict, old_files: dict[str, bytes],
            new_descriptor: dict, new_files: dict[str, bytes]) -> Comparison:
    """What changed from the old package to the new one (files: resource path -> bytes)."""
    old_res = {r["name"]: r for r in old_descriptor.get("resources", [])}
    new_res = {r["name"]: r for r in new_descriptor.get("resources", [])}
    schema: list[Change] = []
    metadata: list[Change] = []
    tables: dict[str, TableDiff] = {}
    for name in old_res:
        if name not in new_res:
            schema.append(Change(MAJOR, name, "resource removed"))
    for name, res in new_res.items():
        if name not in old_res:
            schema.append(Change(MINOR, name, "resource added"))
            if res.get("format") == "csv":
                rows = len(resource_rows(res, new_files))
                tables[name] = TableDiff(rows=rows, added=rows)
            continue
        old = old_res[name]
        schema += diff_schema(name, old.get("schema", {}), res.get("schema", {}))
        for key in sorted((set(old) | set(res)) - {"schema", "bytes", "hash", "name"}):
            if old.get(key) != res.get(key):
                level = PATCH if key in DESCRIPTIVE else MAJOR
                metadata.append(Change(level, name, f"`{key}` {old.get(key)!r} -> {res.get(key)!r}"
                                       if level == MAJOR else f"`{key}` changed"))
        if res.get("format") == "csv":
            key = res.get("schema", {}).get("primaryKey") or [f["name"] for f in res["schema"]["fields"]]
            tables[name] = diff_rows(resource_rows(old, old_files), resource_rows(res, new_files), key)
            if old.get("hash") != res.get("hash") and tables[name].level == NONE:
                metadata.append(Change(PATCH, name, "file re-encoded (same rows)"))
        elif old.get("hash") != res.get("hash"):
            twin = next((t for t, r in new_res.items() if r.get("format") == "csv" and table_of(r) == table_of(res)),
                        None)
            if twin is None:
                metadata.append(Change(PATCH, name, "data changed"))
            elif old_res.get(twin, {}).get("hash") == new_res[twin].get("hash"):
                metadata.append(Change(PATCH, name, "file re-encoded (same rows as its CSV twin)"))
    for key in sorted((set(old_descriptor) | set(new_descriptor)) - IGNORED_KEYS):
        if old_descriptor.get(key) != new_descriptor.get(key):
            level = MAJOR if key == "name" else PATCH
            metadata.append(Change(level, "datapackage", f"`{key}` changed"))
    return Comparison(tables, schema, metadata)


# ---------------------------------------------------------------- changelog
def date_range(dates: tuple[str, str] | None) -> str:
    """``Articles published 2026-03-02 to 2026-03-03.`` (or on one day, or not known)."""
    if not dates:
        return "Article publication dates: not known."
    first, last = dates
    return f"Articles published {first}" + (f" to {last}." if last != first else ".")


def changelog_entry(version: str, previous: str | None, comparison: Comparison | None,
                    row_counts: dict[str, int], date: str | None,
                    article_dates: tuple[str, str] | None = None) -> str:
    """A Markdown section for CHANGELOG.md (newest first); ``date`` is the release date."""
    head = f"## {version}" + (f" ({date})" if date else "")
    head += "\n\n" + date_range(article_dates)
    if comparison is None:
        lines = [head, "", "First release.", "", "| table | rows |", "|---|---:|"]
        lines += [f"| {t} | {n} |" for t, n in row_counts.items()]
        return "\n".join(lines) + "\n"
    level = LEVEL_NAMES[comparison.level]
    lines = [head, "", f"{level} release, compared with {previous}.", "",
             "| table | rows | added | removed | changed |", "|---|---:|---:|---:|---:|"]
    for table, d in comparison.tables.items():
        lines.append(f"| {table} | {d.rows} | {d.added} | {d.removed} | {d.changed} |")
    changed_fields = [f"{t}.{f} ({n})" for t, d in comparison.tables.items() for f, n in sorted(d.fields.items())]
    if changed_fields:
        lines += ["", "Changed values by field: " + ", ".join(changed_fields) + "."]
    lines += ["", "### Schema changes", ""]
    lines += [f"- {c}" for c in comparison.schema] or ["None."]
    if comparison.metadata:
        lines += ["", "### Other changes", ""] + [f"- {c}" for c in comparison.metadata]
    return "\n".join(lines) + "\n"

"""Stage 5, publish: a validated package in, a versioned release at a target out.

``publish(descriptor, target)`` validates the package (an invalid one is refused: nothing is
written), compares it with the latest release of the same name at ``target`` (a folder or an
fsspec URL), and, when something changed, writes ``<name>-<version>/`` holding:

    datapackage.json, data/...   the package, with the new version
    README.md, charts/*.svg      the dataset card (Hugging Face front matter) and its charts
    CHANGELOG.md                 this version's changes (per table and schema) above the earlier ones
    croissant.json               Croissant JSON-LD of the CSV tables
    review/                      static HTML pages showing each article with its spans highlighted
    <name>-<version>.zip         all of the above at its root (opens as a Frictionless zipped package)
    SHA256SUMS                   checksums of every file (written last: marks the release complete)

A release is dated by when it is published (``$SOURCE_DATE_EPOCH`` when set, else the clock): the
CHANGELOG heading, the card, Croissant's ``datePublished`` and the zip's timestamps; the date range of
its articles is said separately. Everything else is a function of the package and the previous
release: publishing twice writes nothing the second time, and the same inputs (and
``$SOURCE_DATE_EPOCH``) give the same bytes.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import PresstablesError, ValidationFailed
from ..validate import csv_tables
from . import bundle, card, croissant, review
from .diff import LEVEL_NAMES, NONE, Comparison, bump, changelog_entry, compare, read_csv
from .store import SUMS, Target, format_version, parse_version

DESCRIPTOR = "datapackage.json"
CHANGELOG = "CHANGELOG.md"
PUBLIC_PROTOCOLS = {"http", "https", "s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "hf"}


class PublishError(PresstablesError):
    """The release cannot be written (the package is fine)."""

    template = "{problem}"
    exit_code = 1

    def __init__(self, problem: str):
        super().__init__(problem=problem)


@dataclass
class Release:
    name: str
    version: str
    folder: str
    location: str
    written: bool
    previous: str | None = None
    level: str = "first release"
    files: int = 0

    def summary(self) -> str:
        if not self.written:
            return f"publish: unchanged since {self.name} {self.version} at {self.location}; nothing written"
        since = f" ({self.level} after {self.previous})" if self.previous else " (first release)"
        return f"publish: {self.location}: {self.files} files{since}"


def read_package(descriptor_path) -> tuple[dict, dict[str, bytes]]:
    """The descriptor and the bytes of every resource file, by relative path."""
    path = Path(descriptor_path)
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    files = {r["path"]: (path.parent / r["path"]).read_bytes() for r in descriptor["resources"]}
    return descriptor, files


def release_time() -> str:
    """When a release is published: $SOURCE_DATE_EPOCH (reproducible builds), else now; UTC, to the second."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        stamp = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc) if epoch else None
    except (ValueError, OverflowError, OSError):
        raise PublishError(f"SOURCE_DATE_EPOCH={epoch!r} is not a Unix time in seconds") from None
    return (stamp or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")


def article_dates(files: dict[str, bytes], descriptor: dict) -> tuple[str, str] | None:
    """The first and last publication date of the package's articles (None when none is known)."""
    res = next((r for r in descriptor["resources"] if r.get("name") == "articles" and r.get("format") == "csv"), None)
    dates = sorted(a["published"] for a in read_csv(files[res["path"]]) if a.get("published")) if res else []
    return (dates[0], dates[-1]) if dates else None


def release_files(descriptor: dict, files: dict[str, bytes], folder: str, entry: str,
                  earlier_changelog: str, url: str | None, published: str) -> dict[str, bytes]:
    """Every file of the release but the zip and the checksums; ``published`` is the release time."""
    tables = csv_tables(descriptor, files)
    title = descriptor.get("title") or descriptor["name"]
    span = article_dates(files, descriptor)
    out = dict(files)
    out[DESCRIPTOR] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    out["README.md"] = card.render(descriptor, tables, changes=entry, published=published,
                                   article_dates=span).encode("utf-8")
    out.update(card.charts(tables))
    history = earlier_changelog.split("\n",
                                      2)[2].lstrip("\n") if earlier_changelog.startswith("# ") else earlier_changelog
    changelog = f"# Changelog: {descriptor['name']}\n\n{entry}" + (f"\n{history}" if history else "")
    out[CHANGELOG] = changelog.encode("utf-8")
    out["croissant.json"] = croissant.render_bytes(descriptor, url=url, published=published, article_dates=span)
    out.update(review.render(tables, title, descriptor["version"]))
    return out


def publish(descriptor_path, target: str, *, log=lambda message: None) -> Release:
    """Release the package at ``descriptor_path`` to ``target``; see the module docstring."""
    from ..validate import validate

    path = Path(descriptor_path)
    report = validate(path)
    if not report.valid:
        raise ValidationFailed(path, report.errors)
    descriptor, files = read_package(path)
    name = descriptor.get("name") or ""
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", name):
        raise PublishError(f"{path}: package name {name!r} cannot name a release folder")
    declared = parse_version(descriptor.get("version") or "0.1.0")
    try:
        store = Target(target)
    except (ImportError, ValueError) as e:  # unknown protocol, or its fsspec extra is not installed
        raise PublishError(f"{target}: cannot open the release target: {e}") from None
    releases = store.releases(name)
    comparison: Comparison | None = None
    previous = earlier = None
    if releases:
        latest = max(releases)
        previous = format_version(latest)
        old_descriptor = json.loads(store.read_bytes(releases[latest], DESCRIPTOR))
        old_files = {r["path"]: store.read_bytes(releases[latest], r["path"])
                     for r in old_descriptor["resources"] if r.get("format") == "csv"}
        comparison = compare(old_descriptor, old_files, descriptor, files)
        if comparison.level == NONE:
            return Release(name, previous, releases[latest], store.path(releases[latest]), written=False)
        version = max(bump(latest, comparison.level), declared)
        try:
            earlier = store.read_bytes(releases[latest], CHANGELOG).decode("utf-8")
        except FileNotFoundError:
            earlier = None
    else:
        version = declared
    vtext = format_version(version)
    folder = f"{name}-{vtext}"
    if version in releases or (releases and version < max(releases)):
        raise PublishError(f"{store.path(folder)}: version {vtext} is not newer than the latest release "
                           f"{format_version(max(releases))}; releases are never overwritten")
    descriptor = dict(descriptor, version=vtext)
    published = release_time()
    counts = {r["name"]: len(read_csv(files[r["path"]])) for r in descriptor["resources"] if r.get("format") == "csv"}
    entry = changelog_entry(vtext, previous, comparison, counts, published[:10], article_dates(files, descriptor))
    protocols = {store.fs.protocol} if isinstance(store.fs.protocol, str) else set(store.fs.protocol)
    url = f"{target.rstrip('/')}/{folder}" if protocols & PUBLIC_PROTOCOLS else None  # where others can fetch it
    out = release_files(descriptor, files, folder, entry, earlier or "", url, published)
    out[f"{folder}.zip"] = bundle.zip_bytes(out, published)
    out[SUMS] = bundle.sha256sums(out)
    log(f"publish: writing {len(out)} files to {store.path(folder)}")
    store.write_release(folder, out)
    level = LEVEL_NAMES[comparison.level] if comparison else "first release"
    return Release(name, vtext, folder, store.path(folder), written=True, previous=previous, level=level,
                   files=len(out))

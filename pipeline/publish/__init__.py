"""Stage 5, publish: a validated package in, a versioned release at a target out.

``publish(descriptor, target, name=...)`` validates the package (an invalid one is refused: nothing
is written), takes the target's lock, compares the package with the latest complete release of the
same name at ``target`` (a folder or an fsspec URL), and, when something changed, writes
``<name>-<version>/`` holding:

    datapackage.json, data/...   the package, with the new version (and the dataset name)
    README.md, charts/*.svg      the dataset card (Hugging Face front matter, features with class labels
                                 for enum fields) and its charts
    CHANGELOG.md                 this version's changes (per table and schema) above the earlier ones
    croissant.json               Croissant JSON-LD of the CSV tables
    review/                      static HTML pages showing each article with its spans highlighted
    <name>-<version>.zip         all of the above at its root (opens as a Frictionless zipped package)
    SHA256SUMS                   checksums of every file: the manifest, which marks the release complete

The name: releases at a target are versions of one dataset by name, so the generic default name
(``presstables``) is refused unless ``name`` (``--name``) is given; ``name`` renames the release
(and the title, when it was made from the old name).

Safe under concurrency and interruption (``store.py``, ``lock.py``):
- one publish at a time per target: ``<target>/.presstables.lock`` is created atomically and holds
  its owner, host, pid and time; another publish waits up to ``lock_wait`` seconds, then stops with
  an error naming the holder; a lock not refreshed for ``lock_stale`` seconds (its publish died) is
  taken over. The latest release is read, and the version decided, under the lock: of two publishes
  of different packages, the second becomes the next version (or a no-op);
- only folders with ``SHA256SUMS`` are releases; a release folder with it is never deleted or
  rewritten. A local release is written to a hidden staging folder and renamed into place; on object
  stores the files are written in place, ``SHA256SUMS`` last. What an interrupted publish leaves
  (staging folders, folders without a manifest) is ignored, and removed by the next publish.

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

from ..errors import PublishError, ValidationFailed
from ..package import DEFAULT_NAME, default_title
from ..resources import paths
from ..validate import csv_tables
from . import bundle, card, croissant, review
from .diff import LEVEL_NAMES, NONE, Comparison, bump, changelog_entry, compare, resource_rows
from .lock import STALE_AFTER, WAIT
from .store import SUMS, Target, format_version, parse_version

__all__ = ["PublishError", "Release", "publish"]

DESCRIPTOR = "datapackage.json"
CHANGELOG = "CHANGELOG.md"
PUBLIC_PROTOCOLS = {"http", "https", "s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "hf"}
NAME_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")


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
    files = {rel: (path.parent / rel).read_bytes() for r in descriptor["resources"] for rel in paths(r)}
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
    dates = sorted(a["published"] for a in resource_rows(res, files) if a.get("published")) if res else []
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


@dataclass
class Plan:
    """What to release, decided from the latest complete release (again under the lock when the releases
    at the target changed meanwhile)."""

    version: tuple[int, int, int]
    previous: str | None = None
    comparison: Comparison | None = None
    earlier_changelog: str = ""


def release_name(path: Path, name: str | None) -> str:
    """The dataset name of the release: ``name`` (``--name``), else the package's own, which must
    not be the generic default: releases at a target are versions of one dataset by name, so two
    unrelated corpora published under the default would become versions of each other."""
    if name is None:
        try:
            name = json.loads(path.read_text(encoding="utf-8")).get("name") or ""
        except (OSError, ValueError, AttributeError):
            return ""  # validation names the problem with the descriptor
        if name == DEFAULT_NAME:
            raise PublishError(f"{path}: the package has the generic default name {DEFAULT_NAME!r}, and the "
                               f"releases at a target are versions of one dataset by name: name this dataset "
                               f"with --name NAME (e.g. --name city-council-news), or build the package with "
                               f"--name NAME", exit_code=2)
    if not NAME_RE.fullmatch(name):
        raise PublishError(f"{path}: dataset name {name!r} cannot name a release folder (lowercase letters, "
                           f"digits, '.', '_' and '-', starting with a letter or digit)", exit_code=2)
    return name


def renamed(descriptor: dict, name: str) -> dict:
    """The descriptor under dataset ``name``; a title made from the old name is made from the new one."""
    if descriptor.get("name") == name:
        return descriptor
    out = dict(descriptor, name=name)
    if descriptor.get("title") == default_title(descriptor.get("name") or ""):
        out["title"] = default_title(name)
    return out


def open_target(target: str) -> Target:
    try:
        return Target(target)
    except (ImportError, ValueError) as e:  # unknown protocol, or its fsspec extra is not installed
        raise PublishError(f"{target}: cannot open the release target: {e}") from None


def plan_release(store: Target, descriptor: dict, files: dict[str, bytes],
                 releases: dict[tuple[int, int, int], str]) -> Plan | Release:
    """The next version against the latest of the complete ``releases`` (a ``Release`` not written when
    the package is unchanged since)."""
    name = descriptor["name"]
    declared = parse_version(descriptor.get("version") or "0.1.0")
    if not releases:
        return Plan(declared)
    latest = max(releases)
    previous = format_version(latest)
    old_descriptor = json.loads(store.read_bytes(releases[latest], DESCRIPTOR))
    old_files = {rel: store.read_bytes(releases[latest], rel)
                 for r in old_descriptor["resources"] if r.get("format") == "csv" for rel in paths(r)}
    comparison = compare(old_descriptor, old_files, descriptor, files)
    if comparison.level == NONE:
        return Release(name, previous, releases[latest], store.path(releases[latest]), written=False)
    version = max(bump(latest, comparison.level), declared)
    if version in releases or version < latest:
        raise PublishError(f"{store.path(f'{name}-{format_version(version)}')}: version {format_version(version)} "
                           f"is not newer than the latest release {previous}; releases are never overwritten")
    try:
        earlier = store.read_bytes(releases[latest], CHANGELOG).decode("utf-8")
    except FileNotFoundError:
        earlier = ""
    return Plan(version, previous, comparison, earlier)


def render_release(store: Target, target: str, descriptor: dict, files: dict[str, bytes],
                   plan: Plan) -> tuple[str, dict[str, bytes]]:
    """The release folder's name and every file in it."""
    vtext = format_version(plan.version)
    folder = f"{descriptor['name']}-{vtext}"
    descriptor = dict(descriptor, version=vtext)
    published = release_time()
    counts = {r["name"]: len(resource_rows(r, files)) for r in descriptor["resources"] if r.get("format") == "csv"}
    entry = changelog_entry(vtext, plan.previous, plan.comparison, counts, published[:10],
                            article_dates(files, descriptor))
    protocols = {store.fs.protocol} if isinstance(store.fs.protocol, str) else set(store.fs.protocol)
    url = f"{target.rstrip('/')}/{folder}" if protocols & PUBLIC_PROTOCOLS else None  # where others can fetch it
    out = release_files(descriptor, files, folder, entry, plan.earlier_changelog, url, published)
    out[f"{folder}.zip"] = bundle.zip_bytes(out, published)
    out[SUMS] = bundle.sha256sums(out)
    return folder, out


def publish(descriptor_path, target: str, *, name: str | None = None, lock_wait: float = WAIT,
            lock_stale: float = STALE_AFTER, log=lambda message: None) -> Release:
    """Release the package at ``descriptor_path`` to ``target`` as dataset ``name`` (default: the
    package's name, unless it is the generic default); see the module docstring. ``lock_wait``:
    seconds to wait for another publish to the target; ``lock_stale``: age of a lock taken over."""
    from ..validate import validate

    path = Path(descriptor_path)
    name = release_name(path, name)
    report = validate(path)
    if not report.valid:
        raise ValidationFailed(path, report.errors)
    descriptor, files = read_package(path)
    descriptor = renamed(descriptor, name or descriptor["name"])
    store = open_target(target)
    seen = store.releases(descriptor["name"])
    plan = plan_release(store, descriptor, files, seen)
    if isinstance(plan, Release):  # unchanged since the latest release: nothing is written, not even a lock
        return plan
    with store.lock(wait=lock_wait, stale_after=lock_stale, log=log) as lock:
        store.remove_leftovers(descriptor["name"], log)
        releases = store.releases(descriptor["name"])  # under the lock: another publish may just have released
        if releases != seen:
            plan = plan_release(store, descriptor, files, releases)
            if isinstance(plan, Release):
                return plan
        folder, out = render_release(store, target, descriptor, files, plan)
        log(f"publish: writing {len(out)} files to {store.path(folder)}")
        store.write_release(folder, out, commit_check=lock.check)
    level = LEVEL_NAMES[plan.comparison.level] if plan.comparison else "first release"
    return Release(descriptor["name"], format_version(plan.version), folder, store.path(folder), written=True,
                   previous=plan.previous, level=level, files=len(out))

"""Release targets: a local folder or any fsspec URL (``file://``, ``memory://``, ``s3://`` ...).

A release is the folder ``<name>-<version>/`` under the target, complete when it holds ``SHA256SUMS``
(the manifest): every reader of a target (the latest release, the comparison) trusts only folders
that have it. How a release appears there:

- a local folder: the release is written to ``.staging-<name>-<version>-<pid>-<random>/`` beside it,
  then renamed into place in one step (``os.rename``: a folder under the real name is always whole;
  the rename fails rather than replace a release that is there);
- an object store (no atomic rename): the files are written in place, ``SHA256SUMS`` last, so a
  folder without it is an interrupted upload: no release, ignored, and removed by the next publish.

Writes happen under the target's lock (``lock.py``); under it, leftovers of publishes that died
(staging folders, release folders without a manifest) are removed first.
"""
from __future__ import annotations

import errno
import os
import re
import secrets
import shutil

from ..errors import PublishError
from .lock import LOCK_NAME, STALE_AFTER, WAIT, FsspecLockFile, LocalLockFile, TargetLock

SUMS = "SHA256SUMS"
STAGING_PREFIX = ".staging-"
VERSION_RE = re.compile(r"(\d+)\.(\d+)\.(\d+)")

# the Content-Type an object store serves each release file with (by suffix; the rest is plain text)
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8",
    ".parquet": "application/vnd.apache.parquet",
    ".md": "text/markdown; charset=utf-8",
    ".zip": "application/zip",
}
PLAIN_TEXT = "text/plain; charset=utf-8"


def parse_version(text: str) -> tuple[int, int, int]:
    m = VERSION_RE.fullmatch(text or "")
    if not m:
        raise ValueError(f"not a MAJOR.MINOR.PATCH version: {text!r}")
    return tuple(int(g) for g in m.groups())  # type: ignore[return-value]


def format_version(version: tuple[int, int, int]) -> str:
    return "%d.%d.%d" % version


def content_type(rel: str) -> str:
    """The media type of release file ``rel`` (``SHA256SUMS`` and other suffix-less files: plain text)."""
    name = rel.rsplit("/", 1)[-1]
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    return CONTENT_TYPES.get(suffix, PLAIN_TEXT)


def _write_local(path: str, data: bytes) -> None:
    """One file of a staged local release, flushed to disk (the rename that follows publishes it)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(path: str) -> None:
    """Make a rename in ``path`` durable (where the platform allows opening a folder)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class Target:
    """The place releases live; all access goes through one fsspec filesystem."""

    def __init__(self, url: str):
        from fsspec.core import url_to_fs  # imported here: the CLI's --help stays light
        from fsspec.implementations.local import LocalFileSystem

        self.url = str(url)
        self.fs, self.root = url_to_fs(self.url)
        self.root = self.root.rstrip("/") or "/"
        self.local = isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/")] + [p.strip("/") for p in parts])

    def lock(self, *, wait: float = WAIT, stale_after: float = STALE_AFTER, log=lambda message: None) -> TargetLock:
        path = self.path(LOCK_NAME)
        file = LocalLockFile(path) if self.local else FsspecLockFile(self.fs, path)
        return TargetLock(file, self.url, wait=wait, stale_after=stale_after, log=log)

    def _folders(self) -> list[str]:
        self.fs.invalidate_cache()  # another publish may have written since this process last looked
        if not self.fs.exists(self.root):
            return []
        return [entry.rstrip("/").rsplit("/", 1)[-1] for entry in self.fs.ls(self.root, detail=False)]

    def releases(self, name: str) -> dict[tuple[int, int, int], str]:
        """Complete releases of package ``name`` (with their manifest): version -> folder name."""
        pattern = re.compile(re.escape(name) + r"-(\d+\.\d+\.\d+)")
        found = {}
        for folder in self._folders():
            m = pattern.fullmatch(folder)
            if m and self.fs.exists(self.path(folder, SUMS)):
                found[parse_version(m.group(1))] = folder
        return found

    def leftovers(self, name: str) -> list[str]:
        """What publishes that died left behind: staging folders, ``<name>-<version>/`` without a manifest.
        Only safe to remove under the lock (no publish is writing then)."""
        pattern = re.compile(re.escape(name) + r"-\d+\.\d+\.\d+")
        return [folder for folder in self._folders()
                if folder.startswith(STAGING_PREFIX)
                or (pattern.fullmatch(folder) and not self.fs.exists(self.path(folder, SUMS)))]

    def remove_leftovers(self, name: str, log=lambda message: None) -> None:
        for folder in self.leftovers(name):
            log(f"publish: removing {self.path(folder)} (left by an interrupted publish)")
            self.fs.rm(self.path(folder), recursive=True)

    def exists(self, folder: str) -> bool:
        return self.fs.exists(self.path(folder))

    def read_bytes(self, folder: str, rel: str) -> bytes:
        with self.fs.open(self.path(folder, rel), "rb") as fh:
            return fh.read()

    def write_release(self, folder: str, files: dict[str, bytes], *, commit_check=lambda: None) -> None:
        """Write every file of the release; ``commit_check()`` runs just before it becomes visible (the
        rename of the staging folder, or the manifest on an object store) and may stop it."""
        if self.exists(folder):
            raise PublishError(f"{self.path(folder)}: a release is already there; releases are never overwritten")
        if self.local:
            self._write_staged(folder, files, commit_check)
        else:
            self._write_in_place(folder, files, commit_check)

    def _write_staged(self, folder: str, files: dict[str, bytes], commit_check) -> None:
        stage = f"{STAGING_PREFIX}{folder}-{os.getpid()}-{secrets.token_hex(4)}"
        try:
            for rel in sorted(files, key=lambda r: (r == SUMS, r)):
                _write_local(self.path(stage, rel), files[rel])
            commit_check()
            try:
                os.rename(self.path(stage), self.path(folder))
            except OSError as e:
                if e.errno in (errno.EEXIST, errno.ENOTEMPTY):
                    raise PublishError(f"{self.path(folder)}: a release appeared there meanwhile; "
                                       "releases are never overwritten") from None
                raise
            _fsync_dir(self.root)
        finally:
            shutil.rmtree(self.path(stage), ignore_errors=True)  # gone after the rename; else abandoned

    def _write_in_place(self, folder: str, files: dict[str, bytes], commit_check) -> None:
        lost = False
        try:
            for rel in sorted(files, key=lambda r: (r == SUMS, r)):
                if rel == SUMS:
                    lost = True  # until the check passes: another publish may own the target now
                    commit_check()
                    lost = False
                path = self.path(folder, rel)
                self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
                with self.fs.open(path, "wb", **self._write_options(rel)) as fh:
                    fh.write(files[rel])
        except BaseException:
            if not lost and not self.fs.exists(self.path(folder, SUMS)):  # an incomplete upload: not a release
                try:
                    self.fs.rm(self.path(folder), recursive=True)
                except Exception:  # unreachable store: the next publish removes it under the lock
                    pass
            raise

    def _write_options(self, rel: str) -> dict[str, str]:
        """Per-object metadata for stores that keep it: S3 (s3fs) takes ``ContentType``."""
        protocols = (self.fs.protocol,) if isinstance(self.fs.protocol, str) else tuple(self.fs.protocol)
        if {"s3", "s3a"} & set(protocols):
            return {"ContentType": content_type(rel)}
        return {}

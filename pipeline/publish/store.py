"""Release targets: a local folder or any fsspec URL (``file://``, ``memory://``, ``s3://`` ...).

A release is the folder ``<name>-<version>/`` under the target. ``SHA256SUMS`` is written last,
so a folder without it is an interrupted upload: it is not a release and may be replaced.
"""
from __future__ import annotations

import re

SUMS = "SHA256SUMS"
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


class Target:
    """The place releases live; all access goes through one fsspec filesystem."""

    def __init__(self, url: str):
        from fsspec.core import url_to_fs  # imported here: the CLI's --help stays light

        self.url = str(url)
        self.fs, self.root = url_to_fs(self.url)
        self.root = self.root.rstrip("/") or "/"

    def path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/")] + [p.strip("/") for p in parts])

    def releases(self, name: str) -> dict[tuple[int, int, int], str]:
        """Complete releases of package ``name``: version -> folder name."""
        if not self.fs.exists(self.root):
            return {}
        pattern = re.compile(re.escape(name) + r"-(\d+\.\d+\.\d+)")
        found = {}
        for entry in self.fs.ls(self.root, detail=False):
            folder = entry.rstrip("/").rsplit("/", 1)[-1]
            m = pattern.fullmatch(folder)
            if m and self.fs.exists(self.path(folder, SUMS)):
                found[parse_version(m.group(1))] = folder
        return found

    def exists(self, folder: str) -> bool:
        return self.fs.exists(self.path(folder))

    def read_bytes(self, folder: str, rel: str) -> bytes:
        with self.fs.open(self.path(folder, rel), "rb") as fh:
            return fh.read()

    def write_release(self, folder: str, files: dict[str, bytes]) -> None:
        """Write every file of the release, ``SHA256SUMS`` last (the completion marker)."""
        if self.exists(folder):  # an interrupted upload (complete releases are never rewritten)
            self.fs.rm(self.path(folder), recursive=True)
        for rel in sorted(files, key=lambda r: (r == SUMS, r)):
            path = self.path(folder, rel)
            parent = path.rsplit("/", 1)[0]
            self.fs.makedirs(parent, exist_ok=True)
            with self.fs.open(path, "wb", **self._write_options(rel)) as fh:
                fh.write(files[rel])

    def _write_options(self, rel: str) -> dict[str, str]:
        """Per-object metadata for stores that keep it: S3 (s3fs) takes ``ContentType``."""
        protocols = (self.fs.protocol,) if isinstance(self.fs.protocol, str) else tuple(self.fs.protocol)
        if {"s3", "s3a"} & set(protocols):
            return {"ContentType": content_type(rel)}
        return {}

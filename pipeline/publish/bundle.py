"""Checksums and the zip of a release, byte-for-byte reproducible."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile


def sha256sums(files: dict[str, bytes]) -> bytes:
    """``sha256sum`` format (two spaces, sorted paths): check with ``sha256sum -c SHA256SUMS``."""
    return "".join(f"{hashlib.sha256(files[rel]).hexdigest()}  {rel}\n" for rel in sorted(files)).encode("utf-8")


def zip_timestamp(created: str | None) -> tuple[int, int, int, int, int, int]:
    """The release time (zip cannot store dates before 1980), else 1980-01-01."""
    try:
        stamp = dt.datetime.fromisoformat((created or "").replace("Z", "+00:00"))
    except ValueError:
        stamp = None
    if stamp is None or stamp.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def zip_bytes(files: dict[str, bytes], when_published: str | None) -> bytes:
    """A zip of ``files`` at its root: sorted entries, fixed time and permissions.

    ``datapackage.json`` sits at the root so the zip opens as a Frictionless zipped package
    (``frictionless.Package("release.zip")``); a top-level folder would hide it.
    """
    when = zip_timestamp(when_published)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for rel in sorted(files):
            info = zipfile.ZipInfo(rel, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            info.create_system = 3  # unix, whatever the host
            zf.writestr(info, files[rel])
    return buf.getvalue()

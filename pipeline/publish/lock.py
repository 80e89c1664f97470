"""The lock on a release target, ``<target>/.presstables.lock``: one publish at a time per target.

- Taken by an atomic create: ``os.open(O_CREAT | O_EXCL)`` on a local folder; ``open(path, "xb")`` on
  any other fsspec filesystem (s3fs sends ``If-None-Match: *``, which S3 and S3-compatible stores
  honour; memory:// checks too). A filesystem that cannot create exclusively falls back to "create
  when absent, then read back the token": best effort, two publishes starting in the same instant
  may both pass that step (``check()`` below still lets only one of them make a release visible).
- The lock holds who took it (owner, host, pid, time) and a random token. While it is held, a
  heartbeat thread rewrites its time every quarter of the stale timeout, so a lock whose time is
  older than the timeout (default 10 minutes) was left by a publish that died: it is taken over.
  The times are the machines' clocks: publishers of one target should keep them in step.
- A publish that finds the lock held waits (polling) up to ``wait`` seconds, then stops with an
  error naming the target and the holder.
- ``check()`` runs just before a release is made visible (the rename of a local staging folder, the
  manifest of an object-store upload): it proves the lock still holds this publish's token.
- Taking over a stale lock: a local lock is renamed away first (of several waiters, one rename
  wins); an object-store lock is deleted when it still holds the stale token. Two waiters racing at
  that moment on an object store may both create a lock in turn; only the one whose token the lock
  holds passes ``check()``.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import secrets
import socket
import threading
import time
from dataclasses import dataclass, replace

from ..errors import PublishError

LOCK_NAME = ".presstables.lock"
STALE_AFTER = 600.0  # seconds without a heartbeat after which a lock is taken over
WAIT = 600.0         # seconds a publish waits for a held lock before it gives up
POLL = 0.2           # seconds between two looks at a held lock


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no $USER (containers)
        return "unknown"


@dataclass(frozen=True)
class Holder:
    """Who holds a lock, as written in it."""

    owner: str
    host: str
    pid: int
    epoch: float
    token: str

    @classmethod
    def me(cls) -> Holder:
        return cls(_user(), socket.gethostname(), os.getpid(), time.time(), secrets.token_hex(16))

    @classmethod
    def parse(cls, data: bytes, fallback_epoch: float) -> Holder:
        """The holder written in a lock; an unreadable lock (its writer died mid-write) is dated by
        ``fallback_epoch`` (the file's modification time)."""
        try:
            d = json.loads(data.decode("utf-8"))
            return cls(str(d["owner"]), str(d["host"]), int(d["pid"]), float(d["epoch"]), str(d["token"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls("unknown", "unknown", 0, fallback_epoch, "")

    def to_bytes(self) -> bytes:
        return (json.dumps({"tool": "presstables publish", "owner": self.owner, "host": self.host,
                            "pid": self.pid, "time": _iso(self.epoch), "epoch": self.epoch,
                            "token": self.token}, indent=2) + "\n").encode("utf-8")

    def describe(self) -> str:
        return f"{self.owner}@{self.host} (pid {self.pid}) since {_iso(self.epoch)}"


def _iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, tz=dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class LocalLockFile:
    """The lock as a file in a local folder."""

    def __init__(self, path: str):
        self.path = path

    def create(self, data: bytes) -> bool:
        os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        try:
            fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        return True

    def read(self) -> bytes | None:
        try:
            with open(self.path, "rb") as fh:
                return fh.read()
        except FileNotFoundError:
            return None

    def modified(self) -> float:
        try:
            return os.stat(self.path).st_mtime
        except FileNotFoundError:
            return time.time()

    def replace(self, data: bytes) -> None:
        tmp = f"{self.path}.{secrets.token_hex(4)}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, self.path)

    def remove(self) -> None:
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def take_over(self, stale_token: str) -> None:
        """Rename the stale lock away (one waiter wins); a fresh lock moved by mistake goes back."""
        moved = f"{self.path}.stale-{secrets.token_hex(4)}"
        try:
            os.rename(self.path, moved)
        except FileNotFoundError:
            return
        try:
            with open(moved, "rb") as fh:
                token = Holder.parse(fh.read(), 0.0).token
            if token != stale_token:  # another waiter took over and locked in between: give it back
                try:
                    os.link(moved, self.path)
                except FileExistsError:
                    pass  # a third lock is there now; the moved one's publish fails its check()
        finally:
            os.unlink(moved)


class FsspecLockFile:
    """The lock as an object of an fsspec filesystem (s3://, memory:// ...)."""

    def __init__(self, fs, path: str):
        self.fs = fs
        self.path = path

    def create(self, data: bytes) -> bool:
        self.fs.makedirs(self.path.rsplit("/", 1)[0], exist_ok=True)
        try:
            with self.fs.open(self.path, "xb") as fh:
                fh.write(data)
        except FileExistsError:
            return False
        except (ValueError, NotImplementedError, TypeError):  # no exclusive create here: best effort
            if self.fs.exists(self.path):
                return False
            with self.fs.open(self.path, "wb") as fh:
                fh.write(data)
        return self.read() == data  # read back: a store that ignored "x" shows the last writer

    def read(self) -> bytes | None:
        try:
            return self.fs.cat_file(self.path)
        except FileNotFoundError:
            return None

    def modified(self) -> float:
        try:
            return self.fs.modified(self.path).timestamp()
        except (FileNotFoundError, NotImplementedError, AttributeError):
            return time.time()

    def replace(self, data: bytes) -> None:
        with self.fs.open(self.path, "wb") as fh:
            fh.write(data)

    def remove(self) -> None:
        try:
            self.fs.rm_file(self.path)
        except FileNotFoundError:
            pass

    def take_over(self, stale_token: str) -> None:
        data = self.read()
        if data is not None and Holder.parse(data, 0.0).token == stale_token:
            self.remove()


class TargetLock:
    """``with TargetLock(...) as lock:`` holds the target; ``lock.check()`` before making a release visible."""

    def __init__(self, file, target: str, *, wait: float = WAIT, stale_after: float = STALE_AFTER,
                 log=lambda message: None):
        self.file, self.target, self.log = file, target, log
        self.wait, self.stale_after = float(wait), float(stale_after)
        self.me = Holder.me()
        self.lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> TargetLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def holder(self) -> Holder | None:
        data = self.file.read()
        return None if data is None else Holder.parse(data, self.file.modified())

    def acquire(self) -> None:
        deadline = time.monotonic() + self.wait
        taken_over = None
        while True:
            self.me = replace(self.me, epoch=time.time())
            if self.file.create(self.me.to_bytes()):
                self._start_heartbeat()
                return
            holder = self.holder()
            if holder is None:  # released in between: try again
                time.sleep(0.01)
                continue
            if time.time() - holder.epoch > self.stale_after:
                if taken_over == holder.token:
                    raise PublishError(f"{self.file.path}: cannot remove the stale lock of {holder.describe()} "
                                       f"on {self.target}; remove it by hand")
                self.log(f"publish: taking over the stale lock of {holder.describe()} on {self.target}")
                taken_over = holder.token
                self.file.take_over(holder.token)
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                raise PublishError(self._locked_message(holder))
            time.sleep(min(POLL, left))

    def _locked_message(self, holder: Holder) -> str:
        return (f"{self.target} is locked by another publish: {holder.describe()} holds {self.file.path}; "
                f"waited {self.wait:g}s (--lock-wait). Try again when it is done. A lock not refreshed for "
                f"{self.stale_after:g}s (--lock-stale) is taken over; delete the lock file if that publish "
                f"is known to be gone.")

    def _start_heartbeat(self) -> None:
        interval = max(self.stale_after / 4, 0.05)
        self._thread = threading.Thread(target=self._heartbeat, args=(interval,), name="presstables-lock",
                                        daemon=True)
        self._thread.start()

    def _heartbeat(self, interval: float) -> None:
        while not self._stop.wait(interval):
            try:
                if not self._mine():
                    self.lost = True
                    return
                self.me = replace(self.me, epoch=time.time())
                self.file.replace(self.me.to_bytes())
            except OSError:
                continue  # the next beat tries again; a lock not refreshed goes stale in time

    def _mine(self) -> bool:
        holder = self.holder()
        return holder is not None and holder.token == self.me.token

    def check(self) -> None:
        """Raise unless this publish still holds the lock (run just before a release becomes visible)."""
        holder = self.holder()
        if self.lost or holder is None or holder.token != self.me.token:
            now = holder.describe() if holder else "nobody"
            raise PublishError(f"{self.target}: this publish lost its lock {self.file.path} (held by {now} now; "
                               f"it was not refreshed for {self.stale_after:g}s): nothing was made visible; "
                               f"publish again")

    def release(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        try:
            if self._mine():
                self.file.remove()
        except OSError as e:
            self.log(f"publish: could not remove the lock {self.file.path} ({e}); it goes stale in "
                     f"{self.stale_after:g}s")

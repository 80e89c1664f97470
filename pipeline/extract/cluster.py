"""Extraction on a Dask distributed cluster (``--engine dask``): contiguous batches of articles are
sent by value to the workers as tasks, each worker loads the spaCy model once (a per-process cache in
this module) and sends each batch's tables back; this process puts them in input order, so the
tables are byte-identical to a local run.

Each task also returns its worker's *fingerprint* (the result cache's run version: extractor code
and data, model name and version, library versions); a worker whose fingerprint differs from this
process's would give other rows, and is refused. dask and distributed are imported only here, and
only when the engine is used.
"""
from __future__ import annotations

import threading
from typing import Callable

from ..errors import StageError
from .parallel import batches

BATCH = 8                       # articles per task (as parallel.BATCH)
CONNECT_TIMEOUT = 10.0          # seconds to reach the scheduler and to wait for a first worker
_LOCK = threading.Lock()        # worker side: one model load per process, even with several threads
_MODELS: dict = {}              # worker side: model name -> (nlp, fingerprint)
_STATS = {"loads": 0, "batches": 0, "articles": 0}  # worker side: what this process did


# ---------------------------------------------------------------- the worker side
def fingerprint(name: str, nlp=None) -> str:
    """The run version of the extractors, the model ``name`` and the libraries in this process."""
    from . import Model
    from .cache import code_version, library_versions, run_version

    model = Model(name)
    model._nlp = nlp
    return run_version(code_version(), model.name, model.version(), library_versions())


def worker_model(name: str):
    """This process's model ``name`` and fingerprint, loaded on the first batch only."""
    with _LOCK:
        if name not in _MODELS:
            from . import load_model

            nlp = load_model(name)
            _STATS["loads"] += 1
            _MODELS[name] = (nlp, fingerprint(name, nlp))
        return _MODELS[name]


def run_batch(batch: list[dict], name: str) -> tuple[str, list]:
    """A task: the tables of each article of ``batch`` and this worker's fingerprint."""
    from . import _extract_batch

    nlp, mark = worker_model(name)
    tables = _extract_batch(batch, nlp)
    _STATS["batches"] += 1
    _STATS["articles"] += len(batch)
    return mark, tables


def worker_stats() -> dict:
    """What this worker process did (for ``Client.run``: tests count model loads with it)."""
    return dict(_STATS)


# ---------------------------------------------------------------- the driver side
def _distributed():
    try:
        import distributed
    except ImportError:
        raise StageError("extract", "--engine dask needs dask[distributed]: install the dask extra "
                                    "(pip install -c requirements/constraints.txt -e '.[dask]')") from None
    return distributed


def _span(batch: list[dict]) -> str:
    first, last = batch[0].get("article_id"), batch[-1].get("article_id")
    return f"article {first!r}" if len(batch) == 1 else f"articles {first!r} to {last!r}"


def check_address(address: str | None) -> None:
    """Refuse a scheduler address without a host and port (and a missing dask), before any work."""
    distributed = _distributed()
    if address is None:
        return
    try:
        distributed.comm.get_address_host_port(address)
    except ValueError as e:
        raise StageError("extract", f"--scheduler {address!r} is not a Dask scheduler address ({e}); "
                                    "expected tcp://host:port, tls://host:port (or host:port)") from None


class DaskEngine:
    """Extraction of articles on the cluster at ``scheduler`` (or, when None, on a ``LocalCluster`` of
    ``workers`` processes started on the first call and kept until ``close``). Called like ``extract_each``: the
    tables of each article in input order; ``done(article, tables)`` hears of each article as its
    batch comes back.
    The cluster is reached only when some article is to be extracted."""

    def __init__(self, scheduler: str | None, model: str, *, workers: int = 1,
                 timeout: float = CONNECT_TIMEOUT, notify: Callable[[str], None] = lambda message: None):
        self.scheduler = scheduler
        self.model = model
        self.workers = workers
        self.timeout = timeout
        self.notify = notify
        self._client = self._cluster = None

    @property
    def where(self) -> str:
        return f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"

    def __call__(self, articles: list[dict], *, progress=None, done: Callable | None = None) -> list:
        parts = batches(articles, BATCH)
        if not parts:
            return []
        distributed = _distributed()
        client = self._open(distributed, len(parts))
        results = self._gather(distributed, client, parts, fingerprint(self.model), progress, done)
        return [tables for part in results for tables in part]

    def _open(self, distributed, parts: int):
        """The client (and, without a scheduler, the local cluster), made on the first call and kept
        for the next ones (a build extracts a window of articles per call) until ``close``."""
        if self._client is None:
            if self.scheduler is None:
                self._cluster = self._local_cluster(distributed, min(self.workers, parts))
            self._client = self._connect(distributed, self._cluster)
        return self._client

    def close(self) -> None:
        """Close the client and the local cluster, if any."""
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def _local_cluster(self, distributed, workers: int):
        """A cluster of ``workers`` processes on this machine, one thread each."""
        import logging

        # a failing task is reported once, by this process, with its articles (not logged by its worker)
        return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0", silence_logs=logging.CRITICAL)

    def _connect(self, distributed, cluster):
        """A client of the scheduler with at least one worker, or a StageError naming the address."""
        try:
            client = distributed.Client(cluster or self.scheduler, timeout=self.timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError, TypeError) as e:
            raise StageError("extract", f"cannot reach {self.where} within {self.timeout:g} s "
                                        f"({type(e).__name__}: {e}); is the scheduler running there?") from None
        try:
            client.wait_for_workers(1, timeout=self.timeout)
        except (OSError, TimeoutError) as e:
            client.close()
            raise StageError("extract", f"no worker joined {self.where} within {self.timeout:g} s ({e})") from None
        count = len(client.scheduler_info().get("workers", {}))
        self.notify(f"extract: on {self.where} ({count} worker(s))")
        return client

    def _gather(self, distributed, client, parts: list[list], mark: str, progress, done) -> list:
        """Every batch's tables, in input order; progress counts articles as their batch comes back."""
        futures = client.map(run_batch, parts, name=self.model, pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        results: list = [None] * len(parts)

        def per_article():
            for future in distributed.as_completed(futures):
                i = index[future.key]
                results[i] = self._result(future, parts[i], mark)
                for article, tables in zip(parts[i], results[i], strict=True) if done else ():
                    done(article, tables)
                yield from parts[i]

        items = per_article()
        if progress is not None:
            items = progress(items, total=sum(len(p) for p in parts))
        try:
            with client.as_current():
                for _ in items:
                    pass
        finally:
            client.cancel(futures)
        return results

    def _result(self, future, batch: list[dict], mark: str) -> list:
        try:
            theirs, tables = future.result()
        except Exception as e:  # raised in the worker (or the worker died): said with the batch's articles
            raise StageError("extract", f"on {self.where}, the task for {_span(batch)} failed: "
                                        f"{type(e).__name__}: {e}") from None
        if theirs != mark:
            raise StageError("extract", f"a worker of {self.where} runs other extractor code, model or library "
                                        "versions than this machine (its rows would differ); install the same "
                                        "presstables, pins and model on every worker")
        return tables

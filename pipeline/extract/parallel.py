"""Extraction on several cores of one machine: contiguous batches of articles go to worker
processes forked from this one (they share its loaded model), and come back in input order, so
the tables are byte-identical for any number of jobs."""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterator

BATCH = 8                       # articles per task: small enough to balance, large enough to pipe
TASKS_PER_JOB = 4               # a few articles go in smaller tasks, so that the workers end together
_WORKER: dict = {}              # the model and the per-batch function, set before the fork


def default_jobs() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def batches(items: list, size: int = BATCH) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def task_size(n: int, jobs: int) -> int:
    """Articles per task: ``BATCH``, or fewer when ``n`` articles would give a worker fewer than
    ``TASKS_PER_JOB`` tasks (ten new articles on two workers: one each at a time, not five)."""
    if jobs <= 1:
        return BATCH
    return max(1, min(BATCH, n // (jobs * TASKS_PER_JOB)))


def _run(batch: list[dict]):
    return _WORKER["run"](batch, _WORKER["nlp"])


def _per_article(results, parts: list[list], done: Callable | None = None):
    """One item per article (None until its batch's result), so progress counts articles;
    ``done(batch, result)`` hears of each batch's result as it comes back, in order."""
    for part, result in zip(parts, results, strict=True):
        if done is not None:
            done(part, result)
        yield from [None] * (len(part) - 1)
        yield result


def _results(results, parts: list[list], progress, done: Callable | None = None) -> Iterator:
    items = _per_article(results, parts, done)
    if progress is not None:
        items = progress(items, total=sum(len(p) for p in parts))
    return (r for r in items if r is not None)


def iter_batches(run: Callable, articles: list[dict], nlp, jobs: int, progress=None,
                 done: Callable | None = None) -> Iterator:
    """``run(batch, nlp)`` for each batch of ``articles``, on ``jobs`` forked workers, yielded in
    order as they come back (a consumer that writes them out holds one result at a time);
    ``done(batch, result)`` is called in this process as each result arrives. The workers start at
    once, not at the first ``next``: they extract while the caller does other work (such as reading
    the cached results of the articles before these)."""
    parts = batches(articles, task_size(len(articles), jobs))
    jobs = min(jobs, len(parts))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _results((run(b, nlp) for b in parts), parts, progress, done)
    _WORKER.update(run=run, nlp=nlp)
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    return _closing(pool, _results(pool.map(_run, parts), parts, progress, done))  # map submits every batch now


def _closing(pool: ProcessPoolExecutor, items: Iterator) -> Iterator:
    try:
        yield from items
    finally:  # a consumer that stops early (an error downstream) does not wait for the remaining batches
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER.clear()

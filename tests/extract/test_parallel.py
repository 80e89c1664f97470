"""Extraction on several processes (pipeline/extract/parallel.py): same tables for any --jobs."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.extract import extract
from pipeline.extract.parallel import batches

TEXTS = [f'"We will reopen the port on day {i}," Mayor Ana Ruiz of Lima said. It cost $1{i} million.'
         for i in range(20)]


def test_batches_keep_every_article_in_order():
    items = list(range(19))
    assert [x for b in batches(items, 8) for x in b] == items and len(batches(items, 8)) == 3


def test_two_jobs_give_the_same_tables_as_one(nlp):
    articles = [{"article_id": f"a{i}", "text": t} for i, t in enumerate(TEXTS)]
    one = extract(articles, nlp, jobs=1)
    two = extract(articles, nlp, jobs=2)
    assert json.dumps(two, sort_keys=True) == json.dumps(one, sort_keys=True)
    assert len(one["quotes"]) == 20


@pytest.mark.parametrize("bad", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_whole_number(tmp_path, capsys, bad):
    with pytest.raises(SystemExit) as e:
        main(["extract", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "t.json"), "--jobs", bad])
    assert e.value.code == 2 and "--jobs" in capsys.readouterr().err


def test_extraction_streams_one_batch_at_a_time(monkeypatch):
    """The tables of the first batch come out before the next batch is extracted (build writes them
    into the package as they come): no stage holds every article's rows."""
    import pipeline.extract as ex

    calls = []

    def fake(articles, nlp):
        calls.append([a["article_id"] for a in articles])
        return [{t: [{"article_id": a["article_id"]}] for t in ex.TABLES} for a in articles]

    monkeypatch.setattr(ex, "_extract_batch", fake)
    model = ex.Model("not-loaded")
    model._nlp = object()
    articles = [{"article_id": str(i), "text": "x"} for i in range(20)]
    hits, stream = ex.extract_stream(articles, model, None, jobs=1)
    assert hits == 0 and next(stream)["quotes"] == [{"article_id": "0"}]
    assert calls == [[str(i) for i in range(8)]]
    assert [t["quotes"][0]["article_id"] for t in stream] == [str(i) for i in range(1, 20)] and len(calls) == 3


def _touch(batch: list, nlp) -> list:
    """A per-batch function that leaves a file for each article it ran on."""
    from pathlib import Path

    for path in batch:
        Path(path).touch()
    return batch


def test_workers_start_before_the_first_result_is_asked_for(tmp_path):
    """Forked workers extract while the caller does other work (reading cached results): the pool
    starts when ``iter_batches`` is called, not at the first ``next``."""
    import time

    from pipeline.extract.parallel import iter_batches

    paths = [str(tmp_path / f"a{i}") for i in range(4)]
    results = iter_batches(_touch, paths, None, jobs=2)
    deadline = time.monotonic() + 60
    while not all(map(lambda p: (tmp_path / p).exists(), paths)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all((tmp_path / p).exists() for p in paths)
    assert [p for batch in results for p in batch] == paths


def test_lists_loaded_on_first_use_are_built_before_the_workers_fork(nlp, monkeypatch):
    """With several jobs, the gazetteer and the given-name list are built once in the parent (the
    forked workers share them), not once per worker."""
    import pipeline.extract as ex
    from pipeline.extract.entities.lexicon import gazetteer
    from pipeline.extract.given_names import table

    gazetteer.cache_clear()
    table.cache_clear()
    ex.extract([{"article_id": f"a{i}", "text": t} for i, t in enumerate(TEXTS[:4])], nlp, jobs=2)
    assert gazetteer.cache_info().currsize == 1 and table.cache_info().currsize == 1


def test_importing_the_extractors_builds_no_gazetteer():
    """A fully cached build and the Dask driver import the extractors without extracting: the
    gazetteer (~0.9 s) and the title list built from it wait for the first article."""
    import subprocess
    import sys

    probe = ("import pipeline.extract; from pipeline.extract.entities.lexicon import gazetteer; "
             "from pipeline.extract.entities.lexicon import TITLES; "
             "print(gazetteer.cache_info().currsize, TITLES._words is None, 'novelist' in TITLES, "
             "gazetteer.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["0", "True", "True", "1"]


class _LoggedCache:
    """A result cache in memory that logs each read."""

    def __init__(self, stored: dict, log: list):
        self.stored, self.log = stored, log

    def key(self, article):
        return article["article_id"]

    def has(self, key):
        return key in self.stored

    def get(self, key):
        self.log.append(f"read {key}")
        return self.stored[key]

    def put(self, key, tables):
        self.stored[key] = tables


def test_cached_articles_are_read_while_an_extracted_one_is_awaited(monkeypatch):
    """The new articles often come first in id order: the cached entries after one are read before
    waiting for it (this process would otherwise sit idle while the workers extract), at most
    ``READ_AHEAD`` held at once; the tables still come out in input order."""
    import pipeline.extract as ex

    log = []

    def fake(articles, nlp):
        log.extend(f"extract {a['article_id']}" for a in articles)
        return [{t: [{"article_id": a["article_id"]}] for t in ex.TABLES} for a in articles]

    monkeypatch.setattr(ex, "_extract_batch", fake)
    monkeypatch.setattr(ex, "warm_lists", lambda cache: 0)
    monkeypatch.setattr(ex, "READ_AHEAD", 2)
    model = ex.Model("not-loaded")
    model._nlp = object()
    articles = [{"article_id": f"a{i}", "text": "x"} for i in range(6)]
    cache = _LoggedCache({f"a{i}": {t: [{"article_id": f"a{i}"}] for t in ex.TABLES} for i in (1, 2, 3, 5)}, log)
    hits, stream = ex.extract_stream(articles, model, cache, jobs=1)
    assert hits == 4
    assert [t["quotes"][0]["article_id"] for t in stream] == [a["article_id"] for a in articles]
    assert log == ["read a1", "read a2", "extract a0", "extract a4", "read a3", "read a5"]  # one batch: a0 and a4


def test_a_few_articles_go_to_the_workers_in_small_tasks():
    """Ten new articles on two workers go one at a time (five each at once left one worker idle while the
    other parsed the longer half); a big corpus keeps tasks of ``BATCH``; one process takes ``BATCH``."""
    from pipeline.extract.parallel import BATCH, task_size

    assert task_size(10, 2) == 1 and task_size(40, 2) == 5
    assert task_size(10_000, 2) == BATCH and task_size(10, 1) == BATCH

"""Articles flow through build a window at a time: ingest spools them (memory holds ids and offsets, not
texts), extraction and packaging take ``WINDOW`` articles at a time, and the package is the same bytes
for any window size, any ``--jobs`` and the Dask engine."""
from __future__ import annotations

import json

import pytest

from pipeline import cli
from pipeline.cli import main
from pipeline.ingest import ingest, ingest_stream

TEXTS = [f'"We will reopen the port on day {i}," Mayor Ana Ruiz of Lima said. It cost ${i + 1} million.'
         for i in range(7)]


def corpus(path, order=range(7)):
    rows = [{"id": f"a{i}", "title": f"Title {i}", "text": TEXTS[i]} for i in order]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_ingest_spools_the_articles_and_reads_them_back_in_id_order(tmp_path):
    articles = ingest_stream([corpus(tmp_path / "c.jsonl", order=[3, 1, 6, 0, 5, 2, 4])])
    try:
        assert len(articles) == 7
        assert all(isinstance(aid, str) and isinstance(offset, int) for aid, offset in articles._index)  # no text
        first, again = list(articles), list(articles)
        assert [a["article_id"] for a in first] == [f"a{i}" for i in range(7)] and first == again
        assert first == ingest([tmp_path / "c.jsonl"])
        spool = articles._path
        assert spool.is_file()
    finally:
        articles.close()
    assert not spool.exists()


def test_a_duplicate_id_names_both_places_before_any_work(tmp_path):
    from pipeline.errors import InputError

    corpus(tmp_path / "c.jsonl")
    (tmp_path / "a3.txt").write_text("Another text.", encoding="utf-8")
    with pytest.raises(InputError, match=r"a3\.txt: article id 'a3' is already used by .*c\.jsonl:4"):
        ingest_stream([tmp_path / "c.jsonl", tmp_path / "a3.txt"])


@pytest.mark.parametrize("window, jobs", [(2, "1"), (3, "2")])
def test_the_package_is_the_same_for_any_window(tmp_path, monkeypatch, window, jobs):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    src = corpus(tmp_path / "c.jsonl")
    assert main(["build", str(src), "--out", str(tmp_path / "whole"), "-q", "--jobs", "1"]) == 0
    seen = []
    real = cli.windows
    monkeypatch.setattr(cli, "windows", lambda articles, size=window: (seen.append(len(w)) or w
                                                                       for w in real(articles, size)))
    assert main(["build", str(src), "--out", str(tmp_path / "windows"), "-q", "--jobs", jobs]) == 0
    assert seen == [window] * (7 // window) + ([7 % window] if 7 % window else [])
    assert files_of(tmp_path / "windows") == files_of(tmp_path / "whole")


def test_extract_streams_its_articles_file_in_windows(tmp_path, monkeypatch):
    src = corpus(tmp_path / "c.jsonl")
    arts = tmp_path / "a.jsonl"
    assert main(["ingest", str(src), "--out", str(arts), "-q"]) == 0
    assert main(["extract", str(arts), "--out", str(tmp_path / "whole.jsonl"), "-q", "--no-cache"]) == 0
    seen = []
    real = cli.windows
    monkeypatch.setattr(cli, "windows", lambda articles, size=2: (seen.append(len(w)) or w
                                                                  for w in real(articles, size)))
    assert main(["extract", str(arts), "--out", str(tmp_path / "windows.jsonl"), "-q", "--no-cache"]) == 0
    assert seen == [2, 2, 2, 1]
    assert (tmp_path / "windows.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()


def test_the_dask_engine_keeps_one_cluster_for_every_window(tmp_path, monkeypatch):
    from pipeline.extract.cluster import DaskEngine

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    src = corpus(tmp_path / "c.jsonl")
    assert main(["build", str(src), "--out", str(tmp_path / "local"), "-q", "--jobs", "1"]) == 0
    real, made = DaskEngine._local_cluster, []
    monkeypatch.setattr(DaskEngine, "_local_cluster", lambda self, *a: made.append(1) or real(self, *a))
    real_windows = cli.windows
    monkeypatch.setattr(cli, "windows", lambda articles, size=3: real_windows(articles, size))
    assert main(["build", str(src), "--out", str(tmp_path / "dask"), "-q", "--engine", "dask", "--jobs", "2",
                 "--no-cache"]) == 0
    assert made == [1]
    assert files_of(tmp_path / "dask") == files_of(tmp_path / "local")

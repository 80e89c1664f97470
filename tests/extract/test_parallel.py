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

"""The development loop: a set parsed once, scored like a built package, halves and diffs."""
from __future__ import annotations

import json

from conftest import need_shared

from pipeline import devloop


def test_seed_scores_one_and_parses_once(tmp_path, capsys):
    need_shared("tools", "score.py")
    argv = ["run", "--tag", "t", "--out", str(tmp_path / "out"), "--docs", str(tmp_path / "docs"), "seed"]
    assert devloop.main(argv) == 0
    printed = capsys.readouterr().out
    assert "quotes          P=1.000 R=1.000 F1=1.000" in printed
    assert "entities        P=1.000 R=1.000 F1=1.000" in printed
    parses = list((tmp_path / "docs").glob("seed-*.spacy"))
    assert len(parses) == 1
    stamp = parses[0].stat().st_mtime_ns
    assert devloop.main(argv[:2] + ["t2"] + argv[3:]) == 0
    assert parses[0].stat().st_mtime_ns == stamp  # the second run read the parse, it did not write one
    first, second = (json.loads((tmp_path / "out" / t / "seed" / "tables.json").read_text()) for t in ("t", "t2"))
    assert first == second
    assert devloop.main(["diff", "t", "t2", "seed", "quotes", "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "### quotes: -0 +0"


def test_diff_lists_changed_rows():
    row = {"article_id": "a", "text": "x", "type": "direct", "speaker_name": "Ann", "speaker_text": "Ann", "cue": "said"}
    before, after = {"quotes": [row]}, {"quotes": [dict(row, speaker_name="Bob")]}
    lines = devloop.diff_lines(before, after, "quotes")
    assert lines[0] == "### quotes: -1 +1"
    assert lines[1].startswith("- a | ") and '"Ann"' in lines[1]
    assert lines[2].startswith("+ a | ") and '"Bob"' in lines[2]


def test_halves_are_stable_and_both_used():
    ids = [f"article-{i}" for i in range(200)]
    halves = [devloop.half(i) for i in ids]
    assert halves == [devloop.half(i) for i in ids]
    assert 60 < halves.count("dev") < 140


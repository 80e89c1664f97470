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



def test_bounds_leave_out_joined_gold_rows_and_judge_speakers_as_written_too(tmp_path):
    need_shared("tools", "score.py")
    text = "“Taxes will rise,” the mayor said. “Jobs will go.” Ann Lee said the town was fine."
    span = lambda words: (text.index(words), text.index(words) + len(words))  # noqa: E731
    (a, _), (_, b), (c, d) = span("“Taxes"), span("go.”"), span("the town was fine")
    gold = {"article": "a1", "text": text, "quotes": [
        {"text": "“Taxes will rise,” “Jobs will go.”", "start": a, "end": b, "speaker": "the mayor",
         "type": "direct", "optional": False},
        {"text": "the town was fine", "start": c, "end": d, "speaker": "the mayor", "type": "indirect",
         "optional": False}]}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    quote = {"article_id": "a1", "type": "direct", "speaker_name": "Ann Lee", "speaker_text": "the mayor", "cue": "said"}
    rows = [dict(quote, text=w, start=span(w)[0], end=span(w)[1]) for w in ("Taxes will rise,", "Jobs will go.")]
    rows.append(dict(quote, text="the town was fine", start=c, end=d, type="indirect", speaker_text="Ann Lee"))
    devloop.write_tables(tmp_path, [{"article_id": "a1", "text": text}], {"quotes": rows})
    assert devloop.one_span(text, gold["quotes"][1]) and not devloop.one_span(text, gold["quotes"][0])
    bounds = devloop.quote_bounds(tmp_path / "gold.jsonl", tmp_path / "datapackage.json")
    (_, tp, fp, fn), (_, tp_c, fp_c, fn_c) = bounds["quotes"]
    assert (tp, fp, fn) == (2, 1, 0)  # the second piece of the joined row is a false positive as scored
    assert (tp_c, fp_c, fn_c) == (1, 0, 0)  # on the rows the contract can hold: the joined row and its pieces left out
    by_name, either, judged = bounds["speaker"]
    assert judged == 2 and by_name == 0.0 and either == 0.5  # "the mayor" as written; "Ann Lee" speaks the last row
    assert devloop.bounds_lines(bounds)[0].startswith("quotes          F1=0.800 (tp=2 fp=1 fn=0)  contract gold: F1=1.000")

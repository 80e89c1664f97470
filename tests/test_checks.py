"""Data checks: every check of validation is proven able to fail.

Each case corrupts a small, valid package in exactly one way (the tables are corrupted before
they are packaged, so files, hashes and the CSV/Parquet twins stay consistent) and asserts that
`presstables validate` exits 1 naming the table, the row key and the check.
"""
from __future__ import annotations

import copy
import hashlib

import pytest

from pipeline import package
from pipeline.cli import main
from pipeline.validate import validate

TEXT = ("Mayor Ana Reyes said the city would spend $5 million on parks. "
        "\"We will plant 300 trees,\" Reyes said. Costs rose 12 percent in 2023.")


def span(sub, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(sub, start + 1)
    return start, start + len(sub)


def tiny_tables() -> dict:
    a = "city"
    s_name, s_sur = span("Ana Reyes"), span("Reyes", 1)
    q = span("We will plant 300 trees,")
    f1, f2, f3 = span("$5 million"), span("300 trees"), span("12 percent")
    return {
        "articles": [{"article_id": a, "title": None, "source": None, "url": None, "published": "2024-01-02",
                      "language": "en", "license": None, "attribution": None, "text": TEXT,
                      "sha256": hashlib.sha256(TEXT.encode()).hexdigest()}],
        "entities": [{"entity_id": "e_000000000000000a", "article_id": a, "name": "Ana Reyes", "type": "PERSON",
                      "role": "Mayor", "aliases": ["Ana Reyes", "Reyes"], "mention_count": 2,
                      "entity_key": "person:ana-reyes"}],
        "mentions": [{"mention_id": f"m_00000000000000{i}a", "entity_id": "e_000000000000000a", "article_id": a,
                      "start": s, "end": e, "text": TEXT[s:e], "sentence_index": i, "kind": k}
                     for i, ((s, e), k) in enumerate([(s_name, "name"), (s_sur, "partial")])],
        "quotes": [{"quote_id": "q_000000000000000a", "article_id": a, "text": TEXT[q[0]:q[1]], "type": "direct",
                    "speaker_name": "Ana Reyes", "speaker_text": "Reyes", "speaker_entity_id": "e_000000000000000a",
                    "cue": "said", "start": q[0], "end": q[1], "sentence_index": 1}],
        "figures": [
            {"figure_id": "f_000000000000000a", "article_id": a, "text": TEXT[f1[0]:f1[1]], "value": 5e6,
             "value_max": None, "value_from": None,
             "unit": "USD", "kind": "money", "qualifier": "exact", "direction": None, "measure": "parks",
             "period": None, "entity_id": None, "quote_id": None, "equivalent_of": None,
             "start": f1[0], "end": f1[1], "sentence_index": 0},
            {"figure_id": "f_000000000000000b", "article_id": a, "text": TEXT[f2[0]:f2[1]], "value": 300.0,
             "value_max": None, "value_from": None,
             "unit": "count", "kind": "count", "qualifier": "exact", "direction": None, "measure": "trees",
             "period": None, "entity_id": None, "quote_id": "q_000000000000000a", "equivalent_of": None,
             "start": f2[0], "end": f2[1], "sentence_index": 1},
            {"figure_id": "f_000000000000000c", "article_id": a, "text": TEXT[f3[0]:f3[1]], "value": 12.0,
             "value_max": None, "value_from": None,
             "unit": "percent", "kind": "percent", "qualifier": "exact", "direction": "increase", "measure": "costs",
             "period": "2023", "entity_id": None, "quote_id": None, "equivalent_of": None,
             "start": f3[0], "end": f3[1], "sentence_index": 2}],
    }


def build(tmp_path, tables):
    files, descriptor = package.render(tables)
    package.write(tmp_path, files, descriptor)
    return tmp_path / "datapackage.json"


def test_tiny_package_is_valid_without_warnings(tmp_path):
    report = validate(build(tmp_path, tiny_tables()))
    assert report.valid and report.problems == [], report.problems
    assert [c["name"] for c in report.checks] == ["contract", "structure", "parquet", "keys", "provenance", "quality"]


def fig(t, i=0):
    return t["figures"][i]


def dup_mention(t):
    m = dict(t["mentions"][0], mention_id="m_00000000000000ff")
    t["mentions"].append(m)
    t["entities"][0]["mention_count"] = 3


def second_article(t):
    other = dict(t["articles"][0], article_id="other")
    t["articles"].append(other)
    t["quotes"][0]["article_id"] = "other"


# (case id, corruption, table, row key, check) -- the check names the rule that must fire.
CASES = [
    ("enum", lambda t: fig(t).update(kind="weight"), "figures", "f_000000000000000a",
     "gx:expect_column_values_to_be_in_set"),
    ("pattern", lambda t: t["entities"][0].update(entity_key="Person: Ana"), "entities", "e_000000000000000a",
     "gx:expect_column_values_to_match_regex"),
    ("minimum", lambda t: t["mentions"][0].update(sentence_index=-1), "mentions", "m_000000000000000a",
     "gx:expect_column_values_to_be_between"),
    ("end-after-start", lambda t: t["quotes"][0].update(end=t["quotes"][0]["start"]), "quotes", "q_000000000000000a",
     "gx:expect_column_pair_values_a_to_be_greater_than_b"),
    ("span-length", lambda t: t["mentions"][1].update(end=t["mentions"][1]["end"] + 1), "mentions",
     "m_000000000000001a", "gx:expect_column_pair_values_to_be_equal"),
    ("compound-unique", dup_mention, "mentions", "m_00000000000000ff", "gx:expect_compound_columns_to_be_unique"),
    ("entity-unique", lambda t: t["entities"].append(dict(t["entities"][0], entity_id="e_000000000000000b")),
     "entities", "e_000000000000000b", "gx:expect_compound_columns_to_be_unique"),
    ("percent-range", lambda t: fig(t, 2).update(value=25000.0), "figures", "f_000000000000000c",
     "gx:expect_column_values_to_be_between"),
    ("money-non-negative", lambda t: fig(t).update(value=-5e6), "figures", "f_000000000000000a",
     "gx:expect_column_values_to_be_between"),
    ("count-finite", lambda t: fig(t, 1).update(value=float("inf")), "figures", "f_000000000000000b",
     "gx:expect_column_values_to_be_between"),
    ("iso-4217", lambda t: fig(t).update(unit="BUX"), "figures", "f_000000000000000a",
     "gx:expect_column_values_to_be_in_set"),
    ("count-unit", lambda t: fig(t, 1).update(unit="trees"), "figures", "f_000000000000000b",
     "gx:expect_column_values_to_be_in_set"),
    ("percent-unit", lambda t: fig(t, 2).update(unit="km"), "figures", "f_000000000000000c",
     "gx:expect_column_values_to_be_in_set"),
    ("range-order", lambda t: fig(t, 2).update(value_max=3.0), "figures", "f_000000000000000c",
     "gx:expect_column_pair_values_a_to_be_greater_than_b"),
    ("change-direction", lambda t: fig(t, 1).update(value_from=250.0), "figures", "f_000000000000000b",
     "gx:expect_column_values_to_not_be_null"),
    ("range-or-change", lambda t: fig(t, 2).update(value_max=14.0, value_from=10.0), "figures",
     "f_000000000000000c", "gx:expect_column_values_to_be_null"),
    ("mention-count-range", lambda t: t["entities"][0].update(mention_count=0), "entities", "e_000000000000000a",
     "gx:expect_column_values_to_be_between"),
    ("rows-per-article", lambda t: t["quotes"].extend(
        dict(t["quotes"][0], quote_id=f"q_{i:016x}", start=t["quotes"][0]["start"]) for i in range(16, 16 + 500)),
     "quotes", None, "gx:expect_table_row_count_to_be_between"),
    ("span-text", lambda t: t["mentions"][0].update(text="Ana Reyez"), "mentions", "m_000000000000000a",
     "provenance:span"),
    ("figure-in-quote", lambda t: fig(t, 0).update(quote_id="q_000000000000000a"), "figures", "f_000000000000000a",
     "provenance:figure-in-quote"),
    ("same-article", second_article, "quotes", "q_000000000000000a", "provenance:same-article"),
    ("mention-count", lambda t: t["entities"][0].update(mention_count=5), "entities", "e_000000000000000a",
     "provenance:mention-count"),
    ("sha256", lambda t: t["articles"][0].update(sha256="0" * 64), "articles", "city", "provenance:sha256"),
    ("foreign-key", lambda t: t["quotes"][0].update(speaker_entity_id="e_00000000000000ff"), "quotes",
     "q_000000000000000a", "keys:foreign-key"),
    ("self-foreign-key", lambda t: fig(t, 1).update(equivalent_of="f_00000000000000ff"), "figures",
     "f_000000000000000b", "keys:foreign-key"),
    ("article-foreign-key", lambda t: t["mentions"][0].update(article_id="nowhere"), "mentions",
     "m_000000000000000a", "keys:foreign-key"),
]


@pytest.mark.parametrize("case, corrupt, table, key, check", CASES, ids=[c[0] for c in CASES])
def test_each_check_can_fail(tmp_path, capsys, case, corrupt, table, key, check):
    tables = copy.deepcopy(tiny_tables())
    corrupt(tables)
    path = build(tmp_path, tables)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    where = f"{table}[{key}]" if key else f"{table}:"
    assert any(where in line and check in line for line in err.splitlines()), err


def test_the_quality_worker_finds_what_the_check_in_process_finds(tmp_path):
    """``build`` runs the Great Expectations suites in a child (``quality_worker``): the same problems,
    and the same worker serves the next package."""
    from pipeline.validate import quality_worker

    gx_cases = [c for c in CASES if c[4].startswith("gx:")]
    for case, corrupt, *_ in gx_cases[:3]:
        tables = copy.deepcopy(tiny_tables())
        corrupt(tables)
        path = build(tmp_path / case, tables)
        worker = quality_worker()
        here, there = validate(path), validate(path, worker)
        assert here.problems and there.problems == here.problems, case
        assert quality_worker() is worker


def test_the_quality_worker_falls_back_to_this_process_when_its_child_is_gone(tmp_path):
    from pipeline.validate import QualityWorker

    tables = copy.deepcopy(tiny_tables())
    CASES[0][1](tables)
    path = build(tmp_path, tables)
    worker = QualityWorker()
    worker._process.kill()
    worker._process.join()
    assert validate(path, worker).problems == validate(path).problems
    worker.close()


def test_the_quality_worker_reads_a_relative_package_from_this_process_working_folder(tmp_path, monkeypatch):
    """The worker was started once, in another folder: a package named by a relative path is still
    read there (it is sent as an absolute path), so what only the suites find is found (before, the
    child found no files at the relative path and checked nothing)."""
    from pipeline.validate import quality_worker

    worker = quality_worker()
    case, corrupt, table, key, check = next(c for c in CASES if c[4].startswith("gx:"))
    tables = copy.deepcopy(tiny_tables())
    corrupt(tables)
    build(tmp_path / "pkg", tables)
    monkeypatch.chdir(tmp_path)
    found = validate("pkg/datapackage.json", worker).problems
    assert any(p.check.startswith("gx:") and p.table == table for p in found), (case, found)


def test_required_value_missing_is_refused_when_packaging(tmp_path):
    from pipeline.errors import StageError
    tables = tiny_tables()
    tables["quotes"][0]["type"] = None
    with pytest.raises(StageError, match="'quotes'.*'type'"):
        build(tmp_path, tables)


def test_required_value_missing_in_csv_fails_frictionless(tmp_path, capsys):
    from test_validate import rewrite_csv
    path = build(tmp_path, tiny_tables())
    rewrite_csv(path, "quotes", lambda rows: rows[0].update(type=""))
    assert main(["validate", str(path)]) == 1
    assert "quotes[q_000000000000000a].type: frictionless:constraint-error" in capsys.readouterr().err


def test_quality_targets_are_warnings_not_failures(tmp_path, capsys):
    tables = tiny_tables()
    tables["quotes"][0].update(speaker_name=None, speaker_entity_id=None, speaker_text=None)
    report = validate(build(tmp_path, tables))
    assert report.valid
    warned = {(p.table, p.field, p.row_key) for p in report.warnings}
    assert ("quotes", "speaker_name", "q_000000000000000a") in warned
    assert ("quotes", "speaker_entity_id", "q_000000000000000a") in warned
    assert main(["validate", str(tmp_path / "datapackage.json")]) == 0
    assert "2 warning(s)" in capsys.readouterr().err


def test_help_and_cli_import_do_not_import_great_expectations():
    import subprocess
    import sys
    code = "import sys, pipeline.cli, pipeline.validate; print('great_expectations' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def shifted(tables, prefix):
    """The tables of an article whose text starts with ``prefix`` (every offset moved along)."""
    article = tables["articles"][0]
    article["text"] = prefix + article["text"]
    article["sha256"] = hashlib.sha256(article["text"].encode()).hexdigest()
    for table in ("mentions", "quotes", "figures"):
        for row in tables[table]:
            row["start"] += len(prefix)
            row["end"] += len(prefix)
    return tables


def test_spans_are_checked_in_code_points_like_python_slices(tmp_path):
    """Offsets count code points: characters of 2 and 4 UTF-8 bytes before the spans change nothing."""
    tables = shifted(tiny_tables(), "\U0001F600 caf\u00e9 \u2014 ")
    report = validate(build(tmp_path, tables))
    assert report.valid and report.problems == [], report.problems
    tables["mentions"][0]["start"] += 1  # one code point off: named
    report = validate(build(tmp_path / "off", tables))
    assert [(p.check, p.row_key, p.field) for p in report.errors if p.check.startswith("provenance")] == [
        ("provenance:span", "m_000000000000000a", "text")]


def test_many_failing_rows_are_named_up_to_a_limit_and_counted(tmp_path):
    from pipeline.crosscheck import MAX_ROW_PROBLEMS
    tables = tiny_tables()
    tables["quotes"] += [dict(tables["quotes"][0], quote_id=f"q_{i:016x}", speaker_entity_id="e_00000000000000ff")
                         for i in range(16, 16 + MAX_ROW_PROBLEMS + 7)]
    found = [p for p in validate(build(tmp_path, tables)).errors if p.check == "keys:foreign-key"]
    assert [p.row_key for p in found[:MAX_ROW_PROBLEMS]] == [f"q_{i:016x}" for i in range(16, 16 + MAX_ROW_PROBLEMS)]
    assert len(found) == MAX_ROW_PROBLEMS + 1 and found[-1].message == "... and 7 more row(s)"


def test_row_count_bound_grows_with_the_length_of_the_text():
    """A 2,000,000-character article may hold as many rows as hundreds of short ones."""
    from pipeline.quality import suite_configs

    def most(n_articles, n_chars):
        return next(c for c in suite_configs("quotes", n_articles, n_chars)
                    if c["type"] == "expect_table_row_count_to_be_between")["kwargs"]["max_value"]

    assert most(1, 3_000) == 500 and most(2, 0) == 1_000
    assert most(1, 2_000_000) == 40_000


def test_the_suites_run_without_importing_the_libraries_great_expectations_defers(tmp_path):
    """``quality`` defers what Great Expectations imports for expectations the suites never run
    (``quality.DEFERRED``, 1.2-1.9 s of CPU per import): a package that fails a suite is still
    reported, and those modules are still stand-ins after the suites ran (a fresh process)."""
    import subprocess
    import sys
    from pathlib import Path

    case, corrupt, table, key, check = next(c for c in CASES if c[4].startswith("gx:"))
    tables = copy.deepcopy(tiny_tables())
    corrupt(tables)
    path = build(tmp_path, tables)
    code = ("import sys; from pathlib import Path; from pipeline import quality; "
            "from pipeline.validate import load_descriptor; "
            f"base = Path({str(path.parent)!r}); "
            "print(sorted({p.check for p in quality.check_quality(load_descriptor(base), base)})); "
            "print([n for n in quality.DEFERRED if type(sys.modules[n]).__name__ != 'Deferred'])")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False,
                          cwd=Path(__file__).resolve().parent.parent)
    assert done.returncode == 0, done.stderr
    found, loaded = done.stdout.splitlines()
    assert check in found and loaded == "[]", done.stdout

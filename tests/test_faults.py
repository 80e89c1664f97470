"""Bad input and faults (issue 15): every failure is a clear error naming the file, line or row;
nothing is lost, nothing is half-written. One test (or a few) per row of the issue's table."""
from __future__ import annotations

import copy
import csv
import json
import os
from pathlib import Path

import pytest
from conftest import SEED
from test_checks import tiny_tables
from test_validate import rewrite_csv

from pipeline import package
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.ingest import ingest


def jsonl(path: Path, *lines: str) -> Path:
    """A JSONL file written line by line as given (the lines are raw JSON text)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes("".join(line + "\n" for line in lines).encode("utf-8"))
    return path


def articles_in(out: Path) -> list[str]:
    with open(out / "data/articles.csv", newline="", encoding="utf-8") as fh:
        return [row["article_id"] for row in csv.DictReader(fh)]


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def no_work(monkeypatch):
    """Ingest, extraction and validation fail the test if they run: the command must stop before."""
    import pipeline.extract as extract
    import pipeline.ingest as ingest_module
    import pipeline.validate as validate_module

    def refuse(*args, **kwargs):
        raise AssertionError("work started before the output paths were checked")
    for module, name in ((ingest_module, "ingest"), (extract, "load_model"), (validate_module, "validate")):
        monkeypatch.setattr(module, name, refuse)


def package_tiny(out: Path, tables: dict | None = None, *args: str) -> int:
    """``presstables package`` of the tiny test tables into ``out`` (no model needed)."""
    tables = copy.deepcopy(tables or tiny_tables())
    work = out.parent / f"{out.name}-work"
    work.mkdir(parents=True, exist_ok=True)
    arts = work / "articles.jsonl"
    arts.write_text("".join(json.dumps(a) + "\n" for a in tables.pop("articles")), encoding="utf-8")
    (work / "tables.json").write_text(json.dumps(tables), encoding="utf-8")
    return main(["package", str(arts), str(work / "tables.json"), "--out", str(out), "-q", *args])


def package_tiny_jsonl(out: Path, lines: list[dict]) -> int:
    """``presstables package`` of the tiny test article with a tables JSONL of ``lines``."""
    work = out.parent / f"{out.name}-work"
    work.mkdir(parents=True, exist_ok=True)
    arts = work / "articles.jsonl"
    arts.write_text("".join(json.dumps(a) + "\n" for a in tiny_tables()["articles"]), encoding="utf-8")
    (work / "tables.jsonl").write_text("".join(json.dumps(t) + "\n" for t in lines), encoding="utf-8")
    return main(["package", str(arts), str(work / "tables.jsonl"), "--out", str(out), "-q"])


@pytest.mark.parametrize("lines, problem", [
    ([{"article_id": "elsewhere"}], "tables.jsonl:1: holds the tables of article 'elsewhere', but line 1 of "),
    ([], "articles.jsonl: has more lines than "),
    ([{"article_id": "city", "entities": []}], "tables.jsonl:1: missing table(s) ['mentions', 'quotes', 'figures']"),
    ([{"article_id": "city", "entities": {}, "mentions": [], "quotes": [], "figures": []}],
     "tables.jsonl:1: table(s) ['entities'] must be lists of row objects"),
])
def test_a_tables_jsonl_that_does_not_fit_its_articles_exits_2(tmp_path, capsys, lines, problem):
    assert package_tiny_jsonl(tmp_path / "out", lines) == 2
    err = capsys.readouterr().err
    assert problem in err and "Traceback" not in err, err
    assert not (tmp_path / "out" / "datapackage.json").exists() and not list((tmp_path / "out").glob(".presstables*"))


# ---------------------------------------------------------------- 1. lone surrogates
def test_1_lone_surrogate_in_jsonl_is_input_error(tmp_path):
    f = jsonl(tmp_path / "feed.jsonl", '{"id": "a", "text": "ok"}', r'{"id": "b", "text": "bad \ud800 here"}')
    with pytest.raises(InputError, match=r"feed\.jsonl:2: .*surrogate"):
        ingest([f])


def test_1_lone_surrogate_in_metadata_exits_2(tmp_path, capsys):
    f = jsonl(tmp_path / "feed.jsonl", r'{"id": "a", "text": "Fine text.", "title": "\udfff"}')
    assert main(["ingest", str(f), "--out", str(tmp_path / "a.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "feed.jsonl:1" in err and "'title'" in err and "Traceback" not in err
    assert not (tmp_path / "a.jsonl").exists()


# ---------------------------------------------------------------- 2. ids that are not strings
@pytest.mark.parametrize("raw", ["null", "true", "false", "1e400", "1.5", "[1]", "{}", '""'])
def test_2_id_must_be_a_string_or_an_integer(tmp_path, raw):
    f = jsonl(tmp_path / "feed.jsonl", f'{{"id": {raw}, "text": "Some text."}}')
    with pytest.raises(InputError, match=r"feed\.jsonl:1: .*id") as err:
        ingest([f])
    assert "non-empty string or an integer" in str(err.value)


def test_2_integer_ids_are_accepted_as_text(tmp_path):
    f = jsonl(tmp_path / "feed.jsonl", '{"id": 7, "text": "Seven."}', '{"id": "x7", "text": "Other."}')
    assert [a["article_id"] for a in ingest([f])] == ["7", "x7"]


# ---------------------------------------------------------------- 3. lines end at \n only
@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085"])
def test_3_jsonl_lines_end_at_newline_only(tmp_path, sep):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": "a", "text": f"one{sep}two"}, ensure_ascii=False) + "\n"
                 + json.dumps({"id": "b", "text": "three"}) + "\r\n", encoding="utf-8")
    rows = ingest([f])
    assert [r["article_id"] for r in rows] == ["a", "b"] and sep in rows[0]["text"]


def test_3_line_numbers_count_newlines_only(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "one\u2028two"}, ensure_ascii=False) + "\n{broken\n",
                 encoding="utf-8")
    with pytest.raises(InputError, match=r"feed\.jsonl:2: invalid JSON"):
        ingest([f])


# ---------------------------------------------------------------- 4. articles over spaCy's max_length
def test_4_article_over_the_length_limit_is_input_error(tmp_path, capsys):
    f = tmp_path / "long.txt"
    f.write_text("word " * 1_000_001, encoding="utf-8")  # 5,000,004 characters once stripped
    assert main(["build", str(f), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert str(f) in err and "'long'" in err and "5,000,000" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_4_an_article_longer_than_the_model_allows_builds_in_pieces(tmp_path, monkeypatch, nlp):
    """spaCy refuses texts over its max_length: the article is parsed in pieces cut at paragraph
    breaks, and every offset still points into the whole text."""
    from pipeline.extract import parsing

    monkeypatch.setattr(nlp, "max_length", 1000)
    monkeypatch.setattr(parsing, "PIECE_CHARS", 400)
    monkeypatch.setattr("pipeline.extract.load_model", lambda name=None: nlp)
    text = "\n\n".join(f'"The port reopens on day {i}," Mayor Ana Ruiz of Lima said.' for i in range(40))
    arts = tmp_path / "a.jsonl"
    arts.write_text(json.dumps({"article_id": "huge", "text": text}) + "\n", encoding="utf-8")
    assert main(["extract", str(arts), "--out", str(tmp_path / "t.json"), "--quiet"]) == 0
    tables = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert len(tables["quotes"]) == 40
    assert all(text[q["start"]:q["end"]] == q["text"] for q in tables["quotes"])


# ---------------------------------------------------------------- 5. unusable output paths, checked first
def _file(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("I am a file\n")
    return path


@pytest.mark.parametrize("case", ["out-is-file", "out-under-file", "report-is-file", "report-under-file"])
def test_5_build_checks_its_output_paths_before_any_work(tmp_path, capsys, no_work, case):
    blocker = _file(tmp_path / "blocker")
    out, report = tmp_path / "out", tmp_path / "reports"
    bad = {"out-is-file": blocker, "out-under-file": blocker / "pkg",
           "report-is-file": blocker, "report-under-file": blocker / "r"}[case]
    if case.startswith("out"):
        out = bad
    else:
        report = bad
    assert main(["build", str(SEED), "--out", str(out), "--report", str(report)]) == 2
    err = capsys.readouterr().err
    assert str(blocker) in err and "Traceback" not in err
    assert blocker.read_text() == "I am a file\n"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc (a folder nobody can write in)")
def test_5_unwritable_out_is_refused_before_any_work(tmp_path, capsys, no_work):
    assert main(["build", str(SEED), "--out", "/proc/presstables-test/out"]) == 2
    assert "/proc" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_5_read_only_out_folder_is_refused(tmp_path, capsys, no_work):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        assert main(["build", str(SEED), "--out", str(ro / "out")]) == 2
        assert str(ro) in capsys.readouterr().err
    finally:
        ro.chmod(0o700)


def test_5_package_and_stage_outputs_are_checked_first(tmp_path, capsys, no_work):
    blocker = _file(tmp_path / "blocker")
    arts, tables = _file(tmp_path / "a.jsonl"), _file(tmp_path / "t.json")
    assert main(["package", str(arts), str(tables), "--out", str(blocker)]) == 2
    assert main(["ingest", str(SEED), "--out", str(tmp_path)]) == 2            # a folder, not a file
    assert main(["extract", str(arts), "--out", str(blocker / "t.json")]) == 2  # under a file
    err = capsys.readouterr().err
    assert err.count(str(blocker)) >= 2 and str(tmp_path) in err and "Traceback" not in err


def test_5_publish_to_a_file_is_refused_before_validation(tmp_path, capsys, no_work):
    blocker = _file(tmp_path / "releases")
    assert main(["publish", str(tmp_path), "--to", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert str(blocker) in err and "Traceback" not in err


# ---------------------------------------------------------------- 6. bad descriptors given to validate
@pytest.mark.parametrize("content, problem", [("{not json", "invalid JSON"), ("", "empty"),
                                              ("[1, 2]", "JSON object"), ("\ufeff", "empty")])
def test_6_bad_descriptor_is_exit_2(tmp_path, capsys, content, problem):
    d = tmp_path / "datapackage.json"
    d.write_text(content, encoding="utf-8")
    assert main(["validate", str(d)]) == 2
    err = capsys.readouterr().err
    assert str(d) in err and problem in err and "Traceback" not in err


def test_6_descriptor_that_is_not_utf8_is_exit_2(tmp_path, capsys):
    d = tmp_path / "datapackage.json"
    d.write_bytes(b'{"name": "caf\xe9"}')
    assert main(["validate", str(d)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_6_a_folder_means_its_descriptor(package_copy, tmp_path, capsys):
    assert main(["validate", str(package_copy.parent), "-q"]) == 0
    assert main(["validate", str(tmp_path / "empty-folder-that-is-missing")]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["validate", str(tmp_path / "empty")]) == 2
    assert str(tmp_path / "empty" / "datapackage.json") in capsys.readouterr().err


def test_6_descriptor_without_resources_is_invalid_not_a_crash(tmp_path, capsys):
    d = tmp_path / "datapackage.json"
    d.write_text('{"name": "x", "resources": "none"}', encoding="utf-8")
    assert main(["validate", str(d)]) == 1
    assert "Traceback" not in capsys.readouterr().err


# ---------------------------------------------------------------- 7. outputs are never inputs
def test_7_a_report_or_package_inside_an_input_folder_is_not_ingested(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "story.txt").write_bytes(SEED.read_bytes())
    first = ["build", str(inp), "--out", str(inp / "pkg"), "--report", str(inp / "reports"), "-q"]
    assert main(first) == 0
    # a release-like folder beside it: a package with a dataset card and review pages
    (inp / "pkg" / "README.md").write_text("# presstables\n\nA dataset card that is not an article.\n")
    (inp / "pkg" / "review").mkdir()
    (inp / "pkg" / "review" / "index.html").write_text("<html><body><p>" + "Review page. " * 50 + "</p></body></html>")
    before = files_of(inp / "pkg")
    assert main(first) == 0  # the same command again: the same package
    assert articles_in(inp / "pkg") == ["story"] and files_of(inp / "pkg") == before
    # another command (the outputs are not this run's): still passed over, with a notice each
    said = []
    assert [a["article_id"] for a in ingest([inp], notify=said.append)] == ["story"]
    assert any("reports" in line for line in said) and any("pkg" in line for line in said), said


def test_7_ingest_output_inside_its_input_folder_is_not_reread(tmp_path):
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "story.txt").write_text("The minister said the plan would work.")
    out = inp / "articles.jsonl"
    assert main(["ingest", str(inp), "--out", str(out), "-q"]) == 0
    first = out.read_bytes()
    assert main(["ingest", str(inp), "--out", str(out), "-q"]) == 0
    assert out.read_bytes() == first


# ---------------------------------------------------------------- 8. dates
@pytest.mark.parametrize("value", ["2019-01-01garbage", "2019-01-01 and more", "2019-01-01T25:00:00", "2019-02-30",
                                   "2019-01-01T10:00:00+99:00"])
def test_8_date_with_trailing_garbage_is_input_error(tmp_path, value):
    f = jsonl(tmp_path / "feed.jsonl", json.dumps({"id": "a", "text": "x", "date": value}))
    with pytest.raises(InputError, match=r"feed\.jsonl:1: .*not an ISO 8601 date"):
        ingest([f])


@pytest.mark.parametrize("value, day", [("2024-03-05", "2024-03-05"), ("2024-03-05T10:00:00Z", "2024-03-05"),
                                        ("2024-03-05T23:30:00-05:00", "2024-03-05"), (" 2024-03-05 ", "2024-03-05"),
                                        ("2024-03-05 10:00", "2024-03-05"), ("2024-03-05T10:00:00.123456", "2024-03-05")])
def test_8_iso_dates_and_date_times_are_accepted(tmp_path, value, day):
    f = jsonl(tmp_path / "feed.jsonl", json.dumps({"id": "a", "text": "x", "date": value}))
    assert ingest([f])[0]["published"] == day


# ---------------------------------------------------------------- 9. NUL characters
@pytest.mark.parametrize("field", ["text", "title"])
def test_9_nul_in_jsonl_is_rejected_as_for_text_files(tmp_path, field):
    f = jsonl(tmp_path / "feed.jsonl", json.dumps({"id": "a", "text": "Some text.", field: "bad\u0000byte"}))
    with pytest.raises(InputError, match=rf"feed\.jsonl:1: .*{field}.*NUL"):
        ingest([f])


# ---------------------------------------------------------------- 10. stale staging folders
def test_10_stale_staging_folders_are_removed_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    stale = out / ".presstables-tmp-1234567-abcd"  # a build killed while packaging (no such process)
    (stale / "data").mkdir(parents=True)
    (stale / "data" / "quotes.csv").write_text("half,written\n")
    old_style = out / ".presstables-tmp-k2j3h4"
    old_style.mkdir()
    assert package_tiny(out) == 0
    assert sorted(p.name for p in out.iterdir()) == ["data", "datapackage.json"]


# ---------------------------------------------------------------- 11. the package is swapped as one unit
class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs (no cleanup either)."""


def _kill_after(monkeypatch, moves: int, out: Path):
    import shutil

    real_replace, real_rmtree = os.replace, shutil.rmtree
    done = []

    def replace(src, dst, *a, **k):
        if ".presstables-tmp-" in str(src) and ".presstables-tmp-" not in str(dst):  # a move into the package
            if len(done) == moves:
                raise Killed()
            done.append(dst)
        return real_replace(src, dst, *a, **k)

    def rmtree(path, *a, **k):
        if ".presstables-tmp-" in str(path):
            raise Killed()  # a killed process cleans nothing up
        return real_rmtree(path, *a, **k)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(shutil, "rmtree", rmtree)


def _new_tables():
    tables = tiny_tables()
    tables["figures"][0]["measure"] = "city parks"
    tables["quotes"][0]["cue"] = "added"
    return tables


@pytest.fixture(scope="module")
def old_and_new(tmp_path_factory):
    """The tiny package and an update of it, each packaged (and validated) once."""
    base = tmp_path_factory.mktemp("swap")
    assert package_tiny(base / "old") == 0 and package_tiny(base / "new", _new_tables()) == 0
    return base / "old", base / "new"


def _trust(path, quality=None):
    """Stands for ``validate`` where the tables were validated once already (``old_and_new``)."""
    from pipeline.validate import Report

    return Report(str(path))


@pytest.fixture
def trusted(monkeypatch):
    monkeypatch.setattr("pipeline.validate.validate", _trust)


@pytest.mark.parametrize("moves", [0, 5, 10])
def test_11_a_build_killed_between_moves_never_leaves_a_mix(tmp_path, monkeypatch, capsys, old_and_new, moves):
    import shutil

    old_pkg, new_pkg = old_and_new
    out = tmp_path / "out"
    shutil.copytree(old_pkg, out)
    with monkeypatch.context() as mp:
        mp.setattr("pipeline.validate.validate", _trust)
        _kill_after(mp, moves, out)
        with pytest.raises(Killed):
            package_tiny(out, _new_tables())
    visible = {k: v for k, v in files_of(out).items() if not str(k).startswith(".presstables")}
    if moves == 0:
        assert visible == files_of(old_pkg)  # nothing moved yet: the old package, untouched
    else:
        assert visible != files_of(old_pkg) and visible != files_of(new_pkg)
    # whatever is on disk, validate says an update was interrupted and how to finish it, never "valid"
    assert main(["validate", str(out)]) == 1
    assert "interrupted" in capsys.readouterr().err
    # the next run finishes the interrupted swap first: old or new, never a mix
    monkeypatch.setattr("pipeline.validate.validate", _trust)
    assert package_tiny(out, _new_tables()) == 0
    assert files_of(out) == files_of(new_pkg)


def test_11_recovery_alone_finishes_the_swap(tmp_path, monkeypatch, old_and_new, trusted):
    import shutil

    old_pkg, new_pkg = old_and_new
    out = tmp_path / "out"
    shutil.copytree(old_pkg, out)
    with monkeypatch.context() as mp:
        _kill_after(mp, 5, out)
        with pytest.raises(Killed):
            package_tiny(out, _new_tables())
    messages = package.recover(out)
    assert messages and "finished" in messages[0]
    assert files_of(out) == files_of(new_pkg)


def test_11_a_build_killed_before_the_swap_keeps_the_old_package(tmp_path, monkeypatch, old_and_new, trusted):
    import shutil

    old_pkg, _ = old_and_new
    out = tmp_path / "out"
    shutil.copytree(old_pkg, out)
    with monkeypatch.context() as mp:
        mp.setattr(package, "swap", lambda *a: (_ for _ in ()).throw(Killed()))  # killed at the commit point
        with pytest.raises(Killed):
            package_tiny(out, _new_tables())
    assert package.recover(out)  # the staging folder of the dead build is removed
    assert files_of(out) == files_of(old_pkg)


# ---------------------------------------------------------------- 12. every table of the contract is required
@pytest.mark.parametrize("name", ["figures", "figures_parquet", "articles"])
def test_12_a_table_removed_from_the_descriptor_fails(package_copy, capsys, name):
    d = json.loads(package_copy.read_text())
    d["resources"] = [r for r in d["resources"] if r["name"] != name]
    package_copy.write_text(json.dumps(d))
    assert main(["validate", str(package_copy)]) == 1
    err = capsys.readouterr().err
    assert f"{name}: contract:resource" in err, err


def test_12_a_resource_pointing_elsewhere_fails(package_copy, capsys):
    d = json.loads(package_copy.read_text())
    for r in d["resources"]:
        if r["name"] == "figures":
            r["path"] = "data/quotes.csv"
    package_copy.write_text(json.dumps(d))
    assert main(["validate", str(package_copy)]) == 1
    assert "figures: contract:resource" in capsys.readouterr().err


# ---------------------------------------------------------------- 13. the descriptor's schemas are the contract's
def test_13_foreign_keys_removed_and_a_dangling_row_fails(tmp_path, capsys):
    tables = tiny_tables()
    tables["quotes"][0]["speaker_entity_id"] = "e_00000000000000ff"
    files, descriptor = package.render(tables)
    for r in descriptor["resources"]:
        r["schema"].pop("foreignKeys", None)
    package.write(tmp_path, files, descriptor)
    assert main(["validate", str(tmp_path / "datapackage.json")]) == 1
    err = capsys.readouterr().err
    assert "quotes: contract:schema" in err and "foreignKeys" in err
    assert any("quotes[q_000000000000000a]" in line and "keys:foreign-key" in line for line in err.splitlines())


def test_13_a_loosened_constraint_fails(package_copy, capsys):
    d = json.loads(package_copy.read_text())
    for r in d["resources"]:
        if r["name"] == "entities":
            for f in r["schema"]["fields"]:
                f.get("constraints", {}).pop("enum", None)
    package_copy.write_text(json.dumps(d))
    assert main(["validate", str(package_copy)]) == 1
    assert "entities: contract:schema" in capsys.readouterr().err


# ---------------------------------------------------------------- 14. an edited cell names its row
@pytest.mark.parametrize("rehash", [False, True])
def test_14_an_edited_cell_is_named_by_primary_key(package_copy, rehash):
    from pipeline.validate import validate

    rows = rewrite_csv(package_copy, "quotes", lambda rows: rows[0].update(cue="whispered"), rehash=rehash)
    problems = validate(package_copy).errors
    named = [p for p in problems if p.row_key == rows[0]["quote_id"] and p.field == "cue"]
    assert named, problems
    assert "whispered" in named[0].message


# ---------------------------------------------------------------- 15. sidecar errors name the sidecar
@pytest.mark.parametrize("meta, key", [({"title": 5}, "title"), ({"date": "2019-13-45"}, "date"),
                                       ({"url": ["x"]}, "url"), ({"date": "2019-01-01garbage"}, "date")])
def test_15_sidecar_errors_name_the_sidecar_and_the_key(tmp_path, meta, key):
    (tmp_path / "s.txt").write_text("Some text.")
    (tmp_path / "s.meta.json").write_text(json.dumps(meta))
    with pytest.raises(InputError) as err:
        ingest([tmp_path / "s.txt"])
    assert str(err.value).startswith(str(tmp_path / "s.meta.json") + ":") and repr(key) in str(err.value)


def test_15_a_bom_in_a_sidecar_is_accepted(tmp_path):
    (tmp_path / "s.txt").write_text("Some text.")
    (tmp_path / "s.meta.json").write_bytes("\ufeff".encode() + b'{"title": "With BOM"}')
    assert ingest([tmp_path / "s.txt"])[0]["title"] == "With BOM"


# ---------------------------------------------------------------- 16. one rule for unknown metadata keys
def test_16_unknown_jsonl_keys_are_passed_over_with_one_warning(tmp_path):
    f = jsonl(tmp_path / "feed.jsonl", '{"id": "a", "text": "One.", "title": "T", "author": "X", "tags": [1]}',
              '{"id": "b", "text": "Two.", "author": "Y"}')
    said = []
    rows = ingest([f], notify=said.append)
    assert rows[0]["title"] == "T"
    warned = [line for line in said if "author" in line]
    assert len(warned) == 1 and "'tags'" in warned[0] and "feed.jsonl" in warned[0], said


def test_16_unknown_sidecar_keys_follow_the_same_rule(tmp_path):
    for name in ("s", "t"):
        (tmp_path / f"{name}.txt").write_text("Some text.")
        (tmp_path / f"{name}.meta.json").write_text('{"title": "Kept", "titel": "typo"}')
    said = []
    rows = ingest([tmp_path], notify=said.append)
    assert [r["title"] for r in rows] == ["Kept", "Kept"]
    warned = [line for line in said if "titel" in line]
    assert len(warned) == 1 and "s.meta.json" in warned[0], said


@pytest.mark.parametrize("row, problem", [
    ({"article_id": "a1"}, "article 'a1' needs a string 'text'"),
    ({"article_id": "a1", "text": 7}, "article 'a1' needs a string 'text'"),
    ({"text": "Words."}, "non-empty string 'article_id'"),
])
def test_extract_refuses_a_row_that_is_no_article(tmp_path, capsys, row, problem):
    arts = tmp_path / "articles.jsonl"
    arts.write_text('{"article_id": "a0", "text": "Fine."}\n' + json.dumps(row) + "\n", encoding="utf-8")
    out = tmp_path / "t.json"
    assert main(["extract", str(arts), "--out", str(out), "--quiet", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert f"{arts}:2" in err and problem in err and "Traceback" not in err
    assert not out.exists()

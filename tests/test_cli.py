"""The command line end to end: build, stages one by one, reproducibility, bad input, --help."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEED, need_shared

from pipeline.cli import main


def files_of(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_the_package(seed_package):
    base = seed_package.parent
    names = sorted(str(p) for p in files_of(base))
    assert names == ["data/articles.csv", "data/articles.parquet", "data/entities.csv", "data/entities.parquet",
                     "data/figures.csv", "data/figures.parquet", "data/mentions.csv", "data/mentions.parquet",
                     "data/quotes.csv", "data/quotes.parquet", "datapackage.json"]


def test_rebuild_is_byte_identical(seed_package, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["build", str(SEED.parent), "--out", str(tmp_path), "--quiet"]) == 0
    assert files_of(tmp_path) == files_of(seed_package.parent)


def test_stages_one_by_one_equal_build(seed_package, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    arts, tables, out = tmp_path / "a.jsonl", tmp_path / "t.json", tmp_path / "pkg"
    assert main(["ingest", str(SEED), "--out", str(arts), "-q"]) == 0
    assert main(["extract", str(arts), "--out", str(tables), "-q"]) == 0
    assert set(json.loads(tables.read_text())) == {"entities", "mentions", "quotes", "figures"}
    assert main(["package", str(arts), str(tables), "--out", str(out), "-q"]) == 0
    assert main(["validate", str(out / "datapackage.json"), "-q"]) == 0
    assert files_of(out) == files_of(seed_package.parent)


def test_stages_streamed_through_tables_jsonl_equal_build(seed_package, tmp_path, monkeypatch):
    """extract --out X.jsonl writes a line per article; package streams it: the same package as build."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    arts, tables, out = tmp_path / "a.jsonl", tmp_path / "t.jsonl", tmp_path / "pkg"
    assert main(["ingest", str(SEED), "--out", str(arts), "-q"]) == 0
    assert main(["extract", str(arts), "--out", str(tables), "-q"]) == 0
    [line] = tables.read_text(encoding="utf-8").splitlines()
    assert list(json.loads(line)) == ["article_id", "entities", "mentions", "quotes", "figures"]
    assert main(["package", str(arts), str(tables), "--out", str(out), "-q"]) == 0
    assert files_of(out) == files_of(seed_package.parent)


@pytest.mark.parametrize("name, content", [("empty.txt", b""), ("bin.txt", b"\x00\x01\x02"),
                                           ("bad.jsonl", b"{nope\n"), ("latin1.txt", "caf\u00e9".encode("latin-1"))])
def test_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, name, content):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("The minister said the plan would work.")
    bad = tmp_path / "in" / name
    bad.write_bytes(content)
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "in"), "--out", str(out)]) == 2
    assert str(bad) in capsys.readouterr().err
    assert not out.exists()


def test_unknown_extension_exits_2_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    assert main(["build", str(SEED), str(tmp_path / "x.pdf"), "--out", str(tmp_path / "out")]) == 2
    assert "x.pdf: unknown file type" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_missing_input_path(tmp_path, capsys):
    assert main(["build", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_failing_validation_leaves_no_package(tmp_path, monkeypatch, capsys):
    import pipeline.validate as v

    bad = v.Problem("test:always", "quotes", "forced failure", "q_0", "text")
    monkeypatch.setattr(v, "EXTRA_CHECKS", [lambda descriptor, base: [bad]])
    out = tmp_path / "out"
    assert main(["build", str(SEED), "--out", str(out), "--report", str(tmp_path / "reports")]) == 1
    assert "quotes[q_0].text: test:always: forced failure" in capsys.readouterr().err
    assert list(out.iterdir()) == []  # nothing published, staging folder removed
    report = json.loads((tmp_path / "reports" / "validation.json").read_text())
    assert report["valid"] is False and report["problems"][-1]["check"] == "test:always"


def test_unknown_model_is_a_clear_error(tmp_path, capsys):
    assert main(["build", str(SEED), "--out", str(tmp_path), "--model", "no_such_model_xyz"]) == 2
    assert "cannot load spaCy model 'no_such_model_xyz'" in capsys.readouterr().err


def test_help_is_fast_and_imports_no_heavy_library():
    code = ("import sys; from pipeline import cli; "
            "import contextlib, io\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()): cli.main(['--help'])\n"
            "heavy = [m for m in ('great_expectations', 'spacy', 'frictionless', 'trafilatura') if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["build", "ingest", "extract", "package", "validate"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0 and "usage: presstables " + command in capsys.readouterr().out


def test_committed_package_is_valid():
    from pipeline.validate import validate
    assert validate(ROOT / "datapackage.json").valid


@pytest.mark.slow
def test_wikinews_corpus_builds_and_validates(tmp_path):
    corpus = need_shared("corpus", "wikinews-2019.jsonl")
    assert main(["build", str(corpus), "--out", str(tmp_path), "--quiet"]) == 0
    arts = (tmp_path / "data/articles.csv").read_text().count("\nwn19-")
    assert arts == 171

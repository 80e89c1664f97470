"""Stage 4: a valid package passes; each kind of corruption fails, naming table, row key and check."""
from __future__ import annotations

import csv
import hashlib
import io
import json

import pyarrow.parquet as pq

from pipeline import package
from pipeline.cli import main
from pipeline.schemas import table_schema
from pipeline.validate import validate


def rewrite_csv(pkg, table, edit, rehash=True):
    """Apply ``edit(rows)`` to a CSV resource, and (by default) update its declared bytes and hash."""
    base = pkg.parent
    path = base / f"data/{table}.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0].keys())
    edit(rows)
    out = io.StringIO()
    w = csv.DictWriter(out, header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    if rehash:
        d = json.loads(pkg.read_text())
        data = path.read_bytes()
        for r in d["resources"]:
            if r["path"] == f"data/{table}.csv":
                r["bytes"], r["hash"] = len(data), "sha256:" + hashlib.sha256(data).hexdigest()
        pkg.write_text(json.dumps(d))
    return rows


def typed(table, row):
    """A CSV row read back into the values the package writer takes."""
    read = {"integer": int, "number": float, "array": json.loads, "boolean": lambda v: v == "true"}
    return {f["name"]: None if row.get(f["name"]) in (None, "") else read.get(f["type"], str)(row[f["name"]])
            for f in table_schema(table)["fields"]}


def rewrite_both(pkg, table, edit):
    """``rewrite_csv``, and the Parquet twin rewritten with the same rows: a package whose copies agree."""
    rows = rewrite_csv(pkg, table, edit)
    pq.write_table(package.arrow_table(table, [typed(table, r) for r in rows]),
                   pkg.parent / f"data/{table}.parquet", compression="zstd")
    return rows


def test_seed_package_is_valid(seed_package):
    assert validate(seed_package).errors == []


def test_broken_foreign_key(package_copy):
    rows = rewrite_both(package_copy, "mentions", lambda rows: rows[0].update(entity_id="e_0000000000000000"))
    problems = validate(package_copy).errors
    assert any(p.check == "keys:foreign-key" and p.table == "mentions" and p.row_key == rows[0]["mention_id"]
               and p.field == "entity_id" and "'e_0000000000000000' is not the entity_id of any row of entities"
               in p.message for p in problems), problems


def test_foreign_key_broken_in_the_csv_copy_only_is_named(package_copy):
    """The keys are checked on the Parquet copies; a CSV copy that differs is named row and field."""
    rows = rewrite_csv(package_copy, "mentions", lambda rows: rows[0].update(entity_id="e_0000000000000000"))
    problems = validate(package_copy).errors
    assert [(p.check, p.row_key, p.field) for p in problems] == [("parquet:rows", rows[0]["mention_id"], "entity_id")]


def test_span_that_does_not_match_the_article(package_copy):
    rows = rewrite_both(package_copy, "mentions", lambda rows: rows[0].update(start=str(int(rows[0]["start"]) + 1),
                                                                              end=str(int(rows[0]["end"]) + 1)))
    problems = validate(package_copy).errors
    assert [p for p in problems if p.check == "provenance:span" and p.row_key == rows[0]["mention_id"]
            and p.field == "text"], problems


def test_type_error_names_the_row_key_and_field(package_copy):
    rows = rewrite_csv(package_copy, "entities", lambda rows: rows[0].update(mention_count="many"))
    problems = validate(package_copy).errors
    hit = [p for p in problems if p.table == "entities" and p.field == "mention_count"]
    assert hit and hit[0].row_key == rows[0]["entity_id"] and hit[0].check == "frictionless:type-error"


def test_duplicate_primary_key(package_copy):
    rewrite_csv(package_copy, "entities", lambda rows: rows.append(dict(rows[0])))
    assert any(p.check == "frictionless:primary-key" for p in validate(package_copy).errors)


def test_enum_constraint(package_copy):
    rewrite_csv(package_copy, "entities", lambda rows: rows[0].update(type="ANIMAL"))
    assert any(p.check == "frictionless:constraint-error" and p.field == "type" for p in validate(package_copy).errors)


def test_tampered_file_fails_its_hash(package_copy):
    rewrite_csv(package_copy, "entities", lambda rows: rows[0].update(role="editor"), rehash=False)
    problems = validate(package_copy).errors
    assert any(p.table == "entities" and "hash" in p.check for p in problems), problems


def test_parquet_that_differs_from_its_csv(package_copy):
    rewrite_csv(package_copy, "entities", lambda rows: rows[0].update(role="editor"))
    problems = validate(package_copy).errors
    assert [p.check for p in problems] == ["parquet:rows"] and problems[0].table == "entities_parquet"
    # the tables are right, only the copies differ: the quality suites (on Parquet) still pass


def test_validate_command_exit_code_and_report(package_copy, tmp_path, capsys):
    assert main(["validate", str(package_copy), "--report", str(tmp_path / "r")]) == 0
    assert json.loads((tmp_path / "r/validation.json").read_text())["valid"] is True
    rewrite_csv(package_copy, "entities", lambda rows: rows[0].update(type="ANIMAL"))
    assert main(["validate", str(package_copy), "--report", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert "entities[e_" in err and ".type" in err
    report = json.loads((tmp_path / "r/validation.json").read_text())
    assert report["valid"] is False and report["problems"][0]["table"] == "entities"
    html = (tmp_path / "r/validation.html").read_text()
    assert "INVALID" in html and "ANIMAL" in html



def test_the_command_line_exits_with_main_s_code_and_all_its_output(package_copy, tmp_path):
    """``python -m pipeline`` (and the ``presstables`` script) leave without tearing the interpreter
    down (``cli.run``): the exit code is still ``main``'s, every line it printed arrives, and the
    report files are whole."""
    import subprocess
    import sys
    from pathlib import Path

    def command(*args):
        return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                              check=False, cwd=Path(__file__).resolve().parent.parent)

    good = command("validate", str(package_copy), "--report", str(tmp_path / "ok"))
    assert good.returncode == 0, good.stderr
    assert json.loads((tmp_path / "ok/validation.json").read_text())["valid"] is True
    rewrite_csv(package_copy, "entities", lambda rows: rows[:] and [r.update(type="ANIMAL") for r in rows])
    bad = command("validate", str(package_copy), "--report", str(tmp_path / "bad"))
    n = len(json.loads((tmp_path / "bad/validation.json").read_text())["problems"])
    assert bad.returncode == 1 and n > 1
    assert bad.stderr.count("ANIMAL") == min(n, 50), bad.stderr
    assert command("validate", str(tmp_path / "nowhere")).returncode == 2

def test_missing_descriptor(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope" / "datapackage.json")]) == 2
    assert "no such data package descriptor" in capsys.readouterr().err


def test_self_reference_omits_resource_and_is_still_checked(package_copy):
    """Data Package v2: a foreign key into its own resource omits ``resource`` (v1 wrote ``""``)."""
    d = json.loads(package_copy.read_text())
    for r in d["resources"]:
        for fk in r["schema"].get("foreignKeys", []):
            assert fk["reference"].get("resource", "-") != "", (r["name"], fk)
    figures = next(r for r in d["resources"] if r["name"] == "figures")
    assert {"fields": ["equivalent_of"], "reference": {"fields": ["figure_id"]}} in figures["schema"]["foreignKeys"]
    rows = rewrite_both(package_copy, "figures", lambda rows: rows[0].update(equivalent_of="g_nosuchfigure"))
    problems = validate(package_copy).errors
    assert any(p.check == "keys:foreign-key" and p.table == "figures" and p.row_key == rows[0]["figure_id"]
               and p.field == "equivalent_of" for p in problems), problems


def test_the_worker_runs_its_checks_with_the_same_report(package_copy):
    """``build`` runs the suites in the quality worker, and the Parquet comparison too once the worker has
    imported its library, while the other checks run here: the same problems, the checks reported in the
    same order, whichever process ran them."""
    import time

    from pipeline.validate import WORKER_CHECKS, QualityWorker, quality_worker

    rows = rewrite_csv(package_copy, "entities", lambda rows: rows[0].update(role="editor"))
    here = validate(package_copy)
    assert [p.row_key for p in here.errors] == [rows[0]["entity_id"]]
    assert [c["name"] for c in here.checks] == ["contract", "structure", "parquet", "keys", "provenance", "quality"]
    fresh = QualityWorker()          # still importing: the Parquet check stays here
    assert fresh.submit(*_job(package_copy)) == ("quality",)
    assert fresh.results()["quality"][0] == []
    assert validate(package_copy, fresh).problems == here.problems
    fresh.close()
    ready = quality_worker()
    deadline = time.monotonic() + 120
    while not ready._poll_ready() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert ready.submit(*_job(package_copy)) == WORKER_CHECKS == ("parquet", "quality")
    assert [p.row_key for p in ready.results()["parquet"][0]] == [rows[0]["entity_id"]]
    there = validate(package_copy, ready)
    assert there.problems == here.problems and [c["name"] for c in there.checks] == [c["name"] for c in here.checks]


def _job(package):
    from pipeline.validate import find_descriptor, load_descriptor

    path = find_descriptor(package)
    return load_descriptor(path), path.parent

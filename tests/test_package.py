"""Stage 3: schemas drive Arrow and CSV; the descriptor is complete; output is reproducible."""
from __future__ import annotations

import csv
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import package
from pipeline.schemas import TABLES, arrow_schema, table_schema


def test_every_field_has_a_description_and_every_table_a_primary_key():
    for t in TABLES:
        ts = table_schema(t)
        assert ts["primaryKey"], t
        for f in ts["fields"]:
            assert f.get("description"), f"{t}.{f['name']}"


def test_arrow_schema_is_derived_from_the_table_schema():
    schema = arrow_schema("entities")
    ts = table_schema("entities")
    assert schema.names == [f["name"] for f in ts["fields"]]
    assert schema.field("aliases").type == pa.list_(pa.string())
    assert schema.field("mention_count").type == pa.int64()
    assert not schema.field("name").nullable and schema.field("role").nullable
    assert schema.field("name").metadata[b"description"].decode() == ts["fields"][2]["description"]
    assert json.loads(schema.metadata[b"table_schema"]) == ts
    assert arrow_schema("articles").field("published").type == pa.date32()


def test_parquet_and_csv_hold_the_same_rows(seed_package):
    base = seed_package.parent
    for t in TABLES:
        table = pq.read_table(base / f"data/{t}.parquet")
        with open(base / f"data/{t}.csv", newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert table.num_rows == len(rows), t
        assert table.schema.names == list(rows[0].keys()) if rows else True
        ids = table.column(table_schema(t)["primaryKey"][0]).to_pylist()
        assert ids == [r[table_schema(t)["primaryKey"][0]] for r in rows]


def test_parquet_carries_schema_and_descriptions(seed_package):
    pf = pq.ParquetFile(seed_package.parent / "data/quotes.parquet")
    schema = pf.schema_arrow
    assert json.loads(schema.metadata[b"table_schema"])["primaryKey"] == ["quote_id"]
    assert schema.field("cue").metadata[b"description"]
    assert pf.metadata.row_group(0).column(0).compression == "ZSTD"


def test_descriptor_is_complete(seed_package):
    d = json.loads(seed_package.read_text())
    for key in ("$schema", "name", "title", "version", "created", "licenses", "sources", "contributors", "resources"):
        assert key in d, key
    names = [r["name"] for r in d["resources"]]
    assert names[:2] == ["articles", "articles_parquet"] and len(names) == 2 * len(TABLES)
    for r in d["resources"]:
        data = (seed_package.parent / r["path"]).read_bytes()
        if r["format"] == "csv":
            assert r["bytes"] == len(data)
            assert r["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        else:  # frictionless reads Parquet through pyarrow: it cannot check bytes or a hash
            assert "bytes" not in r and "hash" not in r
        assert r["mediatype"] in ("text/csv", "application/vnd.apache.parquet")
        assert r["schema"]["fields"]


def frictionless_cli(descriptor) -> subprocess.CompletedProcess:
    """The unmodified ``frictionless validate`` command, as a user runs it."""
    exe = Path(sys.executable).parent / "frictionless"
    return subprocess.run([str(exe), "validate", "--json", str(descriptor)], capture_output=True, text=True,
                          timeout=300, cwd=Path(descriptor).parent)


def assert_frictionless_cli_passes(descriptor) -> None:
    run = frictionless_cli(descriptor)
    report = json.loads(run.stdout) if run.stdout.strip().startswith("{") else {}
    errors = [(t.get("name"), e.get("type"), e.get("message")) for t in report.get("tasks", [])
              for e in t.get("errors", [])] + [(None, e.get("type"), e.get("message")) for e in report.get("errors", [])]
    assert run.returncode == 0 and report.get("valid") is True, (errors or run.stdout[-2000:], run.stderr[-2000:])
    names = {t["name"] for t in report["tasks"]}
    assert {package.parquet_name(t) for t in TABLES} | set(TABLES) == names  # the Parquet twins were checked too


def test_frictionless_cli_validates_a_built_package(seed_package):
    assert_frictionless_cli_passes(seed_package)


def test_created_comes_from_source_date_epoch_never_the_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert package.created([]) == "2023-11-14T22:13:20Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert package.created([{"published": "2020-01-02"}, {"published": "2021-05-06"}]) == "2021-05-06T00:00:00Z"
    assert package.created([{"published": None}]) is None


def test_unknown_licence_is_said_not_guessed(seed_package):
    d = json.loads(seed_package.read_text())
    assert d["licenses"] == [package.UNKNOWN_LICENSE]


@pytest.mark.parametrize("text, name", [("CC BY 2.5", "CC-BY-2.5"), ("CC BY-SA 4.0", "CC-BY-SA-4.0"),
                                        ("CC0", "CC0-1.0"), ("All rights reserved", "LicenseRef-All-rights-reserved")])
def test_license_names(text, name):
    assert package.license_entry(text) == {"name": name, "title": text}


def test_render_is_deterministic(seed_package):
    tables = {t: [] for t in TABLES}
    tables["articles"] = [{"article_id": "a", "text": "x", "language": "en", "sha256": "0" * 64}]
    one = package.render(tables)
    two = package.render(tables)
    assert one[0] == two[0] and package.descriptor_bytes(one[1]) == package.descriptor_bytes(two[1])


def test_rows_that_do_not_fit_the_schema_are_a_stage_error():
    from pipeline.errors import StageError
    tables = {t: [] for t in TABLES}
    tables["articles"] = [{"article_id": "a", "text": "x", "language": "en", "sha256": "0" * 64}]
    tables["entities"] = [{"entity_id": "e_1", "article_id": "a", "name": "X", "type": "ORG",
                           "aliases": "not a list", "mention_count": 1, "entity_key": "org:x"}]
    with pytest.raises(StageError, match="entities"):
        package.render(tables)


@pytest.mark.parametrize("reader", ["pandas", "polars", "duckdb"])
def test_downstream_readers(seed_package, reader):
    path = str(seed_package.parent / "data/entities.parquet")
    if reader == "pandas":
        import pandas as pd
        df = pd.read_parquet(path)
        assert len(df) > 0 and isinstance(list(df["aliases"].iloc[0]), list)
    elif reader == "polars":
        import polars as pl
        df = pl.read_parquet(path)
        assert df.height > 0 and df.schema["aliases"] == pl.List(pl.String)
    else:
        import duckdb
        n = duckdb.sql(f"SELECT count(*) FROM '{path}' WHERE mention_count >= 1").fetchall()[0][0]
        assert n > 0


def test_schemas_ship_inside_the_wheel(tmp_path):
    """A non-editable install has no checkout around it: the Table Schemas travel in the wheel."""
    import subprocess
    import sys
    import zipfile

    from conftest import ROOT
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("presstables-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for table in ("articles", "entities", "mentions", "quotes", "figures"):
        assert f"pipeline/_schemas/{table}.json" in names
        assert f"pipeline/_schemas/expectations/{table}.json" in names
    assert "pipeline/extract/data/quotes.json" in names


def test_name_gives_the_title_unless_a_title_is_given():
    from test_checks import tiny_tables

    from pipeline.package import render

    _, descriptor = render(tiny_tables(), name="harbour-news")
    assert descriptor["name"] == "harbour-news" and descriptor["title"].startswith("harbour-news:")
    _, descriptor = render(tiny_tables(), name="harbour-news", title="Harbour news quotes")
    assert descriptor["title"] == "Harbour news quotes"


def package_bytes(folder) -> dict:
    descriptor = json.loads((folder / package.DESCRIPTOR).read_text())
    return {rel: (folder / rel).read_bytes() for rel in package.package_files(descriptor)}


def test_streamed_package_is_the_same_bytes_for_any_batches_in_fixed_row_groups(tmp_path, monkeypatch):
    """Rows fed one by one or all at once give the same files; Parquet row groups hold ROW_GROUP rows."""
    from test_checks import tiny_tables

    monkeypatch.setattr(package, "ROW_GROUP", 2)
    tables = tiny_tables()
    package.write_package(tmp_path / "whole", [tables])
    package.write_package(tmp_path / "rows", ({t: [row]} for t in TABLES for row in tables[t]))
    package.write_package(tmp_path / "shuffled", [{"figures": tables["figures"][:1]}, {"articles": tables["articles"]},
                                                   {t: tables[t] for t in TABLES if t != "articles"} |
                                                   {"figures": tables["figures"][1:]}])
    whole = package_bytes(tmp_path / "whole")
    assert package_bytes(tmp_path / "rows") == whole and package_bytes(tmp_path / "shuffled") == whole
    groups = pq.ParquetFile(tmp_path / "whole/data/figures.parquet").metadata
    assert [groups.row_group(i).num_rows for i in range(groups.num_row_groups)] == [2, 1]
    assert pq.ParquetFile(tmp_path / "whole/data/articles.parquet").metadata.num_row_groups == 1


def test_a_table_under_one_row_group_is_the_bytes_pq_write_table_wrote(tmp_path):
    """The committed package keeps its bytes: up to ROW_GROUP rows, one row group, as before streaming."""
    from test_checks import tiny_tables

    tables = tiny_tables()
    tables["quotes"] = []  # an empty table too
    package.write_package(tmp_path, [tables])
    for table in TABLES:
        sink = pa.BufferOutputStream()
        pq.write_table(package.arrow_table(table, tables[table]), sink, compression="zstd")
        assert (tmp_path / f"data/{table}.parquet").read_bytes() == sink.getvalue().to_pybytes(), table
        assert (tmp_path / f"data/{table}.csv").read_bytes() == package.csv_bytes(table, tables[table]), table
    assert pq.ParquetFile(tmp_path / "data/quotes.parquet").metadata.num_row_groups == 1  # an empty row group


def test_a_bad_row_in_a_later_batch_is_a_stage_error(tmp_path):
    from test_checks import tiny_tables

    from pipeline.errors import StageError
    tables = tiny_tables()
    bad = dict(tables["entities"][0], entity_id="e_2", aliases="not a list")
    with pytest.raises(StageError, match="'entities' does not fit its schema"):
        package.write_package(tmp_path, [tables, {"entities": [bad]}])

"""Big tables as parts (Data Package v2 multi-file resources): layout, the same rows and CSV bytes as
one file, readers that take the parts as one dataset, validation, and rewrites that leave no stale part."""
from __future__ import annotations

import json

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from conftest import SEED
from test_cli import files_of
from test_package import assert_frictionless_cli_passes

from pipeline import package
from pipeline.cli import main
from pipeline.resources import joined_csv, paths
from pipeline.schemas import TABLES
from pipeline.validate import validate

PART = 5  # rows per part: the seed's tables have 1 to 49 rows


@pytest.fixture(scope="module")
def stages(tmp_path_factory):
    """The seed's articles and extracted tables, for ``package`` runs."""
    tmp = tmp_path_factory.mktemp("stages")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
    try:
        assert main(["ingest", str(SEED), "--out", str(tmp / "a.jsonl"), "-q"]) == 0
        assert main(["extract", str(tmp / "a.jsonl"), "--out", str(tmp / "t.json"), "-q"]) == 0
    finally:
        mp.undo()
    return tmp / "a.jsonl", tmp / "t.json"


def run_package(stages, out, *extra) -> int:
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
    try:
        return main(["package", str(stages[0]), str(stages[1]), "--out", str(out), "-q", *extra])
    finally:
        mp.undo()


@pytest.fixture(scope="module")
def parted(stages, tmp_path_factory):
    out = tmp_path_factory.mktemp("parted")
    assert run_package(stages, out, "--part-rows", str(PART)) == 0
    return out


def descriptor_of(folder) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def test_a_table_over_the_threshold_is_parts_and_a_small_one_one_file(parted, seed_package):
    single = descriptor_of(seed_package.parent)
    resources = {r["name"]: r for r in descriptor_of(parted)["resources"]}
    for table in TABLES:
        rows = pq.ParquetFile(seed_package.parent / f"data/{table}.parquet").metadata.num_rows
        n = -(-rows // PART)
        if n <= 1:
            assert resources[table]["path"] == f"data/{table}.csv"
            assert resources[f"{table}_parquet"]["path"] == f"data/{table}.parquet"
        else:
            assert resources[table]["path"] == [f"data/{table}-csv/part-{i:05d}.csv" for i in range(n)]
            assert resources[f"{table}_parquet"]["path"] == [f"data/{table}/part-{i:05d}.parquet" for i in range(n)]
            sizes = [pq.ParquetFile(parted / p).metadata.num_rows for p in resources[f"{table}_parquet"]["path"]]
            assert sizes == [PART] * (n - 1) + [rows - PART * (n - 1)]
    assert len(resources["mentions"]["path"]) > 2  # the seed does make parts
    # the CSV resource stands for the same file: parts joined (header once) are its bytes, hash and size
    for res in single["resources"]:
        if res["format"] == "csv":
            joined = joined_csv(resources[res["name"]], lambda p: (parted / p).read_bytes())
            assert joined == (seed_package.parent / res["path"]).read_bytes()
            assert (resources[res["name"]]["bytes"], resources[res["name"]]["hash"]) == (res["bytes"], res["hash"])


def test_every_csv_part_starts_with_the_header(parted):
    for res in descriptor_of(parted)["resources"]:
        if res["format"] == "csv":
            heads = {(parted / p).read_bytes().partition(b"\n")[0] for p in paths(res)}
            assert len(heads) == 1 and heads.pop().startswith(res["schema"]["fields"][0]["name"].encode())


def test_parts_read_as_one_dataset_by_pyarrow_duckdb_and_polars(parted, seed_package):
    import duckdb
    import polars as pl

    whole = pq.read_table(seed_package.parent / "data/mentions.parquet")
    assert ds.dataset(parted / "data/mentions", format="parquet").to_table().equals(whole)
    glob = str(parted / "data/mentions/*.parquet")
    sql = f"SELECT count(*), count(DISTINCT mention_id) FROM '{glob}'"
    assert duckdb.connect().execute(sql).fetchone() == (len(whole),) * 2
    assert pl.scan_parquet(glob).collect().to_arrow().column("mention_id").to_pylist() == \
        whole.column("mention_id").to_pylist()


def test_a_parts_package_is_valid_for_our_validator_and_the_frictionless_cli(parted):
    report = validate(parted)
    assert report.valid, [str(p) for p in report.errors]
    assert_frictionless_cli_passes(parted / "datapackage.json")


def test_a_changed_part_is_found_and_named(parted, tmp_path):
    import shutil

    copy = tmp_path / "pkg"
    shutil.copytree(parted, copy)
    part = copy / "data/quotes/part-00001.parquet"
    table = pq.read_table(part)
    pq.write_table(table.slice(0, len(table) - 1), part)
    problems = [str(p) for p in validate(copy).errors]
    assert any("data/quotes/part-00001.parquet" in p and "parquet:rows" in p for p in problems), problems


def test_the_same_bytes_for_any_batches(stages, parted, tmp_path):
    """Rows fed article by article (the streamed ``tables.jsonl`` path) or at once: the same parts."""
    arts, tables = stages
    lines = tmp_path / "t.jsonl"
    data = json.loads(tables.read_text(encoding="utf-8"))
    [article] = [json.loads(line) for line in arts.read_text(encoding="utf-8").splitlines()]
    lines.write_text(json.dumps({"article_id": article["article_id"], **data}) + "\n", encoding="utf-8")
    assert run_package((arts, lines), tmp_path / "out", "--part-rows", str(PART)) == 0
    assert files_of(tmp_path / "out") == files_of(parted)


def test_rewriting_a_package_leaves_no_stale_part(stages, seed_package, tmp_path):
    out = tmp_path / "pkg"
    assert run_package(stages, out, "--part-rows", "3") == 0
    assert run_package(stages, out, "--part-rows", str(PART)) == 0  # fewer parts: the extra ones go
    assert sorted(p.name for p in (out / "data/mentions").iterdir()) == \
        [f"part-{i:05d}.parquet" for i in range(len(descriptor_of(out)["resources"][4]["path"]))]
    assert run_package(stages, out) == 0  # one file per table again: no parts folder left
    assert files_of(out) == files_of(seed_package.parent)
    assert validate(out).valid


@pytest.mark.parametrize("value", ["0", "15000", "many"])
def test_bad_part_rows_is_a_clear_error(stages, tmp_path, capsys, value):
    with pytest.raises(SystemExit) as exit_:
        run_package(stages, tmp_path / "out", "--part-rows", value)
    assert exit_.value.code == 2
    assert "--part-rows" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_part_rows_must_keep_row_groups_whole():
    assert package.part_rows_problem(package.ROW_GROUP * 3) is None and package.part_rows_problem(7) is None
    assert "multiple" in package.part_rows_problem(package.ROW_GROUP + 1)


def test_a_parts_package_publishes_with_every_part_and_loads(parted, seed_package, tmp_path, monkeypatch):
    """The release holds and checksums every part; Croissant (a FileSet per parted table) and the
    ``datasets`` configs (a glob over the parts) give every row, in order."""
    import shutil

    import yaml

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert main(["publish", str(parted), "--to", str(tmp_path / "rel"), "--name", "parted", "-q"]) == 0
    [release] = [p for p in (tmp_path / "rel").iterdir() if p.is_dir() and not p.name.startswith(".")]
    descriptor = descriptor_of(release)
    files = [rel for res in descriptor["resources"] for rel in paths(res)]
    sums = (release / "SHA256SUMS").read_text().split()
    assert all((release / rel).is_file() and rel in sums for rel in files)
    assert validate(release).valid
    expected = {t: pq.read_table(seed_package.parent / f"data/{t}.parquet") for t in ("mentions", "quotes")}
    mlc = pytest.importorskip("mlcroissant")
    for table, whole in expected.items():
        records = list(mlc.Dataset(jsonld=release / "croissant.json").records(table))
        key = whole.column_names[0]
        assert [r[f"{table}/{key}"].decode() for r in records] == whole.column(key).to_pylist()
    datasets = pytest.importorskip("datasets")
    for var in ("HF_DATASETS_OFFLINE", "HF_HUB_OFFLINE"):
        monkeypatch.setenv(var, "1")
        monkeypatch.setattr(datasets.config, var, True, raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    folder = tmp_path / "copy"
    shutil.copytree(release, folder)
    meta = yaml.safe_load((folder / "README.md").read_text().split("---\n", 2)[1])
    assert {c["config_name"]: c["data_files"][0]["path"] for c in meta["configs"]}["mentions"] == \
        "data/mentions/part-*.parquet"
    ds_ = datasets.load_dataset(str(folder), "mentions", split="train", cache_dir=str(tmp_path / "cache"))
    assert ds_["mention_id"] == expected["mentions"].column("mention_id").to_pylist()


def rewrite_part(folder, table: str, n: int, change) -> None:
    """Apply ``change(rows)`` to part ``n`` of a table, in its Parquet and its CSV alike."""
    import csv
    import io

    import pyarrow as pa

    path = folder / f"data/{table}/part-{n:05d}.parquet"
    arrow = pq.read_table(path)
    rows = arrow.to_pylist()
    change(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow.schema), path)
    csv_path = folder / f"data/{table}-csv/part-{n:05d}.csv"
    cells = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8"))))
    change(cells)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(cells[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(cells)
    csv_path.write_text(out.getvalue(), encoding="utf-8")


def test_quality_checks_every_part_and_uniqueness_across_parts(parted, tmp_path):
    import shutil

    copy = tmp_path / "pkg"
    shutil.copytree(parted, copy)
    first = pq.read_table(copy / "data/mentions/part-00000.parquet").to_pylist()[0]["mention_id"]
    rewrite_part(copy, "mentions", 1, lambda rows: rows[0].update(mention_id=first))  # a key of part 0 again
    rewrite_part(copy, "mentions", 2, lambda rows: rows[1].update(sentence_index=-1))
    broken = pq.read_table(copy / "data/mentions/part-00002.parquet").to_pylist()[1]["mention_id"]
    problems = validate(copy).errors
    assert any(p.check.startswith("gx:expect_column_values_to_be_unique") and p.row_key == first for p in problems), \
        [str(p) for p in problems]
    assert any(p.check == "gx:expect_column_values_to_be_between" and p.row_key == broken
               and p.field == "sentence_index" for p in problems), [str(p) for p in problems]

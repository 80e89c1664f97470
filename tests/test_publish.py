"""presstables publish: versioned releases (MAJOR/MINOR/PATCH from a comparison with the latest release),
CHANGELOG, dataset card, Croissant, zip and checksums, to a folder or an fsspec URL."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.publish import diff, publish
from pipeline.publish.review import highlight
from pipeline.schemas import table_schema
from pipeline.validate import validate as REAL_VALIDATE

BIKES = """City to spend $4.5 million on bike lanes

Mayor Jane Okafor said on Tuesday that the city would spend $4.5 million on new bike lanes.

"We will build 12 kilometres of protected lanes by 2027," Okafor told reporters at City Hall.

A local cycling group, Pedal Forward, welcomed the plan. "This is a good start, but 12 kilometres is not enough," said its director, Tom Reyes.
"""
SCHOOLS = """Schools ask for more teachers

The district's school board voted on Monday to hire 40 new teachers next year.

"Our classes are simply too big," said Maria Lund, who chairs the board. She said the plan would cost about $2 million a year.
"""
RELEASE_FILES = {"datapackage.json", "README.md", "CHANGELOG.md", "croissant.json", "SHA256SUMS",
                 "charts/quotes_by_speaker.svg", "charts/figures_by_kind.svg", "charts/entities_by_type.svg",
                 "review/index.html", "review/articles/bikes.html"}


NAME = "gazette"  # the dataset the test packages are versions of (publish refuses the generic default)
RELEASE_EPOCH = "1780000000"  # 2026-05-28T20:26:40Z: releases are dated by when they are published


# ---------------------------------------------------------------- packages to publish
@pytest.fixture(scope="module", autouse=True)
def release_epoch():
    """Every publish in this module at one reproducible time (after the articles, 2026-03-02/03)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", RELEASE_EPOCH)
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def validate_once_per_content(monkeypatch):
    """Validation is a pure function of the package's bytes: run it once per distinct package."""
    import pipeline.validate as v

    real = v.validate

    def cached(path, quality=None):
        from pipeline.resources import paths

        path = Path(path)
        descriptor = path.read_bytes()
        files = [path.parent / rel for r in json.loads(descriptor)["resources"] for rel in paths(r)]
        key = hashlib.sha256(descriptor + b"".join(
            hashlib.sha256(f.read_bytes() if f.is_file() else b"-").digest() for f in files)).hexdigest()
        if key not in VALIDATED:
            VALIDATED[key] = real(path, quality)
        return VALIDATED[key]

    monkeypatch.setattr(v, "validate", cached)


VALIDATED: dict = {}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, nlp):
    """Both articles ingested and extracted once (the slow part); packages are made from these."""
    from pipeline.extract import extract
    from pipeline.ingest import ingest

    raw = tmp_path_factory.mktemp("raw")
    (raw / "bikes.txt").write_text(BIKES, encoding="utf-8")
    (raw / "bikes.meta.json").write_text(json.dumps({"title": "Bike lanes", "source": "Example Gazette",
                                                     "date": "2026-03-03", "license": "CC-BY-4.0"}))
    (raw / "schools.txt").write_text(SCHOOLS, encoding="utf-8")
    (raw / "schools.meta.json").write_text(json.dumps({"source": "Example Gazette", "date": "2026-03-02"}))
    articles = ingest([str(raw)])
    return articles, extract(articles, nlp)


def make_package(extracted, out: Path, ids=("bikes",), edit=None, name=NAME) -> Path:
    """A validated package of the articles ``ids``; ``edit(tables)`` may change the rows first."""
    articles, tables = extracted
    articles = [a for a in articles if a["article_id"] in ids]
    tables = {t: [dict(r) for r in rows if r["article_id"] in ids] for t, rows in tables.items()}
    if edit:
        edit(tables)
    out.mkdir(parents=True, exist_ok=True)
    (out / "in.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (out / "in.json").write_text(json.dumps(tables), encoding="utf-8")
    pkg = out / "pkg"
    assert main(["package", str(out / "in.jsonl"), str(out / "in.json"), "--out", str(pkg), "--name", name, "-q"]) == 0
    return pkg


@pytest.fixture(scope="module")
def one(extracted, tmp_path_factory):
    return make_package(extracted, tmp_path_factory.mktemp("one"))


@pytest.fixture(scope="module")
def two(extracted, tmp_path_factory):
    return make_package(extracted, tmp_path_factory.mktemp("two"), ids=("bikes", "schools"))


@pytest.fixture(scope="module")
def released(one, tmp_path_factory):
    """``one`` published once to a local folder: the release folder."""
    target = tmp_path_factory.mktemp("releases")
    assert main(["publish", str(one), "--to", str(target), "-q"]) == 0
    return target / "gazette-0.1.0"


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def csv_rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


# ---------------------------------------------------------------- the release
def test_first_release_holds_package_card_changelog_croissant_review_zip_and_sums(one, released):
    files = files_of(released)
    assert RELEASE_FILES <= set(files)
    for rel, data in files_of(one).items():  # the package, byte for byte (but the version)
        assert files[rel] == data if rel.startswith("data/") else rel == "datapackage.json"
    descriptor = json.loads(files["datapackage.json"])
    assert descriptor["version"] == "0.1.0"
    assert "## 0.1.0 (2026-05-28)\n\nArticles published 2026-03-03." in files["CHANGELOG.md"].decode()
    # SHA256SUMS covers every other file, sha256sum format
    sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS"].decode().splitlines())
    assert set(sums) == set(files) - {"SHA256SUMS"}
    assert all(hashlib.sha256(files[rel]).hexdigest() == digest for rel, digest in sums.items())


def test_release_zip_is_sorted_with_fixed_timestamps(released):
    files = files_of(released)
    with zipfile.ZipFile(io.BytesIO(files["gazette-0.1.0.zip"])) as zf:
        names = zf.namelist()
        assert names == sorted(names)
        # every file at the zip's root (no top-level folder), the release but its sums and itself
        assert set(names) == set(files) - {"SHA256SUMS", "gazette-0.1.0.zip"}
        assert {i.date_time for i in zf.infolist()} == {(2026, 5, 28, 20, 26, 40)}  # the release time
        assert zf.read("datapackage.json") == files["datapackage.json"]


def test_release_zip_opens_as_a_frictionless_zipped_package(released, tmp_path):
    from frictionless import Package

    zipped = tmp_path / "gazette-0.1.0.zip"
    zipped.write_bytes((released / "gazette-0.1.0.zip").read_bytes())
    package = Package(str(zipped))
    descriptor = json.loads((released / "datapackage.json").read_text(encoding="utf-8"))
    assert package.version == "0.1.0"
    assert set(package.resource_names) == {r["name"] for r in descriptor["resources"]}
    for r in descriptor["resources"]:
        if r.get("format") == "csv":  # each CSV table reads back with the rows of the release's copy
            rows = package.get_table_resource(r["name"]).read_rows()
            assert len(rows) == len(csv_rows(released / r["path"])), r["name"]


def test_released_package_validates(released):
    assert REAL_VALIDATE(released / "datapackage.json").valid


def test_frictionless_cli_validates_the_release(released):
    from test_package import assert_frictionless_cli_passes

    assert_frictionless_cli_passes(released / "datapackage.json")


def test_release_is_dated_when_published_with_the_article_dates_apart(two, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21T14:13:20Z
    folder = tmp_path / "gazette-0.1.0"
    publish(two / "datapackage.json", str(tmp_path))
    changelog = (folder / "CHANGELOG.md").read_text()
    assert changelog.splitlines()[2:5] == ["## 0.1.0 (2026-09-21)", "", "Articles published 2026-03-02 to 2026-03-03."]
    card = (folder / "README.md").read_text()
    assert "Version **0.1.0**, published 2026-09-21T14:13:20Z. Articles published 2026-03-02 to 2026-03-03." in card
    meta = json.loads((folder / "croissant.json").read_text())
    assert meta["datePublished"] == "2026-09-21T14:13:20Z" and meta["temporalCoverage"] == "2026-03-02/2026-03-03"
    # a later release is dated later, whatever its articles' dates
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15
    release = publish(two / "datapackage.json", str(tmp_path / "again"))
    assert "## 0.1.0 (2027-01-15)" in (tmp_path / "again" / release.folder / "CHANGELOG.md").read_text()


def test_release_time_without_source_date_epoch_is_the_clock(one, tmp_path, monkeypatch):
    import datetime as dt

    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    before = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    publish(one / "datapackage.json", str(tmp_path))
    after = dt.datetime.now(dt.timezone.utc)
    published = json.loads((tmp_path / "gazette-0.1.0/croissant.json").read_text())["datePublished"]
    assert before <= dt.datetime.fromisoformat(published.replace("Z", "+00:00")) <= after


def test_publishing_twice_is_a_no_op(one, released, capsys):
    before = {p: p.stat().st_mtime_ns for p in released.parent.rglob("*")}
    assert main(["publish", str(one), "--to", str(released.parent)]) == 0
    assert "unchanged since gazette 0.1.0" in capsys.readouterr().err
    assert {p: p.stat().st_mtime_ns for p in released.parent.rglob("*")} == before


def test_same_package_same_bytes(one, released, tmp_path):
    release = publish(one / "datapackage.json", str(tmp_path))
    assert release.written and release.version == "0.1.0"
    assert files_of(tmp_path / "gazette-0.1.0") == files_of(released)


def test_new_data_is_a_minor_bump_with_counts_per_table(one, two, tmp_path):
    publish(one / "datapackage.json", str(tmp_path))
    release = publish(two / "datapackage.json", str(tmp_path))
    assert (release.version, release.level, release.previous) == ("0.2.0", "MINOR", "0.1.0")
    folder = tmp_path / "gazette-0.2.0"
    assert json.loads((folder / "datapackage.json").read_text())["version"] == "0.2.0"
    log = (folder / "CHANGELOG.md").read_text()
    new_quotes = sum(1 for q in csv_rows(two / "data/quotes.csv") if q["article_id"] == "schools")
    total = len(csv_rows(two / "data/quotes.csv"))
    assert new_quotes > 0
    assert "| articles | 2 | 1 | 0 | 0 |" in log
    assert f"| quotes | {total} | {new_quotes} | 0 | 0 |" in log
    assert "MINOR release, compared with 0.1.0." in log
    # the new entry first, the earlier one kept below it
    assert log.index("## 0.2.0") < log.index("## 0.1.0")
    assert (tmp_path / "gazette-0.1.0").is_dir()  # never overwritten


def test_corrected_values_are_a_patch_with_changed_counts(extracted, one, tmp_path):
    def correct(tables):
        tables["quotes"][0]["cue"] = "stated"

    fixed = make_package(extracted, tmp_path / "fixed", edit=correct)
    publish(one / "datapackage.json", str(tmp_path / "rel"))
    release = publish(fixed / "datapackage.json", str(tmp_path / "rel"))
    assert (release.version, release.level) == ("0.1.1", "PATCH")
    log = (tmp_path / "rel/gazette-0.1.1/CHANGELOG.md").read_text()
    quotes = len(csv_rows(fixed / "data/quotes.csv"))
    assert f"| quotes | {quotes} | 0 | 0 | 1 |" in log
    assert "quotes.cue (1)" in log


def test_removed_rows_are_a_minor_bump(extracted, one, tmp_path):
    def drop(tables):
        dropped = tables["figures"].pop()
        assert dropped

    fewer = make_package(extracted, tmp_path / "fewer", edit=drop)
    publish(one / "datapackage.json", str(tmp_path / "rel"))
    release = publish(fewer / "datapackage.json", str(tmp_path / "rel"))
    assert (release.version, release.level) == ("0.2.0", "MINOR")
    n = len(csv_rows(fewer / "data/figures.csv"))
    assert f"| figures | {n} | 0 | 1 | 0 |" in (tmp_path / "rel/gazette-0.2.0/CHANGELOG.md").read_text()


def test_tightened_constraint_is_a_major_bump(one, tmp_path, monkeypatch):
    import shutil

    import pipeline.schemas as schemas

    publish(one / "datapackage.json", str(tmp_path / "rel"))
    # the contract (schemas/) tightens a constraint; a package must carry the contract's schemas
    contract = tmp_path / "schemas"
    shutil.copytree(schemas.SCHEMA_DIR, contract)
    quotes_schema = json.loads((contract / "quotes.json").read_text())
    next(f for f in quotes_schema["fields"] if f["name"] == "text")["constraints"]["maxLength"] = 100000
    (contract / "quotes.json").write_text(json.dumps(quotes_schema))
    monkeypatch.setattr(schemas, "SCHEMA_DIR", contract)
    schemas._load.cache_clear()
    try:
        strict = tmp_path / "strict"
        shutil.copytree(one, strict)
        descriptor = json.loads((strict / "datapackage.json").read_text())
        for name in ("quotes", "quotes_parquet"):
            res = next(r for r in descriptor["resources"] if r["name"] == name)
            next(f for f in res["schema"]["fields"] if f["name"] == "text")["constraints"]["maxLength"] = 100000
        (strict / "datapackage.json").write_text(json.dumps(descriptor, indent=2))
        release = publish(strict / "datapackage.json", str(tmp_path / "rel"))
    finally:
        schemas._load.cache_clear()
    assert (release.version, release.level) == ("1.0.0", "MAJOR")
    log = (tmp_path / "rel/gazette-1.0.0/CHANGELOG.md").read_text()
    assert "MAJOR: quotes.text: constraint `maxLength` None -> 100000" in log


def test_invalid_package_is_refused_and_nothing_written(one, tmp_path, capsys):
    import shutil

    bad = tmp_path / "bad"
    shutil.copytree(one, bad)
    path = bad / "data/quotes.csv"
    path.write_text(path.read_text().replace("said", "SAID", 1))  # hash no longer matches
    target = tmp_path / "rel"
    assert main(["publish", str(bad), "--to", str(target)]) == 1
    assert "validation problem" in capsys.readouterr().err
    assert not target.exists()


def test_interrupted_upload_is_not_a_release_and_is_replaced(one, tmp_path):
    partial = tmp_path / "gazette-0.1.0"
    (partial / "data").mkdir(parents=True)
    (partial / "data/quotes.csv").write_text("half")
    release = publish(one / "datapackage.json", str(tmp_path))
    assert release.written and release.version == "0.1.0"
    assert (partial / "SHA256SUMS").exists() and (partial / "data/quotes.csv").read_bytes() != b"half"


# ---------------------------------------------------------------- the dataset name
def test_generic_default_name_is_refused_without_name(extracted, tmp_path, capsys):
    generic = make_package(extracted, tmp_path / "generic", name="presstables")
    target = tmp_path / "rel"
    assert main(["publish", str(generic), "--to", str(target)]) == 2
    err = capsys.readouterr().err
    assert "generic default name 'presstables'" in err and "--name NAME" in err and "Traceback" not in err
    assert not target.exists()
    assert main(["publish", str(generic), "--to", str(target), "--name", "Town Hall"]) == 2
    assert "'Town Hall' cannot name a release folder" in capsys.readouterr().err
    # --name names the dataset: the folder, the descriptor and the title made from the name
    assert main(["publish", str(generic), "--to", str(target), "--name", "town-hall", "-q"]) == 0
    descriptor = json.loads((target / "town-hall-0.1.0/datapackage.json").read_text())
    assert descriptor["name"] == "town-hall"
    assert descriptor["title"] == "town-hall: quotes, figures and entities from news articles"
    assert sorted(p.name for p in target.iterdir()) == ["town-hall-0.1.0"]


# ---------------------------------------------------------------- concurrency and interruption
def write_lock(target: Path, age: float, **holder) -> bytes:
    """A lock as another publish leaves it, ``age`` seconds old."""
    import time

    epoch = time.time() - age
    lock = dict({"owner": "ci-bot", "host": "build-7", "pid": 4242, "epoch": epoch, "token": "f" * 32}, **holder)
    target.mkdir(parents=True, exist_ok=True)
    (target / ".presstables.lock").write_bytes(json.dumps(lock).encode())
    return (target / ".presstables.lock").read_bytes()


def test_concurrent_publishes_of_two_packages_become_two_versions(one, two, tmp_path, monkeypatch):
    import threading

    import pipeline.validate as v
    from pipeline.publish.store import Target

    for pkg in (one, two):  # validated before the race (cached by content): the threads only publish
        assert v.validate(pkg / "datapackage.json").valid
    barrier, arrived, real = threading.Barrier(2, timeout=3), set(), Target.releases

    def releases(self, name):  # both publishes look at the target at the same moment
        if threading.get_ident() not in arrived:
            arrived.add(threading.get_ident())
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass
        return real(self, name)

    monkeypatch.setattr(Target, "releases", releases)
    results, errors = {}, []

    def run(pkg):
        try:
            results[pkg] = publish(pkg / "datapackage.json", str(tmp_path), lock_wait=120)
        except BaseException as e:  # noqa: B036 - reported by the assertion below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(pkg,)) for pkg in (one, two)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert sorted(r.version for r in results.values()) == ["0.1.0", "0.2.0"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazette-0.1.0", "gazette-0.2.0"]  # no lock, no stage
    for pkg, release in results.items():  # each release whole, holding the package that made it
        folder = tmp_path / release.folder
        files = files_of(folder)
        sums = dict(reversed(line.split("  ", 1)) for line in files["SHA256SUMS"].decode().splitlines())
        assert set(sums) == set(files) - {"SHA256SUMS"}
        assert all(hashlib.sha256(files[rel]).hexdigest() == digest for rel, digest in sums.items())
        assert files["data/quotes.csv"] == (pkg / "data/quotes.csv").read_bytes()
    later = max(results.values(), key=lambda r: r.version)
    assert later.previous == "0.1.0"
    assert "compared with 0.1.0" in (tmp_path / later.folder / "CHANGELOG.md").read_text()


def test_interrupted_publish_leaves_no_release_folder_and_the_next_succeeds(one, released, tmp_path, monkeypatch,
                                                                             capsys):
    import builtins

    real_open = builtins.open

    def full_disk(file, mode="r", *args, **kwargs):
        if "w" in mode and str(file).endswith("review/index.html"):
            raise OSError(28, "No space left on device", str(file))
        return real_open(file, mode, *args, **kwargs)

    target = tmp_path / "rel"
    monkeypatch.setattr(builtins, "open", full_disk)
    assert main(["publish", str(one), "--to", str(target)]) == 2
    monkeypatch.setattr(builtins, "open", real_open)
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert list(target.iterdir()) == []  # no half release under the real name, no staging folder, no lock
    assert main(["publish", str(one), "--to", str(target), "-q"]) == 0
    assert files_of(target / "gazette-0.1.0") == files_of(released)


def test_leftovers_of_a_killed_publish_are_removed_and_its_stale_lock_taken_over(one, released, tmp_path):
    target = tmp_path / "rel"
    stage = target / ".staging-gazette-0.1.0-4242-0a1b2c3d"
    (stage / "data").mkdir(parents=True)
    (stage / "data/quotes.csv").write_text("half")
    write_lock(target, age=3600)
    messages = []
    release = publish(one / "datapackage.json", str(target), lock_wait=0, log=messages.append)
    assert release.written and release.version == "0.1.0"
    assert any("taking over the stale lock of ci-bot@build-7 (pid 4242)" in m for m in messages), messages
    assert sorted(p.name for p in target.iterdir()) == ["gazette-0.1.0"]
    assert files_of(target / "gazette-0.1.0") == files_of(released)


def test_a_fresh_lock_blocks_with_a_clear_error_and_a_stale_one_is_taken_over(one, tmp_path, capsys):
    target = tmp_path / "rel"
    lock = write_lock(target, age=120)
    assert main(["publish", str(one), "--to", str(target), "--lock-wait", "0.3"]) == 1
    err = capsys.readouterr().err
    assert f"{target} is locked by another publish: ci-bot@build-7 (pid 4242) since" in err, err
    assert "waited 0.3s (--lock-wait)" in err and "Traceback" not in err
    assert sorted(p.name for p in target.iterdir()) == [".presstables.lock"]  # nothing written
    assert (target / ".presstables.lock").read_bytes() == lock  # and the lock left to its holder
    # 120 s without a heartbeat is stale for --lock-stale 60
    assert main(["publish", str(one), "--to", str(target), "--lock-wait", "0", "--lock-stale", "60", "-q"]) == 0
    assert sorted(p.name for p in target.iterdir()) == ["gazette-0.1.0"]


def test_an_unreadable_old_lock_is_stale(one, tmp_path):
    import os

    target = tmp_path / "rel"
    target.mkdir()
    (target / ".presstables.lock").write_bytes(b"")  # its writer died between create and write
    os.utime(target / ".presstables.lock", (1, 1))
    assert publish(one / "datapackage.json", str(target), lock_wait=0).written
    assert not (target / ".presstables.lock").exists()


def test_a_lock_held_by_a_live_publish_is_refreshed_and_waited_for(one, tmp_path):
    import threading
    import time

    from pipeline.publish.store import Target

    target = tmp_path / "rel"
    holder = Target(str(target)).lock(stale_after=1.0)
    holder.acquire()
    first = (target / ".presstables.lock").read_bytes()
    time.sleep(1.2)  # past the stale timeout: the heartbeat (every 0.25 s) keeps the lock fresh
    assert (target / ".presstables.lock").read_bytes() != first
    threading.Timer(1.5, holder.release).start()
    started = time.monotonic()
    release = publish(one / "datapackage.json", str(target), lock_wait=30, lock_stale=1.0)
    assert release.written and time.monotonic() - started >= 1.4  # it waited for the holder
    assert sorted(p.name for p in target.iterdir()) == ["gazette-0.1.0"]


def test_a_release_folder_without_manifest_is_not_the_latest_release(one, two, tmp_path, capsys):
    import shutil

    target = tmp_path / "rel"
    assert main(["publish", str(one), "--to", str(target), "-q"]) == 0
    partial = target / "gazette-0.2.0"  # an upload of two's rows that stopped before SHA256SUMS
    shutil.copytree(two, partial)
    assert main(["publish", str(one), "--to", str(target)]) == 0
    assert "unchanged since gazette 0.1.0" in capsys.readouterr().err  # 0.2.0 is no release
    (partial / "data/quotes.csv").write_text("half")
    release = publish(two / "datapackage.json", str(target))
    assert (release.version, release.previous) == ("0.2.0", "0.1.0")  # the incomplete folder replaced
    assert (partial / "SHA256SUMS").is_file()
    assert (partial / "data/quotes.csv").read_bytes() == (two / "data/quotes.csv").read_bytes()


def test_a_complete_release_is_never_overwritten(one, tmp_path, monkeypatch):
    from pipeline.publish import PublishError
    from pipeline.publish.store import Target

    target = tmp_path / "rel"
    publish(one / "datapackage.json", str(target))
    before = files_of(target / "gazette-0.1.0")
    monkeypatch.setattr(Target, "releases", lambda self, name: {})  # a reader that missed it
    with pytest.raises(PublishError, match="a release is already there; releases are never overwritten"):
        publish(one / "datapackage.json", str(target))
    assert files_of(target / "gazette-0.1.0") == before
    assert sorted(p.name for p in target.iterdir()) == ["gazette-0.1.0"]


# ---------------------------------------------------------------- fsspec targets
def test_memory_target(one, two):
    import fsspec

    fs = fsspec.filesystem("memory")
    root = f"memory://releases-{uuid.uuid4().hex}"
    assert main(["publish", str(one), "--to", root, "-q"]) == 0
    assert main(["publish", str(one), "--to", root, "-q"]) == 0  # no-op
    assert main(["publish", str(two), "--to", root, "-q"]) == 0
    folders = sorted(p.rsplit("/", 1)[-1] for p in fs.ls(root, detail=False))
    assert folders == ["gazette-0.1.0", "gazette-0.2.0"]
    with fs.open(f"{root}/gazette-0.2.0/datapackage.json") as fh:
        assert json.load(fh)["version"] == "0.2.0"
    with fs.open(f"{root}/gazette-0.2.0/data/quotes.csv", "rb") as fh:
        assert fh.read() == (two / "data/quotes.csv").read_bytes()
    fs.rm(root, recursive=True)


def test_file_url_target(one, released, tmp_path):
    assert main(["publish", str(one / "datapackage.json"), "--to", f"file://{tmp_path}/rel", "-q"]) == 0
    assert files_of(tmp_path / "rel/gazette-0.1.0") == files_of(released)


def test_unknown_protocol_is_a_clear_error(one, tmp_path, capsys):
    assert main(["publish", str(one), "--to", "nosuchproto://bucket/x"]) == 1
    assert "nosuchproto" in capsys.readouterr().err


# ---------------------------------------------------------------- card and Croissant
def test_dataset_card_front_matter_and_text(released):
    import yaml

    text = (released / "README.md").read_text()
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["license"] == ["cc-by-4.0"] and meta["language"] == ["en"]
    assert meta["pretty_name"]
    configs = {c["config_name"]: c for c in meta["configs"]}
    assert set(configs) == {"articles", "entities", "mentions", "quotes", "figures"}
    for c in configs.values():
        assert (released / c["data_files"][0]["path"]).is_file()
    quotes = len(csv_rows(released / "data/quotes.csv"))
    assert f"| `quotes` | {quotes} |" in body
    for needle in ("pd.read_parquet", "duckdb", "FROM 'data/quotes.parquet'", "arrow::read_parquet",
                   "charts/quotes_by_speaker.svg", "| `speaker_name` | string |", "CC-BY-4.0"):
        assert needle.lower() in body.lower(), needle


def test_chart_is_svg_with_one_bar_per_speaker(released):
    speakers = {q["speaker_name"] for q in csv_rows(released / "data/quotes.csv")}
    svg = ET.parse(released / "charts/quotes_by_speaker.svg").getroot()
    bars = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == "#4c78a8"]
    labels = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert len(bars) == len(speakers) and speakers <= labels


def test_chart_escapes_labels():
    from pipeline.publish.chart import bar_chart

    svg = bar_chart("Quotes <by> speaker", [("A & <B>", 3), ("C", 1)])
    root = ET.fromstring(svg)
    assert "A & <B>" in {t.text for t in root.iter("{http://www.w3.org/2000/svg}text")}


def test_croissant_loads_in_mlcroissant(released):
    mlc = pytest.importorskip("mlcroissant")

    dataset = mlc.Dataset(jsonld=released / "croissant.json")
    assert not dataset.metadata.ctx.issues.errors
    assert dataset.metadata.version == "0.1.0"
    record_sets = [rs.name for rs in dataset.metadata.record_sets]
    assert record_sets == ["articles", "entities", "mentions", "quotes", "figures"]
    for name in record_sets:  # each from a fresh Dataset: iterating one must not depend on another
        records = list(mlc.Dataset(jsonld=released / "croissant.json").records(name))
        expected = csv_rows(released / f"data/{name}.csv")
        key = table_schema(name)["primaryKey"][0]
        assert [r[f"{name}/{key}"].decode() for r in records] == [row[key] for row in expected], name
    records = list(mlc.Dataset(jsonld=released / "croissant.json").records("quotes"))
    expected = csv_rows(released / "data/quotes.csv")
    assert [r["quotes/start"] for r in records] == [int(q["start"]) for q in expected]


def test_hugging_face_datasets_loads_every_table_of_a_release(released, tmp_path, monkeypatch):
    """``datasets.load_dataset(release_folder, table)`` through the card's configs and features, offline."""
    import shutil

    import yaml

    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    datasets = pytest.importorskip("datasets")
    monkeypatch.setattr(datasets.config, "HF_HUB_OFFLINE", True, raising=False)
    monkeypatch.setattr(datasets.config, "HF_DATASETS_OFFLINE", True, raising=False)
    folder = tmp_path / "release"
    shutil.copytree(released, folder)  # the loader may leave files behind: not in the shared release
    meta = yaml.safe_load((folder / "README.md").read_text().split("---\n", 2)[1])
    infos = {i["config_name"]: i for i in meta["dataset_info"]}
    descriptor = json.loads((folder / "datapackage.json").read_text())
    for config in meta["configs"]:
        name = config["config_name"]
        ds = datasets.load_dataset(str(folder), name, split="train", cache_dir=str(tmp_path / "cache"))
        rows = csv_rows(folder / f"data/{name}.csv")
        assert ds.num_rows == len(rows) > 0, name
        assert ds.features == datasets.Features._from_yaml_list(infos[name]["features"]), name
        fields = next(r for r in descriptor["resources"] if r["name"] == name)["schema"]["fields"]
        for field in fields:
            enum = field.get("constraints", {}).get("enum")
            if enum:  # a ClassLabel: numbers in the dataset, named as in the files
                feature = ds.features[field["name"]]
                assert isinstance(feature, datasets.ClassLabel) and feature.names == enum
                names = [None if v is None else feature.int2str(v) for v in ds[field["name"]]]
                assert names == [r[field["name"]] or None for r in rows], (name, field["name"])
    assert sum(1 for c in meta["configs"] if c.get("default")) == 1


def test_size_category_is_the_largest_table_not_the_sum(released):
    from pipeline.publish import card

    descriptor = json.loads((released / "datapackage.json").read_text())
    csv_resources = [r for r in descriptor["resources"] if r.get("format") == "csv"]
    tables = {"articles": [{}] * 3, "mentions": [{}] * 900, "quotes": [{}] * 900}  # 1,803 rows in all
    front = card.front_matter(descriptor, tables, csv_resources)
    assert "size_categories:\n- n<1K\n" in front
    tables["mentions"] = [{}] * 1000
    assert "size_categories:\n- 1K<n<10K\n" in card.front_matter(descriptor, tables, csv_resources)
    text = (released / "README.md").read_text()
    biggest = max(("articles", "entities", "mentions", "quotes", "figures"),
                  key=lambda t: len(csv_rows(released / f"data/{t}.csv")))
    rows = len(csv_rows(released / f"data/{biggest}.csv"))
    assert f"that of the largest table, `{biggest}` ({rows} rows)" in text


def test_charts_cut_to_the_top_ten_say_so():
    from pipeline.publish import card

    speakers = [f"Speaker {i:02d}" for i in range(12)]
    tables = {"quotes": [{"speaker_name": s} for i, s in enumerate(speakers) for _ in range(i + 1)],
              "figures": [{"kind": "money"}, {"kind": "percent"}], "entities": []}
    svgs = {path: ET.fromstring(svg) for path, svg in card.charts(tables).items()}
    quotes = svgs["charts/quotes_by_speaker.svg"]
    assert quotes.findtext("{http://www.w3.org/2000/svg}title") == "Quotes per speaker (top 10 of 12)"
    bars = [r for r in quotes.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == "#4c78a8"]
    assert len(bars) == 10
    assert svgs["charts/figures_by_kind.svg"].findtext("{http://www.w3.org/2000/svg}title") == "Figures by kind"
    # the card's image captions are the charts' titles
    descriptor = {"name": "n", "version": "0.1.0", "resources": []}
    text = card.render(descriptor, tables, changes="## 0.1.0\n", published="2026-05-28T20:26:40Z")
    assert "![Quotes per speaker (top 10 of 12)](charts/quotes_by_speaker.svg)" in text
    assert "![Figures by kind](charts/figures_by_kind.svg)" in text


def test_card_lists_the_values_of_enum_fields(released):
    text = (released / "README.md").read_text()
    assert "One of: `direct`, `indirect`, `mixed`." in text


# ---------------------------------------------------------------- version rules (pure)
SCHEMA = {"fields": [{"name": "id", "type": "string", "constraints": {"required": True}},
                     {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
                     {"name": "n", "type": "integer", "description": "a count"}],
          "primaryKey": ["id"]}


def changed(mutate) -> int:
    new = json.loads(json.dumps(SCHEMA))
    mutate(new)
    return max((c.level for c in diff.diff_schema("t", SCHEMA, new)), default=diff.NONE)


@pytest.mark.parametrize("mutate, level", [
    (lambda s: s["fields"].pop(), diff.MAJOR),                                          # removed
    (lambda s: s["fields"][2].update(name="count"), diff.MAJOR),                        # renamed
    (lambda s: s["fields"][2].update(type="number"), diff.MAJOR),                       # retyped
    (lambda s: s["fields"].append({"name": "x", "type": "string"}), diff.MAJOR),        # added
    (lambda s: s["fields"].reverse(), diff.MAJOR),                                      # reordered
    (lambda s: s["fields"][1]["constraints"].update(enum=["a"]), diff.MAJOR),           # tightened
    (lambda s: s["fields"][2].update(constraints={"minimum": 0}), diff.MAJOR),          # tightened
    (lambda s: s.update(primaryKey=["n"]), diff.MAJOR),
    (lambda s: s["fields"][1]["constraints"].update(enum=["a", "b", "c"]), diff.MINOR),  # loosened
    (lambda s: s["fields"][0].update(constraints={}), diff.MINOR),                      # loosened
    (lambda s: s["fields"][2].update(description="how many"), diff.PATCH),
    (lambda s: None, diff.NONE),
])
def test_schema_change_levels(mutate, level):
    assert changed(mutate) == level


def test_bump():
    assert diff.bump((1, 2, 3), diff.MAJOR) == (2, 0, 0)
    assert diff.bump((1, 2, 3), diff.MINOR) == (1, 3, 0)
    assert diff.bump((1, 2, 3), diff.PATCH) == (1, 2, 4)
    assert diff.bump((1, 2, 3), diff.NONE) == (1, 2, 3)


def test_package_level_changes():
    def package(resources, **meta):
        return dict({"name": "p", "version": "0.1.0", "title": "T"}, **meta, resources=[
            {"name": n, "path": f"{n}.csv", "format": "csv", "hash": "h", "schema": SCHEMA} for n in resources])

    files = {"a.csv": b"id,kind,n\n1,a,2\n", "b.csv": b"id,kind,n\n1,a,2\n2,b,3\n"}
    added = diff.compare(package(["a"]), files, package(["a", "b"]), files)
    assert added.level == diff.MINOR and (added.tables["b"].rows, added.tables["b"].added) == (2, 2)
    assert diff.compare(package(["a", "b"]), files, package(["a"]), files).level == diff.MAJOR
    retitled = diff.compare(package(["a"]), files, package(["a"], title="U"), files)
    assert retitled.level == diff.PATCH and [c.what for c in retitled.metadata] == ["`title` changed"]
    assert diff.compare(package(["a"]), files, package(["a"], created="2030-01-01"), files).level == diff.NONE


def test_rows_diff_by_primary_key():
    old = [{"id": "1", "v": "a"}, {"id": "2", "v": "b"}, {"id": "3", "v": "c"}]
    new = [{"id": "1", "v": "a"}, {"id": "2", "v": "B"}, {"id": "4", "v": "d"}, {"id": "5", "v": "e"}]
    d = diff.diff_rows(old, new, ["id"])
    assert (d.rows, d.added, d.removed, d.changed, d.fields) == (4, 2, 1, 1, {"v": 1})


# ---------------------------------------------------------------- review markup (pure; browser test elsewhere)
def test_highlight_nests_and_splits_crossing_spans():
    def span(layer, sid, start, end):
        return {"layer": layer, "id": sid, "start": start, "end": end, "extra": "", "label": layer,
                "rows": [], "title": sid}

    text = "a <b> c d e"
    html = highlight(text, [span("quote", "q", 0, 7), span("mention", "m", 2, 5), span("figure", "f", 6, 9)])
    root = ET.fromstring(f"<div>{html}</div>")
    assert "".join(root.itertext()) == text  # escaped, nothing lost
    pieces = [(e.get("data-id"), "".join(e.itertext())) for e in root.iter("span")]
    assert pieces == [("q", "a <b> c"), ("m", "<b>"), ("f", "c"), ("f", " d")]  # f crosses q's end: split

"""Extraction on a Dask distributed cluster (pipeline/extract/cluster.py, --engine dask): a package built
on a two-worker LocalCluster is byte-identical to a local build; each worker loads the model once; the
result cache sends only its misses; an unreachable scheduler, a failing task and a worker running other
code are clear errors (exit 2, no traceback). dask is a pinned dependency of `make install`: these tests
fail, not skip, without it."""
from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from pipeline.cli import main
from pipeline.extract import cluster as cluster_module
from pipeline.extract import model_name
from pipeline.extract.cluster import DaskEngine, worker_stats

TEXTS = [f'"We will reopen the port on day {i}," Mayor Ana Ruiz of Lima said. It cost $1{i} million.'
         for i in range(6)]


@pytest.fixture(scope="module")
def scheduler():
    """A LocalCluster of two worker processes (one thread each) for this module; yields its address."""
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def stats(scheduler):
    """``stats()``: what each worker did so far (model loads, batches, articles), by worker address."""
    with Client(scheduler, set_as_default=False) as client:
        yield lambda: client.run(worker_stats)


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(cluster_module, "BATCH", 1)  # six tasks over two workers


def write_articles(path: Path, texts=TEXTS, id_field: str = "article_id") -> Path:
    """Articles as ``extract`` reads them (``article_id``), or as ``build`` does (``id_field="id"``)."""
    rows = [{id_field: f"a{i}", "title": f"Title {i}", "text": t} for i, t in enumerate(texts)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def total(seen: dict, field: str) -> int:
    return sum(s[field] for s in seen.values())


def test_a_package_built_on_the_cluster_is_byte_identical_to_a_local_build(scheduler, small_batches, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    arts = write_articles(tmp_path / "a.jsonl", id_field="id")
    assert main(["build", str(arts), "--out", str(tmp_path / "local"), "-q", "--jobs", "1"]) == 0
    assert main(["build", str(arts), "--out", str(tmp_path / "dask"), "-q", "--engine", "dask",
                 "--scheduler", scheduler]) == 0
    local, dask = files_of(tmp_path / "local"), files_of(tmp_path / "dask")
    assert sorted(local) == sorted(dask) and Path("datapackage.json") in local
    assert local == dask


def test_each_worker_loads_the_model_once_and_progress_counts_articles(scheduler, stats, small_batches):
    before = stats()
    articles = [{"article_id": f"a{i}", "text": t} for i, t in enumerate(TEXTS)]
    seen = []

    def progress(items, total):
        seen.append(total)
        for item in items:
            seen.append(item["article_id"])
            yield item

    engine = DaskEngine(scheduler, model_name())
    first = engine(articles, progress=progress)
    second = engine(articles)
    after = stats()
    assert first == second and len(first) == len(TEXTS)
    assert total(after, "batches") - total(before, "batches") == 2 * len(TEXTS)  # twelve tasks ...
    assert all(s["loads"] == 1 for s in after.values() if s["batches"])  # ... and one load per worker
    assert seen[0] == len(TEXTS) and sorted(seen[1:]) == [a["article_id"] for a in articles]


def test_with_a_half_warm_cache_only_the_misses_go_to_the_cluster(scheduler, stats, tmp_path):
    arts = write_articles(tmp_path / "a.jsonl")
    half = write_articles(tmp_path / "half.jsonl", TEXTS[:3])
    assert main(["extract", str(arts), "--out", str(tmp_path / "local.json"), "-q", "--jobs", "1"]) == 0
    assert main(["extract", str(half), "--out", str(tmp_path / "half.json"), "-q", "--jobs", "1",
                 "--cache", str(tmp_path / "cache")]) == 0
    before = stats()
    assert main(["extract", str(arts), "--out", str(tmp_path / "dask.json"), "-q", "--engine", "dask",
                 "--scheduler", scheduler, "--cache", str(tmp_path / "cache")]) == 0
    assert total(stats(), "articles") - total(before, "articles") == 3
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    assert len(list((tmp_path / "cache").glob("??/*.json"))) == 6  # the misses were stored by the driver


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path, capsys):
    arts = write_articles(tmp_path / "a.jsonl", TEXTS[:1], id_field="id")
    address = f"tcp://127.0.0.1:{free_port()}"
    t0 = time.monotonic()
    code = main(["build", str(arts), "--out", str(tmp_path / "out"), "-q", "--engine", "dask",
                 "--scheduler", address, "--connect-timeout", "2"])
    err = capsys.readouterr().err
    assert code == 2 and time.monotonic() - t0 < 30
    assert f"cannot reach the Dask scheduler at {address}" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "datapackage.json").exists()


@pytest.mark.parametrize("address", ["nonsense", "tcp://host-without-port"])
def test_a_malformed_scheduler_address_is_refused_before_any_work(tmp_path, capsys, address):
    code = main(["build", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "out"), "--engine", "dask",
                 "--scheduler", address])
    err = capsys.readouterr().err
    assert code == 2 and f"--scheduler {address!r} is not a Dask scheduler address" in err
    assert "ingest" not in err and "Traceback" not in err


def test_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as e:
        main(["extract", str(tmp_path / "a.jsonl"), "--out", str(tmp_path / "t.json"), "--scheduler", "tcp://x:1"])
    assert e.value.code == 2 and "--scheduler needs --engine dask" in capsys.readouterr().err


BREAK_WORKERS = """
import pipeline.extract as m
def _failing(batch, nlp):
    raise TypeError("the extractor failed")
m._saved_extract_batch, m._extract_batch = m._extract_batch, _failing
"""
MEND_WORKERS = "import pipeline.extract as m\nm._extract_batch = m._saved_extract_batch\n"


def test_a_failing_task_names_its_articles(scheduler, tmp_path, capsys):
    arts = tmp_path / "a.jsonl"
    arts.write_text(json.dumps({"article_id": "bad", "text": "Words."}) + "\n", encoding="utf-8")
    with Client(scheduler, set_as_default=False) as client:
        client.run(exec, BREAK_WORKERS)  # every worker's extractor raises
        try:
            code = main(["extract", str(arts), "--out", str(tmp_path / "t.json"), "-q", "--engine", "dask",
                         "--scheduler", scheduler, "--no-cache"])
        finally:
            client.run(exec, MEND_WORKERS)
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and not (tmp_path / "t.json").exists()
    assert f"the Dask scheduler at {scheduler}, the task for article 'bad' failed" in err


def test_a_worker_with_other_code_is_refused(scheduler, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cluster_module, "fingerprint", lambda name, nlp=None: "another version")
    arts = write_articles(tmp_path / "a.jsonl", TEXTS[:2])
    code = main(["extract", str(arts), "--out", str(tmp_path / "t.json"), "-q", "--engine", "dask",
                 "--scheduler", scheduler])
    err = capsys.readouterr().err
    assert code == 2 and "runs other extractor code" in err and not (tmp_path / "t.json").exists()


def test_without_a_scheduler_a_local_dask_cluster_of_jobs_workers_is_started(tmp_path):
    arts = write_articles(tmp_path / "a.jsonl", TEXTS[:2])
    assert main(["extract", str(arts), "--out", str(tmp_path / "local.json"), "-q", "--jobs", "1"]) == 0
    assert main(["extract", str(arts), "--out", str(tmp_path / "dask.json"), "-q", "--engine", "dask",
                 "--jobs", "1"]) == 0
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()


def tls_files(folder: Path) -> dict[str, str]:
    """A self-signed certificate and key for localhost (openssl), used as CA, server and client cert."""
    import subprocess

    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return {"ca": str(cert), "cert": str(cert), "key": str(key)}


def test_a_tls_scheduler_works_through_dask_tls_configuration(tmp_path, monkeypatch):
    """``--scheduler tls://...``: the certificates come from Dask's own configuration (here its
    environment variables, as on a real cluster), and the package is the local build's."""
    import shutil

    from distributed.security import Security

    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    tls = tls_files(tmp_path)
    security = Security(tls_ca_file=tls["ca"], tls_client_cert=tls["cert"], tls_client_key=tls["key"],
                        tls_scheduler_cert=tls["cert"], tls_scheduler_key=tls["key"], tls_worker_cert=tls["cert"],
                        tls_worker_key=tls["key"], require_encryption=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for name, value in (("CA_FILE", tls["ca"]), ("CLIENT__CERT", tls["cert"]), ("CLIENT__KEY", tls["key"]),
                        ("REQUIRE_ENCRYPTION", "True")):
        monkeypatch.setenv(f"DASK_DISTRIBUTED__COMM__TLS__{name}", value)
    import dask

    dask.config.refresh()
    arts = write_articles(tmp_path / "a.jsonl", TEXTS[:2], id_field="id")
    assert main(["build", str(arts), "--out", str(tmp_path / "local"), "-q", "--jobs", "1"]) == 0
    try:
        with LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=":0",
                          protocol="tls://", host="127.0.0.1", security=security) as cluster:
            assert cluster.scheduler_address.startswith("tls://")
            assert main(["build", str(arts), "--out", str(tmp_path / "dask"), "-q", "--engine", "dask",
                         "--scheduler", cluster.scheduler_address]) == 0
    finally:
        monkeypatch.undo()
        dask.config.refresh()
    assert files_of(tmp_path / "dask") == files_of(tmp_path / "local")

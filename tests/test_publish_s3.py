"""presstables publish --to s3://bucket/prefix against a real S3 API: a moto server started on a free port.

Needs the ``s3`` extra (s3fs) and ``moto[server]``; both are in the ``test`` extra."""
from __future__ import annotations

import hashlib
import urllib.request

import pytest

from pipeline.cli import main

s3fs = pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")

BUCKET = "presstables-releases"
NAME = "seed-news"  # the dataset name (the seed package has the generic default, which publish refuses)
PREFIX = "datasets/presstables"
TARGET = f"s3://{BUCKET}/{PREFIX}"
RELEASE_EPOCH = "1780000000"  # as in test_publish.py: a reproducible release date
# the media type each kind of release file is served with
WANT_TYPES = {".html": "text/html", ".svg": "image/svg+xml", ".json": "application/json", ".csv": "text/csv",
              ".parquet": "application/vnd.apache.parquet", ".md": "text/markdown", ".zip": "application/zip"}


@pytest.fixture
def s3_endpoint(monkeypatch):
    """A moto S3 server on a free port, with fake credentials; stopped after the test."""
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        # moto keeps its buckets in the process: start each test from an empty store
        urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"), timeout=30)
        monkeypatch.setenv("AWS_ENDPOINT_URL", endpoint)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        monkeypatch.setenv("AWS_SESSION_TOKEN", "testing")
        monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        monkeypatch.setenv("AWS_REGION", "us-east-1")
        for var in ("AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
            monkeypatch.delenv(var, raising=False)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", RELEASE_EPOCH)
        s3fs.S3FileSystem.clear_instance_cache()  # no filesystem bound to another endpoint
        client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client
    finally:
        s3fs.S3FileSystem.clear_instance_cache()
        server.stop()


def _objects(client, prefix: str) -> dict[str, dict]:
    """Every object under ``prefix``: key -> head_object answer."""
    keys = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix):
        keys += [o["Key"] for o in page.get("Contents", [])]
    return {k: client.head_object(Bucket=BUCKET, Key=k) for k in keys}


def test_publish_to_s3_twice_second_is_a_no_op(seed_package, s3_endpoint, capsys):
    client = s3_endpoint
    target = TARGET
    assert main(["publish", str(seed_package), "--to", target, "--name", NAME]) == 0
    first = _objects(client, "datasets/presstables/")
    folders = {k.split("/")[2] for k in first}
    assert len(folders) == 1, folders
    folder = folders.pop()
    assert folder == f"{NAME}-0.1.0"  # and no lock object is left
    rels = {k.split("/", 3)[3] for k in first}
    for want in ("datapackage.json", "README.md", "CHANGELOG.md", "croissant.json", "SHA256SUMS",
                 f"{folder}.zip", "review/index.html"):
        assert want in rels, (want, sorted(rels))
    assert any(r.startswith("charts/") and r.endswith(".svg") for r in rels)
    assert any(r.endswith(".csv") for r in rels) and any(r.endswith(".parquet") for r in rels)

    # every object is served with its media type
    for key, head in first.items():
        suffix = "." + key.rsplit(".", 1)[-1] if "." in key.rsplit("/", 1)[-1] else ""
        media = head["ContentType"].split(";")[0].strip()
        assert media == WANT_TYPES.get(suffix, "text/plain"), (key, head["ContentType"])

    # SHA256SUMS lists what was uploaded, byte for byte
    sums = client.get_object(Bucket=BUCKET, Key=f"datasets/presstables/{folder}/SHA256SUMS")["Body"].read()
    for line in sums.decode("utf-8").splitlines():
        digest, rel = line.split(None, 1)
        body = client.get_object(Bucket=BUCKET, Key=f"datasets/presstables/{folder}/{rel.lstrip('*')}")["Body"]
        assert hashlib.sha256(body.read()).hexdigest() == digest, rel

    # the same package again: nothing is written
    capsys.readouterr()
    assert main(["publish", str(seed_package), "--to", target, "--name", NAME]) == 0
    assert "unchanged since" in capsys.readouterr().err
    second = _objects(client, "datasets/presstables/")
    assert {k: h["ETag"] for k, h in second.items()} == {k: h["ETag"] for k, h in first.items()}
    assert {k: h["LastModified"] for k, h in second.items()} == {k: h["LastModified"] for k, h in first.items()}


@pytest.fixture
def writes(monkeypatch):
    """Every object opened for writing on S3, in order: (key, mode)."""
    seen: list[tuple[str, str]] = []
    real = s3fs.S3FileSystem.open

    def recording(self, path, mode="rb", *args, **kwargs):
        if "w" in mode or "x" in mode:
            seen.append((path.split("/", 1)[1], mode))
        return real(self, path, mode, *args, **kwargs)

    monkeypatch.setattr(s3fs.S3FileSystem, "open", recording)
    return seen


def test_s3_manifest_is_written_last_and_an_upload_without_it_is_no_release(seed_package, s3_endpoint, writes,
                                                                              capsys):
    client = s3_endpoint
    folder = f"{PREFIX}/{NAME}-0.1.0"
    for key in ("datapackage.json", "data/junk.csv"):  # an upload killed before its manifest
        client.put_object(Bucket=BUCKET, Key=f"{folder}/{key}", Body=b"{}")
    assert main(["publish", str(seed_package), "--to", TARGET, "--name", NAME, "-q"]) == 0
    # the lock first (exclusive create), then the release, SHA256SUMS last; the lock removed after
    assert writes[0] == (f"{PREFIX}/.presstables.lock", "xb")
    release = [key for key, _ in writes if key.startswith(folder + "/")]
    assert release[-1] == f"{folder}/SHA256SUMS" and len(release) == len(set(release)) > 10
    objects = _objects(client, PREFIX + "/")
    assert f"{PREFIX}/.presstables.lock" not in objects
    assert f"{folder}/data/junk.csv" not in objects  # the incomplete upload was replaced, not mixed in
    sums = client.get_object(Bucket=BUCKET, Key=f"{folder}/SHA256SUMS")["Body"].read().decode()
    assert {f"{folder}/{line.split(None, 1)[1]}" for line in sums.splitlines()} | {f"{folder}/SHA256SUMS"} == set(objects)


def test_s3_interrupted_upload_is_removed_and_the_next_publish_succeeds(seed_package, s3_endpoint, monkeypatch,
                                                                        capsys):
    client = s3_endpoint
    real = s3fs.S3FileSystem.open

    def failing(self, path, mode="rb", *args, **kwargs):
        if "w" in mode and path.endswith("review/index.html"):
            raise OSError(5, "connection reset", path)
        return real(self, path, mode, *args, **kwargs)

    monkeypatch.setattr(s3fs.S3FileSystem, "open", failing)
    assert main(["publish", str(seed_package), "--to", TARGET, "--name", NAME]) == 2
    assert "connection reset" in capsys.readouterr().err
    assert _objects(client, PREFIX + "/") == {}  # no half release, no lock
    monkeypatch.setattr(s3fs.S3FileSystem, "open", real)
    assert main(["publish", str(seed_package), "--to", TARGET, "--name", NAME, "-q"]) == 0
    assert f"{PREFIX}/{NAME}-0.1.0/SHA256SUMS" in _objects(client, PREFIX + "/")


def test_s3_lock_blocks_while_fresh_and_is_taken_over_when_stale(seed_package, s3_endpoint, capsys):
    import json
    import time

    client = s3_endpoint
    key = f"{PREFIX}/.presstables.lock"
    holder = {"owner": "ci-bot", "host": "build-7", "pid": 4242, "epoch": time.time(), "token": "f" * 32}
    client.put_object(Bucket=BUCKET, Key=key, Body=json.dumps(holder).encode())
    assert main(["publish", str(seed_package), "--to", TARGET, "--name", NAME, "--lock-wait", "0.3"]) == 1
    err = capsys.readouterr().err
    assert f"{TARGET} is locked by another publish: ci-bot@build-7 (pid 4242)" in err and "Traceback" not in err
    assert set(_objects(client, PREFIX + "/")) == {key}
    holder["epoch"] -= 3600
    client.put_object(Bucket=BUCKET, Key=key, Body=json.dumps(holder).encode())
    assert main(["publish", str(seed_package), "--to", TARGET, "--name", NAME, "--lock-wait", "0"]) == 0
    assert "taking over the stale lock of ci-bot@build-7" in capsys.readouterr().err
    objects = _objects(client, PREFIX + "/")
    assert key not in objects and f"{PREFIX}/{NAME}-0.1.0/SHA256SUMS" in objects

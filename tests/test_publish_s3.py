"""presstables publish --to s3://bucket/prefix against a real S3 API: a moto server started on a free port.

Needs the ``s3`` extra (s3fs) and ``moto[server]``; both are in the ``test`` extra."""
from __future__ import annotations

import hashlib

import pytest

from pipeline.cli import main

s3fs = pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")

BUCKET = "presstables-releases"
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
    target = f"s3://{BUCKET}/datasets/presstables"
    assert main(["publish", str(seed_package), "--to", target]) == 0
    first = _objects(client, "datasets/presstables/")
    folders = {k.split("/")[2] for k in first}
    assert len(folders) == 1, folders
    folder = folders.pop()
    assert folder.endswith("-0.1.0")
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
    assert main(["publish", str(seed_package), "--to", target]) == 0
    assert "unchanged since" in capsys.readouterr().err
    second = _objects(client, "datasets/presstables/")
    assert {k: h["ETag"] for k, h in second.items()} == {k: h["ETag"] for k, h in first.items()}
    assert {k: h["LastModified"] for k, h in second.items()} == {k: h["LastModified"] for k, h in first.items()}

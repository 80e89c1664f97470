"""Inputs and outputs as fsspec URLs (``build s3://bucket/in --out s3://bucket/pkg``) against a real S3
API (moto): the same package as a local build, stale parts removed, errors that name the URL."""
from __future__ import annotations

import pytest
from conftest import SEED
from test_publish_s3 import BUCKET, s3_endpoint  # noqa: F401 -- the moto fixture

from pipeline.cli import main

pytest.importorskip("s3fs")


def files_of(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def objects(client, prefix: str) -> dict[str, bytes]:
    keys = [o["Key"] for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET, Prefix=prefix)
            for o in page.get("Contents", [])]
    return {k[len(prefix):]: client.get_object(Bucket=BUCKET, Key=k)["Body"].read() for k in keys}


def put_inputs(client) -> None:
    """The seed article (with its sidecar) under in/, and a hidden file that is no input."""
    for f in SEED.parent.iterdir():
        if f.is_file():
            client.put_object(Bucket=BUCKET, Key=f"in/{f.name}", Body=f.read_bytes())
    client.put_object(Bucket=BUCKET, Key="in/.hidden.txt", Body=b"not an article")


def test_build_from_s3_to_s3_is_the_local_build(s3_endpoint, tmp_path):  # noqa: F811
    client = s3_endpoint
    put_inputs(client)
    assert main(["build", f"s3://{BUCKET}/in", "--out", f"s3://{BUCKET}/pkg", "-q"]) == 0
    assert main(["build", str(SEED.parent), "--out", str(tmp_path / "local"), "-q"]) == 0
    assert objects(client, "pkg/") == files_of(tmp_path / "local")


def test_a_remote_package_loses_the_parts_a_rebuild_does_not_have(s3_endpoint, tmp_path):  # noqa: F811
    client = s3_endpoint
    put_inputs(client)
    url = f"s3://{BUCKET}/pkg"
    assert main(["build", f"s3://{BUCKET}/in/", "--out", url, "-q", "--part-rows", "5"]) == 0
    assert any(k.startswith("data/mentions/part-") for k in objects(client, "pkg/"))
    assert main(["build", f"s3://{BUCKET}/in/", "--out", url, "-q"]) == 0
    assert main(["build", str(SEED.parent), "--out", str(tmp_path / "local"), "-q"]) == 0
    assert objects(client, "pkg/") == files_of(tmp_path / "local")


def test_a_missing_remote_input_names_the_url(s3_endpoint, capsys):  # noqa: F811
    assert main(["build", f"s3://{BUCKET}/nothing-here", "--out", f"s3://{BUCKET}/pkg"]) == 2
    assert f"s3://{BUCKET}/nothing-here: no such file or folder" in capsys.readouterr().err

"""Where a resource's rows live: one file (``"path": "data/quotes.csv"``) or, for a big table, parts
(Data Package v2 multi-file resources, ``"path": ["data/quotes-csv/part-00000.csv", ...]``).

A multi-file CSV resource is its parts joined in order, each part repeating the header line (as
frictionless reads them: the header of every part after the first is skipped), so its ``bytes`` and
``hash`` are those of the one CSV file it stands for. Parquet parts are whole Parquet files, read
together as one dataset (``pyarrow.dataset``, DuckDB ``read_parquet([...])``, polars ``scan_parquet``).
"""
from __future__ import annotations

import re
from typing import Callable

PART_PREFIX = "part-"
PART = PART_PREFIX + "{:05d}"


def paths(resource: dict) -> list[str]:
    """The relative paths of a resource's files, in order."""
    path = resource.get("path")
    return list(path) if isinstance(path, list) else [path]


def csv_part_path(table: str, n: int) -> str:
    return f"data/{table}-csv/{PART.format(n)}.csv"


def parquet_part_path(table: str, n: int) -> str:
    return f"data/{table}/{PART.format(n)}.parquet"


def file_paths(table: str, fmt: str, parts: int) -> str | list[str]:
    """A table's path in the descriptor: one file, or the list of its ``parts`` (two or more)."""
    if parts <= 1:
        return f"data/{table}.{fmt}"
    name = csv_part_path if fmt == "csv" else parquet_part_path
    return [name(table, n) for n in range(parts)]


def table_file_patterns(table: str) -> tuple[str, ...]:
    """Glob patterns of every file a table may have in a package folder: one file or parts."""
    return (file_paths(table, "csv", 1), file_paths(table, "parquet", 1),
            f"data/{table}/{PART_PREFIX}*.parquet", f"data/{table}-csv/{PART_PREFIX}*.csv")


def part_glob(resource: dict) -> str:
    """A glob over the parts of a multi-file resource (``data/quotes/part-*.parquet``)."""
    return f"{paths(resource)[0].rsplit('/', 1)[0]}/{PART_PREFIX}*.{resource['format']}"


def table_of(resource: dict) -> str:
    """The table a resource holds, from its file name (``data/quotes.parquet`` -> ``quotes``) or its
    parts' folder (``data/quotes-csv/part-00000.csv`` -> ``quotes``)."""
    first = str(paths(resource)[0])
    m = re.fullmatch(r"(?:.*/)?([^/]+?)(?:-csv)?/part-\d+\.\w+", first)
    return m.group(1) if m else first.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def joined_csv(resource: dict, read: Callable[[str], bytes]) -> bytes:
    """The CSV a resource stands for: its parts (bytes by ``read(path)``) joined, the header once."""
    out = []
    for i, path in enumerate(paths(resource)):
        data = read(path)
        out.append(data if i == 0 else data.partition(b"\n")[2])
    return b"".join(out)

"""The Table Schemas in ``schemas/`` are the single source of truth; everything else derives from them.

- ``table_schema(name)``: the Table Schema (dict) of a table;
- ``arrow_schema(name)``: the Arrow schema derived from it (types, nullability, descriptions);
- ``to_csv_cell`` / ``to_arrow_value``: how one value is written in each format.
"""
from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

# schemas/ at the top of a source checkout; inside the package (pipeline/_schemas) when installed
_CHECKOUT = Path(__file__).resolve().parent.parent / "schemas"
SCHEMA_DIR = _CHECKOUT if _CHECKOUT.is_dir() else Path(__file__).resolve().parent / "_schemas"
TABLES = ("articles", "entities", "mentions", "quotes", "figures")

_ARROW_TYPES = {
    "string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
    "boolean": pa.bool_(), "date": pa.date32(), "datetime": pa.timestamp("s", tz="UTC"),
}


@lru_cache(maxsize=None)
def _load(name: str) -> str:
    path = SCHEMA_DIR / f"{name}.json"
    if not path.exists():
        raise KeyError(f"no Table Schema for table {name!r} at {path}")
    return path.read_text(encoding="utf-8")


def table_schema(name: str) -> dict:
    """A fresh copy of the Table Schema of ``name``."""
    return json.loads(_load(name))


def _arrow_type(field: dict) -> pa.DataType:
    if field["type"] == "array":
        item = field.get("arrayItem", {}).get("type", "string")
        return pa.list_(_ARROW_TYPES[item])
    return _ARROW_TYPES[field["type"]]


def arrow_schema(name: str) -> pa.Schema:
    """Arrow schema of ``name``: one field per Table Schema field, descriptions in field metadata,
    the Table Schema itself in the schema metadata (key ``table_schema``)."""
    ts = table_schema(name)
    fields = [
        pa.field(f["name"], _arrow_type(f),
                 nullable=not f.get("constraints", {}).get("required", False),
                 metadata={"description": f.get("description", "")})
        for f in ts["fields"]
    ]
    meta = {"table_schema": json.dumps(ts, ensure_ascii=False, sort_keys=True)}
    return pa.schema(fields, metadata=meta)


def to_arrow_value(field_type: str, value):
    if value is None:
        return None
    if field_type == "array" and not isinstance(value, (list, tuple)):
        raise TypeError(f"expected a list, got {type(value).__name__} {value!r}")
    if field_type == "date":
        return dt.date.fromisoformat(value)
    if field_type == "number":
        return float(value)
    return value


def to_csv_cell(field_type: str, value) -> str:
    """One CSV cell: null is empty, arrays are JSON, numbers in shortest round-trip form."""
    if value is None:
        return ""
    if field_type == "array":
        return json.dumps(list(value), ensure_ascii=False)
    if field_type == "number":
        return repr(float(value))
    if field_type == "boolean":
        return "true" if value else "false"
    return str(value)

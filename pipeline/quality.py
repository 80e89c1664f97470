"""Data quality with Great Expectations 1.x: one suite per table, derived from the Table Schema
(required, unique, enum, pattern, ranges, lengths, columns) plus the extra rules declared in
``schemas/expectations/<table>.json``. Importing this module imports Great Expectations (slow):
only validation does.

Suites run on the Parquet copies (the CSV copies are checked by frictionless), with failing
rows reported by primary key. An expectation whose ``meta.severity`` is ``warning`` (a quality
target such as "most quotes have a speaker entity") is reported but does not fail the package.
"""
from __future__ import annotations

import json
import logging
import math
from functools import lru_cache
from pathlib import Path

from .deferred import defer

# Imported by Great Expectations for expectations these suites never use (distribution tests,
# charts): 1.2-1.9 s of CPU per import, now spent only if one of them is ever read.
DEFERRED = ("scipy.stats", "altair")
defer(*DEFERRED)

import great_expectations as gx  # noqa: E402 -- after defer()
import pyarrow.parquet as pq  # noqa: E402
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402
from great_expectations.expectations.expectation_configuration import ExpectationConfiguration  # noqa: E402

from .crosscheck import parquet_files  # noqa: E402
from .problems import Problem  # noqa: E402
from .schemas import SCHEMA_DIR, table_schema  # noqa: E402

EXPECTATIONS_DIR = SCHEMA_DIR / "expectations"
SPAN_FIELDS = {"start", "end", "text"}
MAX_KEYS = 20  # failing keys listed per expectation


@lru_cache(maxsize=None)
def iso_4217() -> tuple[str, ...]:
    from babel.numbers import list_currencies

    return tuple(sorted(list_currencies()))


def declared(table: str) -> dict:
    path = EXPECTATIONS_DIR / f"{table}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"expectations": []}


def _conf(type_: str, meta: dict | None = None, **kwargs) -> dict:
    return {"type": type_, "kwargs": kwargs, "meta": meta or {}}


def derived_expectations(table: str) -> list[dict]:
    """Expectations that restate the Table Schema's constraints (written once, in the schema)."""
    ts = table_schema(table)
    src = {"source": f"schemas/{table}.json"}
    names = [f["name"] for f in ts["fields"]]
    derived = ["span_length", "text_length"] if SPAN_FIELDS <= set(names) else []
    out = [_conf("expect_table_columns_to_match_ordered_list", src, column_list=names + derived)]
    for f in ts["fields"]:
        c, col = f.get("constraints", {}), f["name"]
        if c.get("required"):
            out.append(_conf("expect_column_values_to_not_be_null", src, column=col))
        if c.get("unique") or ts.get("primaryKey") == [col]:
            out.append(_conf("expect_column_values_to_be_unique", src, column=col))
        if "enum" in c:
            out.append(_conf("expect_column_values_to_be_in_set", src, column=col, value_set=c["enum"]))
        if "pattern" in c:
            out.append(_conf("expect_column_values_to_match_regex", src, column=col, regex=f"^(?:{c['pattern']})$"))
        if "minimum" in c or "maximum" in c:
            out.append(_conf("expect_column_values_to_be_between", src, column=col,
                             min_value=c.get("minimum"), max_value=c.get("maximum")))
        if "minLength" in c or "maxLength" in c:
            out.append(_conf("expect_column_value_lengths_to_be_between", src, column=col,
                             min_value=c.get("minLength"), max_value=c.get("maxLength")))
    return out


def suite_configs(table: str, n_articles: int, n_chars: int = 0) -> list[dict]:
    """Every expectation of a table's suite, as GE configuration dicts; ``n_chars`` is the length of
    all article texts together (a long article may hold as many rows as many short ones)."""
    spec = declared(table)
    out = derived_expectations(table)
    bounds = spec.get("rows_per_article")
    if bounds:
        out.append(_row_count(bounds, spec.get("rows_per_1000_characters") or {}, n_articles, n_chars))
    for e in spec["expectations"]:
        kwargs = dict(e["kwargs"])
        if kwargs.get("value_set") == "$ISO_4217":
            kwargs["value_set"] = list(iso_4217())
        out.append({"type": e["type"], "kwargs": kwargs, "meta": e.get("meta", {})})
    return out


def _row_count(per_article: dict, per_kchar: dict, n_articles: int, n_chars: int) -> dict:
    """The table's row count: at least ``min`` per article, at most ``max`` per article or ``max`` per
    1,000 characters of text, whichever allows more."""
    high = None if per_article.get("max") is None else per_article["max"] * n_articles
    if high is not None and per_kchar.get("max") is not None:
        high = max(high, math.ceil(per_kchar["max"] * n_chars / 1000))
    notes = f"{per_article.get('min', 0)}..{per_article.get('max')} rows per article"
    if per_kchar.get("max") is not None:
        notes += f" (or up to {per_kchar['max']} per 1,000 characters of text)"
    return _conf("expect_table_row_count_to_be_between", {"notes": notes},
                 min_value=per_article.get("min", 0) * n_articles, max_value=high)


def text_length(parts: list[Path]) -> int:
    """The characters of every article text of the articles Parquet file(s), read a row group at a time."""
    import pyarrow.compute as pc

    return sum(pc.sum(pc.utf8_length(b.column("text"))).as_py() or 0
               for path in parts for b in pq.ParquetFile(path).iter_batches(columns=["text"]))


def frame(parts: list[Path], columns: list[str] | None = None):
    """The Parquet table (its parts in order; only ``columns`` when given) as pandas, with derived span
    columns where the table has spans."""
    import pyarrow as pa

    df = pa.concat_tables([pq.read_table(path, columns=columns) for path in parts]).to_pandas()
    if SPAN_FIELDS <= set(df.columns):
        df["span_length"] = df["end"] - df["start"]
        df["text_length"] = df["text"].str.len()
    return df


def _context():
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    ctx = gx.get_context(mode="ephemeral")
    ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return ctx


def _condition(cond) -> str:
    if not isinstance(cond, dict):
        return str(cond)
    return f"{cond.get('column', {}).get('name')} {cond.get('operator')} {cond.get('parameter')!r}"


def _describe(type_: str, kwargs: dict) -> str:
    kw = {k: v for k, v in kwargs.items() if k not in ("value_set", "column_list", "batch_id", "row_condition")}
    where = f" where {_condition(kwargs['row_condition'])}" if kwargs.get("row_condition") else ""
    return type_ + "(" + ", ".join(f"{k}={v!r}" for k, v in kw.items()) + ")" + where


# expectations about the whole table: run over all of its parts at once (on the columns they need)
WHOLE_TABLE = {"expect_table_row_count_to_be_between", "expect_compound_columns_to_be_unique",
               "expect_column_values_to_be_unique"}


def check_quality(descriptor: dict, base: Path) -> list[Problem]:
    """Run each table's suite on its Parquet copy; return failed expectations as problems. A table
    written in parts is checked a part at a time, and its whole-table expectations (row count,
    uniqueness) over all parts read with only the columns they need: memory holds one part."""
    ctx = _context()
    source = ctx.data_sources.add_pandas("presstables")
    files = parquet_files(descriptor, base)
    articles = files.get("articles", [])
    n_articles = sum(pq.ParquetFile(path).metadata.num_rows for path in articles)
    n_chars = text_length(articles)
    problems: list[Problem] = []
    for table, parts in files.items():  # one table (or part) in memory at a time
        configs = suite_configs(table, n_articles, n_chars)
        if len(parts) == 1:
            problems += run_suite(ctx, source, table, table, configs, frame(parts))
            continue
        rows = [c for c in configs if c["type"] not in WHOLE_TABLE]
        for i, part in enumerate(parts):
            problems += run_suite(ctx, source, f"{table}-part-{i:05d}", table, rows, frame([part]))
        whole = [c for c in configs if c["type"] in WHOLE_TABLE]
        problems += run_suite(ctx, source, f"{table}-whole", table, whole, frame(parts, columns_of(table, whole)))
    return problems


def columns_of(table: str, configs: list[dict]) -> list[str]:
    """The columns ``configs`` read, with the primary key (failing rows are named by it)."""
    cols = list(table_schema(table)["primaryKey"])
    for conf in configs:
        for col in [conf["kwargs"].get("column"), *conf["kwargs"].get("column_list", [])]:
            if col and col not in cols:
                cols.append(col)
    return cols


def run_suite(ctx, source, name: str, table: str, configs: list[dict], df) -> list[Problem]:
    """The failed expectations of ``configs`` on the frame ``df`` of ``table``, as problems. The suite
    first runs asking only pass or fail (the cheap result format); only when something fails does it
    run again with every failing row's key, to name them."""
    pk = table_schema(table)["primaryKey"]
    suite = gx.ExpectationSuite(name=name)
    for conf in configs:
        suite.add_expectation(ExpectationConfiguration(**conf).to_domain_obj())
    asset = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
    batch = asset.get_batch(batch_parameters={"dataframe": df})
    if batch.validate(suite, result_format="BOOLEAN_ONLY").success:
        return []
    result = batch.validate(suite, result_format={"result_format": "COMPLETE", "unexpected_index_column_names": pk})
    return [p for r in result.results if not r.success for p in failure(r, table, pk[0])]


def failure(r, table: str, pk: str) -> list[Problem]:
    """The problems of one failed expectation: one per failing row named (``MAX_KEYS`` at most), or
    one for the table."""
    conf = r.expectation_config
    meta = conf.meta or {}
    res = r.result or {}
    column = conf.kwargs.get("column") or conf.kwargs.get("column_A")
    failing = (res.get("unexpected_index_list") or [])[:MAX_KEYS]
    detail = meta.get("notes") or ""
    if r.exception_info and r.exception_info.get("raised_exception"):
        detail = f"could not run: {r.exception_info.get('exception_message')}"
    count = res.get("unexpected_count")
    summary = f"{_describe(conf.type, conf.kwargs)} failed" + (
        f" on {count} row(s)" if count is not None else (f" (observed {res.get('observed_value')!r})"
                                                         if "observed_value" in res else ""))
    severity = meta.get("severity", "error")
    check = f"gx:{conf.type}" + (":warning" if severity == "warning" else "")
    message = f"{summary}; {detail}".rstrip("; ")
    problems = [Problem(check, table, message + (f" (value {row[column]!r})" if column in row else ""),
                        str(row.get(pk)), column, severity) for row in failing]
    return problems or [Problem(check, table, message, None, column, severity)]

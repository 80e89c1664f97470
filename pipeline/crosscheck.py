"""Cross-table checks over the Parquet copies with DuckDB: foreign keys (anti-joins), provenance of
spans (``articles.text[start:end] == text``), links that stay in their article, a figure inside the
quote it was said in, ``mention_count`` and ``sha256``. DuckDB reads the files itself (column by
column, spilling to a temporary folder past ``MEMORY_LIMIT``), so no table is held in Python; only
the failing rows come back, at most ``MAX_ROW_PROBLEMS`` per rule and table (the rest are counted).

The Parquet copies are checked here because ``validate``'s ``parquet`` check proves that each holds
exactly the rows of its CSV twin; ``frictionless`` checks the CSV copies' types and constraints.
Each problem names the table, the row's primary key and the field, like every other check.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .problems import Problem
from .resources import paths, table_of
from .schemas import TABLES, table_schema

MAX_ROW_PROBLEMS = 50
MEMORY_LIMIT = "512MB"  # DuckDB spills to its temporary folder beyond this
SPAN_TABLES = ("mentions", "quotes", "figures")


@dataclass(frozen=True, slots=True)
class Rule:
    """One cross-table rule: a query whose rows are failures, each row starting with the primary
    key of the failing row; ``say(row)`` words the problem."""

    check: str
    table: str
    field: str
    sql: str
    say: Callable[[tuple], str]


def q(name: str) -> str:
    """A quoted SQL identifier (``end`` is a keyword)."""
    return '"' + name.replace('"', '""') + '"'


def pk(table: str) -> str:
    return table_schema(table)["primaryKey"][0]


def foreign_key_rules(tables: set[str]) -> list[Rule]:
    """An anti-join per foreign key of ``schemas/``: non-null values with no row in the referenced table."""
    rules = []
    for table in TABLES:
        for fk in table_schema(table).get("foreignKeys", []):
            target = fk["reference"].get("resource") or table
            if table not in tables or target not in tables:
                continue  # a missing table is the contract check's finding
            col, ref = fk["fields"][0], fk["reference"]["fields"][0]
            sql = (f"SELECT c.{q(pk(table))}, c.{q(col)} FROM {q(table)} c ANTI JOIN {q(target)} r "
                   f"ON r.{q(ref)} = c.{q(col)} WHERE c.{q(col)} IS NOT NULL")
            rules.append(Rule("keys:foreign-key", table, col, sql,
                              lambda row, col=col, ref=ref, target=target:
                              f"{col} {row[1]!r} is not the {ref} of any row of {target}"))
    return rules


def span_rules(tables: set[str]) -> list[Rule]:
    """Every span's text equals its article's text at [start, end) (code points, as Python slices)."""
    rules = []
    for table in SPAN_TABLES:
        if table not in tables or "articles" not in tables:
            continue
        inside = 's."start" >= 0 AND s."start" < s."end" AND s."end" <= length(a."text")'
        sql = (f"SELECT * FROM (SELECT s.{q(pk(table))}, s.\"text\", s.\"start\", s.\"end\", "
               f"CASE WHEN {inside} THEN substring(a.\"text\", s.\"start\" + 1, s.\"end\" - s.\"start\") END AS got "
               f"FROM {q(table)} s JOIN articles a ON a.article_id = s.article_id "
               f"WHERE s.\"start\" IS NOT NULL AND s.\"end\" IS NOT NULL) WHERE got IS DISTINCT FROM \"text\"")
        rules.append(Rule("provenance:span", table, "text", sql, lambda row: (
            f"text {row[1]!r} != article text[{row[2]}:{row[3]}] "
            f"{'(out of range)' if row[4] is None else repr(row[4])}")))
    return rules


LINKS = (("mentions", "entity_id", "entities"), ("quotes", "speaker_entity_id", "entities"),
         ("figures", "entity_id", "entities"), ("figures", "quote_id", "quotes"))


def link_rules(tables: set[str]) -> list[Rule]:
    """Links stay in their article; a figure lies inside the quote it was said in."""
    rules = []
    for table, col, target in LINKS:
        if table not in tables or target not in tables:
            continue
        join = f"FROM {q(table)} c JOIN {q(target)} o ON o.{q(pk(target))} = c.{q(col)}"
        rules.append(Rule("provenance:same-article", table, col,
                          f"SELECT c.{q(pk(table))}, c.{q(col)}, o.article_id, c.article_id {join} "
                          "WHERE o.article_id IS DISTINCT FROM c.article_id",
                          lambda row, col=col: f"{col} {row[1]} belongs to article {row[2]}, not {row[3]}"))
    if {"figures", "quotes"} <= tables:
        rules.append(Rule("provenance:figure-in-quote", "figures", "quote_id",
                          'SELECT f.figure_id, f.quote_id, f."start", f."end", o."start", o."end" FROM figures f '
                          "JOIN quotes o ON o.quote_id = f.quote_id WHERE o.article_id = f.article_id "
                          'AND NOT (o."start" <= f."start" AND f."end" <= o."end")',
                          lambda row: f"figure at [{row[2]}:{row[3]}] lies outside quote {row[1]} "
                                      f"at [{row[4]}:{row[5]}]"))
    return rules


def count_rules(tables: set[str]) -> list[Rule]:
    """``mention_count`` counts the entity's mentions; ``sha256`` is the hash of the article's text."""
    rules = []
    if {"entities", "mentions"} <= tables:
        rules.append(Rule("provenance:mention-count", "entities", "mention_count",
                          "SELECT e.entity_id, e.mention_count, coalesce(m.n, 0) FROM entities e LEFT JOIN "
                          "(SELECT entity_id, count(*) AS n FROM mentions GROUP BY entity_id) m "
                          "ON m.entity_id = e.entity_id WHERE e.mention_count IS DISTINCT FROM coalesce(m.n, 0)",
                          lambda row: f"mention_count is {row[1]} but mentions holds {row[2]} row(s)"))
    if "articles" in tables:
        rules.append(Rule("provenance:sha256", "articles", "sha256",
                          'SELECT a.article_id FROM articles a WHERE a."text" IS NOT NULL '
                          'AND sha256(a."text") IS DISTINCT FROM a."sha256"',
                          lambda row: "sha256 is not the hash of text"))
    return rules


def connect(files: dict[str, list[Path]], tmp: str):
    """An in-memory DuckDB with a view per table over its Parquet file(s)."""
    import duckdb

    con = duckdb.connect(":memory:", config={"memory_limit": MEMORY_LIMIT, "temp_directory": tmp})
    for table, parts in files.items():
        literals = ", ".join("'" + str(path).replace("'", "''") + "'" for path in parts)
        con.execute(f"CREATE VIEW {q(table)} AS SELECT * FROM read_parquet([{literals}])")
    return con


def run_rules(files: dict[str, list[Path]], rules: list[Rule]):
    """The problems the rules find in the Parquet files (``files``: table -> its files)."""
    import duckdb


    problems = []
    with tempfile.TemporaryDirectory(prefix="presstables-duckdb-") as tmp:
        con = connect(files, tmp)
        try:
            for rule in rules:
                try:
                    problems += rule_problems(con, rule)
                except duckdb.Error as e:
                    problems.append(Problem(rule.check, rule.table, f"could not run the check: {e}"))
        finally:
            con.close()
    return problems


def rule_problems(con, rule: Rule) -> list:

    sql = f"SELECT *, count(*) OVER () FROM ({rule.sql}) ORDER BY 1 LIMIT {MAX_ROW_PROBLEMS}"
    rows = con.execute(sql).fetchall()
    problems = [Problem(rule.check, rule.table, rule.say(row[:-1]), str(row[0]), rule.field) for row in rows]
    if rows and rows[0][-1] > len(rows):
        problems.append(Problem(rule.check, rule.table, f"... and {rows[0][-1] - len(rows)} more row(s)"))
    return problems


def parquet_files(descriptor: dict, base: Path) -> dict[str, list[Path]]:
    """The contract tables' Parquet files (one, or its parts) by table, for the tables whose files exist."""
    found = {table_of(r): [base / p for p in paths(r)] for r in descriptor["resources"] if r.get("format") == "parquet"}
    return {t: ps for t, ps in found.items() if t in TABLES and all(p.is_file() for p in ps)}


def check_keys(descriptor: dict, base: Path) -> list:
    """Foreign keys of every table, as anti-joins over the Parquet copies."""
    files = parquet_files(descriptor, base)
    return run_rules(files, foreign_key_rules(set(files)))


def check_provenance(descriptor: dict, base: Path) -> list:
    """Spans, links, figure-in-quote, mention counts and text hashes over the Parquet copies."""
    files = parquet_files(descriptor, base)
    tables = set(files)
    return run_rules(files, span_rules(tables) + link_rules(tables) + count_rules(tables))

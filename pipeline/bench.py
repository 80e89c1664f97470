"""Benchmark: the whole build of a corpus next to a bare spaCy ``nlp.pipe`` over the same texts,
and every other row of the scale table (issue 13), measured in one run on one machine.

    python -m pipeline.bench CORPUS.jsonl [CORPUS.jsonl ...] --out DIR [--added 10] [--memory] [--jobs] [--long]

The corpora are joined into one. Every build and extract runs as its own process, as a user runs it
(start-up, model load and the quality worker included), with this package's bytecode compiled first
(``compiled``), as an installed tool's is: a Python run with PYTHONDONTWRITEBYTECODE would otherwise
compile every module of ours again in each process. CPU time counts that process and the ones it
waited for, and moves less than wall time when other programs load the machine. Rows:
- build / parse: a cold build (empty result cache, default jobs) against a one-process bare
  ``nlp.pipe`` of the same texts with the same model as spaCy loads it, freshly loaded as a build's is,
  after a short warm-up parse (the build's own parse, whose rule components ``fastrules`` speeds up with
  the same output, is printed too): how much the pipeline adds to the parse; the ``--jobs 1`` build is
  compared with a second bare parse run just before it, as this machine's speed drifts over a bench;
- rebuild: the corpus again with the result cache the first build filled (nothing to parse: the
  floor every rebuild pays for start-up, packaging and validation), then the corpus plus ``--added``
  copies of its first articles under new ids, against the first build (0 leaves the row out);
- ``--jobs``: ``extract --no-cache`` of the corpus with ``--jobs 2`` against ``--jobs 1`` (wall time,
  model load included);
- ``--memory``: peak resident memory of a cold build (child process, ``--no-cache``) of the corpus
  and of the corpus 4 times over (copies under new ids), and their ratio;
- ``--long``: one 200,000-character article (the corpus' paragraphs joined) extracted, against its
  bare parse; and one 2,000,000-character article built (wall time, peak memory, valid or not).
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .cli import main as cli_main
from .extract import load_model, model_name
from .ingest import ingest
from .io import write_bytes


def grown_corpus(corpus: Path, added: int, dest: Path) -> Path:
    """``corpus`` (JSONL) with copies of its first ``added`` articles under new ids, written to ``dest``."""
    lines = [line for line in corpus.read_text(encoding="utf-8").split("\n") if line.strip()]
    copies = [json.dumps({**record, "id": f"bench-added-{i}-{record['id']}"}, ensure_ascii=False)
              for i, record in enumerate(map(json.loads, lines[:added]))]
    return write_bytes(dest, "".join(line + "\n" for line in lines + copies).encode("utf-8"))


def repeated_corpus(corpus: Path, times: int, dest: Path) -> Path:
    """``corpus`` (JSONL) ``times`` over: the first copy as it is, the others under new ids."""
    lines = [line for line in corpus.read_text(encoding="utf-8").split("\n") if line.strip()]
    copies = [line if k == 0 else json.dumps({**json.loads(line), "id": f"bench-copy-{k}-{json.loads(line)['id']}"},
                                             ensure_ascii=False)
              for k in range(times) for line in lines]
    return write_bytes(dest, "".join(line + "\n" for line in copies).encode("utf-8"))


@dataclass(frozen=True)
class Run:
    """One ``python -m pipeline ...`` command run as its own process, as a user runs it."""

    rc: int
    wall: float   # seconds
    cpu: float    # user + system seconds of the process and of the processes it waited for (workers, quality worker)
    peak: int     # peak resident memory in bytes, the largest of its processes (as ``time -v`` says)


def compiled() -> bool:
    """Compile this package's modules to bytecode (``__pycache__``, ignored by git), as installing it does."""
    return compileall.compile_dir(str(Path(__file__).resolve().parent), quiet=1)


def run_cli(args: list[str], model: str | None) -> Run:
    """Run the command line with ``args`` in a child process and measure it."""
    argv = [sys.executable, "-m", "pipeline", *args] + (["--model", model] if model else [])
    paths = [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in paths if p))
    t0 = time.perf_counter()
    child = subprocess.Popen(argv, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    return Run(os.waitstatus_to_exitcode(status), time.perf_counter() - t0, usage.ru_utime + usage.ru_stime,
               usage.ru_maxrss * 1024)


def peak_build(inputs: str, out: str, model: str | None) -> tuple[int, int]:
    """The exit code and peak resident memory of a cold build of ``inputs``."""
    run = run_cli(["build", inputs, "--out", out, "--quiet", "--no-cache"], model)
    return run.rc, run.peak


def memory_rows(corpus: Path, work: Path, model: str | None) -> int:
    """Print the peak memory of a cold build of the corpus and of the corpus 4 times over."""
    peaks = []
    for times in (1, 4):
        inputs = corpus if times == 1 else repeated_corpus(corpus, times, work / f"corpus-x{times}.jsonl")
        rc, peak = peak_build(str(inputs), str(work / f"memory-x{times}"), model)
        if rc:
            return rc
        peaks.append(peak)
        row(f"peak memory, {times}x corpus", peak / 1e9, " GB  (cold build, --no-cache, child process)")
    row("ratio memory 4x / 1x", peaks[1] / peaks[0], "  (target <= 1.15)")
    return 0


def timed_build(inputs: str, out: str, cache: Path, model: str | None, *extra: str) -> Run:
    return run_cli(["build", inputs, "--out", out, "--quiet", "--cache", str(cache), *extra], model)


def row(label: str, value: float, note: str = "") -> None:
    print(f"bench: {label:<25}{value:7.2f}{note}", flush=True)


def joined_corpus(corpora: list[str], dest: Path) -> Path:
    """The JSONL corpora as one file (the first one as it is when there is one)."""
    if len(corpora) == 1:
        return Path(corpora[0])
    return write_bytes(dest, b"".join(Path(c).read_bytes().rstrip(b"\n") + b"\n" for c in corpora))


def long_article(texts: list[str], chars: int, dest: Path) -> tuple[Path, str]:
    """One article of at least ``chars`` characters, the texts' paragraphs joined (repeated if need be)."""
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    out, n, i = [], 0, 0
    while n < chars:
        out.append(paragraphs[i % len(paragraphs)])
        n += len(out[-1]) + 2
        i += 1
    text = "\n\n".join(out)
    record = {"id": f"bench-long-{chars}", "text": text}
    write_bytes(dest.with_suffix(".articles.jsonl"),  # as ``extract`` reads it (ingest's output)
                (json.dumps({"article_id": record["id"], "text": text}, ensure_ascii=False) + "\n").encode("utf-8"))
    return write_bytes(dest, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")), text


def jobs_rows(corpus: Path, work: Path, model: str | None) -> int:
    """``extract`` of the (ingested) corpus without cache, one process against two."""
    articles = work / "articles.jsonl"
    rc = cli_main(["ingest", str(corpus), "--out", str(articles), "--quiet"])
    seconds = []
    for jobs in (1, 2) if rc == 0 else ():
        run = run_cli(["extract", str(articles), "--out", str(work / f"jobs{jobs}.jsonl"), "--quiet", "--no-cache",
                       "--jobs", str(jobs)], model)
        rc = run.rc
        if rc:
            return rc
        seconds.append(run.wall)
        row(f"extract, --jobs {jobs}", run.wall, " s  (--no-cache, model load included)")
    if rc == 0:
        row("speed-up --jobs 2 / 1", seconds[0] / seconds[1], "x  (target >= 1.6)")
    return rc


def long_rows(texts: list[str], work: Path, model: str | None, nlp) -> int:
    """A 200 k-character article extracted against its bare parse; a 2 M-character article built."""
    path, text = long_article(texts, 200_000, work / "long-200k.jsonl")
    t0 = time.perf_counter()
    list(nlp.pipe([text]))
    parse_s = time.perf_counter() - t0
    run = run_cli(["extract", str(path.with_suffix(".articles.jsonl")), "--out", str(work / "long-200k.json"),
                   "--quiet", "--no-cache", "--jobs", "1"], model)
    rc, took = run.rc, run.wall
    if rc:
        return rc
    row("200k article, bare parse", parse_s, f" s  ({len(text)} characters)")
    row("200k article, extract", took, " s  (model load included)")
    row("ratio extract / parse", took / parse_s, "  (target <= 2)")
    path, text = long_article(texts, 2_000_000, work / "long-2m.jsonl")
    t0 = time.perf_counter()
    rc, peak = peak_build(str(path), str(work / "long-2m"), model)
    took = time.perf_counter() - t0
    row("2M article, build", took, f" s  ({len(text)} characters; {'valid' if rc == 0 else f'FAILED, exit {rc}'})")
    row("2M article, peak memory", peak / 1e9, " GB")
    return rc


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="+", help="JSONL corpora (joined into one)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--model")
    ap.add_argument("--added", type=int, default=10, metavar="N",
                    help="articles added for the rebuild row (default 10; 0 leaves it out; JSONL corpora only)")
    ap.add_argument("--memory", action="store_true",
                    help="also the peak memory of cold builds of the corpus and of 4 copies of it (JSONL corpora only)")
    ap.add_argument("--jobs", action="store_true", help="also extract with --jobs 1 and --jobs 2")
    ap.add_argument("--long", action="store_true", help="also a 200k-character article and a 2M-character one")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="presstables-bench-") as work:
        args.corpus = str(joined_corpus(args.corpus, Path(work) / "corpus.jsonl"))
        return run(args)


def timed_parse(load, texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``nlp.pipe`` over ``texts`` (the batch size the build uses) by a model
    ``load()`` gives afresh: a model that has parsed the texts before knows their words (its vocabulary
    has grown), and parses them again ~15 % faster than a build, whose model is new, can."""
    nlp = load()
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def run(args) -> int:
    import spacy

    compiled()
    texts = [a["text"] for a in ingest([args.corpus])]
    stock = lambda: spacy.load(model_name(args.model))  # noqa: E731
    list(stock().pipe(texts[:16]))  # the first parse of a process pays for warming up: not counted below
    parse, parse_cpu = timed_parse(stock, texts)
    tuned, tuned_cpu = timed_parse(lambda: load_model(args.model), texts)

    with tempfile.TemporaryDirectory(prefix="presstables-bench-") as work:
        cache = Path(work) / "cache"
        first = timed_build(args.corpus, args.out, cache, args.model)
        rc, build, rebuild, unchanged = first.rc, first.wall, None, None
        if rc == 0:  # the same corpus again: nothing to parse, what every rebuild pays whatever it adds
            again = timed_build(args.corpus, str(Path(work) / "unchanged"), cache, args.model)
            rc, unchanged = again.rc, again
        if rc == 0 and args.added > 0 and args.corpus.endswith(".jsonl"):
            grown = grown_corpus(Path(args.corpus), args.added, Path(work) / "grown.jsonl")
            again = timed_build(str(grown), str(Path(work) / "grown"), cache, args.model)
            rc, rebuild = again.rc, again
    chars = sum(map(len, texts))
    print(f"bench: {len(texts)} articles, {chars} characters, model {model_name(args.model)}")
    row("bare spaCy nlp.pipe", parse, f" s  (CPU {parse_cpu:.2f} s; stock model, loaded before)")
    row("  with our rule speed-ups", tuned, f" s  (CPU {tuned_cpu:.2f} s; the parse the build runs, same output)")
    row("presstables build", build, " s  (ingest + parse + extract + package + validate)")
    row("ratio build / parse", build / parse, "  (target <= 1.15)")
    if rc == 0 and args.jobs:
        parse, parse_cpu = timed_parse(stock, texts)  # again, next to the build it is compared with
        row("bare parse, again", parse, f" s  (CPU {parse_cpu:.2f} s; just before the next build)")
        with tempfile.TemporaryDirectory(prefix="presstables-bench-") as work:
            one = timed_build(args.corpus, str(Path(work) / "one"), Path(work) / "cache", args.model, "--jobs", "1")
        rc = one.rc
        row("build, --jobs 1", one.wall, f" s  (one process, cold cache; CPU {one.cpu:.2f} s with the quality worker)")
        row("ratio build --jobs 1 / parse", one.wall / parse, "  (both one process)")
        row("  the same in CPU time", one.cpu / parse_cpu, "  (start, model load, packaging and validation included)")
    if unchanged is not None:
        row("rebuild, nothing new", unchanged.wall, f" s  (every article cached: start, packaging, validation; "
                                                    f"CPU {unchanged.cpu:.2f} s with the quality worker)")
    if rebuild is not None:
        row(f"rebuild, {args.added} added", rebuild.wall, f" s  (with the result cache the build above filled; "
                                                          f"CPU {rebuild.cpu:.2f} s with the workers)")
        row("ratio rebuild / build", rebuild.wall / build, "  (target <= 0.15)")
    for wanted, rows in ((args.jobs, lambda w: jobs_rows(Path(args.corpus), w, args.model)),
                         (args.memory, lambda w: memory_rows(Path(args.corpus), w, args.model)),
                         (args.long, lambda w: long_rows(texts, w, args.model, stock()))):
        if rc == 0 and wanted:
            with tempfile.TemporaryDirectory(prefix="presstables-bench-") as work:
                rc = rows(Path(work))
    return rc


if __name__ == "__main__":
    raise SystemExit(main())

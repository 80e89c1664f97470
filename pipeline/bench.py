"""Benchmark: the whole build of a corpus next to a bare spaCy ``nlp.pipe`` over the same texts,
and a rebuild after articles are added, with the result cache the first build filled.

    python -m pipeline.bench CORPUS.jsonl --out DIR [--added 10]

Both use the same model in one process run; the ratio says how much the pipeline adds to the parse.
The first build starts from an empty result cache; the rebuild reads the corpus plus ``--added``
copies of its first articles under new ids (0 leaves that row out). ``--memory`` adds the peak
resident memory of a cold build (a child process each, ``--no-cache``) of the corpus and of the
corpus 4 times over (copies under new ids), and their ratio.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
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


def peak_build(inputs: str, out: str, model: str | None) -> tuple[int, int]:
    """The exit code and peak resident memory (bytes; the largest of its processes, as ``time -v``
    says) of a cold build of ``inputs`` in a child process."""
    argv = [sys.executable, "-m", "pipeline", "build", inputs, "--out", out, "--quiet", "--no-cache"]
    paths = [str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH", "")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in paths if p))
    child = subprocess.Popen(argv + (["--model", model] if model else []), env=env)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return child.returncode, usage.ru_maxrss * 1024


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


def timed_build(inputs: str, out: str, cache: Path, model: str | None) -> tuple[int, float]:
    t0 = time.perf_counter()
    argv = ["build", inputs, "--out", out, "--quiet", "--cache", str(cache)] + (["--model", model] if model else [])
    rc = cli_main(argv)
    return rc, time.perf_counter() - t0


def row(label: str, value: float, note: str = "") -> None:
    print(f"bench: {label:<25}{value:7.2f}{note}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True)
    ap.add_argument("--model")
    ap.add_argument("--added", type=int, default=10, metavar="N",
                    help="articles added for the rebuild row (default 10; 0 leaves it out; JSONL corpora only)")
    ap.add_argument("--memory", action="store_true",
                    help="also the peak memory of cold builds of the corpus and of 4 copies of it (JSONL corpora only)")
    args = ap.parse_args(argv)

    texts = [a["text"] for a in ingest([args.corpus])]
    nlp = load_model(args.model)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    parse = time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="presstables-bench-") as work:
        cache = Path(work) / "cache"
        rc, build = timed_build(args.corpus, args.out, cache, args.model)
        rebuild = None
        if rc == 0 and args.added > 0 and args.corpus.endswith(".jsonl"):
            grown = grown_corpus(Path(args.corpus), args.added, Path(work) / "grown.jsonl")
            rc, rebuild = timed_build(str(grown), str(Path(work) / "grown"), cache, args.model)
    chars = sum(map(len, texts))
    print(f"bench: {len(texts)} articles, {chars} characters, model {model_name(args.model)}")
    row("bare spaCy nlp.pipe", parse, " s")
    row("presstables build", build, " s  (ingest + parse + extract + package + validate)")
    row("ratio build / parse", build / parse)
    if rebuild is not None:
        row(f"rebuild, {args.added} added", rebuild, " s  (with the result cache the build above filled)")
        row("ratio rebuild / build", rebuild / build, "  (target <= 0.15)")
    if rc == 0 and args.memory and args.corpus.endswith(".jsonl"):
        with tempfile.TemporaryDirectory(prefix="presstables-bench-") as work:
            rc = memory_rows(Path(args.corpus), Path(work), args.model)
    return rc


if __name__ == "__main__":
    raise SystemExit(main())

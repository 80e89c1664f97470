"""Benchmark: the whole build of a corpus next to a bare spaCy ``nlp.pipe`` over the same texts.

    python -m pipeline.bench CORPUS.jsonl --out DIR

Both use the same model in one process run; the ratio says how much the pipeline adds to the parse.
"""
from __future__ import annotations

import argparse
import time

from .cli import main as cli_main
from .extract import load_model, model_name
from .ingest import ingest


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True)
    ap.add_argument("--model")
    args = ap.parse_args(argv)

    texts = [a["text"] for a in ingest([args.corpus])]
    nlp = load_model(args.model)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    argv = ["build", args.corpus, "--out", args.out, "--quiet"] + (["--model", args.model] if args.model else [])
    rc = cli_main(argv)
    build = time.perf_counter() - t0
    chars = sum(map(len, texts))
    print(f"bench: {len(texts)} articles, {chars} characters, model {model_name(args.model)}")
    print(f"bench: bare spaCy nlp.pipe      {parse:7.2f} s")
    print(f"bench: presstables build        {build:7.2f} s  (ingest + parse + extract + package + validate)")
    print(f"bench: ratio build / parse      {build / parse:7.2f}")
    return rc


if __name__ == "__main__":
    raise SystemExit(main())

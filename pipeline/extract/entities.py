"""Entities and their mentions, from a parsed Doc.

Public surface:
- ``extract_entities(doc) -> list[dict]``: one dict per real-world referent:
  ``{"name": str, "type": str, "role": str | None, "aliases": [str, ...],
     "mentions": [{"start": int, "end": int, "text": str, "sentence_index": int,
                   "kind": "name" | "partial" | "title" | "pronoun"}, ...]}``
  Every entity has at least one mention; ``doc.text[start:end] == text`` for each.
- ``entity_key(type, name) -> str``: corpus-level key, equal for the same entity across articles.
- ``find_entity(entities, start, end) -> int | None``: index of the entity with a mention at that span.
"""
from __future__ import annotations

import re
import unicodedata

from .spans import sentence_index, sentence_starts

TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def entity_key(type_: str, name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ascii_name = re.sub(r"^the\s+", "", ascii_name)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or "x"
    return f"{type_.lower()}:{slug}"


def find_entity(entities: list[dict], start: int, end: int) -> int | None:
    """Index of the entity having a mention that overlaps [start, end), the longest overlap first."""
    best, best_len = None, 0
    for i, e in enumerate(entities):
        for m in e["mentions"]:
            overlap = min(end, m["end"]) - max(start, m["start"])
            if overlap > best_len:
                best, best_len = i, overlap
    return best


def extract_entities(doc) -> list[dict]:
    """First version: spaCy's named entities grouped by type and surface form."""
    starts = sentence_starts(doc)
    groups: dict[tuple[str, str], dict] = {}
    for ent in doc.ents:
        if ent.label_ not in TYPES:
            continue
        span = ent
        if span[0].lower_ == "the" and len(span) > 1:
            span = span[1:]
        if span[-1].tag_ == "POS" and len(span) > 1:
            span = span[:-1]
        key = (ent.label_, span.text)
        e = groups.setdefault(key, {"name": span.text, "type": ent.label_, "role": None,
                                    "aliases": [], "mentions": []})
        e["aliases"].append(span.text)
        e["mentions"].append({"start": span.start_char, "end": span.end_char, "text": span.text,
                              "sentence_index": sentence_index(doc, span.start_char, starts),
                              "kind": "name"})
    return list(groups.values())

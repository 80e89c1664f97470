"""The output records: one ``Entity`` per group, with its ``Mention``s, canonical name and aliases.

Mentions are the group's candidates and further mentions in text order, as character offsets
without whitespace at either end, each span once. The canonical name is the country's name for a
country, else the longest name the article uses (most words, then most often, then most
characters). Two groups that end with the same type and canonical name are one entity. Aliases
are every surface form, plus "Town, Region" for a place named with its region and "Chairman X"
for a person named with a title in front.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from typing import TYPE_CHECKING

from ..spans import doc_text, sentence_index, sentence_starts
from .lexicon import COUNTRY, PLACE_TYPES, TYPES, fold
from .roles import role_premod
from .tokens import in_list

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..records import Entity, Mention
    from .grouping import Groups
    from .records import Group


def entity_key(type_: str, name: str) -> str:
    """``type:slug`` with the country short forms folded, so "US" and "United States" agree."""
    folded = fold(name)
    if type_ in PLACE_TYPES and folded in COUNTRY:
        folded = fold(COUNTRY[folded])
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "x"
    return f"{type_.lower()}:{slug}"


def find_entity(entities: list[Entity], start: int, end: int) -> int | None:
    """Index of the entity having a mention that overlaps [start, end), the longest overlap first
    (the first entity on a tie)."""
    return MentionIndex(entities).find(start, end)


class MentionIndex:
    """The mentions of a list of entities sorted by start, for many ``find`` lookups (a scan of
    every mention per lookup grows with the square of an article's length)."""

    def __init__(self, entities: list[Entity]):
        rows = sorted((m["start"], m["end"], i, k) for i, e in enumerate(entities)
                      for k, m in enumerate(e["mentions"]))
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.longest = max((r[1] - r[0] for r in rows), default=0)

    def find(self, start: int, end: int) -> int | None:
        """What ``find_entity`` returns, looking only at mentions that can overlap [start, end)."""
        best: tuple[int, int, int] | None = None  # (-overlap, entity, mention order)
        lo = bisect_left(self.starts, start - self.longest)
        for s, e, i, k in self.rows[lo:bisect_left(self.starts, end)]:
            overlap = min(end, e) - max(start, s)
            if overlap > 0 and (best is None or (-overlap, i, k) < best):
                best = (-overlap, i, k)
        return None if best is None else best[1]


def _mentions(doc: Doc, text: str, g: Group, starts: list[int]) -> list[Mention]:
    """The group's mentions in text order, stripped of whitespace, each span once (``text`` is
    ``doc.text``, read once: spaCy joins every token anew on each read)."""
    mentions: list[Mention] = []
    seen = set()
    items = [(c.start, c.end, c.kind) for c in g.cands] + g.extra
    for s, e, kind in sorted(items):
        span = doc[s:e]
        a, b = span.start_char, span.end_char
        while a < b and text[a].isspace():     # no Unicode whitespace at either end
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        mentions.append({"start": a, "end": b, "text": text[a:b],
                         "sentence_index": sentence_index(doc, a, starts), "kind": kind})
    return mentions


def read_brackets(name: str) -> str:
    """A name read through the square brackets of a writer's insertion: "[Bashir al] Assad" -> "Bashir al Assad",
    "Pittsburg[h]" -> "Pittsburgh"."""
    if "[" not in name and "]" not in name:
        return name
    return " ".join(re.sub(r"[\[\]]", "", name).split())


def _canonical_name(g: Group, mentions: list[Mention]) -> str:
    """The country's name, else the name with most words, then most uses, then most characters, read through
    editorial brackets."""
    names = [m for m in mentions if m["kind"] == "name"] or mentions
    counts = Counter(m["text"] for m in names)
    if g.country:
        return g.country
    return read_brackets(max(counts, key=lambda n: (len(n.split()), counts[n], len(n))))


def _join(ent: Entity, mentions: list[Mention], role: str | None) -> None:
    """Add the mentions (and role) of a second group with the same canonical name to ``ent``."""
    have = {(m["start"], m["end"]) for m in ent["mentions"]}
    ent["mentions"].extend(m for m in mentions if (m["start"], m["end"]) not in have)
    ent["mentions"].sort(key=lambda m: m["start"])
    ent["aliases"] = sorted({*ent["aliases"], *(m["text"] for m in mentions)})
    ent["role"] = ent["role"] or role


def _with_region(doc: Doc, g: Group, place_ends: dict[int, int]) -> set[str]:
    """Surface forms "Town, Region" of a place named with the region it lies in."""
    out = set()
    for c in g.cands:
        if g.country or c.end + 1 >= len(doc) or doc[c.end].text != "," or c.end + 1 not in place_ends:
            continue
        if c.start >= 2 and doc[c.start - 1].text == "," and doc[c.start - 2].ent_type_:
            continue                     # inside a list of places
        r_end = place_ends[c.end + 1]
        if in_list(doc, c.end + 1, r_end):
            continue
        out.add(doc[c.start:r_end].text)
    return out


def _extra_aliases(doc: Doc, g: Group, name: str, label: str, place_ends: dict[int, int]) -> set[str]:
    """Surface forms beyond the mentions: the country's name, "Town, Region", "Chairman X"."""
    extra_aliases = {name} if g.country else set()
    if label in PLACE_TYPES:        # "Mountain View, California": the town with its region
        extra_aliases.update(_with_region(doc, g, place_ends))
    if label == "PERSON":           # "Chairman X", "Regional government spokesman X" are surface forms too
        for c in g.cands:
            pre = role_premod(doc, c)
            if pre is not None and c.kind == "name":
                extra_aliases.add(doc[pre.start:c.end].text)
    return extra_aliases


def build_entities(doc: Doc, groups: Groups, roles: dict[str, str | None]) -> list[Entity]:
    """One entity per group with mentions (groups with the same type and name joined), in text order."""
    starts, text = sentence_starts(doc), doc_text(doc)
    place_ends = {c.start: c.end for g in groups.values() if g.label in PLACE_TYPES for c in g.cands}
    out: list[Entity] = []
    by_name: dict[tuple[str, str], Entity] = {}
    for k, g in groups.items():
        mentions = _mentions(doc, text, g, starts)
        if not mentions:
            continue
        name = _canonical_name(g, mentions)
        label = g.label if g.label in TYPES else "ORG"
        ent = by_name.get((label, name))
        if ent is not None:             # two groups ended with the same canonical form: one entity
            _join(ent, mentions, roles.get(k))
            continue
        surface = {name} | {m["text"] for m in mentions}   # the name read through brackets is a form too
        ent = {"name": name, "type": label, "role": roles.get(k) if label == "PERSON" else None,
               "aliases": sorted(surface | _extra_aliases(doc, g, name, label, place_ends)),
               "mentions": mentions}
        by_name[(label, name)] = ent
        out.append(ent)
    out.sort(key=lambda e: e["mentions"][0]["start"])
    return out

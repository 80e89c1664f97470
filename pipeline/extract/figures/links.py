"""Links from a figure to the other extractors' records: the entity its subject names
(``entity``, an index into the entities) and the quote it was said in (``quote``, an index
into the quotes)."""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from .context import subject_spans

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Entity, Quote


class MentionIndex:
    """The entities' mentions, sorted by (start, end, entity index), to find those inside a span."""

    def __init__(self, entities: list[Entity]) -> None:
        self.mentions = sorted((m["start"], m["end"], ei)
                               for ei, e in enumerate(entities) for m in e.get("mentions", []))
        self.starts = [m[0] for m in self.mentions]

    def entity_within(self, s: int, e: int) -> int | None:
        """The entity of the first-starting mention inside text[s:e] (mentions are looked for up to
        200 characters before ``s``)."""
        i = bisect_right(self.starts, e) - 1
        best = None
        while i >= 0 and self.mentions[i][0] >= s - 200:
            ms, me, ei = self.mentions[i]
            if ms >= s and me <= e:
                best = ei
            i -= 1
        return best


def subject_entity(root: Token | None, mentions: MentionIndex) -> int | None:
    """The entity named in the figure's subject: "Brazil's inflation rate rose 0.4 percent" -> Brazil."""
    for s, e in subject_spans(root):
        best = mentions.entity_within(s, e)
        if best is not None:
            return best
    return None


def quote_index(quotes: list[Quote], s: int, e: int) -> int | None:
    """The first quote that holds text[s:e]."""
    for qi, q in enumerate(quotes):
        if q["start"] <= s and e <= q["end"]:
            return qi
    return None

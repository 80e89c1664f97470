"""What every coreference rule needs to know about one article, indexed once: tokens, sentences,
paragraphs and quotations by character offset, and the entities' mentions in text order."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..marks import QuotedSpan, closed_later, find_quoted_spans
from ..records import Entity, Mention
from ..spans import doc_text, sentence_index, sentence_starts, token_starts, words
from .lexicon import CONTINUED_QUOTE_PARAGRAPHS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(slots=True, frozen=True)
class MentionRef:
    """One mention of entity ``entity`` at ``start:end``; ``head`` is its syntactic head token."""

    start: int
    end: int
    entity: int
    kind: str
    head: Token


class Article:
    """A parsed article with its entities, indexed by character offset."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        self.text = doc_text(doc)
        self.entities = entities

    def canonical(self, idx: int) -> int:
        """A short name ("Xu") as the fullest entity of the same type that lists it among its aliases
        ("Xu Guixiang"). Sharing a last word is not enough: the entity layer keeps a bare surname
        apart on purpose when it names another person ("Mr. Obama" beside "Michelle Obama")."""
        e = self.entities[idx]
        name = tuple(words(e["name"]))
        if not name:
            return idx
        best = self._fullest_by_form.get((e["type"], name))
        return best if best is not None and len(words(self.entities[best]["name"])) > len(name) else idx

    @cached_property
    def _fullest_by_form(self) -> dict[tuple[str, tuple[str, ...]], int]:
        """(type, name or alias words) -> the first entity of that type with the longest name holding it
        (names and aliases do not change while coreference runs)."""
        index: dict[tuple[str, tuple[str, ...]], int] = {}
        for j, o in enumerate(self.entities):
            size = len(words(o["name"]))
            for form in [*o.get("aliases", []), o["name"]]:
                key = (o["type"], tuple(words(form)))
                if key not in index or size > len(words(self.entities[index[key]]["name"])):
                    index[key] = j
        return index

    @cached_property
    def tok_starts(self) -> tuple[int, ...]:
        return token_starts(self.doc)

    @cached_property
    def sent_starts(self) -> tuple[int, ...]:
        return sentence_starts(self.doc)

    @cached_property
    def para_starts(self) -> list[int]:
        """Offsets where each paragraph (text after a line break) begins."""
        starts = [0]
        for k, ch in enumerate(self.text):
            if ch == "\n" and k + 1 < len(self.text) and self.text[k + 1] != "\n":
                starts.append(k + 1)
        return starts

    @cached_property
    def quoted_spans(self) -> list[QuotedSpan]:
        return find_quoted_spans(self.text)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """(start, end) of the words inside each pair of quote marks."""
        return [(q.open[1], q.close[0]) for q in self.quoted_spans]

    def continued(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """(start, end) of the words that go on in the next paragraphs of a quotation overlapping ``lo:hi`` that its
        paragraph leaves open and a later paragraph closes without opening it again (``closed_later``)."""
        return [c for q in self.quoted_spans if q.open[1] < hi and lo < max(q.close[0], q.end)
                for c in [closed_later(self.text, q, CONTINUED_QUOTE_PARAGRAPHS)] if c is not None]

    def token_at(self, char: int) -> Token | None:
        i = max(bisect_right(self.tok_starts, char) - 1, 0)
        return self.doc[i] if len(self.doc) else None

    def sentence_of(self, char: int) -> int:
        return sentence_index(self.doc, char, self.sent_starts)

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self.para_starts, char) - 1

    @cached_property
    def quote_starts(self) -> list[int]:
        return [a for a, _ in self.quoted]

    def in_quote(self, char: int) -> bool:
        """Whether ``char`` lies inside quote marks (the spans are in text order and never overlap)."""
        i = bisect_right(self.quote_starts, char) - 1
        return i >= 0 and char < self.quoted[i][1]

    def head_of(self, start: int, end: int) -> Token | None:
        """The token of ``start:end`` whose syntactic head lies outside it (the last one on ties)."""
        first, last = self.token_at(start), self.token_at(max(end - 1, start))
        if first is None:
            return None
        span = range(first.i, last.i + 1)
        heads = [t for t in self.doc[first.i:last.i + 1] if t.head.i not in span or t.head.i == t.i]
        return heads[-1] if heads else last

    @cached_property
    def mentions(self) -> list[MentionRef]:
        """The entities' mentions as written by the entity extractor, in text order."""
        refs = [MentionRef(m["start"], m["end"], i, m.get("kind", "name"), self.head_of(m["start"], m["end"]))
                for i, e in enumerate(self.entities) for m in e["mentions"]]
        return sorted(refs, key=lambda r: (r.start, r.end))

    @cached_property
    def mention_starts(self) -> list[int]:
        """The start of each of ``mentions``, in the same order."""
        return [r.start for r in self.mentions]

    @cached_property
    def mentions_at(self) -> dict[int, list[MentionRef]]:
        """The entity extractor's mentions covering each token, by token index."""
        out: dict[int, list[MentionRef]] = {}
        for r in self.mentions:
            for t in self.doc.char_span(r.start, r.end, alignment_mode="expand") or ():
                out.setdefault(t.i, []).append(r)
        return out

    def mention(self, entity: int, start: int, end: int, kind: str) -> Mention:
        """A mention record of ``entity`` at ``start:end``."""
        return {"start": start, "end": end, "text": self.text[start:end],
                "sentence_index": self.sentence_of(start), "kind": kind}

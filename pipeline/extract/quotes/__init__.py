"""Quotes (direct, indirect and mixed) with their speakers, from a parsed Doc.

The stages, in order (general rules of English news writing, no article-specific knowledge):

1. ``pipeline/extract/marks.py``: quote marks are paired per paragraph into quoted spans (the coreference
   stage reads them too); ``context`` marks the scare quotes ("so-called "X"").
2. ``reported``: reported speech from the dependency parse, an ordered tuple of named patterns
   tried at every token (``clauses``: a speech verb with a clausal complement; ``formulas``:
   ``according to X``, ``as X said``, pledges and appeals, no response to requests for comment;
   ``objects``: ``X announced a new plan``, a noun phrase as what is said; ``nouns``: ``X's claim
   that A``, a noun of saying with what was said as its complement;
   ``characterized``: ``X called Y "Z"``), bounded by ``boundaries``; indirect or mixed rows.
3. ``direct``: the quoted spans not held by a mixed row that a cue, a dash-signature or a
   preceding attributed quotation attributes; direct rows.
4. ``speakers``: the speaker phrase of every row, in reading order, resolved to an entity by the
   coreference stage (``pipeline/extract/coref.py``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..coref import Coreference
from ..marks import QuotedSpan, find_quoted_spans
from ..records import Entity, Quote
from ..spans import doc_text
from .context import QuoteContext
from .direct import direct_quotes
from .reported import reported_quotes
from .speakers import attribute_speakers

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuotedSpan", "extract_quotes", "find_quoted_spans"]


def extract_quotes(doc: Doc, entities: list[Entity], coref: Coreference | None = None) -> list[Quote]:
    """The quotes of a parsed article, in reading order (by start, then end offset).

    ``entities`` are the article's entities (``extract_entities``); ``coref`` is the coreference
    stage over them (built here when not given). Each quote's ``text`` is ``doc.text[start:end]``,
    the words only, without quote marks (a mixed quote keeps the marks of the fragments inside
    it); ``speaker_entity`` is an index into ``entities`` or None; no two indirect or mixed rows
    share a span, and a quoted span held by a mixed row is not also a direct quote. An empty or
    blank document has no quotes.
    """
    if not doc_text(doc).strip() or not len(doc):
        return []
    ctx = QuoteContext(doc, entities)
    cands, consumed = reported_quotes(ctx)
    cands += direct_quotes(ctx, consumed)
    return attribute_speakers(ctx, cands, coref if coref is not None else Coreference(doc, entities))

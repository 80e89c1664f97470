"""The records the extractors hand to each other and to the table writer (``tables_from_doc``).

One extractor's output is the next one's input: entities -> coreference -> quotes -> figures.
They are typed mappings so that the row writer, the tests and downstream code read them by
field name; links between records are indexes into the lists they were returned in. Offsets
are Python string indices into ``doc.text`` and ``doc.text[start:end] == text`` always holds.
Each extractor's own working records (candidates, quoted spans, attributions, figure parts) are
dataclasses inside its package.
"""
from __future__ import annotations

from typing import Literal, TypedDict

# The tables extraction writes, in this order (articles come from ingest).
TABLES = ("entities", "mentions", "quotes", "figures")
Tables = dict[str, list[dict]]  # table name -> rows, as ``tables_from_doc`` returns them

MentionKind = Literal["name", "partial", "title", "nominal", "pronoun"]


class Mention(TypedDict):
    """One place in the text that refers to an entity."""

    start: int
    end: int
    text: str
    sentence_index: int
    kind: MentionKind


class Entity(TypedDict):
    """One real-world referent of an article, with every mention of it (at least one)."""

    name: str                       # canonical form: the fullest name the article uses
    type: str                       # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...
    role: str | None                # a person's title or job, as the article gives it
    aliases: list[str]              # surface forms, sorted
    mentions: list[Mention]         # in text order


class Quote(TypedDict):
    """An attributed statement: ``text`` is the content only, without quote marks."""

    text: str
    type: Literal["direct", "indirect", "mixed"]
    speaker_name: str | None        # the speaker entity's canonical name, else the phrase as written
    speaker_text: str | None        # the speaker phrase as written ("he", "the chairman")
    speaker_entity: int | None      # index into the entities
    cue: str | None                 # "said", "according to", ...
    start: int
    end: int
    sentence_index: int


class Figure(TypedDict):
    """A number claimed in the text, normalised."""

    text: str
    value: float
    value_max: float | None         # upper bound of a range
    value_from: float | None        # start of a stated change ("rose from 5 to 10": 5)
    unit: str
    kind: Literal["money", "percent", "count", "quantity"]
    qualifier: str                  # exact, over, under, about, at_least, at_most
    direction: Literal["increase", "decrease"] | None
    measure: str | None
    period: str | None
    entity: int | None              # index into the entities
    quote: int | None               # index into the quotes
    equivalent_of: int | None       # index into the figures ("2 trillion yuan ($273 billion)")
    start: int
    end: int
    sentence_index: int

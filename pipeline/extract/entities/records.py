"""The records the entity passes share: a ``Candidate`` (one mention of a name, as spaCy's span was
cleaned), a ``TokenMention`` found later, and the ``Group`` of candidates taken for one referent.
Plain data, below every module of the stage (none of them imports another for these)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(slots=True)
class Candidate:
    """One mention of a name: tokens [start, end) of the Doc, with its entity label."""

    start: int
    end: int
    label: str
    kind: str = "name"                 # "name", or "partial" once it joined a fuller name
    title_start: int | None = None     # first token of a title cut from the front of a person name
    key: str = ""                      # the folded name the candidates are grouped by
    person_evidence: bool = False      # an honorific or title marked it as a person
    work_evidence: bool = False        # "the film X" or "X (2005)" made it the title of a work
    org_evidence: bool = False         # "the company X" made it an organisation
    place_evidence: bool = False       # "the X volcano" made it a natural feature, a place
    product_evidence: bool = False     # "the drug X", "the X spacecraft" made it a product
    acronym_of: int | None = None      # an acronym in parentheses: the first token of the name it follows
    place_core: str | None = None      # a region extended by its designator: the folded core name


class TokenMention(NamedTuple):
    """A mention in token offsets [start, end) of the Doc, with its kind ("name", "partial", "title")."""

    start: int
    end: int
    kind: str


@dataclass(slots=True)
class Group:
    """The candidates taken for one referent, and the further mentions found for it."""

    cands: list[Candidate] = field(default_factory=list)
    label: str | None = None
    country: str | None = None            # the canonical country name, for a country's group
    extra: list[TokenMention] = field(default_factory=list)   # mentions found after grouping

    def spans(self) -> list[tuple[int, int]]:
        """The token spans of the candidates and of the mentions found later."""
        return [(c.start, c.end) for c in self.cands] + [(m.start, m.end) for m in self.extra]

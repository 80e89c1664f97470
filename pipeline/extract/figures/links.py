"""Links from a figure to the other extractors' records: the entity its subject names
(``entity``, an index into the entities) and the quote it was said in (``quote``, an index
into the quotes).

The subject names the entity with its own words: the entity of its head noun ("the UK's Conservative Party netted
66 seats" -> the Conservative Party, not the UK), else the first one among its words; a relative clause on the
subject describes it and names other things ("One entity whose members challenged Obama's citizenship, the American
Independent Party, nominated ..."; "The two guys that set Uni's final try up were 18"), and a relative pronoun
subject stands for the noun its clause hangs from ("The Green Party, which received 1,457,226 votes")."""
from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..entities.lexicon import PLACE_TYPES
from .context import subject_heads

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Token

    from ..records import Entity, Quote

    Clauses = list[tuple[tuple[int, int], list[tuple[int, int]]]]


SUBJECT_DEPS = ("nsubj", "nsubjpass")
PERSON_RELATIVES = frozenset({"who", "whom", "whose"})


class MentionIndex:
    """The entities' mentions, sorted by (start, end, entity index), to find those inside a span."""

    def __init__(self, entities: list[Entity]) -> None:
        self.mentions = sorted((m["start"], m["end"], ei)
                               for ei, e in enumerate(entities) for m in e.get("mentions", []))
        self.starts = [m[0] for m in self.mentions]
        self.places = {ei for ei, e in enumerate(entities) if e["type"] in PLACE_TYPES}

    def entity_within(self, s: int, e: int, clauses: Clauses = ()) -> int | None:
        """The entity of the first-starting mention inside text[s:e] (mentions are looked for up to
        200 characters before ``s``); inside one of ``clauses`` only a place or the clause's subject counts."""
        i = bisect_right(self.starts, e) - 1
        best = None
        while i >= 0 and self.mentions[i][0] >= s - 200:
            ms, me, ei = self.mentions[i]
            if ms >= s and me <= e and (ei in self.places or self._outside(ms, me, clauses)):
                best = ei
            i -= 1
        return best

    @staticmethod
    def _outside(ms: int, me: int, clauses: Clauses) -> bool:
        """Whether text[ms:me] is outside every clause of ``clauses``, or inside a clause's subject."""
        for (a, b), subjects in clauses:
            if a <= ms and me <= b and not any(x <= ms and me <= y for x, y in subjects):
                return False
        return True

    def entity_covering(self, s: int, e: int) -> int | None:
        """The entity of the longest mention that holds text[s:e] (mentions are looked for up to 200 characters
        before ``s``)."""
        i = bisect_right(self.starts, s) - 1
        best, length = None, 0
        while i >= 0 and self.mentions[i][0] >= s - 200:
            ms, me, ei = self.mentions[i]
            if me >= e and me - ms > length:
                best, length = ei, me - ms
            i -= 1
        return best


def _antecedent(tok: Token) -> Token:
    """"The Green Party, which received 1,457,226 votes": a relative pronoun that is a subject stands for the noun
    its clause hangs from."""
    clause = tok.head
    if tok.tag_ in ("WDT", "WP") and clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        return clause.head
    return tok


def _pieces(words: list[Token]) -> Iterator[tuple[int, int]]:
    """Character spans of the runs of adjacent tokens among ``words`` (in text order): a phrase's subtree is not
    always one stretch of text when the parse is not projective."""
    first = last = words[0]
    for t in words[1:]:
        if t.i != last.i + 1:
            yield first.idx, last.idx + len(last)
            first = t
        last = t
    yield first.idx, last.idx + len(last)


def _relative_clauses(head: Token) -> Clauses:
    """Character spans of the relative clauses in ``head``'s phrase, each with its subjects' spans: a clause tells of
    the subject and names others ("The two guys that set Uni's final try up", "the stars we are observing with
    SPHERE"), but a place it names locates the subject ("The stampede, which occurred in Kerman, resulted in at least
    56 deaths") and a name as its subject says whose the subject is, as a possessive would ("The three primary
    elections the Democratic party held", "the executive order that President Obama plans to sign")."""
    return [((t.left_edge.idx, t.right_edge.idx + len(t.right_edge)),
             [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in t.children if c.dep_ in SUBJECT_DEPS])
            for t in head.subtree if t.i != head.i and t.dep_ == "relcl"]


def _phrase_entity(head: Token, mentions: MentionIndex) -> int | None:
    """The entity of ``head``'s own mention, else the first one among the words of its phrase; in a relative clause
    only a place or the clause's subject (``_relative_clauses``)."""
    best = mentions.entity_covering(head.idx, head.idx + len(head))
    if best is not None:
        return best
    clauses = _relative_clauses(head)
    for s, e in _pieces(list(head.subtree)):
        best = mentions.entity_within(s, e, clauses)
        if best is not None:
            return best
    return None


def _antecedent_entity(pronoun: Token, noun: Token, mentions: MentionIndex) -> int | None:
    """The entity of the noun a relative pronoun stands for, read from the noun's phrase before the clause ("The
    Green Party, which", "The new members of the House of Representatives, which include"); "who" never stands for
    a place: the parser hung the clause on the last name before it ("the former mayor of South Bend, Indiana, who
    had 26 delegates")."""
    best = mentions.entity_covering(noun.idx, noun.idx + len(noun))
    if best is not None:
        return None if best in mentions.places and pronoun.lower_ in PERSON_RELATIVES else best
    words = [t for t in noun.subtree if t.i < pronoun.head.left_edge.i]
    for s, e in _pieces(words) if words else ():
        best = mentions.entity_within(s, e)
        if best is not None:
            return best
    return None


def subject_entity(root: Token | None, mentions: MentionIndex) -> int | None:
    """The entity named in the figure's subject: "Brazil's inflation rate rose 0.4 percent" -> Brazil; the head's own
    entity first ("the United Kingdom's Conservative Party netted 66 seats" -> Conservative Party), names in a
    relative clause left out unless places (``_relative_clauses``), a relative pronoun read as its antecedent
    (``_antecedent_entity``)."""
    for c in subject_heads(root):
        noun = _antecedent(c)
        best = _phrase_entity(c, mentions) if noun is c else _antecedent_entity(c, noun, mentions)
        if best is not None:
            return best
    return None


def quote_index(quotes: list[Quote], s: int, e: int) -> int | None:
    """The first quote that holds text[s:e]."""
    for qi, q in enumerate(quotes):
        if q["start"] <= s and e <= q["end"]:
            return qi
    return None

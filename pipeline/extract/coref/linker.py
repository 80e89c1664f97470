"""Pronoun and description mentions ("she", "its", "the company", "the 45-year-old") linked to
the entity they refer to, in reading order, so that a later pronoun can take up an earlier one.

Rules, each a small function below:
- ``pronoun_class``: third-person pronouns (he/she/it/they and their other forms), not
  pleonastic "it" ("it is likely that ..."); what each can take up is in ``data/coref.json``;
- ``nominal_class``: a definite singular noun whose head is a person, organisation or place noun
  ("the company", "the city", "this country", "the minister", "the 45-year-old");
- ``agreement``: entity type, gender (``Genders``), countries for country nouns;
- ``binding``: a non-reflexive object pronoun never takes up its own clause's subject, a reflexive
  only that subject, and no anaphor takes up a phrase that contains it;
- ``best_antecedent`` (``salience``): the most salient agreeing mention of the last sentences; a
  close rival leaves the anaphor unlinked unless agreement is certain;
- role nouns first ask ``Roles.by_role`` (the person introduced with that title).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..records import Mention
from ..spans import words
from .article import Article, MentionRef
from .gender import Genders
from .lexicon import (
    COUNTRY_NAMES,
    COUNTRY_NOUNS,
    GENDERED_NOUNS,
    MENTION_PRONOUNS,
    NOMINAL_HEADS,
    PRONOUN_TYPES,
    REFLEXIVES,
    SUBJ_DEPS,
)
from .roles import Roles, is_definite_role
from .salience import RefIndex, best_antecedent

if TYPE_CHECKING:
    from spacy.tokens import Token

DEMONSTRATIVES = ("the", "this", "that")


# ---------------------------------------------------------------- which tokens are anaphors
def is_pleonastic(tok: Token) -> bool:
    """"It is likely that ...", "it was decided to ...": an "it" that stands for no entity."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    head = tok.head
    return tok.dep_ in SUBJ_DEPS and any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > tok.i for c in head.children) \
        and head.lemma_ in ("be", "seem", "appear", "take", "remain", "become")


def pronoun_class(tok: Token) -> str | None:
    """'m', 'f', 'n' (it) or 'p' (they) for a third-person pronoun that can refer to an entity."""
    cls = MENTION_PRONOUNS.get(tok.lower_)
    if cls is None or tok.tag_ not in ("PRP", "PRP$") or is_pleonastic(tok):
        return None
    return cls


def _age_noun(tok: Token) -> bool:
    """"the 45-year-old": a person named by age."""
    doc = tok.doc
    return tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 2].lower_ == "year" and doc[tok.i - 1].text == "-"


def nominal_class(tok: Token) -> str | None:
    """The entity type a definite description headed by ``tok`` refers to, or None."""
    if tok.tag_ not in ("NN", "JJ") or any(c.dep_ == "poss" for c in tok.children):
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children):
        return None
    if _age_noun(tok):
        return "PERSON"
    return NOMINAL_HEADS.get(tok.lemma_.lower()) if tok.tag_ == "NN" else None


def nominal_span(tok: Token) -> tuple[int, int]:
    """Character span from the determiner to the head noun ("the foreign minister")."""
    det = next(c for c in tok.children if c.dep_ == "det" and c.lower_ in DEMONSTRATIVES)
    return det.idx, tok.idx + len(tok.text)


# ---------------------------------------------------------------- agreement and binding
def _clause_subject(tok: Token) -> Token | None:
    verb = tok.head if tok.dep_ != "pobj" else tok.head.head
    return next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)


def binding(tok: Token, refs: list[MentionRef]) -> Callable[[int], bool]:
    """Which entities the pronoun ``tok`` may take up by syntax alone: a reflexive only its own
    clause's subject, a non-reflexive object pronoun anyone but that subject."""
    subj = _clause_subject(tok) if tok.dep_ in ("dobj", "dative", "pobj") else None
    subject_entity = next((r.entity for r in refs if subj is not None and r.head.i == subj.i), None)
    if tok.lower_ in REFLEXIVES:
        return lambda i: i == subject_entity
    if subject_entity is not None:
        return lambda i: i != subject_entity
    return lambda i: True


class Linker:
    """Links the anaphors of one article to its entities (``link``); returns the new mentions."""

    def __init__(self, article: Article, genders: Genders, roles: Roles):
        self.article, self.gender, self.roles = article, genders, roles
        self.refs: list[MentionRef] = list(article.mentions)
        self.index = RefIndex(self.refs)

    def link(self) -> list[tuple[int, Mention]]:
        out = []
        for tok in self.article.doc:
            if tok.i in self.article.mentions_at or not (tok.tag_ in ("PRP", "PRP$") or tok.pos_ in ("NOUN", "ADJ")):
                continue
            found = self._pronoun(tok) or self._nominal(tok)
            if found is not None:
                idx, start, end, kind = found
                self.refs.append(MentionRef(start, end, idx, kind, tok))
                self.index.add(self.refs[-1])
                out.append((idx, self.article.mention(idx, start, end, kind)))
        return out

    def _type_ok(self, types: frozenset[str] | set[str]) -> Callable[[int], bool]:
        ents = self.article.entities
        return lambda i: ents[i]["type"] in types

    def _pronoun(self, tok: Token) -> tuple[int, int, int, str] | None:
        cls = pronoun_class(tok)
        if cls is None:
            return None
        type_ok, bound = self._type_ok(PRONOUN_TYPES[cls]), binding(tok, self.refs)
        if cls in ("m", "f"):
            ok = lambda i: type_ok(i) and bound(i) and self.gender(i) in (None, cls)  # noqa: E731
            confident = lambda i: self.gender(i) == cls  # noqa: E731
        else:
            ok, confident = (lambda i: type_ok(i) and bound(i)), (lambda i: False)
        idx = best_antecedent(self.article, tok, self.index, ok, confident, strict=cls not in ("m", "f"), outside=True)
        return None if idx is None else (self.article.canonical(idx), tok.idx, tok.idx + len(tok.text),
                                         "pronoun")

    def _nominal(self, tok: Token) -> tuple[int, int, int, str] | None:
        """A role noun as the person given that title; else a description by salience."""
        if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in tok.children):
            return None
        idx = self._role_holder(tok)
        kind = nominal_class(tok) if idx is None else "PERSON"
        if idx is None and kind is not None:
            idx = best_antecedent(self.article, tok, self.index, self._nominal_ok(tok, kind), lambda i: False)
        if idx is None:
            return None
        start, end = nominal_span(tok)
        return self.article.canonical(idx), start, end, "nominal"

    def _role_holder(self, tok: Token) -> int | None:
        """"the foreign minister": the person introduced with that title (``Roles.by_role``)."""
        if not is_definite_role(tok, self.article):
            return None
        idx = self.roles.by_role(tok)
        return idx if idx is not None and self.article.entities[idx]["type"] == "PERSON" else None

    def _nominal_ok(self, tok: Token, kind: str) -> Callable[[int], bool]:
        ents, noun = self.article.entities, tok.lemma_.lower()
        if kind == "PERSON":
            g = GENDERED_NOUNS.get(noun)
            return lambda i: ents[i]["type"] == "PERSON" and (g is None or self.gender(i) in (None, g))
        if kind == "GPE" and noun in COUNTRY_NOUNS:
            return lambda i: ents[i]["type"] == "GPE" and ents[i]["name"].lower() in COUNTRY_NAMES
        if kind == "GPE":
            return lambda i: ents[i]["type"] == "GPE" and ents[i]["name"].lower() not in COUNTRY_NAMES
        named = [i for i, e in enumerate(ents) if e["type"] == "ORG" and noun in words(e["name"])]
        return (lambda i: i in named) if named else (lambda i: ents[i]["type"] == "ORG")

"""A noun that names something said, with what was said as its complement: ``Trump's claim that A``,
``claims by intelligence agencies that A``, ``his promise to build A``, ``X made the claim that A``.

The noun (``speech_nouns``) reports its that-clause (or, for ``speech_nouns_infinitive``, its
to-infinitive) when the article says whose it is: the noun's owner, the agent after "by", or the
subject of a light verb of saying that has the noun as object (``speech_noun_verbs``). "The claim
that A" with no owner, or "X rejected the claim that A" (X did not make it), reports nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .context import Attribution, QuoteContext
from .lexicon import SPEECH_NOUN_VERBS, SPEECH_NOUNS, SPEECH_NOUNS_INFINITIVE, SUBJ_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


def _complement(noun: Token) -> Token | None:
    """The clause that completes the noun: a that-clause, or a to-infinitive after nouns of promising. A
    clause opening with "that" as a conjunction is no relative clause, whatever the parser calls it
    ("an announcement on Twitter that he was running")."""
    for c in noun.rights:
        if c.dep_ not in ("acl", "ccomp", "relcl") or c.pos_ not in ("VERB", "AUX"):
            continue
        first = noun.doc[c.left_edge.i]
        if first.head.i != c.i:
            continue
        if first.lower_ == "that" and first.dep_ == "mark":
            return c
        if first.tag_ == "TO" and c.dep_ != "relcl" and noun.lemma_.lower() in SPEECH_NOUNS_INFINITIVE:
            return c
    return None


def _owner(noun: Token) -> Token | None:
    """Whose the noun is: "X's claim", "claims by X", "X made the claim"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in SPEECH_NOUN_VERBS:
        return next((g for g in verb.children if g.dep_ in SUBJ_DEPS and g.i < verb.i), None)
    return None


def speech_noun(ctx: QuoteContext, tok: Token) -> Attribution | None:
    """``X's claim that CLAUSE``: the clause is reported speech, the noun's owner its speaker."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in SPEECH_NOUNS or ctx.in_quote(tok.idx) is not None:
        return None
    comp = _complement(tok)
    owner = _owner(tok) if comp is not None else None
    if owner is None or owner.i > comp.left_edge.i:
        return None
    return Attribution((comp.left_edge.i, comp.right_edge.i + 1), tok, owner)

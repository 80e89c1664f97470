"""Findings reported as a source's: ``the court ruled the prorogation was unlawful``, ``Reports indicated he was
encouraged to drop out``, ``He estimated this would take 24 hours``, ``Researchers found that A``.

A verb of finding or judging (``finding_verbs``) is no speech verb: most of its uses report nothing ("found the
body", "ruled the country", "an estimated 200"). It reports only a finite clause that follows it as its
complement, whose source is the verb's active subject; an infinitive ("found the plan to be unlawful"), a
passive ("it was found that"), a first or second person ("we found that": an interviewee reasoning aloud) or any
subject in an answer of a transcript reports nothing.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .clauses import complements
from .context import Attribution, QuoteContext
from .lexicon import FINDING_NON_SOURCES, FINDING_VERBS, SUBJ_DEPS
from .speakers import subject

if TYPE_CHECKING:
    from spacy.tokens import Token

FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")  # Penn tags of a tensed verb or modal


def _finite_clause(verb: Token, comp: Token) -> bool:
    """A complement clause with a tensed verb and a subject (``the prorogation was unlawful``; the parser may hang
    that subject on the finding verb as its object right before the clause: ``indicated [three bridges] would
    stay closed``, not ``estimate the population by observing the area turned orange``), not a small clause
    (``found it confusing``, ``found himself embroiled in ...``) or an infinitive (``found X to be Y``)."""
    tensed = comp.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                             for c in comp.children)
    own = any(c.dep_ in SUBJ_DEPS or c.dep_ == "expl" for c in comp.children)
    return tensed and (own or any(c.dep_ == "dobj" and verb.i < c.i and c.right_edge.i + 1 == comp.left_edge.i
                                  for c in verb.children))


def _borrowed_by_participle(tok: Token, subj: Token) -> bool:
    """'The court ruled ..., finding that A' finds through the subject of the verb the participle hangs on; 'light
    weakened when the planet passed, indicating B' has none of its own (what indicates is the whole event), so a
    subject borrowed from further up is no source of B."""
    return tok.tag_ == "VBG" and subj.head.i != tok.head.i


def finding(ctx: QuoteContext, tok: Token) -> list[Attribution]:
    """``X found/ruled/indicated/estimated (that) CLAUSE``: the clause after the verb, X's finding."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in FINDING_VERBS or ctx.in_quote(tok.idx) \
            or ctx.in_answer(tok.idx):
        return []
    if not any(c.dep_ == "ccomp" and c.i > tok.i and _finite_clause(tok, c) for c in tok.children):
        return []
    subj = subject(tok)
    if subj is None or subj.dep_ == "nsubjpass" and subj.head.i == tok.i or subj.lower_ in FINDING_NON_SOURCES \
            or _borrowed_by_participle(tok, subj):
        return []
    return [r for r in complements(ctx, tok, subj) if r.content is not None and r.content[0] > tok.i]

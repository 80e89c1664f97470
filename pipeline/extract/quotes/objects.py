"""A noun phrase as the reported words: ``X announced a new tax plan``, ``X denied the charges``.

Some verbs of saying take what is said as their object (``content_object_verbs``): a
proposition or a piece of news in a noun phrase rather than a clause. Such a phrase is reported
speech when the verb has no clause of its own, the phrase says something (``min_object_words``:
"announced the schedule" only points back) and it does not name the one spoken to or about.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .context import Attribution, QuoteContext, lemma, strip_span
from .lexicon import CONTENT_OBJECT, MIN_OBJECT_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

_NAMED = ("PERSON", "ORG", "GPE", "NORP")  # "denied Iran", "confirmed Smith": who, not what


def _misparsed_subject(subj: Token) -> bool:
    """A lone singular common noun as the subject: English puts a determiner before one, so it is a
    word the parser took for the subject ("Amongst reported ...")."""
    return subj.tag_ == "NN" and not any(True for _ in subj.children)


def content_object(ctx: QuoteContext, tok: Token, subj: Token) -> Attribution | None:
    """``X announced NOUN PHRASE``: the object of a verb of saying that takes its content as object."""
    if lemma(tok) not in CONTENT_OBJECT or _misparsed_subject(subj) \
            or any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return None
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in _NAMED \
            or ctx.in_quote(obj.idx) is not None:
        return None
    i, j = strip_span(ctx.doc, obj.left_edge.i, obj.right_edge.i + 1)
    return Attribution((i, j), tok, subj) if j - i >= MIN_OBJECT_WORDS else None

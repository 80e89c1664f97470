"""A noun phrase as the reported words: ``X announced a new tax plan``, ``X denied the charges``.

Some verbs of saying take what is said as their object (``content_object_verbs``): a
proposition or a piece of news in a noun phrase rather than a clause. Such a phrase is reported
speech when the verb has no clause of its own, the phrase says something (``min_object_words``:
"announced the schedule" only points back) and it does not name the one spoken to or about.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .context import Attribution, QuoteContext, lemma, strip_span
from .lexicon import (
    CONTENT_CLAUSE_NOUNS,
    CONTENT_OBJECT,
    MIN_OBJECT_WORDS,
    MIN_OWN_SUBJECT_OBJECT_WORDS,
    OBJECT_TAIL_PREPS,
    OTHER_SENSES,
    SAME_OBJECTS,
    SPEECH_NOUNS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_NAMED = ("PERSON", "ORG", "GPE", "NORP")  # "denied Iran", "confirmed Smith": who, not what


def _misparsed_subject(subj: Token) -> bool:
    """A lone singular common noun as the subject: English puts a determiner before one, so it is a
    word the parser took for the subject ("Amongst reported ...")."""
    return subj.tag_ == "NN" and not any(True for _ in subj.children)


def content_object(ctx: QuoteContext, tok: Token, subj: Token) -> Attribution | None:
    """``X announced NOUN PHRASE``: the object of a verb of saying that takes its content as object."""
    if lemma(tok) not in CONTENT_OBJECT or _misparsed_subject(subj) or any(c.dep_ == "ccomp" for c in tok.children):
        return None
    obj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
    if obj is not None and obj.pos_ == "ADJ" and obj.lemma_.lower() in SAME_OBJECTS:
        return _same_about(ctx, tok, subj, obj)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or obj.ent_type_ in _NAMED \
            or ctx.in_quote(obj.idx) is not None or obj.lemma_.lower() in OTHER_SENSES.get(lemma(tok), ()):
        return None  # not "the crisis claimed 15,393 lives": that sense of the verb says nothing
    if any(c.dep_ == "xcomp" and c.i < obj.i for c in tok.children):
        return None  # a to-infinitive before the object: the object is no content said
    i, j = strip_span(ctx.doc, obj.left_edge.i, obj.right_edge.i + 1)
    if j - i < _min_words(tok, obj):
        return None
    return Attribution((i, _object_tail(ctx, tok, obj, j)), tok, subj)


def _same_about(ctx: QuoteContext, tok: Token, subj: Token, obj: Token) -> Attribution | None:
    """'30 percent say the same about Mr. Trump', 'who said the same of Clinton' (``same_objects``): "the same" stands
    for what was said before, about the one the phrase after it names; without that phrase it only points back."""
    i, j = strip_span(ctx.doc, obj.left_edge.i, obj.right_edge.i + 1)
    about = any(c.dep_ == "prep" and c.lower_ in OBJECT_TAIL_PREPS for c in obj.rights)
    end = j if about else _object_tail(ctx, tok, obj, j)
    return Attribution((i, end), tok, subj) if about or end > j else None


def _min_words(tok: Token, obj: Token) -> int:
    """The fewest words an object must have to say something: ``min_object_words``, or
    ``min_own_subject_object_words`` when the verb has a subject of its own and a possessive, "any", or "the"
    before a noun of saying heads the object ('he announced his candidacy', 'denied any role', 'Trump denied the
    accusations'; not 'That announcing her run', 'announced the schedule', 'announced this change')."""
    if not any(c.dep_ == "nsubj" for c in tok.children):
        return MIN_OBJECT_WORDS
    det = next((c for c in obj.children if c.dep_ in ("det", "poss") and c.i < obj.i), None)
    said = obj.lemma_.lower() in SPEECH_NOUNS or obj.lemma_.lower() in CONTENT_CLAUSE_NOUNS
    if det is not None and (det.dep_ == "poss" or det.lower_ == "any" or det.lower_ == "the" and said):
        return MIN_OWN_SUBJECT_OBJECT_WORDS
    return MIN_OBJECT_WORDS


def _object_tail(ctx: QuoteContext, tok: Token, obj: Token, j: int) -> int:
    """'announced his engagement to X', 'announced the creation of a park with statues', 'announced a series of
    steps to tighten Z', 'announced new church law to mandate reporting': a prepositional phrase
    (``object_tail_prepositions``) or a to-infinitive that the parser hangs on the verb right after its object
    completes the object (the end of the words, as a token index); not a time ('reported a 95% immunization rate
    on December 24')."""
    nxt = next((c for c in tok.rights if c.left_edge.i == obj.right_edge.i + 1), None)
    if nxt is None or ctx.in_quote(nxt.idx) is not None:
        return j
    if nxt.dep_ == "prep":
        tail = nxt.lower_ in OBJECT_TAIL_PREPS and not any(t.ent_type_ in ("DATE", "TIME") for t in nxt.subtree)
    else:
        tail = nxt.dep_ == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in nxt.children)
    return strip_span(ctx.doc, obj.left_edge.i, nxt.right_edge.i + 1)[1] if tail else j


def _finite_inside(g: Token) -> bool:
    """A finite verb or a modal in the gerund's phrase: 'said seeing so many officers was a welcome sight'
    (the gerund is the subject of a clause the parser hung under it)."""
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in g.subtree if t.i != g.i)


def _has_object(g: Token) -> bool:
    """The gerund (or a gerund coordinated with it: 'raising and spending $9 million') takes an object or a
    complement."""
    verbs = [g] + [c for c in g.children if c.dep_ == "conj" and c.tag_ == "VBG"]
    return any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for v in verbs for c in v.children)


def content_gerund(ctx: QuoteContext, tok: Token, subj: Token) -> Attribution | None:
    """``X reported spending $6 million``, ``X suggested boycotting Y`` (a verb that takes its content as
    object, ``content_object_verbs``), ``X said legalizing it could put ...`` (any verb of saying, when a
    clause follows the gerund): a gerund right after the verb, with no subject or "to" of its own, is what
    is said."""
    if _misparsed_subject(subj) or any(c.dep_ == "ccomp" for c in tok.children):
        return None
    g = next((c for c in tok.rights if c.dep_ == "xcomp"), None)
    if g is None or g.tag_ != "VBG" or ctx.in_quote(g.idx) is not None \
            or any(c.dep_ in ("aux", "nsubj", "mark") for c in g.children):
        return None
    if any(t.is_punct or t.head.i != tok.i for t in ctx.doc[tok.i + 1:g.left_edge.i]):
        return None  # only the verb's own adverbs between: not '..., said, laughing'
    if not _finite_inside(g) and (lemma(tok) not in CONTENT_OBJECT or not _has_object(g)):
        return None  # 'reported missing Thursday': a participle used as an adjective says nothing
    i, j = strip_span(ctx.doc, g.left_edge.i, g.right_edge.i + 1)
    return Attribution((i, j), tok, subj) if j - i >= MIN_OBJECT_WORDS else None

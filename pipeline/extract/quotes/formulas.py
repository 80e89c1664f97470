"""Attribution formulas other than a speech verb with a clause: ``according to X``, ``as X said``,
``X did not respond to requests for comment``, ``X vowed to Y`` / ``X urged Z to Y``."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..coref.lexicon import speaking_noun
from .clauses import coordinated_rest
from .context import (
    Attribution,
    QuoteContext,
    cue_text,
    has_verb,
    is_cue,
    lemma,
    sentence_in_paragraph,
    strip_span,
)
from .lexicon import (
    ADDRESSEE_VERBS,
    AS_IT_VERBS,
    COMMENT_REQUESTS,
    DIRECT_ONLY,
    RELATIVES,
    SOURCE_PREPS,
    THING_PRONOUNS,
    THING_THREAT_VERBS,
)
from .speakers import subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# ---------------------------------------------------------------- according to X
def _according_words(ctx: QuoteContext, tok: Token, p1: int) -> tuple[int, int]:
    """The words an ``according to X`` phrase attributes: the longer part of its sentence, before
    or after it (the part with a verb); "A, according to X, and B.": the sentence goes on over the attribution;
    "A and, according to X, B": only the conjunct after it."""
    doc = ctx.doc
    p0 = tok.i
    start, end = sentence_in_paragraph(tok)
    before = strip_span(doc, start, p0)
    after = strip_span(doc, p1, end)
    after = (after[0], after[1] - (1 if after[1] > after[0] and doc[after[1] - 1].text in ".!?" else 0))
    i, j = after if after[1] - after[0] > before[1] - before[0] or _after_conjunction(doc, start, p0) \
        else before
    other = after if (i, j) == before else before
    if not has_verb(doc, i, j) and has_verb(doc, *other) and (other == after or _closed_before(doc, p0)):
        i, j = other  # 'A, according to a poll last week - B': the side with a verb
    if (i, j) == before and j > i and after[1] > after[0] and p1 < len(doc) and doc[p1].text == "," \
            and any(coordinated_rest(ctx, c, p1, j) for c in tok.head.rights):
        j = after[1]
    return strip_span(doc, i, j)


def _closed_before(doc, p0: int) -> bool:
    """The words before the phrase end with a comma after a word that closes a phrase (not 'followed by,' or
    'largely Kurdish and,': the phrase then sits inside what comes after it)."""
    return p0 >= 2 and doc[p0 - 1].text == "," and doc[p0 - 2].pos_ not in ("ADP", "CCONJ", "SCONJ", "DET")


def _after_conjunction(doc, start: int, p0: int) -> bool:
    """"A and, according to X, B": the phrase opens the second conjunct."""
    k = p0 - 1
    while k >= start and doc[k].text == ",":
        k -= 1
    return k > start and doc[k].dep_ == "cc"


def _author(pobj: Token) -> Token:
    """"according to a speech X delivered": the source is the one who gave the speech."""
    for c in pobj.children:
        if c.dep_ == "relcl" and c.i > pobj.i:
            author = next((g for g in c.children if g.dep_ == "nsubj" and g.pos_ == "PROPN"), None)
            return author if author is not None else pobj
    return pobj


def _sole_subject(name: Token) -> bool:
    """"according to a summary, X, an aide, sent ...": the name is the only subject of a verb (not of "according"
    itself, where the parser hangs "According to Connecticut Senator X Y, ..." when it splits the source)."""
    verb = name.head
    return name.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and verb.lower_ not in SOURCE_PREPS \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != name.i for c in verb.children)


def according(ctx: QuoteContext, tok: Token) -> Attribution | None:
    """``CLAUSE, according to X`` and ``According to X, CLAUSE``."""
    doc = ctx.doc
    prep = next((c for c in tok.children if c.lower_ == SOURCE_PREPS[tok.lower_]), None)
    if prep is None:
        return None
    pobj = _source_in_paragraph(doc, prep, next((c for c in prep.children if c.dep_ == "pobj"), None))
    if pobj is None:
        return None
    end, named = _named_after(doc, pobj.right_edge.i + 1)
    i, j = _according_words(ctx, tok, end)
    if j - i < 2 or not has_verb(doc, i, j):
        return None
    cue = doc[tok.i:prep.i + 1].text
    return Attribution((i, j), tok, named if named is not None else _author(pobj), cue)


def _source_in_paragraph(doc, prep: Token, pobj: Token | None) -> Token | None:
    """'according to the F.A.A.\n\nMost people ...': a source the parser took from the next paragraph gives
    way to the last noun before the break."""
    brk = next((t.i for t in doc[prep.i + 1:pobj.i] if "\n" in t.text), None) if pobj is not None else None
    if brk is None:
        return pobj
    return next((t for t in reversed(doc[prep.i + 1:brk]) if t.pos_ in ("NOUN", "PROPN")), None)


def _named_after(doc, k: int) -> tuple[int, Token | None]:
    """"according to the mayor, X Y, ..." and "according to Connecticut Senator X Y, ...": the
    parser may leave the person's name out of the source phrase; a run of proper nouns right after it
    that holds a person's name and ends at a comma is the source. Returns (source end, name head)."""
    i = k + 1 if k < len(doc) and doc[k].text == "," else k
    j = i
    while j < len(doc) and doc[j].pos_ == "PROPN":
        j += 1
    person = _person_ending_at(doc, i, j)
    if person is None or j >= len(doc) - 1 or doc[j].text != "," or _sole_subject(person.root):
        return k, None
    return j, person.root


def _person_ending_at(doc, i: int, j: int):
    """The PERSON entity that ends at token ``j`` and starts at ``i`` or later, else None (read from
    the tokens' entity tags: ``doc.ents`` builds every entity span of the article anew)."""
    if j <= i or doc[j - 1].ent_type_ != "PERSON" or (j < len(doc) and doc[j].ent_iob_ == "I"):
        return None
    start = j - 1
    while start > i and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:j] if doc[start].ent_iob_ == "B" else None


# ---------------------------------------------------------------- as X said
def _as_cue(tok: Token) -> bool:
    """A verb of an "as" clause that attributes: a speech verb, or ``as X put it``."""
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in tok.children):
        return False
    if lemma(tok) in AS_IT_VERBS:
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    # "As X lamented illegal immigration, Y ...": a verb with an object of its own (not the one spoken to:
    # "as X told the AP") is a "while" clause; in "as X said" the "as" stands for what was said
    own_object = lemma(tok) not in ADDRESSEE_VERBS and any(c.dep_ == "dobj" for c in tok.children)
    return is_cue(tok) and lemma(tok) not in DIRECT_ONLY and not own_object


def _only_linkers(doc: Doc, lo: int, a: int, b: int) -> bool:
    """'But as X noted, A', 'And, as X reported, A': only a coordinator or punctuation comes before the "as" clause
    in the clause it modifies, and a comma closes it, so the attribution opens that clause (the words start after
    it)."""
    return b < len(doc) and "," in (doc[b].text, doc[b - 1].text) \
        and all(t.dep_ == "cc" or t.is_punct or t.is_space for t in doc[lo:a])


def as_attribution(ctx: QuoteContext, tok: Token) -> Attribution | None:
    """``As X said, CLAUSE``, ``CLAUSE, as X put it``: the attribution is a subordinate "as"
    clause and the words are the clause it modifies."""
    doc = ctx.doc
    if not _as_cue(tok):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    head = tok.head
    if subj is None or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    a, b = tok.left_edge.i, tok.right_edge.i + 1
    if a <= lo or _only_linkers(doc, lo, a, b):
        i, j = b, hi
    elif b >= hi - 1:
        i, j = lo, a
    else:
        i, j = lo, hi
    i, j = strip_span(doc, i, j)
    if j > i and doc[j - 1].text in (".", "!", "?"):
        j -= 1
    if j - i < 3:
        return None
    cue = cue_text(tok)
    it = next(c for c in tok.children if c.dep_ == "dobj") if lemma(tok) in AS_IT_VERBS else None
    if it is not None and it.i == tok.i + 1:
        cue = ctx.text[tok.idx:it.idx + len(it.text)]
    return Attribution((i, j), tok, subj, cue)


# ---------------------------------------------------------------- no response
def no_response(ctx: QuoteContext, tok: Token) -> Attribution | None:
    """``X did not respond to requests for comment``: the news formula for a source that was asked."""
    if not any(c.dep_ == "neg" for c in tok.children):
        return None
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "to"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.lemma_.lower() not in COMMENT_REQUESTS:
        return None
    subj = subject(tok)
    if subj is None or subj.i > tok.i:
        return None
    i, j = strip_span(ctx.doc, prep.i, prep.right_edge.i + 1)
    return Attribution((i, j), tok, subj, cue_text(tok))


# ---------------------------------------------------------------- pledges and appeals
def _own_source(tok: Token) -> bool:
    """The infinitive verb has a source of its own: it is not passive ("X was urged to"), it has a
    subject unless it is a conjunct ("when asked to ..."), a relative clause's subject is the
    relative pronoun ("the target it pledged to reach" lacks its object), and it is not part of
    someone's reported words ("X said the region vows to ...")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return False
    own = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if own is None and tok.dep_ != "conj":
        return False
    if tok.dep_ == "relcl" and (own is None or own.lower_ not in RELATIVES):
        return False
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and is_cue(t.head):
            return False
        t = t.head
    return True


def _threat_of_a_thing(tok: Token) -> bool:
    """'a case that had threatened to cripple public unions', 'That threatened to create unhappy families': a
    ``thing_threat_verbs`` verb whose own subject stands for a thing says what is likely to happen; no one pledges
    anything. A thing: a demonstrative ("that", "this") or a relative pronoun (``thing_pronouns``) whose noun is
    no person, group or body ('the union, which threatened to strike' pledges)."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if lemma(tok) not in THING_THREAT_VERBS or subj is None or subj.lower_ not in THING_PRONOUNS or subj.pos_ == "NOUN":
        return False
    if tok.dep_ != "relcl":
        return subj.lower_ != "which"
    noun = tok.head
    return noun.pos_ == "NOUN" and not speaking_noun(noun.lemma_.lower())


def infinitive(ctx: QuoteContext, tok: Token) -> Attribution | None:
    """``X vowed to Y``, ``X urged Z to Y``, ``X told Z to Y``: a pledge or an appeal reported with
    a to-infinitive; the words are the infinitive clause, with the addressee before it."""
    comp = next((c for c in tok.rights if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")
                 and any(a.dep_ == "aux" and a.tag_ == "TO" and a.i < c.i for a in c.children)), None)
    if comp is None or not _own_source(tok) or _threat_of_a_thing(tok):
        return None
    subj = subject(tok)
    if subj is None or subj.i > tok.i:
        return None
    i = comp.left_edge.i
    for c in tok.rights:
        if c.dep_ in ("dobj", "dative") and tok.i < c.i < comp.i:
            i = min(i, c.left_edge.i)
    i, j = strip_span(ctx.doc, i, comp.right_edge.i + 1)
    if j - i < 3:
        return None
    return Attribution((i, j), tok, subj)

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
    opens_its_sentence,
    sentence_in_paragraph,
    strip_span,
)
from .findings import FINITE_TAGS
from .lexicon import (
    ADDRESSEE_VERBS,
    AS_IT_VERBS,
    CLAUSE_SUBJ_DEPS,
    COMMENT_REQUESTS,
    DASHES,
    DIRECT_ONLY,
    RELATIVES,
    SOURCE_ADJUNCT_PREPS,
    SOURCE_PREPS,
    SUBJ_DEPS,
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
    elif not _after_conjunction(doc, start, p0) and (verb := _interrupted_clause(tok, before, after)) is not None:
        i, j = _clause_of(verb, before[0], after[1])
    return strip_span(doc, i, j)


def _interrupted_clause(tok: Token, before: tuple[int, int], after: tuple[int, int]) -> Token | None:
    """'One child was, according to the fire service, among the dead', 'Thunberg then led, according to Time, the
    largest ...', '... attacked him, then, according to police, fled': the phrase interrupts a clause that is not
    over before it, and the words on both sides are what the source says (as a medial ", X said," sits inside the
    words it attributes). Not over: the words before the phrase end with their verb and the words after it hang on
    that verb; the words after it are a finite predicate of the clause before it, without a subject of their own;
    or a word before it other than a subject hangs on a word after it. Not when the words after the phrase have a
    subject of their own ('In May, according to X, the firm lost money'), date or channel the source's words ('...,
    according to police on Thursday'), or follow a word that opens a phrase ('followed by, according to reports,
    nearly 2000 people') or a dash or parenthesis the phrase sits in ('Many Republicans - who made up 46 percent,
    according to a survey - empathize ...'). A finished clause with a comment after the phrase ('..., according to
    public filings, a huge sum for a firm of 35 partners') keeps to itself. A lone subject before the phrase
    ('Fundraising, according to the campaign, has surged') is left out: PolNeAR's gold cuts the phrase out of such
    rows and lost a strict match (NOTES, nineteenth session). A word the parser hangs on "according" itself hangs
    on the phrase's head. Returns the verb of the clause on both sides, else None."""
    doc, (b0, b1), (a0, a1) = tok.doc, before, after

    def head(t: Token) -> int:
        return tok.head.i if t.head.i == tok.i else t.head.i

    if b1 <= b0 or a1 <= a0 or doc[b1 - 1].pos_ in ("ADP", "CCONJ", "SCONJ", "DET") or _open_aside(doc, b0, b1):
        return None
    if any(t.dep_ in CLAUSE_SUBJ_DEPS and a0 <= t.head.i < a1 for t in doc[a0:a1]):
        return None
    if _source_adjunct(doc, a0, a1):
        return None
    linked = next((doc[head(t)] for t in doc[b0:b1] if not t.is_punct and a0 <= head(t) < a1
                   and t.dep_ not in SUBJ_DEPS), None)
    if linked is not None:
        return linked
    hung = [t for t in doc[a0:a1] if not t.is_punct and b0 <= head(t) < b1]
    if doc[b1 - 1].pos_ in ("VERB", "AUX") and hung:
        return doc[b0:b1].root
    finite = next((t for t in hung if t.tag_ in FINITE_TAGS and t.dep_ == "conj"
                   and not any(x.is_quote for x in doc[a0 - 1:t.i])), None)  # not 'whose book, according to X, "draws'
    return finite.head if finite is not None else None


def _open_aside(doc, b0: int, b1: int) -> bool:
    """The words before the phrase open a dash or a parenthesis they do not close: the phrase sits in an aside."""
    dashes = sum(1 for t in doc[b0:b1] if (t.text in DASHES or t.text in ("-", "--")) and t.whitespace_
                 and t.i > 0 and doc[t.i - 1].whitespace_)  # 'a - b', not 'al-Q'
    return dashes % 2 == 1 or sum(t.text == "(" for t in doc[b0:b1]) > sum(t.text == ")" for t in doc[b0:b1])


def _clause_of(verb: Token, i: int, j: int) -> tuple[int, int]:
    """The words [i, j) kept to the clause of the verb (its first conjunct's, for a conjoined verb): 'a man whose
    book, according to its summary, "draws ..."' is the relative clause, not the whole sentence."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return max(i, verb.left_edge.i), min(j, verb.right_edge.i + 1)


def _source_adjunct(doc, a0: int, a1: int) -> bool:
    """'..., according to police on Thursday', '..., according to the mayor via news agency Interfax': a phrase
    right after the source that dates the source's words or says how they came is part of the attribution, not
    more of the words: one prepositional phrase whose object is a date or time, or one of "via", "through"."""
    first = doc[a0]
    if first.pos_ != "ADP" or first.right_edge.i + 1 < a1:
        return False
    rest = [t for t in doc[a0 + 1:a1] if not t.is_punct]
    return first.lower_ in SOURCE_ADJUNCT_PREPS or bool(rest) and all(t.ent_type_ in ("DATE", "TIME") for t in rest)


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
    subj = _subject_apposition(tok, pobj)
    if subj is not None:
        end, named = subj.left_edge.i, None
    i, j = _according_words(ctx, tok, end)
    if j - i < 2 or not has_verb(doc, i, j):
        return None
    cue = doc[tok.i:prep.i + 1].text
    return Attribution((i, j), tok, named if named is not None else _author(pobj), cue)


def _subject_apposition(tok: Token, pobj: Token) -> Token | None:
    """'According to Manila Bulletin, Wednesday's earthquake, at 6.3, was the strongest ...', 'According to X, the
    manifesto if written by the suspect could strengthen ...': the parser hangs the clause's subject on the source
    as an apposition, and the verb the phrase hangs on is left without a subject. A finite clause has one: the
    "apposition" after the source's comma is the subject of the words, not part of the source. Only for a phrase
    that opens its sentence: 'At the heart of the trouble, according to X, another former envoy, was a decision
    ...' puts the subject after its verb, and the apposition glosses the source."""
    if not opens_its_sentence(tok):
        return None
    verb = tok.head
    app = next((c for c in pobj.rights if c.dep_ == "appos"), None)
    if app is None or verb.i <= app.i or verb.pos_ not in ("VERB", "AUX") or tok.i > pobj.i > verb.i \
            or tok.doc[app.left_edge.i - 1].text != "," or app.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if any(c.dep_ in CLAUSE_SUBJ_DEPS for c in verb.children):
        return None
    return app


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

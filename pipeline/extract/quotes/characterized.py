"""Characterizations: ``X called Y "Z"``, ``X described Y as "Z"``.

A characterizing verb whose complement holds a quoted fragment is ``mixed``, up to the end of the
fragment's phrase ("a "brazen breach" of the rules", "pointed to his "D-minus" rating from the NRA", not
the writer's circumstance after it: "in a Facebook post", "during ...", a date) and never over a second verb
("... and called for Z"). It goes on over the verb's comparison phrases (``rated X as "Y" compared to Z``)
and starts at the preposition in ``accused X of "Y"``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..marks import QuotedSpan
from .context import Attribution, QuoteContext, conj_start, is_cue, lemma, strip_span
from .direct import cue_after
from .lexicon import (
    CHAR_PREPS,
    CHARACTERIZING,
    CIRCUMSTANCE_PREPS,
    DASHES,
    MESSAGE_NOUNS,
    OBJECT_FREE_PREPS,
    SENTENCE_END,
    TIME_MARKS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _closing_punctuation(ctx: QuoteContext, hi: int) -> int:
    """'calling him "the most ignorant president."': the sentence's own punctuation that the parser hangs
    on the main verb, when a closing quote mark follows it, goes with the verb's complement."""
    k = hi
    while k < len(ctx.text) and ctx.text[k] in SENTENCE_END:
        k += 1
    return k if k > hi and any(q.close[0] == k for q in ctx.quoted) else hi


def _open_fragment_close(ctx: QuoteContext, tok: Token, lo: int, hi: int) -> int:
    """'who has called the pact "insanity," and ...', 'called the group "one of the sponsors of my campaign."': a
    fragment whose opening mark the parser hangs inside the verb's complements but whose comma or closing mark it
    hangs elsewhere ends the verb's reach at its closing mark, in the same paragraph. Only a fragment inside the
    writer's sentence: it opens in lower case, holds no sentence end but its last (nor a semicolon: 'recalls realizing
    "oh, I am here to work; I have a schedule."' quotes whole clauses, not a phrase), follows a word of the verb's
    phrase but no sentence end, colon or line break ('naming a few. "Clinton remains ..."' is a quotation of its
    own; 'Ms. X said, "is a perfect example"' a medial attribution) and has no attribution after it ('calling
    Trump "an orange buffoon," X said.': X's direct quote, as before)."""
    text = ctx.text
    for q in ctx.quoted:
        if not lo <= q.open[0] < hi < q.close[0] or q.close[1] == q.close[0] or q.scare:
            continue
        words_, before = text[q.start:q.end].rstrip(SENTENCE_END + ",;"), text[lo:q.open[0]]
        if not words_[:1].islower() or any(c in words_ for c in SENTENCE_END + ";") \
                or any(c in before for c in SENTENCE_END + ":\n") or not any(c.isalnum() for c in before):
            continue
        if tok in ctx.token_at(q.open[0]).ancestors and ctx.para_of(q.close[0]) == ctx.para_of(tok.idx) \
                and cue_after(ctx, q) is None:
            return q.close[1]
    return hi


def _participle_of_saying(c: Token) -> bool:
    """'blasted X, calling it "absurd"', 'acknowledged X, saying ...': a participle of saying or characterizing
    set off by a comma after the verb (or by a comma and the closing mark of a fragment: 'hailed X as "fantastic,"
    telling reporters ...') is an attribution of its own (its own row), not the verb's words."""
    doc = c.doc
    k = c.left_edge.i
    return c.dep_ == "advcl" and c.tag_ == "VBG" and k == c.i and k > 0 and (
        doc[k - 1].text == "," or k > 1 and doc[k - 1].is_quote and doc[k - 2].text == ",") \
        and (is_cue(c) or lemma(c) in CHARACTERIZING)


def _verb_reach(ctx: QuoteContext, tok: Token) -> tuple[int, int]:
    """Character range of the verb's complements in its paragraph ("X called them on it:" and a
    quotation in the next paragraph: that is the quotation of X, not a fragment), up to a second
    verb ("called X "Y" and called for Z": the second verb is not part of the words) or a participle
    of saying after a comma ("blasted X, calling it "Y"")."""
    doc = ctx.doc
    lo, hi = doc[tok.i + 1].idx, _closing_punctuation(ctx, tok.right_edge.idx + len(tok.right_edge.text))
    hi = min(_open_fragment_close(ctx, tok, lo, hi), ctx.para_of(tok.idx)[1])
    for c in tok.rights:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            k = conj_start(c)
            while k < c.i and doc[k].is_punct:
                k += 1
            hi = min(hi, doc[k].idx)
        elif _participle_of_saying(c):
            hi = min(hi, doc[c.i - 1].idx)
    return lo, hi


def _fragment_end(ctx: QuoteContext, tok: Token, frag: list[QuotedSpan], lo: int, hi: int) -> int:
    """The attributed words end with the last quoted fragment ("... as a "crazy system" during a
    stop") and with the phrase that holds it ("a "brazen breach" of the rules")."""
    last = max(q.close[1] for q in frag)
    t = ctx.token_at(max(q.start for q in frag if q.close[1] == last))
    while t.head.i != tok.i and t.head.i != t.i and t.head.i > tok.i:
        t = t.head
    if t.head.i == tok.i and t.dep_ in ("dobj", "oprd", "attr", "xcomp", "ccomp", "dative", "prep"):
        prep = t.dep_ == "prep"
        end = _phrase_end(ctx, t, last, _circumstance if prep else _aside)
        whole = end if prep else t.right_edge.idx + len(t.right_edge.text)
        if end <= hi and not any(lo <= p < whole for p in ctx.mark_pos if p > last):
            last = max(last, end)
    return last


def _aside(t: Token) -> bool:
    """A dash, parenthesis or semicolon after a fragment: the writer's aside or gloss, not the speaker's words (the
    only stop inside the verb's object or complement, whose dates and clauses are the phrase's own: 'his
    "Mission Accomplished" appearance during the Iraq war', 'the "pessimistic" vision that emerged last week')."""
    doc = t.doc
    spaced_hyphen = t.text == "-" and bool(t.whitespace_) and t.i > 0 and bool(doc[t.i - 1].whitespace_)
    return t.text in DASHES or t.text == ";" or spaced_hyphen or t.text == "(" and not _bracketed_label(t)


def _bracketed_label(t: Token) -> bool:
    """'the World Health Organization (WHO)', 'Rep. X (D-Fla.)': a short verbless bracket that names or tags the word
    before it belongs to the phrase; a bracket with a clause or a longer gloss is the writer's aside."""
    words = t.doc[t.i + 1:t.i + 6]
    close = next((w.i for w in words if w.text == ")"), None)
    return close is not None and not any(w.pos_ in ("VERB", "AUX") for w in t.doc[t.i + 1:close])


def _circumstance(t: Token) -> bool:
    """A word that opens the writer's circumstance after a fragment, not more of the phrase that holds it: a dash or
    parenthesis ('to "burning the Constitution" - a charge that ...'), a date or time ('as a "very decent man"
    Tuesday'), a time clause ('while ...'), a circumstance preposition ('during a campaign stop') or a message
    the words were in ('in a Facebook post')."""
    return _aside(t) \
        or t.ent_iob_ == "B" and t.ent_type_ in ("DATE", "TIME") \
        or t.dep_ == "mark" and t.lower_ in TIME_MARKS \
        or t.dep_ == "prep" and (t.lower_ in CIRCUMSTANCE_PREPS or any(
            o.dep_ == "pobj" and o.lemma_.lower() in MESSAGE_NOUNS for o in t.children))


def _phrase_end(ctx: QuoteContext, head: Token, last: int, stop: Callable[[Token], bool]) -> int:
    """'for a "Medicare for all" single-payer system', 'to his "D-minus" rating from the NRA', 'a "brazen breach" of
    the rules': a fragment inside a phrase of the verb (its object, complement or prepositional phrase) ends with
    that phrase, before the first word that ``stop`` finds (``_circumstance`` in a prepositional phrase, ``_aside``
    in an object: 'likened the tax to "burning money" - a charge ...'). A noun phrase that opens right after the
    fragment in a prepositional phrase ('describing as "unhinged" a tweet ...') is what the words are said of."""
    doc = head.doc
    words = [t for t in doc[head.i:head.right_edge.i + 1] if t.idx >= last]
    cut = next((t for t in words if stop(t) or t.idx in ctx.mark_pos), None)
    if words and words[0].tag_ in ("DT", "PRP$") and head.dep_ == "prep":
        return last
    if cut is not None:  # 'ahead of the 2018 primary': the whole phrase that holds the date goes (a dash alone)
        inside = lambda h: head.i <= h.i <= head.right_edge.i and h.left_edge.idx >= last  # noqa: E731
        while not cut.is_punct and cut.head.i != cut.i and inside(cut.head):
            cut = cut.head
        words = [t for t in words if t.idx < cut.left_edge.idx and t.i < cut.i]
    while words and words[-1].is_punct and words[-1].text not in ")]":
        words.pop()
    return words[-1].idx + len(words[-1].text) if words else last


def _trailing_phrases(ctx: QuoteContext, tok: Token, last: int, hi: int) -> int:
    """The verb's own phrases after the fragment go on with the characterization ("cited X as "Y"
    as examples of Z", "rated X as "Y" compared to Z"); a phrase or clause of circumstance
    ("during an interview", "after she ...") does not."""
    for c in tok.rights:
        if c.idx < last:
            continue
        phrase = c.dep_ == "prep" and c.lower_ in CHAR_PREPS or c.dep_ == "advcl" and c.tag_ == "VBN" and not any(
            g.dep_ in ("mark", "nsubj", "nsubjpass") for g in c.children)
        end = c.right_edge.idx + len(c.right_edge.text)
        if not phrase or end > hi or ctx.in_quote(c.idx) is not None or "\n" in ctx.text[last:end]:
            break
        last = end
    return last


def _words_start(tok: Token, frag: list[QuotedSpan]) -> int:
    """"accused X of "Y"", "likened X to "Y"": the words are the phrase that holds the fragment, not
    the person or thing they are said of; otherwise they start right after the verb."""
    first = min(q.open[0] for q in frag)
    objs = [o for o in tok.children if o.dep_ == "dobj"]
    heads = [tok] + objs + [a for o in objs for a in o.children if a.dep_ == "appos"]
    for c in (c for h in heads for c in h.rights):
        if c.dep_ == "prep" and c.lower_ in OBJECT_FREE_PREPS and c.idx <= first <= c.right_edge.idx \
                and objs and objs[0].i < c.i:
            return c.i
    return tok.i + 1


def characterized(ctx: QuoteContext, tok: Token, subj: Token) -> Attribution | None:
    """``X called Y "Z"``, ``X described Y as "Z"``: a quoted fragment in the verb's complements."""
    doc = ctx.doc
    if tok.i + 1 >= len(doc):
        return None
    lo, hi = _verb_reach(ctx, tok)
    frag = [q for q in ctx.quoted
            if not q.scare and lo <= q.open[0] and q.close[0] <= hi and q.close[1] > q.close[0]]
    if not frag:
        return None
    last = _trailing_phrases(ctx, tok, _fragment_end(ctx, tok, frag, lo, hi), hi)
    j = tok.i + 1
    while j < len(doc) and doc[j].idx < last:
        j += 1
    i, j = strip_span(doc, _words_start(tok, frag), j)
    if j <= i:
        return None
    return Attribution((i, j), tok, subj)

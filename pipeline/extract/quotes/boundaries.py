"""Where reported words end.

A reported clause stays inside its paragraph. It ends before a second attribution that closes its
sentence (``..., but she denied that ...``, ``... and the engineers say ...``) and before a
non-restrictive gloss (``..., which ...``, an apposition); it keeps the closing mark of a fragment
it ends with. A quotation or unquoted words appended with a colon or dash (``X said A: "Q."``)
complete the clause, unless the quotation has an attribution of its own. Words that end with a
quotation set off by a dash or a parenthesis before that quotation's own attribution (``A - "Q,"
X said``) are no reported clause.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import islice, takewhile
from typing import TYPE_CHECKING

from ..marks import QuotedSpan
from .clauses import modal_continuation
from .context import Attribution, QuoteContext, char_range, is_cue, lemma, sent_end, strip_span
from .lexicon import (
    APPOSITION_FOCUS_ADVERBS,
    CHARACTERIZING,
    CLAUSE_BREAKS,
    DASHES,
    GLOSS_DEPS,
    RELATIVES,
    SUBJ_DEPS,
)
from .speakers import subject

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# ---------------------------------------------------------------- what the writer appended
def _clause_left(doc: Doc, c: Token, lo: int) -> int:
    """Where the clause headed by ``c`` begins, with its coordinator or subordinator (not before ``lo``)."""
    k = c.left_edge.i
    while k - 1 > lo and (doc[k - 1].dep_ in ("cc", "mark") or doc[k - 1].is_space):
        k -= 1
    return k


def _after_break(doc: Doc, k: int, lo: int) -> bool:
    """True when token ``k`` opens a new part of the sentence: it follows a comma, semicolon or
    dash, or a coordinator that follows one."""
    k -= 1
    while k > lo and (doc[k].dep_ in ("cc", "mark") or doc[k].is_space):
        k -= 1
    return k > lo and doc[k].text in CLAUSE_BREAKS


def _coordinated_attribution(doc: Doc, c: Token, start: int) -> bool:
    """``... under the program and Trump says B``, ``... and FIDE agreed``: a speech verb with a
    subject of its own right after a bare coordinator opens a second attribution even without a
    comma before it (not a relative "and who said", nor a modal "and my dad would tell me", which
    goes on with the words)."""
    subj = next((g for g in c.children if g.dep_ in SUBJ_DEPS and g.i < c.i), None)
    return doc[start].dep_ == "cc" and is_cue(c) and c.dep_ == "conj" and subj is not None \
        and subj.left_edge.i == start + 1 and subj.lower_ not in RELATIVES and subj.tag_ not in ("WP", "WDT") \
        and not any(g.tag_ == "MD" for g in c.children)


def _closing_attribution(ctx: QuoteContext, cue: Token, i: int, j: int) -> int | None:
    """Start of another attribution that closes the sentence (``..., but she denied that ...``,
    ``..., saying ...``, ``... -- and he noted that ...``, ``..., as X said``): its own row."""
    doc = ctx.doc
    for k in range(i + 2, j):
        c = doc[k]
        if c.i == cue.i or ctx.in_quote(c.idx) is not None or c.right_edge.i < j - 2 \
                or modal_continuation(c):
            continue
        if (is_cue(c) or lemma(c) in CHARACTERIZING and c.pos_ == "VERB") and c.dep_ in \
                ("conj", "advcl", "parataxis", "relcl", "ccomp") and c.head.i != cue.i or \
                is_cue(c) and c.dep_ == "conj" and c.head.i == cue.i:
            start = _clause_left(doc, c, i)
            if start > i + 2 and (_after_break(doc, start, i) or _coordinated_attribution(doc, c, start)):
                return start
    return None


def _summary_apposition(c: Token) -> bool:
    """``..., a charge that X denied``, ``..., a mass layoff rivaling ...``: a noun phrase opened by an article after a
    comma at the end of the clause, which the parser hangs on a verb as an adverbial noun (npadvmod), sums up the
    clause: the writer's comment on the reported words, not a time or measure ("a year", "Monday")."""
    return c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.head.pos_ in ("VERB", "AUX") and c.i > c.head.i \
        and c.doc[c.left_edge.i].lower_ in ("a", "an", "the") and not c.ent_type_ \
        and not any(t.pos_ == "PROPN" for t in c.doc[c.left_edge.i:c.i]) \
        and any(g.dep_ in ("relcl", "acl", "prep") and g.i > c.i for g in c.children)


_PLACE_TYPES = ("GPE", "LOC")


def _identifying_apposition(c: Token) -> bool:
    """An apposition that is part of what is named, not the writer's gloss: a place's state or country
    ("Janesville, Wis.", "Salinas, Mexico"), a date's day ("next Wednesday, July 31"), the name of what a
    common noun points at ("his wife, Lonnie", "two states, Illinois and Arizona"), a list the parser
    hangs as an apposition ("Israel, the nuclear deal and the possibility ...") or a focus on part of
    the noun ("immigrants, particularly Mexicans")."""
    head, first = c.head, c.doc[c.left_edge.i]
    if c.ent_type_ in _PLACE_TYPES and head.ent_type_ in _PLACE_TYPES or c.ent_type_ == head.ent_type_ == "DATE":
        return True
    if c.pos_ == "PROPN" and c.ent_type_ and first.pos_ == "PROPN" and head.pos_ in ("NOUN", "NUM", "PRON"):
        return True
    if any(g.dep_ == "conj" and (g.pos_ == "PROPN" or any(d.dep_ in ("det", "poss") for d in g.children))
           for g in c.children):
        return True
    return first.lower_ in APPOSITION_FOCUS_ADVERBS


def _trailing_gloss(ctx: QuoteContext, i: int, j: int) -> int | None:
    """Start of a gloss after a comma at the end (``..., the alliance that ...``): an apposition
    the writer adds to the reported words (kept when it holds a quotation; a non-restrictive
    relative clause is kept too)."""
    doc = ctx.doc
    for k in range(i + 2, j):
        c = doc[k]
        gloss = c.dep_ in GLOSS_DEPS and c.head.pos_ in ("NOUN", "PROPN", "PRON") or _summary_apposition(c)
        if not gloss or c.right_edge.i < j - 2 or c.left_edge.i <= i + 2:
            continue
        if c.dep_ == "relcl" or _identifying_apposition(c):
            continue
        start = c.left_edge.i
        if doc[start - 1].text != ",":
            continue
        if any(p in ctx.mark_pos for p in range(doc[start].idx, doc[j - 1].idx + len(doc[j - 1].text))):
            continue
        return start - 1
    return None


def trim_tail(ctx: QuoteContext, cue: Token, i: int, j: int) -> int:
    """End of a reported clause without what the writer appended to it: another attribution that
    closes the sentence, or a gloss after a comma at the end."""
    end = _closing_attribution(ctx, cue, i, j)
    if end is None:
        end = _trailing_gloss(ctx, i, j)
    return j if end is None else end


def _closing_source(ctx: QuoteContext, cue: Token, i: int, j: int) -> int:
    """``..., the source added`` closing the clause belongs to another attribution: the end before it."""
    doc = ctx.doc
    for k in range(i + 1, j):
        c = doc[k]
        if c.i != cue.i and is_cue(c) and c.right_edge.i >= j - 2:
            subj = subject(c)
            if subj is not None and subj.i < c.i and subj.left_edge.i > i \
                    and doc[subj.left_edge.i - 1].text == ",":
                return subj.left_edge.i - 1
    return j


# ---------------------------------------------------------------- quotations at the edges
def attributed_after(ctx: QuoteContext, q: QuotedSpan, cue: Token) -> bool:
    """A quotation followed in its sentence by an attribution of its own ('"...," the union wrote'):
    those words are a direct quote, not the end of another reported clause."""
    doc = ctx.doc
    t = ctx.token_at(q.close[1])
    if t.idx < q.close[1] and t.i + 1 < len(doc):
        t = doc[t.i + 1]
    for x in doc[t.i:t.i + 12]:
        if x.text in (".", "!", "?") or "\n" in x.text or x.idx in ctx.mark_pos:
            return False
        if x.i != cue.i and is_cue(x) and x.idx >= q.close[1]:
            return True
    return False


def _end_at_quotation(ctx: QuoteContext, cue: Token, q: QuotedSpan, s: int, e: int, j: int) -> int | None:
    """The clause end a quotation sets (token index), None to drop the clause, ``j`` when it sets none."""
    pend = ctx.para_of(cue.idx)[1]
    if s < q.open[0] and q.close[1] >= e and cue.idx >= q.close[1] \
            and ctx.text[s:q.open[0]].rstrip().endswith(":"):
        return None  # 'X scolded him: "...," she said': the words are the quotation, a direct quote
    starts_inside = q.open[1] <= s < q.close[0] and q.close[0] < e
    if starts_inside and (s > q.start or s > q.open[1] + 1):
        return None  # the clause begins inside a quotation: that is a direct quote's frame
    if s < q.open[0] < e and q.close[0] > e + 1:
        ends_para = q.close[1] <= pend and not ctx.text[q.close[1]:pend].strip(" \t\u00a0.!?")
        if (q.close[0] <= cue.sent.end_char + 2 or ends_para and cue.idx < q.open[0]) \
                and q.close[0] < pend and not attributed_after(ctx, q, cue):
            return ctx.token_at(max(q.close[1] - 1, 0)).i + 1  # the quotation ends the clause
        return ctx.token_at(q.open[0]).i  # runs into a longer quotation: stop before it
    if s < q.open[0] < e <= q.close[0] < q.close[1] and not ctx.text[e:q.close[0]].strip(" ,.;:!?"):
        return ctx.token_at(q.close[0]).i + 1  # the clause ends with the quotation: its closing mark too
    return j


def cut_nested(ctx: QuoteContext, r: Attribution, i: int, j: int) -> tuple[int, int] | None:
    """Keep a reported clause inside its paragraph, out of other attributions and quotations."""
    doc, cue = ctx.doc, r.cue
    pstart, pend = ctx.para_of(cue.idx)
    while i < j and doc[i].idx < pstart:
        i += 1
    while j > i and doc[j - 1].idx >= pend:
        j -= 1
    if j > i and not r.cue_text:
        j = trim_tail(ctx, cue, i, j)
    j = _closing_source(ctx, cue, i, j)
    if j <= i:
        return None
    s, e = char_range(doc, i, j)
    for q in ctx.quoted[bisect_right(ctx.quote_closes, s):]:   # a quotation closed by s sets nothing
        if q.open[0] >= max(e, cue.idx):                        # nor one opening after the clause and its cue
            break
        j = _end_at_quotation(ctx, cue, q, s, e, j)
        if j is None:
            return None
    i, j = strip_span(doc, i, j)
    return (i, j) if j - i >= 2 else None


def opening_mark(ctx: QuoteContext, cue: Token, s: int, e: int) -> int:
    """'Obama said "it gets me mad" every time ...': words that start right after an opening mark whose
    quotation opens with a lowercase word (a fragment of the writer's sentence) and closes inside them start
    at that mark (a mixed quote), not inside the quotation; not when the words hold their own cue. A quotation
    that opens with a capital after its cue ('said, "We are ..." for second place') stays a direct quote of its
    own."""
    q = ctx.in_quote(s)
    if q is None or ctx.text[q.open[1]:s].strip() or q.close[0] == q.close[1] or q.close[1] > e \
            or s <= cue.idx < e:
        return s
    return q.open[0] if ctx.text[s:s + 1].islower() or _attributed_after_the_words(ctx, q, cue, e) else s


def quotation_set_off(ctx: QuoteContext, s: int, e: int) -> bool:
    """'"What is sad", Cengiz said, "is ..."', 'Had I said "Allah is not gay", nobody would ...': words that start
    with the capital opening a quotation and run on past its closing mark and the comma right after it (news that
    puts the comma outside the marks) are that quotation and what follows it: the quotation is a direct quote."""
    q = ctx.in_quote(s)
    return q is not None and not ctx.text[q.open[1]:s].strip() and ctx.text[s:s + 1].isupper() \
        and q.close[0] < q.close[1] < e and ctx.text[q.close[1]:q.close[1] + 1] == ","


def quotation_after_a_break(ctx: QuoteContext, cue: Token, s: int, e: int) -> bool:
    """'Mr. X suggested Mr. Y admired strongmen - "He would have loved Stalin," Mr. X said', 'prompted blowback
    ("I want my dues back," one wrote)': words whose cue comes after them and that end with a quotation the writer
    set off with a dash or an opening parenthesis, their only quotation, are the writer's clause and that
    quotation: the quotation is a direct quote of the cue after it, the clause before the break is nobody's words."""
    if cue.idx < e:
        return False
    after = islice(ctx.quoted, bisect_right(ctx.quote_closes, s), None)
    inside = [q for q in takewhile(lambda q: q.open[0] < e, after) if s <= q.open[0]]
    q = inside[0] if len(inside) == 1 else None  # the only quotation of the words
    if q is None or q.scare or q.close[0] == q.close[1] or not e - 1 <= q.close[1] <= e + 1:
        return False
    lead = ctx.text[s:q.open[0]].rstrip()
    return lead.endswith((*DASHES, " -", "(")) and len(lead) > 2


def _attributed_after_the_words(ctx: QuoteContext, q: QuotedSpan, cue: Token, e: int) -> bool:
    """'"We are horrified" by the shooting, Nefzi said': a quotation opening with a capital is part of
    words whose cue follows them, unless a comma right after its closing mark ends it ('"A", X said')."""
    return cue.idx >= e and ctx.text[q.close[1]:q.close[1] + 1] != ","


def appended_quotation(ctx: QuoteContext, r: Attribution, s: int, e: int) -> int:
    """``X said CLAUSE: "Q."``, ``X asked Y to CLAUSE -- "Q."``: a quotation that the writer
    appends to a reported clause with a colon or a dash, and that ends its sentence, completes
    the reported words (the row becomes mixed). Unquoted words after a colon (``X notes that three
    things happen at once: A, B and C.``) complete them too, to the end of the sentence. Returns
    the new end offset."""
    text = ctx.text
    pos = e
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    lead = pos
    while pos < len(text) and text[pos] in ":-\u2013\u2014":
        pos += 1
    if pos == lead or not text[lead:pos].strip():
        return e
    while pos < len(text) and text[pos] in " \t\u00a0":
        pos += 1
    q = next((q for q in ctx.quoted if q.open[0] == pos), None)
    if q is None and text[lead:pos].strip() == ":" and r.cue.idx < s:
        return _words_after_colon(ctx, pos, e)
    if q is None or q.scare or q.close[1] == q.close[0] or r.cue.idx > s and r.cue.idx > e:
        return e
    pstart, pend = ctx.para_of(s)
    if q.close[1] > pend:
        return e
    rest = text[q.close[1]:pend]
    if rest.strip(" \t\u00a0.!?\"'\u201d\u2019"):
        return e  # more follows the quotation in its paragraph (an attribution of its own)
    return q.close[1]


def _words_after_colon(ctx: QuoteContext, pos: int, e: int) -> int:
    """"X notes that three things happen at once: A, B and C.": the words go on after the colon,
    to the end of the sentence, unless they hold an attribution or a quote mark."""
    t = ctx.token_at(pos)
    end = sent_end(t)
    while end > t.i and (ctx.doc[end - 1].text in (".", "!", "?") or ctx.doc[end - 1].is_space):
        end -= 1
    rest = ctx.doc[t.i:end]
    if end > t.i + 2 and "\n" not in rest.text and not any(is_cue(x) for x in rest) \
            and not any(rest.start_char <= m < rest.end_char for m in ctx.mark_pos):
        return rest.end_char
    return e

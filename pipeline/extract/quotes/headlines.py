"""Headlines: ``Senator Says Talks Will Resume Next Week``, ``Mayor Tells Residents Not To Panic``.

A headline written in title case (every longer word capitalised) reports with a speech verb in the present or
past (``Says``, ``Said``, ``Tells``, ``Claims``) between its source and what was said; with every word
capitalised the parser often takes the verb for a noun or the clause after it for an object, so no clause
pattern sees it. Tried only on a headline line none of the parse's patterns attributed anything in: the words
after the verb to the first clause break (``Clinton Says Russians Hacked DNC, Calls ...``) are the source's.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .context import Attribution, QuoteContext, lexicon_lemma
from .lexicon import (
    DIRECT_ONLY,
    HEADLINE_ADVERBS,
    HEADLINE_BREAKS,
    HEADLINE_NOUN_VERBS,
    MAX_HEADLINE_WORDS,
    MIN_HEADLINE_WORDS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def title_case_line(line: str) -> bool:
    """A line of a few words whose words of four letters or more all open with a capital, not all capitals."""
    words = _WORD.findall(line)
    long = [w for w in words if len(w) >= 4]
    return 3 <= len(words) <= MAX_HEADLINE_WORDS and len(long) >= 2 and all(w[0].isupper() for w in long) \
        and not all(w.isupper() for w in long)


def _headline_verb(tok: Token) -> bool:
    """A capitalised form of a speech verb in the present or past ("Says", "Told"), whatever the parser tagged it;
    not the base form or a participle in -ing ("Men Telling Us ...", "Warning Sign": no one's report)."""
    base = lexicon_lemma(tok.lemma_.lower(), tok.lower_)
    return tok.text[:1].isupper() and tok.lower_ != base and not tok.lower_.endswith("ing") \
        and base in SPEECH_VERBS and base not in DIRECT_ONLY and base not in HEADLINE_NOUN_VERBS


def _headline(ctx: QuoteContext, tok: Token, lo: int, hi: int) -> Attribution | None:
    doc = ctx.doc
    k = tok.i - 1
    if k >= 0 and doc[k].lower_ in HEADLINE_ADVERBS:
        k -= 1  # "X Just Said ...", "X Finally Confirmed ..."
    source = doc[k] if k >= 0 else None
    if source is None or source.idx < lo or not source.is_alpha or not source.text[:1].isupper() \
            or source.pos_ not in ("PROPN", "NOUN"):
        return None
    start = end = tok.i + 1
    while end < len(doc) and doc[end].idx < hi and doc[end].text not in HEADLINE_BREAKS:
        end += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < MIN_HEADLINE_WORDS or doc[start].pos_ in ("ADP", "PART", "PUNCT"):
        return None  # "X Responds To Y": a topic; "..., X Tells Party Convention": an addressee
    return Attribution((start, end), tok, source)


def headline_attributions(ctx: QuoteContext, found: list[Attribution]) -> list[Attribution]:
    """The headline attributions of the article's title-case lines that no other pattern attributed in."""
    taken = [r.cue.idx for r in found]
    rows: list[Attribution] = []
    for lo, hi in ctx.paras:
        if any(lo <= t < hi for t in taken) or not title_case_line(ctx.text[lo:hi]):
            continue
        span = ctx.doc.char_span(lo, hi, alignment_mode="expand")
        for tok in span if span is not None else ():
            if _headline_verb(tok) and not ctx.in_quote(tok.idx):
                r = _headline(ctx, tok, lo, hi)
                if r is not None:
                    rows.append(r)
                break
    return rows

"""Qualifiers: whether a figure is exact or a bound. Written before the number ("more than",
"nearly", "up to"), after it ("or more", "plus", "+") or said by the verb that governs it
("exceeded 8 billion"). Conventions: over ("more than", "over", "exceeded"), under ("less than",
"fewer than", "nearly", "almost": the figure is a bound not reached), about ("about", "around",
"roughly"), at_least ("at least", "or more", "as little as"), at_most ("up to", "as many as", "no more than",
"as long as" two years), else exact; in speech "like" before a number is about ("we were like ten people"). An age
bound is written around "the age of" ("below the age of fifteen": under) or as a comparative ("younger than 50").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .context import lemma_word
from .lexicon import (
    LIKE_COMPARISON_VERBS,
    MOTION_ALT,
    QUAL_AFTER,
    QUAL_BEFORE,
    QUAL_BEFORE_WITH_UNIT,
    QUAL_VERBS,
    TIME_OFFSET_UNITS,
    alt,
)
from .record import Figure
from .units import after_age_words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .record import TokenAt

QUAL_BEFORE_RE = re.compile(rf"(?<![\w])(?P<q>{alt(QUAL_BEFORE)})\s*\Z")
QUAL_AFTER_RE = re.compile(rf"\s*(?P<q>{alt(QUAL_AFTER)})(?![\w])")
MOTION_BEFORE_RE = re.compile(r"(?i)\b(?:" + MOTION_ALT + r")\s+\Z")
LIKE_BEFORE_RE = re.compile(r"(?i)(?<![\w'])like\s+\Z")


def _qualifier_word_before(text: str, f: Figure) -> bool:
    """A qualifier phrase right before the number; False when what is written there says the
    figure takes no qualifier at all ("a record 5 million", "inching back up to 4.8 percent")."""
    m = QUAL_BEFORE_RE.search(text, max(0, f.start - 30), f.start)
    if not m:
        return True
    qs = re.sub(r"\s+", " ", m.group("q").lower())
    q = QUAL_BEFORE[qs]
    if qs == "up to" and MOTION_BEFORE_RE.search(text[max(0, m.start() - 15):m.start()]):
        return False             # "inching back up to 4.8 percent": a level reached, not a bound
    if _conjunction_before_count(qs, f):
        return True
    if q == "exact":
        return False
    f.qualifier = q
    f.start = m.start("q")
    return True


def _conjunction_before_count(qs: str, f: Figure) -> bool:
    """"could last as long as two years", "as far as 10 km" are bounds (at most), but "as long as two people agree",
    "as far as one can tell" are conjunctions: the phrases of ``qualifiers_before_with_a_unit`` bound only a number
    with a unit."""
    return qs in QUAL_BEFORE_WITH_UNIT and f.bare


def _qualifier_word_after(text: str, f: Figure) -> None:
    """"50 euros or more", "40-plus"; "plus" followed by more words is an addition ("5 plus 3")."""
    m = QUAL_AFTER_RE.match(text, f.end)
    if not (m and f.qualifier == "exact"):
        return
    q = m.group("q").lower()
    if q == "+" and m.start() != f.end:
        return
    following = text[f.end:f.end + 12]
    if q == "plus" and re.match(r"\s+plus\s+\S", following) and not re.match(r"\s+plus\s*[,.;)]", following):
        return
    f.qualifier = QUAL_AFTER[re.sub(r"\s+", " ", q)]
    f.end = m.end()


def read_qualifier(text: str, f: Figure) -> None:
    """The qualifier written around the number."""
    if _qualifier_word_before(text, f):
        _qualifier_word_after(text, f)


def qualifier_from_verb(f: Figure, root: Token, gov: Token | None) -> None:
    """"Revenue exceeded 8 billion euros": the verb whose object the figure is qualifies it."""
    if f.qualifier == "exact" and gov is not None and root.dep_ in ("dobj", "attr", "npadvmod"):
        q = QUAL_VERBS.get(lemma_word(gov))
        if q:
            f.qualifier = q


def spoken_like(text: str, f: Figure, tok_at: TokenAt) -> None:
    """"we were like ten people", "I have like 30 percent of my taste", "for like six years": in speech "like" right
    before a number hedges it as "about" does. Not the verb ("I'd like 10,000 rounds"), not "such as" after a noun
    ("things like one woman"), not after a verb of seeming ("it looks like 11 languages have", "I feel like two years
    is the limit": ``like_comparison_verbs``)."""
    if f.qualifier != "exact":
        return
    m = LIKE_BEFORE_RE.search(text, max(0, f.start - 12), f.start)
    like = tok_at(m.start()) if m else None
    if like is None or like.lower_ != "like" or like.pos_ in ("VERB", "AUX"):
        return
    if like.dep_ == "prep" and like.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return
    if like.i > 0 and lemma_word(like.doc[like.i - 1]) in LIKE_COMPARISON_VERBS:
        return
    f.qualifier, f.start = "about", like.idx


def over_as_during(text: str, f: Figure, root: Token, tok_at: TokenAt) -> bool:
    """"would cost $374 billion over 10 years", "spread over three days": "over" that the parse makes the
    preposition of a duration says when (during), not how long at least; the figure starts at its number (an age
    stays a bound: "voters over 65", "every justice over the age of 70 years"). True when the figure lost its "over"."""
    over = tok_at(f.start)
    if f.qualifier != "over" or f.age or after_age_words(text, f) or f.unit not in TIME_OFFSET_UNITS or over is None \
            or over.lower_ != "over" or over.dep_ != "prep" or not (root == over or root.head == over):
        return False
    f.qualifier = "exact"
    f.start = over.idx + len(over.text)
    while f.start < f.core_start and text[f.start].isspace():
        f.start += 1
    return True

"""The period a figure refers to: the date entity of its sentence nearest the figure that names a time (a year, a
month, a weekday, "last quarter", a range "from 2013 to 2019"), not a duration ("the past two years"), an age, a day
counted from the article's own date ("yesterday"), a time of day ("1639 UTC") or the date of another thing ("the 1973
building").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..spans import doc_text
from .context import governing_verb, lemma_word
from .lexicon import (
    CLOCK_WORDS_AFTER,
    DATED_SOURCE_NOUNS,
    DEICTIC_DAYS,
    MONTHS,
    NOT_PERIOD,
    PERIOD_WORDS,
    RELATIVE_WORDS,
    WEEKDAYS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .record import Figure

YEAR_RE = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
COUNT_WORD_RE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b")
COUNT_WORD_NOT_ONE_RE = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten)\b")
_DATING_NOUNS = PERIOD_WORDS | DATED_SOURCE_NOUNS   # nouns a date before them dates for the figure too
RANGE_OPENERS = ("from", "between")
DURATION_RE = re.compile(r"(?i)(?:the\s+)?(?:past|last|next|previous)?\s*[\w-]+\s+"
                         r"(?:years?|months?|weeks?|days?|decades?)")


def date_entities(doc: Doc) -> dict[int, list[Span]]:
    """The DATE entities of ``doc`` by the start token of their sentence."""
    date_ents: dict[int, list] = {}
    for e in doc.ents:
        if e.label_ == "DATE":
            date_ents.setdefault(e.sent.start, []).append(e)
    return date_ents


def _names_a_period(txt: str) -> bool:
    """Whether a date entity's text names the time a figure refers to."""
    low = txt.lower()
    if any(n in low for n in NOT_PERIOD):
        return False
    words = re.findall(r"[a-z0-9]+", low)
    counts = COUNT_WORD_RE.search(low) and not YEAR_RE.search(txt) and not any(w in MONTHS for w in words)
    if "old" in words or counts:
        return False  # "92-year-old", "two-day", "three years": not the time a figure refers to
    if _only_a_deictic_day(txt, words):
        return False
    if not (YEAR_RE.search(txt) or any(w in MONTHS or w in WEEKDAYS for w in words)
            or (any(w in PERIOD_WORDS for w in words) and any(w in RELATIVE_WORDS for w in words))):
        return False
    if DURATION_RE.fullmatch(txt) and COUNT_WORD_NOT_ONE_RE.search(low):
        return False  # a duration ("the past two years"), not a period
    return True


def _only_a_deictic_day(txt: str, words: list[str]) -> bool:
    """"yesterday", "Today", "earlier today", "late yesterday": a day counted from the article's own date, with no
    year, month or weekday, is no period (a table row cannot say which day it was)."""
    return any(w in DEICTIC_DAYS for w in words) and not YEAR_RE.search(txt) \
        and not any(w in MONTHS or w in WEEKDAYS for w in words)


def _clock_time(ent: Span) -> bool:
    """"10:39 a.m. local time (1639 UTC)", "local time (UTC+0900)": four digits before a time zone
    (``clock_words_after``) or after "UTC+" are a time of day, not a year."""
    doc = ent.doc
    if not re.fullmatch(r"\d{4}", ent.text):
        return False
    after = doc[ent.end].text if ent.end < len(doc) else ""
    before = doc_text(doc)[max(0, ent.start_char - 4):ent.start_char]
    return after in CLOCK_WORDS_AFTER or before.endswith(("UTC+", "GMT+", "UTC-", "GMT-", "UTC", "GMT"))


def _year_of_another_thing(ent: Span, f: Figure, root: Token, verb: Token | None) -> bool:
    """"The 1973 building was home to over 1,000 people", "asked three pundits for their tally of the 2020
    presidential election": a date written before a noun as its modifier dates that thing, not the figure, unless
    the noun is the figure's own (its head, a word of its measure, a period word) or places the figure's verb in
    time ("In the 2016 election, Trump won 46 percent")."""
    r = ent.root
    noun = r.head
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head        # "the September 25-27 Leger poll"
    if r.dep_ not in ("compound", "nummod", "amod", "nmod") or noun.pos_ not in ("NOUN", "PROPN") \
            or noun.i < ent.end or noun.i in (root.i, root.head.i) \
            or lemma_word(noun) in _DATING_NOUNS or noun.lower_ in DATED_SOURCE_NOUNS:
        return False
    own = {root.i, root.head.i} | ({verb.i} if verb is not None else set())
    own |= {c.i for t in (root, root.head) for c in t.children if c.dep_ in ("acl", "relcl")}   # "26 people killed in"
    measure_words = set(f.measure.split()) if f.measure else set()
    if noun.text in measure_words or noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in own:
        return False
    return not (noun.dep_ == "pobj" and (noun.head.head.i in own or noun.head.head.text in measure_words))


def _whole_range(ent: Span, ents: list[Span]) -> Span:
    """"seized 126 skins ... from 2013 to 2019", "between December 2019 and April 2020": a date that opens a range
    of dates is the range's start; the period is the whole range."""
    doc = ent.doc
    opener = ent[0].lower_ if len(ent) > 1 and ent[0].lower_ in RANGE_OPENERS else \
        doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if opener not in RANGE_OPENERS or ent.end + 1 >= len(doc):
        return ent      # the parser may take the opener into the date: "between June 2012" ... "and May 2014"
    joint = doc[ent.end].lower_
    if joint not in ("to", "through", "until", "-", "–") and not (joint == "and" and opener == "between"):
        return ent
    for other in ents:
        if other.start == ent.end + 1:
            return doc[ent.start:other.end]
    return ent


def period(f: Figure, root: Token | None, date_ents: dict[int, list[Span]]) -> str | None:
    """The period of the sentence's date entities nearest the figure (those of its verb first)."""
    if root is None:
        return None
    sent = root.sent
    best, best_key = None, None
    verb = governing_verb(root)
    for ent in date_ents.get(sent.start, ()):
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if ent.start_char < f.end and f.start < ent.end_char:
            continue
        if not _names_a_period(ent.text) or _clock_time(ent) or _year_of_another_thing(ent, f, root, verb):
            continue
        ev = governing_verb(ent.root)
        dist = min(abs(ent.start - root.i), abs(ent.end - 1 - root.i))
        key = (0 if ev is not None and verb is not None and ev.i == verb.i else 1, dist)
        if best_key is None or key < best_key:
            best, best_key = ent, key
    if best is None:
        return None
    span = _tidy(_whole_range(best, date_ents.get(sent.start, ())))
    if span[0].lower_ in ("the", "a", "an") and len(span) > 1:
        span = span[1:]
    return span.text


def _tidy(span: Span) -> Span:
    """The date without what the parser took in after it: trailing punctuation and space ("October 14,",
    "September 13 —") and a description after a comma ("May 18, the day ...", "Friday, days before ...")."""
    end = span.end
    for t in span[1:]:
        if t.text == "," and t.i + 1 < span.end and span.doc[t.i + 1].is_lower:
            end = t.i
            break
    while end > span.start + 1 and (span.doc[end - 1].is_punct or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[span.start:end]

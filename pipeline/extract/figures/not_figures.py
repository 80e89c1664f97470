"""Numbers that are not figures: times of day and phone numbers (spans excluded from the text),
years and dates, numbers inside names and codes ("COVID-19", "Boeing 737-800", "Route 66",
"A320", "Six Flags"), street addresses, long identifiers and the pronoun "one" ("one of them").
Ordinals and model names glued to letters ("14th", "V10") are dropped while reading units, and
slashed numbers ("24/7") while reading the digits; scores ("2-0") are dropped when pairing.

A year, date or name keeps its place in the list, marked ``drop``, until pairing has seen it:
its number drags a dash-joined neighbour with it ("737-800", "June 3-5").
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..entities.lexicon import APPOS_PERSON, TITLES
from ..quotes.lexicon import SPEECH_VERBS
from .lexicon import (
    CODE_PREFIX_OK,
    DIAL_VERBS,
    INDEFINITE_AFTER_ONE,
    INDEX_NAMES,
    MONTHS,
    NAME_ENTS,
    PART_WORDS_BEFORE_HALF,
    RANK_WORDS,
    STREET_WORDS,
)
from .record import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .record import TokenAt

TIME_RE = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?o['’]clock\b"
                     r"|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\b\.?)?"
                     r"|\b\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.m\.|[AaPp][Mm]\b)")
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{2,4}[\s.-])\d{3,4}[\s.-]\d{3,4}\b")
_months = "|".join(sorted(MONTHS, key=len, reverse=True))
MONTH_BEFORE_RE = re.compile(rf"(?i)\b(?:{_months})\.?\s+\Z")
MONTH_AFTER_RE = re.compile(rf"(?i)\s*(?:of\s+)?(?:{_months})\b")
_streets = "|".join(sorted((w.title() for w in STREET_WORDS), key=len, reverse=True))
STREET_AFTER_RE = re.compile(rf"(?:\s+[A-Z0-9][\w.]*){{0,3}}\s+(?:{_streets})\b\.?")
LETTERS_BEFORE_RE = re.compile(r"[A-Za-z=]+\Z")
HYPHEN_CODE_RE = re.compile(r"(?P<w>[A-Za-z]+)\s?-\Z")
RATE_BASE_BEFORE_RE = re.compile(r"\bper\s+\Z")
NUMBER_SIGN_BEFORE_RE = re.compile(r"(?:(?<![A-Za-z])[Nn]o\.|#)\s?\Z")
PART_BEFORE_HALF_RE = re.compile(rf"(?i)\b(?:{'|'.join(PART_WORDS_BEFORE_HALF)})\s+\Z")
RANGE_JOIN_RE = re.compile(r"\s+(?:to|or)\s+\Z")
ERA_AFTER_RE = re.compile(r"\s?(?:BCE?|AD|CE|B\.C\.(?:E\.)?|A\.D\.|C\.E\.|b\.c\.(?:e\.)?|a\.d\.|c\.e\.)(?![A-Za-z])")
ERA_BEFORE_RE = re.compile(r"(?:\bAD|\bA\.D\.)\s?\Z")
ED_ADJECTIVE_AFTER_RE = re.compile(r"-(?!bed\b|bedded\b)[a-z]+(?<!e)ed\b")     # not "a 200-bed hospital", "two-speed"
VERSION_BEFORE_RE = re.compile(r"(?i)\bversions?\s+(?:\d+(?:\.\d+)*\s*(?:to|and|or|-|–)\s*)?\Z")


# ------------------------------------------------------------------ times and phone numbers
def _excluded_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in TIME_RE.finditer(text)]
    for m in PHONE_RE.finditer(text):
        chunk = m.group()
        separators = chunk.count("-") + chunk.count(".") + chunk.count(" ")
        if sum(c.isdigit() for c in chunk) >= 7 and (separators >= 2 or "(" in chunk or "+" in chunk):
            spans.append((m.start(), m.end()))
    return sorted(spans)


def excluded_checker(text: str) -> Callable[[int, int], bool]:
    """``in_excluded(start, end)``: whether text[start:end] overlaps a time of day or a phone number."""
    excluded = _excluded_spans(text)
    ex_starts = [s for s, _ in excluded]

    def in_excluded(s: int, e: int) -> bool:
        i = bisect_right(ex_starts, s) - 1
        for j in (i, i + 1):
            if 0 <= j < len(excluded) and excluded[j][0] < e and s < excluded[j][1]:
                return True
        return False
    return in_excluded


# ------------------------------------------------------------------ years and dates
def _is_year(text: str, f: Figure, tok: Token | None, years: frozenset[str] = frozenset()) -> bool:
    """A year: four digits from 1000 to 2200, or "'69"; before a plural noun only when the article
    writes the same year alone elsewhere ("the 2020 caucuses" beside "in 2020"; "2000 soldiers" counts)."""
    core = text[f.core_start:f.core_end]
    if f.bare and re.fullmatch(r"\d\d", core) and f.core_start > 0 and text[f.core_start - 1] in "'’‘":
        return True              # "'69", "’14"
    if _dated_by_era(text, f):
        return True
    if not f.bare or f.is_word or not re.fullmatch(r"\d{4}", core):
        return False
    if not 1000 <= f.value <= 2200:
        return False
    if tok is not None and tok.dep_ == "nummod" and tok.head.i == tok.i + 1 and tok.head.tag_ == "NNS":
        return core in years or _year_after_determiner(f, tok)  # "2000 soldiers"; "the 2018 elections"
    return True


def _year_after_determiner(f: Figure, tok: Token) -> bool:
    """"the 2012 attacks", "Trump's 2016 rivals": four digits of a recent year, not a round hundred, between "the"
    or a possessive and a plural noun date the noun (a count of thousands that is written after "the"
    has its comma: "the 2,016 delegates")."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and 1900 < f.value < 2100 and f.value % 100 != 0 \
        and (before.lower_ == "the" or before.tag_ in ("PRP$", "POS"))


def _dated_by_era(text: str, f: Figure) -> bool:
    """"664 b.c.e.", "394 AD", "AD 79", "900 CE": digits with the era of a calendar are a year, however many."""
    if not f.bare or f.is_word:
        return False
    return ERA_AFTER_RE.match(text, f.core_end) is not None \
        or ERA_BEFORE_RE.search(text, max(0, f.core_start - 6), f.core_start) is not None


def _years_written(text: str, figs: list[Figure], tok_at: TokenAt) -> frozenset[str]:
    """The four-digit years the article writes where no plural noun follows them ("in 2018")."""
    cores = ((f, text[f.core_start:f.core_end]) for f in figs)
    return frozenset(c for f, c in cores if re.fullmatch(r"\d{4}", c) and _is_year(text, f, tok_at(f.core_start)))


def _is_date(text: str, f: Figure) -> bool:
    if f.is_word or not f.bare:
        return False
    core = text[f.core_start:f.core_end]
    if not re.fullmatch(r"\d{1,4}", core):
        return False
    if MONTH_BEFORE_RE.search(text, max(0, f.core_start - 12), f.core_start):
        return True
    if f.value <= 31 and MONTH_AFTER_RE.match(text, f.core_end):
        return True
    return False


# ------------------------------------------------------------------ names and codes
def _capitalised_number_word(f: Figure, doc: Doc, tok_at: TokenAt) -> bool:
    """A capitalised number word inside a sentence is a name: "Six Flags", "the Group of Six"."""
    tok = tok_at(f.core_start)
    if tok is None or not f.bare or not tok.text[:1].isupper() or tok.is_sent_start or tok.i == 0:
        return False
    return not (doc[tok.i - 1].is_punct and doc[tok.i - 1].text in ':;"“(—-–\'‘')


def _letters_glued_before(text: str, f: Figure) -> bool:
    """Letters glued before the digits that are not a currency ("V10", "iPhone11", "A320")."""
    cs = f.core_start
    lm = LETTERS_BEFORE_RE.search(text, max(0, cs - 8), cs)
    return bool(lm and lm.end() == cs and f.cur is None and f.start == cs)


def _hyphen_code(text: str, f: Figure) -> bool:
    """"COVID-19", "F-16" (not "mid-30", "minus-5")."""
    cs = f.core_start
    hm = HYPHEN_CODE_RE.search(text, max(0, cs - 12), cs)
    return bool(hm and hm.end() == cs and f.sign is None and hm.group("w").lower() not in CODE_PREFIX_OK)


def _web_address(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    return tok.like_url or tok.like_email


def _label_after_noun(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """A label after its noun: "category 4", "page 12", "Game 7"."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and tok.head.i == prev.i and prev.pos_ in ("NOUN", "PROPN") and prev.lower_ not in MONTHS \
        and tok.dep_ in ("nummod", "appos", "compound", "npadvmod") and prev.idx + len(prev) == f.core_start - 1


def _model_number(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """A model number before a name: "787 Dreamliner", "737 Max jets"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    core = text[f.core_start:f.core_end]
    return nxt is not None and re.fullmatch(r"\d{3,}", core) is not None and nxt.tag_ == "NNP" \
        and nxt.text[:1].isupper() and nxt.ent_type_ not in ("NORP", "GPE") and nxt.idx == f.core_end + 1


def _after_proper_name(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """A number after a capitalised name it belongs to: "Route 66", "Boeing 737", "Apollo 11"."""
    cs = f.core_start
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.idx + len(prev) == cs - 1 and text[cs - 1] == " " \
        and any(c.isupper() for c in prev.text) \
        and (prev.pos_ == "PROPN" or prev.ent_type_ in NAME_ENTS) and prev.lower_ not in MONTHS \
        and (tok.head.i <= prev.i or tok.head.pos_ == "PROPN" or tok.ent_type_ in NAME_ENTS
             or tok.dep_ in ("appos", "npadvmod", "conj", "ROOT"))


def _street_address(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """"575 Main Street", "16 Baker St."."""
    return STREET_AFTER_RE.match(text, f.core_end) is not None


def _inside_named_entity(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """The number starts a name the parser tags: "3 Doors Down"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTS and nxt.ent_type_ == tok.ent_type_ \
        and nxt.ent_iob_ == "I"


def _between_name_words(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """Digits between a capitalised name and a capitalised word: "iPhone 12 Mini", "Pixel 7 Pro"."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return prev is not None and nxt is not None and prev.pos_ == "PROPN" and any(c.isupper() for c in prev.text) \
        and re.fullmatch(r"\d+", text[f.core_start:f.core_end]) is not None and not nxt.is_upper \
        and prev.idx + len(prev) == f.core_start - 1 and nxt.idx == f.core_end + 1 \
        and nxt.text[:1].isupper() and nxt.is_alpha and nxt.lower_ not in MONTHS \
        and nxt.ent_type_ not in ("NORP", "GPE")


def _count_of_a_singular_name(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """A number other than one before the singular proper noun it modifies names it: "11 Pro Max"."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    head = tok.head
    return nxt is not None and f.value != 1 and tok.dep_ == "nummod" and head.i > tok.i and head.tag_ == "NNP" \
        and re.fullmatch(r"\d+", text[f.core_start:f.core_end]) is not None \
        and nxt.tag_ == "NNP" and nxt.text[:1].isupper() and not nxt.is_upper and nxt.idx == f.core_end + 1 \
        and head.ent_type_ not in ("NORP", "GPE") and nxt.lower_ not in MONTHS and not _plural_word_after(doc, head)


def _name_before_singular_noun(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """Digits after a capitalised name, before the singular noun they modify: "a Falcon 9 rocket", "the
    Storm Area 51 event", "a CentOS 8 system" (a count other than one would make the noun plural)."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return prev is not None and nxt is not None and f.value != 1 and prev.pos_ == "PROPN" \
        and any(c.isupper() for c in prev.text) and prev.lower_ not in MONTHS \
        and re.fullmatch(r"\d+", text[f.core_start:f.core_end]) is not None \
        and prev.idx + len(prev) == f.core_start - 1 and nxt.idx == f.core_end + 1 \
        and tok.dep_ in ("nummod", "compound") and tok.head.i == nxt.i and nxt.tag_ == "NN" and nxt.is_lower


def _plural_word_after(doc: Doc, tok: Token) -> bool:
    """A lowercase plural noun after a name ("12 Grand Slam titles"): the name was a modifier of that noun."""
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return after is not None and after.is_alpha and after.is_lower and after.lower_.endswith("s") \
        and not after.lower_.endswith(("ss", "us", "is"))


def _index_name(text: str, f: Figure, doc: Doc, tok: Token) -> bool:
    """A stock index or ranking named with its number: "S&P 500", "FTSE 100", "Fortune 500"."""
    prev = doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.lower_ in INDEX_NAMES and prev.idx + len(prev) == f.core_start - 1


NAME_RULES = (_web_address, _label_after_noun, _model_number, _after_proper_name, _street_address, _inside_named_entity,
              _between_name_words, _count_of_a_singular_name, _name_before_singular_noun, _index_name)


def _word_label_after_noun(text: str, f: Figure, doc: Doc, tok_at: TokenAt) -> bool:
    """A spelled-out number right after the singular noun it labels: "phase two", "day one", "number one",
    "grade five" (a count would stand before a plural noun)."""
    tok = tok_at(f.core_start)
    if tok is None or tok.i == 0 or " " in text[f.core_start:f.core_end] or "-" in text[f.core_start:f.core_end]:
        return False
    prev = doc[tok.i - 1]
    return prev.tag_ == "NN" and prev.is_alpha and tok.head.i == prev.i and prev.idx + len(prev) == f.core_start - 1 \
        and tok.dep_ in ("nummod", "appos", "compound", "npadvmod")


def _is_name(text: str, f: Figure, doc: Doc, tok_at: TokenAt) -> bool:
    """A number inside a name or code: "COVID-19", "Route 66", "Boeing 737", "575 Main Street"."""
    if f.is_word:
        return _capitalised_number_word(f, doc, tok_at) or _word_label_after_noun(text, f, doc, tok_at)
    if _letters_glued_before(text, f) or _hyphen_code(text, f):
        return True
    if f.sign == -1 and f.cur is None:
        return False
    if not f.bare:
        return False
    tok = tok_at(f.core_start)
    if tok is None:
        return False
    return any(rule(text, f, doc, tok) for rule in NAME_RULES)


def _is_house_number(text: str, f: Figure) -> bool:
    """A house number with a letter before a street: "221B Baker Street" (not 221 billion)."""
    core = text[f.core_start:f.core_end]
    return f.cur is None and re.fullmatch(r"\d{1,4}", core) is not None \
        and re.match(r"[A-Za-z]\b", text[f.core_end:f.core_end + 2]) is not None \
        and STREET_AFTER_RE.match(text, f.core_end + 1) is not None


# ------------------------------------------------------------------ the filter
def _is_identifier(text: str, f: Figure) -> bool:
    """An identifier ("tweet-id=783493499266084864"), not an amount."""
    return re.fullmatch(r"\d{10,}", text[f.core_start:f.core_end]) is not None or abs(f.value) >= 1e16


def _is_pronoun_one(text: str, f: Figure, tok: Token | None) -> bool:
    """"one of the oldest members": "one" that does not count a noun."""
    return f.is_word and f.bare and not f.fraction and tok is not None and tok.lower_ == "one" and f.value == 1 \
        and text[f.core_start:f.core_end].lower() == "one" and tok.dep_ != "nummod"


def _starts_a_range(text: str, f: Figure, after: list[Figure]) -> bool:
    """"one to two years", "one to three justices", "one or two hundred": "one" before "to" or "or" and a larger
    whole number opens a range (pairing joins them), it is no pronoun (not "a one-two punch")."""
    g = after[0] if after else None
    return g is not None and g.value > 1 and float(g.value).is_integer() and g.core_start > f.core_end \
        and RANGE_JOIN_RE.fullmatch(text, f.core_end, g.core_start) is not None


def _half_as_part(text: str, f: Figure) -> bool:
    """"in the first half of this year", "the second half of the 20th century", "the latter half of the film": a half
    after an ordinal or a side names a part of a time or a thing (a period), no share is claimed."""
    return f.fraction and text[f.core_start:f.core_end].lower() == "half" \
        and PART_BEFORE_HALF_RE.search(text, max(0, f.core_start - 12), f.core_start) is not None


def _is_indefinite_one(text: str, f: Figure, tok: Token | None) -> bool:
    """"one thing led to the next", "one species or the other", "One hand rocked the child, the other
    held a book": "one" before a noun that is no counted thing, or the first half of a contrast in a
    sentence with no other number, or a source picked out of many ("One senator said": ``_one_source``)."""
    if not (f.is_word and f.bare and tok is not None and tok.lower_ == "one" and tok.dep_ == "nummod"):
        return False
    noun = tok.head
    if noun.lemma_.lower() in INDEFINITE_AFTER_ONE:
        return True
    if any(t.like_num and t.i != tok.i for t in tok.sent):
        return False            # "three pellets versus one pellet": a contrast of counts
    if _one_source(noun):
        return True
    after = [t.lower_ for t in tok.sent if t.i > noun.i]
    return "another" in after or any(a == "the" and b == "other" for a, b in zip(after, after[1:], strict=False))


def _one_source(noun: Token) -> bool:
    """"One activist told the BBC", "One senator, Eduardo Bhatia, said", "One resident told WESH": "one" before a word
    for a person who is the subject of a verb of speech (``speech_verbs`` of the quotes) picks a source out of many,
    as "a" would; it counts nothing (the sentence holds no other number)."""
    return noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in SPEECH_VERBS \
        and (noun.lower_ in TITLES or noun.lower_ in APPOS_PERSON)


def _is_rate_base(text: str, f: Figure) -> bool:
    """"fifteen youth suicides per 100,000 individuals": the round base a count is given per is no figure."""
    return f.bare and not f.is_word and RATE_BASE_BEFORE_RE.search(text, max(0, f.core_start - 6), f.core_start) \
        is not None and re.fullmatch(r"1(?:0{2,3}|,000)(?:,000)*", text[f.core_start:f.core_end]) is not None


def _is_rank(f: Figure, doc: Doc, tok: Token | None) -> bool:
    """"slipped into the bottom three", "finished in the top four", "She was in top 10", "America's top 25 in
    population", "US top five": a place in a ranking, no noun counted ("top" after "the", "in", a possessive or
    a name; not the verb of "failing to top 1%")."""
    if tok is None or not f.bare or tok.i < 2:
        return False
    prev, det = doc[tok.i - 1], doc[tok.i - 2]
    return prev.lower_ in RANK_WORDS and prev.pos_ != "VERB" and tok.head.i <= tok.i \
        and (det.lower_ in ("the", "in", "into") or det.tag_ == "POS" or det.pos_ == "PROPN") \
        and prev.idx + len(prev) == f.core_start - 1


def _numbered_label(text: str, f: Figure) -> bool:
    """"cosmonaut No. 11", "the No. 2 spot", "peaked at #19", "the No. 4 train": digits after a number sign
    label or rank something, no amount; so do the digits of a version ("from version 0.3 to 0.4", ``_is_version``)."""
    return f.bare and not f.is_word and (NUMBER_SIGN_BEFORE_RE.search(text, max(0, f.core_start - 4), f.core_start)
                                         is not None or _is_version(text, f))


def _is_version(text: str, f: Figure) -> bool:
    """"version 0.3", "versions 2 and 3", "from version 0.3 to 0.4": the number of a version of a program or a
    document names it, no amount."""
    return VERSION_BEFORE_RE.search(text, max(0, f.core_start - 30), f.core_start) is not None


def _is_list_marker(text: str, f: Figure) -> bool:
    """"1. Finland" / "2) Norway": the number of an item that opens a line of a list, a rank, no count; and the
    bracketed number of an item in a running list: "either (1) a vote in Congress or (2) a convention"."""
    if not f.bare or f.is_word:
        return False
    line_start = text.rfind("\n", 0, f.core_start) + 1
    if text[line_start:f.core_start].strip() == "" and re.match(r"[.)][ \t]+\S", text[f.core_end:f.core_end + 3]):
        return True
    return re.search(r"(?:^|\s)\(\Z", text[max(0, f.core_start - 2):f.core_start]) is not None \
        and re.match(r"\)[ \t]+[A-Za-z]", text[f.core_end:f.core_end + 3]) is not None


def _colon_joined(text: str, f: Figure) -> bool:
    """"a sex ratio of 1:1", "Isaiah 45:1", "won 3:2": digits glued to digits by a colon are a ratio, a verse or a
    score (times of day are set aside before), no amount."""
    return f.bare and not f.is_word and (re.match(r":\d", text[f.core_end:f.core_end + 2]) is not None
                                        or re.search(r"\d:\Z", text[max(0, f.core_start - 2):f.core_start]) is not None)


def _lettered_clause(text: str, f: Figure) -> bool:
    """"a 401(k) plan", "a 501(c)(3) charity", "Section 230(c)": digits glued to a bracketed letter name a clause
    of a law (or what is named after one), no amount."""
    if not f.bare or f.is_word:
        return False
    return re.match(r"\([a-z]\)", text[f.core_end:f.core_end + 3]) is not None \
        or re.search(r"\d\([a-z]\)\(\Z", text[max(0, f.core_start - 5):f.core_start]) is not None


def _ed_adjective(text: str, f: Figure) -> bool:
    """"a six-pointed star", "two-handed tapping", "a two-pronged strategy", "one-sided": a bare number glued by a
    hyphen to an adjective in -ed describes the thing (its shape, its kind), it claims no count."""
    return f.bare and f.value_max is None and f.end == f.core_end \
        and ED_ADJECTIVE_AFTER_RE.match(text, f.core_end) is not None


def _is_dialled(f: Figure, tok: Token | None) -> bool:
    """"phoned 911", "contact police by calling 101": digits that are the object of call/dial are a number
    to ring, no amount."""
    return tok is not None and f.bare and not f.is_word and tok.dep_ == "dobj" \
        and tok.head.lemma_.lower() in DIAL_VERBS and tok.head.pos_ == "VERB"


def _repeats_a_name(text: str, f: Figure, tok: Token | None, names: set[str]) -> bool:
    """Digits that named something earlier in the article, again without a counted noun: "the Boeing
    707 ... the 707 was a freighter", "CentOS 8 ... before CentOS 8 reaches end of life"; a single digit
    after "of" stays a value ("a factor of 4")."""
    core = text[f.core_start:f.core_end]
    return not f.is_word and core in names and tok is not None \
        and not (tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS")) \
        and (len(core) > 1 or tok.head.lower_ != "of")      # "a factor of 4": one digit is too common to repeat a name


def drop_not_figures(text: str, figs: list[Figure], doc: Doc, tok_at: TokenAt) -> list[Figure]:
    """The figures left when what is not a figure is removed; bare years, dates and names stay,
    marked ``drop``, for pairing."""
    in_excluded = excluded_checker(text)
    kept = []
    names: set[str] = set()
    years = _years_written(text, figs, tok_at)
    for i, f in enumerate(figs):
        if f.drop or in_excluded(f.core_start, f.core_end) or _is_identifier(text, f) or _is_house_number(text, f) \
                or _is_list_marker(text, f):
            continue
        if _colon_joined(text, f) or _numbered_label(text, f) or _lettered_clause(text, f):
            f.drop = True        # kept for pairing: "3:1-5" drags its dash-joined "5"
            kept.append(f)
            continue
        tok = tok_at(f.core_start)
        is_date = _is_date(text, f)
        is_name = f.bare and (_is_name(text, f, doc, tok_at) or _repeats_a_name(text, f, tok, names))
        if is_name and not f.is_word:
            names.add(text[f.core_start:f.core_end])
        if (is_date or _is_year(text, f, tok, years) or is_name) and f.bare:
            f.date = is_date
            f.drop = True
            kept.append(f)
            continue
        pronoun = _is_pronoun_one(text, f, tok) and not _starts_a_range(text, f, figs[i + 1:i + 2])
        if pronoun or _is_indefinite_one(text, f, tok) or _is_rank(f, doc, tok) \
                or _is_rate_base(text, f) or _is_dialled(f, tok) or _half_as_part(text, f) or _ed_adjective(text, f):
            continue
        kept.append(f)
    return kept

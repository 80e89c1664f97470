"""What the parse says about a figure: the tokens it covers and their root, the direction of the
change it measures, what it measures and the phrases its subject is in (the period: ``periods``).

Conventions: ``direction`` is set when the figure is the size of a stated change ("increased 21.8
percent", "fell by 2 percent", "a 3 percent drop", "up 19 cents"), not for the level reached
("to $5"); ``measure`` is what is counted or measured ("more than 100 local enterprises",
"67.9 percent of the region's total trade", "a fine of $3 million"); ``period`` is the date
entity of the sentence nearest the figure that names a time (a year, a month, a weekday, "last
quarter"; not "today" or "yesterday" alone), not a duration ("the past two years") or an age.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..spans import doc_text, per_doc, token_starts
from .lexicon import (
    AMOUNT_TAKING_VERBS,
    BARE_AMOUNT_NOUNS,
    CHANGE_HEAD_WORDS,
    CONTEST_VERBS,
    COUNT_LEVEL_VERBS,
    CUR_WORDS,
    DECREASE,
    INCREASE,
    INDEX_NAMES,
    INDEX_POINT_CONTEXT,
    MEGAPIXEL_CONTEXT,
    MONEY_IN_IDIOMS,
    MONEY_PLACING_VERBS,
    PARTITIVE_PRONOUNS,
    QUAKE_WORDS,
    QUAL_VERBS,
    SET_DETERMINERS,
    SHARE_VERBS,
    SIZE_NOUNS,
    SPEAKER_PRONOUNS,
    SUBJECT_MEASURE_VERBS,
    TIME_OFFSET_PREPS,
    TIME_OFFSET_UNITS,
    TIME_OFFSET_WORDS,
    VERB_ONLY_CHANGE_WORDS,
    VOTE_WORDS,
)
from .record import Figure
from .units import unit_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .record import TokenAt

COPULAS = {"be", "become", "remain", "stay"}
LEVEL_PREPS = ("to", "by", "from", "at")    # "rose to 167", "grew by 500", "stood at 200,000"
MAGNITUDE_CORE_RE = re.compile(r"\d\.\d")
INDEX_WORDS = {w.lower() for w in INDEX_POINT_CONTEXT} | INDEX_NAMES
DIGIT_RE = re.compile(r"\d")
NUMBER_ENTS = ("", "CARDINAL", "PERCENT", "MONEY", "QUANTITY")      # spaCy's labels of numbers that are no name
BRACKETS_RE = re.compile(r"[()\[\]{}]")
EDGE_MARKS = " \t—―–-,;:"
OPEN_QUOTES, CLOSE_QUOTES = "\"“‘'", "\"”’'"
WORD_RE = re.compile(r"[^\W\d_]{2,}|[^\W\d_][\d-]*\d")     # a word, or a letter with digits ("B-17s", "H2")
AMOUNT_RE = re.compile(r"(?:[A-Z]{0,3}[$€£¥][A-Z]{0,3}\s?)[\d.,]*\d(?:[A-Za-z]{0,8})")   # "$A12,810,626", "$37million"
LEAD_RE = re.compile(r"\A(?:to-[\d\W]*|['’]s\b\s*)")     # "to-4 votes" of "a 5-to-4 vote", "’s own culture"


# ------------------------------------------------------------------ tokens
def token_finder(doc: Doc) -> TokenAt:
    """``tok_at(char)``: the token of ``doc`` that holds character offset ``char`` (None before the first)."""
    tok_starts = token_starts(doc)

    def tok_at(char: int) -> Token | None:
        i = bisect_right(tok_starts, char) - 1
        if i < 0:
            return None
        return doc[i]
    return tok_at


def _span_tokens(doc: Doc, tok_at: TokenAt, start: int, end: int) -> list[Token]:
    first = tok_at(start)
    last = tok_at(end - 1)
    if first is None or last is None:
        return []
    return [doc[i] for i in range(first.i, last.i + 1)]


def _root(tokens: list[Token]) -> Token | None:
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[-1] if tokens else None


def figure_tokens(doc: Doc, tok_at: TokenAt, f: Figure) -> tuple[list[Token], Token | None]:
    """The tokens a figure covers and the one the rest of the sentence attaches it by."""
    tokens = _span_tokens(doc, tok_at, f.start, f.end)
    root = _root(tokens)
    if root is not None and root.dep_ == "compound" and root.head.lower_ in ("year", "month", "quarter", "week") \
            and any(c.lower_ in ("on", "over") for c in root.head.children):
        root = root.head             # "6.1 percent year-on-year": the parser hangs the figure on "year"
    return tokens, root


def _np_text(tok: Token, stop_before: int | None = None, past_numbers: bool = False) -> str:
    """A noun and its left modifiers (compound, amod, poss...), without determiners; ``past_numbers``: from after
    the last number among them ("39 of the state's 40 delegates" -> delegates)."""
    left = tok.i
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "npadvmod", "quantmod") or c.tag_ in ("POS",):
            left = min(left, c.left_edge.i)
    if stop_before is not None:
        left = max(left, stop_before)
    if past_numbers and left < tok.i:
        left = min(max(left, _past_other_numbers(tok.doc, left, tok.i)), tok.i)
    doc, first = tok.doc, left
    while left < tok.i and (doc[left].dep_ in ("det", "punct", "case") or doc[left].like_num):
        left += 1
    if first < left < tok.i and (doc[left - 1].like_num or doc[left - 1].text == "-") and unit_name(doc[left].text) \
            and doc[left + 1].text != "-":
        left += 1           # "a sixteen-year sentence", "a thirty-five year prison sentence": no "year sentence"
    return doc[left:_hyphened_end(doc, tok.i)].text


def lemma_word(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def governing_verb(tok: Token) -> Token:
    """The verb (or sentence root) a token hangs from, within 8 steps up the tree."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


# ------------------------------------------------------------------ direction
def _change_direction(t: Token) -> str | None:
    """"increase" or "decrease" when ``t`` is a change word ("rose", "drop", "up")."""
    w = lemma_word(t) if t.pos_ in ("VERB", "NOUN", "AUX") else t.lower_
    if t.pos_ == "NOUN" and w in VERB_ONLY_CHANGE_WORDS:
        return None             # "a two-month contract", "a 10-point edge": the noun names no change
    if w in INCREASE or t.lower_ in INCREASE:
        return "increase"
    if w in DECREASE or t.lower_ in DECREASE:
        return "decrease"
    return None


def _change_in_what(prep: Token, gov: Token) -> tuple[str, Token] | None:
    """"growth in GDP of 33.1 percent", "a drop in prices of 3 percent": the amount after "of" sizes the
    change noun that "in ..." hangs from."""
    if prep.lower_ != "of" or gov.pos_ not in ("NOUN", "PROPN") or gov.dep_ != "pobj" or gov.head.lower_ != "in":
        return None
    noun = gov.head.head
    change = _change_direction(noun) if noun.pos_ == "NOUN" else None
    return (change, noun) if change is not None else None


def _direction_and_head(root: Token) -> tuple[str | None, Token | None]:
    """Direction of the change the figure measures, and the verb or noun that governs it."""
    h = root.head
    dep = root.dep_
    if root.i == h.i:
        return None, None
    if dep in ("dobj", "npadvmod", "advmod", "attr", "nsubj", "oprd", "acomp", "dep", "appos", "conj", "nmod"):
        changes = h.pos_ in ("VERB", "ADV", "ADJ", "ADP", "AUX", "NOUN") and dep not in ("nsubj", "conj")
        return (_change_direction(h) if changes else None), h
    if dep in ("amod", "compound", "nummod") and h.pos_ == "NOUN":
        return _change_direction(h), h     # "a 3 percent drop"
    if dep == "pobj":
        gov = h.head
        if (change := _change_in_what(h, gov)) is not None:
            return change
        if h.lower_ == "by" or (h.lower_ == "of" and gov.pos_ == "NOUN"):
            return _change_direction(gov), gov     # "fell by 2 percent", "a growth of 6.1 percent"
        return None, gov
    return None, h


def _amount_taken(f: Figure, root: Token) -> bool:
    """"Sanders raised $20 million", "gaining just 16 percent of the vote": money that is the object of
    "raise", or a share ("... of the vote") that is the object of "gain", is an amount taken, no change."""
    if root.dep_ != "dobj" or lemma_word(root.head) not in AMOUNT_TAKING_VERBS:
        return False
    return f.kind == "money" or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)


def _counts_changes(f: Figure, root: Token, gov: Token | None) -> bool:
    """"eight wins and one loss", "up to five rallies a day", "more than 100,000 cuts": a count of the change
    word's own noun counts events, it is not the size of a change."""
    counted = f.kind == "count" or (f.unit or "").startswith("count per")      # "five rallies a day" too
    return counted and gov is not None and gov.i == root.head.i and gov.pos_ == "NOUN" \
        and root.dep_ in ("nummod", "quantmod", "compound", "amod")


def _lasts_the_change(f: Figure, root: Token, gov: Token | None) -> bool:
    """"the 40-year decline", "a two-day rally": a time that modifies the change word is how long the change lasted,
    not its size."""
    return f.unit in TIME_OFFSET_UNITS and gov is not None and gov.i == root.head.i and gov.pos_ == "NOUN" \
        and root.dep_ in ("nummod", "compound", "amod") and root.i < gov.i


def _contest_result(root: Token, gov: Token | None) -> bool:
    """"Beruff lost by 54 points", "she lost the state 36 percent to 51 percent": the margin or the split of a
    contest (``contest_verbs``) is its result, no change."""
    if gov is None or gov.pos_ != "VERB" or lemma_word(gov) not in CONTEST_VERBS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ == "by":
        return True
    after = root.doc[root.i + 1:root.i + 3]
    return len(after) == 2 and after[0].lower_ == "to" and after[1].like_num


def read_direction(f: Figure, root: Token) -> Token | None:
    """Set ``f.direction`` (a written "+" is an increase); return the word that governs the figure."""
    direction, gov = _direction_and_head(root)
    if direction == "increase" and _amount_taken(f, root) or _counts_changes(f, root, gov) \
            or _places_in_time(f, root) or _lasts_the_change(f, root, gov) or _contest_result(root, gov):
        direction = None
    if f.pct_sign == 1:
        direction = "increase"
    if f.value_from is not None:
        direction = f.change_direction()
    f.direction = direction
    return gov


# ------------------------------------------------------------------ earthquake magnitudes
def _speaks_of_quakes(doc: Doc, tok: Token) -> bool:
    """``tok``'s sentence or the one before it names an earthquake or a magnitude."""
    sent = tok.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return any(t.lemma_.lower() in QUAKE_WORDS or t.lower_ in QUAKE_WORDS for t in doc[first:sent.end])


def quake_magnitude(text: str, f: Figure, tok_at: TokenAt) -> None:
    """"the 5.0 earthquake", "a 6.4 quake", "the magnitude was 5.5; USGS reported 5.8": a bare number
    written with one decimal, from 1.0 to 9.9, in a sentence about an earthquake (or after one) that
    counts no other noun is the quake's magnitude."""
    tok = tok_at(f.core_start)
    if tok is None or not f.bare or f.is_word or f.scaled or f.value_max is not None or not 1 <= f.value < 10 \
            or not MAGNITUDE_CORE_RE.fullmatch(text[f.core_start:f.core_end]):
        return
    head = tok.head
    if tok.dep_ == "nummod" and head.pos_ == "NOUN" and head.lemma_.lower() not in QUAKE_WORDS:
        return                  # "5.5 million people", "2.5 kilometres"
    if _speaks_of_quakes(tok.doc, tok):
        f.unit, f.kind, f.bare = "magnitude", "quantity", False


def member_not_megapixel(text: str, f: Figure, tok_at: TokenAt) -> None:
    """"One MP told the BBC", "one MP of the People's Party": "MP" after a number in a sentence about no
    camera or image (``megapixel_context``) is a Member of Parliament, counted."""
    tok = tok_at(f.core_start)
    if tok is None or f.unit != "megapixel" or text[f.core_end:f.end].strip() != "MP":
        return
    if not any(t.lemma_.lower() in MEGAPIXEL_CONTEXT for t in tok.sent):
        f.unit, f.kind, f.measure, f.end = "count", "count", "MP", f.core_end


# ------------------------------------------------------------------ measure
def _hyphened_end(doc: Doc, i: int) -> int:
    """The end of the word token ``i`` begins when the tokenizer split it at hyphens ("co-authors", "ex-Muslim"): the
    parser may take "co" for the noun. Not a hyphened modifier of a noun after it ("two-party-preferred vote")."""
    end = i + 1
    while end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text == "-" and not doc[end].whitespace_ \
            and doc[end + 1].is_alpha:
        end += 2
    return i + 1 if end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN") else end


def _counted_noun(tokens: list[Token], root: Token, doc: Doc) -> str | None:
    """The noun a count counts: "more than 100 local enterprises", "two of the suspects", "78 co-petitioners"."""
    last = tokens[-1]
    span_ids = {t.i for t in tokens}
    for t in (last, root):
        h = t.head
        if t.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") \
                and h.i > t.i and h.i not in span_ids and h.pos_ in ("NOUN", "PROPN") and h.i - last.i <= 6:
            return doc[_past_other_numbers(doc, last.i + 1, h.i):_hyphened_end(doc, h.i)].text.strip(" -") or None
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.head.i == last.i:
        return doc[nxt.i:_hyphened_end(doc, nxt.i)].text
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ != "PRON" and p.i not in span_ids:     # not "a quarter of a million"
                    return _np_text(p, past_numbers=True)
    return None


def _past_other_numbers(doc: Doc, start: int, noun: int) -> int:
    """"to two and one package per transaction", "at least 12, maybe 20 solar masses", "about 12 or 11 years old",
    "310 ± 60 parsec": the counted noun starts after the last other number between the figure and its noun
    ("package", "solar masses"); a number joined by a hyphen stays ("two 12-roll packs", "years of near-zero rates";
    not "a one-in-five chance")."""
    words = [t.text for t in doc[start:noun]]
    if "(" in words and ")" not in words[words.index("("):]:
        return noun + 1             # "up from 2.48 (6.12 acres)": the noun is the bracket's, not the figure's
    i = start
    for j in range(start, noun):
        t = doc[j]
        if t.like_num and t.ent_type_ in NUMBER_ENTS and doc[j + 1].text != "-" and doc[j + 1].pos_ != "PROPN" \
                and not (j > start + 1 and doc[j - 1].text == "-" and doc[j - 2].pos_ != "ADP"):
            i = j + 1
    return i


def _of_object(tokens: list[Token], span_ids: set[int]) -> str | None:
    """"67.9 percent of the region's total trade"."""
    last = tokens[-1]
    for t in tokens:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i not in span_ids and c.i > last.i:
                for p in c.children:
                    if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                        return _np_text(p, past_numbers=True)
    return None


def _money_in_what(f: Figure, tokens: list[Token]) -> str | None:
    """"paid US$750 in taxes", "racked up more than $6 million in sales", "was $11 million in debt", "$2.3 billion in
    net sales": a noun after "in" right after a sum of money, with no determiner, possessive or number of its own,
    says what the money is. Not a time, a place or a name ("$5 million in 2019", "in March", "in Iowa"), a currency
    ("$22.20 in current dollars"), an idiom ("$500,000 in total", "in response": ``money_in_idioms``), nor the place
    money is put ("invested $5 million in startups": ``money_placing_verbs``)."""
    last = tokens[-1]
    doc = last.doc
    prep = doc[last.i + 1] if f.kind == "money" and last.i + 1 < len(doc) else None
    if prep is None or prep.lower_ != "in" or prep.dep_ != "prep" \
            or lemma_word(governing_verb(prep)) in MONEY_PLACING_VERBS:
        return None
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ not in ("", "ORG") or lemma_word(noun) in MONEY_IN_IDIOMS \
            or lemma_word(noun) in TIME_OFFSET_UNITS or unit_name(noun.text) or noun.lower_ in CUR_WORDS \
            or any(c.dep_ in ("det", "poss", "nummod", "predet") or c.like_num for c in noun.lefts):
        return None
    return _np_text(noun)


def _head_noun(tokens: list[Token], root: Token) -> str | None:
    """"a growth of 6.1 percent", "a fine of $3 million"; "a 25% tax", "a $150,000 contract"."""
    h = root.head
    if h.i == root.i:
        return None
    if root.dep_ == "pobj" and h.lower_ in ("of", "at") and h.head.pos_ in ("NOUN", "PROPN"):
        return _np_text(h.head)
    if root.dep_ in ("amod", "compound", "nummod", "nmod") and h.pos_ in ("NOUN", "PROPN") and h.i > root.i:
        return _np_text(h, stop_before=tokens[-1].i + 1)
    return None


def _aged(f: Figure, tokens: list[Token], doc: Doc) -> bool:
    """"He was aged 84 years", "children aged 0-14 years", "people aged 65 years and over": years right after
    "aged" (or "the age of") are an age, also when a qualifier holds those words ("over the age of 70 years")."""
    i = next((t.i for t in tokens if t.idx >= f.core_start), tokens[0].i)
    if f.unit != "year" or i == 0:
        return False
    before = doc[i - 1].lower_
    return before == "aged" or before == "of" and i >= 2 and doc[i - 2].lower_ in ("age", "ages")


def _noun_before_qualifier(root: Token) -> str | None:
    """"dozens of earthquakes over magnitude 4.5", "winds above 100 mph": a figure read with its qualifier, which
    the parser hangs on the noun before it as a preposition, measures that noun."""
    h = root.head
    if root.dep_ != "prep" or h.pos_ != "NOUN" or h.i > root.i:
        return None
    if any(t.like_num or DIGIT_RE.search(t.text) for t in h.doc[h.left_edge.i:h.i + 1]):
        return None             # "60-80 mph (about 95-130 km/h)": the noun is the unit of another figure
    return _np_text(h)


def _verb_subject(f: Figure, root: Token, span_ids: set[int]) -> str | None:
    """"Brazil's inflation rate rose 0.4 percent": the subject of the governing verb, unless it is a name
    (``_is_a_name``), the figure a time that places the action (``_places_in_time``), the figure hangs from the verb
    through another noun (``_noun_between``), the verb's object is what changed (``_verb_object``) or the verb is
    none whose subject the figure measures (``_subject_measured``)."""
    verb = governing_verb(root)
    if verb is None or _places_in_time(f, root):
        return None
    between = _noun_between(root, verb, span_ids)
    if between is not None:
        return between or None
    for c in verb.children:
        if c.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if c.pos_ in ("NOUN", "PROPN") and c.i not in span_ids:
            if _is_a_name(c):
                return _named_agents_object(root, verb, span_ids)
            if c.ent_type_ in NUMBER_ENTS[1:]:
                return _figure_subject_of(c) if root.dep_ == "conj" or _subject_measured(f, root, verb) else None
            obj = _verb_object(root, verb, span_ids)
            if obj is not None:
                return obj or None
            return _with_of_phrase(c, span_ids) if _subject_measured(f, root, verb, c) else None
    return None


def _named_agents_object(root: Token, verb: Token, span_ids: set[int]) -> str | None:
    """"The council increased the death toll to six", "Apple cut prices by 10%", "Forbes put his net worth at $45
    billion": a name as the subject is the agent, but the verb's object that the figure's "to/at/by/from" sizes is
    what it measures (``_verb_object``); not the object of a contest ("Clinton beat the senator by 18 points", "leads
    the field at 26%": ``contest_verbs``), whose margin measures no object."""
    if lemma_word(verb) in CONTEST_VERBS:
        return None
    return _verb_object(root, verb, span_ids) or None


def _with_of_phrase(subject: Token, span_ids: set[int]) -> str:
    """"the use of third-party currencies costs Africa $5 billion", "the number of deaths is 66": a subject keeps
    the "of" phrase that says whose use, price or number it is ("use" alone measures nothing); not when that
    phrase holds the figure or another number, or names a person ("Approval of Cruz has risen 8 points": the
    person is the row's entity)."""
    found = _np_text(subject)
    for c in subject.rights:
        if c.dep_ == "prep" and c.lower_ == "of":
            pobj = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN")), None)
            if pobj is None or pobj.ent_type_ == "PERSON" \
                    or any(t.i in span_ids or t.pos_ == "NUM" for t in subject.doc[c.i:pobj.i + 1]):
                return found
            return f"{found} {subject.doc[c.i:_hyphened_end(subject.doc, pobj.i)].text}"
    return found


def _subject_measured(f: Figure, root: Token, verb: Token, subject: Token | None = None) -> bool:
    """"the fare was $3", "the bill will reach $5 billion", "the herd declined 40%": the subject of a
    copula, a change word or a verb of amount (``subject_measure_verbs``) is what the figure measures, and so is the
    subject of a verb of opinion for a share ("nurses backed the plan 60 percent to 30 percent": ``share_verbs``; not
    the subject of a passive: "the plan was backed by 60 percent"). The subject of any other verb is its agent ("the
    charity raised $40,000", "a man was sentenced to six years", "farmers are paid $3 a bushel"), and so is that of a
    verb that takes money ("Sanders raised $20 million")."""
    word = lemma_word(verb)
    if word in SUBJECT_MEASURE_VERBS or word in QUAL_VERBS:
        return True
    if f.kind == "percent" and word in SHARE_VERBS:
        return subject is not None and subject.dep_ == "nsubj"
    return word in CHANGE_HEAD_WORDS and not _amount_taken(f, root)


def _verb_object(root: Token, verb: Token, span_ids: set[int]) -> str | None:
    """"the bank lowered the growth forecast to 1.5 percent", "a poll put her support at 9 percent", "the firm cut
    its workforce by 10%": a figure that a verb's preposition ("to", "at", "by", "from") brings measures the verb's
    object, not its subject; "" when that object is a name or a pronoun (nothing to report), None when the verb has
    no object or the figure hangs otherwise."""
    head = root.head
    if root.dep_ != "pobj" or head.dep_ != "prep" or head.head.i != verb.i \
            or head.lower_ not in ("to", "at", "by", "from"):
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and c.i not in span_ids:
            if c.pos_ not in ("NOUN", "PROPN") or _is_a_name(c) or c.ent_type_ in NUMBER_ENTS[1:]:
                return ""
            return _with_of_phrase(c, span_ids)
    return None


def _noun_between(root: Token, verb: Token, span_ids: set[int]) -> str | None:
    """"the fire broke out in Lagos, a town some 20 kilometres from the border", "lakes in regions north of 60°": a
    figure that hangs from its verb through a noun of its own clause is about that noun or its phrase, not the verb's
    subject: "" (no measure), the noun a dimension adjective describes ("a crack 3 feet long", "a ring, worth $900"), or
    the subject itself when the figure is its own phrase ("flats from $300 to $500 a week rent quickly"); None when
    the way up to the verb passes no noun."""
    t, last = root, root
    while t.i != verb.i and t.head.i != t.i:
        last, t = t, t.head
        if t.i == verb.i or t.i in span_ids or t.dep_ in ("advmod", "npadvmod") and t.is_alpha:
            continue            # an adverbial noun: "located 50 miles south of the port"
        if t.pos_ in ("NOUN", "PROPN"):
            if last.pos_ == "ADJ" and last.dep_ in ("amod", "appos", "acomp", "advcl") and last.i != root.i \
                    and t.pos_ == "NOUN":
                return _np_text(t, stop_before=last.i + 1 if last.i < t.i else None)
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i and last.dep_ in ("prep", "appos"):
                return "" if _is_a_name(t) else _np_text(t)
            return ""
    return None


def _count_subject(f: Figure, root: Token, tokens: list[Token]) -> str | None:
    """"the death toll reached 31", "the number of cases surpassed one million", "casualties increased to 167": a
    count with no noun of its own that is the object or attribute of a verb of level (``count_level_verbs``, the
    qualifier verbs) right after it, or comes after "to/by/from/at" on such a verb or a word of increase or decrease,
    numbers that verb's subject (``_verb_subject``: not a name, nor the subject when the verb has an object: "raised
    the toll to six" -> toll). Not the object of any other verb ("the blaze killed three", "the firm cut 500"), not
    after "there is" ("there are nine"), nor when the subject is itself a figure, a person or a possessive standing
    for an elided noun ("74 percent of voters were 45", "Sanders' was 695"), nor a plural after a copula ("voters
    were 45": an age); a bare amount noun says nothing ("that number drops to six": ``bare_amount_nouns``)."""
    verb, head = governing_verb(root), root.head
    if verb is None or root.i == verb.i or any(c.dep_ == "expl" for c in verb.children):
        return None
    word = lemma_word(verb)
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.i == verb.i and head.lower_ in LEVEL_PREPS:
        ok = word in COUNT_LEVEL_VERBS - {"be", "become"} or word in INCREASE or word in DECREASE
    else:
        ok = head.i == verb.i and root.dep_ in ("dobj", "attr") and (word in COUNT_LEVEL_VERBS or word in QUAL_VERBS) \
            and all(t.pos_ in ("ADV", "PART", "AUX") for t in root.doc[verb.i + 1:tokens[0].i])
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = subjects[0] if len(subjects) == 1 else None      # two subjects: a misparse of two clauses
    if not ok or subject is None or subject.ent_type_ in NUMBER_ENTS[1:] or subject.ent_type_ in ("PERSON", "NORP") \
            or any(c.dep_ == "case" for c in subject.children) or word in COPULAS and subject.tag_ == "NNS":
        return None
    found = _verb_subject(f, root, {t.i for t in tokens})
    return None if found is not None and found.lower() in BARE_AMOUNT_NOUNS else found


def _count_of_noun(root: Token) -> str | None:
    """"a population of 2 billion", "a crowd of 5,000", "a town of less than 1,000", "a factor of two": a count with
    no noun of its own after "of" on a noun of size or level (``size_nouns``) measures that noun; not after other
    nouns ("a father of seven", "the square root of two"), nor a set ("the first victim of the eight":
    ``elided_counted_noun`` reads those)."""
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "of" or head.head.pos_ != "NOUN" or head.head.i > root.i \
            or lemma_word(head.head) not in SIZE_NOUNS:
        return None
    if any(c.dep_ == "poss" or c.dep_ in ("det", "predet") and c.lower_ in SET_DETERMINERS for c in root.children):
        return None             # "the first victim of the eight", "none of the twelve": the count is a set named before
    return _np_text(head.head)


def _figure_subject_of(subject: Token) -> str | None:
    """"About 52% of participating voters voted to leave and 48% to stay": a subject that is itself a figure gives
    what it is a share of ("participating voters"), never its own text ("About 52%")."""
    for c in subject.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN"):
                    return _np_text(p)
    return None


def _is_a_name(subject: Token) -> bool:
    """"Biden led Trump 50.0 percent to 40.4 percent", "Puerto Rico has experienced dozens of earthquakes over
    magnitude 4.5", "Zapata flew at over 100 mph": a subject that is a proper name is the entity the figure is
    about (its ``entity_id``), not the thing it counts or measures. A stock index is named but measured ("the German
    DAX rose 2 percent", "the S&P/TSX ... Index")."""
    if subject.pos_ != "PROPN":
        return False
    return not any(t.lower_ in INDEX_WORDS for t in subject.doc[subject.left_edge.i:subject.i + 1])


def _places_in_time(f: Figure, root: Token) -> bool:
    """"officers arrived six minutes later", "invented three years ago", "has been cosplaying for two years",
    "try again in 4 years", "two weeks after she lost": a duration that places or stretches the action in time
    measures a time, not the subject of its verb (nor a change that verb names)."""
    if f.unit not in TIME_OFFSET_UNITS:
        return False
    if root.dep_ == "pobj":
        return root.head.lower_ in TIME_OFFSET_PREPS
    if root.dep_ == "npadvmod" and any(c.dep_ == "mark" and c.lower_ in TIME_OFFSET_WORDS and c.i > root.i
                                       for c in root.head.children):
        return True             # "25 years after it gained independence": the parse hangs the time on the clause's verb
    return root.dep_ in ("npadvmod", "advmod") and root.head.lower_ in TIME_OFFSET_WORDS


def measure(f: Figure, tokens: list[Token], root: Token | None, doc: Doc) -> str | None:
    """What the figure counts or measures."""
    if f.measure:
        return f.measure
    if not tokens or root is None:
        return None
    if f.kind == "count":
        found = _counted_noun(tokens, root, doc)
        if found is None:
            found = _count_subject(f, root, tokens)
        if found is None:
            found = _count_of_noun(root)
    elif _aged(f, tokens, doc):
        return "age"
    else:
        span_ids = {t.i for t in tokens}
        found = _of_object(tokens, span_ids)
        if found is None:
            found = _money_in_what(f, tokens)
        if found is None:
            found = _head_noun(tokens, root)
        if found is None:
            found = _noun_before_qualifier(root)
        if found is None:
            found = _verb_subject(f, root, span_ids)
    found = words_only(outside_brackets(on_one_line(found)))
    return None if found is not None and _names_a_person(found, root) else found


def _names_a_person(found: str, root: Token) -> bool:
    """"Sanders is up from 37 percent", "within 5 points of Trump", "Florida Senator Marco Rubio at eight percent": a
    measure that ends in a person's name (a singular proper noun: not "surveyed Britons") names whom the figure is
    about (its ``entity_id``), not what it measures."""
    return any(found.endswith(name) for name in _person_names(root.doc).get(root.sent.start, ()))


@per_doc
def _person_names(doc: Doc) -> dict[int, tuple[str, ...]]:
    """The names of persons written as a singular proper noun, by the first token of their sentence (read once per
    Doc from ``_person_ents``: ``Span.ents`` walks every entity of the Doc on each read)."""
    names: dict[int, list[str]] = {}
    for e in _person_ents(doc):
        if e.root.tag_ == "NNP":
            names.setdefault(e.sent.start, []).append(e.text)
    return {start: tuple(found) for start, found in names.items()}


def on_one_line(found: str | None) -> str | None:
    """A measure is written on its figure's line: one that runs over a line break was read off a heading, a list
    label or a caption beside the figure ("Reindeer: 276\n\nRed deer/reindeer: 241" is no count of red deer)."""
    return None if found is None or "\n" in found else found


def words_only(found: str | None) -> str | None:
    """A measure is words: quote marks, dashes and commas the parse took in at its edges go ('"jackal horns' ->
    jackal horns, "— overwhelmingly EU member state", ", considered childbearing age"); a measure without a word
    ("%", "±", "―") or a sum of money (another figure: "$A12,810,626") is none, and "to-4" of "a 5-to-4 vote" or a
    possessive "’s" goes from its start."""
    if found is None:
        return None
    found = LEAD_RE.sub("", found).strip(EDGE_MARKS)
    found = found.lstrip("”’").rstrip("“‘").strip(EDGE_MARKS)
    if found[:1] in OPEN_QUOTES and not any(c in CLOSE_QUOTES for c in found[1:]):
        found = found[1:]       # an opening quote whose quotation ends after the measure
    if found[-1:] in CLOSE_QUOTES and not any(c in OPEN_QUOTES for c in found[:-1]):
        found = found[:-1]
    found = found.strip()
    return found if WORD_RE.search(found) and not AMOUNT_RE.fullmatch(found) else None


def outside_brackets(found: str | None) -> str | None:
    """"450°F (232°C) glue guns", "a 22-mile (35-km) journey", "[bad] luck": a measure read across a bracket
    keeps the words after the last one ("glue guns", "journey", "luck"); none when no word is left."""
    if found is None or not BRACKETS_RE.search(found):
        return found
    rest = BRACKETS_RE.split(found)[-1].strip(" -")
    return rest if len(rest) > 2 and rest[0].isalpha() else None


_SET_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "attr", "appos")     # a count that is its own phrase
_PHRASE_GOES_ON = ("ADJ", "ADV", "NOUN", "PROPN", "NUM")


def _stands_for_a_set(root: Token, last: Token) -> bool:
    """A number that is its own noun phrase and names a part of a set, or all of it: a set determiner before it ("the
    two", "all four", "the remaining 1", "the other three") or "of them/whom" after it ("two of them"). Not when words
    of its phrase follow it ("the 14 solidly or leaning Democratic states": a misparse) nor when it counts the
    speakers ("all fifteen of us")."""
    if root.pos_ != "NUM" or root.dep_ not in _SET_DEPS:
        return False
    if last.i + 1 < len(last.doc) and last.doc[last.i + 1].pos_ in _PHRASE_GOES_ON:
        return False
    of_words = {p.lower_ for c in root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children}
    if of_words & SPEAKER_PRONOUNS:
        return False
    return bool(of_words & PARTITIVE_PRONOUNS) or any(
        c.dep_ in ("det", "amod", "predet") and c.i < root.i and c.lower_ in SET_DETERMINERS for c in root.children)


@per_doc
def _person_ents(doc: Doc) -> tuple:
    """spaCy's PERSON entities of ``doc`` (``Doc.ents`` is rebuilt on each read)."""
    return tuple(e for e in doc.ents if e.label_ == "PERSON")


def _people_named_together(doc: Doc, lo: int, hi: int) -> set[int]:
    """How many people each list of names between character offsets ``lo`` and ``hi`` names: "Ann Lee and Bob
    Stone" 2, "the mayor, Ann Lee, her husband, Tom, and the judge, Bob Stone" 3 (names joined by "and" or commas, with
    their appositions)."""
    groups: dict[int, int] = {}
    for e in _person_ents(doc):
        if lo <= e.start_char < hi:
            top = e.root
            while top.dep_ in ("conj", "appos") and top.head.i != top.i:
                top = top.head
            groups[top.i] = groups.get(top.i, 0) + 1
    return {n for n in groups.values() if n >= 2}


def _set_counted_before(f: Figure, seen: list[tuple[int, Figure]], sent: int) -> Figure | None:
    """The count, in ``f``'s sentence or the two before, of the set ``f`` is a part of: the last one of the same
    value ("two local developers ... the two"), else the last larger one."""
    near = [g for s, g in seen if s >= sent - 2]
    same = [g for g in near if g.value == f.value]
    larger = [g for g in near if g.value > f.value]
    return (same or larger or [None])[-1]


def elided_counted_noun(doc: Doc, tok_at: TokenAt, figs: list[Figure], starts: tuple[int, ...]) -> None:
    """"three competing bills ... over the two posed by conservatives", "four possible drugs ... two of them had",
    "Smith won 8 delegates ... Brown took the remaining 1": a whole count without a noun of its own that
    stands for a set (``_stands_for_a_set``) counts what the count of that set counted (``_set_counted_before``).
    Nothing when no such count is there ("the two met in 2010"), or when as many people were named together
    nearby ("emails between Ann Lee and Bob Stone ... the two", ``_people_named_together``)."""
    seen: list[tuple[int, Figure]] = []         # (sentence, figure) of the counts with a measure, in text order
    for f in figs:
        sent = bisect_right(starts, f.core_start) - 1
        if f.kind == "count" and not f.measure and f.value_max is None and f.value == int(f.value) > 0:
            tokens, root = figure_tokens(doc, tok_at, f)
            g = _set_counted_before(f, seen, sent) if root is not None and _stands_for_a_set(root, tokens[-1]) else None
            if g is not None and f.value not in _people_named_together(doc, starts[max(sent - 2, 0)], f.core_start):
                f.measure = g.measure
        if f.kind == "count" and f.measure:
            seen.append((sent, f))


_LIST_PREPS = ("in", "at", "from", "on", "for", "among")


def _parallel_to(doc: Doc, g_tokens: list[Token], f_tokens: list[Token]) -> bool:
    """``f`` repeats the shape of the count ``g`` before it in a list ("21 injured individuals in Davao, 36 in
    Cotabato"): ``f`` is followed by the preposition that follows ``g``'s noun, and only list words (commas, "and",
    the names and numbers of the list) stand between them, no verb."""
    after = f_tokens[-1].i + 1
    if after >= len(doc) or doc[after].lower_ not in _LIST_PREPS:
        return False
    between = doc[g_tokens[-1].i + 1:f_tokens[0].i]
    if not any(t.lower_ in (",", "and") for t in between):
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in between):
        return False
    return any(t.lower_ == doc[after].lower_ for t in between)


def parallel_list_noun(doc: Doc, tok_at: TokenAt, figs: list[Figure], starts: tuple[int, ...]) -> None:
    """"21 injured individuals in Davao del Sur, 36 in North Cotabato and seven in General Santos City", "250
    thousand protesters in New York, 100 thousand in London": a whole count with no noun of its own that repeats
    the shape of the count before it in its sentence (``_parallel_to``) counts what that count counted; a share does
    the same after a share ("a 17% survival rate for males and 12% for females", "3 percent of the vote in his 2012
    run and 2.3 percent in his 2014 run")."""
    prev: tuple[int, Figure, list[Token]] | None = None
    for f in figs:
        sent = bisect_right(starts, f.core_start) - 1
        tokens, root = figure_tokens(doc, tok_at, f)
        if f.kind not in LISTED_KINDS or not tokens or f.value_max is not None:
            prev = None if f.kind not in LISTED_KINDS else prev
            continue
        if not f.measure and prev is not None and prev[0] == sent and prev[1].kind == f.kind \
                and _parallel_to(doc, prev[2], tokens):
            f.measure = prev[1].measure
        if f.measure:
            prev = (sent, f, tokens)


LISTED_KINDS = ("count", "percent")       # "17% survival rate for males and 12% for females"
SPLIT_GAP_RE = re.compile(r"\s*-?\s*to\s*-?\s*")              # "66 to 27", "230-to-198"
RANGE_START_RE = re.compile(r"\b(?:from|between)\s*\Z", re.IGNORECASE)


def _split_pairs(text: str, figs: list[Figure]) -> Iterator[tuple[Figure, Figure]]:
    """Two whole counts next to each other written "A to B" or "A-to-B" that are no range and no change (not after
    "from" or "between")."""
    for a, b in zip(figs, figs[1:], strict=False):
        whole = all(x is None for x in (a.value_max, b.value_max, a.value_from, b.value_from))
        if a.kind == b.kind == "count" and whole and SPLIT_GAP_RE.fullmatch(text, a.end, b.start) \
                and not RANGE_START_RE.search(text, max(0, a.start - 12), a.start):
            yield a, b


def _counts_votes(root: Token) -> bool:
    """"the Senate voted 70 to 20", "passed by votes of 230-to-197", "the vote passed along party lines, 230-to-198":
    a vote word (``vote_words``) is the split's verb, a noun it hangs from below that verb, or that verb's subject."""
    verb = governing_verb(root)
    t = root
    while t.head.i != t.i and t.i != verb.i:
        t = t.head
        if lemma_word(t) in VOTE_WORDS:
            return True
    return lemma_word(verb) in VOTE_WORDS or any(
        c.dep_ in ("nsubj", "nsubjpass") and lemma_word(c) in VOTE_WORDS for c in verb.children)


def split_counts(doc: Doc, tok_at: TokenAt, figs: list[Figure]) -> None:
    """"voted 66 to 27", "a 5-to-4 vote", "an electoral count of 359 to 179": the two counts of an "A to B" split
    (``_split_pairs``) count the same thing. One with a measure gives it to the other (a common noun, not a name);
    with none, a split of votes (``_counts_votes``) counts votes, and one after "of" counts the noun the "of" hangs
    from."""
    text = doc_text(doc)
    for a, b in _split_pairs(text, figs):
        given = a.measure or b.measure
        if bool(a.measure) != bool(b.measure):
            if given.split()[-1].islower():         # a noun, not a name read as one ("3 to 1 Bernie")
                a.measure = b.measure = given
            continue
        if a.measure:
            continue
        _, root = figure_tokens(doc, tok_at, b)
        if root is None:
            continue
        if _counts_votes(root):
            a.measure = b.measure = "votes"
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
            a.measure = b.measure = _np_text(root.head.head)


# ------------------------------------------------------------------ subject and period
def subject_heads(root: Token | None) -> Iterator[Token]:
    """The heads of the phrases whose entity mentions say what the figure is about: the noun an "of" figure hangs
    from, then the subject of the governing verb (or of the verb it is a conjunct of)."""
    if root is None:
        return
    verb = governing_verb(root)
    h = root.head
    cands = []
    if root.dep_ == "pobj" and h.lower_ == "of" and h.head.pos_ in ("NOUN", "PROPN"):
        cands.append(h.head)
    while verb is not None:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        cands.extend(subj)
        if subj or verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head            # "GDP exceeded ... and achieved a growth of 6.1 percent"
    yield from cands

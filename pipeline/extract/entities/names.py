"""What the shape of a name says: a person's name, an organisation named after a country, a
person glued to an organisation's or a place's name, and whether two people share a surname."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import (
    ADJECTIVES,
    COUNTRY,
    FEMALE_HONORIFICS,
    GLUED_ORG_HEADS,
    HEADLINE_VERBS,
    HEADS,
    HONORIFICS,
    MALE_HONORIFICS,
    NAME_LINKS,
    NOT_PERSON_WORDS,
    ORG_HEADS,
    PLACE_DESIGNATORS,
    PLACE_MODIFIERS,
    TITLE_PLACE_LINKS,
    TITLES,
    fold,
)
from .places import is_given_name, is_known_place
from .roles import role, role_head, role_premod

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .records import Candidate, Group


def _country_prefix_end(doc: Doc, s: int, e: int) -> int:
    """Number of tokens of [s, e) left once country names are stripped from its end."""
    k = e - s
    while k > 0:
        for j in range(0, k):
            if fold(doc[s + j:s + k].text) in COUNTRY:
                k = j
                break
        else:
            break
    return k


def is_org_named_after_country(doc: Doc, s: int, e: int) -> bool:
    """True for "Food Standards Australia New Zealand", "Hitwise UK": Titlecase words in front of
    country names, the words being no compass point or place designator, make an organisation's name."""
    toks = list(doc[s:e])
    if fold(doc[s:e].text) in COUNTRY:
        return False
    k = _country_prefix_end(doc, s, e)
    if k == len(toks) or k == 0:
        return False
    prefix = toks[:k]
    return all(t.text[:1].isupper() and t.text.isalpha() and t.pos_ == "PROPN" and t.lower_ not in PLACE_MODIFIERS
               and t.lower_ not in PLACE_DESIGNATORS and t.ent_type_ not in ("PERSON",) for t in prefix) \
        and (len(prefix) >= 2 or prefix[0].tag_ == "NNPS" or not prefix[0].is_title)


def _names_no_one(low: str) -> bool:
    """True for a word that makes a name no person's: a head word, a country, a nationality, a name-type word."""
    return low in HEADS or low in COUNTRY or low in ADJECTIVES or low in NOT_PERSON_WORDS


def is_agent_name(doc: Doc, s: int, e: int) -> bool:
    """True for a bare two- or three-word name right after "by" ("founded by Ann Lee",
    "saved by Jo Ray", "a paper by AB Smith"): in news the agent named so is a person.
    Names with a head word ("by Sky News"), "the", a country or a name-type word
    ("Hurricane", "Operation") are left alone."""
    if not 2 <= e - s <= 3 or s == 0 or doc[s - 1].lower_ != "by":
        return False
    toks = doc[s:e]
    if toks.root.dep_ != "pobj" or toks.root.head.i != s - 1:
        return False
    for k, t in enumerate(toks):
        word = t.text.rstrip(".")
        if t.pos_ != "PROPN" or not word[:1].isupper() or not word.isalpha():
            return False
        if word.isupper() and not (k < e - s - 1 and len(word) <= 2):   # initials only in front
            return False
        if _names_no_one(t.lower_):
            return False
    return toks[-1].tag_ != "NNPS"


def has_middle_initial(doc: Doc, s: int, e: int) -> bool:
    """True for "Ann B. Lee", "Christina N Luis Olidem": Titlecase given name, a one-letter
    middle initial, Titlecase surname(s) and no head word, country or name-type word: a person."""
    toks = doc[s:e]
    if not 3 <= len(toks) <= 5:
        return False
    def word(t):
        return t.text[:1].isupper() and t.text[1:].islower() and t.text.isalpha() and len(t) > 1
    if not (word(toks[0]) and word(toks[-1])):
        return False
    if not any(re.fullmatch(r"[A-Z]\.?", t.text) for t in toks[1:-1]):
        return False
    for t in toks:
        if not (word(t) or re.fullmatch(r"[A-Z]\.?", t.text)):
            return False
        if _names_no_one(t.lower_) or t.lower_ in TITLES:
            return False
    return True


def _plain_name_word(t: Token) -> bool:
    """A Titlecase proper noun that is no head word, title, country, nationality, name-type word or honorific."""
    low = t.lower_
    if not (t.pos_ == "PROPN" and t.is_title and t.is_alpha and len(t) > 1) or low in HEADS or low in TITLES \
            or low in COUNTRY or low in ADJECTIVES or low in NOT_PERSON_WORDS or low in HONORIFICS:
        return False
    return True


def person_after_org(doc: Doc, s: int, e: int) -> int | None:
    """Start of a person's two-word name that spaCy glued to the end of an organisation name
    before a speech verb ("... of the Council on Foreign Relations Jane Roe said"), else None."""
    if e - s < 4 or e >= len(doc) or not doc[e].is_lower or doc[e].lower_ not in HEADLINE_VERBS:
        return None
    if not all(_plain_name_word(t) for t in (doc[e - 2], doc[e - 1])):
        return None
    before = doc[e - 3]
    if not (before.tag_ == "NNPS" or before.lower_ in ORG_HEADS) or not any(
            t.lower_ in NAME_LINKS - {"and", "&"} or t.lower_ in ORG_HEADS for t in doc[s:e - 2]):
        return None        # the organisation part must end like one: "Council on Foreign Relations", "X Agency"
    return e - 2


def person_after_place(doc: Doc, s: int, e: int) -> int | None:
    """Start of a person's full name that spaCy glued to the end of a place's name after a title's "of"/"from",
    else None: "Mayor of [Koszalin Piotr Jedlinski]", "First Minister of [Scotland Nicola Sturgeon]", "Senator from
    [Vermont Bernie Sanders]": a known place or country, then a known given name and one or two plain proper nouns
    (not "San Pedro Sula", "Time Warner Cable": no "of" before them), the name modifying no noun after it ("denied
    Spain Marshall Plan aid")."""
    if s == 0 or doc[s - 1].lower_ not in TITLE_PLACE_LINKS or doc[e - 1].dep_ == "compound" and doc[e - 1].head.i >= e:
        return None
    for i in range(s + 1, e - 1):
        if not 2 <= e - i <= 3 or not is_given_name(doc[i].text) or not all(
                _plain_name_word(t) for t in doc[i:e]):
            continue
        place = fold(doc[s:i].text)
        if (place in COUNTRY or is_known_place(place)) and all(t.is_title or t.is_upper for t in doc[s:i]):
            return i
    return None


def gender(doc: Doc, c: Candidate) -> str | None:
    """"m" or "f" from an honorific right before the mention ("Mr. X", "Mrs. X"), else None."""
    if c.start == 0:
        return None
    h = doc[c.start - 1].lower_.rstrip(".")
    return "m" if h in MALE_HONORIFICS else "f" if h in FEMALE_HONORIFICS else None


def other_person(doc: Doc, short: Group, full: Group) -> bool:
    """True when a bare surname group ``short`` names someone else than the full-name group ``full``:
    it is used before that full name is introduced (news style introduces a person by full name
    first) and its honorifics or the title right in front of it disagree with the full name's
    ("President X" and "Mr. X" before "the first lady, Jane X")."""
    first_full = min((c.start for c in full.cands if c.kind == "name"), default=None)
    if first_full is None or min(c.start for c in short.cands) > first_full:
        return False
    gs = {gender(doc, c) for c in short.cands} - {None}
    gf = {gender(doc, c) for c in full.cands} - {None}
    if gs and gf and not gs & gf:
        return True
    rs = set()
    for c in short.cands:                 # only a title right in front: "President X"
        pre = role_premod(doc, c)
        rs.add(role_head(pre.text) if pre is not None else None)
    rs -= {None}
    rf = {role_head(role(doc, c)) for c in full.cands} - {None}
    return bool(rs and rf and not rs & rf)


def has_glued_org_head(tok: Token) -> bool:
    """True for one capitalised word with an organisation's head word glued to its end (``glued_org_heads``):
    "Wikinews", "Euronews" name news outlets (not the head word alone: "News")."""
    low = tok.lower_
    return tok.text[:1].isupper() and tok.is_alpha \
        and any(low.endswith(h) and len(low) >= len(h) + 3 for h in GLUED_ORG_HEADS)

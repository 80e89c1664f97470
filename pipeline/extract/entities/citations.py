"""Authors named in academic citations: "(Dye & Bavelier, 2010)", "(Feng, Spence, & Pratt, 2007;
Kramer et al., 2008)", "Carrano & Biewener [7]", "Baron and Li (2014)".

An author list is one or more surnames (capitalised words, hyphenated or with a lowercase
particle such as "de" or "van" inside) joined by ",", "&" or "and", or a surname followed by
"et al.", right before a citation's year (1500-2099, a letter may follow: "2014a") or a
reference number in brackets ("[7]"). The list counts as a citation when it opens a parenthesis
or follows ";" inside one ("(A & B 2014)", "(A, 2005; B et al., 2010)"), or, in running text,
when it names several authors (or "et al.") and its year or number stands in brackets after it
("A & B (2014) found"). Spelled this way, every surname is a person's, whatever spaCy labelled the
span ("Dye & Bavelier" as one organisation, "Li" as a place). A lone name before a bare year
("Euro 2016", "March 2014") is no citation: a single author needs a comma before the year or
"et al." after the name. An article with a single such list, or with none naming several authors, is taken to cite
no one ("Procter & Gamble (2019) reported", "The Lovers (Les Amants, 1959)").
"""
from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

from ..spans import token_texts
from .lexicon import COUNTRY, DATA, HEADS, fold, surname_particles
from .tokens import glued_hyphen

if TYPE_CHECKING:
    from spacy.tokens import Doc

_YEAR = re.compile(r"^(1[5-9]|20)\d\d[a-z]?$")
_JOINS = {",", "&", "and"}
_OPENERS = {"(", "[", ";"}
_POSSESSIVES = {"'s", "\u2019s"}
_MARKER_FIRST = frozenset("12([")  # the first character of every marker ``_marker_end`` takes: a year or bracket
_CUES = {w.lower() for w in DATA["citation_cues"]}
_NOT_NAMES = {w.lower() for w in DATA["citation_non_names"]} \
    | {m.lower() for m in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name) if m}
_MIN_CITATIONS = 2    # author lists an article must have for any to count
_MAX_NAME = 4         # tokens of one surname ("Filippini Fantoni", "Faretta - Stutenberg")


def _is_word(doc: Doc, i: int) -> bool:
    """A capitalised word that may be (part of) a surname: no acronym, month, head word or country."""
    t = doc[i]
    text = t.text.replace("'", "").replace("\u2019", "")
    return text[:1].isupper() and text.isalpha() and not (t.is_upper and len(t) > 1) \
        and t.lower_ not in _NOT_NAMES and t.lower_ not in HEADS and fold(t.text) not in COUNTRY


def _linked(doc: Doc, k: int) -> bool:
    """True when token ``k`` joins two parts of one surname: a glued hyphen or a particle ("de")."""
    return glued_hyphen(doc, k) or doc[k].lower_ in surname_particles()


def _name_before(doc: Doc, end: int, floor: int) -> int | None:
    """The first token of the surname ending at token ``end - 1``, or None when none ends there."""
    if end - 1 < floor or not _is_word(doc, end - 1):
        return None
    start = end - 1
    while True:
        k = start - 1
        if k - 1 >= floor and _linked(doc, k) and _is_word(doc, k - 1) and end - k + 1 <= _MAX_NAME:
            start = k - 1
        elif k >= floor and _is_word(doc, k) and end - k <= _MAX_NAME:
            start = k
        else:
            return start


def _et_al_before(doc: Doc, end: int) -> int:
    """The first token of "et al." ending at token ``end - 1`` (its final "." and "," may be apart), or ``end``."""
    i = end
    while i > 0 and doc[i - 1].text in (".", ","):
        i -= 1
    if i >= 2 and doc[i - 1].lower_ in ("al", "al.") and doc[i - 2].lower_ == "et":
        return i - 2
    return end


def _author_list(doc: Doc, end: int) -> tuple[list[tuple[int, int]], bool, int]:
    """The surnames of an author list ending before token ``end`` (last first), whether it ends
    in "et al.", and the token before the list."""
    floor = max(0, end - 40)
    names: list[tuple[int, int]] = []
    i = _et_al_before(doc, end)
    et_al = i < end
    while (s := _name_before(doc, i, floor)) is not None:
        names.append((s, i))
        j = s
        while j - 1 >= floor and doc[j - 1].lower_ in _JOINS and s - j < 2:
            j -= 1
        if j == s or not _more_names(doc, j):
            return names, et_al, s - 1
        i = j
    return names, et_al, i - 1


def _more_names(doc: Doc, j: int) -> bool:
    """True when a surname ends right before token ``j`` (the list goes on past a comma)."""
    return j > 0 and _is_word(doc, j - 1)


def _marker_end(doc: Doc, i: int) -> tuple[int, bool] | None:
    """Where the author list before a citation marker at token ``i`` ends, and whether the marker
    is bracketed ("(2014)", "[7]"); None when token ``i`` starts no marker."""
    t = doc[i]
    if _YEAR.match(t.text):
        end = i - 1 if i > 0 and doc[i - 1].text == "," else i
        return end, False
    if t.text in ("(", "[") and i + 2 < len(doc) and doc[i + 2].text in (")", "]"):
        inner = doc[i + 1].text
        if _YEAR.match(inner) or t.text == "[" and inner.isdigit():
            return (i - 1 if i > 1 and doc[i - 1].lower_ in _POSSESSIVES else i), True
    return None


def _opened(doc: Doc, before: int) -> bool:
    """True when the token before a list opens a citation: "(", "[", ";", or a cue ("see", "e.g.,")."""
    if before >= 1 and doc[before].text == "," and doc[before - 1].lower_ in _CUES:
        return True
    return before >= 0 and (doc[before].text in _OPENERS or doc[before].lower_ in _CUES)


def _cited(doc: Doc, names: list[tuple[int, int]], et_al: bool, before: int, bracketed: bool,
           comma: bool) -> str | None:
    """"strong" when the list is spelled as a citation (see the module's docstring); "weak" for a
    single author before a bracketed year ("Santos (1989)", "Navarro's (2016)") or an opened one before
    a bare year ("; Milekic 2010)"), a citation only in an article that cites; else None."""
    several = len(names) >= 2 or et_al
    if bracketed:
        return "strong" if several else "weak"
    if _opened(doc, before):
        return "strong" if several or comma else "weak"
    return None


def _lead_trimmed(doc: Doc, name: tuple[int, int], before: int) -> tuple[int, int]:
    """The first surname of a list without a sentence's first word glued to it ("Recently Carrano")."""
    s, e = name
    if e - s > 1 and doc[s].is_sent_start and (before < 0 or doc[before].text not in _OPENERS):
        return s + 1, e
    return name


def citation_authors(doc: Doc) -> list[tuple[int, int]]:
    """The token spans [start, end) of the surnames of the authors cited in ``doc``, in text order
    (none unless the article cites at least twice, once naming several authors or "et al.":
    citations come in numbers where they come; "(Les Amants, 1959)" alone is a film's title)."""
    lists, weak, several = [], [], False
    texts = token_texts(doc)
    for i in range(1, len(doc)):
        found = _marker_end(doc, i) if texts[i][:1] in _MARKER_FIRST else None
        if found is None:
            continue
        end, bracketed = found
        names, et_al, before = _author_list(doc, end)
        kind = _cited(doc, names, et_al, before, bracketed, end < i) if names else None
        if kind is not None:
            (lists if kind == "strong" else weak).append([*names[:-1], _lead_trimmed(doc, names[-1], before)])
            several = several or len(names) >= 2 or et_al
    if len(lists) < _MIN_CITATIONS or not several:
        return []
    return sorted({n for names in lists + weak for n in names})

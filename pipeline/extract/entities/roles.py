"""Roles of people, and the title words that refer back to them.

A person's role comes from pre-modifiers ("Regional government spokesman X", "Chairman X"),
appositives ("X, deputy director of the Y,") and a title head the name is in apposition to
("the chairman of Z, X,"; "US President X"). A title reference ("the chairman") must agree with
the role: its modifiers are in the role and the role's rank modifiers ("vice", "deputy",
"former") are in the reference.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..spans import keeps_opening_mark
from .lexicon import (
    CAPTION_LABELS,
    DETERMINERS,
    HONORIFICS,
    RANK_MODIFIERS,
    ROLE_COORDINATORS,
    ROLE_END_HONORIFICS,
    ROLE_HEAD_STOP,
    ROLE_NUMERAL_DETERMINERS,
    TITLES,
)
from .tokens import person_words

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

    from .records import Candidate


def role_span(doc: Doc, a: int, b: int) -> Span | None:
    """Tokens [a, b) without leading determiners and trailing punctuation, else None."""
    a = _after_line_break(doc, a, b)
    while a < b and (doc[a].lower_ in DETERMINERS or doc[a].is_punct or doc[a].pos_ in ("ADV", "DET", "SPACE")
                     or _numeral_determiner(doc, a, b)):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space or doc[b - 1].lower_ in ("who", "which", "and")):
        b -= 1
    b = _cut_end_honorific(doc, a, b)
    a = _after_named_person(doc, a, b)
    if b <= a or doc[a].tag_ == "PRP$" or doc[b - 1].lower_ in CAPTION_LABELS:
        return None
    if keeps_opening_mark(doc, a, b - 1):
        a -= 1   # '"Parasite" director': the role keeps the mark that opens the title in it
    span = doc[a:b]
    return None if any(t.text == ":" for t in span) or _plural_head(span) else span


def _after_line_break(doc: Doc, a: int, b: int) -> int:
    """A role is written in one line: where the parse ran on over a line break (a caption before it: "dice\n\n
    Professional cosplayer X"), the role starts after the last break before the name."""
    return next((k + 1 for k in range(b - 2, a - 1, -1) if "\n" in doc[k].text_with_ws), a)


def _numeral_determiner(doc: Doc, a: int, b: int) -> bool:
    """"One activist, X, told ...", "one senator, X,": the numeral picks X out of a group as a determiner does;
    the role is the noun after it (not "one of the ...", "one-time rival")."""
    return doc[a].lower_ in ROLE_NUMERAL_DETERMINERS and doc[a].pos_ == "NUM" and a + 1 < b \
        and doc[a].whitespace_ != "" and doc[a + 1].lower_ not in ROLE_HEAD_STOP    # "one-time rival" keeps it


def _after_named_person(doc: Doc, a: int, b: int) -> int:
    """"between Trump and Ukraine President X", "Ratcliffe and FBI director X": capitalised words before a
    coordinator (the tagger may call a sentence's first word an adjective) that end in a word of a person the
    article names, with no title or rank word among them, are another person joined to X; X's role starts after
    the coordinator ("Police and Crime Commissioner X" keeps its words, and so does a role both names own:
    "Baloch and Waseem's mother")."""
    j = next((k for k in range(b - 2, a, -1) if doc[k].lower_ in ROLE_COORDINATORS), None)
    if j is None or j - a > 3 or not any(is_role_word(t) for t in doc[j + 1:b]) \
            or any(t.tag_ == "POS" for t in doc[j + 1:b]):     # "Baloch and Waseem's mother": both own the role
        return a
    left = doc[a:j]
    if all(t.is_title and t.is_alpha and t.lower_ not in TITLES and t.lower_ not in RANK_MODIFIERS for t in left) \
            and left[-1].lower_ in person_words(doc):
        return j + 1
    return a


def _plural_head(span: Span) -> bool:
    """"Y and X, two astronauts", "three former presidents": a plural head is the role of a group, not of the
    one person (plural by the tag and the lemma: the tagger calls "fiancée" NNS, but its lemma is itself)."""
    head = _head_token(span)
    return head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() != head.lower_


def _head_token(span: Span) -> Token:
    """The head word of a role: the last word before its first stop ("of", "for", ...), coordinator or person's
    name ("US presidents George Washington and ..." -> "presidents")."""
    stop = next((k for k, t in enumerate(span) if k and (t.lower_ in ROLE_HEAD_STOP or t.lower_ in ("and", "or", ",")
                                                         or t.ent_type_ == "PERSON")), len(span))
    return span[stop - 1]


def _cut_end_honorific(doc: Doc, a: int, b: int) -> int:
    """"director, Dr." / "archaeologist Dr" / "mother, the late": an honorific that only leads the name is no part of
    a role ending in it (``role_end_honorifics``); the role is what comes before it, when anything does."""
    for n in (2, 1):
        if b - n > a and " ".join(t.lower_ for t in doc[b - n:b]) in ROLE_END_HONORIFICS:
            k = b - n
            while k > a and doc[k - 1].is_punct:
                k -= 1
            return k if k > a else b
    return b


def role_text(doc: Doc, a: int, b: int) -> str | None:
    """Text of tokens [a, b) without leading determiners and trailing punctuation."""
    span = role_span(doc, a, b)
    return span.text if span is not None else None


def is_role_word(tok: Token) -> bool:
    return tok.pos_ == "NOUN" or tok.lower_ in TITLES


def role_premod(doc: Doc, c: Candidate) -> Span | None:
    """Span of the title words in front of a name: "Regional government spokesman X", "Chairman X"."""
    root = doc[c.start:c.end].root
    left = [ch for ch in root.children if ch.i < c.start and ch.dep_ in ("compound", "amod", "nmod")]
    start = c.title_start
    if left:
        lo = min(ch.left_edge.i for ch in left)
        start = lo if start is None else min(start, lo)
    end = c.start
    if end - 1 > 0 and doc[end - 1].lower_.rstrip(".") in HONORIFICS:   # "Undersecretary for X Mr. Y"
        end -= 1
    if start is None or start >= end:
        return None
    prev = doc[end - 1]
    if not is_role_word(prev) and not (prev.pos_ == "PROPN" and any(is_role_word(t) for t in doc[start:end])
                                       and (end < c.start or _title_of_names(doc, start, end))) \
            or prev.ent_type_ == "PERSON":
        return None
    if any(t.ent_type_ == "PERSON" or t.text in (":", ";", "(", ")") for t in doc[start:end]):
        return None
    return role_span(doc, start, end)


def _title_of_names(doc: Doc, start: int, end: int) -> bool:
    """"US Secretary of State X", "Director of Communications X": the words before the name end in a capitalised
    title, "of" and proper nouns that hold no title of their own ("the brother of President X" is not X's role)."""
    k = end - 1
    while k > start and doc[k].pos_ == "PROPN" and doc[k].lower_ not in TITLES:
        k -= 1
    title = doc[k - 1] if k > start else None
    return k < end - 1 and doc[k].lower_ == "of" and title is not None and title.lower_ in TITLES \
        and title.text[:1].isupper()


def _title_of_role(doc: Doc, c: Candidate, root: Token) -> str | None:
    """The parser hangs the name on the "of" of its title: "Minister of Foreign Affairs X" (X is the object of
    "of"; the words between "of" and the name are proper nouns)."""
    of = root.head
    if root.dep_ != "pobj" or of.lower_ != "of" or of.i >= c.start or of.head.i != of.i - 1:
        return None
    title = of.head
    if title.lower_ not in TITLES or not _title_of_names(doc, title.left_edge.i, c.start):
        return None
    return role_text(doc, title.left_edge.i, c.start)


def _appositive_role(doc: Doc, c: Candidate, root: Token) -> str | None:
    """An appositive to the right: "X, deputy director of the Y, said"."""
    for ch in root.children:
        if ch.dep_ == "appos" and ch.i >= c.end and is_role_word(ch) and not ch.ent_type_:
            end = ch.right_edge.i + 1
            for k in range(ch.i, end):            # stop at a relative clause or a second comma phrase
                if doc[k].lower_ in ("who", "which", "whose") or (doc[k].text == "," and k > ch.i):
                    end = k
                    break
            if end - ch.left_edge.i <= 20:
                r = role_text(doc, ch.left_edge.i, end)
                if r:
                    return r
    return None


def _title_head_role(doc: Doc, c: Candidate, root: Token) -> str | None:
    """The name in apposition to a title: "the chairman of Z, X"; "US President X"."""
    head = root.head
    if root.dep_ == "appos" and head.i < c.start and is_role_word(head) and head.ent_type_ in ("", "NORP", "GPE") \
            and c.start - head.left_edge.i <= 20 and head.lower_ not in CAPTION_LABELS \
            and not any(t.text in (":", ";", "(", ")") for t in doc[head.i:c.start]):
        r = role_text(doc, head.left_edge.i, _comma_after_head(doc, head.i, c.start))
        if r:
            return r
    return None


def _comma_after_head(doc: Doc, head: int, end: int) -> int:
    """"the leader of the church, Pope X", "one child, record producer X": the title head's phrase ends at the
    first comma after it; what stands between that comma and the name is the name's own title, unless it goes on
    a list ("US singer, actor, and animal rights advocate X")."""
    comma = next((k for k in range(head + 1, end) if doc[k].text == ","), end)
    if any(t.lower_ in ("and", "or", ",") for t in doc[comma + 1:end]):
        return end
    return comma


def _title_after_comma(doc: Doc, c: Candidate, root: Token) -> bool:
    """The name's appositive head stands before a comma that comes before the name's own title words."""
    head = root.head
    return root.dep_ == "appos" and head.i < c.start and _comma_after_head(doc, head.i, c.start) < c.start


def role(doc: Doc, c: Candidate) -> str | None:
    """Role of a person mention from its appositives, title prefix or pre-modifiers, else None."""
    root = doc[c.start:c.end].root
    pre = role_premod(doc, c)
    if pre is not None and pre.text.lower() not in ROLE_END_HONORIFICS and _title_after_comma(doc, c, root) \
            and not _appositive_role(doc, c, root):
        return pre.text
    r = _appositive_role(doc, c, root) or _title_head_role(doc, c, root) or _title_of_role(doc, c, root)
    if r:
        return r
    return pre.text if pre is not None else None


def role_head(role: str | None) -> str | None:
    """The head word of a role: "deputy director of the Y" -> "director", "the first lady" -> "lady"."""
    words = []
    for w in re.findall(r"[\w-]+", (role or "").lower()):
        if w in ROLE_HEAD_STOP:
            break
        words.append(w)
    return words[-1] if words else None


def title_words(role: str) -> list[str]:
    """The title words of a role before its first role-head stop: "undersecretary to the prime
    minister" gives "undersecretary" only ("minister" is someone else)."""
    out = []
    for w in re.findall(r"[\w-]+", role.lower()):
        if w in ROLE_HEAD_STOP:
            break
        if w in TITLES:
            out.append(w)
    return out


def title_agrees(modifiers: Iterable[Token], title: str, role: str) -> bool:
    """True when "the <modifiers> <title>" can refer to a holder of ``role``: each modifier is in
    the role, and the role's rank modifiers ("vice", "deputy", "former") are in the reference
    ("the Democratic presidential nominee" is not the "Democratic vice presidential nominee")."""
    role_words = []
    for w in re.findall(r"\w+", role.lower()):
        if w == title:
            break
        role_words.append(w)
    else:
        return False
    ref_words = {w for t in modifiers for w in re.findall(r"\w+", t.lower_)}
    return ref_words <= set(role_words) and not (set(role_words) & RANK_MODIFIERS) - ref_words

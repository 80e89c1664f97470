"""Small tests on tokens and token ranges of a parsed Doc, shared by the candidate rules and passes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..spans import per_doc, token_texts
from .lexicon import DETERMINERS, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def is_cap(tok: Token) -> bool:
    """True when ``tok`` starts with a capital letter or a digit."""
    first = tok.text[:1]
    return first.isupper() or first.isdigit()


@per_doc
def person_words(doc: Doc) -> frozenset[str]:
    """The lowercased proper nouns of the article's person names (spaCy's PERSON spans)."""
    return frozenset(t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in e if t.pos_ == "PROPN")


def entity_end(doc: Doc, i: int) -> int:
    """The end of the spaCy entity whose first token is ``i`` (past its inside tokens)."""
    j = i + 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return j


def glued_hyphen(doc: Doc, k: int) -> bool:
    """True when token ``k`` is a hyphen written without spaces between two words ("Waller-Bridge", "pro-Clinton")."""
    return k > 0 and doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_


def is_modifier(tok: Token) -> bool:
    """True when ``tok`` modifies a noun to its right ("Afghan team", "Chinese officials")."""
    if tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.i > tok.i:
        return tok.head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")
    if tok.pos_ == "ADJ" and tok.dep_ not in ("nsubj", "dobj", "pobj", "conj", "appos", "attr", "ROOT"):
        return True
    return False


def headline_case(doc: Doc, i: int) -> bool:
    """True when the line of token i is set in headline case (nearly every longer word capitalised)."""
    return headline_tokens(doc)[i]


@per_doc
def headline_tokens(doc: Doc) -> tuple[bool, ...]:
    """For each token, whether its line (up to and with the token that holds a line break) is in headline case."""
    flags: list[bool] = []
    texts, start = token_texts(doc), 0
    for i, text in enumerate(texts):
        if "\n" in text:  # a token's whitespace is " " or "": only its text holds a line break
            flags.extend([_in_headline_case(doc, texts, start, i + 1)] * (i + 1 - start))
            start = i + 1
    flags.extend([_in_headline_case(doc, texts, start, len(texts))] * (len(texts) - start))
    return tuple(flags)


def _in_headline_case(doc: Doc, texts: tuple[str, ...], start: int, end: int) -> bool:
    """Whether nearly every word of more than three letters of tokens [start, end) is capitalised."""
    words = [texts[i] for i in range(start, end) if len(texts[i]) > 3 and doc[i].is_alpha]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def in_list(doc: Doc, s: int, e: int) -> bool:
    """True when the name [s, e) is followed by more items of a list: ", and ...", ", X, ..."."""
    def name_at(i):
        return i < len(doc) and (is_cap(doc[i])
                                 or doc[i].lower_ in DETERMINERS and i + 1 < len(doc) and is_cap(doc[i + 1]))
    if e < len(doc) and doc[e].lower_ in ("and", "or") and name_at(e + 1):
        return True
    if e + 1 < len(doc) and doc[e].text == "," and (doc[e + 1].lower_ in ("and", "or") and name_at(e + 2)
                                                    or doc[e + 1].ent_type_):
        return True
    return False


def is_in_title(doc: Doc, s: int, e: int, root: Token) -> bool:
    """True when [s, e) is part of a capitalised job title rather than a name of its own."""
    nxt = doc[e] if e < len(doc) else None
    if nxt is not None and nxt.lower_ in TITLES and nxt.text[:1].isupper() and root.head.i >= e \
            and root.dep_ in ("compound", "nmod", "amod"):
        return True
    if e - s == 1 and root.dep_ == "pobj" and root.head.lower_ in ("of", "for") and root.head.i == s - 1:
        t = root.head.head
        return t.i < s and t.lower_ in TITLES and t.text[:1].isupper()
    return False

"""Small helpers over a spaCy Doc and its text shared by the extractors."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache, wraps


def per_doc(fn):
    """Compute ``fn(doc)`` once per Doc and keep it in ``doc.user_data``: spaCy finds the sentences and
    joins the text anew on every read of ``doc.sents`` / ``doc.text``, and several stages read them.
    The value is shared: callers must not change it (the helpers below return tuples)."""
    key = ("presstables", fn.__name__)

    @wraps(fn)
    def once(doc):
        value = doc.user_data.get(key)
        if value is None:
            value = doc.user_data[key] = fn(doc)
        return value
    return once


@per_doc
def sentence_starts(doc) -> tuple[int, ...]:
    """Character offsets where each sentence of ``doc`` starts."""
    return tuple(s.start_char for s in doc.sents)


@per_doc
def doc_text(doc) -> str:
    """The text of ``doc`` (``Doc.text``: each token's text, and a space after it where it has one)."""
    spaces = doc.to_array("SPACY").tolist()
    return "".join([w + " " if space else w for w, space in zip(token_texts(doc), spaces, strict=True)])


@per_doc
def word_set(doc) -> frozenset[str]:
    """The texts of the tokens of ``doc``, as written ("Mom" and "mom" apart)."""
    return frozenset(token_texts(doc))


@per_doc
def token_starts(doc) -> tuple[int, ...]:
    """Character offset of each token of ``doc``."""
    return tuple(t.idx for t in doc)


def _column(doc, attr: str) -> tuple[str, ...]:
    """The string value of ``attr`` ("ORTH", "LOWER", "LEMMA", "TAG", "POS") of each token of ``doc``, read
    from ``Doc.to_array``: reading ``Token.text`` and the like decodes the string anew each time. Each distinct
    string is decoded once per Doc (a map kept across Docs would grow with the corpus's vocabulary)."""
    hashes = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    known = {h: strings[h] for h in set(hashes)}
    return tuple(map(known.__getitem__, hashes))


@per_doc
def token_texts(doc) -> tuple[str, ...]:
    """The text of each token of ``doc``."""
    return _column(doc, "ORTH")


@per_doc
def token_lowers(doc) -> tuple[str, ...]:
    """The lowercase form of each token of ``doc``."""
    return _column(doc, "LOWER")


@per_doc
def token_pos(doc) -> tuple[str, ...]:
    """The coarse part of speech of each token of ``doc``."""
    return _column(doc, "POS")


@per_doc
def token_lemmas(doc) -> tuple[str, ...]:
    """The lemma of each token of ``doc``, as the lemmatizer gave it."""
    return _column(doc, "LEMMA")


@per_doc
def token_tags(doc) -> tuple[str, ...]:
    """The fine part-of-speech tag of each token of ``doc``."""
    return _column(doc, "TAG")


def sentence_index(doc, char: int, starts: tuple[int, ...] | None = None) -> int:
    """0-based index of the sentence of ``doc`` that holds character offset ``char``."""
    starts = starts if starts is not None else sentence_starts(doc)
    return max(bisect_right(starts, char) - 1, 0)


def words(s: str) -> list[str]:
    """The lower-case alphanumeric words of ``s`` ("Xu Guixiang's" -> ["xu", "guixiang", "s"])."""
    return list(_words(s))


@lru_cache(maxsize=1 << 16)
def _words(s: str) -> tuple[str, ...]:
    return tuple("".join(ch.lower() if ch.isalnum() else " " for ch in s).split())


_CLOSERS = {"(": ")", "[": "]"}


def keeps_opening_mark(doc, left: int, right: int) -> bool:
    """The token before the phrase ``doc[left:right + 1]`` is a quotation mark or bracket that a mark inside the
    phrase closes ('"Parasite" director', '[Iranian] Female Grand Master'): the phrase should keep it."""
    if left < 1 or "\n" in doc[left - 1].text_with_ws:
        return False
    before, inside = doc[left - 1], doc[left:right + 1]
    if before.is_quote:
        return sum(t.is_quote for t in inside) % 2 == 1
    closer = _CLOSERS.get(before.text)
    return closer is not None and sum(t.text == closer for t in inside) > sum(t.text == before.text for t in inside)

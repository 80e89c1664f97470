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
    """The text of ``doc``."""
    return doc.text


@per_doc
def word_set(doc) -> frozenset[str]:
    """The texts of the tokens of ``doc``, as written ("Mom" and "mom" apart)."""
    return frozenset(t.text for t in doc)


@per_doc
def token_starts(doc) -> tuple[int, ...]:
    """Character offset of each token of ``doc``."""
    return tuple(t.idx for t in doc)


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

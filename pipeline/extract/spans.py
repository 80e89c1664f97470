"""Small helpers over a spaCy Doc and its text shared by the extractors."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache


def sentence_starts(doc) -> list[int]:
    """Character offsets where each sentence of ``doc`` starts."""
    return [s.start_char for s in doc.sents]


def sentence_index(doc, char: int, starts: list[int] | None = None) -> int:
    """0-based index of the sentence of ``doc`` that holds character offset ``char``."""
    starts = starts if starts is not None else sentence_starts(doc)
    return max(bisect_right(starts, char) - 1, 0)


def words(s: str) -> list[str]:
    """The lower-case alphanumeric words of ``s`` ("Xu Guixiang's" -> ["xu", "guixiang", "s"])."""
    return list(_words(s))


@lru_cache(maxsize=1 << 16)
def _words(s: str) -> tuple[str, ...]:
    return tuple("".join(ch.lower() if ch.isalnum() else " " for ch in s).split())

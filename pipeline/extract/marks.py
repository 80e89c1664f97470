"""Pairing quotation marks, per paragraph: what the quote stage reads quotations from, and what the
coreference stage asks to tell a quoted "I" from the writer's.

Straight, curly and doubled-apostrophe marks are paired per paragraph; the direction of a
straight mark comes from its neighbours. A paragraph that opens a quote without closing it
continues into the next paragraph when that one opens with a quote mark (news style); otherwise
the quote ends with its paragraph. The marks are data (``data/quotes.json``: ``quote_marks``,
``mark_context``, ``content_trim_chars``).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

_LEX = json.loads((Path(__file__).parent / "data" / "quotes.json").read_text(encoding="utf-8"))
OPEN_MARKS = tuple(_LEX["quote_marks"]["open"])
CLOSE_MARKS = tuple(_LEX["quote_marks"]["close"])
ALL_MARKS = sorted(OPEN_MARKS + CLOSE_MARKS + tuple(_LEX["quote_marks"]["either"]), key=len, reverse=True)
OPENS_AFTER = str(_LEX["mark_context"]["opens_after"])       # a mark after these opens a quote
WORD_START_SYMBOLS = str(_LEX["mark_context"]["word_start_symbols"])  # a mark before these opens one
TRIM_TAIL = str(_LEX["content_trim_chars"])                  # trimmed off the end of quoted content

_MARK_STARTS = frozenset(m[0] for m in ALL_MARKS)
_MARK_START_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_MARK_STARTS)) + "]")


@dataclass(slots=True)
class QuotedSpan:
    """A pair of quote marks and the words between them."""

    open: tuple[int, int]       # offsets of the opening mark
    close: tuple[int, int]      # offsets of the closing mark; empty (s, s) when the quote was never closed
    start: int                  # the content, without marks, surrounding blanks and trailing ``,;:``
    end: int
    scare: bool = False         # so-called "X": never someone's words (set by the quote context)


@dataclass(slots=True)
class _OpenQuote:
    open: tuple[int, int]
    par_end: int = 0            # end of the paragraph it was left open in


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-blank lines of ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Quote marks in text[start:end] as (start, end, glyph); the longest glyph wins ("''" over "'")."""
    out, i = [], start
    while (found := _MARK_START_RE.search(text, i, end)) is not None:
        i = found.start()
        glyph = next((m for m in ALL_MARKS if text.startswith(m, i) and i + len(m) <= end), None)
        if glyph is None:
            i += 1
            continue
        out.append((i, i + len(glyph), glyph))
        i += len(glyph)
    return out


def _context(text: str, s: int, e: int) -> str:
    """'open', 'close' or 'either', from the characters around a mark."""
    prev = text[s - 1] if s > 0 else " "
    nxt = text[e] if e < len(text) else " "
    prev_open = prev.isspace() or prev in OPENS_AFTER
    next_close = nxt.isspace() or (not nxt.isalnum() and nxt not in WORD_START_SYMBOLS)
    if prev_open and not next_close:
        return "open"
    if next_close and not prev_open:
        return "close"
    return "either"


def _direction(text: str, s: int, e: int, glyph: str) -> str:
    """'open', 'close' or 'either' for a mark: a curly mark's own direction unless its neighbours
    clearly say the other one, a straight mark's from its neighbours."""
    ctx = _context(text, s, e)
    if glyph in OPEN_MARKS:
        return "close" if ctx == "close" else "open"
    if glyph in CLOSE_MARKS:
        return "open" if ctx == "open" else "close"
    return ctx


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Paired quote marks of ``text``, in text order, each with the mark offsets (``open``,
    ``close``: (start, end)) and the content offsets (``start``, ``end``: without marks, surrounding
    blanks and trailing ``,;:``); spans with empty content are left out."""
    spans: list[QuotedSpan] = []
    pending: _OpenQuote | None = None  # a quote still open at the end of the previous paragraph
    for pstart, pend in paragraphs(text):
        marks = _marks(text, pstart, pend)
        cur = None
        if pending is not None:
            lead = text[pstart:marks[0][0]].strip() if marks else "x"
            if marks and not lead and _context(text, marks[0][0], marks[0][1]) != "close":
                cur = pending          # news style: the quote goes on in this paragraph
                marks = marks[1:]
            else:
                spans.append(_finish(text, pending, (pending.par_end, pending.par_end)))
            pending = None
        cur = _pair(text, marks, cur, spans)
        if cur is not None:
            cur.par_end = pend
            pending = cur
    if pending is not None:
        spans.append(_finish(text, pending, (pending.par_end, pending.par_end)))
    return [q for q in spans if q.end > q.start]


def closed_later(text: str, q: QuotedSpan, max_paragraphs: int) -> tuple[int, int] | None:
    """Where the words of a quotation left open at its paragraph's end go on when the next paragraph does not open
    it again (``"I think we have learned a lot. || It was a very emotional day."``): (start, end) from the next
    paragraph's start to the first mark of the paragraphs after, when that mark closes; paragraphs without any mark
    in between (at most ``max_paragraphs`` in all) go on too. None for a closed quotation, or when a later paragraph
    opens one first (news style, which ``find_quoted_spans`` already joins) or none closes in time."""
    if q.close[0] != q.close[1]:
        return None
    after = [(s, e) for s, e in paragraphs(text) if s > q.close[0]][:max_paragraphs]
    if not after or text[q.close[0]:after[0][0]].strip():
        return None  # left open by another opening mark inside its paragraph, or the text's last words
    for s, e in after:
        marks = _marks(text, s, e)
        if marks:
            first = marks[0]
            return (after[0][0], first[0]) if _direction(text, *first) == "close" else None
    return None


def _pair(text: str, marks: list[tuple[int, int, str]], cur: _OpenQuote | None,
          spans: list[QuotedSpan]) -> _OpenQuote | None:
    """Pair the marks of one paragraph onto ``spans``; returns the quote left open at its end."""
    for s, e, g in marks:
        d = _direction(text, s, e, g)
        if cur is None:
            if d != "close":
                cur = _OpenQuote((s, e))
        elif d == "open" and g in OPEN_MARKS:
            # an opening mark inside an open quote: the earlier one was never closed
            spans.append(_finish(text, cur, (s, s)))
            cur = _OpenQuote((s, e))
        else:
            spans.append(_finish(text, cur, (s, e)))
            cur = None
    return cur


def _finish(text: str, q: _OpenQuote, close: tuple[int, int]) -> QuotedSpan:
    start, end = q.open[1], close[0]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in TRIM_TAIL:
        end -= 1
    return QuotedSpan(q.open, close, start, end)

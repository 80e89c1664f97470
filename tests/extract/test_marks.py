"""Tests of quote-mark pairing (pipeline/extract/marks.py); no model needed."""
from __future__ import annotations

from pipeline.extract.marks import closed_later
from pipeline.extract.quotes import find_quoted_spans


# ---------------------------------------------------------------- straight, curly and doubled-apostrophe marks
def test_quote_marks_straight_curly_and_doubled_apostrophes():
    text = ('"Plain marks," one said. \u201cCurly marks,\u201d said another. '
            "''Doubled apostrophes,'' said a third. It's not a quote.")
    got = [text[q.start:q.end] for q in find_quoted_spans(text)]
    assert got == ["Plain marks", "Curly marks", "Doubled apostrophes"]


# ---------------------------------------------------------------- quotes left open at a paragraph end
def test_quote_left_open_continues_in_next_paragraph():
    text = ('"The first paragraph of the statement.\n\n'
            '"The second paragraph ends it," she said.\n\nAfterwards "a scare" term.')
    spans = find_quoted_spans(text)
    assert text[spans[0].start:spans[0].end].startswith("The first paragraph")
    assert text[spans[0].start:spans[0].end].endswith("ends it")
    assert text[spans[1].start:spans[1].end] == "a scare"


def test_unclosed_quote_stops_at_paragraph_end():
    text = '"An unclosed quotation at the end of a paragraph\n\nA normal paragraph.'
    spans = find_quoted_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["An unclosed quotation at the end of a paragraph"]


def test_a_quotation_left_open_goes_on_to_a_closing_mark_in_a_later_paragraph():
    text = 'She said, "I think so.\n\nIt was a long night."\n\nThe end.'
    q = find_quoted_spans(text)[0]
    assert closed_later(text, q, 3) == (text.index("It was"), text.index('."') + 1)


def test_a_quotation_left_open_does_not_go_on_into_a_paragraph_that_opens_one():
    text = 'She said, "I think so.\n\nHe replied, "No."'
    assert closed_later(text, find_quoted_spans(text)[0], 3) is None

"""Parsing: one Doc per article, long articles in pieces joined back (pipeline/extract/parsing.py)."""
from __future__ import annotations

import pytest

from pipeline.extract import extract, parsing
from pipeline.extract.parsing import parse, pieces


def test_pieces_join_back_and_respect_the_limit():
    text = ("A first paragraph of words.\n\nA second one, a little longer than that.\n"
            "A line of its own.\n\n" + "word " * 40)
    got = pieces(text, 50)
    assert "".join(got) == text and all(len(p) <= 50 for p in got)
    assert got[0].endswith("\n\n")  # cut after the paragraph break, not inside the paragraph


def test_a_piece_without_breaks_is_cut_at_a_space_else_anywhere():
    assert pieces("abc def ghi", 5) == ["abc ", "def ", "ghi"]
    assert "".join(pieces("x" * 12, 5)) == "x" * 12


@pytest.fixture
def small_pieces(monkeypatch, nlp):
    """A model that refuses texts over 1,000 characters (spaCy's max_length), pieces of 400."""
    monkeypatch.setattr(parsing, "PIECE_CHARS", 400)
    monkeypatch.setattr(nlp, "max_length", 1000)


def test_long_article_is_one_doc_whose_text_is_the_article(nlp, small_pieces):
    text = "\n\n".join(f"Mayor Ana Ruiz of Lima said on day {i} that the port would reopen." for i in range(30))
    [doc] = parse(nlp, [text])
    assert doc.text == text and len(list(doc.sents)) >= 30


def test_long_article_extracts_with_offsets_into_the_whole_text(nlp, small_pieces):
    text = "\n\n".join(f'"We will reopen the port on day {i}," Mayor Ana Ruiz of Lima said.' for i in range(30))
    tables = extract([{"article_id": "long", "text": text}], nlp)
    assert len(tables["quotes"]) == 30
    for table in ("mentions", "quotes", "figures"):
        for row in tables[table]:
            assert text[row["start"]:row["end"]] == row["text"]


def test_articles_keep_their_order_around_a_long_one(nlp, small_pieces):
    texts = ["Short one.", "Long paragraph here.\n\n" * 40, "Short two."]
    assert [d.text for d in parse(nlp, texts)] == texts

"""Per-Doc values read by several stages are computed once and stay equal to spaCy's own."""
from __future__ import annotations

from pipeline.extract import tables_from_doc
from pipeline.extract.entities.tokens import headline_case
from pipeline.extract.spans import (
    doc_text,
    sentence_starts,
    token_lemmas,
    token_lowers,
    token_pos,
    token_starts,
    token_tags,
    token_texts,
)

TEXT = "Officials Announce New Rules\nThe minister said on Monday that the rules start in May. Critics disagree."


def test_sentence_and_token_starts_are_spacys_and_read_once(nlp):
    doc = nlp(TEXT)
    starts = sentence_starts(doc)
    assert list(starts) == [s.start_char for s in doc.sents]
    assert sentence_starts(doc) is starts
    assert list(token_starts(doc)) == [t.idx for t in doc]
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)


def test_values_belong_to_their_doc(nlp):
    one, two = nlp("A short one. Two sentences."), nlp("Only one sentence here.")
    assert len(sentence_starts(one)) == 2 and len(sentence_starts(two)) == 1


def test_headline_case_is_per_line(nlp):
    doc = nlp(TEXT)
    first_line = [t.i for t in doc if t.idx < TEXT.index("\n")]
    assert all(headline_case(doc, i) for i in first_line)
    assert not any(headline_case(doc, t.i) for t in doc if t.idx > TEXT.index("\n"))


def test_extraction_does_not_change_the_annotations(nlp):
    doc = nlp(TEXT)
    before = doc.to_bytes(exclude=["user_data"])
    tables_from_doc("a", doc)
    assert doc.to_bytes(exclude=["user_data"]) == before


def test_token_columns_are_spacys_attributes(nlp):
    doc = nlp("Café owners in São Paulo said: \u201cWe're closing\u201d.\n\nIt's   over, \U0001F600 Mr. Smith said.")
    assert token_texts(doc) == tuple(t.text for t in doc)
    assert token_lowers(doc) == tuple(t.lower_ for t in doc)
    assert token_pos(doc) == tuple(t.pos_ for t in doc)
    assert token_lemmas(doc) == tuple(t.lemma_ for t in doc)
    assert token_tags(doc) == tuple(t.tag_ for t in doc)
    assert doc_text(doc) == doc.text
    assert token_texts(doc) is token_texts(doc)


def test_token_columns_of_an_empty_doc(nlp):
    doc = nlp("")
    assert token_texts(doc) == token_pos(doc) == () and doc_text(doc) == ""

"""The faster attribute ruler and lemmatizer methods (pipeline/extract/fastrules.py) give exactly the
annotations of spaCy's own components."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.extract import model_name
from pipeline.extract.fastrules import PatternIndex, speed_up

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TEXTS = [
    "Y'all ain't gonna believe it, but let's go: c'mon, we gotta leave. There's a problem, isn't there?",
    "The minister said on Tuesday that 1.2m tonnes of grain had been shipped.\n\n  Prices rose 3%.",
    '"We will not back down," Ms. Ortiz told reporters in São Paulo, adding that talks would resume.',
    "There are dozens of reasons; there were none before. He's been gone since '98 -- or so they say.",
]


def _columns(doc):
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG

    return doc.to_array([ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START])


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    return spacy.load(model_name()), speed_up(spacy.load(model_name()))


def _texts() -> list[str]:
    texts = [*TEXTS, (ROOT / "data" / "raw" / "000_4e0d8dd8e31e612f.txt").read_text(encoding="utf-8")]
    for name in ("gum-genres-dev", "polnear-dev"):
        path = SHARED / "eval" / f"{name}.articles.jsonl"
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line, _ in zip(fh, range(6), strict=False)]
    return texts


def test_the_pipeline_is_given_both_faster_methods(pipelines):
    _, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler").match.__self__, PatternIndex)
    assert fast.get_pipe("lemmatizer").lemmatize.__name__ == "lemmatize"


def test_every_token_attribute_is_the_same_as_with_spacys_components(pipelines):
    stock, fast = pipelines
    texts = _texts()
    for a, b in zip(stock.pipe(texts), fast.pipe(texts), strict=True):
        assert np.array_equal(_columns(a), _columns(b)), a.text[:80]


def test_each_operator_and_a_two_token_pattern_match_as_the_matcher_does():
    import spacy

    def ruler_nlp():
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": {"IN": ["red", "blue"]}}]], {"TAG": "JJ"})
        ruler.add([[{"LOWER": {"NOT_IN": ["red", "the"]}, "IS_SPACE": False}]], {"POS": "NOUN"})
        ruler.add([[{"LOWER": {"REGEX": "^b"}}]], {"LEMMA": "b-word"})
        ruler.add([[{"LOWER": "the"}, {"LOWER": "blue"}]], {"POS": "DET"}, index=0)
        ruler.add([[{"LOWER": "the"}, {"LOWER": "blue"}]], {"LEMMA": "azure"}, index=1)
        ruler.add([[{"TAG": "JJ"}]], {"MORPH": "Degree=Pos"})
        return nlp

    text = "The blue car and the red ball,  bright and blue."
    stock = ruler_nlp()(text)
    fast = speed_up(ruler_nlp())
    assert isinstance(fast.get_pipe("attribute_ruler").match.__self__, PatternIndex)
    doc = fast(text)
    assert [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in doc] == \
        [(t.pos_, t.tag_, t.lemma_, str(t.morph)) for t in stock]
    assert doc[1].lemma_ == "azure" and doc[0].pos_ == "DET"


def test_a_pattern_the_index_does_not_know_leaves_the_matcher_in_place():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    stock_match = ruler.match
    speed_up(nlp)
    assert ruler.match == stock_match
    assert [t.pos_ for t in nlp("very very good")] == ["ADV", "ADV", ""]

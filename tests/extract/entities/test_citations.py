"""Tests of the cited-author rule (pipeline/extract/entities/citations.py, candidates._cited_authors)."""
from __future__ import annotations

from pipeline.extract.entities.citations import citation_authors

CITING = ("Training improves attention (Dye & Bavelier, 2010; Feng, Spence, & Pratt, 2007) and memory "
          "(Klingberg et al., 2005). Carrano & Biewener [7] found the same.")


def _authors(nlp, text):
    doc = nlp(text)
    return [doc[s:e].text for s, e in citation_authors(doc)]


def test_every_surname_of_a_citation_is_a_person(ents_of):
    _, ents = ents_of(CITING)
    types = {e["name"]: e["type"] for e in ents}
    for name in ("Dye", "Bavelier", "Feng", "Spence", "Pratt", "Klingberg", "Carrano", "Biewener"):
        assert types.get(name) == "PERSON", (name, types)
    assert not any("&" in n or "et al" in n for n in types)


def test_author_lists_and_their_markers(nlp):
    got = _authors(nlp, "Results vary (Berez-Kroeker et al., 2017; Lewis, Simons, & Fennig, 2014; Porte, 2012).")
    assert got == ["Berez-Kroeker", "Lewis", "Simons", "Fennig", "Porte"]


def test_a_single_list_or_a_lone_name_before_a_year_cites_no_one(nlp):
    assert _authors(nlp, "Procter & Gamble (2019) reported higher profits.") == []
    assert _authors(nlp, "He played at Euro 2016 (March 2016) and at the (Sydney Olympics, 2000) too.") == []
    assert _authors(nlp, "Moreau starred in The Lovers (Les Amants, 1959) and Eva (Eva, 1962).") == []


def test_single_authors_count_once_the_article_cites(nlp):
    text = (CITING + " Earlier work agrees: Santos (1989) and Navarro\u2019s (2016) analyses, and trends "
            "(e.g., Nedwick, 2014; Milekic 2010).")
    got = _authors(nlp, text)
    for name in ("Santos", "Navarro", "Nedwick", "Milekic"):
        assert name in got, (name, got)


def test_single_authors_alone_cite_no_one(nlp):
    assert _authors(nlp, "Santos (1989) was a hit, and so was Navarro\u2019s (2016) film (e.g., Nedwick, 2014).") == []

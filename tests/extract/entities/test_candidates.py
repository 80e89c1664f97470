"""Tests of the candidate rules (pipeline/extract/entities/candidates.py, rules.py, names.py).

One test per rule, on passages written here; ``nlp`` is the session-scoped model of tests/conftest.py,
``ents_of`` and ``by_name`` are fixtures of this folder's conftest.py."""
from __future__ import annotations

from pipeline.extract.entities import extract_entities
from pipeline.extract.entities.candidates import clean, find_candidates


# ---------------------------------------------------------------- trim rules: words cut from a name
def test_article_and_possessive_are_stripped(ents_of):
    text = ("The European Commission's report was published on Tuesday. "
            "The European Commission said it would respond.")
    _, ents = ents_of(text)
    ec = [e for e in ents if "European Commission" in e["name"]]
    assert len(ec) == 1
    assert ec[0]["name"] == "European Commission"
    assert all(not a.startswith("The ") and not a.endswith("'s") for a in ec[0]["aliases"])


def test_function_word_ending_a_span_is_cut(nlp):
    doc = nlp("He joined the Center for Biological Diversity and the Sierra Club.")
    k = next(t.i for t in doc if t.text == "Center")
    e = next(t.i for t in doc if t.text == "and") + 1
    (c,) = clean(doc, k, e, "ORG")
    assert doc[c.start:c.end].text == "Center for Biological Diversity"


def test_ordinal_is_cut_from_a_name(ents_of):
    _, ents = ents_of("Delegates gathered for the 13th National People's Congress in Beijing.")
    assert any(e["name"] == "National People's Congress" and e["type"] == "ORG" for e in ents)


def test_ordinal_is_kept_in_a_short_name(nlp):
    doc = nlp("Members of the 77th Legion marched in costume.")
    i = [t.i for t in doc if t.text == "77th"][0]
    cands = clean(doc, i, i + 2, "ORG")
    assert cands and doc[cands[0].start:cands[0].end].text == "77th Legion"


def test_lowercase_word_in_front_of_a_name_is_cut(nlp):
    doc = nlp("Investors wrote to the federal Trade Oversight Commission on Monday.")
    i = [t.i for t in doc if t.text == "federal"][0]
    cands = clean(doc, i, i + 4, "ORG")
    assert cands and doc[cands[0].start:cands[0].end].text == "Trade Oversight Commission"


def test_whitespace_tokens_are_cut_from_a_name(nlp):
    text = "\u201cWe stayed.\u201d \u2015\u00a0Jana Novak\nShe lives in Brno."
    doc = nlp(text)
    i = [t.i for t in doc if t.text == "Jana"][0]
    cands = clean(doc, i - 2, i + 2, "PERSON")
    assert cands and doc[cands[0].start:cands[0].end].text == "Jana Novak"
    for e in extract_entities(doc):
        for m in e["mentions"]:
            assert m["text"] == m["text"].strip() and doc.text[m["start"]:m["end"]] == m["text"]


def test_headline_verb_is_cut_from_the_end_of_a_name(nlp):
    for text in ("Dunmore Says Budget Deal Is Close After Long Talks",
                 "Dunmore Says Budget Deal Is Close\n\nWASHINGTON -- the senator, speaking to reporters on "
                 "the steps of the building on a rainy morning, said that the vote would come soon."):
        doc = nlp(text)            # the headline line decides, whatever the sentence split
        cands = clean(doc, 0, 2, "PERSON")
        assert cands and doc[cands[0].start:cands[0].end].text == "Dunmore"
    doc = nlp("The port is busy, Omar Said told reporters on Monday.")       # running text: a surname
    i = [t.i for t in doc if t.text == "Omar"][0]
    cands = clean(doc, i, i + 2, "PERSON")
    assert cands and doc[cands[0].start:cands[0].end].text == "Omar Said"


def test_caption_label_is_not_part_of_a_name(ents_of):
    doc, ents = ents_of("The parade crossed the city.\n\nPhoto: Anna Berg.\n\nCrowds lined the streets of Oslo.")
    assert not any("Photo" in e["name"] for e in ents)
    for e in ents:
        assert e["role"] is None or "Photo" not in e["role"]


# ---------------------------------------------------------------- void and reject rules: spans that name no entity
def test_nationality_adjective_is_no_entity_but_group_noun_is_norp(ents_of):
    _, ents = ents_of("Canadian officials met the delegation in Ottawa. The Canadians later left.")
    assert not any(e["name"] == "Canadian" for e in ents)
    groups = [e for e in ents if e["name"] == "Canadians"]
    assert groups and groups[0]["type"] == "NORP"


def test_name_inside_a_title_is_no_entity(ents_of, by_name):
    _, ents = ents_of("Home Secretary Priya Raman said the plan was fair.")
    assert not any(e["name"] == "Home" for e in ents)
    p = by_name(ents, "Priya Raman")
    assert "Home Secretary" in p["role"]


def test_lowercase_words_time_zones_and_bare_titles_are_no_entities(nlp, ents_of):
    doc = nlp("The storm reached the coast at 14:00 GMT, the Sheriff said.")
    for ent in doc.ents:
        assert all(c.key not in ("gmt", "sheriff") for c in clean(doc, ent.start, ent.end, ent.label_))
    gmt = [t.i for t in doc if t.text == "GMT"][0]
    assert clean(doc, gmt, gmt + 1, "ORG") == []
    low = [t.i for t in doc if t.text == "storm"][0]
    assert clean(doc, low - 1, low + 1, "PERSON") == []            # "The storm": lowercase words
    _, ents = ents_of("The Sheriff said the Government would pay.")
    assert not {e["name"] for e in ents} & {"Sheriff", "Government"}


def test_ideas_named_after_names_are_no_entities(nlp):
    doc = nlp("Critics blamed Thatcherism for the closures.")
    i = [t.i for t in doc if t.text == "Thatcherism"][0]
    assert clean(doc, i, i + 1, "ORG") == []


def test_honorific_after_an_article_is_a_title_not_a_person(nlp):
    doc = nlp("She is a former Miss Galaxy who now runs a bakery.")
    i = [t.i for t in doc if t.text == "Galaxy"][0]
    assert clean(doc, i, i + 1, "PERSON") == []


# ---------------------------------------------------------------- extend rules: words spaCy left out
def test_organisation_name_continues_with_and_plural(nlp):
    doc = nlp("The Union of Rural Farmers and Fishers (URFF) objected to the law.")
    i = [t.i for t in doc if t.text == "Union"][0]
    j = [t.i for t in doc if t.text == "Farmers"][0]
    c = clean(doc, i, j + 1, "ORG")[0]
    assert doc[c.start:c.end].text == "Union of Rural Farmers and Fishers"


# ---------------------------------------------------------------- retype rules: the label by evidence
def test_head_word_fixes_the_type(nlp):
    doc = nlp("Delegates met at the Regional Farmers Council yesterday.")
    span = [e for e in doc.ents if "Council" in e.text]
    s, e = (span[0].start, span[0].end) if span else (3, 7)
    cands = clean(doc, s, e, "FAC")
    assert cands and cands[0].label == "ORG"
    assert doc[cands[0].start].text == "Regional"          # leading "the" cut


def test_appositive_noun_sets_the_type(nlp):
    doc = nlp("Liceo Marconi, a public school in Parma, closed early.")
    span = [e for e in doc.ents if "Marconi" in e.text]
    s, e = (span[0].start, span[0].end) if span else (0, 2)
    cands = clean(doc, s, e, "PERSON")
    assert cands and cands[0].label == "ORG"


def test_event_head_word_types_an_event(nlp):
    doc = nlp("Thousands attended the Brookfield Harvest Festival on Saturday.")
    span = [e for e in doc.ents if "Festival" in e.text]
    s, e = (span[0].start, span[0].end) if span else (3, 6)
    cands = clean(doc, s, e, "ORG")
    assert cands and cands[0].label == "EVENT"


def test_two_word_name_after_by_is_a_person(nlp):
    doc = nlp("The charity was founded by Lena Marsh in 1998.")
    i = [t.i for t in doc if t.text == "Lena"][0]
    cands = clean(doc, i, i + 2, "ORG")
    assert cands and cands[0].label == "PERSON"
    doc = nlp("The bank was bought by Sky News last year.")
    i = [t.i for t in doc if t.text == "Sky"][0]
    assert clean(doc, i, i + 2, "ORG")[0].label == "ORG"       # a head word: no person
    doc = nlp("The town was hit by Hurricane Dorian last year.")
    i = [t.i for t in doc if t.text == "Hurricane"][0]
    assert clean(doc, i, i + 2, "EVENT")[0].label != "PERSON"


def test_place_designator_in_front_and_person_label_in_a_list_of_places(nlp):
    doc = nlp("Warnings covered County Galway, County Sligo and County Leitrim.")
    i = [t.i for t in doc if t.text == "Sligo"][0]
    assert clean(doc, i - 1, i + 1, "PERSON")[0].label == "GPE"
    from spacy.tokens import Span
    doc = nlp("Flooding hit the towns of Paxton, Orrin, and Delmar.")
    i = [t.i for t in doc if t.text == "Orrin"][0]
    doc.ents = [Span(doc, i - 2, i - 1, "GPE"), Span(doc, i, i + 1, "PERSON"), Span(doc, i + 3, i + 4, "GPE")]
    assert doc[i].dep_ == "conj" and doc[i].head.i == i - 2     # the parse the rule reads
    assert clean(doc, i, i + 1, "PERSON")[0].label == "GPE"
    doc = nlp("Stalls were run by Ubisoft, Microsoft, and Sony.")
    i = [t.i for t in doc if t.text == "Microsoft"][0]
    assert clean(doc, i, i + 1, "ORG")[0].label == "ORG"


def test_appositive_home_marks_a_place_and_org_is_an_organisation_head(nlp):
    doc = nlp("The players travelled from Qalat, their home, to the capital.")
    i = [t.i for t in doc if t.text == "Qalat"][0]
    assert clean(doc, i, i + 1, "ORG")[0].label == "GPE"
    doc = nlp("He left the Star Org after ten years.")
    i = [t.i for t in doc if t.text == "Star"][0]
    assert clean(doc, i, i + 2, "LOC")[0].label == "ORG"


def test_organisation_named_with_a_country_after_it(nlp):
    doc = nlp("The warning came from Seafood Standards Norway on Monday.")
    i = [t.i for t in doc if t.text == "Seafood"][0]
    assert clean(doc, i, i + 3, "GPE")[0].label == "ORG"
    doc = nlp("Snow fell across Northern Norway on Monday.")
    i = [t.i for t in doc if t.text == "Northern"][0]
    assert clean(doc, i, i + 2, "GPE")[0].label == "GPE"


def test_list_item_among_organisations_is_an_organisation(nlp):
    doc = nlp("Ubisoft, Microsoft, and PlayStation VR all had large areas.")
    assert [t.ent_type_ for t in doc[0].conjuncts if t.ent_type_] == ["ORG"]
    assert clean(doc, 0, 1, "GPE")[0].label == "ORG"
    doc = nlp("Researchers from the University of Lorn in Colorado and the College of Wooster met.")
    i = [t.i for t in doc if t.text == "Colorado"][0]
    assert clean(doc, i, i + 1, "GPE")[0].label == "GPE"          # "in X and the College": no list of orgs


def test_venue_phrase_makes_a_facility(nlp):
    doc = nlp("The fair took place at the Harbourside Convention Centre this week.")
    i = [t.i for t in doc if t.text == "Harbourside"][0]
    assert clean(doc, i, i + 3, "ORG")[0].label == "FAC"


def test_name_with_a_middle_initial_is_a_person(nlp):
    doc = nlp("The letter from Laura K. Brennan arrived.")
    i = [t.i for t in doc if t.text == "Laura"][0]
    assert clean(doc, i, i + 3, "ORG")[0].label == "PERSON"
    doc = nlp("Shares of Acme B. Holdings fell.")
    i = [t.i for t in doc if t.text == "Acme"][0]
    assert clean(doc, i, i + 3, "ORG")[0].label == "ORG"        # a head word: an organisation


# ---------------------------------------------------------------- names spaCy missed or glued together
def test_unlabelled_name_with_an_organisation_head_word(nlp):
    doc = nlp("Later the Wexley Gazette News observed that the hashtag had spread.")
    doc.ents = []                                   # as if the model had missed the name
    names = {doc[c.start:c.end].text: c.label for c in find_candidates(doc)}
    assert names.get("Wexley Gazette News") == "ORG"


def test_unlabelled_full_name_taken_up_by_its_surname(nlp):
    text = ("The agency announced the death of cosmonaut Alexei Tarkovin on Friday. Tarkovin was the first to "
            "walk in space. Fans left flowers for Maria Urban Decay at the gate.")
    doc = nlp(text)
    doc.ents = []                                   # as if the model had missed every name
    names = {doc[c.start:c.end].text: c.label for c in find_candidates(doc)}
    assert names.get("Alexei Tarkovin") == "PERSON"
    assert "Urban Decay" not in names and "Maria Urban Decay" not in names   # "Decay" never stands alone


def test_unlabelled_full_name_needs_the_surname_elsewhere(nlp):
    doc = nlp("The crowd sang Om Shanti at the end of the vigil. The vigil ended late.")
    doc.ents = []
    names = {doc[c.start:c.end].text for c in find_candidates(doc)}
    assert not any("Shanti" in n for n in names)


def test_person_name_glued_to_the_end_of_an_organisation_before_a_speech_verb(nlp, by_name):
    from spacy.tokens import Span
    doc = nlp("The director of the Council on Maritime Affairs Dana Whitlow said the port would reopen.")
    c = [t.i for t in doc if t.text == "Council"][0]
    w = [t.i for t in doc if t.text == "Whitlow"][0]
    doc.ents = [Span(doc, c, w + 1, "ORG")]
    ents = extract_entities(doc)
    assert by_name(ents, "Council on Maritime Affairs")["type"] == "ORG"
    assert by_name(ents, "Dana Whitlow")["type"] == "PERSON"
    doc = nlp("A report by the Tax Policy Center said rates would rise.")
    t = [x.i for x in doc if x.text == "Tax"][0]
    doc.ents = [Span(doc, t, t + 3, "ORG")]
    assert [e["name"] for e in extract_entities(doc)] == ["Tax Policy Center"]     # no head-less split


# ---------------------------------------------------------------- person names trimmed by their other mentions
def test_modifier_in_front_of_a_full_name_used_elsewhere_is_cut(nlp):
    from spacy.tokens import Span
    doc = nlp("Sleepy Tom Harlow won the vote. Tom Harlow later thanked his staff, and Harlow said he was tired.")
    t = [tok.i for tok in doc if tok.text == "Tom"]
    h = [tok.i for tok in doc if tok.text == "Harlow"][-1]
    doc.ents = [Span(doc, 0, 3, "PERSON"), Span(doc, t[1], t[1] + 2, "PERSON"), Span(doc, h, h + 1, "PERSON")]
    ents = extract_entities(doc)
    assert [e["name"] for e in ents if e["type"] == "PERSON"] == ["Tom Harlow"]
    assert "Sleepy Tom Harlow" not in ents[0]["aliases"]


def test_two_word_surname_is_not_cut(nlp):
    from spacy.tokens import Span
    doc = nlp("Mayor Anna van Dijk opened the bridge. Van Dijk said it was late, and Dijk was absent.")
    a = [tok.i for tok in doc if tok.text == "Anna"][0]
    v = [tok.i for tok in doc if tok.text == "Van"][0]
    d = [tok.i for tok in doc if tok.text == "Dijk"][-1]
    doc.ents = [Span(doc, a, a + 3, "PERSON"), Span(doc, v, v + 2, "PERSON"), Span(doc, d, d + 1, "PERSON")]
    names = {e["name"] for e in extract_entities(doc)}
    assert "Anna van Dijk" in names          # "van Dijk" is lowercase: a surname particle, kept


def test_words_after_a_name_in_headline_case_text_are_cut(nlp):
    from spacy.tokens import Span
    doc = nlp("[Video: Full Remarks: Senator Dunmore Speech at Union Hall in Ohio]\n\n"
              "Dunmore spoke for an hour. Later Dunmore left the hall.")
    i = [tok.i for tok in doc if tok.text == "Dunmore"]
    doc.ents = [Span(doc, i[0], i[0] + 2, "PERSON"), Span(doc, i[1], i[1] + 1, "PERSON"),
                Span(doc, i[2], i[2] + 1, "PERSON")]
    ents = extract_entities(doc)
    assert [e["name"] for e in ents if e["type"] == "PERSON"] == ["Dunmore"]


# ---------------------------------------------------------------- candidates._line_parts
def test_a_name_never_runs_over_a_line_break(nlp):
    from pipeline.extract.entities.candidates import _line_parts

    doc = nlp("Brock Holt\n\nHolt was born in Texas.")
    end = [t.i for t in doc if t.text == "Holt"][1] + 1
    assert [doc[s:e].text for s, e in _line_parts(doc, 0, end)] == ["Brock Holt", "Holt"]
    for e in extract_entities(doc):
        assert all("\n" not in m["text"] for m in e["mentions"])


def test_a_line_part_without_a_proper_noun_is_dropped(nlp):
    from pipeline.extract.entities.candidates import _line_parts

    doc = nlp("Kenya\n\nIntroduction\n\nThe country is large.")
    end = [t.i for t in doc if t.text == "Introduction"][0] + 1
    assert [doc[s:e].text for s, e in _line_parts(doc, 0, end)] == ["Kenya"]


def _labelled_as(nlp, text, spans):
    """The Doc of ``text`` with only the entity spans ``{word: label}`` (one token each)."""
    from spacy.tokens import Span
    doc = nlp(text)
    at = {t.text: t.i for t in doc}
    doc.ents = [Span(doc, at[w], at[w] + 1, label) for w, label in spans.items()]
    return doc


def test_organisation_before_a_comma_and_a_state_is_a_town(nlp):
    doc = _labelled_as(nlp, "We are heading to Wexburg, Wyoming and then further north.",
                       {"Wexburg": "ORG", "Wyoming": "GPE"})
    i = [t.i for t in doc if t.text == "Wexburg"][0]
    assert clean(doc, i, i + 1, "ORG")[0].label == "GPE"
    doc = _labelled_as(nlp, "Holger Smith of Berenfeld, Germany's largest private bank, warned of losses.",
                       {"Berenfeld": "ORG", "Germany": "GPE"})
    i = [t.i for t in doc if t.text == "Berenfeld"][0]
    assert clean(doc, i, i + 1, "ORG")[0].label == "ORG"      # an appositive about the bank


def test_untagged_major_place_is_a_place(nlp):
    doc = nlp("They sailed on to Barbados and stayed a month. George Washington never did.")
    doc.ents = []                                   # as if the model had missed every name
    names = {doc[c.start:c.end].text: c.label for c in find_candidates(doc)}
    assert names.get("Barbados") == "GPE"
    assert "Washington" not in names                # part of a person's name


# ---------------------------------------------------------------- eighth session (helper h10ent): rules.cut_at_lowercase_verb
def _labelled_aliases(nlp, text, name, label):
    from pipeline.extract.entities import extract_entities
    doc = nlp(text)
    a = text.index(name)
    doc.ents = [doc.char_span(a, a + len(name), label=label)]
    return {alias for e in extract_entities(doc) for alias in e["aliases"]}


def _labelled_names(nlp, text, name, label):
    from pipeline.extract.entities import extract_entities
    doc = nlp(text)
    a = text.index(name)
    doc.ents = [doc.char_span(a, a + len(name), label=label)]
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_clause_word_ends_a_name(nlp):
    got = _labelled_names(nlp, "Professional cosplayer Candace Windfall as Catwoman posed.", "Candace Windfall as Catwoman",
                          "PERSON")
    assert "Candace Windfall" in got
    assert "Candace Windfall as Catwoman" not in got


def test_span_with_a_finite_verb_is_no_name(nlp):
    got = _labelled_names(nlp, "In 1807 Byron composed Thyrza, a poem of grief.", "Byron composed Thyrza", "ORG")
    assert not any("composed" in n for n in got)
    assert got.get("Byron") != "ORG"


def test_plural_nationality_is_a_people(ents_of):
    _, ents = ents_of("The Azerbaijanis state they were responding to aggression, and the Armenians disagree.")
    azer = [e for e in ents if e["name"] == "Azerbaijanis"]
    assert azer and azer[0]["type"] == "NORP"


# ---------------------------------------------------------------- ninth session (helper h13ent)
def test_capitalised_full_name_is_a_person(nlp):
    # rules.given_name_is_person / _name_case: a credit line in capitals
    got = _labelled_names(nlp, "A version by John Crowley, illustrated by THEO FADEL, in one volume.", "THEO FADEL", "ORG")
    assert got.get("THEO FADEL") == "PERSON"


def test_untagged_full_name_listed_with_a_person(nlp):
    # candidates._listed_with_person: the surname never stands alone, a tagged person is its conjunct
    text = "Among his fellow Scots Paul Menzies and Alexander Livingston also found service in Moscow."
    doc = nlp(text)
    a = text.index("Alexander Livingston")
    doc.ents = [doc.char_span(a, a + len("Alexander Livingston"), label="PERSON")]
    from pipeline.extract.entities import extract_entities
    got = {e["name"]: e["type"] for e in extract_entities(doc)}
    assert got.get("Paul Menzies") == "PERSON"


def test_name_after_an_organisation_noun_is_an_organisation(nlp):
    # rules.org_noun_in_front, and the vote it decides (Candidate.org_evidence)
    text = "In 2016 he established the company Neuralink to develop implants. Neuralink says the tests went well."
    doc = nlp(text)
    ents = []
    for start in (text.index("Neuralink"), text.rindex("Neuralink")):
        ents.append(doc.char_span(start, start + len("Neuralink"), label="PERSON"))
    doc.ents = ents
    from pipeline.extract.entities import extract_entities
    got = {e["name"]: e["type"] for e in extract_entities(doc)}
    assert got.get("Neuralink") == "ORG"


def test_lowercase_group_word_is_no_name(nlp):
    # rules.lowercase_words, now for spaCy's NORP too
    got = _labelled_names(nlp, "The officers said the jihadist was arrested on Monday.", "jihadist", "NORP")
    assert "jihadist" not in got


def test_bracketed_capital_opens_no_name(nlp):
    # rules.cut_capitalised_insertion: "[I]t", "[W]e" are a quotation's words the writer capitalised
    got = _labelled_names(nlp, 'Lu said, "[I]t\'s still not full marriage rights."', "I]t", "PERSON")
    assert not any("]" in name or name in ("It", "I") for name in got)


def test_name_is_read_through_an_editorial_bracket(nlp):
    # rules.mend_editorial_brackets (span takes in the bracket) + output.read_brackets (name read through it)
    got = _labelled_names(nlp, "The Kurds will now align with [Bashir al] Assad because they have nobody.",
                          "Bashir al] Assad", "PERSON")
    assert got.get("Bashir al Assad") == "PERSON"
    assert "[Bashir al] Assad" in _labelled_aliases(nlp, "The Kurds will now align with [Bashir al] Assad because they "
                                                    "have nobody.", "Bashir al] Assad", "PERSON")
    got = _labelled_names(nlp, 'He said: "Jerry [O\'Connell] and I are talking to NBC."', "Jerry [O'Connell", "PERSON")
    assert "Jerry O'Connell" in got


def test_letter_in_brackets_is_read_within_the_word(nlp):
    # lexicon.fold (brackets inside a word) and output.read_brackets
    got = _labelled_names(nlp, "I was driving them to catch a flight to Pittsburg[h].", "Pittsburg[h", "PERSON")
    assert got.get("Pittsburgh") == "GPE"     # read as the known place


def test_bracketed_gloss_after_a_name_is_left_out(nlp):
    # rules.mend_editorial_brackets: "X [Y]" after more than a given name is a gloss the name ends before
    got = _labelled_names(nlp, 'Erdogan said "Ayasofya [Haghia Sophia] will no longer be called a museum."',
                          "Ayasofya [Haghia Sophia", "ORG")
    assert "Ayasofya" in got and "Ayasofya Haghia Sophia" not in got and not any("[" in name for name in got)


def test_name_all_in_brackets_is_the_bracket_content(nlp):
    # rules.mend_editorial_brackets: "QVM [Queen Victoria Market]" (spaCy's span runs on over "] and")
    text = "Every candidate concedes one near QVM [Queen Victoria Market] and near towers is bad."
    aliases = _labelled_aliases(nlp, text, "Queen Victoria Market] and", "FAC")
    assert "Queen Victoria Market" in aliases and "Queen Victoria Market]" not in aliases


def test_nickname_in_quotation_marks_joins_the_surname(nlp):
    # rules.mend_split_quote: 'Matiu "Matt' ends with the closing mark and the surname
    got = _labelled_names(nlp, 'Police sergeant Matiu "Matt" Ratana was shot at the custody centre.', 'Matiu "Matt',
                          "PERSON")
    assert 'Matiu "Matt" Ratana' in got


def test_quotation_opened_after_a_name_is_no_part_of_it(nlp):
    # rules.mend_split_quote: 'on Twitter "Youtube-dl is ...' -> "Twitter"
    got = _labelled_names(nlp, 'The foundation said on Twitter "Youtube-dl is a legitimate tool."', 'Twitter "Youtube-dl',
                          "ORG")
    assert "Twitter" in got and not any('"' in name for name in got)


def test_person_glued_to_a_place_after_of_is_split_off(nlp):
    # names.person_after_place: "Mayor of [Scotland Nicola Sturgeon]" is a place, then a person
    got = _labelled_names(nlp, "The First Minister of Scotland Nicola Sturgeon spoke on Monday.",
                          "Scotland Nicola Sturgeon", "ORG")
    assert got.get("Nicola Sturgeon") == "PERSON" and "Scotland Nicola Sturgeon" not in got


def test_given_name_place_or_a_modifier_is_not_split(nlp):
    # names.person_after_place: "Franklin" is a town and a given name; "Spain Marshall Plan aid" modifies a noun
    got = _labelled_names(nlp, "He praised Franklin Delano Roosevelt in the speech.", "Franklin Delano Roosevelt", "ORG")
    assert "Delano Roosevelt" not in got
    got = _labelled_names(nlp, "Truman denied Spain Marshall Plan aid that year.", "Spain Marshall Plan", "ORG")
    assert got.get("Marshall Plan") != "PERSON"


def test_words_after_and_in_an_organisation_complement_belong_to_it(nlp):
    # rules.extend_and_complement: "National Institute of Allergy" + "and Infectious Diseases"
    got = _labelled_names(nlp, "A director of the National Institute of Allergy and Infectious Diseases said so.",
                          "National Institute of Allergy", "ORG")
    assert "National Institute of Allergy and Infectious Diseases" in got


def test_a_name_of_its_own_after_and_is_not_taken_in(nlp):
    # rules.extend_and_complement: "the University of Washington and Stanford University" are two
    got = _labelled_names(nlp, "Researchers from the University of Washington and Stanford University reported it.",
                          "University of Washington", "ORG")
    assert "University of Washington" in got and not any("Washington and" in name for name in got)


# ---------------------------------------------------------------- names spelt out before their acronym
def test_name_spelt_out_before_its_acronym_is_taken_whole(ents_of, by_name):
    text = ("The plan drew criticism from the Pan American Maritime, Fisheries and Coastal Agency (PAMFCA) on Monday. "
            "PAMFCA said it would appeal.")
    _, ents = ents_of(text)
    agency = by_name(ents, "Pan American Maritime, Fisheries and Coastal Agency")
    assert agency["type"] == "ORG" and "PAMFCA" in agency["aliases"]
    assert not any(e["name"] in ("Coastal Agency", "Pan American Maritime") for e in ents)


def test_acronym_expansion_skips_link_words_and_hyphenated_parts(ents_of, by_name):
    _, ents = ents_of("Delegates of the Council for Economic Co-operation and Trade (CECT) met in Geneva.")
    assert "CECT" in by_name(ents, "Council for Economic Co-operation and Trade")["aliases"]


def test_acronym_expansion_stops_where_the_initials_are_spelt(ents_of, by_name):
    _, ents = ents_of("Chairman Lewis Ortega of the Transport Board (TB) spoke. The journalist Anna Lee (AL) was there.")
    assert "TB" in by_name(ents, "Transport Board")["aliases"]
    assert not any("Ortega of" in e["name"] for e in ents)
    assert not any(e["type"] == "ORG" and "Anna Lee" in e["name"] for e in ents)


def test_a_place_after_an_outlet_is_its_regional_edition(ents_of, by_name):
    _, ents = ents_of("The mayor told CNN Philippines the towns were damaged.")
    assert by_name(ents, "CNN Philippines")["type"] == "ORG"


def test_a_place_that_modifies_a_noun_after_an_outlet_stays_apart(ents_of):
    _, ents = ents_of("Sanders leads in an NBC New Hampshire poll released on Monday.")
    assert "NBC" in [e["name"] for e in ents]
    assert not any(e["name"].startswith("NBC New") for e in ents)


def test_a_verb_opening_a_sentence_is_cut_from_the_name_after_it(ents_of, by_name):
    _, ents = ents_of("It was a close vote. Entrusting Ramon Oduya with the budget was a mistake, she said.")
    assert by_name(ents, "Ramon Oduya")["type"] == "PERSON"
    assert not any(e["name"].startswith("Entrusting") for e in ents)


# ---------------------------------------------------------------- twelfth session (h19ent)
def _candidates_with(nlp, text, tagged):
    """The candidates of ``text`` when spaCy tagged only ``tagged`` (a place)."""
    doc = nlp(text)
    a = text.index(tagged)
    doc.ents = [doc.char_span(a, a + len(tagged), label="GPE")]
    return {doc[c.start:c.end].text: c.label for c in find_candidates(doc)}


def test_untagged_region_of_a_country_the_article_names_is_a_place(nlp):
    names = _candidates_with(nlp, "Schools in Queensland took part in the survey. Tasmania was left out of it.", "Queensland")
    assert names.get("Tasmania") == "GPE"


def test_untagged_region_of_a_country_the_article_does_not_name_stays_out(nlp):
    names = _candidates_with(nlp, "Schools in Ohio took part in the survey. Tasmania was left out of it.", "Ohio")
    assert "Tasmania" not in names


def test_a_place_or_group_glued_to_digits_is_no_entity(nlp):
    doc = nlp("Users of IE6 should move on, the company said.")
    i = [t.i for t in doc if t.text == "IE6"][0]
    assert clean(doc, i, i + 1, "GPE") == []
    assert clean(doc, i, i + 1, "NORP") == []
    assert clean(doc, i, i + 1, "ORG") != []          # an organisation may have digits ("G20")


def test_a_social_media_handle_is_no_entity(nlp):
    doc = nlp("The senator wrote as @SenDoeOffice that the vote was close.")
    i = [t.i for t in doc if t.text.startswith("@")][0]
    assert doc[i].text == "@SenDoeOffice"
    assert clean(doc, i, i + 1, "ORG") == []


# ---------------------------------------------------------------- names joined by a slash (thirteenth session)
def _slashed(nlp, text, name, label):
    """The candidates of ``text`` when spaCy tagged ``name`` as one ``label`` span."""
    doc = nlp(text)
    a = text.index(name)
    doc.ents = [doc.char_span(a, a + len(name), label=label)]
    return {doc[c.start:c.end].text: c.label for c in find_candidates(doc)}


def test_pollsters_joined_by_a_slash_are_two_organisations(nlp):
    got = _slashed(nlp, "A new Daily Courier/Harbor Research poll found him ahead.", "Daily Courier/Harbor Research", "ORG")
    assert got == {"Daily Courier": "ORG", "Harbor Research": "ORG"}


def test_photographer_and_agency_joined_by_a_slash_are_a_person_and_an_organisation(nlp):
    got = _slashed(nlp, "The mayor spoke on Monday. Photo: Gary Holmes/Northwire", "Gary Holmes/Northwire", "PERSON")
    assert got == {"Gary Holmes": "PERSON", "Northwire": "ORG"}


def test_slash_in_a_numbered_or_headline_name_stays_whole(nlp):
    got = _slashed(nlp, "The Opposition To A Smith/Jones Debate grew.", "Opposition To A Smith/Jones Debate", "ORG")
    assert got == {"Opposition To A Smith/Jones Debate": "ORG"}
    got = _slashed(nlp, "The band AC/DC played in Sydney.", "AC/DC", "ORG")
    assert got == {"AC/DC": "ORG"}


def test_untagged_one_word_name_acting_as_a_person(nlp):
    # fifteenth session (h29ent): candidates._unlabelled_person_words, a subject going on with "his"
    text = "Early years\n\nThe poet Tennyson wrote about the sea. Tennyson received his schooling at home."
    doc = nlp(text)
    doc.ents = []
    got = {e["name"]: e["type"] for e in extract_entities(doc)}
    assert got.get("Tennyson") == "PERSON"


def test_untagged_one_word_name_with_no_person_cue_is_no_entity(nlp):
    # _person_agreement: no he/his/she/her in its sentence, no relative after its possessive; a plural is no person
    for text in ("The poet Tennyson wrote about the sea. Tennyson received an award at home.",
                 "Many Millennials want what they want, and the senator says what he promises."):
        doc = nlp(text)
        doc.ents = []
        names = {e["name"] for e in extract_entities(doc)}
        assert "Tennyson" not in names and "Millennials" not in names


# ---------------------------------------------------------------- sixteenth session (h31ent)
def test_untagged_full_name_after_by_or_a_person_noun_is_a_person(nlp):
    # candidates._author_or_person_noun: a byline, a name right after a title noun it names; not after other nouns
    for text, name in (("The Quiet Coast\n\nBy Tamsin Oakridge\n\nThe tide came in slowly.", "Tamsin Oakridge"),
                       ("The house was sold to her cousin Agnes Whitcombe last year.", "Agnes Whitcombe")):
        doc = nlp(text)
        doc.ents = []                               # as if the model had missed the name
        names = {doc[c.start:c.end].text: c.label for c in find_candidates(doc)}
        assert names.get(name) == "PERSON", (name, names)
    doc = nlp("They sailed on the yacht Grace Marlow last summer.")
    doc.ents = []
    assert "Grace Marlow" not in {doc[c.start:c.end].text for c in find_candidates(doc)}


# ---------------------------------------------------------------- seventeenth session (h33ent): name boundaries
def _with_ents(nlp, text, *spans):
    """The entities of ``text`` with spaCy's spans set to ``(name, label)`` (first occurrence each)."""
    doc = nlp(text)
    doc.ents = sorted((doc.char_span(text.index(n), text.index(n) + len(n), label=lab) for n, lab in spans),
                      key=lambda s: s.start)
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_a_nationality_opening_an_organisation_name_belongs_to_it(nlp):
    got = _with_ents(nlp, "The South African Indian Congress joined the protest.",
                     ("South African", "NORP"), ("Indian Congress", "ORG"))
    assert "South African Indian Congress" in got and "Indian Congress" not in got
    got = _with_ents(nlp, "Kenyan police arrested him on Monday.", ("Kenyan", "NORP"))
    assert "Kenyan police" not in got                       # no name of two words with a head word after it


def test_a_capitalised_head_before_of_opens_the_name_after_it(nlp):
    got = _with_ents(nlp, "The largest are the Pyramid of the Sun and the Pyramid of the Moon, near the road.",
                     ("Sun", "PERSON"), ("Moon", "PERSON"))
    assert got.get("Pyramid of the Moon") == "FAC" and "Moon" not in got
    got = _with_ents(nlp, "The people of Texas voted for him.", ("Texas", "GPE"))
    assert got == {"Texas": "GPE"}                          # a lowercase noun before "of" is no head of a name


# ---------------------------------------------------------------- nineteenth session (h37ent): a surname left out
def _ents_at(tagged, text, *spans):
    """The entities of ``text`` as ``tagged_ents`` sets them."""
    return {e["name"]: e for e in tagged(text, *spans)}


def test_a_person_name_takes_the_surname_the_parser_makes_its_head(tagged_ents):
    got = _ents_at(tagged_ents, "Following the ruling, Secretary of Justice Wanda Vázquez Garced was sworn in as governor.",
                   ("Wanda Vázquez", "PERSON", 0))
    assert "Wanda Vázquez Garced" in got and "Wanda Vázquez" not in got
    got = _ents_at(tagged_ents, "Paul Manafort was sentenced by Judge Amy Berman Jackson to 73 months in prison.",
                   ("Paul Manafort", "PERSON", 0), ("Amy Berman", "PERSON", 0))
    assert "Amy Berman Jackson" in got


def test_a_person_name_takes_no_word_the_article_tags_apart_or_a_caption_label(tagged_ents):
    text = ("After lunch with my parents we are going to the lake and then doing Harry Potter World again. "
            "I bought the Harry Potter World shirt there last year.")
    got = _ents_at(tagged_ents, text, ("Harry Potter", "PERSON", 0), ("Harry Potter World", "FAC", 1))
    assert got["Harry Potter World"]["type"] == "FAC"
    got = _ents_at(tagged_ents, "Kamala Harris Image: U.S. Senate.", ("Kamala Harris", "PERSON", 0))
    assert "Kamala Harris" in got


def test_a_field_label_after_a_name_is_no_surname(nlp):
    from spacy.tokens import Doc, Span
    # "Name: Gabrielle Hatcher Age: 27 and she works nights in the city", as the parser read such a profile line:
    # "Age" heads the name
    words = ["Name", ":", "Gabrielle", "Hatcher", "Age", ":", "27", "and", "she", "works", "nights", "in", "the",
             "city", "."]
    rest = len(words) - 7
    doc = Doc(nlp.vocab, words=words, spaces=[False, True, True, True, False, True] + [True] * (rest - 1) + [False, False],
              pos=["NOUN", "PUNCT", "PROPN", "PROPN", "PROPN", "PUNCT", "NUM", "CCONJ", "PRON", "VERB", "NOUN", "ADP",
                   "DET", "NOUN", "PUNCT"],
              tags=["NN", ":", "NNP", "NNP", "NNP", ":", "CD", "CC", "PRP", "VBZ", "NNS", "IN", "DT", "NN", "."],
              deps=["ROOT", "punct", "compound", "compound", "appos", "punct", "appos"] + ["dep"] * rest,
              heads=[0, 0, 4, 4, 0, 4, 4] + [0] * rest)
    doc.ents = [Span(doc, 2, 4, label="PERSON")]
    got = {e["name"] for e in extract_entities(doc)}
    assert "Gabrielle Hatcher" in got and "Gabrielle Hatcher Age" not in got


def test_designator_after_a_country_is_no_part_of_its_name(ents_of, by_name):
    """Nineteenth session (h38nam): "the most populous US state", "the US city of White Plains" name a part of the
    country, so the country's name is the mention; "Idlib province" stays the province's name."""
    _, ents = ents_of("The AIP, which has ballot access in California, the most populous US state, made the nomination.")
    assert not [e for e in ents if e["name"] == "US state"]
    assert [m["text"] for m in by_name(ents, "United States")["mentions"]] == ["US"]
    _, ents = ents_of("On Monday, a water main broke in the US city of White Plains, New York.")
    assert [e["name"] for e in ents if "United States" in e["name"] or "city" in e["name"]] == ["United States"]
    _, ents = ents_of("Heavy fighting went on in Idlib province on Monday.")
    assert by_name(ents, "Idlib province")["type"] == "GPE"

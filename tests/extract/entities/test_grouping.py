"""Tests of the grouping passes (pipeline/extract/entities/grouping.py).

One test per rule, on passages written here; ``nlp`` is the session-scoped model of tests/conftest.py,
``ents_of`` and ``by_name`` are fixtures of this folder's conftest.py."""
from __future__ import annotations

from pipeline.extract.entities import entity_key, extract_entities, find_entity
from pipeline.extract.entities.grouping import _surname_start


# ---------------------------------------------------------------- names with the same key, country short forms
def test_country_short_forms_are_one_entity(ents_of):
    text = ("The United States imposed new tariffs. Officials in the U.S. said America "
            "would not back down, and the US Treasury agreed.")
    _, ents = ents_of(text)
    us = [e for e in ents if e["type"] == "GPE" and e["name"] == "United States"]
    assert len(us) == 1
    assert {"United States", "U.S."} <= set(us[0]["aliases"])
    assert entity_key("GPE", "U.S.") == entity_key("GPE", "United States") == "gpe:united-states"


# ---------------------------------------------------------------- acronyms and regions
def test_acronym_in_parentheses_joins_the_full_name(ents_of):
    text = ("The International Rescue Committee (IRC) sent doctors. "
            "The IRC said more aid was needed.")
    _, ents = ents_of(text)
    irc = [e for e in ents if "IRC" in e["aliases"]]
    assert len(irc) == 1
    assert irc[0]["name"] == "International Rescue Committee"
    assert len(irc[0]["mentions"]) >= 3


def test_acronym_in_parentheses_joins_whatever_its_letters(ents_of):
    text = ("The secretary general of CEI (Italian Episcopal Conference) spoke. "
            "CEI later published a statement.")
    _, ents = ents_of(text)
    hits = [e for e in ents if "CEI" in e["aliases"]]
    assert len(hits) == 1 and "Italian Episcopal Conference" in hits[0]["aliases"]


def test_region_joins_its_long_official_name(ents_of):
    text = ("The Guangxi Zhuang autonomous region reported record exports. "
            "Officials in Guangxi said the trend would continue.")
    _, ents = ents_of(text)
    places = [e for e in ents if "Guangxi" in e["name"]]
    assert len(places) == 1
    assert places[0]["type"] == "GPE"
    assert "Guangxi" in places[0]["aliases"]


# ---------------------------------------------------------------- people: surnames join their person
def test_surname_mentions_join_the_person(ents_of):
    text = ("Rebecca Albright, a senior economist at the bank, said inflation had peaked. "
            "\"We expect rates to fall,\" Albright said.")
    doc, ents = ents_of(text)
    people = [e for e in ents if e["type"] == "PERSON"]
    assert len(people) == 1
    p = people[0]
    assert p["name"] == "Rebecca Albright"
    kinds = {m["text"]: m["kind"] for m in p["mentions"]}
    assert kinds.get("Albright") == "partial"
    i = text.rindex("Albright")
    assert find_entity(ents, i, i + len("Albright")) == ents.index(p)


def test_surname_goes_to_the_person_who_bears_it_as_surname(ents_of):
    text = ("Omar Hassan, 16, was detained on Monday. His father, Hassan Ali Hassan, said the school overreacted. "
            "Ali Noor, a teacher, disagreed. Later Omar said he was fine.")
    _, ents = ents_of(text)
    omar = [e for e in ents if e["name"] == "Omar Hassan"]
    assert omar and "Omar" in omar[0]["aliases"]                 # given name: one bearer
    assert not any(e["name"] == "Hassan" and "Omar Hassan" in e["aliases"] for e in ents)


def test_shared_surname_goes_to_the_person_introduced_first(ents_of, by_name):
    text = ("Yusuf Karim, a 15-year-old student, built a radio at home. His uncle, Samir Karim, "
            "drove him to school. Karim said the radio still works.")
    _, ents = ents_of(text)
    assert not any(e["name"] == "Karim" for e in ents)
    p = by_name(ents, "Yusuf Karim")
    assert "Karim" in p["aliases"]
    assert "Karim" not in by_name(ents, "Samir Karim")["aliases"]


def test_bare_surname_with_its_own_title_before_a_full_name_is_someone_else(ents_of, by_name):
    text = ("President Varga opened the summit on Monday. Mr. Varga said the talks would be hard. "
            "The president left early. His wife, the first lady, Elena Varga, stayed for the dinner.")
    _, ents = ents_of(text)
    wife = by_name(ents, "Elena Varga")
    assert wife["role"] == "first lady"
    assert "Varga" not in wife["aliases"] and "The president" not in wife["aliases"]
    him = by_name(ents, "Varga")
    assert him["role"] == "President"
    assert "The president" in him["aliases"]


def test_surname_still_joins_a_full_name_introduced_first(ents_of):
    text = ("President Ilse Varga opened the summit on Monday. Later Ms. Varga said the talks would be hard.")
    _, ents = ents_of(text)
    people = [e for e in ents if e["type"] == "PERSON"]
    assert len(people) == 1 and "Varga" in people[0]["aliases"]


def test_misspelt_surname_joins_the_person(ents_of):
    text = ("Harriet Lindqvistt of the food agency said salt was the main source. "
            "\"We keep watching,\" Ms Lindqvist said.")
    _, ents = ents_of(text)
    people = [e for e in ents if e["type"] == "PERSON"]
    assert len(people) == 1 and "Lindqvist" in people[0]["aliases"]


# ---------------------------------------------------------------- shorter names join the longer one
def test_a_given_name_follows_its_shorter_name_into_the_full_name(ents_of):
    _, ents = ents_of("The study was led by the neuroscientist Anna Maria Colombo of Groningen. "
                      "Anna Colombo said the results were clear. Anna added that more work was needed.")
    people = [e for e in ents if e["type"] == "PERSON"]
    assert len(people) == 1 and {"Anna", "Anna Colombo"} <= set(people[0]["aliases"])


def test_a_person_known_by_a_middle_name_joins_the_full_name(ents_of, by_name):
    _, ents = ents_of("The linguist Jens Otto Harry Jespersen was born in 1860. "
                      "Otto Jespersen later taught English in Copenhagen.")
    people = [e for e in ents if e["type"] == "PERSON"]
    assert len(people) == 1
    assert "Otto Jespersen" in by_name(ents, "Jens Otto Harry Jespersen")["aliases"]


def test_shorter_organisation_name_joins_the_one_longer_name(ents_of):
    text = ("The Regional Home Office published figures on Monday. Later the Westland Regional Home Office "
            "said the figures were provisional.")
    _, ents = ents_of(text)
    offices = [e for e in ents if "Home Office" in e["name"]]
    assert len(offices) == 1
    assert offices[0]["name"] == "Westland Regional Home Office"


def test_company_suffix_and_bare_head_word_join_the_full_name(ents_of):
    text = ("Brightwater Magazine published the leak. Brightwater later removed it. "
            "The Court of Appeal of Ruritania heard the case, and the Court ruled on Friday.")
    _, ents = ents_of(text)
    mag = [e for e in ents if "Brightwater" in e["name"]]
    assert len(mag) == 1 and mag[0]["name"] == "Brightwater Magazine"
    court = [e for e in ents if "Court" in e["aliases"]]
    assert len(court) == 1 and court[0]["name"].startswith("Court of Appeal")


def test_bare_name_joins_the_church_or_university_named_after_it(nlp):
    from spacy.tokens import Span
    doc = nlp("The Church of Unification rejected the report, and Unification officials called it biased.")
    u = [t.i for t in doc if t.text == "Unification"][-1]
    doc.ents = [Span(doc, 0, 4, "ORG"), Span(doc, u, u + 1, "ORG")]     # fix the model's labels
    ents = extract_entities(doc)
    hits = [e for e in ents if "Unification" in e["aliases"]]
    assert len(hits) == 1 and hits[0]["name"] == "Church of Unification"
    assert len(hits[0]["mentions"]) == 2


def test_bare_head_before_of_joins_the_one_name_it_heads(nlp):
    from spacy.tokens import Span
    doc = nlp("The House of Delegates passed the bill, and the House will vote again in May.")
    h = [t.i for t in doc if t.text == "House"][-1]
    doc.ents = [Span(doc, 1, 4, "ORG"), Span(doc, h, h + 1, "ORG")]     # fix the model's labels
    hits = [e for e in extract_entities(doc) if "House" in e["aliases"]]
    assert len(hits) == 1 and hits[0]["name"] == "House of Delegates"
    doc = nlp("The House of Lords and the House of Commons met, and the House adjourned.")
    i = [t.i for t in doc if t.text == "House"]
    doc.ents = [Span(doc, i[0], i[0] + 3, "ORG"), Span(doc, i[1], i[1] + 3, "ORG"), Span(doc, i[2], i[2] + 1, "ORG")]
    hits = [e for e in extract_entities(doc) if "House" in e["aliases"]]
    assert len(hits) == 1 and hits[0]["name"] == "House"     # two such names: open


def test_place_and_the_place_with_an_abbreviation_are_one(ents_of):
    text = "Protesters marched in Washington. Police in Washington D.C. made no arrests."
    _, ents = ents_of(text)
    hits = [e for e in ents if "Washington" in e["name"]]
    assert len(hits) == 1


# ---------------------------------------------------------------- labels corrected by usage
def test_one_word_person_only_ever_on_a_platform_is_an_organisation(nlp, by_name):
    from spacy.tokens import Span
    doc = nlp("The clip spread quickly on Chirper, and fans posted to Chirper all night.")
    i = [t.i for t in doc if t.text == "Chirper"]
    doc.ents = [Span(doc, i[0], i[0] + 1, "PERSON"), Span(doc, i[1], i[1] + 1, "PERSON")]
    assert by_name(extract_entities(doc), "Chirper")["type"] == "ORG"
    doc = nlp("Pressure grew on Mr. Hale, and Hale resigned on Friday.")
    i = [t.i for t in doc if t.text == "Hale"]
    doc.ents = [Span(doc, i[0], i[0] + 1, "PERSON"), Span(doc, i[1], i[1] + 1, "PERSON")]
    assert by_name(extract_entities(doc), "Hale")["type"] == "PERSON"


def test_one_word_person_before_a_platform_noun_is_an_organisation(nlp, by_name):
    """Eighteenth session (h36org): "whose Chirper bio", "a Chirper post", "on Chirper and Internet Relay Chat",
    "posted a photo to Chirper" and "took to Chirper" are platform uses too; "to" / "from" alone are not ("wrote to
    Hale", "took the case to Hale")."""
    from spacy.tokens import Span

    def typed(text, name):
        doc = nlp(text)
        i = [t.i for t in doc if t.text == name]
        doc.ents = [Span(doc, j, j + 1, "PERSON") for j in i]
        return by_name(extract_entities(doc), name)["type"]
    assert typed("The chairman, whose Chirper bio lists two hashtags, trended on Chirper all day.", "Chirper") == "ORG"
    assert typed("According to a Chirper post by the director, the school will close.", "Chirper") == "ORG"
    assert typed("Fans complained on Chirper and Internet Relay Chat all week.", "Chirper") == "ORG"
    assert typed("One of his lawyers posted a photo to Chirper on Tuesday.", "Chirper") == "ORG"
    assert typed("The senator took to Chirper to call the report a lie.", "Chirper") == "ORG"
    assert typed("The board wrote to Hale, and a letter from Hale followed.", "Hale") == "PERSON"
    assert typed("The union took the case to Hale on Monday.", "Hale") == "PERSON"


# ---------------------------------------------------------------- fifth session (2026-12-02)
def test_name_with_a_country_short_form_joins_the_full_name(ents_of):
    text = ("The United States Navy found the wreck. Divers of the U.S. Navy filmed it, "
            "and the United States Navy published the video.")
    _, ents = ents_of(text)
    navy = [e for e in ents if "Navy" in e["name"]]
    assert len(navy) == 1
    assert {"United States Navy", "U.S. Navy"} <= set(navy[0]["aliases"])


def test_clipped_given_name_joins_the_one_person_it_clips(ents_of):
    text = ("Steven built the toy robot last winter. Everyone liked it, and Steve said he would build another one.")
    _, ents = ents_of(text)
    people = [e for e in ents if e["type"] == "PERSON"]
    assert len(people) == 1 and {"Steven", "Steve"} <= set(people[0]["aliases"])


# ---------------------------------------------------------------- rules.storm_name, grouping.merge_storm_names
def test_a_storm_is_an_event_and_its_bare_name_joins_it(nlp):
    text = "Typhoon Phanfone made landfall on Tuesday. Phanfone damaged roofs across the islands."
    doc = nlp(text)
    a, b = text.index("Typhoon Phanfone"), text.index("Phanfone damaged")
    doc.ents = [doc.char_span(a, a + 16, label="PERSON"), doc.char_span(b, b + 8, label="PERSON")]
    ents = extract_entities(doc)
    assert [(e["name"], e["type"]) for e in ents] == [("Typhoon Phanfone", "EVENT")]
    assert len(ents[0]["mentions"]) == 2


# ---------------------------------------------------------------- grouping.name_core, merge_name_tails (sixth session, h8frag)
def test_a_name_with_an_honour_after_it_is_the_same_person(nlp):
    from spacy.tokens import Span
    doc = nlp("Marta Velikova FRS was a Bulgarian chemist. Marta Velikova was born in Plovdiv. Velikova died in Sofia.")
    m = [t.i for t in doc if t.text == "Marta"]
    doc.ents = [Span(doc, m[0], m[0] + 3, "PERSON"), Span(doc, m[1], m[1] + 2, "PERSON")]   # fix the model's spans
    people = [e for e in extract_entities(doc) if e["type"] == "PERSON"]
    assert len(people) == 1
    assert people[0]["name"] == "Marta Velikova"
    assert {"Marta Velikova FRS", "Velikova"} <= set(people[0]["aliases"])


def test_a_name_with_a_territorial_designation_is_the_same_person(nlp):
    from spacy.tokens import Span
    doc = nlp("Duncan Alasdair Ferrier of Ballindreich was a Scottish soldier. Duncan Ferrier served the Tsar "
              "for years. Ferrier died in Moscow.")
    d = [t.i for t in doc if t.text == "Duncan"]
    doc.ents = [Span(doc, d[0], d[0] + 5, "PERSON"), Span(doc, d[1], d[1] + 2, "PERSON")]   # fix the model's spans
    people = [e for e in extract_entities(doc) if e["type"] == "PERSON"]
    assert len(people) == 1
    assert {"Duncan Alasdair Ferrier of Ballindreich", "Duncan Ferrier", "Ferrier"} <= set(people[0]["aliases"])


def test_the_surname_of_a_junior_is_his_and_his_father_stays_apart(ents_of, by_name):
    _, ents = ents_of("Trump granted Edward J. Kowalczyk Jr. a full pardon on Tuesday. Kowalczyk, who owned a "
                      "football team, thanked the president.")
    assert "Kowalczyk" in by_name(ents, "Edward J. Kowalczyk Jr.")["aliases"]
    _, ents = ents_of("Harold Quentin Marsh Sr. and Harold Quentin Marsh Jr. ran the paper together for a decade.")
    people = {e["name"] for e in ents if e["type"] == "PERSON"}
    assert {"Harold Quentin Marsh Sr.", "Harold Quentin Marsh Jr."} <= people


# ---------------------------------------------------------------- grouping._org_owners: schools (sixth session, h8frag)
def test_a_bare_school_name_joins_the_school(nlp):
    from spacy.tokens import Span
    doc = nlp("She taught at Brackwell University for a decade. At Brackwell she founded a choir.")
    b = [t.i for t in doc if t.text == "Brackwell"]
    doc.ents = [Span(doc, b[0], b[0] + 2, "ORG"), Span(doc, b[1], b[1] + 1, "ORG")]     # fix the model's labels
    ents = extract_entities(doc)
    hits = [e for e in ents if "Brackwell" in e["aliases"]]
    assert len(hits) == 1 and hits[0]["name"] == "Brackwell University"
    doc = nlp("The House passed the bill after the House Committee rewrote it.")
    h = [t.i for t in doc if t.text == "House"]
    doc.ents = [Span(doc, h[0], h[0] + 1, "ORG"), Span(doc, h[1], h[1] + 2, "ORG")]
    ents = extract_entities(doc)
    assert not any("House" in e["aliases"] and e["name"] == "House Committee" for e in ents)


# ---------------------------------------------------------------- grouping.label_people_by_role
def _forced(nlp, text, name, label):
    doc = nlp(text)
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    doc.ents = [doc.char_span(i, i + len(name), label=label) for i in starts]
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_name_with_a_title_as_its_role_is_a_person(nlp):
    text = "Goalkeeper Zorbak Quillon saved twice. Zorbak Quillon was praised."
    assert _forced(nlp, text, "Zorbak Quillon", "ORG")["Zorbak Quillon"] == "PERSON"


def test_role_whose_head_is_no_title_leaves_an_organisation(nlp):
    # "prime" is a title word ("prime minister"), but the head of this appositive is "destination"
    text = "Acme Foods, the prime destination for shoppers in the city, opened a store. Acme Foods hired staff."
    assert _forced(nlp, text, "Acme Foods", "ORG")["Acme Foods"] == "ORG"


# ---------------------------------------------------------------- hyphenated surnames
def _two_spans(nlp, text, full, full_label, short, short_label):
    doc = nlp(text)
    a, b = text.index(full), text.rindex(short)
    doc.ents = [doc.char_span(a, a + len(full), label=full_label), doc.char_span(b, b + len(short), label=short_label)]
    return {e["name"]: (e["type"], sorted(e["aliases"])) for e in extract_entities(doc)}


def test_hyphenated_surname_ending_in_a_facility_word_is_no_facility(nlp):
    got = _two_spans(nlp, "Phoebe Waller-Bridge won the award. Waller-Bridge thanked the cast.",
                     "Phoebe Waller-Bridge", "PERSON", "Waller-Bridge", "PERSON")
    assert got["Phoebe Waller-Bridge"][0] == "PERSON"


def test_hyphenated_surname_labelled_an_organisation_joins_its_person(nlp):
    got = _two_spans(nlp, "Christopher Gallego-Lazo studies in Ithaca. Gallego-Lazo said the rent was high.",
                     "Christopher Gallego-Lazo", "PERSON", "Gallego-Lazo", "ORG")
    assert got == {"Christopher Gallego-Lazo": ("PERSON", ["Christopher Gallego-Lazo", "Gallego-Lazo"])}


# ---------------------------------------------------------------- one person under several full names
def _people_with(ents, word):
    return [e for e in ents if e["type"] == "PERSON" and any(word in a for a in e["aliases"])]


def test_birth_name_and_pseudonym_are_one_person(ents_of):
    text = ("Mary Ann Brightwell (born March 3, 1960), better known by her pseudonym Molly Sparks, is an "
            "American comedian. Sparks grew up in Ohio.")
    _, ents = ents_of(text)
    hits = _people_with(ents, "Brightwell")
    assert len(hits) == 1 and "Molly Sparks" in hits[0]["aliases"]


def test_name_with_the_family_name_first_is_the_same_person(ents_of):
    text = ("Tanizaki Kenjiro wrote twelve novels. The critic praised Kenjiro Tanizaki for his style, "
            "and readers in Osaka still buy them.")
    _, ents = ents_of(text)
    hits = _people_with(ents, "Tanizaki")
    assert len(hits) == 1 and {"Tanizaki Kenjiro", "Kenjiro Tanizaki"} <= set(hits[0]["aliases"])


def test_full_name_with_middle_name_is_the_person_of_first_and_last_name(ents_of):
    text = ("Colonel Patrick Gordon led the charge. Patrick Leopold Gordon, the Scottish general, "
            "served the Tsar. Gordon died in Moscow.")
    _, ents = ents_of(text)
    hits = _people_with(ents, "Gordon")
    assert len(hits) == 1 and {"Patrick Gordon", "Patrick Leopold Gordon"} <= set(hits[0]["aliases"])


def test_given_names_without_surname_join_the_full_name(ents_of):
    text = ("Jean Claude Dufresne was a French architect. Dufresne was born in Lyon. As a boy, Jean Claude "
            "drew the bridges of the city, and Dufresne later rebuilt them.")
    _, ents = ents_of(text)
    hits = _people_with(ents, "Jean Claude")
    assert len(hits) == 1 and "Jean Claude Dufresne" in hits[0]["aliases"]


def test_surname_with_an_elided_article_joins_the_person_introduced_first(ents_of):
    text = ("Pierre Charles L'Enfant designed the city plan. He was the son of Pierre L'Enfant, a painter, and "
            "Marie L'Enfant. In 1791 L'Enfant met the president.")
    _, ents = ents_of(text)
    hits = [e for e in ents if "L'Enfant" in e["aliases"]]
    assert len(hits) == 1 and hits[0]["name"] == "Pierre Charles L'Enfant"
    # the surname keeps its elided article or particles: "l enfant", "de la cruz" (a bare-surname group keyed so joins)
    assert _surname_start("pierre charles l enfant".split()) == 2
    assert _surname_start("juan de la cruz".split()) == 1
    assert _surname_start("john f kennedy".split()) == 2


def test_transcript_label_joins_the_name_it_abbreviates(ents_of):
    # grouping.merge_transcript_labels: "((WN))" is Wikinews, the interviewer
    text = ("Wikinews caught up with Dr Christian Keysers.\n\n((WN)) So, what prompted you?\n\n"
            "((Christian Keysers)) Um, hmm. Our pleasure.\n\n((WN)) And then?")
    doc, ents = ents_of(text)
    names = {e["name"]: e for e in ents}
    assert "WN" not in names
    if "Wikinews" in names:
        assert "WN" in names["Wikinews"]["aliases"]


def test_town_named_with_its_region_is_no_surname_of_a_person(ents_of, by_name):
    # grouping._town_with_region: "Allen, Texas" is a town, not the surname of "Greg Allen"
    _, ents = ents_of("Police chief Greg Allen spoke on Sunday. The suspect lived in Allen, Texas, with his family.")
    assert "Allen" not in by_name(ents, "Greg Allen")["aliases"]


# ---------------------------------------------------------------- a surname two people share
def test_a_surname_two_people_share_goes_by_its_honorific(ents_of):
    """"Robert Lindgren" and "Martha Lindgren": "Mrs. Lindgren" is Martha, "Mr. Lindgren" Robert."""
    text = ("Robert Lindgren and his wife, Martha Lindgren, opened the bakery in May. "
            "Mrs. Lindgren said sales were strong. Mr. Lindgren said the rent was high.")
    _, ents = ents_of(text)
    people = {e["name"]: e for e in ents if e["type"] == "PERSON"}
    start = lambda sub: text.index(sub) + len(sub.split()[0]) + 1  # noqa: E731
    assert any(m["start"] == start("Mrs. Lindgren") for m in people["Martha Lindgren"]["mentions"])
    assert any(m["start"] == start("Mr. Lindgren") for m in people["Robert Lindgren"]["mentions"])


def test_a_surname_two_people_share_is_no_misspelling_of_either(ents_of):
    """A bare "Lindgren" written before both full names names neither: it is no misspelt surname of whichever
    full name the article happened to list last."""
    text = ("Lindgren bakery wins a prize. Robert Lindgren and Martha Lindgren opened it in May. "
            "Lindgren said the bread sold out.")
    _, ents = ents_of(text)
    full = [e for e in ents if e["name"] in ("Robert Lindgren", "Martha Lindgren")]
    assert len(full) == 2 and not any("Lindgren" in e["aliases"] for e in full)


def test_a_family_name_in_the_plural_is_no_clipped_given_name(ents_of):
    """"the Marshalls" is a family, not a longer given name that "Marshall" (also a given name) clips, as "Steve"
    clips "Steven": the one-word owner of a clipped name must itself be a given name."""
    text = ("The Marshalls left the farm in 2001. Marshall said the family was broke. "
            "Marshall now runs a school with the Marshalls' daughter.")
    _, ents = ents_of(text)
    family = [e for e in ents if e["name"] == "Marshalls"]
    assert family and "Marshall" not in family[0]["aliases"]


def test_a_name_written_more_often_than_the_name_it_resembles_is_no_misspelling(ents_of):
    """"Francis" (the pope, written again and again) is within two letters of "Franco", the surname of a commentator
    quoted once: a misspelling is rarer than the name it misspells, so the pope stays apart."""
    text = ("Pope Francis visited the border on Sunday. Francis prayed at the river. Francis then met the governor. "
            "\"He came to be seen,\" said Massimo Franco, a commentator. Francis left on Monday.")
    _, ents = ents_of(text)
    franco = next(e for e in ents if e["name"] == "Massimo Franco")
    assert "Francis" not in franco["aliases"]


# ---------------------------------------------------------------- sixteenth session (h31ent)
def test_a_state_the_parser_calls_a_place_is_no_given_name_of_a_person_it_starts(nlp):
    # grouping._region_first_word: "Montana" stays its own place, not a part of "Montana Native Vote"
    text = "Montana Native Vote filed a lawsuit on Monday. Voters in Montana will decide in November."
    doc = nlp(text)
    a, b = text.index("Montana Native Vote"), text.rindex("Montana")
    doc.ents = [doc.char_span(a, a + len("Montana Native Vote"), label="PERSON"),
                doc.char_span(b, b + len("Montana"), label="GPE")]
    got = {e["name"]: (e["type"], tuple(e["aliases"])) for e in extract_entities(doc)}
    assert got["Montana"][0] == "GPE"
    assert "Montana" not in got["Montana Native Vote"][1]


# ---------------------------------------------------------------- seventeenth session (h33ent)
def test_a_bare_head_word_names_no_organisation_by_its_of_complement(ents_of):
    _, ents = ents_of("He wrote for the Journal of Parliament. Later, Parliament passed the bill in March.")
    names = {e["name"]: e["aliases"] for e in ents}
    assert "Parliament" in names and "Parliament" not in names["Journal of Parliament"]


# ---------------------------------------------------------------- nineteenth session (h37ent): two family names
def _people(tagged, text, *spans):
    """The entities of ``text`` as ``tagged_ents`` sets them: name -> aliases."""
    return {e["name"]: e["aliases"] for e in tagged(text, *spans)}


def test_a_bare_first_family_name_after_the_full_name_joins_it(tagged_ents):
    text = ("Secretary of Justice Wanda Vázquez Garced was sworn in on Friday. "
            "Governor Vázquez said she would serve until the election.")
    got = _people(tagged_ents, text, ("Wanda Vázquez Garced", "PERSON", 0), ("Vázquez", "PERSON", 1))
    assert "Vázquez" not in got and "Vázquez" in got["Wanda Vázquez Garced"]


def test_a_bare_name_written_before_the_full_name_with_it_in_the_middle_stays_apart(tagged_ents):
    text = "Chao wrote the grammar in 1968. His daughter Rulan Chao Pian later taught music at Harvard."
    got = _people(tagged_ents, text, ("Chao", "PERSON", 0), ("Rulan Chao Pian", "PERSON", 0))
    assert "Chao" in got and "Chao" not in got["Rulan Chao Pian"]


def test_a_bare_name_joins_no_hyphenated_or_headline_owner(tagged_ents):
    text = ("Opposition to the Donald Trump-led effort grew on Monday. "
            "Trump said his plan would cut taxes for most households.")
    got = _people(tagged_ents, text, ("Donald Trump-led", "PERSON", 0), ("Trump", "PERSON", 1))
    assert "Trump" in got


def test_the_short_name_of_a_law_joins_the_law(tagged_ents):
    text = ("Mr. Trump plans to repeal much of the Dodd-Frank Act, which passed in 2010. "
            "Dodd-Frank imposed new rules on the banks, and critics of Dodd-Frank want it gone.")
    got = _people(tagged_ents, text, ("Dodd-Frank Act", "ORG", 0), ("Dodd-Frank", "ORG", 1), ("Dodd-Frank", "ORG", 2))
    assert "Dodd-Frank" not in got and "Dodd-Frank" in got["Dodd-Frank Act"]

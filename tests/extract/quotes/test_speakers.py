"""Tests of the speaker phrase (pipeline/extract/quotes/speakers.py)."""
from __future__ import annotations


# ---------------------------------------------------------------- the subject of the speech verb
def test_subject_nearest_the_verb_not_a_heading(run, containing):
    rows = run("The Briefing: Mayor Ana Ruiz says the budget will pass next week.")
    q = containing(rows, "budget will pass")
    assert q["speaker_name"].endswith("Ana Ruiz") and "Briefing" not in q["speaker_text"]


def test_time_stamp_heading_is_not_the_speaker(run, only):
    rows = run("5:45 p.m.\n\nLibertarian candidate Mark Olsen\u2019s doctor is calling the candidate "
               "\u201cextremely physically fit.\u201d\n\n")
    q = only(rows, type="mixed")
    assert "p.m." not in q["speaker_text"] and q["speaker_text"].endswith("doctor")


def test_relative_pronoun_speaker_is_its_antecedent(run, containing):
    rows = run("Economist Mira Kovac, who said the recession was over, spoke at the forum.")
    q = containing(rows, "recession was over")
    assert q["speaker_name"] == "Mira Kovac"


def test_relative_pronoun_is_the_speaker_as_written(run, containing):
    """"X, who said ...": ``speaker_text`` is the relative pronoun as written (like "he"); the name is the noun's."""
    q = containing(run("Economist Mira Kovac, who said the recession was over, spoke at the forum."), "recession")
    assert (q["speaker_text"], q["speaker_name"]) == ("who", "Mira Kovac")
    q = containing(run("Several analysts, who said the plan would fail, left early."), "plan would fail")
    assert (q["speaker_text"], q["speaker_name"], q["speaker_entity"]) == ("who", "Several analysts", None)


def test_speaker_is_never_inside_the_words_said(run, only):
    text = ('"We will win," Tom Reyes said, going on to say that the party had "waited long enough, '
            'young voters do not want to wait any longer."')
    q = only(run(text), cue="say")
    assert q["speaker_name"] == "Tom Reyes"


# ---------------------------------------------------------------- the speaker of a participle or infinitive
def test_participle_saying_takes_the_main_subject(run, containing):
    rows = run("Senator Ruth Adler criticised the plan, saying it would raise costs for families.")
    q = containing(rows, "raise costs")
    assert q["speaker_name"] == "Ruth Adler" and q["cue"] == "saying"


def test_object_of_a_forcing_verb_speaks_the_infinitive(run, containing):
    rows = run("The committee forced Helen Grant, who ran the agency for a decade, "
               "to admit that the files were lost.")
    q = containing(rows, "files were lost")
    assert q["speaker_name"] == "Helen Grant"


def test_gerund_after_a_preposition_takes_the_main_subject(run, containing):
    rows = run('The singer Ana Moss waved to the crowd before asking them, "Are you ready for one more song?"')
    q = containing(rows, "one more song")
    assert q["type"] == "direct" and q["speaker_name"] == "Ana Moss"


def test_the_one_quoted_as_saying_is_the_speaker(run, containing):
    """"X quoted Y as saying ...": Y said it; X only passes the words on."""
    rows = run('The Daily Ledger quoted Omar Haddad, a former aide, as saying "the budget was never balanced."')
    assert containing(rows, "never balanced")["speaker_name"] == "Omar Haddad"
    rows = run("The paper cited a senior official as saying that the talks had failed.")
    assert containing(rows, "talks had failed")["speaker_text"] == "a senior official"


def test_participle_right_after_a_name_is_that_name_speaking(run, containing):
    rows = run('The campaign released footage of Mary Stone asking, "Why are we not ahead?"')
    q = containing(rows, "not ahead")
    assert q["speaker_name"] == "Mary Stone"


def test_participle_right_after_an_of_phrase_is_said_by_its_noun(run, containing):
    """'a clip of X saying ...', 'left 40 percent of voters saying ...': the noun of the "of" phrase (with a
    counted head, the whole phrase) says it, not the subject of the clause the parser hung the participle on."""
    rows = run('The film opens with a clip of my father saying that "money does not grow on trees."')
    assert containing(rows, "money does not grow")["speaker_text"] == "my father"
    rows = run("The scandal has left 40 percent of voters saying the mayor should resign.")
    assert containing(rows, "mayor should resign")["speaker_text"] == "40 percent of voters"


# ---------------------------------------------------------------- a speaker the parser did not make the subject
def test_object_of_a_participle_is_not_an_inverted_speaker(nlp):
    from pipeline.extract.quotes.speakers import inverted_subject
    doc = nlp('"Taxes must fall," Ruth Kane said, suggesting a few questions.')
    suggesting = next(t for t in doc if t.lower_ == "suggesting")
    assert any(c.dep_ == "dobj" for c in suggesting.children)
    assert inverted_subject(suggesting) is None


def test_name_before_its_apposition_is_the_speaker_next_to_the_verb(nlp):
    # the fallback when the parser gives the verb no usable subject (e.g. a word of a quoted title)
    from pipeline.extract.quotes.speakers import adjacent_noun
    doc = nlp('"We are ready," Dan Price, a former coach, said on Friday.')
    said = next(t for t in doc if t.lower_ == "said")
    assert adjacent_noun(said, lambda t: t.i < 6).text == "Price"


# ---------------------------------------------------------------- speakers kept as written
def test_unnamed_source_keeps_the_phrase(run, only):
    rows = run("The plant will close in June, a source said.")
    q = only(rows, type="indirect")
    assert q["speaker_name"] == "a source" and q["speaker_entity"] is None


def test_indefinite_pronoun_speaker_is_kept_as_written(run, only):
    rows = run("Some said the new rules were unfair to small farms.")
    q = only(rows, type="indirect")
    assert q["speaker_name"] == "Some" and q["speaker_entity"] is None


def test_coordinated_speakers_are_kept_together(run, containing):
    rows = run("Senators Ann Lee and Bob Marsh said the bill was badly flawed.")
    q = containing(rows, "badly flawed")
    assert "Ann Lee" in q["speaker_name"] and "Bob Marsh" in q["speaker_name"]
    assert q["speaker_entity"] is None


def test_a_time_phrase_hung_last_on_the_speakers_noun_is_no_part_of_the_speaker(run, containing):
    """"officials on Saturday said", "The ministry's report on Wednesday said": when it was said is not who said it;
    a phrase with "from" says which one ("A survey from 2017")."""
    rows = run("Local officials on Saturday said the bridge would stay closed. The ministry's report on Wednesday "
               "said that no one had been hurt. A survey from 2017 found that the dam was intact.")
    assert containing(rows, "stay closed")["speaker_text"] == "Local officials"
    assert containing(rows, "no one had been hurt")["speaker_text"] == "The ministry's report"
    assert containing(rows, "dam was intact")["speaker_text"] == "A survey from 2017"

def test_one_of_two_names_joined_in_the_speaker_phrase_does_not_speak_alone(run, containing):
    """"UK-based retailer Tesco and Denmark-based retailer Salling Group announced": the parser hangs the first name on
    the second's head, which alone found an entity; both announced, so the phrase as written speaks, with no entity.
    A title whose ministry's name holds "and" still gives the person named after it."""
    rows = run("On Thursday, UK-based retailer Apex and Denmark-based retailer Norrland Group announced their "
               "agreement over the sale of Apex's Polish stores. Transport and Bridges Minister Tom Reed said the "
               "roads were closed.")
    q = containing(rows, "Polish stores")
    assert (q["speaker_name"], q["speaker_entity"]) == (
        "UK-based retailer Apex and Denmark-based retailer Norrland Group", None)
    assert containing(rows, "roads were closed")["speaker_name"] == "Tom Reed"

def test_a_pronoun_coordinated_with_others_keeps_the_whole_group(run, containing):
    """"She and her aides have vowed ...": the group speaks, not the person the pronoun stands for."""
    rows = run("Senator Ann Lee lost the vote on Monday. She and her aides have vowed to win back the public's trust.")
    q = containing(rows, "win back")
    assert (q["speaker_text"], q["speaker_name"], q["speaker_entity"]) == ("She and her aides", "She and her aides", None)


def test_a_focusing_adverb_is_no_part_of_the_speaker(run, containing):
    """"Even Republicans said ...": the speaker phrase starts at the noun phrase."""
    q = containing(run("Even Republicans said the party may have to separate itself from its nominee."), "separate")
    assert q["speaker_text"] == "Republicans"


def test_a_participle_goes_with_a_new_coordinate_clause(run, containing):
    """"X say A, and Y has sued the city, saying B": the participle after ", and Y ..." is Y's, not X's."""
    rows = run("Protest groups say the restrictions are less for safety than to minimize their visibility, and the "
               "American Civil Liberties Union of Ohio has already sued the city over the rules, saying they violate "
               "free-speech rights.")
    assert containing(rows, "free-speech")["speaker_name"] == "American Civil Liberties Union of Ohio"


def test_a_name_right_after_a_title_is_part_of_the_speaker_phrase(nlp):
    """"Republican state representative Terri Collins who sponsored the bill remarked ...": the parser makes the name
    an apposition of the title; with no comma between, the phrase runs to the name (parse given)."""
    from spacy.tokens import Doc

    from pipeline.extract.quotes.speakers import speaker_span

    words = ["state", "representative", "Terri", "Collins", "who", "sponsored", "it", "remarked", "no", "."]
    ents = ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=[1, 7, 3, 1, 5, 1, 5, 7, 7, 7], ents=ents,
              deps=["compound", "nsubj", "compound", "appos", "nsubj", "relcl", "dobj", "ROOT", "dobj", "punct"],
              tags=["NN", "NN", "NNP", "NNP", "WP", "VBD", "PRP", "VBD", "DT", "."],
              pos=["NOUN", "NOUN", "PROPN", "PROPN", "PRON", "VERB", "PRON", "VERB", "DET", "PUNCT"])
    assert speaker_span(doc[1]) == (0, 4)
    doc = Doc(nlp.vocab, words=["the", "representative", ",", "Terri", "Collins", ",", "remarked", "no", "."],
              heads=[1, 6, 1, 4, 1, 1, 6, 6, 6], ents=["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"],
              deps=["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT", "dobj", "punct"],
              tags=["DT", "NN", ",", "NNP", "NNP", ",", "VBD", "DT", "."],
              pos=["DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "DET", "PUNCT"])
    assert speaker_span(doc[1]) == (0, 2)  # "the representative, Terri Collins, said": the gloss stays out


def test_a_second_title_joined_to_a_name_is_no_second_speaker(run, containing):
    q = containing(run("Jennifer Daskal of American University and contributor to Slate wrote that the ruling "
                       "was dangerous."), "ruling")
    assert q["speaker_name"] == "Jennifer Daskal" and q["speaker_entity"] is not None


def test_a_title_before_a_second_name_is_a_second_speaker(nlp):
    """"X and news editor Sebastian Gorka said": the conjoined title leads a name of its own (parse given)."""
    from spacy.tokens import Doc

    from pipeline.extract.quotes.speakers import conjoined

    words = ["John", "Bolton", "and", "editor", "Sebastian", "Gorka", "said", "no", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 6, 1, 1, 5, 3, 6, 6, 6],
              deps=["compound", "nsubj", "cc", "conj", "compound", "appos", "ROOT", "dobj", "punct"],
              tags=["NNP", "NNP", "CC", "NN", "NNP", "NNP", "VBD", "DT", "."],
              pos=["PROPN", "PROPN", "CCONJ", "NOUN", "PROPN", "PROPN", "VERB", "DET", "PUNCT"])
    assert [t.text for t in conjoined(doc[1])] == ["editor"]
    doc = Doc(nlp.vocab, words=["John", "Bolton", "and", "editor", "of", "Slate", "said", "no", "."],
              heads=[1, 6, 1, 1, 3, 4, 6, 6, 6],
              deps=["compound", "nsubj", "cc", "conj", "prep", "pobj", "ROOT", "dobj", "punct"],
              tags=["NNP", "NNP", "CC", "NN", "IN", "NNP", "VBD", "DT", "."],
              pos=["PROPN", "PROPN", "CCONJ", "NOUN", "ADP", "PROPN", "VERB", "DET", "PUNCT"])
    assert conjoined(doc[1]) == []


def test_a_hyphenated_title_the_parser_split_is_not_the_speaker(run, containing):
    q = containing(run('"Warm water is attacking the shelves," said study co-author Karen Alley.'), "Warm water")
    assert (q["speaker_text"], q["speaker_name"]) == ("study co-author Karen Alley", "Karen Alley")


def test_with_absolute_construction_gives_the_speaker(run, only):
    rows = run("The city closed the bridge on Monday, with engineers saying the cables had corroded.")
    q = only(rows, type="indirect")
    assert q["speaker_text"] == "engineers" and q["text"] == "the cables had corroded"


def test_pronoun_after_a_described_unnamed_speaker_takes_it_up(run, containing):
    rows = run('Sophie Berg told reporters "The verdict is fair." The head of the internal inquiry told '
               'the court "Basic checks were not done." She also said "We regret the delay."')
    q = containing(rows, "regret the delay")
    assert q["speaker_name"] == "The head of the internal inquiry" and q["speaker_entity"] is None


def test_pronoun_after_a_bare_definite_role_keeps_the_named_person(run, containing):
    rows = run('Senator Tom Keller spoke in Denver. "The bill will pass," the senator told reporters. '
               'He also said "We have the votes."')
    assert containing(rows, "We have the votes")["speaker_name"] == "Tom Keller"


# ---------------------------------------------------------------- a second speech verb hung inside the reported clause
def test_speech_verb_coordinated_with_the_reported_clause_is_the_reporters(run, containing):
    rows = run("The director of the museum, Clara Voss, told reporters the gallery never sold the painting "
               "and said the board would review the sale.")
    q = containing(rows, "board would review")
    assert q["speaker_name"] == "Clara Voss" and q["cue"] == "said"


def test_negated_speech_verb_coordinated_with_the_reported_clause_stays_with_it(run, containing):
    rows = run("The broadcaster revealed that Prince Omar Rahim accepted responsibility for the attack but did not "
               "say he had ordered it.")
    q = containing(rows, "had ordered it")
    assert "Omar Rahim" in q["speaker_name"]


def test_participle_hung_inside_a_reported_clause_takes_the_reporting_subject(run, containing):
    rows = run("Senator Carl Dunmore said the mayor will have to choose whose side she is on, saying, "
               "\u201cAt some point, she is going to have to come out on this.\u201d")
    q = containing(rows, "come out on this")
    assert q["speaker_name"] == "Carl Dunmore" and q["cue"] == "saying"


def test_participle_hung_inside_nested_clauses_takes_the_outermost_subject(run, containing):
    rows = run("Governor Alan Pryce has indicated he would try to curb the protests, vowing to "
               "\u201crestore order\u201d in the capital.")
    q = containing(rows, "restore order")
    assert q["speaker_name"] == "Alan Pryce"


def test_participle_does_not_climb_to_a_later_clause(reparsed):
    from pipeline.extract.quotes.speakers import subject
    text = "Ana Ruiz went on offense on Monday, saying he would quit, his view is wrong."
    doc = reparsed(text, {"went": ("is", "ccomp")})
    saying = next(t for t in doc if t.text == "saying")
    assert subject(saying).text == "Ruiz"


# ---------------------------------------------------------------- glosses, addressees and datelines
def test_addressee_of_told_is_never_the_speaker(reparsed):
    from pipeline.extract.quotes.speakers import adjacent_noun
    text = '"We were wrong from the start," Ortega, 58, told AFP on Monday.'
    doc = reparsed(text, {"Ortega": ("were", "conj"), "told": ("were", "conj")})
    told = next(t for t in doc if t.text == "told")
    assert not any(c.dep_ in ("nsubj", "nsubjpass") for c in told.children)
    assert adjacent_noun(told, lambda t: t.i < 8).text == "Ortega"  # not AFP, to whom it was told


def test_name_glossed_by_an_apposition_with_a_prepositional_phrase(reparsed):
    from pipeline.extract.quotes.speakers import adjacent_noun
    text = '"I support the bill," Martin Keane, founder of the Civic Center, tells the Gazette.'
    doc = reparsed(text, {"Keane": ("bill", "appos")})
    tells = next(t for t in doc if t.text == "tells")
    assert adjacent_noun(tells, lambda t: t.i < 7).text == "Keane"


def test_role_glossed_by_a_name_gives_the_name(reparsed):
    from spacy.tokens import Span

    from pipeline.extract.quotes.speakers import adjacent_noun
    text = '"The plan works," her senior adviser, Jake Marlow, said.'
    doc = reparsed(text, {"adviser": ("works", "npadvmod"), "Marlow": ("adviser", "appos")})
    doc.ents = [Span(doc, 10, 12, label="PERSON")]
    said = next(t for t in doc if t.text == "said")
    assert adjacent_noun(said, lambda t: t.i < 6).text == "Marlow"


def test_dateline_subject_gives_way_to_its_apposition(reparsed):
    from pipeline.extract.quotes.speakers import subject
    text = "BOSTON, July 19 (UPI) \u2014 Former Attorney General Mark Dorsey told delegates that the mayor should resign."
    doc = reparsed(text, {"BOSTON": ("told", "nsubj"), "Dorsey": ("BOSTON", "appos")})
    told = next(t for t in doc if t.text == "told")
    assert subject(told).text == "Dorsey"


def test_time_stamp_subject_gives_way_to_its_apposition(reparsed):
    from pipeline.extract.quotes.speakers import subject
    text = "2:40 p.m.\n\nThe governor\u2019s spokesman says the budget will be balanced."
    doc = reparsed(text, {"p.m.": ("says", "nsubj"), "spokesman": ("p.m.", "appos")})
    says = next(t for t in doc if t.text == "says")
    assert subject(says).text == "spokesman"


# ---------------------------------------------------------------- passive speech verbs
def test_agent_of_a_passive_speech_verb_is_the_speaker(run, containing):
    rows = run("Rubio was asked by moderator Gerard Baker whether his plan would cost too much.")
    q = containing(rows, "his plan would cost")
    assert q["speaker_name"] == "Gerard Baker" and "Baker" not in q["text"]


def test_words_after_a_passive_agent_leave_the_agent_out(run, containing):
    rows = run('He was told by Emergencies Minister Yevgeny Petrov of "presumably between 36 and 40 people '
               'under the rubble".')
    q = containing(rows, "under the rubble")
    assert q["speaker_name"] == "Yevgeny Petrov" and "Petrov" not in q["text"]


def test_agent_of_a_passive_verb_that_is_not_speech_does_not_speak(run, containing):
    rows = run("FBI officials were angered by the deal and predicted it would affect other cases.")
    q = containing(rows, "would affect other cases")
    assert q["speaker_name"] == "FBI officials"


# ---------------------------------------------------------------- (fifth session) a subject the parser hung elsewhere
def test_name_glossed_before_a_subjectless_speech_verb_speaks(run, containing):
    text = ("At Pine Ridge, where it costs $5,000 to join, Tom Alvarez, the club's 70-year-old manager, "
            "suggested that the troubles of its rivals came from poor management.")
    q = containing(run(text), "troubles of its rivals")
    assert q["speaker_name"] == "Tom Alvarez" and q["cue"] == "suggested"


def test_glossed_name_of_a_coordinated_speech_verb_speaks(reparsed):
    """'And it was no accident - X, a spokesman for Y, told Z that ...': the parser coordinates "told" with the
    clause before the dash and hangs the name there; the glossed name speaks, not that clause's "it"."""
    from pipeline.extract.quotes.speakers import subject
    text = "And it was no accident - Brendan Voss, a spokesman for Ryan, told reporters that the speaker knew."
    doc = reparsed(text, {"Voss": ("accident", "appos"), "told": ("was", "conj")})
    told = next(t for t in doc if t.text == "told")
    assert not any(c.dep_ in ("nsubj", "nsubjpass") for c in told.children)
    assert subject(told).text == "Voss"


def test_who_posts_a_message_says_what_it_reads(run, containing):
    """'X posted a message on Twitter reading "..."': the one who posts it speaks, never the platform."""
    text = "Donald Trump posted a message on Twitter reading \u201cThank you Georgia\u201d moments after polls closed."
    assert containing(run(text), "Thank you Georgia")["speaker_name"] == "Donald Trump"


def test_who_sends_a_message_to_people_says_it(run, containing):
    """'X sent a text message to supporters saying: "..."': the sender speaks, not the addressees."""
    text = 'His campaign sent out a text message to supporters saying: "We won New Hampshire!"'
    assert containing(run(text), "We won New Hampshire")["speaker_text"] == "His campaign"


def test_who_releases_a_message_says_what_its_relative_clause_says(run, containing):
    """'X released a video that said "..."': the author of the message speaks, not the message; a message whose own
    author is written ('a letter from his doctor that says') stays with it."""
    text = 'Mayor Lena Ortiz released a video that said, "Our city is open for business."'
    assert containing(run(text), "open for business")["speaker_name"] == "Lena Ortiz"
    text = "Tom Reyes released a letter from his doctor that says he is in good health."
    assert containing(run(text), "good health")["speaker_text"] != "Tom Reyes"


def test_agent_of_a_passive_participle_asks_the_question(run, containing):
    rows = run("Governor Tom Reyes stopped at a diner on Sunday. When asked by a reporter whether the budget "
               "would pass, Reyes said he was confident.")
    assert containing(rows, "budget would pass")["speaker_text"] == "a reporter"
    assert containing(rows, "he was confident")["speaker_name"] == "Tom Reyes"


def test_agent_of_being_warned_speaks(run, containing):
    rows = run("The bank had questioned the firm for months after being warned by the regulator that the loans "
               "were unsafe.")
    assert containing(rows, "loans were unsafe")["speaker_text"] == "the regulator"


def test_opening_noun_phrase_speaks_when_the_gloss_took_it(run, only):
    # the parser makes "rabbi" a verb and hangs the name inside it: the verb has no subject of its own
    rows = run("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he and other "
               "rabbis were alarmed about the senator's behavior.")
    q = only(rows, type="indirect")
    assert q["speaker_name"] == "Jeffrey Salkin"
    assert q["text"] == "he and other rabbis were alarmed about the senator's behavior"


def test_opening_noun_phrase_after_a_dateline(run, only):
    rows = run("WASHINGTON — Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find "
               "suppliers, said the mayor was a candidate very much in the spirit of the valley.")
    q = only(rows, type="indirect")
    assert q["speaker_text"] == "Mr. Slinker"


def test_the_it_of_a_passive_speech_verb_is_no_speaker(run):
    rows = run("The council met on Monday. During that meeting, it was agreed a partial lockdown would start on "
               "Saturday. It was reported he was in a coma.")
    assert not [r for r in rows if r["speaker_text"].lower() == "it"]
    assert not [r for r in rows if "lockdown" in r["text"] or "coma" in r["text"]]


# ---------------------------------------------------------------- a speech verb set off inside the sentence
def test_speaker_after_a_parenthetical_speech_verb_speaks(run, containing):
    rows = run("The contrast with the governor, said Tom Doyle and others, would be clear since he has no "
               "allies by his side.")
    q = containing(rows, "would be clear")
    assert q["speaker_text"] == "Tom Doyle and others" and "Doyle" not in q["text"]


def test_parenthetical_speaker_with_a_relative_clause_speaks(run, containing):
    rows = run("And the mayor, said Jane Sunshine, who remains friendly with her former boss, doesn't forgive "
               "or forget.")
    q = containing(rows, "forgive")
    assert q["speaker_name"] == "Jane Sunshine" and q["text"].startswith("doesn't")


def test_participle_after_a_parenthetical_speech_verb_is_its_subjects(run, only):
    rows = run('Grayson said Randolph "would have no chance to win," the source recalled, adding that Grayson '
               'said of his fiancee: "I am going to marry her."')
    q = only(rows, cue="adding")
    assert q["speaker_text"] == "the source"


def test_a_bracket_the_speaker_phrase_opens_but_does_not_close_is_cut_off(run, containing):
    rows = run("Transport for London (TfL) told morning passengers to take a longer way around the station.")
    q = containing(rows, "take a longer way")
    assert q["speaker_text"] == "Transport for London"


def test_a_line_that_ran_into_the_next_gives_no_subject(run, containing):
    """A link line without final punctuation runs into the next line; its words are not the speaker."""
    rows = run("The report found that class matters.\nRelated: Rich are paying more in taxes but not as much as they "
               "used to\nThe report also suggested the U.S. might not be the jobs machine it thinks it is.")
    assert containing(rows, "jobs machine")["speaker_text"] == "The report"


def test_a_speaker_phrase_keeps_the_mark_that_opens_a_title_in_it(run, containing):
    q = containing(run("\u201cMrs Maisel\u201d actress Alex Borstein said the show was fun."), "show was fun")
    assert (q["speaker_text"], q["speaker_name"]) == ("\u201cMrs Maisel\u201d actress Alex Borstein", "Alex Borstein")


# ---------------------------------------------------------------- the one spoken to is no speaker
def test_the_one_asked_or_told_is_no_speaker(run, containing):
    """'X was asked, "A?"' / 'Y were told, "B"' with no "by ..." agent: the row stays, with no speaker."""
    rows = run('In an interview with the magazine, Mayor Ana Ruiz was asked, "What is the worst street in the city?"')
    q = containing(rows, "worst street")
    assert (q["speaker_text"], q["speaker_name"], q["speaker_entity"]) == (None, None, None)
    rows = run('At the training sessions, the salesmen were told, "You do not sell products. You sell feelings."')
    q = containing(rows, "sell feelings")
    assert (q["speaker_text"], q["speaker_name"], q["speaker_entity"]) == (None, None, None)


def test_the_one_a_passive_naming_verb_names_is_no_speaker(run, containing):
    """'X, which has been termed "A"', 'Y, often referred to as "B"': the subject of a passive verb of naming is the
    one named; with no "by ..." agent nobody is named as the speaker, unless an "according to" phrase gives one."""
    q = containing(run('The plan to close the old harbour, which has been termed "the great retreat" in the press, '
                       'was dropped on Monday.'), "great retreat")
    assert (q["speaker_text"], q["speaker_name"], q["speaker_entity"]) == (None, None, None)
    q = containing(run('Tom Berg, often referred to as "The Bee Man", kept hives in his garden for forty years.'),
                   "Bee Man")
    assert (q["speaker_text"], q["speaker_name"]) == (None, None)
    rows = run('The town grew quickly in the 1990s and, according to the Daily Courier, was called "the jewel of the '
               'coast" for a decade.')
    assert rows and all(q["speaker_name"] == "Daily Courier" for q in rows if "jewel" in q["text"])


def test_an_active_naming_verb_or_being_named_keeps_its_speaker(run, containing):
    q = containing(run('Critics of the mayor have called the plan "a waste of money".'), "waste of money")
    assert q["speaker_text"] == "Critics of the mayor"
    q = containing(run('Ana Ruiz said she was proud of being described as "a stubborn reformer" by her rivals.'),
                   "stubborn reformer")
    assert q["speaker_name"] == "Ana Ruiz"


def test_the_agent_of_a_passive_ask_still_speaks(run, containing):
    rows = run('Mayor Ana Ruiz was asked by a reporter, "What is the worst street in the city?"')
    assert containing(rows, "worst street")["speaker_name"] != "Ana Ruiz"
    assert containing(rows, "worst street")["speaker_text"] is not None


def test_an_asked_question_before_the_answer_is_no_row(run):
    """'Asked whether ..., X said ...': the question is no one's words in the text (X answers it)."""
    rows = run("Asked whether she would run again, Mayor Ana Ruiz said she had not decided.")
    assert not any("would run again" in q["text"] for q in rows)
    assert any("had not decided" in q["text"] and q["speaker_name"].endswith("Ana Ruiz") for q in rows)


def test_an_asked_question_the_parser_tags_as_a_past_tense_is_no_row(run):
    """'Asked what ..., X said': the parser often tags a sentence-opening "Asked" as a past tense (VBD); it is still
    the participle of a question someone put to X, no words of X's."""
    rows = run("Asked what it is about politics that fascinates him, Tom Berg said he liked the arguments.")
    assert not any("fascinates him" in q["text"] for q in rows)
    assert any("liked the arguments" in q["text"] and q["speaker_name"] == "Tom Berg" for q in rows)


def test_a_quotation_after_when_asked_is_the_answer(run, containing):
    rows = run('Ana Ruiz, who told the council when asked about the budget: "That matter is being handled by the '
               'auditors."')
    assert containing(rows, "being handled")["speaker_name"] == "Ana Ruiz"


def test_a_pronoun_is_not_the_interviewer_named_only_in_labels(run):
    """In a "((WN))" transcript the interviewer is named only in the labels: "he told us that ..." in an
    answer is not the interviewer speaking."""
    text = ("((WN)) What does the distance tell us?\n\n((Anna Berg)) Well, he told us that planets can form "
            "far from their star.\n\n((WN)) Thank you.")
    rows = [q for q in run(text) if "planets can form" in q["text"]]
    assert rows and all(q["speaker_name"] != "WN" for q in rows)


def test_it_tells_us_in_an_answer_is_the_interviewees_inference_no_quote(run):
    """"it tells us that ..." in an interviewee's answer is the interviewee's own reasoning (``context.answer_inference``),
    not something "it" said: no row (and never the interviewer's)."""
    text = ("((WN)) What does the distance tell us?\n\n((Anna Berg)) Well, it tells us that planets can form "
            "far from their star.\n\n((WN)) Thank you.")
    assert not [q for q in run(text) if "planets can form" in q["text"]]


def test_who_issues_a_statement_saying_a_clause_says_it(run, only):
    # h23rec: a participle of saying on a message noun that a verb of authorship takes as its object
    q = only(run("Senator Maria Ortiz released a statement saying she would vote against the bill."), type="indirect")
    assert q["text"] == "she would vote against the bill" and q["speaker_name"] == "Maria Ortiz"


def test_who_receives_a_letter_saying_a_clause_does_not_say_it(run):
    assert not run("The mayor received a letter saying the bridge would reopen in May.")


def test_a_participle_whose_clause_climb_finds_a_thing_goes_to_the_person_before_its_comma(run, containing):
    """"The first protest came during her speech, when nurses interrupted her, shouting ...": the protest says
    nothing; the participle is said by the subject of the clause closed right before its comma, or by a person
    subject further up ('analysts called it risky, as margins are thin, while noting ...'). A person main subject
    keeps the participle ('Senator X criticised the plan, as costs rose, saying ...')."""
    rows = run("The first protest came during a speech by the mayor at the county fair, when several nurses "
               "interrupted her, saying that the hospital must stay open.")
    assert containing(rows, "hospital must stay open")["speaker_text"] == "several nurses"
    rows = run("Local analysts called the plan risky, as the market is small and margins are thin, while noting "
               "that the new factory is needed by the region.")
    assert containing(rows, "factory is needed")["speaker_text"] == "Local analysts"
    rows = run("Senator Ruth Adler criticised the plan, as costs rose, saying it would hurt families.")
    assert containing(rows, "hurt families")["speaker_name"] == "Ruth Adler"


def test_a_participle_opening_its_paragraph_is_said_by_the_subject_after_it(reparsed):
    from pipeline.extract.quotes.speakers import subject
    doc = reparsed('"The reason is the same," she said.\n\nBemoaning the "phony system," Trump accused Holt of bias.',
                   {"Bemoaning": ("said", "advcl"), "accused": ("said", "conj")})
    assert subject(next(t for t in doc if t.text == "Bemoaning")).text == "Trump"




def test_a_name_before_a_gloss_in_parentheses_or_dashes_speaks_for_a_verb_without_a_subject(reparsed):
    """'Sen. X (a Democrat so young he ...) says A', 'Mr. X - in a line aimed at Y - declared that A': the parser
    hangs the name inside the gloss and leaves the speech verb without a subject; the name before the gloss speaks."""
    from pipeline.extract.quotes.speakers import subject
    text = "But Mayor Ann Keller (a teacher so calm she is mistaken for a librarian) says she was nervous."
    doc = reparsed(text, {"Keller": ("calm", "nsubj"), "says": ("says", "ROOT")})
    says = next(t for t in doc if t.text == "says")
    assert not any(c.dep_ in ("nsubj", "nsubjpass") for c in says.children)
    assert subject(says).text == "Keller"
    text = "Then Mr. Dorsey - in a line that seemed aimed at his rival - declared that a governor must serve."
    doc = reparsed(text, {"Dorsey": ("aimed", "nsubjpass"), "declared": ("declared", "ROOT")})
    declared = next(t for t in doc if t.text == "declared")
    assert subject(declared).text == "Dorsey"


def test_a_name_set_off_at_the_end_of_a_subject_phrase_speaks(run, containing):
    """'Green Party frontrunner and the nominee of the Socialist Party, Howie Hawkins, announced', 'According to the
    agency ISNA, the prosecutor general of Tehran, Ali Mehr, said': a person's name set off by commas at the end of the
    subject phrase is the speaker, whichever noun of the phrase the parser hangs it on (two coordinated titles are no
    two speakers, a source the parser made the subject does not speak)."""
    q = containing(run("Green Party presidential frontrunner and the nominee of the Socialist Party USA, Howie Hawkins, "
                       "announced that he had chosen a running mate."), "chosen a running mate")
    assert q["speaker_name"] == "Howie Hawkins"
    q = containing(run('According to news agency ISNA, the prosecutor general of Tehran, Ali Alghasi Mehr, said the '
                       'men must face "murder and terrorism charges".'), "must face")
    assert q["speaker_name"] == "Ali Alghasi Mehr"


def test_a_name_after_a_clause_or_beside_a_named_conjunct_is_no_single_speaker(run, containing):
    """'Tom Berg and his lawyer, Ana Ruiz, said': two speakers, the phrase as written; 'The report, written by X and a
    colleague, Y, said': the name is one of the writers, not the speaker phrase's person."""
    q = containing(run("Tom Berg and his lawyer, Ana Ruiz, said the contract was void."), "contract was void")
    assert q["speaker_name"] == "Tom Berg and his lawyer"
    q = containing(run("The report, written by Ana Ruiz and a colleague, Tom Berg, said the plan had failed."),
                   "plan had failed")
    assert q["speaker_name"] != "Tom Berg"

def test_a_noun_phrase_right_before_a_speech_verb_without_a_subject_speaks(reparsed):
    """'X's office announced that A' with "office" hung on a fronted phrase, 'majorities of voters in four states
    say B', 'activists hoping to stop X say C': the parser leaves the speech verb without a subject; the noun phrase
    that ends right before it speaks (climbed to its head, never across a comma; a participle heading the verb gives
    its own subject)."""
    from pipeline.extract.quotes.speakers import subject
    text = ("After a week of quarrels between two senators, Governor Tom Baker\u2019s office announced Monday that "
            "Baker will meet them.")
    doc = reparsed(text, {"office": ("between", "pobj"), "announced": ("announced", "ROOT")})
    announced = next(t for t in doc if t.text == "announced")
    assert not any(c.dep_ in ("nsubj", "nsubjpass") for c in announced.children)
    assert subject(announced).text == "office"
    doc = reparsed("After the debate, large majorities of voters in all four states say they feel ignored.",
                   {"majorities": ("After", "pobj"), "say": ("say", "ROOT")})
    assert subject(next(t for t in doc if t.text == "say")).text == "majorities"
    doc = reparsed("Local activists hoping to stop the pipeline from the coast say they are winning.",
                   {"hoping": ("hoping", "ROOT"), "say": ("hoping", "dep"), "activists": ("hoping", "nsubj")})
    assert subject(next(t for t in doc if t.text == "say")).text == "activists"
    doc = reparsed("The agency reported its source said the tenant moved in on Monday.",
                   {"source": ("reported", "dobj"), "said": ("reported", "ccomp")})
    assert subject(next(t for t in doc if t.text == "said")).text == "source"


def test_an_object_or_a_predicate_right_before_a_speech_verb_does_not_speak(reparsed):
    """'He criticized the mayor's record said she ...' (a lost "and"), 'That is a fraction of the money experts say
    it costs' (a relative clause without "that"): the noun is another verb's object or a copula's predicate."""
    from pipeline.extract.quotes.speakers import subject
    doc = reparsed("He criticized the mayor\u2019s budget record said she would not fix it.",
                   {"record": ("criticized", "dobj"), "said": ("criticized", "ccomp")})
    found = subject(next(t for t in doc if t.text == "said"))
    assert found is None or found.text != "record"
    doc = reparsed("That is a small fraction of the money experts say it costs to run.",
                   {"experts": ("of", "pobj"), "say": ("is", "dep")})
    found = subject(next(t for t in doc if t.text == "say"))
    assert found is None or found.text not in ("experts", "fraction", "money")


def test_a_speech_verb_under_continue_keep_or_go_on_takes_that_verbs_subject(run, containing):
    """'X continued to insist that A', 'X went on to say, "B"', 'X kept insisting that C', 'X continued to deny D': a
    speech verb that is the xcomp of an aspectual verb has its speaker on that verb (the xcomp climb of ``subject``)
    and reports its own clause, quotation or content object. Pinned in the eighteenth session (h36cont): the
    "continued to VERB" misses of PolNeAR are other classes (see NOTES.md)."""
    cases = [
        ("Ana Ruiz continued to insist that the bridge was safe for traffic.", "bridge was safe", "Ana Ruiz"),
        ("Ana Ruiz has continued to say that the budget would balance by June.", "budget would balance",
         "Ana Ruiz"),
        ('Ana Ruiz went on to say, "We will open the park before the summer."', "open the park", "Ana Ruiz"),
        ("Ana Ruiz kept insisting that the contract had been signed in good faith.", "contract had been",
         "Ana Ruiz"),
        ("Ana Ruiz continued to deny the allegations about her campaign's finances.", "the allegations",
         "Ana Ruiz"),
    ]
    for text, words, speaker in cases:
        assert containing(run(text), words)["speaker_name"] == speaker, text

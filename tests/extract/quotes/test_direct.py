"""Tests of direct quotes and their cues (pipeline/extract/quotes/direct.py)."""
from __future__ import annotations

import pytest


# ---------------------------------------------------------------- a cue next to the quotation
def test_direct_quote_after_attribution_follows(run, only):
    rows = run('"The harbour will reopen next month," Mayor Anna Berg said on Tuesday.')
    q = only(rows, type="direct")
    assert q["text"] == "The harbour will reopen next month"
    assert q["speaker_name"] == "Anna Berg" and q["cue"] == "said"
    assert q["speaker_entity"] is not None


def test_direct_quote_of_several_sentences(run, only):
    rows = run('"The bridge is safe. Engineers checked it twice. Traffic resumes today," '
               'said Tom Keller, the city engineer.')
    q = only(rows, type="direct")
    assert q["text"].startswith("The bridge is safe.") and q["text"].endswith("resumes today")
    assert q["speaker_name"] == "Tom Keller"


def test_direct_quote_introduced_by_colon(run, only):
    rows = run('Maria Lopez said: "We will appeal the ruling. Our lawyers are ready."')
    q = only(rows, type="direct")
    assert q["text"] == "We will appeal the ruling. Our lawyers are ready."
    assert q["speaker_name"] == "Maria Lopez"


def test_direct_quote_after_cue_and_its_adjuncts(run, only):
    rows = run('Maria Lopez said on Friday "We will appeal the ruling. Our lawyers are ready." '
               'Tom Keller told reporters after the hearing "Nobody expected this verdict."')
    assert only(rows, speaker_name="Maria Lopez")["text"] == "We will appeal the ruling. Our lawyers are ready."
    assert only(rows, speaker_name="Tom Keller")["text"] == "Nobody expected this verdict."


def test_quoted_title_or_fragment_after_cue_is_no_quote(run):
    rows = run('Senator Jane Marsh said on NBC\'s "Meet the Press" that the bill would pass. '
               'Governor Paul Reyes declared at the ceremony "a new era for the state".')
    assert not [q for q in rows if q["type"] == "direct"]


def test_speech_verb_parsed_as_modifier_of_the_name_after_it(run, only):
    rows = run('"I am in awe of the people who ran towards danger to keep us all safe" tweeted '
               'Health Minister Anna Berg on Friday.')
    q = only(rows, type="direct")
    assert q["speaker_name"] == "Anna Berg" and q["speaker_text"].startswith("Health Minister")


def test_quotation_appended_to_a_clause_of_a_named_person(run, only):
    rows = run('Senator Anna Berg spoke on local radio, "This is going to lead to a conflict between the '
               'two sides."\n\nThe vote is on Monday.')
    q = only(rows, type="direct")
    assert q["speaker_name"] == "Anna Berg" and q["text"].startswith("This is going to lead")


def test_quotation_appended_to_a_clause_of_a_thing_is_no_quote(run):
    rows = run('The report lists three demands of the union: "Better pay for every worker in the plant."')
    assert not [q for q in rows if q["type"] == "direct"]


def test_multi_paragraph_quote_is_one_row(run, only):
    text = ('Union leader Peter Novak spoke after the vote.\n\n'
            '"Our members have waited three years for this agreement.\n\n'
            '"Nobody should pretend it was easy," Novak said.')
    rows = run(text)
    q = only(rows, type="direct")
    assert q["text"].startswith("Our members") and q["text"].endswith("pretend it was easy")
    assert q["speaker_name"] == "Peter Novak"


def test_split_quote_gives_two_rows_with_one_speaker(run, containing):
    rows = run('"The factory will stay open," Karen Holt said, "and nobody will lose a job."')
    first = containing(rows, "factory will stay open")
    second = containing(rows, "nobody will lose a job")
    assert first["type"] == second["type"] == "direct"
    assert first["speaker_name"] == second["speaker_name"] == "Karen Holt"


def test_demanded_is_a_speech_verb(run, containing):
    rows = run('"The bank lied to its customers," Senator Joan Pike said.\n\n'
               '"Why was nobody fired for this?" Senator Rob Hale demanded.')
    q = containing(rows, "nobody fired")
    assert q["cue"] == "demanded" and q["speaker_name"] == "Rob Hale"


def test_speaker_found_when_parser_takes_a_quoted_word_as_subject(run, only):
    rows = run('"She would be a great mayor. Not good, great. One of the best people in the city," '
               'Rep. Ann Lee (D-Ohio) said in an interview.')
    q = only(rows, type="direct")
    assert q["speaker_name"] == "Ann Lee" or q["speaker_text"].endswith("Ann Lee")


# ---------------------------------------------------------------- a quotation signed with a dash
def test_quote_signed_with_a_dash(run, only):
    rows = run("\u201cThe rent doubled in two years and we had to move.\u201d \u2015 Luis Ortega, 38, Denver")
    q = only(rows, type="direct")
    assert q["speaker_name"].endswith("Ortega") and q["cue"] == "\u2015"


# ---------------------------------------------------------------- a quotation that goes on with the previous speaker
def test_unattributed_quote_paragraph_continues_previous_speaker(run, containing):
    text = ('"We expect a record harvest this year," farmer Joan Pike said.\n'
            '"Of course, the weather can still change everything before September."\n'
            'Prices fell in the spring.')
    rows = run(text)
    follow = containing(rows, "weather can still change")
    assert follow["type"] == "direct" and follow["speaker_name"] == "Joan Pike"


def test_unattributed_quote_after_attribution_in_same_paragraph(run, containing):
    rows = run('"The port is busy," Omar Said said. "Of course, the ships keep arriving every single day."')
    follow = containing(rows, "ships keep arriving")
    assert follow["speaker_name"] == "Omar Said"


def test_quotation_after_a_mixed_fragment_keeps_its_speaker(run, containing):
    rows = run('Grant "got a sweet deal," Senator Vera Lind said, and "nobody else in this town ever gets a deal '
               'like that."')
    q = containing(rows, "nobody else in this town")
    assert q["type"] == "direct" and q["speaker_name"] == "Vera Lind"


# ---------------------------------------------------------------- quoted spans that are not quotes
def test_scare_quotes_titles_and_nicknames_are_not_quotes(run):
    rows = run('Critics attacked the so-called "green deal" on Monday. '
               'The novel "Winter Roads" sold well. '
               'Singer Mark "The Voice" Doyle toured Europe.')
    assert rows == []


def test_quoted_word_named_by_the_verb_is_not_a_direct_quote(run):
    rows = run('Mayor Ines Costa said the word "crisis" twice during the meeting.')
    assert not [r for r in rows if r["type"] == "direct"]


def test_quotation_opening_a_sentence_is_not_attributed_to_the_previous_one(run):
    rows = run('Reporters asked about the fire, and Mayor Tom Reed said nothing. '
               '"The school will be rebuilt by spring and every family will get help."')
    assert not [r for r in rows if "rebuilt" in r["text"]]


def test_quotation_after_a_persons_clause_closing_the_paragraph_with_a_colon(run, containing):
    rows = run("The moderators pressed the senator on taxes. Cruz called them on it:\n\n"
               "\u201cThe questions asked in this debate illustrate why the American people do not trust the media.\u201d"
               "\n\nThe crowd cheered.")
    q = containing(rows, "questions asked in this debate")
    assert q["type"] == "direct" and q["speaker_name"] == "Cruz"
    assert not any(r["text"] == "them on it" for r in rows)


def test_verbs_of_manner_of_speaking_attribute_a_quotation(run, containing):
    """(fifth session) "interjected", "mused", "barked", ... (`speech_verbs` and `direct_only_verbs`)."""
    rows = run('"Where is the money?" Senator Kay Ruiz interjected. "We paid for this," Ruiz scoffed.')
    assert containing(rows, "Where is the money")["speaker_name"] == "Kay Ruiz"
    assert containing(rows, "We paid for this")["cue"] == "scoffed"


def test_quotation_paragraph_signed_on_the_next_line(run, containing):
    """(fifth session) '"A."\\n\\n- Name.': a dash (or a hyphen opening the line) and a name below a quotation
    that is a paragraph of its own sign it."""
    rows = run('He spoke at length.\n\n"We will fix the roads before winter comes."\n\n- Mayor Ann Lowe.\n\n'
               'The roads were not fixed.')
    assert containing(rows, "fix the roads")["speaker_name"] == "Ann Lowe"


def test_quotation_ending_with_comma_keeps_its_cue_before_a_set_off_clause(run, only):
    rows = run('"We had written two dozen songs before we met him," Kiedis said, mentioning the album is '
               '"in the home stretch."')
    q = only(rows, type="direct")
    assert q["text"] == "We had written two dozen songs before we met him"
    assert q["speaker_name"] == "Kiedis"


def test_quotation_after_a_name_and_a_colon(run, only):
    rows = run('Clinton: "Our goal is not to deter or contain the group, but to defeat and destroy it." '
               'Bush: "The mission is to destroy the group, not to contain it."')
    assert only(rows, speaker_name="Clinton")["cue"] == ":"
    assert only(rows, speaker_name="Bush")["text"] == "The mission is to destroy the group, not to contain it."


def test_quotation_after_two_names_joined_by_and_and_a_colon(run, only):
    # a digest: 'HEADING - Jane Roe and John Doe: "A"' quotes a piece the two wrote together
    rows = run('VOTERS WANT CHANGE - Maria Lopez and Tom Becker: "Most of the voters we met said the city '
               'needs new leadership, and they said it with feeling."')
    q = only(rows, type="direct")
    assert q["cue"] == ":"
    assert q["speaker_name"] in ("Tom Becker", "Maria Lopez and Tom Becker")


def test_quotation_after_a_common_noun_and_a_colon_is_no_quote(run):
    assert run('The verdict came in: "Guilty on all counts, and no appeal is possible."') == []


def test_quotation_ending_with_an_abbreviation_and_a_comma_keeps_its_cue(run, only):
    rows = run("\u201cWe don\u2019t think there\u2019s room for four cable news networks in the U.S.,\u201d Zucker said.")
    q = only(rows, type="direct")
    assert q["text"] == "We don\u2019t think there\u2019s room for four cable news networks in the U.S."
    assert q["speaker_name"] == "Zucker"


def test_time_clause_after_the_cue_is_not_what_was_said(run, only):
    rows = run('"He didn\'t report the loans," he said as some wearing blue shirts booed.')
    assert only(rows)["text"] == "He didn't report the loans"
    assert not [q for q in rows if q["type"] == "indirect"]


# ---------------------------------------------------------------- markup is no one's words
def test_markup_attribute_values_are_not_quotes(run):
    text = ('The senator posted a message.\n\n<tweet id="756642903469031424" author="@SenSmith" datetime="2016-07-23">'
            "I'm thrilled to announce my running mate, a man who has devoted his life to others.</tweet>")
    rows = run(text)
    assert not any(r["text"] in ("@SenSmith", "2016-07-23") for r in rows)


def test_a_markup_tag_named_after_a_speech_verb_is_no_cue(run):
    text = ('Republicans also weighed in:\n\n<tweet pic="" author="MarcoRubio" timestamp="1449075600" '
            'tweet_id="672151029">This is when our police are so appreciated!</tweet>.\n\n<tweet pic="" '
            'author="JebBush" timestamp="1449075600" tweet_id="672153025243426816">Praying for the victims, their '
            'families & the first responders.</tweet>.')
    rows = run(text)
    assert not any("author" in r["text"] or r["cue"] == "tweet" for r in rows)


def test_quotation_opening_with_a_bracketed_lowercase_letter_opens_a_sentence(run):
    rows = run('The agency credited Elsa Berg with the first walk, noting on Twitter "[h]is venture began the history '
               'of the spacewalk."')
    assert [r for r in rows if r["type"] == "direct" and r["text"].startswith("[h]is venture")]


def test_quotation_opening_its_sentence_keeps_its_cue_despite_a_clause_after_it(run, only):
    # the parser hangs a clause on "told" after the addressee; the quotation that opens the sentence is still
    # the words of the first verb after it (h15quo)
    rows = run('"Anyone claiming that our economy is in decline is peddling fiction," Mr. Obama told the lawmakers '
               'in the chamber and millions watching at home who could easily guess whom he had in mind.')
    q = only(rows, type="direct")
    assert q["text"] == "Anyone claiming that our economy is in decline is peddling fiction"
    assert q["speaker_name"] == "Obama" and q["cue"] == "told"


def test_title_of_a_show_is_no_quote_and_the_next_quotation_keeps_the_speaker(run):
    # a title-cased quotation after a possessive is a programme's name; the quotation after it goes on with the
    # speaker of the attribution the title ends (h15quo)
    rows = run('"The tax plan is dead," Senator Jane Marsh said on ABC\'s "This Week With George Stephanopoulos." '
               '"We will not back down on the budget."')
    assert [q["text"] for q in rows] == ["The tax plan is dead", "We will not back down on the budget."]
    assert {q["speaker_name"] for q in rows} == {"Jane Marsh"}


def test_postposed_speaker_after_a_determiner(run, only):
    # '"A," read the statement': the verb has no subject; the noun phrase right after it speaks (h15quo)
    q = only(run('"No coalition troops were injured in the attack on the base," read the statement.'), type="direct")
    assert q["text"] == "No coalition troops were injured in the attack on the base"
    assert q["speaker_text"] == "the statement" and q["cue"] == "read"


def test_quotation_named_through_a_relative_pronoun(run, only):
    # 'what it calls "A"': a characterizing verb whose object is the relative before it names its subject's words
    q = only(run('The council backed what it calls "a fair housing plan" on Monday.'), type="direct")
    assert q["text"] == "a fair housing plan" and q["cue"] == "calls"


def test_cue_of_an_earlier_clause_does_not_hide_the_speaker_before_a_colon(run, only):
    # 'Asked which ..., he demurred: "A."': "Asked" says nothing of the quotation; the clause before the colon does
    q = only(run('Asked which team was his favorite, he demurred: "Whichever one is winning at the moment."'),
             type="direct")
    assert q["text"].startswith("Whichever one is winning") and q["cue"] == "demurred"


def test_clause_before_a_colon_that_the_parser_hangs_under_the_quotation(run, only):
    # 'She went on: "A. B."': the parser makes the quotation the root; the colon's verb introduces it
    q = only(run('She went on: "It is like fixing a roof in the rain. It makes no sense."'), type="direct")
    assert q["text"] == "It is like fixing a roof in the rain. It makes no sense." and q["cue"] == "went on"


def test_short_quotation_after_a_determiner_is_a_term(run):
    """'the "Allah is gay" photo': a quotation of a few words right after a determiner is a term in a noun
    phrase, not a direct quote (eleventh session, h18nq)."""
    rows = run('Last June she posted the "Allah is gay" photo, and some celebrities complained about it.')
    assert not [r for r in rows if r["type"] == "direct"]
    rows = run('Ravi Patel said: "We ship every fix." The maintainers agreed.')
    assert [(r["type"], r["text"]) for r in rows] == [("direct", "We ship every fix.")]


@pytest.mark.parametrize("text, words, speaker", [
    ('"We will rebuild the bridge before winter." Mayor Ana Lopez said.', "rebuild the bridge", "Ana Lopez"),
    ('"The season is over for us." said the coach.', "season is over", "the coach"),
    ('"Nobody was hurt in the fire." Fire chief Tom Reyes told reporters on Monday.', "Nobody was hurt", "Tom Reyes"),
])
def test_quotation_closed_by_a_full_stop_before_an_attribution_sentence(run, only, text, words, speaker):
    # h22cue: the next sentence is only subject + speech verb (+ addressee, adjuncts)
    q = only(run(text), type="direct")
    assert words in q["text"] and speaker in q["speaker_text"]


@pytest.mark.parametrize("text", [
    'He called the plan "a waste of money." Ms Lopez said the council would vote on Friday.',
    '"We will rebuild the bridge." Mayor Ana Lopez said the work would start in May.',
])
def test_a_sentence_saying_more_than_an_attribution_does_not_take_the_quotation(run, text):
    assert not [r for r in run(text) if r["type"] == "direct"]


@pytest.mark.parametrize("text, words, speaker", [
    ('"Compare him to the other candidate, compare him to the governor," Gorka urged.', "Compare him", "Gorka"),
    ('"An awful lot of analysts said no, and she proved them wrong," remembered Roy Verley, a former spokesman.',
     "analysts said no", "Roy Verley"),
])
def test_any_verb_that_is_all_the_sentence_after_an_opening_quotation_attributes_it(run, only, text, words, speaker):
    # h23rec: subject + one verb (+ adjuncts) to the sentence end after '"A,"': the verb need not be in the lexicon
    q = only(run(text), type="direct")
    assert words in q["text"] and speaker in q["speaker_text"]


def test_a_verb_with_an_object_after_a_quotation_does_not_take_it(run):
    rows = run('"We should build the bridge in the spring before the floods come," the council rejected the plan.')
    assert not [r for r in rows if r["type"] == "direct"]


def test_a_clause_before_a_colon_introduces_a_quotation_the_parser_made_the_root(run, only):
    rows = run('Senator Paul Hart has since apologized for what happened: "I should have checked the figures before the '
               'vote. It was a mistake."')
    q = only(rows, type="direct")
    assert q["cue"] == "apologized" and q["speaker_text"] == "Senator Paul Hart"


def test_as_someone_put_it_before_a_quotation_gives_their_words(run, only):
    rows = run('As Jane Cole, a professor of law at Leeds, put it, "The court will not move before the election."')
    q = only(rows, type="direct")
    assert q["cue"] == "put" and q["speaker_text"] == "Jane Cole"


# ---------------------------------------------------------------- nineteenth session (h37quo)
def test_quotation_after_a_persons_colon_that_ends_a_sentence_inside_its_paragraph(run, containing):
    """'X addressed the public: "A. B." He said ...': a quotation after a named person's colon that closes with its
    own full stop is the person's, though the paragraph goes on; after a comma the quotation must still end the
    paragraph."""
    rows = run('Governor Ann Reyes addressed the crowd: "No one should take this storm lightly. Stay at home." '
               'She said the guard was ready.')
    q = containing(rows, "storm lightly")
    assert q["type"] == "direct" and q["speaker_name"] == "Ann Reyes" and q["cue"] == "addressed"
    rows = run('Senator Ann Reyes spoke on the radio, "We will win this fight." She then left the studio.')
    assert not [r for r in rows if "fight" in r["text"]], rows


# ---------------------------------------------------------------- a quotation after a sentence in which one person speaks
@pytest.mark.parametrize("before, speaker", [
    ("The winds were strong during the crossing, Anna Berg said, adding it took great endurance.", "Anna Berg"),
    ("Tom Keller told of the long nights at the plant.", "Tom Keller"),
    ("Maria Lopez said the council had never consulted the residents.", "Maria Lopez"),
])
def test_a_cueless_quotation_after_one_person_speaking_is_theirs(run, containing, before, speaker):
    rows = run(f'{before}\n\n"We worked through the winter without a single day off."')
    q = containing(rows, "worked through the winter")
    assert q["type"] == "direct" and q["speaker_name"] == speaker


@pytest.mark.parametrize("before", [
    "Maria Lopez said Tom Keller had warned the council about the costs.",   # two speakers
    "Did Maria Lopez say the council had never consulted the residents?",    # a question
    "Maria Lopez did not say why the council had never consulted the residents.",  # nobody speaks
    "The council met on Tuesday to discuss the harbour.",                     # nobody speaks
])
def test_a_cueless_quotation_is_not_given_to_the_sentence_before(run, before):
    rows = run(f'{before}\n\n"We worked through the winter without a single day off."')
    assert not [r for r in rows if "worked through the winter" in r["text"]]

"""Tests of characterizations (pipeline/extract/quotes/characterized.py)."""
from __future__ import annotations


# ---------------------------------------------------------------- a characterizing verb with a quoted fragment
def test_characterizing_verb_with_quoted_fragment_is_mixed(run, only):
    rows = run('Governor Paul Hart called the new tax "a disaster for small shops."')
    q = only(rows, type="mixed")
    assert q["cue"] == "called" and "a disaster for small shops" in q["text"]


def test_inflected_cue_is_found_without_the_lemmatizer(run, only):
    rows = run('The watchdog rated the claim as "mostly false" in its weekly review.')
    q = only(rows, type="mixed")
    assert q["cue"] == "rated" and q["speaker_text"] == "The watchdog"


# ---------------------------------------------------------------- where the characterization ends
def test_characterized_words_end_with_the_quotation(run, only):
    rows = run('Governor Paul Hart called the new tax "a disaster" during a radio interview on Monday.')
    q = only(rows, type="mixed")
    assert q["text"].endswith('disaster"') and "interview" not in q["text"]


def test_characterized_words_keep_the_phrase_of_the_fragment_but_not_a_second_verb(run, only):
    rows = run('Governor Paul Hart called the fee "a brazen grab" of public money and called for a vote.')
    q = only(rows, type="mixed")
    assert q["text"].endswith("of public money") and "vote" not in q["text"]


def test_characterization_goes_on_over_the_verbs_trailing_phrases(run, containing):
    text = 'The watchdog rated 40% of the mayor\u2019s claims as \u201cmisleading\u201d compared to 12% of his rival\u2019s claims.'
    q = containing(run(text), "misleading")
    assert q["type"] == "mixed" and q["text"].endswith("12% of his rival\u2019s claims")


def test_characterization_stops_before_a_clause_of_circumstance(run, containing):
    text = 'The senator described the bill as \u201ca disgrace\u201d after the committee rejected every amendment.'
    q = containing(run(text), "disgrace")
    assert "committee" not in q["text"]


# ---------------------------------------------------------------- where the characterization begins
def test_accused_of_fragment_leaves_the_accused_out_of_the_words(run, only):
    rows = run('The opposition leader accused the prime minister of "reckless contempt" for the courts.')
    q = only(rows, type="mixed")
    assert q["text"].startswith("of") and "prime minister" not in q["text"]


def test_described_as_fragment_keeps_the_object(run, only):
    q = only(run('The opposition leader described the budget as "a reckless gamble."'), type="mixed")
    assert q["text"].startswith("the budget as")


# ---------------------------------------------------------------- fragments: closing punctuation, criticism verbs, passives, paragraphs
def test_fragment_closed_after_the_sentence_period(run, only):
    """The period before the closing mark hangs on the main verb; the fragment is still the participle's."""
    rows = run('Trump launched an attack against Obama, calling him \u201cthe most ignorant president in our history.\u201d')
    q = only(rows, type="mixed")
    assert q["text"].startswith("him \u201cthe most ignorant") and q["speaker_name"] == "Trump"
    assert q["cue"] == "calling"


def test_verb_of_criticism_with_fragment(run, only):
    rows = run('Senator Marco Rubio bemoaned a political climate in which people \u201cliterally hate each other\u201d '
               'because they differ.')
    q = only(rows, type="mixed")
    assert q["cue"] == "bemoaned" and q["speaker_name"] == "Marco Rubio"
    assert "\u201cliterally hate each other\u201d" in q["text"]


def test_passive_characterization_has_no_speaker(run):
    rows = run('The memo was widely criticized for its prediction that he would be '
               '\u201cthe healthiest individual ever elected.\u201d')
    assert not any(r["cue"] == "criticized" for r in rows)


def test_fragment_must_be_in_the_verbs_paragraph(run):
    rows = run("Cruz called them on it:\n\n\u201cThe moderators are biased.\u201d")
    assert not any(r["type"] == "mixed" or r["text"].startswith("them") for r in rows)


def test_characterization_stops_before_a_participle_of_saying(run):
    text = 'The senator blasted the governor\u2019s plan on Wednesday, calling it \u201creckless and cruel.\u201d'
    rows = run(text)
    assert not any("plan" in r["text"] and "reckless" in r["text"] for r in rows)
    assert any(r["cue"] == "calling" and "reckless" in r["text"] for r in rows)


def test_characterization_stops_before_a_participle_after_a_closing_mark(run):
    """'hailed X as "great," telling ...': the comma sits inside the marks; the participle is still an attribution
    of its own (h25str)."""
    text = 'The coach hailed the result as \u201cfantastic,\u201d telling reporters that the team had \u201cgrown up.\u201d'
    rows = run(text)
    assert not any("result" in r["text"] and "grown" in r["text"] for r in rows)
    assert any(r["cue"] == "telling" and r["text"].startswith("the team had") for r in rows)


def test_a_fragment_whose_closing_mark_the_parser_hangs_elsewhere_ends_the_characterization(run, only):
    rows = run('Compare that with Paul Hart, who has called the new tax plan "a disgrace," and Jane Cole, who says it is '
               'fine.')
    q = only(rows, type="mixed")
    assert q["cue"] == "called" and q["text"] == 'the new tax plan "a disgrace,"'


def test_a_fragment_with_its_own_attribution_after_it_stays_a_direct_quote(run, only):
    rows = run('Mayor Jane Cole called the plan "a disgrace," Paul Hart said.')
    assert only(rows)["cue"] == "said"


# ---------------------------------------------------------------- a fragment inside a prepositional phrase of the verb
def test_fragment_in_a_prepositional_phrase_ends_with_that_phrase(run, containing):
    rows = run('The mayor blasted the council for "turning its back" on the families of the east side. '
               'The mayor pointed to his "A-plus" rating from the teachers union.')
    assert containing(rows, "turning its back")["text"].endswith("families of the east side")
    assert containing(rows, "A-plus")["text"] == 'to his "A-plus" rating from the teachers union'


def test_prepositional_phrase_of_a_fragment_stops_before_the_writers_circumstance(run, containing):
    rows = run('The mayor described the plan as a "total mess" in a Facebook post. '
               'The mayor described the budget as a "bad joke" ahead of the 2019 budget vote. '
               'The mayor likened the plan to "burning money" - a charge the council denied. '
               'The mayor described as "reckless" a plan to sell the harbor.')
    assert containing(rows, "total mess")["text"].endswith('"total mess"')
    assert containing(rows, "bad joke")["text"].endswith('"bad joke"')
    assert containing(rows, "burning money")["text"] == 'to "burning money"'
    assert containing(rows, "reckless")["text"] == 'as "reckless"'


def test_object_of_a_characterization_stops_before_the_writers_aside(run, containing):
    rows = run('The mayor called the new levy "a tax on hope" - a line she has used before. '
               'The senator called the bill "a gift to landlords" (it passed in May anyway). '
               'The senator called the grant "a gift" to the World Health Organization (WHO) and its donors. '
               'The mayor called the stadium "a monument to waste" that the council approved in 2019.')
    assert containing(rows, "tax on hope")["text"] == 'the new levy "a tax on hope"'
    assert containing(rows, "gift to landlords")["text"] == 'the bill "a gift to landlords"'
    assert containing(rows, '"a gift"')["text"].endswith("(WHO) and its donors")
    assert containing(rows, "monument to waste")["text"].endswith("approved in 2019")

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


def test_participle_right_after_a_name_is_that_name_speaking(run, containing):
    rows = run('The campaign released footage of Mary Stone asking, "Why are we not ahead?"')
    q = containing(rows, "not ahead")
    assert q["speaker_name"] == "Mary Stone"


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

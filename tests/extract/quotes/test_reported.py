"""Tests of reported speech rows (pipeline/extract/quotes/reported.py): the speech-verb
patterns, indirect and mixed rows."""
from __future__ import annotations

import pytest


# ---------------------------------------------------------------- a speech verb with a clause
def test_reported_said_that_clause(run, only):
    rows = run("Finance Minister Carla Ruiz said that the budget deficit would shrink next year.")
    q = only(rows, type="indirect")
    assert q["text"] == "the budget deficit would shrink next year"
    assert q["speaker_name"] == "Carla Ruiz" and q["cue"] == "said"


def test_reported_clause_before_the_attribution(run, only):
    rows = run("The budget deficit will shrink next year and taxes will not rise, Carla Ruiz said.")
    q = only(rows, type="indirect")
    assert q["text"] == "The budget deficit will shrink next year and taxes will not rise"
    assert q["speaker_name"] == "Carla Ruiz"


def test_reported_with_addressee_and_time(run, containing):
    rows = run("Jonas Weber told reporters on Monday that the talks had collapsed. "
               "Weber said on Friday the company would file for bankruptcy.")
    told = containing(rows, "talks had collapsed")
    assert told["cue"] == "told" and told["type"] == "indirect"
    said = containing(rows, "file for bankruptcy")
    assert said["text"] == "the company would file for bankruptcy" and said["speaker_name"] == "Jonas Weber"


@pytest.mark.parametrize("cue", ["added", "warned", "noted", "announced", "tweeted", "wrote"])
def test_cues_beyond_said(run, cue, only):
    rows = run(f"Lena Fischer {cue} that the museum would close for repairs in March.")
    q = only(rows, type="indirect")
    assert q["cue"] == cue and q["speaker_name"] == "Lena Fischer"


# ---------------------------------------------------------------- mixed rows: reported words holding a quotation
def test_reported_clause_with_quoted_fragment_is_mixed(run, only):
    rows = run('Ruth Adler said the proposal was "a gift to landlords" and should be withdrawn.')
    q = only(rows, speaker_name="Ruth Adler")
    assert q["type"] == "mixed" and "a gift to landlords" in q["text"]
    assert not [r for r in rows if r["type"] == "direct"]


def test_quotation_as_that_clause_is_mixed(run, containing):
    rows = run('The port authority told the council that "the cranes failed twice this week. Nobody was hurt."')
    q = containing(rows, "cranes failed")
    assert q["type"] == "mixed" and q["speaker_name"] == "The port authority"
    assert q["text"].startswith('"the cranes') and len(rows) == 1


def test_reported_words_never_run_on_past_a_whole_quotation(run):
    rows = run('Health Minister Anna Berg said "We could not win," and the city flag is at half-mast.')
    assert [(q["type"], q["text"]) for q in rows] == [("direct", "We could not win")]


def test_reported_clause_may_open_with_a_quoted_fragment(run, containing):
    rows = run('Mayor Tom Keller said "a bomb" had gone off in the city centre.')
    q = containing(rows, "had gone off")  # the row starts at the fragment's opening mark (balanced marks)
    assert q["type"] == "mixed" and q["text"].startswith('"a bomb" had gone off')


def test_more_verbs_of_saying_report_their_clause(run):
    """'point out', 'hint', 'imply', 'confide', 'posit' ... (``speech_verbs``) report a that-clause."""
    rows = run("The mayor pointed out that the city had balanced its budget for three years.")
    assert [(r["cue"], r["text"]) for r in rows] == [("pointed out", "the city had balanced its budget for three years")]
    rows = run("In an interview on Tuesday, the governor hinted that a cabinet shakeup was imminent.")
    assert [r["text"] for r in rows] == ["a cabinet shakeup was imminent"]


# ---------------------------------------------------------------- questions and passives (eighth session, h11quo)
@pytest.mark.parametrize("text", [
    "Could you briefly explain the study and its findings?",
    "How did you confirm the tool was used for working animal skin?",
    "Did the minister say the budget would shrink?",
])
def test_speech_verb_in_a_question_reports_nothing(run, text):
    assert run(text) == []


def test_question_about_a_report_keeps_the_report(run):
    rows = run("Are you aware the Electronic Frontier Foundation said it was a bad move?")
    assert any(r["text"] == "it was a bad move" for r in rows)


def test_inversion_that_is_no_question_still_reports(run):
    rows = run("Not only did Maria Lopez say the plan would fail, she also voted against it.")
    assert any(r["text"] == "the plan would fail" for r in rows)



@pytest.mark.parametrize("text", [
    "It is hard to say what happens then.",
    "So it's kind of hard to say if they were using bone tools.",
])
def test_impersonal_it_is_hard_to_say_reports_nothing(run, text):
    assert run(text) == []


def test_report_of_it_is_hard_to_say_is_kept(run):
    rows = run("Maria Lopez said it is hard to say what happens then.")
    assert [r["text"] for r in rows] == ["it is hard to say what happens then"]


def test_lets_say_supposes_and_reports_nothing(run):
    assert run("Let's say you earn 50,000 dollars a year and pay no rent.") == []
    assert run("We worked on it for years, let\u2019s say in all our careers, on the role of these areas.") == []
    rows = run("Let me say that the plan will fail.")  # the writer's own words, reported: not a supposition
    assert len(rows) == 1


def test_that_said_links_two_sentences_and_reports_nothing(run):
    rows = run("He could split the vote. That said, Cruz cannot realistically get enough delegates to win.")
    assert not any("delegates" in r["text"] for r in rows)
    rows = run("Officials said, however, that the plan would work.")
    assert any(r["text"] == "the plan would work" for r in rows)


# ---------------------------------------------------------------- interview transcripts (eleventh session, h18nq)
TRANSCRIPT = (
    "Wikinews spoke with the astronomer Hanna Lindqvist about her survey of young stars.\n\n"
    "((WN)) {question}\n\n"
    "((Hanna Lindqvist)) {answer}\n"
)


@pytest.mark.parametrize("answer", [
    "It depends on the survey. Sometimes you say that the brighter star is the primary one, and sometimes not.",
    'It depends on the survey. Sometimes you call it "A" which is the most massive one, sometimes not.',
    "Then where would you draw the line and say that the disc is a planet nursery after all?",
    "It seems you are telling young people that they cannot succeed in astronomy without a telescope.",
])
def test_generic_you_in_an_answer_reports_nothing(run, answer):
    text = TRANSCRIPT.format(question="How do you name the stars of a pair?", answer=answer)
    assert not [r for r in run(text) if r["speaker_text"].lower() == "you"]


@pytest.mark.parametrize("answer", [
    "Well, it tells us that planets can form very far from their star, which we never saw before.",
    "We saw the spiral twice. So it may suggest that a planet is forming inside the disc right now.",
])
def test_it_tells_us_in_an_answer_reports_nothing(run, answer):
    text = TRANSCRIPT.format(question="What does the spiral tell us?", answer=answer)
    assert not [r for r in run(text) if r["speaker_text"].lower() == "it"]


@pytest.mark.parametrize("question", [
    "What according to you makes the night sky beautiful?",
    "Which students would you ask to join your team?",
])
def test_question_asking_you_reports_nothing(run, question):
    text = TRANSCRIPT.format(question=question, answer="I would say the silence, and the patience it teaches us.")
    assert not [r for r in run(text) if r["speaker_text"].lower() == "you"]


def test_interviewer_restating_what_you_said_keeps_the_report(run):
    text = TRANSCRIPT.format(question="You noted that the survey found forty young discs. Why so many?",
                             answer="The survey was deeper than any before it, and the instrument was new.")
    rows = run(text)
    assert any(r["text"] == "the survey found forty young discs" and r["speaker_text"] == "You" for r in rows)
    text = TRANSCRIPT.format(question="As you mentioned, the disc is very young \u2014 how old is it?",
                             answer="About two million years, which is very young for a star of its mass.")
    assert any(r["text"].startswith("the disc is very young") for r in run(text))


def test_according_to_inside_a_quotation_reports_nothing_outside_it(run):
    rows = run('The palace issued the following statement: "Even though she gave up her title according to '
               'royal law, she remains a member of the family."')
    assert not [r for r in rows if r["cue"].lower() == "according to"]


@pytest.mark.parametrize("text", [
    "But if they say we don't need that law, I would agree with them.",
    "If we confirm that it is a planet in formation, then it becomes important to follow up.",
])
def test_speech_verb_in_a_condition_reports_nothing(run, text):
    assert run(text) == []


def test_report_of_a_condition_is_kept(run):
    rows = run("Maria Lopez said that if the council votes no, the plan will fail.")
    assert [r["text"] for r in rows] == ["if the council votes no, the plan will fail"]


def test_fragment_in_a_that_clause_after_the_verbs_adjunct_starts_at_the_clause(run, only):
    """'said in a statement that "A."': the that-clause the parser hangs on the adjunct's noun is the words; the
    characterization pattern no longer takes the adjunct into them (h25str)."""
    rows = run('The union said in a statement that \u201cthe new rota puts patients at risk.\u201d')
    q = only(rows, cue="said")
    assert q["type"] == "mixed"
    assert q["text"].startswith("\u201cthe new rota")


# ---------------------------------------------------------------- nineteenth session (h37quo)
def test_according_to_then_a_whole_quotation_is_a_direct_quote(run, only):
    """'According to X, "A."': the quotation is all the phrase attributes; the phrase is no verb a direct quote's
    cue search would find, so the row comes from the phrase."""
    q = only(run('According to the harbour master, "We will reopen the port on Monday. The storm did little damage."'),
             type="direct")
    assert q["text"] == "We will reopen the port on Monday. The storm did little damage."
    assert q["cue"] == "According to" and q["speaker_text"] == "the harbour master"


def test_according_to_inside_a_sentence_before_a_quoted_fragment_gives_no_direct_quote(run):
    rows = run('The council backed a new plan whose cost, according to its critics, "will ruin the town."')
    assert not [r for r in rows if r["type"] == "direct"], rows

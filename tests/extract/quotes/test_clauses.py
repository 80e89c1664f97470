"""Tests of the reported-clause rules of a speech verb (pipeline/extract/quotes/clauses.py), some on
parses with arcs fixed by ``reparsed`` so that the rule is tested against a parse the model gives
on other sentences."""
from __future__ import annotations

from pipeline.extract.quotes import extract_quotes


# ---------------------------------------------------------------- a medial attribution
def test_attribution_inside_the_reported_sentence(run, only):
    rows = run("To win the vote, Senator Hugo Brandt said, the party must stay united.")
    q = only(rows, type="indirect")
    assert q["speaker_name"] == "Hugo Brandt"
    assert q["text"].startswith("To win the vote") and q["text"].endswith("stay united")


def test_reported_clause_goes_on_after_a_medial_attribution(run, only):
    rows = run("The company was profitable, Anna Weiss said, until it lost its biggest client in 2015.")
    q = only(rows, type="indirect")
    assert q["text"].startswith("The company was profitable") and q["text"].endswith("client in 2015")


def test_subordinate_clause_before_a_medial_attribution_leads_into_the_reported_sentence(reparsed, containing):
    """The parser sometimes hangs the attribution on the subordinate clause ('said' -> 'went') rather
    than on the main clause; the rule must hold for that parse too, so the test fixes it."""
    text = ("Though the first merger went smoothly, she said, a second one would be much harder "
            "and could cost thousands of jobs.")
    doc = reparsed(text, {"said": ("went", "parataxis"), "went": ("be", "advcl")})
    q = containing(extract_quotes(doc, []), "first merger")
    assert q["text"].startswith("Though the first merger") and q["text"].endswith("thousands of jobs")


def test_coordinated_clause_after_a_medial_attribution_continues_the_words(run, containing):
    text = ("The bottom fifth paid 2 percent, the bureau said in a March report, "
            "and those in the top tenth of incomes paid 60 percent.")
    q = containing(run(text), "bottom fifth")
    assert q["text"].endswith("top tenth of incomes paid 60 percent")


def test_coordinated_second_attribution_after_a_medial_attribution_stays_apart(run, containing):
    text = "The plant will close, the company said on Monday, and the union said it would strike."
    q = containing(run(text), "plant will close")
    assert "strike" not in q["text"]


# ---------------------------------------------------------------- conjuncts of the clause or of the verb
def test_second_speech_verb_is_not_part_of_the_clause(run, containing):
    rows = run("Paula Grant said the merger would fail and warned against new taxes.")
    q = containing(rows, "merger would fail")
    assert "warned" not in q["text"]


def test_reported_clause_joined_with_an_existential_clause(run, only):
    rows = run("The mayor also said that it was too early to name a cause, and there was no sign of a crime.")
    q = only(rows, type="indirect")
    assert q["text"].endswith("no sign of a crime")


def test_modal_conjunct_with_speech_verb_continues_reported_clause(run, containing):
    text = ("The Budget Office says it would lower revenue in the first years as buyers delayed purchases, "
            "but would eventually add $9 billion over 10 years.")
    q = containing(run(text), "lower revenue")
    assert q["text"].endswith("add $9 billion over 10 years")


def test_conjoined_characterizing_verb_is_not_part_of_the_reported_clause(run, containing):
    text = "The coach said he had played through two knee injuries in his career and called it part of the job."
    q = containing(run(text), "knee injuries")
    assert q["text"].endswith("in his career")


def test_reason_clause_hung_on_the_speech_verb_goes_on_with_the_words(containing, reparsed):
    """The parser may hang 'because B' on 'said' rather than on the reported clause."""
    text = "Senator Ann Cole said the plan was unfair, because farmers would pay twice as much as banks."
    doc = reparsed(text, {"pay": ("said", "advcl")})
    q = containing(extract_quotes(doc, []), "plan was unfair")
    assert q["text"].endswith("twice as much as banks")


# ---------------------------------------------------------------- one clause the parser split into two complements
def test_relative_clause_misparsed_as_second_complement_stays_with_its_noun(run, containing):
    text = "Kim on Wednesday said he wants to rewrite four articles in the building code that address how fire exits are marked."
    rows = run(text)
    q = containing(rows, "rewrite four articles")
    assert q["text"].endswith("fire exits are marked")
    assert len([r for r in rows if r["type"] == "indirect"]) == 1


def test_reported_clause_the_parser_split_in_two_complements_is_one_row(containing, reparsed):
    """'said A and his loss | was B': the parser may give the verb a second complement without a
    subject of its own; that is the same reported clause, one row."""
    text = "The coach said the team has great respect for the fans and its loss was instead a sign of fatigue."
    doc = reparsed(text, {"was": ("said", "ccomp"), "loss": ("has", "conj")})
    rows = extract_quotes(doc, [])
    q = containing(rows, "great respect")
    assert q["text"].endswith("a sign of fatigue") and len(rows) == 1


def test_second_complement_with_its_own_subject_and_verb_of_accusing_stays_apart(containing, reparsed):
    text = "Republicans said the agency mishandled the case and Democrats accused the party of lying."
    doc = reparsed(text, {"accused": ("said", "ccomp"), "Democrats": ("case", "conj")})
    q = containing(extract_quotes(doc, []), "mishandled")
    assert "accused" not in q["text"]


def test_second_complement_right_after_the_first_is_the_same_clause(containing, reparsed):
    text = "The report suggests the city understands that it needs a plan in case the river floods again."
    doc = reparsed(text, {"floods": ("suggests", "ccomp")})
    rows = extract_quotes(doc, [])
    q = containing(rows, "city understands")
    assert q["text"].endswith("the river floods again") and len(rows) == 1


# ---------------------------------------------------------------- where the words begin
def test_reported_words_begin_at_that_after_an_adjunct_of_the_verb(containing, reparsed):
    """The parser may hang the verb's adjunct inside the clause; the words still begin at "that"."""
    doc = reparsed("The ministry announced in a long statement that the border would close for a week.",
                    {"in": ("close", "prep")})
    q = containing(extract_quotes(doc, []), "border would close")
    assert q["text"] == "the border would close for a week"


def test_clause_subject_misparsed_as_object_of_say_stays_in_the_words(run, containing):
    text = ("The agency has said older workers and students - urban, rural, local and foreign - "
            "would qualify for the grants under the broader plan.")
    q = containing(run(text), "would qualify")
    assert q["text"].startswith("older workers and students")


def test_addressee_of_tell_stays_out_of_the_words(run, containing):
    q = containing(run("The mayor told reporters the bridge would reopen in May."), "bridge would reopen")
    assert q["text"] == "the bridge would reopen in May"


def test_object_relative_before_the_speech_verb_reports_nothing(run):
    rows = run("We don't care. Everything the mayor says is a lie unless proven otherwise.")
    assert not [r for r in rows if "lie" in r["text"]]


def test_a_clause_before_a_semicolon_is_not_reported_by_the_verb_after_it(run):
    rows = run("She protested alone. That September, the movement launched; Thunberg promised protests every week "
               "until Sweden joined the Paris Agreement.")
    assert not [r for r in rows if "movement launched" in r["text"]]


# ---------------------------------------------------------------- a leading adjunct before the speaker
def test_leading_adjunct_is_not_reported_when_the_verb_has_a_clause_after_it(reparsed):
    """The parser sometimes hangs a clause inside a leading adjunct on the speech verb as a complement
    ('suspended' -> 'said'); the verb reports the clause after it, not the adjunct."""
    text = ("In a statement released shortly after the senator suspended his campaign, "
            "Cruz said he is certain Rubio will keep fighting for the party.")
    doc = reparsed(text, {"suspended": ("said", "ccomp")})
    rows = extract_quotes(doc, [])
    assert [r["text"] for r in rows] == ["he is certain Rubio will keep fighting for the party"]


def test_sentence_before_a_semicolon_is_not_reported_by_the_verb_after_it(run):
    rows = run("The company never ran the numbers; its chief executive argued the plan was sound.")
    assert {r["text"] for r in rows} == {"the plan was sound"}


def test_that_clause_after_a_medial_attribution_goes_on_with_the_words_before_it(run, only):
    # "It is no surprise, X said, that A": one reported sentence around the attribution, not two rows (h15quo)
    text = "It is no surprise, Mr. Garin said, that Mrs. Clinton did better among older voters."
    q = only(run(text), type="indirect")
    assert q["text"] == "It is no surprise, Mr. Garin said, that Mrs. Clinton did better among older voters"
    assert q["speaker_name"] == "Garin"
    q = only(run("But there is a risk, some Democrats said, that Mr. Sanders would push the party to the left."),
             type="indirect")
    assert q["text"].startswith("But there is a risk") and q["text"].endswith("push the party to the left")


def test_question_the_parser_hangs_as_a_condition_is_what_was_asked(run, only):
    # "asked X if A": the parser makes "if A" a condition of "asked"; it is the question asked (h15quo)
    q = only(run("Then Mr. Rubin asked the students if they were always so preternaturally serious."), type="indirect")
    assert q["text"] == "if they were always so preternaturally serious" and q["speaker_name"] == "Rubin"
    # a participle is asked by its agent: no row for the subject of the clause it hangs on
    rows = run("Asked by Starnes if he believed the situation was as bad, Carson said that he did not.")
    assert not [r for r in rows if r["text"].startswith("if he believed")]


# ---------------------------------------------------------------- an attribution inside one sentence (h17quo)
def test_words_run_over_an_attribution_that_interrupts_their_sentence(run, only):
    # what follows the attribution's comma hangs on the clause before it and has no subject of its own
    q = only(run("Meanwhile, the company is cutting costs, analysts say, closing stores across the region "
                 "in an attempt to save money."), type="indirect")
    assert q["text"].startswith("Meanwhile, the company is cutting costs")
    assert q["text"].endswith("in an attempt to save money")


def test_medial_attribution_before_a_quoted_predicate(run, only):
    # 'X, Ms. Y said, "is ..."': the subject before the attribution and the quoted predicate after it are one row
    q = only(run('The city\'s new budget, Ms. Ortiz said, "is a serious mistake" for the schools.'), type="mixed")
    assert q["text"] == 'The city\'s new budget, Ms. Ortiz said, "is a serious mistake" for the schools'


# ---------------------------------------------------------------- a that-clause hung on an adjunct's noun (h23rec)
def test_that_clause_hung_on_the_noun_of_the_verbs_adjunct_is_what_was_said(run, only):
    # the parser makes "that she may wait ..." a relative clause of "conference" ("that" a complementizer)
    q = only(run("The mayor, Ana Lopez, said earlier on Monday during a press conference that she may wait "
                 "until March to decide."), type="indirect")
    assert q["text"] == "she may wait until March to decide"
    assert q["speaker_name"] == "Ana Lopez"


def test_that_clause_of_a_report_someone_else_made_is_not_the_verbs(run):
    # "commented on reports that A": A is what the reports say, not what the senator said
    rows = run("The senator commented on reports that the governor planned to resign.")
    assert not [r for r in rows if "governor planned" in r["text"]]


def test_a_quoted_conjunct_goes_on_with_the_reported_words(run, containing):
    rows = run('Hart said that the city "ran out of money last year," and "struggled to pay its teachers." '
               'She met a volunteer who promises that Hart won\'t "raise your taxes" or "tell you where to live."')
    assert containing(rows, "ran out of money")["text"].endswith('struggled to pay its teachers."')
    assert containing(rows, "raise your taxes")["text"].endswith('tell you where to live."')


def test_an_unquoted_second_act_of_saying_is_still_its_own_row(run, containing):
    rows = run('Hart said the city "ran out of money" and warned that schools would close.')
    assert "warned" not in containing(rows, "ran out of money")["text"]


def test_a_past_perfect_conjunct_of_the_speech_verb_goes_on_with_the_words(run, containing):
    # "had not seen": the speaker's backshifted words, though the parser joins it to "said"
    rows = run("The director said she was familiar with the novel, but had not seen the film.")
    assert containing(rows, "familiar with the novel")["text"].endswith("had not seen the film")


def test_a_participle_after_the_noun_of_the_verbs_adjunct_is_not_what_was_said(run, containing):
    """The parser hangs a bare participle describing the noun of the speech verb's adjunct ('a statement issued
    ...') on the verb as its complement; it is not what was said ('announced the tests by a laboratory found A'
    reports A: the verb's object is the clause's subject)."""
    rows = run('"We will win the state by a wide margin," spokesman Jeff Bechdel said in a statement issued '
               "a half-hour before the event was set to begin. "
               "The German government announced the tests by a military laboratory found poison in his blood.")
    assert not [r for r in rows if "half-hour" in r["text"]], rows
    assert containing(rows, "wide margin")["type"] == "direct"
    assert containing(rows, "found poison")["cue"] == "announced"


def test_a_speech_verb_in_a_relative_clause_reports_its_clause_about_the_noun(run, containing):
    """'a plan which critics say left a gap', 'a review the agency said was ongoing', 'what he said was a smear':
    the clause after a speech verb heading a relative clause has no subject of its own (the relative pronoun, the
    noun or "what" is that subject) and is what was said; a bare "be" followed by a comma in speech ('the first
    thing she said was, you know, ...') is not."""
    rows = run("Officials cut funding for the program, which critics say left a gap in rural care. "
               "Reporters asked about the audit, a review the agency said was ongoing as of last week. "
               "The senator rejected what he said was a smear campaign by his rivals. "
               "And my coach, like the very first thing she said was, you know, you doing this takes courage.")
    gap = containing(rows, "left a gap")
    assert gap["text"] == "left a gap in rural care" and gap["cue"] == "say"
    assert containing(rows, "was ongoing")["text"] == "was ongoing as of last week"
    assert containing(rows, "smear campaign")["text"] == "was a smear campaign by his rivals"
    assert not [r for r in rows if "you doing this" in r["text"]], rows

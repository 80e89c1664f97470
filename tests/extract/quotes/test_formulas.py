"""Tests of the attribution formulas (pipeline/extract/quotes/formulas.py)."""
from __future__ import annotations


# ---------------------------------------------------------------- according to X
def test_according_to_source(run, containing):
    rows = run("According to the annual report, sales rose in every region. "
               "Profits doubled, according to the company.")
    a = containing(rows, "sales rose")
    assert a["cue"] == "According to" and a["speaker_text"] == "the annual report"
    assert a["text"] == "sales rose in every region"
    b = containing(rows, "Profits doubled")
    assert b["cue"] == "according to" and b["speaker_name"] == "the company"


def test_according_to_a_speech_given_by_a_person(run, containing):
    rows = run("The tax would curb short-term trading, according to a letter that Ada Price wrote to the board.")
    q = containing(rows, "curb short-term trading")
    assert q["speaker_name"] == "Ada Price"


def test_coordinated_clause_after_according_to_continues_the_words_across_a_paragraph_end(run, containing):
    text = ("Farm income fell 8 percent in 2019, according to the state statistics office, "
            "and dairy income fell 12 percent.\n\nPrices rose later.")
    q = containing(run(text), "Farm income fell")
    assert q["text"].endswith("dairy income fell 12 percent")


# ---------------------------------------------------------------- as X said
def test_as_clause_attribution(run, containing):
    rows = run("As the harbour master put it, the new quay will change the town. "
               "Fares will rise again next year, as Director Lena Voss noted.")
    put = containing(rows, "new quay")
    assert put["text"] == "the new quay will change the town" and put["cue"] == "put it"
    assert put["speaker_text"] == "the harbour master"
    noted = containing(rows, "Fares will rise")
    assert noted["text"] == "Fares will rise again next year" and noted["speaker_name"] == "Lena Voss"


def test_as_clause_after_a_coordinator_opens_the_words(run, containing):
    rows = run("But as the harbour master noted, the new quay will change the town. "
               "And, as Director Lena Voss reported, fares will rise again next year.")
    assert containing(rows, "new quay")["text"] == "the new quay will change the town"
    assert containing(rows, "fares will rise")["text"] == "fares will rise again next year"


# ---------------------------------------------------------------- no response to requests for comment
def test_no_response_to_a_request_for_comment(run, only):
    rows = run("The shipping firm did not respond to requests for comment on Friday. "
               "The firm responded to the strike by hiring new staff.")
    q = only(rows, cue="respond")
    assert q["text"] == "to requests for comment on Friday" and q["speaker_name"] == "The shipping firm"
    assert not [r for r in rows if "strike" in r["text"]]


# ---------------------------------------------------------------- pledges and appeals with a to-infinitive
def test_pledge_or_appeal_with_an_infinitive(run, containing):
    rows = run("Governor Ruth Ambler vowed to cut property taxes for retirees. "
               "Senator Paul Dorn urged colleagues to delay the vote on the bill.")
    vow = containing(rows, "property taxes")
    assert vow["text"] == "to cut property taxes for retirees" and vow["cue"] == "vowed"
    assert vow["speaker_name"] == "Ruth Ambler" and vow["type"] == "indirect"
    urge = containing(rows, "delay the vote")
    assert urge["text"] == "colleagues to delay the vote on the bill"
    assert urge["speaker_name"] == "Paul Dorn"


def test_infinitive_without_a_source_of_its_own_is_not_a_quote(run, containing):
    rows = run("The driver left the car when asked to do so by the officers. "
               "The agency missed the target it had pledged to meet last year. "
               "Ruth Ambler said the city vows to rebuild the old bridge within a year.")
    assert not [r for r in rows if r["cue"] in ("asked", "pledged", "vows")], rows
    assert containing(rows, "rebuild the old bridge")["cue"] == "said"


def test_a_thing_that_threatens_to_do_something_pledges_nothing(run, containing):
    rows = run("The court heard a case that had threatened to close dozens of rural clinics. "
               "Fuel prices rose again in March. That threatened to push many small farms into debt. "
               "The union, which has threatened to strike for three days, met the owners on Monday. "
               "The company that threatened to move its plant abroad kept it open.")
    assert not [r for r in rows if "clinics" in r["text"] or "small farms" in r["text"]], rows
    assert containing(rows, "strike for three days")["cue"] == "threatened"
    assert containing(rows, "move its plant abroad")["cue"] == "threatened"


def test_according_to_after_a_conjunction_attributes_the_conjunct_after_it(run, only):
    rows = run("The minister was treated in Geneva for months and according to the Foreign Ministry "
               "he died at a private clinic on Friday.")
    q = only(rows, type="indirect")
    assert q["text"] == "he died at a private clinic on Friday" and q["speaker_name"] == "Foreign Ministry"



def test_according_to_a_role_and_the_name_after_it(run, only):
    rows = run("According to the Leeds mayor, Anna Berg, during the weekend, police were searching the harbour.")
    q = only(rows, type="indirect")
    assert q["speaker_name"] == "Anna Berg" and q["text"].startswith("during the weekend, police")


def test_according_to_a_document_then_a_named_subject(run, only):
    rows = run("According to a police summary, Tom Keller, a former aide, sent the letter in May.")
    q = only(rows, type="indirect")
    assert q["text"].startswith("Tom Keller") and q["speaker_text"] == "a police summary"


# ---------------------------------------------------------------- "as" clauses with an object of their own
def test_as_clause_with_its_own_object_is_not_an_attribution(run):
    assert run("As Donald Trump lamented illegal immigration, Hillary Clinton took a moment to reach out to voters.") == []


def test_as_told_the_addressee_still_attributes(run, only):
    q = only(run("As Maria Lopez told the Associated Press, the plan would cut costs for families."), type="indirect")
    assert q["text"] == "the plan would cut costs for families" and q["speaker_name"] == "Maria Lopez"


def test_according_to_stops_at_the_paragraph_break(run, only):
    rows = run("The plane was grounded last week. It is now cleared to fly again, according to the F.A.A.\n\n"
               "Most people who own aircraft do not have more than one or two.")
    q = only(rows, cue="according to")
    assert q["text"] == "It is now cleared to fly again"
    assert q["speaker_text"] == "F.A.A."


def test_according_to_attributes_the_side_with_a_verb(run, only):
    # 'But the next morning, according to X, B': the words before the phrase hold no verb; the clause after does
    q = only(run("But the next morning, according to Petrov, the army crossed the river."), type="indirect")
    assert q["text"] == "the army crossed the river" and q["speaker_text"] == "Petrov"


def test_according_to_inside_a_phrase_keeps_no_verbless_side(run):
    # 'followed by, according to reports, nearly 2000 people, ...': the phrase sits inside its sentence
    rows = run("The relic was carried in procession followed by, according to varying reports, nearly 2000 people, "
               "perhaps some hundreds more, in an event both for believers and the curious.")
    assert rows == []


# ---------------------------------------------------------------- sixteenth session (h30spk)
def test_according_to_a_place_title_and_name_the_parser_splits_gives_the_person(run, only):
    """"According to Ohio Senator Mark Dunn, ...": the parser may make the name the subject of "According" itself
    and the place the source; the name is the source, not the subject of a verb."""
    rows = run("According to Ohio Senator Mark Dunn, the involved ship is one of six ships still in service.")
    q = only(rows, type="indirect")
    assert q["speaker_name"] == "Mark Dunn" and q["text"].startswith("the involved ship")


# ---------------------------------------------------------------- nineteenth session (h37quo)
def test_according_to_inside_a_clause_attributes_the_clause_on_both_sides(run, containing):
    """'One child was, according to X, among the dead': the phrase interrupts a clause that is not over before it;
    the words are the whole clause, the phrase inside them (as a medial ", X said,")."""
    rows = run("One passenger was, according to the coast guard, among the missing. "
               "The ferry was, according to the harbour office, in good repair. "
               "Two masked men robbed the bank shortly after it opened, then, according to police, fled.")
    assert containing(rows, "passenger")["text"] == "One passenger was, according to the coast guard, among the missing"
    assert containing(rows, "ferry")["text"] == "The ferry was, according to the harbour office, in good repair"
    fled = containing(rows, "masked men")
    assert fled["text"].endswith("then, according to police, fled") and fled["speaker_name"] == "police"


def test_according_to_before_a_date_a_comment_or_an_aside_keeps_its_clause(run, containing):
    rows = run("The old mill was sold in March, according to the town council on Friday. "
               "The firm earned about $60 million last year, according to public filings, a large sum for a firm "
               "with ten partners. "
               "Many farmers - who make up a third of the voters, according to a spring survey - oppose the plan.")
    assert containing(rows, "old mill")["text"] == "The old mill was sold in March"
    assert containing(rows, "firm earned")["text"] == "The firm earned about $60 million last year"
    assert containing(rows, "farmers")["text"] == "Many farmers - who make up a third of the voters"


def test_according_to_then_the_subject_the_parser_hangs_on_the_source(run, only):
    """'According to X, the new bridge, at 300 metres, is ...': the parser makes the subject an apposition of the
    source and leaves the verb without one; it is the words' subject."""
    q = only(run("According to the Harbour Gazette, the new bridge, at 300 metres, is the longest in the region."),
             type="indirect")
    assert q["text"] == "the new bridge, at 300 metres, is the longest in the region"
    assert q["speaker_text"] == "the Harbour Gazette"


def test_an_apposition_of_a_source_inside_the_sentence_stays_a_gloss(run, only):
    q = only(run("At the heart of the dispute, according to Anna Berg, a former envoy, was a decision by the council "
                 "to close the port."), type="indirect")
    assert q["text"].startswith("At the heart of the dispute") and q["speaker_name"] == "Anna Berg"

"""Tests of where reported words end (pipeline/extract/quotes/boundaries.py)."""
from __future__ import annotations

from pipeline.extract.quotes import extract_quotes


# ---------------------------------------------------------------- what the writer appended to the words
def test_reported_clause_stops_before_a_second_attribution(run, containing):
    rows = run("Chief Omar Lund said the footage was unclear, but he said that witnesses saw a knife.")
    first = containing(rows, "footage was unclear")
    assert first["text"] == "the footage was unclear"
    assert containing(rows, "witnesses saw a knife")["speaker_name"] == "Omar Lund"


def test_reported_clause_stops_before_a_second_attribution_after_a_bare_and(run, containing):
    rows = run("The mayor said the bridge would reopen in May and the engineers say the repairs will cost "
               "less than planned. Ms. Lind said the team played well and the owner would tell them to keep going.")
    assert containing(rows, "bridge would reopen")["text"] == "the bridge would reopen in May"
    assert containing(rows, "repairs will cost")["speaker_name"] == "the engineers"
    # a modal "would tell" goes on with the words (the speaker's account of what happens)
    assert containing(rows, "team played well")["text"].endswith("keep going")


def test_reported_clause_drops_a_trailing_apposition(run, only):
    rows = run("Minister Elsa Berg said the new tariff would hurt Norrvik, the main harbour of the "
               "northern coast.")
    q = only(rows, type="indirect")
    assert q["text"] == "the new tariff would hurt Norrvik"


def test_reported_clause_keeps_a_trailing_relative_clause(run, only):
    rows = run("Minister Elsa Berg said the new tariff would hurt the port of Norrvik, which handles most "
               "of the country's exports.")
    q = only(rows, type="indirect")
    assert q["text"].endswith("which handles most of the country's exports")


# ---------------------------------------------------------------- quotations at the edge of the words
def test_reported_clause_keeps_the_closing_mark_of_its_fragment(run, containing):
    rows = run('Judge Nora Hale said there is a "deep gap between the two systems," when it comes to pay.')
    q = containing(rows, "deep gap")
    assert q["type"] == "mixed" and "systems,\"" in q["text"]
    assert not [r for r in rows if r["type"] == "direct"]


def test_fragment_running_past_the_sentence_ends_the_clause_at_its_paragraph_end(run, containing):
    text = ('The senator said voters were tired of "the same old fights. They want answers. '
            'They want jobs."\n\nThe vote is on Friday.')
    q = containing(run(text), "voters were tired")
    assert q["type"] == "mixed" and q["text"].endswith('They want jobs."')


def test_quotation_with_its_own_attribution_is_not_swallowed_by_a_reported_clause(containing, reparsed):
    """The parser may hang the quotation on the reported clause before the colon; the quotation
    still belongs to its own attribution after it."""
    text = ('The letter described the change it said the new law would bring to rural clinics: '
            '"Every county will finally have a doctor on call at night," the nurses wrote.')
    doc = reparsed(text, {"county": ("bring", "npadvmod")})
    rows = extract_quotes(doc, [])
    q = containing(rows, "Every county")
    assert q["type"] == "direct" and q["text"].startswith("Every county") and q["cue"] == "wrote"


# ---------------------------------------------------------------- words appended with a colon or a dash
def test_quotation_appended_with_colon_completes_reported_clause(run, containing):
    text = ('The coach said his team had one clear goal this season: "Win the title, and nothing less. '
            'We owe it to the fans."')
    q = containing(run(text), "one clear goal")
    assert q["type"] == "mixed"
    assert q["text"].endswith('We owe it to the fans."')
    assert not [r for r in run(text) if r["type"] == "direct"]


def test_quotation_appended_with_dash_completes_pledge(run, containing):
    q = containing(run('Mayor Ines Kohl urged voters to back the bond -- "a gift to our grandchildren."'),
                   "back the bond")
    assert q["type"] == "mixed" and q["text"].endswith('grandchildren."')


def test_reported_clause_goes_on_after_a_colon_to_the_sentence_end(run, containing):
    text = "Ms. Ortiz notes that two things are changing at once: rents are rising and wages are flat."
    q = containing(run(text), "two things")
    assert q["text"].endswith("rents are rising and wages are flat")


# ---------------------------------------------------------------- words that start at an opening mark
def test_words_starting_inside_a_fragment_start_at_its_opening_mark(run, containing):
    rows = run('Senator Elsa Berg said "the wind is at our backs" despite the loss in Norrvik.')
    q = containing(rows, "wind is at our backs")
    assert q["type"] == "mixed"
    assert q["text"] == '"the wind is at our backs" despite the loss in Norrvik'
    assert not [r for r in rows if r["type"] == "direct"]


def test_a_capitalised_quotation_is_not_taken_into_the_words(run):
    rows = run('Another aide said, "Berg is in a five-person battle" for second place.')
    assert [r for r in rows if r["type"] == "direct" and r["text"] == "Berg is in a five-person battle"]
    assert not [r for r in rows if r["text"].startswith('"')]


def test_a_capitalised_quotation_before_its_cue_starts_the_words_at_its_mark(run, containing):
    rows = run('"We are frustrated and horrified" by the shooting in Norrvik, Elsa Berg said.')
    q = containing(rows, "frustrated and horrified")
    assert q["type"] == "mixed" and q["text"].startswith('"We are')


def test_a_quotation_set_off_by_a_comma_after_its_mark_is_a_direct_quote(run):
    rows = run('Had I said "Allah is not gay", nobody would have cared, Elsa Berg told reporters.')
    assert not [r for r in rows if "nobody would" in r["text"]]



def test_a_quotation_after_a_dash_with_its_own_attribution_is_a_direct_quote(run, only):
    rows = run('The council members were unhappy with the budget - "It cuts every school in the district," '
               'Ana Ruiz said.')
    q = only(rows, type="direct")
    assert q["text"] == "It cuts every school in the district" and q["speaker_name"] == "Ana Ruiz"
    assert not [r for r in rows if "unhappy" in r["text"]]


def test_a_quotation_in_parentheses_with_its_own_attribution_is_a_direct_quote(run, only):
    rows = run('The strike drew complaints from riders ("I walked to work for a week," one commuter wrote).')
    assert only(rows, type="direct")["text"] == "I walked to work for a week"
    assert not [r for r in rows if "riders (" in r["text"]]


def test_reported_clause_drops_a_summary_apposition_the_writer_adds(run, only):
    """'..., a charge that X denied': a noun phrase after a comma that sums up the clause (parsed as an
    adverbial noun of the verb) is the writer's comment, not the speaker's words (h25str)."""
    rows = run("The minister announced the plant would close next year, a decision that surprised union leaders.")
    q = only(rows, type="indirect")
    assert q["text"] == "the plant would close next year"


def test_an_apposition_that_names_or_completes_the_noun_stays_in_the_words(run, containing):
    """A place's state ("Bozeman, Montana"), the name a common noun points at ("her neighbour, Tom
    Reyes"), a list parsed as an apposition and a focus ("particularly those who ...") are part of what
    was said, not the writer's gloss (h32str)."""
    rows = run("The coach said the team would train in Bozeman, Montana. "
               "Mayor Ann Holt said the fire started in the kitchen of her neighbour, Tom Reyes. "
               "The governor said the two parties differ on taxes, the new border plan and the future of the "
               "pension fund. The senator said the plan would hurt farmers, particularly those who grow wheat.")
    assert containing(rows, "would train")["text"] == "the team would train in Bozeman, Montana"
    assert containing(rows, "fire started")["text"].endswith("her neighbour, Tom Reyes")
    assert containing(rows, "parties differ")["text"].endswith("the future of the pension fund")
    assert containing(rows, "hurt farmers")["text"].endswith("particularly those who grow wheat")


"""Figures extractor: one test per rule, on passages written for the tests."""
from __future__ import annotations

import pytest

from pipeline.extract.entities import extract_entities
from pipeline.extract.figures import extract_figures


@pytest.fixture(scope="module")
def figs(nlp):
    def run(text, quotes=None):
        doc = nlp(text)
        ents = extract_entities(doc)
        rows = extract_figures(doc, ents, quotes or [])
        for r in rows:
            assert doc.text[r["start"]:r["end"]] == r["text"]
        return rows, ents
    return lambda text, quotes=None: run(text, quotes)[0]


@pytest.fixture(scope="module")
def figs_ents(nlp):
    def run(text):
        doc = nlp(text)
        ents = extract_entities(doc)
        return extract_figures(doc, ents, []), ents
    return run


def one(rows, text):
    hits = [r for r in rows if r["text"] == text]
    assert hits, f"no figure {text!r} in {[r['text'] for r in rows]}"
    return hits[0]


def values(rows):
    return sorted(r["value"] for r in rows)


# ------------------------------------------------------------------ money
def test_money_symbol_and_scale_word(figs):
    r = one(figs("The council approved a budget of $4.5 billion for the new year."), "$4.5 billion")
    assert (r["value"], r["unit"], r["kind"]) == (4.5e9, "USD", "money")


def test_money_currency_word_after_number(figs):
    r = one(figs("Exports to Kenya reached 3 trillion yuan last spring."), "3 trillion yuan")
    assert (r["value"], r["unit"]) == (3e12, "CNY")


def test_money_glued_scale_suffixes(figs):
    rows = figs("The club paid £1.5bn for the stadium and €3m for the pitch.")
    assert (one(rows, "£1.5bn")["value"], one(rows, "£1.5bn")["unit"]) == (1.5e9, "GBP")
    assert (one(rows, "€3m")["value"], one(rows, "€3m")["unit"]) == (3e6, "EUR")


def test_money_prefixed_codes_and_dollar_variants(figs):
    rows = figs("The yacht sold for US$12 million, about A$18 million, while a rival asked USD9m.")
    assert one(rows, "US$12 million")["unit"] == "USD"
    assert one(rows, "about A$18 million")["unit"] == "AUD"
    assert (one(rows, "USD9m")["value"], one(rows, "USD9m")["unit"]) == (9e6, "USD")


def test_money_rupees_and_named_dollars(figs):
    rows = figs("The ministry set aside 40 billion rupees and 2 million Canadian dollars for roads.")
    assert one(rows, "40 billion rupees")["unit"] == "INR"
    assert one(rows, "2 million Canadian dollars")["unit"] == "CAD"


def test_money_code_after_number(figs):
    r = one(figs("A room in the old town costs 250 CHF per night."), "250 CHF")
    assert (r["value"], r["unit"], r["kind"]) == (250, "CHF", "money")


def test_pounds_of_weight_are_not_money(figs):
    r = one(figs("The boxer weighed 210 pounds before the bout."), "210 pounds")
    assert r["kind"] == "quantity" and r["unit"] == "pound-mass"


def test_money_subunit_keeps_written_value(figs):
    r = one(figs("Shares of the miner rose 12 cents in early trade."), "12 cents")
    assert (r["value"], r["unit"], r["kind"]) == (12, "cent", "quantity")


# ------------------------------------------------------------------ equivalents
def test_equivalent_in_parentheses_points_at_first_and_is_not_negative(figs):
    rows = figs("The port handled cargo worth 40 billion rupees ($480 million) in the season.")
    first, second = one(rows, "40 billion rupees"), one(rows, "$480 million")
    assert second["equivalent_of"] == rows.index(first)
    assert second["value"] == 480e6 and first["equivalent_of"] is None


def test_equivalent_quantities(figs):
    rows = figs("The trail climbs 900 metres (2,950 feet) above the valley.")
    assert one(rows, "2,950 feet")["equivalent_of"] == rows.index(one(rows, "900 metres"))


def test_equivalent_inherits_qualifier(figs):
    rows = figs("Its sales topped 500 million euros ($540 million) this year.")
    assert one(rows, "$540 million")["qualifier"] == one(rows, "500 million euros")["qualifier"] == "over"


# ------------------------------------------------------------------ percentages
def test_percent_forms(figs):
    rows = figs("Turnout was 61 percent in the north, 58 per cent in the south and 64% in the capital.")
    assert [(r["value"], r["unit"], r["kind"]) for r in rows] == [
        (61, "percent", "percent"), (58, "percent", "percent"), (64, "percent", "percent")]


def test_percentage_points_are_their_own_unit(figs):
    r = one(figs("The central bank cut its rate by 0.75 percentage points on Tuesday."), "0.75 percentage points")
    assert (r["value"], r["unit"], r["kind"]) == (0.75, "percentage_point", "percent")


def test_basis_points(figs):
    r = one(figs("Yields climbed 25 basis points after the auction."), "25 basis points")
    assert (r["value"], r["unit"]) == (25, "basis_point")


# ------------------------------------------------------------------ counts, words, fractions
def test_count_with_counted_thing_in_measure(figs):
    r = one(figs("Floods damaged more than 300 family farms along the river."), "more than 300")
    assert (r["value"], r["unit"], r["kind"], r["qualifier"]) == (300, "count", "count", "over")
    assert r["measure"] == "family farms"


def test_spelled_out_numbers(figs):
    rows = figs("Seven judges and twenty-five clerks moved to the new court with a dozen interpreters.")
    assert one(rows, "Seven")["value"] == 7
    assert one(rows, "twenty-five")["value"] == 25
    assert one(rows, "a dozen")["value"] == 12


def test_spelled_out_with_scale(figs):
    r = one(figs("The museum welcomed three million visitors."), "three million")
    assert r["value"] == 3e6 and r["measure"] == "visitors"


def test_fractions(figs):
    rows = figs("Two thirds of the voters backed the plan, and a quarter of the farms lost power.")
    assert one(rows, "Two thirds")["value"] == pytest.approx(2 / 3, rel=1e-6)
    assert one(rows, "a quarter")["value"] == 0.25
    assert one(rows, "a quarter")["unit"] == "fraction"


def test_ordinal_words_are_not_fractions(figs):
    rows = figs("A third-party audit was ordered for the fourth time.")
    assert rows == []


def test_one_of_is_not_a_count(figs):
    rows = figs("She is one of the oldest members, and one player scored.")
    assert [r["text"] for r in rows] == ["one"]
    assert rows[0]["measure"] == "player"


# ------------------------------------------------------------------ quantities
def test_quantities_with_units(figs):
    rows = figs("The storm dropped 120 mm of rain, pushed a 40-tonne truck 15km and brought winds of 90 mph.")
    assert (one(rows, "120 mm")["unit"]) == "millimetre"
    assert one(rows, "40-tonne")["unit"] == "tonne"
    assert one(rows, "15km")["unit"] == "kilometre"
    assert one(rows, "90 mph")["unit"] == "mile per hour"
    assert all(r["kind"] == "quantity" for r in rows)


def test_magnitude_and_degrees(figs):
    rows = figs("A magnitude 6.4 earthquake struck as temperatures hit 41 degrees Celsius.")
    assert (one(rows, "magnitude 6.4")["value"], one(rows, "magnitude 6.4")["unit"]) == (6.4, "magnitude")
    assert one(rows, "41 degrees Celsius")["unit"] == "celsius"


def test_negative_only_when_written(figs):
    rows = figs("Overnight it fell to minus 12 degrees.")
    assert one(rows, "minus 12 degrees")["value"] == -12


def test_ages(figs):
    rows = figs("Marta Lopez, 47, hired a 19-year-old apprentice.")
    assert (one(rows, "47")["unit"], one(rows, "47")["measure"]) == ("year", "age")
    assert one(rows, "19-year-old")["measure"] == "age"


def test_durations(figs):
    r = one(figs("The bridge was closed for three weeks."), "three weeks")
    assert (r["value"], r["unit"]) == (3, "week")


# ------------------------------------------------------------------ ranges
def test_range_between_and(figs):
    r = one(figs("Analysts expect growth of between 3 and 4 percent."), "3 and 4 percent")
    assert (r["value"], r["value_max"], r["unit"]) == (3, 4, "percent")


def test_range_with_dash(figs):
    r = one(figs("Prices rose 8-12% across the region."), "8-12%")
    assert (r["value"], r["value_max"]) == (8, 12)


def test_range_with_to_shares_scale(figs):
    r = one(figs("The project will cost $2 to $3 billion."), "$2 to $3 billion")
    assert (r["value"], r["value_max"], r["unit"]) == (2e9, 3e9, "USD")


def test_from_to_after_change_is_two_figures(figs):
    rows = figs("Inflation fell from 6.2 to 5.1 percent.")
    assert values(rows) == [5.1, 6.2]
    assert all(r["value_max"] is None and r["unit"] == "percent" for r in rows)


def test_scores_are_not_ranges(figs):
    assert figs("The home side won 3-1 after trailing 0-1.") == []


# ------------------------------------------------------------------ qualifiers
@pytest.mark.parametrize("phrase,qualifier", [
    ("more than 40", "over"), ("over 40", "over"), ("nearly 40", "under"), ("almost 40", "under"),
    ("about 40", "about"), ("roughly 40", "about"), ("at least 40", "at_least"), ("up to 40", "at_most"),
    ("fewer than 40", "under"), ("40", "exact"),
])
def test_qualifiers(figs, phrase, qualifier):
    r = one(figs(f"The agency said {phrase} inspectors were sent to the plant."), phrase)
    assert r["qualifier"] == qualifier and r["value"] == 40


def test_qualifier_from_verb(figs):
    r = one(figs("Revenue exceeded 8 billion euros."), "8 billion euros")
    assert r["qualifier"] == "over"


def test_qualifier_after(figs):
    r = one(figs("Tickets cost 50 euros or more at the door."), "50 euros or more")
    assert r["qualifier"] == "at_least"


def test_up_to_after_motion_is_a_level(figs):
    r = one(figs("Unemployment crept back up to 4.2 percent."), "4.2 percent")
    assert r["qualifier"] == "exact"


# ------------------------------------------------------------------ direction
def test_direction_increase_and_decrease(figs):
    rows = figs("Exports increased 12.5 percent while imports fell by 3 percent.")
    assert one(rows, "12.5 percent")["direction"] == "increase"
    assert one(rows, "3 percent")["direction"] == "decrease"


def test_direction_not_for_level_reached(figs):
    rows = figs("The index rose 2 percent to 4,100 points.")
    assert one(rows, "2 percent")["direction"] == "increase"
    assert one(rows, "4,100 points")["direction"] is None if any(r["text"] == "4,100 points" for r in rows) else True


def test_direction_from_noun(figs):
    r = one(figs("The survey showed a 4 percent drop in sales."), "4 percent")
    assert r["direction"] == "decrease"


# ------------------------------------------------------------------ period, measure, entity, quote
def test_period_year_and_relative(figs):
    rows = figs("Canada's exports grew 4 percent in 2021. Imports made up 30 percent of trade last year.")
    assert one(rows, "4 percent")["period"] == "2021"
    assert one(rows, "30 percent")["period"] == "last year"


def test_measure_of_share(figs):
    r = one(figs("Farm goods accounted for 18 percent of the country's total exports."), "18 percent")
    assert r["measure"] and "exports" in r["measure"]


def test_measure_and_entity_from_subject(figs_ents):
    rows, ents = figs_ents("Brazil's inflation rate rose 0.4 percent in March.")
    r = one(rows, "0.4 percent")
    assert r["measure"] and "inflation" in r["measure"]
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Brazil"


def test_quote_index(figs):
    text = 'The mayor said: "We planted 5,000 trees this year." Critics counted 200.'
    start = text.index("We")
    quotes = [{"start": start, "end": text.index('."') + 1, "text": text[start:text.index('."') + 1]}]
    rows = figs(text, quotes)
    assert one(rows, "5,000")["quote"] == 0
    assert one(rows, "200")["quote"] is None


# ------------------------------------------------------------------ not figures
def test_years_and_dates_are_not_figures(figs):
    assert figs("On March 3, 2019, the law took effect; in 1998 it had been drafted.") == []


def test_ordinals_in_names_are_not_figures(figs):
    assert figs("Delegates to the 20th Party Congress met on the 3rd floor.") == []


def test_numbers_in_names_and_codes_are_not_figures(figs):
    assert figs("COVID-19 spread as a Boeing 737-800 flew along Route 66 toward the A320 hangar.") == []


def test_labels_after_nouns_are_not_figures(figs):
    assert figs("The category 3 storm hit Gate 12 at the airport.") == []


def test_addresses_are_not_figures(figs):
    assert figs("The office moved to 221 Baker Street in the spring.") == []


def test_phone_numbers_are_not_figures(figs):
    assert figs("Readers can call (212) 555-0199 or +44 20 7946 0958 for details.") == []


def test_times_of_day_are_not_figures(figs):
    assert figs("The polls opened at 7:30 a.m. and closed at 8pm.") == []


def test_scientific_notation(figs):
    r = one(figs("The sample held 3.2 x 10^6 cells."), "3.2 x 10^6")
    assert r["value"] == 3.2e6


def test_age_after_aged_or_age_of(figs):
    rows = figs("The painter died aged 88, and his brother retired at the age of 61.")
    assert [(r["value"], r["unit"], r["measure"]) for r in rows] == [(88, "year", "age"), (61, "year", "age")]


def test_day_lists_after_a_month_are_dates(figs):
    assert figs("Hearings were held on June 9 and 10 in the capital.") == []


def test_slashed_numbers_are_not_figures(figs):
    assert figs("The helpline runs 24/7 and the attack of 9/11 was remembered.") == []


def test_apostrophe_years_are_not_figures(figs):
    assert figs("He first won the title in '98 and again in ’04.") == []


def test_capitalised_number_words_inside_sentences_are_names(figs):
    rows = figs("Leaders of the Group of Seven met near a Six Flags park with two advisers.")
    assert [r["text"] for r in rows] == ["two"]


def test_change_stated_as_year_on_year_growth(figs_ents):
    rows, ents = figs_ents("Peru's output rose to a record and posted a growth of 3.4 percent year-on-year.")
    r = one(rows, "3.4 percent")
    assert r["direction"] == "increase" and r["measure"] == "growth"
    assert r["entity"] is not None and ents[r["entity"]]["name"] == "Peru"


def test_clock_times_and_one_on_one_are_not_figures(figs):
    assert figs("They met one-on-one at 6 o'clock.") == []


def test_long_digit_identifiers_are_not_figures(figs):
    assert figs("See post 783492272595750912 and order 20231105998877 online.") == []

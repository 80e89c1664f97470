"""Figures extractor, pairs: ranges, scores and equivalents of neighbouring figures."""
from __future__ import annotations


# ------------------------------------------------------------------ ranges
def test_range_between_and(figs, only):
    r = only(figs("Analysts expect growth of between 3 and 4 percent."), text="3 and 4 percent")
    assert (r["value"], r["value_max"], r["unit"]) == (3, 4, "percent")


def test_range_with_dash(figs, only):
    r = only(figs("Prices rose 8-12% across the region."), text="8-12%")
    assert (r["value"], r["value_max"]) == (8, 12)


def test_range_with_to_shares_scale(figs, only):
    r = only(figs("The project will cost $2 to $3 billion."), text="$2 to $3 billion")
    assert (r["value"], r["value_max"], r["unit"]) == (2e9, 3e9, "USD")


def test_from_to_after_change_is_one_change(figs, only):
    r = only(figs("Inflation fell from 6.2 to 5.1 percent."))
    assert (r["text"], r["value"], r["value_from"], r["direction"]) == ("6.2 to 5.1 percent", 5.1, 6.2, "decrease")
    assert r["value_max"] is None and r["unit"] == "percent"


def test_a_dashed_range_with_a_scale_word_is_no_score(figs, only):
    r = only(figs("Some 3-4 million people live in the delta."))
    assert (r["value"], r["value_max"], r["unit"]) == (3e6, 4e6, "count")


def test_a_from_to_with_a_range_end_shares_its_unit_and_scale(figs, only):
    rows = figs("The club hopes to lift revenue from 12.5 to 15-16 billion euros by 2030.")
    assert (only(rows, text="12.5")["value"], only(rows, text="12.5")["unit"]) == (12.5e9, "EUR")
    assert only(rows, text="15-16 billion euros")["value_max"] == 16e9
    rows = figs("Mileage went from about 14-18 mpg to 24 for the larger models.")
    assert only(rows, text="24")["unit"] == "mile per gallon"


def test_change_written_end_first_is_one_change(figs, only):
    r = only(figs("Revenue rose to $7.36 billion from $6.78 billion a year earlier."))
    assert (r["value"], r["value_from"], r["direction"], r["unit"]) == (7.36e9, 6.78e9, "increase", "USD")
    r = only(figs("The reserve covers 6.05 hectares, up from 2.48 hectares."))
    assert (r["value"], r["value_from"], r["direction"]) == (6.05, 2.48, "increase")


def test_from_to_whose_to_hangs_inside_the_from_phrase_is_one_change(figs, only):
    r = only(figs("Mileage has been creeping upward, from 18 miles per gallon in 2005 to 26 mpg in 2021."))
    assert (r["value"], r["value_from"], r["direction"], r["unit"]) == (26, 18, "increase", "mile per gallon")
    r = only(figs("The SUV's fuel economy climbed from 22 mpg combined to 25 for the base model."))
    assert (r["value"], r["value_from"], r["unit"]) == (25, 22, "mile per gallon")


def test_from_to_without_a_change_word_is_a_range(figs, only):
    r = only(figs("The contracts last from three to six months."))
    assert (r["value"], r["value_max"], r["value_from"]) == (3, 6, None)


def test_figures_that_state_no_change_have_no_start(figs):
    assert all(r["value_from"] is None for r in figs("Sales rose 5 percent to $2 billion, and 300 jobs went."))


def test_from_to_hanging_on_a_range_word_is_one_range(figs, only):
    r = only(figs("The victims ranged in age from 19 to 75."), text="19 to 75")
    assert (r["value"], r["value_max"]) == (19, 75)


# ------------------------------------------------------------------ scores
def test_scores_are_not_ranges(figs):
    assert figs("The home side won 3-1 after trailing 0-1.") == []


def test_points_to_points_is_a_score_but_a_move_and_a_level_are_figures(figs):
    assert figs("The visitors beat the hosts 31 points to 17 on Sunday.") == []
    assert figs("They led at the break by a 14 points to 6 margin.") == []
    rows = figs("The index fell 120 points to 8,450 on Friday.")
    assert [r["value"] for r in rows] == [120, 8450]


def test_two_spelled_out_numbers_one_apart_are_a_spoken_range(figs, only):
    r = only(figs("We will know more in the next four five weeks."))
    assert (r["text"], r["value"], r["value_max"], r["unit"]) == ("four five weeks", 4, 5, "week")
    r = only(figs("The boots are maybe two, three years old."))
    assert (r["value"], r["value_max"], r["unit"], r["measure"]) == (2, 3, "year", "age")


def test_a_run_of_numbers_or_a_compound_after_it_is_no_spoken_range(figs):
    assert [r["value_max"] for r in figs("The children were aged six, seven, eleven and 40.")] == [None] * 4
    assert all(r["value_max"] is None for r in figs("They bought two three-room flats."))


# ------------------------------------------------------------------ equivalents
def test_equivalent_in_parentheses_points_at_first_and_is_not_negative(figs, only):
    rows = figs("The port handled cargo worth 40 billion rupees ($480 million) in the season.")
    first, second = only(rows, text="40 billion rupees"), only(rows, text="$480 million")
    assert second["equivalent_of"] == rows.index(first)
    assert second["value"] == 480e6 and first["equivalent_of"] is None


def test_equivalent_quantities(figs, only):
    rows = figs("The trail climbs 900 metres (2,950 feet) above the valley.")
    assert only(rows, text="2,950 feet")["equivalent_of"] == rows.index(only(rows, text="900 metres"))


def test_equivalent_inherits_qualifier(figs, only):
    rows = figs("Its sales topped 500 million euros ($540 million) this year.")
    assert only(rows, text="$540 million")["qualifier"] == only(rows, text="500 million euros")["qualifier"] == "over"


def test_amount_joined_to_a_rate_shares_its_denominator(figs, only):
    r = only(figs("The shares were priced between $62 and $68 per share."), text="$62 and $68 per share")
    assert (r["value"], r["value_max"], r["unit"], r["kind"]) == (62, 68, "USD per share", "quantity")
    r = only(figs("Crude fell from $75 per barrel to $45.88 in two months."), text="$75 per barrel to $45.88")
    assert (r["value"], r["value_from"], r["unit"]) == (45.88, 75, "USD per barrel")


def test_to_after_an_article_is_one_amount_given_as_a_range(figs, only):
    rows = figs("Trade could see a five per cent to 20 per cent rebound, as prices rose from 5 to 7 percent.")
    r = only(rows, text="five per cent to 20 per cent")
    assert (r["value"], r["value_max"], r["unit"]) == (5, 20, "percent")
    assert [(x["text"], x["value_from"]) for x in rows][1:] == [("5 to 7 percent", 5)]


def test_capitalised_from_opening_a_sentence_is_read_like_from(figs, only):
    rows = figs("From one-liners to classic three-act jokes, the show has them all. From 5 to 7 percent rose the rate.")
    assert only(rows, text="5 to 7 percent")["value_from"] == 5


# ------------------------------------------------------------------ ninth session (h13fig)
def test_between_the_ages_of_is_one_age_range(figs, only):
    r = only(figs("The injured teenagers, three girls and a boy between the ages of 14 and 18, were hospitalized."),
             text="14 and 18")
    assert (r["value"], r["value_max"], r["unit"], r["measure"]) == (14, 18, "year", "age")


def test_close_numbers_joined_by_or_are_one_range(figs, only):
    r = only(figs("She started wearing it at the age of 10 or 11."), text="10 or 11")
    assert (r["value"], r["value_max"], r["unit"]) == (10, 11, "year")
    r = only(figs("He has talked with him for the last five or six years."), text="five or six years")
    assert (r["value"], r["value_max"], r["unit"]) == (5, 6, "year")


def test_options_joined_by_or_stay_two_figures(figs):
    rows = figs("The brothers are each worth either $43 billion or $55 billion, depending on the source.")
    assert [r["value_max"] for r in rows] == [None, None]
    rows = figs("In the three or six months after a rate increase, the market is weak.")
    assert all(r["value_max"] is None for r in rows) and len(rows) == 2
    rows = figs("Biden had 279 electoral votes to Trump's 214, or 290 electoral votes by AP's count.")
    assert [r["value"] for r in rows] == [279, 214, 290]


def test_a_measure_in_two_or_three_units_is_one_figure(figs, only):
    r = only(figs("Huber, an imposing figure standing six feet five inches tall, joined the team."))
    assert (r["text"], r["unit"], round(r["value"], 4)) == ("six feet five inches", "foot", 6.4167)
    r = only(figs("The record of 2 hours 1 minute 39 seconds was set in Berlin."))
    assert (r["unit"], round(r["value"], 4)) == ("hour", 2.0275)
    rows = figs("The trip took 3 hours, 20 minutes of it on foot.")
    assert [r["unit"] for r in rows] == ["hour", "minute"]


def test_spelled_out_range_shares_the_scale_word(figs, only):
    r = only(figs("Between three and four million people live there."))
    assert (r["value"], r["value_max"]) == (3e6, 4e6)
    r = only(figs("We can win by seven or eight thousand votes."))
    assert (r["value"], r["value_max"]) == (7000, 8000)


def test_a_measure_with_its_uncertainty_is_one_figure(figs, only):
    rows = figs("The planet lies about 1010 ± 195 light years away and orbits in 40.333 ± 0.004 days.")
    assert len(rows) == 2
    r = only(rows, text="about 1010 ± 195 light years")
    assert (r["value"], r["unit"], r["kind"], r["qualifier"]) == (1010, "light year", "quantity", "about")
    assert only(rows, text="40.333 ± 0.004 days")["unit"] == "day"


def test_a_change_from_outside_a_bracket_is_not_merged_into_it(figs, only):
    rows = figs("The birds occupied 6.05 hectares (.0605 square km), up from 2.48 last year.")
    r = only(rows, text=".0605 square km")
    assert (r["value"], r["unit"], r["direction"]) == (0.0605, "square kilometre", None)


def test_one_opens_a_range(figs, only):
    r = only(figs("The repairs will take one to three weeks."))
    assert (r["text"], r["value"], r["value_max"], r["unit"]) == ("one to three weeks", 1, 3, "week")
    r = only(figs("The village hoped to grow to one or two hundred families."))
    assert (r["value"], r["value_max"]) == (100, 200)
    r = only(figs("Maybe three or four hundred fans came."))
    assert (r["value"], r["value_max"]) == (300, 400)
    assert figs("It was one of the coldest nights.") == []


def test_the_second_number_of_a_hyphened_to_split_is_a_figure(figs, only):
    rows = figs("The House voted 230-to-198 on the bill.")
    assert only(rows, value=230)["value_max"] is None
    assert only(rows, value=198)["kind"] == "count"
    r = only(figs("Youths aged 18-to-24 voted."), value=18)
    assert (r["value_max"], r["unit"]) == (24, "year")


# ------------------------------------------------------------------ a second equivalent in brackets (eighteenth session, h35fig)
def test_a_second_equivalent_in_the_bracket_restates_the_same_source(figs, only):
    rows = figs("They will share an award of SEK9 million (approximately GBP738 thousand or USD910 thousand).")
    src = only(rows, value=9e6)
    usd = only(rows, value=910000)
    assert usd["equivalent_of"] == rows.index(src) and usd["measure"] == "award"
    rows = figs("They must pay €20,000 (£17,500; US$22,900).")
    assert only(rows, value=22900)["equivalent_of"] == rows.index(only(rows, value=20000))
    # the source's unit again is a part of a compound time, no equivalent
    rows = figs("He was sentenced to serve 188 months (15 years, 8 months) in prison.")
    assert only(rows, value=8)["equivalent_of"] is None

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


def test_change_written_end_first_is_one_change(figs, only):
    r = only(figs("Revenue rose to $7.36 billion from $6.78 billion a year earlier."))
    assert (r["value"], r["value_from"], r["direction"], r["unit"]) == (7.36e9, 6.78e9, "increase", "USD")
    r = only(figs("The reserve covers 6.05 hectares, up from 2.48 hectares."))
    assert (r["value"], r["value_from"], r["direction"]) == (6.05, 2.48, "increase")


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

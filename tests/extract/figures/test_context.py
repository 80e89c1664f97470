"""Figures extractor, context: direction, measure and period read from the parse."""
from __future__ import annotations


# ------------------------------------------------------------------ direction
def test_direction_increase_and_decrease(figs, only):
    rows = figs("Exports increased 12.5 percent while imports fell by 3 percent.")
    assert only(rows, text="12.5 percent")["direction"] == "increase"
    assert only(rows, text="3 percent")["direction"] == "decrease"


def test_direction_not_for_level_reached(figs, only):
    rows = figs("The index rose 2 percent to 4,100 points.")
    assert only(rows, text="2 percent")["direction"] == "increase"
    assert only(rows, text="4,100 points")["direction"] is None if any(r["text"] == "4,100 points" for r in rows) else True


def test_direction_from_noun(figs, only):
    r = only(figs("The survey showed a 4 percent drop in sales."), text="4 percent")
    assert r["direction"] == "decrease"


# ------------------------------------------------------------------ measure
def test_count_with_counted_thing_in_measure(figs, only):
    r = only(figs("Floods damaged more than 300 family farms along the river."), text="more than 300")
    assert (r["value"], r["unit"], r["kind"], r["qualifier"]) == (300, "count", "count", "over")
    assert r["measure"] == "family farms"


def test_measure_of_share(figs, only):
    r = only(figs("Farm goods accounted for 18 percent of the country's total exports."), text="18 percent")
    assert r["measure"] and "exports" in r["measure"]


# ------------------------------------------------------------------ period
def test_period_year_and_relative(figs, only):
    rows = figs("Canada's exports grew 4 percent in 2021. Imports made up 30 percent of trade last year.")
    assert only(rows, text="4 percent")["period"] == "2021"
    assert only(rows, text="30 percent")["period"] == "last year"


def test_money_raised_or_a_share_gained_is_no_increase(figs, only):
    rows = figs("Sanders raised $20 million in January. Canada was second, gaining just 16 percent of the vote. "
                "The company raised prices by 5 percent.")
    assert only(rows, text="$20 million")["direction"] is None
    assert only(rows, text="16 percent")["direction"] is None
    assert only(rows, text="5 percent")["direction"] == "increase"


def test_a_bare_decimal_about_an_earthquake_is_its_magnitude(figs, only):
    rows = figs("Phivolcs reported the earthquake's magnitude was 5.5; the USGS reported 5.8.")
    assert [(r["value"], r["unit"]) for r in rows] == [(5.5, "magnitude"), (5.8, "magnitude")]
    assert only(figs("It included a 6.4 quake that hit on January 7."), value=6.4)["unit"] == "magnitude"
    rows = figs("The earthquake left 2.5 million people without power.")
    assert only(rows, value=2.5e6)["unit"] == "count"


def test_the_size_of_a_change_in_something(figs, only):
    rows = figs("The department released a report showing growth in GDP of 33.1 percent in the third quarter.")
    assert only(rows, text="33.1 percent")["direction"] == "increase"
    rows = figs("There was a drop in prices of 3 percent in March.")
    assert only(rows, text="3 percent")["direction"] == "decrease"


def test_mp_counted_outside_talk_of_cameras_is_a_member_of_parliament(figs, only):
    r = only(figs("Not everyone agreed. One MP told the BBC that the vote was close."), value=1)
    assert (r["unit"], r["kind"], r["text"]) == ("count", "count", "One")
    rows = figs("The phone has a 12 MP camera.")
    assert only(rows, value=12)["unit"] == "megapixel"


def test_a_count_of_change_nouns_is_no_change(figs, only):
    rows = figs("I scored eight wins and one loss. Trump held up to five rallies a day.")
    assert only(rows, text="one")["direction"] is None
    assert only(rows, text="up to five")["direction"] is None
    assert only(figs("Prices saw a 3 percent drop."))["direction"] == "decrease"


def test_measure_never_runs_over_a_line_break(figs):
    """A list of labelled counts: the label of the next line is not what a count measures."""
    rows = figs("Animals found at the site:\n\nHare: 3\n\nRoe deer: 5\n\nReindeer: 276\n\nRed deer/reindeer: 241\n\n"
                "Bison: 26\n\nThe count is final.")
    assert rows and all("\n" not in (r["measure"] or "") for r in rows)

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

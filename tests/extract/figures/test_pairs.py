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


def test_from_to_after_change_is_two_figures(figs):
    rows = figs("Inflation fell from 6.2 to 5.1 percent.")
    assert sorted(r["value"] for r in rows) == [5.1, 6.2]
    assert all(r["value_max"] is None and r["unit"] == "percent" for r in rows)


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
    rows = figs("Crude fell from $75 per barrel to $45.88 in two months.")
    assert only(rows, text="$45.88")["unit"] == "USD per barrel"


def test_to_after_an_article_is_one_amount_given_as_a_range(figs, only):
    rows = figs("Trade could see a five per cent to 20 per cent rebound, as prices rose from 5 to 7 percent.")
    r = only(rows, text="five per cent to 20 per cent")
    assert (r["value"], r["value_max"], r["unit"]) == (5, 20, "percent")
    assert [x["text"] for x in rows][1:] == ["5", "7 percent"]

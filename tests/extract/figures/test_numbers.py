"""Figures extractor, numbers: digits with scale words and spelled-out numbers (pipeline/extract/figures/numbers.py)."""
from __future__ import annotations

import pytest


# ------------------------------------------------------------------ spelled-out numbers
def test_spelled_out_numbers(figs, only):
    rows = figs("Seven judges and twenty-five clerks moved to the new court with a dozen interpreters.")
    assert only(rows, text="Seven")["value"] == 7
    assert only(rows, text="twenty-five")["value"] == 25
    assert only(rows, text="a dozen")["value"] == 12


def test_spelled_out_with_scale(figs, only):
    r = only(figs("The museum welcomed three million visitors."), text="three million")
    assert r["value"] == 3e6 and r["measure"] == "visitors"


# ------------------------------------------------------------------ fractions
def test_fractions(figs, only):
    rows = figs("Two thirds of the voters backed the plan, and a quarter of the farms lost power.")
    assert only(rows, text="Two thirds")["value"] == pytest.approx(2 / 3, rel=1e-6)
    assert only(rows, text="a quarter")["value"] == 0.25
    assert only(rows, text="a quarter")["unit"] == "fraction"


def test_whole_number_and_a_half_is_one_number(figs, only):
    rows = figs("The block lasted two and a half years, the talks 3 and a quarter hours, "
                "and six and a half million people voted.")
    assert only(rows, text="two and a half years")["value"] == 2.5
    assert only(rows, text="3 and a quarter hours")["value"] == 3.25
    assert only(rows, text="six and a half million")["value"] == 6.5e6


def test_ordinal_words_are_not_fractions(figs):
    rows = figs("A third-party audit was ordered for the fourth time.")
    assert rows == []


# ------------------------------------------------------------------ scientific notation
def test_scientific_notation(figs, only):
    r = only(figs("The sample held 3.2 x 10^6 cells."), text="3.2 x 10^6")
    assert r["value"] == 3.2e6


def test_hyphenated_and_a_half(figs, only):
    rows = figs("It has been seven-and-a-half years. Syria had over three-and-a-half million refugees.")
    r = only(rows, text="seven-and-a-half years")
    assert (r["value"], r["unit"]) == (7.5, "year")
    assert only(rows, text="over three-and-a-half million")["value"] == 3.5e6

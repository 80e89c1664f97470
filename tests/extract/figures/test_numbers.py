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


# ------------------------------------------------------------------ spelled-out numbers read by text2num
def test_library_reads_long_spelled_numbers(figs, only):
    rows = figs("The hall seats three hundred and twelve guests; the city has two million five hundred thousand residents.")
    assert only(rows, text="three hundred and twelve")["value"] == 312
    assert only(rows, text="two million five hundred thousand")["value"] == 2.5e6


def test_adjacent_separate_numbers_stay_apart():
    from pipeline.extract.figures.numbers import number_phrases
    text = "Seats went to candidates two three and four."
    assert [(text[f.start:f.end], f.value) for f in number_phrases(text)] == [("two", 2), ("three", 3), ("four", 4)]


def test_plural_cardinals_are_no_figures(figs):
    assert figs("Hundreds of people and thousands of cars blocked the road.") == []


def test_lone_multiplier_needs_a(figs, only):
    rows = figs("A million people watched, and a hundred stayed to the end.")
    assert only(rows, text="A million")["value"] == 1e6
    assert only(rows, text="a hundred")["value"] == 100


def test_ordinal_denominators_come_from_the_library(figs, only):
    r = only(figs("A twentieth of the budget went to schools."), text="A twentieth")
    assert r["value"] == 0.05 and r["unit"] == "fraction"


def test_second_is_no_fraction(figs):
    assert figs("She paused for a second of silence.") == []


def test_dozen_is_data(figs, only):
    rows = figs("Three dozen eggs and half a dozen loaves were delivered.")
    assert only(rows, text="Three dozen")["value"] == 36
    assert only(rows, text="half a dozen")["value"] == 6


def test_single_letter_o_is_no_zero():
    from pipeline.extract.figures.numbers import number_phrases
    assert number_phrases("He met O Brien at the o clock tower.") == []


def test_trillion_is_data(figs, only):
    # text2num 3.1 stops at billion
    rows = figs("The law cost a trillion dollars, and the plan two trillion yuan.")
    assert only(rows, text="a trillion dollars")["value"] == 1e12
    assert only(rows, text="two trillion yuan")["value"] == 2e12


def test_spoken_decimal_with_multiplier(figs, only):
    r = only(figs("The flight cost two point five million dollars every minute."), text="two point five million dollars")
    assert (r["value"], r["unit"]) == (2.5e6, "USD")


def test_plural_half_alone_is_no_fraction(figs):
    assert figs("The median separates ordered data into halves.") == []


def test_a_fraction_of_a_spelled_out_scale_is_one_number(figs, only):
    r = only(figs("The region counts around a quarter of a million voters."))
    assert (r["text"], r["value"], r["unit"]) == ("around a quarter of a million", 250000, "count")
    r = only(figs("The plan costs three quarters of a billion dollars."))
    assert (r["value"], r["unit"]) == (7.5e8, "USD")

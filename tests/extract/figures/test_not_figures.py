"""Figures extractor, not figures: years, dates, times, names and codes, addresses, phones, "one"."""
from __future__ import annotations


# ------------------------------------------------------------------ years, dates and times
def test_years_and_dates_are_not_figures(figs):
    assert figs("On March 3, 2019, the law took effect; in 1998 it had been drafted.") == []


def test_apostrophe_years_are_not_figures(figs):
    assert figs("He first won the title in '98 and again in ’04.") == []


def test_day_lists_after_a_month_are_dates(figs):
    assert figs("Hearings were held on June 9 and 10 in the capital.") == []


def test_times_of_day_are_not_figures(figs):
    assert figs("The polls opened at 7:30 a.m. and closed at 8pm.") == []


def test_clock_times_and_one_on_one_are_not_figures(figs):
    assert figs("They met one-on-one at 6 o'clock.") == []


# ------------------------------------------------------------------ names and codes
def test_ordinals_in_names_are_not_figures(figs):
    assert figs("Delegates to the 20th Party Congress met on the 3rd floor.") == []


def test_numbers_in_names_and_codes_are_not_figures(figs):
    assert figs("COVID-19 spread as a Boeing 737-800 flew along Route 66 toward the A320 hangar.") == []


def test_labels_after_nouns_are_not_figures(figs):
    assert figs("The category 3 storm hit Gate 12 at the airport.") == []


def test_capitalised_number_words_inside_sentences_are_names(figs):
    rows = figs("Leaders of the Group of Seven met near a Six Flags park with two advisers.")
    assert [r["text"] for r in rows] == ["two"]


def test_numbers_inside_product_names_are_not_figures(figs):
    rows = figs("The iPhone 11 Pro and 11 Pro Max sold well; this iPhone 12 Mini deal adds 54GB of data.")
    assert [r["text"] for r in rows] == ["54GB"]


def test_a_number_before_a_name_that_modifies_a_plural_noun_is_a_count(figs):
    rows = figs("She won 12 Grand Slam titles in her career.")
    assert [(r["text"], r["value"]) for r in rows] == [("12", 12)]


def test_stock_index_names_are_not_figures(figs):
    rows = figs("the nasdaq is trending up 0.2% and the sp 500 is poised to drop, as the FTSE 100 fell 1.1%.")
    assert [r["text"] for r in rows] == ["0.2%", "1.1%"]


def test_places_in_a_ranking_are_not_counts(figs):
    rows = figs("The side slipped into the bottom three, while the top 10 firms hired 40 people.")
    assert [r["text"] for r in rows] == ["10", "40"]


def test_slashed_numbers_are_not_figures(figs):
    assert figs("The helpline runs 24/7 and the attack of 9/11 was remembered.") == []


def test_long_digit_identifiers_are_not_figures(figs):
    assert figs("See post 783492272595750912 and order 20231105998877 online.") == []


# ------------------------------------------------------------------ addresses and phone numbers
def test_addresses_are_not_figures(figs):
    assert figs("The office moved to 221 Baker Street in the spring.") == []


def test_house_numbers_with_a_letter_are_not_scaled_amounts(figs):
    assert figs("The detective lived at 221B Baker Street in the stories.") == []


def test_phone_numbers_are_not_figures(figs):
    assert figs("Readers can call (212) 555-0199 or +44 20 7946 0958 for details.") == []


# ------------------------------------------------------------------ the pronoun one
def test_one_of_is_not_a_count(figs):
    rows = figs("She is one of the oldest members, and one player scored.")
    assert [r["text"] for r in rows] == ["one"]
    assert rows[0]["measure"] == "player"


def test_bracketed_numbers_of_a_running_list_are_not_counts(figs, only):
    rows = figs("The amendment needs either (1) a vote of two-thirds of Congress or (2) a convention called by "
                "34 states.")
    assert {r["text"] for r in rows} >= {"34"} and not any(r["value"] in (1.0, 2.0) for r in rows)


def test_numbers_that_open_the_lines_of_a_list_are_not_counts(figs):
    text = "The overall rankings were as follows:\n1. Finland\n2. Norway\n3) Australia\nIn all 12 countries took part."
    assert [f["text"] for f in figs(text)] == ["12"]


def test_digits_between_a_name_and_the_singular_noun_they_modify_are_a_name(figs):
    rows = figs("The capsule was launched on a Falcon 9 rocket, and Wynnum lost by 45 points to 24.")
    assert [r["text"] for r in rows if r["text"].startswith("9")] == []
    assert any(r["text"] == "45 points" or r["text"].startswith("45") for r in rows)


def test_digits_that_named_something_stay_a_name_when_repeated(figs):
    rows = figs("The crashed plane was a Boeing 707 built in 1979. Officials said the 707 was a freighter "
                "carrying 15 crew members.")
    assert [r["text"] for r in rows] == ["15"]
    assert figs("The Falcon 9 rocket launched. The 9 landed on a barge.") == []
    rows = figs("The Falcon 9 rocket launched. Its thrust grew by a factor of 9 in a decade.")
    assert [r["text"] for r in rows] == ["9"]


def test_one_thing_and_one_of_a_contrast_are_not_counts(figs):
    assert figs("And so then, one thing led to the next.") == []
    assert figs("Were the bones from one species or the other?") == []
    rows = figs("The rats chose three pellets over one pellet.")
    assert [r["value"] for r in rows] == [3, 1]


def test_a_year_before_a_plural_noun_when_the_article_writes_it_alone(figs):
    rows = figs("Nevada held caucuses in 2020. Reporters asked whether the 2020 caucuses were the last. "
                "The army sent 2000 soldiers.")
    assert [r["text"] for r in rows] == ["2000"]


def test_a_year_between_a_determiner_and_a_plural_noun(figs):
    rows = figs("Turnout in the 2014 elections was low. He beat one of the governor's 2018 rivals. The 1,500 guards stayed.")
    assert [r["text"] for r in rows] == ["1,500"]


def test_a_number_with_a_calendar_era_is_a_year(figs):
    assert figs("The temple was used from about 650 BC to AD 120, and again from 300 CE.") == []


def test_a_number_glued_to_an_ed_adjective_claims_no_count(figs):
    assert figs("It is a two-pronged plan for a one-sided contest under a six-pointed star.") == []
    assert [r["value"] for r in figs("They built a 150-bed hospital.")] == [150]


def test_a_number_glued_to_a_bracketed_letter_names_a_clause(figs):
    rows = figs("Savers moved money from their 401(k) plans to a 501(c)(3) charity with 12 staff.")
    assert [r["text"] for r in rows] == ["12"]


def test_a_spelled_number_after_the_noun_it_labels_is_no_count(figs):
    assert figs("At noon, phase two was planned to begin.") == []
    assert figs("Since day one, the efforts have been transparent.") == []
    rows = figs("The company employs two engineers.")
    assert [r["value"] for r in rows] == [2]


def test_a_number_to_call_is_no_count(figs):
    assert figs("She escaped and phoned 911 for help.") == []
    rows = figs("Police called 12 witnesses.")
    assert [r["value"] for r in rows] == [12]


def test_digits_joined_by_a_colon_are_no_amounts(figs):
    assert figs("Oiled carcasses have a sex ratio of 1:1, the study said.") == []
    rows = figs("Isaiah 45:1 was read to 300 people.")
    assert [r["value"] for r in rows] == [300]


def test_numbers_after_a_number_sign_are_labels(figs):
    rows = figs("The senator is the No. 2 Republican, the album peaked at #19, and the No.4 train carried 300 fans.")
    assert [r["text"] for r in rows] == ["300"]


def test_version_numbers_are_not_figures(figs):
    assert figs("The editor moved from version 2.4 to 2.5, and version 3 comes next.") == []
    assert [r["value"] for r in figs("Version 2 of the plan costs $8 million.")] == [8e6]


def test_top_after_in_a_possessive_or_a_name_is_a_place_in_a_ranking(figs):
    rows = figs("She was in top 10. It ranks among America's top 25 in size. The firm failed to top 40 sales.")
    assert [r["text"] for r in rows] == ["40"]


def test_a_half_after_an_ordinal_is_a_part_not_a_share(figs, only):
    assert figs("Sales slowed in the second half of the decade.") == []
    assert figs("The latter half of the novel is set at sea.") == []
    assert only(figs("Nearly half of the members voted."))["value"] == 0.5


# ------------------------------------------------------------------ "one" that picks a source (eighteenth session, h35fig)
def test_one_before_a_person_who_speaks_picks_a_source_and_counts_nothing(figs):
    assert figs("One senator, Eduardo Bhatia, said he intended to sue.") == []
    assert figs("\"It was all lies,\" said one owner of a shop.") == []
    # a count of people who speak stays when the sentence counts others too, or the verb is no verb of speech
    assert len(figs("One senator said yes and two senators said no.")) == 2
    assert len(figs("One resident was injured in the fire.")) == 1

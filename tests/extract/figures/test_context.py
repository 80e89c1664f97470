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


def test_a_noun_that_names_no_change_gives_no_direction(figs, only):
    assert only(figs("The club signed him to a two-year contract."), text="two-year")["direction"] is None
    assert only(figs("She holds a 6-point edge in the poll at 48 percent."), text="6-point")["direction"] is None
    assert only(figs("The economy contracted 2 percent."), text="2 percent")["direction"] == "decrease"


def test_a_time_that_places_or_lasts_a_change_has_no_direction(figs, only):
    assert only(figs("Three weeks after the mayor lost the vote, he resigned."), text="Three weeks")["direction"] is None
    assert only(figs("The town is thriving 30 years after it gained its charter."), text="30 years")["direction"] is None
    assert only(figs("Economists blame trade for the 40-year decline in factory jobs."), text="40-year")["direction"] is None
    assert only(figs("He cut two years off the length of the term."), text="two years")["direction"] == "decrease"


# ------------------------------------------------------------------ measure
def test_another_sum_of_money_is_no_measure(figs, only):
    rows = figs("Her haul puts her within $2million of the $15million raised by the governor.")
    assert only(rows, value=2e6)["measure"] is None


def test_count_with_counted_thing_in_measure(figs, only):
    r = only(figs("Floods damaged more than 300 family farms along the river."), text="more than 300")
    assert (r["value"], r["unit"], r["kind"], r["qualifier"]) == (300, "count", "count", "over")
    assert r["measure"] == "family farms"


def test_measure_of_share(figs, only):
    r = only(figs("Farm goods accounted for 18 percent of the country's total exports."), text="18 percent")
    assert r["measure"] and "exports" in r["measure"]


def test_a_subject_keeps_the_of_phrase_that_says_what_it_is_of(figs, only):
    rows = figs("The use of foreign currencies costs the region about $5 billion. Approval of Smith has risen 8 points "
                "since the poll in March, which found support at 40 percent.")
    assert only(rows, value=5e9)["measure"] == "use of foreign currencies"
    assert only(rows, value=8)["measure"] == "Approval"


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


# ------------------------------------------------------------------ measure and period rules (tenth session, h15fig)
def test_a_day_counted_from_the_article_date_is_no_period(figs, only):
    assert only(figs("Yesterday, officials said 40 people were hurt."), value=40)["period"] is None
    r = only(figs("By yesterday, the WHO reported 1,051,635 confirmed cases, including 79,332 cases in the 24 hours "
                  "preceding 10 a.m. Central European Time on April 4."), value=79332)
    assert r["period"] == "April 4"


def test_four_digits_before_a_time_zone_are_a_time_of_day(figs, only):
    r = only(figs("The shooting began at 10:39 a.m. local time (1639 UTC), according to police, who said officers "
                  "arrived at the Walmart six minutes later."), text="six minutes")
    assert r["period"] is None


def test_a_year_before_another_noun_dates_that_thing(figs, only):
    assert only(figs("The 1973 building was home to over 1,000 people; 48 apartments were damaged."),
                value=48)["period"] is None
    assert only(figs("In the 2016 election, Trump won 46 percent of the vote."), value=46)["period"] == "2016"
    r = only(figs("According to a 2019 Marquette University poll, 57 percent of the public opposes the plan."), value=57)
    assert r["period"] == "2019"
    r = only(figs("Hochsprung was one of 26 people killed in the December 2012 shooting at the school."), value=26)
    assert r["period"] == "December 2012"


def test_a_range_of_dates_is_the_whole_period(figs, only):
    r = only(figs("Authorities seized 126 skins and two live jackals from 2013 to 2019."), value=126)
    assert r["period"] == "2013 to 2019"


def test_a_name_as_subject_is_no_measure(figs, only):
    rows = figs("In the average at the end of June, Biden led Trump 50.0 percent to 40.4 percent.")
    assert only(rows, value=40.4)["measure"] is None
    assert only(rows, value=40.4)["period"] == "end of June"
    assert "DAX" in only(figs("The German DAX rose 2 percent on Friday."), value=2)["measure"]


def test_a_time_that_places_the_action_measures_no_subject(figs, only):
    assert only(figs("Police said officers arrived at the store six minutes later."), value=6)["measure"] is None
    assert only(figs("The device was invented three years ago."), value=3)["measure"] is None
    assert only(figs("The concentrations could go higher, at 0.2 moles per cubic meter."), value=0.2)["measure"]


def test_a_count_joined_to_another_number_counts_the_shared_noun(figs, only):
    r = only(figs("Coles lowered its limits on toilet paper to two and one package per transaction."), value=2)
    assert r["measure"] == "package"
    r = only(figs("But the inner star would have been a star with at least 12, maybe 20 solar masses."), value=12)
    assert r["measure"] == "solar masses"
    assert only(figs("Ocado limited purchases to two 12-roll packs."), value=2)["measure"] == "12-roll packs"


def test_a_subject_that_is_a_figure_gives_what_it_is_a_share_of(figs, only):
    r = only(figs("About 52% of participating voters voted to leave and 48% to stay."), value=48)
    assert r["measure"] == "participating voters"


def test_a_measure_read_across_a_bracket_keeps_the_words_after_it(figs, only):
    r = only(figs("Creating a costume has its hazards: the company uses 450°F (232°C) glue guns."), value=450)
    assert r["measure"] == "glue guns"


def test_a_pronoun_after_of_is_no_measure(figs, only):
    assert only(figs("I was studying bone tools, and we just had five of these."), value=5)["measure"] is None


def test_years_after_aged_are_an_age(figs, only):
    assert only(figs("Pranab Mukherjee died on Monday. He was aged 84 years."), value=84)["measure"] == "age"


def test_a_figure_after_its_qualifier_measures_the_noun_before(figs, only):
    r = only(figs("Puerto Rico has experienced dozens of earthquakes over magnitude 4.5 since late December."), value=4.5)
    assert r["measure"] == "earthquakes"


def test_an_equivalent_takes_the_measure_of_its_source(figs, only):
    r = only(figs("Authorities expected winds of 100 mph (about 160 km/h) and high waves."), value=160)
    assert r["measure"] == "winds"


def test_a_measure_is_words(figs, only):
    rows = figs('The report listed at least twenty "felony charges against him. The vote was 230-to-198, and 80% of it '
                'was fast.')
    assert only(rows, text="at least twenty")["measure"] == "felony charges"
    assert only(rows, value=230)["measure"] == "votes"     # no "-to-198" (h32fig: a split of votes counts votes)
    assert only(rows, text="80%")["measure"] != "%"


def test_a_part_of_a_counted_whole_measures_the_noun(figs, only):
    r = only(figs("He secured 39 of the state's 40 delegates in Iowa."), value=39)
    assert r["measure"] == "delegates"
    r = only(figs("Rates stayed low for seven years of near-zero interest rates."), value=7)
    assert r["measure"] == "near-zero interest rates"


def test_a_period_without_trailing_words_and_marks(figs, only):
    r = only(figs("Parliament would not reconvene until October 14, two weeks before the deadline."), value=2)
    assert r["period"] == "October 14"
    r = only(figs("The crisis claimed 15,393 lives between January 2016 and December 2019."), value=15393)
    assert r["period"] == "between January 2016 and December 2019"


def test_a_person_is_no_measure(figs, only):
    r = only(figs("In the new poll, Florida Senator Marco Rubio polled at eight percent."), text="eight percent")
    assert r["measure"] is None or "Rubio" not in r["measure"]


def test_a_measure_keeps_a_hyphened_word_whole(figs, only):
    assert only(figs("The editor thanked her 12 co-authors at the launch."))["measure"] == "co-authors"


def test_a_measure_drops_the_unit_of_another_number(figs, only):
    r = only(figs("He served six years of a twenty-year sentence."), text="six years")
    assert r["measure"] == "sentence"


def test_the_agent_of_a_verb_is_no_measure(figs, only):
    assert only(figs("The charity raised $40,000 for the shelter."), value=40000)["measure"] is None
    assert only(figs("A local man was sentenced to six years in prison."), value=6)["measure"] is None
    assert only(figs("Farmers are paid $3 a bushel for their corn."), value=3)["measure"] is None
    assert only(figs("The average fare was $2.75 last year."), value=2.75)["measure"] == "average fare"
    assert only(figs("The contract is valued at $4 million."), value=4000000)["measure"] == "contract"


def test_a_figure_a_preposition_brings_measures_the_verbs_object(figs, only):
    r = only(figs("The central bank lowered the growth forecast to 1.5 percent."), value=1.5)
    assert r["measure"] == "growth forecast"


def test_a_figure_hung_on_another_noun_measures_no_subject(figs, only):
    assert only(figs("The fire broke out in Lagos, a town some 20 kilometres from the border."), value=20)["measure"] is None
    assert only(figs("The divers found a crack 3 feet long in the hull."), value=3)["measure"] == "crack"


def test_the_subject_of_a_verb_of_opinion_has_the_share(figs, only):
    r = only(figs("Women favored the challenger 55 percent to 40 percent."), value=55)
    assert r["measure"] == "Women"


def test_the_margin_or_split_of_a_contest_is_no_change(figs, only):
    assert only(figs("The mayor lost by 12 points."))["direction"] is None
    rows = figs("Sadly the senator lost the county 41 percent to 55 percent, and the Dow lost 0.8 percent.")
    assert only(rows, text="41 percent")["direction"] is None
    assert only(rows, text="0.8 percent")["direction"] == "decrease"


# ------------------------------------------------------------------ elided counted noun (fifteenth session, h28aud)
def test_a_count_standing_for_a_set_counts_what_the_count_before_it_counted(figs, only):
    rows = figs("The council debated three competing bills and passed the one written by the mayor over the two "
                "posed by the opposition.")
    assert only(rows, value=2)["measure"] == "competing bills"
    rows = figs("A trial of four new vaccines was stopped early because two of them had already shown strong results.")
    assert only(rows, value=2)["measure"] == "new vaccines"
    assert only(figs("Smith won 8 delegates, and Brown took the remaining 1."), value=1)["measure"] == "delegates"
    # no count before it, or a smaller one: nothing to take
    assert only(figs("The two met in 2010 and married a year later."), value=2)["measure"] is None
    assert only(figs("Police arrested two men on Friday. All five are in stable condition."), value=5)["measure"] is None
    # people named together are the set ("the two" = the two names), and so are the speakers ("of us")
    rows = figs("Regulators charged Ann Lee and Bob Stone with fraud involving 74 companies. The two raised $35 million.")
    assert only(rows, value=2)["measure"] is None
    rows = figs("The paper employs 40 writers. Each week we pick ideas with the whole staff, all fifteen of us.")
    assert only(rows, value=15)["measure"] is None


def test_a_count_without_a_noun_numbers_the_subject_of_a_verb_of_level(figs, only):
    r = only(figs("The number of reported cases surpassed one million on Friday."), text="one million")
    assert r["measure"] == "number of reported cases"
    assert only(figs("The death toll rose to 31 on Sunday."), value=31)["measure"] == "death toll"
    assert only(figs("The population of the town is about 7,500."), value=7500)["measure"] == "population of the town"
    assert only(figs("The blaze killed three."), value=3)["measure"] is None            # an agent, not a level
    assert only(figs("That number dropped to six."), value=6)["measure"] is None       # a bare amount noun
    assert only(figs("Voters in the county were 45 or older."), value=45)["measure"] is None


def test_a_count_repeating_the_shape_of_the_count_before_it_in_a_list_counts_its_noun(figs, only):
    rows = figs("The storm killed 40 people in Turkey and 2 in Greece.")
    assert only(rows, value=2)["measure"] == "people"
    rows = figs("The flood left 21 injured residents in the north, 36 in the south and seven in the capital.")
    assert [only(rows, value=v)["measure"] for v in (36, 7)] == ["injured residents", "injured residents"]


# ------------------------------------------------------------------ splits and sizes (seventeenth session, h32fig)
def test_the_two_counts_of_a_split_count_the_same_thing(figs, only):
    rows = figs("The council voted 9 to 4 to close the library.")
    assert [only(rows, value=v)["measure"] for v in (9, 4)] == ["votes", "votes"]
    rows = figs("The proposal passed by a vote of 61 to 38.")
    assert [only(rows, value=v)["measure"] for v in (61, 38)] == ["votes", "votes"]
    rows = figs("The judges ruled in a 6-to-3 decision.")
    assert [only(rows, value=v)["measure"] for v in (6, 3)] == ["decision", "decision"]
    # a range or a change is no split, and a name read as a measure is not shared
    assert only(figs("Sales rose from 5 to 10."), value=10)["measure"] == "Sales"
    assert only(figs("The cabinet has 12 to 15 members."), value=12)["value_max"] == 15


def test_a_bare_count_after_of_on_a_noun_of_size_measures_that_noun(figs, only):
    assert only(figs("The island has a population of 54,000."), value=54000)["measure"] == "population"
    assert only(figs("She spoke to a crowd of about 2,600 in the square."), value=2600)["measure"] == "crowd"
    # not after a noun of another kind, nor a set named before
    assert only(figs("The driver, a father of seven, was unhurt."), value=7)["measure"] is None
    assert only(figs("He took the square root of two."), value=2)["measure"] is None



# ------------------------------------------------------------------ money "in" what it is (eighteenth session, h35fig)
def test_a_bare_noun_after_in_says_what_a_sum_of_money_is(figs, only):
    assert only(figs("The company paid $750 in taxes last year."), value=750)["measure"] == "taxes"
    assert only(figs("The brand racked up more than $6 million in online sales."), value=6e6)["measure"] == \
        "online sales"
    # not a time, an idiom, a currency, or where the money is put
    assert only(figs("The firm earned $5 million in 2019."), value=5e6)["measure"] is None
    assert only(figs("Fans paid $500,000 in total for the tickets."), value=5e5)["measure"] is None
    assert only(figs("The developer invested $20 million in renovations."), value=2e7)["measure"] is None


def test_a_named_agent_gives_way_to_the_object_its_verb_sizes(figs, only):
    rows = figs("The Disaster Council of the Philippines increased the death toll to six after the landslide.")
    assert only(rows, value=6)["measure"] == "death toll"
    assert only(figs("Forbes put his net worth at $45 billion."), value=45e9)["measure"] == "his net worth"
    # the margin of a contest measures no object
    assert only(figs("Clinton beat the senator by 18 points."), value=18)["measure"] != "senator"


def test_a_share_repeating_the_shape_of_the_share_before_it_in_a_list_measures_its_noun(figs, only):
    rows = figs("Among juveniles, there was a 17% survival rate for males and 12% for females.")
    assert only(rows, value=12)["measure"] == "survival rate"
    rows = figs("She received 19 percent support in South Dakota, 17 percent in Kansas and 16 percent in Iowa.")
    assert [only(rows, value=v)["measure"] for v in (17, 16)] == ["support", "support"]

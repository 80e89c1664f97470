"""Figures extractor, units: the currency, scale, percent, unit, sign or age written around a number."""
from __future__ import annotations


# ------------------------------------------------------------------ money
def test_money_symbol_and_scale_word(figs, only):
    r = only(figs("The council approved a budget of $4.5 billion for the new year."), text="$4.5 billion")
    assert (r["value"], r["unit"], r["kind"]) == (4.5e9, "USD", "money")


def test_money_currency_word_after_number(figs, only):
    r = only(figs("Exports to Kenya reached 3 trillion yuan last spring."), text="3 trillion yuan")
    assert (r["value"], r["unit"]) == (3e12, "CNY")


def test_money_glued_scale_suffixes(figs, only):
    rows = figs("The club paid £1.5bn for the stadium and €3m for the pitch.")
    assert (only(rows, text="£1.5bn")["value"], only(rows, text="£1.5bn")["unit"]) == (1.5e9, "GBP")
    assert (only(rows, text="€3m")["value"], only(rows, text="€3m")["unit"]) == (3e6, "EUR")


def test_money_prefixed_codes_and_dollar_variants(figs, only):
    rows = figs("The yacht sold for US$12 million, about A$18 million, while a rival asked USD9m.")
    assert only(rows, text="US$12 million")["unit"] == "USD"
    assert only(rows, text="about A$18 million")["unit"] == "AUD"
    assert (only(rows, text="USD9m")["value"], only(rows, text="USD9m")["unit"]) == (9e6, "USD")


def test_money_rupees_and_named_dollars(figs, only):
    rows = figs("The ministry set aside 40 billion rupees and 2 million Canadian dollars for roads.")
    assert only(rows, text="40 billion rupees")["unit"] == "INR"
    assert only(rows, text="2 million Canadian dollars")["unit"] == "CAD"


def test_money_code_after_number(figs, only):
    r = only(figs("A room in the old town cost 250 CHF last summer."), text="250 CHF")
    assert (r["value"], r["unit"], r["kind"]) == (250, "CHF", "money")


def test_money_rate_keeps_currency_and_denominator(figs, only):
    rows = figs("Brent traded at $58 per barrel, gold at US $1,700 an ounce and rooms at 250 CHF per night.")
    assert (only(rows, text="$58 per barrel")["value"], only(rows, text="$58 per barrel")["unit"]) == (58, "USD per barrel")
    assert only(rows, text="US $1,700 an ounce")["unit"] == "USD per ounce"
    assert only(rows, text="250 CHF per night")["unit"] == "CHF per night"
    assert all(r["kind"] == "quantity" for r in rows)      # a rate is no amount of money


def test_money_subunit_rate_and_rate_nouns(figs, only):
    rows = figs("The bank lost 63 cents a share while petrol rose to 130p per litre.")
    assert only(rows, text="63 cents a share")["unit"] == "cent per share"
    assert only(rows, text="130p per litre")["unit"] == "pence per litre"


def test_money_before_a_time_adverb_is_no_rate(figs, only):
    r = only(figs("She had paid $5 a year ago and $7 a week later."), text="$5")
    assert (r["unit"], r["kind"]) == ("USD", "money")


def test_pounds_of_weight_are_not_money(figs, only):
    r = only(figs("The boxer weighed 210 pounds before the bout."), text="210 pounds")
    assert r["kind"] == "quantity" and r["unit"] == "pound-mass"


def test_scaled_pounds_in_an_article_of_dollars_are_weight(figs, only):
    rows = figs("The crab harvest is limited to 12.5 million pounds this year. A permit costs $3,000.")
    r = only(rows, text="12.5 million pounds")
    assert (r["kind"], r["unit"], r["value"]) == ("quantity", "pound-mass", 12.5e6)
    rows = figs("The club sold the striker for 40 million pounds ($52 million).")
    assert only(rows, text="40 million pounds")["unit"] == "GBP"
    rows = figs("The bank lost 300 million pounds. Its New York arm lost $90 million; sterling fell.")
    assert only(rows, text="300 million pounds")["unit"] == "GBP"


# ------------------------------------------------------------------ percentages
def test_percent_forms(figs):
    rows = figs("Turnout was 61 percent in the north, 58 per cent in the south and 64% in the capital.")
    assert [(r["value"], r["unit"], r["kind"]) for r in rows] == [
        (61, "percent", "percent"), (58, "percent", "percent"), (64, "percent", "percent")]


def test_percentage_points_are_their_own_unit(figs, only):
    r = only(figs("The central bank cut its rate by 0.75 percentage points on Tuesday."), text="0.75 percentage points")
    assert (r["value"], r["unit"], r["kind"]) == (0.75, "percentage_point", "percent")


def test_basis_points(figs, only):
    r = only(figs("Yields climbed 25 basis points after the auction."), text="25 basis points")
    assert (r["value"], r["unit"]) == (25, "basis_point")


# ------------------------------------------------------------------ units
def test_quantities_with_units(figs, only):
    rows = figs("The storm dropped 120 mm of rain, pushed a 40-tonne truck 15km and brought winds of 90 mph.")
    assert (only(rows, text="120 mm")["unit"]) == "millimetre"
    assert only(rows, text="40-tonne")["unit"] == "tonne"
    assert only(rows, text="15km")["unit"] == "kilometre"
    assert only(rows, text="90 mph")["unit"] == "mile per hour"
    assert all(r["kind"] == "quantity" for r in rows)


def test_glued_m_before_a_plural_noun_is_a_million(figs, only):
    rows = figs("The mine shipped 1.2m tons of ore, the firm booked 2.7m sales and 5m people watched.")
    r = only(rows, text="1.2m tons")
    assert (r["value"], r["unit"]) == (1.2e6, "ton")
    assert (only(rows, text="2.7m")["value"], only(rows, text="2.7m")["unit"]) == (2.7e6, "count")
    assert only(rows, text="5m")["value"] == 5e6


def test_glued_m_before_a_singular_noun_stays_a_metre(figs, only):
    r = only(figs("She won the 100m sprint on Sunday."), text="100m")
    assert (r["value"], r["unit"]) == (100, "metre")


def test_glued_m_before_a_race_event_is_a_metre(figs, only):
    rows = figs("She won the 400m hurdles after the firm sold 2.5m tickets.")
    assert (only(rows, text="400m")["value"], only(rows, text="400m")["unit"]) == (400, "metre")
    assert only(rows, text="2.5m")["value"] == 2.5e6


def test_glued_in_is_an_inch_but_a_spaced_in_is_a_word(figs, only):
    rows = figs("The storm dropped 3in of rain, and 4 in 10 homes lost power.")
    assert (only(rows, text="3in")["value"], only(rows, text="3in")["unit"]) == (3, "inch")
    assert only(rows, text="4 in 10")["unit"] == "fraction"


def test_magnitude_of_and_richter_scale(figs, only):
    rows = figs("The quake had a magnitude of 6.9, and a second one measured 5.2 on the Richter scale.")
    assert only(rows, text="magnitude of 6.9")["unit"] == "magnitude"
    r = only(rows, text="5.2 on the Richter scale")
    assert (r["value"], r["unit"], r["kind"]) == (5.2, "magnitude", "quantity")


def test_magnitude_and_degrees(figs, only):
    rows = figs("A magnitude 6.4 earthquake struck as temperatures hit 41 degrees Celsius.")
    assert (only(rows, text="magnitude 6.4")["value"], only(rows, text="magnitude 6.4")["unit"]) == (6.4, "magnitude")
    assert only(rows, text="41 degrees Celsius")["unit"] == "celsius"


def test_durations(figs, only):
    r = only(figs("The bridge was closed for three weeks."), text="three weeks")
    assert (r["value"], r["unit"]) == (3, "week")


# ------------------------------------------------------------------ signs
def test_negative_only_when_written(figs, only):
    rows = figs("Overnight it fell to minus 12 degrees.")
    assert only(rows, text="minus 12 degrees")["value"] == -12


# ------------------------------------------------------------------ ages
def test_ages(figs, only):
    rows = figs("Marta Lopez, 47, hired a 19-year-old apprentice.")
    assert (only(rows, text="47")["unit"], only(rows, text="47")["measure"]) == ("year", "age")
    assert only(rows, text="19-year-old")["measure"] == "age"


def test_age_after_aged_or_age_of(figs):
    rows = figs("The painter died aged 88, and his brother retired at the age of 61.")
    assert [(r["value"], r["unit"], r["measure"]) for r in rows] == [(88, "year", "age"), (61, "year", "age")]


def test_age_range_after_age_from_or_aged_between(figs, only):
    r = only(figs("The victims ranged in age from 19 to 75."), text="19 to 75")
    assert (r["value"], r["value_max"], r["unit"], r["measure"]) == (19, 75, "year", "age")
    r = only(figs("Workers aged between 25 and 54 found jobs."), text="25 and 54")
    assert (r["value"], r["value_max"], r["unit"], r["measure"]) == (25, 54, "year", "age")


def test_age_said_of_a_person_with_be(figs, only):
    rows = figs("Mugabe died on Friday. He was 95. I started when I was eight. The score was 34.")
    assert (only(rows, text="95")["unit"], only(rows, text="95")["measure"]) == ("year", "age")
    assert only(rows, text="eight")["unit"] == "year"
    assert only(rows, text="34")["unit"] == "count"


def test_units_of_science_and_named_gallons(figs, only):
    rows = figs("Sea water holds 0.2 moles per cubic meter. The toilet is made of 18-karat gold. "
                "It uses 37 billion U.S. gallons. The star is 60 parsecs away and has 4.2 M☉. "
                "It lies 30 astronomical units out, at 67.5° north, kept at 28° Celsius.")
    assert only(rows, text="0.2 moles per cubic meter")["unit"] == "mole per cubic metre"
    assert only(rows, text="18-karat")["unit"] == "karat"
    assert only(rows, text="37 billion U.S. gallons")["unit"] == "US gallon"
    assert only(rows, text="60 parsecs")["unit"] == "parsec"
    assert only(rows, text="4.2 M☉")["unit"] == "solar mass"
    assert only(rows, text="30 astronomical units")["unit"] == "astronomical unit"
    assert only(rows, text="67.5°")["unit"] == "degree"
    assert only(rows, text="28° Celsius")["unit"] == "celsius"


def test_currency_names_from_the_iso_list(figs, only):
    rows = figs("Bail was set at 100,000 lari. The sale price is 900 million złotys.")
    assert (only(rows, text="100,000 lari")["unit"], only(rows, text="100,000 lari")["kind"]) == ("GEL", "money")
    assert only(rows, text="900 million złotys")["unit"] == "PLN"


def test_a_count_per_a_round_base_is_a_rate(figs, only):
    rows = figs("New Jersey had the lowest rate, which was three per 100,000 people. Alaska had "
                "fifteen youth suicides per 100,000 individuals.")
    r = only(rows, text="three per 100,000")
    assert (r["value"], r["unit"], r["kind"]) == (3, "count per 100000", "quantity")
    assert [x["text"] for x in rows if x["text"].startswith("100,000")] == []


def test_poll_points_are_percentage_points(figs, only):
    rows = figs("Kasich was at 25 percent in the Fox poll, up eight points from March, and holds a 20-point lead. "
                "At one point, the crowd cheered.")
    r = only(rows, text="eight points")
    assert (r["value"], r["unit"], r["kind"]) == (8, "percentage_point", "percent")
    assert only(rows, text="20-point")["unit"] == "percentage_point"
    assert only(rows, text="one")["unit"] == "count"


def test_points_a_player_scores_stay_counts_beside_percentages(figs, only):
    rows = figs("She averaged 18.5 points while shooting 44% from the field and 38% from three-point range.")
    assert only(rows, value=18.5)["unit"] == "count"
    assert only(rows, value=3)["unit"] == "count"


def test_plus_or_minus_is_a_margin_not_a_negative_value(figs, only):
    r = only(figs("The poll's margin of error is plus or minus 3.5 percentage points."))
    assert (r["text"], r["value"], r["direction"]) == ("plus or minus 3.5 percentage points", 3.5, None)
    assert only(figs("At night it fell to minus 8 degrees."))["value"] == -8


def test_points_of_a_score_or_an_index_stay_counts(figs, only):
    assert only(figs("Caloundra defeated Wynnum by 21 points on Saturday."), text="21")["unit"] == "count"
    rows = figs("The Dow closed down 24.11 points, or 0.1 percent.")
    assert only(rows, text="24.11")["unit"] == "count"


def test_age_set_off_after_a_person_noun(figs, only):
    rows = figs("This past Friday, the princess, 67, announced her candidacy. The company, 45, was sold.")
    r = only(rows, text="67")
    assert (r["unit"], r["measure"]) == ("year", "age")
    assert only(rows, text="45")["unit"] == "count"


def test_age_bound_after_a_word_for_people(figs, only):
    rows = figs("Travel was banned for those under 19. Sanders led among voters under 30. "
                "The quake injured over 200 people.")
    r = only(rows, text="under 19")
    assert (r["value"], r["unit"], r["qualifier"]) == (19, "year", "under")
    assert only(rows, text="under 30")["measure"] == "age"
    assert only(rows, text="over 200")["unit"] == "count"


def test_a_factor_is_a_multiplier_not_a_count(figs, only):
    rows = figs("The star is about 2.4 times the mass of the Sun. They are paying five times more. "
                "He was an All-Star 18 times.")
    r = only(rows, text="about 2.4 times")
    assert (r["value"], r["unit"], r["kind"]) == (2.4, "times", "quantity")
    assert only(rows, text="five times")["unit"] == "times"
    assert only(rows, text="18")["unit"] == "count"


# ------------------------------------------------------------------ unit words from pint
def test_pint_unit_spellings_give_contract_names(figs, only):
    rows = figs("The ship carried 40 tonnes. The road is 300 kilometres long, and the star lies 12 light-years away.")
    assert only(rows, text="40 tonnes")["unit"] == "tonne"
    assert only(rows, text="300 kilometres")["unit"] == "kilometre"
    assert only(rows, text="12 light-years")["unit"] == "light year"


def test_pint_plurals_follow_english_rules():
    from pipeline.extract.figures.lexicon import units_ci
    units = units_ci()
    assert units["inches"] == "inch" and units["centuries"] == "century" and units["feet"] == "foot"
    assert "feets" not in units and "foots" not in units and "celsiuss" not in units
    assert "mile per hours" not in units


def test_pint_symbols_and_unlisted_units_are_not_read():
    from pipeline.extract.figures.lexicon import units_ci
    units = units_ci()
    for word in ("a", "at", "point", "points", "grade", "bars", "stones"):
        assert word not in units


def test_hand_units_win_over_pint(figs, only):
    # pint reads "kilos" as kiloseconds: the hand list keeps it a kilogram
    r = only(figs("Police seized 25 kilos of cocaine at the port."), text="25 kilos")
    assert r["unit"] == "kilogram"


def test_preload_builds_unit_patterns():
    from pipeline.extract.figures.lexicon import unit_registry
    from pipeline.extract.figures.units import per_re, preload_units, unit_re
    preload_units()
    assert unit_registry.cache_info().currsize == 1
    assert unit_re.cache_info().currsize == 1 and per_re.cache_info().currsize == 1


def test_pint_symbols_give_contract_names(figs, only):
    rows = figs("The plant makes 450 MW. Its line carries 20 kV. The chip runs at 3 GHz.")
    assert only(rows, text="450 MW")["unit"] == "megawatt"
    assert only(rows, text="20 kV")["unit"] == "kilovolt"
    assert only(rows, text="3 GHz")["unit"] == "gigahertz"


def test_pint_symbol_stops_are_not_units():
    from pipeline.extract.figures.lexicon import units_cs
    symbols = units_cs()
    assert "in" not in symbols and "cal" not in symbols and "kn" not in symbols
    assert symbols["C"] == "celsius"       # the hand letters win over pint's coulomb


def test_fraction_of_a_unit_is_that_unit(figs, only):
    r = only(figs("The particles are a millionth of a metre across."), text="a millionth of a metre")
    assert (r["value"], r["unit"], r["kind"]) == (1e-6, "metre", "quantity")
    r = only(figs("A quarter of the farms lost power."), text="A quarter")
    assert r["unit"] == "fraction"


def test_fraction_of_a_unit_rate(figs, only):
    r = only(figs("Microbes survive on a millionth of a mole per cubic metre."), text="a millionth of a mole per cubic metre")
    assert (r["value"], r["unit"]) == (1e-6, "mole per cubic metre")


def test_more_factors_are_multipliers(figs, only):
    rows = figs("The planets have radii below 1.7 times Earth's radius. The hall is three times as large as "
                "the old one, and he said he would punch back 10 times harder.")
    assert only(rows, text="below 1.7 times")["unit"] == "times"
    assert only(rows, text="three times")["unit"] == "times"
    assert only(rows, text="10 times")["unit"] == "times"


def test_a_unit_after_or_more_is_read(figs, only):
    rows = figs("She was convicted of moving 1,000 or more kilograms of cannabis. Offenders serving 30+ years wait.")
    r = only(rows, text="1,000 or more kilograms")
    assert (r["value"], r["unit"], r["qualifier"]) == (1000, "kilogram", "at_least")
    assert only(rows, text="30+ years")["unit"] == "year"


def test_a_half_year_said_of_a_person_is_an_age(figs, only):
    r = only(figs("When I was two-and-a-half, I finished first grade."), value=2.5)
    assert (r["unit"], r["measure"]) == ("year", "age")


def test_a_hyphened_rate_before_its_noun(figs, only):
    rows = figs("The town runs a 40,000 barrel-a-day plant, pays a $16-an-hour wage and offers a $90-a-year pass.")
    r = only(rows, text="40,000 barrel-a-day")
    assert (r["unit"], r["measure"]) == ("barrel per day", "plant")
    assert only(rows, text="$16-an-hour")["unit"] == "USD per hour"
    assert only(rows, text="$90-a-year")["unit"] == "USD per year"


def test_a_noun_or_two_is_one_or_two_of_it(figs, only):
    r = only(figs("Let the dough rest for a day or two before baking."))
    assert (r["text"], r["value"], r["value_max"], r["unit"]) == ("a day or two", 1, 2, "day")
    r = only(figs("She told a story or two about the farm."))
    assert (r["value"], r["value_max"], r["measure"]) == (1, 2, "story")
    r = only(figs("He owns a bike or two cars."))      # "two" counts a noun of its own
    assert (r["value"], r["value_max"]) == (2, None)


def test_a_count_of_a_unit_word_after_its_adjectives_is_that_unit(figs, only):
    rows = figs("The defence gave up 517 rushing yards. She slept for two consecutive days. He holds two associate "
                "degrees. The index rose 2.1 last year.")
    assert (only(rows, text="517")["unit"], only(rows, text="517")["kind"]) == ("yard", "quantity")
    assert only(rows, text="two", measure="consecutive days")["unit"] == "day"
    assert only(rows, text="two", measure="associate degrees")["unit"] == "count"
    assert only(rows, text="2.1")["unit"] == "count"


def test_a_capital_unit_letter_before_a_word(figs, only):
    r = only(figs("The wax has a 12 C melting point."), text="12 C")
    assert (r["value"], r["unit"]) == (12, "celsius")


def test_a_count_whose_noun_is_given_per_a_base_or_a_time_is_a_rate(figs, only):
    rows = figs("Poor areas saw four premature deaths per 100,000. The country loses 33,000 people a year. "
                "The manager gave five workers a day off.")
    assert only(rows, text="four")["unit"] == "count per 100000"
    assert (only(rows, text="33,000")["unit"], only(rows, text="33,000")["kind"]) == ("count per year", "quantity")
    assert only(rows, text="five")["unit"] == "count"


def test_a_unit_symbol_after_a_slash_is_the_rate_denominator(figs, only):
    rows = figs("The probe reached a top speed of 8 m/s, and the star moves at 60 km/s.")
    assert only(rows, value=8)["unit"] == "metre per second"
    assert only(rows, value=60)["unit"] == "kilometre per second"

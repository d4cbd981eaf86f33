"""The two-year period and the council by type of municipality: one definition for every command."""

from __future__ import annotations

import datetime as dt

from ki_cli.format.vocab import KOMMUNE_TYP
from ki_cli.periods import COUNCILS, application_deadline, council, following, period_end


def test_period_end_is_two_years_less_a_day():
    assert period_end(dt.date(2025, 1, 1)) == dt.date(2026, 12, 31)
    assert period_end(dt.date(2024, 3, 1)) == dt.date(2026, 2, 28)


def test_period_from_29_february_ends_on_the_last_day_of_february():
    assert period_end(dt.date(2024, 2, 29)) == dt.date(2026, 2, 28)


def test_following_period_is_the_next_two_years():
    assert following(dt.date(2024, 12, 31)) == (dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    assert following(dt.date(2025, 7, 31)) == (dt.date(2025, 8, 1), dt.date(2027, 7, 31))
    assert following(dt.date(2024, 2, 28)) == (dt.date(2024, 2, 29), dt.date(2026, 2, 28))


def test_application_is_due_on_31_october_of_the_year_before():
    assert application_deadline(2027) == dt.date(2026, 10, 31)


def test_every_type_of_municipality_has_its_council():
    assert set(COUNCILS) == set(KOMMUNE_TYP)


def test_a_kreis_decides_in_the_kreistag_a_city_in_the_rat():
    assert council("kreis").body == "kreistag" and council("kreis").head == "Der Landrat"
    assert council("kreisfreie_stadt").body == "rat" and council("kreisfreie_stadt").head == "Der Oberbürgermeister"

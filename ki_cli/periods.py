"""The two-year period, its budget years, and who decides and signs by type of municipality.

One home for what the validator, the documents, ``ki init`` and ``ki next-period`` all compute:
``period_end`` (the day before the same date two years later), the period that follows, the
application deadline of a budget year, and for each ``kommune.typ`` the council that decides
(``rat`` / ``kreistag``), its German names and the head of administration who issues the
proposal. Plain data and ``datetime`` only: imported on the path of ``ki validate``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ki_cli.text import L

# Plans of integration centres lie in this range; a year outside it is a typo (``2205`` for
# ``2025``), and it keeps every date computation (period + 2 years, the year before) in range.
YEAR_MIN, YEAR_MAX = 1900, 2199


def two_years_later(day: dt.date) -> dt.date:
    """The same date two years later; 29 February becomes 1 March (there is none then)."""
    try:
        return day.replace(year=day.year + 2)
    except ValueError:
        return dt.date(day.year + 2, 3, 1)


def period_end(beginn: dt.date) -> dt.date:
    """The last day of the two-year period starting on ``beginn``: the day before two years later."""
    return two_years_later(beginn) - dt.timedelta(days=1)


def following(ende: dt.date) -> tuple[dt.date, dt.date]:
    """The two-year period after one that ends on ``ende``."""
    start = ende + dt.timedelta(days=1)
    return start, period_end(start)


def next_period_start(today: dt.date) -> dt.date:
    """The usual start of a new period: 1 January of next year (budget years are calendar years)."""
    return dt.date(today.year + 1, 1, 1)


def application_deadline(budget_year: int) -> dt.date:
    """The grant of a budget year is applied for by 31 October of the year before."""
    return dt.date(budget_year - 1, 10, 31)


@dataclass(frozen=True, slots=True)
class Council:
    """Who decides a KI's priorities in one kind of municipality, and who signs the proposal."""

    body: str  # the ``gremium`` word of the format
    name: str  # "Rat", as in "Beschluss des Rates"
    genitive: str  # "Rates"
    with_article: L  # "der Rat" (message texts)
    kind: L  # "kreisfreien Stadt" (as in "In einer … beschließt")
    head: str  # who issues the proposal
    consulted: str  # the committee the starting file consults before the decision


COUNCILS: dict[str, Council] = {
    "kreisfreie_stadt": Council(
        body="rat",
        name="Rat",
        genitive="Rates",
        with_article=L("der Rat", "the Rat (city council)"),
        kind=L("kreisfreien Stadt", "kreisfreie Stadt (independent city)"),
        head="Der Oberbürgermeister",
        consulted="integrationsrat",
    ),
    "kreis": Council(
        body="kreistag",
        name="Kreistag",
        genitive="Kreistages",
        with_article=L("der Kreistag", "the Kreistag (district council)"),
        kind=L("Kreis", "Kreis (district)"),
        head="Der Landrat",
        consulted="ausschuss",
    ),
    "staedteregion": Council(
        body="staedteregionstag",
        name="Städteregionstag",
        genitive="Städteregionstages",
        with_article=L("der Städteregionstag", "the Städteregionstag (council of the StädteRegion)"),
        kind=L("StädteRegion", "StädteRegion"),
        head="Der Städteregionsrat",
        consulted="ausschuss",
    ),
    "kreisangehoerige_stadt": Council(
        body="rat",
        name="Rat",
        genitive="Rates",
        with_article=L("der Rat", "the Rat (city council)"),
        kind=L("kreisangehörigen Stadt", "kreisangehörige Stadt (town within a Kreis)"),
        head="Der Bürgermeister",
        consulted="integrationsrat",
    ),
}
"""The council by ``kommune.typ`` (one entry per type of the format's vocabulary)."""


def council(typ: str) -> Council:
    """The council of a municipality of type ``typ``."""
    return COUNCILS[typ]

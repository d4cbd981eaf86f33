"""The two-year period, its budget years, and who decides and signs by type of municipality.

One home for what the validator, the documents, ``ki init`` and ``ki next-period`` all compute:
``period_end`` (the day before the same date two years later), the period that follows, the
budget years a period touches (``budget_years``), the application deadline of a budget year, and
for each ``kommune.typ`` the council that decides (``rat`` / ``kreistag`` / ``staedteregionstag``),
the committee that may decide in its place, its German names and the head of administration who
issues the proposal. Plain data and ``datetime`` only: imported on the path of ``ki validate``.
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
    """The grant of a budget year is applied for by 31 October of the year before.

    The funding procedure's usual date; the rules and documents take a rule pack's own value
    (``RulePack.application_deadline``, with its source) where the pack records one.
    """
    return dt.date(budget_year - 1, 10, 31)


class BudgetYear:
    """One budget year (a calendar year) a period touches, and the part of the period in it.

    A plain class with ``__slots__`` (a dataclass costs time at import, on every ``ki validate``);
    treat it as read-only."""

    __slots__ = ("first", "last", "months", "year")

    def __init__(self, year: int, first: dt.date, last: dt.date, months: int) -> None:
        self.year = year
        self.first = first  # the first day of the period in this year
        self.last = last  # the last day of the period in this year
        self.months = months  # the calendar months of this year the period touches, 1 to 12

    def __repr__(self) -> str:
        return f"BudgetYear({self.year}, {self.first}, {self.last}, months={self.months})"

    @property
    def full(self) -> bool:
        return self.months == 12

    @property
    def share(self) -> float:
        """The part of a full year: months / 12 (a grant of a part year counts pro rata by months)."""
        return self.months / 12


def budget_years(beginn: dt.date, ende: dt.date) -> list[BudgetYear]:
    """The budget years from ``beginn`` to ``ende``: 1 March 2027 – 28 February 2029 touches 2027
    (10 months), 2028 (12) and 2029 (2). A month the period touches in part counts as a month.
    Empty when ``ende`` lies before ``beginn``."""
    years: list[BudgetYear] = []
    for year in range(beginn.year, ende.year + 1):
        first = max(beginn, dt.date(year, 1, 1))
        last = min(ende, dt.date(year, 12, 31))
        years.append(BudgetYear(year, first, last, last.month - first.month + 1))
    return years


@dataclass(frozen=True, slots=True)
class Council:
    """Who decides a KI's priorities in one kind of municipality, and who signs the proposal."""

    body: str  # the ``gremium`` word of the format
    name: str  # "Rat", as in "Beschluss des Rates"
    genitive: str  # "Rates"
    with_article: L  # "der Rat" (message texts)
    kind: L  # "einer kreisfreien Stadt" (as in "in … beschließt der Rat")
    head: str  # who issues the proposal
    consulted: str  # the committee the starting file consults before the decision
    delegated: str = ""  # the committee that may decide in the council's place (KI607)
    art: str = ""  # the kind of municipality: "stadt", "kreis" or "staedteregion" (its bodies, KI604)


COUNCILS: dict[str, Council] = {
    "kreisfreie_stadt": Council(
        body="rat",
        name="Rat",
        genitive="Rates",
        with_article=L("der Rat", "the Rat (city council)"),
        kind=L("einer kreisfreien Stadt", "an independent city (kreisfreie Stadt)"),
        head="Der Oberbürgermeister",
        consulted="integrationsrat",
        delegated="hauptausschuss",
        art="stadt",
    ),
    "kreis": Council(
        body="kreistag",
        name="Kreistag",
        genitive="Kreistages",
        with_article=L("der Kreistag", "the Kreistag (district council)"),
        kind=L("einem Kreis", "a Kreis (district)"),
        head="Der Landrat",
        consulted="ausschuss",
        delegated="kreisausschuss",
        art="kreis",
    ),
    "staedteregion": Council(
        body="staedteregionstag",
        name="Städteregionstag",
        genitive="Städteregionstages",
        with_article=L("der Städteregionstag", "the Städteregionstag (council of the StädteRegion)"),
        kind=L("der StädteRegion", "the StädteRegion"),
        head="Der Städteregionsrat",
        consulted="ausschuss",
        delegated="staedteregionsausschuss",
        art="staedteregion",
    ),
    "kreisangehoerige_stadt": Council(
        body="rat",
        name="Rat",
        genitive="Rates",
        with_article=L("der Rat", "the Rat (city council)"),
        kind=L("einer kreisangehörigen Stadt", "a town within a Kreis (kreisangehörige Stadt)"),
        head="Der Bürgermeister",
        consulted="integrationsrat",
        delegated="hauptausschuss",
        art="stadt",
    ),
}
"""The council by ``kommune.typ`` (one entry per type of the format's vocabulary)."""


def council(typ: str) -> Council:
    """The council of a municipality of type ``typ``."""
    return COUNCILS[typ]


def bodies_of_other_kinds(typ: str) -> frozenset[str]:
    """The councils and delegated committees of the other kinds of municipality than ``typ``'s
    (``kreistag`` or ``kreisausschuss`` for a city …): a decision by one of them is wrong (KI604)."""
    own = council(typ)
    return frozenset(body for c in COUNCILS.values() if c.art != own.art for body in (c.body, c.delegated) if body) - {
        own.body,
        own.delegated,
    }

"""The grant arithmetic of a KI, per budget year: the one home of every computed euro figure.

Used by the rules (KI410, KI411) on the records ``ki validate`` builds and by the documents on the
models; it reads only attributes both have. Plain data, ``datetime`` and the rule pack's loader:
cheap to import on the path of ``ki validate``.

What it answers, for a concept and the rule pack of its ``grundlagen.foerderrichtlinie``:

* ``funding(konzept)`` → ``Funding`` (None when no pack exists for the guideline): the budget years
  of the period (``Funding.years``, calendar years the period touches, with their months), and
  per budget year (``Year``)

  - ``parts``: the maxima of the KI grant for the ``programm: ki`` posts with ``finanzierung:
    land``, one ``Part`` per funktion and tier of the pack (Fachkraft, Verwaltung; the 2018 pack's
    additional posts are a tier of their own). Every amount is a maximum ("bis zu"). A part year
    counts **pro rata by months** (a period from 1 March gives its first year 10/12 of the yearly
    maximum). VZE above the pack's cap are not funded and are left out. A tier whose amount the
    pack does not source has ``rate`` None: its amount is "nicht hinterlegt";
  - ``maximum``: the sum of the parts, or None when one of them has no amount (``known`` is the
    sum of those that have one);
  - ``deadline``: the day the grant of this year is applied for by (31 October of the year
    before, the pack's value with its source; None when the pack records none);
  - ``pool_cap``: the lay interpreter pool's cap for this year (50.000 € guideline; 30.000 € in the
    budget 2025), None when the pack records none;
  - ``foerderung``: what ``foerderung[]`` gives for this year, per programme (``Granted``:
    ``beantragt``, ``bewilligt``, summed over the entries of that year and programme); ``ki`` and
    ``pool`` are the entries of the programmes ``ki`` and ``laiensprachmittlerpool``.

* ``full_year(konzept, pack)`` → the parts of one full budget year (for a yearly table).
* ``pool_costs(konzept)`` → the lay interpreter pool's state-funded material costs a year, with
  the indices of their ``sachkosten`` entries.
* ``other_programme_posts(konzept)`` → the posts of other programmes (KIM, KOMM-AN, IfKuF …),
  listed apart and not counted against the KI's caps (KI412).

Nothing here rounds or formats: the callers print (``ki_cli.text``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ki_cli.periods import BudgetYear, budget_years

if TYPE_CHECKING:
    from ki_cli.check.rulepacks import PoolCap, RulePack, Source

FUNDED = ("fachkraft", "verwaltung")
"""The funktionen the KI grant pays (seconded teachers are not paid from it)."""

POOL = "laiensprachmittlerpool"
TOLERANCE = 0.001

# The classes below are plain classes with __slots__: a dataclass costs time at import, and this
# module is on the path of ``ki validate``. Treat their instances as read-only.


class Part:
    """One part of the KI grant's maximum for one budget year: ``vze`` VZE of ``funktion`` at up to
    ``rate`` € per VZE and full year (None: the pack has no sourced amount)."""

    __slots__ = ("funktion", "quote", "rate", "share", "source", "unit", "vze")

    def __init__(
        self,
        funktion: str,
        vze: float,
        rate: float | None,
        unit: float,
        share: float,
        quote: str,
        source: Source | None,
    ) -> None:
        self.funktion = funktion  # "fachkraft" | "verwaltung"
        self.vze = vze  # the state-funded KI VZE in this tier (capped at the pack's cap)
        self.rate = rate  # maximum € per 1,0 VZE and full budget year ("bis zu")
        self.unit = unit  # the VZE the pack states its amount for: 1,0, or 0,5 for the half Verwaltungsassistenz
        self.share = share  # the part of a full year: months / 12
        self.quote = quote  # the pack's words
        self.source = source

    @property
    def unit_amount(self) -> float | None:
        """The pack's amount as it states it: up to 57.000 € per post, up to 22.500 € per 0,5 VZE."""
        return None if self.rate is None else self.rate * self.unit

    @property
    def per_year(self) -> float | None:
        """The maximum of this part for a full budget year."""
        return None if self.rate is None else self.vze * self.rate

    @property
    def amount(self) -> float | None:
        """The maximum of this part in its budget year (pro rata by months)."""
        return None if self.rate is None else self.vze * self.rate * self.share


class Granted:
    """What ``foerderung[]`` says for one budget year and programme (amounts summed over its entries)."""

    __slots__ = ("beantragt", "bewilligt", "paths", "programm")

    def __init__(self, programm: str, beantragt: float | None, bewilligt: float | None, paths: tuple[str, ...]) -> None:
        self.programm = programm
        self.beantragt = beantragt
        self.bewilligt = bewilligt
        self.paths = paths  # YAML paths of the entries, e.g. ``foerderung[0]``


class Year:
    """One budget year of the period with the KI grant's maxima and what was applied for and granted."""

    __slots__ = ("budget", "deadline", "deadline_source", "foerderung", "parts", "pool_cap")

    def __init__(
        self,
        budget: BudgetYear,
        parts: tuple[Part, ...],
        deadline: dt.date | None,
        deadline_source: Source | None,
        pool_cap: PoolCap | None,
        foerderung: dict[str, Granted],
    ) -> None:
        self.budget = budget
        self.parts = parts
        self.deadline = deadline  # the day the grant of this year is applied for by
        self.deadline_source = deadline_source
        self.pool_cap = pool_cap
        self.foerderung = foerderung  # programme → what foerderung[] gives for this year

    @property
    def jahr(self) -> int:
        return self.budget.year

    @property
    def months(self) -> int:
        return self.budget.months

    @property
    def complete(self) -> bool:
        """Whether the pack gives an amount for every part."""
        return all(part.rate is not None for part in self.parts)

    @property
    def known(self) -> float:
        """The sum of the parts the pack gives an amount for."""
        return sum(part.amount or 0.0 for part in self.parts)

    @property
    def maximum(self) -> float | None:
        """The maximum KI grant of this budget year ("bis zu"); None when an amount is not recorded."""
        return self.known if self.complete else None

    @property
    def ki(self) -> Granted | None:
        return self.foerderung.get("ki")

    @property
    def pool(self) -> Granted | None:
        return self.foerderung.get(POOL)


class Funding:
    """The grant of a concept's period under its rule pack, per budget year."""

    __slots__ = ("pack", "parts", "years")

    def __init__(self, pack: RulePack, years: tuple[Year, ...], parts: tuple[Part, ...]) -> None:
        self.pack = pack
        self.years = years
        self.parts = parts  # one full budget year

    @property
    def complete(self) -> bool:
        return all(part.rate is not None for part in self.parts)

    @property
    def per_year(self) -> float | None:
        """The maximum of a full budget year; None when an amount is not recorded."""
        return sum(part.per_year or 0.0 for part in self.parts) if self.complete else None

    @property
    def maximum(self) -> float | None:
        """The maximum over the period (the sum of its budget years); None when not every amount is recorded."""
        return sum(year.known for year in self.years) if self.complete else None

    def year(self, jahr: int) -> Year | None:
        return next((y for y in self.years if y.jahr == jahr), None)


def ki_land_vze(konzept: Any) -> dict[str, float]:
    """The KI's state-funded VZE per funktion: posts with ``programm: ki`` and ``finanzierung: land``."""
    totals = {funktion: 0.0 for funktion in ("lehrkraft", "fachkraft", "verwaltung")}
    for stelle in konzept.personal:
        if stelle.finanzierung == "land" and _programm(stelle) == "ki":
            totals[stelle.funktion] += stelle.vze
    return totals


def _programm(stelle: Any) -> str:
    return str(getattr(stelle, "programm", None) or "ki")


def other_programme_posts(konzept: Any) -> list[tuple[int, Any]]:
    """(index, post) of every post of another programme than ``ki`` (KIM, KOMM-AN, IfKuF, sonstiges)."""
    return [(i, stelle) for i, stelle in enumerate(konzept.personal) if _programm(stelle) != "ki"]


def pool_costs(konzept: Any) -> tuple[float, list[int]]:
    """The lay interpreter pool's state-funded material costs a year (``sachkosten`` with ``programm:
    laiensprachmittlerpool`` and ``traeger: land``) and the indices of those entries."""
    indices = [
        i
        for i, item in enumerate(konzept.sachkosten)
        if getattr(item, "programm", None) == POOL and item.traeger == "land"
    ]
    return sum(float(konzept.sachkosten[i].betrag) for i in indices), indices


def _parts(konzept: Any, pack: RulePack, share: float) -> tuple[Part, ...]:
    typ = konzept.kommune.typ
    vze = ki_land_vze(konzept)
    parts: list[Part] = []
    for funktion in FUNDED:
        cap = pack.cap(funktion, typ)
        left = vze[funktion] if cap is None else min(vze[funktion], cap)
        tiers = pack.tiers(funktion, typ)
        for tier in tiers:
            if left <= TOLERANCE:
                break
            taken = min(left, tier.vze)
            left -= taken
            parts.append(Part(funktion, taken, tier.per_full_vze, tier.per_vze, share, tier.quote, tier.source))
        if left > TOLERANCE:  # funded posts the pack has no tier (and so no amount) for
            parts.append(Part(funktion, left, None, 1.0, share, "", None))
    return tuple(parts)


def full_year(konzept: Any, pack: RulePack) -> tuple[Part, ...]:
    """The parts of the KI grant's maximum for one full budget year."""
    return _parts(konzept, pack, 1.0)


def _granted(konzept: Any) -> dict[tuple[int, str], Granted]:
    found: dict[tuple[int, str], Granted] = {}
    for i, entry in enumerate(getattr(konzept, "foerderung", None) or ()):
        key = (int(entry.jahr), str(entry.programm))
        before = found.get(key)
        beantragt = _add(before.beantragt if before else None, entry.beantragt)
        bewilligt = _add(before.bewilligt if before else None, entry.bewilligt)
        paths = (before.paths if before else ()) + (f"foerderung[{i}]",)
        found[key] = Granted(key[1], beantragt, bewilligt, paths)
    return found


def _add(total: float | None, value: Any) -> float | None:
    if value is None:
        return total
    return (total or 0.0) + float(value)


def funding(konzept: Any, pack: RulePack | None = None) -> Funding | None:
    """The grant of ``konzept``'s period per budget year, under ``pack`` (by default the pack of its
    ``grundlagen.foerderrichtlinie``); None when there is no such pack."""
    if pack is None:
        from ki_cli.check.rulepacks import load_pack

        pack = load_pack(str(konzept.grundlagen.foerderrichtlinie))
        if pack is None:
            return None
    granted = _granted(konzept)
    years = []
    for budget in budget_years(konzept.periode.beginn, konzept.periode.ende):
        years.append(
            Year(
                budget=budget,
                parts=_parts(konzept, pack, budget.share),
                deadline=pack.application_deadline(budget.year),
                deadline_source=pack.deadline.source if pack.deadline is not None else None,
                pool_cap=pack.pool_cap(budget.year),
                foerderung={prog: g for (jahr, prog), g in granted.items() if jahr == budget.year},
            )
        )
    return Funding(pack=pack, years=tuple(years), parts=full_year(konzept, pack))


__all__ = [
    "FUNDED",
    "POOL",
    "Funding",
    "Granted",
    "Part",
    "Year",
    "full_year",
    "funding",
    "ki_land_vze",
    "other_programme_posts",
    "pool_costs",
]

"""Rule packs: one TOML data file per funding guideline, every value with its source.

A new guideline is a new file in this folder; the code finds it by its name
(``grundlagen.foerderrichtlinie``). A pack holds, per ``kommune.typ``:

* ``caps``: the cap on the KI's state-funded VZE per funktion (KI401) and ``total``, the cap on
  their sum (KI402);
* ``amounts``: the maximum grant per funktion ("bis zu" a fixed amount per VZE and full budget
  year), in tiers, a tier without a sourced amount having ``max`` absent;
* ``pool``: the cap on the lay interpreter pool's state-funded material costs per budget year;
* ``deadline``: the day of the year before a budget year by which its grant is applied for.

Every value names a ``source`` (a key of the pack's ``[sources]``: title, date, link) and the
words it rests on (``quote``). A value no source gives is absent; the code copes (``None``).
Arithmetic on these values lives in ``ki_cli.funding``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from ki_cli.format.vocab import KOMMUNE_ART

FOLDER = Path(__file__).resolve().parent

# The classes below are plain classes with __slots__: a dataclass costs time at import, and this
# module is on the path of ``ki validate``. Treat their instances as read-only.


class Source:
    """Where a pack value comes from: a document's title, its date and address (each may be absent)."""

    __slots__ = ("date", "link", "title")

    def __init__(self, title: str, date: dt.date | None = None, link: str | None = None) -> None:
        self.title = title
        self.date = date
        self.link = link


class Sourced:
    """One value of a pack with the words it rests on and its source."""

    __slots__ = ("quote", "source", "value")

    def __init__(self, value: float | None, quote: str, source: Source | None) -> None:
        self.value = value
        self.quote = quote
        self.source = source


class Tier:
    """Part of a funktion's maximum grant: up to ``vze`` VZE at up to ``max`` € per ``per_vze`` VZE
    and full budget year; ``max`` is None when the pack has no sourced amount for it."""

    __slots__ = ("max", "per_vze", "quote", "source", "vze")

    def __init__(self, vze: float, max: float | None, per_vze: float, quote: str, source: Source | None) -> None:
        self.vze = vze
        self.max = max
        self.per_vze = per_vze
        self.quote = quote
        self.source = source

    @property
    def per_full_vze(self) -> float | None:
        """The maximum per 1,0 VZE and full budget year."""
        return None if self.max is None else self.max / self.per_vze


class PoolCap:
    """The lay interpreter pool's cap: up to ``max`` € a budget year, for ``years`` (empty: any year)."""

    __slots__ = ("max", "quote", "source", "years")

    def __init__(self, max: float, years: tuple[int, ...], quote: str, source: Source | None) -> None:
        self.max = max
        self.years = years
        self.quote = quote
        self.source = source


class Deadline:
    """A budget year's grant is applied for by ``day``.``month``. of the year before."""

    __slots__ = ("day", "month", "quote", "source")

    def __init__(self, month: int, day: int, quote: str, source: Source | None) -> None:
        self.month = month
        self.day = day
        self.quote = quote
        self.source = source

    def for_year(self, budget_year: int) -> dt.date:
        return dt.date(budget_year - 1, self.month, self.day)


class RulePack:
    __slots__ = ("amounts", "caps", "deadline", "name", "pool", "source", "sources", "title", "total")

    def __init__(
        self,
        name: str,
        title: str,
        source: Source | None,
        sources: dict[str, Source],
        caps: dict[str, dict[str, Any]],
        total: dict[str, Any],
        amounts: dict[str, list[dict[str, Any]]],
        pool: tuple[PoolCap, ...],
        deadline: Deadline | None,
    ) -> None:
        self.name = name
        self.title = title
        self.source = source
        self.sources = sources
        self.caps = caps
        self.total = total
        self.amounts = amounts
        self.pool = pool
        self.deadline = deadline

    def cap(self, funktion: str, typ: str) -> float | None:
        """The cap on the KI's state-funded VZE of ``funktion`` (None: the pack sets none)."""
        entry = self.caps.get(funktion)
        if entry is None:
            return None
        key = _typ_in(entry, typ)
        return float(entry[key]) if key in entry else None

    def cap_sourced(self, funktion: str, typ: str) -> Sourced:
        entry = self.caps.get(funktion, {})
        return Sourced(self.cap(funktion, typ), str(entry.get("quote", "")), self._source(entry))

    def total_cap(self, typ: str) -> float:
        return float(self.total[_typ_in(self.total, typ)])

    def total_sourced(self, typ: str) -> Sourced:
        return Sourced(self.total_cap(typ), str(self.total.get("quote", "")), self._source(self.total))

    @property
    def counted(self) -> tuple[str, ...]:
        """The funktionen the total cap counts (and the grant pays for)."""
        return tuple(self.total["counts"])

    def tiers(self, funktion: str, typ: str) -> tuple[Tier, ...]:
        """The tiers of ``funktion``'s maximum grant for ``typ``, in order (empty: none recorded)."""
        found = []
        for entry in self.amounts.get(funktion, []):
            vze = entry["vze"]
            key = _typ_in(vze, typ)
            if key not in vze:
                continue
            amount = entry.get("max")
            found.append(
                Tier(
                    vze=float(vze[key]),
                    max=None if amount is None else float(amount),
                    per_vze=float(entry.get("per_vze", 1.0)),
                    quote=str(entry.get("quote", "")),
                    source=self._source(entry),
                )
            )
        return tuple(found)

    def pool_cap(self, budget_year: int) -> PoolCap | None:
        """The lay interpreter pool's cap for ``budget_year`` (None: the pack records none)."""
        for cap in self.pool:
            if budget_year in cap.years:
                return cap
        return next((cap for cap in self.pool if not cap.years), None)

    def application_deadline(self, budget_year: int) -> dt.date | None:
        """The day by which the grant of ``budget_year`` is applied for (None: not recorded)."""
        return None if self.deadline is None else self.deadline.for_year(budget_year)

    def _source(self, entry: dict[str, Any]) -> Source | None:
        key = entry.get("source")
        return None if key is None else self.sources.get(str(key))


def _typ_in(table: dict[str, Any], typ: str) -> str:
    """``typ`` where the pack names it, else the kind it counts as (``vocab.KOMMUNE_ART``)."""
    return typ if typ in table else KOMMUNE_ART.get(typ, typ)


def names() -> list[str]:
    """Every guideline a pack exists for."""
    return sorted(path.stem for path in FOLDER.glob("*.toml"))


def _date(value: Any) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


@cache
def load_pack(name: str) -> RulePack | None:
    path = FOLDER / f"{name}.toml"
    if not path.is_file():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    sources = {
        key: Source(title=str(value["title"]), date=_date(value.get("date")), link=value.get("link"))
        for key, value in data.get("sources", {}).items()
    }

    def source(entry: dict[str, Any]) -> Source | None:
        key = entry.get("source")
        return None if key is None else sources.get(str(key))

    pool = tuple(
        PoolCap(
            max=float(entry["max"]),
            years=tuple(int(y) for y in entry.get("years", ())),
            quote=str(entry.get("quote", "")),
            source=source(entry),
        )
        for entry in data.get("pool", [])
    )
    raw_deadline = data.get("deadline")
    deadline = (
        None
        if raw_deadline is None
        else Deadline(
            month=int(raw_deadline["month"]),
            day=int(raw_deadline["day"]),
            quote=str(raw_deadline.get("quote", "")),
            source=source(raw_deadline),
        )
    )
    return RulePack(
        name=data["name"],
        title=data["title"],
        source=sources.get(str(data.get("source", ""))),
        sources=sources,
        caps=data["caps"],
        total=data["total"],
        amounts=data.get("amounts", {}),
        pool=pool,
        deadline=deadline,
    )

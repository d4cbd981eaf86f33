"""KI2xx – the period and the basis (integration concept, earlier resolutions)."""

from __future__ import annotations

import datetime as dt

from ki_cli.rules import Context, date
from ki_cli.vocab import KOMMUNE_TYP


def _two_years_end(beginn: dt.date) -> dt.date:
    return dt.date(beginn.year + 2, beginn.month, 1) - dt.timedelta(days=1)


def two_year_period(ctx: Context) -> None:
    """KI201: the period starts on the first of a month and lasts exactly two years."""
    periode = ctx.konzept.periode
    if periode.beginn.day != 1:
        first = periode.beginn.replace(day=1)
        ctx.add("KI201.beginn", "periode.beginn", beginn=date(periode.beginn), first=date(first))
        return
    expected = _two_years_end(periode.beginn)
    if periode.ende != expected:
        ctx.add("KI201.ende", "periode.ende", beginn=date(periode.beginn), ende=date(periode.ende),
                expected=date(expected))


def calendar_years(ctx: Context) -> None:
    """KI202: funding years are calendar years."""
    beginn = ctx.konzept.periode.beginn
    if (beginn.month, beginn.day) != (1, 1):
        ctx.add("KI202", "periode.beginn", beginn=date(beginn))


def concept_age(ctx: Context) -> None:
    """KI203 (older than three years) and KI204 (decided after the period starts)."""
    beschlossen = ctx.konzept.grundlagen.integrationskonzept.beschlossen_am
    beginn = ctx.konzept.periode.beginn
    path = "grundlagen.integrationskonzept.beschlossen_am"
    if beschlossen > beginn:
        ctx.add("KI204", path, beschlossen=date(beschlossen), beginn=date(beginn))
        return
    try:
        limit = beginn.replace(year=beginn.year - 3)
    except ValueError:  # 29 February
        limit = beginn.replace(year=beginn.year - 3, day=28)
    if beschlossen < limit:
        ctx.add("KI203", path, beschlossen=date(beschlossen), beginn=date(beginn), limit=date(limit))


_COUNCIL = dict(zip(KOMMUNE_TYP, ("rat", "kreistag"), strict=True))


def resolution_body(ctx: Context) -> None:
    """KI205: a Rat decides in a kreisfreie Stadt, a Kreistag in a Kreis."""
    typ = ctx.konzept.kommune.typ
    wrong = "kreistag" if typ == "kreisfreie_stadt" else "rat"
    for i, beschluss in enumerate(ctx.konzept.grundlagen.beschluesse):
        if beschluss.gremium == wrong:
            ctx.add("KI205", f"grundlagen.beschluesse[{i}].gremium", gremium=wrong, right=_COUNCIL[typ])


RULES = (two_year_period, calendar_years, concept_age, resolution_body)

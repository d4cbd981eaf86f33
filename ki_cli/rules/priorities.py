"""KI3xx – priorities (Schwerpunkte) and measures (Maßnahmen)."""

from __future__ import annotations

from ki_cli.rules import Context, date, words
from ki_cli.vocab import ASPEKTE, HANDLUNGSFELD_BY_BEREICH, KI, REGELSYSTEM

USB = "uebergang_schule_beruf"


def both_areas(ctx: Context) -> None:
    """KI301: at least one Schwerpunkt per legal area."""
    present = {sp.bereich for sp in ctx.konzept.schwerpunkte}
    missing = [b for b in ("bildungskette", "querschnitt") if b not in present]
    if missing:
        ctx.add("KI301", "schwerpunkte", at="key", missing=words(missing))


def field_of_area(ctx: Context) -> None:
    """KI302: the handlungsfeld belongs to the Schwerpunkt's bereich."""
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        allowed = HANDLUNGSFELD_BY_BEREICH[sp.bereich]
        if sp.handlungsfeld not in allowed:
            other = "querschnitt" if sp.bereich == "bildungskette" else "bildungskette"
            ctx.add("KI302", f"schwerpunkte[{i}].handlungsfeld", feld=sp.handlungsfeld, bereich=sp.bereich,
                    other=other, allowed=words(list(allowed)))


def has_measures(ctx: Context) -> None:
    """KI303: a Schwerpunkt without a measure."""
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        if not sp.massnahmen:
            ctx.add("KI303", f"schwerpunkte[{i}].id", id=sp.id)


def checkable_goals(ctx: Context) -> None:
    """KI304: a goal without indikator or zielwert cannot be checked."""
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        for j, goal in enumerate(sp.ziele):
            missing = [k for k in ("indikator", "zielwert") if getattr(goal, k) in (None, "")]
            if missing:
                ctx.add("KI304", f"schwerpunkte[{i}].ziele[{j}].id", id=goal.id, missing=words(missing))


def transition_aspects(ctx: Context) -> None:
    """KI305: a transition Schwerpunkt covers the five aspects of the seed."""
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        if sp.handlungsfeld != USB:
            continue
        covered = {a for m in sp.massnahmen for a in m.aspekte}
        missing = [a for a in ASPEKTE if a not in covered]
        if missing:
            ctx.add("KI305", f"schwerpunkte[{i}].handlungsfeld", id=sp.id, missing=words(missing))


def measure_dates(ctx: Context) -> None:
    """KI311 (outside the period) and KI312 (beginn after ende)."""
    periode = ctx.konzept.periode
    for path, _, m in ctx.measures:
        beginn, ende = ctx.measure_dates(m)
        if beginn > ende:
            where = "ende" if m.ende is not None else "beginn"
            ctx.add("KI312", f"{path}.{where}", id=m.id, beginn=date(beginn), ende=date(ende))
            continue
        if m.beginn is not None and m.beginn < periode.beginn:
            ctx.add("KI311", f"{path}.beginn", id=m.id, datum=date(m.beginn), beginn=date(periode.beginn),
                    ende=date(periode.ende))
        if m.ende is not None and m.ende > periode.ende:
            ctx.add("KI311", f"{path}.ende", id=m.id, datum=date(m.ende), beginn=date(periode.beginn),
                    ende=date(periode.ende))


def regular_service_agreement(ctx: Context) -> None:
    """KI313: a measure led by a Regelsystem partner rests on an agreement with that partner."""
    for path, _, m in ctx.measures:
        partner = ctx.partner.get(m.federfuehrung)
        if partner is None or partner.art not in REGELSYSTEM:
            continue
        agreement = ctx.vereinbarungen.get(m.vereinbarung or "")
        if agreement is None or agreement.partner != partner.id:
            ctx.add("KI313", f"{path}.federfuehrung", id=m.id, partner=partner.id, name=partner.name)


def regular_practice_not_ki(ctx: Context) -> None:
    """KI314: regular practice belongs to the regular services, not to the KI."""
    for path, _, m in ctx.measures:
        if m.stufe == "regelpraxis" and m.federfuehrung == KI:
            ctx.add("KI314", f"{path}.federfuehrung", id=m.id)


def aspects_only_in_transition(ctx: Context) -> None:
    """KI315: ``aspekte`` belong to measures of a transition Schwerpunkt."""
    for path, sp, m in ctx.measures:
        if m.aspekte and sp.handlungsfeld != USB:
            ctx.add("KI315", f"{path}.aspekte", id=m.id, schwerpunkt=sp.id)


def goals_of_own_priority(ctx: Context) -> None:
    """KI316: a measure names only goals of its own Schwerpunkt."""
    for path, sp, m in ctx.measures:
        for k, goal in enumerate(m.ziele):
            owner = ctx.goal_owner.get(goal)
            if owner is not None and owner != sp.id:
                ctx.add("KI316", f"{path}.ziele[{k}]", id=m.id, ziel=goal, owner=owner, schwerpunkt=sp.id)


RULES = (both_areas, field_of_area, has_measures, checkable_goals, transition_aspects, measure_dates,
         regular_service_agreement, regular_practice_not_ki, aspects_only_in_transition, goals_of_own_priority)

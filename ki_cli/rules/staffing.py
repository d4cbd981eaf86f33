"""KI4xx – staffing and costs, measured against the rule pack of the funding guideline."""

from __future__ import annotations

from ki_cli.rulepacks import grant_items, land_vze
from ki_cli.rules import Context, euro, num, words
from ki_cli.vocab import FUNKTION

TOLERANCE = 0.001


def _tipping(ctx: Context, funktionen: tuple[str, ...], cap: float) -> tuple[float, str | None, list[str]]:
    """Sum of state-funded VZE of ``funktionen``, the first post that tips it over ``cap``, all posts."""
    total, tipping, posts = 0.0, None, []
    for i, stelle in enumerate(ctx.konzept.personal):
        if stelle.finanzierung != "land" or stelle.funktion not in funktionen:
            continue
        total += stelle.vze
        posts.append(stelle.id)
        if tipping is None and total > cap + TOLERANCE:
            tipping = f"personal[{i}].vze"
    return total, tipping, posts


def funktion_caps(ctx: Context) -> None:
    """KI401: state-funded VZE of one funktion above the pack's cap."""
    if ctx.pack is None:
        return
    typ = ctx.konzept.kommune.typ
    for funktion in FUNKTION:
        cap = ctx.pack.cap(funktion, typ)
        if cap is None:
            continue
        total, tipping, posts = _tipping(ctx, (funktion,), cap)
        if tipping is not None:
            ctx.add("KI401", tipping, funktion=funktion, found=num(total), allowed=num(cap), posts=words(posts),
                    pack=ctx.pack.name)


def total_cap(ctx: Context) -> None:
    """KI402: the sum of state-funded VZE above the pack's cap."""
    if ctx.pack is None:
        return
    cap = ctx.pack.total_cap(ctx.konzept.kommune.typ)
    counted = ctx.pack.counted
    total, tipping, posts = _tipping(ctx, counted, cap)
    if tipping is not None:
        ctx.add("KI402", tipping, found=num(total), allowed=num(cap), posts=words(posts),
                counted=words(list(counted)), pack=ctx.pack.name)


def einsatz_adds_up(ctx: Context) -> None:
    """KI403: a post's einsatz shares add up to its vze."""
    for i, stelle in enumerate(ctx.konzept.personal):
        spent = sum(stelle.einsatz.values())
        if abs(spent - stelle.vze) > TOLERANCE:
            ctx.add("KI403", f"personal[{i}].einsatz", id=stelle.id, spent=num(spent), vze=num(stelle.vze))


def both_areas_staffed(ctx: Context) -> None:
    """KI404: each legal area gets some staff time."""
    area = {sp.id: sp.bereich for sp in ctx.konzept.schwerpunkte}
    staffed = {area[sp_id] for stelle in ctx.konzept.personal for sp_id, share in stelle.einsatz.items()
               if sp_id in area and share > 0}
    present = set(area.values())
    for bereich in ("bildungskette", "querschnitt"):
        if bereich in present and bereich not in staffed:
            ctx.add("KI404", "personal", at="key", bereich=bereich)


def one_leitung(ctx: Context) -> None:
    """KI405: exactly one post leads the KI (none: warning, several: error)."""
    leads = [i for i, s in enumerate(ctx.konzept.personal) if s.rolle == "leitung"]
    if not leads:
        ctx.add("KI405.none", "personal", at="key")
    for i in leads[1:]:
        first = ctx.konzept.personal[leads[0]].id
        ctx.add("KI405.many", f"personal[{i}].rolle", severity="error", id=ctx.konzept.personal[i].id, first=first)


def full_time_lead(ctx: Context) -> None:
    """KI406: Leitung and Stellvertretung are full-time."""
    for i, stelle in enumerate(ctx.konzept.personal):
        if stelle.rolle in ("leitung", "stellvertretung") and stelle.vze < 1 - TOLERANCE:
            ctx.add("KI406", f"personal[{i}].vze", id=stelle.id, rolle=stelle.rolle, vze=num(stelle.vze))


def vacancies(ctx: Context) -> None:
    """KI407: a state-funded post without a holder."""
    for i, stelle in enumerate(ctx.konzept.personal):
        if stelle.finanzierung == "land" and stelle.vakant:
            where = "besetzt_durch" if stelle.besetzt_durch is not None else "id"
            ctx.add("KI407", f"personal[{i}].{where}", id=stelle.id, funktion=stelle.funktion)


def unused_funding(ctx: Context) -> None:
    """KI408: state-funded VZE below the pack's caps."""
    if ctx.pack is None:
        return
    typ = ctx.konzept.kommune.typ
    vze = land_vze(ctx.konzept)
    below = []
    for funktion in FUNKTION:
        cap = ctx.pack.cap(funktion, typ)
        if cap is not None and vze[funktion] < cap - TOLERANCE:
            below.append((funktion, vze[funktion], cap))
    if below:
        de = ", ".join(f"{f}: {num(v).de} von {num(c).de}" for f, v, c in below)
        en = ", ".join(f"{f}: {num(v).en} of {num(c).en}" for f, v, c in below)
        from ki_cli.i18n import L

        ctx.add("KI408", "personal", at="key", below=L(de, en), pack=ctx.pack.name)


def municipal_costs(ctx: Context) -> None:
    """KI409: the municipality bears Sachkosten (rooms, administration)."""
    if not any(s.traeger == "kommune" for s in ctx.konzept.sachkosten):
        path = "sachkosten" if "sachkosten" in ctx.sourcemap else ""
        ctx.add("KI409", path, at="key")


def state_grant(ctx: Context) -> None:
    """KI410: the yearly state grant from the pack's fixed amounts."""
    if ctx.pack is None:
        return
    items = grant_items(ctx.konzept, ctx.pack)
    if items is None:
        return
    total = sum(amount for _, amount in items)
    years = ctx.konzept.periode.ende.year - ctx.konzept.periode.beginn.year + 1
    vze = land_vze(ctx.konzept)
    ctx.add("KI410", "personal", at="key", fk=num(min(vze["fachkraft"], ctx.pack.cap("fachkraft", ctx.konzept.kommune.typ) or 0)),
            va=num(min(vze["verwaltung"], ctx.pack.cap("verwaltung", ctx.konzept.kommune.typ) or 0)),
            per_fk=euro(float(ctx.pack.amounts["fachkraft_per_vze"])),  # type: ignore[index]
            per_va=euro(float(ctx.pack.amounts["verwaltung_per_half_vze"])),  # type: ignore[index]
            total=euro(total), period=euro(total * years), years=years, pack=ctx.pack.name)


RULES = (funktion_caps, total_cap, einsatz_adds_up, both_areas_staffed, one_leitung, full_time_lead, vacancies,
         unused_funding, municipal_costs, state_grant)

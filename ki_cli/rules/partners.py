"""KI5xx – partners and agreements (Fokus-Ansatz: the regular services keep responsibility)."""

from __future__ import annotations

from ki_cli.rules import Context, date


def _partner_kind(code: str, art: str, only_kreis: bool = False):  # type: ignore[no-untyped-def]
    def rule(ctx: Context) -> None:
        if only_kreis and ctx.konzept.kommune.typ != "kreis":
            return
        if not any(p.art == art for p in ctx.konzept.partner):
            path = "partner" if "partner" in ctx.sourcemap else ""
            ctx.add(code, path, at="key", art=art)

    rule.__name__ = rule.__qualname__ = f"has_{art}"
    rule.__doc__ = f"{code}: at least one partner of art {art}."
    return rule


def unreferenced_partners(ctx: Context) -> None:
    """KI505: a partner no measure or agreement refers to."""
    used = {v.partner for v in ctx.konzept.vereinbarungen}
    for _, _, m in ctx.measures:
        used.add(m.federfuehrung)
        used.update(m.beteiligt)
    for i, partner in enumerate(ctx.konzept.partner):
        if partner.id not in used:
            ctx.add("KI505", f"partner[{i}].id", id=partner.id, name=partner.name)


def measure_agreements(ctx: Context) -> None:
    """KI511, KI512, KI514, KI515: the agreement a measure rests on."""
    beginn = ctx.konzept.periode.beginn
    for path, _, m in ctx.measures:
        agreement = ctx.vereinbarungen.get(m.vereinbarung or "")
        if agreement is None:
            continue
        where = f"{path}.vereinbarung"
        if agreement.ende is not None and agreement.ende < beginn:
            ctx.add("KI511", where, id=m.id, vereinbarung=agreement.id, ende=date(agreement.ende), beginn=date(beginn))
            continue
        _, measure_end = ctx.measure_dates(m)
        if agreement.ende is not None and agreement.ende < measure_end:
            ctx.add("KI512", where, id=m.id, vereinbarung=agreement.id, ende=date(agreement.ende),
                    measure_end=date(measure_end))
        if agreement.partner != m.federfuehrung and agreement.partner not in m.beteiligt:
            ctx.add("KI514", where, id=m.id, vereinbarung=agreement.id, partner=agreement.partner)
        if m.stufe == "regelpraxis" and agreement.status != "unterzeichnet":
            ctx.add("KI515", where, id=m.id, vereinbarung=agreement.id, status=agreement.status)


def agreement_entries(ctx: Context) -> None:
    """KI513, KI516, KI518: an agreement's own dates and status."""
    for i, v in enumerate(ctx.konzept.vereinbarungen):
        path = f"vereinbarungen[{i}]"
        if v.status == "unterzeichnet" and v.unterzeichnet_am is None:
            ctx.add("KI513", f"{path}.status", id=v.id)
        if v.ende is not None and v.beginn > v.ende:
            ctx.add("KI518", f"{path}.ende", id=v.id, beginn=date(v.beginn), ende=date(v.ende))
            continue
        if v.ueberpruefung is not None and (v.ueberpruefung < v.beginn or (v.ende is not None and v.ueberpruefung > v.ende)):
            ctx.add("KI516", f"{path}.ueberpruefung", id=v.id, datum=date(v.ueberpruefung))


def unreferenced_agreements(ctx: Context) -> None:
    """KI517: an agreement no measure refers to."""
    used = {m.vereinbarung for _, _, m in ctx.measures if m.vereinbarung}
    for i, v in enumerate(ctx.konzept.vereinbarungen):
        if v.id not in used:
            ctx.add("KI517", f"vereinbarungen[{i}].id", id=v.id)


RULES = (
    _partner_kind("KI501", "migrantenorganisation"),
    _partner_kind("KI502", "freier_traeger"),
    _partner_kind("KI503", "landesstruktur"),
    _partner_kind("KI504", "kreisangehoerige_kommune", only_kreis=True),
    unreferenced_partners,
    measure_agreements,
    agreement_entries,
    unreferenced_agreements,
)

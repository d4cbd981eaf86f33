"""KI6xx – the council proposal (vorlage) and its Beratungsfolge."""

from __future__ import annotations

from ki_cli.i18n import L
from ki_cli.rules import Context, date

_DECIDES = {"kreisfreie_stadt": "rat", "kreis": "kreistag"}
_TYP = {"kreisfreie_stadt": L("kreisfreien Stadt", "kreisfreie Stadt (independent city)"),
        "kreis": L("Kreis", "Kreis (district)")}
_BODY = {"rat": L("der Rat", "the Rat (city council)"), "kreistag": L("der Kreistag", "the Kreistag (district council)")}


def beratungsfolge(ctx: Context) -> None:
    """KI601 (ends with one decision), KI602 (dates in order), KI603 (decided before), KI604 (right body)."""
    vorlage = ctx.konzept.vorlage
    if vorlage is None:
        return
    folge = vorlage.beratungsfolge
    base = "vorlage.beratungsfolge"
    decisions = [b for b in folge if b.zustaendigkeit == "entscheidung"]
    if not folge or folge[-1].zustaendigkeit != "entscheidung" or len(decisions) != 1:
        path = f"{base}[{len(folge) - 1}]" if folge else (base if base in ctx.sourcemap else "vorlage")
        ctx.add("KI601", path, at="key" if not folge else "value", count=len(decisions),
                last=folge[-1].zustaendigkeit if folge else "–")
    for i in range(1, len(folge)):
        if folge[i].datum < folge[i - 1].datum:
            ctx.add("KI602", f"{base}[{i}].datum", datum=date(folge[i].datum), previous=date(folge[i - 1].datum))
    if not folge or folge[-1].zustaendigkeit != "entscheidung":
        return
    last = len(folge) - 1
    decision = folge[last]
    beginn = ctx.konzept.periode.beginn
    if decision.datum >= beginn:
        ctx.add("KI603", f"{base}[{last}].datum", datum=date(decision.datum), beginn=date(beginn))
    right = _DECIDES[ctx.konzept.kommune.typ]
    if decision.gremium != right:
        ctx.add("KI604", f"{base}[{last}].gremium", gremium=decision.gremium, right=right,
                typ=_TYP[ctx.konzept.kommune.typ], body=_BODY[right])


def integrationsrat(ctx: Context) -> None:
    """KI605: a kreisfreie Stadt consults its Integrationsrat."""
    vorlage = ctx.konzept.vorlage
    if vorlage is None or ctx.konzept.kommune.typ != "kreisfreie_stadt":
        return
    if not any(b.gremium == "integrationsrat" for b in vorlage.beratungsfolge):
        path = "vorlage.beratungsfolge" if "vorlage.beratungsfolge" in ctx.sourcemap else "vorlage"
        ctx.add("KI605", path, at="key")


def has_vorlage(ctx: Context) -> None:
    """KI606: without a vorlage, the proposal's head stays blank."""
    if ctx.konzept.vorlage is None:
        ctx.add("KI606", "", at="key")


RULES = (beratungsfolge, integrationsrat, has_vorlage)

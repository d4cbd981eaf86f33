"""KI6xx – the council proposal (vorlage) and its Beratungsfolge: one decision at the end, dates in
order, decided before the period starts, by the council the type of municipality has, with the
Integrationsrat of a kreisfreie Stadt consulted."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ki_cli.check.rules.base import Context, Hit, date, hit, rule
from ki_cli.check.rules.example import FULL, edit
from ki_cli.check.rules.sources import COUNCIL, GO_KRO, NONE
from ki_cli.periods import council
from ki_cli.text import L

if TYPE_CHECKING:
    from ki_cli.format.model import Beratung

_FOLGE = "vorlage.beratungsfolge"


def _decision(ctx: Context) -> tuple[int, Beratung] | None:
    """The last entry of the Beratungsfolge with its index, when it is a decision."""
    vorlage = ctx.konzept.vorlage
    if vorlage is None or not vorlage.beratungsfolge or vorlage.beratungsfolge[-1].zustaendigkeit != "entscheidung":
        return None
    return len(vorlage.beratungsfolge) - 1, vorlage.beratungsfolge[-1]


@rule(
    "KI601",
    "error",
    title=L("Beratungsfolge ohne eine Entscheidung am Ende", "Beratungsfolge without one decision at the end"),
    basis=COUNCIL,
    explanation=L(
        "Die Beratungsfolge endet mit genau einer Entscheidung; alle Gremien davor hören an oder empfehlen.",
        "The Beratungsfolge ends with exactly one decision; all bodies before it are heard or recommend.",
    ),
    message=L(
        "Die Beratungsfolge endet nicht mit genau einer Entscheidung: {count} Einträge mit „entscheidung“, der "
        "letzte Eintrag ist „{last}“.",
        "The Beratungsfolge does not end with exactly one decision: {count} entries with “entscheidung”, the "
        "last entry is “{last}”.",
    ),
    hint=L(
        "Der letzte Eintrag der beratungsfolge ist die Entscheidung des Rats bzw. Kreistags (`zustaendigkeit: "
        "entscheidung`); alle davor sind anhoerung oder empfehlung.",
        "The last entry of beratungsfolge is the decision of the Rat or Kreistag (`zustaendigkeit: "
        "entscheidung`); all before it are anhoerung or empfehlung.",
    ),
    fail=edit(
        ("datum: 2022-09-26, zustaendigkeit: entscheidung", "datum: 2022-09-26, zustaendigkeit: empfehlung"),
    ),
)
def ends_with_one_decision(ctx: Context) -> Iterator[Hit]:
    vorlage = ctx.konzept.vorlage
    if vorlage is None:
        return
    folge = vorlage.beratungsfolge
    decisions = [b for b in folge if b.zustaendigkeit == "entscheidung"]
    if folge and folge[-1].zustaendigkeit == "entscheidung" and len(decisions) == 1:
        return
    if folge:
        yield hit(f"{_FOLGE}[{len(folge) - 1}]", count=len(decisions), last=folge[-1].zustaendigkeit)
    else:
        yield hit(_FOLGE if _FOLGE in ctx.sourcemap else "vorlage", at="key", count=0, last="–")


@rule(
    "KI602",
    "error",
    title=L("Beratungsfolge zeitlich rückwärts", "Beratungsfolge goes backwards"),
    basis=COUNCIL,
    explanation=L(
        "Die Gremien beraten nacheinander; ein Datum vor dem vorigen ist meist ein Tippfehler.",
        "The bodies consult one after another; a date before the previous one is usually a typo.",
    ),
    message=L(
        "Die Beratung am {datum} liegt vor der vorigen ({previous}); die Beratungsfolge geht zeitlich rückwärts.",
        "The consultation on {datum} lies before the previous one ({previous}); the Beratungsfolge goes backwards.",
    ),
    hint=L(
        "Ordnen Sie die Einträge der beratungsfolge nach Datum oder korrigieren Sie das Datum.",
        "Order the beratungsfolge entries by date or correct the date.",
    ),
    fail=edit(
        ("datum: 2022-09-03, zustaendigkeit: empfehlung", "datum: 2022-10-03, zustaendigkeit: empfehlung"),
    ),
)
def dates_in_order(ctx: Context) -> Iterator[Hit]:
    folge = ctx.konzept.vorlage.beratungsfolge if ctx.konzept.vorlage is not None else []
    for i in range(1, len(folge)):
        if folge[i].datum < folge[i - 1].datum:
            yield hit(f"{_FOLGE}[{i}].datum", datum=date(folge[i].datum), previous=date(folge[i - 1].datum))


@rule(
    "KI603",
    "warning",
    title=L("Entscheidung nach Beginn", "decision after the start"),
    basis=COUNCIL,
    explanation=L(
        "Die Schwerpunkte müssen beschlossen sein, bevor der Zeitraum beginnt.",
        "The priorities must be decided before the period starts.",
    ),
    message=L(
        "Die Entscheidung am {datum} fällt erst am oder nach Beginn des Zeitraums ({beginn}).",
        "The decision on {datum} falls on or after the period's start ({beginn}).",
    ),
    hint=L(
        "Die Schwerpunkte müssen beschlossen sein, bevor sie gelten: planen Sie die Sitzung vor dem {beginn}.",
        "The priorities must be decided before they apply: schedule the meeting before {beginn}.",
    ),
    fail=edit(
        ("datum: 2022-09-03, zustaendigkeit: empfehlung", "datum: 2023-01-03, zustaendigkeit: empfehlung"),
        ("datum: 2022-09-26, zustaendigkeit: entscheidung", "datum: 2023-01-26, zustaendigkeit: entscheidung"),
    ),
)
def decided_before_start(ctx: Context) -> Iterator[Hit]:
    found = _decision(ctx)
    beginn = ctx.konzept.periode.beginn
    if found is not None and found[1].datum >= beginn:
        last, decision = found
        yield hit(f"{_FOLGE}[{last}].datum", datum=date(decision.datum), beginn=date(beginn))


@rule(
    "KI604",
    "error",
    title=L("falsches entscheidendes Gremium", "wrong deciding body"),
    basis=GO_KRO,
    explanation=L(
        "Über die Schwerpunkte entscheidet in einer kreisfreien Stadt der Rat, in einem Kreis der Kreistag.",
        "In an independent city the Rat decides on the priorities, in a Kreis the Kreistag.",
    ),
    message=L(
        "Laut Beratungsfolge entscheidet „{gremium}“; in einer {typ} beschließt aber {body}.",
        "The Beratungsfolge has “{gremium}” decide, but in a {typ} {body} decides.",
    ),
    hint=L(
        "Schreiben Sie im letzten Eintrag der beratungsfolge `gremium: {right}`.",
        "Write `gremium: {right}` in the last entry of beratungsfolge.",
    ),
    fail=edit(
        ("{gremium: rat, datum: 2022-09-26", "{gremium: ausschuss, datum: 2022-09-26"),
    ),
)
def deciding_body(ctx: Context) -> Iterator[Hit]:
    found = _decision(ctx)
    typ = ctx.konzept.kommune.typ
    right = council(typ)
    if found is not None and found[1].gremium != right.body:
        last, decision = found
        yield hit(
            f"{_FOLGE}[{last}].gremium",
            gremium=decision.gremium,
            right=right.body,
            typ=right.kind,
            body=right.with_article,
        )


@rule(
    "KI605",
    "warning",
    title=L("Integrationsrat nicht beteiligt", "Integrationsrat not consulted"),
    basis=L("GO NRW § 27 (Integrationsrat)", "GO NRW § 27 (Integrationsrat)"),
    explanation=L(
        "Kreisfreie Städte mit Integrationsrat beteiligen ihn an Integrationsfragen; er gehört in die Beratungsfolge.",
        "Independent cities with an Integrationsrat consult it on integration matters; it belongs in the "
        "Beratungsfolge.",
    ),
    message=L(
        "Die Beratungsfolge der kreisfreien Stadt enthält den Integrationsrat nicht.",
        "The Beratungsfolge of the independent city does not include the Integrationsrat.",
    ),
    hint=L(
        "Nach § 27 GO NRW wird der Integrationsrat in Integrationsfragen beteiligt: ergänzen Sie einen Eintrag "
        "`gremium: integrationsrat`.",
        "Under § 27 GO NRW the Integrationsrat is consulted on integration matters: add an entry `gremium: "
        "integrationsrat`.",
    ),
    fail=edit(
        ("{gremium: integrationsrat, datum: 2022-09-03", "{gremium: ausschuss, datum: 2022-09-03"),
    ),
)
def integrationsrat(ctx: Context) -> Iterator[Hit]:
    vorlage = ctx.konzept.vorlage
    if vorlage is None or ctx.konzept.kommune.typ != "kreisfreie_stadt":
        return
    if not any(b.gremium == "integrationsrat" for b in vorlage.beratungsfolge):
        yield hit(_FOLGE if _FOLGE in ctx.sourcemap else "vorlage", at="key")


@rule(
    "KI606",
    "info",
    title=L("keine Vorlage", "no council proposal data"),
    basis=NONE,
    explanation=L(
        "Ohne Abschnitt `vorlage` bleiben Kopf und Beratungsfolge der Beschlussvorlage leer.",
        "Without a `vorlage` section the head and the Beratungsfolge of the proposal stay blank.",
    ),
    message=L(
        "Die Datei hat keinen Abschnitt vorlage; `ki render proposal` lässt Kopf und Beratungsfolge leer.",
        "The file has no vorlage section; `ki render proposal` will leave the head and the Beratungsfolge blank.",
    ),
    hint=L(
        "Ergänzen Sie `vorlage:` mit drucksache, federfuehrend und beratungsfolge.",
        "Add `vorlage:` with drucksache, federfuehrend and beratungsfolge.",
    ),
    fail=FULL[: FULL.index("vorlage:")],  # the file without its vorlage
)
def has_vorlage(ctx: Context) -> Iterator[Hit]:
    if ctx.konzept.vorlage is None:
        yield hit("", at="key")

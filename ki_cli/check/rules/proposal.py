"""KI6xx – the council proposal (vorlage) and its Beratungsfolge: one decision at the end, dates in
order, decided before the period starts, by the council of the type of municipality or a committee the
decision is delegated to (KI607), with the Integrationsrat or Integrationsausschuss of a city
consulted, and the deciding session measured against the first budget year's application deadline
(KI608)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ki_cli.check.rules.base import Context, Hit, date, hit, rule
from ki_cli.check.rules.example import FULL, edit
from ki_cli.check.rules.sources import COUNCIL, GO_KRO, NONE
from ki_cli.periods import COUNCILS, bodies_of_other_kinds, council
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
        "Die Beratungsfolge einer Beschlussvorlage endet mit genau einer Entscheidung; alle Gremien davor hören "
        "an, beraten vor oder empfehlen. Eine Mitteilungsvorlage (`art: mitteilungsvorlage`) nehmen die Gremien "
        "nur zur Kenntnis: für sie gilt die Regel nicht.",
        "The Beratungsfolge of a resolution proposal ends with exactly one decision; all bodies before it are "
        "heard, deliberate or recommend. A report (`art: mitteilungsvorlage`) is only taken note of: the rule "
        "does not apply to it.",
    ),
    message=L(
        "Die Beratungsfolge endet nicht mit genau einer Entscheidung: {count} Einträge mit „entscheidung“, der "
        "letzte Eintrag ist „{last}“.",
        "The Beratungsfolge does not end with exactly one decision: {count} entries with “entscheidung”, the "
        "last entry is “{last}”.",
    ),
    hint=L(
        "Der letzte Eintrag der beratungsfolge ist die Entscheidung des Rats bzw. Kreistags (`zustaendigkeit: "
        "entscheidung`); alle davor sind anhoerung, vorberatung, empfehlung oder kenntnisnahme.",
        "The last entry of beratungsfolge is the decision of the Rat or Kreistag (`zustaendigkeit: "
        "entscheidung`); all before it are anhoerung, vorberatung, empfehlung or kenntnisnahme.",
    ),
    fail=edit(
        ("datum: 2022-09-26, zustaendigkeit: entscheidung", "datum: 2022-09-26, zustaendigkeit: empfehlung"),
    ),
)
def ends_with_one_decision(ctx: Context) -> Iterator[Hit]:
    vorlage = ctx.konzept.vorlage
    if vorlage is None or vorlage.art == "mitteilungsvorlage":  # a report: the bodies take note, none decides
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


def _kind_of(gremium: str) -> L:
    """The municipality a council body belongs to, for KI604's message."""
    for c in COUNCILS.values():
        if gremium in (c.body, c.delegated):
            return c.kind
    return L("einer anderen Kommune", "another municipality")


@rule(
    "KI604",
    "error",
    title=L("entscheidendes Gremium einer anderen Art von Kommune", "deciding body of another kind of municipality"),
    basis=GO_KRO,
    explanation=L(
        "Über die Schwerpunkte entscheidet in einer Stadt der Rat, in einem Kreis der Kreistag, in der "
        "StädteRegion der Städteregionstag. Ein Fehler ist es, wenn laut Beratungsfolge ein Gremium einer "
        "anderen Art von Kommune entscheidet (`rat` in einem Kreis, `kreistag` in einer Stadt …). Ein "
        "Ausschuss, dem die Entscheidung übertragen ist (`hauptausschuss`, `kreisausschuss`, "
        "`staedteregionsausschuss`), ist zulässig (KI607).",
        "In a city the Rat decides on the priorities, in a Kreis the Kreistag, in the StädteRegion the "
        "Städteregionstag. It is an error when the Beratungsfolge has a body of another kind of municipality "
        "decide (`rat` in a Kreis, `kreistag` in a city …). A committee the decision is delegated to "
        "(`hauptausschuss`, `kreisausschuss`, `staedteregionsausschuss`) is accepted (KI607).",
    ),
    message=L(
        "Laut Beratungsfolge entscheidet „{gremium}“, ein Gremium {other}; in {typ} beschließt {body}.",
        "The Beratungsfolge has “{gremium}” decide, a body of {other}; in {typ} {body} decides.",
    ),
    hint=L(
        "Schreiben Sie im letzten Eintrag der beratungsfolge `gremium: {right}` (oder `gremium: {delegated}`, "
        "wenn die Hauptsatzung die Entscheidung überträgt).",
        "Write `gremium: {right}` in the last entry of beratungsfolge (or `gremium: {delegated}` where the "
        "Hauptsatzung delegates the decision).",
    ),
    fail=edit(
        ("{gremium: rat, datum: 2022-09-26", "{gremium: kreistag, datum: 2022-09-26"),
    ),
)
def deciding_body(ctx: Context) -> Iterator[Hit]:
    found = _decision(ctx)
    if found is None:
        return
    typ = ctx.konzept.kommune.typ
    last, decision = found
    if decision.gremium in bodies_of_other_kinds(typ):
        right = council(typ)
        yield hit(
            f"{_FOLGE}[{last}].gremium",
            gremium=decision.gremium,
            other=_kind_of(decision.gremium),
            right=right.body,
            delegated=right.delegated,
            typ=right.kind,
            body=right.with_article,
        )


_CONSULTED = ("integrationsrat", "integrationsausschuss")
_CITIES = ("kreisfreie_stadt", "kreisangehoerige_stadt")


@rule(
    "KI605",
    "warning",
    title=L("Integrationsrat nicht beteiligt", "Integrationsrat not consulted"),
    basis=L(
        "GO NRW § 27 (Integrationsrat; seit Dezember 2018 wahlweise Integrationsausschuss)",
        "GO NRW § 27 (Integrationsrat; since December 2018 an Integrationsausschuss instead)",
    ),
    explanation=L(
        "Eine Stadt mit Integrationsrat beteiligt ihn an Integrationsfragen; er gehört in die Beratungsfolge. "
        "Seit Dezember 2018 kann eine Stadt statt des Integrationsrates einen Integrationsausschuss bilden, der "
        "dann in die Beratungsfolge gehört. Die Regel gilt für kreisfreie und kreisangehörige Städte.",
        "A city with an Integrationsrat consults it on integration matters; it belongs in the Beratungsfolge. "
        "Since December 2018 a city may have an Integrationsausschuss instead, which then belongs in the "
        "Beratungsfolge. The rule applies to kreisfreie and kreisangehörige cities.",
    ),
    message=L(
        "Die Beratungsfolge der Stadt enthält weder den Integrationsrat noch einen Integrationsausschuss.",
        "The city's Beratungsfolge includes neither the Integrationsrat nor an Integrationsausschuss.",
    ),
    hint=L(
        "Nach § 27 GO NRW wird der Integrationsrat (oder der Integrationsausschuss) in Integrationsfragen "
        "beteiligt: ergänzen Sie einen Eintrag `gremium: integrationsrat` bzw. `gremium: integrationsausschuss`.",
        "Under § 27 GO NRW the Integrationsrat (or the Integrationsausschuss) is consulted on integration "
        "matters: add an entry `gremium: integrationsrat` or `gremium: integrationsausschuss`.",
    ),
    fail=edit(
        ("{gremium: integrationsrat, datum: 2022-09-03", "{gremium: ausschuss, datum: 2022-09-03"),
    ),
)
def integrationsrat(ctx: Context) -> Iterator[Hit]:
    vorlage = ctx.konzept.vorlage
    if vorlage is None or ctx.konzept.kommune.typ not in _CITIES:
        return
    if not any(b.gremium in _CONSULTED for b in vorlage.beratungsfolge):
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


@rule(
    "KI607",
    "info",
    title=L("Entscheidung durch einen Ausschuss", "decision by a committee"),
    basis=L("GO NRW § 41, KrO NRW § 26 (Übertragung von Entscheidungen)", "GO NRW § 41, KrO NRW § 26 (delegation)"),
    explanation=L(
        "Rat, Kreistag und Städteregionstag können Entscheidungen auf einen Ausschuss übertragen (Hauptsatzung "
        "oder Beschluss); so beschloss der Städteregionsausschuss der StädteRegion Aachen die Schwerpunkte "
        "2025/26 (05.12.2024). Entscheidet laut Beratungsfolge ein Ausschuss, ist zu prüfen, ob ihm die "
        "Entscheidung übertragen ist.",
        "The Rat, Kreistag and Städteregionstag may delegate decisions to a committee (Hauptsatzung or "
        "resolution); the Städteregionsausschuss of the StädteRegion Aachen decided the priorities 2025/26 that "
        "way (05.12.2024). When the Beratungsfolge has a committee decide, check that the decision is delegated "
        "to it.",
    ),
    message=L(
        "Die Entscheidung trifft „{gremium}“, nicht {body}: eine übertragene Zuständigkeit.",
        "The decision is taken by “{gremium}”, not by {body}: a delegated competence.",
    ),
    hint=L(
        "Prüfen Sie, ob die Hauptsatzung (oder ein Beschluss) die Entscheidung über die Schwerpunkte auf "
        "„{gremium}“ überträgt, und nennen Sie die Grundlage in der Vorlage.",
        "Check that the Hauptsatzung (or a resolution) delegates the decision on the priorities to "
        "“{gremium}”, and name the basis in the proposal.",
    ),
    fail=edit(
        ("{gremium: rat, datum: 2022-09-26", "{gremium: hauptausschuss, datum: 2022-09-26"),
    ),
)
def delegated_decision(ctx: Context) -> Iterator[Hit]:
    found = _decision(ctx)
    if found is None:
        return
    typ = ctx.konzept.kommune.typ
    last, decision = found
    right = council(typ)
    if decision.gremium != right.body and decision.gremium not in bodies_of_other_kinds(typ):  # else KI604
        yield hit(f"{_FOLGE}[{last}].gremium", gremium=decision.gremium, body=right.with_article)


@rule(
    "KI608",
    "info",
    title=L("Entscheidung nach der Antragsfrist", "decision after the application deadline"),
    basis=L(
        "Förderbedingungen: Antrag je Haushaltsjahr bis zum 31. Oktober des Vorjahres (Regelpaket)",
        "funding conditions: application per budget year by 31 October of the year before (rule pack)",
    ),
    explanation=L(
        "Die Landesförderung eines Haushaltsjahres wird bis zum 31. Oktober des Vorjahres beantragt (ein Wert des "
        "Regelpakets). Liegt die entscheidende Sitzung danach – Räte entscheiden oft im November oder Dezember –, "
        "wird der Antrag für das erste Haushaltsjahr vorbehaltlich des Beschlusses gestellt.",
        "The state grant of a budget year is applied for by 31 October of the year before (a value of the rule "
        "pack). When the deciding session lies after it – councils often decide in November or December – the "
        "application for the first budget year is filed subject to the decision.",
    ),
    message=L(
        "Die entscheidende Sitzung am {datum} liegt nach der Antragsfrist für das Haushaltsjahr {jahr} ({frist}).",
        "The deciding session on {datum} lies after the application deadline for the budget year {jahr} ({frist}).",
    ),
    hint=L(
        "Stellen Sie den Antrag bis zum {frist} vorbehaltlich des Beschlusses und sagen Sie das in der Vorlage.",
        "File the application by {frist} subject to the decision, and say so in the proposal.",
    ),
    fail=edit(
        ('foerderrichtlinie: "2018"', 'foerderrichtlinie: "2023"'),
        ("{gremium: rat, datum: 2022-09-26", "{gremium: rat, datum: 2022-12-05"),
    ),
)
def after_deadline(ctx: Context) -> Iterator[Hit]:
    found = _decision(ctx)
    if found is None or ctx.pack is None:
        return
    first = ctx.konzept.periode.beginn.year
    frist = ctx.pack.application_deadline(first)
    last, decision = found
    if frist is not None and decision.datum > frist:
        yield hit(f"{_FOLGE}[{last}].datum", datum=date(decision.datum), jahr=first, frist=date(frist))

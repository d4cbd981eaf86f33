"""KI7xx – what the yearly report (``ki render report``) reads: the measures' implementation per budget
year (``massnahmen[].ist``) and the goals' measured values (``ziele[].ist``). A report that shows a
closed measure still at work, a value from outside the period or a value in another unit than its goal
would put a wrong picture into the Sachbericht."""

from __future__ import annotations

from collections.abc import Iterator

from ki_cli.check.rules.base import Context, Hit, Text, date, hit, rule
from ki_cli.check.rules.example import edit
from ki_cli.periods import budget_years
from ki_cli.text import L

SACHBERICHT = L(
    "Verwendungsnachweis, I. Sachbericht: Stand und Ergebnis jeder Maßnahme je Haushaltsjahr",
    "proof of use (Verwendungsnachweis), I. Sachbericht: status and result of each measure per budget year",
)


@rule(
    "KI701",
    "warning",
    title=L("Umsetzung nach dem Abschluss einer Maßnahme", "implementation recorded after a measure was completed"),
    basis=SACHBERICHT,
    explanation=L(
        "Eine Maßnahme, die für ein Haushaltsjahr als `abgeschlossen` eingetragen ist, hat in späteren Jahren "
        "keine Umsetzung mehr. Steht unter `ist` für ein späteres Jahr noch ein Eintrag, widerspricht der "
        "Sachbericht sich selbst: entweder lief die Maßnahme weiter, oder der spätere Eintrag ist falsch.",
        "A measure recorded as `abgeschlossen` (completed) for a budget year has no implementation in later "
        "years. An `ist` entry for a later year makes the report contradict itself: either the measure went on, "
        "or the later entry is wrong.",
    ),
    message=L(
        "Die Maßnahme „{titel}“ ist für {abgeschlossen} als abgeschlossen eingetragen, hat aber für {jahr} noch "
        "einen Eintrag unter `ist`.",
        "The measure “{titel}” is recorded as completed for {abgeschlossen} but still has an `ist` entry for {jahr}.",
    ),
    hint=L(
        "Lief die Maßnahme weiter, schreiben Sie für {abgeschlossen} `status: laufend`; sonst löschen Sie den "
        "Eintrag für {jahr}.",
        "If the measure went on, write `status: laufend` for {abgeschlossen}; otherwise delete the entry for {jahr}.",
    ),
    fail=edit(
        (
            "        ziele: [z-bo]\n",
            "        ziele: [z-bo]\n"
            "        ist:\n"
            "          - {jahr: 2023, status: abgeschlossen, teilnehmende: 120}\n"
            "          - {jahr: 2024, status: laufend, teilnehmende: 40}\n",
        ),
    ),
)
def after_completion(ctx: Context) -> Iterator[Hit]:
    for path, _sp, m in ctx.measures:
        closed = [u.jahr for u in m.ist if u.status == "abgeschlossen"]
        if not closed:
            continue
        first = min(closed)
        for k, umsetzung in enumerate(m.ist):
            if umsetzung.jahr > first:
                yield hit(f"{path}.ist[{k}].jahr", titel=m.titel, abgeschlossen=first, jahr=umsetzung.jahr)


@rule(
    "KI702",
    "warning",
    title=L("Ist-Wert außerhalb des Zeitraums", "actual value outside the period"),
    basis=L(
        "Förderrichtlinie: Bewilligung je Haushaltsjahr des Zeitraums; Verwendungsnachweis für den "
        "Bewilligungszeitraum",
        "funding guideline: grants per budget year of the period; proof of use for the period of the grant",
    ),
    explanation=L(
        "Die Umsetzung einer Maßnahme (`massnahmen[].ist[].jahr`) gehört zu einem Haushaltsjahr des Zeitraums; "
        "ein Messwert eines Ziels (`ziele[].ist[].datum`) liegt nicht nach dessen Ende. Ein Wert von außerhalb "
        "gehört in die Datei des Zeitraums, in dem er entstand; der Bericht eines Haushaltsjahres zeigt ihn "
        "nicht. Ein Messwert vor Beginn ist die Ausgangsmessung und bleibt erlaubt.",
        "A measure's implementation (`massnahmen[].ist[].jahr`) belongs to a budget year of the period; a goal's "
        "measured value (`ziele[].ist[].datum`) does not lie after its end. A value from outside belongs in the "
        "file of the period it arose in; the report of a budget year does not show it. A value measured before "
        "the start is the baseline measurement and stays allowed.",
    ),
    variants={
        "jahr": Text(
            message=L(
                "Die Umsetzung der Maßnahme „{titel}“ ist für {jahr} eingetragen; der Zeitraum umfasst die "
                "Haushaltsjahre {jahre}.",
                "The implementation of the measure “{titel}” is recorded for {jahr}; the period covers the budget "
                "years {jahre}.",
            ),
            hint=L(
                "Korrigieren Sie das Jahr (ein Haushaltsjahr von {jahre}) oder tragen Sie den Eintrag in die "
                "Datei des Zeitraums ein, zu dem {jahr} gehört.",
                "Correct the year (a budget year of {jahre}) or move the entry into the file of the period "
                "{jahr} belongs to.",
            ),
        ),
        "datum": Text(
            message=L(
                "Der Messwert des Ziels „{ziel}“ vom {datum} liegt nach dem Ende des Zeitraums {beginn} bis {ende}.",
                "The measured value of the goal “{ziel}” of {datum} lies after the end of the period {beginn} to "
                "{ende}.",
            ),
            hint=L(
                "Korrigieren Sie das Datum, oder tragen Sie den Wert in die Datei des folgenden Zeitraums ein.",
                "Correct the date, or enter the value in the file of the following period.",
            ),
        ),
    },
    fail=edit(
        (
            "        ziele: [z-bo]\n",
            "        ziele: [z-bo]\n        ist:\n          - {jahr: 2025, status: laufend, teilnehmende: 40}\n",
        ),
    ),
)
def outside_period(ctx: Context) -> Iterator[Hit]:
    periode = ctx.konzept.periode
    years = [b.year for b in budget_years(periode.beginn, periode.ende)]
    if not years:  # a period that ends before it begins: KI201's finding, nothing to compare with
        return
    jahre = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    for path, _sp, m in ctx.measures:
        for k, umsetzung in enumerate(m.ist):
            if umsetzung.jahr not in years:
                yield hit(f"{path}.ist[{k}].jahr", variant="jahr", titel=m.titel, jahr=umsetzung.jahr, jahre=jahre)
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        for j, ziel in enumerate(sp.ziele):
            for k, messung in enumerate(ziel.ist):
                if messung.datum > periode.ende:  # before the start: the baseline measurement
                    yield hit(
                        f"schwerpunkte[{i}].ziele[{j}].ist[{k}].datum",
                        variant="datum",
                        ziel=ziel.beschreibung,
                        datum=date(messung.datum),
                        beginn=date(periode.beginn),
                        ende=date(periode.ende),
                    )


def _unit(text: str) -> str:
    return " ".join(text.split()).casefold()


@rule(
    "KI703",
    "warning",
    title=L("Messwert in einer anderen Einheit als das Ziel", "value measured in another unit than its goal"),
    basis=L(
        "Verwendungsnachweis, I. Sachbericht: erzielte Ergebnisse gemessen an den Zielen",
        "proof of use (Verwendungsnachweis), I. Sachbericht: results measured against the goals",
    ),
    explanation=L(
        "Ausgangswert, Zielwert und Messwerte eines Ziels sind Zahlen in einer Einheit (`einheit` des Ziels). "
        "Ein Messwert mit einer anderen `einheit` lässt sich mit ihnen nicht vergleichen: der Bericht zeigt ihn, "
        "rechnet aber keinen Fortschritt aus ihm und zeichnet ihn nicht ins Diagramm.",
        "A goal's baseline, target and measured values are numbers in one unit (the goal's `einheit`). A measured "
        "value with another `einheit` cannot be compared with them: the report shows it but computes no progress "
        "from it and leaves it out of the chart.",
    ),
    message=L(
        "Der Messwert vom {datum} zum Ziel „{ziel}“ ist in „{einheit}“ angegeben, das Ziel in „{ziel_einheit}“.",
        "The value of {datum} for the goal “{ziel}” is given in “{einheit}”, the goal in “{ziel_einheit}”.",
    ),
    hint=L(
        "Rechnen Sie den Wert in „{ziel_einheit}“ um und löschen Sie `einheit` beim Messwert, oder legen Sie für "
        "„{einheit}“ ein eigenes Ziel an.",
        "Convert the value into “{ziel_einheit}” and delete `einheit` on the value, or give “{einheit}” a goal "
        "of its own.",
    ),
    fail=edit(
        (
            "indikator: Schulen, zielwert: 12}",
            "indikator: Schulen, zielwert: 12, einheit: Schulen,\n"
            "         ist: [{datum: 2023-12-31, wert: 40, einheit: Prozent}]}",
        ),
    ),
)
def other_unit(ctx: Context) -> Iterator[Hit]:
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        for j, ziel in enumerate(sp.ziele):
            if not ziel.einheit:
                continue
            for k, messung in enumerate(ziel.ist):
                if messung.einheit and _unit(messung.einheit) != _unit(ziel.einheit):
                    yield hit(
                        f"schwerpunkte[{i}].ziele[{j}].ist[{k}].einheit",
                        datum=date(messung.datum),
                        ziel=ziel.beschreibung,
                        einheit=messung.einheit,
                        ziel_einheit=ziel.einheit,
                    )

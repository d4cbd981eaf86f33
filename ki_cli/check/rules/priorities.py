"""KI3xx – priorities (Schwerpunkte) and measures (Maßnahmen): both legal areas covered, fields of
action in their area, measures and checkable goals, the transition aspects, measure dates inside
the period, and the Fokus-Ansatz (a Regelsystem partner leads on an agreement, regular practice is
not led by the KI)."""

from __future__ import annotations

from collections.abc import Iterator

from ki_cli.check.rules.base import Context, Hit, date, hit, rule, words
from ki_cli.check.rules.example import edit
from ki_cli.check.rules.sources import FOKUS, NONE, REGELPRAXIS, TINTG_AREAS, VOCAB
from ki_cli.format.vocab import ASPEKTE, HANDLUNGSFELD_BY_BEREICH, KI, REGELSYSTEM
from ki_cli.text import L

USB = "uebergang_schule_beruf"


@rule(
    "KI301",
    "error",
    title=L("nicht beide gesetzlichen Bereiche", "not both legal areas"),
    basis=TINTG_AREAS,
    explanation=L(
        "Das KI arbeitet entlang der Bildungskette und im Querschnitt Integration; die Arbeitsplanung umfasst "
        "beide. Es braucht mindestens einen Schwerpunkt je Bereich.",
        "The KI works along the education chain and across the administration; the work plan covers both. At "
        "least one priority per area is needed.",
    ),
    message=L(
        "Es fehlt ein Schwerpunkt im Bereich {missing}; beide gesetzlichen Bereiche (Bildungskette und "
        "Querschnitt) müssen abgedeckt sein.",
        "There is no priority in the area {missing}; both legal areas (Bildungskette and Querschnitt) must be covered.",
    ),
    hint=L(
        "Legen Sie unter schwerpunkte einen Eintrag mit `bereich: {missing}` an.",
        "Add an entry with `bereich: {missing}` under schwerpunkte.",
    ),
    fail=edit(
        (
            "bereich: querschnitt\n    handlungsfeld: interkulturelle_oeffnung",
            "bereich: bildungskette\n    handlungsfeld: schule",
        ),
    ),
)
def both_areas(ctx: Context) -> Iterator[Hit]:
    present = {sp.bereich for sp in ctx.konzept.schwerpunkte}
    missing = [b for b in ("bildungskette", "querschnitt") if b not in present]
    if missing:
        yield hit("schwerpunkte", at="key", missing=words(missing))


@rule(
    "KI302",
    "error",
    title=L("Handlungsfeld passt nicht zum Bereich", "field of action does not fit the area"),
    basis=VOCAB,
    explanation=L(
        "Jedes Handlungsfeld gehört zu einem der beiden Bereiche (z. B. `schule` zur Bildungskette, `kultur` zum "
        "Querschnitt).",
        "Each field of action belongs to one of the two areas (e.g. `schule` to the education chain, `kultur` to "
        "the cross-cutting area).",
    ),
    message=L(
        "Das Handlungsfeld „{feld}“ gehört nicht zum Bereich „{bereich}“.",
        "The field of action “{feld}” does not belong to the area “{bereich}”.",
    ),
    hint=L(
        "Wählen Sie ein Handlungsfeld aus {allowed} – oder ändern Sie den Bereich auf „{other}“.",
        "Choose a field from {allowed} – or change the area to “{other}”.",
    ),
    fail=edit(
        ("handlungsfeld: interkulturelle_oeffnung", "handlungsfeld: schule"),
    ),
)
def field_of_area(ctx: Context) -> Iterator[Hit]:
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        allowed = HANDLUNGSFELD_BY_BEREICH[sp.bereich]
        if sp.handlungsfeld not in allowed:
            other = "querschnitt" if sp.bereich == "bildungskette" else "bildungskette"
            yield hit(
                f"schwerpunkte[{i}].handlungsfeld",
                feld=sp.handlungsfeld,
                bereich=sp.bereich,
                other=other,
                allowed=words(list(allowed)),
            )


@rule(
    "KI303",
    "warning",
    title=L("Schwerpunkt ohne Maßnahme", "priority without a measure"),
    basis=NONE,
    explanation=L(
        "Ein Schwerpunkt ohne Maßnahme wird nicht umgesetzt; in der Vorlage stünde er leer.",
        "A priority without a measure is not carried out; it would stand empty in the proposal.",
    ),
    message=L("Der Schwerpunkt „{id}“ hat keine Maßnahme.", "The priority “{id}” has no measure."),
    hint=L(
        "Tragen Sie unter massnahmen mindestens eine Maßnahme ein, sonst bleibt der Schwerpunkt ohne Umsetzung.",
        "Add at least one measure under massnahmen, otherwise the priority is not carried out.",
    ),
    fail=edit(
        (
            "    massnahmen:\n      - id: m-fortbildung\n        titel: Fortbildungsreihe Fokus Migration\n      "
            "  stufe: initiative\n        federfuehrung: ki\n        beteiligt: [mo-forum, awo, ia]\n",
            "",
        ),
    ),
)
def has_measures(ctx: Context) -> Iterator[Hit]:
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        if not sp.massnahmen:
            yield hit(f"schwerpunkte[{i}].id", id=sp.id)


@rule(
    "KI304",
    "info",
    title=L("Ziel ohne Indikator oder Zielwert", "goal without indicator or target"),
    basis=NONE,
    explanation=L(
        "Ohne `indikator` und `zielwert` lässt sich nicht prüfen, ob ein Ziel erreicht wurde.",
        "Without `indikator` and `zielwert` it cannot be checked whether a goal was reached.",
    ),
    message=L(
        "Das Ziel „{id}“ hat kein(e) {missing}; ob es erreicht wird, lässt sich nicht prüfen.",
        "The goal “{id}” has no {missing}; whether it is reached cannot be checked.",
    ),
    hint=L(
        "Ergänzen Sie `indikator:` (woran man es misst) und `zielwert:` (welcher Wert erreicht werden soll).",
        "Add `indikator:` (how it is measured) and `zielwert:` (the value to reach).",
    ),
    fail=edit(
        (", indikator: Schulen, zielwert: 12}", "}"),
    ),
)
def checkable_goals(ctx: Context) -> Iterator[Hit]:
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        for j, goal in enumerate(sp.ziele):
            missing = [k for k in ("indikator", "zielwert") if getattr(goal, k) in (None, "")]
            if missing:
                yield hit(f"schwerpunkte[{i}].ziele[{j}].id", id=goal.id, missing=words(missing))


@rule(
    "KI305",
    "info",
    title=L("Übergangsaspekte nicht vollständig", "transition aspects incomplete"),
    basis=L(
        "Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „KI im Übergangssystem“",
        "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “KI im Übergangssystem”",
    ),
    explanation=L(
        "Ein Schwerpunkt Übergang Schule – Beruf soll die fünf Aspekte abdecken, die der Vortrag „Kommunale "
        "Integrationszentren“ der Bezirksregierung Arnsberg für das Übergangssystem nennt: Berufsorientierung, "
        "Berufswahlspektrum, Mobilität, Elternbildung, Zusammenarbeit mit Betrieben.",
        "A school-to-work priority should cover the five aspects of the transition system named in the "
        "Bezirksregierung Arnsberg's presentation “Kommunale Integrationszentren”: careers guidance, range of "
        "occupations, mobility, parent education, cooperation with companies.",
    ),
    message=L(
        "Der Übergangs-Schwerpunkt „{id}“ deckt diese Aspekte nicht ab: {missing}.",
        "The transition priority “{id}” does not cover these aspects: {missing}.",
    ),
    hint=L(
        "Nennen Sie die fehlenden Aspekte unter `aspekte:` einer passenden Maßnahme oder begründen Sie, warum "
        "sie entfallen.",
        "Name the missing aspects under `aspekte:` of a fitting measure, or explain why they are left out.",
    ),
    fail=edit(
        (
            "aspekte: [berufsorientierung, berufswahlspektrum, mobilitaet, elternbildung, kooperation_betriebe]",
            "aspekte: [berufsorientierung]",
        ),
    ),
)
def transition_aspects(ctx: Context) -> Iterator[Hit]:
    for i, sp in enumerate(ctx.konzept.schwerpunkte):
        if sp.handlungsfeld != USB:
            continue
        covered = {a for m in sp.massnahmen for a in m.aspekte}
        missing = [a for a in ASPEKTE if a not in covered]
        if missing:
            yield hit(f"schwerpunkte[{i}].handlungsfeld", id=sp.id, missing=words(missing))


@rule(
    "KI311",
    "warning",
    title=L("Maßnahme außerhalb des Zeitraums", "measure outside the period"),
    basis=NONE,
    explanation=L(
        "Beginn und Ende einer Maßnahme liegen im Zeitraum der Schwerpunktsetzung; ohne Angabe gilt der Zeitraum.",
        "A measure's start and end lie within the period; without them the period applies.",
    ),
    message=L(
        "Die Maßnahme „{id}“ läuft am {datum} außerhalb des Zeitraums ({beginn} bis {ende}).",
        "The measure “{id}” runs on {datum}, outside the period ({beginn} to {ende}).",
    ),
    hint=L(
        "Legen Sie beginn und ende der Maßnahme in den Zeitraum oder lassen Sie sie weg (dann gilt der Zeitraum).",
        "Put the measure's beginn and ende inside the period, or leave them out (the period then applies).",
    ),
    fail=edit(
        ("        ziele: [z-bo]\n", "        ziele: [z-bo]\n        ende: 2025-06-30\n"),
    ),
)
def measure_in_period(ctx: Context) -> Iterator[Hit]:
    periode = ctx.konzept.periode
    first, last = date(periode.beginn), date(periode.ende)
    for path, _, m in ctx.measures:
        beginn, ende = ctx.measure_dates(m)
        if beginn > ende:  # KI312
            continue
        if m.beginn is not None and m.beginn < periode.beginn:
            yield hit(f"{path}.beginn", id=m.id, datum=date(m.beginn), beginn=first, ende=last)
        if m.ende is not None and m.ende > periode.ende:
            yield hit(f"{path}.ende", id=m.id, datum=date(m.ende), beginn=first, ende=last)


@rule(
    "KI312",
    "error",
    title=L("Maßnahme beginnt nach ihrem Ende", "measure starts after its end"),
    basis=NONE,
    explanation=L(
        "Der Beginn einer Maßnahme liegt nach ihrem Ende – meist vertauschte Daten.",
        "A measure's start lies after its end – usually swapped dates.",
    ),
    message=L(
        "Die Maßnahme „{id}“ beginnt ({beginn}) nach ihrem Ende ({ende}).",
        "The measure “{id}” starts ({beginn}) after it ends ({ende}).",
    ),
    hint=L(
        "Tauschen oder korrigieren Sie beginn und ende der Maßnahme.",
        "Swap or correct the measure's beginn and ende.",
    ),
    fail=edit(
        (
            "        ziele: [z-bo]\n",
            "        ziele: [z-bo]\n        beginn: 2024-06-01\n        ende: 2023-06-01\n",
        ),
    ),
)
def measure_dates_in_order(ctx: Context) -> Iterator[Hit]:
    for path, _, m in ctx.measures:
        beginn, ende = ctx.measure_dates(m)
        if beginn > ende:
            where = "ende" if m.ende is not None else "beginn"
            yield hit(f"{path}.{where}", id=m.id, beginn=date(beginn), ende=date(ende))


"""The partners of the Regelsystem (KI313): regular services, school authority, Ausländerbehörde, school
maintainer (rules.md, changes of December 2026)."""


@rule(
    "KI313",
    "warning",
    title=L("Regeldienst führt ohne Vereinbarung", "regular service leads without an agreement"),
    basis=FOKUS,
    explanation=L(
        "Führt ein Partner des Regelsystems (`regeldienst`, `schulaufsicht`, `auslaenderbehoerde`, `schultraeger`) "
        "eine Maßnahme, bleibt die fachliche Zuständigkeit dort; was der Partner verantwortet und was das KI "
        "beiträgt, wird in einer Vereinbarung festgehalten.",
        "When a partner of the Regelsystem (`regeldienst`, `schulaufsicht`, `auslaenderbehoerde`, `schultraeger`) "
        "leads a measure, subject responsibility stays there; what the partner is responsible for and what the KI "
        "contributes is laid down in an agreement.",
    ),
    message=L(
        "Die Maßnahme „{id}“ wird von „{partner}“ ({name}) geleitet, hat aber keine Vereinbarung mit diesem Partner.",
        "The measure “{id}” is led by “{partner}” ({name}) but has no agreement with this partner.",
    ),
    hint=L(
        "Tragen Sie unter vereinbarungen eine Vereinbarung mit `partner: {partner}` ein und verweisen Sie in der "
        "Maßnahme mit `vereinbarung:` darauf.",
        "Add an agreement with `partner: {partner}` under vereinbarungen and refer to it from the measure with "
        "`vereinbarung:`.",
    ),
    fail=edit(
        ("        vereinbarung: v-schulamt\n", ""),
    ),
)
def regular_service_agreement(ctx: Context) -> Iterator[Hit]:
    for path, _, m in ctx.measures:
        partner = ctx.partner.get(m.federfuehrung)
        if partner is None or partner.art not in REGELSYSTEM:
            continue
        agreement = ctx.vereinbarungen.get(m.vereinbarung or "")
        if agreement is None or agreement.partner != partner.id:
            yield hit(f"{path}.federfuehrung", id=m.id, partner=partner.id, name=partner.name)


@rule(
    "KI314",
    "warning",
    title=L("Regelpraxis vom KI geführt", "regular practice led by the KI"),
    basis=REGELPRAXIS,
    explanation=L(
        "Regelpraxis heißt: die Regeldienste haben die Maßnahme übernommen. Führt das KI sie noch selbst, ist "
        "sie keine Regelpraxis. Eine Daueraufgabe des KI (`stufe: daueraufgabe`, z. B. die "
        "Seiteneinstiegsberatung) liegt außerhalb dieses Weges; die Regel gilt für sie nicht.",
        "Regular practice means the regular services have taken the measure over. If the KI still leads it, it "
        "is not regular practice. A standing task of the KI (`stufe: daueraufgabe`, e.g. the counselling of "
        "newly arrived pupils) lies outside this path; the rule does not apply to it.",
    ),
    message=L(
        "Die Maßnahme „{id}“ ist Regelpraxis, wird aber vom KI selbst geleitet.",
        "The measure “{id}” is regular practice but led by the KI itself.",
    ),
    hint=L(
        "Regelpraxis gehört in die Regeldienste: tragen Sie unter federfuehrung den zuständigen Partner ein, "
        "oder wählen Sie eine frühere Stufe.",
        "Regular practice belongs to the regular services: put the responsible partner under federfuehrung, or "
        "choose an earlier stage.",
    ),
    fail=edit(
        (
            "        stufe: initiative\n        federfuehrung: ki",
            "        stufe: regelpraxis\n        federfuehrung: ki",
        ),
    ),
)
def regular_practice_not_ki(ctx: Context) -> Iterator[Hit]:
    for path, _, m in ctx.measures:
        if m.stufe == "regelpraxis" and m.federfuehrung == KI:
            yield hit(f"{path}.federfuehrung", id=m.id)


@rule(
    "KI315",
    "warning",
    title=L("Aspekte außerhalb des Übergangs", "aspects outside the transition"),
    basis=VOCAB,
    explanation=L(
        "Die Aspekte des Übergangssystems gehören zu Maßnahmen eines Schwerpunkts Übergang Schule – Beruf.",
        "The transition aspects belong to measures of a school-to-work priority.",
    ),
    message=L(
        "Die Maßnahme „{id}“ nennt aspekte, ihr Schwerpunkt „{schwerpunkt}“ ist aber kein Übergang Schule – Beruf.",
        "The measure “{id}” lists aspekte, but its priority “{schwerpunkt}” is not a school-to-work transition.",
    ),
    hint=L(
        "Entfernen Sie `aspekte:` oder ordnen Sie die Maßnahme einem Schwerpunkt mit `handlungsfeld: "
        "uebergang_schule_beruf` zu.",
        "Remove `aspekte:` or move the measure to a priority with `handlungsfeld: uebergang_schule_beruf`.",
    ),
    fail=edit(
        (
            "        beteiligt: [mo-forum, awo, ia]\n",
            "        beteiligt: [mo-forum, awo, ia]\n        aspekte: [elternbildung]\n",
        ),
    ),
)
def aspects_only_in_transition(ctx: Context) -> Iterator[Hit]:
    for path, sp, m in ctx.measures:
        if m.aspekte and sp.handlungsfeld != USB:
            yield hit(f"{path}.aspekte", id=m.id, schwerpunkt=sp.id)


@rule(
    "KI316",
    "error",
    title=L("Ziel eines anderen Schwerpunkts", "goal of another priority"),
    basis=NONE,
    explanation=L(
        "Eine Maßnahme dient den Zielen ihres eigenen Schwerpunkts; ein Ziel eines anderen Schwerpunkts ist "
        "meist ein Verweisfehler.",
        "A measure serves the goals of its own priority; a goal of another priority is usually a wrong reference.",
    ),
    message=L(
        "Die Maßnahme „{id}“ nennt das Ziel „{ziel}“ des Schwerpunkts „{owner}“, nicht ihres eigenen "
        "(„{schwerpunkt}“).",
        "The measure “{id}” names the goal “{ziel}” of the priority “{owner}”, not of its own (“{schwerpunkt}”).",
    ),
    hint=L(
        "Nennen Sie unter ziele nur Ziele des eigenen Schwerpunkts, oder verschieben Sie die Maßnahme.",
        "List only goals of its own priority under ziele, or move the measure.",
    ),
    fail=edit(
        (
            "        beteiligt: [mo-forum, awo, ia]\n",
            "        beteiligt: [mo-forum, awo, ia]\n        ziele: [z-bo]\n",
        ),
    ),
)
def goals_of_own_priority(ctx: Context) -> Iterator[Hit]:
    for path, sp, m in ctx.measures:
        for k, goal in enumerate(m.ziele):
            owner = ctx.goal_owner.get(goal)
            if owner is not None and owner != sp.id:
                yield hit(f"{path}.ziele[{k}]", id=m.id, ziel=goal, owner=owner, schwerpunkt=sp.id)

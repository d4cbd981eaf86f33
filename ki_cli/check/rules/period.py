"""KI2xx – the period and the basis: a two-year period from the first of a month, an integration
concept decided before it starts and not older than three years, resolutions by the council the
type of municipality has (Rat or Kreistag)."""

from __future__ import annotations

from collections.abc import Iterator

from ki_cli.check.rules.base import Context, Hit, Text, date, hit, rule
from ki_cli.check.rules.example import edit
from ki_cli.check.rules.sources import GO_KRO
from ki_cli.periods import COUNCILS, council, period_end
from ki_cli.text import L


@rule(
    "KI201",
    "error",
    title=L("Zeitraum nicht zwei Jahre", "period is not two years"),
    basis=L(
        "Fördervoraussetzung „Schwerpunkte im Zwei-Jahres-Turnus“; Vortrag „Kommunale Integrationszentren“ "
        "(Bezirksregierung Arnsberg): „Schwerpunktwahl für 2 Jahre“",
        "funding condition “priorities in a two-year cycle”; presentation “Kommunale Integrationszentren” "
        "(Bezirksregierung Arnsberg): “Schwerpunktwahl für 2 Jahre”",
    ),
    explanation=L(
        "Schwerpunkte werden für genau zwei Jahre gewählt: `beginn` ist der Erste eines Monats, `ende` der Tag "
        "vor demselben Datum zwei Jahre später (2025-01-01 bis 2026-12-31).",
        "Priorities are chosen for exactly two years: `beginn` is the first of a month, `ende` the day before "
        "the same date two years later (2025-01-01 to 2026-12-31).",
    ),
    variants={
        "beginn": Text(
            message=L(
                "Der Zeitraum beginnt am {beginn}, nicht am Ersten eines Monats; Schwerpunkte gelten für genau "
                "zwei Jahre.",
                "The period starts on {beginn}, not on the first of a month; priorities apply for exactly two years.",
            ),
            hint=L(
                "Schreiben Sie unter periode `beginn: {first}` (oder den Ersten eines anderen Monats) und als "
                "`ende` den Tag vor demselben Datum zwei Jahre später.",
                "Write `beginn: {first}` under periode (or the first of another month) and as `ende` the day "
                "before the same date two years later.",
            ),
        ),
        "ende": Text(
            message=L(
                "Der Zeitraum {beginn} bis {ende} umfasst nicht genau zwei Jahre.",
                "The period {beginn} to {ende} is not exactly two years.",
            ),
            hint=L(
                "Bei diesem Beginn schreiben Sie unter periode `ende: {expected}`.",
                "With this start, write `ende: {expected}` under periode.",
            ),
        ),
    },
    fail=edit(
        ("ende: 2024-12-31}", "ende: 2025-12-31}"),
    ),
)
def two_year_period(ctx: Context) -> Iterator[Hit]:
    periode = ctx.konzept.periode
    if periode.beginn.day != 1:
        first = periode.beginn.replace(day=1)
        yield hit("periode.beginn", variant="beginn", beginn=date(periode.beginn), first=date(first))
        return
    expected = period_end(periode.beginn)
    if periode.ende != expected:
        yield hit(
            "periode.ende",
            variant="ende",
            beginn=date(periode.beginn),
            ende=date(periode.ende),
            expected=date(expected),
        )


@rule(
    "KI202",
    "info",
    title=L("Zeitraum beginnt nicht am 1. Januar", "period does not start on 1 January"),
    basis=L("Förderrichtlinie", "funding guideline"),
    explanation=L(
        "Förderjahre sind Kalenderjahre. Ein Zeitraum ab einem anderen Monat ist möglich, passt aber nicht zu "
        "den Förderjahren.",
        "Funding years are calendar years. A period starting in another month is possible but does not match the "
        "funding years.",
    ),
    message=L(
        "Der Zeitraum beginnt am {beginn}, nicht am 1. Januar; Förderjahre sind Kalenderjahre.",
        "The period starts on {beginn}, not on 1 January; funding years are calendar years.",
    ),
    hint=L(
        "Prüfen Sie, ob der Zeitraum mit dem Förderjahr beginnen soll (1. Januar).",
        "Check whether the period should start with the funding year (1 January).",
    ),
    fail=edit(
        ("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2023-07-01, ende: 2025-06-30"),
    ),
)
def calendar_years(ctx: Context) -> Iterator[Hit]:
    beginn = ctx.konzept.periode.beginn
    if (beginn.month, beginn.day) != (1, 1):
        yield hit("periode.beginn", beginn=date(beginn))


_DECIDED = "grundlagen.integrationskonzept.beschlossen_am"


@rule(
    "KI203",
    "warning",
    title=L("Integrationskonzept älter als drei Jahre", "integration concept older than three years"),
    basis=L(
        "Antragsvoraussetzungen 2012: Integrationskonzept „nicht älter als 3 Jahre“",
        "2012 application requirements: integration concept “not older than 3 years”",
    ),
    explanation=L(
        "Das Integrationskonzept soll bei Beginn des Zeitraums nicht älter als drei Jahre sein; sonst ist es "
        "fortzuschreiben.",
        "The integration concept should not be older than three years when the period starts; otherwise it needs "
        "updating.",
    ),
    message=L(
        "Das Integrationskonzept wurde am {beschlossen} beschlossen, mehr als drei Jahre vor Beginn des "
        "Zeitraums ({beginn}).",
        "The integration concept was decided on {beschlossen}, more than three years before the period starts "
        "({beginn}).",
    ),
    hint=L(
        "Legen Sie ein fortgeschriebenes Konzept vor, beschlossen nach dem {limit}, und tragen Sie dessen Datum "
        "unter beschlossen_am ein.",
        "Present an updated concept decided after {limit} and enter its date under beschlossen_am.",
    ),
    fail=edit(
        ("beschlossen_am: 2022-06-22", "beschlossen_am: 2019-06-22"),
    ),
)
def concept_age(ctx: Context) -> Iterator[Hit]:
    beschlossen = ctx.konzept.grundlagen.integrationskonzept.beschlossen_am
    beginn = ctx.konzept.periode.beginn
    if beschlossen > beginn:  # KI204
        return
    try:
        limit = beginn.replace(year=beginn.year - 3)
    except ValueError:  # 29 February
        limit = beginn.replace(year=beginn.year - 3, day=28)
    if beschlossen < limit:
        yield hit(_DECIDED, beschlossen=date(beschlossen), beginn=date(beginn), limit=date(limit))


@rule(
    "KI204",
    "warning",
    title=L("Integrationskonzept nach Beginn beschlossen", "integration concept decided after the start"),
    basis=L(
        "TIntG § 8 Abs. 1: Förderung setzt ein Integrationskonzept voraus; Bewilligungen mit Auflage (Aachen 2013, "
        "Kreis Coesfeld 2015)",
        "TIntG § 8 (1): funding requires an integration concept; approvals with a condition (Aachen 2013, Kreis "
        "Coesfeld 2015)",
    ),
    explanation=L(
        "Das Land fördert KI in Kommunen, die ein Integrationskonzept haben. Ein erst nach Beginn des Zeitraums "
        "beschlossenes Konzept trägt die Schwerpunkte nicht von Anfang an; neue KI wurden aber mit der Auflage "
        "bewilligt, das Konzept später zu beschließen oder fortzuschreiben (Aachen 2013, Kreis Coesfeld 2015). "
        "Daher eine Warnung.",
        "The state funds KIs of municipalities that have an integration concept. A concept decided only after "
        "the period starts does not carry the priorities from the start; but new KIs were approved on condition "
        "that the concept be adopted or revised later (Aachen 2013, Kreis Coesfeld 2015). Hence a warning.",
    ),
    message=L(
        "Das Integrationskonzept wurde am {beschlossen} beschlossen, erst nach Beginn des Zeitraums ({beginn}).",
        "The integration concept was decided on {beschlossen}, only after the period starts ({beginn}).",
    ),
    hint=L(
        "Die Förderung setzt ein beschlossenes Integrationskonzept voraus: prüfen Sie beschlossen_am oder den "
        "Beginn des Zeitraums, oder halten Sie die Auflage des Förderbescheids fest, das Konzept zu beschließen.",
        "Funding requires an integration concept already decided: check beschlossen_am or the period's start, or "
        "record the grant notice's condition to adopt the concept.",
    ),
    fail=edit(
        ("beschlossen_am: 2022-06-22", "beschlossen_am: 2023-06-22"),
    ),
)
def concept_after_start(ctx: Context) -> Iterator[Hit]:
    beschlossen = ctx.konzept.grundlagen.integrationskonzept.beschlossen_am
    beginn = ctx.konzept.periode.beginn
    if beschlossen > beginn:
        yield hit(_DECIDED, beschlossen=date(beschlossen), beginn=date(beginn))


@rule(
    "KI205",
    "error",
    title=L("Beschluss durch das falsche Gremium", "resolution by the wrong body"),
    basis=GO_KRO,
    explanation=L(
        "In einer kreisfreien Stadt beschließt der Rat, in einem Kreis der Kreistag. Ein Beschluss des jeweils "
        "anderen Gremiums ist ein Tippfehler oder gehört zu einer anderen Kommune.",
        "In an independent city the Rat decides, in a Kreis the Kreistag. A resolution by the other body is a "
        "typo or belongs to another municipality.",
    ),
    message=L(
        "Ein Beschluss durch „{gremium}“ passt nicht zum Typ der Kommune.",
        "A resolution by “{gremium}” does not fit the type of municipality.",
    ),
    hint=L(
        "Beschlüsse fasst hier der/die „{right}“: schreiben Sie `gremium: {right}`.",
        "Here resolutions are passed by the “{right}”: write `gremium: {right}`.",
    ),
    fail=edit(
        ("{gremium: rat, datum: 2012-11-08", "{gremium: kreistag, datum: 2012-11-08"),
    ),
)
def resolution_body(ctx: Context) -> Iterator[Hit]:
    typ = ctx.konzept.kommune.typ
    right = council(typ).body
    wrong = {c.body for c in COUNCILS.values()} - {right}
    for i, beschluss in enumerate(ctx.konzept.grundlagen.beschluesse):
        if beschluss.gremium in wrong:
            yield hit(f"grundlagen.beschluesse[{i}].gremium", gremium=beschluss.gremium, right=right)

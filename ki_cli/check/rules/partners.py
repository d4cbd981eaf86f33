"""KI5xx – partners and agreements (Fokus-Ansatz: the regular services keep responsibility): the
kinds of partner a KI works with, partners and agreements something refers to, and the agreement
a measure rests on (its term, its partner, its status)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ki_cli.check.rules.base import Context, Hit, date, hit, rule
from ki_cli.check.rules.example import edit
from ki_cli.check.rules.sources import FOKUS, NONE, REGELPRAXIS
from ki_cli.text import L

if TYPE_CHECKING:
    from ki_cli.format.model import Massnahme, Vereinbarung


def _without_partner_of(ctx: Context, art: str) -> Iterator[Hit]:
    """A hit at ``partner`` (or the file) when no partner is of ``art``."""
    if not any(p.art == art for p in ctx.konzept.partner):
        yield hit("partner" if "partner" in ctx.sourcemap else "", at="key", art=art)


@rule(
    "KI501",
    "warning",
    title=L("keine Migrantenorganisation", "no migrant organisation"),
    basis=L(
        "Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): Das KI vernetzt Verwaltung, freie "
        "Träger und Migrantenorganisationen",
        "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): the KI networks "
        "administration, freie Träger and migrant organisations",
    ),
    explanation=L(
        "Das KI vernetzt sich mit Migrantenorganisationen; mindestens ein Partner hat `art: migrantenorganisation`.",
        "The KI networks with migrant organisations; at least one partner has `art: migrantenorganisation`.",
    ),
    message=L("Kein Partner ist eine Migrantenorganisation.", "No partner is a migrant organisation."),
    hint=L(
        "Tragen Sie unter partner die Migrantenorganisationen ein, mit denen das KI zusammenarbeitet (`art: "
        "migrantenorganisation`).",
        "Add the migrant organisations the KI works with under partner (`art: migrantenorganisation`).",
    ),
    fail=edit(
        ("art: migrantenorganisation", "art: sonstige"),
    ),
)
def has_migrant_organisation(ctx: Context) -> Iterator[Hit]:
    return _without_partner_of(ctx, "migrantenorganisation")


@rule(
    "KI502",
    "warning",
    title=L("kein freier Träger", "no freier Träger"),
    basis=L("TIntG § 8 Abs. 1: Zusammenarbeit mit freien Trägern", "TIntG § 8 (1): cooperation with freie Träger"),
    explanation=L(
        "Das Integrationskonzept sieht die Zusammenarbeit mit freien Trägern vor; mindestens ein Partner hat "
        "`art: freier_traeger`.",
        "The integration concept provides for cooperation with freie Träger; at least one partner has `art: "
        "freier_traeger`.",
    ),
    message=L(
        "Kein Partner ist ein freier Träger.",
        "No partner is an independent welfare organisation (freier Träger).",
    ),
    hint=L(
        "Tragen Sie unter partner die freien Träger ein, mit denen das KI zusammenarbeitet (`art: freier_traeger`).",
        "Add the freie Träger the KI works with under partner (`art: freier_traeger`).",
    ),
    fail=edit(
        ("art: freier_traeger", "art: sonstige"),
    ),
)
def has_freier_traeger(ctx: Context) -> Iterator[Hit]:
    return _without_partner_of(ctx, "freier_traeger")


@rule(
    "KI503",
    "info",
    title=L("keine Landesstruktur", "no state-funded structure"),
    basis=L(
        "Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): Kooperation mit den vom Land "
        "geförderten Integrationsstrukturen",
        "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): cooperation with the "
        "state-funded integration structures",
    ),
    explanation=L(
        "Das KI kooperiert mit den vom Land geförderten Integrationsstrukturen (z. B. Integrationsagenturen).",
        "The KI cooperates with the state-funded integration structures (e.g. Integrationsagenturen).",
    ),
    message=L(
        "Kein Partner ist eine landesgeförderte Integrationsstruktur.",
        "No partner is a state-funded integration structure.",
    ),
    hint=L(
        "Tragen Sie z. B. die Integrationsagentur mit `art: landesstruktur` ein.",
        "Add, for instance, the Integrationsagentur with `art: landesstruktur`.",
    ),
    fail=edit(
        ("art: landesstruktur", "art: sonstige"),
    ),
)
def has_landesstruktur(ctx: Context) -> Iterator[Hit]:
    return _without_partner_of(ctx, "landesstruktur")


@rule(
    "KI504",
    "warning",
    title=L("Kreis ohne kreisangehörige Kommune", "Kreis without its towns"),
    basis=L(
        "TIntG § 8 Abs. 1: „im Einvernehmen mit den Gemeinden“",
        "TIntG § 8 (1): “in agreement with the municipalities”",
    ),
    explanation=L(
        "Ein Kreis-KI arbeitet im Einvernehmen mit den kreisangehörigen Gemeinden; mindestens eine ist Partner.",
        "A district KI works in agreement with the towns of the district; at least one is a partner.",
    ),
    message=L(
        "Der Kreis nennt keine kreisangehörige Kommune als Partner.",
        "The Kreis names no town within the district as a partner.",
    ),
    hint=L(
        "Das KI arbeitet im Einvernehmen mit den Gemeinden: tragen Sie sie mit `art: kreisangehoerige_kommune` ein.",
        "The KI works in agreement with the towns: add them with `art: kreisangehoerige_kommune`.",
    ),
    fail=edit(
        ("typ: kreisfreie_stadt", "typ: kreis"),
    ),
)
def has_town_of_the_kreis(ctx: Context) -> Iterator[Hit]:
    if ctx.konzept.kommune.typ != "kreis":
        return iter(())
    return _without_partner_of(ctx, "kreisangehoerige_kommune")


@rule(
    "KI505",
    "info",
    title=L("Partner ohne Bezug", "partner without reference"),
    basis=NONE,
    explanation=L(
        "Ein Partner, auf den keine Maßnahme und keine Vereinbarung verweist, steht nur in der Liste.",
        "A partner no measure and no agreement refers to only stands in the list.",
    ),
    message=L(
        "Auf den Partner „{id}“ ({name}) verweist keine Maßnahme und keine Vereinbarung.",
        "No measure and no agreement refers to the partner “{id}” ({name}).",
    ),
    hint=L(
        "Nennen Sie ihn unter federfuehrung oder beteiligt einer Maßnahme, oder entfernen Sie ihn.",
        "Name it under federfuehrung or beteiligt of a measure, or remove it.",
    ),
    fail=edit(
        (
            "  - {id: ia, name: Integrationsagentur der Caritas, art: landesstruktur}\n",
            "  - {id: ia, name: Integrationsagentur der Caritas, art: landesstruktur}\n  - {id: vhs, name: "
            "Volkshochschule, art: bildungseinrichtung}\n",
        ),
    ),
)
def unreferenced_partners(ctx: Context) -> Iterator[Hit]:
    used = {v.partner for v in ctx.konzept.vereinbarungen}
    for _, _, m in ctx.measures:
        used.add(m.federfuehrung)
        used.update(m.beteiligt)
    for i, partner in enumerate(ctx.konzept.partner):
        if partner.id not in used:
            yield hit(f"partner[{i}].id", id=partner.id, name=partner.name)


def _measure_agreements(ctx: Context) -> Iterator[tuple[str, Massnahme, Vereinbarung]]:
    """``(path of the measure's vereinbarung, measure, agreement)`` for each measure that names a known one."""
    for path, _, m in ctx.measures:
        agreement = ctx.vereinbarungen.get(m.vereinbarung or "")
        if agreement is not None:
            yield f"{path}.vereinbarung", m, agreement


def _ended_before_period(ctx: Context, agreement: Vereinbarung) -> bool:
    return agreement.ende is not None and agreement.ende < ctx.konzept.periode.beginn


@rule(
    "KI511",
    "error",
    title=L("Vereinbarung vor dem Zeitraum beendet", "agreement ended before the period"),
    basis=FOKUS,
    explanation=L(
        "Eine Maßnahme stützt sich auf eine Vereinbarung, die schon vor Beginn des Zeitraums endete.",
        "A measure rests on an agreement that ended before the period starts.",
    ),
    message=L(
        "Die Maßnahme „{id}“ stützt sich auf die Vereinbarung „{vereinbarung}“, die am {ende} endete, vor Beginn "
        "des Zeitraums ({beginn}).",
        "The measure “{id}” rests on the agreement “{vereinbarung}”, which ended on {ende}, before the period "
        "starts ({beginn}).",
    ),
    hint=L(
        "Erneuern Sie die Vereinbarung (neues ende) oder verweisen Sie auf eine gültige.",
        "Renew the agreement (a new ende) or refer to a valid one.",
    ),
    fail=edit(
        ("    beginn: 2023-01-01\n    ende: 2024-12-31\n", "    beginn: 2021-01-01\n    ende: 2022-12-31\n"),
        ("ueberpruefung: 2023-12-01", "ueberpruefung: 2021-12-01"),
    ),
)
def agreement_ended_before_period(ctx: Context) -> Iterator[Hit]:
    beginn = ctx.konzept.periode.beginn
    for where, m, agreement in _measure_agreements(ctx):
        if agreement.ende is not None and _ended_before_period(ctx, agreement):
            yield hit(where, id=m.id, vereinbarung=agreement.id, ende=date(agreement.ende), beginn=date(beginn))


@rule(
    "KI512",
    "warning",
    title=L("Vereinbarung endet vor der Maßnahme", "agreement ends before the measure"),
    basis=FOKUS,
    explanation=L(
        "Die Vereinbarung, auf der eine Maßnahme beruht, endet vor der Maßnahme: sie muss rechtzeitig verlängert "
        "werden.",
        "The agreement a measure rests on ends before the measure: it needs renewing in time.",
    ),
    message=L(
        "Die Vereinbarung „{vereinbarung}“ endet am {ende}, die Maßnahme „{id}“ erst am {measure_end}.",
        "The agreement “{vereinbarung}” ends on {ende}, the measure “{id}” only on {measure_end}.",
    ),
    hint=L(
        "Planen Sie die Verlängerung der Vereinbarung ein und tragen Sie das neue ende ein.",
        "Plan the agreement's renewal and enter the new ende.",
    ),
    fail=edit(
        ("    ende: 2024-12-31\n    status", "    ende: 2023-12-31\n    status"),
    ),
)
def agreement_ends_before_measure(ctx: Context) -> Iterator[Hit]:
    for where, m, agreement in _measure_agreements(ctx):
        if agreement.ende is None or _ended_before_period(ctx, agreement):  # KI511
            continue
        _, measure_end = ctx.measure_dates(m)
        if agreement.ende < measure_end:
            yield hit(
                where, id=m.id, vereinbarung=agreement.id, ende=date(agreement.ende), measure_end=date(measure_end)
            )


@rule(
    "KI513",
    "error",
    title=L("unterzeichnet ohne Datum", "signed without a date"),
    basis=NONE,
    explanation=L(
        "Eine Vereinbarung mit `status: unterzeichnet` nennt das Datum der Unterschrift (`unterzeichnet_am`).",
        "An agreement with `status: unterzeichnet` gives the date of signing (`unterzeichnet_am`).",
    ),
    message=L(
        "Die Vereinbarung „{id}“ ist als unterzeichnet eingetragen, aber ohne Datum.",
        "The agreement “{id}” is recorded as signed, but without a date.",
    ),
    hint=L(
        "Ergänzen Sie `unterzeichnet_am:` mit dem Datum der Unterschrift.",
        "Add `unterzeichnet_am:` with the date of signing.",
    ),
    fail=edit(
        ("    unterzeichnet_am: 2022-12-12\n", ""),
    ),
)
def signed_with_date(ctx: Context) -> Iterator[Hit]:
    for i, v in enumerate(ctx.konzept.vereinbarungen):
        if v.status == "unterzeichnet" and v.unterzeichnet_am is None:
            yield hit(f"vereinbarungen[{i}].status", id=v.id)


@rule(
    "KI514",
    "warning",
    title=L("Vereinbarung mit einem Unbeteiligten", "agreement with an uninvolved partner"),
    basis=FOKUS,
    explanation=L(
        "Die Vereinbarung einer Maßnahme ist mit einem Partner geschlossen, der die Maßnahme weder leitet noch "
        "an ihr beteiligt ist.",
        "A measure's agreement is made with a partner that neither leads nor takes part in it.",
    ),
    message=L(
        "Die Maßnahme „{id}“ verweist auf die Vereinbarung „{vereinbarung}“ mit „{partner}“, der die Maßnahme "
        "weder leitet noch an ihr beteiligt ist.",
        "The measure “{id}” refers to the agreement “{vereinbarung}” with “{partner}”, who neither leads nor "
        "takes part in it.",
    ),
    hint=L(
        "Tragen Sie „{partner}“ unter beteiligt ein oder verweisen Sie auf die Vereinbarung mit dem "
        "tatsächlichen Partner.",
        "Add “{partner}” under beteiligt or refer to the agreement with the actual partner.",
    ),
    fail=edit(
        (
            "        beteiligt: [mo-forum, awo, ia]\n",
            "        beteiligt: [mo-forum, awo, ia]\n        vereinbarung: v-schulamt\n",
        ),
    ),
)
def agreement_with_a_participant(ctx: Context) -> Iterator[Hit]:
    for where, m, agreement in _measure_agreements(ctx):
        if _ended_before_period(ctx, agreement):  # KI511
            continue
        if agreement.partner != m.federfuehrung and agreement.partner not in m.beteiligt:
            yield hit(where, id=m.id, vereinbarung=agreement.id, partner=agreement.partner)


@rule(
    "KI515",
    "warning",
    title=L("Regelpraxis ohne unterzeichnete Vereinbarung", "regular practice without a signed agreement"),
    basis=REGELPRAXIS,
    explanation=L(
        "Regelpraxis beruht auf einer unterzeichneten Vereinbarung mit dem Regeldienst. Für eine Daueraufgabe "
        "(`stufe: daueraufgabe`) gilt die Regel nicht.",
        "Regular practice rests on a signed agreement with the regular service. The rule does not apply to a "
        "standing task (`stufe: daueraufgabe`).",
    ),
    message=L(
        "Die Maßnahme „{id}“ ist Regelpraxis, ihre Vereinbarung „{vereinbarung}“ ist aber nicht unterzeichnet "
        "(Status: {status}).",
        "The measure “{id}” is regular practice, but its agreement “{vereinbarung}” is not signed (status: {status}).",
    ),
    hint=L(
        "Regelpraxis braucht eine unterzeichnete Vereinbarung: tragen Sie nach der Unterschrift `status: "
        "unterzeichnet` und `unterzeichnet_am:` ein.",
        "Regular practice needs a signed agreement: after signing, enter `status: unterzeichnet` and "
        "`unterzeichnet_am:`.",
    ),
    fail=edit(
        ("        stufe: modellprojekt", "        stufe: regelpraxis"),
        ("    status: unterzeichnet\n    unterzeichnet_am: 2022-12-12\n", "    status: in_abstimmung\n"),
    ),
)
def regular_practice_signed(ctx: Context) -> Iterator[Hit]:
    for where, m, agreement in _measure_agreements(ctx):
        if _ended_before_period(ctx, agreement):  # KI511
            continue
        if m.stufe == "regelpraxis" and agreement.status != "unterzeichnet":
            yield hit(where, id=m.id, vereinbarung=agreement.id, status=agreement.status)


@rule(
    "KI516",
    "warning",
    title=L("Überprüfung außerhalb der Laufzeit", "review outside the term"),
    basis=NONE,
    explanation=L(
        "Der Termin der gemeinsamen Überprüfung liegt innerhalb der Laufzeit der Vereinbarung.",
        "The joint review date lies within the agreement's term.",
    ),
    message=L(
        "Die Überprüfung der Vereinbarung „{id}“ am {datum} liegt außerhalb ihrer Laufzeit.",
        "The review of the agreement “{id}” on {datum} lies outside its term.",
    ),
    hint=L(
        "Legen Sie ueberpruefung zwischen beginn und ende der Vereinbarung.",
        "Put ueberpruefung between the agreement's beginn and ende.",
    ),
    fail=edit(
        ("ueberpruefung: 2023-12-01", "ueberpruefung: 2025-12-01"),
    ),
)
def review_within_term(ctx: Context) -> Iterator[Hit]:
    for i, v in enumerate(ctx.konzept.vereinbarungen):
        if v.ende is not None and v.beginn > v.ende:  # KI518
            continue
        review = v.ueberpruefung
        if review is not None and (review < v.beginn or (v.ende is not None and review > v.ende)):
            yield hit(f"vereinbarungen[{i}].ueberpruefung", id=v.id, datum=date(review))


@rule(
    "KI517",
    "info",
    title=L("Vereinbarung ohne Maßnahme", "agreement without a measure"),
    basis=NONE,
    explanation=L(
        "Eine Vereinbarung, auf die keine Maßnahme verweist, steht im Konzept ohne Bezug.",
        "An agreement no measure refers to stands in the concept without reference.",
    ),
    message=L("Auf die Vereinbarung „{id}“ verweist keine Maßnahme.", "No measure refers to the agreement “{id}”."),
    hint=L(
        "Verweisen Sie aus der zugehörigen Maßnahme mit `vereinbarung: {id}` darauf.",
        "Refer to it from its measure with `vereinbarung: {id}`.",
    ),
    fail=edit(
        ("        vereinbarung: v-schulamt\n", "        vereinbarung: v-jobcenter\n"),
        (
            "vorlage:\n",
            "  - id: v-jobcenter\n    partner: jobcenter\n    form: absprache\n    gegenstand: Praktika\n    "
            "zustaendigkeit_partner: Vermittlung.\n    beitrag_ki: Fokus Migration.\n    beginn: 2023-01-01\n    "
            "status: entwurf\nvorlage:\n",
        ),
    ),
)
def unreferenced_agreements(ctx: Context) -> Iterator[Hit]:
    used = {m.vereinbarung for _, _, m in ctx.measures if m.vereinbarung}
    for i, v in enumerate(ctx.konzept.vereinbarungen):
        if v.id not in used:
            yield hit(f"vereinbarungen[{i}].id", id=v.id)


@rule(
    "KI518",
    "error",
    title=L("Vereinbarung beginnt nach ihrem Ende", "agreement starts after its end"),
    basis=NONE,
    explanation=L(
        "Der Beginn einer Vereinbarung liegt nach ihrem Ende – meist vertauschte Daten.",
        "An agreement's start lies after its end – usually swapped dates.",
    ),
    message=L(
        "Die Vereinbarung „{id}“ beginnt ({beginn}) nach ihrem Ende ({ende}).",
        "The agreement “{id}” starts ({beginn}) after it ends ({ende}).",
    ),
    hint=L(
        "Tauschen oder korrigieren Sie beginn und ende der Vereinbarung.",
        "Swap or correct the agreement's beginn and ende.",
    ),
    fail=edit(
        ("    beginn: 2023-01-01\n    ende: 2024-12-31\n", "    beginn: 2025-01-01\n    ende: 2024-12-31\n"),
    ),
)
def agreement_dates_in_order(ctx: Context) -> Iterator[Hit]:
    for i, v in enumerate(ctx.konzept.vereinbarungen):
        if v.ende is not None and v.beginn > v.ende:
            yield hit(f"vereinbarungen[{i}].ende", id=v.id, beginn=date(v.beginn), ende=date(v.ende))

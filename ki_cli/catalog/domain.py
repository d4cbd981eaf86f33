"""Registry entries KI2xx–KI6xx: the domain rules, with a failing and a passing example each."""

from __future__ import annotations

from ki_cli.i18n import L
from ki_cli.registry import Rule

# A concept that passes every rule (no finding at all); each failing example changes it a little.
FULL = """\
version: 1
kommune: {name: Stadt Beispielstadt, typ: kreisfreie_stadt}
zentrum: {name: Kommunales Integrationszentrum Beispielstadt, anbindung: Dezernat III}
periode: {beginn: 2023-01-01, ende: 2024-12-31}
grundlagen:
  foerderrichtlinie: "2018"
  integrationskonzept: {titel: Integrationskonzept, beschlossen_am: 2022-06-22}
  beschluesse:
    - {gremium: rat, datum: 2012-11-08, gegenstand: Einrichtung des KI}
schwerpunkte:
  - id: uebergang
    bereich: bildungskette
    handlungsfeld: uebergang_schule_beruf
    titel: Übergang Schule – Beruf
    begruendung: Zugang zu Ausbildung verbessern.
    ziele:
      - {id: z-bo, beschreibung: Mehr Schulen mit Berufsorientierung, indikator: Schulen, zielwert: 12}
    massnahmen:
      - id: m-bo
        titel: Migrationssensible Berufsorientierung
        stufe: modellprojekt
        federfuehrung: schulamt
        beteiligt: [jobcenter]
        vereinbarung: v-schulamt
        aspekte: [berufsorientierung, berufswahlspektrum, mobilitaet, elternbildung, kooperation_betriebe]
        ziele: [z-bo]
  - id: oeffnung
    bereich: querschnitt
    handlungsfeld: interkulturelle_oeffnung
    titel: Interkulturelle Öffnung der Verwaltung
    begruendung: Regeldienste erreichen Neuzugewanderte schlecht.
    massnahmen:
      - id: m-fortbildung
        titel: Fortbildungsreihe Fokus Migration
        stufe: initiative
        federfuehrung: ki
        beteiligt: [mo-forum, awo, ia]
personal:
  - {id: lk-1, funktion: lehrkraft, vze: 1, finanzierung: land, besetzt_durch: J. Weber, einsatz: {uebergang: 1}}
  - {id: lk-2, funktion: lehrkraft, vze: 1, finanzierung: land, besetzt_durch: M. Kowalski, einsatz: {uebergang: 0.5, oeffnung: 0.5}}
  - {id: fk-1, funktion: fachkraft, vze: 1, finanzierung: land, rolle: leitung, besetzt_durch: A. Demir, einsatz: {uebergang: 0.5, oeffnung: 0.5}}
  - {id: fk-2, funktion: fachkraft, vze: 1, finanzierung: land, rolle: stellvertretung, besetzt_durch: T. Schmitt, einsatz: {oeffnung: 1}}
  - {id: fk-3, funktion: fachkraft, vze: 1, finanzierung: land, besetzt_durch: E. Yılmaz, einsatz: {uebergang: 1}}
  - {id: va-1, funktion: verwaltung, vze: 0.5, finanzierung: land, besetzt_durch: P. Lange, einsatz: {uebergang: 0.25, oeffnung: 0.25}}
sachkosten:
  - {posten: Büroräume und Reisekosten, betrag: 24000, traeger: kommune}
partner:
  - {id: schulamt, name: Schulamt für die Stadt Beispielstadt, art: schulaufsicht}
  - {id: jobcenter, name: Jobcenter Beispielstadt, art: arbeitsverwaltung}
  - {id: mo-forum, name: Forum der Migrantenorganisationen, art: migrantenorganisation}
  - {id: awo, name: AWO Kreisverband, art: freier_traeger}
  - {id: ia, name: Integrationsagentur der Caritas, art: landesstruktur}
vereinbarungen:
  - id: v-schulamt
    partner: schulamt
    form: kooperationsvereinbarung
    gegenstand: Berufsorientierung an weiterführenden Schulen
    zustaendigkeit_partner: Die Berufsorientierung nach KAoA verantwortet das Schulamt.
    beitrag_ki: Fortbildung und Elternarbeit mit Fokus Migration.
    beginn: 2023-01-01
    ende: 2024-12-31
    status: unterzeichnet
    unterzeichnet_am: 2022-12-12
    ueberpruefung: 2023-12-01
vorlage:
  drucksache: "0815/2022"
  beratungsfolge:
    - {gremium: integrationsrat, datum: 2022-09-03, zustaendigkeit: empfehlung}
    - {gremium: rat, datum: 2022-09-26, zustaendigkeit: entscheidung}
"""


def _with(*pairs: tuple[str, str]) -> str:
    text = FULL
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


_KREIS = ("typ: kreisfreie_stadt", "typ: kreis")
_2025 = ('foerderrichtlinie: "2018"', 'foerderrichtlinie: "2025"')
_FK3_LAND = "{id: fk-3, funktion: fachkraft, vze: 1, finanzierung: land"

_SEED_PERIOD = L("Fördervoraussetzung „Schwerpunkte im Zwei-Jahres-Turnus“; Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „Schwerpunktwahl für 2 Jahre“",
                 "funding condition “priorities in a two-year cycle”; presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “Schwerpunktwahl für 2 Jahre”")
_GUIDELINE = L("Förderrichtlinie", "funding guideline")
_CONCEPT_AGE = L("Antragsvoraussetzungen 2012: Integrationskonzept „nicht älter als 3 Jahre“",
                 "2012 application requirements: integration concept “not older than 3 years”")
_TINTG_CONCEPT = L("TIntG § 8 Abs. 1: Förderung setzt ein Integrationskonzept voraus",
                   "TIntG § 8 (1): funding requires an integration concept")
_GO_KRO = L("GO NRW / KrO NRW", "GO NRW / KrO NRW (municipal codes)")
_TINTG_AREAS = L("TIntG § 8 Abs. 1 Nr. 1 und 2; Arbeitsplanung für beide Schwerpunkte",
                 "TIntG § 8 (1) no. 1 and 2; work plan for both priorities")
_VOCAB = L("Vokabular des Konzeptformats", "vocabulary of the concept format")
_NONE = L("gute Planungspraxis", "good planning practice")
_SEED_TRANSITION = L("Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „KI im Übergangssystem“", "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “KI im Übergangssystem”")
_FOKUS = L("Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „Fachliche Zuständigkeit bleibt in den Regeldiensten … Vereinbarungen/Absprachen“ (Fokus-Ansatz)",
           "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “subject responsibility stays with the regular services … agreements” (Fokus-Ansatz)")
_REGELPRAXIS = L("Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „von Initiativen und Modellprojekten zur Regelpraxis“",
                 "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “from initiatives and model projects to regular practice”")
_PACK = L("Regelpaket der Förderrichtlinie", "rule pack of the funding guideline")
_SEED_STAFF = L("Regelpaket der Förderrichtlinie; Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „5,5 landesfinanzierte Stellen“",
                "rule pack of the funding guideline; presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “5,5 state-funded posts”")
_PRACTICE = L("Förderpraxis: Leitung in Vollzeit (Beschlussvorlage Kreis Heinsberg)",
              "funding practice: full-time Leitung (council proposal Kreis Heinsberg)")
_SACHKOSTEN = L("Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „Sachkosten: Kommunen“; Fördervoraussetzungen", "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “Sachkosten: Kommunen”; funding conditions")
_NETWORK = L("Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): Das KI vernetzt Verwaltung, freie Träger und Migrantenorganisationen",
             "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): the KI networks administration, freie Träger and migrant organisations")
_TINTG_TRAEGER = L("TIntG § 8 Abs. 1: Zusammenarbeit mit freien Trägern", "TIntG § 8 (1): cooperation with freie Träger")
_LAND = L("Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): Kooperation mit den vom Land geförderten Integrationsstrukturen",
          "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): cooperation with the state-funded integration structures")
_GEMEINDEN = L("TIntG § 8 Abs. 1: „im Einvernehmen mit den Gemeinden“", "TIntG § 8 (1): “in agreement with the municipalities”")
_GO27 = L("GO NRW § 27 (Integrationsrat)", "GO NRW § 27 (Integrationsrat)")
_COUNCIL = L("Beschlussvorlage: Beratungsfolge bis zum Rat bzw. Kreistag", "council proposal: Beratungsfolge up to the Rat or Kreistag")


def _rule(code: str, severity: str, title: L, basis: L, explanation: L, fail: str) -> Rule:
    return Rule(code, severity, title, basis, explanation, fail, FULL)  # type: ignore[arg-type]


RULES: tuple[Rule, ...] = (
    _rule("KI201", "error", L("Zeitraum nicht zwei Jahre", "period is not two years"), _SEED_PERIOD,
          L("Schwerpunkte werden für genau zwei Jahre gewählt: `beginn` ist der Erste eines Monats, `ende` der Tag vor demselben Datum zwei Jahre später (2025-01-01 bis 2026-12-31).",
            "Priorities are chosen for exactly two years: `beginn` is the first of a month, `ende` the day before the same date two years later (2025-01-01 to 2026-12-31)."),
          _with(("ende: 2024-12-31}", "ende: 2025-12-31}"))),
    _rule("KI202", "info", L("Zeitraum beginnt nicht am 1. Januar", "period does not start on 1 January"), _GUIDELINE,
          L("Förderjahre sind Kalenderjahre. Ein Zeitraum ab einem anderen Monat ist möglich, passt aber nicht zu den Förderjahren.",
            "Funding years are calendar years. A period starting in another month is possible but does not match the funding years."),
          _with(("beginn: 2023-01-01, ende: 2024-12-31", "beginn: 2023-07-01, ende: 2025-06-30"))),
    _rule("KI203", "warning", L("Integrationskonzept älter als drei Jahre", "integration concept older than three years"), _CONCEPT_AGE,
          L("Das Integrationskonzept soll bei Beginn des Zeitraums nicht älter als drei Jahre sein; sonst ist es fortzuschreiben.",
            "The integration concept should not be older than three years when the period starts; otherwise it needs updating."),
          _with(("beschlossen_am: 2022-06-22", "beschlossen_am: 2019-06-22"))),
    _rule("KI204", "error", L("Integrationskonzept nach Beginn beschlossen", "integration concept decided after the start"), _TINTG_CONCEPT,
          L("Das Land fördert KI in Kommunen, die ein Integrationskonzept haben. Ein erst nach Beginn des Zeitraums beschlossenes Konzept trägt die Schwerpunkte nicht.",
            "The state funds KIs of municipalities that have an integration concept. A concept decided only after the period starts cannot carry the priorities."),
          _with(("beschlossen_am: 2022-06-22", "beschlossen_am: 2023-06-22"))),
    _rule("KI205", "error", L("Beschluss durch das falsche Gremium", "resolution by the wrong body"), _GO_KRO,
          L("In einer kreisfreien Stadt beschließt der Rat, in einem Kreis der Kreistag. Ein Beschluss des jeweils anderen Gremiums ist ein Tippfehler oder gehört zu einer anderen Kommune.",
            "In an independent city the Rat decides, in a Kreis the Kreistag. A resolution by the other body is a typo or belongs to another municipality."),
          _with(("{gremium: rat, datum: 2012-11-08", "{gremium: kreistag, datum: 2012-11-08"))),
    _rule("KI301", "error", L("nicht beide gesetzlichen Bereiche", "not both legal areas"), _TINTG_AREAS,
          L("Das KI arbeitet entlang der Bildungskette und im Querschnitt Integration; die Arbeitsplanung umfasst beide. Es braucht mindestens einen Schwerpunkt je Bereich.",
            "The KI works along the education chain and across the administration; the work plan covers both. At least one priority per area is needed."),
          _with(("bereich: querschnitt\n    handlungsfeld: interkulturelle_oeffnung", "bereich: bildungskette\n    handlungsfeld: schule"))),
    _rule("KI302", "error", L("Handlungsfeld passt nicht zum Bereich", "field of action does not fit the area"), _VOCAB,
          L("Jedes Handlungsfeld gehört zu einem der beiden Bereiche (z. B. `schule` zur Bildungskette, `kultur` zum Querschnitt).",
            "Each field of action belongs to one of the two areas (e.g. `schule` to the education chain, `kultur` to the cross-cutting area)."),
          _with(("handlungsfeld: interkulturelle_oeffnung", "handlungsfeld: schule"))),
    _rule("KI303", "warning", L("Schwerpunkt ohne Maßnahme", "priority without a measure"), _NONE,
          L("Ein Schwerpunkt ohne Maßnahme wird nicht umgesetzt; in der Vorlage stünde er leer.",
            "A priority without a measure is not carried out; it would stand empty in the proposal."),
          _with(("    massnahmen:\n      - id: m-fortbildung\n        titel: Fortbildungsreihe Fokus Migration\n        stufe: initiative\n        federfuehrung: ki\n        beteiligt: [mo-forum, awo, ia]\n", ""))),
    _rule("KI304", "info", L("Ziel ohne Indikator oder Zielwert", "goal without indicator or target"), _NONE,
          L("Ohne `indikator` und `zielwert` lässt sich nicht prüfen, ob ein Ziel erreicht wurde.",
            "Without `indikator` and `zielwert` it cannot be checked whether a goal was reached."),
          _with((", indikator: Schulen, zielwert: 12}", "}"))),
    _rule("KI305", "info", L("Übergangsaspekte nicht vollständig", "transition aspects incomplete"), _SEED_TRANSITION,
          L("Ein Schwerpunkt Übergang Schule – Beruf soll die fünf Aspekte abdecken, die der Vortrag „Kommunale Integrationszentren“ der Bezirksregierung Arnsberg für das Übergangssystem nennt: Berufsorientierung, Berufswahlspektrum, Mobilität, Elternbildung, Zusammenarbeit mit Betrieben.",
            "A school-to-work priority should cover the five aspects of the transition system named in the Bezirksregierung Arnsberg's presentation “Kommunale Integrationszentren”: careers guidance, range of occupations, mobility, parent education, cooperation with companies."),
          _with(("aspekte: [berufsorientierung, berufswahlspektrum, mobilitaet, elternbildung, kooperation_betriebe]", "aspekte: [berufsorientierung]"))),
    _rule("KI311", "warning", L("Maßnahme außerhalb des Zeitraums", "measure outside the period"), _NONE,
          L("Beginn und Ende einer Maßnahme liegen im Zeitraum der Schwerpunktsetzung; ohne Angabe gilt der Zeitraum.",
            "A measure's start and end lie within the period; without them the period applies."),
          _with(("        ziele: [z-bo]\n", "        ziele: [z-bo]\n        ende: 2025-06-30\n"))),
    _rule("KI312", "error", L("Maßnahme beginnt nach ihrem Ende", "measure starts after its end"), _NONE,
          L("Der Beginn einer Maßnahme liegt nach ihrem Ende – meist vertauschte Daten.",
            "A measure's start lies after its end – usually swapped dates."),
          _with(("        ziele: [z-bo]\n", "        ziele: [z-bo]\n        beginn: 2024-06-01\n        ende: 2023-06-01\n"))),
    _rule("KI313", "warning", L("Regeldienst führt ohne Vereinbarung", "regular service leads without an agreement"), _FOKUS,
          L("Führt ein Regeldienst oder die Schulaufsicht eine Maßnahme, bleibt die fachliche Zuständigkeit dort; was der Partner verantwortet und was das KI beiträgt, wird in einer Vereinbarung festgehalten.",
            "When a regular service or the school authority leads a measure, subject responsibility stays there; what the partner is responsible for and what the KI contributes is laid down in an agreement."),
          _with(("        vereinbarung: v-schulamt\n", ""))),
    _rule("KI314", "warning", L("Regelpraxis vom KI geführt", "regular practice led by the KI"), _REGELPRAXIS,
          L("Regelpraxis heißt: die Regeldienste haben die Maßnahme übernommen. Führt das KI sie noch selbst, ist sie keine Regelpraxis.",
            "Regular practice means the regular services have taken the measure over. If the KI still leads it, it is not regular practice."),
          _with(("        stufe: initiative\n        federfuehrung: ki", "        stufe: regelpraxis\n        federfuehrung: ki"))),
    _rule("KI315", "warning", L("Aspekte außerhalb des Übergangs", "aspects outside the transition"), _VOCAB,
          L("Die Aspekte des Übergangssystems gehören zu Maßnahmen eines Schwerpunkts Übergang Schule – Beruf.",
            "The transition aspects belong to measures of a school-to-work priority."),
          _with(("        beteiligt: [mo-forum, awo, ia]\n", "        beteiligt: [mo-forum, awo, ia]\n        aspekte: [elternbildung]\n"))),
    _rule("KI316", "error", L("Ziel eines anderen Schwerpunkts", "goal of another priority"), _NONE,
          L("Eine Maßnahme dient den Zielen ihres eigenen Schwerpunkts; ein Ziel eines anderen Schwerpunkts ist meist ein Verweisfehler.",
            "A measure serves the goals of its own priority; a goal of another priority is usually a wrong reference."),
          _with(("        beteiligt: [mo-forum, awo, ia]\n", "        beteiligt: [mo-forum, awo, ia]\n        ziele: [z-bo]\n"))),
    _rule("KI401", "error", L("zu viele Landesstellen einer Funktion", "too many state-funded posts of a function"), _PACK,
          L("Das Regelpaket der Förderrichtlinie begrenzt die landesfinanzierten VZE je Funktion (z. B. 2,0 Lehrkräfte, 3,0 Fachkräfte und 0,5 Verwaltung nach dem Erlass 2018).",
            "The funding guideline's rule pack caps state-funded VZE per function (e.g. 2.0 teachers, 3.0 specialists and 0.5 admin under the 2018 decree)."),
          _with(("  - {id: va-1,", "  - {id: fk-4, funktion: fachkraft, vze: 0.5, finanzierung: land, besetzt_durch: K. Roth, einsatz: {oeffnung: 0.5}}\n  - {id: va-1,"))),
    _rule("KI402", "error", L("zu viele Landesstellen insgesamt", "too many state-funded posts in total"), _SEED_STAFF,
          L("Das Regelpaket begrenzt die Summe der landesfinanzierten VZE (5,5 nach dem Erlass 2018; 5,5 bzw. 6,5 Fachkraft- und Verwaltungsstellen nach der Förderrichtlinie 2025).",
            "The rule pack caps the sum of state-funded VZE (5.5 under the 2018 decree; 5.5 or 6.5 specialist and admin posts under the 2025 guideline)."),
          # the caps per function add up to the sum cap, so an excess in total is also one per function
          _with(("  - {id: va-1,", "  - {id: fk-4, funktion: fachkraft, vze: 0.5, finanzierung: land, besetzt_durch: K. Roth, einsatz: {oeffnung: 0.5}}\n  - {id: va-1,"))),
    _rule("KI403", "error", L("Einsatz passt nicht zur Stelle", "einsatz does not add up"), _NONE,
          L("Die Anteile unter `einsatz` verteilen die VZE einer Stelle auf die Schwerpunkte und ergeben zusammen genau ihre `vze`.",
            "The shares under `einsatz` spread a post's VZE over the priorities and add up to exactly its `vze`."),
          _with(("einsatz: {uebergang: 0.25, oeffnung: 0.25}", "einsatz: {uebergang: 0.25, oeffnung: 0.5}"))),
    _rule("KI404", "warning", L("Bereich ohne Personal", "area without staff"), _TINTG_AREAS,
          L("Jeder der beiden gesetzlichen Bereiche bekommt Personalzeit; ein Bereich ohne Einsatz steht nur auf dem Papier.",
            "Each of the two legal areas gets staff time; an area without any is only on paper."),
          FULL.replace("oeffnung: 0.5}", "uebergang: 0.5}").replace("{oeffnung: 1}", "{uebergang: 1}").replace("oeffnung: 0.25}", "uebergang: 0.25}").replace("{uebergang: 0.5, uebergang: 0.5}", "{uebergang: 1}").replace("{uebergang: 0.25, uebergang: 0.25}", "{uebergang: 0.5}")),
    _rule("KI405", "warning", L("keine oder mehrere Leitungen", "no or several heads"), _PRACTICE,
          L("Genau eine Stelle hat die Rolle Leitung. Keine Leitung ist eine Warnung, mehrere Leitungen sind ein Fehler.",
            "Exactly one post has the role leitung. No head is a warning, several heads are an error."),
          _with((", rolle: leitung", ""))),
    _rule("KI406", "warning", L("Leitung nicht in Vollzeit", "head not full-time"), _PRACTICE,
          L("Das Ministerium hat die Förderung an eine Leitung und Stellvertretung in Vollzeit geknüpft.",
            "The ministry tied funding to a full-time head and deputy."),
          _with(("{id: fk-2, funktion: fachkraft, vze: 1, finanzierung: land, rolle: stellvertretung, besetzt_durch: T. Schmitt, einsatz: {oeffnung: 1}}",
                 "{id: fk-2, funktion: fachkraft, vze: 0.5, finanzierung: land, rolle: stellvertretung, besetzt_durch: T. Schmitt, einsatz: {oeffnung: 0.5}}\n  - {id: fk-2b, funktion: fachkraft, vze: 0.5, finanzierung: land, besetzt_durch: U. Berg, einsatz: {oeffnung: 0.5}}"))),
    _rule("KI407", "warning", L("Landesstelle unbesetzt", "state-funded post vacant"), _PACK,
          L("Eine landesfinanzierte Stelle ohne `besetzt_durch` ist unbesetzt; die Förderung setzt besetzte Stellen voraus.",
            "A state-funded post without `besetzt_durch` is vacant; funding presupposes filled posts."),
          _with((", besetzt_durch: E. Yılmaz", ""))),
    _rule("KI408", "info", L("Förderrahmen nicht ausgeschöpft", "funding cap not used"), _PACK,
          L("Die landesfinanzierten VZE liegen unter der Obergrenze des Regelpakets; der Rest bleibt ungefördert.",
            "The state-funded VZE are below the rule pack's cap; the rest remains unfunded."),
          _with((_FK3_LAND, "{id: fk-3, funktion: fachkraft, vze: 1, finanzierung: kommune"))),
    _rule("KI409", "warning", L("keine Sachkosten der Kommune", "no municipal material costs"), _SACHKOSTEN,
          L("Die Kommune stellt Räume und trägt Verwaltungskosten; mindestens ein Sachkostenposten hat `traeger: kommune`.",
            "The municipality provides rooms and bears administrative costs; at least one material-cost item has `traeger: kommune`."),
          _with(("traeger: kommune}", "traeger: drittmittel}"))),
    _rule("KI410", "info", L("Landesförderung pro Jahr", "state grant per year"), _PACK,
          L("Für Regelpakete mit Festbeträgen (Förderrichtlinie 2025: 57.000 € je Fachkraft-VZE, 22.500 € je 0,5 VZE Verwaltung) berechnet ki die jährliche Landesförderung aus den landesfinanzierten VZE.",
            "For rule packs with fixed amounts (2025 guideline: €57,000 per specialist VZE, €22,500 per 0.5 admin VZE) ki computes the yearly state grant from the state-funded VZE."),
          _with(_2025)),
    _rule("KI501", "warning", L("keine Migrantenorganisation", "no migrant organisation"), _NETWORK,
          L("Das KI vernetzt sich mit Migrantenorganisationen; mindestens ein Partner hat `art: migrantenorganisation`.",
            "The KI networks with migrant organisations; at least one partner has `art: migrantenorganisation`."),
          _with(("art: migrantenorganisation", "art: sonstige"))),
    _rule("KI502", "warning", L("kein freier Träger", "no freier Träger"), _TINTG_TRAEGER,
          L("Das Integrationskonzept sieht die Zusammenarbeit mit freien Trägern vor; mindestens ein Partner hat `art: freier_traeger`.",
            "The integration concept provides for cooperation with freie Träger; at least one partner has `art: freier_traeger`."),
          _with(("art: freier_traeger", "art: sonstige"))),
    _rule("KI503", "info", L("keine Landesstruktur", "no state-funded structure"), _LAND,
          L("Das KI kooperiert mit den vom Land geförderten Integrationsstrukturen (z. B. Integrationsagenturen).",
            "The KI cooperates with the state-funded integration structures (e.g. Integrationsagenturen)."),
          _with(("art: landesstruktur", "art: sonstige"))),
    _rule("KI504", "warning", L("Kreis ohne kreisangehörige Kommune", "Kreis without its towns"), _GEMEINDEN,
          L("Ein Kreis-KI arbeitet im Einvernehmen mit den kreisangehörigen Gemeinden; mindestens eine ist Partner.",
            "A district KI works in agreement with the towns of the district; at least one is a partner."),
          _with(_KREIS)),
    _rule("KI505", "info", L("Partner ohne Bezug", "partner without reference"), _NONE,
          L("Ein Partner, auf den keine Maßnahme und keine Vereinbarung verweist, steht nur in der Liste.",
            "A partner no measure and no agreement refers to only stands in the list."),
          _with(("  - {id: ia, name: Integrationsagentur der Caritas, art: landesstruktur}\n",
                 "  - {id: ia, name: Integrationsagentur der Caritas, art: landesstruktur}\n  - {id: vhs, name: Volkshochschule, art: bildungseinrichtung}\n"))),
    _rule("KI511", "error", L("Vereinbarung vor dem Zeitraum beendet", "agreement ended before the period"), _FOKUS,
          L("Eine Maßnahme stützt sich auf eine Vereinbarung, die schon vor Beginn des Zeitraums endete.",
            "A measure rests on an agreement that ended before the period starts."),
          _with(("    beginn: 2023-01-01\n    ende: 2024-12-31\n", "    beginn: 2021-01-01\n    ende: 2022-12-31\n"),
                ("ueberpruefung: 2023-12-01", "ueberpruefung: 2021-12-01"))),
    _rule("KI512", "warning", L("Vereinbarung endet vor der Maßnahme", "agreement ends before the measure"), _FOKUS,
          L("Die Vereinbarung, auf der eine Maßnahme beruht, endet vor der Maßnahme: sie muss rechtzeitig verlängert werden.",
            "The agreement a measure rests on ends before the measure: it needs renewing in time."),
          _with(("    ende: 2024-12-31\n    status", "    ende: 2023-12-31\n    status"))),
    _rule("KI513", "error", L("unterzeichnet ohne Datum", "signed without a date"), _NONE,
          L("Eine Vereinbarung mit `status: unterzeichnet` nennt das Datum der Unterschrift (`unterzeichnet_am`).",
            "An agreement with `status: unterzeichnet` gives the date of signing (`unterzeichnet_am`)."),
          _with(("    unterzeichnet_am: 2022-12-12\n", ""))),
    _rule("KI514", "warning", L("Vereinbarung mit einem Unbeteiligten", "agreement with an uninvolved partner"), _FOKUS,
          L("Die Vereinbarung einer Maßnahme ist mit einem Partner geschlossen, der die Maßnahme weder leitet noch an ihr beteiligt ist.",
            "A measure's agreement is made with a partner that neither leads nor takes part in it."),
          _with(("        beteiligt: [mo-forum, awo, ia]\n", "        beteiligt: [mo-forum, awo, ia]\n        vereinbarung: v-schulamt\n"))),
    _rule("KI515", "warning", L("Regelpraxis ohne unterzeichnete Vereinbarung", "regular practice without a signed agreement"), _REGELPRAXIS,
          L("Regelpraxis beruht auf einer unterzeichneten Vereinbarung mit dem Regeldienst.",
            "Regular practice rests on a signed agreement with the regular service."),
          _with(("        stufe: modellprojekt", "        stufe: regelpraxis"), ("    status: unterzeichnet\n    unterzeichnet_am: 2022-12-12\n", "    status: in_abstimmung\n"))),
    _rule("KI516", "warning", L("Überprüfung außerhalb der Laufzeit", "review outside the term"), _NONE,
          L("Der Termin der gemeinsamen Überprüfung liegt innerhalb der Laufzeit der Vereinbarung.",
            "The joint review date lies within the agreement's term."),
          _with(("ueberpruefung: 2023-12-01", "ueberpruefung: 2025-12-01"))),
    _rule("KI517", "info", L("Vereinbarung ohne Maßnahme", "agreement without a measure"), _NONE,
          L("Eine Vereinbarung, auf die keine Maßnahme verweist, steht im Konzept ohne Bezug.",
            "An agreement no measure refers to stands in the concept without reference."),
          _with(("        vereinbarung: v-schulamt\n", "        vereinbarung: v-jobcenter\n"),
                ("vorlage:\n", "  - id: v-jobcenter\n    partner: jobcenter\n    form: absprache\n    gegenstand: Praktika\n    zustaendigkeit_partner: Vermittlung.\n    beitrag_ki: Fokus Migration.\n    beginn: 2023-01-01\n    status: entwurf\nvorlage:\n"))),
    _rule("KI518", "error", L("Vereinbarung beginnt nach ihrem Ende", "agreement starts after its end"), _NONE,
          L("Der Beginn einer Vereinbarung liegt nach ihrem Ende – meist vertauschte Daten.",
            "An agreement's start lies after its end – usually swapped dates."),
          _with(("    beginn: 2023-01-01\n    ende: 2024-12-31\n", "    beginn: 2025-01-01\n    ende: 2024-12-31\n"))),
    _rule("KI601", "error", L("Beratungsfolge ohne eine Entscheidung am Ende", "Beratungsfolge without one decision at the end"), _COUNCIL,
          L("Die Beratungsfolge endet mit genau einer Entscheidung; alle Gremien davor hören an oder empfehlen.",
            "The Beratungsfolge ends with exactly one decision; all bodies before it are heard or recommend."),
          _with(("datum: 2022-09-26, zustaendigkeit: entscheidung", "datum: 2022-09-26, zustaendigkeit: empfehlung"))),
    _rule("KI602", "error", L("Beratungsfolge zeitlich rückwärts", "Beratungsfolge goes backwards"), _COUNCIL,
          L("Die Gremien beraten nacheinander; ein Datum vor dem vorigen ist meist ein Tippfehler.",
            "The bodies consult one after another; a date before the previous one is usually a typo."),
          _with(("datum: 2022-09-03, zustaendigkeit: empfehlung", "datum: 2022-10-03, zustaendigkeit: empfehlung"))),
    _rule("KI603", "warning", L("Entscheidung nach Beginn", "decision after the start"), _COUNCIL,
          L("Die Schwerpunkte müssen beschlossen sein, bevor der Zeitraum beginnt.",
            "The priorities must be decided before the period starts."),
          _with(("datum: 2022-09-03, zustaendigkeit: empfehlung", "datum: 2023-01-03, zustaendigkeit: empfehlung"),
                ("datum: 2022-09-26, zustaendigkeit: entscheidung", "datum: 2023-01-26, zustaendigkeit: entscheidung"))),
    _rule("KI604", "error", L("falsches entscheidendes Gremium", "wrong deciding body"), _GO_KRO,
          L("Über die Schwerpunkte entscheidet in einer kreisfreien Stadt der Rat, in einem Kreis der Kreistag.",
            "In an independent city the Rat decides on the priorities, in a Kreis the Kreistag."),
          _with(("{gremium: rat, datum: 2022-09-26", "{gremium: ausschuss, datum: 2022-09-26"))),
    _rule("KI605", "warning", L("Integrationsrat nicht beteiligt", "Integrationsrat not consulted"), _GO27,
          L("Kreisfreie Städte mit Integrationsrat beteiligen ihn an Integrationsfragen; er gehört in die Beratungsfolge.",
            "Independent cities with an Integrationsrat consult it on integration matters; it belongs in the Beratungsfolge."),
          _with(("{gremium: integrationsrat, datum: 2022-09-03", "{gremium: ausschuss, datum: 2022-09-03"))),
    _rule("KI606", "info", L("keine Vorlage", "no council proposal data"), _NONE,
          L("Ohne Abschnitt `vorlage` bleiben Kopf und Beratungsfolge der Beschlussvorlage leer.",
            "Without a `vorlage` section the head and the Beratungsfolge of the proposal stay blank."),
          FULL[: FULL.index("vorlage:")]),
)

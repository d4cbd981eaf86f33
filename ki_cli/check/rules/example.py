"""The concept every domain rule's examples start from: it passes every rule, without a finding.

Each rule's failing example is ``edit(...)`` of it (one small change), its passing example is
``FULL`` itself; ``ki explain CODE`` shows the difference as the change that fixes the finding.
"""

from __future__ import annotations

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
  - {id: fk-4, funktion: fachkraft, vze: 1, finanzierung: land, besetzt_durch: S. Nowak, einsatz: {uebergang: 1}}
  - {id: fk-5, funktion: fachkraft, vze: 1, finanzierung: land, besetzt_durch: L. Haddad, einsatz: {oeffnung: 1}}
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
"""  # noqa: E501 (the personal lines are one flow mapping each)


def edit(*pairs: tuple[str, str]) -> str:
    """``FULL`` with each ``(old, new)`` replaced once; ``old`` must be there."""
    text = FULL
    for old, new in pairs:
        if old not in text:
            raise ValueError(f"not in the example concept: {old!r}")
        text = text.replace(old, new, 1)
    return text

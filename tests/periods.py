"""Concepts of two periods for the tests of ``ki diff`` and ``ki next-period``.

``OLD`` is the format's complete example moved to 2023–2024 (with a few more entries, so that
every kind of change has something to act on). Tests copy it as a mapping, change what they
test, and write both as real YAML files.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

OLD_TEXT = """\
version: 1
kommune:
  name: Stadt Beispielstadt
  typ: kreisfreie_stadt
  regierungsbezirk: arnsberg
  ags: "05999000"
zentrum:
  name: Kommunales Integrationszentrum Beispielstadt
  anbindung: Dezernat III – Bildung, Jugend und Soziales
  leitung: Aylin Demir
  email: ki@beispielstadt.de
periode:
  beginn: 2023-01-01
  ende: 2024-12-31
grundlagen:
  foerderrichtlinie: "2018"
  integrationskonzept:
    titel: Integrationskonzept der Stadt Beispielstadt
    beschlossen_am: 2021-06-22
    drucksache: "0412/2021"
  beschluesse:
    - gremium: rat
      datum: 2012-11-08
      gegenstand: Einrichtung des Kommunalen Integrationszentrums
      drucksache: "1234/2012"
schwerpunkte:
  - id: uebergang
    bereich: bildungskette
    handlungsfeld: uebergang_schule_beruf
    titel: Übergang Schule – Beruf migrationssensibel gestalten
    begruendung: >
      Der Anteil Jugendlicher mit Einwanderungsgeschichte an den Schulabgängen steigt,
      ihr Zugang zu dualer Ausbildung bleibt unterdurchschnittlich.
    ziele:
      - id: z-bo
        beschreibung: Mehr Schulen verankern migrationssensible Berufsorientierung
        indikator: Schulen mit verankertem Konzept
        ausgangswert: 4
        zielwert: 12
        einheit: Schulen
    massnahmen:
      - id: m-bo
        titel: Migrationssensible Berufsorientierung an weiterführenden Schulen
        stufe: modellprojekt
        federfuehrung: schulamt
        beteiligt: [jobcenter]
        vereinbarung: v-schulamt
        aspekte: [berufsorientierung, elternbildung]
        ziele: [z-bo]
        sachkosten: 3500
      - id: m-praktikum
        titel: Praktikumsbörse mit Betrieben
        stufe: initiative
        federfuehrung: ki
        beteiligt: [jobcenter, awo]
        beginn: 2023-03-01
        ende: 2024-06-30
  - id: oeffnung
    bereich: querschnitt
    handlungsfeld: interkulturelle_oeffnung
    titel: Interkulturelle Öffnung der Verwaltung
    begruendung: Die Regeldienste erreichen Neuzugewanderte bisher schlecht.
    massnahmen:
      - id: m-fortbildung
        titel: Fortbildungsreihe Fokus Migration für Regeldienste
        stufe: initiative
        federfuehrung: ki
        beteiligt: [mo-forum, awo]
      - id: m-lotsen
        titel: Lotsendienst im Bürgeramt
        stufe: regelpraxis
        federfuehrung: buergeramt
        vereinbarung: v-buergeramt
personal:
  - id: lk-1
    funktion: lehrkraft
    vze: 1.0
    finanzierung: land
    besetzt_durch: Jonas Weber
    einsatz: {uebergang: 1.0}
  - id: lk-2
    funktion: lehrkraft
    vze: 1.0
    finanzierung: land
    besetzt_durch: Maria Kowalski
    einsatz: {uebergang: 0.5, oeffnung: 0.5}
  - id: fk-1
    funktion: fachkraft
    vze: 1.0
    finanzierung: land
    rolle: leitung
    besetzt_durch: Aylin Demir
    einsatz: {uebergang: 0.5, oeffnung: 0.5}
  - id: fk-2
    funktion: fachkraft
    vze: 1.0
    finanzierung: land
    rolle: stellvertretung
    besetzt_durch: Tobias Schmitt
    einsatz: {oeffnung: 1.0}
  - id: fk-3
    funktion: fachkraft
    vze: 1.0
    finanzierung: land
    besetzt_durch: Elif Yılmaz
    einsatz: {uebergang: 1.0}
  - id: va-1
    funktion: verwaltung
    vze: 0.5
    finanzierung: land
    besetzt_durch: Petra Lange
    einsatz: {uebergang: 0.25, oeffnung: 0.25}
sachkosten:
  - posten: Büroräume, Ausstattung und Reisekosten
    betrag: 24000
    traeger: kommune
  - posten: Übersetzungen
    betrag: 5000
    traeger: kommune
partner:
  - id: schulamt
    name: Schulamt für die Stadt Beispielstadt
    art: schulaufsicht
  - id: jobcenter
    name: Jobcenter Beispielstadt
    art: arbeitsverwaltung
  - id: mo-forum
    name: Forum der Migrantenorganisationen Beispielstadt e. V.
    art: migrantenorganisation
  - id: awo
    name: AWO Kreisverband Beispielstadt
    art: freier_traeger
  - id: buergeramt
    name: Bürgeramt der Stadt Beispielstadt
    art: regeldienst
vereinbarungen:
  - id: v-schulamt
    partner: schulamt
    form: kooperationsvereinbarung
    gegenstand: Migrationssensible Berufsorientierung an weiterführenden Schulen
    zustaendigkeit_partner: Die Berufsorientierung nach KAoA verantwortet das Schulamt.
    beitrag_ki: Fortbildung der Lehrkräfte, Materialien und Elternarbeit mit Fokus Migration.
    beginn: 2023-01-01
    ende: 2026-12-31
    status: unterzeichnet
    unterzeichnet_am: 2022-12-12
    ueberpruefung: 2023-12-01
  - id: v-buergeramt
    partner: buergeramt
    form: absprache
    gegenstand: Lotsendienst im Bürgeramt
    zustaendigkeit_partner: Das Bürgeramt verantwortet den Dienst.
    beitrag_ki: Schulung der Lotsinnen und Lotsen.
    beginn: 2023-01-01
    ende: 2024-12-31
    status: unterzeichnet
    unterzeichnet_am: 2022-12-01
vorlage:
  drucksache: "0815/2022"
  federfuehrend: Kommunales Integrationszentrum
  beteiligt: [Fachbereich Schule, Fachbereich Jugend]
  beratungsfolge:
    - gremium: integrationsrat
      bezeichnung: Integrationsrat
      datum: 2022-09-03
      zustaendigkeit: empfehlung
    - gremium: rat
      bezeichnung: Rat der Stadt Beispielstadt
      datum: 2022-09-26
      zustaendigkeit: entscheidung
"""

OLD: dict[str, Any] = yaml.safe_load(OLD_TEXT)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def old() -> dict[str, Any]:
    """A fresh copy of ``OLD`` to change."""
    return copy.deepcopy(OLD)


def measure(data: dict[str, Any], ident: str) -> dict[str, Any]:
    for sp in data["schwerpunkte"]:
        for m in sp.get("massnahmen", []):
            if m["id"] == ident:
                return m
    raise KeyError(ident)


def entry(data: dict[str, Any], section: str, ident: str) -> dict[str, Any]:
    return next(e for e in data[section] if e.get("id", e.get("posten")) == ident)


def write(folder: Path, name: str, data: dict[str, Any] | str) -> Path:
    """``data`` as a real YAML file (block style, keys in the given order)."""
    path = folder / name
    text = data if isinstance(data, str) else yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def diff_json(cli: Any, a: Path, b: Path, *args: str) -> dict[str, Any]:
    result = cli("diff", str(a), str(b), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def keyed(changes: list[dict[str, Any]]) -> dict[tuple[Any, ...], dict[str, Any]]:
    """Changes by (section, id, kind, field)."""
    return {(c["section"], c["id"], c["kind"], c.get("field")): c for c in changes}

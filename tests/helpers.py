"""What the tests share: the paths of the project, the one minimal valid concept (``VALID``), and
small functions that check or edit a concept with the real pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ki_cli.check.pipeline import validate_bytes
from ki_cli.check.report import FileReport

ROOT = Path(__file__).resolve().parents[1]
CONCEPTS = ROOT / "concepts"
SHARED = ROOT.parent / "shared"

# A small concept that passes every structural check (domain rules may still comment on it).
VALID = """\
version: 1
kommune:
  name: Stadt Beispielstadt
  typ: kreisfreie_stadt
  ags: "05999000"
zentrum:
  name: Kommunales Integrationszentrum Beispielstadt
  anbindung: Dezernat III
periode:
  beginn: 2025-01-01
  ende: 2026-12-31
grundlagen:
  foerderrichtlinie: "2025"
  integrationskonzept:
    titel: Integrationskonzept
    beschlossen_am: 2023-06-22
schwerpunkte:
  - id: uebergang
    bereich: bildungskette
    handlungsfeld: uebergang_schule_beruf
    titel: Übergang Schule – Beruf
    begruendung: Bedarf
    ziele:
      - id: z-bo
        beschreibung: Mehr Schulen mit Berufsorientierung
        indikator: Schulen
        zielwert: 12
    massnahmen:
      - id: m-bo
        titel: Berufsorientierung
        stufe: modellprojekt
        federfuehrung: schulamt
        vereinbarung: v-schulamt
        ziele: [z-bo]
  - id: oeffnung
    bereich: querschnitt
    handlungsfeld: interkulturelle_oeffnung
    titel: Interkulturelle Öffnung
    begruendung: Bedarf
    massnahmen:
      - id: m-fortbildung
        titel: Fortbildung
        stufe: initiative
        federfuehrung: ki
        beteiligt: [awo]
personal:
  - id: fk-1
    funktion: fachkraft
    vze: 1.0
    finanzierung: land
    besetzt_durch: Aylin Demir
    einsatz: {uebergang: 0.5, oeffnung: 0.5}
sachkosten:
  - posten: Büroräume
    betrag: 24000
    traeger: kommune
partner:
  - id: schulamt
    name: Schulamt
    art: schulaufsicht
  - id: awo
    name: AWO
    art: freier_traeger
vereinbarungen:
  - id: v-schulamt
    partner: schulamt
    form: kooperationsvereinbarung
    gegenstand: Berufsorientierung
    zustaendigkeit_partner: Das Schulamt verantwortet die Berufsorientierung.
    beitrag_ki: Fokus Migration.
    beginn: 2025-01-01
    status: entwurf
"""


def with_measures(count: int, base: str = VALID) -> str:
    """``base`` with ``count`` extra measures in its second Schwerpunkt (a large, valid concept)."""
    block = "".join(
        f"      - id: m-extra-{i}\n        titel: Zusätzliche Maßnahme {i}\n        stufe: initiative\n"
        f"        federfuehrung: ki\n        beteiligt: [awo]\n        sachkosten: {100 + i}\n"
        for i in range(count)
    )
    anchor = "        beteiligt: [awo]\n"
    return base.replace(anchor, anchor + block, 1)


def check(text: str | bytes, lang: str = "de") -> FileReport:
    """Validate a concept given as text (UTF-8) or bytes with the real pipeline."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return validate_bytes(raw, "konzept.yaml", lang)


def codes(text: str | bytes, lang: str = "de") -> list[str]:
    return [f.code for f in check(text, lang).findings]


def structural(text: str | bytes) -> list[Any]:
    """Only the KI0xx/KI1xx findings."""
    return [f for f in check(text).findings if f.code[:3] in ("KI0", "KI1")]


def replace(old: str, new: str, base: str = VALID) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)

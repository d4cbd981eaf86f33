"""Bases (``Grundlage``) that several rules cite; a basis cited by one rule only stands in its declaration."""

from __future__ import annotations

from ki_cli.text import L

NONE = L("gute Planungspraxis", "good planning practice")
GO_KRO = L("GO NRW / KrO NRW", "GO NRW / KrO NRW (municipal codes)")
TINTG_AREAS = L(
    "TIntG § 8 Abs. 1 Nr. 1 und 2; Arbeitsplanung für beide Schwerpunkte",
    "TIntG § 8 (1) no. 1 and 2; work plan for both priorities",
)
FOKUS = L(
    "Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „Fachliche Zuständigkeit bleibt in den "
    "Regeldiensten … Vereinbarungen/Absprachen“ (Fokus-Ansatz)",
    "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “subject responsibility stays with "
    "the regular services … agreements” (Fokus-Ansatz)",
)
REGELPRAXIS = L(
    "Vortrag „Kommunale Integrationszentren“ (Bezirksregierung Arnsberg): „von Initiativen und Modellprojekten zur "
    "Regelpraxis“",
    "presentation “Kommunale Integrationszentren” (Bezirksregierung Arnsberg): “from initiatives and model projects "
    "to regular practice”",
)
VOCAB = L("Vokabular des Konzeptformats", "vocabulary of the concept format")
PACK = L("Regelpaket der Förderrichtlinie", "rule pack of the funding guideline")
PRACTICE = L(
    "Förderpraxis: Leitung in Vollzeit (Beschlussvorlage Kreis Heinsberg)",
    "funding practice: full-time Leitung (council proposal Kreis Heinsberg)",
)
COUNCIL = L(
    "Beschlussvorlage: Beratungsfolge bis zum Rat bzw. Kreistag",
    "council proposal: Beratungsfolge up to the Rat or Kreistag",
)
FORMAT = L("Konzeptformat Version 1", "concept format version 1")
YAML = L("YAML 1.2 und Konzeptformat Version 1", "YAML 1.2 and concept format version 1")

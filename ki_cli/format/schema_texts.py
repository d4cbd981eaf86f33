"""German titles and descriptions of the JSON Schema (``ki schema``), for editors' hover help.

The schema as a whole and each section (keyed by its model's name in ``ki_cli.format.model``); each
field carries its own next to it in the model (``model.doc``). The schema is content for German
municipal staff, so it is German only; ``tests/test_schema.py`` makes sure every section and
every field has them.
"""

from __future__ import annotations

SCHEMA_TITLE = "Schwerpunktkonzept eines Kommunalen Integrationszentrums (Konzeptformat Version 1)"
SCHEMA_DESCRIPTION = (
    "Eine YAML-Datei beschreibt die Planung eines Kommunalen Integrationszentrums (KI) für einen "
    "zweijährigen Schwerpunktzeitraum. Prüfen mit `ki validate DATEI`; Regeln: `ki rules`."
)

# (title, description)
TEXTS: dict[str, tuple[str, str]] = {
    # sections
    "Kommune": ("Kommune", "Der Kreis oder die kreisfreie Stadt, die das KI trägt."),
    "Zentrum": ("Kommunales Integrationszentrum", "Name, organisatorische Anbindung und Kontakt des KI."),
    "Periode": ("Zeitraum", "Der zweijährige Schwerpunktzeitraum; beide Tage zählen mit."),
    "Grundlagen": ("Grundlagen", "Förderrichtlinie, Integrationskonzept und frühere Beschlüsse."),
    "Integrationskonzept": ("Integrationskonzept", "Das vom Rat oder Kreistag beschlossene Integrationskonzept."),
    "Beschluss": ("Beschluss", "Ein früherer Beschluss, z. B. zur Einrichtung des KI."),
    "Schwerpunkt": ("Schwerpunkt", "Ein Schwerpunkt des Zeitraums in einem der beiden gesetzlichen Bereiche."),
    "Ziel": ("Ziel", "Ein überprüfbares Ziel eines Schwerpunkts."),
    "Massnahme": ("Maßnahme", "Eine Maßnahme eines Schwerpunkts."),
    "Stelle": ("Stelle", "Eine Stelle des KI."),
    "Sachkosten": ("Sachkosten", "Ein Sachkostenposten in Euro pro Jahr."),
    "Partner": ("Partner", "Ein Kooperationspartner des KI."),
    "Vereinbarung": ("Vereinbarung", "Eine Vereinbarung oder Absprache mit einem Partner (Fokus-Ansatz)."),
    "Vorlage": ("Beschlussvorlage", "Angaben zur Beschlussvorlage für Rat oder Kreistag."),
    "Beratung": ("Beratung", "Eine Station der Beratungsfolge."),
}

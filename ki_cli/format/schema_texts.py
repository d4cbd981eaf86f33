"""Titles and descriptions of the JSON Schema (``ki schema``), for editors' hover help.

The schema as a whole and each section (keyed by its model's name in ``ki_cli.format.model``), in
German (the default: content for German municipal staff) and English (``ki schema --lang en``);
each field carries its own next to it in the model (``model.doc``). ``tests/e2e/test_schema.py``
makes sure every section and every field has them in both languages.
"""

from __future__ import annotations

SCHEMA_TITLE = "Schwerpunktkonzept eines Kommunalen Integrationszentrums (Konzeptformat Version 1)"
SCHEMA_DESCRIPTION = (
    "Eine YAML-Datei beschreibt die Planung eines Kommunalen Integrationszentrums (KI) für einen "
    "zweijährigen Schwerpunktzeitraum. Prüfen mit `ki validate DATEI`; Regeln: `ki rules`."
)
SCHEMA_TITLE_EN = "Priority concept of a Kommunales Integrationszentrum (concept format version 1)"
SCHEMA_DESCRIPTION_EN = (
    "One YAML file describes the plan of a Kommunales Integrationszentrum (KI, municipal integration "
    "centre) for a two-year priority period. Check it with `ki validate FILE`; rules: `ki rules`."
)

# section: ((German title, description), (English title, description))
SECTIONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "Kommune": (
        ("Kommune", "Der Kreis oder die kreisfreie Stadt, die das KI trägt."),
        ("Municipality", "The Kreis or kreisfreie Stadt that runs the KI."),
    ),
    "Zentrum": (
        ("Kommunales Integrationszentrum", "Name, organisatorische Anbindung und Kontakt des KI."),
        ("Integration centre (KI)", "Name, placement in the administration and contact of the KI."),
    ),
    "Periode": (
        ("Zeitraum", "Der zweijährige Schwerpunktzeitraum; beide Tage zählen mit."),
        ("Period", "The two-year priority period; both days included."),
    ),
    "Grundlagen": (
        ("Grundlagen", "Förderrichtlinie, Integrationskonzept und frühere Beschlüsse."),
        ("Foundations", "Funding guideline, integration concept and earlier resolutions."),
    ),
    "Integrationskonzept": (
        ("Integrationskonzept", "Das vom Rat oder Kreistag beschlossene Integrationskonzept."),
        ("Integration concept", "The integration concept adopted by the Rat or Kreistag."),
    ),
    "Beschluss": (
        ("Beschluss", "Ein früherer Beschluss, z. B. zur Einrichtung des KI."),
        ("Resolution", "An earlier resolution, e.g. to set up the KI."),
    ),
    "Schwerpunkt": (
        ("Schwerpunkt", "Ein Schwerpunkt des Zeitraums in einem der beiden gesetzlichen Bereiche."),
        ("Priority", "A priority of the period in one of the two legal areas."),
    ),
    "Ziel": (
        ("Ziel", "Ein überprüfbares Ziel eines Schwerpunkts."),
        ("Goal", "A verifiable goal of a priority."),
    ),
    "Messung": (
        ("Ist-Wert", "Ein gemessener Wert eines Ziels."),
        ("Actual value", "A measured value of a goal."),
    ),
    "Massnahme": (
        ("Maßnahme", "Eine Maßnahme eines Schwerpunkts."),
        ("Measure", "A measure of a priority."),
    ),
    "Umsetzung": (
        ("Umsetzung", "Was in einem Haushaltsjahr mit der Maßnahme geschah."),
        ("Implementation", "What happened with the measure in one budget year."),
    ),
    "Stelle": (("Stelle", "Eine Stelle des KI."), ("Post", "A post of the KI.")),
    "Sachkosten": (
        ("Sachkosten", "Ein Sachkostenposten in Euro pro Jahr."),
        ("Material costs", "A material-cost item in euros per year."),
    ),
    "Foerderung": (
        ("Förderung", "Eine Förderung eines Haushaltsjahres: beantragt, bewilligt, Daten und Aktenzeichen."),
        ("Grant", "A grant of one budget year: applied for, granted, dates and file reference."),
    ),
    "Partner": (
        ("Partner", "Ein Kooperationspartner des KI."),
        ("Partner", "A cooperation partner of the KI."),
    ),
    "Vereinbarung": (
        ("Vereinbarung", "Eine Vereinbarung oder Absprache mit einem Partner (Fokus-Ansatz)."),
        ("Agreement", "An agreement or arrangement with a partner (focus approach)."),
    ),
    "Vorlage": (
        ("Beschlussvorlage", "Angaben zur Beschlussvorlage für Rat oder Kreistag."),
        ("Council proposal", "Data of the proposal to the Rat or Kreistag."),
    ),
    "Beratung": (
        ("Beratung", "Eine Station der Beratungsfolge."),
        ("Consultation", "One step of the order of consultation."),
    ),
    "Abstimmung": (
        ("Abstimmung", "Das Stimmergebnis einer Beratung."),
        ("Vote", "The vote of a consultation."),
    ),
    "Unterzeichnung": (
        ("Unterzeichnung", "Wer die Vorlage unterzeichnet."),
        ("Signature", "Who signs the proposal."),
    ),
    "Haushalt": (
        ("Haushalt", "Haushaltsangaben der Vorlage und der Vorbehalt der Förderung."),
        ("Budget", "The proposal's budget data and the funding proviso."),
    ),
    "Berichterstattung": (
        ("Berichterstattung", "Der Auftrag, über die Umsetzung zu berichten."),
        ("Reporting", "The mandate to report on the implementation."),
    ),
    "Anlage": (
        ("Anlage", "Eine weitere Anlage der Vorlage."),
        ("Attachment", "A further attachment of the proposal."),
    ),
}

TEXTS: dict[str, tuple[str, str]] = {name: texts[0] for name, texts in SECTIONS.items()}
"""German (title, description) of each section."""
TEXTS_EN: dict[str, tuple[str, str]] = {name: texts[1] for name, texts in SECTIONS.items()}
"""English (title, description) of each section."""

"""German titles and descriptions of the JSON Schema (``ki schema``), for editors' hover help.

Keys are ``Model.field`` of ``ki_cli.model`` (the field names are the YAML keys), or the bare
model name for a section. The schema is content for German municipal staff, so it is German
only; ``tests/test_schema.py`` makes sure every field of the model has an entry here.
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
    # top level
    "Konzept.version": ("Formatversion", "Version des Konzeptformats; es gibt nur 1."),
    "Konzept.kommune": ("Kommune", "Der Kreis oder die kreisfreie Stadt."),
    "Konzept.zentrum": ("Kommunales Integrationszentrum", "Angaben zum KI selbst."),
    "Konzept.periode": ("Zeitraum", "Beginn und Ende des zweijährigen Schwerpunktzeitraums."),
    "Konzept.grundlagen": ("Grundlagen", "Förderrichtlinie, Integrationskonzept, Beschlüsse."),
    "Konzept.schwerpunkte": (
        "Schwerpunkte",
        "Mindestens ein Schwerpunkt; beide Bereiche (Bildungskette und Querschnitt) müssen vorkommen.",
    ),
    "Konzept.personal": ("Personal", "Eine Zeile je Stelle."),
    "Konzept.sachkosten": ("Sachkosten", "Sachkostenposten in Euro pro Jahr."),
    "Konzept.partner": ("Partner", "Die Kooperationspartner; auf ihre Kennungen verweisen Maßnahmen und Vereinbarungen."),
    "Konzept.vereinbarungen": ("Vereinbarungen", "Vereinbarungen und Absprachen mit Partnern."),
    "Konzept.vorlage": ("Beschlussvorlage", "Daten der Beschlussvorlage (für `ki render proposal`)."),
    # kommune
    "Kommune.name": ("Name", "z. B. „Stadt Hamm“ oder „Kreis Soest“."),
    "Kommune.typ": ("Art der Kommune", "Entscheidet über Rat/Kreistag und die Stellenobergrenzen."),
    "Kommune.regierungsbezirk": ("Regierungsbezirk", "Der Regierungsbezirk in NRW."),
    "Kommune.ags": ("Amtlicher Gemeindeschlüssel", "8 Ziffern, beginnend mit 05 (NRW); in Anführungszeichen schreiben."),
    # zentrum
    "Zentrum.name": ("Name des KI", "z. B. „Kommunales Integrationszentrum Hamm“."),
    "Zentrum.anbindung": ("Anbindung", "Organisatorische Anbindung in der Verwaltung, z. B. ein Dezernat."),
    "Zentrum.leitung": ("Leitung", "Name der Leitung."),
    "Zentrum.email": ("E-Mail", "E-Mail-Adresse des KI."),
    "Zentrum.telefon": ("Telefon", "Telefonnummer des KI."),
    "Zentrum.anschrift": ("Anschrift", "Postanschrift des KI."),
    # periode
    "Periode.beginn": ("Beginn", "Erster Tag des Zeitraums, ein Monatserster (JJJJ-MM-TT oder TT.MM.JJJJ)."),
    "Periode.ende": ("Ende", "Letzter Tag: der Tag vor demselben Datum zwei Jahre später."),
    # grundlagen
    "Grundlagen.foerderrichtlinie": ("Förderrichtlinie", "Welche Förderrichtlinie (Regelpaket) gilt: \"2018\" oder \"2025\"."),
    "Grundlagen.integrationskonzept": ("Integrationskonzept", "Das beschlossene Integrationskonzept."),
    "Grundlagen.beschluesse": ("Beschlüsse", "Frühere Beschlüsse von Rat oder Kreistag."),
    "Integrationskonzept.titel": ("Titel", "Titel des Integrationskonzepts."),
    "Integrationskonzept.beschlossen_am": ("Beschlossen am", "Datum des Ratsbeschlusses/Kreistagsbeschlusses."),
    "Integrationskonzept.drucksache": ("Drucksache", "Nummer der Drucksache."),
    "Beschluss.gremium": ("Gremium", "Das beschließende Gremium."),
    "Beschluss.datum": ("Datum", "Datum des Beschlusses."),
    "Beschluss.gegenstand": ("Gegenstand", "Was beschlossen wurde."),
    "Beschluss.drucksache": ("Drucksache", "Nummer der Drucksache."),
    # schwerpunkte
    "Schwerpunkt.id": ("Kennung", "Eindeutige Kennung, z. B. „uebergang“: Kleinbuchstaben, Ziffern, - und _."),
    "Schwerpunkt.bereich": ("Bereich", "Einer der beiden gesetzlichen Bereiche (§ 8 Abs. 1 Nr. 1 und 2 TIntG)."),
    "Schwerpunkt.handlungsfeld": ("Handlungsfeld", "Ein Handlungsfeld des gewählten Bereichs."),
    "Schwerpunkt.titel": ("Titel", "Titel des Schwerpunkts."),
    "Schwerpunkt.begruendung": ("Begründung", "Warum dieser Schwerpunkt (Ausgangslage, Bedarf)."),
    "Schwerpunkt.ziele": ("Ziele", "Überprüfbare Ziele des Schwerpunkts."),
    "Schwerpunkt.massnahmen": ("Maßnahmen", "Die Maßnahmen des Schwerpunkts."),
    "Ziel.id": ("Kennung", "Eindeutige Kennung des Ziels."),
    "Ziel.beschreibung": ("Beschreibung", "Was erreicht werden soll."),
    "Ziel.indikator": ("Indikator", "Woran die Zielerreichung gemessen wird."),
    "Ziel.ausgangswert": ("Ausgangswert", "Wert zu Beginn (Zahl)."),
    "Ziel.zielwert": ("Zielwert", "Angestrebter Wert am Ende (Zahl)."),
    "Ziel.einheit": ("Einheit", "Einheit der Werte, z. B. „Schulen“."),
    "Massnahme.id": ("Kennung", "Eindeutige Kennung der Maßnahme."),
    "Massnahme.titel": ("Titel", "Titel der Maßnahme."),
    "Massnahme.stufe": ("Stufe", "Der Weg von der Initiative über das Modellprojekt zur Regelpraxis."),
    "Massnahme.federfuehrung": ("Federführung", "Kennung des federführenden Partners oder „ki“ für das KI selbst."),
    "Massnahme.beteiligt": ("Beteiligt", "Kennungen der beteiligten Partner."),
    "Massnahme.vereinbarung": ("Vereinbarung", "Kennung der Vereinbarung, auf der die Maßnahme beruht."),
    "Massnahme.aspekte": ("Aspekte", "Aspekte des Übergangssystems (nur im Handlungsfeld Übergang Schule – Beruf)."),
    "Massnahme.ziele": ("Ziele", "Kennungen der Ziele desselben Schwerpunkts, zu denen die Maßnahme beiträgt."),
    "Massnahme.beginn": ("Beginn", "Beginn der Maßnahme; ohne Angabe der Beginn des Zeitraums."),
    "Massnahme.ende": ("Ende", "Ende der Maßnahme; ohne Angabe das Ende des Zeitraums."),
    "Massnahme.sachkosten": ("Sachkosten", "Sachkosten der Maßnahme in Euro pro Jahr."),
    "Massnahme.beschreibung": ("Beschreibung", "Beschreibung der Maßnahme."),
    # personal
    "Stelle.id": ("Kennung", "Eindeutige Kennung der Stelle, z. B. „fk-1“."),
    "Stelle.funktion": ("Funktion", "Lehrkraft, Fachkraft oder Verwaltungsassistenz."),
    "Stelle.vze": ("Vollzeitäquivalent (VZE)", "Größer als 0 und höchstens 1, z. B. 1 oder 0,5."),
    "Stelle.finanzierung": ("Finanzierung", "Wer die Stelle bezahlt; „land“ = landesfinanziert."),
    "Stelle.rolle": ("Rolle", "Leitung oder Stellvertretung."),
    "Stelle.besetzt_durch": ("Besetzt durch", "Name der Stelleninhaberin/des Stelleninhabers; leer = unbesetzt."),
    "Stelle.einsatz": (
        "Einsatz",
        "Anteile der Stelle je Schwerpunkt (Kennung: Anteil); die Summe ist die VZE der Stelle.",
    ),
    # sachkosten
    "Sachkosten.posten": ("Posten", "Bezeichnung des Postens."),
    "Sachkosten.betrag": ("Betrag", "Euro pro Jahr, z. B. 24000 oder „1.234,56“."),
    "Sachkosten.traeger": ("Träger", "Wer die Kosten trägt."),
    # partner
    "Partner.id": ("Kennung", "Eindeutige Kennung des Partners, z. B. „schulamt“."),
    "Partner.name": ("Name", "Name des Partners."),
    "Partner.art": ("Art", "Art des Partners; Regeldienst und Schulaufsicht bilden das Regelsystem."),
    "Partner.ansprechperson": ("Ansprechperson", "Ansprechperson beim Partner."),
    "Partner.email": ("E-Mail", "E-Mail-Adresse der Ansprechperson."),
    # vereinbarungen
    "Vereinbarung.id": ("Kennung", "Eindeutige Kennung der Vereinbarung, z. B. „v-schulamt“."),
    "Vereinbarung.partner": ("Partner", "Kennung des Partners."),
    "Vereinbarung.form": ("Form", "Kooperationsvereinbarung, Zielvereinbarung oder Absprache."),
    "Vereinbarung.gegenstand": ("Gegenstand", "Worum es in der Vereinbarung geht."),
    "Vereinbarung.zustaendigkeit_partner": ("Zuständigkeit des Partners", "Was in der fachlichen Zuständigkeit des Partners bleibt."),
    "Vereinbarung.beitrag_ki": ("Beitrag des KI", "Was das KI beiträgt: den Fokus Migration."),
    "Vereinbarung.beginn": ("Beginn", "Beginn der Vereinbarung."),
    "Vereinbarung.ende": ("Ende", "Ende der Vereinbarung; ohne Angabe unbefristet."),
    "Vereinbarung.status": ("Status", "Stand der Vereinbarung."),
    "Vereinbarung.unterzeichnet_am": ("Unterzeichnet am", "Datum der Unterzeichnung."),
    "Vereinbarung.ueberpruefung": ("Überprüfung", "Nächster Termin zur Überprüfung."),
    # vorlage
    "Vorlage.drucksache": ("Drucksache", "Nummer der Beschlussvorlage."),
    "Vorlage.federfuehrend": ("Federführend", "Federführende Dienststelle."),
    "Vorlage.verfasser": ("Verfasser", "Verfasserin oder Verfasser der Vorlage."),
    "Vorlage.datum": ("Datum", "Datum der Vorlage."),
    "Vorlage.beteiligt": ("Beteiligt", "Beteiligte Dienststellen."),
    "Vorlage.oeffentlich": ("Öffentlich", "Ob die Vorlage öffentlich ist (Standard: ja)."),
    "Vorlage.beratungsfolge": ("Beratungsfolge", "Die Gremien in der Reihenfolge der Beratung; am Ende genau eine Entscheidung."),
    "Beratung.gremium": ("Gremium", "Das beratende Gremium."),
    "Beratung.bezeichnung": ("Bezeichnung", "Name des Gremiums, z. B. „Ausschuss für Schule und Bildung“."),
    "Beratung.datum": ("Datum", "Sitzungstermin."),
    "Beratung.zustaendigkeit": ("Zuständigkeit", "Anhörung, Empfehlung oder Entscheidung."),
}

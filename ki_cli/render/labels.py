"""German display names of the format's vocabulary words, for documents."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # kommune.typ
    "kreisfreie_stadt": "kreisfreie Stadt",
    "kreis": "Kreis",
    "staedteregion": "StädteRegion",
    "kreisangehoerige_stadt": "kreisangehörige Stadt",
    # regierungsbezirk
    "arnsberg": "Arnsberg",
    "detmold": "Detmold",
    "duesseldorf": "Düsseldorf",
    "koeln": "Köln",
    "muenster": "Münster",
    # bereich
    "bildungskette": "Integration durch Bildung (entlang der Bildungskette)",
    "querschnitt": "Integration als Querschnittsaufgabe",
    # handlungsfeld
    "fruehe_foerderung": "Frühe Förderung",
    "elementarbereich": "Elementarbereich",
    "schule": "Schule",
    "ausserschulische_jugendarbeit": "Außerschulische Jugendarbeit",
    "uebergang_schule_beruf": "Übergang Schule – Beruf",
    "sprachbildung": "Sprachbildung",
    "seiteneinstieg": "Seiteneinstieg neu zugewanderter Schülerinnen und Schüler",
    "mehrsprachigkeit": "Mehrsprachigkeit und herkunftssprachlicher Unterricht",
    "interkulturelle_oeffnung": "Interkulturelle Öffnung",
    "vernetzung": "Vernetzung",
    "beschaeftigung": "Beschäftigung",
    "kultur": "Kultur",
    "sport": "Sport",
    "politische_partizipation": "Politische Partizipation",
    "ehrenamt": "Ehrenamt",
    "gesundheit": "Gesundheit",
    "pflege": "Pflege",
    "antidiskriminierung": "Antidiskriminierung",
    "wohnen": "Wohnen",
    "erstintegration": "Erstintegration",
    "demokratie": "Demokratieförderung und Rassismuskritik",
    "religion": "Interreligiöser Dialog",
    "mso_staerkung": "Stärkung von Migrantenorganisationen",
    "sprachmittlung": "Sprachmittlung",
    "sonstiges": "Sonstiges",
    # stufe
    "initiative": "Initiative",
    "modellprojekt": "Modellprojekt",
    "regelpraxis": "Regelpraxis",
    "daueraufgabe": "Daueraufgabe",
    # tis2030 (Teilhabe- und Integrationsstrategie 2030; "erstintegration" above, in context below)
    "regelsysteme": "Nachhaltige Integration in die Regelsysteme",
    "migrationsgesellschaft": "Gestaltung der Migrationsgesellschaft",
    # ist status of a measure
    "geplant": "geplant",
    "laufend": "laufend",
    "abgeschlossen": "abgeschlossen",
    "ausgesetzt": "ausgesetzt",
    # aspekte
    "berufsorientierung": "migrationssensible Berufsorientierung",
    "berufswahlspektrum": "Erweiterung des Berufswahlspektrums",
    "mobilitaet": "Ausweitung der räumlichen Mobilität",
    "elternbildung": "Elternbildung",
    "kooperation_betriebe": "Zusammenarbeit mit Regeleinrichtungen und Betrieben",
    # funktion, finanzierung, rolle
    "lehrkraft": "Lehrkraft",
    "fachkraft": "Fachkraft",
    "verwaltung": "Verwaltungsassistenz",
    "land": "Land",
    "kommune": "Kommune",
    "drittmittel": "Drittmittel",
    "leitung": "Leitung",
    "stellvertretung": "Stellvertretung",
    # programm (of posts, material costs and grants)
    "ki": "Kommunales Integrationszentrum",
    "kim": "Kommunales Integrationsmanagement (KIM)",
    "komm_an": "KOMM-AN NRW",
    "ifkuf": "Integrationschancen für Kinder und Familien (IfKuF)",
    "laiensprachmittlerpool": "Laiensprachmittlerpool",
    # partner art
    "regeldienst": "Regeldienst",
    "schulaufsicht": "Schulaufsicht",
    "arbeitsverwaltung": "Arbeitsverwaltung",
    "freier_traeger": "freier Träger",
    "migrantenorganisation": "Migrantenorganisation",
    "landesstruktur": "Landesstruktur",
    "bildungseinrichtung": "Bildungseinrichtung",
    "wirtschaft": "Wirtschaft",
    "kreisangehoerige_kommune": "kreisangehörige Kommune",
    "auslaenderbehoerde": "Ausländer- und Einbürgerungsbehörde",
    "schultraeger": "Schulträger",
    "bildungsbuero": "Regionales Bildungsbüro",
    "kita_traeger": "Kita-Träger",
    "religionsgemeinschaft": "Religionsgemeinschaft",
    "sonstige": "Sonstige",
    # vereinbarung form, status
    "kooperationsvereinbarung": "Kooperationsvereinbarung",
    "zielvereinbarung": "Zielvereinbarung",
    "absprache": "Absprache",
    "weiterleitungsvertrag": "Weiterleitungsvertrag",
    "entwurf": "Entwurf",
    "in_abstimmung": "in Abstimmung",
    "unterzeichnet": "unterzeichnet",
    "beendet": "beendet",
    # gremium, zustaendigkeit
    "rat": "Rat",
    "kreistag": "Kreistag",
    "kreisausschuss": "Kreisausschuss",
    "integrationsrat": "Integrationsrat",
    "ausschuss": "Ausschuss",
    "staedteregionstag": "Städteregionstag",
    "hauptausschuss": "Hauptausschuss",
    "staedteregionsausschuss": "Städteregionsausschuss",
    "integrationsausschuss": "Integrationsausschuss",
    "anhoerung": "Anhörung",
    "empfehlung": "Empfehlung",
    "entscheidung": "Entscheidung",
    "vorberatung": "Vorberatung",
    "kenntnisnahme": "Kenntnisnahme",
    # ergebnis of a consultation
    "beschlossen": "beschlossen",
    "geaendert_beschlossen": "geändert beschlossen",
    "abgelehnt": "abgelehnt",
    "vertagt": "vertagt",
    "zur_kenntnis_genommen": "zur Kenntnis genommen",
    # vorlage art, berichterstattung turnus
    "beschlussvorlage": "Beschlussvorlage",
    "mitteilungsvorlage": "Mitteilungsvorlage",
    "jaehrlich": "jährlich",
    "halbjaehrlich": "halbjährlich",
}

IN_CONTEXT: dict[str, dict[str, str]] = {
    # a word that two vocabularies share, where one of them names it otherwise
    "tis2030": {"erstintegration": "Erstintegration von Neuzugewanderten"},
    "partner_art": {"ehrenamt": "Ehrenamtliche Initiative"},
    "programm": {"ki": "Kommunales Integrationszentrum (KI)", "sonstiges": "sonstiges Landesprogramm"},
}
"""Display names of a vocabulary that differ from ``LABELS`` (by vocabulary: tis2030, partner_art)."""


def label(value: object, vocabulary: str | None = None) -> str:
    """The German display name of a vocabulary word (the word itself when unknown).

    ``vocabulary`` (``tis2030``, ``partner_art``) picks the name a shared word has there.
    """
    text = "" if value is None else str(value)
    if vocabulary is not None and text in IN_CONTEXT.get(vocabulary, {}):
        return IN_CONTEXT[vocabulary][text]
    return LABELS.get(text, text)

"""German display names of the format's vocabulary words, for documents."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # kommune.typ
    "kreisfreie_stadt": "kreisfreie Stadt",
    "kreis": "Kreis",
    # bereich
    "bildungskette": "Bildungskette",
    "querschnitt": "Querschnitt Integration",
    # handlungsfeld
    "fruehe_foerderung": "Frühe Förderung",
    "elementarbereich": "Elementarbereich",
    "schule": "Schule",
    "ausserschulische_jugendarbeit": "Außerschulische Jugendarbeit",
    "uebergang_schule_beruf": "Übergang Schule – Beruf",
    "sprachbildung": "Sprachbildung",
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
    "sonstiges": "Sonstiges",
    # stufe
    "initiative": "Initiative",
    "modellprojekt": "Modellprojekt",
    "regelpraxis": "Regelpraxis",
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
    "sonstige": "Sonstige",
    # vereinbarung form, status
    "kooperationsvereinbarung": "Kooperationsvereinbarung",
    "zielvereinbarung": "Zielvereinbarung",
    "absprache": "Absprache",
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
    "anhoerung": "Anhörung",
    "empfehlung": "Empfehlung",
    "entscheidung": "Entscheidung",
}


def label(value: object) -> str:
    """The German display name of a vocabulary word (the word itself when unknown)."""
    text = "" if value is None else str(value)
    return LABELS.get(text, text)

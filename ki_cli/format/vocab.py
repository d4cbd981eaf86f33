"""The closed vocabularies of the concept format, in one place (spec: concept-format.md)."""

from __future__ import annotations

KOMMUNE_TYP = ("kreisfreie_stadt", "kreis", "staedteregion", "kreisangehoerige_stadt")
KOMMUNE_ART = {
    "kreisfreie_stadt": "kreisfreie_stadt",
    "kreis": "kreis",
    "staedteregion": "kreis",
    "kreisangehoerige_stadt": "kreisfreie_stadt",
}
"""Each ``kommune.typ`` by the kind its caps and council follow: a StädteRegion like a Kreis, a town
inside a Kreis with a KI of its own like a kreisfreie Stadt."""
REGIERUNGSBEZIRK = ("arnsberg", "detmold", "duesseldorf", "koeln", "muenster")
FOERDERRICHTLINIE = ("2018", "2023", "2025")
BEREICH = ("bildungskette", "querschnitt")
HANDLUNGSFELD_BILDUNGSKETTE = (
    "fruehe_foerderung",
    "elementarbereich",
    "schule",
    "ausserschulische_jugendarbeit",
    "uebergang_schule_beruf",
    "sprachbildung",
    "seiteneinstieg",
    "mehrsprachigkeit",
)
HANDLUNGSFELD_QUERSCHNITT = (
    "interkulturelle_oeffnung",
    "vernetzung",
    "beschaeftigung",
    "kultur",
    "sport",
    "politische_partizipation",
    "ehrenamt",
    "gesundheit",
    "pflege",
    "antidiskriminierung",
    "wohnen",
    "erstintegration",
    "demokratie",
    "religion",
    "mso_staerkung",
    "sprachmittlung",
    "sonstiges",
)
HANDLUNGSFELD = HANDLUNGSFELD_BILDUNGSKETTE + HANDLUNGSFELD_QUERSCHNITT
HANDLUNGSFELD_BY_BEREICH = {
    "bildungskette": HANDLUNGSFELD_BILDUNGSKETTE,
    "querschnitt": HANDLUNGSFELD_QUERSCHNITT,
}
STUFE = ("initiative", "modellprojekt", "regelpraxis", "daueraufgabe")
ASPEKTE = ("berufsorientierung", "berufswahlspektrum", "mobilitaet", "elternbildung", "kooperation_betriebe")
FUNKTION = ("lehrkraft", "fachkraft", "verwaltung")
FINANZIERUNG = ("land", "kommune", "drittmittel")
ROLLE = ("leitung", "stellvertretung")
TRAEGER = ("kommune", "land", "drittmittel")
PARTNER_ART = (
    "regeldienst",
    "schulaufsicht",
    "arbeitsverwaltung",
    "freier_traeger",
    "migrantenorganisation",
    "landesstruktur",
    "bildungseinrichtung",
    "wirtschaft",
    "kreisangehoerige_kommune",
    "auslaenderbehoerde",
    "schultraeger",
    "bildungsbuero",
    "kita_traeger",
    "religionsgemeinschaft",
    "ehrenamt",
    "sonstige",
)
REGELSYSTEM = ("regeldienst", "schulaufsicht", "auslaenderbehoerde", "schultraeger")
"""The partners of the regular systems (KI313): who keeps the subject responsibility."""
VEREINBARUNG_FORM = ("kooperationsvereinbarung", "zielvereinbarung", "absprache", "weiterleitungsvertrag")
VEREINBARUNG_STATUS = ("entwurf", "in_abstimmung", "unterzeichnet", "beendet")
GREMIUM = (
    "rat",
    "kreistag",
    "kreisausschuss",
    "integrationsrat",
    "ausschuss",
    "staedteregionstag",
    "hauptausschuss",
    "staedteregionsausschuss",
    "integrationsausschuss",
)
ZUSTAENDIGKEIT = ("anhoerung", "empfehlung", "entscheidung", "vorberatung", "kenntnisnahme")
PROGRAMM_STELLE = ("ki", "kim", "komm_an", "ifkuf", "sonstiges")
PROGRAMM_SACHKOSTEN = ("laiensprachmittlerpool", "komm_an", "ifkuf", "sonstiges")
PROGRAMM_FOERDERUNG = ("ki", "laiensprachmittlerpool", "kim", "komm_an", "ifkuf", "sonstiges")
TIS2030 = ("erstintegration", "regelsysteme", "migrationsgesellschaft")
IST_STATUS = ("geplant", "laufend", "abgeschlossen", "ausgesetzt")
VORLAGE_ART = ("beschlussvorlage", "mitteilungsvorlage")
TURNUS = ("jaehrlich", "halbjaehrlich")
ERGEBNIS = ("beschlossen", "geaendert_beschlossen", "abgelehnt", "vertagt", "zur_kenntnis_genommen")

KI = "ki"
"""The reserved id: the KI itself, wherever a partner id is expected."""

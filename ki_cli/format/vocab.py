"""The closed vocabularies of the concept format, in one place (spec: concept-format.md)."""

from __future__ import annotations

KOMMUNE_TYP = ("kreisfreie_stadt", "kreis")
REGIERUNGSBEZIRK = ("arnsberg", "detmold", "duesseldorf", "koeln", "muenster")
FOERDERRICHTLINIE = ("2018", "2025")
BEREICH = ("bildungskette", "querschnitt")
HANDLUNGSFELD_BILDUNGSKETTE = (
    "fruehe_foerderung",
    "elementarbereich",
    "schule",
    "ausserschulische_jugendarbeit",
    "uebergang_schule_beruf",
    "sprachbildung",
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
    "sonstiges",
)
HANDLUNGSFELD = HANDLUNGSFELD_BILDUNGSKETTE + HANDLUNGSFELD_QUERSCHNITT
HANDLUNGSFELD_BY_BEREICH = {
    "bildungskette": HANDLUNGSFELD_BILDUNGSKETTE,
    "querschnitt": HANDLUNGSFELD_QUERSCHNITT,
}
STUFE = ("initiative", "modellprojekt", "regelpraxis")
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
    "sonstige",
)
REGELSYSTEM = ("regeldienst", "schulaufsicht")
VEREINBARUNG_FORM = ("kooperationsvereinbarung", "zielvereinbarung", "absprache")
VEREINBARUNG_STATUS = ("entwurf", "in_abstimmung", "unterzeichnet", "beendet")
GREMIUM = ("rat", "kreistag", "kreisausschuss", "integrationsrat", "ausschuss")
ZUSTAENDIGKEIT = ("anhoerung", "empfehlung", "entscheidung")

KI = "ki"
"""The reserved id: the KI itself, wherever a partner id is expected."""

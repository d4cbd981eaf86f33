"""The concept format, version 1, as Pydantic models (spec: concept-format.md).

Field names are the YAML keys; each field carries its German title and description for the JSON
Schema (``doc``). Vocabularies are closed ``Literal``s built from ``vocab``.
Cross-references (partner ids, agreements, goals, ``einsatz`` keys) are plain ids here and
resolved by ``structure.check_references``.

These models are the one definition of the format. ``ki schema`` is generated from them, and so
is ``ki_cli/format/coreschema.py`` (``python -m ki_cli.tools.gen_format``): their compiled core
schema, which ``ki validate`` runs with ``pydantic_core`` without importing Pydantic and which
builds light records (``ki_cli.format.records``) instead of these models. After changing a field here,
run that command once. Behaviour beyond fields goes into ``behaviour`` mixins, shared with the
records.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticUndefined

from ki_cli.format import vocab
from ki_cli.format.behaviour import KonzeptBehaviour, StelleBehaviour
from ki_cli.format.fieldtypes import (
    NULL_MEANS_EMPTY,
    Ags,
    Amount,
    Date,
    Email,
    Id,
    Number,
    Ref,
    RequiredText,
    Share,
    Text,
    Version,
    Vze,
    YesNo,
    as_text,
    none_to_dict,
    none_to_list,
)


def _vocab(values: tuple[str, ...]) -> object:
    # A word that is all digits ("2025") may be written unquoted; YAML then reads a number.
    accepted = [*values, *(int(v) for v in values if v.isdigit())]
    return Annotated[Literal[values], BeforeValidator(as_text), WithJsonSchema({"enum": accepted})]


KommuneTyp = _vocab(vocab.KOMMUNE_TYP)
Regierungsbezirk = _vocab(vocab.REGIERUNGSBEZIRK)
Foerderrichtlinie = _vocab(vocab.FOERDERRICHTLINIE)
Bereich = _vocab(vocab.BEREICH)
Handlungsfeld = _vocab(vocab.HANDLUNGSFELD)
Stufe = _vocab(vocab.STUFE)
Aspekt = _vocab(vocab.ASPEKTE)
Funktion = _vocab(vocab.FUNKTION)
Finanzierung = _vocab(vocab.FINANZIERUNG)
Rolle = _vocab(vocab.ROLLE)
Traeger = _vocab(vocab.TRAEGER)
PartnerArt = _vocab(vocab.PARTNER_ART)
Form = _vocab(vocab.VEREINBARUNG_FORM)
Status = _vocab(vocab.VEREINBARUNG_STATUS)
Gremium = _vocab(vocab.GREMIUM)
Zustaendigkeit = _vocab(vocab.ZUSTAENDIGKEIT)


def _list(item: object) -> object:
    """An optional list: absent or empty (``key:``) means no entries."""
    return Annotated[list[item], BeforeValidator(none_to_list), NULL_MEANS_EMPTY]  # type: ignore[valid-type]


def doc(title: str, description: str, default: Any = PydanticUndefined) -> Any:
    """A field's German title and description (editors' hover help, ``ki schema``) and its default."""
    return Field(default, title=title, description=description)


class Section(BaseModel):
    """A mapping of the format: unknown keys are errors, never ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, populate_by_name=False)


class Kommune(Section):
    name: RequiredText = doc("Name", "z. B. „Stadt Hamm“ oder „Kreis Soest“.")
    typ: KommuneTyp = doc(  # type: ignore[valid-type]
        "Art der Kommune", "Entscheidet über Rat/Kreistag und die Stellenobergrenzen."
    )
    regierungsbezirk: Regierungsbezirk | None = doc(  # type: ignore[valid-type]
        "Regierungsbezirk", "Der Regierungsbezirk in NRW.", default=None
    )
    ags: Ags | None = doc(
        "Amtlicher Gemeindeschlüssel",
        "8 Ziffern, beginnend mit 05 (NRW); in Anführungszeichen schreiben.",
        default=None,
    )


class Zentrum(Section):
    name: RequiredText = doc("Name des KI", "z. B. „Kommunales Integrationszentrum Hamm“.")
    anbindung: RequiredText = doc("Anbindung", "Organisatorische Anbindung in der Verwaltung, z. B. ein Dezernat.")
    leitung: Text | None = doc("Leitung", "Name der Leitung.", default=None)
    email: Email | None = doc("E-Mail", "E-Mail-Adresse des KI.", default=None)
    telefon: Text | None = doc("Telefon", "Telefonnummer des KI.", default=None)
    anschrift: Text | None = doc("Anschrift", "Postanschrift des KI.", default=None)


class Periode(Section):
    beginn: Date = doc("Beginn", "Erster Tag des Zeitraums, ein Monatserster (JJJJ-MM-TT oder TT.MM.JJJJ).")
    ende: Date = doc("Ende", "Letzter Tag: der Tag vor demselben Datum zwei Jahre später.")


class Integrationskonzept(Section):
    titel: RequiredText = doc("Titel", "Titel des Integrationskonzepts.")
    beschlossen_am: Date = doc("Beschlossen am", "Datum des Ratsbeschlusses/Kreistagsbeschlusses.")
    drucksache: Text | None = doc("Drucksache", "Nummer der Drucksache.", default=None)


class Beschluss(Section):
    gremium: Gremium = doc("Gremium", "Das beschließende Gremium.")  # type: ignore[valid-type]
    datum: Date = doc("Datum", "Datum des Beschlusses.")
    gegenstand: RequiredText = doc("Gegenstand", "Was beschlossen wurde.")
    drucksache: Text | None = doc("Drucksache", "Nummer der Drucksache.", default=None)


class Grundlagen(Section):
    foerderrichtlinie: Foerderrichtlinie = doc(  # type: ignore[valid-type]
        "Förderrichtlinie", 'Welche Förderrichtlinie (Regelpaket) gilt: "2018" oder "2025".'
    )
    integrationskonzept: Integrationskonzept = doc("Integrationskonzept", "Das beschlossene Integrationskonzept.")
    beschluesse: _list(Beschluss) = doc(  # type: ignore[valid-type]
        "Beschlüsse", "Frühere Beschlüsse von Rat oder Kreistag.", default=[]
    )


class Ziel(Section):
    id: Id = doc("Kennung", "Eindeutige Kennung des Ziels.")
    beschreibung: RequiredText = doc("Beschreibung", "Was erreicht werden soll.")
    indikator: Text | None = doc("Indikator", "Woran die Zielerreichung gemessen wird.", default=None)
    ausgangswert: Number | None = doc("Ausgangswert", "Wert zu Beginn (Zahl).", default=None)
    zielwert: Number | None = doc("Zielwert", "Angestrebter Wert am Ende (Zahl).", default=None)
    einheit: Text | None = doc("Einheit", "Einheit der Werte, z. B. „Schulen“.", default=None)


class Massnahme(Section):
    id: Id = doc("Kennung", "Eindeutige Kennung der Maßnahme.")
    titel: RequiredText = doc("Titel", "Titel der Maßnahme.")
    stufe: Stufe = doc(  # type: ignore[valid-type]
        "Stufe", "Der Weg von der Initiative über das Modellprojekt zur Regelpraxis."
    )
    federfuehrung: Ref = doc("Federführung", "Kennung des federführenden Partners oder „ki“ für das KI selbst.")
    beteiligt: _list(Ref) = doc(  # type: ignore[valid-type]
        "Beteiligt", "Kennungen der beteiligten Partner.", default=[]
    )
    vereinbarung: Ref | None = doc(
        "Vereinbarung", "Kennung der Vereinbarung, auf der die Maßnahme beruht.", default=None
    )
    aspekte: _list(Aspekt) = doc(  # type: ignore[valid-type]
        "Aspekte", "Aspekte des Übergangssystems (nur im Handlungsfeld Übergang Schule – Beruf).", default=[]
    )
    ziele: _list(Ref) = doc(  # type: ignore[valid-type]
        "Ziele", "Kennungen der Ziele desselben Schwerpunkts, zu denen die Maßnahme beiträgt.", default=[]
    )
    beginn: Date | None = doc("Beginn", "Beginn der Maßnahme; ohne Angabe der Beginn des Zeitraums.", default=None)
    ende: Date | None = doc("Ende", "Ende der Maßnahme; ohne Angabe das Ende des Zeitraums.", default=None)
    sachkosten: Amount | None = doc("Sachkosten", "Sachkosten der Maßnahme in Euro pro Jahr.", default=None)
    beschreibung: Text | None = doc("Beschreibung", "Beschreibung der Maßnahme.", default=None)


class Schwerpunkt(Section):
    id: Id = doc("Kennung", "Eindeutige Kennung, z. B. „uebergang“: Kleinbuchstaben, Ziffern, - und _.")
    bereich: Bereich = doc(  # type: ignore[valid-type]
        "Bereich", "Einer der beiden gesetzlichen Bereiche (§ 8 Abs. 1 Nr. 1 und 2 TIntG)."
    )
    handlungsfeld: Handlungsfeld = doc(  # type: ignore[valid-type]
        "Handlungsfeld", "Ein Handlungsfeld des gewählten Bereichs."
    )
    titel: RequiredText = doc("Titel", "Titel des Schwerpunkts.")
    begruendung: RequiredText = doc("Begründung", "Warum dieser Schwerpunkt (Ausgangslage, Bedarf).")
    ziele: _list(Ziel) = doc("Ziele", "Überprüfbare Ziele des Schwerpunkts.", default=[])  # type: ignore[valid-type]
    massnahmen: _list(Massnahme) = doc(  # type: ignore[valid-type]
        "Maßnahmen", "Die Maßnahmen des Schwerpunkts.", default=[]
    )


class Stelle(StelleBehaviour, Section):
    id: Id = doc("Kennung", "Eindeutige Kennung der Stelle, z. B. „fk-1“.")
    funktion: Funktion = doc("Funktion", "Lehrkraft, Fachkraft oder Verwaltungsassistenz.")  # type: ignore[valid-type]
    vze: Vze = doc("Vollzeitäquivalent (VZE)", "Größer als 0 und höchstens 1, z. B. 1 oder 0,5.")
    finanzierung: Finanzierung = doc(  # type: ignore[valid-type]
        "Finanzierung", "Wer die Stelle bezahlt; „land“ = landesfinanziert."
    )
    rolle: Rolle | None = doc("Rolle", "Leitung oder Stellvertretung.", default=None)  # type: ignore[valid-type]
    besetzt_durch: Text | None = doc(
        "Besetzt durch", "Name der Stelleninhaberin/des Stelleninhabers; leer = unbesetzt.", default=None
    )
    einsatz: Annotated[dict[str, Share], BeforeValidator(none_to_dict), NULL_MEANS_EMPTY] = doc(
        "Einsatz", "Anteile der Stelle je Schwerpunkt (Kennung: Anteil); die Summe ist die VZE der Stelle."
    )


class Sachkosten(Section):
    posten: RequiredText = doc("Posten", "Bezeichnung des Postens.")
    betrag: Amount = doc("Betrag", "Euro pro Jahr, z. B. 24000 oder „1.234,56“.")
    traeger: Traeger = doc("Träger", "Wer die Kosten trägt.")  # type: ignore[valid-type]


class Partner(Section):
    id: Id = doc("Kennung", "Eindeutige Kennung des Partners, z. B. „schulamt“.")
    name: RequiredText = doc("Name", "Name des Partners.")
    art: PartnerArt = doc(  # type: ignore[valid-type]
        "Art", "Art des Partners; Regeldienst und Schulaufsicht bilden das Regelsystem."
    )
    ansprechperson: Text | None = doc("Ansprechperson", "Ansprechperson beim Partner.", default=None)
    email: Email | None = doc("E-Mail", "E-Mail-Adresse der Ansprechperson.", default=None)


class Vereinbarung(Section):
    id: Id = doc("Kennung", "Eindeutige Kennung der Vereinbarung, z. B. „v-schulamt“.")
    partner: Ref = doc("Partner", "Kennung des Partners.")
    form: Form = doc("Form", "Kooperationsvereinbarung, Zielvereinbarung oder Absprache.")  # type: ignore[valid-type]
    gegenstand: RequiredText = doc("Gegenstand", "Worum es in der Vereinbarung geht.")
    zustaendigkeit_partner: RequiredText = doc(
        "Zuständigkeit des Partners", "Was in der fachlichen Zuständigkeit des Partners bleibt."
    )
    beitrag_ki: RequiredText = doc("Beitrag des KI", "Was das KI beiträgt: den Fokus Migration.")
    beginn: Date = doc("Beginn", "Beginn der Vereinbarung.")
    ende: Date | None = doc("Ende", "Ende der Vereinbarung; ohne Angabe unbefristet.", default=None)
    status: Status = doc("Status", "Stand der Vereinbarung.")  # type: ignore[valid-type]
    unterzeichnet_am: Date | None = doc("Unterzeichnet am", "Datum der Unterzeichnung.", default=None)
    ueberpruefung: Date | None = doc("Überprüfung", "Nächster Termin zur Überprüfung.", default=None)


class Beratung(Section):
    gremium: Gremium = doc("Gremium", "Das beratende Gremium.")  # type: ignore[valid-type]
    bezeichnung: Text | None = doc(
        "Bezeichnung", "Name des Gremiums, z. B. „Ausschuss für Schule und Bildung“.", default=None
    )
    datum: Date = doc("Datum", "Sitzungstermin.")
    zustaendigkeit: Zustaendigkeit = doc(  # type: ignore[valid-type]
        "Zuständigkeit", "Anhörung, Empfehlung oder Entscheidung."
    )


class Vorlage(Section):
    drucksache: Text | None = doc("Drucksache", "Nummer der Beschlussvorlage.", default=None)
    federfuehrend: Text | None = doc("Federführend", "Federführende Dienststelle.", default=None)
    verfasser: Text | None = doc("Verfasser", "Verfasserin oder Verfasser der Vorlage.", default=None)
    datum: Date | None = doc("Datum", "Datum der Vorlage.", default=None)
    beteiligt: _list(Text) = doc("Beteiligt", "Beteiligte Dienststellen.", default=[])  # type: ignore[valid-type]
    oeffentlich: YesNo = doc("Öffentlich", "Ob die Vorlage öffentlich ist (Standard: ja).", default=True)
    beratungsfolge: _list(Beratung) = doc(  # type: ignore[valid-type]
        "Beratungsfolge", "Die Gremien in der Reihenfolge der Beratung; am Ende genau eine Entscheidung.", default=[]
    )


class Konzept(KonzeptBehaviour, Section):
    """One KI's plan for one two-year priority period."""

    version: Version = doc("Formatversion", "Version des Konzeptformats; es gibt nur 1.")
    kommune: Kommune = doc("Kommune", "Der Kreis oder die kreisfreie Stadt.")
    zentrum: Zentrum = doc("Kommunales Integrationszentrum", "Angaben zum KI selbst.")
    periode: Periode = doc("Zeitraum", "Beginn und Ende des zweijährigen Schwerpunktzeitraums.")
    grundlagen: Grundlagen = doc("Grundlagen", "Förderrichtlinie, Integrationskonzept, Beschlüsse.")
    schwerpunkte: Annotated[list[Schwerpunkt], Field(min_length=1)] = doc(
        "Schwerpunkte", "Mindestens ein Schwerpunkt; beide Bereiche (Bildungskette und Querschnitt) müssen vorkommen."
    )
    personal: list[Stelle] = doc("Personal", "Eine Zeile je Stelle.")
    sachkosten: _list(Sachkosten) = doc(  # type: ignore[valid-type]
        "Sachkosten", "Sachkostenposten in Euro pro Jahr.", default=[]
    )
    partner: _list(Partner) = doc(  # type: ignore[valid-type]
        "Partner", "Die Kooperationspartner; auf ihre Kennungen verweisen Maßnahmen und Vereinbarungen.", default=[]
    )
    vereinbarungen: _list(Vereinbarung) = doc(  # type: ignore[valid-type]
        "Vereinbarungen", "Vereinbarungen und Absprachen mit Partnern.", default=[]
    )
    vorlage: Vorlage | None = doc(
        "Beschlussvorlage", "Daten der Beschlussvorlage (für `ki render proposal`).", default=None
    )

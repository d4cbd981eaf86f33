"""The concept format, version 1, as Pydantic models (spec: concept-format.md).

Field names are the YAML keys; each field carries its German title and description for the JSON
Schema and, beside them, the English ones (``doc``; ``ki schema --lang en``). Vocabularies are
closed ``Literal``s built from ``vocab``.
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
    Count,
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
    Year,
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
Tis2030 = _vocab(vocab.TIS2030)
Stufe = _vocab(vocab.STUFE)
Aspekt = _vocab(vocab.ASPEKTE)
IstStatus = _vocab(vocab.IST_STATUS)
Funktion = _vocab(vocab.FUNKTION)
Finanzierung = _vocab(vocab.FINANZIERUNG)
Rolle = _vocab(vocab.ROLLE)
ProgrammStelle = _vocab(vocab.PROGRAMM_STELLE)
ProgrammSachkosten = _vocab(vocab.PROGRAMM_SACHKOSTEN)
ProgrammFoerderung = _vocab(vocab.PROGRAMM_FOERDERUNG)
Traeger = _vocab(vocab.TRAEGER)
PartnerArt = _vocab(vocab.PARTNER_ART)
Artikel = _vocab(("der", "die", "das"))
Form = _vocab(vocab.VEREINBARUNG_FORM)
Status = _vocab(vocab.VEREINBARUNG_STATUS)
Gremium = _vocab(vocab.GREMIUM)
Zustaendigkeit = _vocab(vocab.ZUSTAENDIGKEIT)
Ergebnis = _vocab(vocab.ERGEBNIS)
VorlageArt = _vocab(vocab.VORLAGE_ART)
Turnus = _vocab(vocab.TURNUS)


def _list(item: object) -> object:
    """An optional list: absent or empty (``key:``) means no entries."""
    return Annotated[list[item], BeforeValidator(none_to_list), NULL_MEANS_EMPTY]  # type: ignore[valid-type]


ENGLISH: dict[tuple[str, str], tuple[str, str]] = {}
"""The English title and description of each field, by its German ones (``ki schema --lang en``)."""


def doc(title: str, description: str, en: tuple[str, str], default: Any = PydanticUndefined) -> Any:
    """A field's title and description, German and English (``en``), and its default.

    The German ones are the field's own (editors' hover help, ``ki schema``); the English ones
    are kept beside them for ``ki schema --lang en``. Two fields with the same German texts
    must have the same English ones.
    """
    known = ENGLISH.setdefault((title, description), en)
    if known != en:
        raise ValueError(f"two English texts for the field „{title}“: {known} and {en}")
    return Field(default, title=title, description=description)


class Section(BaseModel):
    """A mapping of the format: unknown keys are errors, never ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, populate_by_name=False)


class Kommune(Section):
    name: RequiredText = doc(
        "Name", "z. B. „Stadt Hamm“ oder „Kreis Soest“.", ("Name", "E.g. “Stadt Hamm” or “Kreis Soest”.")
    )
    typ: KommuneTyp = doc(  # type: ignore[valid-type]
        "Art der Kommune",
        "Entscheidet über Rat/Kreistag und die Stellenobergrenzen.",
        ("Type of municipality", "Decides Rat/Kreistag and the staffing caps."),
    )
    regierungsbezirk: Regierungsbezirk | None = doc(  # type: ignore[valid-type]
        "Regierungsbezirk",
        "Der Regierungsbezirk in NRW.",
        ("Administrative district", "The Regierungsbezirk in NRW."),
        default=None,
    )
    ags: Ags | None = doc(
        "Amtlicher Gemeindeschlüssel",
        "8 Ziffern, beginnend mit 05 (NRW); in Anführungszeichen schreiben.",
        ("Official municipality key (AGS)", "8 digits starting with 05 (NRW); write it in quotes."),
        default=None,
    )


class Zentrum(Section):
    name: RequiredText = doc(
        "Name des KI",
        "z. B. „Kommunales Integrationszentrum Hamm“.",
        ("Name of the KI", "E.g. “Kommunales Integrationszentrum Hamm”."),
    )
    anbindung: RequiredText = doc(
        "Anbindung",
        "Organisatorische Anbindung in der Verwaltung, z. B. ein Dezernat.",
        ("Placement", "Where the KI sits in the administration, e.g. a Dezernat."),
    )
    leitung: Text | None = doc("Leitung", "Name der Leitung.", ("Head", "Name of the head."), default=None)
    email: Email | None = doc("E-Mail", "E-Mail-Adresse des KI.", ("E-mail", "E-mail address of the KI."), default=None)
    telefon: Text | None = doc(
        "Telefon", "Telefonnummer des KI.", ("Telephone", "Telephone number of the KI."), default=None
    )
    anschrift: Text | None = doc(
        "Anschrift", "Postanschrift des KI.", ("Address", "Postal address of the KI."), default=None
    )


class Periode(Section):
    beginn: Date = doc(
        "Beginn",
        "Erster Tag des Zeitraums, ein Monatserster (JJJJ-MM-TT oder TT.MM.JJJJ).",
        ("Start", "First day of the period, the first of a month (YYYY-MM-DD or DD.MM.YYYY)."),
    )
    ende: Date = doc(
        "Ende",
        "Letzter Tag: der Tag vor demselben Datum zwei Jahre später.",
        ("End", "Last day: the day before the same date two years later."),
    )


class Integrationskonzept(Section):
    titel: RequiredText = doc(
        "Titel", "Titel des Integrationskonzepts.", ("Title", "Title of the integration concept.")
    )
    beschlossen_am: Date = doc(
        "Beschlossen am",
        "Datum des Ratsbeschlusses/Kreistagsbeschlusses.",
        ("Adopted on", "Date of the council's (Rat/Kreistag) resolution."),
    )
    drucksache: Text | None = doc(
        "Drucksache", "Nummer der Drucksache.", ("Drucksache", "Number of the council paper."), default=None
    )


class Beschluss(Section):
    gremium: Gremium = doc(  # type: ignore[valid-type]
        "Gremium", "Das beschließende Gremium.", ("Body", "The body that resolved.")
    )
    datum: Date = doc("Datum", "Datum des Beschlusses.", ("Date", "Date of the resolution."))
    gegenstand: RequiredText = doc("Gegenstand", "Was beschlossen wurde.", ("Subject", "What was resolved."))
    drucksache: Text | None = doc(
        "Drucksache", "Nummer der Drucksache.", ("Drucksache", "Number of the council paper."), default=None
    )


class Grundlagen(Section):
    foerderrichtlinie: Foerderrichtlinie = doc(  # type: ignore[valid-type]
        "Förderrichtlinie",
        'Welche Förderrichtlinie (Regelpaket) gilt: "2018" oder "2025".',
        ("Funding guideline", 'Which funding guideline (rule pack) applies: "2018" or "2025".'),
    )
    integrationskonzept: Integrationskonzept = doc(
        "Integrationskonzept",
        "Das beschlossene Integrationskonzept.",
        ("Integration concept", "The adopted integration concept."),
    )
    beschluesse: _list(Beschluss) = doc(  # type: ignore[valid-type]
        "Beschlüsse",
        "Frühere Beschlüsse von Rat oder Kreistag.",
        ("Resolutions", "Earlier resolutions of the Rat or Kreistag."),
        default=[],
    )


class Messung(Section):
    datum: Date = doc("Datum", "Tag der Messung.", ("Date", "Day of the measurement."))
    wert: Number = doc("Wert", "Der gemessene Wert (Zahl).", ("Value", "The measured value (a number)."))
    einheit: Text | None = doc(
        "Einheit der Messung",
        "Einheit des gemessenen Werts, falls sie von der Einheit des Ziels abweicht; ohne Angabe die des Ziels.",
        (
            "Unit of the measurement",
            "Unit of the measured value, where it differs from the goal's unit; if absent, the goal's.",
        ),
        default=None,
    )
    bemerkung: Text | None = doc(
        "Bemerkung", "Anmerkung zum Eintrag.", ("Remark", "A note on the entry."), default=None
    )


class Ziel(Section):
    id: Id = doc("Kennung", "Eindeutige Kennung des Ziels.", ("Id", "Unique id of the goal."))
    beschreibung: RequiredText = doc(
        "Beschreibung", "Was erreicht werden soll.", ("Description", "What is to be achieved.")
    )
    indikator: Text | None = doc(
        "Indikator",
        "Woran die Zielerreichung gemessen wird.",
        ("Indicator", "How achieving the goal is measured."),
        default=None,
    )
    ausgangswert: Number | None = doc(
        "Ausgangswert", "Wert zu Beginn (Zahl).", ("Baseline", "Value at the start (a number)."), default=None
    )
    zielwert: Number | None = doc(
        "Zielwert",
        "Angestrebter Wert am Ende (Zahl).",
        ("Target", "Value aimed at by the end (a number)."),
        default=None,
    )
    einheit: Text | None = doc(
        "Einheit", "Einheit der Werte, z. B. „Schulen“.", ("Unit", "Unit of the values, e.g. “Schulen”."), default=None
    )
    ist: _list(Messung) = doc(  # type: ignore[valid-type]
        "Ist-Werte",
        "Gemessene Werte im Zeitraum: Datum, Wert und eine Bemerkung.",
        ("Actual values", "Values measured during the period: date, value and a remark."),
        default=[],
    )


class Umsetzung(Section):
    jahr: Year = doc("Jahr", "Das Haushaltsjahr, z. B. 2027.", ("Year", "The budget year, e.g. 2027."))
    status: IstStatus | None = doc(  # type: ignore[valid-type]
        "Stand",
        "Stand der Maßnahme in diesem Jahr.",
        ("Status", "Status of the measure in that year."),
        default=None,
    )
    teilnehmende: Count | None = doc(
        "Teilnehmende",
        "Zahl der Teilnehmenden (ganze Zahl).",
        ("Participants", "Number of participants (a whole number)."),
        default=None,
    )
    sachkosten: Amount | None = doc(
        "Sachkosten",
        "Tatsächliche Sachkosten in diesem Jahr in Euro.",
        ("Material costs", "Actual material costs in that year, in euros."),
        default=None,
    )
    bemerkung: Text | None = doc(
        "Bemerkung", "Anmerkung zum Eintrag.", ("Remark", "A note on the entry."), default=None
    )


class Massnahme(Section):
    id: Id = doc("Kennung", "Eindeutige Kennung der Maßnahme.", ("Id", "Unique id of the measure."))
    titel: RequiredText = doc("Titel", "Titel der Maßnahme.", ("Title", "Title of the measure."))
    stufe: Stufe = doc(  # type: ignore[valid-type]
        "Stufe",
        "Der Weg von der Initiative über das Modellprojekt zur Regelpraxis; „daueraufgabe“ für eine "
        "ständige Aufgabe außerhalb dieses Wegs (z. B. Seiteneinstiegsberatung).",
        (
            "Stage",
            "The path from initiative through model project to regular practice; “daueraufgabe” for a "
            "standing task outside that path (e.g. Seiteneinstiegsberatung).",
        ),
    )
    federfuehrung: Ref = doc(
        "Federführung",
        "Kennung des federführenden Partners oder „ki“ für das KI selbst.",
        ("Lead", "Id of the leading partner, or “ki” for the KI itself."),
    )
    beteiligt: _list(Ref) = doc(  # type: ignore[valid-type]
        "Beteiligt",
        "Kennungen der beteiligten Partner.",
        ("Involved", "Ids of the partners involved."),
        default=[],
    )
    vereinbarung: Ref | None = doc(
        "Vereinbarung",
        "Kennung der Vereinbarung, auf der die Maßnahme beruht.",
        ("Agreement", "Id of the agreement the measure rests on."),
        default=None,
    )
    aspekte: _list(Aspekt) = doc(  # type: ignore[valid-type]
        "Aspekte",
        "Aspekte des Übergangssystems (nur im Handlungsfeld Übergang Schule – Beruf).",
        ("Aspects", "Aspects of the transition system (only in the field Übergang Schule – Beruf)."),
        default=[],
    )
    ziele: _list(Ref) = doc(  # type: ignore[valid-type]
        "Ziele",
        "Kennungen der Ziele desselben Schwerpunkts, zu denen die Maßnahme beiträgt.",
        ("Goals", "Ids of the goals of the same priority the measure contributes to."),
        default=[],
    )
    beginn: Date | None = doc(
        "Beginn",
        "Beginn der Maßnahme; ohne Angabe der Beginn des Zeitraums.",
        ("Start", "Start of the measure; if absent, the start of the period."),
        default=None,
    )
    ende: Date | None = doc(
        "Ende",
        "Ende der Maßnahme; ohne Angabe das Ende des Zeitraums.",
        ("End", "End of the measure; if absent, the end of the period."),
        default=None,
    )
    sachkosten: Amount | None = doc(
        "Sachkosten",
        "Sachkosten der Maßnahme in Euro pro Jahr.",
        ("Material costs", "Material costs of the measure in euros per year."),
        default=None,
    )
    beschreibung: Text | None = doc(
        "Beschreibung", "Beschreibung der Maßnahme.", ("Description", "Description of the measure."), default=None
    )
    programm: Text | None = doc(
        "Programm",
        "Das benannte Programm, das die Maßnahme umsetzt, z. B. „Rucksack KiTa“ oder „Griffbereit“.",
        ("Programme", "The named programme the measure runs, e.g. “Rucksack KiTa” or “Griffbereit”."),
        default=None,
    )
    ist: _list(Umsetzung) = doc(  # type: ignore[valid-type]
        "Umsetzung",
        "Was je Haushaltsjahr geschah: Jahr, Stand, Teilnehmende, Sachkosten, Bemerkung.",
        ("Implementation", "What happened per budget year: year, status, participants, material costs, remark."),
        default=[],
    )


class Schwerpunkt(Section):
    id: Id = doc(
        "Kennung",
        "Eindeutige Kennung, z. B. „uebergang“: Kleinbuchstaben, Ziffern, - und _.",
        ("Id", "Unique id, e.g. “uebergang”: lower-case letters, digits, - and _."),
    )
    bereich: Bereich = doc(  # type: ignore[valid-type]
        "Bereich",
        "Einer der beiden gesetzlichen Bereiche (§ 8 Abs. 1 Nr. 1 und 2 TIntG).",
        ("Area", "One of the two legal areas (TIntG § 8 (1) no. 1 and 2)."),
    )
    handlungsfeld: Handlungsfeld = doc(  # type: ignore[valid-type]
        "Handlungsfeld", "Ein Handlungsfeld des gewählten Bereichs.", ("Field of action", "A field of the chosen area.")
    )
    tis2030: Tis2030 | None = doc(  # type: ignore[valid-type]
        "Zieldimension der TIS 2030",
        "Die Zieldimension der Teilhabe- und Integrationsstrategie 2030 des Landes.",
        ("TIS 2030 target dimension", "The target dimension of the state's Teilhabe- und Integrationsstrategie 2030."),
        default=None,
    )
    titel: RequiredText = doc("Titel", "Titel des Schwerpunkts.", ("Title", "Title of the priority."))
    begruendung: RequiredText = doc(
        "Begründung",
        "Warum dieser Schwerpunkt (Ausgangslage, Bedarf).",
        ("Reasons", "Why this priority (situation, need)."),
    )
    ziele: _list(Ziel) = doc(  # type: ignore[valid-type]
        "Ziele", "Überprüfbare Ziele des Schwerpunkts.", ("Goals", "Verifiable goals of the priority."), default=[]
    )
    massnahmen: _list(Massnahme) = doc(  # type: ignore[valid-type]
        "Maßnahmen", "Die Maßnahmen des Schwerpunkts.", ("Measures", "The measures of the priority."), default=[]
    )


class Stelle(StelleBehaviour, Section):
    id: Id = doc(
        "Kennung", "Eindeutige Kennung der Stelle, z. B. „fk-1“.", ("Id", "Unique id of the post, e.g. “fk-1”.")
    )
    funktion: Funktion = doc(  # type: ignore[valid-type]
        "Funktion",
        "Lehrkraft, Fachkraft oder Verwaltungsassistenz.",
        ("Function", "Teacher, specialist or administrative assistant."),
    )
    vze: Vze = doc(
        "Vollzeitäquivalent (VZE)",
        "Größer als 0 und höchstens 1, z. B. 1 oder 0,5.",
        ("Full-time equivalent (VZE)", "Greater than 0 and at most 1, e.g. 1 or 0,5."),
    )
    finanzierung: Finanzierung = doc(  # type: ignore[valid-type]
        "Finanzierung",
        "Wer die Stelle bezahlt; „land“ = landesfinanziert.",
        ("Funding", "Who pays for the post; “land” = state-funded."),
    )
    rolle: Rolle | None = doc(  # type: ignore[valid-type]
        "Rolle", "Leitung oder Stellvertretung.", ("Role", "Head or deputy."), default=None
    )
    besetzt_durch: Text | None = doc(
        "Besetzt durch",
        "Name der Stelleninhaberin/des Stelleninhabers; leer = unbesetzt.",
        ("Held by", "Name of the holder; empty = vacant."),
        default=None,
    )
    einsatz: Annotated[dict[str, Share], BeforeValidator(none_to_dict), NULL_MEANS_EMPTY] = doc(
        "Einsatz",
        "Anteile der Stelle je Schwerpunkt (Kennung: Anteil); die Summe ist die VZE der Stelle.",
        ("Assignment", "The post's shares per priority (id: share); they add up to the post's VZE."),
    )
    programm: ProgrammStelle = doc(  # type: ignore[valid-type]
        "Programm",
        "Aus welchem Programm die Stelle gefördert wird (Standard: ki); nur KI-Stellen zählen gegen die "
        "Obergrenzen des KI, Stellen von KIM, KOMM-AN oder IfKuF werden gesondert aufgeführt.",
        (
            "Programme",
            "Which programme funds the post (default: ki); only KI posts count against the KI's caps, "
            "posts of KIM, KOMM-AN or IfKuF are listed apart.",
        ),
        default="ki",
    )
    kosten: Amount | None = doc(
        "Personalkosten",
        "Jährliche Personalkosten der Stelle (Arbeitgeberbrutto) in Euro.",
        ("Personnel cost", "The post's annual personnel cost (employer's gross) in euros."),
        default=None,
    )


class Sachkosten(Section):
    posten: RequiredText = doc("Posten", "Bezeichnung des Postens.", ("Item", "Name of the item."))
    betrag: Amount = doc(
        "Betrag",
        "Euro pro Jahr, z. B. 24000 oder „1.234,56“.",
        ("Amount", "Euros per year, e.g. 24000 or “1.234,56”."),
    )
    traeger: Traeger = doc("Träger", "Wer die Kosten trägt.", ("Borne by", "Who bears the cost."))  # type: ignore[valid-type]
    programm: ProgrammSachkosten | None = doc(  # type: ignore[valid-type]
        "Programm",
        "Landesgeförderter Sachkostenposten eines Programms mit eigener Obergrenze, z. B. der Laiensprachmittlerpool.",
        (
            "Programme",
            "A state-funded material-cost item of a programme with its own cap, e.g. the lay interpreter pool.",
        ),
        default=None,
    )


class Foerderung(Section):
    jahr: Year = doc(
        "Haushaltsjahr",
        "Das Haushaltsjahr der Förderung, z. B. 2027.",
        ("Budget year", "The budget year of the grant, e.g. 2027."),
    )
    programm: ProgrammFoerderung = doc(  # type: ignore[valid-type]
        "Programm", "Das geförderte Programm.", ("Programme", "The funded programme.")
    )
    beantragt: Amount | None = doc(
        "Beantragt", "Beantragter Betrag in Euro.", ("Applied for", "Amount applied for, in euros."), default=None
    )
    bewilligt: Amount | None = doc(
        "Bewilligt", "Bewilligter Betrag in Euro.", ("Granted", "Amount granted, in euros."), default=None
    )
    antrag_am: Date | None = doc(
        "Antrag am", "Datum des Antrags.", ("Applied on", "Date of the application."), default=None
    )
    bescheid_am: Date | None = doc(
        "Bescheid am", "Datum des Bewilligungsbescheids.", ("Notice on", "Date of the grant notice."), default=None
    )
    aktenzeichen: Text | None = doc(
        "Aktenzeichen",
        "Aktenzeichen des Antrags oder Bescheids.",
        ("File reference", "File reference of the application or notice."),
        default=None,
    )


class Partner(Section):
    id: Id = doc(
        "Kennung",
        "Eindeutige Kennung des Partners, z. B. „schulamt“.",
        ("Id", "Unique id of the partner, e.g. “schulamt”."),
    )
    name: RequiredText = doc("Name", "Name des Partners.", ("Name", "Name of the partner."))
    art: PartnerArt = doc(  # type: ignore[valid-type]
        "Art",
        "Art des Partners; Regeldienst und Schulaufsicht bilden das Regelsystem.",
        ("Kind", "Kind of partner; Regeldienst and Schulaufsicht form the regular system."),
    )
    ansprechperson: Text | None = doc(
        "Ansprechperson", "Ansprechperson beim Partner.", ("Contact", "Contact person at the partner."), default=None
    )
    email: Email | None = doc(
        "E-Mail", "E-Mail-Adresse der Ansprechperson.", ("E-mail", "E-mail address of the contact."), default=None
    )
    artikel: Artikel | None = doc(  # type: ignore[valid-type]
        "Artikel",
        "Der bestimmte Artikel des Namens im Nominativ (der, die oder das), z. B. „das“ für „Jobcenter Hamm“. "
        "Ohne Angabe leiten die Dokumente ihn aus dem Namen ab („mit dem Schulamt …“) oder formulieren ohne.",
        (
            "Article",
            "The name's definite article in the nominative (der, die or das), e.g. “das” for “Jobcenter Hamm”. "
            "Without it, the documents derive it from the name (“mit dem Schulamt …”) or phrase without one.",
        ),
        default=None,
    )


class Vereinbarung(Section):
    id: Id = doc(
        "Kennung",
        "Eindeutige Kennung der Vereinbarung, z. B. „v-schulamt“.",
        ("Id", "Unique id of the agreement, e.g. “v-schulamt”."),
    )
    partner: Ref = doc("Partner", "Kennung des Partners.", ("Partner", "Id of the partner."))
    form: Form = doc(  # type: ignore[valid-type]
        "Form",
        "Kooperationsvereinbarung, Zielvereinbarung, Absprache oder Weiterleitungsvertrag.",
        ("Form", "Cooperation agreement, target agreement, arrangement or pass-on contract."),
    )
    gegenstand: RequiredText = doc(
        "Gegenstand", "Worum es in der Vereinbarung geht.", ("Subject", "What the agreement is about.")
    )
    zustaendigkeit_partner: RequiredText = doc(
        "Zuständigkeit des Partners",
        "Was in der fachlichen Zuständigkeit des Partners bleibt.",
        ("Partner's responsibility", "What stays the partner's responsibility."),
    )
    beitrag_ki: RequiredText = doc(
        "Beitrag des KI",
        "Was das KI beiträgt: den Fokus Migration.",
        ("The KI's contribution", "What the KI contributes: the migration focus."),
    )
    beginn: Date = doc("Beginn", "Beginn der Vereinbarung.", ("Start", "Start of the agreement."))
    ende: Date | None = doc(
        "Ende",
        "Ende der Vereinbarung; ohne Angabe unbefristet.",
        ("End", "End of the agreement; if absent, open-ended."),
        default=None,
    )
    status: Status = doc("Status", "Stand der Vereinbarung.", ("Status", "Status of the agreement."))  # type: ignore[valid-type]
    unterzeichnet_am: Date | None = doc(
        "Unterzeichnet am", "Datum der Unterzeichnung.", ("Signed on", "Date of signing."), default=None
    )
    ueberpruefung: Date | None = doc(
        "Überprüfung", "Nächster Termin zur Überprüfung.", ("Review", "Date of the next review."), default=None
    )


class Abstimmung(Section):
    ja: Count | None = doc("Ja", "Ja-Stimmen.", ("Yes", "Votes in favour."), default=None)
    nein: Count | None = doc("Nein", "Nein-Stimmen.", ("No", "Votes against."), default=None)
    enthaltung: Count | None = doc("Enthaltungen", "Enthaltungen.", ("Abstentions", "Abstentions."), default=None)


class Beratung(Section):
    gremium: Gremium = doc("Gremium", "Das beratende Gremium.", ("Body", "The consulting body."))  # type: ignore[valid-type]
    bezeichnung: Text | None = doc(
        "Bezeichnung",
        "Name des Gremiums, z. B. „Ausschuss für Schule und Bildung“.",
        ("Name", "Name of the body, e.g. “Ausschuss für Schule und Bildung”."),
        default=None,
    )
    datum: Date = doc("Datum", "Sitzungstermin.", ("Date", "Date of the session."))
    zustaendigkeit: Zustaendigkeit = doc(  # type: ignore[valid-type]
        "Zuständigkeit",
        "Anhörung, Vorberatung, Empfehlung, Entscheidung oder Kenntnisnahme.",
        ("Role", "Hearing, preliminary consultation, recommendation, decision or taking note."),
    )
    ergebnis: Ergebnis | None = doc(  # type: ignore[valid-type]
        "Ergebnis",
        "Ergebnis der Beratung nach der Sitzung.",
        ("Result", "Result of the consultation after the session."),
        default=None,
    )
    abstimmung: Abstimmung | None = doc(
        "Abstimmung",
        "Das Stimmergebnis: Ja, Nein, Enthaltungen.",
        ("Vote", "The vote: yes, no, abstentions."),
        default=None,
    )


class Unterzeichnung(Section):
    name: RequiredText = doc("Name", "Name der unterzeichnenden Person.", ("Name", "Name of the person who signs."))
    funktion: Text | None = doc(
        "Funktion", "Funktion, z. B. „Beigeordneter“.", ("Function", "Function, e.g. “Beigeordneter”."), default=None
    )
    in_vertretung: YesNo = doc(
        "In Vertretung",
        "Ob in Vertretung (i. V.) unterzeichnet wird (Standard: nein).",
        ("On behalf", "Whether signed on behalf (i. V.) (default: no)."),
        default=False,
    )


class Haushalt(Section):
    produkt: Text | None = doc("Produkt", "Produkt im Haushalt.", ("Product", "Product in the budget."), default=None)
    sachkonto: Text | None = doc(
        "Sachkonto", "Sachkonto im Haushalt.", ("Account", "Account in the budget."), default=None
    )
    kostenstelle: Text | None = doc(
        "Kostenstelle", "Kostenstelle im Haushalt.", ("Cost centre", "Cost centre in the budget."), default=None
    )
    psp_element: Text | None = doc(
        "PSP-Element",
        "PSP-Element im Haushalt.",
        ("WBS element", "WBS element (PSP-Element) in the budget."),
        default=None,
    )
    vorbehalt: YesNo = doc(
        "Vorbehalt",
        "Beschluss vorbehaltlich der Bewilligung der Landesförderung und des Haushaltsbeschlusses (Standard: ja).",
        ("Proviso", "Resolution subject to the state grant and the budget resolution (default: yes)."),
        default=True,
    )


class Berichterstattung(Section):
    gremium: Gremium | None = doc(  # type: ignore[valid-type]
        "Gremium",
        "Das Gremium, dem über die Umsetzung berichtet wird.",
        ("Body", "The body reported to on the implementation."),
        default=None,
    )
    turnus: Turnus | None = doc(  # type: ignore[valid-type]
        "Turnus", "Wie oft berichtet wird.", ("Interval", "How often the report is given."), default=None
    )


class Anlage(Section):
    titel: RequiredText = doc("Titel", "Titel der Anlage.", ("Title", "Title of the attachment."))
    datei: Text | None = doc("Datei", "Dateiname der Anlage.", ("File", "File name of the attachment."), default=None)


class Vorlage(Section):
    drucksache: Text | None = doc(
        "Drucksache", "Nummer der Beschlussvorlage.", ("Drucksache", "Number of the council proposal."), default=None
    )
    federfuehrend: Text | None = doc(
        "Federführend", "Federführende Dienststelle.", ("Lead office", "The leading department."), default=None
    )
    verfasser: Text | None = doc(
        "Verfasser", "Verfasserin oder Verfasser der Vorlage.", ("Author", "Author of the proposal."), default=None
    )
    datum: Date | None = doc("Datum", "Datum der Vorlage.", ("Date", "Date of the proposal."), default=None)
    beteiligt: _list(Text) = doc(  # type: ignore[valid-type]
        "Beteiligt", "Beteiligte Dienststellen.", ("Involved", "Departments involved."), default=[]
    )
    oeffentlich: YesNo = doc(
        "Öffentlich",
        "Ob die Vorlage öffentlich ist (Standard: ja).",
        ("Public", "Whether the proposal is public (default: yes)."),
        default=True,
    )
    beratungsfolge: _list(Beratung) = doc(  # type: ignore[valid-type]
        "Beratungsfolge",
        "Die Gremien in der Reihenfolge der Beratung; am Ende genau eine Entscheidung.",
        ("Order of consultation", "The bodies in the order they consult; at the end exactly one decision."),
        default=[],
    )
    art: VorlageArt = doc(  # type: ignore[valid-type]
        "Art der Vorlage",
        "Beschlussvorlage (Standard) oder Mitteilungsvorlage, die die Gremien zur Kenntnis nehmen.",
        ("Kind of paper", "A resolution proposal (default) or a report the committees take note of."),
        default="beschlussvorlage",
    )
    aktenzeichen: Text | None = doc(
        "Aktenzeichen", "Aktenzeichen der Vorlage.", ("File reference", "File reference of the paper."), default=None
    )
    herausgeber: Text | None = doc(
        "Herausgeber",
        "Die herausgebende Stelle, wie sie gedruckt wird, z. B. „Die Oberbürgermeisterin“; ohne Angabe nach der "
        "Art der Kommune.",
        (
            "Issued by",
            "The issuing office as it is printed, e.g. “Die Oberbürgermeisterin”; if absent, by the type "
            "of municipality.",
        ),
        default=None,
    )
    unterzeichnung: Unterzeichnung | None = doc(
        "Unterzeichnung",
        "Wer die Vorlage unterzeichnet: Name, Funktion, in Vertretung.",
        ("Signature", "Who signs the paper: name, function, on behalf."),
        default=None,
    )
    haushalt: Haushalt | None = doc(
        "Haushalt",
        "Haushaltsangaben: Produkt, Sachkonto, Kostenstelle, PSP-Element und der Vorbehalt der Förderung.",
        ("Budget", "Budget data: product, account, cost centre, WBS element and the funding proviso."),
        default=None,
    )
    berichterstattung: Berichterstattung | None = doc(
        "Berichterstattung",
        "Der Auftrag, über die Umsetzung zu berichten: Gremium und Turnus.",
        ("Reporting", "The mandate to report on the implementation: body and interval."),
        default=None,
    )
    anlagen: _list(Anlage) = doc(  # type: ignore[valid-type]
        "Anlagen",
        "Weitere Anlagen neben den erzeugten: Titel und Datei.",
        ("Attachments", "Further attachments besides the generated ones: title and file."),
        default=[],
    )


class Konzept(KonzeptBehaviour, Section):
    """One KI's plan for one two-year priority period."""

    version: Version = doc(
        "Formatversion",
        "Version des Konzeptformats; es gibt nur 1.",
        ("Format version", "Version of the concept format; only 1 exists."),
    )
    kommune: Kommune = doc(
        "Kommune", "Der Kreis oder die kreisfreie Stadt.", ("Municipality", "The Kreis or the kreisfreie Stadt.")
    )
    zentrum: Zentrum = doc(
        "Kommunales Integrationszentrum",
        "Angaben zum KI selbst.",
        ("Integration centre (KI)", "Data of the KI itself."),
    )
    periode: Periode = doc(
        "Zeitraum",
        "Beginn und Ende des zweijährigen Schwerpunktzeitraums.",
        ("Period", "Start and end of the two-year priority period."),
    )
    grundlagen: Grundlagen = doc(
        "Grundlagen",
        "Förderrichtlinie, Integrationskonzept, Beschlüsse.",
        ("Foundations", "Funding guideline, integration concept, resolutions."),
    )
    schwerpunkte: Annotated[list[Schwerpunkt], Field(min_length=1)] = doc(
        "Schwerpunkte",
        "Mindestens ein Schwerpunkt; beide Bereiche (Bildungskette und Querschnitt) müssen vorkommen.",
        ("Priorities", "At least one priority; both areas (Bildungskette and Querschnitt) must occur."),
    )
    personal: list[Stelle] = doc("Personal", "Eine Zeile je Stelle.", ("Staff", "One entry per post."))
    sachkosten: _list(Sachkosten) = doc(  # type: ignore[valid-type]
        "Sachkosten",
        "Sachkostenposten in Euro pro Jahr.",
        ("Material costs", "Material-cost items in euros per year."),
        default=[],
    )
    foerderung: _list(Foerderung) = doc(  # type: ignore[valid-type]
        "Förderung",
        "Beantragte und bewilligte Förderung je Haushaltsjahr und Programm.",
        ("Grants", "Grants applied for and granted, per budget year and programme."),
        default=[],
    )
    partner: _list(Partner) = doc(  # type: ignore[valid-type]
        "Partner",
        "Die Kooperationspartner; auf ihre Kennungen verweisen Maßnahmen und Vereinbarungen.",
        ("Partners", "The cooperation partners; measures and agreements refer to their ids."),
        default=[],
    )
    vereinbarungen: _list(Vereinbarung) = doc(  # type: ignore[valid-type]
        "Vereinbarungen",
        "Vereinbarungen und Absprachen mit Partnern.",
        ("Agreements", "Agreements and arrangements with partners."),
        default=[],
    )
    vorlage: Vorlage | None = doc(
        "Beschlussvorlage",
        "Daten der Beschlussvorlage (für `ki render proposal`).",
        ("Council proposal", "Data of the council proposal (for `ki render proposal`)."),
        default=None,
    )

"""The concept format, version 1, as Pydantic models (spec: concept-format.md).

Field names are the YAML keys. Vocabularies are closed ``Literal``s built from ``vocab``.
Cross-references (partner ids, agreements, goals, ``einsatz`` keys) are plain ids here and
resolved by ``structure.check_references``.

These models are the one definition of the format. ``ki schema`` is generated from them, and so
is ``ki_cli/coreschema.py`` (``python -m ki_cli.tools.gen_format``): their compiled core
schema, which ``ki validate`` runs with ``pydantic_core`` without importing Pydantic and which
builds light records (``ki_cli.records``) instead of these models. After changing a field here,
run that command once. Behaviour beyond fields goes into ``behaviour`` mixins, shared with the
records.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from ki_cli import vocab
from ki_cli.behaviour import KonzeptBehaviour, StelleBehaviour
from ki_cli.fieldtypes import (
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


class Section(BaseModel):
    """A mapping of the format: unknown keys are errors, never ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False, populate_by_name=False)


class Kommune(Section):
    name: RequiredText
    typ: KommuneTyp  # type: ignore[valid-type]
    regierungsbezirk: Regierungsbezirk | None = None  # type: ignore[valid-type]
    ags: Ags | None = None


class Zentrum(Section):
    name: RequiredText
    anbindung: RequiredText
    leitung: Text | None = None
    email: Email | None = None
    telefon: Text | None = None
    anschrift: Text | None = None


class Periode(Section):
    beginn: Date
    ende: Date


class Integrationskonzept(Section):
    titel: RequiredText
    beschlossen_am: Date
    drucksache: Text | None = None


class Beschluss(Section):
    gremium: Gremium  # type: ignore[valid-type]
    datum: Date
    gegenstand: RequiredText
    drucksache: Text | None = None


class Grundlagen(Section):
    foerderrichtlinie: Foerderrichtlinie  # type: ignore[valid-type]
    integrationskonzept: Integrationskonzept
    beschluesse: _list(Beschluss) = []  # type: ignore[valid-type]


class Ziel(Section):
    id: Id
    beschreibung: RequiredText
    indikator: Text | None = None
    ausgangswert: Number | None = None
    zielwert: Number | None = None
    einheit: Text | None = None


class Massnahme(Section):
    id: Id
    titel: RequiredText
    stufe: Stufe  # type: ignore[valid-type]
    federfuehrung: Ref
    beteiligt: _list(Ref) = []  # type: ignore[valid-type]
    vereinbarung: Ref | None = None
    aspekte: _list(Aspekt) = []  # type: ignore[valid-type]
    ziele: _list(Ref) = []  # type: ignore[valid-type]
    beginn: Date | None = None
    ende: Date | None = None
    sachkosten: Amount | None = None
    beschreibung: Text | None = None


class Schwerpunkt(Section):
    id: Id
    bereich: Bereich  # type: ignore[valid-type]
    handlungsfeld: Handlungsfeld  # type: ignore[valid-type]
    titel: RequiredText
    begruendung: RequiredText
    ziele: _list(Ziel) = []  # type: ignore[valid-type]
    massnahmen: _list(Massnahme) = []  # type: ignore[valid-type]


class Stelle(StelleBehaviour, Section):
    id: Id
    funktion: Funktion  # type: ignore[valid-type]
    vze: Vze
    finanzierung: Finanzierung  # type: ignore[valid-type]
    rolle: Rolle | None = None  # type: ignore[valid-type]
    besetzt_durch: Text | None = None
    einsatz: Annotated[dict[str, Share], BeforeValidator(none_to_dict), NULL_MEANS_EMPTY]


class Sachkosten(Section):
    posten: RequiredText
    betrag: Amount
    traeger: Traeger  # type: ignore[valid-type]


class Partner(Section):
    id: Id
    name: RequiredText
    art: PartnerArt  # type: ignore[valid-type]
    ansprechperson: Text | None = None
    email: Email | None = None


class Vereinbarung(Section):
    id: Id
    partner: Ref
    form: Form  # type: ignore[valid-type]
    gegenstand: RequiredText
    zustaendigkeit_partner: RequiredText
    beitrag_ki: RequiredText
    beginn: Date
    ende: Date | None = None
    status: Status  # type: ignore[valid-type]
    unterzeichnet_am: Date | None = None
    ueberpruefung: Date | None = None


class Beratung(Section):
    gremium: Gremium  # type: ignore[valid-type]
    bezeichnung: Text | None = None
    datum: Date
    zustaendigkeit: Zustaendigkeit  # type: ignore[valid-type]


class Vorlage(Section):
    drucksache: Text | None = None
    federfuehrend: Text | None = None
    verfasser: Text | None = None
    datum: Date | None = None
    beteiligt: _list(Text) = []  # type: ignore[valid-type]
    oeffentlich: YesNo = True
    beratungsfolge: _list(Beratung) = []  # type: ignore[valid-type]


class Konzept(KonzeptBehaviour, Section):
    """One KI's plan for one two-year priority period."""

    version: Version
    kommune: Kommune
    zentrum: Zentrum
    periode: Periode
    grundlagen: Grundlagen
    schwerpunkte: Annotated[list[Schwerpunkt], Field(min_length=1)]
    personal: list[Stelle]
    sachkosten: _list(Sachkosten) = []  # type: ignore[valid-type]
    partner: _list(Partner) = []  # type: ignore[valid-type]
    vereinbarungen: _list(Vereinbarung) = []  # type: ignore[valid-type]
    vorlage: Vorlage | None = None

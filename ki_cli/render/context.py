"""The variables a document template receives (German names, as the format's keys).

Everything a template shows is computed here once, so that a municipality's own template
needs no arithmetic: the staffing per Schwerpunkt, the state grant from the rule pack, the
municipality's share, the lead's name of every measure. README.md lists the variables.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ki_cli.format import records
from ki_cli.format.vocab import FUNKTION, KI
from ki_cli.periods import application_deadline, council
from ki_cli.render.formatting import MdText
from ki_cli.render.labels import label

if TYPE_CHECKING:  # render gets fastcheck's records, which have the models' attributes
    from ki_cli.format.model import Konzept, Massnahme, Schwerpunkt, Vereinbarung, Vorlage


@dataclass(frozen=True)
class Zeile:
    """One row of the staffing table: a Schwerpunkt (or the total) and VZE per funktion."""

    titel: str
    lehrkraft: float
    fachkraft: float
    verwaltung: float

    @property
    def summe(self) -> float:
        return self.lehrkraft + self.fachkraft + self.verwaltung


@dataclass(frozen=True)
class MassnahmeZeile:
    """A measure with what a reader needs beside it: its Schwerpunkt and the names involved."""

    schwerpunkt: Schwerpunkt
    massnahme: Massnahme
    federfuehrung: str
    beteiligt: list[str]
    vereinbarung: Vereinbarung | None
    ziele: list[Any]
    beginn: dt.date
    ende: dt.date


@dataclass(frozen=True)
class VereinbarungZeile:
    vereinbarung: Vereinbarung
    partner: str
    massnahmen: list[Massnahme] = field(default_factory=list)


@dataclass(frozen=True)
class Foerderung:
    """The state grant computed from the rule pack's fixed amounts (None when it has none)."""

    richtlinie: str
    quelle: str
    posten: list[tuple[str, float]]
    pro_jahr: float
    jahre: int

    @property
    def zeitraum(self) -> float:
        return self.pro_jahr * self.jahre


@dataclass(frozen=True)
class Aenderungen:
    """The changes section (``--previous``): heading and body, Markdown that ki wrote."""

    titel: MdText
    markdown: MdText


def _behoerde(typ: str) -> MdText:
    return MdText(council(typ).head)


def _vertretung(konzept: Konzept, vorlage: Vorlage) -> str:
    for beratung in vorlage.beratungsfolge:
        if beratung.zustaendigkeit == "entscheidung":
            return beratung.bezeichnung or label(beratung.gremium)
    return council(konzept.kommune.typ).name


def _years(beginn: dt.date, ende: dt.date) -> int:
    return max(1, round(((ende - beginn).days + 1) / 365.25))


def _foerderung(konzept: Konzept) -> Foerderung | None:
    from ki_cli.check.rulepacks import grant_items, load_pack

    pack = load_pack(konzept.grundlagen.foerderrichtlinie)
    if pack is None:
        return None
    items = grant_items(konzept, pack)
    if items is None:
        return None
    return Foerderung(
        richtlinie=konzept.grundlagen.foerderrichtlinie,
        quelle=pack.title,
        posten=items,
        pro_jahr=sum(amount for _, amount in items),
        jahre=_years(konzept.periode.beginn, konzept.periode.ende),
    )


def build(
    konzept: Konzept, *, entwurf: bool = False, aenderungen: Any = None, heute: dt.date | None = None
) -> dict[str, Any]:
    """The template variables for every document of ``konzept``."""
    partner_nach_id = {p.id: p for p in konzept.partner}
    vereinbarung_nach_id = {v.id: v for v in konzept.vereinbarungen}

    def name(ident: str) -> str:
        if ident == KI:
            return "Kommunales Integrationszentrum"
        partner = partner_nach_id.get(ident)
        return partner.name if partner else ident

    ziele_nach_id = {z.id: z for sp in konzept.schwerpunkte for z in sp.ziele}
    massnahmen = [
        MassnahmeZeile(
            schwerpunkt=sp,
            massnahme=m,
            federfuehrung=name(m.federfuehrung),
            beteiligt=[name(b) for b in m.beteiligt],
            vereinbarung=vereinbarung_nach_id.get(m.vereinbarung or ""),
            ziele=[ziele_nach_id[z] for z in m.ziele if z in ziele_nach_id],
            beginn=m.beginn or konzept.periode.beginn,
            ende=m.ende or konzept.periode.ende,
        )
        for sp, m in konzept.massnahmen()
    ]

    einsatz: dict[str, dict[str, float]] = {sp.id: dict.fromkeys(FUNKTION, 0.0) for sp in konzept.schwerpunkte}
    for stelle in konzept.personal:
        for sp_id, anteil in stelle.einsatz.items():
            if sp_id in einsatz:
                einsatz[sp_id][stelle.funktion] += anteil
    personal_nach_schwerpunkt = [Zeile(sp.titel, **einsatz[sp.id]) for sp in konzept.schwerpunkte]
    personal_summe = Zeile("Summe", *(sum(getattr(z, f) for z in personal_nach_schwerpunkt) for f in FUNKTION))
    vze_nach_finanzierung: dict[str, dict[str, float]] = {}
    for stelle in konzept.personal:
        row = vze_nach_finanzierung.setdefault(stelle.finanzierung, dict.fromkeys(FUNKTION, 0.0))
        row[stelle.funktion] += stelle.vze
    landesstellen = vze_nach_finanzierung.get("land", dict.fromkeys(FUNKTION, 0.0))

    massnahmen_je_vereinbarung: dict[str, list[Massnahme]] = {}
    for zeile in massnahmen:
        if zeile.massnahme.vereinbarung:
            massnahmen_je_vereinbarung.setdefault(zeile.massnahme.vereinbarung, []).append(zeile.massnahme)
    vereinbarungen = [
        VereinbarungZeile(v, name(v.partner), massnahmen_je_vereinbarung.get(v.id, [])) for v in konzept.vereinbarungen
    ]

    sachkosten_nach_traeger: dict[str, float] = {}
    for posten in konzept.sachkosten:
        sachkosten_nach_traeger[posten.traeger] = sachkosten_nach_traeger.get(posten.traeger, 0.0) + posten.betrag
    massnahmen_sachkosten = sum(m.massnahme.sachkosten or 0.0 for m in massnahmen)
    vorlage = konzept.vorlage or records.Vorlage()
    beginn, ende = konzept.periode.beginn, konzept.periode.ende
    foerderung = _foerderung(konzept)
    jahre = _years(beginn, ende)
    eigenanteil_pro_jahr = sachkosten_nach_traeger.get("kommune", 0.0) + massnahmen_sachkosten

    return {
        # the concept's own sections, as in the YAML file
        "kommune": konzept.kommune,
        "zentrum": konzept.zentrum,
        "periode": konzept.periode,
        "grundlagen": konzept.grundlagen,
        "schwerpunkte": konzept.schwerpunkte,
        "personal": konzept.personal,
        "sachkosten": konzept.sachkosten,
        "partner": konzept.partner,
        "vereinbarungen": konzept.vereinbarungen,
        "vorlage": vorlage,
        # derived for documents
        "behoerde": _behoerde(konzept.kommune.typ),
        "vertretung": _vertretung(konzept, vorlage),  # type: ignore[arg-type]  # a record of the Vorlage
        "zeitraum": MdText(
            f"{beginn.day:02d}.{beginn.month:02d}.{beginn.year} bis {ende.day:02d}.{ende.month:02d}.{ende.year}"
        ),
        "jahre": jahre,
        "antragsfrist": application_deadline(beginn.year),
        "schwerpunkte_bildungskette": [sp for sp in konzept.schwerpunkte if sp.bereich == "bildungskette"],
        "schwerpunkte_querschnitt": [sp for sp in konzept.schwerpunkte if sp.bereich == "querschnitt"],
        "massnahmen": massnahmen,
        "personal_nach_schwerpunkt": personal_nach_schwerpunkt,
        "personal_summe": personal_summe,
        "landesstellen": landesstellen,
        "landesstellen_summe": sum(landesstellen.values()),
        "vze_nach_finanzierung": vze_nach_finanzierung,
        "vereinbarungen_mit_partner": vereinbarungen,
        "foerderung": foerderung,
        "sachkosten_nach_traeger": sachkosten_nach_traeger,
        "massnahmen_sachkosten": massnahmen_sachkosten,
        "eigenanteil_pro_jahr": eigenanteil_pro_jahr,
        "eigenanteil_zeitraum": eigenanteil_pro_jahr * jahre,
        "aenderungen": Aenderungen(MdText(aenderungen.titel), MdText(aenderungen.markdown)) if aenderungen else None,
        "entwurf": entwurf,
        "heute": heute or dt.date.today(),
    }

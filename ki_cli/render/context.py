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
from ki_cli.format.vocab import FUNKTION, KI, PROGRAMM_FOERDERUNG, PROGRAMM_STELLE
from ki_cli.funding import FUNDED, POOL, Funding, Part, funding
from ki_cli.periods import BudgetYear, budget_years, council
from ki_cli.render.formatting import MdText, md
from ki_cli.render.german import dativ
from ki_cli.render.labels import label
from ki_cli.text import german_money, german_vze

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
class Programmstellen:
    """The posts of another state programme (KIM, KOMM-AN, IfKuF …), listed apart from the KI's."""

    programm: str  # the programme's German name
    stellen: Zeile
    kosten: float | None  # the personnel cost of the posts that give one
    posten: list[Any] = field(default_factory=list)  # the posts themselves, in the file's order


@dataclass(frozen=True)
class Stellengruppe:
    """A group of the KI's own posts as the documents list them (seconded teachers, state-funded
    municipal posts, …): the same row as ``abgeordnete_lehrkraefte`` etc. and the posts in it."""

    titel: str
    stellen: Zeile
    posten: list[Any]


@dataclass(frozen=True)
class Beratungszeile:
    """A row of the Beratungsfolge as printed: the body's name, its role, the result after the session."""

    datum: dt.date
    gremium: MdText
    zustaendigkeit: str
    ergebnis: MdText | None


@dataclass(frozen=True)
class Unterschrift:
    """The signature block: the issuing office, "In Vertretung" where it applies, name and function."""

    herausgeber: MdText
    in_vertretung: bool
    name: MdText
    funktion: MdText | None


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
    artikel: str | None = None  # the partner's ``artikel`` (der | die | das), else derived from the name

    @property
    def partner_dativ(self) -> str:
        """``dem Schulamt für den Kreis …``: the partner after ``mit`` (``ki_cli.render.german``)."""
        return dativ(self.partner, self.artikel)


@dataclass(frozen=True)
class Hoechstbetrag:
    """One line of the KI grant's maxima for a full budget year: what, how many VZE, the fixed amount."""

    titel: str  # "Fachkräfte", "weitere Fachkraftstellen", "Verwaltungsassistenz"
    vze: float
    festbetrag: MdText  # "bis zu 57.000 € je Stelle" or "Festbetrag nicht hinterlegt"
    pro_jahr: float | None  # the maximum of a full budget year, None when not recorded


@dataclass(frozen=True)
class Haushaltsjahr:
    """One budget year of the period: the KI grant's maximum, deadline, applied and granted, costs, own share."""

    jahr: int
    monate: int
    teilzeitraum: str  # "" for a full year, else "März–Dezember"
    antragsfrist: dt.date | None
    hoechstbetrag: float | None  # None: an amount of the pack is not recorded
    bekannt: float  # the sum of the parts whose amount the pack records
    beantragt: float | None
    bewilligt: float | None
    antrag_am: dt.date | None
    bescheid_am: dt.date | None
    pool_hoechstbetrag: float | None
    pool_beantragt: float | None
    pool_bewilligt: float | None
    programme: list[tuple[str, float | None, float | None]]  # other programmes: name, beantragt, bewilligt
    sachkosten_kommune: float
    sachkosten_massnahmen: float
    personalkosten_kommune: float | None  # None: the posts' cost is not given
    eigenanteil: float

    @property
    def beantragt_oder_bewilligt(self) -> bool:
        return self.beantragt is not None or self.bewilligt is not None

    @property
    def gestellt(self) -> bool:
        """Whether ``foerderung[]`` records the application of this year (an amount or a date)."""
        return self.beantragt_oder_bewilligt or self.antrag_am is not None or self.bescheid_am is not None


@dataclass(frozen=True)
class Foerderung:
    """The KI grant under the rule pack, per budget year (from ``ki_cli.funding``), as documents print it."""

    richtlinie: str
    quelle: str  # the pack's title
    quellen: list[str]  # the sources of the amounts (titles)
    hoechstbetraege: list[Hoechstbetrag]
    pro_jahr: float | None  # the maximum of a full budget year
    zeitraum: float | None  # the maximum over the period
    bekannt_pro_jahr: float  # the part of a full year's maximum the pack records amounts for
    bekannt_zeitraum: float  # the same over the period
    posten: list[tuple[str, float]]  # (text, maximum of a full year) of the amounts the pack records


@dataclass(frozen=True)
class Aenderungen:
    """The changes section (``--previous``): heading and body, Markdown that ki wrote."""

    titel: MdText
    markdown: MdText


def _herausgeber(konzept: Konzept, vorlage: Vorlage) -> MdText:
    """The issuing office: ``vorlage.herausgeber`` as written, else the head by type of municipality."""
    if vorlage.herausgeber:
        return md(vorlage.herausgeber)
    return MdText(council(konzept.kommune.typ).head)


def _vertretung(konzept: Konzept, vorlage: Vorlage) -> str:
    for beratung in vorlage.beratungsfolge:
        if beratung.zustaendigkeit == "entscheidung":
            return beratung.bezeichnung or label(beratung.gremium)
    return council(konzept.kommune.typ).name


def _gremium_name(vorlage: Vorlage, gremium: str) -> str:
    """A body's name as the Beratungsfolge writes it, else its German name."""
    for beratung in vorlage.beratungsfolge:
        if beratung.gremium == gremium and beratung.bezeichnung:
            return str(beratung.bezeichnung)
    return label(gremium)


def _ergebnis(beratung: Any) -> MdText | None:
    """ "beschlossen (Ja 9, Nein 0, Enthaltungen 1)": the result and the votes, where the file has them."""
    parts = []
    abstimmung = beratung.abstimmung
    if abstimmung is not None:
        for text, count in (("Ja", abstimmung.ja), ("Nein", abstimmung.nein), ("Enthaltungen", abstimmung.enthaltung)):
            if count is not None:
                parts.append(f"{text} {count}")
    votes = ", ".join(parts)
    if beratung.ergebnis is None:
        return MdText(votes) if votes else None
    result = label(beratung.ergebnis)
    return MdText(f"{result} ({votes})" if votes else result)


def _beratungsfolge(vorlage: Vorlage) -> list[Beratungszeile]:
    return [
        Beratungszeile(
            datum=b.datum,
            gremium=md(b.bezeichnung or label(b.gremium)),
            zustaendigkeit=label(b.zustaendigkeit),
            ergebnis=_ergebnis(b),
        )
        for b in vorlage.beratungsfolge
    ]


def _kenntnisnahme(konzept: Konzept, vorlage: Vorlage) -> MdText:
    """Who takes note of a Mitteilungsvorlage: "Der Integrationsrat und der Ausschuss … nehmen"."""
    names = [
        md(b.bezeichnung or label(b.gremium)) for b in vorlage.beratungsfolge if b.zustaendigkeit == "kenntnisnahme"
    ]
    if not names:
        names = [md(b.bezeichnung or label(b.gremium)) for b in vorlage.beratungsfolge]
    if not names:
        names = [md(council(konzept.kommune.typ).name)]
    unique = list(dict.fromkeys(names))
    if len(unique) == 1:
        return MdText(f"Der {unique[0]} nimmt")
    listed = ", der ".join(unique[:-1])
    return MdText(f"Der {listed} und der {unique[-1]} nehmen")


def _berichterstattung(konzept: Konzept, vorlage: Vorlage) -> MdText | None:
    """The mandate to report: "dem Integrationsrat regelmäßig (jährlich)" (None without ``berichterstattung``)."""
    bericht = vorlage.berichterstattung
    if bericht is None:
        return None
    gremium = _gremium_name(vorlage, bericht.gremium) if bericht.gremium else _vertretung(konzept, vorlage)
    turnus = f" ({label(bericht.turnus)})" if bericht.turnus else ""
    return MdText(f"dem {md(gremium)} regelmäßig{turnus}")


def _unterschrift(vorlage: Vorlage, herausgeber: MdText) -> Unterschrift | None:
    u = vorlage.unterzeichnung
    if u is None:
        return None
    return Unterschrift(herausgeber, bool(u.in_vertretung), md(u.name), md(u.funktion) if u.funktion else None)


def _haushaltsstelle(vorlage: Vorlage) -> MdText | None:
    """ "Produkt 05.04.01, Sachkonto 5011000, …": the budget lines the file names."""
    haushalt = vorlage.haushalt
    if haushalt is None:
        return None
    parts = [
        f"{text} {md(value)}"
        for text, value in (
            ("Produkt", haushalt.produkt),
            ("Sachkonto", haushalt.sachkonto),
            ("Kostenstelle", haushalt.kostenstelle),
            ("PSP-Element", haushalt.psp_element),
        )
        if value
    ]
    return MdText(", ".join(parts)) if parts else None


def _stellen(titel: str, posts: list[Any]) -> Zeile:
    vze = dict.fromkeys(FUNKTION, 0.0)
    for stelle in posts:
        vze[stelle.funktion] += stelle.vze
    return Zeile(titel, **vze)


def _programm(stelle: Any) -> str:
    return str(getattr(stelle, "programm", None) or KI)


def _programmstellen(konzept: Konzept) -> list[Programmstellen]:
    """The posts of other programmes, per programme in the vocabulary's order."""
    rows = []
    for programm in PROGRAMM_STELLE:
        if programm == KI:
            continue
        posts = [s for s in konzept.personal if _programm(s) == programm]
        if posts:
            costs = [s.kosten for s in posts if s.kosten is not None]
            name = label(programm, "programm")
            rows.append(Programmstellen(name, _stellen(name, posts), sum(costs) if costs else None, posts))
    return rows


def _zeitraum(beginn: dt.date, ende: dt.date) -> str:
    return f"{beginn.day:02d}.{beginn.month:02d}.{beginn.year} bis {ende.day:02d}.{ende.month:02d}.{ende.year}"


def _entwurf(status: str) -> str:
    return {"entwurf": " (Entwurf)", "in_abstimmung": " (in Abstimmung)"}.get(status, "")


MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
          "November", "Dezember")  # fmt: skip


def _teilzeitraum(budget: BudgetYear) -> str:
    if budget.full:
        return ""
    first, last = MONATE[budget.first.month - 1], MONATE[budget.last.month - 1]
    return first if first == last else f"{first}–{last}"


def _festbetrag(part: Part) -> MdText:
    if part.unit_amount is None:
        return MdText("Festbetrag nicht hinterlegt")
    unit = (
        "je halbe Stelle"
        if part.unit == 0.5
        else "je Stelle"
        if part.unit == 1.0
        else f"je {german_vze(part.unit)} VZE"
    )
    return MdText(f"bis zu {german_money(part.unit_amount)} {unit}")


def _hoechstbetraege(parts: tuple[Part, ...]) -> list[Hoechstbetrag]:
    rows = []
    seen: set[str] = set()
    for part in parts:
        if part.funktion == "verwaltung":
            titel = "Verwaltungsassistenz"
        else:
            titel = "weitere Fachkraftstellen" if part.funktion in seen else "Fachkräfte"
        seen.add(part.funktion)
        rows.append(Hoechstbetrag(titel, part.vze, _festbetrag(part), part.per_year))
    return rows


def _foerderung(konzept: Konzept, funded: Funding | None) -> Foerderung | None:
    if funded is None:
        return None
    quellen = list(dict.fromkeys(p.source.title for p in funded.parts if p.source is not None))
    rows = _hoechstbetraege(funded.parts)
    return Foerderung(
        richtlinie=konzept.grundlagen.foerderrichtlinie,
        quelle=funded.pack.title,
        quellen=quellen,
        hoechstbetraege=rows,
        pro_jahr=funded.per_year,
        zeitraum=funded.maximum,
        bekannt_pro_jahr=sum(part.per_year or 0.0 for part in funded.parts),
        bekannt_zeitraum=sum(year.known for year in funded.years),
        posten=[
            (f"{r.titel}: {german_vze(r.vze)} VZE, {r.festbetrag}", r.pro_jahr) for r in rows if r.pro_jahr is not None
        ],
    )


def _dates(konzept: Konzept, jahr: int) -> tuple[dt.date | None, dt.date | None]:
    """The application and notice dates ``foerderung[]`` gives for the KI grant of ``jahr``."""
    entries = [f for f in konzept.foerderung if f.jahr == jahr and f.programm == KI]
    antrag = max((f.antrag_am for f in entries if f.antrag_am), default=None)
    bescheid = max((f.bescheid_am for f in entries if f.bescheid_am), default=None)
    return antrag, bescheid


@dataclass(frozen=True)
class _Kosten:
    """What the municipality pays a full year, besides the grant."""

    sachkosten_kommune: float
    sachkosten_massnahmen: float
    land_kosten: float | None  # personnel cost of the state-funded KI posts; None unless every one gives it
    land_ohne_kosten: bool  # some state-funded KI post does not give its cost
    kommune_kosten: float  # personnel cost of the KI posts the municipality finances (those that give it)
    kommune_ohne_kosten: int  # KI posts the municipality finances whose cost is not given


def _kosten(ki_stellen: list[Any], sachkosten_kommune: float, massnahmen: float) -> _Kosten:
    funded = [s for s in ki_stellen if s.finanzierung == "land" and s.funktion in FUNDED]
    kommune = [s for s in ki_stellen if s.finanzierung == "kommune"]
    complete = bool(funded) and all(s.kosten is not None for s in funded)
    return _Kosten(
        sachkosten_kommune=sachkosten_kommune,
        sachkosten_massnahmen=massnahmen,
        land_kosten=sum(s.kosten for s in funded) if complete else None,
        land_ohne_kosten=bool(funded) and not complete,
        kommune_kosten=sum(s.kosten for s in kommune if s.kosten is not None),
        kommune_ohne_kosten=sum(1 for s in kommune if s.kosten is None),
    )


def _personalkosten(
    kosten: _Kosten, share: float, bewilligt: float | None, beantragt: float | None, hoechstbetrag: float | None
) -> float | None:
    """The municipality's personnel cost in a budget year: the cost of the state-funded KI posts above
    the grant (the granted, else the applied, else the maximum amount) and the posts it finances itself.
    None when no post gives its cost, or the grant the cost is set against is not known."""
    if kosten.land_kosten is None:
        return kosten.kommune_kosten * share if kosten.kommune_kosten else None
    grant = next((v for v in (bewilligt, beantragt, hoechstbetrag) if v is not None), None)
    if grant is None:
        return None
    return max(0.0, kosten.land_kosten * share - grant) + kosten.kommune_kosten * share


def _haushaltsjahre(konzept: Konzept, funded: Funding | None, kosten: _Kosten) -> list[Haushaltsjahr]:
    years = funded.years if funded is not None else None
    budgets = (
        [y.budget for y in years] if years is not None else budget_years(konzept.periode.beginn, konzept.periode.ende)
    )
    rows = []
    for index, budget in enumerate(budgets):
        year = years[index] if years is not None else None
        ki = year.ki if year is not None else None
        pool = year.pool if year is not None else None
        hoechstbetrag = year.maximum if year is not None else None
        beantragt = ki.beantragt if ki is not None else None
        bewilligt = ki.bewilligt if ki is not None else None
        share = budget.share
        personal = _personalkosten(kosten, share, bewilligt, beantragt, hoechstbetrag)
        antrag_am, bescheid_am = _dates(konzept, budget.year)
        programme = [
            (label(g.programm, "programm"), g.beantragt, g.bewilligt)
            for prog in PROGRAMM_FOERDERUNG
            if prog not in (KI, POOL) and year is not None and (g := year.foerderung.get(prog)) is not None
        ]
        sach_k, sach_m = kosten.sachkosten_kommune * share, kosten.sachkosten_massnahmen * share
        rows.append(
            Haushaltsjahr(
                jahr=budget.year,
                monate=budget.months,
                teilzeitraum=_teilzeitraum(budget),
                antragsfrist=year.deadline if year is not None else None,
                hoechstbetrag=hoechstbetrag,
                bekannt=year.known if year is not None else 0.0,
                beantragt=beantragt,
                bewilligt=bewilligt,
                antrag_am=antrag_am,
                bescheid_am=bescheid_am,
                pool_hoechstbetrag=year.pool_cap.max if year is not None and year.pool_cap is not None else None,
                pool_beantragt=pool.beantragt if pool is not None else None,
                pool_bewilligt=pool.bewilligt if pool is not None else None,
                programme=programme,
                sachkosten_kommune=sach_k,
                sachkosten_massnahmen=sach_m,
                personalkosten_kommune=personal,
                eigenanteil=sach_k + sach_m + (personal or 0.0),
            )
        )
    return rows


def haushaltsjahre(konzept: Any) -> list[Haushaltsjahr]:
    """The budget years of ``konzept`` as the proposal's finance block shows them, own share included:
    the one definition the changes section (``ki diff``, ``--previous``) compares."""
    ki_stellen = [s for s in konzept.personal if _programm(s) == KI]
    kommune = sum(p.betrag for p in konzept.sachkosten if p.traeger == "kommune")
    massnahmen = sum(m.sachkosten or 0.0 for sp in konzept.schwerpunkte for m in sp.massnahmen)
    return _haushaltsjahre(konzept, funding(konzept), _kosten(ki_stellen, kommune, massnahmen))


def _summe(values: Any) -> float | None:
    """The sum of the amounts that are given; None when none is."""
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def _entscheidung_am(vorlage: Vorlage) -> dt.date | None:
    for beratung in vorlage.beratungsfolge:
        if beratung.zustaendigkeit == "entscheidung":
            decided: dt.date = beratung.datum
            return decided
    return vorlage.datum


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

    ki_stellen = [s for s in konzept.personal if _programm(s) == KI]
    einsatz: dict[str, dict[str, float]] = {sp.id: dict.fromkeys(FUNKTION, 0.0) for sp in konzept.schwerpunkte}
    for stelle in ki_stellen:
        for sp_id, anteil in stelle.einsatz.items():
            if sp_id in einsatz:
                einsatz[sp_id][stelle.funktion] += anteil
    personal_nach_schwerpunkt = [Zeile(sp.titel, **einsatz[sp.id]) for sp in konzept.schwerpunkte]
    personal_summe = Zeile("Summe", *(sum(getattr(z, f) for z in personal_nach_schwerpunkt) for f in FUNKTION))
    vze_nach_finanzierung: dict[str, dict[str, float]] = {}
    for stelle in ki_stellen:
        row = vze_nach_finanzierung.setdefault(stelle.finanzierung, dict.fromkeys(FUNKTION, 0.0))
        row[stelle.funktion] += stelle.vze
    landesstellen = vze_nach_finanzierung.get("land", dict.fromkeys(FUNKTION, 0.0))
    gruppen = [
        Stellengruppe(titel, _stellen(titel, posts), posts)
        for titel, posts in (
            (
                "vom Land abgeordnete Lehrkräfte",
                [s for s in ki_stellen if s.finanzierung == "land" and s.funktion == "lehrkraft"],
            ),
            (
                "vom Land geförderte kommunale Stellen",
                [s for s in ki_stellen if s.finanzierung == "land" and s.funktion != "lehrkraft"],
            ),
            ("aus kommunalen Mitteln finanzierte Stellen", [s for s in ki_stellen if s.finanzierung == "kommune"]),
            ("aus Drittmitteln finanzierte Stellen", [s for s in ki_stellen if s.finanzierung == "drittmittel"]),
        )
    ]
    abgeordnete_lehrkraefte, gefoerderte_stellen = gruppen[0].stellen, gruppen[1].stellen
    weitere_stellen = [g.stellen for g in gruppen[2:] if g.stellen.summe]

    massnahmen_je_vereinbarung: dict[str, list[Massnahme]] = {}
    for zeile in massnahmen:
        if zeile.massnahme.vereinbarung:
            massnahmen_je_vereinbarung.setdefault(zeile.massnahme.vereinbarung, []).append(zeile.massnahme)
    vereinbarungen = [
        VereinbarungZeile(
            v,
            name(v.partner),
            massnahmen_je_vereinbarung.get(v.id, []),
            getattr(partner_nach_id.get(v.partner), "artikel", None),
        )
        for v in konzept.vereinbarungen
    ]

    sachkosten_nach_traeger: dict[str, float] = {}
    for posten in konzept.sachkosten:
        sachkosten_nach_traeger[posten.traeger] = sachkosten_nach_traeger.get(posten.traeger, 0.0) + posten.betrag
    massnahmen_sachkosten = sum(m.massnahme.sachkosten or 0.0 for m in massnahmen)
    vorlage: Any = konzept.vorlage or records.Vorlage()  # the model's Vorlage or a record with its fields
    herausgeber = _herausgeber(konzept, vorlage)
    unterzeichnet = [z for z in vereinbarungen if z.vereinbarung.status == "unterzeichnet"]
    offen = [z for z in vereinbarungen if z.vereinbarung.status in ("entwurf", "in_abstimmung")]
    anlagen = [f"Schwerpunktkonzept {_zeitraum(konzept.periode.beginn, konzept.periode.ende)}"]
    anlagen += [
        f"{label(z.vereinbarung.form)} mit {z.partner_dativ}{_entwurf(z.vereinbarung.status)}" for z in vereinbarungen
    ]
    anlagen.append("Arbeitsplanung für beide gesetzlichen Schwerpunkte")
    anlagen += [a.titel + (f" (Datei: {a.datei})" if a.datei else "") for a in vorlage.anlagen]
    beginn, ende = konzept.periode.beginn, konzept.periode.ende
    funded = funding(konzept)
    foerderung = _foerderung(konzept, funded)
    kosten = _kosten(ki_stellen, sachkosten_nach_traeger.get("kommune", 0.0), massnahmen_sachkosten)
    haushaltsjahre = _haushaltsjahre(konzept, funded, kosten)
    jahre = len(haushaltsjahre)
    eigenanteil_pro_jahr = sachkosten_nach_traeger.get("kommune", 0.0) + massnahmen_sachkosten
    entscheidung_am = _entscheidung_am(vorlage)

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
        "herausgeber": herausgeber,
        "behoerde": herausgeber,  # the name of the first version, for a municipality's own templates
        "vertretung": _vertretung(konzept, vorlage),
        "mitteilung": vorlage.art == "mitteilungsvorlage",
        "vorlageart": label(vorlage.art or "beschlussvorlage"),
        "beratungen": _beratungsfolge(vorlage),
        "mit_ergebnis": any(b.ergebnis is not None or b.abstimmung is not None for b in vorlage.beratungsfolge),
        "kenntnisnahme": _kenntnisnahme(konzept, vorlage),
        "berichterstattung": _berichterstattung(konzept, vorlage),
        "unterschrift": _unterschrift(vorlage, herausgeber),
        "haushaltsstelle": _haushaltsstelle(vorlage),
        "vorbehalt": vorlage.haushalt is not None and bool(vorlage.haushalt.vorbehalt),
        "anlagen": anlagen,
        "zeitraum": MdText(_zeitraum(beginn, ende)),
        "jahre": jahre,
        "antragsfrist": haushaltsjahre[0].antragsfrist if haushaltsjahre else None,
        "haushaltsjahre": haushaltsjahre,
        "antraege": [j for j in haushaltsjahre if not j.gestellt],
        "antraege_gestellt": [j for j in haushaltsjahre if j.gestellt],
        "entscheidung_am": entscheidung_am,
        "personalkosten": kosten,
        "summe_beantragt": _summe(j.beantragt for j in haushaltsjahre),
        "summe_bewilligt": _summe(j.bewilligt for j in haushaltsjahre),
        "mit_foerderung_je_jahr": any(j.beantragt_oder_bewilligt for j in haushaltsjahre),
        "mit_pool": any(j.pool_beantragt is not None or j.pool_bewilligt is not None for j in haushaltsjahre)
        or any(getattr(s, "programm", None) == POOL for s in konzept.sachkosten),
        "mit_programmfoerderung": any(j.programme for j in haushaltsjahre),
        "schwerpunkte_bildungskette": [sp for sp in konzept.schwerpunkte if sp.bereich == "bildungskette"],
        "schwerpunkte_querschnitt": [sp for sp in konzept.schwerpunkte if sp.bereich == "querschnitt"],
        "massnahmen": massnahmen,
        "personal_nach_schwerpunkt": personal_nach_schwerpunkt,
        "personal_summe": personal_summe,
        "landesstellen": landesstellen,
        "landesstellen_summe": sum(landesstellen.values()),
        "abgeordnete_lehrkraefte": abgeordnete_lehrkraefte,
        "gefoerderte_stellen": gefoerderte_stellen,
        "weitere_stellen": weitere_stellen,
        "programmstellen": _programmstellen(konzept),
        "stellengruppen": [g for g in gruppen if g.posten],
        "stellen_summe": _stellen("Stellen des Kommunalen Integrationszentrums", ki_stellen),
        "schwerpunkt_titel": {sp.id: sp.titel for sp in konzept.schwerpunkte},
        "tis2030": {sp.id: label(sp.tis2030, "tis2030") for sp in konzept.schwerpunkte if sp.tis2030},
        "vze_nach_finanzierung": vze_nach_finanzierung,
        "vereinbarungen_mit_partner": vereinbarungen,
        "vereinbarungen_unterzeichnet": unterzeichnet,
        "vereinbarungen_offen": offen,
        "foerderung": foerderung,
        "sachkosten_nach_traeger": sachkosten_nach_traeger,
        "massnahmen_sachkosten": massnahmen_sachkosten,
        "eigenanteil_pro_jahr": eigenanteil_pro_jahr,
        "eigenanteil_zeitraum": sum(j.eigenanteil for j in haushaltsjahre),
        "aenderungen": Aenderungen(MdText(aenderungen.titel), MdText(aenderungen.markdown)) if aenderungen else None,
        "entwurf": entwurf,
        "heute": heute or dt.date.today(),
    }

"""The yearly report (``ki render report FILE --jahr YYYY``): what one budget year brought.

The Sachbericht of the Verwendungsnachweis (I.: staff funded, results and effects, deviations) and,
with ``vorlage.art: mitteilungsvorlage``, the committees' progress report. Everything it shows is
computed here once, beside the variables every document gets (``context.build``):

* ``stellen_bericht``: the posts planned and filled, by programme and function (a post counts as
  filled when ``besetzt_durch`` names someone);
* ``massnahmen_bericht``: each measure running in the year with its status, participants and
  material costs planned (``sachkosten`` a year, pro rata by months in a part year) against spent
  (``massnahmen[].ist``);
* ``ziele_bericht``: each goal with baseline, target, the values measured up to the year's end
  (``ziele[].ist``), the progress in words and a chart;
* ``abweichungen``: the deviations with their reasons (``bemerkung``);
* ``finanzen``: the grant of the year (maximum, applied, granted: ``ki_cli.funding`` through the
  context's ``haushaltsjahre``) against the costs.

The charts are drawn only for the formats that show them (``Diagramm.zeichnen``, ``ki_cli.charts``);
the Markdown carries a marker paragraph where each one goes, which the output replaces (SVG in HTML
and PDF, PNG in Word) or drops (Markdown, whose table of values says the same).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ki_cli.format.vocab import FUNKTION, KI, PROGRAMM_STELLE
from ki_cli.periods import BudgetYear, budget_years
from ki_cli.render.formatting import MdText, md
from ki_cli.render.labels import label
from ki_cli.text import german_date, german_money, german_number

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FUNKTION_PLURAL = {"lehrkraft": "Lehrkräfte", "fachkraft": "Fachkräfte", "verwaltung": "Verwaltungsassistenz"}
OFFEN = "keine Begründung angegeben"


def years_of(konzept: Any) -> list[int]:
    """The budget years of the concept's period (the years ``--jahr`` may name)."""
    return [b.year for b in budget_years(konzept.periode.beginn, konzept.periode.ende)]


# --- posts -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Stellenzeile:
    """The posts of one programme and function: planned (in the concept) and filled (``besetzt_durch``)."""

    programm: str
    funktion: str
    titel: str  # "Fachkräfte", or "Fachkräfte – KOMM-AN NRW" for another programme's
    stellen: int
    vze: float
    besetzt_stellen: int
    besetzt_vze: float

    @property
    def offen_vze(self) -> float:
        return self.vze - self.besetzt_vze

    @property
    def unbesetzt(self) -> int:
        return self.stellen - self.besetzt_stellen


def _programm(stelle: Any) -> str:
    return str(getattr(stelle, "programm", None) or KI)


def stellen(konzept: Any) -> list[Stellenzeile]:
    """One row per programme (the KI's first) and function that has posts."""
    rows = []
    for programm in PROGRAMM_STELLE:
        for funktion in FUNKTION:
            posts = [s for s in konzept.personal if _programm(s) == programm and s.funktion == funktion]
            if not posts:
                continue
            filled = [s for s in posts if s.besetzt_durch and str(s.besetzt_durch).strip()]
            rows.append(
                Stellenzeile(
                    programm=label(programm, "programm"),
                    funktion=FUNKTION_PLURAL[funktion],
                    titel=FUNKTION_PLURAL[funktion] + ("" if programm == KI else f" – {label(programm, 'programm')}"),
                    stellen=len(posts),
                    vze=sum(float(s.vze) for s in posts),
                    besetzt_stellen=len(filled),
                    besetzt_vze=sum(float(s.vze) for s in filled),
                )
            )
    return rows


def _summe_stellen(rows: list[Stellenzeile], titel: str) -> Stellenzeile:
    return Stellenzeile(
        programm=titel,
        funktion="",
        titel=titel,
        stellen=sum(r.stellen for r in rows),
        vze=sum(r.vze for r in rows),
        besetzt_stellen=sum(r.besetzt_stellen for r in rows),
        besetzt_vze=sum(r.besetzt_vze for r in rows),
    )


# --- measures --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Massnahmenzeile:
    """One measure in the budget year: status, participants, material costs planned against spent."""

    schwerpunkt: MdText
    titel: MdText
    stufe: str
    federfuehrung: MdText
    status: str | None  # German; None: no ``ist`` entry for the year
    teilnehmende: int | None
    kosten_plan: float | None  # the year's planned material costs (pro rata in a part year)
    kosten_ist: float | None  # spent, from ``ist``
    bemerkungen: list[MdText] = field(default_factory=list)

    @property
    def abweichung(self) -> float | None:
        """Spent minus planned (None unless both are known; a measure without a plan counts 0 €)."""
        if self.kosten_ist is None or (self.kosten_plan is None and not self.kosten_ist):
            return None
        return self.kosten_ist - (self.kosten_plan or 0.0)

    @property
    def bemerkung(self) -> MdText:
        return MdText("; ".join(self.bemerkungen))

    @property
    def abweichung_text(self) -> MdText:
        """ "+350 €", "−1.900 €" or "—"."""
        diff = self.abweichung
        if diff is None or abs(diff) < 0.005:
            return MdText("—")
        return MdText(("+" if diff > 0 else "−") + german_money(abs(diff)))


def _runs_in(m: Any, konzept: Any, jahr: int) -> bool:
    beginn = m.beginn or konzept.periode.beginn
    ende = m.ende or konzept.periode.ende
    return bool(beginn <= dt.date(jahr, 12, 31) and ende >= dt.date(jahr, 1, 1))


def _partner_name(konzept: Any, ident: str) -> str:
    if ident == KI:
        return "Kommunales Integrationszentrum"
    return next((str(p.name) for p in konzept.partner if p.id == ident), ident)


def massnahmen(konzept: Any, jahr: int, share: float) -> list[Massnahmenzeile]:
    """Each measure that runs in ``jahr`` or has an ``ist`` entry for it, in file order.

    Several entries of one year add up (participants, costs); the status is the last entry's."""
    rows = []
    for sp, m in konzept.massnahmen():
        entries = [u for u in m.ist if u.jahr == jahr]
        closed = any(u.status == "abgeschlossen" and u.jahr < jahr for u in m.ist)
        if not entries and (closed or not _runs_in(m, konzept, jahr)):  # completed before, or not running
            continue
        status = next((u.status for u in reversed(entries) if u.status), None)
        teilnehmende = [u.teilnehmende for u in entries if u.teilnehmende is not None]
        kosten = [float(u.sachkosten) for u in entries if u.sachkosten is not None]
        rows.append(
            Massnahmenzeile(
                schwerpunkt=md(sp.titel),
                titel=md(m.titel),
                stufe=label(m.stufe),
                federfuehrung=md(_partner_name(konzept, m.federfuehrung)),
                status=label(status) if status else None,
                teilnehmende=sum(teilnehmende) if teilnehmende else None,
                kosten_plan=float(m.sachkosten) * share if m.sachkosten is not None else None,
                kosten_ist=sum(kosten) if kosten else None,
                bemerkungen=[md(u.bemerkung) for u in entries if u.bemerkung],
            )
        )
    return rows


# --- goals -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Messwert:
    datum: dt.date
    wert: float
    bemerkung: MdText | None
    einheit: MdText | None  # the value's own unit where it differs from the goal's (KI703)
    im_jahr: bool  # measured in the report's year


@dataclass(frozen=True)
class Diagramm:
    """A chart of one goal: its marker paragraph in the Markdown, the alt text, the data to draw."""

    marker: str
    alt: str
    beginn: dt.date
    ende: dt.date
    punkte: list[tuple[dt.date, float]]
    ausgangswert: float | None
    zielwert: float | None
    einheit: str

    def zeichnen(self) -> Figure:
        from ki_cli.charts import goal_progress

        return goal_progress(self.punkte, self.beginn, self.ende, self.ausgangswert, self.zielwert, self.einheit)


@dataclass(frozen=True)
class Zielzeile:
    schwerpunkt: MdText
    beschreibung: MdText
    indikator: MdText | None
    einheit: MdText | None
    ausgangswert: float | None
    zielwert: float | None
    messwerte: list[Messwert]
    letzter: Messwert | None  # the latest comparable value up to the year's end
    fortschritt: float | None  # the share of the way from baseline to target (1.0 = reached)
    fortschritt_text: MdText
    diagramm: MdText  # the marker paragraph where the chart goes ("" when there is nothing to draw)
    abweichend: bool  # behind: no value, no change or away from the target

    @property
    def fortschritt_kurz(self) -> MdText:
        """ "50 %" of the way (or of the target, without a baseline), "erreicht", "—" without a measure."""
        if self.fortschritt is None:
            return MdText("—" if self.letzter is None or self.zielwert is None else "nicht bewertbar")
        if self.fortschritt >= 1:
            return MdText("erreicht" if self.fortschritt == 1 else f"übertroffen ({_prozent(self.fortschritt)})")
        return MdText(_prozent(self.fortschritt))


def _same_unit(messung: Any, ziel: Any) -> bool:
    if not messung.einheit or not ziel.einheit:
        return True
    return " ".join(str(messung.einheit).split()).casefold() == " ".join(str(ziel.einheit).split()).casefold()


def _zahl(value: float, einheit: Any, plain: bool = False) -> str:
    """ "7 Kommunen": the unit escaped for Markdown (``plain``: as written, for an alt text)."""
    if not einheit:
        return german_number(value)
    return f"{german_number(value)} {einheit if plain else md(einheit)}"


def _prozent(share: float) -> str:
    return f"{german_number(round(share * 100))}\u00a0%"


def progress(
    letzter: Messwert | None, ausgangswert: float | None, zielwert: float | None, einheit: Any, jahr: int
) -> tuple[float | None, str, bool]:
    """(share of the way from baseline to target, the progress in words as Markdown, whether it is a deviation)."""
    if letzter is None:
        return None, f"Bis Ende {jahr} liegt noch kein Messwert vor.", True
    stand = f"Stand {german_date(letzter.datum)}: {_zahl(letzter.wert, einheit)}"
    if zielwert is None:
        return None, f"{stand}. Ohne Zielwert lässt sich der Fortschritt nicht bewerten.", False
    if ausgangswert is None:
        if not zielwert:
            return None, f"{stand} (Zielwert {_zahl(zielwert, einheit)}).", False
        share = letzter.wert / zielwert
        reached = share >= 1
        text = f"{stand}, das sind {_prozent(share)} des Zielwerts von {_zahl(zielwert, einheit)}"
        return share, text + (" – Zielwert erreicht." if reached else "."), False
    if zielwert == ausgangswert:
        held = letzter.wert == zielwert
        text = f"{stand}; der Zielwert ist der Ausgangswert ({_zahl(zielwert, einheit)})"
        return (1.0 if held else 0.0), text + (" und ist gehalten." if held else " und ist nicht gehalten."), not held
    share = (letzter.wert - ausgangswert) / (zielwert - ausgangswert)
    weg = f"vom Ausgangswert {_zahl(ausgangswert, einheit)} zum Zielwert {_zahl(zielwert, einheit)}"
    if share > 1:
        return share, f"Zielwert übertroffen: {stand} ({weg}).", False
    if share == 1:
        return share, f"Zielwert erreicht: {stand} ({weg}).", False
    if share > 0:
        return share, f"{_prozent(share)} des Wegs {weg} geschafft ({stand}).", False
    if share == 0:
        text = f"Keine Veränderung gegenüber dem Ausgangswert ({stand}; Zielwert {_zahl(zielwert, einheit)})."
        return share, text, True
    return share, f"Entwicklung entgegen dem Ziel: {stand} ({weg}).", True


def ziele(konzept: Any, jahr: int, nonce: str) -> tuple[list[Zielzeile], list[Diagramm]]:
    """Each goal with the values measured up to the end of ``jahr``, its progress and its chart."""
    end = dt.date(jahr, 12, 31)
    rows: list[Zielzeile] = []
    charts: list[Diagramm] = []
    for sp in konzept.schwerpunkte:
        for ziel in sp.ziele:
            werte = [
                Messwert(
                    datum=m.datum,
                    wert=float(m.wert),
                    bemerkung=md(m.bemerkung) if m.bemerkung else None,
                    einheit=None if _same_unit(m, ziel) else md(m.einheit),
                    im_jahr=m.datum.year == jahr,
                )
                for m in sorted(ziel.ist, key=lambda m: m.datum)
                if m.datum <= end
            ]
            comparable = [w for w in werte if w.einheit is None]
            letzter = comparable[-1] if comparable else None
            ausgang = float(ziel.ausgangswert) if ziel.ausgangswert is not None else None
            ziel_wert = float(ziel.zielwert) if ziel.zielwert is not None else None
            share, text, behind = progress(letzter, ausgang, ziel_wert, ziel.einheit, jahr)
            marker = ""
            if comparable or (ausgang is not None and ziel_wert is not None):
                marker = f"⟦Diagramm {len(charts) + 1} {nonce}⟧"
                charts.append(
                    Diagramm(
                        marker=marker,
                        alt=_alt(ziel, ausgang, ziel_wert, comparable),
                        beginn=konzept.periode.beginn,
                        ende=konzept.periode.ende,
                        punkte=[(w.datum, w.wert) for w in comparable],
                        ausgangswert=ausgang,
                        zielwert=ziel_wert,
                        einheit=str(ziel.einheit or ""),
                    )
                )
            rows.append(
                Zielzeile(
                    schwerpunkt=md(sp.titel),
                    beschreibung=md(ziel.beschreibung),
                    indikator=md(ziel.indikator) if ziel.indikator else None,
                    einheit=md(ziel.einheit) if ziel.einheit else None,
                    ausgangswert=ausgang,
                    zielwert=ziel_wert,
                    messwerte=werte,
                    letzter=letzter,
                    fortschritt=share,
                    fortschritt_text=MdText(text),
                    diagramm=MdText(marker),
                    abweichend=behind,
                )
            )
    return rows, charts


def _alt(ziel: Any, ausgang: float | None, zielwert: float | None, werte: list[Messwert]) -> str:
    einheit = ziel.einheit or ""
    parts = [f"Diagramm zum Ziel „{' '.join(str(ziel.beschreibung).split())}“"]
    if ausgang is not None:
        parts.append(f"Ausgangswert {_zahl(ausgang, einheit, plain=True)}")
    if zielwert is not None:
        parts.append(f"Zielwert {_zahl(zielwert, einheit, plain=True)}")
    if werte:
        parts.append("Messwerte " + ", ".join(f"{german_date(w.datum)}: {german_number(w.wert)}" for w in werte))
    return "; ".join(parts) + "."


# --- deviations and money --------------------------------------------------------------------------


@dataclass(frozen=True)
class Abweichung:
    bereich: str  # "Maßnahme", "Ziel", "Personal", "Förderung"
    was: MdText
    abweichung: MdText
    begruendung: MdText  # the ``bemerkung``, else "keine Begründung angegeben"

    @property
    def offen(self) -> bool:
        return str(self.begruendung) == OFFEN


def _cost_text(row: Massnahmenzeile) -> str | None:
    diff = row.abweichung
    if diff is None or abs(diff) < 0.005:
        return None
    if not row.kosten_plan:
        return f"Sachkosten von {german_money(row.kosten_ist)} ohne geplante Sachkosten"
    richtung = "über" if diff > 0 else "unter"
    return (
        f"Sachkosten {german_money(abs(diff))} ({_prozent(abs(diff) / row.kosten_plan)}) {richtung} der Planung "
        f"({german_money(row.kosten_ist)} statt {german_money(row.kosten_plan)})"
    )


def abweichungen(
    stellen_rows: list[Stellenzeile],
    massnahmen_rows: list[Massnahmenzeile],
    ziele_rows: list[Zielzeile],
    jahr_row: Any,
) -> list[Abweichung]:
    """Every deviation of the year from the plan, with its reason where the file gives one."""
    found: list[Abweichung] = []
    offen = MdText(OFFEN)
    for m in massnahmen_rows:
        grund = m.bemerkung or offen
        if m.status is None:
            found.append(Abweichung("Maßnahme", m.titel, MdText("keine Angaben zur Umsetzung im Jahr"), offen))
            continue
        texts = []
        if m.status == label("ausgesetzt"):
            texts.append("ausgesetzt")
        elif m.status == label("geplant"):
            texts.append("noch nicht begonnen (Stand: geplant)")
        cost = _cost_text(m)
        if cost:
            texts.append(cost)
        if texts:
            found.append(Abweichung("Maßnahme", m.titel, MdText("; ".join(texts)), grund))
    for ziel in ziele_rows:
        if ziel.abweichend:
            bemerkung = ziel.letzter.bemerkung if ziel.letzter is not None else None
            found.append(Abweichung("Ziel", ziel.beschreibung, ziel.fortschritt_text, bemerkung or offen))
        elif ziel.letzter is not None and ziel.letzter.bemerkung and (ziel.fortschritt or 0.0) > 1:
            found.append(Abweichung("Ziel", ziel.beschreibung, MdText("Zielwert übertroffen"), ziel.letzter.bemerkung))
    for s in stellen_rows:
        if s.unbesetzt:
            text = f"{s.unbesetzt} von {s.stellen} Stellen ({german_number(s.offen_vze)} VZE) unbesetzt"
            found.append(Abweichung("Personal", MdText(f"{s.funktion} ({s.programm})"), MdText(text), offen))
    if jahr_row is not None and jahr_row.beantragt is not None and jahr_row.bewilligt is not None:
        if jahr_row.bewilligt < jahr_row.beantragt - 0.005:
            text = (
                f"bewilligt {german_money(jahr_row.bewilligt)} statt der beantragten {german_money(jahr_row.beantragt)}"
            )
            found.append(Abweichung("Förderung", MdText("Landesförderung des KI"), MdText(text), offen))
    return found


@dataclass(frozen=True)
class Kostenzeile:
    titel: str
    plan: float | None
    ist: float | None


@dataclass(frozen=True)
class Finanzen:
    """The year's grant against its costs (grant figures from ``ki_cli.funding`` via ``haushaltsjahre``)."""

    jahr: Any  # the context's Haushaltsjahr row: hoechstbetrag, beantragt, bewilligt, pool, programmes, own share
    kosten: list[Kostenzeile]
    kosten_plan: float
    massnahmen_plan: float  # the measures' planned material costs in the year
    kosten_ist: float | None  # what ``ist`` records as spent (the measures' material costs)
    personalkosten_land: float | None  # the year's personnel cost of the state-funded KI posts (None: not given)
    ohne_kosten: int  # KI posts (Fach- and Verwaltungskräfte) that give no cost
    deckung: float | None  # the KI grant (granted, else applied) as a share of the state-funded posts' cost


def finanzen(konzept: Any, jahr_row: Any, massnahmen_rows: list[Massnahmenzeile], share: float) -> Finanzen:
    ki_posts = [s for s in konzept.personal if _programm(s) == KI and s.funktion != "lehrkraft"]
    land = [s for s in ki_posts if s.finanzierung == "land"]
    with_cost = [s for s in ki_posts if s.kosten is not None]
    personal = sum(float(s.kosten) for s in with_cost) * share if with_cost else None
    land_cost = sum(float(s.kosten) for s in land) * share if land and all(s.kosten is not None for s in land) else None
    kommune = sum(float(p.betrag) for p in konzept.sachkosten if p.traeger == "kommune") * share
    land_sach = sum(float(p.betrag) for p in konzept.sachkosten if p.traeger != "kommune") * share
    plan_m = sum(r.kosten_plan or 0.0 for r in massnahmen_rows)
    spent = [r.kosten_ist for r in massnahmen_rows if r.kosten_ist is not None]
    ist_m = sum(spent) if spent else None
    rows = [
        Kostenzeile("Personalkosten der Stellen des KI (Fach- und Verwaltungskräfte)", personal, None),
        Kostenzeile("Sachkosten der Kommune", kommune, None),
    ]
    if land_sach:
        rows.append(Kostenzeile("Sachkosten aus Landesmitteln (z. B. Laiensprachmittlerpool)", land_sach, None))
    rows.append(Kostenzeile("Sachkosten der Maßnahmen", plan_m, ist_m))
    grant = None
    if jahr_row is not None:
        grant = jahr_row.bewilligt if jahr_row.bewilligt is not None else jahr_row.beantragt
    return Finanzen(
        jahr=jahr_row,
        kosten=rows,
        kosten_plan=sum(r.plan or 0.0 for r in rows),
        massnahmen_plan=plan_m,
        kosten_ist=ist_m,
        personalkosten_land=land_cost,
        ohne_kosten=len(ki_posts) - len(with_cost),
        deckung=grant / land_cost if grant is not None and land_cost else None,
    )


# --- all of it --------------------------------------------------------------------------------------


def build(konzept: Any, variables: dict[str, Any], jahr: int) -> dict[str, Any]:
    """The report's own variables for budget year ``jahr`` (one of ``years_of(konzept)``)."""
    budget = next((b for b in budget_years(konzept.periode.beginn, konzept.periode.ende) if b.year == jahr), None)
    if budget is None:  # a year outside the period (the command refuses it; a library caller may ask)
        budget = BudgetYear(jahr, dt.date(jahr, 1, 1), dt.date(jahr, 12, 31), 12)
    jahr_row = next((j for j in variables["haushaltsjahre"] if j.jahr == jahr), None)
    # the markers carry a tag of their own, so that a user's text is unlikely to be one by chance; it is
    # derived from the file, so that the same concept always gives the same Markdown
    nonce = hashlib.sha256(f"{konzept.kommune.name}|{konzept.periode.beginn}|{jahr}".encode()).hexdigest()[:8]
    stellen_rows = stellen(konzept)
    ki_rows = [r for r in stellen_rows if r.programm == label(KI, "programm")]
    massnahmen_rows = massnahmen(konzept, jahr, budget.share)
    ziele_rows, charts = ziele(konzept, jahr, nonce)
    mitteilung = bool(variables["mitteilung"])
    return {
        "jahr": jahr,
        "berichtszeitraum": MdText(f"{german_date(budget.first)} bis {german_date(budget.last)}"),
        "teiljahr": not budget.full,
        "stellen_bericht": stellen_rows,
        "stellen_ki_summe": _summe_stellen(ki_rows, "Stellen des KI"),
        "stellen_andere": [r for r in stellen_rows if r not in ki_rows],
        "massnahmen_bericht": massnahmen_rows,
        "ziele_bericht": ziele_rows,
        "abweichungen": abweichungen(stellen_rows, massnahmen_rows, ziele_rows, jahr_row),
        "finanzen": finanzen(konzept, jahr_row, massnahmen_rows, budget.share),
        "diagramme": charts,
        "bericht_art": "Sachstandsbericht" if mitteilung else "Sachbericht",
    }

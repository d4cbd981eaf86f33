"""What the raw changes mean, named: stages, leads, agreements, staffing, vacancies, costs.

Everything here is derived from the ``ChangeSet`` and its two concepts; reporters only format
it. Totals are computed once per concept (linear cost).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ki_cli.diff.changes import ADDED, REMOVED, ChangeSet
from ki_cli.format.vocab import FINANZIERUNG, FUNKTION, KI, STUFE


@dataclass(frozen=True)
class Step:
    """One entry whose value went from ``old`` to ``new`` (a stage, a lead, a status)."""

    id: str
    old: Any
    new: Any


@dataclass(frozen=True)
class Total:
    """A figure before and after."""

    old: float
    new: float

    @property
    def changed(self) -> bool:
        return round(self.old - self.new, 6) != 0


@dataclass(frozen=True)
class Amount:
    """A euro figure before and after that may be unknown on either side (None)."""

    old: float | None
    new: float | None

    @property
    def changed(self) -> bool:
        if self.old is None or self.new is None:
            return self.old is not self.new
        return round(self.old - self.new, 2) != 0


@dataclass(frozen=True)
class Money:
    """The grant and the own share of both periods, from ``ki_cli.funding`` and the proposal's finance block."""

    hoechstbetrag_pro_jahr: Amount  # the KI grant's maximum for one full budget year
    hoechstbetrag_zeitraum: Amount  # over the period, pro rata by months
    beantragt: Amount  # over the period, as foerderung[] records it
    bewilligt: Amount
    eigenanteil_zeitraum: Amount  # the municipality's own share over the period
    jahre: tuple[list[tuple[int, float | None, float]], list[tuple[int, float | None, float]]]
    """Per budget year of each period: (year, maximum grant, own share)."""

    @property
    def changed(self) -> bool:
        return any(
            a.changed
            for a in (
                self.hoechstbetrag_pro_jahr,
                self.hoechstbetrag_zeitraum,
                self.beantragt,
                self.bewilligt,
                self.eigenanteil_zeitraum,
            )
        )


@dataclass
class Summary:
    """The named changes of a ``ChangeSet``."""

    added: int = 0
    removed: int = 0
    changed: int = 0
    schwerpunkte_neu: list[str] = field(default_factory=list)
    schwerpunkte_entfallen: list[str] = field(default_factory=list)
    schwerpunkt_titel: dict[str, str] = field(default_factory=dict)  # of both concepts, the new one wins
    massnahmen_neu: list[str] = field(default_factory=list)
    massnahmen_entfallen: list[str] = field(default_factory=list)  # every removed measure
    massnahmen_uebergeben: list[str] = field(default_factory=list)  # of those: at regelpraxis, led by a partner
    massnahmen_geaendert: list[str] = field(default_factory=list)
    fortschritt: list[Step] = field(default_factory=list)  # stage forward
    rueckschritt: list[Step] = field(default_factory=list)  # stage back
    federfuehrung: list[Step] = field(default_factory=list)
    vereinbarungen_neu: list[str] = field(default_factory=list)
    vereinbarungen_entfallen: list[str] = field(default_factory=list)
    vereinbarungen_status: list[Step] = field(default_factory=list)
    vze_nach_funktion: dict[str, Total] = field(default_factory=dict)
    vze_nach_finanzierung: dict[str, Total] = field(default_factory=dict)
    vze_nach_schwerpunkt: dict[str, Total] = field(default_factory=dict)
    vze_gesamt: Total = Total(0.0, 0.0)
    vakant: Total = Total(0.0, 0.0)
    neu_vakant: list[str] = field(default_factory=list)
    neu_besetzt: list[str] = field(default_factory=list)
    sachkosten_gesamt: Total = Total(0.0, 0.0)
    sachkosten_nach_traeger: dict[str, Total] = field(default_factory=dict)
    sachkosten_massnahmen: Total = Total(0.0, 0.0)
    periode: tuple[Any, Any] | None = None  # ((beginn, ende) old, (beginn, ende) new)
    foerderrichtlinie: Step | None = None
    geld: Money | None = None  # grant and own share; None when neither concept has a rule pack

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed


def _stelle_vakant(stelle: Any) -> bool:
    return not (stelle.besetzt_durch or "").strip()


def _staffing(k: Any) -> tuple[dict[str, float], dict[str, float], dict[str, float], float]:
    funktion: dict[str, float] = {}
    finanzierung: dict[str, float] = {}
    schwerpunkt: dict[str, float] = {}
    for stelle in k.personal:
        funktion[stelle.funktion] = funktion.get(stelle.funktion, 0.0) + stelle.vze
        finanzierung[stelle.finanzierung] = finanzierung.get(stelle.finanzierung, 0.0) + stelle.vze
        for sp_id, anteil in stelle.einsatz.items():
            schwerpunkt[sp_id] = schwerpunkt.get(sp_id, 0.0) + anteil
    return funktion, finanzierung, schwerpunkt, sum(funktion.values())


def _totals(order: list[str], old: dict[str, float], new: dict[str, float]) -> dict[str, Total]:
    keys = [k for k in order if k in old or k in new]
    keys.extend(k for k in [*old, *new] if k not in keys)
    return {k: Total(round(old.get(k, 0.0), 6), round(new.get(k, 0.0), 6)) for k in dict.fromkeys(keys)}


def _sachkosten(k: Any) -> tuple[dict[str, float], float]:
    traeger: dict[str, float] = {}
    for posten in k.sachkosten:
        traeger[posten.traeger] = traeger.get(posten.traeger, 0.0) + posten.betrag
    massnahmen = sum(m.sachkosten or 0.0 for sp in k.schwerpunkte for m in sp.massnahmen)
    return traeger, massnahmen


def _sum(values: list[float | None]) -> float | None:
    given = [v for v in values if v is not None]
    return sum(given) if given else None


def _money(old: Any, new: Any) -> Money | None:
    """Grant and own share of both concepts: the grant from ``ki_cli.funding``, the own share as the
    proposal's finance block computes it (``render.context.haushaltsjahre``) — never recomputed here."""
    from ki_cli.funding import funding
    from ki_cli.render.context import haushaltsjahre

    f_old, f_new = funding(old), funding(new)
    if f_old is None and f_new is None:
        return None
    y_old, y_new = haushaltsjahre(old), haushaltsjahre(new)
    return Money(
        hoechstbetrag_pro_jahr=Amount(f_old.per_year if f_old else None, f_new.per_year if f_new else None),
        hoechstbetrag_zeitraum=Amount(f_old.maximum if f_old else None, f_new.maximum if f_new else None),
        beantragt=Amount(_sum([j.beantragt for j in y_old]), _sum([j.beantragt for j in y_new])),
        bewilligt=Amount(_sum([j.bewilligt for j in y_old]), _sum([j.bewilligt for j in y_new])),
        eigenanteil_zeitraum=Amount(sum(j.eigenanteil for j in y_old), sum(j.eigenanteil for j in y_new)),
        jahre=(
            [(j.jahr, j.hoechstbetrag, j.eigenanteil) for j in y_old],
            [(j.jahr, j.hoechstbetrag, j.eigenanteil) for j in y_new],
        ),
    )


def _handed_over(entry: Any) -> bool:
    """A measure that left the plan at regular practice with a partner leading: handed over, not ended."""
    return (
        isinstance(entry, dict) and entry.get("stufe") == "regelpraxis" and entry.get("federfuehrung") not in (None, KI)
    )


def summarize(changes: ChangeSet) -> Summary:
    """Name what changed: the figures a council member asks about first."""
    s = Summary()
    for c in changes.changes:
        if c.kind == ADDED:
            s.added += 1
        elif c.kind == REMOVED:
            s.removed += 1
        else:
            s.changed += 1
        if c.section == "schwerpunkte" and c.id is not None and c.kind in (ADDED, REMOVED):
            (s.schwerpunkte_neu if c.kind == ADDED else s.schwerpunkte_entfallen).append(c.id)
        if c.section == "massnahmen" and c.id is not None:
            if c.kind == ADDED:
                s.massnahmen_neu.append(c.id)
            elif c.kind == REMOVED:
                s.massnahmen_entfallen.append(c.id)
                if _handed_over(c.old):
                    s.massnahmen_uebergeben.append(c.id)
            else:
                if c.id not in s.massnahmen_geaendert:
                    s.massnahmen_geaendert.append(c.id)
                if c.field == "stufe":
                    step = Step(c.id, c.old, c.new)
                    forward = STUFE.index(c.new) > STUFE.index(c.old) if c.old in STUFE and c.new in STUFE else True
                    (s.fortschritt if forward else s.rueckschritt).append(step)
                elif c.field == "federfuehrung":
                    s.federfuehrung.append(Step(c.id, c.old, c.new))
        elif c.section == "vereinbarungen" and c.id is not None:
            if c.kind == ADDED:
                s.vereinbarungen_neu.append(c.id)
            elif c.kind == REMOVED:
                s.vereinbarungen_entfallen.append(c.id)
            elif c.field == "status":
                s.vereinbarungen_status.append(Step(c.id, c.old, c.new))
        elif c.section == "grundlagen" and c.field == "foerderrichtlinie":
            s.foerderrichtlinie = Step("foerderrichtlinie", c.old, c.new)

    old, new = changes.old, changes.new
    for k in (old, new):
        s.schwerpunkt_titel.update((sp.id, sp.titel) for sp in k.schwerpunkte)
    s.geld = _money(old, new)
    if (old.periode.beginn, old.periode.ende) != (new.periode.beginn, new.periode.ende):
        s.periode = ((old.periode.beginn, old.periode.ende), (new.periode.beginn, new.periode.ende))

    f_old, fin_old, sp_old, sum_old = _staffing(old)
    f_new, fin_new, sp_new, sum_new = _staffing(new)
    s.vze_nach_funktion = _totals(list(FUNKTION), f_old, f_new)
    s.vze_nach_finanzierung = _totals(list(FINANZIERUNG), fin_old, fin_new)
    order = [sp.id for sp in new.schwerpunkte] + [sp.id for sp in old.schwerpunkte]
    s.vze_nach_schwerpunkt = _totals(order, sp_old, sp_new)
    s.vze_gesamt = Total(round(sum_old, 6), round(sum_new, 6))

    vakant_old = {st.id for st in old.personal if _stelle_vakant(st)}
    vakant_new = {st.id for st in new.personal if _stelle_vakant(st)}
    s.vakant = Total(float(len(vakant_old)), float(len(vakant_new)))
    s.neu_vakant = [st.id for st in new.personal if st.id in vakant_new and st.id not in vakant_old]
    s.neu_besetzt = [st.id for st in old.personal if st.id in vakant_old and st.id not in vakant_new]

    t_old, m_old = _sachkosten(old)
    t_new, m_new = _sachkosten(new)
    s.sachkosten_nach_traeger = _totals(["kommune", "land", "drittmittel"], t_old, t_new)
    s.sachkosten_gesamt = Total(round(sum(t_old.values()), 2), round(sum(t_new.values()), 2))
    s.sachkosten_massnahmen = Total(round(m_old, 2), round(m_new, 2))
    return s

"""Rule packs: one TOML data file per funding guideline, every value with its source.

A new guideline is a new file in this folder; the code finds it by its name
(``grundlagen.foerderrichtlinie``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ki_cli.format.vocab import KOMMUNE_ART

FOLDER = Path(__file__).resolve().parent


@dataclass(frozen=True)
class RulePack:
    name: str
    title: str
    source: dict[str, Any]
    caps: dict[str, dict[str, Any]]
    total: dict[str, Any]
    amounts: dict[str, Any] | None

    def cap(self, funktion: str, typ: str) -> float | None:
        entry = self.caps.get(funktion)
        return None if entry is None else float(entry[_typ_in(entry, typ)])

    def total_cap(self, typ: str) -> float:
        return float(self.total[_typ_in(self.total, typ)])

    @property
    def counted(self) -> tuple[str, ...]:
        return tuple(self.total["counts"])


def _typ_in(table: dict[str, Any], typ: str) -> str:
    """``typ`` where the pack names it, else the kind it counts as (``vocab.KOMMUNE_ART``)."""
    return typ if typ in table else KOMMUNE_ART.get(typ, typ)


def names() -> list[str]:
    """Every guideline a pack exists for."""
    return sorted(path.stem for path in FOLDER.glob("*.toml"))


@cache
def load_pack(name: str) -> RulePack | None:
    path = FOLDER / f"{name}.toml"
    if not path.is_file():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return RulePack(
        name=data["name"],
        title=data["title"],
        source=data["source"],
        caps=data["caps"],
        total=data["total"],
        amounts=data.get("amounts"),
    )


def land_vze(konzept: Any) -> dict[str, float]:
    """State-funded VZE per funktion."""
    totals = {funktion: 0.0 for funktion in ("lehrkraft", "fachkraft", "verwaltung")}
    for stelle in konzept.personal:
        if stelle.finanzierung == "land":
            totals[stelle.funktion] += stelle.vze
    return totals


def grant_items(konzept: Any, pack: RulePack) -> list[tuple[str, float]] | None:
    """The yearly state grant as (text, euros) items, from the pack's fixed amounts.

    VZE above the pack's caps are not funded, so they are capped here. None when the pack
    records no amounts.
    """
    if not pack.amounts:
        return None
    typ = konzept.kommune.typ
    vze = land_vze(konzept)
    fachkraft = min(vze["fachkraft"], pack.cap("fachkraft", typ) or 0.0)
    verwaltung = min(vze["verwaltung"], pack.cap("verwaltung", typ) or 0.0)
    per_fk = float(pack.amounts["fachkraft_per_vze"])
    per_half_va = float(pack.amounts["verwaltung_per_half_vze"])
    fk_text = f"{_num(fachkraft)} Fachkraft-VZE × {_euro(per_fk)}"
    va_text = f"{_num(verwaltung)} VZE Verwaltungsassistenz ({_euro(per_half_va)} je 0,5 VZE)"
    return [(fk_text, fachkraft * per_fk), (va_text, verwaltung / 0.5 * per_half_va)]


def _num(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return (text if "." in text else text + ".0").replace(".", ",")


def _euro(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") + "\u00a0€"

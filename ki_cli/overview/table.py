"""The overview as one flat table: its columns (a stable key, a German header, a kind) and values.

The kind decides how a value is written: ``text``, ``date``, ``count`` (a whole number), ``vze``
(full-time equivalents) and ``money`` (euros). A missing value is ``None`` (an empty cell). The
columns of the budget years and of the fields of action are those the rows have: a table of
periods 2025–2026 has the years 2025 and 2026, not every year there is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ki_cli.format.vocab import FUNKTION, PROGRAMM_STELLE, STUFE, TIS2030
from ki_cli.overview.collect import Overview, Row
from ki_cli.render.labels import label

PROGRAMME_SHORT = {"ki": "KI", "kim": "KIM", "komm_an": "KOMM-AN", "ifkuf": "IfKuF", "sonstiges": "sonstige"}
BEREICH_SHORT = {"bildungskette": "Bildungskette", "querschnitt": "Querschnitt"}
TIS_SHORT = {
    "erstintegration": "Erstintegration",
    "regelsysteme": "Regelsysteme",
    "migrationsgesellschaft": "Migrationsgesellschaft",
}
MONEY = ("hoechstbetrag", "beantragt", "bewilligt", "eigenanteil")
MONEY_HEADER = {
    "hoechstbetrag": "Höchstbetrag",
    "beantragt": "Beantragt",
    "bewilligt": "Bewilligt",
    "eigenanteil": "Eigenanteil",
}


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # text | date | count | vze | money
    value: Callable[[Row], Any]
    group: str = ""  # the heading a column belongs to (HTML, text)


def _item(attribute: str, key: str) -> Callable[[Row], Any]:
    """The value of ``key`` in the row's mapping ``attribute`` (``vze_funktion``, ``stufe`` …)."""

    def value(row: Row) -> Any:
        return getattr(row, attribute)[key]

    return value


def _total(attribute: str) -> Callable[[Row], Any]:
    def value(row: Row) -> Any:
        return row.total(attribute)

    return value


def _year_value(jahr: int, attribute: str) -> Callable[[Row], Any]:
    def value(row: Row) -> Any:
        return next((getattr(j, attribute) for j in row.jahre if j.jahr == jahr), None)

    return value


def columns(overview: Overview) -> list[Column]:
    """The columns of ``overview``'s table, in order."""
    cols = [
        Column("kommune", "Kommune", "text", lambda r: r.kommune, "KI"),
        Column("typ", "Art", "text", lambda r: label(r.typ), "KI"),
        Column(
            "regierungsbezirk",
            "Regierungsbezirk",
            "text",
            lambda r: label(r.regierungsbezirk) if r.regierungsbezirk else None,
            "KI",
        ),
        Column("ags", "AGS", "text", lambda r: r.ags, "KI"),
        Column("beginn", "Beginn", "date", lambda r: r.beginn, "Zeitraum"),
        Column("ende", "Ende", "date", lambda r: r.ende, "Zeitraum"),
        Column("foerderrichtlinie", "Förderrichtlinie", "text", lambda r: r.foerderrichtlinie, "Zeitraum"),
        Column("stellen", "Stellen", "count", lambda r: r.stellen, "Personal"),
        Column("vze_gesamt", "VZE gesamt", "vze", lambda r: r.vze_gesamt, "Personal"),
    ]
    for f in FUNKTION:
        cols.append(Column(f"vze_{f}", f"VZE {label(f)}", "vze", _item("vze_funktion", f), "Personal"))
    for p in PROGRAMM_STELLE:
        cols.append(
            Column(f"vze_programm_{p}", f"VZE {PROGRAMME_SHORT[p]}", "vze", _item("vze_programm", p), "Personal")
        )
    cols.append(Column("vze_unbesetzt", "VZE unbesetzt", "vze", lambda r: r.vze_unbesetzt, "Personal"))
    cols.append(Column("vze_land_ki", "VZE KI landesgefördert", "vze", lambda r: r.vze_land_ki, "Personal"))
    for jahr in overview.years:
        for attribute in MONEY:
            cols.append(
                Column(
                    f"{attribute}_{jahr}",
                    f"{MONEY_HEADER[attribute]} {jahr}",
                    "money",
                    _year_value(jahr, attribute),
                    f"Förderung {jahr}",
                )
            )
    for attribute in MONEY:
        cols.append(
            Column(
                f"{attribute}_zeitraum",
                f"{MONEY_HEADER[attribute]} Zeitraum",
                "money",
                _total(attribute),
                "Förderung Zeitraum",
            )
        )
    cols.append(Column("schwerpunkte", "Schwerpunkte", "count", lambda r: r.schwerpunkte, "Schwerpunkte"))
    for b, short in BEREICH_SHORT.items():
        cols.append(Column(f"bereich_{b}", short, "count", _item("bereich", b), "Schwerpunkte"))
    for f in overview.fields:
        cols.append(Column(f"handlungsfeld_{f}", label(f), "count", _item("handlungsfeld", f), "Handlungsfelder"))
    for d in TIS2030:
        cols.append(Column(f"tis2030_{d}", f"TIS {TIS_SHORT[d]}", "count", _item("tis2030", d), "TIS 2030"))
    cols.append(Column("tis2030_ohne", "TIS ohne Angabe", "count", lambda r: r.tis2030[""], "TIS 2030"))
    cols.append(Column("massnahmen", "Maßnahmen", "count", lambda r: r.massnahmen, "Maßnahmen"))
    for s in STUFE:
        cols.append(Column(f"stufe_{s}", label(s), "count", _item("stufe", s), "Maßnahmen"))
    cols += [
        Column(
            "vereinbarungen_unterzeichnet",
            "Vereinbarungen unterzeichnet",
            "count",
            lambda r: r.unterzeichnet,
            "Vereinbarungen",
        ),
        Column("vereinbarungen", "Vereinbarungen gesamt", "count", lambda r: r.vereinbarungen, "Vereinbarungen"),
        Column("fehler", "Fehler", "count", lambda r: r.fehler, "Befunde"),
        Column("warnungen", "Warnungen", "count", lambda r: r.warnungen, "Befunde"),
        Column("hinweise", "Hinweise", "count", lambda r: r.hinweise, "Befunde"),
        Column("meldungen", "Fehlermeldungen", "text", lambda r: r.meldungen or None, "Befunde"),
        Column("datei", "Datei", "text", lambda r: r.datei, "Datei"),
    ]
    return cols


def values(overview: Overview, cols: list[Column]) -> list[list[Any]]:
    """One list of values per row, in the order of ``cols``."""
    return [[c.value(r) for c in cols] for r in overview.rows]


def unreadable(overview: Overview, cols: list[Column]) -> list[list[Any]]:
    """One line per file that gives no row (an error of the loader or the structure), for the flat
    tables (CSV, XLSX): the Kommune it names, its errors, the file; every figure empty. So a table
    read on its own still lists every file that failed."""
    from ki_cli.overview.collect import error_text

    lines = []
    for failed in overview.failed:
        if failed.in_tabelle:
            continue
        known = {
            "kommune": failed.kommune,
            "fehler": sum(1 for f in failed.fehler if f.severity == "error"),
            "meldungen": error_text(failed.fehler) or " | ".join(f"{f.code} {f.message}" for f in failed.fehler),
            "datei": failed.datei,
        }
        lines.append([known.get(c.key) for c in cols])
    return lines

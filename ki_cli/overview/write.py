"""The overview given out: a table for the terminal, CSV, JSON, XLSX (openpyxl) and one HTML page.

Every format has the same columns (``table.columns``) and lists the files with errors and the
files not shown as rows of their own. openpyxl and matplotlib are imported only by the formats
that need them.

JSON shape (``"format": "ki-overview-1"``; keys are stable, amounts in euros, VZE as numbers,
dates ISO 8601, a value not known is ``null``)::

    {"format": "ki-overview-1", "alle_zeitraeume": false, "dateien": 12,
     "spalten": [{"schluessel": "kommune", "titel": "Kommune", "art": "text"}, …],
     "zeilen": [{"kommune": …, "typ": …, "regierungsbezirk": …, "ags": …, "beginn": …, "ende": …,
                 "foerderrichtlinie": …, "datei": …,
                 "stellen": {"anzahl": …, "vze_gesamt": …, "vze_unbesetzt": …, "vze_land_ki": …,
                             "nach_funktion": {…}, "nach_programm": {…}},
                 "foerderung": {"jahre": [{"jahr", "monate", "hoechstbetrag", "beantragt", "bewilligt",
                                           "eigenanteil"}, …],
                                "zeitraum": {"hoechstbetrag", "beantragt", "bewilligt", "eigenanteil"}},
                 "schwerpunkte": {"anzahl": …, "nach_bereich": {…}, "nach_handlungsfeld": {…},
                                  "nach_tis2030": {…, "ohne": …}},
                 "massnahmen": {"anzahl": …, "nach_stufe": {…}},
                 "vereinbarungen": {"unterzeichnet": …, "gesamt": …},
                 "befunde": {"fehler": …, "warnungen": …, "hinweise": …},
                 "tabelle": {SPALTE: WERT, …}}, …],
     "fehlerhafte_dateien": [{"datei": …, "in_tabelle": true|false,
                              "fehler": [{"code", "schwere", "meldung", "hinweis", "pfad", "zeile", "spalte"}]}],
     "nicht_gezeigt": [{"datei": …, "statt": …, "grund": "aelter"|"gleicher_zeitraum"}]}
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from ki_cli.check.findings import Finding
from ki_cli.overview.collect import Overview, Row, ki_key
from ki_cli.overview.table import Column, columns, unreadable, values
from ki_cli.overview.texts import t
from ki_cli.text import german_date, german_money, german_number, german_vze

FORMATS = ("text", "html", "xlsx", "csv", "json")
SKIPPED = {"aelter": "älterer Zeitraum", "gleicher_zeitraum": "derselbe Zeitraum wie die gezeigte Datei"}


# --- values as text --------------------------------------------------------------------------


def shown(value: Any, kind: str) -> str:
    """A value as a person reads it (German numbers, money, dates); empty when missing."""
    if value is None:
        return ""
    if kind == "date":
        return german_date(value)
    if kind == "money":
        return german_money(value)
    if kind == "vze":
        return german_vze(value)
    if kind == "count":
        return german_number(value)
    return str(value)


def _csv_value(value: Any, kind: str) -> str:
    """A value for German Excel: decimal comma, no thousands separator, dates as TT.MM.JJJJ."""
    if value is None:
        return ""
    if kind == "date":
        return german_date(value)
    if kind in ("money", "vze", "count"):
        number = round(float(value), 2 if kind == "money" else 3)
        if number.is_integer():
            return str(int(number))
        return repr(number).replace(".", ",")
    return str(value)


def _finding_line(path: str, f: Finding) -> str:
    return f"{path}:{f.line}:{f.column}: {f.code} {f.message}"


# --- text ------------------------------------------------------------------------------------

TEXT_COLUMNS = (
    "kommune",
    "typ",
    "regierungsbezirk",
    "beginn",
    "ende",
    "vze_gesamt",
    "hoechstbetrag_zeitraum",
    "bewilligt_zeitraum",
    "massnahmen",
    "vereinbarungen_unterzeichnet",
    "vereinbarungen",
    "fehler",
    "warnungen",
)
TEXT_HEADERS = {
    "regierungsbezirk": "RB",
    "vze_gesamt": "VZE",
    "hoechstbetrag_zeitraum": "Höchstbetrag",
    "bewilligt_zeitraum": "Bewilligt",
    "vereinbarungen_unterzeichnet": "Vb. unterz.",
    "vereinbarungen": "Vb.",
    "massnahmen": "Maßn.",
    "fehler": "F",
    "warnungen": "W",
}


def text(overview: Overview, lang: str) -> str:
    """A table for the terminal (the main figures; every column is in the files), then the files
    with errors and those not shown, then a summary line."""
    from ki_cli.output import printable

    cols = [c for c in columns(overview) if c.key in TEXT_COLUMNS]
    head = [TEXT_HEADERS.get(c.key, c.header) for c in cols]
    body = [[printable(shown(c.value(r), c.kind)) for c in cols] for r in overview.rows]
    widths = [max(len(h), *(len(line[i]) for line in body)) if body else len(h) for i, h in enumerate(head)]
    right = [c.kind in ("money", "vze", "count") for c in cols]

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(w) if r else cell.ljust(w) for cell, w, r in zip(cells, widths, right, strict=True)
        ).rstrip()

    out: list[str] = []
    if overview.rows:
        out.append(line(head))
        out.append("  ".join("-" * w for w in widths))
        out.extend(line(cells) for cells in body)
    else:
        out.append(t("no_rows", lang))
    if overview.failed:
        out.append("")
        out.append(t("failed.head", lang))
        for failed in overview.failed:
            state = t("failed.row" if failed.in_tabelle else "failed.norow", lang)
            out.append(f"  {printable(failed.datei)} ({state})")
            for f in failed.fehler[:10]:
                out.append("    " + printable(_finding_line(failed.datei, f)))
            if len(failed.fehler) > 10:
                out.append("    " + t("failed.more", lang, n=len(failed.fehler) - 10))
    if overview.skipped:
        out.append("")
        out.append(t("skipped.head", lang))
        for s in overview.skipped:
            out.append(f"  {printable(s.datei)}: " + t(f"skipped.{s.grund}", lang, statt=s.statt))
    out.append("")
    out.append(
        t(
            "summary",
            lang,
            files=overview.files,
            rows=len(overview.rows),
            failed=len(overview.failed),
            skipped=len(overview.skipped),
        )
    )
    return "\n".join(out) + "\n"


# --- CSV -------------------------------------------------------------------------------------


def csv_bytes(overview: Overview) -> bytes:
    """UTF-8 with BOM, ``;`` between fields, decimal commas: what German Excel opens as it is.

    One table of one shape, for any CSV reader: a line per row, then a line per file that gives no
    row (its Kommune, error count, ``Fehlermeldungen`` and ``Datei``; the figures empty). The errors of
    every file are in the column ``Fehlermeldungen``."""
    cols = columns(overview)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.header for c in cols])
    for r in overview.rows:
        writer.writerow([_csv_value(c.value(r), c.kind) for c in cols])
    for line in unreadable(overview, cols):
        writer.writerow([_csv_value(v, c.kind) for c, v in zip(cols, line, strict=True)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


# --- JSON ------------------------------------------------------------------------------------


def _json_value(value: Any, kind: str) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if kind == "money" and value is not None:
        return round(float(value), 2)
    if kind == "vze" and value is not None:
        return round(float(value), 3)
    return value


def _row_json(r: Row, cols: list[Column]) -> dict[str, Any]:
    return {
        "kommune": r.kommune,
        "typ": r.typ,
        "regierungsbezirk": r.regierungsbezirk,
        "ags": r.ags,
        "beginn": r.beginn.isoformat(),
        "ende": r.ende.isoformat(),
        "foerderrichtlinie": r.foerderrichtlinie,
        "datei": r.datei,
        "stellen": {
            "anzahl": r.stellen,
            "vze_gesamt": round(r.vze_gesamt, 3),
            "vze_unbesetzt": round(r.vze_unbesetzt, 3),
            "vze_land_ki": round(r.vze_land_ki, 3),
            "nach_funktion": {k: round(v, 3) for k, v in r.vze_funktion.items()},
            "nach_programm": {k: round(v, 3) for k, v in r.vze_programm.items()},
        },
        "foerderung": {
            "jahre": [
                {
                    "jahr": j.jahr,
                    "monate": j.monate,
                    "hoechstbetrag": _json_value(j.hoechstbetrag, "money"),
                    "beantragt": _json_value(j.beantragt, "money"),
                    "bewilligt": _json_value(j.bewilligt, "money"),
                    "eigenanteil": _json_value(j.eigenanteil, "money"),
                }
                for j in r.jahre
            ],
            "zeitraum": {
                a: _json_value(r.total(a), "money") for a in ("hoechstbetrag", "beantragt", "bewilligt", "eigenanteil")
            },
        },
        "schwerpunkte": {
            "anzahl": r.schwerpunkte,
            "nach_bereich": r.bereich,
            "nach_handlungsfeld": {k: v for k, v in r.handlungsfeld.items() if v},
            "nach_tis2030": {k or "ohne": v for k, v in r.tis2030.items()},
        },
        "massnahmen": {"anzahl": r.massnahmen, "nach_stufe": r.stufe},
        "vereinbarungen": {"unterzeichnet": r.unterzeichnet, "gesamt": r.vereinbarungen},
        "befunde": {"fehler": r.fehler, "warnungen": r.warnungen, "hinweise": r.hinweise},
        "tabelle": {c.key: _json_value(c.value(r), c.kind) for c in cols},
    }


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "schwere": f.severity,
        "meldung": f.message,
        "hinweis": f.hint,
        "pfad": f.yaml_path,
        "zeile": f.line,
        "spalte": f.column,
    }


def json_bytes(overview: Overview) -> bytes:
    cols = columns(overview)
    data = {
        "format": "ki-overview-1",
        "alle_zeitraeume": overview.all_periods,
        "dateien": overview.files,
        "spalten": [{"schluessel": c.key, "titel": c.header, "art": c.kind} for c in cols],
        "zeilen": [_row_json(r, cols) for r in overview.rows],
        "fehlerhafte_dateien": [
            {"datei": f.datei, "in_tabelle": f.in_tabelle, "fehler": [_finding_json(x) for x in f.fehler]}
            for f in overview.failed
        ],
        "nicht_gezeigt": [{"datei": s.datei, "statt": s.statt, "grund": s.grund} for s in overview.skipped],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- XLSX ------------------------------------------------------------------------------------

XLSX_FORMATS = {
    "money": '#,##0.00 "€"',
    "vze": "0.0##",
    "count": "0",
    "date": "DD.MM.YYYY",
}
"""Excel's number formats (stored locale-neutral; German Excel shows 307.500,00 € and 5,5)."""


WIDTHS = {"kommune": 26.0, "typ": 16.0, "regierungsbezirk": 15.0, "ags": 10.0, "foerderrichtlinie": 11.0, "datei": 40.0}


def _width(column: Column) -> float:
    """A column's width in characters: the header wraps (the header row is high), numbers fit."""
    if column.key in WIDTHS:
        return WIDTHS[column.key]
    return {"money": 14.0, "vze": 10.0, "count": 10.0, "date": 12.0}.get(column.kind, 18.0)


def xlsx_bytes(overview: Overview) -> bytes:
    """A workbook: the table (a header row, filters, frozen header and first column, real numbers
    and dates with German formats), the files with errors, and the files not shown."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    cols = columns(overview)
    book = Workbook()
    sheet = book.active
    sheet.title = "Übersicht"
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    sheet.append([c.header for c in cols])
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in values(overview, cols):
        sheet.append(
            [float(v) if c.kind in ("money", "vze") and v is not None else v for c, v in zip(cols, line, strict=True)]
        )
    missing = PatternFill("solid", fgColor="FDE2E1")
    for line in unreadable(overview, cols):  # files that give no row: listed in the table too, marked
        sheet.append(line)
        for cell in sheet[sheet.max_row]:
            cell.fill = missing
    for index, c in enumerate(cols, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = _width(c)
        number_format = XLSX_FORMATS.get(c.kind)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
    sheet.row_dimensions[1].height = 48
    last = get_column_letter(len(cols))
    sheet.auto_filter.ref = f"A1:{last}{sheet.max_row}"
    sheet.freeze_panes = "B2"
    sheet.page_setup.orientation = "landscape"  # printed: A3 across, the header row and the Kommune on every page
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3
    sheet.print_title_rows = "1:1"
    sheet.print_title_cols = "A:A"

    errors = book.create_sheet("Dateien mit Fehlern")
    errors.append(["Datei", "In der Tabelle", "Code", "Schwere", "Zeile", "Spalte", "Meldung", "So beheben"])
    for failed in overview.failed:
        for f in failed.fehler:
            severity = {"error": "Fehler", "warning": "Warnung"}.get(f.severity, "Hinweis")
            errors.append(
                [
                    failed.datei,
                    "ja" if failed.in_tabelle else "nein",
                    f.code,
                    severity,
                    f.line,
                    f.column,
                    f.message,
                    f.hint,
                ]
            )
    for letter, width in zip("ABCDEFGH", (40, 10, 12, 10, 7, 7, 80, 60), strict=True):
        errors.column_dimensions[letter].width = width
    _finish(errors, bold, fill)

    skipped = book.create_sheet("Nicht gezeigt")
    skipped.append(["Datei", "Grund", "Gezeigt wird"])
    for s in overview.skipped:
        skipped.append([s.datei, SKIPPED[s.grund], s.statt])
    for letter, width in zip("ABC", (40, 40, 40), strict=True):
        skipped.column_dimensions[letter].width = width
    _finish(skipped, bold, fill)

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _finish(sheet: Any, bold: Any, fill: Any) -> None:
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


# --- HTML ------------------------------------------------------------------------------------


def chart_rows(overview: Overview) -> list[Row]:
    """The rows the charts show: one per KI (its newest period, also with ``--all-periods``)."""
    newest: dict[str, Row] = {}
    for r in overview.rows:
        key = ki_key(r.kommune)
        if key not in newest or r.beginn >= newest[key].beginn:
            newest[key] = r
    return [r for r in overview.rows if newest.get(ki_key(r.kommune)) is r]


def charts(overview: Overview) -> list[tuple[str, str, str]]:
    """(title, caption, inline SVG) of each chart: fields of action across KIs, measures by stage, grants per KI."""
    from ki_cli import charts as drawing

    return [(title, caption, drawing.inline_svg(fig, title)) for title, caption, fig in figures(overview)]


def figures(overview: Overview) -> list[tuple[str, str, Any]]:
    """(title, caption, matplotlib figure) of each chart of the HTML page."""
    from ki_cli import charts as drawing
    from ki_cli.format.vocab import HANDLUNGSFELD, STUFE
    from ki_cli.render.labels import label

    rows = chart_rows(overview)
    if not rows:
        return []
    out: list[tuple[str, str, Any]] = []
    fields = [f for f in HANDLUNGSFELD if any(r.handlungsfeld[f] for r in rows)]
    per_field = [sum(1 for r in rows if r.handlungsfeld[f]) for f in fields]
    order = sorted(range(len(fields)), key=lambda i: -per_field[i])
    fig = drawing.bars(
        [label(fields[i]) for i in order],
        [("KI mit Schwerpunkt", [per_field[i] for i in order])],
        row_cm=0.7,
        xlabel="Zahl der KI",
    )
    out.append(
        (
            "Handlungsfelder über alle KI",
            f"Wie viele der {len(rows)} KI einen Schwerpunkt im Handlungsfeld haben.",
            fig,
        )
    )
    fig = drawing.bars(
        [r.kommune for r in rows] if len(rows) <= 80 else ["alle KI"],
        [(label(s), [r.stufe[s] for r in rows] if len(rows) <= 80 else [sum(r.stufe[s] for r in rows)]) for s in STUFE],
        stacked=True,
        row_cm=0.35,
        xlabel="Maßnahmen",
    )
    total = {s: sum(r.stufe[s] for r in rows) for s in STUFE}
    caption = (
        "Maßnahmen je KI nach Stufe; zusammen "
        + ", ".join(f"{german_number(total[s])} {label(s)}" for s in STUFE)
        + "."
    )
    out.append(("Maßnahmen nach Stufe", caption, fig))
    fig = drawing.bars(
        [r.kommune for r in rows],
        [
            ("Höchstbetrag", [r.total("hoechstbetrag") or 0.0 for r in rows]),
            ("Beantragt", [r.total("beantragt") or 0.0 for r in rows]),
            ("Bewilligt", [r.total("bewilligt") or 0.0 for r in rows]),
        ],
        money=True,
        width_cm=18,
        row_cm=0.4,
        xlabel="Landesförderung KI über den Zeitraum",
    )
    out.append(
        (
            "Förderung je KI",
            "Höchstbetrag der KI-Förderung nach der Förderrichtlinie (bis zu), beantragt und bewilligt, "
            "über den jeweils gezeigten Zeitraum.",
            fig,
        )
    )
    return out


def html_bytes(overview: Overview) -> bytes:
    """One self-contained page (styles inline, charts as inline SVG, nothing fetched)."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    from ki_cli.render.engine import BUILTIN

    env = Environment(loader=FileSystemLoader(str(BUILTIN)), autoescape=select_autoescape(default=True))
    env.filters["shown"] = shown
    cols = [c for c in columns(overview) if c.key != "meldungen"]  # the page lists the errors in a section
    groups: list[tuple[str, int]] = []
    for c in cols:
        if groups and groups[-1][0] == c.group:
            groups[-1] = (c.group, groups[-1][1] + 1)
        else:
            groups.append((c.group, 1))
    from markupsafe import Markup

    page = env.get_template("overview.html.j2").render(
        overview=overview,
        columns=cols,
        groups=groups,
        rows=[(r, [(c.kind, c.value(r)) for c in cols]) for r in overview.rows],
        charts=[(title, caption, Markup(svg)) for title, caption, svg in charts(overview)],
        skipped_reason=SKIPPED,
        kis=len({ki_key(r.kommune) for r in overview.rows}),
    )
    return page.encode("utf-8")


def render(overview: Overview, fmt: str, lang: str) -> bytes:
    """``overview`` in ``fmt`` (one of ``FORMATS``)."""
    if fmt == "csv":
        return csv_bytes(overview)
    if fmt == "json":
        return json_bytes(overview)
    if fmt == "xlsx":
        return xlsx_bytes(overview)
    if fmt == "html":
        return html_bytes(overview)
    return text(overview, lang).encode("utf-8")

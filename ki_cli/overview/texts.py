"""Texts of ``ki overview`` on the command line, in German and English (the overview itself is German)."""

from __future__ import annotations

from ki_cli.messages import escaped
from ki_cli.text import L, fill

TEXTS: dict[str, L] = {
    "summary": L(
        "{files} Dateien gelesen: {rows} Zeilen, {failed} Dateien mit Fehlern, {skipped} ältere oder doppelte "
        "Zeiträume nicht als eigene Zeile",
        "{files} files read: {rows} rows, {failed} files with errors, {skipped} older or duplicate periods not "
        "shown as rows of their own",
    ),
    "failed.head": L(
        "Dateien mit Fehlern (ohne Zeile: nicht auswertbar):", "Files with errors (without a row: not readable):"
    ),
    "failed.row": L("in der Tabelle", "in the table"),
    "failed.norow": L("keine Zeile", "no row"),
    "failed.more": L("… und {n} weitere Fehler", "… and {n} more errors"),
    "skipped.head": L("Nicht als eigene Zeile gezeigt:", "Not shown as rows of their own:"),
    "skipped.aelter": L(
        "älterer Zeitraum; gezeigt: {statt} (alle mit --all-periods)",
        "older period; shown: {statt} (all with --all-periods)",
    ),
    "skipped.gleicher_zeitraum": L(
        "derselbe Zeitraum wie {statt}, das gezeigt wird", "the same period as {statt}, which is shown"
    ),
    "no_rows": L("Keine auswertbare Konzeptdatei.", "No concept file that could be read."),
    "bad_suffix": L(
        "Unbekannte Endung von {path}: erwartet .html, .xlsx, .csv oder .json (oder --format).",
        "Unknown suffix of {path}: expected .html, .xlsx, .csv or .json (or --format).",
    ),
    "suffix_mismatch": L(
        "--format {fmt} passt nicht zur Endung von {path}.", "--format {fmt} does not agree with the suffix of {path}."
    ),
    "xlsx_terminal": L(
        "Eine XLSX-Datei ist nichts für das Terminal: geben Sie mit -o eine Datei an, z. B. -o uebersicht.xlsx.",
        "An XLSX file is not for the terminal: name a file with -o, e.g. -o uebersicht.xlsx.",
    ),
    "missing_extra": L(
        'Für {what} fehlt die Bibliothek {module}. Installieren Sie sie mit: python -m pip install "ki-cli[dokumente]" '
        "(Text, CSV und JSON gehen ohne sie).",
        '{what} needs the library {module}. Install it with: python -m pip install "ki-cli[dokumente]" '
        "(text, CSV and JSON work without it).",
    ),
}


def t(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang``; file names and values escaped (no control characters)."""
    return fill(TEXTS, key, lang, escaped(params))

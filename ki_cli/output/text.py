"""The human report: ``path:line:col: CODE severity message``, the line, a caret, hint, basis.

File names, messages, hints and the source line are shown through ``printable``: a control
character or line break from the file (or its name) appears as ``\\e``, ``\\n`` …, never raw.
"""

from __future__ import annotations

import re
from typing import TextIO

from ki_cli.check.findings import Finding
from ki_cli.check.report import FileReport, Report
from ki_cli.messages import ui
from ki_cli.output import printable

_LINE_BREAK = re.compile(r"\r\n|[\r\n]")  # as YAML 1.2 and the loader count lines (sourcemap.LINE_BREAK)
_MAX_SHOWN = 200  # characters of a source line shown around the caret

_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def __call__(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.colour else text


def _excerpt(lines: list[str], finding: Finding) -> list[str]:
    if not 1 <= finding.line <= len(lines):
        return []
    source = lines[finding.line - 1]
    start = max(finding.column - 1, 0)
    end = finding.end_column - 1 if finding.end_line == finding.line else len(source)
    end = max(end, start + 1)
    offset = 0
    if len(source) > _MAX_SHOWN:  # a very long line: show the part around the value
        offset = max(0, min(start - 20, len(source) - _MAX_SHOWN))
        source = source[offset : offset + _MAX_SHOWN]
    start, end = start - offset, min(end - offset, len(source) + 1)
    # widths as shown: an escaped character takes the width of its escape
    before = printable(source[:start])
    width = len(printable(source[start:end])) + max(0, end - max(len(source), start))  # (past the line's end)
    prefix = "".join("\t" if ch == "\t" else " " for ch in before)
    number = str(finding.line)
    pad = " " * len(number)
    return [f"    {number} | {printable(source)}", f"    {pad} | {prefix}{'^' * max(width, 1)}"]


def summary_line(report: Report, lang: str) -> str:
    files, errors = len(report.files), report.count("error")
    warnings, infos = report.count("warning"), report.count("info")
    return ui(
        "summary",
        lang,
        files=files,
        files_word=ui("file" if files == 1 else "files", lang),
        errors=errors,
        errors_word=ui("error" if errors == 1 else "errors", lang),
        warnings=warnings,
        warnings_word=ui("warning" if warnings == 1 else "warnings", lang),
        infos=infos,
        infos_word=ui("info" if infos == 1 else "infos", lang),
    )


def write_file(out: TextIO, file: FileReport, lang: str, colour: bool) -> None:
    style = _Style(colour)
    lines = _LINE_BREAK.split(file.text) if file.text else []
    hint_word, basis_word = ui("hint", lang), ui("basis", lang)
    severity_word = {severity: ui(f"sev.{severity}", lang) for severity in ("error", "warning", "info")}
    path = printable(file.path)
    for f in file.findings:
        where = style(f"{path}:{f.line}:{f.column}:", _BOLD)
        head = f"{where} {style(f.code, _COLOURS[f.severity])} {severity_word[f.severity]}  {printable(f.message)}"
        parts = [head, *_excerpt(lines, f)]
        if f.hint:
            parts.append(f"   {hint_word}: {printable(f.hint)}")
        if f.basis:
            parts.append(style(f"   {basis_word}: {printable(f.basis)}", _DIM))
        out.write("\n".join(parts) + "\n")


def write(out: TextIO, report: Report, lang: str, colour: bool, quiet: bool) -> None:
    if not quiet:
        for file in report.files:
            write_file(out, file, lang, colour)
    out.write(summary_line(report, lang) + "\n")

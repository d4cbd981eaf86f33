"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns each line into an annotation on the file and line of the pull request, with a title
(the code and the rule's title). Values are escaped as the Actions toolkit does: ``%``, CR and LF
everywhere, and ``:`` and ``,`` inside the properties too. Before that, the file name, message and
hint go through ``printable``: a line break or escape sequence from a value shows as ``\\n``,
``\\e`` …, so that it can neither start a workflow command of its own nor colour the log.

GitHub shows at most ``LIMIT`` annotations of each severity per step and drops the rest without a
word. So errors come first, then warnings, then notices (infos only with ``--github-infos``: every
valid file has its KI410 grant notice); the findings beyond the limit are listed as plain lines in
a collapsed group of the log, between ``::stop-commands::`` and its token (so that no text from a
file can act as a command there), and one last line says how many were not shown as annotations.

With ``$GITHUB_STEP_SUMMARY`` set, a Markdown table of all findings (infos too) is appended to that
file, which GitHub shows on the run's summary page.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Iterable
from typing import TextIO

from ki_cli.check.findings import Finding
from ki_cli.check.registry import RULES, Severity
from ki_cli.check.report import Report
from ki_cli.messages import ui
from ki_cli.output import printable
from ki_cli.text import L

COMMANDS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}
LIMIT = 10
"""Annotations of one severity GitHub shows per step."""
SUMMARY_LIMIT = 1 << 20
"""Bytes GitHub accepts in a step's summary file (a larger one is not shown at all)."""

_RANK: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}

_WORDS = {
    "group": L(
        "Weitere Befunde, die GitHub nicht als Anmerkung zeigt ({count})",
        "More findings that GitHub does not show as annotations ({count})",
    ),
    "not_shown": L(
        "ki: {count} weitere Befunde nicht als Anmerkung gezeigt ({counts}): GitHub zeigt je Schritt höchstens "
        "{limit} Anmerkungen je Schwere. Sie stehen in der Gruppe „Weitere Befunde“ darüber{summary}.",
        "ki: {count} more findings not shown as annotations ({counts}): GitHub shows at most {limit} "
        "annotations of each severity per step. They are listed in the group “More findings” above{summary}.",
    ),
    "one_not_shown": L(
        "ki: 1 weiterer Befund nicht als Anmerkung gezeigt ({counts}): GitHub zeigt je Schritt höchstens "
        "{limit} Anmerkungen je Schwere. Er steht in der Gruppe „Weitere Befunde“ darüber{summary}.",
        "ki: 1 more finding not shown as an annotation ({counts}): GitHub shows at most {limit} "
        "annotations of each severity per step. It is listed in the group “More findings” above{summary}.",
    ),
    "and_summary": L(" und in der Zusammenfassung des Laufs", " and in the run's summary"),
    "heading": L("## ki validate", "## ki validate"),
    "columns": L(
        "| Schwere | Code | Datei | Zeile | Spalte | Meldung | So beheben |",
        "| Severity | Code | File | Line | Column | Message | Fix |",
    ),
    "cut": L(
        "*… und {count} weitere Befunde: GitHub nimmt höchstens 1 MB Zusammenfassung je Schritt an. "
        "Alle Befunde zeigt `ki validate` ohne `--format github`.*",
        "*… and {count} more findings: GitHub takes at most 1 MB of summary per step. "
        "`ki validate` without `--format github` shows all findings.*",
    ),
    "unwritable": L(
        "ki: die Zusammenfassung für GitHub ($GITHUB_STEP_SUMMARY = {path}) ließ sich nicht schreiben: {reason}",
        "ki: could not write the summary for GitHub ($GITHUB_STEP_SUMMARY = {path}): {reason}",
    ),
}


def escape_data(text: str) -> str:
    """The message part (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=…``, ``title=…``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def title(finding: Finding, lang: str) -> str:
    """The annotation's title: the code and the rule's title, ``KI107 – Verweis ins Leere``."""
    rule = RULES.get(finding.code)
    return f"{finding.code} – {rule.title(lang)}" if rule is not None else finding.code


def command(path: str, finding: Finding, lang: str = "de") -> str:
    """The workflow command for one finding."""
    properties = {
        "file": printable(path),
        "line": finding.line,
        "col": finding.column,
        "endLine": max(finding.end_line, finding.line),
        "endColumn": finding.end_column,
        "title": printable(title(finding, lang)),
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = printable(finding.message) + (f"\n{printable(finding.hint)}" if finding.hint else "")
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def ordered(report: Report, infos: bool) -> list[tuple[str, Finding]]:
    """(path, finding) to annotate: errors, then warnings, then (with ``infos``) infos; within a
    severity in the order of the files and their lines."""
    found = [
        (file.path, finding)
        for file in report.files
        for finding in file.findings
        if infos or finding.severity != "info"
    ]
    return sorted(found, key=lambda item: _RANK[item[1].severity])  # stable: files and lines keep their order


def _plain(path: str, finding: Finding, lang: str) -> str:
    """A finding as one plain log line: ``path:line:col: CODE Schwere message``."""
    severity = ui(f"sev.{finding.severity}", lang)
    text = printable(finding.message) + (f" {printable(finding.hint)}" if finding.hint else "")
    return f"{printable(path)}:{finding.line}:{finding.column}: {finding.code} {severity}  {text}"


def _counts(left_out: list[tuple[str, Finding]], lang: str) -> str:
    parts = []
    for severity, one, many in (
        ("error", "error", "errors"),
        ("warning", "warning", "warnings"),
        ("info", "info", "infos"),
    ):
        count = sum(1 for _, f in left_out if f.severity == severity)
        if count:
            parts.append(f"{count} {ui(one if count == 1 else many, lang)}")
    return ", ".join(parts)


def write(out: TextIO, report: Report, lang: str = "de", infos: bool = False, summary: str | None = None) -> None:
    """The annotations (at most ``LIMIT`` per severity), the rest in a group, the line that says how
    many were left out; with ``summary`` (the path in ``$GITHUB_STEP_SUMMARY``), the table there."""
    shown: dict[Severity, int] = {"error": 0, "warning": 0, "info": 0}
    left_out: list[tuple[str, Finding]] = []
    for path, finding in ordered(report, infos):
        if shown[finding.severity] < LIMIT:
            shown[finding.severity] += 1
            out.write(command(path, finding, lang) + "\n")
        else:
            left_out.append((path, finding))
    written = summary is not None and write_summary(summary, report, lang)
    if left_out:
        token = secrets.token_hex(16)
        out.write(f"::group::{escape_data(_WORDS['group'](lang).format(count=len(left_out)))}\n")
        out.write(f"::stop-commands::{token}\n")
        out.writelines(_plain(path, finding, lang) + "\n" for path, finding in left_out)
        out.write(f"::{token}::\n::endgroup::\n")
        key = "one_not_shown" if len(left_out) == 1 else "not_shown"
        line = _WORDS[key](lang).format(
            count=len(left_out),
            counts=_counts(left_out, lang),
            limit=LIMIT,
            summary=_WORDS["and_summary"](lang) if written else "",
        )
        out.write(line + "\n")


# --- the step summary ----------------------------------------------------------------------------


def cell(text: str) -> str:
    """Text for one cell of a Markdown table: controls and line breaks shown escaped (``\\n``), and
    ``\\``, ``|``, ``<``, ``>``, ``&`` and ````` ` ````` escaped, so that a value can neither end the
    cell or the row nor become HTML or code."""
    text = printable(text).replace("\\", "\\\\").replace("|", "\\|").replace("`", "\\`")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def summary_rows(report: Report, lang: str) -> Iterable[str]:
    for file in report.files:
        for f in file.findings:
            severity = ui(f"sev.{f.severity}", lang)
            yield (
                f"| {severity} | {f.code} | {cell(file.path)} | {f.line} | {f.column} | {cell(f.message)} "
                f"| {cell(f.hint)} |"
            )


def summary_markdown(report: Report, lang: str, budget: int = SUMMARY_LIMIT) -> str:
    """The step summary: a heading, the summary line and a table of all findings; rows that would
    take it past ``budget`` bytes are left out, and one line says how many."""
    from ki_cli.output.text import summary_line

    head = [_WORDS["heading"](lang), "", summary_line(report, lang), ""]
    total = sum(len(file.findings) for file in report.files)
    if not total:
        return "\n".join(head) + "\n"
    columns = _WORDS["columns"](lang)
    head += [columns, "|" + "---|" * columns.count(" | ") + "---|"]
    text = "\n".join(head) + "\n"
    size, reserve, rows = len(text.encode("utf-8")), 400, []
    for row in summary_rows(report, lang):
        length = len(row.encode("utf-8", "surrogatepass")) + 1
        if size + length + reserve > budget:
            break
        rows.append(row)
        size += length
    text += "".join(row + "\n" for row in rows)
    if len(rows) < total:
        text += "\n" + _WORDS["cut"](lang).format(count=total - len(rows)) + "\n"
    return text + "\n"


def write_summary(path: str, report: Report, lang: str) -> bool:
    """Append the summary to ``path`` (GitHub's ``$GITHUB_STEP_SUMMARY``, shared by the step's
    commands: appended, never replaced). A file that cannot be written is named on standard error;
    the annotations are written all the same. True when it was written."""
    import os

    try:
        try:
            used = os.stat(path).st_size
        except FileNotFoundError:
            used = 0
        text = summary_markdown(report, lang, max(SUMMARY_LIMIT - used, 0))
        with open(path, "a", encoding="utf-8", errors="surrogateescape", newline="\n") as file:
            file.write(text)
    except (OSError, ValueError) as err:
        reason = getattr(err, "strerror", None) or str(err)
        try:
            sys.stderr.write(_WORDS["unwritable"](lang).format(path=printable(path), reason=printable(reason)) + "\n")
        except (OSError, ValueError):
            pass
        return False
    return True

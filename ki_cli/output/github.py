"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub turns each line into an annotation on the file and line of the pull request. Values are
escaped as the Actions toolkit does: ``%``, CR and LF everywhere, and ``:`` and ``,`` inside
the properties too. Before that, the file name, message and hint go through ``printable``: a
line break or escape sequence from a value shows as ``\\n``, ``\\e`` …, so that it can neither
start a workflow command of its own nor colour the log.
"""

from __future__ import annotations

from typing import TextIO

from ki_cli.check.findings import Finding
from ki_cli.check.registry import Severity
from ki_cli.check.report import Report
from ki_cli.output import printable

COMMANDS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message part (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (``file=…``, ``title=…``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(path: str, finding: Finding) -> str:
    """The workflow command for one finding."""
    properties = {
        "file": printable(path),
        "line": finding.line,
        "col": finding.column,
        "endLine": max(finding.end_line, finding.line),
        "endColumn": finding.end_column,
        "title": finding.code,
    }
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    message = printable(finding.message) + (f"\n{printable(finding.hint)}" if finding.hint else "")
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def write(out: TextIO, report: Report) -> None:
    for file in report.files:
        out.writelines(command(file.path, finding) + "\n" for finding in file.findings)

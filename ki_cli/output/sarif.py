"""SARIF 2.1.0: the report for code-scanning tools (GitHub code scanning, IDE viewers).

One run; the tool's driver lists every rule of the registry, and each finding becomes a result
pointing at its file, line and column. Columns count Unicode characters, as ``ki`` does.
A result's message goes through ``printable`` (a value's line breaks and escape sequences shown
as ``\\n``, ``\\e`` …); a file name is a URI with its bytes percent-encoded, undecodable ones too.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from ki_cli import __version__
from ki_cli.check.findings import Finding
from ki_cli.check.registry import RULES, Rule, Severity
from ki_cli.check.report import Report
from ki_cli.output import json_text, printable

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://ki-cli.example/"
"""Where the tool is described; a placeholder until the project has a public home."""

LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A file name as a SARIF URI: relative paths stay relative, absolute ones become file: URIs.

    The name's bytes are percent-encoded as they are on disk (``os.fsencode``), so a name that is
    not UTF-8 (``caf\\xe9.yaml``: ``caf%E9.yaml``) or holds a line break stays one exact URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        from pathlib import Path

        return Path(path).as_uri()
    return quote(os.fsencode(pure.as_posix()), safe="/")


def _rule(rule: Rule, lang: str) -> dict[str, Any]:
    basis = rule.basis(lang)
    explanation = rule.explanation(lang)
    help_text = f"{explanation}\n\n{basis}" if basis else explanation
    return {
        "id": rule.code,
        "name": rule.code,
        "shortDescription": {"text": rule.title(lang)},
        "fullDescription": {"text": explanation},
        "help": {"text": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"basis": basis},
    }


def _result(finding: Finding, uri: str, index: dict[str, int]) -> dict[str, Any]:
    text = printable(f"{finding.message} {finding.hint}".strip())
    region = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": max(finding.end_line, finding.line),
        "endColumn": finding.end_column if finding.end_line > finding.line else max(finding.end_column, finding.column),
    }
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
    }
    if finding.yaml_path:
        result["locations"][0]["logicalLocations"] = [
            {"fullyQualifiedName": printable(finding.yaml_path), "kind": "member"}
        ]
    return result


def to_sarif(report: Report, lang: str) -> dict[str, Any]:
    rules = list(RULES.values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(finding, artifact_uri(file.path), index) for file in report.files for finding in file.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "ki",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "language": lang,
                        "rules": [_rule(rule, lang) for rule in rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def write(out: TextIO, report: Report, lang: str) -> None:
    out.write(json_text(json.dumps(to_sarif(report, lang), ensure_ascii=False, indent=2)) + "\n")

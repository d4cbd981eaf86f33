"""SARIF 2.1.0: the report for code-scanning tools (GitHub code scanning, IDE viewers).

One run; the tool's driver lists every rule of the registry, and each finding becomes a result
pointing at its file, line and column. Columns count Unicode characters, as ``ki`` does.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from ki_cli import __version__
from ki_cli.findings import Finding
from ki_cli.registry import RULES, Rule, Severity
from ki_cli.report import Report

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://ki-cli.example/"
"""Where the tool is described; a placeholder until the project has a public home."""

LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A file name as a SARIF URI: relative paths stay relative, absolute ones become file: URIs."""
    pure = PurePath(path)
    if pure.is_absolute():
        from pathlib import Path

        return Path(path).as_uri()
    return quote(pure.as_posix(), safe="/")


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
    text = f"{finding.message} {finding.hint}".strip()
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
        result["locations"][0]["logicalLocations"] = [{"fullyQualifiedName": finding.yaml_path, "kind": "member"}]
    return result


def to_sarif(report: Report, lang: str) -> dict[str, Any]:
    rules = list(RULES.values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [
        _result(finding, artifact_uri(file.path), index) for file in report.files for finding in file.findings
    ]
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
    json.dump(to_sarif(report, lang), out, ensure_ascii=False, indent=2)
    out.write("\n")

"""The machine report: exactly the JSON shape of ``spec/rules.md``."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ki_cli.report import Report

_FIELDS = ("code", "severity", "message", "hint", "basis", "line", "column", "end_line", "end_column", "yaml_path")


def to_json(report: Report) -> dict[str, Any]:
    return {
        "files": [
            {"path": file.path, "findings": [{k: getattr(f, k) for k in _FIELDS} for f in file.findings]}
            for file in report.files
        ],
        "summary": {
            "files": len(report.files),
            "errors": report.count("error"),
            "warnings": report.count("warning"),
            "infos": report.count("info"),
        },
    }


def write(out: TextIO, report: Report) -> None:
    json.dump(to_json(report), out, ensure_ascii=False, indent=2)
    out.write("\n")

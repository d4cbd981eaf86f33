"""The machine report: exactly the JSON shape of ``spec/rules.md``.

Values stay exact; the characters that are valid raw in JSON but unsafe to print (DEL, C1
controls, U+2028/U+2029, bidi controls, a file name's undecodable bytes) are written as ``\\uXXXX``.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from ki_cli.check.report import Report
from ki_cli.output import json_text

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
    out.write(json_text(json.dumps(to_json(report), ensure_ascii=False, indent=2)) + "\n")

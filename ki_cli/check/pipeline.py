"""The validation pipeline for one file: load → structure → domain rules → findings."""

from __future__ import annotations

from typing import Any

from ki_cli.check.findings import Collector, Finding
from ki_cli.check.gcpause import paused_gc
from ki_cli.check.load import Loaded, load_bytes
from ki_cli.check.report import FileReport, Selection
from ki_cli.check.structure import check_model, check_references


def check_loaded(loaded: Loaded, lang: str, *, domain: bool = True) -> tuple[Any, list[Finding]]:
    """The concept (or None) and all findings of a loaded file.

    ``domain=False`` stops after the structure (KI0xx/KI1xx): what ``ki diff`` needs, whose
    comparison domain findings never stop.
    """
    report = Collector(lang)
    report.extend(loaded.findings)
    if not loaded.ok:
        return None, report.findings
    with paused_gc():
        konzept = check_model(loaded.data, loaded.sourcemap, report)
        check_references(loaded.data, loaded.sourcemap, report)
        if (
            domain
            and konzept is not None
            and not any(f.severity == "error" and f.code.startswith("KI1") for f in report.findings)
        ):
            from ki_cli.check.rules import run_rules

            run_rules(konzept, loaded.sourcemap, report, loaded.text)
    return konzept, report.findings


def check_file(loaded: Loaded, path: str, lang: str, selection: Selection = Selection()) -> FileReport:
    """The report of one loaded file, with the selection applied."""
    _, findings = check_loaded(loaded, lang)
    return FileReport(path=path, findings=selection.apply(findings), text=loaded.text)


def validate_bytes(raw: bytes, path: str, lang: str, selection: Selection = Selection()) -> FileReport:
    """Validate one file's content; never raises on any input."""
    return check_file(load_bytes(raw, lang), path, lang, selection)

"""Findings per file, the selection of codes, and the exit code – decided here only."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ki_cli.check.findings import Finding
from ki_cli.check.registry import RULES, Severity

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


@dataclass
class FileReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    text: str = ""  # the decoded source, for showing the line of a finding

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(f.count(severity) for f in self.files)

    def exit_code(self, strict: bool = False) -> int:
        """0 without errors (and without warnings when strict), else 1."""
        failing: tuple[Severity, ...] = ("error", "warning") if strict else ("error",)
        return EXIT_FINDINGS if any(self.count(s) for s in failing) else EXIT_OK


class Stop(Exception):
    """End a command with exit ``code`` after ``message`` (already in the user's language)."""

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(message)
        self.code, self.message = code, message


def outcome(command: Callable[..., int], *args: Any, **kwargs: Any) -> int:
    """A command's exit code; when it ends with ``Stop``, its message goes to standard error."""
    try:
        return command(*args, **kwargs)
    except Stop as stop:
        if stop.message:
            sys.stderr.write(stop.message + "\n")
            sys.stderr.flush()
        return stop.code


class UnknownCode(ValueError):
    """A code or prefix in --select/--ignore/configuration that matches no rule."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_codes(values: Iterable[str] | None) -> tuple[str, ...]:
    """``["KI3,KI401", "ki5"]`` → ``("KI3", "KI401", "KI5")``; unknown codes raise UnknownCode."""
    codes: list[str] = []
    for value in values or ():
        for part in value.split(","):
            code = part.strip().upper()
            if not code:
                continue
            if not any(rule.startswith(code) for rule in RULES) or not code.startswith("KI"):
                raise UnknownCode(part.strip())
            codes.append(code)
    return tuple(codes)


@dataclass(frozen=True)
class Selection:
    """Which findings are kept, and at which severity."""

    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        kept: list[Finding] = []
        for finding in findings:
            code = finding.code
            if self.select and not any(code.startswith(p) for p in self.select):
                continue
            if any(code.startswith(p) for p in self.ignore):
                continue
            override = self.severity.get(code)
            kept.append(finding.with_severity(override) if override else finding)
        kept.sort(key=lambda f: f.sort_key)
        return kept

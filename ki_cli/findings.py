"""A finding: one problem in one file, with its code, place, message, hint and basis."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from ki_cli.messages import render
from ki_cli.registry import RULES, Severity
from ki_cli.sourcemap import ROOT_SPAN, Span


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    hint: str
    basis: str
    yaml_path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.line, self.column, self.code)


class Reporter:
    """Builds findings in one language from the message catalog.

    Loader, model checks and rules all go through this, so that every text comes from
    ``messages.py`` and every severity and basis from the registry.
    """

    __slots__ = ("lang", "findings")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.findings: list[Finding] = []

    def add(
        self,
        message_key: str,
        span: Span = ROOT_SPAN,
        path: str = "",
        /,
        *,
        severity: Severity | None = None,
        **params: Any,
    ) -> Finding:
        """Add the finding for ``message_key`` (``KI313`` or ``KI004.alias``) at ``span``.

        ``severity`` overrides the registry's default for this one finding (KI405: a warning
        when no post leads, an error when several do).
        """
        code = message_key.split(".", 1)[0]
        rule = RULES[code]
        message, hint = render(message_key, self.lang, params)
        line, column, end_line, end_column = span
        finding = Finding(
            code=code,
            severity=severity or rule.severity,
            message=message,
            hint=hint,
            basis=rule.basis(self.lang),
            yaml_path=path,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
        )
        self.findings.append(finding)
        return finding

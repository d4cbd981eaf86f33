"""A finding: one problem in one file, with its code, place, message, hint and basis."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from ki_cli.check import registry
from ki_cli.check.rules.base import Severity, Text
from ki_cli.check.sourcemap import ROOT_SPAN, Span
from ki_cli.messages import render
from ki_cli.text import L, resolve


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


MAX_FINDINGS = 1000
"""Most findings kept per file; beyond them, one closing finding per code says how many more."""

_RANK = {"error": 0, "warning": 1, "info": 2}

# The closing finding of a code some findings of which were left out (it takes that code).
_MORE = {
    "more": Text(
        message=L(
            "… und {count} weitere Befunde {code} ({title}); je Datei werden die ersten {limit} Befunde gezeigt.",
            "… and {count} more findings {code} ({title}); the first {limit} findings of each file are shown.",
        ),
        hint=L(
            "Beheben Sie zuerst die gezeigten Befunde – viele haben oft dieselbe Ursache – und prüfen Sie dann erneut.",
            "Fix the findings shown first – many often share one cause – then check again.",
        ),
    ),
    "one_more": Text(
        message=L(
            "… und 1 weiterer Befund {code} ({title}); je Datei werden die ersten {limit} Befunde gezeigt.",
            "… and 1 more finding {code} ({title}); the first {limit} findings of each file are shown.",
        ),
        hint=L(
            "Beheben Sie zuerst die gezeigten Befunde und prüfen Sie dann erneut.",
            "Fix the findings shown first, then check again.",
        ),
    ),
}


class Collector:
    """Collects the findings of one file, built in one language from the message catalog.

    Loader, model checks and rules all go through this, so that every text comes from
    ``messages.py`` and every severity and basis from the registry.

    It keeps at most ``MAX_FINDINGS`` findings: a file with millions of problems (14 MB of
    duplicate keys) must not build millions of findings. Each one beyond is only counted, by
    code, and ``findings`` ends with one closing finding per code ("… und 4.000 weitere"), with
    that code, at the first one left out, as severe as the most severe one left out – so that
    ``--select``/``--ignore``, severity overrides and the exit code treat them as they would
    have treated the findings themselves.
    """

    __slots__ = ("_dropped", "_kept", "lang")

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._kept: list[Finding] = []
        # code → [count, most severe severity, span of the first one left out]
        self._dropped: dict[str, list[Any]] = {}

    @property
    def findings(self) -> list[Finding]:
        """The findings so far, closing findings included (a new list once some were left out)."""
        if not self._dropped:
            return self._kept
        return self._kept + [self._closing(code, *entry) for code, entry in self._dropped.items()]

    @property
    def full(self) -> bool:
        """True when a further finding would only be counted: callers may skip preparing its texts."""
        return len(self._kept) >= MAX_FINDINGS

    def extend(self, findings: list[Finding]) -> None:
        """Take over findings another reporter made (already within its own cap)."""
        self._kept.extend(findings)

    def add(
        self,
        message_key: str,
        span: Span = ROOT_SPAN,
        path: str = "",
        /,
        *,
        severity: Severity | None = None,
        always: bool = False,
        **params: Any,
    ) -> Finding | None:
        """Add the finding for ``message_key`` (``KI313`` or ``KI004.alias``) at ``span``.

        ``severity`` overrides the registry's default for this one finding (KI405: a warning
        when no post leads, an error when several do). Beyond ``MAX_FINDINGS`` the finding is
        only counted (and None returned), unless ``always``: the one finding that ends loading
        must be shown whatever came before it.
        """
        code = message_key.split(".", 1)[0]
        rule = registry.RULES[code]
        if len(self._kept) >= MAX_FINDINGS and not always:
            self._drop(code, severity or rule.severity, span, 1)
            return None
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
        self._kept.append(finding)
        return finding

    def _drop(self, code: str, severity: Severity, span: Span, count: int) -> None:
        entry = self._dropped.get(code)
        if entry is None:
            self._dropped[code] = [count, severity, span]
            return
        entry[0] += count
        if _RANK[severity] < _RANK[entry[1]]:
            entry[1] = severity

    def _number(self, count: int) -> str:
        return f"{count:,}".replace(",", ".") if self.lang == "de" else f"{count:,}"

    def _closing(self, code: str, count: int, severity: Severity, span: Span) -> Finding:
        rule = registry.RULES[code]
        text = _MORE["more" if count > 1 else "one_more"]
        params = {"count": self._number(count), "code": code, "title": resolve(rule.title, self.lang)}
        params["limit"] = self._number(MAX_FINDINGS)
        message = text.message(self.lang).format_map(params)
        hint = text.hint(self.lang).format_map(params)
        line, column, end_line, end_column = span
        return Finding(
            code=code,
            severity=severity,
            message=message,
            hint=hint,
            basis=rule.basis(self.lang),
            yaml_path="",
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
        )

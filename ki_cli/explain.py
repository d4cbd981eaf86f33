"""What ``ki rules`` and ``ki explain`` print, from the registry alone."""

from __future__ import annotations

from typing import Any

from ki_cli.i18n import L
from ki_cli.registry import RULES, Rule

_WORDS = {
    "basis": L("Grundlage", "Basis"),
    "fail": L("So nicht (löst {code} aus):", "Not like this (triggers {code}):"),
    "pass": L("Sondern so:", "But like this:"),
    "header": L("Code   Schwere  Titel — Grundlage", "Code   Severity Title — basis"),
}


def rules_json(lang: str) -> list[dict[str, Any]]:
    return [
        {
            "code": r.code,
            "severity": r.severity,
            "title": r.title(lang),
            "basis": r.basis(lang),
            "explanation": r.explanation(lang),
        }
        for r in RULES.values()
    ]


def rules_text(lang: str) -> str:
    lines = [_WORDS["header"](lang)]
    for r in RULES.values():
        lines.append(f"{r.code}  {r.severity:<8} {r.title(lang)} — {r.basis(lang)}")
    return "\n".join(lines)


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.rstrip("\n").splitlines())


def explain_text(rule: Rule, lang: str) -> str:
    parts = [
        f"{rule.code} ({rule.severity}) – {rule.title(lang)}",
        "",
        rule.explanation(lang),
        "",
        f"{_WORDS['basis'](lang)}: {rule.basis(lang)}",
    ]
    if rule.fail_example:
        parts += ["", _WORDS["fail"](lang).format(code=rule.code), _indent(rule.fail_example)]
    if rule.pass_example:
        parts += ["", _WORDS["pass"](lang), _indent(rule.pass_example)]
    return "\n".join(parts)

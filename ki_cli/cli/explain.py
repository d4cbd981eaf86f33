"""What ``ki rules`` and ``ki explain`` print, from the registry alone."""

from __future__ import annotations

from typing import Any

from ki_cli.check.registry import RULES, Rule
from ki_cli.text import L

_WORDS = {
    "basis": L("Grundlage", "Basis"),
    "fail": L("So nicht (löst {code} aus):", "Not like this (triggers {code}):"),
    "fix": L("Beispiel – `-` löst {code} aus, `+` sondern so:", "Example – `-` triggers {code}, `+` fixes it:"),
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


def example_diff(rule: Rule, context: int = 2) -> list[str]:
    """The change from the failing to the passing example, as unified-diff lines without the file header.

    ``@@`` lines say where in the example file the change is; ``-`` lines trigger the rule, ``+``
    lines fix it, and ``context`` unchanged lines stand around each change.
    """
    import difflib

    diff = difflib.unified_diff(rule.fail_example.splitlines(), rule.pass_example.splitlines(), lineterm="", n=context)
    return [line for line in diff if not line.startswith(("---", "+++"))]


def explain_text(rule: Rule, lang: str) -> str:
    parts = [
        f"{rule.code} ({rule.severity}) – {rule.title(lang)}",
        "",
        rule.explanation(lang),
        "",
        f"{_WORDS['basis'](lang)}: {rule.basis(lang)}",
    ]
    if rule.fail_example and rule.pass_example:
        parts += ["", _WORDS["fix"](lang).format(code=rule.code), _indent("\n".join(example_diff(rule)))]
    elif rule.fail_example:
        parts += ["", _WORDS["fail"](lang).format(code=rule.code), _indent(rule.fail_example)]
    return "\n".join(parts)

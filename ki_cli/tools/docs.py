"""``docs/rules.md``, the rule reference, generated from the registry.

    python -m ki_cli.tools.docs docs/rules.md

The page is German (the users' language) with the English title and explanation beside it;
``tests/test_docs.py`` fails when the committed page differs from what this prints.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ki_cli.check.registry import RULES, Rule
from ki_cli.messages import ui

AREAS = {
    "KI0": ("Die Datei selbst", "the file itself"),
    "KI1": ("Struktur", "structure"),
    "KI2": ("Zeitraum und Grundlagen", "period and basis"),
    "KI3": ("Schwerpunkte und Maßnahmen", "priorities and measures"),
    "KI4": ("Personal und Kosten", "staffing and costs"),
    "KI5": ("Partner und Vereinbarungen", "partners and agreements"),
    "KI6": ("Beschlussvorlage", "council proposal"),
    "KI7": ("Jahresbericht (Ist-Werte)", "yearly report (actual values)"),
}

_HEAD = """\
# Regeln von `ki` – Rule reference

Erzeugt aus der Regel-Registry (jede Fachregel steht mit ihren Texten und Beispielen neben ihrer
Prüfung in `ki_cli/check/rules/`, KI0xx am Ende von `ki_cli/check/load.py`, KI1xx am Ende von
`ki_cli/check/structure.py`) mit `python -m ki_cli.tools.docs docs/rules.md`: bitte nicht von Hand
ändern. Dieselben Texte und Beispiele zeigen `ki rules` und `ki explain CODE`, auf Englisch mit `--lang en`.

*Generated from the rule registry; the same texts are shown by `ki rules` and `ki explain CODE`
(`--lang en` for English).*

Schwere / severity: **Fehler** (error: Exit-Code 1), **Warnung** (warning: Exit-Code 1 nur mit
`--strict`), **Hinweis** (info). In `ki.toml` lässt sich die Schwere einer Regel ändern
(`[validate.severity] KI407 = "error"`) oder eine Regel abschalten (`[validate] ignore = ["KI503"]`).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _example(title: str, text: str) -> list[str]:
    return [f"<details><summary>{title}</summary>", "", "```yaml", text.rstrip("\n"), "```", "", "</details>", ""]


def _rule(rule: Rule) -> list[str]:
    severity = ui(f"sev.{rule.severity}", "de")
    lines = [
        f'<a id="{rule.code.lower()}"></a>',
        f"### {rule.code} – {rule.title('de')}",
        "",
        f"*{rule.title('en')}* · **{severity}** ({rule.severity}) · Grundlage: {rule.basis('de')}",
        "",
        rule.explanation("de"),
        "",
        f"*English:* {rule.explanation('en')}",
        "",
    ]
    if rule.fail_example and rule.pass_example:
        lines += _difference(rule)
    elif rule.fail_example:
        lines += _example(f"So nicht (löst {rule.code} aus)", rule.fail_example)
    return lines


def _difference(rule: Rule) -> list[str]:
    """What changes from the failing to the passing example: ``-`` so nicht, ``+`` sondern so."""
    from ki_cli.cli.explain import example_diff

    return [f"Beispiel – `-` löst {rule.code} aus, `+` sondern so:", "", "```diff", *example_diff(rule), "```", ""]


def rules_markdown() -> str:
    """The whole page."""
    lines = [_HEAD, "## Übersicht", "", "| Code | Schwere | Titel | Title |", "|---|---|---|---|"]
    for rule in RULES.values():
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}) | {ui(f'sev.{rule.severity}', 'de')} | "
            f"{_cell(rule.title('de'))} | {_cell(rule.title('en'))} |"
        )
    lines.append("")
    for prefix, (german, english) in AREAS.items():
        rules = [r for r in RULES.values() if r.code.startswith(prefix)]
        if not rules:
            continue
        lines += [f"## {prefix}xx – {german} ({english})", ""]
        for rule in rules:
            lines += _rule(rule)
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = rules_markdown()
    if not args:
        sys.stdout.write(text)
        return 0
    from ki_cli.atomic import write_atomic

    write_atomic(Path(args[0]), text.encode("utf-8"), force=True)  # generated: replacing it is the point
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

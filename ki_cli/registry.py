"""The registry: every rule's code, default severity, title, basis and explanation.

One entry per code of ``spec/rules.md``. ``ki rules`` and ``ki explain`` print from here, the
findings take their severity and basis from here, and ``docs/rules.md`` is generated from here.
The entries themselves are data in ``ki_cli/catalog/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Literal

from ki_cli.i18n import L

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity
    title: L
    basis_text: L
    explanation: L
    fail_example: str = ""
    pass_example: str = ""

    def basis(self, lang: str) -> str:
        return self.basis_text(lang)


def _load() -> dict[str, Rule]:
    from ki_cli.catalog import CATALOG

    return {rule.code: rule for rule in CATALOG}


RULES: dict[str, Rule] = _load()

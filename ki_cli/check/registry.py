"""The registry: every rule's code, default severity, title, basis, explanation and examples.

One entry per code of ``spec/rules.md``. ``ki rules`` and ``ki explain`` print from here, the
findings take their severity and basis from here, SARIF lists it, and ``docs/rules.md`` is
generated from here. It is built from the rule modules: the domain rules (KI2xx–KI6xx) are
declared beside their functions in ``ki_cli/check/rules/``; the file and structure checks (KI0xx/KI1xx)
have their entries in ``ki_cli/check/structure_rules.py``.
"""

from __future__ import annotations

from ki_cli.check.rules.base import SEVERITIES, Rule, Severity


def _load() -> dict[str, Rule]:
    from ki_cli.check.rules import RULES as DOMAIN
    from ki_cli.check.structure_rules import RULES as STRUCTURE

    return {rule.code: rule for rule in (*STRUCTURE, *DOMAIN)}


RULES: dict[str, Rule] = _load()

__all__ = ["RULES", "SEVERITIES", "Rule", "Severity"]

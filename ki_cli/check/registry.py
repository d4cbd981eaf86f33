"""The registry: every rule's code, default severity, title, basis, explanation and examples.

One entry per code of ``spec/rules.md``. ``ki rules`` and ``ki explain`` print from here, the
findings take their severity, basis and texts from here, SARIF lists it, and ``docs/rules.md`` is
generated from here. It is collected from the modules that find the rules, where each is declared
once with its texts and examples: KI0xx at the end of ``ki_cli/check/load.py``, KI1xx at the end of
``ki_cli/check/structure.py``, the domain rules (KI2xx–KI6xx) beside their functions in
``ki_cli/check/rules/``.

``RULES`` is built on first use (PEP 562): the loader and the structure check report through
``ki_cli.check.findings``, which looks their rules up here, so the registry cannot import them
while they are being imported.
"""

from __future__ import annotations

from ki_cli.check.rules.base import SEVERITIES, Rule, Severity

RULES: dict[str, Rule]


def _collect() -> dict[str, Rule]:
    from ki_cli.check import load, structure
    from ki_cli.check.rules import RULES as DOMAIN

    rules = sorted((*load.RULES, *structure.RULES, *DOMAIN), key=lambda rule: rule.code)  # KI007 is a domain rule
    return {rule.code: rule for rule in rules}


def __getattr__(name: str) -> object:
    if name == "RULES":
        rules = globals()["RULES"] = _collect()
        return rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["RULES", "SEVERITIES", "Rule", "Severity"]

"""Domain rules KI2xx–KI6xx: one area per module, each rule declared beside the function that finds it.

* ``placeholders`` KI007 (the starting file's placeholders),
  ``period`` KI2xx, ``priorities`` KI3xx, ``staffing`` KI4xx, ``partners`` KI5xx, ``proposal`` KI6xx,
  ``report`` KI7xx:
  each rule is a generator decorated with ``@rule`` (``ki_cli.check.rules.base``), which carries its
  code, severity, title, basis, explanation, message and hint texts and its failing example.
* ``RULES`` is every rule of these modules, in the order they are declared (by code);
  ``ki_cli.check.registry`` adds the KI0xx/KI1xx entries, ``ki_cli.messages`` takes the texts from here.
* ``run_rules`` runs them on a validated concept and turns their hits into findings.

Adding a rule: write the decorated function in its area module, and a test in ``tests/test_rules.py``.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ki_cli.check.rules import partners, period, placeholders, priorities, proposal, report, staffing
from ki_cli.check.rules.base import Hit, Rule, context

if TYPE_CHECKING:
    from ki_cli.check.findings import Collector
    from ki_cli.check.sourcemap import SourceMap
    from ki_cli.format.model import Konzept

AREAS: tuple[ModuleType, ...] = (placeholders, period, priorities, staffing, partners, proposal, report)


def _declared(module: ModuleType) -> list[Rule]:
    return [value for value in vars(module).values() if isinstance(value, Rule)]


RULES: tuple[Rule, ...] = tuple(rule for area in AREAS for rule in _declared(area))


def hits(konzept: Konzept, sourcemap: SourceMap, text: str = "") -> Iterator[tuple[Rule, Hit]]:
    """Every hit of every domain rule on ``konzept`` (read from ``text``, when given), rule by rule."""
    ctx = context(konzept, sourcemap, text)
    for rule in RULES:
        assert rule.check is not None
        for found in rule.check(ctx):
            yield rule, found


def run_rules(konzept: Konzept, sourcemap: SourceMap, report: Collector, text: str = "") -> None:
    """Run every domain rule on ``konzept`` and report its hits as findings."""
    for rule, found in hits(konzept, sourcemap, text):
        span = sourcemap.key_span(found.path) if found.at == "key" else sourcemap.value_span(found.path)
        params: dict[str, Any] = dict(found.params)
        report.add(rule.key(found.variant), span, found.path, severity=found.severity, **params)


__all__ = ["AREAS", "RULES", "hits", "run_rules"]

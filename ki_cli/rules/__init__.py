"""Domain rules (KI2xx–KI6xx): small functions over a validated concept, one area per module.

Each rule takes a ``Context`` (the concept, its rule pack, an index of ids built once, and the
reporter with the source map) and reports findings at the YAML path of the value it concerns.
Codes, severities, titles and bases live in the registry (``ki_cli/catalog``), message texts
in ``ki_cli/messages/domain.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ki_cli.findings import Reporter
from ki_cli.i18n import L
from ki_cli.rulepacks import RulePack, load_pack
from ki_cli.sourcemap import SourceMap, join

if TYPE_CHECKING:  # the rules get fastcheck's records, which have the models' attributes
    from ki_cli.model import Konzept, Massnahme, Schwerpunkt, Vereinbarung


@dataclass
class Context:
    konzept: Konzept
    pack: RulePack | None
    sourcemap: SourceMap
    report: Reporter
    partner: dict[str, Any] = field(default_factory=dict)
    vereinbarungen: dict[str, Vereinbarung] = field(default_factory=dict)
    vereinbarung_paths: dict[str, str] = field(default_factory=dict)
    goal_owner: dict[str, str] = field(default_factory=dict)  # goal id → Schwerpunkt id
    measures: list[tuple[str, Schwerpunkt, Massnahme]] = field(default_factory=list)  # (path, sp, m)

    def add(self, key: str, path: str, *, at: str = "value", severity: Any = None, **params: Any) -> None:
        """Report ``key`` at the value (or the key) of ``path``."""
        span = self.sourcemap.key_span(path) if at == "key" else self.sourcemap.value_span(path)
        self.report.add(key, span, path, severity=severity, **params)

    def measure_dates(self, m: Massnahme) -> tuple[dt.date, dt.date]:
        periode = self.konzept.periode
        return m.beginn or periode.beginn, m.ende or periode.ende


def context(konzept: Konzept, sourcemap: SourceMap, report: Reporter) -> Context:
    """Index every id once, so that each rule is a single pass."""
    ctx = Context(konzept, load_pack(konzept.grundlagen.foerderrichtlinie), sourcemap, report)
    ctx.partner = {p.id: p for p in konzept.partner}
    for index, v in enumerate(konzept.vereinbarungen):
        ctx.vereinbarungen.setdefault(v.id, v)
        ctx.vereinbarung_paths.setdefault(v.id, f"vereinbarungen[{index}]")
    for i, sp in enumerate(konzept.schwerpunkte):
        for goal in sp.ziele:
            ctx.goal_owner.setdefault(goal.id, sp.id)
        for j, m in enumerate(sp.massnahmen):
            ctx.measures.append((f"schwerpunkte[{i}].massnahmen[{j}]", sp, m))
    return ctx


Rule = Callable[[Context], None]


def _all_rules() -> tuple[Rule, ...]:
    from ki_cli.rules import partners, period, priorities, proposal, staffing

    return (*period.RULES, *priorities.RULES, *staffing.RULES, *partners.RULES, *proposal.RULES)


def run_rules(konzept: Konzept, sourcemap: SourceMap, report: Reporter) -> None:
    """Run every domain rule on ``konzept``."""
    ctx = context(konzept, sourcemap, report)
    for rule in _all_rules():
        rule(ctx)


# --- formatting of values inside messages --------------------------------------------------------


def num(value: float) -> L:
    """A VZE or count: ``5,5`` in German, ``5.5`` in English."""
    text = f"{round(value, 3):.3f}".rstrip("0")
    text = text + "0" if text.endswith(".") else text
    return L(text.replace(".", ","), text)


def euro(value: float) -> L:
    whole = f"{value:,.0f}"
    return L(whole.replace(",", ".") + "\u00a0€", "€" + whole)


def date(value: dt.date) -> L:
    return L(value.strftime("%d.%m.%Y"), value.isoformat())


def words(items: list[str]) -> str:
    return ", ".join(items)


__all__ = ["Context", "date", "euro", "join", "num", "run_rules", "words"]

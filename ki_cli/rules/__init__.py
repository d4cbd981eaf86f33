"""Domain rules (KI2xx–KI6xx): plain functions over a validated concept."""

from __future__ import annotations

from typing import Any

from ki_cli.findings import Reporter
from ki_cli.sourcemap import SourceMap


def run_rules(konzept: Any, sourcemap: SourceMap, report: Reporter) -> None:
    """Run every registered domain rule on ``konzept``."""
    return None

"""The rule catalogue as data: one tuple of ``Rule`` entries per area."""

from __future__ import annotations

from ki_cli.catalog.domain import RULES as DOMAIN
from ki_cli.catalog.structure import RULES as STRUCTURE
from ki_cli.registry import Rule

CATALOG: tuple[Rule, ...] = STRUCTURE + DOMAIN

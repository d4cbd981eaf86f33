"""Behaviour of the format's sections beyond their fields, written once.

Mixed into the Pydantic models (``model``) and into the light records generated from them
(``coreschema``), so that rules and render see the same properties and methods on both.
"""

from __future__ import annotations

from typing import Any


class StelleBehaviour:
    __slots__ = ()
    # no annotations here: Pydantic would take them for fields

    @property
    def vakant(self) -> bool:
        return not (self.besetzt_durch or "").strip()  # type: ignore[attr-defined]


class KonzeptBehaviour:
    __slots__ = ()

    def massnahmen(self) -> list[tuple[Any, Any]]:
        """Every measure with the Schwerpunkt it belongs to, in file order."""
        return [(sp, m) for sp in self.schwerpunkte for m in sp.massnahmen]  # type: ignore[attr-defined]

"""Light records of the format's sections: what ``fastcheck`` returns instead of Pydantic models.

One class per section of ``formatspec``, with ``__slots__`` named by the YAML keys, the
converted values (str, float, int, bool, date, lists, dicts, records) and the defaults Pydantic
gives (a fresh ``[]``, ``None``, ``True``). Behaviour beyond fields (``Stelle.vakant``,
``Konzept.massnahmen()``) comes from the mixins in ``behaviour``, shared with the models, so
rules and render work on either.
"""

from __future__ import annotations

import copy
from typing import Any

from ki_cli import behaviour
from ki_cli.formatspec import SECTIONS

_MISSING = object()


class Record:
    """Base of all records: keyword construction with defaults, equality and repr by fields."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}

    def __init__(self, **values: Any) -> None:
        for name in self._fields:
            value = values.pop(name, _MISSING)
            if value is _MISSING:
                default = self._defaults.get(name, _MISSING)
                if default is _MISSING:
                    raise TypeError(f"{type(self).__name__}: {name} is required")
                value = copy.copy(default)
            object.__setattr__(self, name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: no field {', '.join(values)}")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._fields)

    __hash__ = None  # type: ignore[assignment]  # like Pydantic's models: equal by value, unhashable

    def fields(self) -> dict[str, Any]:
        """The record's fields and values, in the format's order (not converted further)."""
        return {name: getattr(self, name) for name in self._fields}

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"


def _record_class(name: str, section: dict[str, Any]) -> type[Record]:
    fields = tuple(section["fields"])
    defaults = {key: entry["default"] for key, entry in section["fields"].items() if "default" in entry}
    bases = tuple(getattr(behaviour, mixin) for mixin in section["behaviour"]) + (Record,)
    return type(name, bases, {"__slots__": fields, "_fields": fields, "_defaults": defaults,
                              "__module__": __name__, "__doc__": f"Section {name} of the concept format."})


CLASSES: dict[str, type[Record]] = {name: _record_class(name, section) for name, section in SECTIONS.items()}


def __getattr__(name: str) -> type[Record]:
    try:
        return CLASSES[name]
    except KeyError:
        raise AttributeError(name) from None

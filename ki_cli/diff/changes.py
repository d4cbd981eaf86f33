"""Compare two concepts: entries matched by id, never by position → a ``ChangeSet``.

What is compared, and how (the choices the format leaves open):

* ``kommune``, ``zentrum``, ``periode``, ``grundlagen`` and ``vorlage`` are mappings: one
  change per changed key, nested keys dotted (``integrationskonzept.beschlossen_am``), ``id`` is
  None. A ``vorlage`` that appears or disappears as a whole is one ``added``/``removed`` change.
* Every list that has ids is matched by id, wherever its entries sit: ``schwerpunkte``,
  ``massnahmen`` and ``ziele`` (goals are their own section, like measures: they carry ids of
  the file's one namespace), ``personal``, ``partner``, ``vereinbarungen``. A list without ids
  (``sachkosten``) is matched by its entries' first field (``posten``); ``foerderung`` by budget year
  and programme together (``2027/ki``), since one year has a grant of each programme. A measure or goal that
  moved to another Schwerpunkt is *changed*: its field ``schwerpunkt`` names the old and the new Schwerpunkt id.
* A Schwerpunkt's own entry leaves out its ``massnahmen`` and ``ziele`` (they are reported in
  their own sections), so nothing is reported twice.
* Lists without ids inside an entry or section (``beteiligt``, ``aspekte``, a measure's
  ``ziele``, ``grundlagen.beschluesse``, ``vorlage.beteiligt``, ``vorlage.beratungsfolge``) are
  one field; their order does not count. ``einsatz`` is one field whose values are mappings.
* Absent optional values and their defaults are the same thing (``beteiligt`` absent = ``[]``),
  an empty text is no text, and texts that differ only in spacing or line breaks (a folded
  ``>`` block against one line) are the same.

The sections and how each is compared follow from the format (``records.section``: the model's
fields and their kinds), so a section added to the model is compared without a change here.
The cost is linear: every list is indexed by its key once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ki_cli.format import records
from ki_cli.format.records import Record


def _walk() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """The sections a change can belong to, from the format: (all in report order, the mappings
    that are always there, the lists, the lists of a list's entries reported as their own sections)."""
    order: list[str] = []
    mappings: list[str] = []
    lists: list[str] = []
    nested: set[str] = set()
    for top in records.section(records.ROOT):
        kind = top.kind
        if kind.name == "version":
            continue
        order.append(top.key)
        if kind.name == "section" and top.required:
            mappings.append(top.key)
        elif kind.name == "list" and kind.section is not None:
            lists.append(top.key)
            if _has_id(kind.section):  # lists with ids inside its entries are sections of their own
                for inner in records.section(kind.section):
                    if inner.kind.name == "list" and inner.kind.section is not None and _has_id(inner.kind.section):
                        order.append(inner.key)
                        lists.append(inner.key)
                        nested.add(inner.key)
    return tuple(order), tuple(mappings), tuple(lists), frozenset(nested)


def _has_id(section: str) -> bool:
    return any(f.key == "id" for f in records.section(section))


SECTIONS, MAPPING_SECTIONS, LIST_SECTIONS, _NESTED_OUT = _walk()
"""Every section a change can belong to, in the order reports show them (derived from the model)."""

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    """One difference: an entry added or removed, or one field of it changed.

    ``old``/``new`` are plain values (str, float, bool, date, list, dict, None); for an added
    or removed entry the whole entry as a mapping.
    """

    section: str
    id: str | None
    kind: str
    field: str | None = None
    old: Any = None
    new: Any = None

    def mirrored(self) -> Change:
        """The same change seen from the other side (added ↔ removed, old ↔ new)."""
        kind = {ADDED: REMOVED, REMOVED: ADDED}.get(self.kind, self.kind)
        return Change(self.section, self.id, kind, self.field, self.new, self.old)


@dataclass
class ChangeSet:
    """All changes from ``old`` to ``new`` (both validated concepts), in report order."""

    old: Any
    new: Any
    changes: list[Change] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def of(self, section: str, kind: str | None = None) -> list[Change]:
        return [c for c in self.changes if c.section == section and (kind is None or c.kind == kind)]


# --- plain values ------------------------------------------------------------------------------


def plain(value: Any) -> Any:
    """A model value as plain data: models as mappings (every field), lists as lists.

    Only values that are records themselves (or lists of them) need converting, so most entries
    cost one dict.
    """
    if isinstance(value, Record):
        out = value.fields()
        for name, item in out.items():
            if isinstance(item, Record) or (isinstance(item, list) and item and isinstance(item[0], Record)):
                out[name] = plain(item)
        return out
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def compact(value: Any) -> Any:
    """A whole entry as shown: without absent values and empty lists or mappings."""
    if isinstance(value, dict):
        return {k: compact(v) for k, v in value.items() if v is not None and v != [] and v != {}}
    return value


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def same(a: Any, b: Any) -> bool:
    """Equal as the format means it: lists without ids are compared regardless of order."""
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return False
        if a == b:
            return True
        return sorted(map(_canonical, a)) == sorted(map(_canonical, b))
    if isinstance(a, str) and isinstance(b, str):  # prose: line breaks and spacing carry no meaning
        return a == b or a.split() == b.split()
    if a in (None, "") and b in (None, ""):  # an empty text is no text (``besetzt_durch: ""``)
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b)


# --- comparing -----------------------------------------------------------------------------------


def _mapping_changes(
    section: str, ident: str | None, old: dict[str, Any], new: dict[str, Any], prefix: str = ""
) -> Iterator[Change]:
    """Changed keys of two plain mappings; nested mappings (not ``einsatz``) dotted."""
    for key in _keys(old, new):
        a, b = old.get(key), new.get(key)
        name = f"{prefix}{key}"
        if isinstance(a, dict) and isinstance(b, dict) and key != "einsatz":
            yield from _mapping_changes(section, ident, a, b, f"{name}.")
        elif not same(a, b):
            yield Change(section, ident, CHANGED, name, a, b)


def _keys(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    keys = list(old)
    keys.extend(k for k in new if k not in old)
    return keys


Entry = tuple[str, dict[str, Any]]


def _match(section: str, old: Iterable[Entry], new: Iterable[Entry]) -> Iterator[Change]:
    """Entries keyed by id: changed and added in the new file's order, then removed ones."""
    before = dict(old)
    seen: set[str] = set()
    for key, entry in new:
        seen.add(key)
        previous = before.get(key)
        if previous is None:
            yield Change(section, key, ADDED, None, None, compact(entry))
        elif previous != entry:  # equal mappings (the usual case) need no look at each field
            yield from _mapping_changes(section, key, previous, entry)
    for key, entry in before.items():
        if key not in seen:
            yield Change(section, key, REMOVED, None, compact(entry), None)


def _with_nested(attribute: str) -> Callable[[Any], list[Entry]]:
    """Entries of a list by id, without the lists of their own that are reported as sections."""

    def entries(k: Any) -> list[Entry]:
        return [
            (item.id, {n: plain(v) for n, v in item.fields().items() if n not in _NESTED_OUT})
            for item in getattr(k, attribute)
        ]

    return entries


def _nested(owner: str, section: str, attribute: str) -> Callable[[Any], list[Entry]]:
    """Entries of the lists inside the entries of ``owner``, by id, with the id of their owner
    under the owner's section name (``schwerpunkt``)."""
    name = section.lower()

    def entries(k: Any) -> list[Entry]:
        return [
            (item.id, {name: entry.id, **plain(item)})
            for entry in getattr(k, owner)
            for item in getattr(entry, attribute)
        ]

    return entries


def _by_id(attribute: str) -> Callable[[Any], list[Entry]]:
    def entries(k: Any) -> list[Entry]:
        return [(item.id, plain(item)) for item in getattr(k, attribute)]

    return entries


KEY_FIELDS: dict[str, tuple[str, ...]] = {"foerderung": ("jahr", "programm")}
"""The fields that key the entries of a list without ids, where the first field alone does not."""


def _by_first_field(attribute: str) -> Callable[[Any], list[Entry]]:
    """Keyed by the entries' first field (``posten``), or by ``KEY_FIELDS`` joined with ``/``; a
    repeated key gets its place as a suffix (``Büro #2``)."""
    keys = KEY_FIELDS.get(attribute)

    def entries(k: Any) -> list[Entry]:
        counts: dict[str, int] = {}
        out: list[Entry] = []
        for item in getattr(k, attribute):
            fields = keys or item._fields[:1]
            first = "/".join(str(getattr(item, name)) for name in fields)
            counts[first] = counts.get(first, 0) + 1
            out.append((first if counts[first] == 1 else f"{first} #{counts[first]}", plain(item)))
        return out

    return entries


def _lists() -> dict[str, Callable[[Any], list[Entry]]]:
    """How the entries of each list section are found and keyed."""
    found: dict[str, Callable[[Any], list[Entry]]] = {}
    for top in records.section(records.ROOT):
        section = top.kind.section
        if top.key not in LIST_SECTIONS or section is None:
            continue
        if not _has_id(section):
            found[top.key] = _by_first_field(top.key)
            continue
        inner = [f.key for f in records.section(section) if f.key in _NESTED_OUT]
        found[top.key] = _with_nested(top.key) if inner else _by_id(top.key)
        found.update((key, _nested(top.key, section, key)) for key in inner)
    return found


_LISTS = _lists()


def compare(old: Any, new: Any) -> ChangeSet:
    """Every change from concept ``old`` to concept ``new`` (both validated ``Konzept``s)."""
    changes: list[Change] = []
    for section in SECTIONS:
        if section in MAPPING_SECTIONS:
            changes.extend(_mapping_changes(section, None, plain(getattr(old, section)), plain(getattr(new, section))))
        elif section in _LISTS:
            entries = _LISTS[section]
            changes.extend(_match(section, entries(old), entries(new)))
        else:  # an optional section (vorlage), optional as a whole; or a single value
            a, b = getattr(old, section), getattr(new, section)
            if not isinstance(a, (Record, type(None))) or not isinstance(b, (Record, type(None))):
                if not same(a, b):
                    changes.append(Change(section, None, CHANGED, section, a, b))
                continue
            if a is None and b is not None:
                changes.append(Change(section, None, ADDED, None, None, compact(plain(b))))
            elif a is not None and b is None:
                changes.append(Change(section, None, REMOVED, None, compact(plain(a)), None))
            elif a is not None and b is not None:
                changes.extend(_mapping_changes(section, None, plain(a), plain(b)))
    return ChangeSet(old, new, changes)


def jsonable(value: Any) -> Any:
    """A plain value for JSON: dates as ISO text, whole floats as integers."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value

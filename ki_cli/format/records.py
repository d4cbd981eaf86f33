"""The concept format at run time, without Pydantic: validation, records, and what the format says.

``ki_cli/format/model.py`` (Pydantic) is the one definition of the format. ``ki_cli/format/coreschema.py`` is
generated from it (``python -m ki_cli.tools.gen_format``): the models' own core schema as
plain data, whose validators are the functions of ``converters`` and whose sections are the
light record classes below instead of the models. ``validate`` runs that schema with
``pydantic_core.SchemaValidator`` – the engine Pydantic itself runs – so the errors are
Pydantic's own, in its shape and order, and ``ki validate`` never imports Pydantic.

The questions the rest of the program asks about the format (which keys a section allows, what
kind of value a field takes, which sections a concept has) are answered from the same schema,
never from a list kept by hand.
"""

from __future__ import annotations

import copy
import sys
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple, cast

if TYPE_CHECKING:
    from pydantic_core import SchemaValidator

ROOT = "Konzept"
"""The section a concept file is."""

_MISSING = object()


class Record:
    """Base of the records of the format's sections (generated in ``coreschema``).

    The validator fills ``__dict__`` with the converted values, in the format's order, and sets
    the three attributes Pydantic's models carry (kept out of ``__dict__`` by the slots).
    Keyword construction gives the models' defaults (a fresh ``[]``); equality is by fields.
    """

    __slots__ = ("__dict__", "__pydantic_extra__", "__pydantic_fields_set__", "__pydantic_private__")
    _fields: ClassVar[tuple[str, ...]] = ()
    _defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, **values: Any) -> None:
        for name in self._fields:
            value = values.pop(name, _MISSING)
            if value is _MISSING:
                default = self._defaults.get(name, _MISSING)
                if default is _MISSING:
                    raise TypeError(f"{type(self).__name__}: {name} is required")
                value = copy.copy(default)
            self.__dict__[name] = value
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


# --- validation ----------------------------------------------------------------------------------

_EXTENSION = "pydantic_core._pydantic_core"


@cache
def core() -> ModuleType:
    """pydantic_core's compiled extension: ``SchemaValidator``, ``ValidationError``, ``PydanticCustomError``.

    ``import pydantic_core`` also runs the package's typing module (``core_schema``), which only
    building schemas needs – about a third of ``ki validate``'s own start-up. Validation needs
    the compiled extension alone, so it is loaded by itself, under its own name: a later
    ``import pydantic_core`` (Pydantic, for ``ki schema``) then uses this very module, and there
    is one extension in the process. Where the extension is not a file next to the package, the
    plain import.
    """
    if _EXTENSION in sys.modules:
        return sys.modules[_EXTENSION]
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader, PathFinder
    from importlib.util import module_from_spec, spec_from_file_location
    from pathlib import Path

    package = PathFinder.find_spec("pydantic_core")  # found, not run
    folders = list(package.submodule_search_locations or []) if package is not None else []
    found = [
        path
        for folder in folders
        for suffix in EXTENSION_SUFFIXES
        if (path := Path(folder) / f"_pydantic_core{suffix}").is_file()
    ]
    if not found:
        import pydantic_core._pydantic_core as extension

        return extension
    loader = ExtensionFileLoader(_EXTENSION, str(found[0]))
    spec = spec_from_file_location(_EXTENSION, found[0], loader=loader)
    if spec is None:  # pragma: no cover - a file location always gives a spec
        raise ImportError(_EXTENSION)
    module = module_from_spec(spec)
    sys.modules[_EXTENSION] = module
    loader.exec_module(module)
    return module


@cache
def _validator() -> SchemaValidator:
    from ki_cli.format.coreschema import SCHEMA

    return core().SchemaValidator(SCHEMA)  # type: ignore[no-any-return]


def validate(data: Any) -> tuple[Any, list[dict[str, Any]]]:
    """The concept's record and no errors, or None and Pydantic's errors (``errors()``, no URLs)."""
    try:
        return _validator().validate_python(data), []
    except core().ValidationError as exc:
        return None, cast("list[dict[str, Any]]", exc.errors(include_url=False))


# --- what the format says about its fields ---------------------------------------------------------


class Kind(NamedTuple):
    """What a field takes, read from its core schema.

    ``name`` is one of ``text``, ``id``, ``number``, ``date``, ``yesno``, ``vocab``, ``version``,
    ``section``, ``mapping``, ``list``; ``section`` names the section the field holds (itself, as
    a list's entries or as a mapping's values); ``values`` are a vocabulary's words; ``item`` is
    the kind of a list's entries.
    """

    name: str
    section: str | None = None
    values: tuple[str, ...] = ()
    item: Kind | None = None


class Field(NamedTuple):
    """One field of a section: its key, whether it must be given, and its kind."""

    key: str
    required: bool
    kind: Kind


# validators that only convert (no kind of their own) and those that mark a kind
_KIND_OF_CHECK = {"check_id": "id", "check_version": "version"}


def _kind(schema: dict[str, Any], marks: frozenset[str] = frozenset()) -> Kind:
    kind = schema["type"]
    if kind in ("default", "nullable", "model-field"):
        return _kind(schema["schema"], marks)
    if kind.startswith("function-"):
        name = getattr(schema["function"]["function"], "__name__", "")
        return _kind(schema["schema"], marks | {name}) if "schema" in schema else Kind("text")
    if kind == "model":
        return Kind("section", schema["cls"].__name__)
    if kind == "list":
        item = _kind(schema["items_schema"])
        return Kind("list", item.section, item.values, item)
    if kind == "dict":
        values = _kind(schema["values_schema"])
        return Kind("mapping", values.section)
    if kind == "literal":
        return Kind("vocab", values=tuple(str(v) for v in schema["expected"]))
    for mark, name in _KIND_OF_CHECK.items():
        if mark in marks:
            return Kind(name)
    return Kind({"float": "number", "int": "number", "date": "date", "bool": "yesno"}.get(kind, "text"))


@cache
def _models() -> dict[str, dict[str, Any]]:
    """Every section's ``model-fields`` schema by name."""
    from ki_cli.format.coreschema import SCHEMA

    found: dict[str, dict[str, Any]] = {}
    stack = [SCHEMA]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if node.get("type") == "model":
                found.setdefault(node["cls"].__name__, node["schema"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


@cache
def section(name: str) -> tuple[Field, ...]:
    """The fields of section ``name`` in the format's order (KeyError for no such section)."""
    fields = _models()[name]["fields"]
    return tuple(Field(key, fields[key]["schema"]["type"] != "default", _kind(fields[key])) for key in fields)


def section_at(loc: tuple[Any, ...]) -> str | None:
    """The section at location ``loc`` of a concept (keys and list indexes), or None."""
    name: str | None = ROOT
    for part in loc:
        if name is None:
            return None
        if isinstance(part, int):
            continue
        field = next((f for f in section(name) if f.key == part), None)
        if field is None or field.kind.section is None:
            return None
        if field.kind.name == "mapping":
            return None  # a mapping of values (``einsatz``): its keys are free
        name = field.kind.section
    return name


def allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    """The keys the section at ``loc`` allows ([] where ``loc`` is no section)."""
    name = section_at(loc)
    return [f.key for f in section(name)] if name is not None else []


def field_at(loc: tuple[Any, ...]) -> Field | None:
    """The field a location ends in (``("schwerpunkte", 0, "titel")``), or None."""
    keys = [i for i, part in enumerate(loc) if not isinstance(part, int)]
    if not keys:
        return None
    name = section_at(loc[: keys[-1]])
    if name is None:
        return None
    return next((f for f in section(name) if f.key == loc[keys[-1]]), None)


def __getattr__(name: str) -> type[Record]:
    """``records.Vorlage`` and the other record classes of ``coreschema``."""
    from ki_cli.format import coreschema

    cls = getattr(coreschema, name, None)
    if isinstance(cls, type) and issubclass(cls, Record):
        return cls
    raise AttributeError(name)

"""Validate loaded data against the format table, without Pydantic.

``validate(data)`` walks the data with ``formatspec`` (generated from the Pydantic models) and
returns the record of the concept (``records``) or None, and the errors as dicts of exactly
the shape Pydantic's ``ValidationError.errors()`` gives – ``type``, ``loc``, ``msg``,
``input`` and ``ctx`` where Pydantic has one – in Pydantic's order: a section's fields in
declaration order (each with everything below it), then its unknown keys in file order. The
structure check turns these into findings KI101–KI105 exactly as before.

Each field type of the table is compiled once, at import, into a small function. A function
returns the converted value or raises ``_Invalid`` with the errors found below it; a section
or list adds its key or index to their locations on the way up, so locations are only built
for errors. Pydantic's lax base types are reproduced for the inputs they get here: text and
numbers behind the converters of ``converters``, and lax integers for ``version``.

tests/test_fastcheck.py compares this with Pydantic on the example concepts and on many
mutated ones (error lists and converted values).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any, NoReturn

from ki_cli import converters
from ki_cli.converters import FormatError
from ki_cli.formatspec import ROOT, SECTIONS
from ki_cli.records import CLASSES

Check = Callable[[Any], Any]

_MESSAGES = {
    "missing": "Field required",
    "extra_forbidden": "Extra inputs are not permitted",
    "string_type": "Input should be a valid string",
    "float_type": "Input should be a valid number",
    "bool_type": "Input should be a valid boolean",
    "date_type": "Input should be a valid date",
    "int_type": "Input should be a valid integer",
    "int_parsing": "Input should be a valid integer, unable to parse string as an integer",
    "int_parsing_size": "Unable to parse input string as an integer, exceeded maximum size",
    "int_from_float": "Input should be a valid integer, got a number with a fractional part",
    "finite_number": "Input should be a finite number",
    "list_type": "Input should be a valid list",
    "dict_type": "Input should be a valid dictionary",
    "model_type": "Input should be a valid dictionary or instance of {class_name}",
    "literal_error": "Input should be {expected}",
    "too_short": "{field_type} should have at least {min_length} item{plural} after validation, not {actual_length}",
    "greater_than": "Input should be greater than {gt}",
    "greater_than_equal": "Input should be greater than or equal to {ge}",
    "less_than": "Input should be less than {lt}",
    "less_than_equal": "Input should be less than or equal to {le}",
    "value_error": "Value error, {error}",
}
_BOUND_ERRORS = {"gt": ("greater_than", lambda v, b: v > b), "ge": ("greater_than_equal", lambda v, b: v >= b),
                 "lt": ("less_than", lambda v, b: v < b), "le": ("less_than_equal", lambda v, b: v <= b)}


class _Error:
    """One error; ``rloc`` is its location backwards (innermost first) until it is reported."""

    __slots__ = ("rloc", "type", "input", "ctx", "msg")

    def __init__(self, type: str, input: Any, ctx: dict[str, Any] | None, msg: str | None) -> None:  # noqa: A002
        self.rloc: list[Any] = []
        self.type = type
        self.input = input
        self.ctx = ctx
        self.msg = msg

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "loc": tuple(reversed(self.rloc)), "msg": self.message(),
                               "input": self.input}
        if self.ctx is not None:
            out["ctx"] = self.ctx
        return out

    def message(self) -> str:
        if self.msg is not None:
            return self.msg
        ctx = dict(self.ctx or {})
        if self.type == "too_short":
            ctx["plural"] = "" if ctx.get("min_length") == 1 else "s"
        return _MESSAGES.get(self.type, self.type).format(**ctx)


class _Invalid(Exception):
    __slots__ = ("errors",)

    def __init__(self, errors: list[_Error]) -> None:
        self.errors = errors


def _fail(type: str, input: Any, ctx: dict[str, Any] | None = None, msg: str | None = None) -> NoReturn:  # noqa: A002
    raise _Invalid([_Error(type, input, ctx, msg)])


def _converter(name: str) -> Callable[[Any], Any]:
    return getattr(converters, name)  # type: ignore[no-any-return]


def _custom(exc: FormatError) -> str:
    return exc.message.format(**exc.ctx) if exc.ctx else exc.message


# --- base types ------------------------------------------------------------------------------


def _str(value: Any) -> str:
    if isinstance(value, str):
        return value if type(value) is str else str.__str__(value)
    _fail("string_type", value)


def _float(value: Any) -> float:
    if type(value) is float:
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    _fail("float_type", value)


def _bool(value: Any) -> bool:
    if value is True or value is False:
        return value  # type: ignore[no-any-return]
    _fail("bool_type", value)


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    _fail("date_type", value)


# Rust's str::trim (Unicode White_Space), which Pydantic uses before parsing an integer
_RUST_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_I64 = 2.0**63
_LAX_INT = re.compile(r"[+-]?[0-9](?:_?[0-9])*(?:\.0+)?", re.ASCII)


def _int(value: Any) -> int:
    """Pydantic's lax integer: bools, whole floats, and decimal text (``" 1 "``, ``1_0``, ``1.0``)."""
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            _fail("finite_number", value)
        if value % 1:
            _fail("int_from_float", value)
        if not -_I64 < value < _I64:
            _fail("int_parsing_size", value)  # Pydantic converts floats within i64 only
        return int(value)
    if isinstance(value, str):
        if len(value) > 4300:
            _fail("int_parsing_size", value)
        text = value.strip(_RUST_SPACE)
        if _LAX_INT.fullmatch(text):
            return int(text.split(".")[0])
        _fail("int_parsing", value)
    _fail("int_type", value)


_BASES: dict[str, Check] = {"str": _str, "float": _float, "bool": _bool, "date": _date, "int": _int}


# --- compiling the table ---------------------------------------------------------------------


# converters that return exact text unchanged, so exact text may skip them
_SAME_TEXT = frozenset({"as_text"})


def _expected(values: tuple[str, ...]) -> str:
    shown = [repr(v) for v in values]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"


class _Compiler:
    def __init__(self) -> None:
        self.sections: dict[str, Check] = {}

    def section_ref(self, name: str) -> Check:
        # sections may nest in any order: look the compiled function up when first called
        def check(value: Any) -> Any:
            return self.sections[name](value)

        return check

    def node(self, node: tuple[Any, ...]) -> Check:  # noqa: C901 - one branch per layer kind
        kind = node[0]
        if kind in _BASES:
            return _BASES[kind]
        if kind == "optional":
            inner = self.node(node[1])

            def optional(value: Any) -> Any:
                return None if value is None else inner(value)

            return optional
        if kind == "before":
            convert, inner = _converter(node[1]), self.node(node[2])
            def before(value: Any) -> Any:
                try:
                    converted = convert(value)
                except FormatError as exc:
                    _fail(exc.type, value, exc.ctx, _custom(exc))
                except ValueError as exc:
                    _fail("value_error", value, {"error": exc})
                return inner(converted)

            if node[1] in _SAME_TEXT:  # the common case, exact text, skips the converter
                only_text = node[2] == ("str",)

                def before_text(value: Any) -> Any:
                    if type(value) is str:
                        return value if only_text else inner(value)
                    return before(value)

                return before_text
            return before
        if kind == "after":
            convert, inner = _converter(node[1]), self.node(node[2])

            def after(value: Any) -> Any:
                result = inner(value)
                try:
                    return convert(result)
                except FormatError as exc:
                    _fail(exc.type, value, exc.ctx, _custom(exc))
                except ValueError as exc:
                    _fail("value_error", value, {"error": exc})

            return after
        if kind == "check":
            (op, bound), inner = node[1], self.node(node[2])
            if op == "min_length":
                def min_length(value: Any) -> Any:
                    result = inner(value)
                    if len(result) < bound:
                        _fail("too_short", value, {"field_type": "Value", "min_length": bound, "actual_length": len(result)})
                    return result

                return min_length
            error, holds = _BOUND_ERRORS[op]

            def bounded(value: Any) -> Any:
                result = inner(value)
                if not holds(result, bound):
                    _fail(error, value, {op: bound})
                return result

            return bounded
        if kind == "literal":
            allowed = frozenset(node[1])
            ctx = {"expected": _expected(node[1])}

            def literal(value: Any) -> Any:
                if isinstance(value, str) and value in allowed:
                    return value
                _fail("literal_error", value, ctx)

            return literal
        if kind == "list":
            return self.list(self.node(node[1]), node[2])
        if kind == "dict":
            return self.dict(self.node(node[1]), self.node(node[2]))
        if kind == "section":
            return self.section_ref(node[1])
        raise ValueError(f"formatspec: unknown layer {kind!r}")

    @staticmethod
    def list(item: Check, min_length: int | None) -> Check:
        def check_list(value: Any) -> list[Any]:
            if not isinstance(value, (list, tuple)):
                _fail("list_type", value)
            out = []
            errors: list[_Error] = []
            for index, entry in enumerate(value):
                try:
                    out.append(item(entry))
                except _Invalid as exc:
                    for err in exc.errors:
                        err.rloc.append(index)
                    errors.extend(exc.errors)
            if errors:
                raise _Invalid(errors)
            if min_length is not None and len(out) < min_length:
                _fail("too_short", value, {"field_type": "List", "min_length": min_length, "actual_length": len(out)})
            return out

        return check_list

    @staticmethod
    def dict(key_check: Check, value_check: Check) -> Check:
        def check_dict(value: Any) -> dict[Any, Any]:
            if not isinstance(value, dict):
                _fail("dict_type", value)
            out = {}
            errors: list[_Error] = []
            for key, entry in value.items():
                try:
                    new_key = key_check(key)
                except _Invalid as exc:
                    for err in exc.errors:
                        err.rloc.extend(("[key]", _loc_key(key)))
                    errors.extend(exc.errors)
                    new_key = _INVALID
                try:
                    new_value = value_check(entry)
                except _Invalid as exc:
                    for err in exc.errors:
                        err.rloc.append(_loc_key(key))
                    errors.extend(exc.errors)
                    continue
                if new_key is not _INVALID:
                    out[new_key] = new_value
            if errors:
                raise _Invalid(errors)
            return out

        return check_dict

    def section(self, name: str, spec: dict[str, Any]) -> Check:
        cls = CLASSES[name]
        new = object.__new__
        fields = []
        for key, entry in spec["fields"].items():
            default = entry.get("default", _MISSING)
            copy = type(default) if isinstance(default, (list, dict)) else None
            fields.append((key, self.node(entry["type"]), default, copy))
        known = frozenset(spec["fields"])
        ctx = {"class_name": name}
        setter = object.__setattr__

        def check_section(value: Any) -> Any:
            if not isinstance(value, dict):
                _fail("model_type", value, ctx)
            record = new(cls)
            errors: list[_Error] | None = None
            get = value.get
            for key, check, default, copy in fields:
                given = get(key, _MISSING)
                if given is not _MISSING:
                    try:
                        setter(record, key, check(given))
                    except _Invalid as exc:
                        for err in exc.errors:
                            err.rloc.append(key)
                        if errors is None:
                            errors = []
                        errors.extend(exc.errors)
                elif default is _MISSING:
                    if errors is None:
                        errors = []
                    err = _Error("missing", value, None, None)
                    err.rloc.append(key)
                    errors.append(err)
                else:
                    setter(record, key, copy(default) if copy is not None else default)
            if not known.issuperset(value):
                for key in value:
                    if key not in known:
                        if errors is None:
                            errors = []
                        if isinstance(key, str):
                            err = _Error("extra_forbidden", value[key], None, None)
                        else:  # never from the loader, whose keys are text
                            err = _Error("invalid_key", key, None, "Keys should be strings")
                        err.rloc.append(_loc_key(key))
                        errors.append(err)
            if errors:
                raise _Invalid(errors)
            return record

        return check_section


_MISSING = object()
_INVALID = object()


def _loc_key(key: Any) -> Any:
    """A key as Pydantic puts it into a location: text and integers as they are, else as text."""
    return key if isinstance(key, (str, int)) else str(key)


def _compile() -> Check:
    compiler = _Compiler()
    for name, spec in SECTIONS.items():
        compiler.sections[name] = compiler.section(name, spec)
    return compiler.sections[ROOT]


_ROOT = _compile()


def validate(data: Any) -> tuple[Any, list[dict[str, Any]]]:
    """The concept's record and no errors, or None and the errors (Pydantic's shape and order)."""
    try:
        return _ROOT(data), []
    except _Invalid as exc:
        return None, [err.as_dict() for err in exc.errors]


# --- the table, asked by the structure check ---------------------------------------------------


def allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    """The keys the section at ``loc`` allows ([] where ``loc`` is no section)."""
    section = SECTIONS[ROOT]
    for part in loc:
        if isinstance(part, int):
            continue
        entry = section["fields"].get(part) if section is not None else None
        if entry is None:
            return []
        name = _section_in(entry["type"])
        if name is None:
            return []
        section = SECTIONS[name]
    return list(section["fields"])


def _section_in(node: tuple[Any, ...]) -> str | None:
    """The section a field's type holds (through optional, list and converter layers)."""
    while True:
        kind = node[0]
        if kind == "section":
            return node[1]  # type: ignore[no-any-return]
        if kind in ("optional",):
            node = node[1]
        elif kind in ("list",):
            node = node[1]
        elif kind in ("before", "after", "check", "dict"):
            node = node[2]
        else:
            return None

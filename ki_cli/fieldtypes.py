"""Field types of the concept format: text, German numbers and dates, ids, vocabularies.

Each converter raises a ``PydanticCustomError`` whose type starts with ``ki_``; the structure
check turns those into KI103/KI104/KI105 findings with German and English texts.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")
ID_MAX = 64

_GERMAN_DATE = re.compile(r"\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\s*")
_ISO_DATE = re.compile(r"\s*([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})\s*")
_GERMAN_DECIMAL = re.compile(r"[-+]?[0-9]+(,[0-9]+)?")
_GERMAN_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?")
_DOT_DECIMAL = re.compile(r"[-+]?[0-9]*\.[0-9]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_AGS = re.compile(r"05[0-9]{6}")
_TRUE = {"ja", "yes", "true", "wahr", "on", "1", "j", "y"}
_FALSE = {"nein", "no", "false", "falsch", "off", "0", "n"}


def as_text(value: Any) -> Any:
    """A scalar YAML read as a number or date, as the text the user wrote (``05999000``)."""
    if isinstance(value, str) or isinstance(value, bool):
        return value
    source = getattr(value, "source", None)
    if source is not None:
        return source
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_number(value: Any) -> Any:
    """Numbers as they are; German notation written as text (``0,5``, ``1.234,56``) converted."""
    if isinstance(value, bool):
        raise PydanticCustomError("ki_number", "not a number")
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise PydanticCustomError("ki_number", "not a finite number")
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "")
        if _GERMAN_DECIMAL.fullmatch(text):
            return float(text.replace(",", "."))
        if _GERMAN_THOUSANDS.fullmatch(text):
            return float(text.replace(".", "").replace(",", "."))
        if _DOT_DECIMAL.fullmatch(text):
            return float(text)
    raise PydanticCustomError("ki_number", "not a number")


def to_date(value: Any) -> dt.date:
    """A date from YAML, ISO text or German ``TT.MM.JJJJ``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value)
        parts = (match[1], match[2], match[3]) if match else None
        if parts is None:
            match = _GERMAN_DATE.fullmatch(value)
            parts = (match[3], match[2], match[1]) if match else None
        if parts is not None:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise PydanticCustomError("ki_date_invalid", "no such day") from None
    raise PydanticCustomError("ki_date", "not a date")


def to_bool(value: Any) -> bool:
    """Yes/no, also in German (``ja``/``nein``)."""
    if isinstance(value, bool):
        return value
    text = str(as_text(value)).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise PydanticCustomError("ki_bool", "not yes or no")


def check_id(value: str) -> str:
    if value == "ki":
        raise PydanticCustomError("ki_id_reserved", "reserved id")
    if len(value) > ID_MAX:
        raise PydanticCustomError("ki_id", "too long", {"reason": "too_long"})
    if not ID_PATTERN.fullmatch(value):
        raise PydanticCustomError("ki_id", "bad characters", {"reason": "pattern"})
    return value


def check_email(value: str) -> str:
    if not _EMAIL.fullmatch(value.strip()):
        raise PydanticCustomError("ki_email", "not an e-mail address")
    return value.strip()


def check_ags(value: str) -> str:
    if not _AGS.fullmatch(value.strip()):
        raise PydanticCustomError("ki_ags", "not an AGS of NRW")
    return value.strip()


def check_version(value: int) -> int:
    if value != 1:
        raise PydanticCustomError("ki_version", "unsupported version")
    return value


def none_to_list(value: Any) -> Any:
    return [] if value is None else value


def none_to_dict(value: Any) -> Any:
    return {} if value is None else value


def _or_null(schema: dict[str, Any]) -> None:
    """JSON Schema of a field where an empty value (``key:``) means "no entries"."""
    inner = dict(schema)
    schema.clear()
    schema["anyOf"] = [inner, {"type": "null"}]


NULL_MEANS_EMPTY = Field(json_schema_extra=_or_null)
"""Marks a list or mapping field that also accepts an empty value (``none_to_list``/``none_to_dict``)."""

# What each field type accepts, as JSON Schema for editors (``ki schema``). It mirrors the
# converters above as far as JSON Schema can: numbers and dates may be German text, text may be
# a number (YAML reads ``drucksache: 2024`` as one), ids and vocabularies are closed.
_SPACE = r"\s*"
_NUMBER_TEXT = r"[0-9]+(,[0-9]+)?|[1-9][0-9]{0,2}(\.[0-9]{3})+(,[0-9]+)?|[0-9]*\.[0-9]+"
_TRUE_FALSE = sorted(_TRUE | _FALSE)
SCHEMA_TEXT: dict[str, Any] = {"type": ["string", "number"]}
SCHEMA_REQUIRED_TEXT: dict[str, Any] = {"type": ["string", "number"], "minLength": 1}
SCHEMA_ID: dict[str, Any] = {
    "type": ["string", "integer"],
    "pattern": f"^{ID_PATTERN.pattern}$",
    "maxLength": ID_MAX,
    "minimum": 0,
    "not": {"const": "ki"},
}
SCHEMA_REF: dict[str, Any] = {"type": ["string", "number"], "minLength": 1}
SCHEMA_DATE: dict[str, Any] = {
    "type": "string",
    "pattern": f"^{_SPACE}([0-9]{{4}}-[0-9]{{1,2}}-[0-9]{{1,2}}|[0-9]{{1,2}}\\.[0-9]{{1,2}}\\.[0-9]{{4}}){_SPACE}$",
}
SCHEMA_YES_NO: dict[str, Any] = {
    "anyOf": [
        {"type": "boolean"},
        {"enum": [*_TRUE_FALSE, *(w.capitalize() for w in _TRUE_FALSE if w.isalpha()),
                  *(w.upper() for w in _TRUE_FALSE if w.isalpha()), 0, 1]},
    ]
}
SCHEMA_EMAIL: dict[str, Any] = {"type": "string", "pattern": f"^{_SPACE}{_EMAIL.pattern}{_SPACE}$"}
SCHEMA_AGS: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "pattern": f"^{_SPACE}{_AGS.pattern}{_SPACE}$"},
        # an editor's YAML reads 05999000 as the number 5999000: the leading zero is lost
        {"type": "integer", "minimum": 5000000, "maximum": 5999999},
    ]
}
SCHEMA_VERSION: dict[str, Any] = {"enum": [1, "1"]}


def number_schema(signed: bool = True, **bounds: float) -> dict[str, Any]:
    """A number, or German notation written as text (``0,5``, ``1.234,56``)."""
    sign = "[-+]?" if signed else "[+]?"
    return {
        "anyOf": [
            {"type": "number", **bounds},
            {"type": "string", "pattern": f"^{_SPACE}{sign}({_NUMBER_TEXT}){_SPACE}$"},
        ]
    }


Text = Annotated[str, BeforeValidator(as_text), WithJsonSchema(SCHEMA_TEXT)]
RequiredText = Annotated[str, BeforeValidator(as_text), Field(min_length=1), WithJsonSchema(SCHEMA_REQUIRED_TEXT)]
Id = Annotated[str, AfterValidator(check_id), BeforeValidator(as_text), WithJsonSchema(SCHEMA_ID)]
Ref = Annotated[str, BeforeValidator(as_text), Field(min_length=1), WithJsonSchema(SCHEMA_REF)]
Number = Annotated[float, BeforeValidator(to_number), WithJsonSchema(number_schema())]
Amount = Annotated[float, BeforeValidator(to_number), Field(ge=0), WithJsonSchema(number_schema(False, minimum=0))]
Vze = Annotated[
    float, BeforeValidator(to_number), Field(gt=0, le=1),
    WithJsonSchema(number_schema(False, exclusiveMinimum=0, maximum=1)),
]
Share = Annotated[float, BeforeValidator(to_number), Field(gt=0), WithJsonSchema(number_schema(False, exclusiveMinimum=0))]
Date = Annotated[dt.date, BeforeValidator(to_date), WithJsonSchema(SCHEMA_DATE)]
YesNo = Annotated[bool, BeforeValidator(to_bool), WithJsonSchema(SCHEMA_YES_NO)]
Email = Annotated[str, AfterValidator(check_email), BeforeValidator(as_text), WithJsonSchema(SCHEMA_EMAIL)]
Ags = Annotated[str, AfterValidator(check_ags), BeforeValidator(as_text), WithJsonSchema(SCHEMA_AGS)]
Version = Annotated[int, AfterValidator(check_version), WithJsonSchema(SCHEMA_VERSION)]

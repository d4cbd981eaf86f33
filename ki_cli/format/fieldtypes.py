"""Field types of the concept format as Pydantic types: text, German numbers and dates, ids.

The converters themselves live in ``converters`` (no Pydantic): they raise ``pydantic_core``'s
``PydanticCustomError`` with a ``ki_…`` type, which the structure check turns into
KI103/KI104/KI105 findings. Constraints (``min_length``, ``ge`` …) stand *before* a
``BeforeValidator`` in ``Annotated``, so that Pydantic puts them into the base type's core
schema (``{'type': 'str', 'min_length': 1}``) instead of a Python function of its own: the core
schema generated from the models (``coreschema``) then names only functions of ``converters``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from ki_cli.format.converters import (
    _AGS,  # the schema mirrors the converters' own patterns
    _EMAIL,
    _FALSE,
    _TRUE,
    ID_MAX,
    ID_PATTERN,
    NUMBER_MAX,
    as_text,
    check_ags,
    check_email,
    check_id,
    check_version,
    none_to_dict,
    none_to_list,
    to_bool,
    to_count,
    to_date,
    to_number,
    to_version,
    to_year,
)
from ki_cli.periods import YEAR_MAX, YEAR_MIN

__all__ = [
    "ID_MAX",
    "ID_PATTERN",
    "Ags",
    "Amount",
    "Count",
    "Date",
    "Email",
    "Id",
    "Number",
    "Ref",
    "RequiredText",
    "Share",
    "Text",
    "Version",
    "Vze",
    "Year",
    "YesNo",
    "as_text",
    "check_ags",
    "check_email",
    "check_id",
    "check_version",
    "none_to_dict",
    "none_to_list",
    "to_bool",
    "to_count",
    "to_date",
    "to_number",
    "to_version",
    "to_year",
]


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
_YEAR = "(19|20|21)[0-9]{2}"
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
    # years 1900–2199, as ``converters.to_date`` accepts
    "pattern": f"^{_SPACE}({_YEAR}-[0-9]{{1,2}}-[0-9]{{1,2}}|[0-9]{{1,2}}\\.[0-9]{{1,2}}\\.{_YEAR}){_SPACE}$",
}
SCHEMA_YES_NO: dict[str, Any] = {
    "anyOf": [
        {"type": "boolean"},
        {
            "enum": [  # each once: "j".capitalize() and "j".upper() are both "J"
                *dict.fromkeys(
                    [
                        *_TRUE_FALSE,
                        *(w.capitalize() for w in _TRUE_FALSE if w.isalpha()),
                        *(w.upper() for w in _TRUE_FALSE if w.isalpha()),
                    ]
                ),
                0,
                1,
            ]
        },
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
SCHEMA_COUNT: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": 0, "maximum": NUMBER_MAX},
        {"type": "string", "pattern": f"^{_SPACE}[+]?([0-9]+|[1-9][0-9]{{0,2}}(\\.[0-9]{{3}})+){_SPACE}$"},
    ]
}
SCHEMA_YEAR: dict[str, Any] = {
    "anyOf": [
        {"type": "integer", "minimum": YEAR_MIN, "maximum": YEAR_MAX},
        {"type": "string", "pattern": f"^{_SPACE}{_YEAR}{_SPACE}$"},
    ]
}


def number_schema(signed: bool = True, **bounds: float) -> dict[str, Any]:
    """A number, or German notation written as text (``0,5``, ``1.234,56``); within ``NUMBER_MAX``."""
    sign = "[-+]?" if signed else "[+]?"
    limits = {"minimum": -NUMBER_MAX, "maximum": NUMBER_MAX} if signed else {"maximum": NUMBER_MAX}
    return {
        "anyOf": [
            {"type": "number", **limits, **bounds},
            {"type": "string", "pattern": f"^{_SPACE}{sign}({_NUMBER_TEXT}){_SPACE}$"},
        ]
    }


Text = Annotated[str, BeforeValidator(as_text), WithJsonSchema(SCHEMA_TEXT)]
RequiredText = Annotated[str, Field(min_length=1), BeforeValidator(as_text), WithJsonSchema(SCHEMA_REQUIRED_TEXT)]
Id = Annotated[str, AfterValidator(check_id), BeforeValidator(as_text), WithJsonSchema(SCHEMA_ID)]
Ref = Annotated[str, Field(min_length=1), BeforeValidator(as_text), WithJsonSchema(SCHEMA_REF)]
Number = Annotated[float, BeforeValidator(to_number), WithJsonSchema(number_schema())]
Amount = Annotated[float, Field(ge=0), BeforeValidator(to_number), WithJsonSchema(number_schema(False, minimum=0))]
Vze = Annotated[
    float,
    Field(gt=0, le=1),
    BeforeValidator(to_number),
    WithJsonSchema(number_schema(False, exclusiveMinimum=0, maximum=1)),
]
Share = Annotated[
    float, Field(gt=0), BeforeValidator(to_number), WithJsonSchema(number_schema(False, exclusiveMinimum=0))
]
Date = Annotated[dt.date, BeforeValidator(to_date), WithJsonSchema(SCHEMA_DATE)]
YesNo = Annotated[bool, BeforeValidator(to_bool), WithJsonSchema(SCHEMA_YES_NO)]
Email = Annotated[str, AfterValidator(check_email), BeforeValidator(as_text), WithJsonSchema(SCHEMA_EMAIL)]
Ags = Annotated[str, AfterValidator(check_ags), BeforeValidator(as_text), WithJsonSchema(SCHEMA_AGS)]
Version = Annotated[int, AfterValidator(check_version), BeforeValidator(to_version), WithJsonSchema(SCHEMA_VERSION)]
Count = Annotated[int, BeforeValidator(to_count), WithJsonSchema(SCHEMA_COUNT)]
Year = Annotated[int, BeforeValidator(to_year), WithJsonSchema(SCHEMA_YEAR)]

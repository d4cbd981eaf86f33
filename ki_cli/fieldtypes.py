"""Field types of the concept format as Pydantic types: text, German numbers and dates, ids.

The converters themselves live in ``converters`` (no Pydantic, used by the fast check); here
each is wrapped so that its ``FormatError`` becomes a ``PydanticCustomError`` of the same
``ki_…`` type, which the structure check turns into KI103/KI104/KI105 findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from ki_cli import converters
from ki_cli.converters import ID_MAX, ID_PATTERN, FormatError, as_text, none_to_dict, none_to_list

__all__ = [
    "ID_MAX", "ID_PATTERN", "Ags", "Amount", "Date", "Email", "Id", "Number", "Ref", "RequiredText",
    "Share", "Text", "Version", "Vze", "YesNo", "as_text", "check_ags", "check_email", "check_id",
    "check_version", "none_to_dict", "none_to_list", "to_bool", "to_date", "to_number",
]


def _pydantic(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``convert`` raising Pydantic's custom error instead of ours (``__wrapped__`` names it)."""

    def run(value: Any) -> Any:
        try:
            return convert(value)
        except FormatError as exc:
            raise PydanticCustomError(exc.type, exc.message, exc.ctx) from None

    run.__wrapped__ = convert  # type: ignore[attr-defined]
    run.__name__ = convert.__name__
    return run


to_number = _pydantic(converters.to_number)
to_date = _pydantic(converters.to_date)
to_bool = _pydantic(converters.to_bool)
check_id = _pydantic(converters.check_id)
check_email = _pydantic(converters.check_email)
check_ags = _pydantic(converters.check_ags)
check_version = _pydantic(converters.check_version)

Text = Annotated[str, BeforeValidator(as_text)]
RequiredText = Annotated[str, BeforeValidator(as_text), Field(min_length=1)]
Id = Annotated[str, AfterValidator(check_id), BeforeValidator(as_text)]
Ref = Annotated[str, BeforeValidator(as_text), Field(min_length=1)]
Number = Annotated[float, BeforeValidator(to_number)]
Amount = Annotated[float, BeforeValidator(to_number), Field(ge=0)]
Vze = Annotated[float, BeforeValidator(to_number), Field(gt=0, le=1)]
Share = Annotated[float, BeforeValidator(to_number), Field(gt=0)]
Date = Annotated[dt.date, BeforeValidator(to_date)]
YesNo = Annotated[bool, BeforeValidator(to_bool)]
Email = Annotated[str, AfterValidator(check_email), BeforeValidator(as_text)]
Ags = Annotated[str, AfterValidator(check_ags), BeforeValidator(as_text)]
Version = Annotated[int, AfterValidator(check_version)]

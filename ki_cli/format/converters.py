"""Converters of the concept format's field types, without Pydantic (only ``pydantic_core``).

Text, German numbers and dates, yes/no, ids, e-mail addresses, AGS. The models
(``fieldtypes``) name these functions as their validators, and the core schema generated from
the models (``coreschema``) refers to the same functions, so that ``ki validate`` runs them
without importing Pydantic. Each raises ``pydantic_core.PydanticCustomError`` with a type that
starts with ``ki_``; the structure check turns those into KI103/KI104/KI105 findings.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from ki_cli.format.records import core
from ki_cli.periods import YEAR_MAX, YEAR_MIN

PydanticCustomError = core().PydanticCustomError

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
    if isinstance(value, (str, bool)):
        return value
    source = getattr(value, "source", None)
    if source is not None:
        return source
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# No number of a concept (an amount in euros, a target, a share) comes near a trillion: a larger
# one is a typo. Below it a float keeps every cent exactly, so documents print what was written.
NUMBER_MAX = 10**12


def to_number(value: Any) -> Any:
    """Numbers as they are; German notation written as text (``0,5``, ``1.234,56``) converted.

    Not a number: yes/no, infinity, NaN. Refused as a typo: anything beyond ``NUMBER_MAX`` either way.
    """
    if isinstance(value, bool):
        raise PydanticCustomError("ki_number", "not a number")
    if isinstance(value, float) and not math.isfinite(value):
        raise PydanticCustomError("ki_number", "not a finite number")
    number: int | float | None = value if isinstance(value, (int, float)) else None
    if isinstance(value, str):
        text = value.strip().replace("\u00a0", "")
        if _GERMAN_DECIMAL.fullmatch(text):
            number = float(text.replace(",", "."))
        elif _GERMAN_THOUSANDS.fullmatch(text):
            number = float(text.replace(".", "").replace(",", "."))
        elif _DOT_DECIMAL.fullmatch(text):
            number = float(text)
    if number is None:
        raise PydanticCustomError("ki_number", "not a number")
    if not abs(number) <= NUMBER_MAX:  # an int is compared as it is: no overflow; 400 digits of text: inf
        raise PydanticCustomError("ki_number_range", "number out of range", {"max": NUMBER_MAX})
    return float(number)


def to_version(value: Any) -> Any:
    """The format version as written; yes/no is none (Pydantic's integers would read ``true`` as 1)."""
    if isinstance(value, bool):
        raise PydanticCustomError("ki_version_bool", "a boolean is no version")
    return value


def to_date(value: Any) -> dt.date:
    """A date from YAML, ISO text or German ``TT.MM.JJJJ``, between 1900 and 2199 (``periods``)."""
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(dt.date(value.year, value.month, value.day))
    if isinstance(value, str):
        match = _ISO_DATE.fullmatch(value)
        parts = (match[1], match[2], match[3]) if match else None
        if parts is None:
            match = _GERMAN_DATE.fullmatch(value)
            parts = (match[3], match[2], match[1]) if match else None
        if parts is not None:
            try:
                day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                raise PydanticCustomError("ki_date_invalid", "no such day") from None
            return _in_range(day)
    raise PydanticCustomError("ki_date", "not a date")


def _in_range(day: dt.date) -> dt.date:
    if not YEAR_MIN <= day.year <= YEAR_MAX:
        raise PydanticCustomError("ki_date_range", "year out of range", {"min": YEAR_MIN, "max": YEAR_MAX})
    return day


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


def _whole(value: Any, kind: str) -> int:
    """A whole number as written (``12``, ``"12"``, ``12.0``); yes/no and fractions are none."""
    try:
        number = to_number(value)
    except PydanticCustomError:
        raise PydanticCustomError(kind, "not a whole number") from None
    if not float(number).is_integer():
        raise PydanticCustomError(kind, "not a whole number")
    return int(number)


def to_count(value: Any) -> int:
    """A count (participants, votes): a whole number, 0 or more."""
    number = _whole(value, "ki_count")
    if number < 0:
        raise PydanticCustomError("ki_count", "negative count")
    return number


def to_year(value: Any) -> int:
    """A budget year: a whole number between 1900 and 2199 (``periods``)."""
    number = _whole(value, "ki_year")
    if not YEAR_MIN <= number <= YEAR_MAX:
        raise PydanticCustomError("ki_year", "year out of range", {"min": YEAR_MIN, "max": YEAR_MAX})
    return number

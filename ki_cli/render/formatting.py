"""German formatting for documents: dates 26.09.2024, money 364.500 €, VZE 5,5."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any


def datum(value: Any) -> str:
    """``2024-09-26`` → ``26.09.2024``; empty for no date."""
    if isinstance(value, dt.date):
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    return "" if value is None else str(value)


def _grouped(number: float, decimals: int) -> str:
    text = f"{number:,.{decimals}f}"  # 364,500.00
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def zahl(value: Any, decimals: int | None = None) -> str:
    """A number the German way: ``1.234,5``; whole numbers without decimals."""
    if value is None or value == "":
        return ""
    number = float(value)
    if decimals is None:
        decimals = 0 if number == int(number) else 2
        text = _grouped(number, decimals)
        return text.rstrip("0").rstrip(",") if decimals else text
    return _grouped(number, decimals)


def euro(value: Any) -> str:
    """``364500`` → ``364.500 €``; cents only where there are some (``1.234,56 €``)."""
    if value is None or value == "":
        return ""
    number = round(float(value), 2)
    decimals = 0 if number == int(number) else 2
    return f"{_grouped(number, decimals)}\u00a0€"


def vze(value: Any) -> str:
    """Full-time equivalents: ``5.5`` → ``5,5``, ``1.0`` → ``1,0``, ``0.25`` → ``0,25``."""
    if value is None or value == "":
        return ""
    number = round(float(value), 3)
    text = f"{number:.3f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    return text.replace(".", ",")


_MD_SPECIAL = re.compile(r"[\\`*\[\]|]|(?<![\w])_|_(?![\w])|<(?=[A-Za-z/!?])|^#|^[-+>](?=\s)|(?<=^\d)[.)]|(?<=^\d\d)[.)]")


def md(value: Any) -> str:
    """User text safe in Markdown and in a table cell: one line, formatting characters escaped.

    Only what would change the rendering is escaped (``*``, brackets, pipes, tag-like ``<``,
    ``_`` at word edges, a heading or list marker at the start), so that ordinary German
    text stays readable in the ``.md`` file.
    """
    text = " ".join(("" if value is None else str(value)).split())
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), text)


FILTERS = {"datum": datum, "zahl": zahl, "euro": euro, "vze": vze, "md": md}

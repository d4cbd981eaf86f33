"""German formatting for documents: dates 26.09.2024, money 364.500 €, VZE 5,5.

Every filter here returns ``MdText``: text that is already safe in Markdown. A Markdown
template prints every other value escaped (see ``engine``), so ``md`` is applied once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any


class MdText(str):
    """Text that is safe in Markdown as it is (escaped user text, or text ki made)."""

    __slots__ = ()


# Characters that no document format can hold (XML 1.0 refuses them, a terminal obeys them):
# C0 controls except tab and line break, DEL, C1 controls, lone surrogates, U+FFFE and U+FFFF.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def replace_controls(text: str) -> str:
    """``text`` with every control character replaced by U+FFFD (visibly, nothing silently dropped)."""
    return _UNPRINTABLE.sub(REPLACEMENT, text)


def datum(value: Any) -> MdText:
    """``2024-09-26`` → ``26.09.2024``; empty for no date."""
    if isinstance(value, dt.date):
        return MdText(f"{value.day:02d}.{value.month:02d}.{value.year:04d}")
    return MdText("") if value is None else md(value)


def _grouped(number: float, decimals: int) -> str:
    if isinstance(number, int) and number.bit_length() > 10_000:  # beyond Python's int-to-text limit
        return f"≈ 10^{int(math.log10(abs(number)))}"
    text = f"{number:,.{decimals}f}" if isinstance(number, float) else f"{number:,}"  # 364,500.00
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


EXACT = 1e15  # below this a float holds every cent exactly; above it, digits would be invented


def _scientific(number: float) -> str:
    """A huge float as the digits it really holds: ``1e+308`` → ``1 × 10^308``, never 309 invented digits."""
    mantissa, _, exponent = repr(number).partition("e")
    if not exponent:  # 1e15 ≤ |number| < 1e16 prints without an exponent
        mantissa, exponent = f"{number:.15e}".split("e")
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa.replace('.', ',')} × 10^{int(exponent)}"


def _special(number: float) -> str | None:
    """The text of a number that cannot be printed digit by digit (infinite, not a number, huge)."""
    if math.isnan(number):
        return "nicht berechenbar"
    if math.isinf(number):
        return "∞" if number > 0 else "−∞"
    if abs(number) >= EXACT:
        return _scientific(number)
    return None


def _number(value: Any) -> float:
    """``value`` as a number: ints stay exact (a 30-digit amount keeps its digits), else a float."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return float(value)


def _whole(number: float) -> bool:
    return isinstance(number, int) or number.is_integer()


def zahl(value: Any, decimals: int | None = None) -> MdText:
    """A number the German way: ``1.234,5``; whole numbers without decimals."""
    if value is None or value == "":
        return MdText("")
    number = _number(value)
    if isinstance(number, float) and (special := _special(number)) is not None:
        return MdText(special)
    if decimals is None:
        decimals = 0 if _whole(number) else 2
        text = _grouped(float(number) if decimals else number, decimals)
        return MdText(text.rstrip("0").rstrip(",") if decimals else text)
    return MdText(_grouped(float(number) if decimals or isinstance(number, float) else number, decimals))


def euro(value: Any) -> MdText:
    """``364500`` → ``364.500 €``; cents only where there are some (``1.234,56 €``)."""
    if value is None or value == "":
        return MdText("")
    number = _number(value)
    if isinstance(number, float):
        if (special := _special(number)) is not None:
            return MdText(special if math.isnan(number) else f"{special}\u00a0€")
        number = round(number, 2)
    decimals = 0 if _whole(number) else 2
    return MdText(f"{_grouped(number, decimals)}\u00a0€")


def vze(value: Any) -> MdText:
    """Full-time equivalents: ``5.5`` → ``5,5``, ``1.0`` → ``1,0``, ``0.25`` → ``0,25``."""
    if value is None or value == "":
        return MdText("")
    number = float(value)
    if (special := _special(number)) is not None:
        return MdText(special)
    number = round(number, 3)
    text = f"{number:.3f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    return MdText(text.replace(".", ","))


# What would turn text into Markdown syntax. Anywhere: backslash, backtick, emphasis, brackets
# (links, images), table pipes, a tag-like or autolink ``<``, an entity (``&lt;`` would be
# decoded), ``_`` at a word's edge. At the start (where the value may begin a line): a heading,
# block quote, list item, thematic break, setext underline, code fence, ordered-list number.
_MD_INLINE = re.compile(r"[\\`*\[\]|]|(?<![\w])_|_(?![\w])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_MD_START = re.compile(r"#{1,6}(?=\s|$)|>|[-+](?=\s|$)|-(?=-)|=(?=[=\s]|$)|~~~|\d{1,9}(?=[.)](?:\s|$))")


def escape(text: str) -> str:
    """``text`` with every Markdown-significant character escaped (line breaks kept)."""
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(0), replace_controls(text))
    start = _MD_START.match(text)
    if start is None:
        return text
    if start.group(0)[0].isdigit():  # 100. Sitzung: the dot after the number
        return f"{text[:start.end()]}\\{text[start.end():]}"
    return "\\" + text


def md(value: Any) -> MdText:
    """User text safe in Markdown and in a table cell: one line, formatting characters escaped.

    Only what would change the rendering is escaped (``*``, brackets, pipes, tag-like ``<``,
    entities, ``_`` at word edges, a heading, list, rule or quote marker at the start), so that
    ordinary German text stays readable in the ``.md`` file. Text that is already ``MdText``
    is returned as it is (escaping twice would show the backslashes).
    """
    if isinstance(value, MdText):
        return value
    text = " ".join(("" if value is None else str(value)).split())
    return MdText(escape(text))


FILTERS = {"datum": datum, "zahl": zahl, "euro": euro, "vze": vze, "md": md}

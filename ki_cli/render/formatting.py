"""German formatting for documents: dates 26.09.2024, money 364.500 €, VZE 5,5.

Every filter here returns ``MdText``: text that is already safe in Markdown. A Markdown
template prints every other value escaped (see ``engine``), so ``md`` is applied once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ki_cli.text import german_date, german_money, german_number, german_vze


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
        return MdText(german_date(value))
    return MdText("") if value is None else md(value)


def zahl(value: Any, decimals: int | None = None) -> MdText:
    """A number the German way: ``1.234,5``; whole numbers without decimals."""
    return MdText("" if value is None or value == "" else german_number(value, decimals))


def euro(value: Any) -> MdText:
    """``364500`` → ``364.500 €``; cents only where there are some (``1.234,56 €``)."""
    return MdText("" if value is None or value == "" else german_money(value))


def vze(value: Any) -> MdText:
    """Full-time equivalents: ``5.5`` → ``5,5``, ``1.0`` → ``1,0``, ``0.25`` → ``0,25``."""
    return MdText("" if value is None or value == "" else german_vze(value))


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
        return f"{text[: start.end()]}\\{text[start.end() :]}"
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


def bis_zu(value: Any) -> MdText:
    """A maximum: ``364500`` → ``bis zu 364.500 €``; ``nicht hinterlegt`` where the rule pack records none."""
    return MdText("nicht hinterlegt" if value is None or value == "" else f"bis zu {german_money(value)}")


def aufzaehlung(values: Any) -> MdText:
    """A German enumeration: ``["A", "B", "C"]`` → ``A, B und C`` (each item made safe as ``md``)."""
    items = [md(value) for value in values]
    if len(items) < 2:
        return MdText("".join(items))
    return MdText(", ".join(items[:-1]) + " und " + items[-1])


def _phrase(case: str) -> Any:
    def phrase(value: Any, artikel: Any = None) -> MdText:
        from ki_cli.render.german import phrase as german_phrase

        return MdText(escape(german_phrase(str(value), case, artikel if isinstance(artikel, str) else None)))  # type: ignore[arg-type]

    phrase.__doc__ = (
        f"A name with its article in the {case} case (``ki_cli.render.german``): ``name | {case}(artikel)``."
    )
    return phrase


FILTERS = {
    "datum": datum,
    "zahl": zahl,
    "euro": euro,
    "vze": vze,
    "md": md,
    "bis_zu": bis_zu,
    "aufzaehlung": aufzaehlung,
    "nominativ": _phrase("nom"),
    "akkusativ": _phrase("akk"),
    "dativ": _phrase("dat"),
}

"""A small YAML writer for concept files: block style, comments, and safe quoting.

PyYAML's emitter cannot write comments, and a generated concept file is meant to be read and
edited by people. This writer knows only what a concept needs – mappings, lists, text,
numbers, dates, booleans – and quotes every text that a YAML reader (1.1 or 1.2) could take
for something else: ``"05999000"``, ``"2025"``, ``"ja"``, ``"no"``, ``"1.0"``, ``"#"``, text
with ``": "``. Multi-line text becomes a literal block (``|``) where that is exact, else a
double-quoted scalar with escapes.

Comments are ``Comment`` objects: as a key of a mapping (its value is ignored) or as an item of
a list, they become ``# …`` lines at that place.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`<=~+.0123456789 \t")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "ja", "nein", "~", ""}
_WORD = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+")  # YAML reads 1.234 as 1.234, ``ki`` warns (KI006)
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\0": "\\0",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
    "\xa0": "\\_",
}
_FLOW_FLOATS = {"vze", "einsatz"}  # written with a decimal point: ``vze: 1.0``


@dataclass(frozen=True)
class Comment:
    """One or more comment lines (``\\n`` separates them)."""

    text: str


def _printable(ch: str) -> bool:
    """A character YAML allows as it is in any scalar style (no line break, no BOM)."""
    o = ord(ch)
    return (
        0x20 <= o <= 0x7E
        or (0xA0 < o <= 0xD7FF and o not in (0x2028, 0x2029))
        or (0xE000 <= o <= 0xFFFD and o != 0xFEFF)
        or o >= 0x10000
    )


def _plain_ok(text: str) -> bool:
    if text.lower() in _RESERVED or text[0] in _INDICATORS or text[-1] in " :\t":
        return False
    if ": " in text or " #" in text or ":\t" in text:
        return False
    return all(_printable(ch) for ch in text)


def quoted(text: str) -> str:
    """``text`` as a double-quoted scalar: exact for every string."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        else:
            o = ord(ch)
            out.append(f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}")
    return '"' + "".join(out) + '"'


def text_scalar(text: str) -> str:
    """A one-line scalar for ``text``: plain where unambiguous, else double-quoted."""
    return text if text and _plain_ok(text) else quoted(text)


def _literal(text: str) -> tuple[str, list[str]] | None:
    """(indicator, lines) of a literal block that reads back exactly as ``text``, or None."""
    if "\n" not in text or text.endswith("\n\n") or "\r" in text:
        return None
    body, chomp = (text[:-1], "|") if text.endswith("\n") else (text, "|-")
    lines = body.split("\n")
    if not lines[0] or lines[0][0] == " ":
        return None
    for line in lines:
        if line != line.rstrip(" ") or not all(_printable(ch) for ch in line):
            return None
    return chomp, lines


def number(value: float, key: str | None = None) -> str:
    """A number as YAML reads it back: ``1.0`` for VZE, ``24000`` for amounts."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    if value.is_integer() and abs(value) < 1e15:
        return f"{int(value)}.0" if key in _FLOW_FLOATS else str(int(value))
    text = repr(value)
    return text + "0" if _THOUSANDS.fullmatch(text) else text


def scalar(value: Any, key: str | None = None) -> str:
    """One scalar on one line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return number(value, key)
    if isinstance(value, dt.date):
        return value.isoformat()
    return text_scalar(str(value))


def _comment_lines(comment: Comment, pad: str) -> list[str]:
    lines = []
    for line in comment.text.split("\n"):
        clean = "".join(ch if _printable(ch) else " " for ch in line).rstrip()
        lines.append(f"{pad}# {clean}" if clean else "")  # an empty line of a comment: a blank line
    return lines


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list, Comment))


def _flow_word(value: Any) -> bool:
    """Safe inside ``[…]`` or ``{…}``: an id-like word or a number."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(_WORD.fullmatch(value))


def _value_lines(key_part: str, value: Any, key: str | None, indent: int) -> list[str]:
    """``key_part`` (``"name:"`` or ``"-"``) followed by ``value``."""
    pad = " " * indent
    if isinstance(value, str):
        block = _literal(value)
        if block is not None:
            chomp, lines = block
            inner = " " * (indent + 2)
            return [f"{pad}{key_part} {chomp}", *(f"{inner}{line}" if line else "" for line in lines)]
        return [f"{pad}{key_part} {text_scalar(value)}"]
    if _is_scalar(value):
        return [f"{pad}{key_part} {scalar(value, key)}"]
    if isinstance(value, dict):
        items = {k: v for k, v in value.items() if not isinstance(k, Comment)}
        if not value:
            return [f"{pad}{key_part} {{}}"]
        if len(items) == len(value) and all(_flow_word(k) and _flow_word(v) for k, v in items.items()):
            inner = ", ".join(f"{scalar(k)}: {scalar(v, key)}" for k, v in items.items())
            return [f"{pad}{key_part} {{{inner}}}"]
        return [f"{pad}{key_part}", *mapping_lines(value, indent + 2)]
    if isinstance(value, list):
        real = [v for v in value if not isinstance(v, Comment)]
        if not real:
            notes = [line for v in value for line in _comment_lines(v, " " * (indent + 2))]
            if notes:  # the key alone (empty): an entry added below the notes is read, ``[]`` would not be
                return [f"{pad}{key_part}", *notes]
            return [f"{pad}{key_part} []"]
        if len(real) == len(value) and all(_flow_word(v) for v in value):
            return [f"{pad}{key_part} [{', '.join(scalar(v, key) for v in value)}]"]
        return [f"{pad}{key_part}", *sequence_lines(value, indent + 2)]
    raise TypeError(f"cannot write {type(value).__name__}")


def mapping_lines(data: dict[Any, Any], indent: int = 0) -> list[str]:
    """A block mapping at ``indent``."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(key, Comment):
            lines.extend(_comment_lines(key, pad))
            continue
        lines.extend(_value_lines(f"{scalar(key)}:", value, str(key), indent))
    return lines


def sequence_lines(items: list[Any], indent: int = 0) -> list[str]:
    """A block sequence at ``indent`` (``- `` items; a mapping item starts on the dash's line)."""
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, Comment):
            lines.extend(_comment_lines(item, pad))
        elif isinstance(item, dict) and any(not isinstance(k, Comment) for k in item):
            inner = mapping_lines(item, indent + 2)
            first = next(i for i, line in enumerate(inner) if not line.lstrip().startswith("#"))
            inner[first] = f"{pad}- {inner[first][indent + 2 :]}"
            lines.extend(inner)
        else:
            lines.extend(_value_lines("-", item, None, indent))
    return lines


def dump(data: dict[Any, Any]) -> str:
    """The whole document."""
    return "\n".join(mapping_lines(data)) + "\n"

"""Reporters turn a ``Report`` into text for a terminal, or JSON for programs.

Everything a reporter prints that comes from a concept file or a file name goes through
``printable`` (text, GitHub) or ``json_text`` (JSON, SARIF): a value can neither send escape
sequences to the terminal (set the window title, clear the screen, paint a fake "all good") nor
start a new line that a CI log would read as a finding of its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

# What a value may not bring onto a terminal or into a log line: C0 controls except TAB, DEL, C1
# controls, the Unicode line and paragraph separators, the bidirectional controls (which reorder
# what is shown), the byte order mark, and lone surrogates (undecodable bytes of a file name).
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\e"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character and line break visible as an escape (``\\e``, ``\\n``,
    ``\\x01``, ``\\u2028``, an undecodable file-name byte as ``\\xff``); other text unchanged."""
    return _UNSAFE.sub(_escape, text)


# In JSON, C0 controls are escaped by ``json`` already; these are valid raw but not safe to print.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def json_text(dumped: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with the characters ``printable``
    escapes written as ``\\uXXXX``: the same data, safe to print, and encodable as UTF-8 even
    when a file name holds undecodable bytes. (These characters can occur only inside strings.)"""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def wants_colour(stream: object, env: Mapping[str, str] | None = None) -> bool:
    """Colour on ``stream``, as the conventions say (no-color.org, force-color.org), in the order
    Python itself decides: a non-empty ``NO_COLOR`` never; else a non-empty ``FORCE_COLOR`` always
    (also into a pipe or a CI log); else only on a terminal that is not ``TERM=dumb``. An empty
    variable counts as unset."""
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        terminal = bool(isatty and isatty())
    except (OSError, ValueError):  # a closed stream
        terminal = False
    return terminal and env.get("TERM") != "dumb"

"""Where every value of a concept file stands in its source text.

Paths look like ``schwerpunkte[0].massnahmen[1].federfuehrung``. The loader records, for
each path, the span of its key (for a list item: the item itself) and of its value. Lines and
columns are 1-based.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable

# (line, column, end_line, end_column), 1-based; the end is exclusive as in YAML marks.
Span = tuple[int, int, int, int]

ROOT_SPAN: Span = (1, 1, 1, 1)


LINE_BREAK = r"\r\n|[\r\n]"
"""A line break as YAML 1.2 has it (a pattern): LF, CRLF or a lone CR. NEL, LS and PS (U+0085,
U+2028, U+2029), breaks in YAML 1.1, are ordinary characters in YAML 1.2, and so in ``ki``."""


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as YAML 1.2 counts them (the first is line 1)."""
    return re.split(LINE_BREAK, text)  # compiled on first use (only reports need it), then cached by ``re``


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of the character at ``index`` of ``text``."""
    index = max(0, min(index, len(text)))
    head = text[:index]
    line = head.count("\n") + head.count("\r") - head.count("\r\n") + 1
    line_start = max(head.rfind("\n"), head.rfind("\r")) + 1
    return line, index - line_start + 1


def join(prefix: str, part: str | int) -> str:
    """The path of ``part`` (a key or a list index) below ``prefix``."""
    if isinstance(part, int):
        return f"{prefix}[{part}]"
    return f"{prefix}.{part}" if prefix else part


def path_of(loc: Iterable[str | int]) -> str:
    """Turn a location tuple such as ``("personal", 0, "vze")`` into a path string."""
    path = ""
    for part in loc:
        path = join(path, part)
    return path


def parent(path: str) -> str:
    """The path one level up (``a.b[2]`` → ``a.b``, ``a.b`` → ``a``, ``a`` → ``""``)."""
    cut = max(path.rfind("."), path.rfind("["))
    return path[:cut] if cut > 0 else ""


class SourceMap:
    """Spans of keys and values by YAML path, including paths reached through aliases.

    A large file has a path for every value (a million for 16 MB of ``[1,1,…]``), so the spans
    are not kept as tuples (two tuples and four integers each, ~250 bytes a path) but as eight
    integers in one array, the path mapping to its place there: about a third of the memory.
    """

    __slots__ = ("_aliases", "_index", "_spans", "text")

    def __init__(self) -> None:
        self._index: dict[str, int] = {}  # path → its offset in _spans
        # per path: key line, column, end line, end column, then the value's (a 16 MB file has
        # fewer than 2**31 lines and columns)
        self._spans = array("i")
        # path where an alias was used → path of the anchored node it stands for
        self._aliases: dict[str, str] = {}
        # the source text itself (one reference, not a copy): read only to explain a finding
        self.text = ""

    def add(self, path: str, key: Span, value: Span) -> None:
        spans = self._spans
        self._index[path] = len(spans)  # a path written twice: the last one wins
        spans.extend(key)
        spans.extend(value)

    def set_value(self, path: str, value: Span) -> None:
        at = self._index[path] + 4
        spans = self._spans
        spans[at], spans[at + 1], spans[at + 2], spans[at + 3] = value

    def add_alias(self, path: str, anchored_path: str) -> None:
        self._aliases[path] = anchored_path

    def clear(self) -> None:
        """Forget everything (the loader gave up on the file)."""
        self._index.clear()
        self._spans = array("i")
        self._aliases.clear()

    def _key(self, path: str) -> Span | None:
        at = self._index.get(path)
        if at is None:
            return None
        spans = self._spans
        return (spans[at], spans[at + 1], spans[at + 2], spans[at + 3])

    def _value(self, path: str) -> Span:
        at = self._index[path] + 4
        spans = self._spans
        return (spans[at], spans[at + 1], spans[at + 2], spans[at + 3])

    def __contains__(self, path: str) -> bool:
        return self._resolve(path) is not None

    def _resolve(self, path: str) -> str | None:
        """The recorded path that holds ``path``'s position, following aliases."""
        for _ in range(64):  # bounded: aliases can only point backwards, but be safe
            if path in self._index:
                return path
            # an alias somewhere above this path: translate the prefix
            probe = path
            while probe:
                probe = parent(probe)
                if probe in self._aliases:
                    path = self._aliases[probe] + path[len(probe) :]
                    break
            else:
                return None
        return None

    def key_span(self, path: str) -> Span:
        """Span of the key of ``path``; for a path that does not exist, its nearest ancestor's."""
        probe = path
        while probe:
            found = self._resolve(probe)
            if found is not None:
                # an aliased value keeps the key where it was used, not where it was anchored
                return self._key(probe) or self._key(found) or ROOT_SPAN
            probe = parent(probe)
        return self._top()

    def _top(self) -> Span:
        """Where the top level begins: its first key, past any comment lines above it."""
        if "" not in self._index:
            return ROOT_SPAN
        line, column = self._value("")[:2]
        return (line, column, line, column + 1)

    def value_span(self, path: str) -> Span:
        """Span of the value at ``path``; for a path that does not exist, its nearest ancestor's key."""
        found = self._resolve(path)
        if found is not None:
            return self._value(found)
        return self.key_span(path)

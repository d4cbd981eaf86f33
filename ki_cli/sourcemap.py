"""Where every value of a concept file stands in its source text.

Paths look like ``schwerpunkte[0].massnahmen[1].federfuehrung``. The loader records, for
each path, the span of its key (for a list item: the item itself) and of its value. Lines and
columns are 1-based.
"""

from __future__ import annotations

from collections.abc import Iterable

# (line, column, end_line, end_column), 1-based; the end is exclusive as in YAML marks.
Span = tuple[int, int, int, int]

ROOT_SPAN: Span = (1, 1, 1, 1)


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
    """Spans of keys and values by YAML path, including paths reached through aliases."""

    __slots__ = ("_keys", "_values", "_aliases")

    def __init__(self) -> None:
        self._keys: dict[str, Span] = {}
        self._values: dict[str, Span] = {}
        # path where an alias was used → path of the anchored node it stands for
        self._aliases: dict[str, str] = {}

    def add(self, path: str, key: Span, value: Span) -> None:
        self._keys[path] = key
        self._values[path] = value

    def set_value(self, path: str, value: Span) -> None:
        self._values[path] = value

    def add_alias(self, path: str, anchored_path: str) -> None:
        self._aliases[path] = anchored_path

    def __contains__(self, path: str) -> bool:
        return self._resolve(path) is not None

    def _resolve(self, path: str) -> str | None:
        """The recorded path that holds ``path``'s position, following aliases."""
        for _ in range(64):  # bounded: aliases can only point backwards, but be safe
            if path in self._values:
                return path
            # an alias somewhere above this path: translate the prefix
            probe = path
            while probe:
                probe = parent(probe)
                if probe in self._aliases:
                    path = self._aliases[probe] + path[len(probe):]
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
                return self._keys.get(probe) or self._keys.get(found, ROOT_SPAN)
            probe = parent(probe)
        return self._top()

    def _top(self) -> Span:
        """Where the top level begins: its first key, past any comment lines above it."""
        root = self._values.get("")
        if root is None:
            return ROOT_SPAN
        line, column = root[0], root[1]
        return (line, column, line, column + 1)

    def value_span(self, path: str) -> Span:
        """Span of the value at ``path``; for a path that does not exist, its nearest ancestor's key."""
        found = self._resolve(path)
        if found is not None:
            return self._values[found]
        return self.key_span(path)

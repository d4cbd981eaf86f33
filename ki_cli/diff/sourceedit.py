"""Edit a YAML file in place: change only the values that must change, keep every other byte.

``ki next-period`` starts the new file from the user's own text. A YAML library that loads and
dumps again (even a round-trip one) re-indents, re-wraps folded texts, normalises flow mappings
and quotes, and moves comments of removed entries. This editor instead works on the text's lines,
guided by the positions of the YAML nodes and tokens (libyaml's marks):

* a scalar is replaced within its line (``beginn: 01.01.2023`` → ``beginn: 01.01.2025``);
* an entry of a block mapping or an item of a block sequence is removed line by line, from its
  first line to its last line of content; comment lines and blank lines after it stay. The
  user's comments inside the removed lines are kept, in place (a comment beside a removed value
  becomes a comment line of its own);
* comment lines are inserted above a line.

What cannot be edited this way (an entry inside a flow collection ``{…}``/``[…]``, a key that shares
its line with a ``- ``, a value reached through an alias) raises ``Unsupported``: the caller then
rewrites that section as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader

_YAML11_BREAKS = ("\x85", "\u2028", "\u2029")  # ordinary characters in YAML 1.2, breaks for libyaml
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*")


class Unsupported(Exception):
    """This change cannot be made as a line edit."""


@dataclass
class _Op:
    first: int  # 0-based line; lines first..last (inclusive) are replaced by ``lines``
    last: int  # first - 1: an insertion before ``first``
    lines: list[str]


def _protect(text: str) -> str:
    """``text`` with NEL/LS/PS swapped for one other character each (positions stay right)."""
    if text.isascii() or not any(ch in text for ch in _YAML11_BREAKS):
        return text
    return text.translate({ord(ch): " " for ch in _YAML11_BREAKS})


class Source:
    """A YAML text, its lines, nodes and where its comments are."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.ends: list[str] = []
        for match in _LINE.finditer(text):
            if match.start() == len(text) and not match[0]:
                break
            self.lines.append(match[1])
            self.ends.append(match[2])
        if not self.lines:
            self.lines, self.ends = [""], [""]
        self.newline = next((e for e in self.ends if e), "\n")
        protected = _protect(text)
        self.root = yaml.compose(protected, Loader=_Loader)
        # per line: the column where its content (tokens) ends; -1: no content on the line
        self.content_end = [-1] * (len(self.lines) + 1)
        self.has_alias = False
        for token in yaml.scan(protected, Loader=_Loader):
            if isinstance(token, (yaml.AliasToken, yaml.AnchorToken)):
                self.has_alias = True
            start, end = token.start_mark, token.end_mark
            if (start.line, start.column) == (end.line, end.column):
                continue
            if start.line == end.line:
                self._cover(start.line, end.column)
                continue
            first_end = len(self.lines[start.line]) if start.line < len(self.lines) else 0
            if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">"):
                header = _BLOCK_HEADER.match(self.lines[start.line], start.column)
                first_end = header.end() if header else first_end  # a comment may follow the header
            self._cover(start.line, first_end)
            for line in range(start.line + 1, end.line):
                self._cover(line, len(self.lines[line]))
            if end.column > 0:
                self._cover(end.line, end.column)
        self._ops: list[_Op] = []

    def _cover(self, line: int, column: int) -> None:
        if line < len(self.content_end):
            self.content_end[line] = max(self.content_end[line], column)

    # --- reading -------------------------------------------------------------------------------

    def comment(self, line: int) -> str | None:
        """The comment on ``line`` (``# …``, as written), or None."""
        end = self.content_end[line]
        rest = self.lines[line][max(end, 0) :].strip()
        return rest if rest.startswith("#") and end < len(self.lines[line]) else None

    def node(self, *path: str | int) -> Any:
        """The node at ``path`` (keys and list indices), or None."""
        node = self.root
        for part in path:
            if node is None:
                return None
            if isinstance(part, int):
                if not isinstance(node, yaml.SequenceNode) or part >= len(node.value):
                    return None
                node = node.value[part]
            else:
                if not isinstance(node, yaml.MappingNode):
                    return None
                node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == part), None)
        return node

    def key(self, *path: str | int) -> Any:
        """The key node of the mapping entry at ``path``."""
        parent = self.node(*path[:-1])
        if not isinstance(parent, yaml.MappingNode):
            return None
        return next((k for k, _ in parent.value if isinstance(k, yaml.ScalarNode) and k.value == path[-1]), None)

    def last_line(self, node: Any) -> int:
        """The last line with content of ``node``."""
        end = node.end_mark
        if isinstance(node, yaml.ScalarNode) or node.flow_style:
            last = end.line if end.column > 0 else end.line - 1
        else:  # a block collection ends where the next token begins
            last = end.line - 1 if end.line > node.start_mark.line else end.line
        last = min(last, len(self.lines) - 1)
        first = node.start_mark.line
        while last > first and (self.content_end[last] < 0 or not self.lines[last].strip()):
            last -= 1
        return int(max(last, first))

    def indent(self, line: int) -> str:
        text = self.lines[line]
        return text[: len(text) - len(text.lstrip(" "))]

    def date_style(self, node: Any) -> str:
        """The scalar text of ``node`` as written (quotes included)."""
        return self._span_text(node)

    def _span_text(self, node: Any) -> str:
        start, end = node.start_mark, node.end_mark
        if start.line != end.line:
            raise Unsupported("a scalar over more than one line")
        return str(self.lines[start.line][start.column : end.column])

    # --- edits ---------------------------------------------------------------------------------

    def _kept_comments(self, first: int, last: int) -> list[str]:
        """The user's comments on lines first..last, as lines of their own."""
        kept = []
        for line in range(first, last + 1):
            note = self.comment(line)
            if note is None:
                continue
            if self.content_end[line] < 0:
                kept.append(self.lines[line])  # a comment line: byte for byte
            else:
                kept.append(self.indent(line) + note)
        return kept

    def _check_free(self, first: int, last: int) -> None:
        for op in self._ops:
            if op.last >= op.first and not (last < op.first or first > op.last):
                raise Unsupported("two edits of the same lines")

    def mark(self) -> int:
        return len(self._ops)

    def rollback(self, mark: int) -> None:
        """Forget the edits since ``mark``."""
        del self._ops[mark:]

    def replace_scalars(self, changes: list[tuple[Any, str]]) -> None:
        """Replace each scalar node by its text (written as it stands), several on a line too."""
        by_line: dict[int, list[tuple[Any, str]]] = {}
        for node, new in changes:
            if not isinstance(node, yaml.ScalarNode):
                raise Unsupported("not a scalar")
            self._span_text(node)
            by_line.setdefault(node.start_mark.line, []).append((node, new))
        for line, edits in by_line.items():
            self._check_free(line, line)
            text = self.lines[line]
            for node, new in sorted(edits, key=lambda e: e[0].start_mark.column, reverse=True):
                text = text[: node.start_mark.column] + new + text[node.end_mark.column :]
            self._ops.append(_Op(line, line, [text]))

    def replace_lines(self, first: int, last: int, lines: list[str]) -> None:
        self._check_free(first, last)
        self._ops.append(_Op(first, last, lines))

    def replace_entry(self, path: tuple[str | int, ...], lines: list[str]) -> None:
        """The mapping entry at ``path`` replaced by ``lines``; the user's comments in it stay above."""
        key = self.key(*path)
        if key is None:
            raise Unsupported("no such entry")
        first = key.start_mark.line
        last = max(first, self.last_line(self.node(*path)))
        self._check_free(first, last)
        self._ops.append(_Op(first, last, [*self._kept_comments(first, last), *lines]))

    def item_indent(self, path: tuple[str | int, ...]) -> str:
        """The indentation of the dash of the sequence item at ``path``."""
        item = self.node(*path)
        if item is None:
            raise Unsupported("no such item")
        prefix = self.lines[item.start_mark.line][: item.start_mark.column]
        if prefix.strip() != "-":
            raise Unsupported("the dash stands elsewhere")
        return str(prefix[: prefix.index("-")])

    def remove_entry(self, path: tuple[str | int, ...], notes: list[str], extra: list[str] | None = None) -> str:
        """Remove the mapping entry at ``path``; ``notes`` (comment texts) stand in its place.

        Returns the indentation of the removed key."""
        parent = self.node(*path[:-1])
        key = self.key(*path)
        if key is None or not isinstance(parent, yaml.MappingNode) or parent.flow_style:
            raise Unsupported("not an entry of a block mapping")
        value = self.node(*path)
        first = key.start_mark.line
        prefix = self.lines[first][: key.start_mark.column]
        if prefix.strip():
            raise Unsupported("the key shares its line")
        last = max(first, self.last_line(value))
        self._remove(first, last, prefix, notes, extra or [])
        return str(prefix)

    def remove_item(self, path: tuple[str | int, ...], notes: list[str], extra: list[str] | None = None) -> str:
        """Remove the item at ``path`` of a block sequence; ``notes`` stand in its place.

        Returns the indentation of the item's dash."""
        parent = self.node(*path[:-1])
        item = self.node(*path)
        if item is None or not isinstance(parent, yaml.SequenceNode) or parent.flow_style:
            raise Unsupported("not an item of a block sequence")
        first = item.start_mark.line
        prefix = self.lines[first][: item.start_mark.column]
        if prefix.strip() != "-":
            raise Unsupported("the dash stands elsewhere")
        last = self.last_line(item)
        indent = prefix[: prefix.index("-")]
        self._remove(first, last, indent, notes, extra or [])
        return str(indent)

    def _remove(self, first: int, last: int, indent: str, notes: list[str], extra: list[str]) -> None:
        self._check_free(first, last)
        kept = self._kept_comments(first, last)
        self._ops.append(_Op(first, last, [*comment_lines(notes, indent), *kept, *extra]))

    def insert(self, line: int, notes: list[str], indent: str = "") -> None:
        """Comment lines before ``line``."""
        self._ops.append(_Op(line, line - 1, comment_lines(notes, indent)))

    def insert_lines(self, line: int, lines: list[str]) -> None:
        self._ops.append(_Op(line, line - 1, lines))

    def append(self, lines: list[str]) -> None:
        """Lines at the end of the file."""
        self._ops.append(_Op(len(self.lines), len(self.lines) - 1, lines))

    def result(self) -> str:
        """The edited text."""
        lines = list(self.lines)
        ends = list(self.ends)
        if ends[-1] == "" and any(op.first >= len(lines) for op in self._ops):
            ends[-1] = self.newline  # lines are appended after a last line without a break
        # from the bottom up, so that earlier line numbers stay right; at the same line, the
        # insertion before it comes after (above) its replacement
        for op in sorted(self._ops, key=lambda o: (o.first, o.last >= o.first), reverse=True):
            new_ends = [self.newline] * len(op.lines)
            if op.last >= op.first and new_ends:
                new_ends[-1] = ends[op.last]  # the last line keeps the break of the last replaced one
            lines[op.first : op.last + 1] = op.lines
            ends[op.first : op.last + 1] = new_ends
        return "".join(line + end for line, end in zip(lines, ends))


def comment_lines(notes: list[str], indent: str = "") -> list[str]:
    """``# …`` lines at ``indent`` for each line of each note (an empty line stays empty)."""
    lines = []
    for note in notes:
        for line in note.split("\n"):
            clean = "".join(ch if ch.isprintable() else " " for ch in line).rstrip()
            lines.append(f"{indent}# {clean}" if clean else "")
    return lines


def commented_out(lines: list[str], indent: str) -> list[str]:
    """YAML lines at ``indent`` or deeper made comments that come back by removing ``# ``."""
    return [f"{indent}# {line[len(indent) :]}" if line.strip() else f"{indent}#" for line in lines]

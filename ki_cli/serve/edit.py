"""Form edits applied to a concept's YAML text: only the edited values change.

The page sends changes by YAML path (``schwerpunkte[0].massnahmen[1].federfuehrung``):

* ``{"path", "value"}``: set a value – a scalar is replaced within its line (its quoting kept where
  it still reads back the same), a missing key is added at the end of its mapping with the
  indentation of its siblings (missing parents too), ``"value": null`` removes the key (an
  emptied field);
* ``{"path": "…[i]", "insert": VALUE}``: a new list entry at index i (i = length: appended), in
  block style at the indentation of its siblings (or inside ``[…]``);
* ``{"path", "remove": true}``: a list entry or mapping entry removed (the user's comments inside
  it stay, as ``ki next-period`` keeps them);
* ``{"path": "…[i]", "move": j}``: the entry moved to index j; the comment lines between entries
  stay where they are.

Everything else stays byte for byte: comments, blank lines, key order, quoting, line breaks. The
edits are line edits on the text (``ki_cli.diff.sourceedit``, guided by libyaml's marks). Each result
is checked: the new text, loaded, must be the old data with exactly this change. What the line
editor cannot do (aliases, odd layouts) goes through ruamel.yaml's round-trip writer, checked the
same way; if that fails too, ``EditError`` says so and the text is left as it was.

Values typed the German way are written as the format expects: ``"1,5"`` in a number field is
``1.5``, ``"01.03.2027"`` in a date field ``2027-03-01`` (the field's type comes from the schema).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from functools import lru_cache
from typing import Any

import yaml

from ki_cli.diff.sourceedit import Source, Unsupported
from ki_cli.format import yamlwrite

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader as _Loader

Path_ = tuple[str | int, ...]

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_WHOLE_PATH = re.compile(r"[^.\[\]\s][^.\[\]]*(?:\.[^.\[\]\s][^.\[\]]*|\[\d+\])*")
_GERMAN_DATE = re.compile(r"\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
_GERMAN_DECIMAL = re.compile(r"\s*([-+]?\d+),(\d+)\s*")
_GERMAN_THOUSANDS = re.compile(r"\s*([-+]?[1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d+))?\s*")
_PLAIN_NUMBER = re.compile(r"\s*[-+]?(\d+(\.\d+)?|\.\d+)\s*")
_DATE_PATTERN = "(19|20|21)[0-9]{2}-"
_NUMBER_PATTERN = "[0-9]+(,[0-9]+)?"  # the format's German number notation


class EditError(Exception):
    """A change that cannot be applied: ``reason`` (``bad_path``, ``not_found``, ``not_a_list``,
    ``bad_change``, ``no_yaml``, ``unsupported``), ``path`` the change's path, ``index`` its position."""

    def __init__(self, reason: str, path: str, detail: str = "", index: int = 0) -> None:
        super().__init__(f"{path}: {reason} {detail}".strip())
        self.reason, self.path, self.detail, self.index = reason, path, detail, index


REASONS = {
    "bad_path": ("der Pfad ist ungültig", "the path is not valid"),
    "not_found": ("diesen Eintrag gibt es nicht", "there is no such entry"),
    "not_a_list": ("hier steht keine Liste", "there is no list here"),
    "bad_change": (
        "eine Änderung braucht genau eines von value, insert, remove, move",
        "a change needs exactly one of value, insert, remove, move",
    ),
    "no_yaml": (
        "der Text ist kein gültiges YAML; beheben Sie den Fehler in der Textansicht",
        "the text is no valid YAML; fix the error in the text view",
    ),
    "unsupported": (
        "diese Stelle lässt sich nicht sicher ändern; ändern Sie sie in der Textansicht",
        "this place cannot be changed safely; change it in the text view",
    ),
}


def parse_path(path: str) -> Path_:
    """``a.b[2].c`` → ``("a", "b", 2, "c")``; ``ValueError`` for anything else."""
    if not _WHOLE_PATH.fullmatch(path):
        raise ValueError(path)
    return tuple(name if name else int(number) for name, number in _SEGMENT.findall(path))


# --- values as the format expects them ------------------------------------------------------------


@lru_cache(maxsize=1)
def _schema() -> dict[str, Any]:
    from ki_cli.format.schema import build

    return build("de")


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    seen = 0
    while "$ref" in node and seen < 20:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        seen += 1
    return node


def _alternatives(schema: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    node = _resolve(schema, node)
    found = [node]
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            found.extend(_alternatives(schema, sub))
    return found


def field_schema(path: Path_) -> list[dict[str, Any]]:
    """The schema alternatives of the field at ``path`` ([] when the schema does not know it)."""
    schema = _schema()
    current = [schema]
    for part in path:
        following: list[dict[str, Any]] = []
        for node in current:
            for alt in _alternatives(schema, node):
                if isinstance(part, int) and isinstance(alt.get("items"), dict):
                    following.append(alt["items"])
                elif isinstance(part, str):
                    if part in alt.get("properties", {}):
                        following.append(alt["properties"][part])
                    elif isinstance(alt.get("additionalProperties"), dict):
                        following.append(alt["additionalProperties"])
        if not following:
            return []
        current = following
    return [alt for node in current for alt in _alternatives(schema, node)]


def _types(alternatives: list[dict[str, Any]]) -> set[str]:
    """What a text typed into the field may be: ``date``, ``number``/``integer``, ``boolean``, ``string``
    (free text: a text alternative without a pattern, or with one that is no number's or date's)."""
    kinds: set[str] = set()
    for alt in alternatives:
        kind = alt.get("type")
        names = kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
        pattern = str(alt.get("pattern", ""))
        for name in names:
            if name != "string":
                kinds.add(name)
            elif _DATE_PATTERN in pattern:
                kinds.add("date")
            elif _NUMBER_PATTERN not in pattern:
                kinds.add("string")
        if "enum" in alt:
            kinds.add("string")
    return kinds


def _number(text: str, whole: bool) -> int | float | None:
    value: float | None = None
    if match := _GERMAN_DECIMAL.fullmatch(text):
        value = float(f"{match[1]}.{match[2]}")
    elif match := _GERMAN_THOUSANDS.fullmatch(text):
        value = float(match[1].replace(".", "") + (f".{match[2]}" if match[2] else ""))
    elif _PLAIN_NUMBER.fullmatch(text):
        value = float(text)
    if value is None:
        return None
    if value.is_integer() and ("," not in text or whole) and abs(value) < 1e15:
        return int(value)
    return None if whole else value


def _date(text: str) -> dt.date | None:
    match = _GERMAN_DATE.fullmatch(text)
    parts = (match[3], match[2], match[1]) if match else None
    if parts is None and (match := _ISO_DATE.fullmatch(text)):
        parts = (match[1], match[2], match[3])
    if parts is None:
        return None
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def typed(value: Any, path: Path_) -> Any:
    """``value`` as the field at ``path`` expects it: German numbers and dates converted, the rest as it is."""
    if isinstance(value, dict):
        return {k: typed(v, (*path, str(k))) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v, (*path, i)) for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value
    kinds = _types(field_schema(path))
    if "date" in kinds and (day := _date(value)) is not None:
        return day
    if kinds & {"number", "integer"} and "string" not in kinds:
        number = _number(value, whole="number" not in kinds)
        if number is not None:
            return number
    if "boolean" in kinds and "string" not in kinds and value.strip().lower() in ("true", "false", "ja", "nein"):
        return value.strip().lower() in ("true", "ja")
    return value


# --- the data, for the check ------------------------------------------------------------------------


def _load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)  # noqa: S506 (the C *safe* loader)


def _expected(data: Any, path: Path_, change: dict[str, Any]) -> Any:
    data = copy.deepcopy(data)
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if "value" in change:
        if change["value"] is None:
            del parent[last]
        else:
            parent[last] = change["value"]
    elif "insert" in change:
        parent.insert(last, change["insert"])
    elif "remove" in change:
        del parent[last]
    else:
        parent.insert(change["move"], parent.pop(last))
    return data


def _set_nested(data: Any, path: Path_, value: Any) -> Any:
    """``data`` with ``value`` at ``path``, creating missing mappings (and a null parent) on the way."""
    data = copy.deepcopy(data)
    if data is None:
        data = {}
    node = data
    for part in path[:-1]:
        if isinstance(node, dict) and node.get(part) is None:
            node[part] = {}
        node = node[part]
    node[path[-1]] = value
    return data


# --- the line edits -------------------------------------------------------------------------------


def _is_null(node: Any) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _walk(src: Source, path: Path_) -> list[Any]:
    """The nodes along ``path`` (the root first); shorter when the path leaves the document."""
    nodes = [src.root]
    for depth in range(1, len(path) + 1):
        node = src.node(*path[:depth])
        if node is None:
            break
        nodes.append(node)
    return nodes


def _scalar_text(value: Any, old: Any, key: str | None, in_flow: bool) -> str:
    """``value`` as a one-line scalar; a text keeps the old quoting style where that still reads back."""
    if isinstance(value, str):
        style = old.style if old is not None and isinstance(old, yaml.ScalarNode) else None
        if style == "'" and "\n" not in value and all(yamlwrite._printable(ch) for ch in value):
            return "'" + value.replace("'", "''") + "'"
        if style == '"':
            return yamlwrite.quoted(value)
        if in_flow and not yamlwrite._flow_word(value):
            return yamlwrite.quoted(value)
        return yamlwrite.text_scalar(value)
    text = yamlwrite.scalar(value, key)
    return text


def _tail(src: Source, line: int) -> str:
    """What follows the content on ``line``: the spaces and the comment, as written."""
    end = src.content_end[line]
    return src.lines[line][end:] if end >= 0 else ""


def _entry_span(src: Source, path: Path_) -> tuple[int, int, int, str]:
    """(first line, last line, column of the key or dash, the text before it on the first line) of
    the entry at ``path``: a mapping entry from its key, a list item from its dash."""
    if isinstance(path[-1], int):
        item = src.node(*path)
        first = item.start_mark.line
        prefix = src.lines[first][: item.start_mark.column]
        if prefix.strip() != "-":
            raise Unsupported("the dash stands elsewhere")
        column = prefix.index("-")
        return first, src.last_line(item), column, prefix[:column]
    key = src.key(*path)
    if key is None:
        raise Unsupported("no such entry")
    first = key.start_mark.line
    column = key.start_mark.column
    return first, max(first, src.last_line(src.node(*path))), column, src.lines[first][:column]


def _entry_lines(path: Path_, value: Any, column: int, prefix: str) -> list[str]:
    key = path[-1]
    if isinstance(key, int):
        lines = yamlwrite.sequence_lines([value], column)
    else:
        lines = yamlwrite.mapping_lines({key: value}, column)
    lines[0] = prefix + lines[0][column:]
    return lines


def _replace_entry(src: Source, path: Path_, value: Any) -> None:
    """The entry at ``path`` written anew with ``value``; a one-line entry keeps its comment."""
    first, last, column, prefix = _entry_span(src, path)
    lines = _entry_lines(path, value, column, prefix)
    if first == last and len(lines) == 1:
        src.replace_lines(first, last, [lines[0] + _tail(src, first)])
        return
    kept = [src.indent(n) + note for n in range(first, last + 1) if (note := src.comment(n)) is not None]
    src.replace_lines(first, last, [*kept, *lines])


def _flow_items(src: Source, node: Any) -> list[str]:
    """The source texts of a one-line flow collection's entries (``key: value`` for a mapping)."""
    if node.start_mark.line != node.end_mark.line:
        raise Unsupported("a flow collection over several lines")
    line = src.lines[node.start_mark.line]
    texts = []
    for entry in node.value:
        if isinstance(node, yaml.MappingNode):
            key, value = entry
            start, end = key.start_mark, value.end_mark
            if not isinstance(key, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
                raise Unsupported("a nested flow collection")
        else:
            if not isinstance(entry, yaml.ScalarNode):
                raise Unsupported("a nested flow collection")
            start, end = entry.start_mark, entry.end_mark
        if start.line != end.line:
            raise Unsupported("an entry over several lines")
        texts.append(line[start.column : end.column])
    return texts


def _rewrite_flow(src: Source, node: Any, texts: list[str]) -> None:
    line = node.start_mark.line
    text = src.lines[line]
    brackets = "{}" if isinstance(node, yaml.MappingNode) else "[]"
    body = ", ".join(texts)
    new = text[: node.start_mark.column] + brackets[0] + body + brackets[1] + text[node.end_mark.column :]
    src.replace_lines(line, line, [new])


def _block_items(src: Source, node: Any) -> list[tuple[int, int]]:
    spans = []
    for index in range(len(node.value)):
        item = node.value[index]
        first = item.start_mark.line
        if src.lines[first][: item.start_mark.column].strip() != "-":
            raise Unsupported("the dash stands elsewhere")
        spans.append((first, src.last_line(item)))
    return spans


def _set(src: Source, path: Path_, value: Any) -> None:
    nodes = _walk(src, path)
    if len(nodes) == len(path) + 1:  # the entry is there
        node, parent = nodes[-1], nodes[-2]
        if value is None:
            _remove(src, path, parent)
            return
        one_line = isinstance(node, yaml.ScalarNode) and node.start_mark.line == node.end_mark.line
        is_scalar_value = not isinstance(value, (dict, list)) and not (isinstance(value, str) and "\n" in value)
        if parent.flow_style and one_line and not isinstance(value, (dict, list)):
            is_scalar_value = True  # a text of several lines, inside […] or {…}: double-quoted with \n
        if one_line and is_scalar_value and node.style not in ("|", ">"):
            key = path[-1] if isinstance(path[-1], str) else None
            src.replace_scalars([(node, _scalar_text(value, node, key, bool(parent.flow_style)))])
            return
        if parent.flow_style:
            raise Unsupported("a collection inside a flow collection")
        _replace_entry(src, path, value)
        return
    if value is None:
        return  # removing what is not there: nothing to do
    depth = len(nodes) - 1  # path[:depth] exists
    if depth == 0 and _is_null(src.root):
        raise Unsupported("an empty document")
    holder = nodes[-1]
    rest = path[depth:]
    if any(isinstance(part, int) for part in rest):
        raise EditError("not_found", "")
    nested: Any = value
    for part in reversed(rest[1:]):
        nested = {part: nested}
    if _is_null(holder) and depth > 0:  # ``vorlage:`` with nothing yet
        _replace_entry(src, path[:depth], {rest[0]: nested})
        return
    if not isinstance(holder, yaml.MappingNode):
        raise EditError("not_found", "")
    key = str(rest[0])
    if holder.flow_style:
        if isinstance(nested, (dict, list)):
            raise Unsupported("a collection inside a flow collection")
        texts = _flow_items(src, holder)
        texts.append(f"{yamlwrite.scalar(key)}: {_scalar_text(nested, None, key, True)}")
        _rewrite_flow(src, holder, texts)
        return
    column = holder.value[0][0].start_mark.column if holder.value else 0
    last = src.last_line(holder)
    src.insert_lines(last + 1, yamlwrite.mapping_lines({key: nested}, column))


def _remove(src: Source, path: Path_, parent: Any) -> None:
    if parent.flow_style:
        texts = _flow_items(src, parent)
        index = path[-1] if isinstance(path[-1], int) else [k.value for k, _ in parent.value].index(path[-1])
        del texts[index]
        _rewrite_flow(src, parent, texts)
        return
    if len(parent.value) == 1 and len(path) > 1:  # the last entry: ``key: []`` / ``key: {}``, not ``key:`` (null)
        _replace_entry(src, path[:-1], [] if isinstance(parent, yaml.SequenceNode) else {})
        return
    if isinstance(path[-1], int):
        src.remove_item(path, [])
    else:
        src.remove_entry(path, [])


def _insert(src: Source, path: Path_, value: Any) -> None:
    index = path[-1]
    assert isinstance(index, int)
    nodes = _walk(src, path[:-1])
    if len(nodes) < len(path) or _is_null(nodes[-1]):  # no list yet
        if index != 0:
            raise EditError("not_found", "")
        _set(src, path[:-1], [value])
        return
    node = nodes[-1]
    if not isinstance(node, yaml.SequenceNode):
        raise EditError("not_a_list", "")
    if index > len(node.value):
        raise EditError("not_found", "")
    if node.flow_style:
        if not node.value:
            if len(path) == 1:
                raise Unsupported("the root")
            if isinstance(nodes[-2], yaml.MappingNode) and not nodes[-2].flow_style:
                _replace_entry(src, path[:-1], [value])
                return
        if isinstance(value, (dict, list)):
            raise Unsupported("a collection inside a flow collection")
        texts = _flow_items(src, node)
        texts.insert(index, _scalar_text(value, None, None, True))
        _rewrite_flow(src, node, texts)
        return
    spans = _block_items(src, node)
    column = src.item_indent((*path[:-1], 0)).__len__()
    lines = yamlwrite.sequence_lines([value], column)
    at = spans[index][0] if index < len(spans) else spans[-1][1] + 1
    if 0 < index < len(spans):  # above the comment lines that stand over the entry it goes before
        while at - 1 > spans[index - 1][1] and src.content_end[at - 1] < 0 and src.lines[at - 1].strip():
            at -= 1
    src.insert_lines(at, lines)


def _move(src: Source, path: Path_, target: int) -> None:
    node = src.node(*path[:-1])
    index = path[-1]
    assert isinstance(index, int)
    if not isinstance(node, yaml.SequenceNode):
        raise EditError("not_a_list", "")
    if not (0 <= index < len(node.value) and 0 <= target < len(node.value)):
        raise EditError("not_found", "")
    order = list(range(len(node.value)))
    order.insert(target, order.pop(index))
    if node.flow_style:
        texts = _flow_items(src, node)
        _rewrite_flow(src, node, [texts[i] for i in order])
        return
    spans = _block_items(src, node)
    blocks = [src.lines[first : last + 1] for first, last in spans]
    gaps = [src.lines[spans[i][1] + 1 : spans[i + 1][0]] for i in range(len(spans) - 1)]
    lines: list[str] = []
    for position, item in enumerate(order):
        lines.extend(blocks[item])
        if position < len(gaps):
            lines.extend(gaps[position])
    src.replace_lines(spans[0][0], spans[-1][1], lines)


def _line_edit(text: str, path: Path_, change: dict[str, Any]) -> str:
    src = Source(text)
    if src.has_alias:
        raise Unsupported("anchors and aliases")
    if "value" in change:
        _set(src, path, change["value"])
    elif "insert" in change:
        _insert(src, path, change["insert"])
    elif "remove" in change:
        nodes = _walk(src, path)
        if len(nodes) != len(path) + 1:
            raise EditError("not_found", "")
        _remove(src, path, nodes[-2])
    else:
        _move(src, path, change["move"])
    return src.result()


def _ruamel_edit(text: str, path: Path_, change: dict[str, Any]) -> str:
    """The same change through ruamel.yaml's round-trip writer (comments kept, layout normalised)."""
    import io

    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)
    data = rt.load(text)
    parent = data
    for part in path[:-1]:
        if isinstance(parent, dict) and part not in parent:
            parent[part] = {}
        parent = parent[part]
    last = path[-1]
    value = change.get("value", change.get("insert"))
    if isinstance(value, dt.date):
        value = dt.date(value.year, value.month, value.day)
    if "value" in change:
        if value is None:
            del parent[last]
        else:
            parent[last] = value
    elif "insert" in change:
        parent.insert(last, value)
    elif "remove" in change:
        del parent[last]
    else:
        parent.insert(change["move"], parent.pop(last))
    out = io.StringIO()
    rt.dump(data, out)
    return out.getvalue()


def _checked(new: str, expected: Any) -> bool:
    try:
        return bool(_load(new) == expected)
    except yaml.YAMLError:
        return False


def apply_one(text: str, change: dict[str, Any], index: int = 0) -> str:
    """``text`` with one change (see the module's text); ``EditError`` when it cannot be made."""
    raw_path = change.get("path")
    if not isinstance(raw_path, str):
        raise EditError("bad_path", str(raw_path), index=index)
    try:
        path = parse_path(raw_path)
    except ValueError:
        raise EditError("bad_path", raw_path, index=index) from None
    kinds = [k for k in ("value", "insert", "remove", "move") if k in change]
    if len(kinds) != 1 or (kinds[0] == "remove" and change["remove"] is not True):
        raise EditError("bad_change", raw_path, index=index)
    if kinds[0] in ("insert", "move") and not isinstance(path[-1], int):
        raise EditError("not_a_list", raw_path, index=index)
    if kinds[0] == "move" and (not isinstance(change["move"], int) or isinstance(change["move"], bool)):
        raise EditError("bad_change", raw_path, index=index)
    change = dict(change)
    for key in ("value", "insert"):
        if key in change:
            change[key] = typed(change[key], path if key == "value" else path)
    try:
        data = _load(text)
    except yaml.YAMLError:
        raise EditError("no_yaml", raw_path, index=index) from None
    try:
        if "value" in change and change["value"] is not None:
            expected = _set_nested(data, path, change["value"])
        else:
            expected = _expected(data, path, change)
    except (KeyError, IndexError, TypeError, AttributeError):
        if "value" in change and change["value"] is None:
            return text
        raise EditError("not_found", raw_path, index=index) from None
    for edit in (_line_edit, _ruamel_edit):
        try:
            new = edit(text, path, change)
        except EditError as err:
            raise EditError(err.reason, raw_path, err.detail, index) from None
        except (Unsupported, yaml.YAMLError, KeyError, IndexError, TypeError, ValueError, AttributeError):
            continue
        if _checked(new, expected):
            return new
    raise EditError("unsupported", raw_path, index=index)


def apply(text: str, changes: list[dict[str, Any]]) -> str:
    """``text`` with every change, one after the other (each path as the text stands after the ones before)."""
    for index, change in enumerate(changes):
        if not isinstance(change, dict):
            raise EditError("bad_change", "", index=index)
        text = apply_one(text, change, index)
    return text

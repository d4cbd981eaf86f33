"""The editor's form, built from the format's one definition (``ki_cli.format.model``) and a loaded concept.

Nothing here lists a section's fields by hand: the sections, their fields, German labels and help
(``model.doc``), the vocabularies (``Literal``) and which fields are lists, numbers, dates or yes/no
all come from the Pydantic models. The page's templates (``templates/form.html``) only lay the tree
out. Every input's ``name`` is the YAML path of its value (``schwerpunkte[0].massnahmen[1].federfuehrung``),
the path the findings carry (``yaml_path`` in ``ki validate --format json``), so the page puts each
finding beside its field.

What the models cannot say is where a reference points: that is ``REFERENCES`` (the same pools as
``check.structure.check_references``), used to offer drop-downs of the partners, agreements and goals.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from pydantic import BaseModel

from ki_cli.check.sourcemap import join
from ki_cli.format import model, vocab

Kind = Literal["text", "textarea", "select", "number", "integer", "date", "yesno"]

LONG_TEXT_CHARS = 70
"""A text value longer than this (or with a line break) gets a text area instead of a line."""
LONG_TEXT_KEYS = frozenset({"begruendung", "beschreibung", "gegenstand", "zustaendigkeit_partner", "beitrag_ki"})
"""Keys whose text is prose: a text area even when still short (a presentation hint, not a field list)."""

REFERENCES: dict[tuple[str, str], str] = {
    ("Massnahme", "federfuehrung"): "partner_or_ki",
    ("Massnahme", "beteiligt"): "partner_or_ki",
    ("Massnahme", "vereinbarung"): "agreement",
    ("Massnahme", "ziele"): "goal",
    ("Vereinbarung", "partner"): "partner",
}
"""Which pool of ids a reference field takes (``check.structure.check_references`` checks the same)."""

LAZY_ENTRIES = 25
"""A list longer than this offers its entries in a drop-down; an entry's fields come when it is opened
(``build_entry``), so that a concept of 2,000 measures opens at once instead of as 20 MB of HTML."""
SKIPPED_TOP = frozenset({"version"})
"""Top-level fields that are no section of the form (the format version is always 1)."""


@dataclass
class Option:
    value: str
    label: str


@dataclass
class Input:
    """One value of the file: an ``<input>``, ``<textarea>`` or ``<select>`` named by its YAML path."""

    name: str
    label: str
    help: str
    kind: Kind
    value: str = ""
    options: list[Option] = field(default_factory=list)
    required: bool = False
    optional_select: bool = True
    node: str = "input"

    @property
    def id(self) -> str:
        return "f:" + self.name

    @property
    def help_id(self) -> str:
        return "h:" + self.name


@dataclass
class Group:
    """A mapping of the file (a section or a list entry): its fields in the model's order."""

    name: str
    title: str
    help: str
    children: list[Node] = field(default_factory=list)
    problem: str = ""
    node: str = "group"

    @property
    def id(self) -> str:
        return "g:" + (self.name or "root")


@dataclass
class Entry:
    """One entry of a list: its index, a short caption and the entry's group or input."""

    name: str
    index: int
    caption: str
    content: Group | Input | None
    count: int = 0
    """How many entries the list has (for the move buttons)."""


@dataclass
class ListField:
    """A list of the file: its entries with add, remove and move; ``new`` is what "add" inserts."""

    name: str
    title: str
    help: str
    item_title: str
    entries: list[Entry] = field(default_factory=list)
    new: Any = None
    problem: str = ""
    lazy: bool = False
    node: str = "list"

    @property
    def id(self) -> str:
        return "l:" + self.name


Node = Union[Input, Group, ListField]


@dataclass
class Pools:
    """The ids a concept defines, for the reference drop-downs: id → a label to show."""

    partner: dict[str, str] = field(default_factory=dict)
    agreement: dict[str, str] = field(default_factory=dict)
    goals_of: dict[int, dict[str, str]] = field(default_factory=dict)
    schwerpunkte: dict[str, str] = field(default_factory=dict)

    def options(self, pool: str, schwerpunkt: int | None) -> list[Option]:
        if pool == "partner_or_ki":
            return [Option(vocab.KI, "ki – das KI selbst"), *self._shown(self.partner)]
        if pool == "partner":
            return self._shown(self.partner)
        if pool == "agreement":
            return self._shown(self.agreement)
        if pool == "goal":
            return self._shown(self.goals_of.get(schwerpunkt if schwerpunkt is not None else -1, {}))
        return []

    @staticmethod
    def _shown(ids: dict[str, str]) -> list[Option]:
        return [Option(i, f"{i} – {label}" if label else i) for i, label in ids.items()]


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def pools_of(data: Any) -> Pools:
    """The partners, agreements, goals (per Schwerpunkt) and Schwerpunkte a concept defines."""
    pools = Pools()
    if not isinstance(data, dict):
        return pools
    for p in _dicts(data.get("partner")):
        if _scalar(p.get("id")):
            pools.partner[str(p["id"])] = _text(p.get("name"))
    for v in _dicts(data.get("vereinbarungen")):
        if _scalar(v.get("id")):
            pools.agreement[str(v["id"])] = _text(v.get("gegenstand"))
    schwerpunkte = data.get("schwerpunkte")
    for i, s in enumerate(schwerpunkte if isinstance(schwerpunkte, list) else []):
        if not isinstance(s, dict):
            continue
        if _scalar(s.get("id")):
            pools.schwerpunkte[str(s["id"])] = _text(s.get("titel"))
        pools.goals_of[i] = {
            str(z["id"]): _text(z.get("beschreibung")) for z in _dicts(s.get("ziele")) if _scalar(z.get("id"))
        }
    return pools


# --- what the models say about a field ----------------------------------------------------------


@dataclass
class Shape:
    """A field's type, unwrapped: a section (model), a list of shapes, a mapping, or a scalar kind."""

    kind: str  # "section", "list", "mapping", or a scalar Kind
    model: type[BaseModel] | None = None
    item: Shape | None = None
    options: tuple[str, ...] = ()
    optional: bool = False


def shape_of(annotation: Any) -> Shape:
    """What the model's annotation says a field holds."""
    optional = False
    origin = typing.get_origin(annotation)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
        origin = typing.get_origin(annotation)
    shape = _plain_shape(annotation, origin)
    shape.optional = optional
    return shape


def _plain_shape(annotation: Any, origin: Any) -> Shape:
    if origin is Literal:
        return Shape("select", options=tuple(str(a) for a in typing.get_args(annotation)))
    if origin is list:
        return Shape("list", item=shape_of(typing.get_args(annotation)[0]))
    if origin is dict:
        return Shape("mapping", item=shape_of(typing.get_args(annotation)[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return Shape("section", model=annotation)
    if annotation is bool:
        return Shape("yesno")
    if annotation is int:
        return Shape("integer")
    if annotation is float:
        return Shape("number")
    if annotation is dt.date:
        return Shape("date")
    return Shape("text")


# --- values as the form shows them --------------------------------------------------------------


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return "" if value is None or isinstance(value, (dict, list)) else str(value)


def shown(value: Any, kind: str) -> str:
    """A value as its input shows it: German numbers (``0,5``) and dates (``01.03.2027``), ja/nein."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    source = getattr(value, "source", None)
    if isinstance(value, dt.date):
        return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
    if isinstance(value, float):
        if source is not None:
            return str(source)
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value).replace(".", ",")
    if isinstance(value, int):
        return str(source) if source is not None else str(value)
    if isinstance(value, (dict, list)):
        return ""
    return str(value)


# --- the form -----------------------------------------------------------------------------------


def _texts(section: type[BaseModel], key: str) -> tuple[str, str]:
    info = section.model_fields[key]
    return info.title or key, info.description or ""


def _vocab_options(options: tuple[str, ...]) -> list[Option]:
    from ki_cli.render.labels import LABELS

    def label(word: str) -> str:
        shown = LABELS.get(word, word)
        return shown if shown.lower() == word else f"{shown} ({word})"

    return [Option(v, label(v)) for v in options]


@dataclass
class _Context:
    pools: Pools
    schwerpunkt: int | None = None


def _input(path: str, key: str, label: str, help: str, shape: Shape, value: Any, ctx: _Context, owner: str) -> Input:
    kind: str = shape.kind
    options: list[Option] = []
    pool = REFERENCES.get((owner, key))
    if shape.kind == "select":
        options = _vocab_options(shape.options)
    elif pool is not None:
        kind = "select"
        options = ctx.pools.options(pool, ctx.schwerpunkt)
    elif shape.kind == "yesno":
        kind = "select"
        options = [Option("ja", "ja"), Option("nein", "nein")]
    elif shape.kind == "text":
        text = _text(value)
        if key in LONG_TEXT_KEYS or len(text) > LONG_TEXT_CHARS or "\n" in text:
            kind = "textarea"
    current = shown(value, shape.kind)
    if kind == "select" and current and current not in {o.value for o in options}:
        options = [*options, Option(current, f"{current} (unbekannt)")]  # nothing the user wrote is lost
    return Input(
        name=path,
        label=label,
        help=help,
        kind=typing.cast(Kind, kind),
        value=current,
        options=options,
        required=not shape.optional,
    )


def _section(path: str, section: type[BaseModel], data: Any, title: str, help: str, ctx: _Context) -> Group:
    group = Group(name=path, title=title, help=help)
    values: dict[str, Any] = data if isinstance(data, dict) else {}
    if data is not None and not isinstance(data, dict):
        group.problem = "Dieser Eintrag ist kein Abschnitt mit Feldern; bitte in der Textansicht bearbeiten."
    for key, info in section.model_fields.items():
        if not path and key in SKIPPED_TOP:
            continue
        label, hint = _texts(section, key)
        child_path = join(path, key)
        shape = shape_of(info.annotation)
        if not info.is_required():
            shape.optional = True
        group.children.append(_node(child_path, key, label, hint, shape, values.get(key), ctx, section.__name__))
    unknown = [k for k in values if k not in section.model_fields]
    if unknown:
        words = ", ".join(f"„{k}“" for k in unknown)
        group.problem = (group.problem + " " if group.problem else "") + (
            f"Unbekannte Schlüssel: {words} – bitte in der Textansicht bearbeiten."
        )
    return group


def _node(path: str, key: str, label: str, help: str, shape: Shape, value: Any, ctx: _Context, owner: str) -> Node:
    if shape.kind == "section" and shape.model is not None:
        return _section(path, shape.model, value, label, help, ctx)
    if shape.kind == "list" and shape.item is not None:
        return _list(path, key, label, help, shape.item, value, ctx, owner)
    if shape.kind == "mapping" and shape.item is not None:
        return _mapping(path, key, label, help, shape.item, value, ctx, owner)
    return _input(path, key, label, help, shape, value, ctx, owner)


def _caption(item_title: str, index: int, value: Any) -> str:
    caption = f"{item_title} {index + 1}"
    if isinstance(value, dict):
        name = next((_text(value.get(k)) for k in ("titel", "name", "posten", "id") if _text(value.get(k))), "")
        if name:
            caption += f": {name}"
    return caption


def _item_title(label: str, shape: Shape) -> str:
    if shape.model is not None:
        from ki_cli.format.schema_texts import TEXTS

        texts = TEXTS.get(shape.model.__name__)
        if texts:
            return texts[0]
        return shape.model.__name__
    return label


def _list(path: str, key: str, label: str, help: str, item: Shape, value: Any, ctx: _Context, owner: str) -> ListField:
    node = ListField(name=path, title=label, help=help, item_title=_item_title(label, item))
    items = value if isinstance(value, list) else []
    if value is not None and not isinstance(value, list):
        node.problem = "Hier wird eine Liste erwartet; bitte in der Textansicht bearbeiten."
    node.lazy = len(items) > LAZY_ENTRIES and item.kind == "section"
    for i, entry in enumerate(items):
        if node.lazy:
            caption = _caption(node.item_title, i, entry)
            node.entries.append(Entry(name=join(path, i), index=i, caption=caption, content=None, count=len(items)))
        else:
            node.entries.append(_entry(path, key, label, help, item, items, i, ctx, owner))
    node.new = new_entry(item, ctx.pools, path, len(items))
    return node


def _entry(
    path: str, key: str, label: str, help: str, item: Shape, items: list[Any], i: int, ctx: _Context, owner: str
) -> Entry:
    entry_path = join(path, i)
    inner = _Context(ctx.pools, schwerpunkt=i) if path == "schwerpunkte" else ctx
    caption = _caption(_item_title(label, item), i, items[i])
    content: Group | Input
    if item.kind == "section" and item.model is not None:
        content = _section(entry_path, item.model, items[i], caption, "", inner)
    else:
        content = _input(entry_path, key, f"{label} {i + 1}", help, item, items[i], inner, owner)
    return Entry(name=entry_path, index=i, caption=caption, content=content, count=len(items))


_PART = re.compile(r"\.?([^.[\]]+)|\[(\d+)\]")


def build_entry(data: Any, path: str) -> Entry | None:
    """One list entry of a concept with its fields (``schwerpunkte[0].massnahmen[812]``), or None
    when the path names no list entry of the format in ``data``."""
    parts: list[str | int] = [int(i) if i else k for k, i in _PART.findall(path)]
    if not parts or not isinstance(parts[-1], int) or not isinstance(data, dict):
        return None
    ctx = _Context(pools_of(data))
    section: type[BaseModel] = model.Konzept
    value: Any = data
    prefix, key, owner = "", "", section.__name__
    shape = Shape("section", model=section)
    for n, part in enumerate(parts[:-1]):
        if isinstance(part, int):
            if not isinstance(value, list) or part >= len(value) or shape.item is None or shape.item.model is None:
                return None
            if prefix == "schwerpunkte":
                ctx = _Context(ctx.pools, schwerpunkt=part)
            section, value = shape.item.model, value[part]
        else:
            info = section.model_fields.get(part)
            if info is None or not isinstance(value, dict):
                return None
            shape = shape_of(info.annotation)
            key, owner, value = part, section.__name__, value.get(part)
            if isinstance(parts[n + 1], str) and (shape.kind != "section" or shape.model is None):
                return None
            if shape.kind == "section" and shape.model is not None:
                section = shape.model
        prefix = join(prefix, part)
    index = parts[-1]
    if not key or not isinstance(value, list) or index >= len(value) or shape.kind != "list" or shape.item is None:
        return None
    label, hint = _texts(getattr(model, owner), key)
    return _entry(prefix, key, label, hint, shape.item, value, index, ctx, owner)


def _mapping(path: str, key: str, label: str, help: str, item: Shape, value: Any, ctx: _Context, owner: str) -> Group:
    """``einsatz``: one number per Schwerpunkt (the keys it may take), and any other key it has."""
    group = Group(name=path, title=label, help=help)
    values: dict[str, Any] = value if isinstance(value, dict) else {}
    keys = [*ctx.pools.schwerpunkte, *(str(k) for k in values if str(k) not in ctx.pools.schwerpunkte)]
    for k in keys:
        title = ctx.pools.schwerpunkte.get(k, "")
        shape = Shape(item.kind, optional=True)
        child = _input(
            join(path, k), k, f"{label}: {k}" + (f" ({title})" if title else ""), help, shape, values.get(k), ctx, owner
        )
        group.children.append(child)
    return group


def new_entry(item: Shape, pools: Pools, path: str, count: int) -> Any:
    """What "add" inserts into a list: the entry's required keys, a fresh id, a vocabulary's first word."""
    if item.model is None:
        return ""
    taken = {*pools.partner, *pools.agreement, *pools.schwerpunkte, *(g for d in pools.goals_of.values() for g in d)}
    entry: dict[str, Any] = {}
    for key, info in item.model.model_fields.items():
        if not info.is_required():
            continue
        shape = shape_of(info.annotation)
        if key == "id":
            stem = item.model.__name__.lower()
            n = count + 1
            while f"{stem}-{n}" in taken:
                n += 1
            entry[key] = f"{stem}-{n}"
        elif shape.kind == "select":
            entry[key] = shape.options[0]
        elif shape.kind == "list":
            entry[key] = []
        elif shape.kind == "mapping":
            entry[key] = {}
        else:
            entry[key] = ""
    return entry


def build_form(data: Any) -> Group:
    """The whole form of a loaded concept (``data`` as ``check.load`` read it; anything, even broken)."""
    ctx = _Context(pools_of(data))
    return _section("", model.Konzept, data if isinstance(data, dict) else {}, "Konzept", "", ctx)


def walk(node: Node) -> typing.Iterator[Input]:
    """Every input of a form, in page order."""
    if isinstance(node, Input):
        yield node
    elif isinstance(node, Group):
        for child in node.children:
            yield from walk(child)
    else:
        for entry in node.entries:
            if entry.content is not None:
                yield from walk(entry.content)

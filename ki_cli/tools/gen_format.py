"""Generate what is derived from the Pydantic models: ``ki_cli/format/coreschema.py`` and the JSON Schema.

    python -m ki_cli.tools.gen_format          # rewrite both files
    python -m ki_cli.tools.gen_format --check  # exit 1 when one of them is stale

``ki_cli/format/model.py`` is the one definition of the format; after changing it, this one command
brings everything derived from it up to date: the JSON Schema ``ki schema`` writes (committed
as ``schema/ki-konzept-1.schema.json``) and the core schema ``ki validate`` runs.

Pydantic compiles each model into a
*core schema* (``Konzept.__pydantic_core_schema__``), which ``pydantic_core.SchemaValidator``
executes. This tool writes that very schema as a Python module that needs no Pydantic:

* every section (a ``model`` schema) becomes a record class (``ki_cli.format.records.Record`` with the
  model's behaviour mixins from ``ki_cli.format.behaviour``) and a variable holding its schema, whose
  ``cls`` is that record class instead of the model;
* every validator function is written as its import path; it must be a function of
  ``ki_cli.format.converters`` (which imports no Pydantic) – anything else, such as a validator
  Pydantic adds itself, stops the tool instead of being skipped;
* what only serves the JSON Schema or serialization (``metadata``, ``serialization``) and the
  models' unstable ``ref`` ids are left out;
* a part that stands in several places (a field type such as ``Text | None``) is written once,
  under a name made of its layers (``_FIELD_DEFAULT_NULLABLE_AS_TEXT_STR``), and shared.

Nothing is interpreted or re-implemented: what runs at validation time is Pydantic's own
compiled schema, executed by ``pydantic_core``.
The generated file names the pydantic-core version it was written with; the versions are pinned
in ``pyproject.toml`` and ``tests/test_coreschema.py`` fails when the file is stale.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import types
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import BaseModel

from ki_cli.format import behaviour, converters, schema
from ki_cli.format.model import Konzept
from ki_cli.format.schema import FILE_NAMES

TARGET = Path(__file__).resolve().parents[1] / "format" / "coreschema.py"
SCHEMA_TARGETS = {lang: Path(__file__).resolve().parents[2] / "schema" / name for lang, name in FILE_NAMES.items()}
"""The JSON Schema in German (``ki schema``) and in English (``ki schema --lang en``), side by side."""
SCHEMA_TARGET = SCHEMA_TARGETS["de"]
COMMAND = "python -m ki_cli.tools.gen_format"

_LEFT_OUT = {"metadata", "serialization", "ref"}  # JSON Schema and serialization only; unstable ids
_PLAIN = (str, int, float, bool, type(None))
WIDTH = 120  # the project's line length


class Unsupported(Exception):
    """The models use something this tool cannot write without Pydantic."""


def _models(schema: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every ``model`` schema below ``schema``, each after the models it contains (dependency order)."""
    if schema.get("type") == "definitions" or _has(schema, "definition-ref"):
        raise Unsupported("the models' schema uses definitions (a recursive or shared model)")
    order: list[dict[str, Any]] = []
    seen: set[type] = set()

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key not in _LEFT_OUT:
                    visit(value)
            if node.get("type") == "model" and node["cls"] not in seen:
                seen.add(node["cls"])
                order.append(node)
        elif isinstance(node, (list, tuple)):
            for value in node:
                visit(value)

    visit(schema)
    names = [m["cls"].__name__ for m in order]
    if len(set(names)) != len(names):
        raise Unsupported(f"two models share a name: {sorted(n for n in names if names.count(n) > 1)}")
    return order


def _has(node: Any, kind: str) -> bool:
    if isinstance(node, dict):
        return node.get("type") == kind or any(_has(v, kind) for k, v in node.items() if k not in _LEFT_OUT)
    if isinstance(node, (list, tuple)):
        return any(_has(v, kind) for v in node)
    return False


def _variable(model: type) -> str:
    return "_" + model.__name__.upper()


def _function(func: Any) -> str:
    name = getattr(func, "__name__", "")
    if not isinstance(func, types.FunctionType) or getattr(converters, name, None) is not func:
        raise Unsupported(
            f"validator {func!r} is not a function of ki_cli.format.converters: the generated schema could not run "
            "without Pydantic (put the constraint before the validator, or move the function into "
            "ki_cli/format/converters.py)"
        )
    return f"converters.{name}"


class _Source(str):
    """Python source to be written as it is (a literal, a name, a function's path)."""


def _tree(node: Any, top: bool = False) -> Any:
    """``node`` with every leaf as source: a nested model is its variable, a function its path."""
    if isinstance(node, dict):
        if node.get("type") == "model" and not top:
            return _Source(_variable(node["cls"]))
        out = {}
        for key, value in node.items():
            if key in _LEFT_OUT:
                continue
            if key == "cls":
                out[key] = _Source(value.__name__)
            elif key == "function" and not isinstance(value, dict):
                out[key] = _Source(_function(value))
            else:
                out[key] = _tree(value)
        return out
    if isinstance(node, list):
        return [_tree(v) for v in node]
    if isinstance(node, tuple):
        return tuple(_tree(v) for v in node)
    if isinstance(node, float) and not math.isfinite(node):
        raise Unsupported(f"value {node!r}")
    if isinstance(node, str):
        return _Source(_quoted(node))
    if isinstance(node, _PLAIN):
        return _Source(repr(node))
    raise Unsupported(f"value {node!r} of type {type(node).__name__}")


def _flat(tree: Any) -> str:
    if isinstance(tree, dict):
        return "{" + ", ".join(f"{_quoted(k)}: {_flat(v)}" for k, v in tree.items()) + "}"
    if isinstance(tree, list):
        return "[" + ", ".join(map(_flat, tree)) + "]"
    if isinstance(tree, tuple):
        return "(" + ", ".join(map(_flat, tree)) + ("," if len(tree) == 1 else "") + ")"
    return str(tree)


def _source(tree: Any, indent: int = 0, column: int = 0, tail: int = 0) -> str:
    """``tree`` as source starting at ``column`` on a line indented by ``indent``, ``tail`` characters
    following it: on one line where it fits into ``WIDTH``, else one entry per line (as ruff formats)."""
    flat = _flat(tree)
    if column + len(flat) + tail <= WIDTH or not isinstance(tree, (dict, list, tuple)) or not tree:
        return flat
    inner = indent + 4
    pad = " " * inner
    if isinstance(tree, dict):
        items = [f"{pad}{_quoted(k)}: {_source(v, inner, inner + len(_quoted(k)) + 2, 1)}," for k, v in tree.items()]
        brackets = "{}"
    else:
        items = [f"{pad}{_source(v, inner, inner, 1)}," for v in tree]
        brackets = "[]" if isinstance(tree, list) else "()"
    return brackets[0] + "\n" + "\n".join(items) + "\n" + " " * indent + brackets[1]


def _quoted(text: str) -> str:
    """A string literal in double quotes (the project's style)."""
    shown = repr(text)
    return '"' + shown[1:-1] + '"' if shown.startswith("'") and '"' not in text else shown


def _statement(head: str, tree: Any, indent: int = 0) -> str:
    """``head = tree`` (``head`` with its annotation) as source."""
    start = " " * indent + head + " = "
    return start + _source(tree, indent, len(start))


def _record(model: dict[str, Any]) -> str:
    cls: type[BaseModel] = model["cls"]
    fields = model["schema"]["fields"]
    mixins = [b.__name__ for b in cls.__mro__ if b.__module__ == behaviour.__name__]
    defaults = {}
    for key, field in fields.items():
        if field["schema"]["type"] == "default":
            if "default_factory" in field["schema"]:
                raise Unsupported(f"field {cls.__name__}.{key}: a default factory")
            defaults[key] = _tree(field["schema"]["default"])
    lines = [
        f"class {cls.__name__}({', '.join([*mixins, 'Record'])}):",
        f'    """Section ``{cls.__name__}`` of the concept format (``{cls.__module__}.{cls.__qualname__}``)."""',
        "",
        "    __slots__ = ()",
        _statement("_fields: ClassVar[tuple[str, ...]]", tuple(_Source(_quoted(k)) for k in fields), 4),
        _statement("_defaults: ClassVar[dict[str, Any]]", defaults, 4),
    ]
    return "\n".join(lines) + "\n"


def _check_model(model: dict[str, Any]) -> None:
    cls = model["cls"]
    body = model["schema"]
    if body.get("type") != "model-fields" or set(body) - {"type", "fields", "model_name", "computed_fields"}:
        raise Unsupported(f"model {cls.__name__}: a schema other than plain fields")
    if body.get("computed_fields"):
        raise Unsupported(f"model {cls.__name__}: computed fields")


# --- shared parts: a field type used by several fields is written once, under a name saying what it is


_MIN_SHARED = 40  # shorter parts stay inline


def _parts(tree: Any) -> list[str]:
    """Words naming a schema part: its layers from the outside in (``FIELD_DEFAULT_NULLABLE_AS_TEXT_STR``)."""
    if isinstance(tree, _Source):
        return [tree.lstrip("_")]
    if not isinstance(tree, dict):
        return []
    kind = str(tree.get("type", "")).strip('"')  # the leaves are source: quoted
    words = {
        "model-field": ["FIELD"],
        "default": ["DEFAULT"],
        "nullable": ["NULLABLE"],
        "list": ["LIST_OF"],
        "dict": ["DICT_OF"],
    }.get(kind)
    if words is None and kind.startswith("function-"):
        words = [str(tree["function"]["function"]).split(".")[-1].upper()]
    if words is None and kind == "literal":
        words = ["LITERAL", str(tree["expected"][0]).strip('"').upper()]
    if words is None:
        words = [kind.upper()] + [f"{k.upper()}_{v}" for k, v in tree.items() if k != "type"]
    inner = tree.get("schema", tree.get("items_schema", tree.get("values_schema")))
    return words + _parts(inner)


def _is_part(flat: str) -> bool:
    """A schema of a value (not the ``{"type": "no-info", "function": …}`` a validator sits in)."""
    return not flat.startswith(('{"type": "no-info"', '{"type": "with-info"'))


def _dicts(tree: Any, stop: Callable[[dict[str, Any]], bool] | None = None) -> Iterator[dict[str, Any]]:
    """Every mapping in ``tree`` (itself included), outside in, in source order; ``stop`` ends a descent."""
    if isinstance(tree, dict):
        yield tree
        if stop is not None and stop(tree):
            return
        children: Iterable[Any] = tree.values()
    elif isinstance(tree, (list, tuple)):
        children = tree
    else:
        return
    for child in children:
        yield from _dicts(child, stop)


def _share(roots: list[dict[str, Any]], taken: set[str]) -> dict[str, str]:
    """The parts (by their flat source) that stand in more than one place, with their names."""
    below = [child for root in roots for child in root.values()]  # a section's own mapping is never shared

    def counts(shared: set[str]) -> Counter[str]:
        seen: set[str] = set()

        def once(tree: dict[str, Any]) -> bool:  # a shared part's insides count where it is defined
            key = _flat(tree)
            if key not in shared:
                return False
            if key in seen:
                return True
            seen.add(key)
            return False

        return Counter(_flat(tree) for tree in _dicts(below, once))

    shared = {key for key, n in counts(set()).items() if n > 1 and len(key) >= _MIN_SHARED and _is_part(key)}
    while (kept := {key for key, n in counts(shared).items() if key in shared and n > 1}) != shared:
        shared = kept
    names: dict[str, str] = {}
    for tree in _dicts(roots):
        key = _flat(tree)
        if key in shared and key not in names:
            base = "_" + re.sub(r"[^A-Z0-9]+", "_", "_".join(_parts(tree)).upper()).strip("_")
            name, n = base, 2
            while name in names.values() or name in taken:
                name, n = f"{base}_{n}", n + 1
            names[key] = name
    return names


def _replace(tree: Any, names: dict[str, str], top: bool = False) -> Any:
    """``tree`` with every shared part (below its top) replaced by its name."""
    if isinstance(tree, dict):
        if not top and _flat(tree) in names:
            return _Source(names[_flat(tree)])
        return {key: _replace(value, names) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_replace(value, names) for value in tree]
    if isinstance(tree, tuple):
        return tuple(_replace(value, names) for value in tree)
    return tree


def _uses(tree: Any, defined: dict[str, Any]) -> list[str]:
    if isinstance(tree, _Source):
        return [tree] if tree in defined else []
    values = tree.values() if isinstance(tree, dict) else tree if isinstance(tree, (list, tuple)) else ()
    return [name for value in values for name in _uses(value, defined)]


def _definitions(models: list[dict[str, Any]]) -> dict[str, Any]:
    """Every variable of the schema (shared parts and sections), each after the ones it uses."""
    sections = {_variable(m["cls"]): _tree(m, top=True) for m in models}
    names = _share(list(sections.values()), set(sections))
    defined: dict[str, Any] = {}
    for tree in _dicts(list(sections.values())):
        key = _flat(tree)
        if key in names and names[key] not in defined:
            defined[names[key]] = _replace(tree, names, top=True)
    defined.update((name, _replace(tree, names, top=True)) for name, tree in sections.items())
    ordered: dict[str, Any] = {}

    def place(name: str) -> None:
        if name not in ordered:
            for used in _uses(defined[name], defined):
                place(used)
            ordered[name] = defined[name]

    for name in defined:
        place(name)
    return ordered


HEADER = '''"""The concept format as pydantic_core's core schema, with the record classes it builds.

Generated by ``{command}`` from ki_cli/format/model.py – do not edit.
tests/test_coreschema.py fails when this file is stale. What the file is, and why: see
ki_cli/tools/gen_format.py; it is run by ``ki_cli.format.records.validate``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ki_cli.format import converters
{mixins}from ki_cli.format.records import Record

PYDANTIC_CORE_VERSION = "{version}"
"""The pydantic-core this schema was generated with (pinned in pyproject.toml)."""
'''


def render() -> str:
    """The text of ``ki_cli/format/coreschema.py``."""
    models = _models(Konzept.__pydantic_core_schema__)
    mixins = sorted({b.__name__ for m in models for b in m["cls"].__mro__ if b.__module__ == behaviour.__name__})
    parts = [
        HEADER.format(
            command=COMMAND,
            version=pydantic_core.__version__,
            mixins=f"from ki_cli.format.behaviour import {', '.join(mixins)}\n" if mixins else "",
        )
    ]
    for model in models:
        _check_model(model)
        parts.append("\n\n" + _record(model))
    for name, tree in _definitions(models).items():
        parts.append("\n\n" + _statement(f"{name}: dict[str, Any]", tree) + "\n")
    parts.append(f'\n\nSCHEMA = {_variable(Konzept)}\n"""The schema of a whole concept file."""\n')
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the committed files are current")
    args = parser.parse_args(argv)
    stale = 0
    generated = [(TARGET, render()), *((path, schema.dumps(lang=lang)) for lang, path in SCHEMA_TARGETS.items())]
    for target, text in generated:
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{target.name} is stale: run {COMMAND}", file=sys.stderr)
                stale = 1
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.name}: {text.count(chr(10))} lines")
    return stale


if __name__ == "__main__":
    sys.exit(main())

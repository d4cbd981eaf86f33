"""Templates: the built-in ones inside the package, a municipality's own ones first.

A concept file is exchanged between municipalities and rendered by the dozen, and a template
folder may come from anyone, so rendering is confined:

* The environment is Jinja2's sandbox (no ``__class__``, ``__globals__``, no OS), undefined
  variables are errors that name the template and line.
* Templates are read from their folder only: a symbolic link (or a name with ``..``) that
  leads out of the template folder is refused, as is anything but a regular file of at most
  ``MAX_TEMPLATE_BYTES``.
* HTML templates (``.html``, ``.html.j2`` …) are autoescaped, the frame included. In a
  Markdown template every printed value is escaped for Markdown unless it is ``MdText`` (what
  the ``md``, ``datum``, ``euro`` … filters return) or marked ``| safe``: user text never
  becomes Markdown syntax.
* Limits: every loop iteration, call, filter and arithmetic operation counts against
  ``MAX_STEPS``, with a time limit of ``MAX_SECONDS``; strings, lists and numbers a template
  makes are bounded before they are made where that is possible (``'x' * 10**9``,
  ``center(10**9)``, ``2 ** 10**9``) and checked after every operation; calls nest at most
  ``MAX_DEPTH`` deep, loops ``MAX_LOOP_NESTING``; recursion through ``include``, ``extends``
  or ``import`` ends in a clear error. Every failure is a ``RenderError`` naming the template
  and line.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import os
import re
import stat
import string
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateRuntimeError,
    TemplateSyntaxError,
    nodes,
    pass_context,
    pass_eval_context,
)
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace
from markupsafe import Markup

from ki_cli.messages import ui
from ki_cli.render.formatting import FILTERS, MdText, escape, md
from ki_cli.render.labels import label
from ki_cli.text import L

_PACKAGE = Path(__file__).resolve().parent.parent
# The built-in templates: inside the package when installed from a wheel (pyproject.toml puts the
# repository's top-level ``templates/`` there), else the top-level folder of the source tree.
BUILTIN = _PACKAGE / "templates" if (_PACKAGE / "templates").is_dir() else _PACKAGE.parent / "templates"

MAX_TEMPLATE_BYTES = 1_000_000  # one template file
MAX_STEPS = 5_000_000  # loop iterations, calls, filters and operators in one template render
MAX_SECONDS = 60.0  # one template render
MAX_STRING = 10_000_000  # characters (or bytes) of one value a template makes
MAX_ITEMS = 1_000_000  # entries of one list, tuple, dict or set a template makes
MAX_OUTPUT = 20_000_000  # characters of one rendered document (the largest generated concept has 2,500,000)
MAX_DIGITS = 10_000  # digits of a number a template computes
MAX_WIDTH = 10_000  # a field width or precision in a format string
MAX_PRINTED = 200_000  # values inside one list or mapping that is printed (or turned into text)
MAX_DEPTH = 50  # nested calls: macros, caller(), recursive loops
MAX_LOOP_NESTING = 12  # for loops inside each other in one template
MAX_BLOCK_NESTING = 40  # block statements (for, if, macro, call, filter, with …) inside each other
_MAX_BITS = int(MAX_DIGITS * 3.33)


def _count(number: float) -> L:
    """A limit as German and English text: 10.000.000 / 10,000,000."""
    text = f"{number:,}"
    return L(text.replace(",", "."), text)


class RenderError(Exception):
    """A template failed: which template, which line, and why (German and English)."""

    def __init__(self, template: str, line: int | None, de: str, en: str) -> None:
        super().__init__(de)
        self.template, self.line, self.de, self.en = template, line, de, en

    def message(self, lang: str) -> str:
        where = f"{self.template}:{self.line}" if self.line else self.template
        text = self.de if lang == "de" else self.en
        return f"{where}: {text}"


class LimitExceeded(TemplateRuntimeError):
    """A template went beyond one of the limits; ``key`` is its text in the message catalog."""

    def __init__(self, key: str, *, template: str | None = None, line: int | None = None, **params: object) -> None:
        super().__init__(ui(key, "en", **params))
        self.key, self.params, self.template, self.line = key, params, template, line


class TemplateRefused(TemplateError):
    """A template file that is not read: outside its folder, not a regular file, too large."""

    def __init__(self, key: str, name: str, **params: object) -> None:
        super().__init__(ui(key, "en", name=name, **params))
        self.key, self.params = key, {"name": name, **params}


# --- reading templates ----------------------------------------------------------------------


class _Folder(FileSystemLoader):
    """One template folder; nothing outside it is read, whatever links or names inside say."""

    def __init__(self, folder: Path) -> None:
        self.root = os.path.realpath(folder)
        super().__init__(self.root)

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)  # refuses ``..``
        path = os.path.join(self.root, *pieces)
        if not os.path.lexists(path):
            raise TemplateNotFound(template)
        real = os.path.realpath(path)
        try:
            inside = os.path.commonpath([real, self.root]) == self.root
        except ValueError:  # another drive (Windows)
            inside = False
        if not inside:
            raise TemplateRefused("render.template.outside", template, folder=self.root)
        try:
            info = os.stat(real)
        except OSError as err:
            raise TemplateRefused("render.template.unreadable", template, reason=err.strerror or err) from None
        if stat.S_ISDIR(info.st_mode):
            raise TemplateNotFound(template)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise TemplateRefused("render.template.not_file", template)
        if info.st_size > MAX_TEMPLATE_BYTES:
            raise TemplateRefused("render.template.too_large", template, limit=_count(MAX_TEMPLATE_BYTES))
        try:
            with open(real, "rb") as handle:
                data = handle.read(MAX_TEMPLATE_BYTES + 1)
        except OSError as err:
            raise TemplateRefused("render.template.unreadable", template, reason=err.strerror or err) from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateRefused("render.template.too_large", template, limit=_count(MAX_TEMPLATE_BYTES))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TemplateRefused("render.template.encoding", template) from None
        mtime = info.st_mtime

        def uptodate() -> bool:
            try:
                return os.path.getmtime(real) == mtime
            except OSError:
                return False

        return text, os.path.normpath(path), uptodate


# --- limits -----------------------------------------------------------------------------------

_TEXT = (str, bytes, bytearray)
_COLLECTIONS = (list, tuple, dict, set, frozenset)
_SEQUENCES = (*_TEXT, list, tuple)


def _sized(value: Any) -> Any:
    """``value`` if it is within the limits for what a template makes."""
    if isinstance(value, _TEXT):
        if len(value) > MAX_STRING:
            raise LimitExceeded("render.limit.string", limit=_count(MAX_STRING))
    elif isinstance(value, _COLLECTIONS):
        if len(value) > MAX_ITEMS:
            raise LimitExceeded("render.limit.items", limit=_count(MAX_ITEMS))
    elif isinstance(value, int) and value.bit_length() > _MAX_BITS:
        raise LimitExceeded("render.limit.number", limit=_count(MAX_DIGITS))
    return value


def _text_size(value: Any) -> int:
    """An upper bound of ``len(str(value))``, refused beyond MAX_STRING before the text is made.

    A list of a million references to one long text prints as terabytes. The walk visits at
    most MAX_PRINTED values; a list that contains itself is printed as ``[...]`` there, as
    Python does."""
    total = visits = 0
    stack: list[tuple[Any, bool]] = [(value, False)]
    path: set[int] = set()  # the containers being printed around the current value
    while stack:
        item, leaving = stack.pop()
        if leaving:
            path.discard(id(item))
            continue
        visits += 1
        if visits > MAX_PRINTED:
            raise LimitExceeded("render.limit.printed", limit=_count(MAX_PRINTED))
        if isinstance(item, Namespace):
            item = dict(item._Namespace__attrs)  # its repr shows them
        if isinstance(item, _TEXT):
            total += len(item) + 2
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2
        elif isinstance(item, dict | list | tuple | set | frozenset):
            if id(item) in path:
                total += 5
                continue
            path.add(id(item))
            stack.append((item, True))
            children = [*item.keys(), *item.values()] if isinstance(item, dict) else item
            total += 4 * len(item) + 2
            stack.extend((child, False) for child in children)
        else:  # numbers, dates, the concept's records: bounded by the concept file
            total += 64
        if total > MAX_STRING:
            raise LimitExceeded("render.limit.string", limit=_count(MAX_STRING))
    return total


def _fields(text: Any) -> int:
    """How many values a ``%`` or ``str.format`` string can print (an upper bound)."""
    count: int = text.count("%" if isinstance(text, str) else b"%") + (text.count("{") if isinstance(text, str) else 0)
    return count


def _formatted_size(fmt: Any, args: Iterable[Any]) -> None:
    """``fmt`` filled with ``args``: every field could print the largest argument."""
    if isinstance(fmt, _TEXT):
        largest = max((_text_size(arg) for arg in args), default=0)
        _grows_to(len(fmt) + _fields(fmt) * largest)


def _width(value: Any) -> None:
    """A padding width or count given to a filter or method."""
    if isinstance(value, int) and value > MAX_STRING:
        raise LimitExceeded(
            "render.limit.width", value=_count(value) if value < 10**30 else "…", limit=_count(MAX_STRING)
        )


def _grows_to(size: int) -> None:
    if size > MAX_STRING:
        raise LimitExceeded("render.limit.string", limit=_count(MAX_STRING))


def _replace_size(text: Any, old: Any, new: Any, count: Any) -> None:
    """The size ``text.replace(old, new, count)`` would have, checked before it is made."""
    if not (isinstance(text, _TEXT) and isinstance(old, _TEXT) and isinstance(new, _TEXT)) or len(new) <= len(old):
        return
    hits = len(text) + 1 if not old else text.count(old)  # type: ignore[arg-type]  # the same type, or count raises
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    _grows_to(len(text) + hits * (len(new) - len(old)))


def _join_size(separator: Any, items: list[Any]) -> None:
    known = sum(len(item) if isinstance(item, _TEXT) else _text_size(item) for item in items)
    _grows_to(known + len(separator) * max(len(items) - 1, 0) if isinstance(separator, _TEXT) else known)


_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")


def _printf(fmt: Any) -> None:
    """A ``%`` format string whose widths and precisions are within MAX_WIDTH (no ``*``)."""
    if not isinstance(fmt, str | bytes):
        return
    text = fmt.decode("latin-1") if isinstance(fmt, bytes) else fmt
    for match in _PRINTF.finditer(text):
        for number in match.groups():
            if number == "*" or (number is not None and int(number) > MAX_WIDTH):
                raise LimitExceeded("render.limit.width", value=number, limit=_count(MAX_WIDTH))


def _format_spec(fmt: str) -> None:
    """A ``str.format`` string whose fields have no nested fields and small widths."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # the real call reports the broken format
    for _, _, spec, _ in fields:
        if not spec:
            continue
        if "{" in spec:
            raise LimitExceeded("render.limit.width", value=spec, limit=_count(MAX_WIDTH))
        for number in re.findall(r"\d+", spec):
            if int(number) > MAX_WIDTH:
                raise LimitExceeded("render.limit.width", value=number, limit=_count(MAX_WIDTH))


def _text_method(owner: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Check a call of a str/bytes method before it runs; returns the (possibly listed) arguments."""
    if name in ("center", "ljust", "rjust", "zfill"):
        _width(args[0] if args else kwargs.get("width"))
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        if isinstance(size, int):
            tab: Any = "\t" if isinstance(owner, str) else b"\t"
            _grows_to(len(owner) + max(size, 0) * owner.count(tab))
    elif name == "replace" and len(args) >= 2:
        _replace_size(owner, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count", -1))
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, _TEXT)), default=1)
        _grows_to(len(owner) * longest)
    elif name == "join" and args:
        items = list(args[0])
        _join_size(owner, items)
        return (items, *args[1:])
    return args


_FilterCheck = Callable[[dict[str, Any]], object]
_PASSED = ("eval_ctx", "environment", "context")  # what Jinja passes before the filtered value


def _arguments(bound: inspect.BoundArguments) -> dict[str, Any]:
    """A filter's arguments by name, the filtered value also as ``value`` (Jinja names it s or value)."""
    arguments = dict(bound.arguments)
    arguments.setdefault("value", next((v for k, v in arguments.items() if k not in _PASSED), None))
    return arguments


def _check_indent(a: dict[str, Any]) -> None:
    text, width = a.get("value"), a.get("width")
    if isinstance(text, str):
        pad = len(width) if isinstance(width, str) else width if isinstance(width, int) else 0
        _grows_to(len(text) + max(pad, 0) * (text.count("\n") + 1))


def _check_wordwrap(a: dict[str, Any]) -> None:
    text, wrap = a.get("value"), a.get("wrapstring")
    if isinstance(text, str):
        _grows_to(len(text) * (1 + (len(wrap) if isinstance(wrap, str) else 1)))


def _check_batch(a: dict[str, Any]) -> None:
    count = a.get("linecount")
    if isinstance(count, int) and count > MAX_ITEMS:
        raise LimitExceeded("render.limit.items", limit=_count(MAX_ITEMS))


def _check_slice(a: dict[str, Any]) -> None:
    count = a.get("slices")
    if isinstance(count, int) and count > MAX_ITEMS // 10:
        raise LimitExceeded("render.limit.items", limit=_count(MAX_ITEMS // 10))


def _check_tojson(a: dict[str, Any]) -> None:
    indent = a.get("indent")
    if isinstance(indent, int) and indent > MAX_WIDTH:
        raise LimitExceeded(
            "render.limit.width", value=_count(indent) if indent < 10**30 else "…", limit=_count(MAX_WIDTH)
        )
    _text_size(a.get("value"))


def _check_format(a: dict[str, Any]) -> None:
    _printf(a.get("value"))
    _formatted_size(a.get("value"), [*a.get("args", ()), *a.get("kwargs", {}).values()])


def _check_list(a: dict[str, Any]) -> None:
    value = a.get("value")
    if isinstance(value, _TEXT) and len(value) > MAX_ITEMS:  # a text becomes a list of its characters
        raise LimitExceeded("render.limit.items", limit=_count(MAX_ITEMS))


_FILTER_CHECKS: dict[str, _FilterCheck] = {
    "center": lambda a: _width(a.get("width")),
    "indent": _check_indent,
    "wordwrap": _check_wordwrap,
    "replace": lambda a: _replace_size(a.get("value"), a.get("old"), a.get("new"), a.get("count")),
    "batch": _check_batch,
    "slice": _check_slice,
    "format": _check_format,
    "tojson": _check_tojson,
    "string": lambda a: _text_size(a.get("value")),
    "pprint": lambda a: _text_size(a.get("value")),
    "list": _check_list,
}


class FilterFailed(TemplateRuntimeError):
    """A filter raised an ordinary exception (``truncate(-1)``, ``int('x', 99)`` …)."""

    def __init__(self, name: str, error: BaseException) -> None:
        super().__init__(f"{name}: {error}")
        self.filter, self.error = name, error


def _guard_filter(env: _Sandbox, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func`` counting as a step, its arguments and result checked, its failures named."""
    check = _FILTER_CHECKS.get(name)
    signature = inspect.signature(func) if check is not None else None

    @functools.wraps(func)  # keeps jinja_pass_arg: the wrapper receives what the filter does
    def guarded(*args: Any, **kwargs: Any) -> Any:
        env.tick()
        if signature is not None and check is not None:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError:
                pass  # the call itself reports the wrong arguments
            else:
                bound.apply_defaults()
                check(_arguments(bound))
        try:
            result = func(*args, **kwargs)
        except (TemplateError, RecursionError, MemoryError):
            raise
        except Exception as err:  # noqa: BLE001 - any failure of a filter is the template's, named
            raise FilterFailed(name, err) from None
        return env.made(result)

    return guarded


def _md_join(original: Callable[..., Any]) -> Callable[..., Any]:
    """``join`` that keeps Markdown-safe items safe, with the result's size checked first."""

    @pass_eval_context
    def join(eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: str | int | None = None) -> str:
        if attribute is not None:
            return original(eval_ctx, value, d, attribute)  # type: ignore[no-any-return]
        items = list(value)
        _join_size(d, items)
        if not eval_ctx.autoescape and items and all(isinstance(item, MdText) for item in items):
            separator = d if isinstance(d, MdText) else escape(str(d))
            return MdText(separator.join(items))
        return original(eval_ctx, items, d)  # type: ignore[no-any-return]

    return join


def _lipsum(original: Callable[..., Any]) -> Callable[..., Any]:
    def lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> Any:
        for number in (n, min, max):
            if isinstance(number, int) and number > 1000:
                raise LimitExceeded(
                    "render.limit.width", value=_count(number) if number < 10**30 else "…", limit=_count(1000)
                )
        return original(n, html, min, max)

    return lipsum


@pass_context
def _finalize(context: Context, value: Any) -> Any:
    """Every value a template prints: not too large; in Markdown escaped unless already Markdown-safe."""
    if not isinstance(value, str | bool | float | dt.date) and value is not None:
        _text_size(value)  # a list or record is printed as its repr
    if context.eval_ctx.autoescape:
        return value  # HTML: autoescaping does it
    if value is None or isinstance(value, MdText | Markup | bool | int | float | dt.date):
        return value
    # md() makes a value one line and trims it; a printed separator (``{{ ", " }}``) keeps its spaces
    text = str(value)
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() and text.strip() else ""
    return MdText(lead + md(text) + trail)


def _label(value: Any) -> MdText:
    return md(label(value))


def _autoescape(name: str | None) -> bool:
    """HTML and XML templates are autoescaped, with or without a trailing ``.j2``."""
    if name is None:
        return False
    lowered = name.lower().removesuffix(".j2").removesuffix(".jinja").removesuffix(".jinja2")
    return lowered.endswith((".html", ".htm", ".xml", ".xhtml", ".svg"))


class _GuardedCode(CodeGenerator):
    """The compiled template counts every loop iteration and checks every ``~`` concatenation."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        iterable = node.iter
        if not (isinstance(iterable, nodes.Call) and isinstance(iterable.node, nodes.EnvironmentAttribute)):
            node.iter = nodes.Call(
                nodes.EnvironmentAttribute("ki_iterate"), [iterable], [], None, None, lineno=iterable.lineno
            )
        super().visit_For(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        node.nodes = [
            arg
            if isinstance(arg, nodes.Const)
            else nodes.Call(nodes.EnvironmentAttribute("ki_operand"), [arg], [], None, None, lineno=arg.lineno)
            for arg in node.nodes
        ]
        self.write("environment.made(")
        super().visit_Concat(node, frame)
        self.write(")")


_BLOCKS = (
    nodes.For,
    nodes.If,
    nodes.Macro,
    nodes.CallBlock,
    nodes.FilterBlock,
    nodes.With,
    nodes.Block,
    nodes.AssignBlock,
    nodes.ScopedEvalContextModifier,
)


def _check_nesting(tree: nodes.Node, name: str | None) -> None:
    """Loops and blocks nested deeper than the limits (Python itself allows only 20 loops)."""
    stack: list[tuple[nodes.Node, int, int]] = [(tree, 0, 0)]
    while stack:
        node, loops, blocks = stack.pop()
        if isinstance(node, nodes.For):
            loops += 1
            if loops > MAX_LOOP_NESTING:
                raise LimitExceeded("render.limit.loops", template=name, line=node.lineno, limit=MAX_LOOP_NESTING)
        if isinstance(node, _BLOCKS):
            blocks += 1
            if blocks > MAX_BLOCK_NESTING:
                raise LimitExceeded("render.limit.blocks", template=name, line=node.lineno, limit=MAX_BLOCK_NESTING)
        stack.extend((child, loops, blocks) for child in node.iter_child_nodes())


class _Sandbox(SandboxedEnvironment):
    """Jinja2's sandbox with a budget of steps and time, and size limits (see the module)."""

    code_generator_class = _GuardedCode
    intercepted_binops = frozenset({"+", "*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._steps = 0
        self._depth = 0
        self._deadline = float("inf")

    def start(self) -> None:
        """A fresh budget for one template render."""
        self._steps = 0
        self._depth = 0
        self._deadline = time.monotonic() + MAX_SECONDS

    def tick(self) -> None:
        self._steps += 1
        if self._steps > MAX_STEPS or not self._steps & 0x3FF:
            self._check()

    def _check(self) -> None:
        if self._steps > MAX_STEPS:
            raise LimitExceeded("render.limit.steps", limit=_count(MAX_STEPS))
        if time.monotonic() > self._deadline:
            raise LimitExceeded("render.limit.time", seconds=int(MAX_SECONDS))

    def ki_iterate(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """Every for loop's items, one step each (``tick`` written out: this is the hot path)."""
        for item in iterable:
            self._steps += 1
            if self._steps > MAX_STEPS or not self._steps & 0x3FF:
                self._check()
            yield item

    def made(self, value: Any) -> Any:
        """``value`` within the size limits; a long text or list also costs steps (1 per 256 entries),
        so that building a long text again and again (quadratic) ends within the budget."""
        _sized(value)
        if isinstance(value, _TEXT + _COLLECTIONS) and len(value) > 256:
            self._steps += len(value) >> 8
        return value

    def ki_operand(self, value: Any) -> Any:
        """An operand of ``~`` (which prints lists and records as their repr)."""
        if not isinstance(value, str):
            _text_size(value)
        return value

    def compile(
        self,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        try:
            if isinstance(source, str):
                source = self.parse(source, name, filename)
            _check_nesting(source, name)
            return super().compile(source, name, filename, raw, defer_init)  # type: ignore[call-overload]
        except TemplateError:
            raise
        except (RecursionError, SyntaxError, MemoryError) as err:  # beyond what Python can compile
            raise LimitExceeded("render.limit.complex", template=name, detail=type(err).__name__) from None

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        self.tick()
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, _TEXT):
            args = _text_method(owner, getattr(obj, "__name__", ""), args, kwargs)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise LimitExceeded("render.limit.depth", limit=MAX_DEPTH)
            result = super().call(context, obj, *args, **kwargs)
        finally:
            self._depth -= 1
        if isinstance(owner, list | dict | set | bytearray):  # append, extend, update grow their owner
            self.made(owner)
        return self.made(result)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "*":
            _repeat(left, right)
        elif operator == "**":
            _power(left, right)
        elif operator == "+":
            if isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
                _sized_total(left, len(left) + len(right))
        elif operator == "%":
            _printf(left)
            values = right.values() if isinstance(right, dict) else right if isinstance(right, tuple) else [right]
            _formatted_size(left, values)
        return self.made(super().call_binop(context, operator, left, right))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        fmt = value.__self__
        _format_spec(fmt)

        @functools.wraps(wrapper)
        def checked(*args: Any, **kwargs: Any) -> str:
            given = [*args, *kwargs.values()]
            if value.__name__ == "format_map" and given and isinstance(given[0], dict):
                given = [*given[0].values()]
            _formatted_size(fmt, given)
            return wrapper(*args, **kwargs)

        return checked


def _sized_total(kind: Any, size: int) -> None:
    limit = MAX_STRING if isinstance(kind, _TEXT) else MAX_ITEMS
    if size > limit:
        key = "render.limit.string" if isinstance(kind, _TEXT) else "render.limit.items"
        raise LimitExceeded(key, limit=_count(limit))


def _repeat(left: Any, right: Any) -> None:
    """``sequence * n`` and ``n * n`` checked before the product is made."""
    for sequence, times in ((left, right), (right, left)):
        if isinstance(sequence, _SEQUENCES) and isinstance(times, int):
            _sized_total(sequence, len(sequence) * max(times, 0))
            return
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > _MAX_BITS:
        raise LimitExceeded("render.limit.number", limit=_count(MAX_DIGITS))


def _power(base: Any, exponent: Any) -> None:
    growing = isinstance(base, int) and isinstance(exponent, int) and exponent > 0 and abs(base) > 1
    if growing and (abs(base).bit_length() - 1) * exponent > _MAX_BITS:
        raise LimitExceeded("render.limit.number", limit=_count(MAX_DIGITS))


def environment(template_dir: Path | None = None) -> _Sandbox:
    """The sandboxed environment: ``template_dir`` (if any) before the built-in templates."""
    loaders: list[FileSystemLoader] = [_Folder(template_dir)] if template_dir else []
    loaders.append(_Folder(BUILTIN))
    env = _Sandbox(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.filters["label"] = _label
    env.filters["join"] = _md_join(env.filters["join"])
    for name, func in list(env.filters.items()):
        env.filters[name] = _guard_filter(env, name, func)
    env.globals["lipsum"] = _lipsum(env.globals["lipsum"])  # type: ignore[arg-type]
    return env


def _template_line(err: BaseException) -> tuple[str | None, int | None]:
    """The template name and line a runtime error happened in (Jinja keeps them in the traceback)."""
    name, line = None, None
    tb = err.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".j2", ".html", ".md")):
            name, line = Path(filename).name, tb.tb_lineno
        tb = tb.tb_next
    return name, line


def _error(err: BaseException, fallback: str, key: str, /, **params: object) -> RenderError:
    """The RenderError for ``err``, at the template and line it happened in (else ``fallback``)."""
    where, line = _template_line(err)
    return RenderError(where or fallback, line, ui(key, "de", **params), ui(key, "en", **params))


def render(env: _Sandbox, name: str, variables: dict[str, Any]) -> str:
    """Render template ``name``; every failure becomes a RenderError with name and line."""
    env.start()
    try:
        template = env.get_template(name)
        parts: list[str] = []
        size = 0
        for chunk in template.generate(variables):
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise LimitExceeded("render.limit.output", template=name, limit=_count(MAX_OUTPUT))
            parts.append(chunk)
        return "".join(parts)
    except LimitExceeded as err:
        where, line = (err.template, err.line) if err.template else _template_line(err)
        raise RenderError(
            where or name, line, ui(err.key, "de", **err.params), ui(err.key, "en", **err.params)
        ) from None
    except TemplateRefused as err:
        raise _error(err, name, err.key, **err.params) from None
    except TemplateSyntaxError as err:
        raise RenderError(
            err.name or name,
            err.lineno,
            ui("render.syntax", "de", message=err.message),
            ui("render.syntax", "en", message=err.message),
        ) from None
    except SecurityError as err:
        raise _error(err, name, "render.sandbox", message=err) from None
    except FilterFailed as err:
        raise _error(err, name, "render.filter", filter=err.filter, message=err.error) from None
    except TemplateError as err:  # UndefinedError, TemplateNotFound and the like
        raise _error(err, name, "render.template_error", message=err.message or err) from None
    except RecursionError as err:
        raise _error(err, name, "render.limit.recursion") from None
    except MemoryError as err:
        raise _error(err, name, "render.limit.memory") from None
    except Exception as err:  # noqa: BLE001 - whatever else a template's own code raises (1/0 …)
        raise _error(err, name, "render.fill", message=str(err) or type(err).__name__) from None

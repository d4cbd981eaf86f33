"""Bytes in, plain data plus a source map out – never an exception.

The loader drives PyYAML's event parser (libyaml's where available) and builds the data
itself, so that it can

* record the span of every key and value (``SourceMap``),
* refuse duplicate keys, tags, a second document, alias bombs and deep nesting with
  findings instead of constructing anything,
* resolve plain scalars by the YAML 1.2 core schema (``no``, ``on``, ``ja`` stay text) while
  keeping their source text (``05999000``, ``24.000``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from ki_cli.check.findings import Collector, Finding
from ki_cli.check.gcpause import paused_gc
from ki_cli.check.rules import sources
from ki_cli.check.rules.base import Rule, Text, declare
from ki_cli.check.rules.example import edit
from ki_cli.check.sourcemap import SourceMap, Span, join, position, split_lines
from ki_cli.text import L

try:  # libyaml's parser is ~10× faster; the pure one gives the same events
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Parser

MAX_BYTES = 16 * 1024 * 1024
"""Files above this size are refused (KI004) before they are parsed."""
MAX_DEPTH = 64
"""Deepest nesting of lists and mappings accepted (KI004)."""
MAX_ALIAS_NODES = 50_000
"""Most values aliases may add by expansion, as keys too (KI004: a 'billion laughs' file stops here)."""
MAX_KEY = 256
"""Longest key accepted, in characters (KI004): keys are names; a longer one is a text that lost its
quotes, and every path below it would carry it."""
BUDGET = 256 * 1024 * 1024
"""The loader's one budget, in estimated bytes of what it builds (KI004 beyond): ``NODE_COST`` for
every value, key and alias use, kept or not, plus the bytes of its text and of its path; an alias
costs everything it stands for. A file of any shape within ``MAX_BYTES`` stays within a few
hundred MB and a few seconds; a real concept uses a small part of it."""
NODE_COST = 256
"""What one value costs the budget: its source map entry, the value and its place in the data
(measured 150–235 bytes for numbers, short texts, empty lists and mappings; ~280 for a number that
keeps its source text). The budget is thus about a million values."""
MAPPING_CHECK_COST = 6 * 1024
"""What a mapping costs on top: the structure check may find a missing field in each of its
required keys, and each error takes memory in pydantic-core and as a finding (measured about
6 KB per empty section: 40,000 ``{}`` entries peaked at 236 MB). So a file of 200,000 empty
sections is refused here instead of building a million errors; a real concept with 10,000
measures spends a quarter of the budget."""
ENTRY_CHECK_COST = 1536
"""What a list entry costs on top: an entry of the wrong kind is one error of the structure check
(measured about 1,5 KB each in pydantic-core and as a finding), so 900,000 ``1`` in a list of
sections is refused here instead of building 900,000 errors."""
_WRAPPED_INT_COST = 250
"""What a ``YamlInt`` costs on top (an ``int`` subclass cannot have slots: its source text sits in
an instance dictionary)."""


class YamlInt(int):
    """An integer read from a plain scalar, with its source text (``05999000``); an integer written
    as Python writes it (``12``) stays a plain ``int``, as do such floats and dates."""

    source: str


class YamlFloat(float):
    """A float read from a plain scalar, with its source text (``24.000``)."""

    __slots__ = ("source",)
    source: str


class YamlDate(dt.date):
    """A date read from a plain scalar, with its source text (``2025-1-5``)."""

    __slots__ = ("source",)
    source: str


@dataclass
class Loaded:
    """What the loader made of one file."""

    data: Any = None
    sourcemap: SourceMap = field(default_factory=SourceMap)
    findings: list[Finding] = field(default_factory=list)
    text: str = ""

    @property
    def ok(self) -> bool:
        """True when the data can be checked further (no error stopped the loader)."""
        return isinstance(self.data, dict) and not any(
            f.severity == "error" and f.code in _FATAL for f in self.findings
        )


_FATAL = {"KI001", "KI003", "KI004", "KI005"}

# --- scalar resolution (YAML 1.2 core schema) ------------------------------------------------

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_THOUSANDS = re.compile(r"[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+")
_MAX_DIGITS = 100  # longer digit strings stay text (Python refuses huge int conversions)

_CONJUNCTION = re.compile(r"(?:^|\s)(?:und|oder|sowie|&|bzw\.)(?:\s|$)")
_TYPOGRAPHIC_OPEN = "„“‚‘«»"  # German, English, French opening marks (» opens in German books)
_TYPOGRAPHIC_CLOSE = "“”‘’»«"
_ENUMERATION_END = re.compile(r"\S+(?: \S+)? (?:und|oder|sowie|&|bzw\.) \S+(?: \S+)?")
"""The end of an enumeration of one or two words each (``Jugend und Familie``): KI009."""
_CORE_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"!", *(_CORE_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp"))}
_COLLECTION_TAGS = {"!", _CORE_TAG + "map", _CORE_TAG + "seq"}


def _with_source(cls: type, value: Any, text: str) -> Any:
    """``value`` carrying ``text``, unless Python writes it the same way (``12``, ``0.5``, ``2025-01-01``):
    then the plain value, which is a fifth of the memory (``converters.as_text`` gives the same text)."""
    if text == (value.isoformat() if cls is YamlDate else repr(value)):
        return value
    obj = cls(value) if cls is not YamlDate else cls(value.year, value.month, value.day)
    obj.source = text
    return obj


def resolve_plain(text: str) -> Any:
    """The value of an untagged plain scalar by the YAML 1.2 core schema (dates too)."""
    if text in _NULL:
        return None
    first = text[0]
    if first in "tTfF":
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        return text
    if not (first.isdigit() or first in "+-."):
        return text
    if len(text) > _MAX_DIGITS:
        return text
    if _INT.fullmatch(text):
        return _with_source(YamlInt, int(text), text)
    if _OCT.fullmatch(text):
        return _with_source(YamlInt, int(text[2:], 8), text)
    if _HEX.fullmatch(text):
        return _with_source(YamlInt, int(text[2:], 16), text)
    if _FLOAT.fullmatch(text):
        return _with_source(YamlFloat, float(text), text)
    special = _SPECIAL_FLOAT.get(text.lower())
    if special is not None:
        return _with_source(YamlFloat, special, text)
    match = _DATE.fullmatch(text)
    if match:
        try:
            date = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return text  # "2025-02-30": left as text, the model says it is no date
        return _with_source(YamlDate, date, text)
    return text


def _tagged(text: str, tag: str) -> Any:
    """A scalar with an explicit core tag (``!!str 12``, ``!!int "3"``)."""
    kind = tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else "str"
    if kind == "str":
        return text
    value = resolve_plain(text)
    types: dict[str, type | tuple[type, ...]] = {
        "int": int,
        "float": (int, float),
        "bool": bool,
        "null": type(None),
        "timestamp": dt.date,
    }
    expected = types[kind]
    return value if isinstance(value, expected) else text


# --- decoding --------------------------------------------------------------------------------


def _decode(raw: bytes, report: Collector) -> str | None:
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        report.add("KI003.utf16", (1, 1, 1, 2))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        start = err.start
        before = raw[:start].decode("utf-8")  # valid: the first bad byte is at ``start``
        line, column = position(before, len(before))
        bad = raw[start : start + 1]
        report.add(
            "KI003",
            (line, column, line, column + 1),
            byte=f"{bad[0]:02X}",
            line=line,
            column=column,
            guess=bad.decode("cp1252", "replace"),
        )
        return None


_YAML11_BREAKS = "\x85\u2028\u2029"


def _protect_separators(text: str) -> tuple[str, dict[int, str] | None]:
    """``text`` for libyaml, and what to put back into its scalars.

    libyaml treats NEL, LS and PS (U+0085, U+2028, U+2029) as line breaks, as YAML 1.1 did: one in
    a comment ends the comment and the rest of it is read as data. YAML 1.2 reads them as ordinary
    characters. So they are swapped for private-use characters the file does not contain (one
    character for one: positions stay right), and swapped back in every text the parser returns.
    """
    if text.isascii() or not any(char in text for char in _YAML11_BREAKS):
        return text, None
    stand_ins: list[str] = []
    code = 0xE000
    while len(stand_ins) < len(_YAML11_BREAKS):
        if chr(code) not in text:
            stand_ins.append(chr(code))
        code += 1
    protected = text.translate({ord(char): stand for char, stand in zip(_YAML11_BREAKS, stand_ins)})
    return protected, {ord(stand): char for char, stand in zip(_YAML11_BREAKS, stand_ins)}


def _human_size(size: int, lang: str) -> str:
    mb = size / (1024 * 1024)
    text = f"{mb:.1f} MB"
    return text.replace(".", ",") if lang == "de" else text


# --- syntax errors ---------------------------------------------------------------------------

# libyaml's (and PyYAML's) problem texts → what it means in plain words, and what to do.
_PROBLEMS: tuple[tuple[str, L, L], ...] = (
    (
        "mapping values are not allowed",
        L("an dieser Stelle darf kein „Schlüssel: Wert“ stehen", "a “key: value” is not allowed here"),
        L(
            "Meist fehlt davor ein Zeilenumbruch, die Einrückung stimmt nicht, oder ein Text mit "
            'Doppelpunkt braucht Anführungszeichen: titel: "Bildung: Schule".',
            "Usually a line break is missing before it, the indentation is off, or a text with a "
            'colon needs quotes: titel: "Bildung: Schule".',
        ),
    ),
    (
        "could not find expected ':'",
        L("nach einem Schlüssel fehlt der Doppelpunkt", "a colon is missing after a key"),
        L(
            "Schreiben Sie `schluessel: wert` mit Doppelpunkt und Leerzeichen, oder prüfen Sie, "
            "ob eine Zeile davor zu weit eingerückt ist.",
            "Write `key: value` with a colon and a space, or check whether a line before is indented too far.",
        ),
    ),
    (
        "did not find expected key",
        L("hier wurde ein weiterer Schlüssel erwartet", "another key was expected here"),
        L(
            "Prüfen Sie die Einrückung: alle Schlüssel eines Abschnitts stehen genau "
            "untereinander; Listeneinträge beginnen mit „- “.",
            "Check the indentation: all keys of a mapping line up exactly; list entries start with “- ”.",
        ),
    ),
    (
        "did not find expected '-' indicator",
        L("hier wurde ein weiterer Listeneintrag „- “ erwartet", "another list entry “- ” was expected here"),
        L(
            "Alle Einträge einer Liste beginnen mit „- “ und stehen genau untereinander.",
            "All entries of a list start with “- ” and line up exactly.",
        ),
    ),
    (
        "did not find expected node content",
        L("hier fehlt ein Wert", "a value is missing here"),
        L(
            "Nach „- “ oder nach einem Komma in [ … ] muss ein Wert folgen.",
            "A value must follow “- ” or a comma inside [ … ].",
        ),
    ),
    (
        "found character that cannot start any token",
        L(
            "ein Zeichen, mit dem in YAML nichts beginnen kann (oft ein Tabulator oder ein @ bzw. ` am Wertanfang)",
            "a character nothing can start with in YAML (often a tab, or @ or ` at the start of a value)",
        ),
        L(
            "Rücken Sie mit Leerzeichen statt Tabulatoren ein und setzen Sie Texte, die mit @ "
            "oder ` beginnen, in Anführungszeichen.",
            "Indent with spaces instead of tabs and quote texts that start with @ or `.",
        ),
    ),
    (
        "found unexpected end of stream",
        L("die Datei endet mitten in einem Wert", "the file ends in the middle of a value"),
        L(
            "Schließen Sie offene Anführungszeichen und Klammern ([ ], { }).",
            "Close open quotes and brackets ([ ], { }).",
        ),
    ),
    (
        "did not find expected ',' or ']'",
        L(
            "in einer Liste [ … ] fehlt ein Komma oder die schließende Klammer",
            "a comma or the closing bracket is missing in a list [ … ]",
        ),
        L(
            "Trennen Sie Einträge mit Kommas und schließen Sie mit „]“.",
            "Separate entries with commas and close with “]”.",
        ),
    ),
    (
        "did not find expected ',' or '}'",
        L(
            "in einem Abschnitt { … } fehlt ein Komma oder die schließende Klammer",
            "a comma or the closing brace is missing in a mapping { … }",
        ),
        L(
            "Trennen Sie Einträge mit Kommas und schließen Sie mit „}“.",
            "Separate entries with commas and close with “}”.",
        ),
    ),
    (
        "control characters are not allowed",
        L(
            "die Datei enthält ein Steuerzeichen (z. B. ein NUL-Byte)",
            "the file contains a control character (such as a NUL byte)",
        ),
        L(
            "Entfernen Sie das unsichtbare Zeichen; es stammt meist aus kopiertem Text.",
            "Remove the invisible character; it usually comes from pasted text.",
        ),
    ),
    (
        "unacceptable character",
        L("die Datei enthält ein nicht erlaubtes Zeichen", "the file contains a character that is not allowed"),
        L(
            "Entfernen Sie das unsichtbare Zeichen; es stammt meist aus kopiertem Text.",
            "Remove the invisible character; it usually comes from pasted text.",
        ),
    ),
    (
        "found a tab character",
        L("ein Tabulator, wo Einrückung mit Leerzeichen stehen muss", "a tab where indentation must use spaces"),
        L("Rücken Sie mit Leerzeichen statt Tabulatoren ein.", "Indent with spaces instead of tabs."),
    ),
    (
        "found unknown escape character",
        L(
            "ein unbekanntes Escape-Zeichen mit „\\“ in doppelten Anführungszeichen",
            "an unknown “\\” escape in double quotes",
        ),
        L(
            "Verwenden Sie einfache Anführungszeichen ('…') oder verdoppeln Sie den Backslash.",
            "Use single quotes ('…') or double the backslash.",
        ),
    ),
    (
        "expected alphabetic or numeric character",
        L("nach & oder * muss ein Name folgen", "a name must follow & or *"),
        L(
            "Setzen Sie Texte, die mit & oder * beginnen, in Anführungszeichen.",
            "Quote texts that start with & or *.",
        ),
    ),
    (
        "block sequence entries are not allowed",
        L("ein Listeneintrag „- “ steht hier an falscher Stelle", "a list entry “- ” is in the wrong place"),
        L(
            "Beginnen Sie die Liste in einer neuen Zeile unter dem Schlüssel, eingerückt.",
            "Start the list on a new line below its key, indented.",
        ),
    ),
)

_FALLBACK_HINT = L(
    "Prüfen Sie Einrückung (nur Leerzeichen), Doppelpunkte, Anführungszeichen und Klammern in "
    "dieser und der vorigen Zeile.",
    "Check indentation (spaces only), colons, quotes and brackets in this and the previous line.",
)


# what libyaml's reader refuses (YAML 1.2 c-printable): control characters, U+FFFE, U+FFFF
_NOT_PRINTABLE = "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"  # compiled when needed
_CONTROL_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0B: "VT", 0x0C: "FF", 0x1B: "ESC", 0x7F: "DEL"}


def _bad_character(text: str, err: yaml.YAMLError, report: Collector, index: int | None = None) -> None:
    """A reader error: libyaml gives the offset in UTF-8 bytes; the finding needs line and
    character, so the first character it refuses is looked up in the text itself (or is at ``index``)."""
    if index is None:
        found = re.search(_NOT_PRINTABLE, text)
        if found is not None:
            index = found.start()
        else:  # not expected: fall back on the byte offset
            offset = getattr(err, "position", 0)
            index = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    line, column = position(text, index)
    code = ord(text[index]) if index < len(text) else 0
    name = _CONTROL_NAMES.get(code)
    shown = f"U+{code:04X}" + (f" ({name})" if name else "")
    if code == 0xFEFF:
        what = L(
            "die Datei enthält mitten im Text das unsichtbare Zeichen U+FEFF (eine Byte-Order-Mark)",
            "the file contains the invisible character U+FEFF (a byte order mark) amid the text",
        )
    elif code < 0x20 or 0x7F <= code <= 0x9F:
        what = L(
            f"die Datei enthält das unsichtbare Steuerzeichen {shown}",
            f"the file contains the invisible control character {shown}",
        )
    else:
        what = L(
            f"die Datei enthält das nicht erlaubte Zeichen {shown}",
            f"the file contains the character {shown}, which is not allowed",
        )
    hint = L(
        "Entfernen Sie das unsichtbare Zeichen; es stammt meist aus kopiertem Text.",
        "Remove the invisible character; it usually comes from pasted text.",
    )
    report.add("KI001", (line, column, line, column + 1), always=True, problem=what, expected=hint)


def _last_content_before(text: str, line: int, column: int) -> tuple[int, int]:
    """Where to show a parser stop: the parser reports the next token, which may sit past blank
    and comment lines; the line the user has to fix is then the last one with content before it."""
    lines = split_lines(text)
    rest = lines[line - 1][column - 1 :].lstrip() if 0 < line <= len(lines) else ""
    if rest and not rest.startswith("#"):
        return line, column
    for number in range(line - 1, 0, -1):
        content = lines[number - 1].strip()
        if content and not content.startswith("#"):
            return number, len(lines[number - 1]) - len(lines[number - 1].lstrip()) + 1
    return line, column


def _syntax_error(err: yaml.YAMLError, text: str, report: Collector) -> None:
    mark = getattr(err, "problem_mark", None)
    problem = str(getattr(err, "problem", "") or err)
    if isinstance(err, yaml.reader.ReaderError):  # a character libyaml refuses
        _bad_character(text, err, report)
        return
    if mark is not None:
        line, column = _last_content_before(text, mark.line + 1, mark.column + 1)
    else:
        line, column = 1, 1
    bom = text.find("\ufeff")  # an invisible byte order mark amid the text, before the stop: the likely cause
    if bom >= 0 and (mark is None or position(text, bom) <= (mark.line + 1, mark.column + 1)):
        _bad_character(text, err, report, bom)
        return
    if "maximum nesting depth" in problem:  # libyaml's own bound, met before ours
        report.add("KI004.depth", (line, column, line, column + 1), always=True, limit=MAX_DEPTH)
        return
    if mark is not None:
        from ki_cli.check.mistakes import explain  # only a file with a syntax error needs it

        context_mark = getattr(err, "context_mark", None)
        try:
            explained = explain(
                text,
                problem,
                getattr(err, "context", None),
                (context_mark.line + 1, context_mark.column + 1) if context_mark is not None else None,
                (mark.line + 1, mark.column + 1),
            )
        except Exception:  # noqa: BLE001 - an explanation must never cost the finding itself
            explained = None
        if explained is not None:
            at = (explained.line, explained.column, explained.line, explained.column + 1)
            report.add("KI001", at, always=True, problem=explained.problem, expected=explained.hint)
            return
    for needle, what, hint in _PROBLEMS:
        if needle in problem:
            report.add("KI001", (line, column, line, column + 1), always=True, problem=what, expected=hint)
            return
    context = getattr(err, "context", None)
    detail = f"{context}: {problem}" if context else problem
    report.add(
        "KI001",
        (line, column, line, column + 1),
        always=True,
        problem=L(f"der Parser meldet „{detail}“", f"the parser reports “{detail}”"),
        expected=_FALLBACK_HINT,
    )


# --- building the data from events -----------------------------------------------------------


class _Stop(Exception):
    """Loading ends here; the reason is already a finding."""


_NO_KEY = object()


def _cost(text: str) -> int:
    """Bytes a text takes at most: one a character if it is ASCII, else four (CPython's widest)."""
    return len(text) if text.isascii() else 4 * len(text)


def _number(count: int) -> L:
    return L(f"{count:,}".replace(",", "."), f"{count:,}")


def _clip(text: str, limit: int = 80) -> str:
    """A user's text shortened for a message."""
    return text if len(text) <= limit else text[:limit] + "…"


class _Frame:
    __slots__ = (
        "anchor",
        "container",
        "cost",
        "discard",
        "flow",
        "is_key",
        "key",
        "key_lines",
        "key_span",
        "path",
        "size",
    )

    def __init__(self, container: Any, path: str | None, anchor: str | None) -> None:
        self.container = container
        self.path = path  # None: the subtree is not kept (duplicate or complex key)
        self.key: Any = _NO_KEY
        self.key_span: Span = (1, 1, 1, 1)
        self.key_lines: dict[str, int] = {}
        self.size = 1  # values inside, itself included (what an alias of it adds)
        self.cost = NODE_COST  # their cost to the budget, paths aside
        self.anchor = anchor
        self.discard = path is None
        self.is_key = False
        self.flow = False  # a flow list ``[a, b]`` (KI009 looks at its items)


def _shown_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE_TAG) :] if tag.startswith(_CORE_TAG) else tag


def _span(event: Any) -> Span:
    start, end = event.start_mark, event.end_mark
    return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)


_HASH = re.compile(r" #[^\s#]")
_MAX_HASHES = 10_000


def _hashes(text: str) -> set[tuple[int, int]]:
    """Line and column of every `` #`` followed by a character that is no space (KI008 looks there
    only): found in one pass, the lines counted between one and the next."""
    found: set[tuple[int, int]] = set()
    line, last, start = 1, 0, 0
    for match in _HASH.finditer(text):
        at = match.start()
        line += text.count("\n", last, at) + text.count("\r", last, at) - text.count("\r\n", last, at)
        brk = max(text.rfind("\n", start, at), text.rfind("\r", start, at))
        start = brk + 1 if brk >= 0 else start
        found.add((line, at - start + 1))
        last = at
        if len(found) >= _MAX_HASHES:
            break  # a real concept has a handful; a hostile file is not looked at further
    return found


class _Anchored:
    """What an anchor stands for: the value, its path, how many values and how much budget it
    takes, and for a scalar the text written (an alias used as a key becomes that text)."""

    __slots__ = ("cost", "path", "size", "text", "value")

    def __init__(self, value: Any, path: str | None, size: int, cost: int, text: str | None) -> None:
        self.value, self.path, self.size, self.cost, self.text = value, path, size, cost, text


class _Builder:
    """Turns the event stream of one document into data, a source map and findings.

    Everything built is paid from one budget (``BUDGET``): every value and key, whether kept or
    dropped, costs ``NODE_COST`` plus the bytes of its text and of its path; an alias costs what
    it stands for, as a key too. Memory and time stay proportional to the budget, whatever the
    file's mix of values, long keys, long texts and aliases.
    """

    def __init__(self, report: Collector, sourcemap: SourceMap, restore: dict[int, str] | None, text: str = "") -> None:
        self.report = report
        self.text = text  # read only to explain a finding
        self.hash_at = _hashes(text)  # (line, column) of each " #x": a plain text may be cut there (KI008)
        self._lines: list[str] | None = None
        self.sourcemap = sourcemap
        self.stack: list[_Frame] = []
        self.anchors: dict[str, _Anchored] = {}
        self.alias_nodes = 0
        self.spent = 0
        self.keys: dict[str, str] = {}  # one string object per distinct key text
        self.restore = restore  # placeholders of U+0085/U+2028/U+2029 → the characters
        self.root: Any = None
        self.has_root = False

    def _spend(self, cost: int, span: Span, path: str | None) -> None:
        self.spent += cost
        if self.spent > BUDGET:
            self.report.add(
                "KI004.budget",
                span,
                path or "",
                always=True,
                limit=L(_human_size(BUDGET, "de"), _human_size(BUDGET, "en")),
            )
            raise _Stop

    # where the next node goes: (path or None to drop it, key span for the source map)
    def _slot(self, span: Span) -> tuple[str | None, Span, bool]:
        """The path of the next node, its key span, and whether it is a mapping key."""
        if not self.stack:
            return "", span, False
        top = self.stack[-1]
        if isinstance(top.container, list):
            path = None if top.path is None else join(top.path, len(top.container))
            self.spent += ENTRY_CHECK_COST
            return path, span, False
        if top.key is _NO_KEY:
            return None, span, True
        if top.key is None or top.path is None:  # a duplicate or complex key: drop its value
            return None, top.key_span, False
        return join(top.path, top.key), top.key_span, False

    def _attach(self, value: Any, path: str | None) -> None:
        if not self.stack:
            self.root, self.has_root = value, True
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            if not top.discard:
                top.container.append(value)
            else:
                top.container.append(None)  # keep indices counting
        else:
            if top.key is not None and not top.discard:
                top.container[top.key] = value
            top.key = _NO_KEY

    def _add_size(self, size: int, cost: int) -> None:
        if self.stack:
            top = self.stack[-1]
            top.size += size
            top.cost += cost

    def _set_key(self, text: str, span: Span) -> None:
        top = self.stack[-1]
        first = top.key_lines.get(text)
        top.key_span = span
        if len(text) > MAX_KEY:
            self.report.add(
                "KI004.longkey", span, top.path or "", key=_clip(text, 40), length=_number(len(text)), limit=MAX_KEY
            )
            top.key = None
        elif first is not None:
            if not top.discard:
                if top.path and top.path[-1] == "]" and next(iter(top.key_lines)) == text:
                    self._missing_dash(text, span, first, top.path)  # stops: the entries would merge
                self.report.add("KI002", span, join(top.path or "", text), key=_clip(text), first_line=first)
            top.key = None
        else:
            text = self.keys.setdefault(text, text)
            top.key_lines[text] = span[0]
            top.key = text

    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def _cut_by_hash(self, text: str, span: Span, path: str) -> None:
        """KI008: a plain text followed on its line by `` #`` and a character that is no space: YAML
        reads ``#2 für Eltern`` as a comment, the user meant it as part of the text. (A comment
        written as ``# Kommentar``, with a space after ``#``, is taken as a comment.)"""
        if self.report.full:
            self.report.add("KI008", span, path)  # only counted
            return
        lines = self.lines()
        if span[2] > len(lines):
            return
        line = lines[span[2] - 1]
        rest = line[span[3] - 1 : span[3] + 200]
        if not rest.startswith(" #") or rest[2:3] in ("", " ", "\t", "#"):
            return
        cut = rest[1:].rstrip()
        key = line[: span[1] - 1].strip(" -{[,")
        whole = f"{text} {cut}"
        quoted = "'" + whole.replace("'", "''") + "'" if '"' in whole else f'"{whole}"'
        fixed = f"{key} {quoted}" if key else quoted
        self.report.add(
            "KI008",
            (span[2], span[3] + 1, span[2], span[3] + 1 + len(cut)),
            path,
            value=_clip(text),
            cut=_clip(cut),
            fixed=_clip(fixed.strip(), 120),
        )

    def _typographic_quotes(self, text: str, span: Span, path: str) -> None:
        """KI010: a whole text in typographic quotes (``name: „Stadt Hamm“``), typed or pasted from
        Word as if they were YAML's quotes: YAML keeps them as part of the text, and every document
        prints them. (Quotes inside a text, ``Projekt „Brücken bauen“``, are the user's own.)"""
        if len(text) < 3 or text[-1] not in _TYPOGRAPHIC_CLOSE:
            return
        inner = text[1:-1]
        if any(char in inner for char in _TYPOGRAPHIC_OPEN + _TYPOGRAPHIC_CLOSE):
            return  # „Brücken“ und „Wege“: two quotations, not one quoted text
        if self.report.full:
            self.report.add("KI010", span, path)  # only counted
            return
        quoted = "'" + inner.replace("'", "''") + "'" if '"' in inner else f'"{inner}"'
        self.report.add("KI010", span, path, value=_clip(text), inner=_clip(inner), quoted=_clip(quoted, 120))

    def _split_name(self, items: list[Any], path: str) -> None:
        """KI009: a flow list of texts that reads like one name with commas (``[Amt für Kinder,
        Jugend und Familie]``): YAML splits it at the commas."""
        if not all(type(item) is str for item in items) or " " not in items[0].strip():
            return
        last = _ENUMERATION_END.fullmatch(items[-1].strip())
        if last is None or any(len(item.split()) > 2 or _CONJUNCTION.search(item) for item in items[1:-1]):
            return
        span = self.sourcemap.value_span(path)
        lines = self.lines()
        if span[0] != span[2] or span[0] > len(lines):
            return
        line = lines[span[0] - 1]
        written = line[span[1] - 1 : span[3] - 1]
        if '"' in written or "'" in written:
            return  # quoted items were split on purpose
        inner = written.strip()[1:-1].strip()
        fixed = line[: span[1] - 1].strip() + " " + f'["{inner}"]'
        self.report.add(
            "KI009",
            span,
            path,
            written=_clip(written),
            count=len(items),
            items=", ".join(f"„{_clip(item.strip(), 40)}“" for item in items),
            items_en=", ".join(f"“{_clip(item.strip(), 40)}”" for item in items),
            fixed=_clip(fixed.strip(), 120),
        )

    def _missing_dash(self, key: str, span: Span, first: int, path: str) -> None:
        """The first key of a list entry comes again in the same entry: a new entry starts there and
        its "- " is missing (deleting one of the "duplicates" would delete an entry)."""
        from ki_cli.check.mistakes import missing_dash_hint

        lines = self.lines()
        line = lines[span[0] - 1] if span[0] <= len(lines) else key
        if "{" in line[: span[1] - 1] or line[: span[1] - 1].strip(" -"):
            return  # a flow mapping, or the key is not the first thing on its line: a plain duplicate
        column, problem, hint = missing_dash_hint(span[0], line)
        self.report.add(
            "KI002.dash",
            (span[0], column, span[0], column + 2),
            join(path, key),
            always=True,
            key=_clip(key),
            first_line=first,
            problem=problem,
            expected=hint,
        )
        raise _Stop

    def _key_is_complex(self, span: Span) -> None:
        top = self.stack[-1]
        self.report.add("KI004.complexkey", span, top.path or "")
        top.key = None
        top.key_span = span

    def scalar(self, event: Any) -> None:
        """One scalar: a key, or a value (this is the hot path: what _slot, _attach and _add_size do
        for any node, and the budget's check, are written out here)."""
        start, end = event.start_mark, event.end_mark
        span = (start.line + 1, start.column + 1, end.line + 1, end.column + 1)
        text = event.value
        if text.isascii():
            cost = NODE_COST + len(text)
        else:
            if self.restore:
                text = text.translate(self.restore)
            cost = NODE_COST + 4 * len(text)
        stack = self.stack
        top = stack[-1] if stack else None
        is_key = False
        path: str | None
        if top is None:
            path, key_span = "", span
        elif type(top.container) is list:
            path, key_span = (None if top.path is None else f"{top.path}[{len(top.container)}]"), span
            cost += ENTRY_CHECK_COST
        elif top.key is _NO_KEY:
            path, key_span, is_key = None, span, True
        elif top.key is None or top.path is None:  # a duplicate or complex key: drop its value
            path, key_span = None, top.key_span
        else:
            path, key_span = (f"{top.path}.{top.key}" if top.path else top.key), top.key_span
        self.spent += cost if path is None else cost + _cost(path)
        if self.spent > BUDGET:
            self._spend(0, span, path)
        tag = event.tag
        if tag is not None and tag not in _SCALAR_TAGS:
            self.report.add("KI004.tag", span, path or "", tag=_clip(_shown_tag(tag)))
            if is_key:
                top.key = None  # type: ignore[union-attr]
                top.key_span = span  # type: ignore[union-attr]
                return
            value: Any = None
        elif is_key:
            self._set_key(text, span)
            if event.anchor:
                self.anchors[event.anchor] = _Anchored(text, None, 1, cost, text)
            return
        elif tag is not None and tag != "!":
            value = _tagged(text, tag)
        elif event.style or (tag == "!") or not event.implicit[0]:
            value = text
        elif text.isdigit() and text.isascii() and (text[0] != "0" or len(text) == 1) and len(text) <= _MAX_DIGITS:
            value = int(text)  # the common case: an integer as Python writes it
        else:
            value = resolve_plain(text)
            if type(value) is YamlInt:
                self._spend(_WRAPPED_INT_COST, span, path)
            elif isinstance(value, float) and _THOUSANDS.fullmatch(text):
                self._thousands(text, value, span, path)
        if self.hash_at and (span[2], span[3]) in self.hash_at and not event.style and type(value) is str:
            self._cut_by_hash(value, span, path or "")
        if text[:1] in _TYPOGRAPHIC_OPEN and not event.style and type(value) is str:
            self._typographic_quotes(value, span, path or "")
        if path is not None:
            self.sourcemap.add(path, key_span, span)
        if event.anchor:
            self.anchors[event.anchor] = _Anchored(value, path, 1, cost, text)
        if top is None:
            self.root, self.has_root = value, True
            return
        top.size += 1
        top.cost += cost
        container = top.container
        if type(container) is list:
            container.append(None if top.discard else value)  # None keeps the indices counting
        else:
            if top.key is not None and not top.discard:
                container[top.key] = value
            top.key = _NO_KEY

    def _thousands(self, text: str, value: float, span: Span, path: str | None) -> None:
        if self.report.full:
            self.report.add("KI006", span, path or "")  # only counted
            return
        plain = text.replace(".", "")
        self.report.add(
            "KI006",
            span,
            path or "",
            source=text,
            read=L(str(float(value)).replace(".", ","), str(float(value))),
            meant=L(f"{int(plain):,}".replace(",", "."), f"{int(plain):,}"),
            plain=plain.lstrip("+"),
            decimal=repr(float(value)),
        )

    def start(self, event: Any, container: Any) -> None:
        span = _span(event)
        path, key_span, is_key = self._slot(span)
        cost = NODE_COST + (_cost(path) if path else 0)
        self._spend(cost + MAPPING_CHECK_COST if isinstance(container, dict) and not is_key else cost, span, path)
        if is_key:
            self._key_is_complex(span)
            path = None
        tag = event.tag
        if tag is not None and tag not in _COLLECTION_TAGS:
            self.report.add("KI004.tag", span, path or "", tag=_clip(_shown_tag(tag)))
            path = None
        if len(self.stack) >= MAX_DEPTH:
            self.report.add("KI004.depth", span, path or "", always=True, limit=MAX_DEPTH)
            raise _Stop
        if path is not None:
            self.sourcemap.add(path, key_span, span)
        frame = _Frame(container, path, event.anchor)
        if event.flow_style and type(container) is list:
            frame.flow = True
        if is_key:
            frame.discard = frame.is_key = True
        self.stack.append(frame)

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.path is not None:
            start = self.sourcemap.value_span(frame.path)
            end = event.end_mark
            self.sourcemap.set_value(frame.path, (start[0], start[1], end.line + 1, end.column + 1))
        if frame.anchor:
            self.anchors[frame.anchor] = _Anchored(frame.container, frame.path, frame.size, frame.cost, None)
        if frame.flow and frame.path is not None and len(frame.container) > 1:
            self._split_name(frame.container, frame.path)
        self._add_size(frame.size, frame.cost)
        if frame.is_key:
            return  # a complex key, already reported: its value will be dropped
        self._attach(None if frame.discard else frame.container, frame.path)

    def _count_alias(self, size: int, span: Span, path: str | None, anchor: str) -> None:
        self.alias_nodes += size
        if self.alias_nodes > MAX_ALIAS_NODES:
            self.report.add(
                "KI004.alias", span, path or "", always=True, anchor=_clip(anchor), limit=_number(MAX_ALIAS_NODES)
            )
            raise _Stop

    def alias(self, event: Any) -> None:
        span = _span(event)
        path, key_span, is_key = self._slot(span)
        anchored = self.anchors.get(event.anchor)
        if anchored is None:
            self.report.add("KI001.alias", span, path or "", always=True, anchor=_clip(event.anchor))
            raise _Stop
        if is_key:  # an alias used as a key: the text of a scalar, never a list or mapping turned into text
            self._count_alias(1, span, path, event.anchor)
            if anchored.text is None:
                self._spend(NODE_COST, span, path)
                self._key_is_complex(span)
            else:
                self._spend(anchored.cost, span, path)
                self._set_key(anchored.text, span)
            return
        self._count_alias(anchored.size, span, path, event.anchor)
        self._spend(anchored.cost + (_cost(path) if path else 0), span, path)
        value = anchored.value
        if path is not None:
            self.sourcemap.add(path, key_span, span)
            if anchored.path is not None and isinstance(value, (dict, list)):
                self.sourcemap.add_alias(path, anchored.path)
        self._add_size(anchored.size, anchored.cost)
        self._attach(value, path)


_MAX_FLOW_LINE = 2000
"""Longest line the decimal-comma check looks at: a longer one is not typed by a person."""
_DECIMAL_COMMA = re.compile(r",(?<=[0-9],)[0-9]")
_FLOW_DECIMAL = re.compile(r"(?<=[ \[{,])-?[0-9]{1,6},[0-9]{1,3}(?=[ \t]*[,}\]]|[ \t]*$)", re.MULTILINE)
"""A German decimal comma (``0,25``) where a flow collection's comma would split it (``{a: 0,25}``)."""
_MAX_DECIMAL_COMMAS = 1000
"""More candidates than people type: the file is left as YAML reads it (and the check stays bounded)."""
_FLOW_START = re.compile(r"[ \t]*(?:- +)?(?:[^\s:#\"'{\[][^:#]*: +)?[{\[]")


def _decimal_commas(text: str, report: Collector) -> str:
    """``text`` with every German decimal comma inside ``{…}`` or ``[…]`` read as a decimal point
    (one character for one: positions stay), and one KI006 finding per line that shows the fixed
    line. Without this, ``{sprache: 0,25}`` would become ``sprache: 0`` and a key ``25``."""
    found = []
    for examined, comma in enumerate(_DECIMAL_COMMA.finditer(text)):  # fast: a literal comma first
        if examined >= 100 * _MAX_DECIMAL_COMMAS:
            break
        start = comma.start()
        while start > 0 and text[start - 1] in "0123456789" and comma.start() - start < 7:
            start -= 1
        if start > 0 and text[start - 1] == "-":
            start -= 1
        match = _FLOW_DECIMAL.match(text, start)
        if match is not None:
            found.append(match)
            if len(found) > _MAX_DECIMAL_COMMAS:
                return text  # not a few typed numbers: a generated list, read as YAML reads it
    if not found:
        return text
    # the line of each candidate, looked up around it (at most _MAX_FLOW_LINE characters each way) and
    # counted from the one before: linear however long the file's lines are
    fixes: dict[int, tuple[int, str, list[tuple[int, int]]]] = {}  # line number → its start, text, spans
    number, last, line_start = 1, 0, 0
    for match in found:
        at_text = match.start()
        number += text.count("\n", last, at_text) + text.count("\r", last, at_text) - text.count("\r\n", last, at_text)
        last = at_text
        low = max(line_start, at_text - _MAX_FLOW_LINE)
        brk = max(text.rfind("\n", low, at_text), text.rfind("\r", low, at_text))
        if brk >= 0:
            line_start = brk + 1
        elif low > line_start:
            continue  # the line is longer than a person types
        ends = [
            e
            for e in (
                text.find("\n", at_text, at_text + _MAX_FLOW_LINE),
                text.find("\r", at_text, at_text + _MAX_FLOW_LINE),
            )
            if e >= 0
        ]
        if not ends and len(text) - at_text > _MAX_FLOW_LINE:
            continue
        line = text[line_start : min(ends) if ends else len(text)]
        at = at_text - line_start
        opening = _FLOW_START.match(line)
        if opening is None:
            continue  # not inside a flow collection that starts the value
        if line[opening.end() - 1] == "[" and ", " not in line:
            continue  # [1,2,3]: a list of numbers written without spaces, not decimals
        if line[opening.end() - 1] == "{" and line[:at].rstrip()[-1:] != ":":
            continue  # in {…} only a value (after “key: ”) is a number
        before = line[:at]
        if " #" in before or before.count('"') % 2 or before.count("'") % 2:
            continue  # in a comment or inside quotes
        fixes.setdefault(number, (line_start, line, []))[2].append((at, at + len(match[0])))
    if not fixes:
        return text
    chars = list(text)
    for number, (line_start, line, spans) in fixes.items():
        dotted_parts: list[str] = []
        quoted_parts: list[str] = []
        done = 0
        for start, end in spans:  # in order, pieces joined once: linear in the line's length
            written = line[start:end]
            dotted_parts += [line[done:start], written.replace(",", ".")]
            quoted_parts += [line[done:start], f'"{written}"']
            chars[line_start + start + written.index(",")] = "."
            done = end
        dotted = _clip("".join(dotted_parts) + line[done:], 200)
        quoted = _clip("".join(quoted_parts) + line[done:], 200)
        first = spans[0][0] + 1
        report.add(
            "KI006.comma",
            (number, first, number, spans[0][1] + 1),
            numbers=" und ".join(f"„{line[start:end]}“" for start, end in spans[:10])
            + (" …" if len(spans) > 10 else ""),
            numbers_en=" and ".join(f"“{line[start:end]}”" for start, end in spans[:10])
            + (" …" if len(spans) > 10 else ""),
            first=line[spans[0][0] : spans[0][1]],
            head=line[spans[0][0] : spans[0][1]].split(",")[0],
            tail=line[spans[0][0] : spans[0][1]].split(",")[1],
            fixed=_clip("".join(dotted).strip(), 200),
            quoted=_clip("".join(quoted).strip(), 200),
        )
    return "".join(chars)


def _build(text: str, report: Collector, sourcemap: SourceMap) -> Any:
    text = _decimal_commas(text, report)
    protected, restore = _protect_separators(text)
    parser = _Parser(protected)
    del protected
    builder = _Builder(report, sourcemap, restore, text)
    documents = 0
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                builder.scalar(event)
            elif kind is yaml.MappingStartEvent:
                builder.start(event, {})
            elif kind is yaml.SequenceStartEvent:
                builder.start(event, [])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                builder.end(event)
            elif kind is yaml.AliasEvent:
                builder.alias(event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    report.add("KI004.multidoc", _span(event), always=True)
                    raise _Stop
            elif kind is yaml.StreamEndEvent:
                break
    except _Stop:
        pass
    except yaml.YAMLError as err:
        _syntax_error(err, text, report)
    except MemoryError:  # the machine has less memory than the budget assumes: give up on the file
        builder.root = builder.stack = builder.anchors = event = None  # type: ignore[assignment]
        sourcemap.clear()
        report.add("KI004.memory", always=True)
        return _EMPTY
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    return builder.root if builder.has_root else _EMPTY


_EMPTY = object()


def _describe(value: Any) -> L:
    if isinstance(value, list):
        return L("eine Liste", "a list")
    if isinstance(value, str):
        return L(f"der Text „{value[:40]}“", f"the text “{value[:40]}”")
    if value is None:
        return L("ein leerer Wert", "an empty value")
    return L(f"der Wert {value!s:.40}", f"the value {value!s:.40}")


def _too_large(size: int, lang: str) -> Loaded:
    report = Collector(lang)
    report.add("KI004.size", size=_human_size(size, lang), limit=_human_size(MAX_BYTES, lang))
    return Loaded(findings=report.findings)


def load_bytes(raw: bytes, lang: str = "de") -> Loaded:
    """Load one concept file's bytes. Never raises; problems come back as findings."""
    if len(raw) > MAX_BYTES:
        return _too_large(len(raw), lang)
    report = Collector(lang)
    loaded = Loaded()
    text = _decode(raw, report)
    if text is not None:
        loaded.text = loaded.sourcemap.text = text
        with paused_gc():
            root = _build(text, report, loaded.sourcemap)
        if root is _EMPTY:
            if not report.findings:
                report.add("KI005.empty")
        elif not isinstance(root, dict):
            if not any(f.code in _FATAL for f in report.findings):
                span = loaded.sourcemap.value_span("") if "" in loaded.sourcemap else (1, 1, 1, 2)
                report.add("KI005.notmapping", span, always=True, found=_describe(root))
        else:
            loaded.data = root
    loaded.findings = report.findings  # read last: it ends with the closing findings of the cap
    return loaded


def load_stream(stream: BinaryIO, lang: str = "de") -> Loaded:
    """Load from a binary stream (standard input), reading at most one byte past the limit."""
    raw = stream.read(MAX_BYTES + 1)
    return _too_large(len(raw), lang) if len(raw) > MAX_BYTES else load_bytes(raw, lang)


def load_path(path: Path, lang: str = "de") -> Loaded:
    """Load a file from disk; ``OSError`` is the caller's to report (it is not a finding).

    Only a regular file is opened (``files.InputError``, an ``OSError``, for a FIFO, a device …)."""
    from os import fstat

    from ki_cli.files import open_input

    with open_input(path) as handle:
        size = fstat(handle.fileno()).st_size
        if size > MAX_BYTES:
            return _too_large(size, lang)  # refused unread: memory stays bounded
        return load_stream(handle, lang)


# --- The rules this module finds (KI001–KI006, the file itself) ----------------------------------------------
# Each is declared once, with its texts and its failing example; the check above reports it by key
# (``report.add("KI003.utf16", …)``), ``ki_cli.check.registry`` collects the declarations.

KI001 = declare(
    "KI001",
    "error",
    title=L(
        "YAML-Syntaxfehler",
        "YAML syntax error",
    ),
    basis=sources.YAML,
    explanation=L(
        (
            "Die Datei ist kein gültiges YAML, etwa wegen falscher Einrückung, eines fehlenden "
            "Leerzeichens nach dem Doppelpunkt oder einer nicht geschlossenen Klammer. ki meldet, wo "
            "der Parser stehen blieb und was er erwartet hat. Ohne gültiges YAML lässt sich nichts "
            "weiter prüfen."
        ),
        (
            "The file is not valid YAML, for instance because of wrong indentation, a missing space "
            "after a colon or an unclosed bracket. ki reports where the parser stopped and what it "
            "expected. Nothing else can be checked without valid YAML."
        ),
    ),
    message=L(
        "YAML-Syntaxfehler: {problem}.",
        "YAML syntax error: {problem}.",
    ),
    hint=L(
        "{expected}",
        "{expected}",
    ),
    variants={
        "alias": Text(
            message=L(
                "Der Alias „*{anchor}“ verweist auf keinen Anker „&{anchor}“ davor.",
                "The alias “*{anchor}” refers to no anchor “&{anchor}” before it.",
            ),
            hint=L(
                (
                    "Setzen Sie den Anker „&{anchor}“ an den Wert, den Sie wiederverwenden wollen, "
                    "oder schreiben Sie den Wert aus."
                ),
                "Put the anchor “&{anchor}” on the value you want to reuse, or write the value out.",
            ),
        ),
    },
    fail=edit(("    titel: Übergang Schule – Beruf\n", "    titel: Übergang Schule – Beruf\n   bereich: x\n")),
)

KI002 = declare(
    "KI002",
    "error",
    title=L(
        "Schlüssel doppelt",
        "duplicate key",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Derselbe Schlüssel steht zweimal im selben Abschnitt. YAML-Programme behalten "
            "stillschweigend nur einen der Werte – der andere ginge verloren. ki meldet die zweite "
            "Stelle."
        ),
        (
            "The same key appears twice in one mapping. YAML parsers silently keep only one of the "
            "values – the other would be lost. ki reports the second occurrence."
        ),
    ),
    message=L(
        (
            "Der Schlüssel „{key}“ steht in diesem Abschnitt zweimal (zuerst in Zeile {first_line}); "
            "YAML würde einen der beiden Werte stillschweigend verwerfen."
        ),
        (
            "The key “{key}” appears twice in this mapping (first in line {first_line}); YAML would "
            "silently drop one of the two values."
        ),
    ),
    hint=L(
        "Löschen Sie einen der beiden Einträge oder führen Sie sie zu einem zusammen.",
        "Delete one of the two entries or merge them into one.",
    ),
    variants={
        "dash": Text(
            message=L(
                "Der Schlüssel „{key}“, mit dem dieser Listeneintrag beginnt, steht darin zweimal (zuerst in "
                "Zeile {first_line}): {problem}.",
                "The key “{key}” this list entry starts with appears in it twice (first in line {first_line}): "
                "{problem}.",
            ),
            hint=L(
                "{expected} Löschen Sie nichts: die Zeilen darunter gehören zu dem neuen Eintrag.",
                "{expected} Delete nothing: the lines below belong to the new entry.",
            ),
        ),
    },
    fail=edit(
        (
            "    titel: Übergang Schule – Beruf\n",
            "    titel: Übergang Schule – Beruf\n    titel: Übergang in den Beruf\n",
        )
    ),
)

KI003 = declare(
    "KI003",
    "error",
    title=L(
        "nicht UTF-8",
        "not UTF-8",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Die Datei ist nicht als UTF-8 gespeichert, oft eine Windows-1252-Datei aus einem älteren "
            "Editor. Umlaute würden falsch gelesen. ki nennt Zeile und Byte; speichern Sie die Datei "
            "als UTF-8 (ein BOM am Anfang ist erlaubt)."
        ),
        (
            "The file is not saved as UTF-8, often a Windows-1252 file from an older editor. Umlauts "
            "would be misread. ki names the line and byte; save the file as UTF-8 (a BOM at the start "
            "is fine)."
        ),
    ),
    message=L(
        (
            "Die Datei ist nicht UTF-8-kodiert: Byte 0x{byte} in Zeile {line}, Spalte {column} (in "
            "Windows-1252 wäre das „{guess}“)."
        ),
        (
            "The file is not UTF-8 encoded: byte 0x{byte} in line {line}, column {column} (in "
            "Windows-1252 that would be “{guess}”)."
        ),
    ),
    hint=L(
        "Speichern Sie die Datei als UTF-8 (im Editor: Speichern unter → Codierung „UTF-8“).",
        "Save the file as UTF-8 (in your editor: Save as → encoding “UTF-8”).",
    ),
    variants={
        "utf16": Text(
            message=L(
                "Die Datei ist UTF-16- oder UTF-32-kodiert, nicht UTF-8.",
                "The file is encoded as UTF-16 or UTF-32, not UTF-8.",
            ),
            hint=L(
                ("Speichern Sie die Datei als UTF-8 (im Editor: Speichern unter → Codierung „UTF-8“)."),
                "Save the file as UTF-8 (in your editor: Save as → encoding “UTF-8”).",
            ),
        ),
    },
    # a byte that is not UTF-8 (a Windows-1252 "Ü"), as an editor shows it: "\ufffd"
    fail=edit(("    titel: Übergang Schule – Beruf\n", "    titel: \ufffdbergang Schule – Beruf\n")),
)

KI004 = declare(
    "KI004",
    "error",
    title=L(
        "nicht erlaubte YAML-Funktion",
        "YAML feature not allowed",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Konzeptdateien enthalten nur Text, Zahlen, Datumsangaben, Listen und Abschnitte. "
            "Abgelehnt werden Tags wie `!!python/object` (sie werden nie ausgeführt), mehr als ein "
            "Dokument pro Datei, Aliase, die sich über eine sichere Grenze hinaus vervielfachen "
            "(„Billion Laughs“), zu tiefe Verschachtelung, Schlüssel, die keine Texte sind, und "
            "übergroße Dateien. In einem Ordner meldet KI004 auch jeden Eintrag, der sich nicht prüfen "
            "lässt (keine gewöhnliche Datei, ein Verweis ins Leere, kein Leserecht, ein nicht lesbarer "
            "Unterordner); die übrigen Dateien werden trotzdem geprüft."
        ),
        (
            "Concept files hold only text, numbers, dates, lists and mappings. Refused are tags such "
            "as `!!python/object` (they are never executed), more than one document per file, aliases "
            "that multiply beyond a safe bound (“billion laughs”), nesting that is too deep, keys that "
            "are not text, and oversized files. In a folder, KI004 also reports every entry that "
            "cannot be checked (not a regular file, a link to nowhere, no read permission, a subfolder "
            "that cannot be read); the other files are checked all the same."
        ),
    ),
    variants={
        "tag": Text(
            message=L(
                (
                    "Der YAML-Tag „{tag}“ ist in Konzeptdateien nicht erlaubt; er wird weder "
                    "ausgewertet noch ausgeführt."
                ),
                ("The YAML tag “{tag}” is not allowed in concept files; it is neither constructed nor executed."),
            ),
            hint=L(
                (
                    "Entfernen Sie den Tag. Konzeptdateien enthalten nur Text, Zahlen, Datumsangaben, "
                    "Listen und Abschnitte."
                ),
                "Remove the tag. Concept files hold only text, numbers, dates, lists and mappings.",
            ),
        ),
        "multidoc": Text(
            message=L(
                "Die Datei enthält mehr als ein YAML-Dokument; ein zweites beginnt hier.",
                "The file holds more than one YAML document; a second one starts here.",
            ),
            hint=L(
                (
                    "Eine Datei beschreibt genau ein Konzept: entfernen Sie den zweiten Teil oder "
                    "legen Sie ihn in eine eigene Datei."
                ),
                ("One file describes exactly one concept: remove the second part or move it to a file of its own."),
            ),
        ),
        "alias": Text(
            message=L(
                (
                    "Aliase würden hier mehr als {limit} Werte erzeugen (Alias „*{anchor}“); die Datei "
                    "wird nicht weiter gelesen."
                ),
                (
                    "Aliases would expand to more than {limit} values here (alias “*{anchor}”); the "
                    "file is not read any further."
                ),
            ),
            hint=L(
                ("Schreiben Sie die Werte aus, statt Anker (&) und Aliase (*) ineinander zu verschachteln."),
                "Write the values out instead of nesting anchors (&) and aliases (*).",
            ),
        ),
        "budget": Text(
            message=L(
                (
                    "Die Datei ist zu umfangreich, um sie sicher zu prüfen: eingelesen belegte sie "
                    "mehr als {limit} Arbeitsspeicher (es zählen alle Werte und Schlüssel, ihre Texte "
                    "und alles, wofür Aliase stehen); sie wird ab hier nicht weiter gelesen."
                ),
                (
                    "The file is too large to check safely: read in, it would take more than {limit} "
                    "of memory (all values and keys count, their texts, and everything aliases stand "
                    "for); it is not read any further."
                ),
            ),
            hint=L(
                (
                    "Ein Konzept umfasst selten mehr als einige Tausend Werte: prüfen Sie, ob "
                    "versehentlich Daten eingefügt wurden, und teilen Sie eine sehr große Datei auf."
                ),
                (
                    "A concept rarely has more than a few thousand values: check whether data was "
                    "pasted by mistake, and split a very large file."
                ),
            ),
        ),
        "memory": Text(
            message=L(
                ("Der Arbeitsspeicher reicht nicht, um diese Datei einzulesen; sie wird nicht weiter gelesen."),
                "There is not enough memory to read this file; it is not read any further.",
            ),
            hint=L(
                (
                    "Prüfen Sie, ob versehentlich Daten eingefügt wurden, oder prüfen Sie die Datei "
                    "auf einem Rechner mit mehr freiem Speicher."
                ),
                ("Check whether data was pasted by mistake, or check the file on a machine with more free memory."),
            ),
        ),
        "longkey": Text(
            message=L(
                (
                    "Der Schlüssel „{key}“ ist {length} Zeichen lang, erlaubt sind höchstens {limit}; "
                    "sein Wert wird nicht gelesen."
                ),
                ("The key “{key}” is {length} characters long, at most {limit} are allowed; its value is not read."),
            ),
            hint=L(
                (
                    "Schlüssel sind kurze Namen wie `titel:`. Meist ist ein Text mit „: “ als "
                    "Schlüssel gelesen worden: setzen Sie ihn in Anführungszeichen."
                ),
                (
                    "Keys are short names such as `titel:`. Usually a text with “: ” was read as a "
                    "key: put it in quotes."
                ),
            ),
        ),
        "depth": Text(
            message=L(
                ("Die Daten sind tiefer als {limit} Ebenen verschachtelt; die Datei wird nicht weiter gelesen."),
                "The data is nested deeper than {limit} levels; the file is not read any further.",
            ),
            hint=L(
                "Ein Konzept braucht höchstens wenige Ebenen; prüfen Sie Klammern und Einrückung.",
                "A concept needs only a few levels; check brackets and indentation.",
            ),
        ),
        "size": Text(
            message=L(
                "Die Datei ist {size} groß; gelesen werden Dateien bis {limit}.",
                "The file is {size} large; files up to {limit} are read.",
            ),
            hint=L(
                "Teilen Sie die Datei auf oder entfernen Sie versehentlich eingefügte Inhalte.",
                "Split the file or remove content pasted by mistake.",
            ),
        ),
        "not_regular": Text(
            message=L(
                ("Dies ist keine gewöhnliche Datei, sondern {detail}; sie wird weder geöffnet noch geprüft."),
                "This is not a regular file but {detail}; it is neither opened nor checked.",
            ),
            hint=L(
                (
                    "Legen Sie das Konzept als gewöhnliche Datei ab, oder benennen Sie den Eintrag so "
                    "um, dass er nicht auf .yaml oder .yml endet."
                ),
                ("Store the concept as a regular file, or rename the entry so that it does not end in .yaml or .yml."),
            ),
        ),
        "dangling": Text(
            message=L(
                ("Der symbolische Verweis zeigt auf {detail}, das es nicht gibt; geprüft wurde nichts."),
                "The symbolic link points to {detail}, which does not exist; nothing was checked.",
            ),
            hint=L(
                ("Stellen Sie die Datei wieder her, auf die der Verweis zeigt, oder entfernen Sie den Verweis."),
                "Restore the file the link points to, or remove the link.",
            ),
        ),
        "loop": Text(
            message=L(
                "Symbolische Verweise bilden hier eine Schleife; die Datei lässt sich nicht öffnen.",
                "Symbolic links form a loop here; the file cannot be opened.",
            ),
            hint=L(
                "Lassen Sie den Verweis auf eine echte Datei zeigen, oder entfernen Sie ihn.",
                "Point the link at a real file, or remove it.",
            ),
        ),
        "unreadable": Text(
            message=L(
                "Die Datei kann nicht gelesen werden ({detail}); sie wurde nicht geprüft.",
                "The file cannot be read ({detail}); it was not checked.",
            ),
            hint=L(
                ("Prüfen Sie die Zugriffsrechte der Datei (lesen) und ob ein anderes Programm sie sperrt."),
                "Check the file's permissions (read) and whether another program locks it.",
            ),
        ),
        "not_found": Text(
            message=L(
                "Die Datei ist während der Prüfung verschwunden; sie wurde nicht geprüft.",
                "The file disappeared during the check; it was not checked.",
            ),
            hint=L(
                ("Prüfen Sie erneut, wenn kein anderes Programm mehr Dateien in dem Ordner verschiebt."),
                "Check again once no other program is moving files in the folder.",
            ),
        ),
        "too_long": Text(
            message=L(
                "Der Pfad ist zu lang ({length} Zeichen); die Datei lässt sich nicht öffnen.",
                "The path is too long ({length} characters); the file cannot be opened.",
            ),
            hint=L(
                "Wählen Sie kürzere Ordner- und Dateinamen.",
                "Choose shorter folder and file names.",
            ),
        ),
        "folder": Text(
            message=L(
                ("Der Ordner kann nicht gelesen werden ({detail}); die Dateien darin wurden nicht geprüft."),
                "The folder cannot be read ({detail}); the files in it were not checked.",
            ),
            hint=L(
                (
                    "Prüfen Sie die Zugriffsrechte des Ordners (lesen und öffnen), oder prüfen Sie die "
                    "übrigen Ordner einzeln."
                ),
                ("Check the folder's permissions (read and enter), or check the other folders one by one."),
            ),
        ),
        "link_folder": Text(
            message=L(
                (
                    "Der symbolische Verweis auf den Ordner {detail} wird nicht verfolgt; die Dateien "
                    "dort wurden nicht geprüft."
                ),
                ("The symbolic link to the folder {detail} is not followed; the files there were not checked."),
            ),
            hint=L(
                "Prüfen Sie den Ordner, wenn er dazugehört, ausdrücklich: ki validate {detail}",
                "If the folder belongs to the check, name it explicitly: ki validate {detail}",
            ),
        ),
        "complexkey": Text(
            message=L(
                ("Ein Schlüssel muss ein einfacher Text sein, hier steht eine Liste oder ein Abschnitt."),
                "A key must be plain text; here it is a list or a mapping.",
            ),
            hint=L(
                "Schreiben Sie den Schlüssel als Text vor den Doppelpunkt, z. B. `titel:`.",
                "Write the key as text before the colon, e.g. `titel:`.",
            ),
        ),
    },
    fail=edit(("    titel: Übergang Schule – Beruf\n", "    titel: !!python/object/apply:os.system [echo]\n")),
)

KI005 = declare(
    "KI005",
    "error",
    title=L(
        "leere Datei oder keine Zuordnung",
        "empty file or top level not a mapping",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Die Datei ist leer, oder ihre oberste Ebene ist kein Abschnitt mit Schlüsseln (sondern "
            "etwa eine Liste oder ein einzelner Text)."
        ),
        ("The file is empty, or its top level is not a mapping with keys (but, say, a list or a single text)."),
    ),
    variants={
        "empty": Text(
            message=L(
                "Die Datei ist leer.",
                "The file is empty.",
            ),
            hint=L(
                ("Legen Sie mit `ki init` eine Startdatei an oder kopieren Sie ein Beispiel aus concepts/."),
                "Create a starting file with `ki init` or copy an example from concepts/.",
            ),
        ),
        "notmapping": Text(
            message=L(
                "Die oberste Ebene muss ein Abschnitt mit Schlüsseln sein, gefunden: {found}.",
                "The top level must be a mapping with keys, found: {found}.",
            ),
            hint=L(
                ("Eine Konzeptdatei beginnt mit `version: 1`, gefolgt von `kommune:`, `zentrum:` usw."),
                ("A concept file starts with `version: 1`, followed by `kommune:`, `zentrum:` and so on."),
            ),
        ),
    },
    fail="- version: 1\n",
)

KI006 = declare(
    "KI006",
    "error",
    title=L(
        "Tausenderpunkt",
        "German thousands separator",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Eine Zahl mit deutschem Tausenderpunkt wie `betrag: 24.000` liest YAML als Dezimalzahl "
            "24,0 – aus 24.000 € würden 24 €, in jedem Dokument. Weil eine deutsche Leserin etwas "
            "anderes sieht als das, was gelesen wird, ist das ein Fehler, und `ki render` schreibt "
            'kein Dokument. Schreiben Sie `24000` oder, in Anführungszeichen, `"24.000"`: so wird der '
            "Punkt als Tausenderpunkt gelesen. Deutsche Schreibweisen, die YAML als Text liest (`vze: "
            "0,5`, `betrag: 1.234,56`), werden ebenfalls richtig umgerechnet."
        ),
        (
            "A number with a German thousands separator such as `betrag: 24.000` is read by YAML as "
            "the decimal 24.0 – €24,000 would become €24, in every document. Because a German reader "
            "sees something other than what is read, this is an error, and `ki render` writes no "
            'document. Write `24000` or, in quotes, `"24.000"`: then the dot is read as a thousands '
            "separator. German notation that YAML reads as text (`vze: 0,5`, `betrag: 1.234,56`) is "
            "converted correctly too."
        ),
    ),
    message=L(
        (
            "„{source}“ liest YAML als Dezimalzahl {read}, nicht als {meant}: in YAML ist der Punkt "
            "ein Dezimaltrennzeichen."
        ),
        ("YAML reads “{source}” as the decimal {read}, not as {meant}: in YAML the dot is a decimal point."),
    ),
    hint=L(
        (
            'Schreiben Sie `{plain}` oder `"{source}"` (in Anführungszeichen gilt der Punkt als '
            "Tausenderpunkt), wenn {meant} gemeint ist, oder `{decimal}`, wenn die Dezimalzahl {read} "
            "gemeint ist."
        ),
        (
            'Write `{plain}` or `"{source}"` (in quotes the dot is a thousands separator) if {meant} '
            "is meant, or `{decimal}` if the decimal {read} is meant."
        ),
    ),
    variants={
        "comma": Text(
            message=L(
                "In der Klammer steht eine Zahl mit deutschem Dezimalkomma ({numbers}): in {{ … }} und [ … ] "
                "trennt das Komma die Einträge, YAML läse aus „{first}“ die Zahl {head} und einen Eintrag „{tail}“. ki "
                "liest sie hier als Dezimalzahl.",
                "The brackets hold a number with a German decimal comma ({numbers_en}): inside {{ … }} and [ … ] "
                "the comma separates entries, YAML would read “{first}” as the number {head} and an entry “{tail}”. ki "
                "reads it as a decimal here.",
            ),
            hint=L(
                "Schreiben Sie Dezimalzahlen mit Punkt: `{fixed}` – oder in Anführungszeichen: `{quoted}`.",
                "Write decimals with a point: `{fixed}` – or in quotes: `{quoted}`.",
            ),
        ),
    },
    fail=edit(("betrag: 24000", "betrag: 24.000")),
)

KI008 = declare(
    "KI008",
    "warning",
    title=L(
        "Text durch „ #“ abgeschnitten",
        "text cut by “ #”",
    ),
    basis=sources.YAML,
    explanation=L(
        (
            "In YAML beginnt mit „ #“ (Leerzeichen und Raute) ein Kommentar, der bis zum Zeilenende "
            "reicht. Steht in einem Text ohne Anführungszeichen „ #“, etwa in `titel: Elterncafé #2`, "
            "liest YAML nur „Elterncafé“ – der Rest ginge stillschweigend verloren. ki meldet das, wenn "
            "unmittelbar nach „#“ ein Zeichen folgt; ein Kommentar schreibt sich `# Kommentar`, mit "
            "Leerzeichen nach der Raute."
        ),
        (
            "In YAML, “ #” (a space and a hash) starts a comment that runs to the end of the line. If a "
            "text without quotes contains “ #”, as in `titel: Elterncafé #2`, YAML reads only "
            "“Elterncafé” – the rest would be lost silently. ki reports this when a character follows "
            "“#” directly; a comment is written `# comment`, with a space after the hash."
        ),
    ),
    message=L(
        "Der Text „{value}“ endet vor „{cut}“: YAML liest ab „ #“ einen Kommentar, „{cut}“ gehört nicht zum Wert.",
        "The text “{value}” ends before “{cut}”: YAML reads a comment from “ #”, “{cut}” is not part of the value.",
    ),
    hint=L(
        (
            "Gehört „{cut}“ zum Text, setzen Sie den ganzen Text in Anführungszeichen: `{fixed}`. Ist es "
            "ein Kommentar, schreiben Sie ein Leerzeichen nach „#“."
        ),
        "If “{cut}” belongs to the text, put the whole text in quotes: `{fixed}`. If it is a comment, "
        "write a space after “#”.",
    ),
    fail=edit(("    titel: Übergang Schule – Beruf\n", "    titel: Übergang Schule – Beruf #2\n")),
)

KI009 = declare(
    "KI009",
    "warning",
    title=L(
        "Name an Kommas geteilt",
        "name split at its commas",
    ),
    basis=sources.YAML,
    explanation=L(
        (
            "In einer Liste in eckigen Klammern trennt jedes Komma zwei Einträge. Aus `beteiligt: [Amt "
            "für Kinder, Jugend und Familie]` werden zwei Einträge, „Amt für Kinder“ und „Jugend und "
            "Familie“. ki meldet Listen, deren Einträge wie ein an den Kommas geteilter Name aussehen "
            "(der letzte Eintrag setzt mit „und“, „oder“ oder „sowie“ eine Aufzählung fort), damit "
            "nichts stillschweigend geteilt wird."
        ),
        (
            "In a list in square brackets every comma separates two entries. `beteiligt: [Amt für "
            "Kinder, Jugend und Familie]` becomes two entries, “Amt für Kinder” and “Jugend und "
            "Familie”. ki reports lists whose entries look like one name split at its commas (the last "
            "entry continues an enumeration with “und”, “oder” or “sowie”), so that nothing is split "
            "silently."
        ),
    ),
    message=L(
        "YAML teilt „{written}“ an den Kommas in {count} Einträge: {items}.",
        "YAML splits “{written}” at its commas into {count} entries: {items_en}.",
    ),
    hint=L(
        (
            "Ist es ein Name, setzen Sie ihn in Anführungszeichen: `{fixed}`. Sind es mehrere, setzen "
            "Sie jeden Eintrag in Anführungszeichen, dann meldet ki nichts."
        ),
        "If it is one name, put it in quotes: `{fixed}`. If they are several, put each entry in quotes; "
        "then ki reports nothing.",
    ),
    fail=edit(("        beteiligt: [jobcenter]\n", "        beteiligt: [Amt für Kinder, Jugend und Familie]\n")),
)

KI010 = declare(
    "KI010",
    "info",
    title=L(
        "Text in typografischen Anführungszeichen",
        "text in typographic quotes",
    ),
    basis=sources.YAML,
    explanation=L(
        (
            "YAML kennt als Anführungszeichen nur die geraden Zeichen \" und '. Typografische "
            "Anführungszeichen („…“, “…”, »…«), wie Word sie beim Tippen setzt, gehören zum Text: aus "
            "`name: „Stadt Hamm“` wird der Name mit den Anführungszeichen, und jedes Dokument druckt sie "
            "mit. ki weist darauf hin, wenn ein ganzer Text so eingefasst ist; Anführungszeichen mitten "
            "im Text (`titel: Projekt „Brücken bauen“`) bleiben unbemerkt."
        ),
        (
            "YAML's only quotes are the straight characters \" and '. Typographic quotes („…“, “…”, "
            "»…«), as Word sets them while typing, are part of the text: `name: „Stadt Hamm“` makes the "
            "name with its quotes, and every document prints them. ki points this out when a whole text "
            "is enclosed so; quotes inside a text (`titel: Projekt „Brücken bauen“`) pass unremarked."
        ),
    ),
    message=L(
        "Der Text {value} steht in typografischen Anführungszeichen: sie gehören für YAML zum Text und "
        "werden in den Dokumenten mitgedruckt.",
        "The text {value} is in typographic quotes: to YAML they are part of the text and the documents print them.",
    ),
    hint=L(
        (
            "Sollen die Anführungszeichen nicht gedruckt werden, schreiben Sie `{inner}` ohne sie oder "
            "mit geraden Anführungszeichen: `{quoted}`."
        ),
        "If the quotes are not to be printed, write `{inner}` without them or with straight quotes: `{quoted}`.",
    ),
    fail=edit(("    titel: Übergang Schule – Beruf\n", "    titel: „Übergang Schule – Beruf“\n")),
)


RULES: tuple[Rule, ...] = (
    KI001,
    KI002,
    KI003,
    KI004,
    KI005,
    KI006,
    KI008,
    KI009,
    KI010,
)

"""Structure checks KI101–KI107: the model's errors as findings, ids and references.

The model check runs the Pydantic models' own core schema with ``pydantic_core`` (generated
from the models, ``records.validate``), so its errors are Pydantic's ``errors()``. Every error
becomes exactly one finding at the line and column of the offending key or value (a missing
key: at its parent's key). What a finding says a field expects, and which keys a section allows,
come from the same schema (``records.field_at``, ``records.allowed_keys``). Ids and references
are checked on the raw data, so that they are reported even when the model has other errors.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from ki_cli.check.findings import Collector
from ki_cli.check.rules import sources
from ki_cli.check.rules.base import Rule, Text, declare
from ki_cli.check.rules.example import edit
from ki_cli.check.sourcemap import SourceMap, join, parent, path_of, split_lines
from ki_cli.format import records, vocab
from ki_cli.format.converters import ID_MAX, as_text
from ki_cli.periods import YEAR_MAX, YEAR_MIN
from ki_cli.text import Budget, L, Suggestions, did_you_mean, join_words, quote, transliterate

# --- what a field expects, for messages ------------------------------------------------------

_TEXT = L("einen Text", "a text")
_NUMBER = L("eine Zahl (z. B. 0,5 oder 24000)", "a number (e.g. 0.5 or 24000)")
_DATE = L("ein Datum (JJJJ-MM-TT oder TT.MM.JJJJ)", "a date (YYYY-MM-DD or DD.MM.YYYY)")
_LIST = L("eine Liste (Einträge mit „- “)", "a list (entries starting with “- ”)")
_SECTION = L("einen Abschnitt mit Schlüsseln (schluessel: wert)", "a mapping with keys (key: value)")
_ID = L("eine Kennung wie „m-sprache“", "an id such as “m-sprache”")

# what a missing field of each kind expects, in words (KI101, dative)
_EXPECTED_BY_KIND: dict[str, L] = {
    "date": L("einem Datum (JJJJ-MM-TT)", "a date (YYYY-MM-DD)"),
    "number": L("einer Zahl", "a number"),
    "list": L("einer Liste", "a list"),
    "section": L("einem eingerückten Abschnitt", "an indented mapping"),
    "mapping": L("einem eingerückten Abschnitt", "an indented mapping"),
    "id": L("einer Kennung wie „m-sprache“", "an id such as “m-sprache”"),
    "version": L("dem Wert 1", "the value 1"),
    "yesno": L("ja oder nein (true/false)", "yes or no (true/false)"),
}


def _expected_for(loc: tuple[Any, ...]) -> L:
    """What the field at ``loc`` expects, in words (for KI101), by its kind in the format."""
    field = records.field_at(loc)
    kind = field.kind if field is not None else None
    if kind is not None and kind.values:  # a vocabulary, or a list of one
        words = ", ".join(kind.values)
        return L(f"einem dieser Werte: {words}", f"one of these values: {words}")
    if kind is not None and kind.name in _EXPECTED_BY_KIND:
        return _EXPECTED_BY_KIND[kind.name]
    return L("einem Text", "a text")


def _shown(value: Any) -> L:
    """A value as it appears at the start of a message."""
    if value is None:
        return L("Ein leerer Wert", "An empty value")
    if isinstance(value, list):
        return L("Eine Liste", "A list")
    if isinstance(value, dict):
        return L("Ein Abschnitt", "A mapping")
    if isinstance(value, bool):
        word = "true" if value else "false"
        return L(f"Der Wahrheitswert {word}", f"The boolean {word}")
    text = str(as_text(value))
    return L(quote(text, "de"), quote(text, "en"))


_NOT_TEXT_HINT = L(
    'Setzen Sie den Text in Anführungszeichen, wenn er wie eine Zahl, ein Datum oder true/false aussieht: "…".',
    'Put the text in quotes if it looks like a number, a date or true/false: "…".',
)


def _type_problem(err: dict[str, Any]) -> tuple[L, L]:
    """(expected, hint) for a KI103 finding, by the Pydantic error type."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("string_type",):
        return _TEXT, _NOT_TEXT_HINT
    if kind == "string_too_short":  # a required text
        return L("einen nicht leeren Text", "a non-empty text"), L(
            "Tragen Sie einen Text ein oder löschen Sie die Zeile, wenn das Feld freiwillig ist.",
            "Enter a text, or delete the line if the field is optional.",
        )
    if kind.startswith(("float", "int")) or kind == "ki_number":
        return _NUMBER, L(
            "Schreiben Sie die Zahl ohne Einheit und ohne Tausenderpunkt; Komma oder Punkt als "
            "Dezimalzeichen sind beide erlaubt.",
            "Write the number without a unit and without thousands separators; a comma or a dot "
            "as decimal mark are both fine.",
        )
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = _number(next(iter(ctx.values()), ""))
        words = {
            "greater_than": L(f"eine Zahl größer als {bound}", f"a number greater than {bound}"),
            "greater_than_equal": L(f"eine Zahl ab {bound}", f"a number of at least {bound}"),
            "less_than": L(f"eine Zahl kleiner als {bound}", f"a number less than {bound}"),
            "less_than_equal": L(f"eine Zahl bis höchstens {bound}", f"a number of at most {bound}"),
        }[kind]
        return words, L(
            "VZE liegen über 0 und höchstens bei 1 (eine volle Stelle); Beträge sind nicht negativ.",
            "VZE lie above 0 and at most 1 (one full post); amounts are not negative.",
        )
    if kind == "ki_number_range":
        return L(
            "eine Zahl bis zu einer Billion (1.000.000.000.000)", "a number up to a trillion (1,000,000,000,000)"
        ), L(
            "Prüfen Sie die Ziffern: eine so große Zahl (auch eine negative) ist im Konzept ein Tippfehler.",
            "Check the digits: a number this large (negative ones too) is a typo in a concept.",
        )
    if kind == "ki_version_bool":
        return L("die Formatversion 1", "the format version 1"), L(
            "Schreiben Sie `version: 1`; true und false sind Wahrheitswerte, keine Versionsnummer.",
            "Write `version: 1`; true and false are booleans, not a version number.",
        )
    if kind == "ki_date":
        return _DATE, L(
            "Schreiben Sie das Datum wie 2025-01-01 oder 01.01.2025.", "Write the date as 2025-01-01 or 01.01.2025."
        )
    if kind == "ki_date_range":
        low, high = ctx.get("min"), ctx.get("max")
        return L(f"ein Datum zwischen {low} und {high}", f"a date between {low} and {high}"), L(
            "Prüfen Sie die Jahreszahl (vier Ziffern, z. B. 2025).", "Check the year (four digits, e.g. 2025)."
        )
    if kind == "ki_date_invalid":
        return L("ein Datum, das es gibt", "a date that exists"), L(
            "Prüfen Sie Tag und Monat (z. B. gibt es keinen 30. Februar).",
            "Check day and month (there is no 30 February, for instance).",
        )
    if kind == "ki_count":
        return L("eine ganze Zahl ab 0", "a whole number of at least 0"), L(
            "Schreiben Sie die Anzahl als ganze Zahl ohne Einheit, z. B. 12.",
            "Write the count as a whole number without a unit, e.g. 12.",
        )
    if kind == "ki_year":
        low, high = ctx.get("min", YEAR_MIN), ctx.get("max", YEAR_MAX)
        return L(f"eine Jahreszahl zwischen {low} und {high}", f"a year between {low} and {high}"), L(
            "Schreiben Sie das Haushaltsjahr mit vier Ziffern, z. B. 2027.",
            "Write the budget year with four digits, e.g. 2027.",
        )
    if kind == "ki_bool":
        return L("ja oder nein (true/false)", "yes or no (true/false)"), L(
            "Schreiben Sie true oder false.", "Write true or false."
        )
    if kind == "ki_email":
        return L("eine E-Mail-Adresse (name@beispiel.de)", "an e-mail address (name@example.org)"), L(
            "Prüfen Sie @ und Domain der Adresse.", "Check the address's @ and domain."
        )
    if kind == "ki_ags":
        return L(
            "einen Amtlichen Gemeindeschlüssel aus NRW (8 Ziffern, beginnend mit 05)",
            "an official municipality key of NRW (8 digits starting with 05)",
        ), L('Schreiben Sie den Schlüssel in Anführungszeichen: ags: "05315000".', 'Quote the key: ags: "05315000".')
    if kind == "list_type":
        return _LIST, L(
            "Schreiben Sie jeden Eintrag in eine eigene Zeile mit „- “ davor, oder [a, b].",
            "Write each entry on its own line starting with “- ”, or [a, b].",
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        written = err.get("input")
        pair = re.fullmatch(r"([^\s:#]+):(\S.*)", written) if isinstance(written, str) else None
        if pair is not None:  # "typ:kreisfreie_stadt": the key and its value, without the space
            return _SECTION, L(
                f"Nach dem Doppelpunkt fehlt das Leerzeichen: schreiben Sie `{pair[1]}: {pair[2]}`.",
                f"The space after the colon is missing: write `{pair[1]}: {pair[2]}`.",
            )
        return _SECTION, L(
            "Rücken Sie die Schlüssel des Abschnitts unter seinem Namen ein.",
            "Indent the mapping's keys below its name.",
        )
    if kind == "too_short":
        return L("mindestens einen Eintrag", "at least one entry"), L(
            "Tragen Sie mindestens einen Eintrag ein.", "Add at least one entry."
        )
    return L(err.get("msg", ""), err.get("msg", "")), L("", "")


def _number(value: Any) -> str:
    """A bound as a German number: ``0``, ``0,5`` (the core schema keeps bounds as floats)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",")


def _where(path: str, data: Any) -> L:
    """A readable name for the mapping at ``path`` (with its id where it has one)."""
    if not path:
        return L("der obersten Ebene", "the top level")
    node = _at(data, path)
    ident = node.get("id") if isinstance(node, dict) else None
    if isinstance(ident, (str, int)) and not isinstance(ident, bool):
        return L(f"„{path}“ (Kennung „{as_text(ident)}“)", f"“{path}” (id “{as_text(ident)}”)")
    return L(f"„{path}“", f"“{path}”")


_PART = re.compile(r"\.?([^.\[\]]+)|\[(\d+)\]")


def _at(data: Any, path: str) -> Any:
    node = data
    for match in _PART.finditer(path):
        key, index = match.group(1), match.group(2)
        try:
            node = node[int(index)] if index is not None else node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return node


_ABSENT = object()


def _written(data: Any, err: dict[str, Any]) -> Any:
    """The value the user wrote where ``err`` points, or the error's input.

    Pydantic reports a bound (``vze: -1``) with the converted value as input (``-1.0``); a
    finding shows what stands in the file.
    """
    node = data
    for part in err["loc"]:
        if part == "[key]" or not isinstance(node, (dict, list)):
            return err.get("input")
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return err.get("input")
    return node


# --- the model check --------------------------------------------------------------------------


def check_model(data: dict[str, Any], sourcemap: SourceMap, report: Collector) -> Any:
    """Validate ``data`` against the format; return the concept's record or None after findings."""
    konzept, errors = records.validate(data)
    for err in errors:
        _report_error(err, data, sourcemap, report)
    return konzept


def _in_a_comment(key: str, where: str, path: str, data: Any, sourcemap: SourceMap, report: Collector) -> bool:
    """KI101 for a required key the user did write – after a ``#``, where YAML reads a comment (pasted
    at the end of a comment, or commented out): the finding points at it. True when reported."""
    text = sourcemap.text
    if not text or key + ":" not in text or where not in sourcemap:
        return False
    first, _, last, _ = sourcemap.value_span(where)
    column = sourcemap.key_span(where)[1]
    found = re.compile(rf"#.*?(?<![\w-])({re.escape(key)}:(?:\s.*)?)$")
    lines = split_lines(text)
    for number in range(max(first, 1), min(last + 1, len(lines)) + 1):
        line = lines[number - 1]
        match = found.search(line)
        if match is None:
            continue
        indent = _child_indent(lines, first, last, column)
        fixed = " " * indent + match[1].strip()
        commented_out = line[: match.start()].strip() == "" and line[match.start() + 1 : match.start(1)].strip() == ""
        report.add(
            "KI101.commented" if commented_out else "KI101.comment",
            (number, match.start(1) + 1, number, match.start(1) + 1 + len(key)),
            path,
            key=key,
            where=_where(where, data),
            fixed=fixed,
        )
        return True
    return False


def _child_indent(lines: list[str], first: int, last: int, column: int) -> int:
    """The indentation of the keys of the mapping on lines ``first``–``last``."""
    for number in range(first, min(last, len(lines)) + 1):
        line = lines[number - 1]
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            content = line.lstrip(" ")
            return len(line) - len(content) + (2 if content.startswith("- ") else 0)
    return max(column - 1, 0)


def _invisible_in_key(key: str, path: str, *, where: object, sourcemap: SourceMap, report: Collector) -> bool:
    """A key with a character the user cannot see (a non-breaking space from Word, a zero-width
    space …): name the character and the key it hides, instead of an unknown key that looks known."""
    from ki_cli.check.mistakes import INVISIBLE

    hidden = next((char for char in key if char in INVISIBLE), None)
    if hidden is None:
        return False
    meant = "".join(char for char in key if char not in INVISIBLE).strip()
    de_name, en_name = INVISIBLE[hidden]
    report.add(
        "KI102.invisible",
        sourcemap.key_span(path),
        path,
        meant=meant,
        where=where,
        character=L(de_name, en_name),
        code=f"U+{ord(hidden):04X}",
    )
    return True


def _report_error(err: dict[str, Any], data: Any, sourcemap: SourceMap, report: Collector) -> None:
    loc = tuple(part for part in err["loc"] if part != "[key]")
    path = path_of(loc)
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    kind = err["type"]
    value = _written(data, err)
    if kind == "missing":
        where = parent(path)
        if _in_a_comment(key, where, path, data, sourcemap, report):
            return
        report.add(
            "KI101", sourcemap.key_span(where), path, key=key, where=_where(where, data), expected=_expected_for(loc)
        )
    elif kind == "extra_forbidden":
        allowed = records.allowed_keys(loc[:-1])
        if _invisible_in_key(key, path, where=_where(parent(path), data), sourcemap=sourcemap, report=report):
            return
        report.add(
            "KI102",
            sourcemap.key_span(path),
            path,
            key=key,
            where=_where(parent(path), data),
            did_you_mean=did_you_mean(key, allowed),
            allowed=", ".join(allowed),
        )
    elif _is_version(loc) and kind != "ki_version_bool":
        report.add("KI104", sourcemap.value_span(path), path, value=_shown(value))
    elif kind in ("ki_id", "ki_id_reserved"):
        _report_bad_id(path, value, kind, (err.get("ctx") or {}).get("reason"), sourcemap, report)
    elif kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
        words = ", ".join(allowed)
        report.add(
            "KI103",
            sourcemap.value_span(path),
            path,
            value=_shown(value),
            key=key,
            expected=L(f"einer dieser Werte: {words}", f"one of these values: {words}"),
            did_you_mean=did_you_mean(as_text(value), allowed),
            hint=L(
                "Schreiben Sie einen der erlaubten Werte genau so, klein und ohne Umlaute.",
                "Write one of the allowed values exactly as shown, in lower case.",
            ),
        )
    else:
        expected, hint = _type_problem(err)
        report.add(
            "KI103",
            sourcemap.value_span(path),
            path,
            value=_shown(value),
            key=key,
            expected=expected,
            did_you_mean="",
            hint=hint,
        )


def _is_version(loc: tuple[Any, ...]) -> bool:
    field = records.field_at(loc)
    return field is not None and field.kind.name == "version"


def _suggest_id(value: str) -> str:
    text = transliterate(value.lower())
    text = re.sub(r"[^a-z0-9_-]+", "-", text).strip("-_")[:ID_MAX]
    return text if text and text != "ki" else ""


def _report_bad_id(
    path: str, value: Any, kind: str, reason: str | None, sourcemap: SourceMap, report: Collector
) -> None:
    text = str(as_text(value))
    if kind == "ki_id_reserved":
        why = L("„ki“ ist reserviert, es steht für das KI selbst", "“ki” is reserved, it stands for the KI itself")
        suggestion = ""
    else:
        why = (
            L(f"länger als {ID_MAX} Zeichen", f"longer than {ID_MAX} characters")
            if reason == "too_long"
            else L(
                "nur Kleinbuchstaben, Ziffern, „-“ und „_“ sind erlaubt",
                "only lower-case letters, digits, “-” and “_” are allowed",
            )
        )
        suggestion = _suggest_id(text)
    shown = L(f", z. B. „{suggestion}“", f", e.g. “{suggestion}”") if suggestion else ""
    report.add("KI105", sourcemap.value_span(path), path, value=_shown(value), reason=why, suggestion=shown)


# --- ids and references ------------------------------------------------------------------------


def _entries(data: dict[str, Any], key: str) -> Iterator[tuple[str, dict[str, Any]]]:
    items = data.get(key)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield join(key, index), item


def _ident(item: dict[str, Any]) -> str | None:
    value = item.get("id")
    if value is None or isinstance(value, (bool, list, dict)):
        return None
    return str(as_text(value))


class _Index:
    """Every id of the file by kind, built once."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.schwerpunkte: dict[str, str] = {}
        self.ziele: dict[str, str] = {}  # goal id → path of its Schwerpunkt
        self.massnahmen: list[tuple[str, str, dict[str, Any]]] = []  # (path, schwerpunkt path, item)
        self.partner: dict[str, str] = {}
        self.vereinbarungen: dict[str, str] = {}
        self.all: list[tuple[str, str]] = []  # (id, path of the id) in file order
        for sp_path, sp in _entries(data, "schwerpunkte"):
            self._add(sp, sp_path, self.schwerpunkte)
            for goal_path, goal in _entries(sp, "ziele"):
                self._add(goal, join(sp_path, goal_path), self.ziele, sp_path)
            for m_path, measure in _entries(sp, "massnahmen"):
                full = join(sp_path, m_path)
                self._add(measure, full, None)
                self.massnahmen.append((full, sp_path, measure))
        for p_path, post in _entries(data, "personal"):
            self._add(post, p_path, None)
        for p_path, partner in _entries(data, "partner"):
            self._add(partner, p_path, self.partner)
        for v_path, agreement in _entries(data, "vereinbarungen"):
            self._add(agreement, v_path, self.vereinbarungen)

    def _add(self, item: dict[str, Any], path: str, into: dict[str, str] | None, value: str | None = None) -> None:
        ident = _ident(item)
        if ident is None:
            return
        self.all.append((ident, join(path, "id")))
        if into is not None and ident not in into:
            into[ident] = value if value is not None else path


def check_references(data: dict[str, Any], sourcemap: SourceMap, report: Collector) -> None:
    """KI106 (an id used twice) and KI107 (a reference to no id), on the raw data."""
    index = _Index(data)
    first: dict[str, str] = {}
    # in file order, so that the *second* occurrence is the one reported
    for ident, path in sorted(index.all, key=lambda item: sourcemap.value_span(item[1])[:2]):
        if ident in first:
            report.add(
                "KI106",
                sourcemap.value_span(path),
                path,
                id=ident,
                first_line=sourcemap.value_span(first[ident])[0],
                first_path=first[ident],
            )
        else:
            first[ident] = path

    # dicts, not lists: a membership test per reference must not scan every id; the did-you-mean
    # and the list of known ids are built once per pool and bounded per file (linear cost)
    budget = Budget()
    partner_kind = L("keinen Partner", "partner")
    partners = _Pool(index.partner, partner_kind, budget)
    partners_or_ki = _Pool({**index.partner, vocab.KI: ""}, partner_kind, budget)
    agreements = _Pool(index.vereinbarungen, L("keine Vereinbarung", "agreement"), budget)
    goals_of: dict[str, list[str]] = {}
    for goal, owner in index.ziele.items():
        goals_of.setdefault(owner, []).append(goal)
    goal_pools: dict[str, _Pool] = {}
    for m_path, sp_path, measure in index.massnahmen:
        _ref(measure, m_path, "federfuehrung", partners_or_ki, sourcemap, report)
        _refs(measure, m_path, "beteiligt", partners_or_ki, sourcemap, report)
        _ref(measure, m_path, "vereinbarung", agreements, sourcemap, report)
        goals = measure.get("ziele")
        if isinstance(goals, list):
            for i, goal in enumerate(goals):
                if _scalar(goal) and str(as_text(goal)) not in index.ziele:
                    if sp_path not in goal_pools:  # its own goals are proposed, or else all of them
                        goal_pools[sp_path] = _Pool(
                            goals_of.get(sp_path) or list(index.ziele), L("kein Ziel", "goal"), budget
                        )
                    _dangling(join(join(m_path, "ziele"), i), "ziele", goal, goal_pools[sp_path], sourcemap, report)
    priorities = _Pool(index.schwerpunkte, L("keinen Schwerpunkt", "priority"), budget)
    for p_path, post in _entries(data, "personal"):
        einsatz = post.get("einsatz")
        if isinstance(einsatz, dict):
            for key in einsatz:
                if key not in index.schwerpunkte:
                    path = join(join(p_path, "einsatz"), key)
                    report.add(
                        "KI107",
                        sourcemap.key_span(path),
                        path,
                        ref=key,
                        key="einsatz",
                        kind=priorities.kind,
                        did_you_mean=priorities.suggest(key),
                        known=priorities.known(),
                    )
    for v_path, agreement in _entries(data, "vereinbarungen"):
        _ref(agreement, v_path, "partner", partners, sourcemap, report)


class _Pool:
    """The ids a reference may name, with their did-you-mean and their list as a finding shows it."""

    __slots__ = ("_budget", "_known", "_suggestions", "ids", "kind")

    def __init__(self, ids: Collection[str], kind: L, budget: Budget) -> None:
        self.ids = ids
        self.kind = kind
        self._budget = budget
        self._suggestions: Suggestions | None = None
        self._known: L | None = None

    def suggest(self, ref: str) -> L | str:
        if self._suggestions is None:
            self._suggestions = Suggestions(self.ids, self._budget)
        return self._suggestions(ref)

    def known(self) -> L:
        if self._known is None:
            ids = list(self.ids)
            self._known = L(join_words(ids, "de"), join_words(ids, "en"))
        return self._known


def _scalar(value: Any) -> bool:
    return value is not None and not isinstance(value, (bool, list, dict))


def _ref(item: dict[str, Any], path: str, key: str, pool: _Pool, sourcemap: SourceMap, report: Collector) -> None:
    value = item.get(key)
    if _scalar(value) and str(as_text(value)) not in pool.ids:
        _dangling(join(path, key), key, value, pool, sourcemap, report)


def _refs(item: dict[str, Any], path: str, key: str, pool: _Pool, sourcemap: SourceMap, report: Collector) -> None:
    values = item.get(key)
    if isinstance(values, list):
        for i, value in enumerate(values):
            if _scalar(value) and str(as_text(value)) not in pool.ids:
                _dangling(join(join(path, key), i), key, value, pool, sourcemap, report)


def _dangling(path: str, key: str, value: Any, pool: _Pool, sourcemap: SourceMap, report: Collector) -> None:
    ref = str(as_text(value))
    report.add(
        "KI107",
        sourcemap.value_span(path),
        path,
        ref=ref,
        key=key,
        kind=pool.kind,
        did_you_mean=pool.suggest(ref),
        known=pool.known(),
    )


# --- The rules this module finds (KI101–KI107, the structure) ----------------------------------------------
# Each is declared once, with its texts and its failing example; the check above reports it by key
# (``report.add("KI003.utf16", …)``), ``ki_cli.check.registry`` collects the declarations.

KI101 = declare(
    "KI101",
    "error",
    title=L(
        "Pflichtfeld fehlt",
        "required field missing",
    ),
    basis=sources.FORMAT,
    explanation=L(
        ("Ein Feld, das das Format verlangt, fehlt. ki meldet es am Schlüssel des Abschnitts, in dem es fehlt."),
        ("A field the format requires is missing. ki reports it at the key of the mapping it is missing from."),
    ),
    message=L(
        "Pflichtfeld „{key}“ fehlt in {where}.",
        "Required field “{key}” is missing in {where}.",
    ),
    hint=L(
        "Ergänzen Sie `{key}:` mit {expected}.",
        "Add `{key}:` with {expected}.",
    ),
    variants={
        "comment": Text(
            message=L(
                "Pflichtfeld „{key}“ fehlt in {where}: es steht in dieser Zeile hinter „#“, also in einem "
                "Kommentar, den YAML überliest.",
                "Required field “{key}” is missing in {where}: it stands in this line after “#”, in a "
                "comment YAML skips.",
            ),
            hint=L(
                "Setzen Sie „{key}:“ mit seinem Wert in eine eigene Zeile, eingerückt wie die Schlüssel "
                "daneben: `{fixed}`.",
                "Put “{key}:” with its value on a line of its own, indented like the keys beside it: `{fixed}`.",
            ),
        ),
        "commented": Text(
            message=L(
                "Pflichtfeld „{key}“ fehlt in {where}: die Zeile ist mit „#“ auskommentiert.",
                "Required field “{key}” is missing in {where}: the line is commented out with “#”.",
            ),
            hint=L(
                "Löschen Sie „#“ und das Leerzeichen danach, sodass die Zeile so beginnt wie die Schlüssel "
                "daneben: `{fixed}`.",
                "Delete “#” and the space after it, so that the line starts like the keys beside it: `{fixed}`.",
            ),
        ),
    },
    fail=edit(("    titel: Übergang Schule – Beruf\n", "")),
)

KI102 = declare(
    "KI102",
    "error",
    title=L(
        "unbekannter Schlüssel",
        "unknown key",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Ein Schlüssel, den das Format nicht kennt – meist ein Tippfehler. Er würde sonst "
            "stillschweigend übergangen. ki schlägt den ähnlichsten bekannten Schlüssel vor."
        ),
        (
            "A key the format does not know – usually a typo. It would otherwise be silently ignored. "
            "ki proposes the closest known key."
        ),
    ),
    message=L(
        "Unbekannter Schlüssel „{key}“ in {where}.{did_you_mean}",
        "Unknown key “{key}” in {where}.{did_you_mean}",
    ),
    hint=L(
        ("Erlaubt sind hier: {allowed}. Ein falsch geschriebener Schlüssel würde sonst stillschweigend übergangen."),
        "Allowed here: {allowed}. A misspelt key would otherwise be silently ignored.",
    ),
    variants={
        "invisible": Text(
            message=L(
                "Der Schlüssel „{meant}“ in {where} enthält ein {character} ({code}): so ist er für ki ein "
                "anderer, unbekannter Schlüssel.",
                "The key “{meant}” in {where} contains an {character} ({code}): to ki it is another, unknown key.",
            ),
            hint=L(
                "Löschen Sie den Schlüssel samt Doppelpunkt und tippen Sie ihn neu: `{meant}:`.",
                "Delete the key with its colon and type it again: `{meant}:`.",
            ),
        ),
    },
    fail=edit(("    titel: Übergang Schule – Beruf\n", "    tittel: Übergang Schule – Beruf\n")),
)

KI103 = declare(
    "KI103",
    "error",
    title=L(
        "falscher Typ oder Wert",
        "wrong type or value",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Ein Wert hat den falschen Typ (Text statt Zahl, Liste statt Abschnitt …), liegt außerhalb "
            "seines Bereichs (z. B. `vze` über 1) oder gehört nicht zum festen Vokabular des Feldes. "
            "ki schlägt den ähnlichsten erlaubten Wert vor."
        ),
        (
            "A value has the wrong type (text instead of a number, a list instead of a mapping …), "
            "lies outside its range (e.g. `vze` above 1) or is not in the field's closed vocabulary. "
            "ki proposes the closest allowed value."
        ),
    ),
    message=L(
        "{value} ist für „{key}“ nicht zulässig: erwartet {expected}.{did_you_mean}",
        "{value} is not allowed for “{key}”: expected {expected}.{did_you_mean}",
    ),
    hint=L(
        "{hint}",
        "{hint}",
    ),
    fail=edit(("bereich: bildungskette", "bereich: bildungsketen")),
)

KI104 = declare(
    "KI104",
    "error",
    title=L(
        "Formatversion nicht unterstützt",
        "unsupported format version",
    ),
    basis=sources.FORMAT,
    explanation=L(
        ("`version` nennt eine Formatversion, die diese Version von ki nicht kennt. Es gibt nur Version 1."),
        "`version` names a format version this version of ki does not know. Only version 1 exists.",
    ),
    message=L(
        ("Die Formatversion {value} wird nicht unterstützt; diese Version von ki kennt nur Version 1."),
        "Format version {value} is not supported; this version of ki knows only version 1.",
    ),
    hint=L(
        "Schreiben Sie `version: 1` in die erste Zeile der Datei.",
        "Write `version: 1` as the first line of the file.",
    ),
    fail=edit(("version: 1", "version: 2")),
)

KI105 = declare(
    "KI105",
    "error",
    title=L(
        "ungültige Kennung",
        "invalid id",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Eine Kennung (`id`) muss aus Kleinbuchstaben, Ziffern, `-` und `_` bestehen, mit einem "
            "Buchstaben oder einer Ziffer beginnen und höchstens 64 Zeichen haben. `ki` ist "
            "reserviert: es steht für das KI selbst."
        ),
        (
            "An id must consist of lower-case letters, digits, `-` and `_`, start with a letter or "
            "digit and have at most 64 characters. `ki` is reserved: it stands for the KI itself."
        ),
    ),
    message=L(
        "{value} ist keine gültige Kennung: {reason}.",
        "{value} is not a valid id: {reason}.",
    ),
    hint=L(
        (
            "Eine Kennung besteht aus Kleinbuchstaben, Ziffern, „-“ und „_“, beginnt mit Buchstabe "
            "oder Ziffer und hat höchstens 64 Zeichen{suggestion}."
        ),
        (
            "An id consists of lower-case letters, digits, “-” and “_”, starts with a letter or digit "
            "and has at most 64 characters{suggestion}."
        ),
    ),
    fail=edit(("      - id: m-fortbildung\n", "      - id: M Fortbildung\n")),
)

KI106 = declare(
    "KI106",
    "error",
    title=L(
        "Kennung doppelt",
        "duplicate id",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Alle Listen mit Kennungen (Schwerpunkte, Ziele, Maßnahmen, Stellen, Partner, "
            "Vereinbarungen) teilen sich einen Namensraum: jede Kennung darf in der Datei nur einmal "
            "vorkommen, sonst sind Verweise mehrdeutig."
        ),
        (
            "All lists with ids (priorities, goals, measures, posts, partners, agreements) share one "
            "namespace: each id may occur only once in the file, otherwise references are ambiguous."
        ),
    ),
    message=L(
        "Die Kennung „{id}“ ist schon vergeben (Zeile {first_line}, {first_path}).",
        "The id “{id}” is already taken (line {first_line}, {first_path}).",
    ),
    hint=L(
        (
            "Kennungen müssen in der ganzen Datei eindeutig sein, über alle Listen hinweg: benennen "
            "Sie eine der beiden um."
        ),
        "Ids must be unique across the whole file, over all lists: rename one of the two.",
    ),
    fail=edit(("  - {id: fk-3,", "  - {id: uebergang,")),
)

KI107 = declare(
    "KI107",
    "error",
    title=L(
        "Verweis ins Leere",
        "dangling reference",
    ),
    basis=sources.FORMAT,
    explanation=L(
        (
            "Ein Verweis nennt eine Kennung, die es nicht gibt: ein Partner in `federfuehrung`, "
            "`beteiligt` oder `vereinbarungen[].partner`, eine Vereinbarung in `vereinbarung`, ein "
            "Schwerpunkt in `einsatz` oder ein Ziel in `ziele` einer Maßnahme."
        ),
        (
            "A reference names an id that does not exist: a partner in `federfuehrung`, `beteiligt` or "
            "`vereinbarungen[].partner`, an agreement in `vereinbarung`, a priority in `einsatz` or a "
            "goal in a measure's `ziele`."
        ),
    ),
    message=L(
        ("Der Verweis „{ref}“ unter „{key}“ führt ins Leere: es gibt {kind} mit dieser Kennung.{did_you_mean}"),
        ("The reference “{ref}” under “{key}” leads nowhere: there is no {kind} with this id.{did_you_mean}"),
    ),
    hint=L(
        ("Verweisen Sie auf eine vorhandene Kennung oder legen Sie den Eintrag an. Vorhanden: {known}."),
        "Refer to an existing id or add the entry. Existing: {known}.",
    ),
    fail=edit(("federfuehrung: schulamt", "federfuehrung: schulamtt")),
)


RULES: tuple[Rule, ...] = (
    KI101,
    KI102,
    KI103,
    KI104,
    KI105,
    KI106,
    KI107,
)

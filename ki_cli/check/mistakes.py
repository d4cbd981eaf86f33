"""What a YAML syntax error means for a person who has never written YAML: the line to type on, and
what to type there.

libyaml stops at the token after the mistake (the next key after a key without its colon, the end
of the file after an unclosed quote). ``explain`` looks at the lines around that stop – the
parser's context mark, the stop itself and the last line with content before it – and names the
likely mistake with an example line. It runs only when a file has a syntax error (the loader
imports it then), so it may take its time; it never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ki_cli.check.sourcemap import split_lines
from ki_cli.text import L

# Invisible and look-alike characters copied from Word, Excel or web pages: name, (de, en)
INVISIBLE: dict[str, tuple[str, str]] = {
    "\u00a0": (
        "unsichtbares geschütztes Leerzeichen (aus Word/Excel)",
        "invisible non-breaking space (from Word/Excel)",
    ),
    "\u202f": (
        "unsichtbares schmales geschütztes Leerzeichen (aus Word/Excel)",
        "invisible narrow non-breaking space (from Word/Excel)",
    ),
    "\u200b": ("unsichtbares Leerzeichen ohne Breite (Zero-Width Space)", "invisible zero-width space"),
    "\u200c": ("unsichtbares Zeichen ohne Breite (Zero-Width Non-Joiner)", "invisible zero-width non-joiner"),
    "\u200d": ("unsichtbares Zeichen ohne Breite (Zero-Width Joiner)", "invisible zero-width joiner"),
    "\u2060": ("unsichtbares Zeichen ohne Breite (Word Joiner)", "invisible word joiner"),
    "\u00ad": ("unsichtbarer bedingter Trennstrich (aus Word)", "invisible soft hyphen (from Word)"),
    "\ufeff": ("unsichtbares Zeichen U+FEFF (Byte-Order-Mark)", "invisible character U+FEFF (byte order mark)"),
}
TYPOGRAPHIC_QUOTES = "„“”‚‘’«»"


@dataclass(frozen=True)
class Explained:
    """Where to type and what: the finding's line and column, problem and hint."""

    line: int
    column: int
    problem: L
    hint: L


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _code(text: str) -> str:
    return f"`{text.strip()}`"


def _code_indented(text: str) -> str:
    """An example line with its indentation (where the indentation is the fix)."""
    return f"`{text.rstrip()}`"


def invisible_at(line: str) -> int | None:
    """The index of the first invisible character or tab in a structure position of ``line``: in the
    indentation, after a list dash, in a key or right after its colon (a value's own text may hold
    a non-breaking space: that is content)."""
    head_end = len(line)
    colon = line.find(":")
    if colon >= 0:
        head_end = colon + 2  # the key, its colon and the character after it
    for index, char in enumerate(line[:head_end]):
        if char in INVISIBLE:
            return index
        if char == "\t" and not line[:index].strip(" -\t" + "".join(INVISIBLE)):
            return index  # a tab in the indentation or after the dash
    # after the value's colon-space, a value that starts with an invisible character
    if colon >= 0 and line[colon + 1 : colon + 2] == " ":
        rest = line[colon + 2 :]
        if rest[:1] in INVISIBLE:
            return colon + 2
    return None


def explain_invisible(line_no: int, line: str, index: int) -> Explained:
    """The finding for the invisible character at ``index`` of line ``line_no``."""
    char = line[index]
    column = index + 1
    if char == "\t":
        de_name, en_name = "Tabulator", "tab"
        fixed = line.replace("\t", "  ")
        de_fix, en_fix = "durch Leerzeichen", "with spaces"
    else:
        de_name, en_name = INVISIBLE[char]
        fixed = "".join(" " if c in ("\u00a0", "\u202f") else "" if c in INVISIBLE else c for c in line)
        de_fix, en_fix = (
            ("durch ein gewöhnliches Leerzeichen", "with an ordinary space")
            if char in ("\u00a0", "\u202f")
            else ("(löschen Sie es)", "(delete it)")
        )
    return Explained(
        line_no,
        column,
        L(
            f"{de_name} in Zeile {line_no}, Spalte {column} (U+{ord(char):04X})",
            f"{en_name} in line {line_no}, column {column} (U+{ord(char):04X})",
        ),
        L(
            f"Ersetzen Sie das Zeichen {de_fix}; die Zeile lautet dann: {_code(fixed)}. Am einfachsten "
            "löschen Sie die Zwischenräume der Zeile und tippen sie neu mit der Leertaste.",
            f"Replace the character {en_fix}; the line then reads: {_code(fixed)}. The simplest way is "
            "to delete the gaps of the line and type them again with the space bar.",
        ),
    )


_KEY_COLON_NO_SPACE = re.compile(r"^(\s*(?:- )?)([^\s:#\"'][^:]*?):(\S.*)$")
_WORDS = re.compile(r"^(\s*(?:- )?)(\S+)(?:\s+(.*))?$")


def _missing_colon(number: int, line: str) -> Explained:
    found = _KEY_COLON_NO_SPACE.match(line)
    if found and not found[3].startswith(("/", "//")):
        fixed = f"{found[1]}{found[2]}: {found[3]}"
        column = len(found[1]) + len(found[2]) + 2
        return Explained(
            number,
            column,
            L(
                f"nach dem Doppelpunkt von „{found[2]}“ fehlt das Leerzeichen",
                f"the space after the colon of “{found[2]}” is missing",
            ),
            L(
                f"Setzen Sie nach dem Doppelpunkt ein Leerzeichen: {_code(fixed)}.",
                f"Put a space after the colon: {_code(fixed)}.",
            ),
        )
    words = _WORDS.match(line)
    if words is None:  # pragma: no cover - the line has content
        return _generic_colon(number, line)
    lead, key, rest = words[1], words[2], words[3]
    fixed = f"{lead}{key}: {rest}" if rest else f"{lead}{key}:"
    return Explained(
        number,
        len(lead) + len(key) + 1,
        L(f"nach „{key}“ fehlt der Doppelpunkt", f"the colon after “{key}” is missing"),
        L(
            f"Schreiben Sie nach dem Namen einen Doppelpunkt und ein Leerzeichen: {_code(fixed)}. Ist die "
            "Zeile die Fortsetzung des Textes darüber, rücken Sie sie weiter ein als den Schlüssel darüber.",
            f"Write a colon and a space after the name: {_code(fixed)}. If the line continues the text "
            "above, indent it further than the key above.",
        ),
    )


def _generic_colon(number: int, line: str) -> Explained:
    return Explained(
        number,
        _indent(line) + 1,
        L("nach einem Schlüssel fehlt der Doppelpunkt", "a colon is missing after a key"),
        L(
            "Schreiben Sie `schluessel: wert` mit Doppelpunkt und Leerzeichen.",
            "Write `key: value` with a colon and a space.",
        ),
    )


def _unclosed_quote(number: int, column: int, line: str) -> Explained:
    quote = line[column - 1] if 0 < column <= len(line) else '"'
    fixed = line.rstrip() + quote
    return Explained(
        number,
        column,
        L(
            f"das Anführungszeichen {quote} in Zeile {number}, Spalte {column} wird nicht geschlossen",
            f"the quote {quote} in line {number}, column {column} is never closed",
        ),
        L(
            f"Schließen Sie den Text mit demselben Anführungszeichen am Ende des Wertes: {_code(fixed)}.",
            f"Close the text with the same quote at the end of the value: {_code(fixed)}.",
        ),
    )


def _opened_quote(lines: list[str], upto: int) -> tuple[int, int] | None:
    """The last line before ``upto`` (1-based) where a quoted value opens and is not closed on the same
    line, and the quote's column; its text then runs on over the following lines."""
    found = None
    for number in range(1, min(upto, len(lines)) + 1):
        line = lines[number - 1]
        match = re.match(r"^\s*(?:- )?(?:[^\s:#\"'][^:#]*:\s+)?([\"'])", line)
        if match is None or not _content(line):
            continue
        quote = match[1]
        start = match.end(1)
        rest = line[start:]
        if quote == '"':
            closed = re.search(r'(?<!\\)"', rest) is not None
        else:
            closed = "'" in rest.replace("''", "")
        if not closed and number < upto:
            found = (number, start)
    return found


def _typographic(value: str) -> bool:
    return value[:1] in TYPOGRAPHIC_QUOTES


def _straight(value: str) -> str:
    """A value in typographic quotes („…“, “…”) in straight double quotes."""
    inner = value.strip()
    if inner[:1] in TYPOGRAPHIC_QUOTES:
        inner = inner[1:]
    if inner[-1:] in TYPOGRAPHIC_QUOTES:
        inner = inner[:-1]
    return '"' + inner.replace('"', "'") + '"'


def _colon_in_value(number: int, line: str, column: int) -> Explained | None:
    match = re.match(r"^(\s*(?:- )?)([^\s:#\"'][^:]*?):\s+(.*)$", line)
    if match is None or column <= match.end(2) + 1:
        return None
    lead, key, value = match[1], match[2], match[3].rstrip()
    if _typographic(value):
        fixed = f"{lead}{key}: {_straight(value)}"
        return Explained(
            number,
            len(lead) + len(key) + 3,
            L(
                f"der Wert von „{key}“ steht in typografischen Anführungszeichen (aus Word), die YAML nicht als "
                "Anführungszeichen kennt; der Doppelpunkt darin gilt daher als Trenner",
                f"the value of “{key}” is in typographic quotes (from Word), which YAML does not take as quotes; "
                "so the colon inside separates",
            ),
            L(
                f"Verwenden Sie gerade Anführungszeichen (Umschalt+2): {_code(fixed)}.",
                f'Use straight quotes ("): {_code(fixed)}.',
            ),
        )
    quoted = "'" + value.replace("'", "''") + "'" if '"' in value else '"' + value + '"'
    fixed = f"{lead}{key}: {quoted}"
    return Explained(
        number,
        column,
        L(
            f"der Text von „{key}“ enthält selbst einen Doppelpunkt mit Leerzeichen, "
            "den YAML als neuen Schlüssel liest",
            f"the text of “{key}” contains a colon and a space, which YAML reads as a new key",
        ),
        L(
            f"Setzen Sie den ganzen Text in Anführungszeichen: {_code(fixed)}.",
            f"Put the whole text in quotes: {_code(fixed)}.",
        ),
    )


def _dash_without_space(number: int, line: str) -> Explained | None:
    match = re.match(r"^(\s*)-([^\s\-].*)$", line)
    if match is None or ":" not in match[2]:
        return None
    fixed = f"{match[1]}- {match[2]}"
    return Explained(
        number,
        len(match[1]) + 2,
        L(
            "nach dem Strich „-“ eines Listeneintrags fehlt das Leerzeichen",
            "the space after the dash “-” of a list entry is missing",
        ),
        L(
            f"Setzen Sie nach dem Strich ein Leerzeichen: {_code(fixed)}.",
            f"Put a space after the dash: {_code(fixed)}.",
        ),
    )


def _previous_content(lines: list[str], number: int) -> int | None:
    for before in range(number - 1, 0, -1):
        if _content(lines[before - 1]):
            return before
    return None


def _indentation(number: int, line: str, want: int, lines: list[str]) -> Explained:
    have = _indent(line)
    fixed = " " * want + line.strip()
    above = _previous_content(lines, number)
    de_above = f" wie die Zeile {above}" if above else ""
    en_above = f" like line {above}" if above else ""
    if have > want:
        de = f"Zeile {number} ist {have - want} Leerzeichen zu weit eingerückt"
        en = f"line {number} is indented {have - want} spaces too far"
    else:
        de = f"Zeile {number} ist {want - have} Leerzeichen zu wenig eingerückt"
        en = f"line {number} is indented {want - have} spaces too little"
    return Explained(
        number,
        1,
        L(de, en),
        L(
            f"Rücken Sie die Zeile mit {want} Leerzeichen ein{de_above}: {_code_indented(fixed)} "
            "(alle Schlüssel eines Abschnitts stehen genau untereinander).",
            f"Indent the line with {want} spaces{en_above}: {_code_indented(fixed)} "
            "(all keys of a mapping line up exactly).",
        ),
    )


def _missing_dash(number: int, line: str, dash: int) -> Explained:
    fixed = " " * dash + "- " + line.strip()
    return Explained(
        number,
        dash + 1,
        L(
            f"in Zeile {number} beginnt wohl ein neuer Listeneintrag, aber der Strich „- “ fehlt",
            f"a new list entry seems to start in line {number}, but its dash “- ” is missing",
        ),
        L(
            f"Schreiben Sie „- “ vor den ersten Schlüssel des Eintrags: {_code_indented(fixed)}.",
            f"Write “- ” before the entry's first key: {_code_indented(fixed)}.",
        ),
    )


def missing_dash_hint(number: int, line: str) -> tuple[int, L, L]:
    """For a duplicate key that starts a new list entry: the column and texts that ask for “- ”."""
    dash = max(0, _indent(line) - 2)
    explained = _missing_dash(number, line, dash)
    return explained.column, explained.problem, explained.hint


def _flow_unclosed(number: int, column: int, line: str, closing: str) -> Explained:
    fixed = line.rstrip() + closing
    opening = "{" if closing == "}" else "["
    return Explained(
        number,
        column,
        L(
            f"die Klammer „{opening}“ in Zeile {number}, Spalte {column} wird nicht geschlossen",
            f"the bracket “{opening}” in line {number}, column {column} is never closed",
        ),
        L(
            f"Schließen Sie sie am Ende der Zeile mit „{closing}“: {_code(fixed)}.",
            f"Close it at the end of the line with “{closing}”: {_code(fixed)}.",
        ),
    )


def explain(
    text: str,
    problem: str,
    context: str | None,
    context_mark: tuple[int, int] | None,
    problem_mark: tuple[int, int],
) -> Explained | None:
    """The mistake behind libyaml's ``problem`` (marks 1-based line and column), or None."""
    lines = split_lines(text)
    stop_line, stop_column = problem_mark
    stop_line = min(max(stop_line, 1), len(lines))
    context = context or ""
    last = stop_line if _content(lines[stop_line - 1]) and stop_column <= len(lines[stop_line - 1]) else None
    last = last or _previous_content(lines, stop_line) or stop_line
    # 1. an invisible character or a tab in a structure position of the lines involved
    before = _previous_content(lines, last)
    candidates = [n for n in (context_mark[0] if context_mark else None, before, last, stop_line) if n]
    for number in range(min(candidates), max(candidates) + 1):
        if 0 < number <= len(lines):
            index = invisible_at(lines[number - 1])
            if index is not None:
                return explain_invisible(number, lines[number - 1], index)
    # 2. a list entry whose dash has no space after it
    for number in sorted(set(candidates)):
        if 0 < number <= len(lines):
            dashed = _dash_without_space(number, lines[number - 1])
            if dashed is not None:
                return dashed
    if "quoted scalar" in context and context_mark is not None:
        number, column = context_mark
        return _unclosed_quote(number, column, lines[number - 1])
    if "simple key" in context and "expected ':'" in problem and context_mark is not None:
        return _missing_colon(context_mark[0], lines[context_mark[0] - 1])
    opened = _opened_quote(lines, stop_line)
    if opened is not None and problem.startswith(("did not find expected", "expected", "could not find")):
        return _unclosed_quote(opened[0], opened[1], lines[opened[0] - 1])
    line = lines[last - 1]
    if "mapping values are not allowed" in problem:
        above = _previous_content(lines, stop_line)
        if stop_line == last and above is not None:
            above_line = lines[above - 1]
            key_column = _indent(above_line) + (2 if above_line.lstrip().startswith("- ") else 0)
            if ":" not in above_line and not above_line.strip().startswith(("[", "{", '"', "'")):
                return _missing_colon(above, above_line)  # the line above lacks its colon: this one continues it
            if (
                _indent(line) > key_column
                and ":" in above_line
                and not above_line.rstrip().endswith((":", "|", ">", "|-", ">-"))
            ):
                return _indentation(stop_line, line, key_column, lines)
        return _colon_in_value(stop_line, lines[stop_line - 1], stop_column)
    if "expected '-' indicator" in problem and context_mark is not None:
        dash = context_mark[1] - 1
        if _indent(line) == dash and not line.lstrip().startswith("-"):
            return _missing_dash(last, line, dash)
        above = _previous_content(lines, last)
        want = dash + 2 if above is None else _indent(lines[above - 1])
        if above is not None and lines[above - 1].lstrip().startswith("- "):
            want = _indent(lines[above - 1]) + 2
        return _indentation(last, line, want, lines)
    if "expected key" in problem and context_mark is not None and "block mapping" in context:
        want = context_mark[1] - 1
        if _indent(line) != want and last == stop_line:
            return _indentation(last, line, want, lines)
        value = re.match(r"^(\s*(?:- )?[^\s:#\"'][^:]*?:\s+)([\"'])(.*)$", line)
        if value is not None:
            whole = value[2] + value[3]
            quoted = '"' + whole.replace('"', "'") + '"' if value[2] == "'" else "'" + whole.replace("'", "''") + "'"
            fixed = value[1] + quoted
            return Explained(
                last,
                stop_column if stop_line == last else len(value[1]) + 1,
                L(
                    "nach dem schließenden Anführungszeichen geht der Text weiter",
                    "the text goes on after the closing quote",
                ),
                L(
                    f"Setzen Sie den ganzen Text in die anderen Anführungszeichen: {_code(fixed)}.",
                    f"Put the whole text in the other kind of quotes: {_code(fixed)}.",
                ),
            )
    if ("expected ',' or '}'" in problem or "expected ',' or ']'" in problem) and context_mark is not None:
        closing = "}" if "'}'" in problem else "]"
        number, column = context_mark
        if stop_line != number:
            return _flow_unclosed(number, column, lines[number - 1], closing)
    return None

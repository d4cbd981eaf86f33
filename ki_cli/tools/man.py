"""``docs/ki.1`` (German) and ``docs/ki.en.1`` (English), the man pages, generated from ``ki --help``.

    python -m ki_cli.tools.man          # rewrite both pages
    python -m ki_cli.tools.man --check  # exit 1 when one of them is stale

Everything on the pages comes from the Typer app and the help texts it shows
(``ki_cli.cli.help_texts``): each command's description, examples and options, in the same words
as ``ki COMMAND --help``; only the sections a man page has and a help page has not (environment,
exit status, files) are written here. ``tests/unit/test_man.py`` fails when a page is stale.
Read one with ``man -l docs/ki.1``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ki_cli.text import L

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {"de": ROOT / "docs" / "ki.1", "en": ROOT / "docs" / "ki.en.1"}
COMMAND = "python -m ki_cli.tools.man"

_WORDS: dict[str, L] = {
    "NAME": L("BEZEICHNUNG", "NAME"),
    "SYNOPSIS": L("ÜBERSICHT", "SYNOPSIS"),
    "DESCRIPTION": L("BESCHREIBUNG", "DESCRIPTION"),
    "OPTIONS": L("OPTIONEN", "OPTIONS"),
    "COMMANDS": L("BEFEHLE", "COMMANDS"),
    "ENVIRONMENT": L("UMGEBUNGSVARIABLEN", "ENVIRONMENT"),
    "EXIT STATUS": L("RÜCKGABEWERT", "EXIT STATUS"),
    "FILES": L("DATEIEN", "FILES"),
    "SEE ALSO": L("SIEHE AUCH", "SEE ALSO"),
    "manual": L("Benutzerbefehle", "User Commands"),
    "name": L(
        "Werkzeuge für die Kommunalen Integrationszentren NRW",
        "tools for the municipal integration centres of North Rhine-Westphalia",
    ),
}

_ENVIRONMENT: list[tuple[str, L]] = [
    (
        "KI_LANG",
        L(
            "Sprache der Meldungen und der Hilfe (de oder en), wenn --lang fehlt; sonst gilt lang in ki.toml, "
            "dann die Sprache des Systems, dann Deutsch.",
            "Language of messages and help (de or en) when --lang is not given; else lang in ki.toml, then "
            "the system's language, then German.",
        ),
    ),
    (
        "NO_COLOR",
        L(
            "Nicht leer: keine Farben, auch im Terminal (no-color.org). Leer zählt wie nicht gesetzt.",
            "Not empty: no colour, even on a terminal (no-color.org). Empty counts as unset.",
        ),
    ),
    (
        "FORCE_COLOR",
        L(
            "Nicht leer: Farben auch in eine Datei, eine Pipe oder ein CI-Protokoll (force-color.org); "
            "NO_COLOR hat Vorrang.",
            "Not empty: colour also into a file, a pipe or a CI log (force-color.org); NO_COLOR wins.",
        ),
    ),
    ("TERM", L("dumb: keine Farben.", "dumb: no colour.")),
]

_EXIT: list[tuple[str, L]] = [
    ("0", L("Alles in Ordnung.", "All good.")),
    (
        "1",
        L(
            "Befunde: Fehler (mit --strict auch Warnungen); bei ki diff --exit-code: Unterschiede.",
            "Findings: errors (with --strict, warnings too); with ki diff --exit-code: differences.",
        ),
    ),
    (
        "2",
        L(
            "Der Befehl konnte nicht laufen: falscher Aufruf, unlesbare Datei, Abbruch mit Strg-C.",
            "The command could not run: wrong usage, an unreadable file, interrupted with Ctrl-C.",
        ),
    ),
]

_FILES: list[tuple[str, L]] = [
    (
        "ki.toml",
        L(
            "Einstellungen (Sprache, Schwere einzelner Regeln, Vorlagen), im aktuellen Ordner oder darüber gesucht.",
            "Settings (language, severity of single rules, templates), looked up in the current folder or above.",
        ),
    ),
    (
        "ki-konzept-1.schema.json",
        L(
            "Das JSON-Schema des Formats (ki schema), von ki init neben die neue Datei geschrieben; "
            "deren erste Zeile nennt es für Editoren.",
            "The format's JSON Schema (ki schema), written by ki init beside the new file, whose first "
            "line names it for editors.",
        ),
    ),
]


def roff(text: str) -> str:
    """``text`` safe as roff: backslashes and hyphens escaped, no line starting a request, and
    every character beyond ASCII as a named escape (``ü`` as ``\\[u00FC]``), which every roff
    reads whatever it takes the file's encoding to be."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(ch if ord(ch) < 0x80 else f"\\[u{ord(ch):04X}]" for ch in text)
    return "\n".join("\\&" + line if line[:1] in (".", "'") else line for line in text.split("\n"))


def _paragraphs(help_text: str) -> Iterator[str]:
    """A help text as roff paragraphs; a paragraph that starts with ``\\b`` keeps its lines (examples)."""
    for paragraph in help_text.strip().split("\n\n"):
        if paragraph.startswith("\b"):
            lines = paragraph[1:].strip("\n").split("\n")
            head, rest = (lines[0], lines[1:]) if lines and not lines[0].startswith(" ") else ("", lines)
            if head:
                yield ".PP\n" + roff(head)
            yield ".RS 4\n.nf\n" + roff("\n".join(line.strip() for line in rest)) + "\n.fi\n.RE"
        else:
            yield ".PP\n" + roff(" ".join(paragraph.split()))


def _options(command: Any, ctx: Any, lang: str) -> Iterator[str]:
    from ki_cli.cli.help_texts import EXTRAS

    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        term, text = record
        for english, words in EXTRAS.items():
            text = text.replace(english, words(lang))
        yield f".TP\n.B {roff(term)}\n{roff(' '.join(text.split()))}"


def _usage(command: Any, ctx: Any) -> str:
    from ki_cli.cli.helptext import _REQUIRED

    pieces = " ".join(command.collect_usage_pieces(ctx))
    return _REQUIRED.sub(r"\1", pieces)


def _table(rows: list[tuple[str, L]], lang: str) -> Iterator[str]:
    for term, text in rows:
        yield f".TP\n.B {roff(term)}\n{roff(text(lang))}"


def render(lang: str = "de") -> str:
    """The man page of ``ki`` in ``lang``."""
    import typer.main

    from ki_cli.cli.app import app
    from ki_cli.cli.helptext import translate

    root: Any = typer.main.get_command(app)  # the KiGroup
    translate(root, "ki", lang)
    root_ctx = root.context_class(root, info_name="ki", **root.context_settings)
    w = {key: roff(text(lang)) for key, text in _WORDS.items()}
    out = [
        '.\\" Generated by python -m ki_cli.tools.man from the help texts of ki - do not edit.',
        f'.TH KI 1 "" "ki" "{w["manual"]}"',
        f".SH {w['NAME']}",
        f"ki \\- {w['name']}",
        f".SH {w['SYNOPSIS']}",
        f".B ki\n{roff(_usage(root, root_ctx))}",
        f".SH {w['DESCRIPTION']}",
        *_paragraphs(root.help or ""),
        f".SH {w['OPTIONS']}",
        *_options(root, root_ctx, lang),
        f".SH {w['COMMANDS']}",
    ]
    for name in root.list_commands(root_ctx):
        command = root.get_command(root_ctx, name)
        translate(command, name, lang)
        ctx = command.context_class(command, info_name=name, parent=root_ctx)
        out += [f".SS {roff('ki ' + name)}", f".B ki {roff(name)}\n{roff(_usage(command, ctx))}"]
        out += _paragraphs(command.help or "")
        out += _options(command, ctx, lang)
    out += [f".SH {w['ENVIRONMENT']}", *_table(_ENVIRONMENT, lang)]
    out += [f".SH {w['EXIT STATUS']}", *_table(_EXIT, lang)]
    out += [f".SH {w['FILES']}", *_table(_FILES, lang)]
    out += [f".SH {w['SEE ALSO']}", roff("ki rules, ki explain CODE, docs/rules.md, README.md")]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    from ki_cli.tools import generate

    status = 0
    for lang, target in TARGETS.items():
        status |= generate(target, functools.partial(render, lang), COMMAND, "the man pages of ki", argv)
    return status


if __name__ == "__main__":
    sys.exit(main())

"""The optional libraries: which extra of ``ki-cli`` brings each, and what a command says when one is missing.

``ki validate`` (and the pre-commit hook) needs only the base dependencies. What writes PDF, Word files
and charts comes with the extra ``dokumente``, what serves the web editor with ``editor``
(``pyproject.toml``). A command imports such a library only where it needs it; when it is not
installed, the import raises ``ModuleNotFoundError`` and the guard of ``ki_cli.cli.entry`` turns it
into one sentence naming the extra to install (exit code 2), through ``missing_library`` below.

``LIBRARIES`` is the one map from import name to distribution and extra; a test holds it against
the extras declared in ``pyproject.toml``, so a library added to an extra is added here too.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from ki_cli.text import L, fill


@dataclass(frozen=True)
class Library:
    distribution: str  # the name pip installs
    extra: str  # the extra of ki-cli that brings it
    purpose: L  # what needs it, as the message names it


# top-level import name → the library
LIBRARIES: dict[str, Library] = {
    "weasyprint": Library("weasyprint", "dokumente", L("PDF", "PDF")),
    "docx": Library("python-docx", "dokumente", L("Word (.docx)", "Word (.docx)")),
    "matplotlib": Library("matplotlib", "dokumente", L("Diagramme", "Charts")),
    "openpyxl": Library("openpyxl", "dokumente", L("Excel (.xlsx)", "Excel (.xlsx)")),
    "icalendar": Library("icalendar", "dokumente", L("den Kalender (ki calendar)", "The calendar (ki calendar)")),
    "starlette": Library("starlette", "editor", L("den Web-Editor (ki serve)", "The web editor (ki serve)")),
    "uvicorn": Library("uvicorn", "editor", L("den Web-Editor (ki serve)", "The web editor (ki serve)")),
    "ruamel": Library("ruamel.yaml", "editor", L("den Web-Editor (ki serve)", "The web editor (ki serve)")),
}

PACKAGE = "ki-cli"

TEXTS = {
    "missing": L(
        "Für {purpose} fehlt die Bibliothek {distribution} aus dem Zusatz „{extra}“ von ki: "
        'installieren Sie ihn mit python -m pip install "{package}[{extra}]".',
        "{purpose} needs the library {distribution}, which comes with ki's extra “{extra}” and is not installed: "
        'install it with python -m pip install "{package}[{extra}]".',
    ),
}


def missing_library(err: BaseException) -> Library | None:
    """The optional library whose absence ``err`` reports, or None (any other failure, an import
    error inside an installed library included)."""
    if not isinstance(err, ModuleNotFoundError) or not err.name:
        return None
    return LIBRARIES.get(err.name.split(".", 1)[0])


def message(library: Library, lang: str) -> str:
    """The one sentence that says which extra to install."""
    params = {"purpose": library.purpose, "distribution": library.distribution, "extra": library.extra}
    return fill(TEXTS, "missing", lang, {**params, "package": PACKAGE})


def require(module: str) -> None:
    """Import ``module`` now, before any work: a missing one stops the command with the message above
    (through the guard), rather than after the concept was read and checked."""
    importlib.import_module(module)

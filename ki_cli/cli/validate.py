"""``ki validate``: find the files, check each, report; the exit code comes from the report.

The Typer command calls ``run``. So does the entry point, for a plain ``ki validate …`` line
(``plain_command_line``), without importing Typer at all: Typer's import alone costs more than
Python starting and reading a concept file, and ``ki validate`` runs on every save in editors
and pre-commit hooks. Anything that line parser does not know for certain (``--help``, an
unknown or malformed option, a value it would refuse) goes to Typer, which gives the usual
answer and message.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ki_cli.check.registry import RULES
from ki_cli.check.report import EXIT_USAGE, FileReport, Report, Selection, Stop, UnknownCode, parse_codes
from ki_cli.messages import ui
from ki_cli.text import closest_code, detect_lang, suggest, supported

if TYPE_CHECKING:
    from ki_cli.check.load import Loaded
    from ki_cli.files import InputError

FORMATS = ("text", "json", "sarif", "github")


def codes(values: list[str] | None, option: str, lang: str) -> tuple[str, ...]:
    """``--select`` / ``--ignore`` values as codes; an unknown one ends the command (exit 2)."""
    try:
        return parse_codes(values)
    except UnknownCode as err:
        raise Stop(
            EXIT_USAGE,
            ui(
                "bad_codes",
                lang,
                option=option,
                code=err.code,
                did_you_mean=suggest(closest_code(err.code, RULES), err.code),
            ),
        ) from None


def inputs(paths: list[str], lang: str) -> list[tuple[str, Path | None, InputError | None, bool]]:
    """(shown name, path or None for standard input, problem or None, named on the command line) for
    every file to check.

    A file or folder named on the command line that cannot be read ends the command (exit 2); in
    a folder, an entry that cannot be read comes with its problem (a KI004 finding of its own)."""
    from ki_cli.files import InputError, concept_files, problem

    found: list[tuple[str, Path | None, InputError | None, bool]] = []
    for given in paths:
        if given == "-":
            found.append(("<stdin>", None, None, True))
            continue
        path = Path(given)
        try:
            mode = os.stat(path).st_mode
        except (OSError, ValueError) as err:
            error = problem(path, err) if isinstance(err, OSError) else InputError(path, "not_found")
            raise Stop(EXIT_USAGE, error.message(lang)) from None
        if stat.S_ISDIR(mode):
            files = concept_files(path)
            if not files:
                raise Stop(EXIT_USAGE, ui("no_files", lang, path=given))
            found.extend((str(f.path), f.path, f.problem, False) for f in files)
        else:  # a file that is no regular file is refused when it is opened, never read
            found.append((given, path, None, True))
    return found


def load_input(path: Path | None, problem: InputError | None, named: bool, lang: str) -> Loaded | InputError:
    """One entry of ``inputs`` loaded (``path`` None: standard input), or the problem that keeps it from
    being read. A file named on the command line that cannot be read ends the command (exit 2); an
    entry of a folder comes back as its problem, so that the other files are still checked."""
    from ki_cli.check.load import load_path, load_stream
    from ki_cli.files import problem as file_problem

    if problem is not None:
        return problem
    try:
        return load_stream(sys.stdin.buffer, lang) if path is None else load_path(path, lang)
    except OSError as err:
        found = file_problem(path or Path("-"), err)
        if named:
            raise Stop(EXIT_USAGE, found.message(lang)) from None
        return found


def run(
    paths: list[str],
    fmt: str,
    strict: bool,
    select: list[str] | None,
    ignore: list[str] | None,
    lang: str | None,
    quiet: bool,
    sarif_base: str | None = None,
    github_infos: bool = False,
) -> int:
    """Check ``paths`` and write the report in ``fmt``; the exit code (0/1), or ``Stop`` (2).

    ``sarif_base``: the folder SARIF paths are relative to (default: the working folder);
    ``github_infos``: infos become ``::notice`` annotations too."""
    from ki_cli.check.load import Loaded
    from ki_cli.check.pipeline import check_file
    from ki_cli.cli.progress import progress
    from ki_cli.config import settings

    config = settings(lang)
    language = detect_lang(lang, config.lang)
    selection = Selection(
        select=codes(select, "--select", language) if select else config.select,
        ignore=codes(ignore, "--ignore", language) if ignore else config.ignore,
        severity=config.severity,
    )
    strict = strict or config.strict
    if sarif_base is not None:
        from ki_cli.output.sarif import base_problem

        problem_text = base_problem(sarif_base, language)
        if problem_text:
            raise Stop(EXIT_USAGE, problem_text)
    report = Report()
    files = inputs(paths, language)
    with progress(len(files), sys.stderr, ui("progress.validate", language)) as advance:
        for name, path, problem, named in files:
            loaded = load_input(path, problem, named, language)
            if isinstance(loaded, Loaded):
                report.files.append(check_file(loaded, name, language, selection))
            else:  # found in a folder: a finding, and the other files are still checked
                report.files.append(FileReport(name, selection.apply([loaded.finding(language)])))
            advance()
    code = report.exit_code(strict)
    with contextlib.suppress(BrokenPipeError):  # the reader has gone (`| head`): the guard ends quietly with `code`
        _write(report, fmt, language, quiet, sarif_base, github_infos, config.sarif_help_base)
    return code


def _write(
    report: Report,
    fmt: str,
    language: str,
    quiet: bool,
    sarif_base: str | None = None,
    github_infos: bool = False,
    help_base: str | None = None,
) -> None:
    if fmt == "json":
        from ki_cli.output import json as json_reporter

        json_reporter.write(sys.stdout, report)
    elif fmt == "sarif":
        from ki_cli.output import sarif

        sarif.write(sys.stdout, report, language, sarif_base, help_base)
    elif fmt == "github":
        from ki_cli.output import github

        summary = os.environ.get("GITHUB_STEP_SUMMARY") or None
        github.write(sys.stdout, report, language, github_infos, summary)
    else:
        from ki_cli.output import text, wants_colour

        text.write(sys.stdout, report, language, wants_colour(sys.stdout), quiet)


_VALUED = {
    "--format": "fmt",
    "-f": "fmt",
    "--select": "select",
    "--ignore": "ignore",
    "--lang": "lang",
    "--sarif-base": "sarif_base",
}
_FLAGS = {"--strict": "strict", "--quiet": "quiet", "-q": "quiet", "--github-infos": "github_infos"}


def plain_command_line(args: list[str]) -> dict[str, Any] | None:
    """The arguments of ``run`` for ``ki [--lang X] validate …``, or None when Typer should parse.

    Accepts exactly what the Typer command accepts in its common forms: paths (``-`` too),
    ``--format/-f X``, ``--select X``, ``--ignore X`` (repeatable), ``--lang X``, ``--strict``,
    ``--quiet/-q``, ``--sarif-base X``, ``--github-infos``, ``--opt=X``. Anything else – help,
    ``--debug``, ``--``, short options run together, a value that would be refused – is left to
    Typer and its messages.
    """
    parsed: dict[str, Any] = {
        "paths": [],
        "fmt": "text",
        "strict": False,
        "select": [],
        "ignore": [],
        "lang": None,
        "quiet": False,
        "sarif_base": None,
        "github_infos": False,
    }
    i = 0
    while i < len(args) and args[i] != "validate":  # options of the program itself
        name, eq, value = args[i].partition("=")
        if name != "--lang":
            return None
        if not eq:
            if i + 1 >= len(args):
                return None
            i, value = i + 1, args[i + 1]
        parsed["lang"] = value
        i += 1
    if i >= len(args):
        return None
    command_lang = None
    i += 1
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            parsed["paths"].append(arg)
            continue
        name, eq, value = arg.partition("=")
        if name in _FLAGS and not eq:
            parsed[_FLAGS[name]] = True
            continue
        if name not in _VALUED or (eq and not name.startswith("--")):
            return None
        if not eq:  # the value is the next argument
            if i >= len(args):
                return None
            value = args[i]
            i += 1
        if value.startswith("-") or not value:
            return None
        key = _VALUED[name]
        if key in ("select", "ignore"):
            parsed[key].append(value)
        elif key == "lang":
            command_lang = value
        else:
            parsed[key] = value
    if command_lang is not None:
        parsed["lang"] = command_lang
    if not parsed["paths"] or parsed["fmt"] not in FORMATS:
        return None
    if parsed["lang"] is not None and supported(parsed["lang"]) is None:
        return None
    parsed["select"] = parsed["select"] or None
    parsed["ignore"] = parsed["ignore"] or None
    return parsed

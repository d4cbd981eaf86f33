"""The ``ki`` command line: thin – parse options, call one core function, report.

Heavy libraries (Jinja2, WeasyPrint, docx) are imported inside the commands that need them, so
that ``ki --help`` and ``ki validate`` start fast; neither imports Pydantic (``fastcheck``).
"""

# No `from __future__ import annotations` here: Typer would evaluate every command's string
# annotations on each start (~15 ms); real annotations cost nothing at run time.

import contextlib
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from ki_cli import __version__
from ki_cli.i18n import closest_code, detect_lang, suggest
from ki_cli.messages import ui
from ki_cli.report import EXIT_USAGE, Report, Selection, UnknownCode, parse_codes
from ki_cli.registry import RULES

if TYPE_CHECKING:
    from ki_cli.config import Config

app = typer.Typer(
    name="ki",
    help="ki – Werkzeuge für die Kommunalen Integrationszentren NRW: Konzepte prüfen, Vorlagen schreiben, Zeiträume vergleichen.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ki {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Version anzeigen / show the version.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Bei internen Fehlern den Traceback zeigen / show tracebacks.")] = False,
) -> None:
    ctx.obj = {"debug": debug}


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(EXIT_USAGE)


def _colour(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _yaml_files(folder: Path) -> list[Path]:
    """Every *.yaml / *.yml below ``folder``, skipping hidden folders (.git, .venv …)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root, name) for name in sorted(files) if name.endswith((".yaml", ".yml")))
    return found


def _inputs(paths: list[str], lang: str) -> list[tuple[str, Path | None]]:
    """(shown name, path or None for standard input) for every file to check."""
    inputs: list[tuple[str, Path | None]] = []
    for given in paths:
        if given == "-":
            inputs.append(("<stdin>", None))
            continue
        path = Path(given)
        if path.is_dir():
            files = _yaml_files(path)
            if not files:
                _fail(ui("no_files", lang, path=given))
            inputs.extend((str(f), f) for f in files)
        elif path.exists():
            inputs.append((given, path))
        else:
            _fail(ui("not_found", lang, path=given))
    return inputs


def _config() -> "Config":
    """The ``ki.toml`` in force; a broken one ends the command with exit 2."""
    from ki_cli import config

    try:
        return config.discover()
    except config.ConfigError as err:
        lang = detect_lang(None)
        _fail(ui("bad_config", lang, where=err.where(), problem=err.problem))


def _codes(values: list[str] | None, option: str, lang: str) -> tuple[str, ...]:
    try:
        return parse_codes(values)
    except UnknownCode as err:
        _fail(ui("bad_codes", lang, option=option, code=err.code, did_you_mean=suggest(closest_code(err.code, RULES), err.code)))


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Konzeptdateien oder Ordner; „-“ liest die Standardeingabe.", show_default=False)],
    format: Annotated[ValidateFormat, typer.Option("--format", "-f", help="Ausgabeformat.")] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Auch Warnungen führen zu Exit-Code 1.")] = False,
    select: Annotated[Optional[list[str]], typer.Option("--select", help="Nur diese Codes/Präfixe, z. B. KI3,KI401.")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Diese Codes/Präfixe auslassen.")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Sprache der Meldungen: de oder en.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Nur die Zusammenfassung ausgeben.")] = False,
) -> None:
    """Konzeptdateien prüfen / check concept files.

    Beispiel: ki validate concepts/ --strict
    """
    settings = _config()
    language = detect_lang(lang, settings.lang)
    selection = Selection(
        select=_codes(select, "--select", language) if select else settings.select,
        ignore=_codes(ignore, "--ignore", language) if ignore else settings.ignore,
        severity=settings.severity,
    )
    strict = strict or settings.strict
    from ki_cli.loader import load_path, load_stream
    from ki_cli.validate import check_file

    report = Report()
    for name, path in _inputs(paths, language):
        try:
            loaded = load_stream(sys.stdin.buffer, language) if path is None else load_path(path, language)
        except OSError as err:
            _fail(ui("unreadable", language, path=name, reason=err.strerror or err))
        report.files.append(check_file(loaded, name, language, selection))
    if format is ValidateFormat.json:
        from ki_cli.reporters import json as json_reporter

        json_reporter.write(sys.stdout, report)
    else:
        from ki_cli.reporters import text

        text.write(sys.stdout, report, language, _colour(sys.stdout), quiet)
    raise typer.Exit(report.exit_code(strict))


class RenderKind(str, Enum):
    proposal = "proposal"
    concept = "concept"
    agreements = "agreements"
    workplan = "workplan"


class RenderFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    oparl = "oparl"


@app.command()
def render(
    kind: Annotated[RenderKind, typer.Argument(help="proposal (Beschlussvorlage) | concept | agreements | workplan", show_default=False)],
    file: Annotated[Path, typer.Argument(help="Die Konzeptdatei.", show_default=False)],
    out: Annotated[Optional[Path], typer.Option("--output", "-o", help="Zieldatei (Format aus der Endung) oder, für agreements, ein Ordner.")] = None,
    format: Annotated[Optional[RenderFormat], typer.Option("--format", "-f", help="md | html | pdf | docx | oparl.")] = None,
    template_dir: Annotated[Optional[Path], typer.Option("--template-dir", help="Eigene Vorlagen, vor den eingebauten gesucht.")] = None,
    previous: Annotated[Optional[Path], typer.Option("--previous", help="Konzept des vorigen Zeitraums: Änderungen aufnehmen.")] = None,
    allow_errors: Annotated[bool, typer.Option("--allow-errors", help="Trotz Fehlern schreiben, jede Seite als ENTWURF markiert.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Eine vorhandene Datei überschreiben.")] = False,
    agreement_id: Annotated[Optional[str], typer.Option("--id", help="Nur diese Vereinbarung (bei agreements).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Sprache der Meldungen: de oder en.")] = None,
) -> None:
    """Ein Dokument aus einem Konzept schreiben / write a document from a concept.

    Beispiel: ki render proposal concepts/beispielstadt/2025-2026.yaml -o vorlage.pdf
    """
    from ki_cli.render.command import Request, Stop, run

    settings = _config()
    language = detect_lang(lang, settings.lang)
    request = Request(
        kind=kind.value,
        file=file,
        out=out,
        fmt=format.value if format else None,
        template_dir=template_dir or settings.template_dir,
        previous=previous,
        allow_errors=allow_errors,
        force=force,
        agreement_id=agreement_id,
        lang=language,
        selection=Selection(severity=settings.severity),
    )
    try:
        code = run(request)
    except Stop as stop:
        if stop.message:
            typer.echo(stop.message, err=True)
        raise typer.Exit(stop.code) from None
    raise typer.Exit(code)


@app.command("rules")
def rules_command(
    format: Annotated[ListFormat, typer.Option("--format", "-f", help="Ausgabeformat.")] = ListFormat.text,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Sprache: de oder en.")] = None,
) -> None:
    """Alle Regeln auflisten: Code, Schwere, Titel, Grundlage / list every rule.

    Beispiel: ki rules --format json
    """
    from ki_cli.explain import rules_json, rules_text

    language = detect_lang(lang, _config().lang)
    if format is ListFormat.json:
        import json

        typer.echo(json.dumps(rules_json(language), ensure_ascii=False, indent=2))
    else:
        typer.echo(rules_text(language))


@app.command()
def explain(
    code: Annotated[str, typer.Argument(help="Regelcode, z. B. KI313.", show_default=False)],
    lang: Annotated[Optional[str], typer.Option("--lang", help="Sprache: de oder en.")] = None,
) -> None:
    """Eine Regel erklären, mit falschem und richtigem Beispiel / explain one rule.

    Beispiel: ki explain KI313
    """
    from ki_cli.explain import explain_text

    language = detect_lang(lang, _config().lang)
    rule = RULES.get(code.strip().upper())
    if rule is None:
        _fail(ui("unknown_rule", language, code=code, did_you_mean=suggest(closest_code(code, RULES), code)))
    typer.echo(explain_text(rule, language))


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, so that no library swallows it on the way up."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def _argv_lang() -> str:
    """The language for messages outside a command (``--lang`` as given, else the default)."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return detect_lang(args[i + 1])
        if arg.startswith("--lang="):
            return detect_lang(arg.split("=", 1)[1])
    return detect_lang(None)


def main() -> None:
    """Entry point: exit codes 0/1/2, and no traceback on any failure unless --debug."""
    import signal

    debug = "--debug" in sys.argv[1:]
    with contextlib.suppress(ValueError):  # not in the main thread (tests): keep the default
        signal.signal(signal.SIGINT, _interrupt)
    try:
        result = app(prog_name="ki", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except typer.Exit as stop:
        code = stop.exit_code
    except typer.TyperException as err:  # bad option or argument: the parser's own message
        show = getattr(err, "show", None)
        if show is not None:
            show()
        code = getattr(err, "exit_code", EXIT_USAGE) or EXIT_USAGE
    except (Interrupted, KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n" + ui("interrupted", _argv_lang()) + "\n")
        code = EXIT_USAGE
    except Exception as err:  # noqa: BLE001 - the one place that turns a bug into a message
        if debug:
            import traceback

            traceback.print_exc()
        sys.stderr.write(ui("internal", _argv_lang(), error=f"{type(err).__name__}: {err}") + "\n")
        code = EXIT_USAGE
    sys.exit(code)

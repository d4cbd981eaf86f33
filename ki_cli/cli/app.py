"""The ``ki`` command line: thin – parse options, call one core function, report.

Heavy libraries (Jinja2, WeasyPrint, docx) are imported inside the commands that need them, so
that ``ki --help`` and ``ki validate`` start fast; neither imports Pydantic (``fastcheck``).
"""

# No `from __future__ import annotations` here: Typer would evaluate every command's string
# annotations on each start (~15 ms); real annotations cost nothing at run time.

import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from ki_cli import __version__
from ki_cli.check.registry import RULES
from ki_cli.check.report import EXIT_USAGE, Selection, Stop, outcome
from ki_cli.cli import completion
from ki_cli.cli.helptext import KiGroup
from ki_cli.messages import ui
from ki_cli.output import wants_colour
from ki_cli.text import LANGS, closest_code, detect_lang, quote, suggest, supported

if TYPE_CHECKING:
    from ki_cli.config import Config

# Help texts, German and English, are in ki_cli/cli/help_texts.py; KiGroup puts them on the commands.
app = typer.Typer(
    name="ki",
    cls=KiGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"


class ListFormat(str, Enum):
    text = "text"
    json = "json"


def _check_lang(ctx: typer.Context, value: str | None) -> str | None:
    """``--lang fr``: refused (exit 2), in both languages since neither was chosen."""
    if value is not None and not ctx.resilient_parsing and supported(value) is None:
        shown = {lang: quote(value, lang) for lang in LANGS}
        _fail("\n".join(ui("bad_lang", lang, value=shown[lang]) for lang in LANGS))
    return value


LangOption = Annotated[
    str | None,
    typer.Option("--lang", metavar="de|en", callback=_check_lang, autocompletion=completion.languages),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ki {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", "-V", callback=_version, is_eager=True)] = False,
    debug: Annotated[bool, typer.Option("--debug")] = False,
    lang: LangOption = None,
) -> None:
    ctx.obj = {"debug": debug, "lang": lang}


def _root_lang(ctx: typer.Context) -> str | None:
    """``ki --lang en COMMAND``: the language given before the command, if any."""
    obj = ctx.find_root().obj
    return obj.get("lang") if isinstance(obj, dict) else None


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(EXIT_USAGE)


def _carry_out(command: Callable[..., int], *args: Any) -> NoReturn:
    """Run a command's core function and end with its exit code (a ``Stop``: its message and code)."""
    raise typer.Exit(outcome(command, *args))


def _config(lang: str | None) -> "Config":
    """The ``ki.toml`` in force (named on standard error); a broken one ends the command with exit 2.
    ``lang``: the ``--lang`` given, for these messages."""
    from ki_cli.config import settings

    try:
        return settings(lang)
    except Stop as stop:
        _fail(stop.message)


@app.command()
def validate(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PFAD...", show_default=False)],
    format: Annotated[ValidateFormat, typer.Option("--format", "-f")] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    select: Annotated[list[str] | None, typer.Option("--select", metavar="CODES")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", metavar="CODES")] = None,
    lang: LangOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    sarif_base: Annotated[str | None, typer.Option("--sarif-base")] = None,
    github_infos: Annotated[bool, typer.Option("--github-infos")] = False,
) -> None:
    """Check concept files; the exit code is decided by the report."""
    from ki_cli.cli.validate import run

    language = lang or _root_lang(ctx)
    _carry_out(run, paths, format.value, strict, select, ignore, language, quiet, sarif_base, github_infos)


class RenderKind(str, Enum):
    proposal = "proposal"
    concept = "concept"
    agreements = "agreements"
    workplan = "workplan"
    report = "report"


class RenderFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    oparl = "oparl"
    json = "json"  # the same as oparl, as the suffix .json is


@app.command()
def render(
    ctx: typer.Context,
    kind: Annotated[RenderKind, typer.Argument(show_default=False, autocompletion=completion.render_kinds)],
    file: Annotated[Path, typer.Argument(metavar="DATEI", show_default=False)],
    out: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    format: Annotated[RenderFormat | None, typer.Option("--format", "-f")] = None,
    template_dir: Annotated[Path | None, typer.Option("--template-dir")] = None,
    reference_docx: Annotated[Path | None, typer.Option("--reference-docx")] = None,
    previous: Annotated[Path | None, typer.Option("--previous")] = None,
    allow_errors: Annotated[bool, typer.Option("--allow-errors")] = False,
    force: Annotated[bool, typer.Option("--force")] = False,
    agreement_id: Annotated[str | None, typer.Option("--id")] = None,
    jahr: Annotated[str | None, typer.Option("--jahr")] = None,
    lang: LangOption = None,
) -> None:
    """Write a document from a concept."""
    from ki_cli.render.command import Request, run

    settings = _config(lang or _root_lang(ctx))
    language = detect_lang(lang or _root_lang(ctx), settings.lang)
    year = None
    if jahr is not None:
        if not (jahr.strip().isascii() and jahr.strip().isdigit() and len(jahr.strip()) == 4):
            _fail(ui("render.jahr_invalid", language, value=jahr[:40]))
        year = int(jahr)
    request = Request(
        kind=kind.value,
        file=file,
        out=out,
        fmt=format.value if format else None,
        template_dir=template_dir or settings.template_dir,
        reference_docx=reference_docx or settings.reference_docx,
        oparl=settings.oparl,
        previous=previous,
        allow_errors=allow_errors,
        force=force,
        agreement_id=agreement_id,
        jahr=year,
        lang=language,
        selection=Selection(severity=settings.severity),
    )
    _carry_out(run, request)


@app.command("rules")
def rules_command(
    ctx: typer.Context,
    format: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
    lang: LangOption = None,
) -> None:
    """List every rule of the registry."""
    from ki_cli.cli.explain import rules_json, rules_text

    language = detect_lang(lang or _root_lang(ctx), _config(lang or _root_lang(ctx)).lang)
    if format is ListFormat.json:
        import json

        typer.echo(json.dumps(rules_json(language), ensure_ascii=False, indent=2))
    else:
        typer.echo(rules_text(language))


@app.command()
def explain(
    ctx: typer.Context,
    code: Annotated[str, typer.Argument(metavar="CODE", show_default=False, autocompletion=completion.rule_codes)],
    lang: LangOption = None,
) -> None:
    """Explain one rule from the registry."""
    from ki_cli.cli.explain import explain_text

    language = detect_lang(lang or _root_lang(ctx), _config(lang or _root_lang(ctx)).lang)
    rule = RULES.get(code.strip().upper())
    if rule is None:
        _fail(ui("unknown_rule", language, code=code, did_you_mean=suggest(closest_code(code, RULES), code)))
    typer.echo(explain_text(rule, language))


def _write_output(path: Path, data: bytes, force: bool, lang: str) -> None:
    """Write ``path`` atomically; an existing file only with ``--force`` (else exit 2)."""
    from ki_cli.atomic import OutputError, write_atomic

    try:
        write_atomic(path, data, force=force, lang=lang)
    except OutputError as err:
        _fail(err.message(lang))
    typer.echo(ui("render.written", lang, path=path), err=True)


@app.command()
def init(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(metavar="PFAD")] = "konzept.yaml",
    kommune: Annotated[str | None, typer.Option("--kommune", metavar="NAME")] = None,
    typ: Annotated[
        str | None, typer.Option("--typ", metavar="kreisfreie_stadt|kreis|staedteregion|kreisangehoerige_stadt")
    ] = None,
    beginn: Annotated[str | None, typer.Option("--beginn", metavar="TT.MM.JJJJ")] = None,
    foerderrichtlinie: Annotated[str | None, typer.Option("--foerderrichtlinie", metavar="2018|2025")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = None,
) -> None:
    from ki_cli.cli.init import Flags, run
    from ki_cli.format.schema import FILE_NAMES

    configured = _config(lang or _root_lang(ctx)).lang
    language = detect_lang(lang or _root_lang(ctx), configured)
    target = None if path == "-" else Path(path)
    if target is not None:
        from ki_cli.atomic import OutputError, check_target

        try:  # before any question: never ask first and refuse afterwards
            check_target(target, force)
        except OutputError as err:
            _fail(err.message(language))
    flags = Flags(kommune=kommune, typ=typ, beginn=beginn, foerderrichtlinie=foerderrichtlinie)
    # The first line names the JSON Schema, written beside the file (standard output: no file, no line).
    schema_lang = _schema_lang(ctx, lang, configured)
    schema_name = FILE_NAMES[schema_lang] if target is not None else None
    text, problem = run(flags, path, language, sys.stdin.isatty(), schema_name)
    if problem:
        _fail(problem)
    if target is None:
        sys.stdout.write(text)
        return
    _write_schema(target.parent / FILE_NAMES[schema_lang], schema_lang, force, language)
    _write_output(target, text.encode("utf-8"), force, language)
    typer.echo(ui("init.next", language, path=path), err=True)


def _write_schema(path: Path, schema_lang: str, force: bool, lang: str) -> None:
    """``ki init``'s schema file beside the new concept (its modeline names it): written, left as it
    is, or kept with a notice when another file of that name is there."""
    from ki_cli.atomic import OutputError
    from ki_cli.cli.init import write_schema
    from ki_cli.format.schema import dumps

    try:
        written, notice = write_schema(path, dumps(lang=schema_lang), force, lang)
    except OutputError as err:
        _fail(err.message(lang))
    if written:
        typer.echo(ui("render.written", lang, path=path), err=True)
    if notice:
        typer.echo(notice, err=True)


def _schema_lang(ctx: typer.Context, lang: str | None, configured: str | None) -> str:
    """The language of the schema's texts: German unless a language is named (``--lang``,
    ``KI_LANG``, ``ki.toml``'s ``configured``); the system's locale alone does not turn the schema English."""
    named = lang or _root_lang(ctx) or os.environ.get("KI_LANG") or configured
    return detect_lang(lang or _root_lang(ctx), configured) if named else "de"


@app.command("schema")
def schema_command(
    ctx: typer.Context,
    out: Annotated[Path | None, typer.Option("--output", "-o", metavar="DATEI")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = None,
) -> None:
    from ki_cli.format.schema import dumps

    configured = _config(lang or _root_lang(ctx)).lang
    language = detect_lang(lang or _root_lang(ctx), configured)
    text = dumps(lang=_schema_lang(ctx, lang, configured))
    if out is None:
        sys.stdout.write(text)
    else:
        _write_output(out, text.encode("utf-8"), force, language)


class DiffFormat(str, Enum):
    text = "text"
    md = "md"
    json = "json"


@app.command()
def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="ALT", show_default=False)],
    new: Annotated[str, typer.Argument(metavar="NEU", show_default=False)],
    format: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.text,
    exit_code: Annotated[bool, typer.Option("--exit-code")] = False,
    lang: LangOption = None,
) -> None:
    """Compare two periods' concepts."""
    from ki_cli.diff.command import run

    language = detect_lang(lang or _root_lang(ctx), _config(lang or _root_lang(ctx)).lang)
    _carry_out(run, old, new, format.value, exit_code, language, wants_colour(sys.stdout))


@app.command("next-period")
def next_period(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(metavar="ALT", show_default=False)],
    out: Annotated[str | None, typer.Option("--output", "-o", metavar="NEU")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = None,
) -> None:
    """Start the next period's file from the last one."""
    from ki_cli.diff.nextperiod import run

    language = detect_lang(lang or _root_lang(ctx), _config(lang or _root_lang(ctx)).lang)
    _carry_out(run, old, out, force, language)


@app.command()
def calendar(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="PFAD...", show_default=False)],
    out: Annotated[Path | None, typer.Option("--output", "-o")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = None,
) -> None:
    """Every date of the concepts as iCalendar."""
    from ki_cli.cli.calendar import run

    _carry_out(run, paths, out, force, lang or _root_lang(ctx))


class OverviewFormat(str, Enum):
    text = "text"
    html = "html"
    xlsx = "xlsx"
    csv = "csv"
    json = "json"


@app.command()
def overview(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(metavar="ORDNER...", show_default=False)],
    out: Annotated[str | None, typer.Option("--output", "-o", metavar="DATEI")] = None,
    format: Annotated[OverviewFormat | None, typer.Option("--format", "-f")] = None,
    all_periods: Annotated[bool, typer.Option("--all-periods")] = False,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LangOption = None,
) -> None:
    """The statewide view over many concept files."""
    from ki_cli.cli.overview import run

    settings = _config(lang or _root_lang(ctx))
    language = detect_lang(lang or _root_lang(ctx), settings.lang)
    selection = Selection(select=settings.select, ignore=settings.ignore, severity=settings.severity)
    _carry_out(run, paths, out, format.value if format else None, all_periods, force, language, selection)


@app.command()
def serve(
    ctx: typer.Context,
    folder: Annotated[str, typer.Argument(metavar="ORDNER")] = ".",
    port: Annotated[int | None, typer.Option("--port", metavar="N")] = None,
    no_browser: Annotated[bool, typer.Option("--no-browser")] = False,
    lang: LangOption = None,
) -> None:
    """Serve the local web editor for the concept files of a folder."""
    from ki_cli.cli.serve import run

    language = detect_lang(lang or _root_lang(ctx), _config(lang or _root_lang(ctx)).lang)
    _carry_out(run, folder, port, no_browser, language)


def _pacified(stream: object) -> bool:
    return type(stream).__name__ == "PacifyFlushWrapper" and hasattr(stream, "wrapped")


def run_app() -> int:
    """The Typer app on ``sys.argv``: its exit code; parser errors shown with their message.

    Typer turns a reader that has gone (EPIPE) into exit 1 behind a flush-pacifying wrapper; that
    is handed back to the guard as what it is, which ends quietly with exit 0.
    """
    try:
        result = app(prog_name="ki", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except SystemExit:
        if _pacified(sys.stdout):  # (Typer's own copy of click's class: recognised by its name)
            sys.stdout = getattr(sys.stdout, "wrapped")  # noqa: B009
            if _pacified(sys.stderr):
                sys.stderr = getattr(sys.stderr, "wrapped")  # noqa: B009
            raise BrokenPipeError from None
        raise
    except typer.Exit as stop:
        return stop.exit_code
    except typer.Abort:  # Ctrl-C at a question
        raise KeyboardInterrupt from None
    except typer.TyperException as err:  # bad option or argument: the parser's own message
        show = getattr(err, "show", None)
        if show is not None:
            show()
        return getattr(err, "exit_code", EXIT_USAGE) or EXIT_USAGE


def main() -> None:
    """Entry point through Typer: exit codes 0/1/2, and no traceback on any failure unless --debug."""
    from ki_cli.cli.entry import guarded

    sys.exit(guarded(run_app))

"""``ki init``: the answers from flags, from questions in a terminal, or placeholders.

A flag given wins and is never asked for. In a terminal the missing answers are asked for (with
a default shown in brackets); without a terminal (a script, CI) the missing answers become
placeholders and the command says which, so ``ki init`` never hangs waiting for input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from ki_cli.format.starter import (
    PLACEHOLDER_NAME,
    Answers,
    BadAnswer,
    guess_typ,
    latest_guideline,
    parse_beginn,
    parse_foerderrichtlinie,
    parse_kommune,
    parse_typ,
    starter_text,
)
from ki_cli.messages import ui
from ki_cli.periods import YEAR_MAX, YEAR_MIN, next_period_start
from ki_cli.text import L

T = TypeVar("T")


@dataclass(frozen=True)
class Flags:
    kommune: str | None = None
    typ: str | None = None
    beginn: str | None = None
    foerderrichtlinie: str | None = None


class _Problem(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _choices() -> str:
    from ki_cli.check.rulepacks import names

    return ", ".join(names())


def _explain(err: BadAnswer, lang: str) -> str:
    return ui(err.key, lang, value=err.value, choices=_choices(), first=YEAR_MIN, last=YEAR_MAX)


def _ask(key: str, default: str, parse: Callable[[str], T], lang: str) -> T:
    import typer

    while True:
        answer = typer.prompt(ui(key, lang, choices=_choices()), default=default or None)
        try:
            return parse(answer)
        except BadAnswer as err:
            typer.echo(_explain(err, lang), err=True)


def _answer(
    option: str,
    given: str | None,
    key: str,
    default: str,
    parse: Callable[[str], T],
    lang: str,
    interactive: bool,
    defaulted: list[str],
) -> T:
    if given is not None:
        try:
            return parse(given)
        except BadAnswer as err:
            raise _Problem(ui("init.option", lang, option=option, problem=_explain(err, lang))) from None
    if interactive:
        return _ask(key, default, parse, lang)
    defaulted.append(option)
    return parse(default)


def collect(flags: Flags, lang: str, interactive: bool, today: dt.date | None = None) -> tuple[Answers, list[str]]:
    """The answers, and the options that were filled with placeholders."""
    defaulted: list[str] = []
    start = next_period_start(today or dt.date.today()).strftime("%d.%m.%Y")
    if interactive or flags.kommune is not None:
        kommune = _answer(
            "--kommune", flags.kommune, "init.ask.kommune", "", parse_kommune, lang, interactive, defaulted
        )
        typ = _answer("--typ", flags.typ, "init.ask.typ", guess_typ(kommune), parse_typ, lang, interactive, defaulted)
    else:  # the placeholder name follows the type
        typ = _answer("--typ", flags.typ, "init.ask.typ", "kreisfreie_stadt", parse_typ, lang, interactive, defaulted)
        kommune = _answer("--kommune", flags.kommune, "", PLACEHOLDER_NAME[typ], parse_kommune, lang, False, defaulted)
    beginn = _answer("--beginn", flags.beginn, "init.ask.beginn", start, parse_beginn, lang, interactive, defaulted)
    frl = _answer(
        "--foerderrichtlinie",
        flags.foerderrichtlinie,
        "init.ask.foerderrichtlinie",
        latest_guideline(),
        parse_foerderrichtlinie,
        lang,
        interactive,
        defaulted,
    )
    return Answers(kommune=kommune, typ=typ, beginn=beginn, foerderrichtlinie=frl), sorted(defaulted)


def run(flags: Flags, path: str, lang: str, interactive: bool, schema: str | None = None) -> tuple[str, str]:
    """(the file's text, "") or ("", the message that ends the command with exit 2). ``schema``:
    the schema file the first line names for editors (relative to the file), if any."""
    import typer

    try:
        answers, defaulted = collect(flags, lang, interactive)
    except _Problem as problem:
        return "", problem.message
    if defaulted:
        typer.echo(ui("init.defaults", lang, options=", ".join(defaulted)), err=True)
    return starter_text(answers, "konzept.yaml" if path == "-" else path, schema), ""


SCHEMA_TEXTS = {
    "kept": L(
        "{path} gibt es schon mit anderem Inhalt und bleibt, wie es ist (ein neues Schema schreibt "
        "`ki schema -o {path} --force`).",
        "{path} exists with other content and is kept as it is (`ki schema -o {path} --force` writes "
        "the current schema).",
    ),
}


def write_schema(target: Path, text: str, force: bool, lang: str) -> tuple[bool, str]:
    """Write the JSON Schema beside the new file, which its first line names: (written, notice).
    Already there as it is: (False, ""); another file of that name is never overwritten without
    ``--force``: (False, the line that says so). Raises ``OutputError`` when it cannot be written."""
    from ki_cli.atomic import write_atomic

    data = text.encode("utf-8")
    try:
        if target.is_file() and target.read_bytes() == data:
            return False, ""
    except OSError:
        pass  # unreadable: write_atomic says what is wrong with it
    if target.exists() and not force:
        return False, SCHEMA_TEXTS["kept"](lang).format(path=target)
    write_atomic(target, data, force=force, lang=lang)
    return True, ""

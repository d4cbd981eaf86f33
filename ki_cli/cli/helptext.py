"""``--help`` in German or English.

Typer fixes help texts when the app is built; here they are put on the commands when help is
about to be shown, in the language of the command line: ``--lang`` anywhere on it, else
``KI_LANG``, else German (the users' language). The texts are in ``ki_cli.cli.help_texts``, with
the placeholders of the usage line and the option table (``PFAD...`` / ``PATH...``). Usage
errors are shown in the same language (``ki_cli.cli.usage``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer._click.exceptions import NoArgsIsHelpError, UsageError
from typer._types import TyperChoice
from typer.core import TyperGroup

from ki_cli.cli.completion import localise_install
from ki_cli.cli.help_texts import COMMANDS, EXTRAS, HEADINGS, METAVARS, PARAMS, help_lang
from ki_cli.cli.usage import Choice, LocalisedUsageError, NoSuchCommand

__all__ = ["KiGroup", "help_lang", "summary", "translate"]

_LANG_KEY = "ki.help_lang"
_REQUIRED = re.compile(r"\{([^{}]*)\}")  # Typer's braces around a required argument in the usage line
# The end of a help text's first sentence: a full stop after a word (not after "z." of "z. B.").
_SENTENCE_END = re.compile(r"(?<=[^\W_]{2})\.(?=\s|$)")


def summary(text: str) -> str:
    """A command's line in the command list of ``ki --help``: its help's first sentence, whole
    (Click would cut it after 45 characters, mid-sentence)."""
    first = " ".join(text.split("\n\n", 1)[0].split())
    end = _SENTENCE_END.search(first)
    return first[: end.end()] if end else first


def translate(command: Any, name: str, lang: str) -> None:
    """Put the help texts and placeholders of ``lang`` on a command and its parameters."""
    text = COMMANDS.get(name)
    if text is not None:
        command.help = text(lang)
    if command.help:
        command.short_help = summary(command.help)
    command.options_metavar = HEADINGS["[OPTIONS]"](lang)
    if hasattr(command, "subcommand_metavar"):
        command.subcommand_metavar = HEADINGS["COMMAND [ARGS]..."](lang)
    for param in getattr(command, "params", ()):
        entry = PARAMS.get(f"{name}.{param.name}") or PARAMS.get(f"*.{param.name}")
        if entry is not None:
            param.help = entry(lang)
        if isinstance(param.type, TyperChoice) and not isinstance(param.type, Choice):
            param.type = Choice(param.type.choices, param.type.case_sensitive)  # keeps a bad value for the message
        metavar = METAVARS.get(f"{name}.{param.name}")
        if metavar is not None:
            param.metavar = metavar(lang)
        elif isinstance(param.type, Choice) and getattr(param, "param_type_name", "") == "option":
            param.metavar = "|".join(str(c) for c in param.type.choices)
    command.context_class = _context_class(lang)


def _context_class(lang: str) -> type:
    base = TyperGroup.context_class

    class Context(base):  # type: ignore[misc,valid-type]
        def make_formatter(self) -> Any:
            formatter = super().make_formatter()
            return _Localised(formatter, lang)

    return Context


class _Localised:
    """A help formatter whose headings and markers are in the help language."""

    def __init__(self, inner: Any, lang: str) -> None:
        self._inner, self._lang = inner, lang

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = _REQUIRED.sub(r"\1", args)  # `ki validate [OPTIONEN] PFAD...`, not `{PFAD...}`
        self._inner.write_usage(prog, args, prefix or HEADINGS["Usage"](self._lang) + ": ")

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        heading = HEADINGS.get(name)
        with self._inner.section(heading(self._lang) if heading else name):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        def local(text: str) -> str:
            for english, words in EXTRAS.items():
                text = text.replace(english, words(self._lang))
            return text

        self._inner.write_dl([(term, local(text)) for term, text in rows], *args, **kwargs)


class KiGroup(TyperGroup):
    """The ``ki`` program: notes the help language, translates each command it hands out, and
    turns the parser's English usage errors into ``LocalisedUsageError`` (``ki_cli.cli.usage``)."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        lang = help_lang(args)
        translate(self, "ki", lang)  # before the context exists: it takes our formatter
        localise_install(self)
        self._lang_flag = lang != help_lang([])  # `--lang en` was needed: the help hint repeats it
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as err:
            if err.ctx is None:  # the parser's own errors come without one: for the usage line
                err.ctx = self.context_class(self, info_name=info_name, parent=parent)
            raise self._localised(err, lang) from None

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[_LANG_KEY] = help_lang(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as err:
            if err.ctx is None and ctx.invoked_subcommand:  # the parser's own errors come without one
                command = self.get_command(ctx, ctx.invoked_subcommand)
                err.ctx = command.context_class(command, parent=ctx, info_name=ctx.invoked_subcommand)
            raise self._localised(err, ctx.meta.get(_LANG_KEY, "de")) from None

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if not ctx.resilient_parsing and not name.startswith("-") and super().get_command(ctx, name) is None:
            raise NoSuchCommand(name, ctx)
        return super().resolve_command(ctx, args)

    def _localised(self, err: UsageError, lang: str) -> UsageError:
        if isinstance(err, (LocalisedUsageError, NoArgsIsHelpError)):  # already ours / the help page itself
            return err
        return LocalisedUsageError(err, lang, getattr(self, "_lang_flag", False))

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            translate(command, cmd_name, ctx.meta.get(_LANG_KEY, "de"))
        return command

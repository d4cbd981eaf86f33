"""``--help`` in German or English.

Typer fixes help texts when the app is built; here they are put on the commands when help is
about to be shown, in the language of the command line: ``--lang`` anywhere on it, else
``KI_LANG``, else German (the users' language). The texts are in ``ki_cli.messages.help``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer.core import TyperGroup

from ki_cli.messages.help import COMMANDS, EXTRAS, HEADINGS, PARAMS, help_lang

__all__ = ["KiGroup", "help_lang", "translate"]

_LANG_KEY = "ki.help_lang"


def translate(command: Any, name: str, lang: str) -> None:
    """Put the help texts of ``lang`` on a command and its parameters."""
    text = COMMANDS.get(name)
    if text is not None:
        command.help = text(lang)
        command.short_help = None
    for param in getattr(command, "params", ()):
        entry = PARAMS.get(f"{name}.{param.name}") or PARAMS.get(f"*.{param.name}")
        if entry is not None:
            param.help = entry(lang)
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
    """The ``ki`` program: notes the help language, and translates each command it hands out."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        translate(self, "ki", help_lang(args))  # before the context exists: it takes our formatter
        return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        ctx.meta[_LANG_KEY] = help_lang(args)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            translate(command, cmd_name, ctx.meta.get(_LANG_KEY, "de"))
        return command

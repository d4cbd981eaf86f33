"""Usage errors – unknown option or command, bad value, missing argument – in German or English.

Click describes a usage error in English. ``KiGroup`` catches it on its way out and raises a
``LocalisedUsageError`` instead, whose text is built here from the exception's attributes and
the ``UI`` catalog: the usage line of the help page, a pointer to ``--help`` and the error. The
language is the help pages' (``help_lang``: ``--lang`` on the command line, else ``KI_LANG``,
else German), since the message comes with the help's usage line. The exit code stays 2.
"""

from __future__ import annotations

import re
from typing import IO, Any

from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption, UsageError
from typer._click.utils import echo
from typer._types import TyperChoice

from ki_cli.messages import ui
from ki_cli.text import did_you_mean, quote

__all__ = ["Choice", "LocalisedUsageError", "NoSuchCommand", "describe"]


class NoSuchCommand(UsageError):
    """``ki foo``: Click's own error says so only in its English text; this one keeps the name."""

    def __init__(self, name: str, ctx: Any) -> None:
        super().__init__(f"No such command {name!r}.", ctx)
        self.name = name


class InvalidChoice(BadParameter):
    """A value outside an option's or argument's choices, with the value (Click drops it)."""

    def __init__(self, message: str, value: object, choices: list[str], ctx: Any, param: Any) -> None:
        super().__init__(message, ctx, param)
        self.value, self.choices = value, choices


class Choice(TyperChoice):  # type: ignore[type-arg]
    """Typer's choice type whose failure carries the rejected value and the choices."""

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return super().convert(value, param, ctx)
        except BadParameter as err:
            choices = list(self._normalized_mapping(ctx=ctx).values())
            raise InvalidChoice(err.message, value, choices, ctx, param) from None


def _param_name(param: Any, ctx: Any) -> str:
    """``--format`` for an option, the (localised) placeholder ``PFAD`` for an argument."""
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "option":
        longs = [o for o in param.opts if o.startswith("--")]
        first: str = (longs or param.opts)[0]
        return first
    name = param.make_metavar(ctx) if ctx is not None else (param.name or "")
    return name.removesuffix("...")


_EXTRA = re.compile(r"unexpected extra arguments?(?:\(s\))? \((.*)\)", re.IGNORECASE | re.DOTALL)


def describe(err: UsageError, lang: str) -> str:
    """The error of ``err`` in ``lang`` (without the usage line and the pointer to help)."""
    ctx = err.ctx
    if isinstance(err, NoSuchCommand):
        group: Any = ctx.command if ctx is not None else None
        names = [n for n in group.list_commands(ctx) if not group.get_command(ctx, n).hidden] if group else []
        return ui(
            "usage.no_command",
            lang,
            name=quote(err.name, lang),
            commands=", ".join(names),
            did_you_mean=did_you_mean(err.name, names),
        )
    if isinstance(err, NoSuchOption):
        close = list(err.possibilities or ())[:3]  # Click's, the closest first
        hint = ui("usage.did_you_mean", lang, options=ui("usage.or", lang).join(close)) if close else ""
        return ui("usage.no_option", lang, option=err.option_name, did_you_mean=hint)
    if isinstance(err, InvalidChoice):
        return ui(
            "usage.bad_choice",
            lang,
            value=quote(err.value, lang),
            param=_param_name(err.param, ctx),
            choices=", ".join(err.choices),
            did_you_mean=did_you_mean(err.value, err.choices),
        )
    if isinstance(err, MissingParameter):
        kind = "option" if getattr(err.param, "param_type_name", "") == "option" else "argument"
        return ui(f"usage.missing_{kind}", lang, param=_param_name(err.param, ctx))
    if isinstance(err, BadParameter):
        return ui("usage.bad_value", lang, param=_param_name(err.param, ctx), detail=err.message)
    if isinstance(err, BadOptionUsage):
        options = {o: p for p in (ctx.command.params if ctx is not None else ()) for o in getattr(p, "opts", ())}
        flag = getattr(options.get(err.option_name), "is_flag", False)
        return ui("usage.takes_no_value" if flag else "usage.needs_value", lang, option=err.option_name)
    extra = _EXTRA.search(err.message)
    if extra:
        return ui("usage.extra", lang, args=extra.group(1))
    if err.message == "Missing command.":
        return ui("usage.missing_command", lang)
    return ui("usage.other", lang, detail=err.message)


class LocalisedUsageError(UsageError):
    """A usage error as the user reads it: usage line, where help is, the error – in ``lang``."""

    def __init__(self, original: UsageError, lang: str, lang_flag: bool = False) -> None:
        super().__init__(describe(original, lang), original.ctx)
        self.lang, self.lang_flag = lang, lang_flag

    def show(self, file: IO[Any] | None = None) -> None:
        lines = []
        if self.ctx is not None:
            command = f"{self.ctx.command_path} --help" + (f" --lang {self.lang}" if self.lang_flag else "")
            lines += [self.ctx.get_usage(), ui("usage.help", self.lang, command=command), ""]
        lines.append(ui("usage.error", self.lang, message=self.message))
        echo("\n".join(lines), file=file, err=file is None)

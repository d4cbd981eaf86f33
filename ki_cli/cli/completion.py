"""Tab completion: the values it offers, and ``--install-completion`` in German or English.

Typer builds the completion scripts (bash, zsh, fish, PowerShell) and answers the shell; what it
offers for a parameter comes from the parameter's choices (``--format``, the document kinds of
``ki render``) or from the functions here (``--lang``, the rule codes of ``ki explain``), with a
short description in the help language where the shell shows one (zsh, fish).
``--install-completion`` says what it did in the help language instead of Typer's English.
"""

from __future__ import annotations

import sys
from typing import Any

from ki_cli.cli.help_texts import COMPLETION, help_lang
from ki_cli.text import LANGS

_LANG_KEY = "ki.help_lang"  # as ki_cli.cli.helptext notes it on the context


def _lang(ctx: Any) -> str:
    meta = getattr(ctx, "meta", None)
    lang = meta.get(_LANG_KEY) if isinstance(meta, dict) else None
    return lang if isinstance(lang, str) else help_lang(sys.argv[1:])


def languages(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """``--lang``: de and en, each named in its own language."""
    names = {"de": "Deutsch", "en": "English"}
    return [(lang, names[lang]) for lang in LANGS if lang.startswith(incomplete.lower())]


def rule_codes(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """``ki explain``: every rule code that starts with what was typed, with its title."""
    from ki_cli.check.registry import RULES

    lang, start = _lang(ctx), incomplete.strip().upper()
    return [(code, rule.title(lang)) for code, rule in sorted(RULES.items()) if code.startswith(start)]


def render_kinds(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """``ki render``: the document kinds, each with its German or English name."""
    lang = _lang(ctx)
    kinds = ("proposal", "concept", "agreements", "workplan")
    return [(kind, COMPLETION[f"render.{kind}"](lang)) for kind in kinds if kind.startswith(incomplete)]


def install(ctx: Any, param: Any, value: Any) -> Any:
    """``ki --install-completion``: Typer installs the script; the message is ours, in the help language."""
    if not value or ctx.resilient_parsing:
        return value
    from typer import _completion_shared as shared

    lang = _lang(ctx)
    shell = value if isinstance(value, str) else shared._get_shell_name()
    if shell not in {s.value for s in shared.Shells}:
        _echo(COMPLETION["unsupported"](lang).format(shell=shell or "?"), err=True)
        raise SystemExit(1)
    shell, path = shared.install(shell=shell)
    _echo(COMPLETION["installed"](lang).format(shell=shell, path=path))
    _echo(COMPLETION["restart"](lang))
    raise SystemExit(0)


def _echo(text: str, err: bool = False) -> None:
    from typer import _click

    _click.echo(text, err=err)


def localise_install(command: Any) -> None:
    """Put ``install`` on the program's ``--install-completion`` (Typer adds the option itself)."""
    for param in getattr(command, "params", ()):
        if param.name == "install_completion":
            param.callback = install

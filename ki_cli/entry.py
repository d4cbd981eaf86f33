"""The ``ki`` executable's entry point: the two commands run most often skip building the CLI.

Importing Typer costs more than the whole floor of a validation (Python starting and reading a
YAML file). So:

* ``ki --help`` (with ``--lang`` at most, on a terminal wide enough for Typer's layout) prints
  the pre-rendered page ``ki_cli.helpcache``, which a test checks against what Typer prints;
* a plain ``ki validate …`` line goes straight to ``ki_cli.validate_command.run``, the same
  function the Typer command calls; anything the small parser there is unsure of goes to Typer;
* everything else goes to ``ki_cli.cli``.

``guarded`` is the one place that turns Ctrl-C and unexpected failures into a message and
exit code 2, for both ways in.
"""

from __future__ import annotations

import sys
from collections.abc import Callable


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, so that no library swallows it on the way up."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def _argv_lang() -> str:
    """The language for messages outside a command (``--lang`` as given, else the default)."""
    from ki_cli.i18n import detect_lang

    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return detect_lang(args[i + 1])
        if arg.startswith("--lang="):
            return detect_lang(arg.split("=", 1)[1])
    return detect_lang(None)


def guarded(body: Callable[[], int]) -> int:
    """``body``'s exit code; Ctrl-C and unexpected errors as one line and exit 2 (``--debug``: traceback)."""
    import contextlib
    import signal

    from ki_cli.messages import ui

    with contextlib.suppress(ValueError):  # not in the main thread (tests): keep the default
        signal.signal(signal.SIGINT, _interrupt)
    try:
        return body()
    except (Interrupted, KeyboardInterrupt):
        sys.stderr.write("\n" + ui("interrupted", _argv_lang()) + "\n")
        return 2
    except Exception as err:  # noqa: BLE001 - the one place that turns a bug into a message
        if "--debug" in sys.argv[1:]:
            import traceback

            traceback.print_exc()
        sys.stderr.write(ui("internal", _argv_lang(), error=f"{type(err).__name__}: {err}") + "\n")
        return 2


def _only_help(args: list[str]) -> bool:
    rest = list(args)
    for i, arg in enumerate(rest):
        if arg == "--lang" and i + 1 < len(rest):
            del rest[i : i + 2]
            break
        if arg.startswith("--lang="):
            del rest[i]
            break
    return rest in (["--help"], ["-h"])


def _validate(options: dict[str, object]) -> int:
    from ki_cli.report import outcome
    from ki_cli.validate_command import run

    code = outcome(run, **options)
    sys.stdout.flush()
    return code


def main() -> None:
    args = sys.argv[1:]
    if _only_help(args):
        import shutil

        from ki_cli.helpcache import PAGES, WIDTH

        if shutil.get_terminal_size().columns >= WIDTH:  # narrower: Typer wraps differently
            from ki_cli.messages.help import help_lang

            sys.stdout.write(PAGES[help_lang(args)])
            sys.exit(0)
    if "validate" in args:
        from ki_cli.validate_command import plain_command_line

        options = plain_command_line(args)
        if options is not None:
            sys.exit(guarded(lambda: _validate(options)))
    from ki_cli.cli import main as run

    run()

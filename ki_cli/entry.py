"""The ``ki`` executable's entry point: answers ``ki --help`` without building the command line.

Importing Typer costs more than the whole floor of a validation (Python starting and reading a
YAML file). The top-level help page never changes between runs, so it is pre-rendered
(``ki_cli.helpcache``, checked against Typer by a test) and printed from here when the command
line is exactly ``--help`` / ``-h`` (with ``--lang`` at most) and the terminal is wide enough
for Typer's own layout. Everything else goes to ``ki_cli.cli.main``.
"""

from __future__ import annotations

import shutil
import sys


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


def main() -> None:
    args = sys.argv[1:]
    if _only_help(args):
        from ki_cli.helpcache import PAGES, WIDTH

        if shutil.get_terminal_size().columns >= WIDTH:  # narrower: Typer wraps differently
            from ki_cli.messages.help import help_lang

            sys.stdout.write(PAGES[help_lang(args)])
            sys.exit(0)
    from ki_cli.cli import main as run

    run()

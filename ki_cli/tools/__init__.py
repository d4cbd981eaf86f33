"""Developer tools (not used by the command line at run time)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def generate(
    target: Path, render: Callable[[], str], command: str, description: str, argv: list[str] | None = None
) -> int:
    """Write the generated file ``target``, or with ``--check`` exit 1 when it is stale."""
    parser = argparse.ArgumentParser(prog=command, description=description)
    parser.add_argument("--check", action="store_true", help="only check that the committed file is current")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target.name} is stale: run {command}", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.name}: {text.count(chr(10))} lines")
    return 0

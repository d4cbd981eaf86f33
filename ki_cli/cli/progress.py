"""A progress bar on standard error for long runs (more than 20 files), only on a terminal.

Rich is imported only when a bar is really shown, so that short runs and piped output stay as
lean as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

THRESHOLD = 20
"""A bar is shown for more files than this."""


def wanted(count: int, stream: TextIO) -> bool:
    """A bar for ``count`` files on ``stream``: only above the threshold and on a terminal."""
    isatty = getattr(stream, "isatty", None)
    terminal = bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"
    return count > THRESHOLD and terminal


@contextmanager
def progress(count: int, stream: TextIO, label: str) -> Iterator[Callable[[], None]]:
    """Yields ``advance()``, to call once per file; a no-op when no bar is wanted."""
    if not wanted(count, stream):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(file=stream, no_color=bool(os.environ.get("NO_COLOR")))
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=count)
        yield lambda: bar.advance(task)

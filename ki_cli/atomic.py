"""Writing files atomically: a temporary file in the same folder, then one rename.

An interrupted run (an error, Ctrl-C, a full disk) leaves no half-written file and no
temporary file behind, and an existing file keeps its old content unless ``force`` is given.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """The output cannot be written; ``reason`` says why in a word, ``path`` where."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(f"{path}: {reason} {detail}".strip())
        self.path, self.reason, self.detail = path, reason, detail

    def message(self, lang: str) -> str:
        """What went wrong, for the user (the ``out.<reason>`` text of the catalog)."""
        from ki_cli.messages import ui

        return ui(f"out.{self.reason}", lang, path=self.path, detail=self.detail)


class OutputExists(OutputError):
    """The output exists and ``force`` was not given."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "exists")


def check_target(path: Path, force: bool) -> None:
    """Fail early (before any work) when ``path`` cannot or must not be written."""
    if path.exists() and not force:
        raise OutputExists(path)
    if path.is_dir():
        raise OutputError(path, "is_dir")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(path, "no_folder")
    if not parent.is_dir():
        raise OutputError(path, "parent_not_dir")


def write_atomic(path: Path, data: bytes, force: bool = False) -> None:
    """Write ``data`` to ``path`` all at once or not at all."""
    check_target(path, force)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as err:
        raise OutputError(path, "not_writable", err.strerror or str(err)) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temp, 0o644)
        if not force and path.exists():  # appeared while we wrote: still never clobber
            raise OutputExists(path)
        os.replace(temp, path)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(err, OSError):
            raise OutputError(path, "not_writable", err.strerror or str(err)) from None
        raise

"""Reading inputs safely and finding concept files in folders.

Only regular files are ever opened for reading: a FIFO would block ``open`` until someone writes
to it, and a device may do anything when opened. A path is checked with ``stat`` before it is
opened (so a device is never opened at all), and opened with ``O_NONBLOCK`` and checked again on
the open handle (so a FIFO swapped in between cannot block either).

In a folder, every entry named ``*.yaml``/``*.yml`` that cannot be read – not a regular file, a
symbolic link to nowhere or in a loop, no permission, a path too long – and every subfolder that
cannot be listed is reported as one ``Found`` with its problem; ``ki validate`` turns each into a
KI004 finding of its own and checks the rest. A symbolic link to a file is read through; a link to
a folder is not followed (it could lead anywhere, up to ``/``), and says so in an info finding.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ki_cli.text import L

if TYPE_CHECKING:
    from ki_cli.check.findings import Finding

SHOWN_MAX = 160
"""Paths longer than this are shortened in messages (start … end)."""


def shown(path: object) -> str:
    """``path`` for a message: a 5,000-character path is shortened to its start and end."""
    text = str(path)
    if len(text) <= SHOWN_MAX:
        return text
    return f"{text[:100]}…{text[-50:]}"


def kind(mode: int) -> L:
    """What a file of ``mode`` is, for a message: „ein FIFO“, „ein Gerät“ …"""
    if stat.S_ISFIFO(mode):
        return L("eine benannte Pipe (FIFO)", "a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return L("ein Gerät", "a device")
    if stat.S_ISSOCK(mode):
        return L("ein Socket", "a socket")
    if stat.S_ISDIR(mode):
        return L("ein Ordner", "a folder")
    if stat.S_ISLNK(mode):
        return L("ein symbolischer Verweis", "a symbolic link")
    return L("keine Datei", "not a file")


class InputError(OSError):
    """An input that is not read. ``reason`` names the text: ``in.<reason>`` on the command line, the
    finding ``KI004.<reason>`` in a folder. An ``OSError``, so that a caller catching only that still
    stops cleanly; ``message`` gives the text in the user's language."""

    def __init__(self, path: Path, reason: str, detail: object = "", number: int = errno.EINVAL) -> None:
        super().__init__(number, f"{reason} {detail}".strip() if isinstance(detail, str) else reason)
        self.path, self.reason, self.detail = path, reason, detail

    def params(self) -> dict[str, object]:
        detail = shown(self.detail) if isinstance(self.detail, str) else self.detail
        return {"path": shown(self.path), "detail": detail, "length": len(str(self.path))}

    def message(self, lang: str) -> str:
        from ki_cli.messages import ui

        key = self.reason if self.reason in ("not_found", "unreadable") else f"in.{self.reason}"
        params = self.params()
        return ui(key, lang, **params, reason=params["detail"])

    def finding(self, lang: str) -> Finding:
        """The KI004 finding for an entry found in a folder."""
        from ki_cli.check.findings import Collector

        report = Collector(lang)
        params: dict[str, Any] = self.params()
        if self.reason == "link_folder":  # not an error: the files there are checked when the folder is named
            found = report.add("KI004.link_folder", severity="info", always=True, **params)
        elif self.reason == "is_dir":  # became a folder after the folder was listed
            found = report.add("KI004.not_regular", always=True, **{**params, "detail": kind(stat.S_IFDIR)})
        else:
            found = report.add(f"KI004.{self.reason}", always=True, **params)
        assert found is not None  # ``always``: a fresh reporter keeps it
        return found


def problem(path: Path, err: OSError) -> InputError:
    """What an ``OSError`` from reading ``path`` means, as an ``InputError``."""
    if isinstance(err, InputError):
        return err
    number = err.errno or errno.EIO
    if number == errno.ENAMETOOLONG:
        return InputError(path, "too_long", number=number)
    if number == errno.ELOOP:
        return InputError(path, "loop", number=number)
    if number in (errno.ENOENT, errno.ENOTDIR):
        try:
            target = os.readlink(path)
        except (OSError, ValueError):
            return InputError(path, "not_found", number=number)
        return InputError(path, "dangling", target, number=number)
    return InputError(path, "unreadable", err.strerror or str(err), number=number)


def _not_regular(path: Path, mode: int) -> InputError:
    if stat.S_ISDIR(mode):
        return InputError(path, "is_dir", number=errno.EISDIR)
    return InputError(path, "not_regular", kind(mode))


_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def open_input(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary; ``InputError`` unless it is a regular file one may read."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError) as err:  # ValueError: a NUL in the path
        raise problem(path, err if isinstance(err, OSError) else OSError(errno.ENOENT, str(err))) from None
    if not stat.S_ISREG(mode):
        raise _not_regular(path, mode)
    try:
        fd = os.open(path, _FLAGS)
    except OSError as err:
        raise problem(path, err) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # swapped between the two looks
            raise _not_regular(path, mode)
        if _FLAGS & getattr(os, "O_NONBLOCK", 0):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (or a link to one); False for anything that cannot be looked at."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


class Found:
    """One entry of a folder to check: ``path`` to read, or the ``problem`` that keeps it from being read.

    A plain slotted class: ``ki validate`` imports this module on every run (a dataclass costs more to define)."""

    __slots__ = ("path", "problem")

    def __init__(self, path: Path, problem: InputError | None = None) -> None:
        self.path, self.problem = path, problem


def _is_concept_name(name: str) -> bool:
    return name.endswith((".yaml", ".yml")) and not name.startswith(".")


def concept_files(folder: Path) -> list[Found]:
    """Every ``*.yaml``/``*.yml`` below ``folder`` in sorted order, a folder's files before its subfolders.

    Hidden files and folders (``.git``, ``.venv``, ``.pre-commit-hooks.yaml`` …) are skipped; a
    hidden file named on the command line is checked all the same. A symbolic link to a folder is
    not followed (it could lead anywhere, up to ``/``): it comes back as a ``link_folder`` problem,
    an info finding. Nothing here is opened for reading: entries are only looked at with ``stat``.
    """
    found: list[Found] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as err:
            found.append(Found(current, _folder_problem(current, err)))
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = current / entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(path)
                    continue
                if entry.is_symlink() and entry.is_dir():
                    found.append(Found(path, InputError(path, "link_folder", os.readlink(path))))
                    continue
            except OSError:
                pass  # looked at again below, if it is a concept's name
            if not _is_concept_name(entry.name):
                continue
            try:
                mode = os.stat(path).st_mode  # through a link to a file: the file
            except (OSError, ValueError) as err:
                found.append(Found(path, problem(path, err if isinstance(err, OSError) else OSError(errno.EINVAL, ""))))
                continue
            found.append(Found(path, None if stat.S_ISREG(mode) else _not_regular(path, mode)))
        pending.extend(reversed(subfolders))
    return found


def _folder_problem(folder: Path, err: OSError) -> InputError:
    if err.errno == errno.ENAMETOOLONG:
        return InputError(folder, "too_long", number=err.errno)
    return InputError(folder, "folder", err.strerror or str(err), number=err.errno or errno.EIO)

"""Writing files atomically: a temporary file in the same folder, then one rename.

An interrupted run (an error, Ctrl-C, SIGTERM or SIGHUP, a full disk) leaves no half-written
file and no temporary file behind, and an existing file keeps its old content unless ``force``
is given. What is written, and where:

* only a regular file is replaced (or standard output, which the commands handle as ``-``).
  A device, FIFO or socket is never replaced, not even with ``force``; nor is a symbolic link –
  it is neither replaced by a file nor written through (the user names the link's target
  instead). A folder in the path may well be a link.
* an output that is one of the command's inputs (the same file under any spelling, through a
  link or a hard link: same device and inode) is refused, ``force`` or not.
* a new file gets the permission bits of the input it is made from (a concept readable by its
  owner only gives documents readable by the owner only), within the umask; without an input,
  what the umask allows (0666 minus the umask). A replaced file keeps its mode (and, where the
  system allows, its owner and group). Executable bits are never set.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from ki_cli.files import is_folder, kind, shown


class OutputError(Exception):
    """The output cannot be written; ``reason`` says why in a word, ``path`` where."""

    def __init__(self, path: Path, reason: str, detail: object = "") -> None:
        super().__init__(f"{path}: {reason} {detail}".strip())
        self.path, self.reason, self.detail = path, reason, detail

    def message(self, lang: str) -> str:
        """What went wrong, for the user (the ``out.<reason>`` text of the catalog)."""
        from ki_cli.messages import ui

        return ui(f"out.{self.reason}", lang, path=shown(self.path), detail=self.detail, length=len(str(self.path)))


class OutputExists(OutputError):
    """The output exists and ``force`` was not given."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "exists")


class Terminated(SystemExit):
    """SIGTERM or SIGHUP during a write: the temporary file is removed, the exit code is 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


def _os_error(path: Path, err: OSError) -> OutputError:
    if err.errno == errno.ENAMETOOLONG:
        return OutputError(path, "too_long")
    if err.errno == errno.ENOTDIR:
        return OutputError(path, "parent_not_dir")
    return OutputError(path, "not_writable", err.strerror or str(err))


def _same_file(info: os.stat_result, inputs: Sequence[Path]) -> Path | None:
    for given in inputs:
        try:
            if os.path.samestat(info, os.stat(given)):
                return given
        except (OSError, ValueError):
            continue
    return None


def check_target(path: Path, force: bool, inputs: Sequence[Path] = ()) -> None:
    """Fail early (before any work) when ``path`` cannot or must not be written.

    ``inputs`` are the files the output is made from: it must be none of them."""
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as err:
        raise _os_error(path, err if isinstance(err, OSError) else OSError(errno.EINVAL, str(err))) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            try:
                target = os.readlink(path)
            except OSError:
                target = "?"
            raise OutputError(path, "symlink", shown(target))
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(path, "is_dir")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(path, "special", kind(info.st_mode))
        same = _same_file(info, inputs)
        if same is not None:  # named otherwise (another spelling, a link): say which input it is
            raise OutputError(path, "is_input", "" if str(same) == str(path) else f" ({shown(same)})")
        if not force:
            raise OutputExists(path)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        parent_mode = os.stat(parent).st_mode
    except FileNotFoundError:
        raise OutputError(path, "no_folder") from None
    except OSError as err:
        raise _os_error(path, err) from None
    if not stat.S_ISDIR(parent_mode):
        raise OutputError(path, "parent_not_dir")


def make_folder(folder: Path) -> None:
    """Create the output folder ``folder`` (and its parents); ``OutputError`` when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(folder, "parent_not_dir") from None
    except OSError as err:
        raise _os_error(folder, err) from None


def _umask() -> int:
    mask = os.umask(0o077)  # read by setting: a strict value for the instant in between
    os.umask(mask)
    return mask


def _mode_for(existing: os.stat_result | None, inputs: Sequence[Path]) -> int:
    """The permission bits for the new file (see the module's text)."""
    if existing is not None:
        return stat.S_IMODE(existing.st_mode) & 0o777
    base = 0o666
    if inputs:
        with contextlib.suppress(OSError, ValueError):
            base = stat.S_IMODE(os.stat(inputs[0]).st_mode) & 0o666
    return base & ~_umask()


def _terminate(signum: int, frame: object) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """SIGTERM and SIGHUP (where they exist, and are not ignored, as under ``nohup``) raise ``Terminated``."""
    installed: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) == signal.SIG_IGN:
                continue
            installed[signum] = signal.signal(signum, _terminate)
        except (ValueError, OSError):  # not the main thread: keep the default
            continue
    try:
        yield
    finally:
        for signum, previous in installed.items():  # a signal still pending is handled here, by _terminate
            if previous is not None:
                signal.signal(signum, previous)  # type: ignore[arg-type]


_BLOCKABLE = hasattr(signal, "pthread_sigmask")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM/SIGHUP back for a moment (while the temporary file is created and its name kept)."""
    held = {getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)}
    if not _BLOCKABLE:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (where folders can be opened: not on Windows)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(
    path: Path, data: bytes, force: bool = False, *, inputs: Sequence[Path] = (), lang: str | None = None
) -> None:
    """Write ``data`` to ``path`` all at once or not at all (see the module's text for what is refused).

    ``inputs``: the files the output is made from; the first one gives a new file its permission
    bits. ``lang``: the language of the line shown when SIGTERM/SIGHUP ends the write."""
    check_target(path, force, inputs)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        existing: os.stat_result | None = os.stat(path)
    except OSError:
        existing = None
    mode = _mode_for(existing, inputs)
    temp: str | None = None
    replaced = False
    try:
        with _signals_end_the_write():
            with _signals_held():
                try:
                    handle, temp = tempfile.mkstemp(prefix=f".{path.name[:80]}.", suffix=".tmp", dir=parent)
                except OSError as err:
                    raise _os_error(path, err) from None
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                _set_mode(out.fileno(), temp, mode, existing)
                os.fsync(out.fileno())
            check_target(path, force, inputs)  # what appeared or changed meanwhile is never clobbered
            os.replace(temp, path)
            replaced = True
    except BaseException as err:
        if temp is not None and not replaced:
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if isinstance(err, Terminated):
            _say_terminated(path, err.signum, replaced, lang)
        if isinstance(err, OSError):
            raise _os_error(path, err) from None
        raise
    _sync_folder(parent)


def _set_mode(fd: int, temp: str, mode: int, existing: os.stat_result | None) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows: only the read-only bit exists
        with contextlib.suppress(OSError):
            os.chmod(temp, mode)
    if existing is not None and hasattr(os, "fchown"):
        with contextlib.suppress(OSError):  # allowed for root, or a group of one's own
            os.fchown(fd, existing.st_uid, existing.st_gid)
            os.fchmod(fd, mode)  # chown may have cleared bits


def _say_terminated(path: Path, signum: int, replaced: bool, lang: str | None) -> None:
    from ki_cli.messages import ui
    from ki_cli.text import detect_lang

    with contextlib.suppress(Exception):
        name = signal.Signals(signum).name
        key = "out.terminated_after" if replaced else "out.terminated"
        sys.stderr.write("\n" + ui(key, detect_lang(lang), path=shown(path), signal=name) + "\n")
        sys.stderr.flush()


__all__ = ["OutputError", "OutputExists", "Terminated", "check_target", "is_folder", "make_folder", "write_atomic"]

"""The ``ki`` executable's entry point: ``ki validate``, run on every save, skips building the CLI.

Importing Typer costs more than the whole floor of a validation (Python starting and reading a
YAML file). So a plain ``ki validate …`` line goes straight to ``ki_cli.cli.validate.run``,
the same function the Typer command calls; anything the small parser there is unsure of goes to
Typer, and so does every other command (the command line itself is declared once, in Typer; a
test holds the parser's option table against the Typer command's parameters).

Both run inside ``guarded``, the one place that turns Ctrl-C, a reader that has gone, a
closed or full standard output and unexpected failures into the right message and exit code.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from collections.abc import Callable


class Interrupted(BaseException):
    """Ctrl-C. Not a KeyboardInterrupt, so that no library swallows it on the way up."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted


def _argv_lang() -> str:
    """The language for messages outside a command (``--lang`` as given, else the default)."""
    from ki_cli.text import detect_lang

    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return detect_lang(args[i + 1])
        if arg.startswith("--lang="):
            return detect_lang(arg.split("=", 1)[1])
    return detect_lang(None)


def _say(message: str) -> None:
    """One line on standard error, if standard error can still take it."""
    try:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass


class _ClosedOutput(io.RawIOBase):
    """Standard output when the process was started without one (``ki … >&-``): every write fails
    as writing to the closed descriptor would, and the guard says so in one line."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _standard_streams() -> None:
    """Started with standard input, output or error closed: put ``/dev/null`` on that descriptor, so
    that no file opened later lands on it (a later ``open`` would get the lowest free descriptor,
    and whatever writes to descriptor 1 would write into that file), and give Python a stream."""
    if sys.stdin is not None and sys.stdout is not None and sys.stderr is not None:
        return
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if name == "stdout":
            sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")
        else:
            setattr(sys, name, open(os.devnull, "r" if fd == 0 else "w", encoding="utf-8"))  # noqa: SIM115


def _drop_stdout() -> None:
    """After a reader has gone or the output failed: whatever is still buffered goes nowhere, so
    that the interpreter's last flush at exit has nothing to fail on (it would print a traceback)."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, sys.stdout.fileno())  # for anything holding the old stream
        finally:
            os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _reader_gone(err: OSError) -> bool:
    """The reading end of standard output has closed (``ki … | head -1``). Windows has no SIGPIPE
    and reports a write into a closed pipe as EINVAL."""
    return isinstance(err, (BrokenPipeError, ConnectionResetError)) or (os.name == "nt" and err.errno == errno.EINVAL)


_OUTPUT_REASONS = {
    errno.EBADF: "output.closed",
    errno.ENOSPC: "output.full",
    errno.EFBIG: "output.too_large",
    errno.EIO: "output.io",
    getattr(errno, "EDQUOT", -1): "output.quota",
}


def _exit_code(code: object) -> int:
    """The exit code a ``SystemExit`` stands for (None: 0; a text: printed, 1)."""
    if code is None or isinstance(code, int):
        return code or 0
    _say(str(code))
    return 1


def guarded(body: Callable[[], int]) -> int:
    """``body``'s exit code, with every way out of a command handled in this one place:

    * Ctrl-C: one line, exit 2;
    * the reader of standard output gone (``| head -1``): quiet, with the command's own exit code
      when it had finished, else 0 – as most Unix tools. SIGPIPE stays ignored (Python's default):
      being killed by it in the middle of writing a file would leave its temporary file behind;
    * standard output closed or full: one line, exit 2;
    * a library of an extra not installed (WeasyPrint for PDF …): the extra to install in one line
      (``ki_cli.extras``), exit 2;
    * any other failure: one line, exit 2 (``--debug``: the traceback too).

    Standard output is flushed in here too, so that a write that fails only then is handled alike.
    """
    import signal

    from ki_cli.messages import ui

    _standard_streams()
    with contextlib.suppress(ValueError):  # not in the main thread (tests): keep the default
        signal.signal(signal.SIGINT, _interrupt)
    finished: int | None = None
    try:
        try:
            finished = body()
        except SystemExit as stop:
            finished = _exit_code(stop.code)
        sys.stdout.flush()
        return finished
    except (Interrupted, KeyboardInterrupt):
        _say("\n" + ui("interrupted", _argv_lang()))
        return 2
    except OSError as err:
        if _reader_gone(err):
            _drop_stdout()
            return finished or 0
        reason = _OUTPUT_REASONS.get(err.errno or 0)
        if reason is None:
            return _internal(err)
        lang = _argv_lang()
        _say(ui("output_failed", lang, reason=ui(reason, lang)))
        _drop_stdout()
        return 2
    except ModuleNotFoundError as err:
        return _missing(err)
    except Exception as err:  # noqa: BLE001 - the one place that turns a bug into a message
        return _internal(err)


def _missing(err: ModuleNotFoundError) -> int:
    """A library of an extra (``ki-cli[dokumente]`` …) is not installed: which extra to install, exit 2."""
    from ki_cli.extras import message, missing_library

    library = missing_library(err)
    if library is None:  # not one of ours: a broken installation, said as any other failure
        return _internal(err)
    _say(message(library, _argv_lang()))
    return 2


def _internal(err: Exception) -> int:
    from ki_cli.messages import ui

    if "--debug" in sys.argv[1:]:
        import traceback

        with contextlib.suppress(OSError, ValueError, AttributeError):
            traceback.print_exc()
    _say(ui("internal", _argv_lang(), error=f"{type(err).__name__}: {err}"))
    return 2


def _validate(options: dict[str, object]) -> int:
    from ki_cli.check.report import outcome
    from ki_cli.cli.validate import run

    return outcome(run, **options)


def _dispatch() -> int:
    args = sys.argv[1:]
    if "validate" in args:
        from ki_cli.cli.validate import plain_command_line

        options = plain_command_line(args)
        if options is not None:
            return _validate(options)
    from ki_cli.cli.app import run_app

    return run_app()


def main() -> None:
    """``ki``: every way in (the help page, the direct validation, the Typer app) inside one guard."""
    sys.exit(guarded(_dispatch))

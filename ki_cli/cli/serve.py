"""``ki serve [DIR] [--port N] [--no-browser]``: the local web editor (``ki_cli.serve``).

Listens on 127.0.0.1 only and prints one line, ``http://127.0.0.1:PORT/?token=TOKEN``, on standard
output (flushed at once, so that a script or test reading it gets it while the server runs); every
other line goes to standard error. Ctrl+C (SIGINT) or SIGTERM ends it cleanly with exit code 0.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ki_cli.check.report import EXIT_OK, EXIT_USAGE, Stop
from ki_cli.serve.texts import text

DEFAULT_PORT = 8765


def _bind(port: int, lang: str, fallback: bool) -> socket.socket:
    """A listening socket on 127.0.0.1:``port``; with ``fallback`` (no --port given) a free port if it is taken."""
    # IPPROTO_TCP named: asyncio sets TCP_NODELAY only on such sockets (else each answer waits ~40 ms
    # for a delayed ACK on a kept-alive connection)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if sys.platform != "win32":  # (on Windows this option would let a second server take the same port)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as err:
        sock.close()
        if fallback and err.errno in (errno.EADDRINUSE, errno.EACCES):
            return _bind(0, lang, False)
        raise Stop(EXIT_USAGE, text("cli.port_busy", lang, port=port, detail=err.strerror or err)) from None
    sock.listen(128)  # connections wait in the backlog until uvicorn takes over: the URL printed works at once
    return sock


def run(folder: str, port: int | None, no_browser: bool, lang: str) -> int:
    """Serve ``folder`` until Ctrl+C; the exit code (or ``Stop``)."""
    if port is not None and not 0 <= port <= 65535:
        raise Stop(EXIT_USAGE, text("cli.bad_port", lang, port=port))
    root = Path(folder)
    if not root.is_dir():
        raise Stop(EXIT_USAGE, text("cli.not_folder", lang, path=folder))
    try:
        import uvicorn

        from ki_cli.serve.app import create_app
    except ImportError as err:
        from ki_cli.extras import message, missing_library

        library = missing_library(err)
        if library is None:
            raise
        raise Stop(EXIT_USAGE, message(library, lang)) from None
    import secrets

    token = secrets.token_urlsafe(32)
    sock = _bind(DEFAULT_PORT if port is None else port, lang, fallback=port is None)
    bound = int(sock.getsockname()[1])
    app = create_app(root, token, lang=lang, port=bound)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False)
    server = _quiet_server(uvicorn)(config)
    url = f"http://127.0.0.1:{bound}/?token={token}"
    sys.stdout.write(url + "\n")
    sys.stdout.flush()
    sys.stderr.write(text("cli.serving", lang, path=root.resolve()) + "\n")
    sys.stderr.flush()
    if not no_browser:
        import threading
        import webbrowser

        threading.Timer(0.3, lambda: _open(webbrowser, url)).start()
    try:
        server.run(sockets=[sock])
    finally:
        with contextlib.suppress(OSError):
            sock.close()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(text("cli.stopped", lang) + "\n")
    return EXIT_OK


def _quiet_server(uvicorn: Any) -> Any:
    """uvicorn's server, except that Ctrl+C or SIGTERM, once it has shut down, ends ``ki serve`` with
    exit code 0 (uvicorn would raise the signal again, and the process end as interrupted)."""

    class Server(uvicorn.Server):  # type: ignore[misc]
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            with super().capture_signals():
                yield
                self._captured_signals.clear()

    return Server


def _open(webbrowser: object, url: str) -> None:
    with contextlib.suppress(Exception):  # no browser: the address is printed all the same
        webbrowser.open(url)  # type: ignore[attr-defined]
